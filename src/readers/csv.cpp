// Reader for tables pasted or saved as CSV (a spreadsheet's "save as CSV",
// a site's export): rows are lines of comma-separated cells, a cell holding a
// comma, a quote or a line break is in double quotes, a quote inside it
// doubled (RFC 4180). Chinese text writes its commas full-width (，), so an
// ASCII comma between cells is the table's own mark.
#include <algorithm>

#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers.h"

namespace noticetab {

namespace {

RowLineSyntax Syntax();

// The cells of one CSV line into *out (cleared first): views into `line`,
// a quoted cell without its quotes (a doubled quote inside stays doubled:
// rows with quotes are read by ReadQuotedRow, which undoubles them; this
// split serves the header and rows without quotes). A quote left open runs
// to the line's end.
void SplitCommas(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  for (size_t i = 0;;) {
    size_t b = i;
    while (b < line.size() && line[b] == ' ') ++b;
    size_t comma;
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
      out->push_back(line.substr(b + 1, std::min(e, line.size()) - b - 1));
      comma = line.find(',', std::min(e, line.size()));
    } else {
      comma = line.find(',', i);
      out->push_back(Trim(line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i)));
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

Grid CutCsv(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g = CutRowLines(lines, at, rules, Syntax());
  // The title a spreadsheet saves as a row of its own, its empty cells after
  // it (2023年…任务清单,,,,): the caption, read as if written alone.
  std::vector<Line> above(lines.begin() + static_cast<std::ptrdiff_t>(at - std::min<size_t>(at, 4)),
                          lines.begin() + static_cast<std::ptrdiff_t>(at));
  std::vector<std::string_view> cells;
  for (Line& l : above) {
    if (!HasComma(l)) continue;
    SplitCommas(l.raw, &cells);
    if (cells.empty() || std::any_of(cells.begin() + 1, cells.end(), [](std::string_view c) { return !c.empty(); }))
      continue;
    l.raw = l.text = cells.front();
  }
  g.caption = CaptionAbove(above, above.size(), rules);
  return g;
}

namespace {
RowLineSyntax Syntax() {
  RowLineSyntax syntax;
  syntax.layout = "csv";
  syntax.split = [](const Line& l, std::vector<std::string_view>* out) { SplitCommas(l.raw, out); };
  syntax.is_row = HasComma;
  syntax.quoted_cells = true;
  syntax.separator = ',';
  syntax.quoted_one_line = true;
  return syntax;
}
}  // namespace

}  // namespace noticetab
