// Stage 1: bytes -> Source. Decides the encoding, refuses binary files with a
// message that says what they are, and repairs small damage (stray NULs,
// invalid bytes) with a warning instead of failing the whole file.
#include "noticetab/load.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#endif
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>

#include "noticetab/error.h"
#include "noticetab/native.h"
#include "noticetab/text.h"
#include "simd.h"

namespace noticetab {

Source::Source(std::string name, std::string encoding, std::string text)
    : name_(std::move(name)), encoding_(std::move(encoding)), text_(std::move(text)) {
  if (text_.size() > std::numeric_limits<uint32_t>::max()) {
    throw Error(Error::Kind::kInput, "file too large (4 GiB or more)", name_);
  }
  uint32_t begin = 0;
  const char* const data = text_.data();
  const size_t size = text_.size();
  while (const void* nl = std::memchr(data + begin, '\n', size - begin)) {
    const auto i = static_cast<uint32_t>(static_cast<const char*>(nl) - data);
    lines_.push_back({begin, i});
    begin = i + 1;
  }
  if (begin < text_.size()) lines_.push_back({begin, static_cast<uint32_t>(text_.size())});
}

std::string_view Source::Line(int n) const {
  assert(n >= 1 && n <= line_count());
  const Span& span = lines_[n - 1];
  return std::string_view(text_).substr(span.begin, span.end - span.begin);
}

namespace {

struct Signature {
  std::string_view magic;
  const char* message;
};

// Checked before anything else: these formats can look like valid GB18030.
const Signature kSignatures[] = {
    {"\x89PNG\r\n\x1a\n", "not text (looks like PNG image)"},
    {"\xff\xd8\xff", "not text (looks like JPEG image)"},
    {"GIF87a", "not text (looks like GIF image)"},
    {"GIF89a", "not text (looks like GIF image)"},
    {"%PDF-", "a PDF file, not text; extract its text first (e.g. pdftotext -layout)"},
    {"PK\x03\x04",
     "not text (looks like ZIP archive, e.g. DOCX/XLSX); save it as plain text first"},
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "not text (looks like OLE document, e.g. DOC/XLS); save it as plain text first"},
    {"\x7f\x45LF", "not text (looks like ELF executable)"},  // \x45 = 'E'; "\x7fE" is one escape
    {"\x1f\x8b", "not text (looks like gzip data)"},
    {"\xfd" "7zXZ\x00", "not text (looks like xz data)"},
    {"\x28\xb5\x2f\xfd", "not text (looks like zstd data)"},
    {"7z\xbc\xaf\x27\x1c", "not text (looks like 7z archive)"},
    {"Rar!\x1a\x07", "not text (looks like RAR archive)"},
    {"\x04\x22\x4d\x18", "not text (looks like lz4 data)"},
    {"LZIP", "not text (looks like lzip data)"},
    {"\x1f\x9d", "not text (looks like compress data)"},
};

// bzip2: "BZh", the block size 1-9, then the block magic (pi in BCD).
bool LooksLikeBzip2(std::string_view b) {
  return b.size() >= 10 && b.starts_with("BZh") && b[3] >= '1' && b[3] <= '9' &&
         b.substr(4, 6) == "\x31\x41\x59\x26\x53\x59";
}

// Per byte: bit 0 when it starts a character, bit 1 when it is a control
// (tab, line and page ends, ESC are text).
constexpr auto kClass = [] {
  std::array<uint8_t, 256> t{};
  for (int u = 0; u < 256; ++u) {
    const bool control = (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' &&
                          u != 0x1b) ||
                         u == 0x7f;
    t[u] = static_cast<uint8_t>(((u & 0xC0) != 0x80) | (control << 1));
  }
  return t;
}();

// The smallest number of odd characters (U+FFFD, controls) RefuseNoise refuses.
constexpr size_t kNoiseFloor = 16;

// Compressed, encrypted or random bytes decode, in any encoding, to text full
// of U+FFFD and control characters; a damaged notice has a few. Counted per
// character of the decoded text.
void RefuseNoise(std::string_view text, int replaced, const std::string& encoding, const std::string& name) {
  size_t chars = 0, controls = 0;
  size_t i = 0;
  // Eight bytes at a time while none is below 0x20 or is 0x7F (then only the
  // continuation bytes 10xxxxxx need counting); the table does the rest.
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t del = w ^ (0x7F * kOnes);
    // Exact tests (no carries across bytes): a byte is below 0x20 when its
    // bits 7-5 are clear, is 0x7F when w ^ 0x7F is zero.
    const uint64_t low = ~(w | (w << 1) | (w << 2)) & kHigh;
    const uint64_t zero = ~(((del & ~kHigh) + ~kHigh) | del) & kHigh;
    if ((low | zero) != 0) {
      for (size_t k = i; k < i + 8; ++k) {
        const uint8_t t = kClass[static_cast<unsigned char>(text[k])];
        chars += t & 1;
        controls += t >> 1;
      }
      continue;
    }
    // One bit per continuation byte (10xxxxxx), summed by a multiply (no
    // popcount instruction in the baseline x86-64 target).
    const uint64_t continuation = (w & ~(w << 1) & kHigh) >> 7;
    chars += 8 - static_cast<size_t>((continuation * kOnes) >> 56);
  }
  for (; i < text.size(); ++i) {
    const uint8_t t = kClass[static_cast<unsigned char>(text[i])];
    chars += t & 1;
    controls += t >> 1;
  }
  const size_t odd = static_cast<size_t>(replaced) + controls;
  if (odd >= kNoiseFloor && odd * 20 > chars) {
    throw Error(Error::Kind::kInput,
                "not text (" + std::to_string(odd) + " of " + std::to_string(chars) +
                    " characters are undecodable or control characters as " + encoding +
                    "; compressed or binary data?)",
                name);
  }
}

// Decoded UTF-8 text (line ends not yet normalized) and where decoding had to
// substitute U+FFFD.
struct Decoded {
  std::string text;
  int bad = 0;        // number of substitutions
  int first_bad = 0;  // 1-based line of the first one
};

// 1-based line number of position n, counting "\r\n", "\r" and "\n" as one
// break each, as NormalizeNewlines will. Works on UTF-8 bytes and UTF-16 units.
template <typename Unit>
int LineAt(const Unit* p, size_t n) {
  int line = 1;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n'))) ++line;
  }
  return line;
}

// Length of the longest prefix of p[0, n) that is well-formed UTF-8 (what
// U8_NEXT accepts: no overlong forms, surrogates or code points past
// U+10FFFF), ASCII checked eight bytes at a time.
// With `controls`, also adds the number of control characters in that prefix
// (kClass), so that clean UTF-8 needs no second pass for RefuseNoise.
size_t ValidUtf8Prefix(const uint8_t* p, size_t n, size_t* controls = nullptr) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  size_t i = 0;
  size_t odd = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      odd += kClass[b] >> 1;
      ++i;
      while (i + 8 <= n) {  // the rest of an ASCII run, eight bytes at a time
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if ((w & kHigh) != 0) break;
        if (controls) {
          // A byte below 0x20 (bits 7-5 clear) or 0x7F (w ^ 0x7F zero): the
          // table decides; exact tests, no carries across bytes.
          const uint64_t del = w ^ (0x7F * kOnes);
          const uint64_t low = ~(w | (w << 1) | (w << 2)) & kHigh;
          const uint64_t zero = ~(((del & ~kHigh) + ~kHigh) | del) & kHigh;
          if ((low | zero) != 0) {
            for (size_t k = i; k < i + 8; ++k) odd += kClass[p[k]] >> 1;
          }
        }
        i += 8;
      }
      continue;
    }
    // Most of a Chinese text: leads E1-EC and EE-EF take any two
    // continuation bytes (E0 can be overlong, ED a surrogate: below). Two
    // such characters at a time while they last: bytes 0 and 3 of a word
    // E0-EF, bytes 1, 2, 4, 5 continuation bytes, then E0 and ED ruled out.
    if (b - 0xE1u < 0x0Fu && b != 0xEDu) {
      if constexpr (std::endian::native == std::endian::little) {
        const size_t from = i;
#ifdef __SSE2__
        // Five such characters at a time (15 of 16 bytes loaded): leads at
        // bytes 0, 3, 6, 9, 12, none of them E0 or ED.
        constexpr char kF0 = '\xF0', kC0 = '\xC0', kE0 = '\xE0', k80 = '\x80', kFF = '\xFF';
        const __m128i mask = _mm_setr_epi8(kF0, kC0, kC0, kF0, kC0, kC0, kF0, kC0, kC0, kF0, kC0, kC0, kF0, kC0, kC0, 0);
        const __m128i want = _mm_setr_epi8(kE0, k80, k80, kE0, k80, k80, kE0, k80, k80, kE0, k80, k80, kE0, k80, k80, 0);
        const __m128i leads = _mm_setr_epi8(kFF, 0, 0, kFF, 0, 0, kFF, 0, 0, kFF, 0, 0, kFF, 0, 0, 0);
        const __m128i e0 = _mm_set1_epi8(kE0), ed = _mm_set1_epi8('\xED');
        while (i + 16 <= n) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
          const __m128i shape = _mm_cmpeq_epi8(_mm_and_si128(v, mask), want);
          const __m128i odd = _mm_and_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed)), leads);
          if (_mm_movemask_epi8(shape) != 0xFFFF || _mm_movemask_epi8(odd) != 0) break;
          i += 15;
        }
#endif
        while (i + 8 <= n) {
          uint64_t w;
          std::memcpy(&w, p + i, 8);
          if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) break;
          const unsigned l0 = p[i], l1 = p[i + 3];
          if ((l0 & 0x0F) == 0 || l0 == 0xED || (l1 & 0x0F) == 0 || l1 == 0xED) break;
          i += 6;
        }
        if (i != from) continue;  // the byte there decides, from the top
      }
      if (i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
        i += 3;
        continue;
      }
    }
    if (b >= 0xE0 && b <= 0xEF) {
      if (i + 2 >= n) break;
      const uint8_t b1 = p[i + 1];
      const uint8_t lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
      if (b1 < lo || b1 > hi || (p[i + 2] & 0xC0) != 0x80) break;
      i += 3;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) break;
      // C1 controls (U+0080-U+009F) are not counted: RefuseNoise's table
      // counts bytes, and their lead C2 is no control there.
      i += 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (i + 3 >= n) break;
      const uint8_t b1 = p[i + 1];
      const uint8_t lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      if (b1 < lo || b1 > hi || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) break;
      i += 4;
    } else {
      break;
    }
  }
  if (controls) *controls += odd;
  return std::min(i, n);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang_analyzer__)
// Whether p[0, n) is all well-formed UTF-8 (the same answer as
// ValidUtf8Prefix(p, n) == n), with `controls` set to its control characters
// (kClass) then: 32 bytes at a time with AVX2, the lookup-table check of
// Keiser and Lemire ("Validating UTF-8 in less than one instruction per
// byte", 2021). Its callers ask simd::UseAvx2() first.
// A 16-byte table in both lanes, for _mm256_shuffle_epi8.
__attribute__((target("avx2"), always_inline)) inline __m256i Table16(std::array<uint8_t, 16> t) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
}

// With `invisible`, it is set when the text holds a zero-width space, joiner
// or word joiner (U+200B-U+200D, U+2060), found in the same pass. A BOM
// inside clean UTF-8 (U+FEFF) alone is not looked for here: it is found
// where one of those is, and in every text that was not clean UTF-8.
__attribute__((target("avx2,popcnt"))) bool CleanUtf8Avx2(const uint8_t* p, size_t n, size_t* controls,
                                                          bool* invisible = nullptr) {
  constexpr uint8_t kTooShort = 1 << 0, kTooLong = 1 << 1, kOverlong3 = 1 << 2, kTooLarge = 1 << 3,
                    kSurrogate = 1 << 4, kOverlong2 = 1 << 5, kTooLarge1000 = 1 << 6, kOverlong4 = 1 << 6,
                    kTwoConts = 1 << 7;
  constexpr uint8_t kCarry = kTooShort | kTooLong | kTwoConts;
  const __m256i byte1_high = Table16({kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
                                    kTwoConts, kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
                                    kTooShort | kOverlong3 | kSurrogate,
                                    kTooShort | kTooLarge | kTooLarge1000 | kOverlong4});
  constexpr uint8_t kBig = kCarry | kTooLarge | kTooLarge1000;
  const __m256i byte1_low = Table16({kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,
                                   kCarry | kTooLarge, kBig, kBig, kBig, kBig, kBig, kBig, kBig, kBig,
                                   kBig | kSurrogate, kBig, kBig});
  constexpr uint8_t kCont80 = kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4;
  constexpr uint8_t kCont90 = kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge;
  constexpr uint8_t kContA0 = kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge;
  const __m256i byte2_high = Table16({kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
                                    kTooShort, kCont80, kCont90, kContA0, kContA0, kTooShort, kTooShort, kTooShort,
                                    kTooShort});
  const __m256i low4 = _mm256_set1_epi8(0x0F);
  const __m256i third = _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80));
  const __m256i fourth = _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80));
  const __m256i x1f = _mm256_set1_epi8(0x1F), x09 = _mm256_set1_epi8(9), x04 = _mm256_set1_epi8(4);
  const __m256i esc = _mm256_set1_epi8(0x1B), del = _mm256_set1_epi8(0x7F);
  __m256i prev = _mm256_setzero_si256(), error = _mm256_setzero_si256(), seen = _mm256_setzero_si256();
  const bool look = invisible != nullptr;
  const __m256i k_e2 = _mm256_set1_epi8(static_cast<char>(0xE2)), k_80 = _mm256_set1_epi8(static_cast<char>(0x80)),
                k_81 = _mm256_set1_epi8(static_cast<char>(0x81)), k_8b = _mm256_set1_epi8(static_cast<char>(0x8B)),
                k_8d = _mm256_set1_epi8(static_cast<char>(0x8D)), k_a0 = _mm256_set1_epi8(static_cast<char>(0xA0));
  size_t odd = 0;
  auto block = [&](__m256i in) __attribute__((target("avx2,popcnt"))) {
    const __m256i carried = _mm256_permute2x128_si256(prev, in, 0x21);
    const __m256i prev1 = _mm256_alignr_epi8(in, carried, 15);
    const __m256i prev2 = _mm256_alignr_epi8(in, carried, 14);
    const __m256i prev3 = _mm256_alignr_epi8(in, carried, 13);
    const __m256i b1h = _mm256_shuffle_epi8(byte1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low4));
    const __m256i b1l = _mm256_shuffle_epi8(byte1_low, _mm256_and_si256(prev1, low4));
    const __m256i b2h = _mm256_shuffle_epi8(byte2_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), low4));
    const __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
    const __m256i must23 = _mm256_or_si256(_mm256_subs_epu8(prev2, third), _mm256_subs_epu8(prev3, fourth));
    // Bytes that must be the 2nd or 3rd continuation: bit 7 of must23
    // (prev2 E0 or more, prev3 F0 or more).
    const __m256i must23_80 = _mm256_and_si256(must23, _mm256_set1_epi8(static_cast<char>(0x80)));
    error = _mm256_or_si256(error, _mm256_xor_si256(must23_80, special));
    if (look) {
      // E2 80 8B-8D and E2 81 A0 (in: the third byte). E2 leads few blocks
      // (curly quotes, dashes), so the rest is asked only of those.
      const __m256i e2 = _mm256_cmpeq_epi8(prev2, k_e2);
      if (_mm256_movemask_epi8(e2) == 0) {
        prev = in;
        return;
      }
      const __m256i zw = _mm256_cmpeq_epi8(_mm256_max_epu8(_mm256_min_epu8(in, k_8d), k_8b), in);
      __m256i hit = _mm256_and_si256(_mm256_cmpeq_epi8(prev1, k_80), zw);
      hit = _mm256_or_si256(hit, _mm256_and_si256(_mm256_cmpeq_epi8(prev1, k_81), _mm256_cmpeq_epi8(in, k_a0)));
      hit = _mm256_and_si256(hit, e2);
      seen = _mm256_or_si256(seen, hit);
    }
    prev = in;
  };
  auto count = [&](__m256i in, uint32_t lanes) __attribute__((target("avx2,popcnt"))) {
    // Controls: below 0x20 but not tab, line and page ends (9-13) or ESC; or DEL.
    const __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(in, x1f), in);
    const __m256i d = _mm256_sub_epi8(in, x09);
    const __m256i text = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(d, x04), d), _mm256_cmpeq_epi8(in, esc));
    const __m256i ctrl = _mm256_or_si256(_mm256_andnot_si256(text, low), _mm256_cmpeq_epi8(in, del));
    const uint32_t m = static_cast<uint32_t>(_mm256_movemask_epi8(ctrl)) & lanes;
    if (m != 0) odd += static_cast<size_t>(__builtin_popcount(m));
  };
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    count(in, 0xFFFFFFFFu);
    if (_mm256_movemask_epi8(_mm256_or_si256(in, prev)) == 0) {  // ASCII after ASCII
      prev = in;
      continue;
    }
    block(in);
  }
  // The tail, padded with NUL (ASCII: an incomplete sequence at the end then
  // fails as too short); with n a multiple of 32, an all-NUL block does that.
  alignas(32) uint8_t tail[32] = {};
  std::memcpy(tail, p + i, n - i);
  const __m256i in = _mm256_load_si256(reinterpret_cast<const __m256i*>(tail));
  count(in, n - i == 0 ? 0u : (n - i == 32 ? 0xFFFFFFFFu : (uint32_t{1} << (n - i)) - 1));
  block(in);
  if (!_mm256_testz_si256(error, error)) return false;
  *controls += odd;
  if (look) *invisible = !_mm256_testz_si256(seen, seen);
  return true;
}
#endif


// True when at least 90% of the non-ASCII sequences are well-formed UTF-8.
// GB18030 text passes for UTF-8 only by accident (about one pair in ten).
bool MostlyUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  if (ValidUtf8Prefix(p, s.size()) == s.size()) return true;
  const int64_t n = static_cast<int64_t>(s.size());
  size_t valid = 0, invalid = 0;
  for (int64_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    ++(c < 0 ? invalid : valid);
  }
  return invalid == 0 || valid * 10 >= (valid + invalid) * 9;
}

Decoded DecodeUtf8(std::string_view s) {
  Decoded d;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  d.text.reserve(s.size());
  for (int64_t i = 0; i < n;) {
    // Well-formed runs are copied whole; U8_NEXT sees only the bad bytes.
    const auto run = static_cast<int64_t>(ValidUtf8Prefix(p + i, static_cast<size_t>(n - i)));
    d.text.append(s.substr(static_cast<size_t>(i), static_cast<size_t>(run)));
    i += run;
    if (i == n) break;
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) {
      d.text.append(s.substr(start, i - start));
    } else {
      if (d.bad++ == 0) d.first_bad = LineAt(s.data(), static_cast<size_t>(start));
      d.text += "\xEF\xBF\xBD";
    }
  }
  return d;
}

// Converts with an ICU converter. The STOP callback hands every ill-formed
// sequence back to us so we can count it and know where it was.
Decoded Convert(std::string_view bytes, const char* charset, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) {
    throw Error(Error::Kind::kInput, std::string("ICU has no ") + charset + " converter", name);
  }
  ucnv_setToUCallBack(cnv.getAlias(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Each input byte yields at most one UTF-16 unit (a 4-byte GB18030 sequence
  // gives two), and each error consumes at least one byte for its U+FFFD, so
  // the buffer never overflows.
  std::u16string units(bytes.size() + 1, u'\0');
  UChar* out = units.data();
  UChar* const out_end = out + units.size();
  const char* in = bytes.data();
  const char* const in_end = in + bytes.size();
  Decoded d;
  size_t first_bad = 0;
  for (;;) {
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.getAlias(), &out, out_end, &in, in_end, nullptr, true, &status);
    if (status != U_ILLEGAL_CHAR_FOUND && status != U_INVALID_CHAR_FOUND &&
        status != U_TRUNCATED_CHAR_FOUND) {
      break;
    }
    if (d.bad++ == 0) first_bad = static_cast<size_t>(out - units.data());
    *out++ = u'\uFFFD';
  }
  if (U_FAILURE(status)) {
    throw Error(Error::Kind::kInput,
                std::string("cannot decode as ") + charset + ": " + u_errorName(status), name);
  }
  units.resize(static_cast<size_t>(out - units.data()));
  if (d.bad > 0) d.first_bad = LineAt(units.data(), first_bad);
  d.text.reserve(units.size() * 3);
  const int64_t n = static_cast<int64_t>(units.size());
  for (int64_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);  // well-formed by now: errors became U+FFFD
    AppendUtf8(d.text, static_cast<char32_t>(c));
  }
  return d;
}

// Characters a Chinese notice is made of; used to judge a UTF-16 guess.
bool Plausible(char32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) ||
         (c >= 0xA0 && c < 0x250) || (c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0x3040) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Guesses UTF-16 without a BOM. Chinese UTF-16 has NULs only in ASCII
// characters and in U+xx00 ideographs (一 is 00 4E in LE), often under 10% of
// bytes and on both sides, so a NUL-ratio rule alone misses it. Instead: enough
// NULs to rule out stray ones (at least 1% of bytes, which is where stripping
// stops), then the byte order whose decoding is clean and reads as text.
// A byte order that decodes to an unpaired surrogate or two (a truncated
// or spliced file) still reads as text: like UTF-16 with a BOM, the bad units
// become U+FFFD with a warning. A clean order is preferred.
bool SniffUtf16(std::string_view bytes, const std::string& name, std::string& encoding,
                Decoded& decoded) {
  if (bytes.size() < 2 || bytes.size() % 2 != 0) return false;
  if (bytes.find('\0') == std::string_view::npos) return false;
  const auto nuls = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
  if (nuls * 100 < bytes.size()) return false;
  for (const bool clean : {true, false}) {
    for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
      Decoded d = Convert(bytes, charset, name);
      if (clean ? d.bad > 0 : static_cast<size_t>(d.bad) * 100 > bytes.size() / 2) continue;
      size_t chars = 0, plausible = 0;
      for (size_t i = 0; i < d.text.size(); ++chars) plausible += Plausible(NextChar(d.text, i));
      if (plausible * 100 < chars * 95) continue;
      encoding = charset;
      decoded = std::move(d);
      return true;
    }
  }
  return false;
}

// UTF-32 without a BOM: every 4-byte unit a non-NUL Unicode scalar value in
// one byte order. Text in any other encoding fails at once (it would need
// two NUL bytes in every four).
bool SniffUtf32(std::string_view bytes, const std::string& name, std::string& encoding,
                Decoded& decoded) {
  if (bytes.size() < 4 || bytes.size() % 4 != 0) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (const bool le : {true, false}) {
    bool ok = true;
    for (size_t i = 0; ok && i < bytes.size(); i += 4) {
      const uint32_t c = le ? p[i] | p[i + 1] << 8 | p[i + 2] << 16 | uint32_t{p[i + 3]} << 24
                            : uint32_t{p[i]} << 24 | p[i + 1] << 16 | p[i + 2] << 8 | p[i + 3];
      ok = c != 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
    }
    if (!ok) continue;
    encoding = le ? "UTF-32LE" : "UTF-32BE";
    decoded = Convert(bytes, encoding.c_str(), name);
    return true;
  }
  return false;
}

std::string NormalizeNewlines(std::string s) {
  size_t out = s.find('\r');
  if (out == std::string::npos) return s;
  for (size_t i = out; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      s[out++] = '\n';
    } else {
      s[out++] = s[i];
    }
  }
  s.resize(out);
  return s;
}

}  // namespace

namespace {

// Decode, taking the bytes' string when `owned` is given (it holds `bytes`):
// clean UTF-8 is then moved into the Source, not copied.
// Whether bytes are all well-formed UTF-8, adding their control characters
// to *controls then: AVX2 where the processor has it, else ValidUtf8Prefix.
// With `invisible`, sets it when the text may hold what RemoveInvisible
// changes (always true without AVX2: the removal then looks itself).
bool CleanUtf8(std::string_view bytes, size_t* controls, bool* invisible = nullptr) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang_analyzer__)
  static const bool avx2 = simd::UseAvx2();
  if (avx2) return CleanUtf8Avx2(p, bytes.size(), controls, invisible);
#endif
  if (invisible) *invisible = true;
  return ValidUtf8Prefix(p, bytes.size(), controls) == bytes.size();
}

}  // namespace

namespace detail {
std::optional<bool> CleanUtf8With(bool avx2, std::string_view bytes, size_t* controls) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  if (!avx2) return ValidUtf8Prefix(p, bytes.size(), controls) == bytes.size();
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang_analyzer__)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) return CleanUtf8Avx2(p, bytes.size(), controls);
#endif
  return std::nullopt;
}
}  // namespace detail

namespace {

// Removes the invisible format characters of RemoveInvisible's comment in
// DecodeBytes: each found by a search of its own, the text between them moved
// down once.
void RemoveInvisible(std::string& text, std::vector<std::string>& warnings, std::vector<Diagnostic>& diagnostics) {
  static constexpr std::string_view kInvisible[] = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
                                                    "\xE2\x81\xA0", "\xEF\xBB\xBF"};
  std::vector<size_t> at;
  for (std::string_view c : kInvisible) {
    for (const char* from = text.data(); const void* hit = memmem(from, text.data() + text.size() - from, c.data(), c.size());) {
      at.push_back(static_cast<size_t>(static_cast<const char*>(hit) - text.data()));
      from = static_cast<const char*>(hit) + c.size();
    }
  }
  if (at.empty()) return;
  std::sort(at.begin(), at.end());
  size_t out = at[0];
  for (size_t k = 0; k < at.size(); ++k) {
    const size_t from = at[k] + 3, to = k + 1 < at.size() ? at[k + 1] : text.size();
    std::memmove(text.data() + out, text.data() + from, to - from);
    out += to - from;
  }
  text.resize(out);
  const auto line = LineAt(text.data(), at[0]);
  AddDiagnostic(warnings, diagnostics, "input.invisible_removed",
                "line " + std::to_string(line) + ": " + std::to_string(at.size()) +
                    " invisible character(s) (zero-width space, joiner, BOM) removed",
                static_cast<int>(line));
}

// The end of a rewrite of `text` into `out` (what is left from `from` on),
// said once as `code` with the line of its first change (`first`) and how
// many (`count`) `what`; nothing when nothing was changed.
void FinishRewrite(std::string& text, std::string& out, size_t from, size_t count, size_t first, const char* code,
                   const char* what, std::vector<std::string>& warnings, std::vector<Diagnostic>& diagnostics) {
  if (count == 0) return;
  out.append(text, from, std::string::npos);
  const auto line = LineAt(text.data(), first);
  text = std::move(out);
  AddDiagnostic(warnings, diagnostics, code, "line " + std::to_string(line) + ": " + std::to_string(count) + what,
                static_cast<int>(line));
}

// Decodes the HTML character references a page's source leaves in copied
// text (a markdown table of an OCR'd or scraped page: 完善&nbsp;宿舍,
// 县教体局&amp;县财政局): &nbsp; and the other spaces become a space, the
// markup characters and numeric references their character. Nothing
// else is touched; a line break by reference becomes a space, so lines keep
// their numbers.
void DecodeEntities(std::string& text, std::vector<std::string>& warnings, std::vector<Diagnostic>& diagnostics) {
  size_t amp = text.find('&');
  if (amp == std::string::npos) return;
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"nbsp", " "}, {"ensp", " "}, {"emsp", " "}, {"thinsp", " "}, {"amp", "&"},
      {"lt", "<"},   {"gt", ">"},   {"quot", "\""}, {"apos", "'"},    {"middot", "\u00B7"}};
  std::string out;
  size_t from = 0, count = 0, first = 0;
  for (; amp != std::string::npos; amp = text.find('&', amp + 1)) {
    const size_t semi = text.find(';', amp + 1);
    if (semi == std::string::npos || semi - amp > 10) continue;
    const std::string_view name(text.data() + amp + 1, semi - amp - 1);
    std::string with;
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 6) continue;
      char32_t cp = 0;
      bool ok = true;
      for (char c : digits) {
        const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                      : hex && std::isxdigit(static_cast<unsigned char>(c)) ? (std::tolower(c) - 'a' + 10)
                                                                              : -1;
        if (v < 0) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
      if (cp < 0x20 || cp == 0xA0) cp = ' ';  // a full-width space stays one: lines read it
      AppendUtf8(with, cp);
    } else {
      const auto* hit = std::find_if(std::begin(kNamed), std::end(kNamed), [&](const auto& e) { return e.first == name; });
      if (hit == std::end(kNamed)) continue;
      with = hit->second;
    }
    if (count++ == 0) first = amp;
    out.append(text, from, amp - from).append(with);
    from = semi + 1;
    amp = semi;
  }
  FinishRewrite(text, out, from, count, first, "input.entities_decoded",
                " HTML character reference(s) (&nbsp; &amp; &#…;) decoded", warnings, diagnostics);
}

// Removes the noise marks some mirror sites insert after words to spoil
// copying (各州@@、市人民政府@@，省直各委@@、办@@): a run of two or more `@`
// right after a character that is not ASCII. Left in, they would stay in
// names and split a 主送 at every noisy 、 (一@@、 is no heading either).
// An e-mail address has one `@` between ASCII characters and is left alone.
void RemoveNoiseMarks(std::string& text, std::vector<std::string>& warnings, std::vector<Diagnostic>& diagnostics) {
  size_t at = text.find("@@");
  if (at == std::string::npos) return;
  std::string out;
  size_t from = 0, count = 0, first = 0;
  for (; at != std::string::npos; at = text.find("@@", at)) {
    size_t end = at;
    while (end < text.size() && text[end] == '@') ++end;
    if (at > 0 && static_cast<unsigned char>(text[at - 1]) >= 0x80) {
      if (count++ == 0) first = at;
      out.append(text, from, at - from);
      from = end;
    }
    at = end;
  }
  FinishRewrite(text, out, from, count, first, "input.noise_removed",
                " noise mark(s) a site inserts after words (@@) removed", warnings, diagnostics);
}

Source DecodeBytes(std::string_view bytes, std::string* owned, std::string name) {
  if (auto rendered = RenderNative(bytes, name)) return SourceFromRendered(std::move(*rendered), std::move(name));
  for (const Signature& sig : kSignatures) {
    if (bytes.starts_with(sig.magic)) throw Error(Error::Kind::kInput, sig.message, name);
  }
  if (LooksLikeBzip2(bytes)) throw Error(Error::Kind::kInput, "not text (looks like bzip2 data)", name);
  const size_t raw_size = bytes.size();
  std::string encoding = "UTF-8";
  Decoded d;
  bool clean = false;   // d.text is bytes, well-formed UTF-8 without NUL
  size_t controls = 0;  // then: its control characters, counted on the way
  bool invisible = false;  // then: whether it may hold what RemoveInvisible changes

  if (bytes.starts_with("\xEF\xBB\xBF")) {
    d = DecodeUtf8(bytes.substr(3));
  } else if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) {
    encoding = "UTF-32LE";  // before UTF-16LE, whose BOM starts it
    d = Convert(bytes.substr(4), "UTF-32LE", name);
  } else if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    encoding = "UTF-32BE";
    d = Convert(bytes.substr(4), "UTF-32BE", name);
  } else if (bytes.starts_with("\xFF\xFE")) {
    encoding = "UTF-16LE";
    d = Convert(bytes.substr(2), "UTF-16LE", name);
  } else if (bytes.starts_with("\xFE\xFF")) {
    encoding = "UTF-16BE";
    d = Convert(bytes.substr(2), "UTF-16BE", name);
  } else if (bytes.find('\0') == std::string_view::npos && CleanUtf8(bytes, &controls, &invisible)) {
    // Clean UTF-8, the common case, taken as it is. No sniffer below can
    // claim it: UTF-32 and UTF-16 of text have NUL bytes.
    if (owned) {
      d.text = std::move(*owned);  // `bytes` is not read from here on
    } else {
      d.text.assign(bytes);
    }
    clean = true;
  } else if (SniffUtf32(bytes, name, encoding, d)) {
    // decoded by the sniffer
  } else if (SniffUtf16(bytes, name, encoding, d)) {
    // decoded by the sniffer
  } else if (MostlyUtf8(bytes)) {
    // Mostly valid UTF-8 is damaged UTF-8: a GB18030 reading of it would turn
    // every line into mojibake, so only the bad bytes are replaced.
    d = DecodeUtf8(bytes);
  } else {
    encoding = "GB18030";
    d = Convert(bytes, "GB18030", name);
  }

  std::vector<std::string> warnings;
  std::vector<Diagnostic> diagnostics;
  if (d.bad > 0) {
    std::string w = "line " + std::to_string(d.first_bad) + ": invalid " + encoding +
                    " bytes replaced with U+FFFD";
    if (d.bad > 1) w += " (" + std::to_string(d.bad) + " places)";
    AddDiagnostic(warnings, diagnostics, "input.bad_bytes", std::move(w), static_cast<int>(d.first_bad));
  }
  // NUL bytes (U+0000 after decoding) are not text. A few are damage and go;
  // many mean the file is binary.
  // (Clean text was searched for them before it was taken.)
  if (const size_t first_nul = clean ? std::string::npos : d.text.find('\0'); first_nul != std::string::npos) {
    size_t nuls = 0;
    for (const char ch : d.text) nuls += ch == '\0';
    if (nuls * 100 >= raw_size) {
      throw Error(Error::Kind::kInput, "not text (contains NUL bytes)", name);
    }
    const auto at = LineAt(d.text.data(), first_nul);
    AddDiagnostic(warnings, diagnostics, "input.nul_removed",
                  "line " + std::to_string(at) + ": " + std::to_string(nuls) + " NUL byte(s) removed",
                  static_cast<int>(at));
    std::erase(d.text, '\0');
  }
  // Invisible format characters a web page carries (zero-width space U+200B,
  // joiners U+200C/U+200D, word joiner U+2060, a BOM U+FEFF inside the text)
  // name nothing and would split words and keep lines from starting with
  // their markers: removed, with a warning. Clean UTF-8 was searched for them
  // on the way (with AVX2).
  if (!clean || invisible) RemoveInvisible(d.text, warnings, diagnostics);
  DecodeEntities(d.text, warnings, diagnostics);
  RemoveNoiseMarks(d.text, warnings, diagnostics);
  // Clean text with fewer control characters than could ever be refused
  // needs no second pass.
  if (!clean || controls >= kNoiseFloor) RefuseNoise(d.text, d.bad, encoding, name);
  std::string text = NormalizeNewlines(std::move(d.text));
  if (auto tables = RenderEmbeddedTables(text, name)) {
    tables->encoding = encoding;
    Source source = SourceFromRendered(std::move(*tables), std::move(name));
    source.warnings.insert(source.warnings.begin(), warnings.begin(), warnings.end());
    source.diagnostics.insert(source.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
    return source;
  }
  Source source(std::move(name), std::move(encoding), std::move(text));
  source.warnings = std::move(warnings);
  source.diagnostics = std::move(diagnostics);
  return source;
}

}  // namespace

Source Decode(std::string_view bytes, std::string name) { return DecodeBytes(bytes, nullptr, std::move(name)); }

std::optional<uint64_t> ParseSize(std::string_view text) {
  uint64_t n = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string unit;
  for (char c : text.substr(i))
    unit += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && unit.ends_with("IB")) {
    unit.resize(unit.size() - 2);
  } else if (unit.size() > 1 && unit.ends_with("B")) {
    unit.pop_back();
  }
  int shift = 0;
  if (unit == "K") {
    shift = 10;
  } else if (unit == "M") {
    shift = 20;
  } else if (unit == "G") {
    shift = 30;
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  if (shift > 0 && n > (UINT64_MAX >> shift)) return std::nullopt;
  return n << shift;
}

std::string FormatSize(uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes) / 1024;
  int u = 0;
  while (v >= 1024 && u < 3) {
    v /= 1024;
    ++u;
  }
  // One decimal, none when it is 0: "1.5 KiB", "64 MiB".
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s + " " + kUnits[u];
}

namespace {

// "too large (200 MiB; the limit is 64 MiB)", with Error::Code::kTooLarge and
// "200 MiB\t64 MiB" for the CLI to name its option; size 0 = unknown (a pipe
// cut off at the limit). When both round to the same figure the byte counts show.
Error TooLarge(const std::string& name, uint64_t size, uint64_t max_size) {
  std::string have = FormatSize(size), limit = FormatSize(max_size);
  if (size == 0) {
    have = "more than " + limit;
  } else if (have == limit) {
    have = std::to_string(size) + " bytes";
    limit = std::to_string(max_size) + " bytes";
  }
  return Error(Error::Kind::kInput, "too large (" + have + "; the limit is " + limit + ")", name)
      .WithCode(Error::Code::kTooLarge, have + '\t' + limit);
}

// Reads fd to the end; on failure throws naming `name`. A regular file larger
// than max_size (0 = no limit) is refused before reading, anything else once
// more than max_size bytes have come. `known` is fd's fstat, when it has one.
std::string ReadAll(int fd, const std::string& name, uint64_t max_size, const struct stat* known = nullptr) {
  const bool sized = known && S_ISREG(known->st_mode);
  if (max_size > 0 && sized && static_cast<uint64_t>(known->st_size) > max_size) {
    throw TooLarge(name, static_cast<uint64_t>(known->st_size), max_size);
  }
  // Read straight into the string, a regular file in one read (its size and
  // one byte more, to see the end; a second read only if it grew): a buffer
  // on the stack cost a page fault per 4 KB of input and a copy, a FILE an
  // fstat of its own and a second read.
  size_t chunk = sized ? static_cast<size_t>(known->st_size) + 1 : size_t{1} << 16;
  std::string bytes;
  for (;;) {
    const size_t have = bytes.size();
    bytes.resize(have + chunk);
    const ssize_t n = ::read(fd, bytes.data() + have, chunk);
    if (n < 0) {
      const int err = errno;
      bytes.resize(have);
      if (err == EINTR) continue;
      if (err == EISDIR) throw Error(Error::Kind::kInput, "cannot read: is a directory", name);
      throw Error(Error::Kind::kInput, std::string("cannot read: ") + std::strerror(err), name);
    }
    bytes.resize(have + static_cast<size_t>(n));
    if (max_size > 0 && bytes.size() > max_size) throw TooLarge(name, 0, max_size);
    if (n == 0) break;  // the end
    // A regular file's size, all read: no second read to see its end.
    if (sized && bytes.size() == static_cast<size_t>(known->st_size)) break;
    chunk = size_t{1} << 16;
  }
  return bytes;
}

}  // namespace

Source LoadFile(const std::string& path, uint64_t max_size) {
  if (path == "-") {
    struct stat st;  // stdin redirected from a file: its size is known
    const bool known = ::fstat(STDIN_FILENO, &st) == 0;
    std::string bytes = ReadAll(STDIN_FILENO, "<stdin>", max_size, known ? &st : nullptr);
    return DecodeBytes(bytes, &bytes, "-");  // OUTPUT.md: "-" names stdin
  }
  // open succeeds on a directory on Linux; say what is wrong up front (one
  // fstat of the open file serves this and ReadAll: a path is looked up once).
  const auto is_directory = [&] {
    throw Error(Error::Kind::kInput, "cannot read: is a directory", path);
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) is_directory();
    throw Error(Error::Kind::kInput, std::string("cannot read: ") + std::strerror(err), path);
  }
  struct Closer {
    int fd;
    ~Closer() {
      if (fd >= 0) ::close(fd);
    }
  } closer{fd};
  struct stat st;
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) is_directory();
  std::string bytes = ReadAll(fd, path, max_size, known ? &st : nullptr);
  ::close(fd);
  closer.fd = -1;
  return DecodeBytes(bytes, &bytes, path);
}

}  // namespace noticetab
