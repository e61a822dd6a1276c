// Reader for tables flattened to one cell per line: web pages (one <p> per
// cell) and Word exports (each cell a tab-prefixed line, blank lines between
// rows). Rows are rebuilt from the cell stream by cell shape: labels, then
// the content, then the unit and deadline cells.
#include <algorithm>

#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

struct StreamCell {
  Cell cell;
  bool placeholder = false;  // an empty tab-prefixed cell
  bool after_break = false;
};

// Number of pipes when the line holds nothing else ("|", "|||"), else 0.
int PipeOnly(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return 0;
  for (char c : s)
    if (c != '|' && c != ' ') return 0;
  return static_cast<int>(std::count(s.begin(), s.end(), '|'));
}

// A cell line may end in " |" (cells scraped with their separators).
std::string_view StripTrailingPipe(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && s.back() == '|') s = Trim(s.substr(0, s.size() - 1));
  return s;
}

bool IsSeqNumber(std::string_view s) {
  s = Trim(s);
  return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The header run starting at lines[at]: consecutive one-cell lines (blank lines
// between them allowed) that name header roles. Returns the index past it.
size_t HeaderRun(const std::vector<Line>& lines, size_t at, const Rules& rules, bool prefixed,
                 std::vector<Role>* roles) {
  size_t i = at;
  std::vector<Role> found;
  while (i < lines.size()) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) {
      ++i;
      continue;
    }
    if (PipeOnly(l.text) == 1) {  // a separator line between header cells
      ++i;
      continue;
    }
    bool is_prefixed = !l.raw.empty() && l.raw[0] == '\t';
    if (l.tabs > (is_prefixed ? 1 : 0) || is_prefixed != prefixed) break;
    Role r = HeaderRole(l.text, rules);
    if (r == Role::kNone) break;
    found.push_back(r);
    ++i;
  }
  bool core = std::any_of(found.begin(), found.end(),
                          [](Role r) { return r == Role::kContent || r == Role::kUnits || r == Role::kLead; });
  if (found.size() < 2 || !core) return at;
  PromoteContentColumn(found);
  if (roles) *roles = found;
  while (i > at && lines[i - 1].kind == LineKind::kBlank) --i;
  return i;
}

int Detect(const std::vector<Line>& lines, size_t at, const Rules& rules, bool prefixed) {
  return HeaderRun(lines, at, rules, prefixed, nullptr) > at ? 8 : 0;
}

bool LabelLike(std::string_view s) {
  std::string c = RemoveSpaces(s);
  return CharCount(c) <= 30 && c.find("。") == std::string::npos && c.find("，") == std::string::npos &&
         c.find(",") == std::string::npos;
}

}  // namespace

int DetectCellPerLine(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return Detect(lines, at, rules, false);
}
int DetectTabPrefixed(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return Detect(lines, at, rules, true);
}

Table ReadCellStream(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Table t;
  bool prefixed = !lines[at].raw.empty() && lines[at].raw[0] == '\t';
  t.layout = prefixed ? "tab-prefixed" : "cell-per-line";
  t.header_line = lines[at].no;
  size_t i = HeaderRun(lines, at, rules, prefixed, &t.columns);

  // 1. The cell stream.
  std::vector<StreamCell> cells;
  bool after_break = false;
  for (; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules)) break;
    if (std::vector<Role> again; HeaderRun(lines, i, rules, prefixed, &again) > i) {
      i = HeaderRun(lines, i, rules, prefixed, nullptr) - 1;
      after_break = true;
      continue;
    }
    bool is_prefixed = !l.raw.empty() && l.raw[0] == '\t';
    if (prefixed && !is_prefixed && !cells.empty()) {
      cells.back().cell.Append(l.text, l.no);  // a cell continued on an unprefixed line
      continue;
    }
    if (int pipes = PipeOnly(l.text)) {
      // "|" separates cells; "|||" stands for empty (merged) cells.
      for (int k = 1; k < pipes; ++k) {
        StreamCell empty;
        empty.placeholder = true;
        empty.cell.first_line = empty.cell.last_line = l.no;
        cells.push_back(std::move(empty));
      }
      continue;
    }
    StreamCell c;
    c.cell.Append(StripTrailingPipe(l.text), l.no);
    c.cell.first_line = c.cell.last_line = l.no;
    c.placeholder = c.cell.empty();
    c.after_break = after_break;
    after_break = false;
    cells.push_back(std::move(c));
  }

  // 2. Rows from the stream.
  std::vector<CellShape> shapes;
  for (const auto& c : cells) shapes.push_back(ClassifyCell(c.cell.text, rules));
  auto next_shape = [&](size_t k) {
    for (size_t j = k + 1; j < cells.size(); ++j)
      if (shapes[j] != CellShape::kEmpty) return shapes[j];
    return CellShape::kEmpty;
  };

  Row row;
  std::optional<int> pending_seq;
  bool have_content = false, trailing_started = false;
  std::vector<const StreamCell*> pending;  // cells before the content
  auto finish = [&] {
    if (have_content) t.rows.push_back(std::move(row));
    row = Row();
    have_content = trailing_started = false;
  };
  auto start_content = [&](const StreamCell& c) {
    row.content = c.cell;
    row.seq = pending_seq;
    pending_seq.reset();
    row.Touch(c.cell.first_line);
    row.Touch(c.cell.last_line);
    have_content = true;
    // Labels: markers decide; unmarked ones by slot, the last before the content is the item.
    for (size_t k = 0; k < pending.size(); ++k) {
      const Cell& p = pending[k]->cell;
      if (p.empty()) continue;
      CellShape s = ClassifyCell(p.text, rules);
      bool item = s == CellShape::kItemLabel || (s != CellShape::kSectionLabel && k + 1 == pending.size());
      Cell& target = item ? row.item_label : row.section_label;
      target = p;
      row.Touch(p.first_line);
      if (pending[k]->after_break) row.after_break = true;
    }
    if (c.after_break) row.after_break = true;
    pending.clear();
  };

  for (size_t k = 0; k < cells.size(); ++k) {
    const StreamCell& c = cells[k];
    CellShape s = shapes[k];
    if (IsSeqNumber(c.cell.text)) {  // a 序号 cell starts a row, named by the header or not
      if (have_content) finish();
      pending_seq = std::atoi(c.cell.text.c_str());
      continue;
    }
    if (have_content) {
      bool handled = true;
      switch (s) {
        case CellShape::kUnits: {
          // The next free unit column in header order (责任单位, or 牵头 then 配合).
          Cell* target = nullptr;
          for (Role r : t.columns) {
            Cell* c2 = r == Role::kUnits ? &row.units : r == Role::kLead ? &row.lead
                     : r == Role::kSupport ? &row.support : nullptr;
            if (c2 && c2->empty() && !c2->garbled) {
              target = c2;
              break;
            }
          }
          if (target) {
            *target = c.cell;
          } else {
            handled = false;  // all unit columns are full: this cell starts the next row
          }
          break;
        }
        case CellShape::kDeadline:
          if (row.deadline.empty()) {
            row.deadline = c.cell;
          } else {
            if (!IsYearOnly(row.deadline.text)) row.warnings.push_back("two deadline cells in a row; joined");
            row.deadline.Append(c.cell.text, c.cell.first_line);
          }
          break;
        case CellShape::kGarbage: {
          Cell& target = row.units.empty() && !row.units.garbled ? row.units : row.deadline;
          target.garbled = true;
          row.warnings.push_back("unreadable cell dropped: " + c.cell.text);
          break;
        }
        case CellShape::kEmpty:
          if (!trailing_started) {
            trailing_started = true;  // the empty unit cell of this row
          } else {
            handled = false;          // a label slot of the next row
          }
          break;
        case CellShape::kText:
          if (!trailing_started && !EndsSentence(row.content.text) && next_shape(k) != CellShape::kText) {
            row.content.Append(c.cell.text, c.cell.first_line);  // content wrapped into a second paragraph
            break;
          }
          handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) {
        if (s != CellShape::kText) trailing_started = true;
        row.Touch(c.cell.first_line);
        row.Touch(c.cell.last_line);
        continue;
      }
      finish();
    }
    // No content yet in this row.
    switch (s) {
      case CellShape::kEmpty:
      case CellShape::kSectionLabel:
      case CellShape::kItemLabel:
        pending.push_back(&c);
        break;
      case CellShape::kText: {
        CellShape next = next_shape(k);
        if (LabelLike(c.cell.text) && (next == CellShape::kText || next == CellShape::kItemLabel))
          pending.push_back(&c);
        else
          start_content(c);
        break;
      }
      case CellShape::kGarbage:
        t.warnings.push_back("line " + std::to_string(c.cell.first_line) + ": unreadable cell dropped: " + c.cell.text);
        break;
      case CellShape::kUnits:
      case CellShape::kDeadline: {
        // A trailing cell with no content before it: the last label-looking
        // cell was the content after all.
        auto last = std::find_if(pending.rbegin(), pending.rend(), [](const StreamCell* p) { return !p->cell.empty(); });
        if (last != pending.rend()) {
          const StreamCell* content = *last;
          pending.erase(std::next(last).base());
          start_content(*content);
          --k;  // handle this cell again as a trailing cell
        } else if (!t.rows.empty()) {
          Row& prev = t.rows.back();
          Cell& target = s == CellShape::kUnits ? prev.units : prev.deadline;
          target.Append(c.cell.text, c.cell.first_line);
          prev.Touch(c.cell.first_line);
          prev.warnings.push_back("a cell without its row joined to the row above: " + c.cell.text);
        }
        break;
      }
    }
  }
  finish();
  return t;
}

}  // namespace noticetab
