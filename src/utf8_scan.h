// UTF-8 byte tests shared by the fast paths (text.cpp NFKC and name keys,
// link.cpp bigrams, the JSON and YAML writers' escaping scans): each reads a
// well-formed run in place and hands anything else to the decoder.
#ifndef NOTICETAB_SRC_UTF8_SCAN_H_
#define NOTICETAB_SRC_UTF8_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace noticetab::utf8 {

/// The first place of run in s at or after from, as s.find(run, from): a
/// memchr for its last byte (in CJK text a continuation byte, one of 64
/// values), where string_view::find looks for its first, the lead byte that
/// every third byte of the text is (EF: every full-width comma, colon and
/// bracket; E3: every 、 and 。).
inline size_t FindRun(std::string_view s, size_t from, std::string_view run) {
  const size_t n = run.size();
  if (n < 2 || from > s.size() || s.size() - from < n) return s.find(run, from);
  const char* p = s.data() + from + n - 1;
  const char* const end = s.data() + s.size();
  const char last = run[n - 1];
  while ((p = static_cast<const char*>(std::memchr(p, last, static_cast<size_t>(end - p)))) != nullptr) {
    if (p[-1] == run[n - 2] && std::memcmp(p - (n - 1), run.data(), n - 2) == 0)
      return static_cast<size_t>(p - (n - 1) - s.data());
    ++p;
  }
  return std::string_view::npos;
}

/// True when p[i] is a lead byte E0-EF followed by two continuation bytes
/// (i + 2 < n): the shape of a 3-byte sequence. Overlong forms (E0 80-9F) and
/// surrogates (ED A0-BF) pass; callers accept only code points those cannot
/// give (U+3000 and up), or test the lead byte themselves.
inline bool ThreeByteAt(const unsigned char* p, size_t i, size_t n) {
  return (p[i] & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80;
}

/// The code point of the 3-byte sequence at p[i] (ThreeByteAt holds).
inline char32_t ThreeByteValue(const unsigned char* p, size_t i) {
  return (char32_t(p[i] & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
}

/// From i, skips well-formed characters of U+3000-U+9FFF (leads E3-E9), most
/// of a notice, two at a time (one 8-byte load: bytes 0 and 3 such leads,
/// bytes 1, 2, 4, 5 continuation bytes) while eight bytes remain; returns
/// where it stopped (i itself when the first pair is not such). The bytes
/// from there are the caller's to decide.
inline size_t SkipCjkPairs(const unsigned char* p, size_t i, size_t n) {
  if constexpr (std::endian::native == std::endian::little) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL || p[i] - 0xE3u > 6u || p[i + 3] - 0xE3u > 6u) break;
      i += 6;
    }
  }
  return i;
}

}  // namespace noticetab::utf8

#endif  // NOTICETAB_SRC_UTF8_SCAN_H_
