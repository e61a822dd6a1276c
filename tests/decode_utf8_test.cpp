// Decode's fast UTF-8 paths (whole-text validation, valid runs copied whole)
// against ICU's U8_NEXT applied byte by byte, on sequences at every boundary
// of well-formedness and at every alignment of the eight-byte ASCII check.
#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <string>

#include "noticetab/load.h"

namespace {

// What Decode made of UTF-8 before the fast paths: each ill-formed sequence
// U8_NEXT reports becomes U+FFFD, the rest is copied.
std::string Reference(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  std::string out;
  for (int64_t i = 0; i < n;) {
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out += c >= 0 ? s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)) : "\xEF\xBF\xBD";
  }
  return out;
}

}  // namespace

TEST_CASE("Decode keeps well-formed UTF-8 and replaces what U8_NEXT rejects") {
  const std::string probes[] = {
      "\xC2\x80", "\xDF\xBF", "\xC0\x80", "\xC1\xBF", "\xC2",         "\xC2\x41",
      "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
      "\xEE\x80\x80", "\xEF\xBF\xBF", "\xE4\xB8",     "\xE4\x41\x80", "\xE4\xB8\x41", "\xF0\x90\x80\x80",
      "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF0\x90\x80", "\x80",
      "\xBF", "\xFF", "\xF8\x88\x80\x80\x80"};
  std::string body;
  for (int k = 0; k < 60; ++k) body += "\xE4\xB8\xAD\xE6\x96\x87 ab";  // 中文: mostly UTF-8, not noise
  for (const std::string& probe : probes) {
    for (size_t ascii = 0; ascii < 17; ++ascii) {
      for (const bool at_end : {false, true}) {
        const std::string bytes = body + std::string(ascii, 'x') + probe + (at_end ? "" : "yz\n");
        INFO("probe bytes " << probe.size() << ", ascii " << ascii << ", at end " << at_end);
        const noticetab::Source src = noticetab::Decode(bytes, "probe.txt");
        CHECK(src.encoding() == "UTF-8");
        CHECK(src.text() == Reference(bytes));
        CHECK(src.warnings.empty() == (Reference(bytes) == bytes));
      }
    }
  }
}
