// Internal to the readers (src/readers/) and the stages around them (read.cpp,
// frontmatter.cpp, interpret.cpp, normalize.cpp, convert.cpp): the detect /
// cut pair of each layout, listed in the registry (registry.cpp), the detect
// of the body readers, and what the row-per-line readers share. Not part of the public API (that is
// include/noticetab/read.h). Nothing here throws; string_views returned point
// into the Line (and so into the Source buffer) they were cut from.
#ifndef NOTICETAB_READERS_H_
#define NOTICETAB_READERS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/grid.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

/// A grid cell for `text`, a view into line `line` of `lines` (for its span).
GridCell CellAt(const std::vector<Line>& lines, const Line& line, std::string_view text);
/// Appends `piece` (a cell's wrapped line, CellAt) to `c` as a wrapped cell
/// joins (Cell::Append: no space between CJK characters), covering its span
/// and damage.
void AppendPiece(GridCell& c, const GridCell& piece);
/// The piece as the cell when the cell is empty, else AppendPiece.
void AddPiece(GridCell& c, const GridCell& piece);
/// CellAt into `c` (a fresh cell). `line_damaged`: HasDamageMarkers(line.raw);
/// when false no part of the line is damaged and the cell is not searched.
void FillCell(GridCell& c, const std::vector<Line>& lines, const Line& line, std::string_view text,
              bool line_damaged = true);

/// A 序号 cell's value: one to three digits, ASCII or full-width (１２); none
/// for anything else.
std::optional<int> SeqNumber(std::string_view s);
/// A row's number in a cell of its own: a SeqNumber, or a CJK numeral
/// alone, or a heading's marker with no title after it (1. / （一） / 一、).
std::optional<int> RowNumber(std::string_view s, const Rules& rules);
/// True when s is a 序号 numbering a row under a group: ASCII numbers of one
/// to three digits joined by - or . (1-1, 2.3, 1-2-1).
bool SubNumber(std::string_view s);
/// The first line at or after `from` that is not blank; lines.size() when none.
size_t PastBlank(const std::vector<Line>& lines, size_t from);

/// Splits a line on tabs into trimmed cells (empty cells kept); the views
/// point into `line`.
std::vector<std::string_view> SplitTabs(std::string_view line);
/// SplitTabs into *out (cleared first), so a caller can keep one vector.
void SplitTabs(std::string_view line, std::vector<std::string_view>* out);
/// True when the line ends the annex table (抄送, 印发, another 附件).
bool EndsTable(const Line& line, const Rules& rules);
/// Whether a text line ends the body: an attachment line (附件：…) or what
/// ends a table (the annex's start, 抄送, 印发, a note).
bool EndsBody(const Line& line, const Rules& rules);
/// lines[i] is a 成文日期 alone on its line that closes the text, with no
/// signature needed: under it only blank or junk lines, the publicity remark
/// (（此件公开发布）) and lines of no words (a stray |); above it a line that
/// is done (a sentence's end, a bracket closing it, an attachment line) or,
/// past a blank line, any but a heading's title or a key and its colon.
bool ClosingDateLine(const std::vector<Line>& lines, size_t i, const Rules& rules);
/// lines[i] is a signature: a unit's whole name (30 characters at most) over
/// a date alone on its line (past blank lines); that line's index, 0 when
/// lines[i] is none. (rowlines.cpp)
size_t SignatureDate(const std::vector<Line>& lines, size_t i, const Rules& rules);
/// Whether `name` over the signature `signer` may sign beside it (联合发文:
/// 县委办公室 over 县政府办公室 / 2024年3月1日): a unit's whole name that is no
/// collective (各乡镇人民政府, 有关单位 are addressees, never issuers), of the
/// same kind of body (their names end alike: 办公室), so no table's 备注 for
/// certain. (rowlines.cpp)
bool CouldCoSign(std::string_view name, std::string_view signer, const Rules& rules);
/// lines[i] is a first-level heading numbered next after the last of its
/// style above lines[from] (三、 after 二、; from: the table's header, or i to
/// count a band row of the table too): the body going on under the table,
/// when no row follows it.
bool NextBodyHeading(const std::vector<Line>& lines, size_t i, size_t from, const Rules& rules);
/// A group label that is only a deadline in brackets (（长期坚持）,
/// （2024年底前完成）): the deadline inside it, which dates the rows under
/// it; "" for any other line. An event's name (（秋季开学前）: a deadline
/// cell's gloss) is none. (rowlines.cpp)
std::string DatedBandDeadline(std::string_view line, const Rules& rules);
/// False only when re cannot match RemoveSpaces(t) (re's literal runs: their
/// first characters are not all in t); true when it may. t is well-formed UTF-8.
bool MayMatchWithoutSpaces(const Regex& re, std::string_view t);
/// The caption of the table whose header is lines[at]: the 附件N line and
/// title lines just above it ("附件2 2024年…清单"), "" when none; lines
/// before lines[floor] (the table above) are none of it.
std::string CaptionAbove(const std::vector<Line>& lines, size_t at, const Rules& rules, size_t floor = 0);

/// Whether s (trimmed) opens with a box-drawing character (U+2500-U+257F: a
/// bordered table as w3m and lynx print one); no title or cell text does.
bool StartsBoxDrawing(std::string_view s);
/// A box-drawn table's rule line (├────┼────┤): box-drawing characters and
/// spaces only.
bool IsBoxRule(std::string_view s);
/// An ASCII grid table's rule (+------+-----+, +====+ under the header, as
/// pandoc and tabulate print a grid table): only + - = : and spaces, a
/// stroke among them. Rows between two are one row, as between box rules.
bool IsGridRule(std::string_view s);

/// How a row-per-line layout writes its rows (tabs, pipes, markdown).
struct RowLineSyntax {
  std::string layout;                                               ///< Grid::layout
  /// The cells of a row line, into *out (cleared first: one vector serves every line).
  std::function<void(const Line&, std::vector<std::string_view>* out)> split;
  std::function<bool(const Line&)> is_row;                          ///< the line is a table row
  std::function<bool(const Line&)> is_rule;  ///< a rule under the header, skipped (may be empty)
  /// A non-row line inside the table is kept as an unsplit row (the
  /// interpreter joins it to the row above); when false it ends the table.
  bool stray_joins_above = false;
  /// A header may be printed over two row lines, each name wrapped (序 over
  /// 号, 牵头 over 单位: narrow PDF columns): see WrappedHeaderRowLines.
  bool wrapped_header = false;
  /// A spreadsheet's copy (Excel, WPS: tab-separated): a cell holding a line
  /// break is printed in double quotes over several lines ("县发改委⏎县商务局"),
  /// a quote inside it doubled. Such a row is read as one (QuotedRow).
  bool quoted_cells = false;
  /// The character between a quoted row's cells (ReadQuotedRow): a tab for
  /// a spreadsheet's copy, a comma for CSV.
  char separator = '\t';
  /// Every row with a quote is read by its quotes, one line or several (CSV,
  /// where "" inside a quoted cell is one quote); otherwise only a row whose
  /// quoted cell goes on past its line is.
  bool quoted_one_line = false;
  /// Whether a row line ends in its row mark (a markdown row's closing |);
  /// empty when rows have none. In a table whose header is closed, a row
  /// line left open goes on in the lines under it up to a closed one (a cell
  /// broken over lines by OCR or a converter), and a line with no mark at all
  /// whose runs at 2+ spaces are as many as the header's cells is a row whose
  /// marks were lost (warned `row.unmarked`). Only where the header and the
  /// row line both open and close with the mark (loose pipe rows `a | b |`
  /// under a closed header are rows each).
  std::function<bool(const Line&)> closed;
  std::function<bool(const Line&)> opened;  ///< the same for the opening mark; set with closed
};
/// The header names when lines[at] and the next line are one header wrapped
/// over two lines: both rows of the same cell count, neither a header alone,
/// and every cell joined top + bottom (spaces removed) a header name. Empty
/// otherwise. Cheap on a body row: it stops at the first long cell.
/// `top`: lines[at] as the caller has already split it.
std::vector<std::string> WrappedHeaderRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules,
                                               const RowLineSyntax& syntax, const std::vector<std::string_view>& top);
/// True when a table without a header starts at lines[at]: three rows of the
/// same width, each with a text cell and a unit or deadline cell.
bool HeaderlessRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules, const RowLineSyntax& syntax);
/// Whether lines[i], a line that is no row line under the rows cut so far
/// (g), is a row of one cell: a group band (一、教育惠民, a long title by its
/// shape) over a row opening with its 序号, or a group label that is only a
/// deadline in brackets (（长期坚持）) right under the header or a band.
/// The tab and pipe readers ask it (CutRowLines), and so does the
/// space-column reader of its lines of one run.
bool BandRowLine(const std::vector<Line>& lines, size_t i, const Grid& g, const Rules& rules,
                 const RowLineSyntax& syntax);
/// Cuts a table whose rows are one line each, from the header (or first row)
/// at lines[at]: repeated headers become header rows (page breaks), blank and
/// junk lines are skipped, the table ends at 抄送 / 印发 / 附件 lines.
Grid CutRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules, const RowLineSyntax& syntax);

// From the interpreter (interpret.cpp):
/// Fixes header roles in place: next to a lead column with no support column,
/// units columns after the lead become support; when no column is named as
/// the content, the last label column becomes it.
void PromoteContentColumn(std::vector<Role>& roles);
/// Assigns the cells of one row to roles given the header roles; `line` is
/// the row's 1-based input line. Warnings go on the row.
Row AssignRow(const std::vector<std::string_view>& cells, const std::vector<Role>& header, int line,
              const Rules& rules);

bool DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectCsv(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutCsv(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules);
/// The number of cells the spaces reader cuts `line` into (runs split at two
/// spaces or an ideographic space).
size_t SpaceRunCount(std::string_view line);
/// The runs of a line split at two spaces or more (or U+3000), views into it.
std::vector<std::string_view> SpaceRuns(std::string_view line);
/// False only when SpaceRunCount(line) < 3: a quick look for two places to split.
bool MayHaveThreeRuns(std::string_view line);
Grid CutSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules);
/// A body line of a table cut by display columns (the spaces reader).
struct ColumnLine {
  size_t line = 0;           ///< index into the lines
  size_t row = 0;            ///< the Grid::rows index the reader gave it
  bool after_blank = false;  ///< a blank line stands above it
  std::vector<std::pair<size_t, std::string_view>> pieces;  ///< (column, text), left to right
};
/// Gives the body lines to rows anew when the table's cells are centred
/// vertically (centred.cpp): each numbered line (序号) anchors a row, and
/// the lines between two are cut where a blank line is, else where the rows
/// sit most nearly centred on their anchors without cutting a sentence.
/// Nothing changes unless a row with no number lies right over a numbered one.
/// `roles`: the header's, by column.
void CentreRows(const std::vector<Line>& lines, const std::vector<ColumnLine>& body, const std::vector<Role>& roles,
                const Rules& rules, Grid* g);
/// One space between cells, a line per printed line (a PDF viewer's copy): onespace.cpp.
bool DetectOneSpace(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutOneSpace(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectCellPerLine(const std::vector<Line>& lines, size_t at, const Rules& rules);
/// Where a cell-per-line header at lines[at] is turned away because the name
/// no rule knows right above it starts it and it names no unit (阶段 / 时间 /
/// 工作内容: a 时间安排): the index past its run; 0 for any other line.
size_t UnreadCellHeader(const std::vector<Line>& lines, size_t at, const Rules& rules);
/// Records: each row a block of `header name：value` lines (records.cpp).
bool DetectRecords(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutRecords(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectTabPrefixed(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutCellStream(const std::vector<Line>& lines, size_t at, const Rules& rules);
/// Whether a date cell is dated before the deadline `first`, both read with
/// the years they print (stream.cpp; interpret.cpp's stream read asks it too).
bool DatedBefore(std::string_view cell, std::string_view first, const Rules& rules);

// Body readers (their cut is CutBody below):
bool DetectKeyValue(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectInlineClause(const std::vector<Line>& lines, size_t at, const Rules& rules);

struct Section;  // document.h
/// The cut of both body readers (body.cpp): the body items as a grid, one row
/// per item or sub-item, read by position (Grid::by_position).
Grid CutBody(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
             const std::vector<Line>& lines, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_READERS_H_
