// The reader registry: one row per layout. `name` is the `layout` output
// value. Priority decides when several readers detect a table at the same
// line; it goes from the most specific syntax to the loosest:
//   markdown 40   a pipe header with a |---| rule under it (a pipe table with more evidence)
//   tabs     30   a header line with tab-separated names
//   csv      25   a header line with comma-separated names (RFC 4180 quotes)
//   pipe     20   a header line with |-separated names (outer pipes optional)
//   spaces   15   a header line with names separated by 2+ spaces (pdftotext -layout)
//   one-space 14  a header line with names one space apart, rows opening with their 序号 (a PDF viewer's copy)
//   tab-prefixed 12  header names one per tab-prefixed line
//   records  11   each row a block of `header name：value` lines (a mobile page's cards)
//   cell-per-line 10 header names one per line (the loosest: any run of names)
// Body readers come below every table reader: they are used only when no
// table reader detects a table anywhere in the notice (a table is the
// stronger evidence; bracketed asides in the body of a notice with an annex
// table are not its tasks). Between them the order only names the layout:
//   key-value 6   牵头单位：X / 责任单位：Y / 完成时限：Z lines under the body items
//   clauses   5   a bracketed clause closing a body line: （X牵头，Y、Z配合）
// Both cut the body items with the same function (CutBody, body.cpp, which
// reads key-value lines and clauses in one pass over an item's lines into one
// grid row), so a body with both is cut once and its layout is
// "key-value+clauses".
#include "noticetab/read.h"
#include "readers.h"

namespace noticetab {

const std::vector<Reader>& Readers() {
  static const std::vector<Reader> k = {
      {"markdown", 40, DetectMarkdown, CutMarkdown},
      {"tabs", 30, DetectTabs, CutTabs},
      {"csv", 25, DetectCsv, CutCsv},
      {"pipe", 20, DetectPipe, CutPipe},
      {"spaces", 15, DetectSpaces, CutSpaces},
      {"one-space", 14, DetectOneSpace, CutOneSpace},
      {"tab-prefixed", 12, DetectTabPrefixed, CutCellStream},
      {"records", 11, DetectRecords, CutRecords},
      {"cell-per-line", 10, DetectCellPerLine, CutCellStream},
      {"key-value", 6, DetectKeyValue, nullptr, CutBody},
      {"clauses", 5, DetectInlineClause, nullptr, CutBody},
  };
  return k;
}

}  // namespace noticetab
