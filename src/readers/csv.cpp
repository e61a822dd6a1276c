// Reader for tables pasted or saved as CSV (a spreadsheet's "save as CSV",
// a site's export): rows are lines of comma-separated cells, a cell holding a
// comma, a quote or a line break is in double quotes, a quote inside it
// doubled (RFC 4180). Chinese text writes its commas full-width (，), so an
// ASCII comma between cells is the table's own mark.
#include <algorithm>
#include <memory>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers.h"

namespace noticetab {

namespace {

RowLineSyntax Syntax(size_t width, bool seq_first, const Rules& rules);

// The cells of one CSV line into *out (cleared first): views into `line`,
// a quoted cell without its quotes (a doubled quote inside stays doubled:
// rows with quotes are read by ReadQuotedRow, which undoubles them; this
// split serves the header and rows without quotes). A quote with words
// after its closing quote ("放管服"改革) is the cell's own character, as a
// spreadsheet keeps it; one that closes nowhere on the line is dropped.
void SplitCommas(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  for (size_t i = 0;;) {
    size_t b = i;
    while (b < line.size() && line[b] == ' ') ++b;
    size_t comma = std::string_view::npos;
    bool quoted = false;
    if (b < line.size() && line[b] == '"') {
      size_t e = b + 1;  // the closing quote
      for (; e < line.size(); ++e) {
        if (line[e] != '"') continue;
        if (e + 1 < line.size() && line[e + 1] == '"') {
          ++e;  // a doubled quote
          continue;
        }
        break;
      }
      size_t after = e + 1;
      while (after < line.size() && line[after] == ' ') ++after;
      if (e < line.size() && (after >= line.size() || line[after] == ',')) {
        out->push_back(line.substr(b + 1, e - b - 1));
        if (after < line.size()) comma = after;
        quoted = true;
      }
    }
    if (!quoted) {
      comma = line.find(',', i);
      std::string_view cell = Trim(
          line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
      // A quote opening the cell that closes nowhere on the line is no text of it.
      if (!cell.empty() && cell.front() == '"' && line.find('"', b + 1) == std::string_view::npos)
        cell = Trim(cell.substr(1));
      out->push_back(cell);
    }
    if (comma == std::string_view::npos) return;
    i = comma + 1;
  }
}

bool HasComma(const Line& l) { return l.raw.find(',') != std::string_view::npos; }

}  // namespace

// A header line of comma-separated names (two commas at least: three columns).
// Header names are short (HeaderRole takes none over 8 characters): the
// first comma comes within a name's bytes and its quotes, the second too.
bool DetectCsv(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  constexpr size_t kName = 3 * 8 + 2;
  const std::string_view t = lines[at].text;
  const size_t comma = t.substr(0, kName + 1).find(',');
  if (comma == std::string_view::npos || t.substr(comma + 1, kName + 1).find(',') == std::string_view::npos)
    return false;
  std::vector<std::string_view> cells;
  SplitCommas(t, &cells);
  // Names, not a sentence with ASCII commas (明确工作任务,责任单位,完成时限。),
  // and a row under them.
  for (std::string_view c : cells)
    if (rules.punct.full_stop.Ends(c)) return false;
  const size_t next = PastBlank(lines, at + 1);
  if (next >= lines.size() || !HasComma(lines[next])) return false;
  return !HeaderRoles(cells, rules).empty();
}

namespace {

// A row with more cells than the header. A comma typed unquoted in the content
// (2,深化政务公开,推进基层标准化,县政府办公室,…) leaves words where the header
// has a unit or deadline: the extra cells are taken back into the content
// when they are text and every cell after them then fits its column by shape
// (a unit list under units, a deadline under 完成时限), with a warning. Any
// other row loses its empty cells past the header's width (a trailing comma)
// and is left to the interpreter (cell.extra).
void JoinExtraCells(Grid* g, size_t width, const std::vector<Role>& roles, const Rules& rules) {
  const auto content = std::find(roles.begin(), roles.end(), Role::kContent);
  if (content == roles.end()) return;
  const size_t c = static_cast<size_t>(content - roles.begin());
  auto fits = [&](std::string_view text, Role role) {
    const CellShape shape = ClassifyCell(text, rules);
    if (shape == CellShape::kEmpty) return true;
    if (IsUnitRole(role))
      return shape == CellShape::kUnits;
    if (role == Role::kDeadline) return shape == CellShape::kDeadline;
    return true;
  };
  for (GridRow& r : g->rows) {
    if (r.header || r.unsplit || r.span.first_line != r.span.last_line) continue;
    if (r.cells.size() <= width) continue;
    const size_t extra = r.cells.size() - width;
    bool aligned = c + extra < r.cells.size();
    for (size_t k = c + 1; k <= c + extra && aligned; ++k)
      aligned = ClassifyCell(r.cells[k].text, rules) == CellShape::kText;
    for (size_t k = c + 1 + extra; k < r.cells.size() && aligned; ++k)
      aligned = fits(r.cells[k].text, k - extra < roles.size() ? roles[k - extra] : Role::kNone);
    if (!aligned) {
      while (r.cells.size() > width && r.cells.back().text.empty()) r.cells.pop_back();
      continue;
    }
    GridCell& into = r.cells[c];
    for (size_t k = c + 1; k <= c + extra; ++k) {
      into.text += ',';
      into.text += r.cells[k].text;
      into.span.Cover(r.cells[k].span);
    }
    r.cells.erase(r.cells.begin() + static_cast<std::ptrdiff_t>(c + 1),
                  r.cells.begin() + static_cast<std::ptrdiff_t>(c + 1 + extra));
    r.notes.emplace_back(
        "row.commas",
        "line " + std::to_string(r.span.first_line) + " has " + std::to_string(extra) +
            " cell(s) more than the header; the comma(s) read as part of the content cell");
  }
}

}  // namespace

Grid CutCsv(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  std::vector<std::string_view> cells;
  SplitCommas(lines[at].raw, &cells);
  const size_t width = cells.size();
  const std::vector<Role> roles = HeaderRoles(cells, rules);
  Grid g = CutRowLines(lines, at, rules,
                       Syntax(width, !roles.empty() && roles.front() == Role::kSeq, rules));
  JoinExtraCells(&g, width, roles, rules);
  // The title a spreadsheet saves as a row of its own, its empty cells after
  // it (2023年…任务清单,,,,): the caption, read as if written alone; a row
  // of empty cells only, as a blank line.
  std::vector<Line> above(lines.begin() + static_cast<std::ptrdiff_t>(at - std::min<size_t>(at, 4)),
                          lines.begin() + static_cast<std::ptrdiff_t>(at));
  for (Line& l : above) {
    if (!HasComma(l)) continue;
    SplitCommas(l.raw, &cells);
    if (cells.empty() || std::any_of(cells.begin() + 1, cells.end(), [](std::string_view c) { return !c.empty(); }))
      continue;
    l.raw = l.text = cells.front();
    if (l.text.empty()) l.kind = LineKind::kBlank;
  }
  g.caption = CaptionAbove(above, above.size(), rules);
  return g;
}

namespace {
// A row line: a line with commas, as many cells as the header has (a
// spreadsheet writes every row so), or a line whose quoted cell goes on below
// (an odd number of quotes), or a row opening with its number under a 序号
// column, whatever its shape; else a few cells fewer or more (a hand-typed
// table dropping empty cells at the end, a comma unquoted in a cell) that is
// not a sentence (请各单位按时报送,联系人:张三。 under the table). Under a 序号
// column a row's first cell is short (a number, a gap, 1、).
RowLineSyntax Syntax(size_t width, bool seq_first, const Rules& rules) {
  RowLineSyntax syntax;
  syntax.layout = "csv";
  syntax.split = [](const Line& l, std::vector<std::string_view>* out) { SplitCommas(l.raw, out); };
  syntax.is_row = [width, seq_first, &rules,
                   cells = std::make_shared<std::vector<std::string_view>>()](const Line& l) {
    if (!HasComma(l)) return false;
    if (std::count(l.raw.begin(), l.raw.end(), '"') % 2 == 1) return true;  // ReadQuotedRow decides
    SplitCommas(l.raw, cells.get());
    const size_t n = cells->size();
    if (n == width) return true;
    if (n < 2) return false;
    constexpr size_t kSeqBytes = 4 * 3;
    if (seq_first && cells->front().size() > kSeqBytes) return false;
    if (seq_first && SeqNumber(cells->front())) return true;
    return n + 2 >= width && n <= width + 3 && !rules.punct.full_stop.Ends(l.text);
  };
  syntax.quoted_cells = true;
  syntax.separator = ',';
  syntax.quoted_one_line = true;
  return syntax;
}
}  // namespace

}  // namespace noticetab
