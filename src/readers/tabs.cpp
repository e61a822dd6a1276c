// Reader for tables whose rows are lines with tab-separated cells (PDF text
// extraction, OCR). Page breaks repeat the header; rows may straddle them.
#include "noticetab/interpret.h"
#include "readers.h"
#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {

namespace {
RowLineSyntax Syntax();
}

bool DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.tabs == 0) return false;
  const std::vector<std::string_view> cells = SplitTabs(l.raw);
  return !HeaderRoles(cells, rules).empty() || !WrappedHeaderRowLines(lines, at, rules, Syntax(), cells).empty() ||
         HeaderlessRowLines(lines, at, rules, Syntax());
}

Grid CutTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return CutRowLines(lines, at, rules, Syntax());
}

namespace {
RowLineSyntax Syntax() {
  RowLineSyntax syntax;
  syntax.layout = "tabs";
  syntax.split = [](const Line& l, std::vector<std::string_view>* out) { SplitTabs(l.raw, out); };
  syntax.is_row = [](const Line& l) { return l.tabs > 0; };
  // A line without columns inside the table is a wrapped cell the extractor
  // put on its own line: it stays with the row above (the interpreter joins it).
  syntax.stray_joins_above = true;
  syntax.wrapped_header = true;  // PDF text of narrow columns
  syntax.quoted_cells = true;    // pasted from a spreadsheet
  return syntax;
}
}  // namespace

}  // namespace noticetab
