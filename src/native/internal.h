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

namespace noticetab::native {

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
/// cells. The exact spans are kept in Rendered::tables.
class LineBuilder {
 public:
  explicit LineBuilder(Rendered* out) : out_(out) {}
  /// One paragraph; breaks inside it ('\n') start new lines.
  void Paragraph(std::string_view text, int page = 0);
  void BeginTable();
  void AddRow(std::vector<InCell> cells, int page = 0);
  void EndTable();

 private:
  void Line(std::string line, int page);
  Rendered* out_;
  NativeTable table_;
  std::vector<int> pending_;                    // per column: rows still covered from above
  std::vector<std::pair<int, int>> origin_;     // per column: (row, cell) of the covering cell
  bool in_table_ = false;
};

/// Cell text: line breaks and tabs become nothing between CJK characters and a
/// space elsewhere; trimmed.
std::string CellText(std::string_view text);
/// Appends `piece` to `text`, a space between them only when both sides are
/// ASCII letters or digits.
void JoinPiece(std::string& text, std::string_view piece);

Rendered ReadDocx(Zip& zip);
Rendered ReadOdt(Zip& zip);
Rendered ReadOfd(Zip& zip);
Rendered ReadHtml(std::string_view bytes, const std::string& name);
Rendered ReadPdf(std::string_view bytes, const std::string& name);

}  // namespace noticetab::native

#endif  // NOTICETAB_SRC_NATIVE_INTERNAL_H_
