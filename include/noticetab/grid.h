// The layout-neutral table grid: what every table reader writes and the
// interpreter (interpret.h) reads. A reader only cuts cells; it gives them no
// roles. Text readers (tabs, pipes, markdown, cell streams, space-aligned
// columns) and the native readers (docx, html, odt, pdf, ofd) all produce this.
//
// A Grid owns its strings; it points into no buffer (spans are offsets, not
// views), so it outlives the Source it was cut from. Nothing here throws.
// Depends on nothing but the standard library (and diagnostic.h). Stable: add
// fields, never rename or drop them.
#ifndef NOTICETAB_GRID_H_
#define NOTICETAB_GRID_H_

#include <cstddef>
#include <string>
#include <vector>
#include <utility>

#include "noticetab/diagnostic.h"

namespace noticetab {

/// Where a piece of the grid came from in the input. Lines are 1-based lines
/// of the text as noticetab reads it (for docx/html/odt: of the text as it
/// renders it, one paragraph or table row a line); 0 = unknown. Byte offsets
/// are into the decoded UTF-8 text, [begin, end); end == 0 = unknown.
struct SourceSpan {
  int first_line = 0, last_line = 0;
  std::size_t begin = 0, end = 0;
  int page = 0;       ///< 1-based page (pdf, ofd), 0 = none
  int paragraph = 0;  ///< 1-based paragraph/element index (docx, html), 0 = none
  /// Grows the span to cover `other` (unknown parts of either are ignored).
  void Cover(const SourceSpan& other);
};

/// One cell as printed. `text` is the cell's own text, wrapped lines joined
/// (no space between CJK characters), trimmed; a cell whose text was
/// unreadable holds what was read and `damaged` = true.
struct GridCell {
  std::string text;
  SourceSpan span;
  int row_span = 1, col_span = 1;  ///< > 1 when the format says the cell is merged
  bool placeholder = false;        ///< an explicit empty slot (`|||`, an empty tab-prefixed line)
  bool damaged = false;            ///< OCR/extraction damage seen in the cell
};

/// One row of cells left to right. A cell covered by a merged cell above or
/// to the left is NOT repeated: readers of formats that know spans set
/// row_span/col_span on the covering cell; text readers usually cannot know
/// and leave rows short or shifted (the interpreter aligns them).
struct GridRow {
  std::vector<GridCell> cells;
  SourceSpan span;
  bool header = false;            ///< a header row (the first, or one repeated after a page break)
  bool after_page_break = false;  ///< the first row after a page break / repeated header
  /// Text readers: a line inside the table with no cell separators (a cell
  /// the extractor wrapped onto a line of its own); one cell.
  bool unsplit = false;
  /// Body readers: a heading between the row's body item and the row (the 1．
  /// over （1） （2）), which groups rows and is none itself.
  struct Heading {
    std::string no, title;  ///< numeral as printed without brackets or dot; title as Item::title
    int line = 0;           ///< 1-based input line
  };
  std::vector<Heading> headings;  ///< outermost first; empty for table rows
  /// {code, message} the row's task is warned with: a body reader's (a group
  /// clause whose count is not its group's size), a table reader's guess (a
  /// markdown row joined over lines, row.joined; cells read at spaces, row.unmarked).
  std::vector<std::pair<std::string, std::string>> notes;
};

/// One table of the notice.
struct Grid {
  std::string layout;   ///< the reader's registry name; the `layout` output value
  std::string caption;  ///< annex title above the table (附件1 2024年…清单), "" when none
  SourceSpan span;      ///< the whole table
  std::vector<GridRow> rows;  ///< header rows first (header = true), then the body
  /// True when the reader saw cells but not where rows end (a table flattened
  /// to one cell per paragraph): the body is then ONE GridRow holding every
  /// cell in reading order, and the interpreter cuts it into rows by what the
  /// cells are. Placeholders mark empty slots the flattening kept.
  bool stream = false;
  /// True when the reader knows where merged cells are (docx, html, odt, and
  /// PDF/OFD tables rebuilt from their ruling lines): the format renders a
  /// merged cell into every row it covers, so an empty cell is empty. False
  /// where cells were cut from the gaps between words: merges are then
  /// guessed downstream (repair.h FillMergedCells).
  bool spans_exact = true;
  /// True when the reader knows the column of every cell (rows as wide as
  /// the header, empty slots as placeholders, nothing merged or shifted): the
  /// interpreter then reads each body row by position, not by cell shape.
  /// The body readers (key-value lines, inline clauses) cut such grids.
  bool by_position = false;
  /// Number of header rows at the front of `rows` (0 = no header found).
  int header_rows() const;
  /// Column count: the widest row, each cell counting its col_span.
  int columns() const;
};


/// A plain-text dump of a grid: a `layout:` line (` (stream)` after a stream
/// grid's name), a `caption:` line when there is one, then one row a line,
/// cells joined by " ‖ ", with `[header]`, `[break]`, `[under 1 标题]` (a body
/// row's GridRow::headings, outermost first, joined by " / "), spans `(r2)`/`(c2)` and
/// `∅` for placeholders. The `--dump grid` view (src/cli/dump.cpp), which the
/// spec tests compare (tests/spec/*.md, ```grid blocks).
std::string DumpGrid(const Grid& g);

}  // namespace noticetab

#endif  // NOTICETAB_GRID_H_
