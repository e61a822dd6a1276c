// The reader registry: one row per layout. `name` is the `layout` output
// value. Priority decides when several readers detect a table at the same
// line; it goes from the most specific syntax to the loosest:
//   markdown 40   a pipe header with a |---| rule under it (a pipe table with more evidence)
//   tabs     30   a header line with tab-separated names
//   pipe     20   a header line with |-separated names (outer pipes optional)
//   spaces   15   a header line with names separated by 2+ spaces (pdftotext -layout)
//   tab-prefixed 12  header names one per tab-prefixed line
//   cell-per-line 10 header names one per line (the loosest: any run of names)
#include "noticetab/read.h"
#include "readers.h"

namespace noticetab {

const std::vector<Reader>& Readers() {
  static const std::vector<Reader> k = {
      {"markdown", 40, DetectMarkdown, CutMarkdown},
      {"tabs", 30, DetectTabs, CutTabs},
      {"pipe", 20, DetectPipe, CutPipe},
      {"spaces", 15, DetectSpaces, CutSpaces},
      {"tab-prefixed", 12, DetectTabPrefixed, CutCellStream},
      {"cell-per-line", 10, DetectCellPerLine, CutCellStream},
  };
  return k;
}

}  // namespace noticetab
