// UTF-8 byte tests shared by the fast paths (text.cpp NFKC and name keys,
// link.cpp bigrams, the JSON and YAML writers' escaping scans): each reads a
// well-formed run in place and hands anything else to the decoder.
#ifndef NOTICETAB_SRC_UTF8_SCAN_H_
#define NOTICETAB_SRC_UTF8_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace noticetab::utf8 {

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
