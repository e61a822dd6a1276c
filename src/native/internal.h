// Shared pieces of the native readers (src/native/): the ZIP and XML wrappers
// with their limits, and the builder that turns paragraphs and table rows into
// rendered lines. Not part of the public API.
#ifndef NOTICETAB_SRC_NATIVE_INTERNAL_H_
#define NOTICETAB_SRC_NATIVE_INTERNAL_H_

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/native.h"

namespace noticetab {

/// Notes content a native reader saw but could not read (an embedded object,
/// a page with no text): a warning with the code input.partial, which the CLI
/// reports as the document-level problem "read only in part".
void NotRead(Rendered& r, int line, std::string message);

}  // namespace noticetab

namespace noticetab::native {

/// Limits on what a native reader unpacks, against zip bombs.
inline constexpr uint64_t kMaxMemberSize = uint64_t{64} << 20;   ///< one ZIP member
inline constexpr uint64_t kMaxUnpackedSize = uint64_t{256} << 20;  ///< all members read

/// A ZIP archive read from memory. Members are read with a size limit each
/// and in total (kMaxMemberSize, kMaxUnpackedSize), whatever their headers
/// claim. Errors throw Error(kInput) naming `name`.
class Zip {
 public:
  Zip(std::string_view bytes, std::string name);
  ~Zip();
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool Has(const std::string& member) const;
  /// REQUIRES: Has(member).
  std::string Read(const std::string& member);
  const std::string& name() const { return name_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string name_;
  uint64_t unpacked_ = 0;
};

/// A ZIP member path as the archive names it: "." and empty pieces dropped,
/// ".." taking off the piece before it (never above the root):
/// "word/../customXml/x.xml" -> "customXml/x.xml". For the part names that
/// docx relationships and OFD locations give relative to a folder.
std::string MemberPath(std::string_view path);

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

/// Parses XML without network, DTD loading or entity substitution; a document
/// with a DOCTYPE is refused (no office format has one). Throws Error(kInput)
/// "`what`: ..." naming `name`.
XmlDoc ParseXml(std::string_view bytes, const std::string& name, const std::string& what);
/// Parses HTML leniently in `encoding` (an IANA name libxml2 knows).
XmlDoc ParseHtml(std::string_view bytes, const std::string& encoding, const std::string& name);

/// The local name of an element ("p" for w:p); "" for anything else.
std::string_view Name(const xmlNode* n);
/// The value of the attribute with local name `attr` (any namespace), or "".
std::string Attr(const xmlNode* n, std::string_view attr);
bool HasAttr(const xmlNode* n, std::string_view attr);
/// The first element child with local name `name`, or nullptr.
xmlNode* Child(const xmlNode* n, std::string_view name);
/// The text of a text or CDATA node; "" for anything else (entity references too).
std::string_view NodeText(const xmlNode* n);

/// An input cell of TableBuilder::AddRow.
struct InCell {
  std::string text;
  int col_span = 1;
  int row_span = 1;      ///< rows it covers downward (HTML rowspan, ODT rows-spanned)
  bool covered = false;  ///< continues the cell above (w:vMerge without restart)
};

/// Lines of a rendered document. Paragraph text is cleaned (no '\n', no
/// control characters); a table row becomes one line of TAB-separated cells,
/// a cell covered by a vertical merge empty, a column span followed by empty
/// cells. The exact spans are kept in Rendered::grids.
class LineBuilder {
 public:
  explicit LineBuilder(Rendered* out) : out_(out) {}
  /// One paragraph; breaks inside it ('\n') start new lines.
  void Paragraph(std::string_view text, int page = 0);
  /// `spans_exact`: Grid::spans_exact of the table begun.
  void BeginTable(bool spans_exact = true);
  /// `header`: the format marks the row a header row (w:tblHeader, <thead>,
  /// all <th>, table:table-header-rows).
  void AddRow(std::vector<InCell> cells, int page = 0, bool header = false);
  void EndTable();
  /// The lines, tables and notes of a document rendered on its own (a part
  /// the document imports), after the lines so far.
  void Append(Rendered part);

 private:
  void Line(std::string line, int page);
  bool RepeatsHeader(int row, const std::vector<InCell>& cells) const;
  Rendered* out_;
  Grid table_;
  std::vector<int> pending_;                    // per column: rows still covered from above
  std::vector<std::pair<int, int>> origin_;     // per column: (row, cell) of the covering cell
  bool in_table_ = false;
  // A table that follows another with only blank lines between continues it
  // (a table split at a page): a merge may carry on from the table before.
  bool after_table_ = false;                      // no text since the last table ended
  bool continues_ = false;                        // the table being built follows one
  int repeated_rows_ = 0;                         // its leading rows that repeat the first table's
  static constexpr size_t kFirstRows = 3;         // header rows a continuing table may repeat, at most
  std::vector<std::vector<std::string>> texts_;   // the table's first rows as rendered (a text per column)
  std::vector<std::string> last_texts_;           // its last row as rendered
  std::vector<std::vector<std::string>> first_rows_;  // the last table's first rows as rendered
  std::vector<std::string> carry_;                // the last table's last row as rendered
};

/// Cell text: each run of line breaks, tabs and spaces becomes one space (a
/// break typed in a cell may separate two unit names); trimmed.
std::string CellText(std::string_view text);
/// Appends `piece` to `text`, a space between them only when both sides are
/// ASCII letters or digits.
void JoinPiece(std::string& text, std::string_view piece);

/// A word (or a run of characters) on a page, in points from the page's
/// top-left corner, y downward.
struct PlacedWord {
  double x0, y0, x1, y1;
  std::string text;
};
/// A ruling line (a table border): horizontal (y0 == y1) or vertical (x0 == x1).
struct RuleLine {
  double x0, y0, x1, y1;
};
/// One page of a fixed-layout document (PDF, OFD): its words and ruling lines.
struct PlacedPage {
  double width = 0, height = 0;
  std::vector<PlacedWord> words;
  std::vector<RuleLine> rules;
};
/// The lines and tables of fixed-layout pages, whatever read them: lines by
/// baseline; tables from ruling lines (exact cells and spans) and, where a
/// table has no borders, from the gaps between words; page furniture dropped;
/// a table continued over a page break joined.
Rendered LayoutPages(std::vector<PlacedPage> pages);
/// The finite numbers in `s` (an OFD Boundary/CTM attribute, an SVG
/// transform), separated by anything that does not start a number.
std::vector<double> Numbers(std::string_view s);
/// Axis-parallel segments of a path (polyline points, already in page
/// coordinates) that are long enough to be table borders, appended to `out`.
void AddRules(const std::vector<std::pair<double, double>>& points, std::vector<RuleLine>& out);

/// Whether a table holding tables in its cells is a layout table (its cells
/// page regions, read as blocks) rather than a data table with a small table
/// inside a cell (a 具体目标 table in a task's content): it is, unless it has 3
/// or more columns and 2 or more rows (a header and a task) holding no table.
bool LayoutTable(size_t columns, size_t rows_without_tables);

/// Appends a row of a table nested in a data cell to that cell's `text`: a
/// line of its own, the row's cells spaced (新增供水管网 120公里), their line
/// breaks as spaces.
void AppendNestedRow(std::string& text, const std::vector<std::string>& cells);

/// A page number line ("3", "- 3 -", "第 3 页 共 12 页"): digits and the
/// words of numbering.yaml page_number_words.
bool IsPageNumber(std::string_view line);
/// Number `n` as a Word list label of format `fmt` (w:numFmt: decimal,
/// chineseCounting, ideographZodiac ...); the Chinese words are numbering.yaml's.
std::string ListNumber(int n, const std::string& fmt);
/// The number an HTML list item is given (html.cpp): item n of a list whose
/// CSS list-style-type is `list_style`, inside `depth` lists of its kind.
/// "" for a list shown without numbers (none, disc).
std::string HtmlListLabel(std::string_view list_style, int depth, int n);
/// A list label as it reads before its paragraph: a space after it where the
/// list puts a separator (`separate`) and the label does not end in
/// punctuation.yaml label_ends.
void SeparateLabel(std::string& label, bool separate);

/// A package relationship of an OOXML part (docx, xlsx).
struct Relationship {
  std::string id, type, path;  ///< type: the last piece of the Type URI (officeDocument, numbering, aFChunk)
};
/// The internal relationships of `part` ("" for the package's _rels/.rels),
/// targets resolved to member paths; none when the part has no rels.
std::vector<Relationship> Relationships(Zip& zip, const std::string& part);
/// The main part of an OOXML package as _rels/.rels names it (officeDocument),
/// or `fallback`.
std::string MainPart(Zip& zip, const std::string& fallback);

Rendered ReadDocx(Zip& zip);
/// The main part of a .docx: MainPart(zip, "word/document.xml").
std::string DocxMainPart(Zip& zip);
/// XLSX (SpreadsheetML): each visible sheet one table, its title rows before it.
Rendered ReadXlsx(Zip& zip);
/// An Excel date serial number (days, 1900 system unless `date1904`) as
/// numbering.yaml `date` writes it (2024年6月30日), up to its day where the
/// cell's format shows the month only (2024年6月); "" when it is none (before
/// day 1, after 9999-12-31).
std::string SerialDate(double serial, bool date1904, bool month_only = false);
Rendered ReadOdt(Zip& zip);
/// A flat OpenDocument text (.fodt: one XML, root office:document).
Rendered ReadFlatOdt(std::string_view bytes, const std::string& name);
Rendered ReadOfd(Zip& zip);
/// One OFD page's Content.xml as words and ruling lines (points); the page
/// size in mm unless the page gives its own.
PlacedPage OfdPage(std::string_view content_xml, const std::string& name, double width_mm, double height_mm);
/// True when s starts with `prefix` (written in lower case), ASCII letters
/// compared in any case.
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
Rendered ReadHtml(std::string_view bytes, const std::string& name);
/// native.h RenderEmbeddedTables.
std::optional<Rendered> ReadEmbeddedTables(std::string_view text, const std::string& name);
Rendered ReadPdf(std::string_view bytes, const std::string& name);
/// pdftocairo's SVG of pages [first, first + count) drawn on their own
/// (pages of another size than the first).
struct PageRunSvg {
  size_t first = 0, count = 0;
  std::string svg;
};
/// The page layout of pdftotext -bbox-layout output (XHTML with word boxes)
/// and, when not empty, pdftocairo -svg output of the same PDF (its ruling
/// lines), with the runs of pages drawn again on their own.
Rendered LayoutPdf(std::string_view xhtml, const std::string& name, std::string_view svg = {},
                   const std::vector<PageRunSvg>& runs = {});

}  // namespace noticetab::native

#endif  // NOTICETAB_SRC_NATIVE_INTERNAL_H_
