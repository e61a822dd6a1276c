// Reader for tables whose rows are lines with tab-separated cells (PDF text
// extraction, OCR). Page breaks repeat the header; rows may straddle them.
#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {

int DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.tabs == 0) return 0;
  return HeaderRoles(SplitTabs(l.raw), rules).empty() ? 0 : 10;
}

Table ReadTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  RowLineSyntax syntax;
  syntax.layout = "tabs";
  syntax.split = [](const Line& l) { return SplitTabs(l.raw); };
  syntax.is_row = [](const Line& l) { return l.tabs > 0; };
  // A line without columns inside the table is a wrapped cell the extractor
  // put on its own line: it stays with the row above.
  syntax.stray_joins_above = true;
  return ReadRowLines(lines, at, rules, syntax);
}

}  // namespace noticetab
