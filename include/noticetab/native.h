// Stage 1, load, for documents that are not plain text: .docx, .xlsx, .odt,
// .html, PDF and OFD are sniffed by content and rendered to text lines (one
// paragraph per line, one table row per line with cells separated by TAB),
// which the text pipeline then reads like any other notice.
//
// Contract: the functions take the whole file as bytes and keep no view of them
// (a Rendered owns its strings). SniffFormat never throws Error; RenderNative
// throws Error(kInput) naming the file for a document it cannot read;
// SourceFromRendered never throws Error. The limits on unpacking and the
// readers themselves are internal (src/native/internal.h).
#ifndef NOTICETAB_NATIVE_H_
#define NOTICETAB_NATIVE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/grid.h"
#include "noticetab/load.h"

namespace noticetab {


/// What a native reader produced.
struct Rendered {
  std::string format;    ///< docx | xlsx | html | pdf | odt | ofd
  std::string encoding;  ///< of the text inside (UTF-8 for the XML formats)
  std::vector<std::string> lines;  ///< without '\n'; a line never holds '\n'
  std::vector<int> pages;          ///< page of each line (PDF, OFD); empty otherwise
  /// The tables with their exact cells and spans (docx, xlsx, html, odt; for pdf
  /// and ofd as rebuilt from positions), covered positions left out, each
  /// row's span naming its rendered line (0 when it rendered to no line).
  std::vector<Grid> grids;
  std::vector<std::string> warnings;
  std::vector<Diagnostic> diagnostics;  ///< the same notes as values; input.partial: content not read
};

/// "text", "docx", "xlsx", "html", "pdf", "odt" or "ofd", sniffed from the bytes
/// (OUTPUT.md `format`), or "zip" for a ZIP archive that is none of these or
/// cannot be opened. Never throws Error (reading a ZIP's member list and
/// [Content_Types].xml is all it unpacks).
std::string SniffFormat(std::string_view bytes);

/// Renders a document of a native format. nullopt when `bytes` are text (the
/// caller decodes them). Throws Error(kInput) naming `name` when the bytes are
/// a document that cannot be read (damaged, encrypted, scanned, over the
/// unpacking limits, a ZIP or binary format we do not read: legacy Office,
/// RTF, PPTX), or when a PDF needs pdftotext and it is missing, fails
/// or takes too long. Content it saw but skipped is a warning with the code
/// input.partial in Rendered::diagnostics, not an error.
std::optional<Rendered> RenderNative(std::string_view bytes, const std::string& name);

/// Text whose tables are HTML blocks (a line starting <table, to the line
/// holding </table>), as MinerU and other PDF-to-markdown converters print a
/// table with merged cells: its other lines kept as they are, each table
/// rendered as an HTML page's (rows as TAB lines, exact spans in `grids`),
/// format "html". nullopt when no line starts a table. `text` is UTF-8 with
/// '\n' line ends; never throws Error.
std::optional<Rendered> RenderEmbeddedTables(std::string_view text, const std::string& name);

/// The Source of a rendered document: its lines joined with '\n'; format,
/// pages (padded with 0 to one a line), warnings, diagnostics and grids moved
/// over, each grid's layout set to the format. Encoding "UTF-8" when `r`
/// names none.
Source SourceFromRendered(Rendered r, std::string name);

}  // namespace noticetab

#endif  // NOTICETAB_NATIVE_H_
