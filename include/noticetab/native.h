// Stage 1, load, for documents that are not plain text: .docx, .odt, .html,
// PDF and OFD are sniffed by content and rendered to text lines (one
// paragraph per line, one table row per line with cells separated by TAB),
// which the text pipeline then reads like any other notice.
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
  std::string format;    ///< docx | html | pdf | odt | ofd
  std::string encoding;  ///< of the text inside (UTF-8 for the XML formats)
  std::vector<std::string> lines;  ///< without '\n'; a line never holds '\n'
  std::vector<int> pages;          ///< page of each line (PDF, OFD); empty otherwise
  /// The tables with their exact cells and spans (docx, html, odt; for pdf
  /// and ofd as rebuilt from positions), covered positions left out, each
  /// row's span naming its rendered line (0 when it rendered to no line).
  std::vector<Grid> grids;
  std::vector<std::string> warnings;
  std::vector<Diagnostic> diagnostics;  ///< the same notes as values; input.partial: content not read
};

/// Notes content a native reader saw but could not read (an embedded object,
/// a page with no text): a warning with the code input.partial, which the CLI
/// reports as the document-level problem "read only in part".
void NotRead(Rendered& r, int line, std::string message);

/// "text", "docx", "html", "pdf", "odt" or "ofd", sniffed from the bytes
/// (OUTPUT.md `format`). Never throws.
std::string SniffFormat(std::string_view bytes);

/// Renders a document of a native format. nullopt when `bytes` are text (the
/// caller decodes them). Throws Error(kInput) naming `name` when the bytes are
/// a document that cannot be read (damaged, encrypted, scanned, a ZIP or
/// binary format we do not read).
std::optional<Rendered> RenderNative(std::string_view bytes, const std::string& name);

/// The Source of a rendered document: its lines joined with '\n'; format,
/// pages and warnings carried over.
Source SourceFromRendered(Rendered r, std::string name);

/// Limits on what a native reader unpacks, against zip bombs.
inline constexpr uint64_t kMaxMemberSize = uint64_t{64} << 20;   ///< one ZIP member
inline constexpr uint64_t kMaxUnpackedSize = uint64_t{256} << 20;  ///< all members read

}  // namespace noticetab

#endif  // NOTICETAB_NATIVE_H_
