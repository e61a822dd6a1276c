// Stage 1, load: bytes -> Source (UTF-8, '\n' line ends, no BOM, line index).
// Decode and LoadFile throw Error(kInput) naming the input (native documents
// too: RenderNative's errors, native.h); ParseSize and FormatSize never throw.
// Everything later in the pipeline holds views into a Source's text.
#ifndef NOTICETAB_LOAD_H_
#define NOTICETAB_LOAD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/grid.h"

namespace noticetab {

/// A decoded input. Owns its text; lines are offsets into it, so a Source can
/// be moved freely. Views returned by Line() live as long as the Source.
class Source {
 public:
  Source() = default;
  Source(std::string name, std::string encoding, std::string text);

  const std::string& name() const { return name_; }
  const std::string& encoding() const { return encoding_; }
  const std::string& text() const { return text_; }
  /// Number of lines (a trailing '\n' does not start a new line).
  int line_count() const { return static_cast<int>(lines_.size()); }
  /// REQUIRES: 1 <= n <= line_count(). The line without its '\n'.
  std::string_view Line(int n) const;

  /// Load-time notes (invalid bytes replaced, ...), each already positioned.
  std::vector<std::string> warnings;
  std::vector<Diagnostic> diagnostics;  ///< the same notes as values (code, lines, message)
  /// What the input was (OUTPUT.md `format`): text, docx, html, pdf, odt, ofd.
  std::string format = "text";
  /// Page of each line for paged formats (pdf, ofd), else empty.
  std::vector<int> pages;
  /// The tables of a native document with their exact cells and spans
  /// (native.h Rendered::grids); empty for text.
  std::vector<Grid> grids;

 private:
  struct Span { uint32_t begin, end; };
  std::string name_, encoding_, text_;
  std::vector<Span> lines_;
};

/// Decodes raw bytes. Detects UTF-8 (with or without BOM), UTF-32LE/BE and
/// UTF-16LE/BE (with BOM, or without BOM when the NUL pattern is
/// unambiguous), else GB18030.
/// CRLF and CR become '\n'. Throws Error(kInput) when the bytes are not text
/// (binary signatures, NUL-heavy data that is not UTF-16).
Source Decode(std::string_view bytes, std::string name);

/// The CLI's default --max-size: 64 MiB. Real notices are 10-40 KB; a 60 MB
/// table notice peaks at about 0.55 GB of memory (CSV, JSON or YAML output).
inline constexpr uint64_t kDefaultMaxInputSize = uint64_t{64} << 20;

/// Reads a file ("-" = stdin) and decodes it. Throws Error(kInput) naming the
/// file when it cannot be read, or when it is larger than `max_size` bytes
/// (0 = no limit): a regular file by its size before anything is read, a pipe
/// once more than `max_size` bytes have come (that message names the CLI's
/// --max-size).
Source LoadFile(const std::string& path, uint64_t max_size = 0);

/// "123", "64K", "64M", "1G" (K/M/G = 1024, 1024^2, 1024^3; any case, may
/// be followed by B or iB) -> bytes; nullopt when malformed or 2^64 or more.
std::optional<uint64_t> ParseSize(std::string_view text);

/// Bytes for people, one decimal at most: "512 bytes", "1.5 KiB", "64 MiB".
std::string FormatSize(uint64_t bytes);

namespace detail {
// The two clean-UTF-8 checks the loader picks between, for tests that run
// both on any machine: whether bytes are all well-formed UTF-8, adding their
// control characters to *controls when they are. avx2: the 32-byte check,
// std::nullopt where the processor lacks AVX2; else the portable one.
std::optional<bool> CleanUtf8With(bool avx2, std::string_view bytes, size_t* controls);
}  // namespace detail

}  // namespace noticetab

#endif  // NOTICETAB_LOAD_H_
