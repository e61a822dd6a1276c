// Text utilities over UTF-8. The UTF-8 walking and character classes are
// plain code so the per-character loops of the tokenizer stay cheap; ICU
// supplies the Unicode tables, NFKC and the regex engine.
#include "noticetab/text.h"

#include "noticetab/error.h"
#include "regex_lite.h"
#include "utf8_scan.h"
#include "simd.h"
#include "varint.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstring>  // memmem (GNU)
#include <mutex>
#include <optional>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#include <immintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace noticetab {

char32_t NextCharSlow(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // ICU's macro takes signed indexes; widening avoids size_t/int mixing warnings.
  int64_t j = static_cast<int64_t>(i), n = static_cast<int64_t>(s.size());
  UChar32 c;
  U8_NEXT(p, j, n, c);
  i = static_cast<size_t>(j);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {

// Set bits of each byte value (no popcnt instruction in the baseline x86-64).
constexpr auto kBits = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(std::popcount(static_cast<unsigned>(b)));
  return t;
}();

// From a character boundary i, skips whole characters that are ASCII or a
// well-formed 3-byte sequence whose lead is in [lo, hi] (E1 <= lo, hi <= EF;
// ED, whose second byte is restricted, never counts as such a lead), sixteen
// bytes at a time while sixteen remain; stops before the first character it
// does not take (the caller decodes that one and calls again). A lead whose
// sequence the block cuts is left to the next block. Adds the characters
// skipped to *chars. Returns where it stopped, a character boundary.
template <bool kCount>
inline size_t SkipAsciiAnd3(const unsigned char* p, size_t i, size_t n, unsigned char lo, unsigned char hi,
                            size_t* chars) {
#if defined(__SSE2__)
  const __m128i k_c0 = _mm_set1_epi8(static_cast<char>(0xC0)), k_80 = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i k_lo = _mm_set1_epi8(static_cast<char>(lo)), k_span = _mm_set1_epi8(static_cast<char>(hi - lo));
  const __m128i k_ed = _mm_set1_epi8(static_cast<char>(0xED));
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned ascii = ~static_cast<unsigned>(_mm_movemask_epi8(v)) & 0xFFFFu;
    const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, k_c0), k_80)));
    const __m128i t = _mm_sub_epi8(v, k_lo);
    const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(
        _mm_cmpeq_epi8(v, k_ed), _mm_cmpeq_epi8(_mm_min_epu8(t, k_span), t))));
    const unsigned expected = ((lead << 1) | (lead << 2)) & 0xFFFFu;
    const unsigned bad = (~(ascii | cont | lead) & 0xFFFFu) | (cont ^ expected);
    unsigned adv = lead & 0x8000u ? 15 : lead & 0x4000u ? 14 : 16;
    if (bad != 0) {
      // The whole characters before the first bad byte: up to it, or, when
      // it is a continuation byte that did not come, up to the start of the
      // character it would have ended.
      const unsigned at = static_cast<unsigned>(std::countr_zero(bad));
      const unsigned before = (ascii | lead) & ((1u << at) - 1);
      adv = (expected >> at) & 1 ? (before ? 31u - static_cast<unsigned>(std::countl_zero(before)) : 0u) : at;
    }
    if constexpr (kCount) {
      const unsigned starts = (ascii | lead) & ((1u << adv) - 1);
      *chars += kBits[starts & 0xFF] + kBits[starts >> 8];
    }
    i += adv;
    if (bad != 0) break;
  }
#else
  (void)p, (void)n, (void)lo, (void)hi, (void)chars;
#endif
  return i;
}

}  // namespace

size_t CharCount(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    i = SkipAsciiAnd3<true>(p, i, s.size(), 0xE1, 0xEF, &n);
    if (i == s.size()) return n;
    NextChar(s, i);
  }
  return n;
}

size_t CharCountUpTo(std::string_view s, size_t limit) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n < limit; ++n) {
    // A block holds at most 16 characters: skip by blocks while that cannot pass the limit.
    if (n + 16 <= limit) {
      const size_t end = std::min(s.size(), i + 16 * ((limit - n) / 16));
      i = SkipAsciiAnd3<true>(p, i, end, 0xE1, 0xEF, &n);
      if (i == s.size() || n >= limit) return n;
    }
    NextChar(s, i);
  }
  return n;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x20000 && c <= 0x3134F) ||  // extensions B-G, compatibility supplement
         c == 0x3007;                       // 〇, written as the digit zero
}

bool IsCjkPunct(char32_t c) {
  // Full-width letters and digits are not punctuation (IsDigit owns ０-９), so
  // only the punctuation parts of the FFxx block count.
  return (c >= 0x3001 && c <= 0x303F && c != 0x3007) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFE0 && c <= 0xFFEE);
}

bool IsSpaceSlow(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c));  // NBSP, U+3000, other Zs, LS/PS
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

std::string AsciiDigits(std::string_view s) {
  // Most texts hold no full-width character at all (lead EF): copied as they are.
  const void* ef = std::memchr(s.data(), 0xEF, s.size());
  if (!ef) return std::string(s);
  const size_t first = static_cast<size_t>(static_cast<const char*>(ef) - s.data());
  std::string out(s.substr(0, first));
  out.reserve(s.size());
  for (size_t i = first; i < s.size(); ++i) {
    // U+FF10-FF19: EF BC 90-99.
    if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

int ColumnWidth(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  const auto u = static_cast<UChar32>(c);
  const int32_t ea = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  const int8_t type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  return 1;
}

std::string ShortenToWidth(std::string_view s, int width) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    w += ColumnWidth(NextChar(s, i));
    if (w > width - 1) return std::string(s.substr(0, start)) + "…";
  }
  return std::string(s);
}

namespace {

// NameKey by its definition: the kept characters of Nfkc(s).
std::string NameKeyOfNfkc(std::string_view s) {
  std::string n = Nfkc(s), out;
  out.reserve(n.size());
  size_t i = 0, run = 0;  // run: start of the kept characters not yet copied
  bool in_run = false;
  while (i < n.size()) {
    const size_t start = i;
    const bool keep = IsKeyChar(NextChar(n, i));
    if (keep && !in_run) run = start, in_run = true;
    if (!keep && in_run) out.append(n, run, start - run), in_run = false;
  }
  if (in_run) out.append(n, run, n.size() - run);
  return out;
}

}  // namespace

std::string_view NameKey(std::string_view s, std::string* buf) {
  // The characters of Nfkc(s) read straight from s when NFKC takes each
  // character on its own (the text NfkcFast handles, with its tests in its
  // order): no NFKC copy. Anything else goes through Nfkc.
  std::string& out = *buf;
  out.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t run = 0;  // start of the kept bytes of s not yet copied
  size_t i = 0;
  auto flush = [&](size_t end) {
    if (out.empty() && out.capacity() < s.size()) out.reserve(s.size());
    out.append(s.substr(run, end - run));
  };
  while (i < s.size()) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (!IsKeyChar(b)) flush(i), run = i + 1;
      ++i;
      continue;
    }
    if (!utf8::ThreeByteAt(p, i, s.size())) return *buf = NameKeyOfNfkc(s);
    const char32_t c = (char32_t(b & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (b >= 0xE4 && b <= 0xE9) {  // U+4000-U+9FFF, as it is
      if (!IsKeyChar(c)) flush(i), run = i + 3;
    } else if (c == 0x3001 || c == 0x3002 || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201C && c <= 0x201D) ||
               c == 0x3000) {
      flush(i), run = i + 3;  // as it is (U+3000: a space), and not kept
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      flush(i), run = i + 3;
      if (IsKeyChar(c - 0xFEE0)) out += static_cast<char>(c - 0xFEE0);
    } else {
      return *buf = NameKeyOfNfkc(s);
    }
    i += 3;
  }
  if (run == 0) return s;  // every byte kept
  flush(s.size());
  return out;
}

std::string NameKey(std::string_view s) {
  std::string buf;
  const std::string_view key = NameKey(s, &buf);
  if (key.data() == s.data() && key.size() == s.size()) return std::string(s);
  return buf;
}

namespace {

// True when a White_Space character may start at p[i]: an ASCII byte at
// most 0x20, or the first bytes of U+0085, U+00A0 (C2 85, C2 A0), U+1680
// (E1 9A), U+2000-U+200A, U+2028, U+2029, U+202F, U+205F (E2 80 80-8A,
// E2 80 A8/A9/AF, E2 81 9F) or U+3000 (E3 80 80). None of these
// bytes is ever a trail byte, so decoding from such a position agrees with
// decoding from the start.
[[gnu::always_inline]] inline bool MaybeSpaceAt(const unsigned char* p, size_t i, size_t n) {
  const unsigned char b = p[i];
  if (b <= 0x20) return true;
  const unsigned char b1 = i + 1 < n ? p[i + 1] : 0;
  switch (b) {
    case 0xC2: return b1 == 0x85 || b1 == 0xA0;
    case 0xE1: return b1 == 0x9A;
    case 0xE2: {
      if (i + 2 >= n) return false;
      const unsigned char b2 = p[i + 2];  // U+2000-U+200A, U+2028, U+2029, U+202F; U+205F
      return b1 == 0x80 ? b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF : b1 == 0x81 && b2 == 0x9F;
    }
    case 0xE3: return b1 == 0x80 && i + 2 < n && p[i + 2] == 0x80;
    default: return false;
  }
}

// The byte length of the White_Space character at p[i] (decoding from i as
// NextChar does, p[0, n) the text), or 0 when none starts there: ASCII space
// and \t-\r, C2 85, C2 A0, E1 9A 80, E2 80 80-8A/A8/A9/AF, E2 81 9F, E3 80 80
// (the unit test checks these against IsSpace for every code point).
[[gnu::always_inline]] inline size_t SpaceAt(const unsigned char* p, size_t i, size_t n) {
  const unsigned char b = p[i];
  if (b < 0x80) return b == ' ' || (b >= '\t' && b <= '\r');
  if (b < 0xC2 || b > 0xE3 || i + 1 >= n) return 0;
  const unsigned char b1 = p[i + 1];
  if (b == 0xC2) return b1 == 0x85 || b1 == 0xA0 ? 2 : 0;
  if (i + 2 >= n) return 0;
  const unsigned char b2 = p[i + 2];
  switch (b) {
    case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0;
    case 0xE2:
      return (b1 == 0x80 && (b2 - 0x80u <= 0x0Au || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ||
                     (b1 == 0x81 && b2 == 0x9F)
                 ? 3
                 : 0;
    case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
    default: return 0;
  }
}

// The byte length of the White_Space character that ends at p[end - 1] and
// starts at or after `begin`, or 0: what decoding forward from the lead byte
// (found by stepping back over at most three continuation bytes, not past
// begin) gives. Every White_Space character is well formed, so its bytes
// read backwards are enough.
inline size_t SpaceBefore(const unsigned char* p, size_t begin, size_t end) {
  const unsigned char last = p[end - 1];
  if (last < 0x80) return last == ' ' || (last >= '\t' && last <= '\r');
  if (last > 0xBF || end - begin < 2) return 0;
  if (p[end - 2] == 0xC2) return last == 0x85 || last == 0xA0 ? 2 : 0;
  if (end - begin < 3) return 0;
  return SpaceAt(p, end - 3, end) == 3 ? 3 : 0;
}

}  // namespace

std::string_view detail::TrimEnds(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // Most text has no space at either end: one test of each, nothing else.
  if (n == 0 || (p[0] > 0x20 && p[0] != 0xC2 && p[0] - 0xE1u > 2u && SpaceBefore(p, 0, n) == 0)) return s;
  size_t begin = 0;
  while (begin < n) {
    const size_t k = SpaceAt(p, begin, n);
    if (k == 0) break;
    begin += k;
  }
  size_t end = n;
  while (end > begin) {
    const size_t k = SpaceBefore(p, begin, end);
    if (k == 0) break;
    end -= k;
  }
  return begin < end ? std::string_view(s.data() + begin, end - begin) : std::string_view(s.data(), 0);
}

namespace {

// "CJK" for spacing decisions: besides Han and the CJK punctuation blocks,
// full-width letters/digits and the general-punctuation quotes, dashes and
// ellipsis that Chinese text uses (“” ‘’ — … ·).
bool IsCjkContext(char32_t c) {
  return IsHan(c) || IsCjkPunct(c) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x00B7;
}

}  // namespace

namespace {

// The first position at or after i where MaybeSpaceAt holds. Eight bytes at
// a time: a word with no byte below 0x21, C2 or E0-E3 holds none; otherwise
// its first such byte (the lowest flag of the masks is exact) is tested.
size_t NextMaybeSpace(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  // Sixteen bytes at a time. First the bytes a White_Space character may
  // start with: <= 0x20, C2, E1-E3; a block of Han text holds none, but
  // CJK punctuation (、。《》: E3 80 81-8F) is common, so a block that has
  // one looks again, at the next two bytes too: E1-E3 count only before
  // 80, 81 or 9A, and E3 only as E3 80 80. The flags left are tested in
  // order. The last bytes are read as the last 18-byte window, or, in a
  // shorter text, as two eight-byte words (no copy).
  const __m128i k_20 = _mm_set1_epi8(0x20), k_c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i k_e1 = _mm_set1_epi8(static_cast<char>(0xE1)), k_2 = _mm_set1_epi8(2);
  const __m128i k_e3 = _mm_set1_epi8(static_cast<char>(0xE3)), k_fe = _mm_set1_epi8(static_cast<char>(0xFE));
  const __m128i k_80 = _mm_set1_epi8(static_cast<char>(0x80)), k_9a = _mm_set1_epi8(static_cast<char>(0x9A));
  const __m128i zero = _mm_setzero_si128();
  auto flags = [&](const unsigned char* q) -> unsigned {  // reads q[0, 18)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i low = _mm_cmpeq_epi8(_mm_subs_epu8(v, k_20), zero);  // <= 0x20
    const __m128i c2 = _mm_cmpeq_epi8(v, k_c2);
    const __m128i e1_e3 = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, k_e1), k_2), zero);
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, c2), e1_e3)) == 0) return 0;
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 2));
    const __m128i after = _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v1, k_fe), k_80), _mm_cmpeq_epi8(v1, k_9a));
    const __m128i not_e3 = _mm_andnot_si128(_mm_cmpeq_epi8(v, k_e3), after);
    const __m128i e3 = _mm_and_si128(_mm_cmpeq_epi8(v1, k_80), _mm_cmpeq_epi8(v2, k_80));
    const __m128i m = _mm_or_si128(_mm_or_si128(low, c2), _mm_and_si128(e1_e3, _mm_or_si128(not_e3, e3)));
    return static_cast<unsigned>(_mm_movemask_epi8(m));
  };
  auto first = [&](unsigned bits, size_t at) -> size_t {  // the first flag MaybeSpaceAt confirms, or n
    for (; bits != 0; bits &= bits - 1) {
      const size_t k = at + static_cast<size_t>(std::countr_zero(bits));
      if (MaybeSpaceAt(p, k, n)) return k;
    }
    return n;
  };
  for (; i + 18 <= n; i += 16) {
    if (const unsigned bits = flags(p + i); bits != 0)
      if (const size_t k = first(bits, i); k != n) return k;
  }
  if (i < n && n >= 18) {
    // The last 18 bytes as one window, read in place: its flags at i and
    // after, then the last two bytes (only a one- or two-byte space fits).
    const size_t at = n - 18;
    if (const unsigned bits = flags(p + at) & (~0u << (i - at)); bits != 0)
      if (const size_t k = first(bits, at); k != n) return k;
    for (size_t k = std::max(i, n - 2); k < n; ++k)
      if (MaybeSpaceAt(p, k, n)) return k;
    return n;
  }
  // Fewer than 18 bytes in all: no window fits. Eight bytes from i and the
  // last eight (or the eight after i) as one vector, their candidates tested
  // in order; the last bytes of fewer than eight one by one.
  while (i < n) {
    const size_t len = n - i;
    if (len < 8) {
      for (; i < n; ++i)
        if (MaybeSpaceAt(p, i, n)) return i;
      return n;
    }
    uint64_t lo, hi;
    std::memcpy(&lo, p + i, 8);
    const size_t hi_at = len > 16 ? i + 8 : n - 8;
    std::memcpy(&hi, p + hi_at, 8);
    const __m128i v = _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo));
    const __m128i low = _mm_cmpeq_epi8(_mm_subs_epu8(v, k_20), zero);
    const __m128i c2 = _mm_cmpeq_epi8(v, k_c2);
    const __m128i e1_e3 = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, k_e1), k_2), zero);
    for (unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, c2), e1_e3)));
         bits != 0; bits &= bits - 1) {
      const unsigned b = static_cast<unsigned>(std::countr_zero(bits));
      const size_t k = b < 8 ? i + b : hi_at + b - 8;
      if (b >= 8 && k < i + 8) continue;  // seen in the first eight
      if (MaybeSpaceAt(p, k, n)) return k;
    }
    i = hi_at + 8;
  }
  return n;
#else
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  if constexpr (std::endian::native == std::endian::little) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      const uint64_t below_21 = (w - kOnes * 0x21) & ~w & kHigh;  // a byte < 0x21
      const uint64_t c2 = has_zero(w ^ (kOnes * 0xC2));
      const uint64_t e0_e3 = has_zero((w & (kOnes * 0xFC)) ^ (kOnes * 0xE0));
      const uint64_t m = below_21 | c2 | e0_e3;
      if (m == 0) {
        i += 8;
        continue;
      }
      i += static_cast<size_t>(std::countr_zero(m)) >> 3;
      if (MaybeSpaceAt(p, i, n)) return i;
      ++i;
    }
  }
  for (; i < n; ++i) {
    if (MaybeSpaceAt(p, i, n)) return i;
  }
  return n;
#endif
}

#if defined(__x86_64__) && defined(__GNUC__) && defined(__SSE2__) && !defined(__clang_analyzer__)
#define NOTICETAB_SPACE_AVX2 1
// NextSpace for n - i >= 34, 32 bytes at a time. A window's first test is
// for the bytes a White_Space character may start with (<= 0x20, C2,
// E1-E3); Han text holds none. A window that has one looks at the third
// bytes too, by two nibble tables: E1 and E3 count only before ?? 80, E2
// only before ?? 80-8A, 9F, A8, A9 or AF, so the CJK punctuation 、。《》
// (E3 80 81-97) and the quotes and dashes “”— (E2 80 9C/9D/94) drop out.
// The flags left are confirmed by SpaceAt in order. The last window sits at
// n - 34 (read in place, its flags before i dropped); then the last two
// bytes, where only a one- or two-byte space fits.
__attribute__((target("avx2"))) size_t NextSpaceAvx2(const unsigned char* p, size_t i, size_t n) {
  const __m256i k_20 = _mm256_set1_epi8(0x20), k_c2 = _mm256_set1_epi8(static_cast<char>(0xC2));
  const __m256i k_e0 = _mm256_set1_epi8(static_cast<char>(0xE0)), k_70 = _mm256_set1_epi8(0x70);
  const __m256i k_0f = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
  // Lead E1/E3 -> bit 3 (third byte 80); E2 -> bits 0-2 (80-8A, 9F, A8/A9/AF).
  const __m256i lead = _mm256_setr_epi8(0, 8, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
                                        0, 8, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  // Third byte by high nibble (8: bits 0 and 3, 9: bit 1, A: bit 2) and by
  // low nibble (0-A: bit 0, F: bits 1 and 2, 8/9: bit 2, 0: bit 3).
  const __m256i third_hi = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 9, 2, 4, 0, 0, 0, 0, 0,  //
                                            0, 0, 0, 0, 0, 0, 0, 0, 9, 2, 4, 0, 0, 0, 0, 0);
  const __m256i third_lo = _mm256_setr_epi8(9, 1, 1, 1, 1, 1, 1, 1, 5, 5, 1, 0, 0, 0, 0, 6,  //
                                            9, 1, 1, 1, 1, 1, 1, 1, 5, 5, 1, 0, 0, 0, 0, 6);
  auto flags = [&](const unsigned char* q) __attribute__((target("avx2"), always_inline)) -> uint32_t {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    const __m256i low = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_subs_epu8(v, k_20), zero), _mm256_cmpeq_epi8(v, k_c2));
    // E0-EF -> 70-7F (its low nibble indexes `lead`), every other byte -> >= 80 (0).
    const __m256i l = _mm256_shuffle_epi8(lead, _mm256_adds_epu8(_mm256_sub_epi8(v, k_e0), k_70));
    if (_mm256_testz_si256(_mm256_or_si256(low, l), _mm256_or_si256(low, l))) return 0;
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 2));
    const __m256i t = _mm256_and_si256(_mm256_shuffle_epi8(third_hi, _mm256_and_si256(_mm256_srli_epi16(v2, 4), k_0f)),
                                       _mm256_shuffle_epi8(third_lo, _mm256_and_si256(v2, k_0f)));
    const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(l, t), zero);
    return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_andnot_si256(none, _mm256_set1_epi8(-1)))) |
           static_cast<uint32_t>(_mm256_movemask_epi8(low));
  };
  auto first = [&](uint64_t bits, size_t at) -> size_t {  // the first flag SpaceAt confirms, or n
    for (; bits != 0; bits &= bits - 1) {
      const size_t k = at + static_cast<size_t>(std::countr_zero(bits));
      if (SpaceAt(p, k, n) != 0) return k;
    }
    return n;
  };
  for (; i + 34 <= n; i += 32)
    if (const uint32_t m = flags(p + i); m != 0)
      if (const size_t k = first(m, i); k != n) return k;
  const size_t at = n - 34;
  if (const uint64_t m = flags(p + at) & (~uint64_t{0} << (i - at)); m != 0)
    if (const size_t k = first(m, at); k != n) return k;
  for (i = n - 2; i < n; ++i)
    if (SpaceAt(p, i, n) != 0) return i;
  return n;
}

// NextSpaceAvx2's tests 16 bytes wide, for 18-33 bytes from i: windows at i
// and at n - 18 (read in place), then the last two bytes. Its own function,
// so short texts load no 32-byte constants.
__attribute__((target("avx2"))) size_t NextSpaceShortAvx2(const unsigned char* p, size_t i, size_t n) {
  alignas(16) static constexpr unsigned char kLead[16] = {0, 8, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  alignas(16) static constexpr unsigned char kThirdHi[16] = {0, 0, 0, 0, 0, 0, 0, 0, 9, 2, 4, 0, 0, 0, 0, 0};
  alignas(16) static constexpr unsigned char kThirdLo[16] = {9, 1, 1, 1, 1, 1, 1, 1, 5, 5, 1, 0, 0, 0, 0, 6};
  const __m128i zero = _mm_setzero_si128(), k_0f = _mm_set1_epi8(0x0F);
  auto flags = [&](const unsigned char* q) __attribute__((target("avx2"), always_inline)) -> uint32_t {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i low = _mm_or_si128(_mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(0x20)), zero),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
    const __m128i l = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(kLead)),
                                       _mm_adds_epu8(_mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE0))),
                                                     _mm_set1_epi8(0x70)));
    const __m128i any = _mm_or_si128(low, l);
    if (_mm_testz_si128(any, any)) return 0;
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 2));
    const __m128i t =
        _mm_and_si128(_mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(kThirdHi)),
                                       _mm_and_si128(_mm_srli_epi16(v2, 4), k_0f)),
                      _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(kThirdLo)), _mm_and_si128(v2, k_0f)));
    const uint32_t none = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(l, t), zero)));
    return (~none & 0xFFFFu) | static_cast<uint32_t>(_mm_movemask_epi8(low));
  };
  auto first = [&](uint32_t bits, size_t at) -> size_t {  // the first flag SpaceAt confirms, or n
    for (; bits != 0; bits &= bits - 1) {
      const size_t k = at + static_cast<size_t>(std::countr_zero(bits));
      if (SpaceAt(p, k, n) != 0) return k;
    }
    return n;
  };
  if (const uint32_t m = flags(p + i); m != 0)
    if (const size_t k = first(m, i); k != n) return k;
  const size_t at = n - 18;  // at - i < 16: its flags from i + 16 on
  if (const uint32_t m = flags(p + at) & (~0u << (i + 16 - at)); m != 0)
    if (const size_t k = first(m, at); k != n) return k;
  for (i = n - 2; i < n; ++i)
    if (SpaceAt(p, i, n) != 0) return i;
  return n;
}
#else
#define NOTICETAB_SPACE_AVX2 0
#endif

}  // namespace

namespace {

// The character that ends at p[end - 1] as decoding s from its start reads it,
// where the text from `begin` on is decoded from `begin` (an aligned position)
// and p[end] starts no character's trail. A byte that is no continuation byte
// always starts a decoding step (a malformed sequence never swallows one), so
// the nearest such byte at most three back, decoded forward, is that
// character when its step ends at `end`; otherwise the last byte is a lone
// continuation byte: U+FFFD.
char32_t CharBefore(std::string_view s, size_t begin, size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[end - 1] < 0x80) return p[end - 1];
  size_t lead = end - 1;
  while ((p[lead] & 0xC0) == 0x80) {
    if (lead == begin || end - lead == 4) return U'\uFFFD';
    --lead;
  }
  size_t i = lead;
  const char32_t c = NextChar(s.substr(0, end), i);
  return i == end ? c : U'\uFFFD';
}

// The first position at or after i where a White_Space character starts
// (SpaceAt != 0), or n: from 18 bytes on with AVX2 by NextSpace(Short)Avx2; shorter
// texts, and all where the processor lacks AVX2, by NextMaybeSpace and SpaceAt.
template <bool kAvx2>
[[gnu::always_inline]] inline size_t NextSpaceIn(const unsigned char* p, size_t i, size_t n) {
#if NOTICETAB_SPACE_AVX2
  if (kAvx2 && n - i >= 18) return n - i >= 34 ? NextSpaceAvx2(p, i, n) : NextSpaceShortAvx2(p, i, n);
#endif
  for (;; ++i) {
    i = NextMaybeSpace(p, i, n);
    if (i >= n || SpaceAt(p, i, n) != 0) return i;
  }
}

#if NOTICETAB_SPACE_AVX2
const bool kHaveAvx2 = simd::UseAvx2();
#else
constexpr bool kHaveAvx2 = false;
#endif

[[gnu::always_inline]] inline size_t NextSpace(const unsigned char* p, size_t i, size_t n) {
  return kHaveAvx2 ? NextSpaceIn<true>(p, i, n) : NextSpaceIn<false>(p, i, n);
}

// Calls on(start, end) for each run of White_Space characters in p[0, n),
// in order (JoinCjkSpaces, RemoveSpaces).
template <typename F>
[[gnu::always_inline]] inline void ForEachSpaceRun(const unsigned char* p, size_t n, F&& on) {
  for (size_t i = NextSpace(p, 0, n); i < n; i = NextSpace(p, i, n)) {
    const size_t start = i;
    size_t k = SpaceAt(p, i, n);
    do i += k;
    while (i < n && (k = SpaceAt(p, i, n)) != 0);
    on(start, i);
  }
}

}  // namespace

std::string JoinCjkSpaces(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // From space run to space run: only the characters either side of a run
  // are decoded (the join depends on them alone). No space at all, the
  // common case for a cell: the text as it is.
  std::string out;
  size_t run = 0;  // start of the characters not yet copied (aligned)
  ForEachSpaceRun(p, n, [&](size_t start, size_t end) {
    if (run == 0) out.reserve(n);
    out.append(s.substr(run, start - run));
    run = end;
    if (end == n) {
      out += ' ';
      return;
    }
    // Spaces inside Chinese are artifacts of PDF/Word extraction, never meaning.
    const char32_t prev = start == 0 ? 0 : CharBefore(s, 0, start);
    size_t j = end;
    const char32_t c = NextChar(s, j);
    const bool join = prev != 0 && ((IsCjkContext(prev) && (IsCjkContext(c) || IsDigit(c))) ||
                                    (IsDigit(prev) && IsCjkContext(c)));
    if (!join) out += ' ';
  });
  if (run == 0) return std::string(s);
  if (run < n) out.append(s.substr(run));
  return out;
}

bool HasSpace(std::string_view s) {
  return NextSpace(reinterpret_cast<const unsigned char*>(s.data()), 0, s.size()) < s.size();
}

namespace detail {
size_t NextSpaceWith(bool avx2, std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  return avx2 && kHaveAvx2 ? NextSpaceIn<true>(p, i, s.size()) : NextSpaceIn<false>(p, i, s.size());
}
}  // namespace detail

std::string_view RemoveSpaces(std::string_view s, std::string* buf) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = NextSpace(p, 0, n);
  if (i >= n) return s;
  // The kept pieces copied straight into a buffer sized once (no append
  // per piece: a table line has one per cell).
  buf->resize(n);
  char* out = buf->data();
  std::memcpy(out, p, i);
  size_t w = i;
  while (i < n) {
    for (size_t k; i < n && (k = SpaceAt(p, i, n)) != 0;) i += k;
    const size_t next = NextSpace(p, i, n);
    std::memcpy(out + w, p + i, next - i);
    w += next - i;
    i = next;
  }
  buf->resize(w);
  return *buf;
}

std::string RemoveSpaces(std::string_view s) {
  std::string buf;
  const std::string_view out = RemoveSpaces(s, &buf);
  if (out.data() == s.data() && out.size() == s.size()) return std::string(s);
  return buf;
}

namespace {

// NFKC without ICU for the text notices are made of: ASCII, CJK ideographs
// U+4000-U+9FFF, 、。“”‘’—〇 and the CJK brackets U+3008-U+3011,
// U+3014-U+3017 (《》〔〕【】...) are left alone whatever surrounds them (ICU's
// isInert; the unit test checks each), full-width forms U+FF01-U+FF5E become
// their ASCII letter, U+3000 a space. False (out untouched) when s holds any
// other character or an invalid byte: ICU reads it then.
bool NfkcFast(std::string_view s, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out.clear();
  out.reserve(n);
  size_t run = 0;  // start of the bytes not yet copied
  size_t ignored = 0;
  for (size_t i = 0; i < n;) {
    i = SkipAsciiAnd3<false>(p, i, n, 0xE4, 0xE9, &ignored);  // ASCII and U+4000-U+9FFF, by blocks
    if (i == n) break;
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (!utf8::ThreeByteAt(p, i, n)) return false;
    if (b >= 0xE4 && b <= 0xE9) {  // U+4000-U+9FFF
      i += 3;
      continue;
    }
    const char32_t c = (char32_t(b & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (c == 0x3001 || c == 0x3002 || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201C && c <= 0x201D) ||
        c == 0x2014 || (c >= 0x3007 && c <= 0x3011) || (c >= 0x3014 && c <= 0x3017)) {
      i += 3;
      continue;
    }
    char ascii;
    if (c >= 0xFF01 && c <= 0xFF5E) ascii = static_cast<char>(c - 0xFEE0);
    else if (c == 0x3000) ascii = ' ';
    else return false;
    out.append(s.substr(run, i - run));
    out += ascii;
    i += 3;
    run = i;
  }
  out.append(s.substr(run));
  return true;
}

}  // namespace

bool NfkcWithoutIcu(std::string_view s, std::string* out) { return NfkcFast(s, *out); }

bool IsDottedNumber(std::string_view s) {
  const std::string n = Nfkc(Trim(s));
  // Dots, or hyphens between numbers of at most two digits (1-2; 2024-06 is a date).
  const char sep = n.find('.') != std::string::npos ? '.' : '-';
  if (n.size() < 3 || n.size() > 11 || n.front() == sep || n.back() == sep ||
      n.find(std::string(2, sep)) != std::string::npos || n.find(sep) == std::string::npos)
    return false;
  size_t digits = 0;
  for (char c : n) {
    if (c == sep) digits = 0;
    else if (c < '0' || c > '9' || (sep == '-' && ++digits > 2)) return false;
  }
  return true;
}

std::string Nfkc(std::string_view s) {
  std::string fast;
  if (NfkcFast(s, fast)) return fast;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  if (U_SUCCESS(status)) {
    nfkc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                        nullptr, status);
  }
  // Only missing ICU data fails here; unnormalized text beats no text.
  return U_SUCCESS(status) ? out : std::string(s);
}

std::string NormalizePunct(std::string_view s) {
  struct Char {
    char32_t c;
    size_t begin, end;
    bool wide;  // becomes its full-width form
  };
  std::vector<Char> chars;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextChar(s, i);
    chars.push_back({c, start, i, false});
  }
  auto full_width = [](char32_t c) -> char32_t {
    switch (c) {
      case ',':
        return U'，';
      case ';':
        return U'；';
      case ':':
        return U'：';
      case '(':
        return U'（';
      case ')':
        return U'）';
      case '!':
        return U'！';
      case '?':
        return U'？';
      default:
        return 0;
    }
  };
  // Context is the nearest non-space neighbour on each side; a left neighbour
  // already widened counts as CJK so "中文):" widens both marks.
  std::vector<size_t> open_parens;
  for (size_t k = 0; k < chars.size(); ++k) {
    if (!full_width(chars[k].c)) continue;
    bool cjk = false;
    for (size_t l = k; l-- > 0;) {
      if (IsSpace(chars[l].c)) continue;
      cjk = chars[l].wide || IsCjkContext(chars[l].c);
      break;
    }
    for (size_t r = k + 1; !cjk && r < chars.size(); ++r) {
      if (IsSpace(chars[r].c)) continue;
      cjk = IsCjkContext(chars[r].c);
      break;
    }
    chars[k].wide = cjk;
    // Parentheses change as a pair so "(2023年)" never becomes "(2023年）".
    if (chars[k].c == '(') {
      open_parens.push_back(k);
    } else if (chars[k].c == ')' && !open_parens.empty()) {
      Char& open = chars[open_parens.back()];
      open_parens.pop_back();
      open.wide = chars[k].wide = open.wide || chars[k].wide;
    }
  }
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (const Char& ch : chars) {
    if (ch.wide) {
      AppendUtf8(out, full_width(ch.c));
    } else {
      out.append(s.substr(ch.begin, ch.end - ch.begin));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Regex

namespace {

// Spare matchers of one pattern. ICU patterns are immutable and shareable
// between threads, matchers are not; building one per search (allocations,
// a backtrack stack) cost as much as the search itself. A search takes the
// matcher in its thread's slot, or builds one, and puts it back afterwards, so
// no two threads ever hold the same matcher. Threads map to slots by number,
// and slots sit on their own cache lines, so threads rarely contend.
class MatcherPool {
 public:
  MatcherPool() = default;
  MatcherPool(const MatcherPool&) = delete;
  MatcherPool& operator=(const MatcherPool&) = delete;
  ~MatcherPool() {
    for (Slot& slot : slots_) delete slot.matcher.load(std::memory_order_relaxed);
  }

  /// A matcher of re for the caller alone, or null when ICU cannot make one.
  icu::RegexMatcher* Take(const icu::RegexPattern& re) {
    if (icu::RegexMatcher* m = Mine().exchange(nullptr, std::memory_order_acquire)) return m;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(re.matcher(status));
    return U_SUCCESS(status) ? m.release() : nullptr;
  }
  /// Returns m (from Take) to the pool.
  void Give(icu::RegexMatcher* m) { delete Mine().exchange(m, std::memory_order_acq_rel); }

 private:
  static constexpr size_t kSlots = 8;
  struct alignas(64) Slot {
    std::atomic<icu::RegexMatcher*> matcher{nullptr};
  };
  std::atomic<icu::RegexMatcher*>& Mine() {
    static std::atomic<size_t> threads{0};
    thread_local const size_t slot = threads.fetch_add(1, std::memory_order_relaxed) % kSlots;
    return slots_[slot].matcher;
  }
  std::array<Slot, kSlots> slots_;
};

// The distinct last two bytes of a requirement's runs (of a one-byte run,
// its byte), for HasAnyRun's one-pass scan; usable false when a run is empty
// or there are more than kPairs pairs or kOnes bytes (memchr per run then).
struct RunPairs {
  static constexpr int kPairs = 6, kOnes = 2;
  unsigned char pen[kPairs] = {}, last[kPairs] = {}, one[kOnes] = {};
  int pairs = 0, ones = 0;
  bool usable = false;
  RunPairs() = default;
  explicit RunPairs(const std::vector<std::string>& runs) {
    for (const auto& run : runs) {
      const size_t m = run.size();
      if (m == 0) return;
      if (m == 1) {
        const auto c = static_cast<unsigned char>(run[0]);
        if (std::find(one, one + ones, c) != one + ones) continue;
        if (ones == kOnes) return;
        one[ones++] = c;
        continue;
      }
      const auto a = static_cast<unsigned char>(run[m - 2]), b = static_cast<unsigned char>(run[m - 1]);
      bool seen = false;
      for (int k = 0; k < pairs; ++k) seen = seen || (pen[k] == a && last[k] == b);
      if (seen) continue;
      if (pairs == kPairs) return;
      pen[pairs] = a;
      last[pairs] = b;
      ++pairs;
    }
    usable = pairs + ones > 0;
  }
};

// A set of characters (from CharSets): sorted, and a bitmap of their low 12
// bits that turns away most characters of a text before the binary search.
// The lead bytes of their UTF-8 forms: when there are few and none starts a
// CJK character (E3-E9: punctuation, kana, ideographs), as for the 2-byte
// letters of pinyin, a memchr per lead byte finds the only places a member
// can start, and a Chinese text is passed over without decoding it.
struct CharSet {
  std::vector<char32_t> sorted;
  std::array<uint64_t, 64> low{};
  // The same low 12 bits as one byte each, for the large sets only (4 KB
  // each, zero-filled: dozens of small sets cost page faults at every start):
  // HasAnyChar's two-character step reads them with a load apiece, without a
  // variable shift.
  std::unique_ptr<uint8_t[]> low_bytes;
  std::vector<unsigned char> rare_leads;  // the lead bytes, when few and rare; else empty
  // A smaller set's byte table, made on its first search of a long text (a
  // whole notice, as for junk.yaml traditional_hint): there the table's page
  // is paid once and the scan reads one byte per character.
  struct Lazy {
    std::once_flag once;
    std::unique_ptr<uint8_t[]> bytes;
    std::once_flag buckets_once;
    std::atomic<bool> buckets_done{false};  // call_once's own check costs a call
    std::array<std::array<uint8_t, 16>, 5> tails{};  // see Tails()
  };
  std::unique_ptr<Lazy> lazy = std::make_unique<Lazy>();
  static constexpr size_t kLongText = 4096;
  /// The byte table of the low 12 bits: low_bytes, or the lazy one.
  const uint8_t* LowBytes() const {
    if (low_bytes) return low_bytes.get();
    std::call_once(lazy->once, [this] {
      lazy->bytes = std::make_unique<uint8_t[]>(4096);
      for (const char32_t c : sorted) lazy->bytes[c & 0xFFF] = 1;
    });
    return lazy->bytes.get();
  }
  // For a set of 3-byte characters only (U+0800-U+FFFF), the tables
  // HasAnyChar3Avx2 looks up by nibble, 32 places at a time, before it looks
  // at any one place. leads: bit (b >> 4) - 8 of leads[b & 15] for each lead
  // byte b of a member. tails: a member in bucket j (of 8, see FillBuckets)
  // sets bit j in tails[0][lo nibble of its second byte],
  // tails[1][hi nibble of it], tails[2][lo nibble of its third byte] and
  // tails[3][hi nibble of it] (Teddy's buckets, as in Hyperscan), and
  // tails[4][lo nibble of its lead byte]: a place whose three bytes give a
  // common bit may hold a member. (The lead's nibble in the buckets too: the
  // lead byte set alone lets through most ideographs, E4-E9.) Made on the
  // first search of a long text, as the lazy byte table: most sets never see one.
  bool all_three = false;
  std::array<uint8_t, 16> leads{};
  const std::array<std::array<uint8_t, 16>, 5>& Tails() const {
    if (!lazy->buckets_done.load(std::memory_order_acquire)) [[unlikely]] {
      std::call_once(lazy->buckets_once, [this] {
        FillBuckets(lazy->tails);
        lazy->buckets_done.store(true, std::memory_order_release);
      });
    }
    return lazy->tails;
  }
  explicit CharSet(std::vector<char32_t> chars) : sorted(std::move(chars)) {
    std::array<bool, 256> lead{};
    all_three = !sorted.empty();
    for (const char32_t c : sorted) {
      low[(c >> 6) & 63] |= uint64_t{1} << (c & 63);
      std::string utf8;
      AppendUtf8(utf8, c);
      lead[static_cast<unsigned char>(utf8[0])] = true;
      if (utf8.size() != 3 || c < 0x800 || c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        all_three = false;
        continue;
      }
      const auto b0 = static_cast<unsigned char>(utf8[0]);
      leads[b0 & 15] |= static_cast<uint8_t>(1u << ((b0 >> 4) - 8));
    }
    bool rare = true;
    for (unsigned b = 0; b < 256; ++b) {
      if (!lead[b]) continue;
      rare_leads.push_back(static_cast<unsigned char>(b));
      if (b >= 0xE3 && b <= 0xE9) rare = false;
    }
    if (!rare || rare_leads.size() > 4) rare_leads.clear();
    if (rare_leads.empty() && sorted.size() >= kLowBytesFrom) {
      low_bytes = std::make_unique<uint8_t[]>(4096);  // zeroed
      for (const char32_t c : sorted) low_bytes[c & 0xFFF] = 1;
    }
  }
  // Puts each member in one of the 8 buckets of tails: the one where it adds
  // least to the share of places the buckets let through (the sum over buckets
  // of the product of their distinct nibbles, one factor per table), so
  // members that share nibbles share a bucket and each table stays sparse.
  // Any assignment finds every member; a better one stops at fewer places.
  // (For an all_three set: every member is 3 bytes.)
  void FillBuckets(std::array<std::array<uint8_t, 16>, 5>& tails) const {
    std::array<std::array<unsigned, 5>, 8> distinct{};  // by bucket and table
    for (const char32_t c : sorted) {
      const unsigned b0 = 0xE0 | c >> 12, b1 = 0x80 | ((c >> 6) & 0x3F), b2 = 0x80 | (c & 0x3F);
      const std::array<unsigned, 5> nib = {b1 & 15u, b1 >> 4, b2 & 15u, b2 >> 4, b0 & 15u};
      unsigned best = 0;
      double best_added = 0;
      for (unsigned bucket = 0; bucket < 8; ++bucket) {
        double before = 1, after = 1;
        for (size_t k = 0; k < 5; ++k) {
          before *= distinct[bucket][k];
          after *= distinct[bucket][k] + ((tails[k][nib[k]] >> bucket) & 1 ? 0 : 1);
        }
        if (bucket == 0 || after - before < best_added) best = bucket, best_added = after - before;
      }
      for (size_t k = 0; k < 5; ++k) {
        if (!((tails[k][nib[k]] >> best) & 1)) ++distinct[best][k];
        tails[k][nib[k]] |= static_cast<uint8_t>(1u << best);
      }
    }
  }
  static constexpr size_t kLowBytesFrom = 64;
  bool Maybe(char32_t c) const { return (low[(c >> 6) & 63] >> (c & 63)) & 1; }
  bool Has(char32_t c) const { return Maybe(c) && std::binary_search(sorted.begin(), sorted.end(), c); }
};

}  // namespace

struct Regex::Impl {
  std::string pattern;
  // A pattern within regex_lite's subset runs there and never reaches ICU
  // (whose first compile in a process builds its static sets); any other
  // compiles with ICU. At most one of the two is set.
  std::unique_ptr<regex_lite::Program> lite;
  std::unique_ptr<icu::RegexPattern> compiled;  // null when compiling failed
  std::once_flag compile_once;                  // Compile() runs once
  /// Compiles the pattern (on the first call only); true when it compiled.
  std::atomic<bool> compile_done{false};  // call_once's own check costs a call
  // The check inline in every search; the first use out of line.
  bool Ready() {
    if (!compile_done.load(std::memory_order_acquire)) [[unlikely]]
      CompileOnce();
    return lite != nullptr || compiled != nullptr;
  }
  [[gnu::noinline]] void CompileOnce() {
    std::call_once(compile_once, [this] {
      Compile();
      compile_done.store(true, std::memory_order_release);
    });
  }
  void Compile();
  /// regex_lite's search of s from `from`; caps are byte offsets (npos unset).
  bool LiteSearch(std::string_view s, size_t from, std::vector<size_t>& caps) const;
  std::string error;
  int error_offset = 0;
  std::vector<std::string> names;  // by group number; "" for unnamed groups
  // The literal prefilter, read from the pattern on its first use (Literals()):
  // a run that never reaches a pattern does not pay for reading it.
  bool extract = false;              // false: a pattern that failed to compile has none
  std::once_flag literals_once;
  std::atomic<bool> literals_done{false};  // call_once's own check costs a call
  void Literals() {
    if (!literals_done.load(std::memory_order_acquire)) [[unlikely]]
      LiteralsOnce();
  }
  [[gnu::noinline]] void LiteralsOnce() {
    std::call_once(literals_once, [this] {
      ExtractLiterals();
      literals_done.store(true, std::memory_order_release);
    });
  }
  void ExtractLiterals();
  void ReadLiterals();  // gate, ascii_used, trailing, ends, leading from the pattern
  Requirements required;             // literal runs every match contains
  // What Possible checks: required, plus sets with ASCII members ([:：] needs
  // : or ：), which required() leaves out for its callers.
  Requirements gate;
  bool ascii_used = false;     // gate has sets with ASCII members: required differs
  std::once_flag required_once;  // required() reads `required` then
  std::vector<std::optional<CharSet>> char_sets;  // by gate entry: see CharSets()
  std::vector<RunPairs> run_pairs;                 // by gate entry: see RunPairs
  // The order Possible checks the requirements in: longest shortest run
  // first (a longer literal is rarer, and the first one a text lacks ends the
  // checks: on a whole notice, one scan instead of one per requirement),
  // sets of characters last (a scan that decodes the text).
  std::vector<size_t> check_order;
  std::vector<std::string> leading;  // ^-anchored: a match starts with one of these
  std::vector<std::string> trailing;  // $-anchored: a match ends with one of these
  bool trailing_exact = false;        // the pattern is only those runs and its $
  // What Possible checks a text's end against: trailing, or else the members
  // of a set the pattern ends with before its $ ([^。]{2,}[:：]$).
  std::vector<std::string> ends;
  // Byte leading_at (the last byte of the shortest run) of every leading run, by
  // its low 6 bits: one test turns away most lines before StartsWithAny.
  size_t leading_at = 0;
  uint64_t leading_bits = ~uint64_t{0};
  /// False when s cannot match: it lacks the leading literal of an anchored
  /// pattern, or a required one.
  bool Possible(std::string_view s);
  /// Whether s holds every requirement (check_order): Possible's scan
  /// without the anchored tests. Literals() first.
  bool HasRequired(std::string_view s) const;
  /// Throws Error(kRules) when a search gave up (time or stack limit).
  void Check(UErrorCode failure) const;
  std::string origin_file;  // where the pattern was written, for that error
  int origin_line = 0;
  MatcherPool matchers;            // declared after `compiled`, so destroyed before it
};

namespace {

const std::string kEmpty;
const std::string kNoPattern = "no pattern";

// ICU gives only an error code; rule authors need words.
const char* DescribeRegexError(UErrorCode status) {
  switch (status) {
    case U_REGEX_MISMATCHED_PAREN:
      return "unbalanced parentheses";
    case U_REGEX_MISSING_CLOSE_BRACKET:
      return "missing ']'";
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
      return "bad escape sequence";
    case U_REGEX_RULE_SYNTAX:
      return "syntax error (group names are ASCII letters and digits: (?<name>...))";
    case U_REGEX_BAD_INTERVAL:
      return "bad {min,max} interval";
    case U_REGEX_MAX_LT_MIN:
      return "{min,max} with max < min";
    case U_REGEX_INVALID_RANGE:
      return "bad character range";
    case U_REGEX_PROPERTY_SYNTAX:
      return "bad \\p{...} property";
    case U_REGEX_INVALID_BACK_REF:
      return "back reference to a missing group";
    case U_REGEX_LOOK_BEHIND_LIMIT:
      return "look-behind must have a bounded length";
    case U_REGEX_INVALID_CAPTURE_GROUP_NAME:
      return "bad or duplicate group name";
    case U_REGEX_NUMBER_TOO_BIG:
      return "number too big";
    default:
      return "invalid pattern";
  }
}

// ICU reports a 1-based column in code points within a line; the header
// promises a 0-based code-point offset into the whole pattern.
int PatternOffset(std::string_view pattern, const UParseError& pe) {
  int offset = 0, line = 1;
  size_t i = 0;
  while (i < pattern.size() && line < pe.line) {
    if (NextChar(pattern, i) == '\n') ++line;
    ++offset;
  }
  return offset + (pe.offset > 0 ? pe.offset - 1 : 0);
}

// The index after the escape at p[i] (a backslash): its letter and a {...}
// argument, the hex digits of \x, \u and \U (no more than are there), or the
// character after \c; a non-ASCII character whole. As ICU reads them: a
// misread escape hides or invents a | or a ) and changes every answer below.
size_t EscapeEnd(std::string_view p, size_t i) {
  if (++i >= p.size()) return i;
  if (static_cast<unsigned char>(p[i]) >= 0x80) {
    NextChar(p, i);
    return i;
  }
  const char e = p[i++];
  if (e == 'c' && i < p.size()) {  // \cX: control-X, whatever X is (\c\ too)
    NextChar(p, i);
    return i;
  }
  if ((e == 'p' || e == 'P' || e == 'N' || e == 'x') && i < p.size() && p[i] == '{') {
    const size_t close = p.find('}', i);
    return close == std::string_view::npos ? p.size() : close + 1;
  }
  const int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  for (int k = 0; k < hex && i < p.size() && std::isxdigit(static_cast<unsigned char>(p[i])); ++k) ++i;
  return i;
}

// True when the pattern has inline flags or comments ((?i), (?x), (?#...)):
// they change how the rest reads (a comment hides a | or a paren, free
// spacing makes # a comment), so the pattern is taken as written. An escaped
// "\(?" counts too, which only errs on the safe side. So does a braced escape
// (\p{ \P{ \N{ \x{) without its closing brace or with more than a name in
// it: ICU reads those in ways this file does not follow (fuzz/regressions/regex).
bool HasModesOrComments(std::string_view p) {
  for (size_t at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    const char k = at + 2 < p.size() ? p[at + 2] : '\0';
    if (k != ':' && k != '<' && k != '=' && k != '!' && k != '>') return true;
  }
  for (size_t at = p.find("{"); at != std::string_view::npos; at = p.find("{", at + 1)) {
    if (at < 2 || p[at - 2] != '\\') continue;
    const char e = p[at - 1];
    if (e != 'p' && e != 'P' && e != 'N' && e != 'x') continue;
    const size_t close = p.find('}', at);
    if (close == std::string_view::npos) return true;
    for (size_t k = at + 1; k < close; ++k) {
      const char c = p[k];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != ' ' && c != '_' && c != '=' && c != ':' && c != '-' &&
          c != '.')
        return true;
    }
  }
  return false;
}

// \p{Han} as ICU 72's own set of it (Unicode 15.0, script Han), written out:
// ICU builds a property set from its data on every compile that names one
// (about 0.2M instructions each). tests/text_test.cpp checks, code point by
// code point, that this equals ICU's \p{Han}, so a different ICU fails there.
constexpr std::string_view kHanSet =
    "[\\x{2E80}-\\x{2E99}\\x{2E9B}-\\x{2EF3}\\x{2F00}-\\x{2FD5}\\x{3005}\\x{3007}\\x{3021}-\\x{3029}"
    "\\x{3038}-\\x{303B}\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FA6D}\\x{FA70}-\\x{FAD9}"
    "\\x{16FE2}-\\x{16FE3}\\x{16FF0}-\\x{16FF1}\\x{20000}-\\x{2A6DF}\\x{2A700}-\\x{2B739}"
    "\\x{2B740}-\\x{2B81D}\\x{2B820}-\\x{2CEA1}\\x{2CEB0}-\\x{2EBE0}\\x{2F800}-\\x{2FA1D}"
    "\\x{30000}-\\x{3134A}\\x{31350}-\\x{323AF}]";

// `\d` spelled as the digits notices use, ASCII and full-width, and \p{Han}
// as kHanSet. ICU builds the set for `\d` from the Unicode general category
// on every compile (about 0.2M instructions each, a quarter of a process's
// start-up over the rules); an explicit range costs nothing. Patterns with
// \Q...\E quoting, inline flags or comments are left alone.
std::string ExpandDigits(std::string_view pattern) {
  std::string out;
  if ((pattern.find("\\d") == std::string_view::npos && pattern.find("\\p{Han}") == std::string_view::npos) ||
      pattern.find("\\Q") != std::string_view::npos || HasModesOrComments(pattern)) {
    return std::string(pattern);
  }
  out.reserve(pattern.size() + 32);
  int depth = 0;  // inside [...], nested sets included
  // Inside a set, an escape next to '-' or '&' is a range end or an operand
  // ([(-\p{Han}], [\d&&[5]]): spelled out it would mean something else, so it stays.
  auto operand = [&](size_t at, size_t len) {
    if (depth == 0) return false;
    const bool before = at > 0 && (pattern[at - 1] == '-' || pattern[at - 1] == '&');
    const bool after = at + len < pattern.size() && (pattern[at + len] == '-' || pattern[at + len] == '&');
    return before || after;
  };
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size() && pattern[i + 1] == 'd' && operand(i, 2)) {
        out.append(pattern.substr(i, 2));
        i += 2;
      } else if (pattern.substr(i, 7) == "\\p{Han}" && operand(i, 7)) {
        out.append(pattern.substr(i, 7));
        i += 7;
      } else if (i + 1 < pattern.size() && pattern[i + 1] == 'd') {
        out += depth > 0 ? "0-9０-９" : "[0-9０-９]";
        i += 2;
      } else if (pattern.substr(i, 7) == "\\p{Han}") {
        out += kHanSet;  // a nested set inside a set: a union there too
        i += 7;
      } else {  // any other escape, whole: \c[ is not a set
        const size_t end = EscapeEnd(pattern, i);
        out.append(pattern.substr(i, end - i));
        i = end;
      }
      continue;
    }
    out += c;
    ++i;
    if (c == '[') {
      ++depth;
      // A ] right after [ or [^ is a member.
      if (i < pattern.size() && pattern[i] == '^') out += pattern[i++];
      if (i < pattern.size() && pattern[i] == ']') out += pattern[i++];
    } else if (c == ']' && depth > 0) {
      --depth;
    }
  }
  return out;
}

using Requirements = Regex::Requirements;

// The index of the ] closing the set that opens at p[at] (sets nest; escapes
// are skipped), or p.size(). A ] right after [ or [^ is a member, as in ICU
// ([]a] holds ] and a).
size_t SetEnd(std::string_view p, size_t at) {
  int depth = 0;
  for (size_t i = at; i < p.size(); ++i) {
    if (p[i] == '\\') {
      i = EscapeEnd(p, i) - 1;
    } else if (p[i] == '[') {
      ++depth;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;
    } else if (p[i] == ']' && --depth == 0) {
      return i;
    }
  }
  return p.size();
}

// An ASCII character that stands for itself inside an ICU set without flags:
// letters, digits and punctuation that is no set syntax (not [ ] \ ^ - & for
// ranges, negation and set operations, not { } $, not spacing).
bool PlainInSet(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("!\"%',./:;<=>?@_()*+|").find(c) != std::string_view::npos;
}

// The characters of a set written as a plain list of non-ASCII characters
// ([們個會], [āáǎà]), one run each: a match of the set is one of them. Any
// ASCII byte (a range, an escape, a nested set, negation, spacing) or bad
// UTF-8 gives none; so do sets of more than 256 characters. With `ascii`,
// plain ASCII members (PlainInSet) and escaped ASCII punctuation ([:：],
// [〔\[［]) count too, one byte run each; [:name:] (a POSIX property) none.
std::vector<std::string> SetMembers(std::string_view set, bool ascii = false) {
  if (set.size() < 3 || set.front() != '[' || set.back() != ']') return {};
  const std::string_view body = set.substr(1, set.size() - 2);
  if (body.front() == ':' && body.back() == ':') return {};
  std::vector<std::string> out;
  for (size_t i = 0; i < body.size();) {
    if (static_cast<unsigned char>(body[i]) < 0x80) {
      if (!ascii) return {};
      // A '-' first or last is a member, as ICU and regex_lite read it
      // ([./-]); next to another '-' ("--", ICU's set difference) none.
      const bool dash_member = body[i] == '-' && body.size() > 1 &&
                               ((i == 0 && body[1] != '-') || (i + 1 == body.size() && body[i - 1] != '-'));
      if (PlainInSet(body[i]) || dash_member) {
        out.emplace_back(1, body[i++]);
        continue;
      }
      // \ before ASCII punctuation quotes it (before a letter or digit it is
      // a class or a control character: none).
      const char e = i + 1 < body.size() ? body[i + 1] : '\0';
      if (body[i] != '\\' || !std::ispunct(static_cast<unsigned char>(e))) return {};
      out.emplace_back(1, e);
      i += 2;
      continue;
    }
    const size_t start = i;
    if (NextChar(body, i) == U'\uFFFD') return {};
    out.emplace_back(body.substr(start, i - start));
  }
  if (out.size() > 256) return {};
  return out;
}

// What every match of `pattern` contains, read from the pattern: a list of
// requirements, each met when the text holds one of its literal runs (one
// run, or one per branch of an alternation). Conservative: a character counts
// only outside sets and escapes, without a ?, * or {} quantifier, and inside
// no group that is optional, repeated from zero or a look-around; a branch
// without a requirement drops its alternation's. Inline flags, comments and
// \Q quoting give none at all. Only non-ASCII characters count: they are
// never metacharacters, so this needs no full parse. Runs break at anything
// else, so each is a substring of any match that takes its branch. A set of
// plain non-ASCII characters is a requirement of its own, met by any of them.
// With ascii_sets, sets with ASCII members count too, and *ascii_used tells
// whether one did (if not, the answer is the one without).
Requirements RequiredLiterals(std::string_view p, bool ascii_sets = false, bool* ascii_used = nullptr) {
  // \Q...\E quotes anything, ] inside a set too.
  if (HasModesOrComments(p) || p.find("\\Q") != std::string_view::npos) return {};
  struct Frame {
    bool lookaround = false;
    std::vector<Requirements> branches;  // earlier branches of an alternation
    Requirements current;
    bool open_run = false;  // the last item was a literal of this frame
    Requirements Close() {
      if (branches.empty()) return std::move(current);
      branches.push_back(std::move(current));
      // One requirement per branch, its runs joined: the branch's first,
      // unless another of its requirements adds fewer new runs (already
      // taken for an earlier branch, or a single run that more branches
      // need). Fewer distinct runs, fewer scans of a text that has none:
      // (每年…月…|…月…|年底前) needs 月 or 年底前, not 每年, 月, 月 or 年底前.
      for (auto& b : branches)
        if (b.empty()) return {};
      auto shared = [&](const std::vector<std::string>& r) {  // branches with the single run r
        size_t count = 0;
        if (r.size() != 1) return count;
        for (const auto& b : branches)
          count += std::any_of(b.begin(), b.end(), [&](const auto& o) { return o.size() == 1 && o[0] == r[0]; });
        return count;
      };
      std::vector<std::string> any;
      for (auto& b : branches) {
        const auto taken = [&](const std::vector<std::string>& r) {
          return std::all_of(r.begin(), r.end(),
                             [&](const std::string& run) { return std::find(any.begin(), any.end(), run) != any.end(); });
        };
        size_t pick = 0;
        auto it = std::find_if(b.begin(), b.end(), taken);
        if (it != b.end()) {
          pick = static_cast<size_t>(it - b.begin());
        } else {
          size_t best = std::max<size_t>(shared(b.front()), 1);
          for (size_t k = 1; k < b.size(); ++k)
            if (const size_t c = shared(b[k]); c > best) best = c, pick = k;
        }
        for (auto& run : b[pick])
          if (std::find(any.begin(), any.end(), run) == any.end()) any.push_back(std::move(run));
      }
      return {std::move(any)};
    }
  };
  std::vector<Frame> frames(1);
  auto at = [&](size_t i) { return i < p.size() ? p[i] : '\0'; };
  auto optional = [](char q) { return q == '?' || q == '*' || q == '{'; };
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    Frame& f = frames.back();
    if (static_cast<unsigned char>(c) >= 0x80) {
      const size_t start = i;
      if (NextChar(p, i) == U'\uFFFD' || optional(at(i))) {  // ICU reads bad UTF-8 as U+FFFD
        f.open_run = false;
        continue;
      }
      if (!f.open_run) f.current.push_back({std::string()});
      f.current.back().front().append(p.substr(start, i - start));
      f.open_run = true;
      continue;
    }
    f.open_run = false;
    if (c == '\\') {
      if (at(i + 1) == 'Q') return {};
      i = EscapeEnd(p, i);
      continue;
    }
    if (c == '[') {
      const size_t end = SetEnd(p, i);
      std::vector<std::string> members = SetMembers(p.substr(i, end + 1 - i), ascii_sets);
      i = end + 1;
      if (ascii_used != nullptr &&
          std::any_of(members.begin(), members.end(), [](const std::string& m) { return m.size() == 1; }))
        *ascii_used = true;
      if (!members.empty() && !optional(at(i))) f.current.push_back(std::move(members));
      continue;
    }
    if (c == '(') {
      Frame child;
      if (at(i + 1) == '?') {
        const char k = at(i + 2), k2 = at(i + 3);
        if (k == '=' || k == '!' || (k == '<' && (k2 == '=' || k2 == '!'))) child.lookaround = true;
        else if (k != ':' && k != '>' && k != '<') return {};  // flags or a comment
      }
      frames.push_back(std::move(child));
      ++i;
      continue;
    }
    if (c == ')') {
      if (frames.size() < 2) return {};
      Frame child = std::move(frames.back());
      frames.pop_back();
      ++i;
      if (child.lookaround || optional(at(i))) continue;
      for (auto& r : child.Close()) frames.back().current.push_back(std::move(r));
      continue;
    }
    if (c == '|') {
      f.branches.push_back(std::move(f.current));
      f.current.clear();
    }
    ++i;
  }
  if (frames.size() != 1) return {};
  return frames[0].Close();
}

// A literal run at p[i], up to the first character that is not a plain
// non-ASCII literal; a character made optional by a quantifier is left out.
std::string LeadingRun(std::string_view p, size_t i) {
  std::string run;
  while (i < p.size() && static_cast<unsigned char>(p[i]) >= 0x80) {
    const size_t start = i;
    const bool bad = NextChar(p, i) == U'\uFFFD';  // ICU reads bad UTF-8 as U+FFFD
    const char q = i < p.size() ? p[i] : '\0';
    if (bad || q == '?' || q == '*' || q == '{') break;
    run.append(p.substr(start, i - start));
    if (q == '+') break;
  }
  return run;
}

// Walks p from `from`, stepping over escapes and sets, and calls
// on(i, depth) at every other byte with the group depth before it (a ')' is
// seen at the depth inside its group). Returns where on() said stop, or p.size().
template <typename F>
size_t WalkPattern(std::string_view p, size_t from, F&& on) {
  int depth = 0;
  for (size_t i = from; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      i = EscapeEnd(p, i) - 1;
      continue;
    }
    if (c == '[') {
      i = SetEnd(p, i);
      continue;
    }
    if (!on(i, depth)) return i;
    if (c == '(') ++depth;
    if (c == ')') --depth;
  }
  return p.size();
}

// The branches of the group that opens at p[at] when every one is a plain
// literal run ((县|市|街道), (?:县|市), (?<x>县|市)) and the group is not
// optional (no ?, * or { after it); else none.
std::vector<std::string> LiteralBranches(std::string_view p, size_t at) {
  if (at >= p.size() || p[at] != '(') return {};
  size_t i = at + 1;
  if (p.substr(i, 2) == "?:") i += 2;
  else if (p.substr(i, 2) == "?<" && p.size() > i + 2 && p[i + 2] != '=' && p[i + 2] != '!') {
    const size_t close = p.find('>', i);
    if (close == std::string_view::npos) return {};
    i = close + 1;
  } else if (i < p.size() && p[i] == '?') return {};
  std::vector<std::string> out;
  for (;;) {
    std::string run = LeadingRun(p, i);
    i += run.size();
    if (run.empty() || i >= p.size() || (p[i] != '|' && p[i] != ')')) return {};
    out.push_back(std::move(run));
    if (p[i++] == ')') break;
  }
  const char q = i < p.size() ? p[i] : '\0';
  if (q == '?' || q == '*' || q == '{') return {};
  return out;
}

// For a pattern anchored by ^: the literal runs a match starts with, one per
// branch of a leading group (^(来源|编辑)), or none. Checked with a prefix
// comparison, which costs less than the substring search of a requirement.
std::vector<std::string> LeadingLiterals(std::string_view p) {
  const auto top_level_bar = [&](size_t i, int depth) { return !(p[i] == '|' && depth == 0); };
  if (p.size() < 2 || p[0] != '^' || p.find("\\Q") != std::string_view::npos || HasModesOrComments(p) ||
      WalkPattern(p, 0, top_level_bar) != p.size()) {
    return {};
  }
  if (p[1] != '(') {
    std::string run = LeadingRun(p, 1);
    if (run.empty()) return {};
    // A group of plain literal branches right after the run, taken once or
    // more (^各(县|市|区)...): the run goes on with each branch.
    std::vector<std::string> branches = LiteralBranches(p, 1 + run.size());
    if (branches.empty()) return {run};
    for (auto& branch : branches) branch.insert(0, run);
    return branches;
  }
  size_t i = 2;
  if (p.substr(i, 2) == "?:") i += 2;
  else if (p.substr(i, 2) == "?<" && p.size() > i + 2 && p[i + 2] != '=' && p[i + 2] != '!') i = p.find('>', i) + 1;
  else if (i < p.size() && p[i] == '?') return {};
  if (i == 0 || i >= p.size()) return {};  // i == 0: a "(?<name" without its ">"
  std::vector<std::string> runs = {LeadingRun(p, i)};
  const size_t close = WalkPattern(p, i, [&](size_t at, int depth) {
    if (depth == 0 && p[at] == '|') runs.push_back(LeadingRun(p, at + 1));
    return !(depth == 0 && p[at] == ')');
  });
  if (close >= p.size()) return {};
  for (const auto& run : runs)
    if (run.empty()) return {};
  const char q = close + 1 < p.size() ? p[close + 1] : '\0';
  if (q == '?' || q == '*' || q == '{') return {};
  return runs;
}

// The literal run of plain non-ASCII characters that ends at p[end] (the
// characters written just before it), or "". A character after a backslash
// is left out, and so is anything before a byte that is not valid UTF-8.
std::string TrailingRun(std::string_view p, size_t begin, size_t end) {
  size_t start = end;
  while (start > begin && static_cast<unsigned char>(p[start - 1]) >= 0x80) --start;
  if (start < end && start > begin && p[start - 1] == '\\') NextChar(p, start);  // an escaped character
  size_t keep = start;
  for (size_t i = start; i < end;)
    if (NextChar(p, i) == U'\uFFFD') keep = i;
  return std::string(p.substr(keep, end - std::min(keep, end)));
}

// For a pattern that ends with $ (a line's end): the literal runs a match
// ends with, one per branch of a trailing group ((通知|意见)$), or none.
// Checked with a suffix comparison before the search: most lines do not end
// so. Conservative like LeadingLiterals: no top-level alternation, no
// look-around group, no branch that ends in anything but a plain character.
std::vector<std::string> TrailingLiterals(std::string_view p) {
  if (p.size() < 2 || p.back() != '$' || p.find("\\Q") != std::string_view::npos || HasModesOrComments(p)) return {};
  bool bar = false;
  size_t last = std::string_view::npos;
  std::vector<size_t> opens, open_of(p.size(), std::string_view::npos);
  WalkPattern(p, 0, [&](size_t i, int depth) {
    if (depth == 0 && p[i] == '|') bar = true;
    if (p[i] == '(') opens.push_back(i);
    if (p[i] == ')' && !opens.empty()) {
      open_of[i] = opens.back();
      opens.pop_back();
    }
    last = i;
    return true;
  });
  const size_t end = p.size() - 1;  // the $
  if (bar || last != end || end == 0) return {};
  if (p[end - 1] != ')') {
    std::string run = TrailingRun(p, 0, end);
    if (run.empty()) return {};
    return {run};
  }
  const size_t close = end - 1, open = open_of[close];
  if (open == std::string_view::npos) return {};
  size_t body = open + 1;
  if (p.substr(body, 2) == "?:") body += 2;
  else if (p.substr(body, 2) == "?<" && body + 2 < p.size() && p[body + 2] != '=' && p[body + 2] != '!') body = p.find('>', body) + 1;
  else if (body < p.size() && p[body] == '?') return {};  // look-around
  if (body == 0 || body > close) return {};
  // The group's branches: split at its own | (depth 0 inside it).
  std::vector<std::string> runs;
  size_t branch = body;
  const size_t stop = WalkPattern(p, body, [&](size_t i, int depth) {
    if (depth == 0 && (p[i] == '|' || i == close)) {
      runs.push_back(TrailingRun(p, branch, i));
      branch = i + 1;
    }
    return !(depth == 0 && i == close);
  });
  if (stop != close || runs.empty()) return {};
  for (const auto& run : runs)
    if (run.empty()) return {};
  return runs;
}

// For a pattern that ends with a set right before its $ (...[:：]$), at the
// top level, with no top-level alternation: the set's members (SetMembers
// with ASCII), one of which every match ends with; else none.
std::vector<std::string> TrailingSet(std::string_view p) {
  if (p.size() < 4 || p.back() != '$' || p[p.size() - 2] != ']' || p.find("\\Q") != std::string_view::npos ||
      HasModesOrComments(p)) {
    return {};
  }
  const size_t end = p.size() - 1;  // the $
  size_t open = std::string_view::npos;
  int depth = 0;
  for (size_t i = 0; i < end; ++i) {
    const char c = p[i];
    if (c == '\\') {
      i = EscapeEnd(p, i) - 1;
    } else if (c == '[') {
      const size_t close = SetEnd(p, i);
      if (close == end - 1 && depth == 0) open = i;
      i = close;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return {};
    }
  }
  if (open == std::string_view::npos) return {};
  return SetMembers(p.substr(open, end - open), true);
}

// Whether s (less a line terminator that ends it, as $ allows) ends with one
// of the runs. A superset of where $ can match: any final terminator is tried.
[[gnu::noinline]] bool EndsWithAny(const std::vector<std::string>& runs, std::string_view s) {
  std::string_view ends[3] = {s, {}, {}};
  size_t count = 1;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n >= 1 && p[n - 1] - 0x0Au < 4u) ends[count++] = s.substr(0, n - 1);
  if (n >= 2 && ((p[n - 2] == '\r' && p[n - 1] == '\n') || (p[n - 2] == 0xC2 && p[n - 1] == 0x85)))
    ends[count++] = s.substr(0, n - 2);
  if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && (p[n - 1] == 0xA8 || p[n - 1] == 0xA9))
    ends[count++] = s.substr(0, n - 3);
  // The last byte first (a continuation byte for a CJK run: most lines
  // differ there), then the rest without a call for a short run.
  for (size_t k = 0; k < count; ++k) {
    const std::string_view e = ends[k];
    for (const auto& run : runs) {
      const size_t m = run.size();
      if (m == 0) return true;
      if (m > e.size() || run[m - 1] != e[e.size() - 1]) continue;
      if (std::memcmp(e.data() + e.size() - m, run.data(), m - 1) == 0) return true;
    }
  }
  return false;
}

// The last byte of a prefix first: a UTF-8 continuation byte, which tells
// most lines apart without a call (their first bytes are all E4-E9).
bool StartsWithAny(const std::vector<std::string>& prefixes, std::string_view s) {
  for (const auto& prefix : prefixes) {
    const size_t n = prefix.size();
    if (n == 0) return true;
    if (n <= s.size() && s[n - 1] == prefix[n - 1] && std::memcmp(s.data(), prefix.data(), n - 1) == 0) return true;
  }
  return false;
}

// True when s holds run anywhere (at any byte offset, as memmem). memchr
// looks for the run's last byte: a literal run ends in a UTF-8 continuation
// byte, one of 64 values, so few places in CJK text reach the compare. Not
// string_view::find, which scans for the first byte, the lead byte of a CJK
// character that matches every third byte; not memmem, whose set-up per call
// (a shift table) costs more than this whole search on a line.
bool HasRun(std::string_view s, std::string_view run) {
  const size_t n = run.size();
  if (n < 2) return n == 0 || std::memchr(s.data(), run[0], s.size()) != nullptr;
  if (s.size() < n) return false;
  const char* p = s.data() + n - 1;
  const char* const end = s.data() + s.size();
  const char last = run[n - 1];
  while ((p = static_cast<const char*>(std::memchr(p, last, static_cast<size_t>(end - p)))) != nullptr) {
    // The byte before first: it tells most places apart without a call.
    if (p[-1] == run[n - 2] && std::memcmp(p - (n - 1), run.data(), n - 2) == 0) return true;
    ++p;
  }
  return false;
}

#if defined(__x86_64__)
// HasAnyRun in one pass of 32 places at a time, for runs whose last two bytes
// (a run of one byte: that byte) take few values (RunPairs): a place is a
// candidate when its byte and the one before are the last two bytes of a run
// (for a CJK run, its last character's two continuation bytes: about one
// place in a thousand; memchr for each run's last byte alone stopped about
// every 60 bytes, and ran once per run). Each candidate is compared with
// every run. A text shorter than 33 bytes is copied into a zeroed block
// first. Bit j of the block at i is the place i+1+j; place 0 is tried alone.
template <int P, int S>
__attribute__((target("avx2"), always_inline)) inline uint32_t PairHits(const unsigned char* at, const __m256i* pen,
                                                                         const __m256i* last, const __m256i* one) {
  const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + 1));
  __m256i hit = _mm256_setzero_si256();
  if constexpr (P > 0) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    for (int k = 0; k < P; ++k)
      hit = _mm256_or_si256(hit, _mm256_and_si256(_mm256_cmpeq_epi8(a, pen[k]), _mm256_cmpeq_epi8(b, last[k])));
  }
  for (int k = 0; k < S; ++k) hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(b, one[k]));
  return static_cast<uint32_t>(_mm256_movemask_epi8(hit));
}

// Whether a run ends at place q of p (q < the text's size).
bool RunEndsAt(const std::vector<std::string>& any, const unsigned char* p, size_t q) {
  for (const auto& run : any) {
    const size_t m = run.size();
    if (q + 1 < m || p[q] != static_cast<unsigned char>(run[m - 1])) continue;
    if (m == 1) return true;
    if (p[q - 1] == static_cast<unsigned char>(run[m - 2]) && std::memcmp(p + q + 1 - m, run.data(), m - 2) == 0)
      return true;
  }
  return false;
}

bool AnyRunEndsIn(const std::vector<std::string>& any, const unsigned char* p, size_t i, uint32_t mask) {
  while (mask != 0) {
    if (RunEndsAt(any, p, i + 1 + static_cast<size_t>(std::countr_zero(mask)))) return true;
    mask &= mask - 1;
  }
  return false;
}

template <int P, int S>
__attribute__((target("avx2"))) bool HasAnyRunAvx2(const RunPairs& rp, const std::vector<std::string>& any,
                                                   std::string_view s) {
  __m256i pen[P > 0 ? P : 1], last[P > 0 ? P : 1], one[S > 0 ? S : 1];
  for (int k = 0; k < P; ++k) {
    pen[k] = _mm256_set1_epi8(static_cast<char>(rp.pen[k]));
    last[k] = _mm256_set1_epi8(static_cast<char>(rp.last[k]));
  }
  for (int k = 0; k < S; ++k) one[k] = _mm256_set1_epi8(static_cast<char>(rp.one[k]));
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n == 0) return false;
  if (S > 0 && RunEndsAt(any, p, 0)) return true;
  if (n < 33) {
    alignas(32) unsigned char buf[64] = {};
    std::memcpy(buf, p, n);
    const uint32_t mask = PairHits<P, S>(buf, pen, last, one) & ((uint32_t{1} << (n - 1)) - 1);  // places 1 .. n-1
    return mask != 0 && AnyRunEndsIn(any, p, 0, mask);
  }
  size_t i = 0;
  for (; i + 65 <= n; i += 64) {
    const uint32_t m0 = PairHits<P, S>(p + i, pen, last, one), m1 = PairHits<P, S>(p + i + 32, pen, last, one);
    if ((m0 | m1) != 0 && (AnyRunEndsIn(any, p, i, m0) || AnyRunEndsIn(any, p, i + 32, m1))) return true;
  }
  for (; i + 33 <= n; i += 32)
    if (const uint32_t mask = PairHits<P, S>(p + i, pen, last, one); mask != 0 && AnyRunEndsIn(any, p, i, mask))
      return true;
  if (i + 1 < n) {
    // The places i+1 .. n-1 from the block ending at n-1 (the bits of places
    // before i+1 cleared: they were tried).
    const size_t from = n - 33;
    const uint32_t mask = PairHits<P, S>(p + from, pen, last, one) & ~((uint32_t{1} << (i - from)) - 1);
    return mask != 0 && AnyRunEndsIn(any, p, from, mask);
  }
  return false;
}

using RunScan = bool (*)(const RunPairs&, const std::vector<std::string>&, std::string_view);
constexpr RunScan kRunScans[RunPairs::kPairs + 1][RunPairs::kOnes + 1] = {
    {nullptr, &HasAnyRunAvx2<0, 1>, &HasAnyRunAvx2<0, 2>},
    {&HasAnyRunAvx2<1, 0>, &HasAnyRunAvx2<1, 1>, &HasAnyRunAvx2<1, 2>},
    {&HasAnyRunAvx2<2, 0>, &HasAnyRunAvx2<2, 1>, &HasAnyRunAvx2<2, 2>},
    {&HasAnyRunAvx2<3, 0>, &HasAnyRunAvx2<3, 1>, &HasAnyRunAvx2<3, 2>},
    {&HasAnyRunAvx2<4, 0>, &HasAnyRunAvx2<4, 1>, &HasAnyRunAvx2<4, 2>},
    {&HasAnyRunAvx2<5, 0>, &HasAnyRunAvx2<5, 1>, &HasAnyRunAvx2<5, 2>},
    {&HasAnyRunAvx2<6, 0>, &HasAnyRunAvx2<6, 1>, &HasAnyRunAvx2<6, 2>},
};
#endif

// True when s holds one of the runs (rp: their last bytes, see RunPairs).
[[gnu::noinline]] bool HasAnyRun(const std::vector<std::string>& any, const RunPairs& rp, std::string_view s) {
#if defined(__x86_64__)
  static const bool avx2 = simd::UseAvx2();
  if (avx2 && rp.usable) return kRunScans[rp.pairs][rp.ones](rp, any, s);
#else
  (void)rp;
#endif
  for (const auto& run : any)
    if (HasRun(s, run)) return true;
  return false;
}

// For each requirement of more than a few alternatives that are all single
// characters (a set): its characters, sorted, checked in one pass over the
// text instead of one memmem per character. Empty for the others.
std::vector<std::vector<char32_t>> CharSets(const Requirements& required) {
  std::vector<std::vector<char32_t>> out(required.size());
  for (size_t k = 0; k < required.size(); ++k) {
    std::vector<char32_t> chars;
    for (const auto& run : required[k]) {
      size_t i = 0;
      const char32_t c = NextChar(run, i);
      if (i != run.size() || c < 0x80) {
        chars.clear();
        break;
      }
      chars.push_back(c);
    }
    if (chars.size() <= 4) continue;
    std::sort(chars.begin(), chars.end());
    out[k] = std::move(chars);
  }
  return out;
}

#if defined(__x86_64__)
// HasAnyChar for a set of 3-byte characters (all_three) on a long text, 32
// places at a time: a place p can start a member only if s[p] is a member's
// lead byte (a byte-set lookup by nibble, as in Muła's SIMD byte-set test)
// and s[p+1], s[p+2] share a bucket in the tails tables (lookups by nibble,
// as in Teddy); the few places left are checked against the table of low
// 12 bits, then decoded. A member that NextChar reads at p has exactly its
// UTF-8 bytes there, which pass both tests, so none is missed.
// Returns the answer for the places before *done (set to where it stopped).
__attribute__((target("avx2"), always_inline)) inline __m256i ByteTable(const std::array<uint8_t, 16>& t) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
}
// Non-zero in each byte of v that is in the set of table t (see leads).
__attribute__((target("avx2"), always_inline)) inline __m256i InByteSet(__m256i t, __m256i v) {
  // Bit (hi - 8) for a high nibble of 8-F, 0 for an ASCII byte's.
  const __m256i bit = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                                       2, 4, 8, 16, 32, 64, -128);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i lo = _mm256_and_si256(v, nibble);
  const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
  return _mm256_and_si256(_mm256_shuffle_epi8(t, lo), _mm256_shuffle_epi8(bit, hi));
}

__attribute__((target("avx2"))) bool HasAnyChar3Avx2(const CharSet& set, std::string_view s, const uint8_t* low_bytes,
                                                     size_t* done) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const __m256i lead = ByteTable(set.leads);
  const auto& tails = set.Tails();
  const __m256i lo1 = ByteTable(tails[0]), hi1 = ByteTable(tails[1]), lo2 = ByteTable(tails[2]),
                hi2 = ByteTable(tails[3]), lo0 = ByteTable(tails[4]);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i zero = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 34 <= n; i += 32) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    const __m256i buckets = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_and_si256(_mm256_shuffle_epi8(lo1, _mm256_and_si256(b, nibble)),
                             _mm256_shuffle_epi8(hi1, _mm256_and_si256(_mm256_srli_epi16(b, 4), nibble))),
            _mm256_and_si256(_mm256_shuffle_epi8(lo2, _mm256_and_si256(c, nibble)),
                             _mm256_shuffle_epi8(hi2, _mm256_and_si256(_mm256_srli_epi16(c, 4), nibble)))),
        _mm256_shuffle_epi8(lo0, _mm256_and_si256(a, nibble)));
    const __m256i miss = _mm256_or_si256(_mm256_cmpeq_epi8(InByteSet(lead, a), zero), _mm256_cmpeq_epi8(buckets, zero));
    auto mask = ~static_cast<uint32_t>(_mm256_movemask_epi8(miss));
    while (mask != 0) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(mask));
      mask &= mask - 1;
      if (!low_bytes[(p[at + 1] & 0x3Fu) << 6 | (p[at + 2] & 0x3Fu)]) continue;
      size_t next = at;
      if (set.Has(NextChar(s, next))) return true;
    }
  }
  *done = i;
  return false;
}
#endif

// Whether a member starts at one of the places of s where one of the rare
// lead bytes is, one memchr scan per lead byte.
bool HasAnyRareLead(const CharSet& set, std::string_view s, size_t from) {
  const char* const end = s.data() + s.size();
  for (const unsigned char lead : set.rare_leads) {
    const char* p = s.data() + from;
    while ((p = static_cast<const char*>(std::memchr(p, lead, static_cast<size_t>(end - p)))) != nullptr) {
      size_t i = static_cast<size_t>(p - s.data());
      if (set.Has(NextChar(s, i))) return true;
      ++p;
    }
  }
  return false;
}

constexpr size_t kRareLeadScanFrom = 256;

#if defined(__x86_64__)
// HasAnyRareLead from 0 on a long text in one pass for all the lead bytes
// (pinyin's tone letters: C3, C4, C5, C7), 64 places at a time: a place
// whose byte lies between the least and the greatest lead (one unsigned
// range test) is decoded if its byte is one of them. A Chinese text has no
// byte in C0-DF, so the pass stops nowhere. Returns the answer for the places
// before *done (set to where it stopped).
// 0xFF in each byte of v from low to low + span (unsigned), else 0.
__attribute__((target("avx2"), always_inline)) inline __m256i InByteRange(__m256i v, __m256i low, __m256i span) {
  const __m256i d = _mm256_sub_epi8(v, low);
  return _mm256_cmpeq_epi8(_mm256_min_epu8(d, span), d);
}

__attribute__((target("avx2"))) bool HasAnyRareLeadAvx2(const CharSet& set, std::string_view s, size_t* done) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned char least = set.rare_leads.front(), greatest = set.rare_leads.back();  // sorted
  const __m256i low = _mm256_set1_epi8(static_cast<char>(least));
  const __m256i span = _mm256_set1_epi8(static_cast<char>(greatest - least));
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m256i a = InByteRange(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)), low, span);
    const __m256i b = InByteRange(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)), low, span);
    if (_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b))) continue;
    uint64_t mask = static_cast<uint32_t>(_mm256_movemask_epi8(a)) |
                    uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(b))} << 32;
    while (mask != 0) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(mask));
      mask &= mask - 1;
      if (std::find(set.rare_leads.begin(), set.rare_leads.end(), p[at]) == set.rare_leads.end()) continue;
      size_t next = at;
      if (set.Has(NextChar(s, next))) return true;
    }
  }
  *done = i;
  return false;
}
#endif

// HasAnyRareLead(set, s, 0), in one pass where the processor has AVX2 (avx2
// true) and the text is long enough to pay for it.
bool HasAnyRareLeadWith(bool avx2, const CharSet& set, std::string_view s) {
#if defined(__x86_64__)
  if (avx2 && s.size() >= kRareLeadScanFrom) {
    size_t done = 0;
    if (HasAnyRareLeadAvx2(set, s, &done)) return true;
    return HasAnyRareLead(set, s, done);
  }
#else
  (void)avx2;
#endif
  return HasAnyRareLead(set, s, 0);
}

// Never false when s holds a member where NextChar would read one: every
// place a member's lead byte occurs is decoded from there (a place inside a
// malformed sequence too, which can only add a false "maybe"). With rare lead
// bytes, memchr (or the AVX2 range scan) finds those places.
[[gnu::noinline]] bool HasAnyChar(const CharSet& set, std::string_view s) {
  if (!set.rare_leads.empty()) {
#if defined(__x86_64__)
    static const bool avx2 = simd::UseAvx2();
    return HasAnyRareLeadWith(avx2, set, s);
#else
    return HasAnyRareLead(set, s, 0);
#endif
  }
  // A member starts at a lead byte (C2-F4), never at an ASCII or
  // continuation byte, so this looks at every lead byte and need not keep
  // NextChar's steps: after a lead E0-EF and two continuation bytes it goes on
  // 3 bytes (those two cannot start a member), testing the bitmap of low 12
  // bits on them first (a member there, read as 3 bytes, has those bits);
  // any other lead is decoded where it is, and the scan goes on one byte.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const uint64_t* const low = set.low.data();
  // Null for a small set on a short text.
  const uint8_t* const low_bytes = set.low_bytes || n >= CharSet::kLongText ? set.LowBytes() : nullptr;
  size_t i = 0;
#if defined(__x86_64__)
  static const bool avx2 = simd::UseAvx2();
  if (set.all_three && n >= CharSet::kLongText && avx2) {
    if (HasAnyChar3Avx2(set, s, low_bytes, &i)) return true;
    // The places from i on: as below (i may be inside a character; the scan
    // below skips continuation bytes one at a time).
  }
#endif
  auto miss = [&](uint64_t bits) {
    return low_bytes ? !low_bytes[bits] : !((low[bits >> 6] >> (bits & 63)) & 1);
  };
  while (i < n) {
    if constexpr (std::endian::native == std::endian::little) {
      // With the byte table: four 3-byte characters at a time (two 8-byte
      // loads, 6 bytes apart), on as long as all four miss.
      if (low_bytes) {
        constexpr uint64_t kShape = 0xC0C0F0C0C0F0u, kThree = 0x8080E08080E0u;
        while (i + 14 <= n) {
          uint64_t w, v;
          std::memcpy(&w, p + i, 8);
          std::memcpy(&v, p + i + 6, 8);
          if (((w & kShape) ^ kThree) | ((v & kShape) ^ kThree)) break;
          if (low_bytes[((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F)] | low_bytes[((w >> 26) & 0xFC0) | ((w >> 40) & 0x3F)] |
              low_bytes[((v >> 2) & 0xFC0) | ((v >> 16) & 0x3F)] | low_bytes[((v >> 26) & 0xFC0) | ((v >> 40) & 0x3F)])
            break;
          i += 12;
        }
      }
      // Two 3-byte characters at a time (a Chinese text is mostly those):
      // one 8-byte load tells both apart, and a miss in the bitmap for both
      // moves on 6 bytes; anything else takes the one-character step below.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u) break;
        // Each character's low 12 bits: its second byte's 6 payload bits,
        // then its third's (bytes 1, 2 and 4, 5 of the word).
        if (!miss(((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F)) || !miss(((w >> 26) & 0xFC0) | ((w >> 40) & 0x3F))) break;
        i += 6;
      }
      if (i >= n) break;
    }
    const unsigned b = p[i];
    if (b - 0xE0u < 0x10u && i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      const unsigned bits = (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
      if ((low[bits >> 6] >> (bits & 63)) & 1) {
        size_t at = i;
        if (set.Has(NextChar(s, at))) return true;
      }
      i += 3;
      continue;
    }
    if (b >= 0xC0) {
      size_t at = i;
      if (set.Has(NextChar(s, at))) return true;
    }
    ++i;
  }
  return false;
}

// Candidate names are read from the pattern text ("(?<" name ">"); asking ICU
// for each one's number filters out look-behinds, escapes and class members.
std::vector<std::string> GroupNames(const std::string& pattern, const icu::RegexPattern& re) {
  // Only a matcher knows the group count.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::RegexMatcher> matcher(re.matcher(status));
  if (U_FAILURE(status)) return {""};
  std::vector<std::string> names(static_cast<size_t>(matcher->groupCount()) + 1);
  for (size_t at = pattern.find("(?<"); at != std::string::npos; at = pattern.find("(?<", at + 3)) {
    size_t end = at + 3;
    while (end < pattern.size() && isalnum(static_cast<unsigned char>(pattern[end]))) ++end;
    if (end == at + 3 || end >= pattern.size() || pattern[end] != '>') continue;
    const std::string name = pattern.substr(at + 3, end - at - 3);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = re.groupNumberFromName(icu::UnicodeString::fromUTF8(name), status);
    if (U_SUCCESS(status) && n > 0 && static_cast<size_t>(n) < names.size()) names[n] = name;
  }
  return names;
}

// s as UTF-16 in units[0, n), decoded as NextChar decodes (invalid bytes ->
// U+FFFD), and bytes[k] the byte offset in s where unit k starts (the end of
// its character for the second unit of a surrogate pair; bytes[n] = s.size()),
// so Search maps ICU's indexes back to bytes by lookup. Returns n.
int64_t ToUtf16(std::string_view s, std::vector<UChar>& units, std::vector<uint32_t>& bytes) {
  if (units.size() < s.size()) units.resize(s.size());  // never more units than bytes
  if (bytes.size() < s.size() + 1) bytes.resize(s.size() + 1);
  UChar* out = units.data();
  uint32_t* at = bytes.data();
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    *at++ = static_cast<uint32_t>(i);
    if (b < 0x80) {
      *out++ = b;
      ++i;
      continue;
    }
    // CJK: NextChar's 3-byte fast path, inline (E0 and ED go the long way)
    if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (((b1 | b2 << 8) & 0xC0C0) == 0x8080) {
        *out++ = static_cast<UChar>((char32_t{b} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (b2 & 0x3F));
        i += 3;
        continue;
      }
    }
    const char32_t c = NextChar(s, i);
    if (c <= 0xFFFF) {
      *out++ = static_cast<UChar>(c);
    } else {
      *out++ = U16_LEAD(c);
      *out++ = U16_TRAIL(c);
      *at++ = static_cast<uint32_t>(i);
    }
  }
  *at = static_cast<uint32_t>(s.size());
  return out - units.data();
}

// The thread's last UTF-16 copy, lent to one Search at a time. Callers try
// several patterns on one line in a row (junk, headings, cell shapes), so the
// copy is kept with the text it came from and reused when the next text is
// equal: a compare instead of a conversion.
struct Utf16Copy {
  bool busy = false;
  std::string text;
  std::vector<UChar> units;
  std::vector<uint32_t> bytes;  // by unit: where it starts in text (see ToUtf16)
  int64_t length = 0;

  void Assign(std::string_view s) {
    // A huge text (a notice on one line) is kept while it is being searched,
    // and its buffers are given back once the thread moves on to small ones.
    if (text.capacity() > (size_t{1} << 20) && text.capacity() > 4 * s.size()) {
      std::string().swap(text);
      std::vector<UChar>().swap(units);
      std::vector<uint32_t>().swap(bytes);
    }
    length = ToUtf16(s, units, bytes);
    text.assign(s);
  }
};

Utf16Copy& ThreadCopy() {
  thread_local Utf16Copy copy;
  return copy;
}

// A search over s with a pooled matcher. The text is searched as a UTF-16
// copy, which puts ICU on its array fast path (findUsingChunk, MatchChunkAt);
// through a UTF-8 UText every match attempt re-seeks the text and refills the
// provider's 32-unit chunk, which cost more than the matching (and ~10x more
// per byte on whole-text searches). Offsets come back as UTF-8 byte offsets.
constexpr int32_t kRegexTicks = 1000;
// Bytes of backtracking stack: ICU's default, plus room for a pattern that
// keeps a state per character of a long line.
constexpr size_t kRegexStack = 8 << 20;

class Search {
 public:
  Search(const icu::RegexPattern& re, MatcherPool& pool, std::string_view s)
      : pool_(pool), s_(s), matcher_(pool.Take(re)) {
    if (!matcher_) return;
    UErrorCode status = U_ZERO_ERROR;
    Utf16Copy& thread_copy = ThreadCopy();
    copy_ = thread_copy.busy ? &own_copy_ : &thread_copy;  // nested: a copy of its own
    copy_->busy = true;
    if (copy_->text != s) copy_->Assign(s);
    utext_openUChars(&text_, copy_->units.data(), copy_->length, &status);
    if (U_SUCCESS(status)) matcher_->reset(&text_);
    // A pattern with nested repetition ((a+)+) can take exponential time on
    // one line. ICU counts steps of its engine (about a millisecond per tick
    // on a current machine): a second or so, plus room for a long text, which
    // a linear pattern crosses in far fewer steps. Its backtracking stack is
    // bounded too, by the length of the text.
    if (U_SUCCESS(status)) {
      matcher_->setTimeLimit(kRegexTicks + static_cast<int32_t>(std::min<size_t>(s.size() / 64, INT32_MAX / 2)),
                             status);
    }
    if (U_SUCCESS(status)) {
      matcher_->setStackLimit(static_cast<int32_t>(std::min<size_t>(kRegexStack + 64 * s.size(), INT32_MAX)),
                              status);
    }
    if (U_FAILURE(status)) {
      pool_.Give(matcher_);
      matcher_ = nullptr;
    }
  }
  ~Search() {
    // The pooled matcher keeps a shallow clone of text_; it is reset before
    // its next use and never reads the old text again.
    if (matcher_) pool_.Give(matcher_);
    utext_close(&text_);
    if (copy_) copy_->busy = false;
  }
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  /// Next match; false at the end (or when ICU failed).
  bool Next(size_t& begin, size_t& end) {
    UErrorCode status = U_ZERO_ERROR;
    if (!matcher_) return false;
    const bool found = matcher_->find(status);
    if (U_FAILURE(status)) {
      failure_ = status;
      return false;
    }
    if (!found || !Group(0, begin, end)) return false;
    return true;
  }
  int32_t GroupCount() const { return matcher_ ? matcher_->groupCount() : 0; }
  /// Why the last Next() stopped early (U_ZERO_ERROR at a plain end).
  UErrorCode failure() const { return failure_; }
  /// Byte offsets of group g of the last match; false when it did not take part.
  bool Group(int32_t g, size_t& begin, size_t& end) {
    UErrorCode status = U_ZERO_ERROR;
    const int64_t b = matcher_->start64(g, status), e = matcher_->end64(g, status);
    if (U_FAILURE(status) || b < 0) return false;
    begin = ToByte(b);
    end = ToByte(e);
    return true;
  }

 private:
  // UTF-16 index -> byte offset, from the copy's table.
  size_t ToByte(int64_t index) const {
    return index < 0 ? 0 : index >= copy_->length ? s_.size() : copy_->bytes[static_cast<size_t>(index)];
  }

  MatcherPool& pool_;
  std::string_view s_;
  icu::RegexMatcher* matcher_;
  UErrorCode failure_ = U_ZERO_ERROR;
  UText text_ = UTEXT_INITIALIZER;
  Utf16Copy* copy_ = nullptr;  // the text as UTF-16
  Utf16Copy own_copy_;
};

}  // namespace

Regex::Regex() = default;
Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

namespace {
const Regex::Precomputed* precomputed = nullptr;
std::vector<std::string>* recording = nullptr;

// The serialized analysis: lists of strings, each a count then the strings
// (varint.h's format).
void PutList(std::string& out, const std::vector<std::string>& list) {
  varint::PutNumber(out, list.size());
  for (const auto& s : list) varint::PutString(out, s);
}
std::vector<std::string> GetList(varint::Reader& r) {
  std::vector<std::string> list(r.Count());
  for (auto& s : list) s = r.String();
  return list;
}

// The table's analysis of `pattern` (field 2) or program (field 4), or empty
// when it has none.
std::string_view TableEntry(std::string_view pattern, int field) {
  const Regex::Precomputed* t = precomputed;
  // (Read and compiled with the gates and possessive repeats on.)
  if (!t || !regex_lite::detail::ascii_set_gates || !regex_lite::detail::possessive_repeats) return {};
  auto at = [&](size_t k, int field) {
    return std::string_view(t->bytes + t->entries[6 * k + field], t->entries[6 * k + field + 1]);
  };
  size_t lo = 0, hi = t->count;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (at(mid, 0) < pattern) lo = mid + 1; else hi = mid;
  }
  return lo < t->count && at(lo, 0) == pattern ? at(lo, field) : std::string_view();
}
}  // namespace

void Regex::UsePrecomputed(const Precomputed* table) { precomputed = table; }
void Regex::RecordPatterns(std::vector<std::string>* out) { recording = out; }

std::string Regex::Program(std::string_view pattern) {
  const auto program = regex_lite::Compile(pattern);
  return program ? regex_lite::Serialize(*program) : std::string();
}

std::string Regex::Analysis(std::string_view pattern) {
  Impl impl;
  impl.pattern = std::string(pattern);
  impl.ReadLiterals();
  std::string out;
  varint::PutNumber(out, impl.gate.size());
  for (const auto& runs : impl.gate) PutList(out, runs);
  out += impl.ascii_used ? '1' : '0';
  PutList(out, impl.trailing);
  out += impl.ends == impl.trailing ? '=' : '!';
  if (impl.ends != impl.trailing) PutList(out, impl.ends);
  PutList(out, impl.leading);
  return out;
}

Regex::Regex(std::string_view pattern, When when) : impl_(std::make_unique<Impl>()) {
  impl_->pattern = std::string(pattern);
  if (recording) [[unlikely]]
    recording->push_back(impl_->pattern);
  // The literal prefilter is read from the text of the pattern (a valid one:
  // compiled first, or known to be valid), so a lazy pattern turns lines away
  // before it is ever compiled.
  impl_->extract = !(when == When::kNow && !impl_->Ready());
}

void Regex::Impl::ReadLiterals() {
  // One read of the pattern when it has no set with ASCII members (most).
  gate = RequiredLiterals(pattern, regex_lite::detail::ascii_set_gates, &ascii_used);
  trailing = TrailingLiterals(pattern);
  ends = !trailing.empty() || !regex_lite::detail::ascii_set_gates ? trailing : TrailingSet(pattern);
  leading = LeadingLiterals(pattern);
}

void Regex::Impl::ExtractLiterals() {
  if (!extract) return;
  if (const std::string_view known = TableEntry(pattern, 2); !known.empty()) {
    varint::Reader r{known};
    gate.resize(r.Count());
    for (auto& runs : gate) runs = GetList(r);
    ascii_used = r.Byte() == '1';
    trailing = GetList(r);
    if (r.Byte() == '=') ends = trailing; else ends = GetList(r);
    leading = GetList(r);
  } else {
    ReadLiterals();
  }
  if (!ascii_used) required = gate;  // else read on the first required() call
  // A run holding another run of its requirement says nothing more (a text
  // with 牵头负责 has 牵头): the gate scans for the shorter one only.
  for (auto& runs : gate) {
    const std::vector<std::string> all = runs;
    std::erase_if(runs, [&](const std::string& run) {
      return std::any_of(all.begin(), all.end(), [&](const std::string& other) {
        return other.size() < run.size() && !other.empty() && run.find(other) != std::string::npos;
      });
    });
  }
  for (auto& chars : CharSets(gate)) {
    char_sets.push_back(chars.empty() ? std::nullopt : std::optional<CharSet>(CharSet(std::move(chars))));
  }
  for (const auto& runs : gate) run_pairs.emplace_back(runs);
  std::vector<size_t> shortest_run(gate.size(), 0);
  for (size_t k = 0; k < gate.size(); ++k) {
    check_order.push_back(k);
    shortest_run[k] = char_sets[k] ? 0 : std::string::npos;
    for (const auto& run : gate[k]) shortest_run[k] = std::min(shortest_run[k], run.size());
  }
  std::stable_sort(check_order.begin(), check_order.end(),
                   [&](size_t a, size_t b) { return shortest_run[a] > shortest_run[b]; });
  // (通知|意见|函)$ and nothing else: a text ending with a run matches, and
  // Contains need not search (the runs are non-ASCII characters, so each is
  // its own literal; a search tried every branch at every start).
  if (!trailing.empty()) {
    std::string branches;
    for (const auto& run : trailing) branches += (branches.empty() ? "" : "|") + run;
    trailing_exact = pattern == "(" + branches + ")$" || pattern == "(?:" + branches + ")$" ||
                     (trailing.size() == 1 && pattern == branches + "$");
    for (const auto& run : trailing) trailing_exact = trailing_exact && !run.empty();
  }
  if (leading.empty()) return;
  size_t shortest = std::string::npos;
  for (const auto& run : leading) shortest = std::min(shortest, run.size());
  if (shortest < 2) return;  // (runs are of non-ASCII characters: 2 bytes or more)
  // The last byte of the shortest run (a continuation byte): runs that share
  // their first character differ there.
  leading_at = shortest - 1;
  leading_bits = 0;
  for (const auto& run : leading) leading_bits |= uint64_t{1} << (static_cast<unsigned char>(run[leading_at]) & 63);
}

void Regex::Impl::Compile() {
  // The build's program when the table has one (Deserialize checks it).
  if (const std::string_view known = TableEntry(pattern, 4); !known.empty()) lite = regex_lite::Deserialize(known);
  if (!lite) lite = regex_lite::Compile(pattern);
  if (lite) {
    names = lite->names();
    return;
  }
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  const std::string expanded = ExpandDigits(pattern);
  compiled.reset(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(expanded.data(), expanded.size())), 0, pe,
      status));
  if (U_FAILURE(status) && expanded != pattern) {
    // Report the error against the pattern as written.
    pe = {};
    status = U_ZERO_ERROR;
    compiled.reset(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size())), 0, pe,
        status));
  }
  if (U_FAILURE(status)) {
    compiled.reset();
    error = std::string(u_errorName(status)) + ": " + DescribeRegexError(status);
    error_offset = PatternOffset(pattern, pe);
    return;
  }
  names = GroupNames(pattern, *compiled);
}

void Regex::Impl::Check(UErrorCode failure) const {
  if (failure == U_ZERO_ERROR) return;
  std::string why = failure == U_REGEX_TIME_OUT ? "took too long on one line of text"
                    : failure == U_REGEX_STACK_OVERFLOW ? "ran out of backtracking stack on one line of text"
                                                        : std::string("failed: ") + u_errorName(failure);
  throw Error(Error::Kind::kRules,
              "pattern '" + pattern + "' " + why +
                  " (nested repetition such as (a+)+ can take exponential time); simplify it",
              origin_file, origin_line);
}

bool Regex::Impl::LiteSearch(std::string_view s, size_t from, std::vector<size_t>& caps) const {
  switch (lite->Search(s, from, caps)) {
    case regex_lite::Program::Result::kMatch:
      return true;
    case regex_lite::Program::Result::kNoMatch:
      return false;
    case regex_lite::Program::Result::kTooLong:
      Check(U_REGEX_TIME_OUT);
      return false;
    case regex_lite::Program::Result::kTooDeep:
      Check(U_REGEX_STACK_OVERFLOW);
      return false;
  }
  return false;
}

namespace {
// Capture offsets of regex_lite searches, kept per thread (no allocation per search).
std::vector<size_t>& LiteCaps() {
  thread_local std::vector<size_t> caps;
  return caps;
}
}  // namespace

void Regex::set_origin(std::string file, int line) {
  if (!impl_) return;
  impl_->origin_file = std::move(file);
  impl_->origin_line = line;
}

bool Regex::Impl::Possible(std::string_view s) {
  // A leading literal, where there is one, says more than regex_lite's test
  // of the first character; else, once compiled, regex_lite turns away a
  // text that cannot start an anchored match, before any scan for literals.
  Literals();
  if (!ends.empty() && !EndsWithAny(ends, s)) return false;
  if (!leading.empty()) {
    if (s.size() <= leading_at || !((leading_bits >> (static_cast<unsigned char>(s[leading_at]) & 63)) & 1))
      return false;
    return StartsWithAny(leading, s);
  }
  if (compile_done.load(std::memory_order_acquire) && lite && lite->CannotStart(s)) return false;
  return HasRequired(s);
}

bool Regex::Impl::HasRequired(std::string_view s) const {
  for (const size_t k : check_order)
    if (char_sets[k] ? !HasAnyChar(*char_sets[k], s) : !HasAnyRun(gate[k], run_pairs[k], s)) return false;
  return true;
}

bool Regex::MayOccurIn(std::string_view s) const {
  if (!impl_) return false;
  impl_->Literals();
  return impl_->HasRequired(s);
}

const std::vector<std::string>& Regex::leading() const {
  static const std::vector<std::string> kNone;
  if (!impl_) return kNone;
  impl_->Literals();
  return impl_->leading;
}

const std::vector<std::string>& Regex::trailing() const {
  static const std::vector<std::string> kNone;
  if (!impl_) return kNone;
  impl_->Literals();
  return impl_->trailing;
}

const Regex::Requirements& Regex::required() const {
  static const Requirements kNone;
  if (!impl_) return kNone;
  impl_->Literals();
  // Most runs never ask (Possible reads gate): the second read of the
  // pattern waits until one does.
  if (impl_->ascii_used)
    std::call_once(impl_->required_once, [this] { impl_->required = RequiredLiterals(impl_->pattern); });
  return impl_->required;
}

bool Regex::StartChars(std::vector<std::pair<char32_t, char32_t>>* ranges) const {
  ranges->clear();
  if (!impl_) return false;
  impl_->Literals();
  if (!impl_->leading.empty()) {
    for (const auto& run : impl_->leading) {
      size_t i = 0;
      const char32_t c = NextChar(run, i);
      ranges->push_back({c, c});
    }
    std::sort(ranges->begin(), ranges->end());
    return true;
  }
  if (!impl_->Ready() || !impl_->lite) return false;
  return impl_->lite->StartRanges(*ranges);
}

// RegexSet

struct RegexSet::Index {
  std::once_flag once;
  std::atomic<bool> done{false};
  uint64_t always = 0;           // members tried on every text
  std::vector<char32_t> points;  // starts of intervals of first characters, sorted
  std::vector<uint64_t> masks;   // masks[i]: members that can start with a character in [points[i], points[i+1])
};

RegexSet::RegexSet() : index_(std::make_unique<Index>()) {}
RegexSet::~RegexSet() = default;
// A moved-from set is empty and usable (review: a defaulted move left its
// index null).
RegexSet::RegexSet(RegexSet&& o) noexcept
    : members_(std::move(o.members_)), index_(std::exchange(o.index_, std::make_unique<Index>())) {
  o.members_.clear();
}
RegexSet& RegexSet::operator=(RegexSet&& o) noexcept {
  if (this != &o) {
    members_ = std::move(o.members_);
    index_ = std::exchange(o.index_, std::make_unique<Index>());
    o.members_.clear();
  }
  return *this;
}

void RegexSet::push_back(Regex re) {
  members_.push_back(std::move(re));
  index_ = std::make_unique<Index>();
}

void RegexSet::clear() {
  members_.clear();
  index_ = std::make_unique<Index>();
}

const RegexSet::Index& RegexSet::Built() const {
  Index& index = *index_;
  if (index.done.load(std::memory_order_acquire)) return index;
  std::call_once(index.once, [&] {
    using Range = std::pair<char32_t, char32_t>;
    std::vector<std::pair<Range, uint64_t>> ranges;  // a member's start range and its bit
    std::vector<Range> starts;
    for (size_t k = 0; k < members_.size(); ++k) {
      const uint64_t bit = k < 64 ? uint64_t{1} << k : 0;
      if (k >= 64 || !members_[k].StartChars(&starts)) {
        index.always |= bit;
        continue;
      }
      for (const Range& r : starts) ranges.push_back({r, bit});
    }
    // Elementary intervals between every range's start and end + 1.
    index.points.push_back(0);
    for (const auto& [r, bit] : ranges) {
      index.points.push_back(r.first);
      if (r.second < 0x10FFFF) index.points.push_back(r.second + 1);
    }
    std::sort(index.points.begin(), index.points.end());
    index.points.erase(std::unique(index.points.begin(), index.points.end()), index.points.end());
    index.masks.assign(index.points.size(), index.always);
    for (size_t i = 0; i < index.points.size(); ++i)
      for (const auto& [r, bit] : ranges)
        if (r.first <= index.points[i] && index.points[i] <= r.second) index.masks[i] |= bit;
    index.done.store(true, std::memory_order_release);
  });
  return index;
}

uint64_t RegexSet::Candidates(std::string_view s) const {
  const Index& index = Built();
  // Members past the 64th are always tried: they have no bit of their own.
  if (s.empty()) return index.always;
  size_t i = 0;
  const char32_t c = NextChar(s, i);
  const auto it = std::upper_bound(index.points.begin(), index.points.end(), c);
  return index.masks[static_cast<size_t>(it - index.points.begin()) - 1];
}

bool RegexSet::ContainsAny(std::string_view s) const {
  uint64_t mask = Candidates(s);
  while (mask != 0) {
    const int k = std::countr_zero(mask);
    if (members_[static_cast<size_t>(k)].Contains(s)) return true;
    mask &= mask - 1;
  }
  for (size_t k = 64; k < members_.size(); ++k)
    if (members_[k].Contains(s)) return true;
  return false;
}

namespace regex_lite::detail {
bool HasAnyCharWith(bool avx2, std::vector<char32_t> chars, std::string_view s) {
  std::sort(chars.begin(), chars.end());
  const CharSet set(std::move(chars));
  return set.rare_leads.empty() ? HasAnyChar(set, s) : HasAnyRareLeadWith(avx2, set, s);
}
}  // namespace regex_lite::detail

bool Regex::ok() const { return impl_ && impl_->Ready(); }
const std::string& Regex::error() const { return !impl_ ? kNoPattern : impl_->Ready() ? kEmpty : impl_->error; }
int Regex::error_offset() const { return impl_ && !impl_->Ready() ? impl_->error_offset : 0; }
const std::string& Regex::pattern() const { return impl_ ? impl_->pattern : kEmpty; }

std::string_view Regex::Match::Group(std::string_view name) const {
  for (size_t i = 0; i < names.size() && i < groups.size(); ++i) {
    if (names[i] == name) return groups[i];
  }
  return {};
}

bool Regex::Contains(std::string_view s) const {
  if (!impl_ || !impl_->Possible(s)) return false;
  if (impl_->trailing_exact) return true;  // Possible found a trailing run at s's end
  if (!impl_->Ready()) return false;
  if (impl_->lite) return impl_->LiteSearch(s, 0, LiteCaps());
  Search search(*impl_->compiled, impl_->matchers, s);
  size_t begin = 0, end = 0;
  if (search.Next(begin, end)) return true;
  impl_->Check(search.failure());
  return false;
}

Regex::Match Regex::Find(std::string_view s) const {
  Match m;
  if (!impl_ || !impl_->Possible(s) || !impl_->Ready()) return m;
  if (impl_->lite) {
    std::vector<size_t>& caps = LiteCaps();
    if (!impl_->LiteSearch(s, 0, caps)) return m;
    m.found = true;
    m.begin = caps[0];
    m.end = caps[1];
    // Built in one pass (no zero-fill first); the offsets lie within s.
    const size_t count = caps.size() / 2;
    m.groups.reserve(count);
    for (size_t g = 0; g < count; ++g) {
      const size_t from = caps[2 * g], to = caps[2 * g + 1];
      m.groups.push_back(from != std::string_view::npos && to != std::string_view::npos
                             ? std::string_view(s.data() + from, to - from)
                             : std::string_view());
    }
    m.names = impl_->names;
    return m;
  }
  Search search(*impl_->compiled, impl_->matchers, s);
  if (!search.Next(m.begin, m.end)) {
    impl_->Check(search.failure());
    return m;
  }
  m.found = true;
  const int32_t count = search.GroupCount();
  m.groups.resize(static_cast<size_t>(count) + 1);
  for (int32_t g = 0; g <= count; ++g) {
    size_t begin = 0, end = 0;
    if (search.Group(g, begin, end)) m.groups[g] = s.substr(begin, end - begin);
  }
  m.names = impl_->names;
  return m;
}

std::string Regex::ReplaceAll(std::string_view s, std::string_view replacement) const {
  if (!impl_ || !impl_->Possible(s) || !impl_->Ready()) return std::string(s);
  if (impl_->lite) {
    // As ICU's find() loop: on from the end of a match, one character
    // further after an empty one.
    std::vector<size_t>& caps = LiteCaps();
    std::string out;
    size_t last = 0, from = 0;
    while (from <= s.size() && impl_->LiteSearch(s, from, caps)) {
      const size_t begin = caps[0], end = caps[1];
      out.append(s.substr(last, begin - last));
      out.append(replacement);
      last = end;
      from = end;
      if (begin == end) {
        if (from >= s.size()) break;
        NextChar(s, from);
      }
    }
    out.append(s.substr(last));
    return out;
  }
  Search search(*impl_->compiled, impl_->matchers, s);
  std::string out;
  size_t last = 0, begin = 0, end = 0;
  while (search.Next(begin, end)) {
    out.append(s.substr(last, begin - last));
    out.append(replacement);
    last = end;
  }
  impl_->Check(search.failure());
  out.append(s.substr(last));
  return out;
}

}  // namespace noticetab
