// The writers' scans for text a format carries as it is (write_json.cpp
// escaping, write_yaml.cpp's plain-scalar test). The portable one (Run,
// Prefix; 16 bytes at a time): ASCII but for controls, DEL and two
// characters the format reserves, and well-formed 3-byte sequences with
// leads E3-EC (U+3000-U+CFFF: CJK, its punctuation, kana, Hangul). The AVX2
// one (StopAvx2; 32 bytes at a time, where the processor has it): all
// well-formed 3-byte sequences with leads E1-EC and EE-EF but a few that hold
// the characters escaped (full-width punctuation and curly quotes pass).
// Anything else is left to the caller's per-character code.
#ifndef NOTICETAB_SRC_PLAIN_SCAN_H_
#define NOTICETAB_SRC_PLAIN_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "simd.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang_analyzer__)
#define NOTICETAB_PLAIN_AVX2 1
#include <immintrin.h>

#include <array>
#include <climits>
#endif

namespace noticetab::plain {

#ifdef NOTICETAB_PLAIN_AVX2
// The AVX2 scan (StopAvx2), for the functions compiled with
// target("avx2") that callers take when kHaveAvx2.

/// The AVX2 scans run (simd.h: the processor has AVX2, NOTICETAB_SIMD is not
/// off; decided once, before main).
inline const bool kHaveAvx2 = simd::UseAvx2();

/// StopAvx2's answer for text plain throughout.
constexpr size_t kAllPlain = SIZE_MAX;

// The scan's constants, read as memory operands: GCC would otherwise build
// each in two or three instructions (a broadcast) every time (StopAvx2 hides
// their values).
struct alignas(32) Splat {
  uint8_t b[32];
};
constexpr Splat Splat8(uint8_t v) {
  Splat s{};
  for (uint8_t& x : s.b) x = v;
  return s;
}
// A byte's class: the AND of an entry by its high nibble and one by its low
// nibble (both lanes alike). Bits 0-4 stop a plain run by themselves:
constexpr uint8_t kStopAny = 1,  // 00-1F; leads C0-DF and F0-FF (2- and 4-byte, or invalid)
    kReservedA = 2, kReservedB = 4, kDel = 8,  // the format's two characters, DEL
    kE0ED = 16,                                // leads whose second byte is restricted (overlong, surrogate)
    kLead3 = 32,                               // leads E0-EF: two continuation bytes follow
    kE2EF = 64,                                // leads of U+2028-2029, the BOM and U+FFFE-FFFF ...
    kLast = 128;  // ... whose last byte is A8-A9, AE-AF, B8-B9 or BE-BF (and AD, BD with kFffd)
template <char kA, char kB, bool kFffd>
struct Avx2Consts {
  static constexpr Splat Nibbles(bool high) {
    std::array<uint8_t, 16> t{};
    if (high) {
      t = {kStopAny, kStopAny, 0, 0, 0, 0, 0, kDel, 0, 0, kLast, kLast, kStopAny, kStopAny, kE0ED | kE2EF | kLead3,
           kStopAny};
    } else {
      t = {kE0ED, 0, kE2EF, 0, 0, 0, 0, 0, kLast, kLast, 0, 0, 0, kE0ED, kLast, kDel | kE2EF | kLast};
      if (kFffd) t[0xD] |= kLast;
      for (uint8_t& x : t) x |= kStopAny | kLead3;
    }
    const auto a = static_cast<unsigned char>(kA), b = static_cast<unsigned char>(kB);
    t[high ? a >> 4 : a & 15] |= kReservedA;
    t[high ? b >> 4 : b & 15] |= kReservedB;
    Splat s{};
    for (int k = 0; k < 32; ++k) s.b[k] = t[k & 15];
    return s;
  }
  Splat high = Nibbles(true), low = Nibbles(false), low4 = Splat8(0x0F),
        direct = Splat8(kStopAny | kReservedA | kReservedB | kDel | kE0ED), x7f = Splat8(0x7F), lead3 = Splat8(kLead3),
        c0 = Splat8(0xC0), pad = Splat8('a');
};
template <char kA, char kB, bool kFffd>
inline constexpr Avx2Consts<kA, kB, kFffd> kAvx2Consts{};

__attribute__((target("avx2"), always_inline)) inline __m256i Load(const Splat& s) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(s.b));
}

/// Where p[0, n) first stops being plain, 32 bytes at a time: kAllPlain when
/// it is plain throughout. Else the first byte flagged, f: a control, kA,
/// kB, DEL, a lead but E1-EC and EE-EF (the text here is mostly ASCII and
/// U+1000-FFFF), a continuation byte no lead asks for, a byte that is not
/// one where a lead asks for it, and the last byte of E2 xx or EF xx with
/// A8-A9, AE-AF, B8-B9 or BE-BF (U+2028, U+2029, the BOM and U+FFFE-FFFF
/// among them; with kFffd also AD and BD, for U+FFFD). So the characters
/// before RestartAvx2(p, f) are well-formed and plain. With kCopy the bytes
/// are copied to d (n + 32 bytes of room) as they are: those before f are
/// right.
template <char kA, char kB, bool kFffd, bool kCopy>
__attribute__((target("avx2"), always_inline)) inline size_t StopAvx2(const unsigned char* p, size_t n, char* d) {
  const Avx2Consts<kA, kB, kFffd>* k = &kAvx2Consts<kA, kB, kFffd>;
  asm("" : "+r"(k));  // loads, not constants
  const __m256i high_table = Load(k->high), low_table = Load(k->low), low4 = Load(k->low4),
                direct_bits = Load(k->direct), x7f = Load(k->x7f), lead3 = Load(k->lead3), c0 = Load(k->c0);
  __m256i prev = _mm256_setzero_si256();  // the classes of the block before
  // Bit j set when byte j of `in` stops the run: its class, or the lead two
  // bytes back with it, or a continuation byte where none is asked for (or
  // the reverse: asked for by a lead one or two bytes back).
  auto stops = [&](__m256i in) __attribute__((target("avx2"), always_inline)) {
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(in, 4), low4);
    const __m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(high_table, high),
                                         _mm256_shuffle_epi8(low_table, _mm256_and_si256(in, low4)));
    const __m256i carried = _mm256_permute2x128_si256(prev, cls, 0x21);
    const __m256i back1 = _mm256_alignr_epi8(cls, carried, 15), back2 = _mm256_alignr_epi8(cls, carried, 14);
    prev = cls;
    // Bit 7: kE2EF two bytes back (doubled: bit 6 -> 7) and kLast here.
    const __m256i seq = _mm256_and_si256(_mm256_add_epi8(back2, back2), cls);
    // Bit 7: any of the bits that stop by themselves.
    const __m256i direct = _mm256_adds_epu8(_mm256_and_si256(cls, direct_bits), x7f);
    // Bit 7: asked for (kLead3 one or two bytes back, shifted from bit 5)
    // but not a continuation byte, or the reverse.
    const __m256i asked = _mm256_slli_epi16(_mm256_and_si256(_mm256_or_si256(back1, back2), lead3), 2);
    const __m256i cont = _mm256_cmpgt_epi8(c0, in);  // 80-BF (signed: below C0)
    const __m256i flags = _mm256_or_si256(_mm256_or_si256(direct, seq), _mm256_xor_si256(asked, cont));
    return static_cast<uint32_t>(_mm256_movemask_epi8(flags));
  };
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    if constexpr (kCopy) _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + i), in);
    if (const uint32_t m = stops(in)) return i + static_cast<size_t>(std::countr_zero(m));
  }
  // The tail (maybe none) padded with 'a': plain, and not the continuation
  // byte a lead the end cuts asks for.
  const size_t len = n - i;
  const unsigned char* q = p + i;
  unsigned char buf[32];
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(buf), Load(k->pad));
  if (len >= 16) {
    std::memcpy(buf, q, 16);
    std::memcpy(buf + len - 16, q + len - 16, 16);
  } else if (len >= 8) {
    std::memcpy(buf, q, 8);
    std::memcpy(buf + len - 8, q + len - 8, 8);
  } else if (len >= 4) {
    std::memcpy(buf, q, 4);
    std::memcpy(buf + len - 4, q + len - 4, 4);
  } else if (len != 0) {
    buf[0] = q[0];
    buf[len >> 1] = q[len >> 1];
    buf[len - 1] = q[len - 1];
  }
  const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(buf));
  if constexpr (kCopy) _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + i), in);
  if (const uint32_t m = stops(in)) return i + static_cast<size_t>(std::countr_zero(m));
  return kAllPlain;
}

/// Where the caller's per-character code takes over after StopAvx2 stopped
/// at f: where the character holding f - 3 starts (everything before it is
/// plain; the characters from there to the one holding f are the caller's
/// to decide).
inline size_t RestartAvx2(const unsigned char* p, size_t f) {
  size_t k = f >= 3 ? f - 3 : 0;
  while (k > 0 && (p[k] & 0xC0) == 0x80) --k;
  return k;
}
#else
constexpr bool kHaveAvx2 = false;
#endif

#ifdef __SSE2__
struct Bits {
  unsigned stop, cont, cjk;  // bit k for byte k of the load
};

/// The bytes of v that stop a plain run outright (ASCII controls, kA, kB,
/// DEL, any byte from 80 that is neither a continuation byte nor a lead
/// E3-EC), the continuation bytes (80-BF) and the leads E3-EC.
template <char kA, char kB>
inline Bits Classify(__m128i v) {
  const __m128i ctl = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)), _mm_set1_epi8(0x21));  // 00-1F, 7F-FF
  const __m128i reserved = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(kA)), _mm_cmpeq_epi8(v, _mm_set1_epi8(kB)));
  const __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
  const __m128i x = _mm_add_epi8(v, _mm_set1_epi8(0x1D));  // E3-EC: 0-9
  const __m128i cjk = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(9)), x);
  const __m128i stop = _mm_andnot_si128(_mm_or_si128(cont, cjk), _mm_or_si128(ctl, reserved));
  return {static_cast<unsigned>(_mm_movemask_epi8(stop)), static_cast<unsigned>(_mm_movemask_epi8(cont)),
          static_cast<unsigned>(_mm_movemask_epi8(cjk))};
}

/// The length of the longest prefix of s[i, n) (at most 32 bytes, ending
/// where a character ends) made of plain characters: 0 when the character at
/// i needs the caller's per-character code. With kCopy the prefix is also
/// copied to d, which has 32 bytes of room (more than the prefix may be
/// stored). Any lead other than E3-EC, a stray or missing continuation byte
/// stops the prefix. Each 16-byte load is classified with a few compares; the
/// continuation bytes each lead asks for are checked as bit masks.
template <char kA, char kB, bool kCopy>
inline size_t Prefix(const unsigned char* p, size_t i, size_t n, char* d) {
  const size_t len = n - i;
  __m128i v, w = _mm_setzero_si128();
  unsigned from = 0, width = 16;  // bits below `from` are bytes before i (an overlapping load)
  Bits b;
  uint64_t stop, cont, cjk;
  alignas(16) unsigned char buf[16];
  if (len >= 32) {
    v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16));
    b = Classify<kA, kB>(v);
    const Bits b1 = Classify<kA, kB>(w);
    stop = b.stop | uint64_t{b1.stop} << 16;
    cont = b.cont | uint64_t{b1.cont} << 16;
    cjk = b.cjk | uint64_t{b1.cjk} << 16;
    width = 32;
  } else {
    if (len >= 16) {
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    } else if (n >= 16) {
      from = static_cast<unsigned>(16 - len);
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
    } else {  // the whole string is shorter than 16 bytes: zeros after it stop the run
      _mm_store_si128(reinterpret_cast<__m128i*>(buf), _mm_setzero_si128());
      const unsigned char* q = p + i;
      if (len >= 8) {
        std::memcpy(buf, q, 8);
        std::memcpy(buf + len - 8, q + len - 8, 8);
      } else if (len >= 4) {
        std::memcpy(buf, q, 4);
        std::memcpy(buf + len - 4, q + len - 4, 4);
      } else {
        buf[0] = q[0];
        buf[len >> 1] = q[len >> 1];
        buf[len - 1] = q[len - 1];
      }
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf));
    }
    b = Classify<kA, kB>(v);
    const unsigned live = (0xFFFFu << from) & 0xFFFFu;
    stop = b.stop & live;
    cont = b.cont & live;
    cjk = b.cjk & live;
  }
  // Each lead asks for continuation bytes at the next two places (bits
  // width, width + 1: past the load); a continuation byte must be asked for.
  const uint64_t req = cjk << 1 | cjk << 2;
  stop |= (req ^ cont) | uint64_t{1} << width;
  unsigned f = static_cast<unsigned>(std::countr_zero(stop));
  if (req >> f & 1) f -= (cjk >> (f - 1) & 1) ? 1 : 2;  // back to the lead of an unfinished character
  const size_t k = f - from;
  if constexpr (kCopy) {
    if (from == 0) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d), v);
      if (width == 32) _mm_storeu_si128(reinterpret_cast<__m128i*>(d + 16), w);
    } else if (k >= 8) {
      std::memcpy(d, p + i, 8);
      std::memcpy(d + k - 8, p + i + k - 8, 8);
    } else if (k >= 4) {
      std::memcpy(d, p + i, 4);
      std::memcpy(d + k - 4, p + i + k - 4, 4);
    } else if (k != 0) {
      d[0] = static_cast<char>(p[i]);
      d[k >> 1] = static_cast<char>(p[i + (k >> 1)]);
      d[k - 1] = static_cast<char>(p[i + k - 1]);
    }
  }
  return k;
}
/// Where the character holding byte i starts, p[0, i) being plain: at the
/// lead that asks for bytes from i (carry: bit 1 for a lead at i - 1, else
/// bit 0 for one at i - 2), else at i, or before a stray continuation byte.
inline size_t CharStart(const unsigned char* p, size_t i, uint32_t carry) {
  if (carry) return i - ((carry & 2) ? 1 : 2);
  while (i > 0 && (p[i] & 0xC0) == 0x80) --i;
  return i;
}

/// The whole of s[0, n) checked as one plain run (Prefix's definition), 16
/// bytes at a time, the continuation bytes a block's last leads ask for
/// carried to the next block: n when all of it is plain. Otherwise a place
/// where a character starts, with only plain characters before it and the
/// first one that is not plain at or after it. With kCopy the bytes are also
/// copied to d (which has max(n, 16) bytes of room): those before the
/// returned place are right.
template <char kA, char kB, bool kCopy>
inline size_t Run(const unsigned char* p, size_t n, char* d) {
  if (n >= 16) {
    uint32_t carry = 0;  // bits 0, 1: continuation bytes asked of the next block
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if constexpr (kCopy) _mm_storeu_si128(reinterpret_cast<__m128i*>(d + i), v);
      const Bits b = Classify<kA, kB>(v);
      const uint32_t req = (b.cjk << 1 | b.cjk << 2) | carry;
      if (b.stop | ((req ^ b.cont) & 0xFFFFu)) return CharStart(p, i, carry);
      carry = req >> 16;
    }
    if (i == n) return carry ? CharStart(p, i, carry) : n;
    // The tail in a load that ends where the string does: bits below o were
    // checked above.
    const unsigned o = static_cast<unsigned>(16 - (n - i));
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
    if constexpr (kCopy) _mm_storeu_si128(reinterpret_cast<__m128i*>(d + n - 16), v);
    const Bits b = Classify<kA, kB>(v);
    const uint32_t live = (0xFFFFu << o) & 0xFFFFu;
    const uint32_t lead = b.cjk & live;
    const uint32_t req = (lead << 1 | lead << 2) | carry << o;
    if ((b.stop & live) | ((req ^ b.cont) & live) | req >> 16) return CharStart(p, i, carry);
    return n;
  }
  if (n == 0) return 0;
  // Under 16 bytes: a zero-padded copy.
  alignas(16) unsigned char buf[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(buf), _mm_setzero_si128());
  if (n >= 8) {
    std::memcpy(buf, p, 8);
    std::memcpy(buf + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(buf, p, 4);
    std::memcpy(buf + n - 4, p + n - 4, 4);
  } else {
    buf[0] = p[0];
    buf[n >> 1] = p[n >> 1];
    buf[n - 1] = p[n - 1];
  }
  const __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(buf));
  if constexpr (kCopy) _mm_storeu_si128(reinterpret_cast<__m128i*>(d), v);
  const Bits b = Classify<kA, kB>(v);
  const uint32_t live = (1u << n) - 1;
  const uint32_t lead = b.cjk & live;
  const uint32_t req = lead << 1 | lead << 2;
  if ((b.stop & live) | ((req ^ b.cont) & live) | req >> n) return 0;
  return n;
}
#endif

}  // namespace noticetab::plain

#endif  // NOTICETAB_SRC_PLAIN_SCAN_H_
