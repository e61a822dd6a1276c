// The reader table and what the readers share: header detection, table end,
// and the assignment of a row's cells to roles by position and shape.
#include <algorithm>

#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {

int DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
Table ReadTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
int DetectCellPerLine(const std::vector<Line>& lines, size_t at, const Rules& rules);
int DetectTabPrefixed(const std::vector<Line>& lines, size_t at, const Rules& rules);
Table ReadCellStream(const std::vector<Line>& lines, size_t at, const Rules& rules);
int DetectPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);
Table ReadPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);

const std::vector<Reader>& Readers() {
  static const std::vector<Reader> k = {
      {"tabs", DetectTabs, ReadTabs},
      {"pipe", DetectPipe, ReadPipe},
      {"tab-prefixed", DetectTabPrefixed, ReadCellStream},
      {"cell-per-line", DetectCellPerLine, ReadCellStream},
  };
  return k;
}

void Cell::Append(std::string_view more, int line) {
  more = Trim(more);
  if (more.empty()) return;
  if (!text.empty() && text.back() != ' ') {
    // Joining wrapped pieces: no space between CJK text, one between Latin words.
    size_t i = text.size();
    while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
    if (i > 0) --i;
    size_t j = 0;
    char32_t last = NextChar(text, i), first = NextChar(more, j);
    if (last < 128 && first < 128 && std::isalnum(static_cast<int>(last)) && std::isalnum(static_cast<int>(first)))
      text += ' ';
  }
  text += more;
  if (line > 0) {
    if (first_line == 0) first_line = line;
    last_line = std::max(last_line, line);
  }
}

void Row::Touch(int line) {
  if (line <= 0) return;
  if (first_line == 0 || line < first_line) first_line = line;
  last_line = std::max(last_line, line);
}

bool Table::has(Role r) const { return std::find(columns.begin(), columns.end(), r) != columns.end(); }

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      out.push_back(Trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

void PromoteContentColumn(std::vector<Role>& roles) {
  // | 牵头单位 | 责任单位 |: next to a lead column, 责任单位 names the supporters.
  auto lead = std::find(roles.begin(), roles.end(), Role::kLead);
  if (lead != roles.end() && std::find(roles.begin(), roles.end(), Role::kSupport) == roles.end())
    std::replace(lead, roles.end(), Role::kUnits, Role::kSupport);
  // No content column named: the task text sits in the last label column
  // (| 序号 | 工作任务 | 牵头单位 | ...).
  if (std::find(roles.begin(), roles.end(), Role::kContent) != roles.end()) return;
  auto last_label = std::find(roles.rbegin(), roles.rend(), Role::kLabel);
  if (last_label != roles.rend()) *last_label = Role::kContent;
}

std::vector<Role> HeaderRoles(const std::vector<std::string_view>& cells, const Rules& rules) {
  std::vector<Role> roles;
  int known = 0;
  bool core = false;
  for (auto c : cells) {
    Role r = HeaderRole(c, rules);
    if (r != Role::kNone) ++known;
    if (r == Role::kContent || r == Role::kUnits || r == Role::kLead) core = true;
    if (r == Role::kNone && !Trim(c).empty()) return {};  // a header holds header names only
    roles.push_back(r);
  }
  if (known < 2 || !core) return {};
  PromoteContentColumn(roles);
  return roles;
}

bool EndsTable(const Line& line, const Rules& rules) {
  if (line.kind != LineKind::kText) return false;
  std::string_view t = line.text;
  return rules.cc.Contains(t) || rules.printed.Contains(RemoveSpaces(t)) ||
         rules.annex_start.Contains(RemoveSpaces(t));
}

bool FindTable(const std::vector<Line>& lines, size_t from, const Rules& rules, size_t* at,
               const Reader** reader) {
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kText) continue;
    int best = 0;
    for (const auto& r : Readers()) {
      int score = r.detect(lines, i, rules);
      if (score > best) {
        best = score;
        *reader = &r;
      }
    }
    if (best > 0) {
      *at = i;
      return true;
    }
  }
  return false;
}

namespace {

bool IsInteger(std::string_view s) {
  std::string n = Nfkc(Trim(s));
  return !n.empty() && n.size() <= 5 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Table ReadRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules, const RowLineSyntax& syntax) {
  Table t;
  t.layout = syntax.layout;
  t.header_line = lines[at].no;
  t.columns = HeaderRoles(syntax.split(lines[at]), rules);
  bool after_break = false;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules)) break;
    if (syntax.is_rule && syntax.is_rule(l)) {
      if (i == at + 1 && !syntax.rule_layout.empty()) t.layout = syntax.rule_layout;
      continue;
    }
    if (!syntax.is_row(l)) {
      if (!syntax.stray_joins_above) break;
      if (!t.rows.empty()) {
        Row& above = t.rows.back();
        above.content.Append(l.text, l.no);
        above.Touch(l.no);
        above.warnings.push_back("line " + std::to_string(l.no) + " has no columns; joined to the content above");
      }
      continue;
    }
    auto cells = syntax.split(l);
    if (auto roles = HeaderRoles(cells, rules); !roles.empty()) {
      t.columns = roles;  // a repeated header (page break); its column layout rules from here on
      after_break = true;
      continue;
    }
    if (std::none_of(cells.begin(), cells.end(), [](std::string_view c) { return !c.empty(); })) continue;
    Row row = AssignRow(cells, t.columns, l.no, rules);
    row.after_break = after_break;
    after_break = false;
    t.rows.push_back(std::move(row));
  }
  return t;
}

Row AssignRow(const std::vector<std::string_view>& raw, const std::vector<Role>& header, int line,
              const Rules& rules) {
  Row row;
  row.Touch(line);
  std::vector<std::string_view> cells = raw;
  size_t content_col = std::find(header.begin(), header.end(), Role::kContent) - header.begin();
  bool header_has_seq = !header.empty() && header.front() == Role::kSeq;
  // A 序号 column after the group columns (| 重点任务 | 工作事项 | 序号 | …): the
  // first integer cell left of the content is the row's number.
  if (!header_has_seq && std::find(header.begin(), header.end(), Role::kSeq) != header.end()) {
    size_t seq_col = std::find(header.begin(), header.end(), Role::kSeq) - header.begin();
    for (size_t i = 0; i < cells.size() && i <= seq_col + 1; ++i)
      if (IsInteger(cells[i])) {
        row.seq = std::atoi(Nfkc(Trim(cells[i])).c_str());
        cells[i] = {};
        break;
      }
  }
  if (header_has_seq && !cells.empty() && IsInteger(cells.front())) {
    row.seq = std::atoi(Nfkc(Trim(cells.front())).c_str());
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
  } else if (header_has_seq && !cells.empty() && Trim(cells.front()).empty()) {
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
  }
  // Roles after the content column, in header order.
  std::vector<Role> trailing;
  bool past = false;
  for (Role r : header) {
    if (past && r != Role::kNone && r != Role::kLabel) trailing.push_back(r);
    if (r == Role::kContent) past = true;
  }
  if (!past) trailing = {Role::kUnits, Role::kDeadline};

  // Content: the longest cell that is not a label, units or a deadline. Cells
  // drift between columns (a label printed in the content column, a content
  // printed in the label column), so shape decides, not position alone.
  std::vector<CellShape> shapes;
  for (auto c : cells) shapes.push_back(ClassifyCell(c, rules));
  int content = -1;
  size_t best = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (shapes[i] != CellShape::kText) continue;
    size_t n = CharCount(cells[i]);
    if (n > best) best = n, content = static_cast<int>(i);
  }
  if (content < 0) {  // no text cell: fall back to the header's content column
    if (content_col < cells.size() && shapes[content_col] != CellShape::kEmpty &&
        shapes[content_col] != CellShape::kUnits && shapes[content_col] != CellShape::kDeadline)
      content = static_cast<int>(content_col);
  }
  size_t first_trailing = content >= 0 ? content + 1 : std::min(content_col + 1, cells.size());
  if (content >= 0) row.content.Append(cells[content], line);

  // Labels: cells left of the content. Markers decide the level; unmarked
  // labels go by position (the one next to the content is the item).
  size_t label_end = content >= 0 ? static_cast<size_t>(content) : std::min(content_col, cells.size());
  for (size_t i = 0; i < label_end; ++i) {
    if (shapes[i] == CellShape::kEmpty) continue;
    if (shapes[i] == CellShape::kGarbage) {
      row.warnings.push_back("unreadable label cell dropped: " + std::string(cells[i]));
      continue;
    }
    bool item = shapes[i] == CellShape::kItemLabel ||
                (shapes[i] != CellShape::kSectionLabel && i + 1 == label_end && label_end >= 2);
    (item ? row.item_label : row.section_label).Append(cells[i], line);
  }
  // Trailing cells: shape decides where it is unambiguous (a unit list, a
  // deadline), the header column otherwise (text, OCR debris). Rows drift by a
  // column between pages, so position alone is not trusted.
  std::vector<Role> hdr = header;
  if (header_has_seq && !hdr.empty()) hdr.erase(hdr.begin());
  auto has = [&](Role r) { return std::find(trailing.begin(), trailing.end(), r) != trailing.end(); };
  auto cell_for = [&](Role r) -> Cell* {
    switch (r) {
      case Role::kUnits: return &row.units;
      case Role::kLead: return &row.lead;
      case Role::kSupport: return &row.support;
      case Role::kDeadline: return &row.deadline;
      case Role::kNote: return &row.note;
      default: return nullptr;
    }
  };
  auto free_role = [&](Role r) { Cell* c = cell_for(r); return c && c->empty() && !c->garbled; };
  for (size_t i = first_trailing; i < cells.size(); ++i) {
    if (shapes[i] == CellShape::kEmpty) continue;
    Role positional = i < hdr.size() && has(hdr[i]) ? hdr[i] : Role::kNone;
    Role role = Role::kNone;
    if (shapes[i] == CellShape::kDeadline && has(Role::kDeadline)) {
      role = Role::kDeadline;
    } else if (shapes[i] == CellShape::kUnits) {
      for (Role r : {positional, Role::kUnits, Role::kLead, Role::kSupport})
        if ((r == Role::kUnits || r == Role::kLead || r == Role::kSupport) && has(r) && free_role(r)) {
          role = r;
          break;
        }
    }
    if (role == Role::kNone) {
      if (positional != Role::kNone && free_role(positional)) {
        role = positional;
      } else {
        for (Role r : trailing)
          if (free_role(r)) {
            role = r;
            break;
          }
      }
    }
    Cell* target = cell_for(role);
    if (!target) {
      row.warnings.push_back("extra cell beyond the header kept as note: " + std::string(cells[i]));
      row.note.Append(cells[i], line);
      continue;
    }
    if (shapes[i] == CellShape::kGarbage && role != Role::kNote) {
      target->garbled = true;
      row.warnings.push_back(std::string("unreadable ") + (role == Role::kDeadline ? "完成时限" : "责任单位") +
                             " cell dropped: " + std::string(cells[i]));
      continue;
    }
    target->Append(cells[i], line);
  }
  return row;
}

}  // namespace noticetab
