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

#include "noticetab/load.h"

namespace noticetab {

/// A table cell as the document defines it, before it is flattened to a line.
struct NativeCell {
  std::string text;
  int row_span = 1, col_span = 1;
};

/// A table with its exact spans; `line` is the 1-based rendered line of its
/// first row. Kept so the exact structure is not lost in the TAB rendering.
struct NativeTable {
  int line = 0;
  std::vector<std::vector<NativeCell>> rows;  ///< covered positions are left out
};

/// What a native reader produced.
struct Rendered {
  std::string format;    ///< docx | html | pdf | odt | ofd
  std::string encoding;  ///< of the text inside (UTF-8 for the XML formats)
  std::vector<std::string> lines;  ///< without '\n'; a line never holds '\n'
  std::vector<int> pages;          ///< page of each line (PDF, OFD); empty otherwise
  std::vector<NativeTable> tables;
  std::vector<std::string> warnings;
};

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
