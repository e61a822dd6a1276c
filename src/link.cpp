#include "noticetab/link.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <climits>
#include <memory>
#include <cstdint>
#include <cstring>
#include <string>
#include <span>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/normalizer2.h>

#include "noticetab/text.h"
#include "plain_scan.h"
#include "utf8_scan.h"

namespace noticetab {
namespace {

// Character bigrams of the meaningful characters (IsKeyChar): punctuation,
// spaces and bracket styles differ between the body and the annex, words do
// not. A character is held as its UTF-8 bytes packed little-endian (the
// bytes of the text as they are, no decoding), a bigram as Key(first,
// second): one to one with the pairs of code points.

// The bigram of packed characters a, b: a | b << 24 when a has at most 3
// bytes (so two adjacent 3-byte characters are their 6 bytes as they are,
// little-endian), else a flag bit and a's fourth byte (a continuation byte:
// 6 bits) above them. Never 0 (a is not). One to one.
[[gnu::always_inline]] inline uint64_t Key(uint32_t a, uint32_t b) {
  if (a < (1u << 24)) [[likely]]
    return a | uint64_t{b} << 24;
  return (a & 0xFFFFFF) | uint64_t{b} << 24 | uint64_t{a >> 24 & 0x3F} << 56 | uint64_t{1} << 63;
}

constexpr uint64_t kSixBytes = 0xFFFFFFFFFFFFULL;

// A row below the link threshold (half its bigrams in one item) is still
// that item's when the item is the one right after the row above's (a
// table goes through the body in order) and holds at
// least this share of the row's bigrams, and this many of them
// (link.partial). A stock phrase (进一步加强工作统筹，确保取得实效) shared
// with an item further on links nothing.
constexpr double kWeakShare = 0.3;
constexpr double kWeakBigrams = 6;
constexpr int kWeakReach = 1;

#if defined(__SSE2__)
// Bit j set: a character of U+4000-U+9FFF but the Yijing hexagrams
// U+4DC0-U+4DFF (lead E4-E9, two continuation bytes, not E4 B7) begins at
// q[j], for j <= 60 (bits 61-63 are 0). q[0..63] readable: four loads.
inline uint64_t HanStarts(const unsigned char* q) {
  uint64_t lead = 0, cont = 0, e4 = 0, b7 = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * k));
    // As signed bytes: E4-E9 plus 9C are -128 to -123, continuation bytes
    // 80-BF are below -64.
    const __m128i l = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(char(0x9C))), _mm_set1_epi8(-122));
    const int shift = 16 * k;
    lead |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(l))} << shift;
    cont |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))))} << shift;
    e4 |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(char(0xE4)))))} << shift;
    b7 |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(char(0xB7)))))} << shift;
  }
  return lead & cont >> 1 & cont >> 2 & ~(e4 & b7 >> 1) & ((uint64_t{1} << 61) - 1);
}
#endif

#ifdef NOTICETAB_PLAIN_AVX2
// HanStarts() 32 bytes at a time, for the processors with AVX2
// (plain::kHaveAvx2); q[0..64] readable. A Yijing hexagram's lead (E4 then
// B7) is cleared before the bits are taken: its next byte is loaded too.
__attribute__((target("avx2"), noinline)) uint64_t HanStartsAvx2(const unsigned char* q) {
  uint64_t lead = 0, cont = 0;
  for (int k = 0; k < 2; ++k) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 32 * k));
    const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 32 * k + 1));
    // As signed bytes: E4-E9 plus 9C are -128 to -123, continuation bytes
    // 80-BF are below -64.
    const __m256i l = _mm256_cmpgt_epi8(_mm256_set1_epi8(-122), _mm256_add_epi8(v, _mm256_set1_epi8(char(0x9C))));
    const __m256i hexagram = _mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(char(0xE4))),
                                              _mm256_cmpeq_epi8(next, _mm256_set1_epi8(char(0xB7))));
    const int shift = 32 * k;
    lead |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_andnot_si256(hexagram, l)))} << shift;
    cont |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v)))} << shift;
  }
  return lead & cont >> 1 & cont >> 2 & ((uint64_t{1} << 61) - 1);
}
#endif

// Bytes q[0..2] (q[3] readable) as Packed() holds them: little-endian.
[[gnu::always_inline]] inline uint32_t Load24(const unsigned char* q) {
  uint32_t w;
  std::memcpy(&w, q, 4);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
  return w & 0xFFFFFF;
}

// Bytes q[0..5] (q[6..7] readable), little-endian.
[[gnu::always_inline]] inline uint64_t Load48(const unsigned char* q) {
  uint64_t w;
  std::memcpy(&w, q, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w & kSixBytes;
}

uint32_t Packed(char32_t c) {
  if (c < 0x80) return c;
  if (c < 0x800) return (0xC0 | c >> 6) | (0x80 | (c & 0x3F)) << 8;
  if (c < 0x10000) return (0xE0 | c >> 12) | (0x80 | (c >> 6 & 0x3F)) << 8 | (0x80 | (c & 0x3F)) << 16;
  return (0xF0 | c >> 18) | (0x80 | (c >> 12 & 0x3F)) << 8 | (0x80 | (c >> 6 & 0x3F)) << 16 | (0x80 | (c & 0x3F)) << 24;
}

// A character NFKC leaves as it is and that composes with no character
// before or after it (ICU's Normalizer2::isInert): NFKC of a text holding it
// is NFKC of the text before it, it, and NFKC of the text after it.
bool NfkcInert(char32_t c) {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc && nfkc->isInert(static_cast<UChar32>(c));
}

inline bool IsAsciiKey(uint32_t c) { return c - '0' < 10u || (c | 0x20) - 'a' < 26u; }

// f(bigram) for each bigram of n (NFKC text), each read with NextChar.
template <typename F>
void WalkNfkc(std::string_view n, F&& f) {
  uint32_t prev = 0;  // 0 is no key character: none yet
  for (size_t i = 0; i < n.size();) {
    const char32_t c = NextChar(n, i);
    if (!IsKeyChar(c)) continue;
    const uint32_t k = Packed(c);
    if (prev) f(Key(prev, k));
    prev = k;
  }
}

// The bigrams of n (NFKC text) into out: how many.
size_t BigramsOfNfkc(std::string_view n, uint64_t* out) {
  size_t count = 0;
  WalkNfkc(n, [&](uint64_t b) { out[count++] = b; });
  return count;
}

// The character of s at p[i] (i < n) as a key character (Packed), i moved
// past it: 0 when it is none (skipped), UINT32_MAX when NFKC may not take it
// on its own. The same tests as NfkcWithoutIcu, in the same order.
[[gnu::always_inline]] inline uint32_t InPlaceChar(const unsigned char* p, size_t& i, size_t n) {
  const uint32_t b = p[i];
  if (b < 0x80) {
    ++i;
    return IsAsciiKey(b) ? b : 0;
  }
  if (!utf8::ThreeByteAt(p, i, n)) return UINT32_MAX;
  const char32_t v = utf8::ThreeByteValue(p, i);
  i += 3;
  if (b - 0xE4u <= 5u) return v - 0x4DC0u < 0x40u ? 0 : Packed(v);  // U+4000-U+9FFF but the Yijing hexagrams
  if (v >= 0xFF01 && v <= 0xFF5E) {                                 // full-width forms to ASCII
    const uint32_t c = v - 0xFEE0;
    return IsAsciiKey(c) ? c : 0;
  }
  if (v == 0x3001 || v == 0x3002 || v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D || v == 0x3000)
    return 0;  // no key characters
  // 《》〔〕— ...: itself under NFKC, whatever is around it (well formed: not
  // overlong, no surrogate).
  if (v >= 0x800 && v - 0xD800u >= 0x800u && NfkcInert(v)) return IsKeyChar(v) ? Packed(v) : 0;
  return UINT32_MAX;
}

// GCC checks a target builtin where it ends up (inlined into an AVX2
// function); clang checks it in the function that names it, so a clang build
// (the fuzz targets) writes the four bigrams one by one instead.
#if defined(NOTICETAB_PLAIN_AVX2) && !defined(__clang__)
constexpr bool kStore4 = true;
// out[0..3] = Load48(h), Load48(h + 3), Load48(h + 6), Load48(h + 9), from
// h[0..15] (readable): two byte shuffles (x86 is little-endian; a mask byte
// with its top bit set gives a 0). The builtin, not the intrinsic: checked
// where it ends up, inlined into BigramsInPlaceAvx2 (target avx2).
[[gnu::always_inline]] inline void Store4(uint64_t* out, const unsigned char* h) {
  constexpr char z = char(0x80);
  const __v16qi v = reinterpret_cast<__v16qi>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)));
  const __v16qi a = __builtin_ia32_pshufb128(v, __v16qi{0, 1, 2, 3, 4, 5, z, z, 3, 4, 5, 6, 7, 8, z, z});
  const __v16qi b = __builtin_ia32_pshufb128(v, __v16qi{6, 7, 8, 9, 10, 11, z, z, 9, 10, 11, 12, 13, 14, z, z});
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), reinterpret_cast<__m128i>(a));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 2), reinterpret_cast<__m128i>(b));
}
#else
constexpr bool kStore4 = false;
inline void Store4(uint64_t*, const unsigned char*) {}
#endif

// A buffer for BigramsInPlace has room for this many bigrams more than its
// text has bytes: it writes the bigrams of a run four at a time, some past
// those it keeps.
constexpr size_t kSlack = 8;

// The bigrams of Nfkc(s), in text order, repeats included, into out (room
// for s.size() + kSlack): how many (fewer than s.size() when prev_io was 0,
// at most s.size() otherwise). Read straight from s when NFKC takes each
// character on its own, that is for the text NfkcWithoutIcu handles (ASCII,
// U+4000-U+9FFF, 、。‘’“” as they are, full-width forms to ASCII, U+3000 to
// a space), and characters NFKC leaves alone whatever their neighbours
// (NfkcInert): no copy. SIZE_MAX at the first other character. prev_io: the
// key character before s (0: none; else of at most 3 bytes, as this gives),
// then the last of s: reading a text in two pieces, the second given the
// first's prev_io, is reading it whole.
//
// kAvx2: the code taken for the processors with AVX2 (BigramsInPlaceAvx2).
template <bool kAvx2>
[[gnu::always_inline]] inline size_t BigramsInPlaceWith(std::string_view s, uint64_t* out, uint32_t& prev_io) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t count = 0;
  uint32_t prev = prev_io;  // every key character here has at most 3 bytes: Key(prev, c) is prev | c << 24
  size_t i = 0;
#if defined(__SSE2__)
  // 64 bytes at a time, from the Han characters' starts (most of a notice):
  // a run of them is read from the bits, each bigram but the run's first
  // being 6 bytes of the text as they are (Key). The reads reach 80 bytes
  // past a block's start: the last bytes of s are read from a copy.
  constexpr uint64_t kEvery3 = 0x9249249249249249ULL;  // bits 0, 3, ..., 63
  alignas(16) unsigned char copy[96];
  while (i < n) {
    const unsigned char* q = p + i;
    const size_t m = n - i;  // bytes of s from q
    if (m < 80) {
      for (size_t k = 0; k < sizeof copy; k += 16)
        _mm_store_si128(reinterpret_cast<__m128i*>(copy + k), _mm_setzero_si128());
      std::memcpy(copy, q, m);
      q = copy;
    }
    uint64_t han;
#ifdef NOTICETAB_PLAIN_AVX2
    if constexpr (kAvx2)
      han = HanStartsAvx2(q);
    else
#endif
      han = HanStarts(q);
    const size_t end = std::min<size_t>(61, m);  // the characters beginning before end, here
    size_t j = 0;
    while (j < end) {
      // The run of Han characters at j (bits 61-63 of han are 0: it ends).
      if (const size_t r = static_cast<size_t>(std::countr_zero(~han >> j & kEvery3) * 11) >> 5) {
        const unsigned char* h = q + j;
        out[count] = prev | uint64_t{Load24(h)} << 24;
        count += prev != 0;
        for (size_t k = 0; k + 1 < r; k += 4) {
          if constexpr (kAvx2 && kStore4) {
            Store4(out + count + k, h + 3 * k);
          } else {
            out[count + k] = Load48(h + 3 * k), out[count + k + 1] = Load48(h + 3 * k + 3);
            out[count + k + 2] = Load48(h + 3 * k + 6), out[count + k + 3] = Load48(h + 3 * k + 9);
          }
        }
        count += r - 1;
        prev = Load24(h + 3 * (r - 1));
        j += 3 * r;
        if (j >= end) break;
      }
      // Not a Han character at j: 。，、 (no key characters) at once.
      const uint32_t w = Load24(q + j);
      if (w == 0x8280E3 || w == 0x8CBCEF || w == 0x8180E3) {
        j += 3;
        continue;
      }
      const uint32_t c = InPlaceChar(q, j, m);
      if (c == UINT32_MAX) return SIZE_MAX;
      if (!c) continue;
      out[count] = prev | uint64_t{c} << 24;
      count += prev != 0;
      prev = c;
    }
    i += j;
  }
#else
  while (i < n) {
    uint32_t c;
    if (i + 3 <= n && p[i] - 0xE4u <= 5u && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      c = p[i] | p[i + 1] << 8 | p[i + 2] << 16;
      i += 3;
      if ((c & 0xFFFF) == 0xB7E4) continue;  // a Yijing hexagram
    } else {
      c = InPlaceChar(p, i, n);
      if (c == UINT32_MAX) return SIZE_MAX;
      if (!c) continue;
    }
    out[count] = prev | uint64_t{c} << 24;
    count += prev != 0;
    prev = c;
  }
#endif
  prev_io = prev;
  return count;
}

#ifdef NOTICETAB_PLAIN_AVX2
__attribute__((target("avx2"))) size_t BigramsInPlaceAvx2(std::string_view s, uint64_t* out, uint32_t& prev_io) {
  return BigramsInPlaceWith<true>(s, out, prev_io);
}
#endif

// detail::LinkPortableOnly (tests; atomic: batch threads read it).
std::atomic<bool> portable_only{false};
// detail::LinkExhaustive (tests): every row counted to its end.
std::atomic<bool> exhaustive{false};

// avx2: take the AVX2 code (the processor has it).
size_t BigramsInPlace(std::string_view s, uint64_t* out, uint32_t& prev_io, bool avx2 = plain::kHaveAvx2 && !portable_only) {
#ifdef NOTICETAB_PLAIN_AVX2
  if (avx2) return BigramsInPlaceAvx2(s, out, prev_io);
#endif
  (void)avx2;
  return BigramsInPlaceWith<false>(s, out, prev_io);
}

// Every bigram of a text, in text order, repeats included: into a buffer
// reused from call to call.
class BigramReader {
 public:
  std::span<const uint64_t> operator()(std::string_view s) {
    Reserve(s.size());
    uint32_t prev = 0;
    size_t n = BigramsInPlace(s, buf_.get(), prev);
    if (n == SIZE_MAX) {
      const std::string nfkc = Nfkc(s);
      Reserve(nfkc.size());
      n = BigramsOfNfkc(nfkc, buf_.get());
    }
    return {buf_.get(), n};
  }

  // Room for n bigrams (what was there is lost).
  uint64_t* Room(size_t n) {
    Reserve(n);
    return buf_.get();
  }

 private:
  // A text of n bytes has fewer than n bigrams (BigramsInPlace writes
  // kSlack more). Not zeroed: only written to.
  void Reserve(size_t n) {
    if (size_ < n + kSlack) buf_.reset(new uint64_t[n + kSlack]), size_ = n + kSlack;
  }
  std::unique_ptr<uint64_t[]> buf_;
  size_t size_ = 0;
};

// The set of bigrams, sorted (for binary search).
std::vector<uint64_t> Bigrams(std::string_view s) {
  BigramReader read;
  const auto all = read(s);
  std::vector<uint64_t> out(all.begin(), all.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Share(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty()) return 0;
  size_t hit = 0;
  for (uint64_t x : a) hit += std::binary_search(b.begin(), b.end(), x);
  return static_cast<double>(hit) / static_cast<double>(a.size());
}

// The distinct bigrams of some sets of texts (lists of sets: L lists), in
// one open-addressing table (a slot's index is its bigram's id; linear
// probing, grown when 70% full), and which sets of each list hold each
// bigram: for at most 64 sets (most notices) one bit per set in a mask per
// slot (32-bit masks for at most 32 sets), for more a linked list of holders
// per slot, newest first. Other texts are only looked up (Find): their
// bigrams are not added. The arrays stay from call to call (thread_local
// Scratch): only the keys in use are cleared. Per slot 8 bytes of key, 2 of
// stamp, 4 or 8 of mask: the hot data is small.
template <int L>
class Index {
 public:
  static constexpr size_t kMaskSets = 64;

  // Forgets every bigram. The table starts at about n slots and grows when
  // 70% full. sets[l]: how many sets list l will have.
  void Start(size_t n, const std::array<size_t, L>& sets) {
    size_t cap = 16;
    while (cap < n) cap *= 2;
    for (int l = 0; l < L; ++l) lists_[l] = sets[l] > kMaskSets, narrow_[l] = sets[l] <= 32;
    for (uint32_t s : used_slots_) keys_[s] = 0;  // 0 is no bigram: its first character is a key character
    used_slots_.clear();
    if (capacity_ < cap) Allocate(cap);
    SetCapacity(cap);
    for (int l = 0; l < L; ++l) {
      if (lists_[l] ? !heads_[l] : narrow_[l] ? !masks32_[l] : !masks_[l]) AllocateHolders(l, capacity_);
      size_[l].clear();
      size_[l].reserve(sets[l]);
      count_[l] = 0;
    }
  }

  bool masks(int l) const { return !lists_[l]; }

  // Adds the next set of list l: the given bigrams (repeats count once).
  void Add(int l, std::span<const uint64_t> bigrams) {
    const auto k = static_cast<uint32_t>(size_[l].size());
    if (narrow_[l]) {
      size_[l].push_back(AddToMasks(l, bigrams, uint32_t{1} << k, masks32_[l]));
      return;
    }
    if (!lists_[l]) {
      size_[l].push_back(AddToMasks(l, bigrams, uint64_t{1} << k, masks_[l]));
      return;
    }
    std::vector<Link>& links_v = links_[l];
    if (links_v.size() < count_[l] + bigrams.size())
      links_v.resize(std::max(2 * links_v.size(), count_[l] + bigrams.size()));
    Link* links = links_v.data();
    auto count = static_cast<int32_t>(count_[l]);
    for (uint64_t b : bigrams) {
      const size_t s = Insert(b);  // first: it may grow the table
      int32_t& head = heads_[l][s];
      if (head >= 0 && links[head].set == k) continue;  // already in this set
      links[count] = {k, head};
      head = count++;
    }
    size_[l].push_back(static_cast<uint32_t>(count - static_cast<int32_t>(count_[l])));
    count_[l] = static_cast<size_t>(count);
  }

  // How many distinct bigrams set k of list l has.
  size_t SizeOf(int l, size_t k) const { return size_[l][k]; }

  // The sets of list l holding the bigram in slot id, one bit each (masks(l) only).
  bool narrow(int l) const { return narrow_[l]; }
  const uint32_t* Masks32(int l) const { return masks32_[l].get(); }  // narrow(l): per slot
  const uint64_t* Masks64(int l) const { return masks_[l].get(); }    // masks(l), not narrow(l)
  uint64_t Mask(int l, uint32_t id) const { return narrow_[l] ? masks32_[l][id] : masks_[l][id]; }

  // f(k) for every set k of list l holding the bigram in slot id (in no set order).
  template <typename F>
  void ForEachHolding(int l, uint32_t id, F&& f) const {
    if (!lists_[l]) {
      for (uint64_t m = Mask(l, id); m; m &= m - 1) f(static_cast<uint32_t>(std::countr_zero(m)));
      return;
    }
    const Link* links = links_[l].data();
    for (int32_t h = heads_[l][id]; h >= 0; h = links[h].next) f(links[h].set);
  }

  // The slots of the distinct bigrams of a text held here, into found (as
  // many as it holds, valid until the next call); returns how many distinct
  // bigrams the text has, held here or not.
  size_t Find(std::span<const uint64_t> bigrams, std::vector<uint32_t>& found, std::vector<uint64_t>& missing) {
    if (++gen_ == 0) std::fill_n(seen_.get(), capacity_, uint16_t{0}), gen_ = 1;
    if (found.size() < bigrams.size()) found.resize(std::max(2 * found.size(), bigrams.size()));
    if (missing.size() < bigrams.size()) missing.resize(std::max(2 * missing.size(), bigrams.size()));
    // In locals: the stores below could alias the table's fields.
    uint32_t* out = found.data();
    uint64_t* miss = missing.data();
    uint16_t* seen = seen_.get();
    const uint64_t* keys = keys_.get();
    const uint16_t gen = gen_;
    const size_t mask = mask_;
    const int shift = shift_;
    size_t n = 0, n_miss = 0;
    for (uint64_t b : bigrams) {
      size_t s = Hash(b, shift);
      uint64_t key;
      while ((key = keys[s]) != b && key != 0) s = (s + 1) & mask;
      if (key == 0) {
        miss[n_miss++] = b;
      } else if (seen[s] != gen) {
        seen[s] = gen;
        out[n++] = static_cast<uint32_t>(s);
      }
    }
    found_ = n;
    size_t distinct_missing = n_miss;
    if (n_miss > 1) {
      std::sort(miss, miss + n_miss);
      distinct_missing = static_cast<size_t>(std::unique(miss, miss + n_miss) - miss);
    }
    return n + distinct_missing;
  }
  // How many slots the last Find gave.
  size_t found() const { return found_; }

 private:
  struct Link {
    uint32_t set;
    int32_t next;
  };

  static size_t Hash(uint64_t b, int shift) { return static_cast<size_t>((b * 0x9E3779B97F4A7C15ULL) >> shift); }
  size_t Hash(uint64_t b) const { return Hash(b, shift_); }

  // Adds the bigrams to the set whose bit is given, on list l of masks (of
  // type M); returns how many distinct bigrams that set has. The table's
  // fields are held in locals (the stores to the masks could alias them),
  // read again when the table grows.
  template <typename M>
  uint32_t AddToMasks(int l, std::span<const uint64_t> bigrams, M bit, const std::unique_ptr<M[]>& masks_of_list) {
    uint64_t* keys = keys_.get();
    M* masks = masks_of_list.get();
    size_t mask = mask_, used = used_, limit = limit_;
    int shift = shift_;
    uint32_t n = 0;
    for (uint64_t b : bigrams) {
      size_t s = Hash(b, shift);
      while (true) {
        const uint64_t key = keys[s];
        if (key == b) {
          n += (masks[s] & bit) == 0;
          masks[s] |= bit;
          break;
        }
        if (key == 0) {
          if (used >= limit) {
            used_ = used;
            Grow();
            keys = keys_.get(), masks = masks_of_list.get(), mask = mask_, limit = limit_, shift = shift_;
            s = Hash(b, shift);
            continue;
          }
          ++used;
          keys[s] = b;
          used_slots_.push_back(static_cast<uint32_t>(s));
          masks[s] = bit;
          ++n;
          for (int o = 0; o < L; ++o)
            if (o != l) InitHolders(o, s);
          break;
        }
        s = (s + 1) & mask;
      }
    }
    used_ = used;
    return n;
  }

  // Slot s of list l in no set.
  void InitHolders(int l, size_t s) {
    if (lists_[l])
      heads_[l][s] = -1;
    else if (narrow_[l])
      masks32_[l][s] = 0;
    else
      masks_[l][s] = 0;
  }

  // The slot of bigram b, added (in no set) when new.
  size_t Insert(uint64_t b) {
    const uint64_t* keys = keys_.get();
    size_t s = Hash(b);
    while (keys[s] != b) {
      if (keys[s] == 0) {
        if (used_ >= limit_) {
          Grow();
          return Insert(b);
        }
        ++used_;
        keys_[s] = b;
        used_slots_.push_back(static_cast<uint32_t>(s));
        for (int l = 0; l < L; ++l) InitHolders(l, s);
        break;
      }
      s = (s + 1) & mask_;
    }
    return s;
  }

  void Allocate(size_t cap) {
    capacity_ = cap;
    keys_.reset(new uint64_t[cap]());   // no bigram
    seen_.reset(new uint16_t[cap]());  // below any stamp
    for (int l = 0; l < L; ++l) masks_[l].reset(), masks32_[l].reset(), heads_[l].reset();
  }

  // The holders' array of list l, for cap slots (not cleared).
  void AllocateHolders(int l, size_t cap) {
    if (lists_[l])
      heads_[l].reset(new int32_t[cap]);
    else if (narrow_[l])
      masks32_[l].reset(new uint32_t[cap]);
    else
      masks_[l].reset(new uint64_t[cap]);
  }

  void SetCapacity(size_t cap) {
    mask_ = cap - 1;
    shift_ = 64 - std::countr_zero(cap);
    limit_ = cap / 10 * 7;
    used_ = 0;
  }

  // Twice the slots, every bigram (and its holders) moved.
  [[gnu::noinline]] void Grow() {
    const size_t old_cap = mask_ + 1, cap = 2 * old_cap, used = used_;
    std::unique_ptr<uint64_t[]> keys = std::move(keys_), masks[L];
    std::unique_ptr<uint32_t[]> masks32[L];
    std::unique_ptr<int32_t[]> heads[L];
    for (int l = 0; l < L; ++l)
      masks[l] = std::move(masks_[l]), masks32[l] = std::move(masks32_[l]), heads[l] = std::move(heads_[l]);
    Allocate(cap);
    for (int l = 0; l < L; ++l) AllocateHolders(l, cap);
    SetCapacity(cap);
    used_ = used;
    used_slots_.clear();
    for (size_t o = 0; o < old_cap; ++o) {
      if (keys[o] == 0) continue;
      size_t s = Hash(keys[o]);
      while (keys_[s] != 0) s = (s + 1) & mask_;
      keys_[s] = keys[o];
      used_slots_.push_back(static_cast<uint32_t>(s));
      for (int l = 0; l < L; ++l) {
        if (lists_[l])
          heads_[l][s] = heads[l][o];
        else if (narrow_[l])
          masks32_[l][s] = masks32[l][o];
        else
          masks_[l][s] = masks[l][o];
      }
    }
  }

  std::unique_ptr<uint64_t[]> keys_;  // 0: empty
  std::vector<uint32_t> used_slots_;  // the slots whose keys are not 0
  std::unique_ptr<uint16_t[]> seen_;  // the stamp of the last Find that gave the slot
  std::unique_ptr<uint64_t[]> masks_[L];    // up to 64 sets
  std::unique_ptr<uint32_t[]> masks32_[L];  // up to 32 (narrow_): half the memory
  std::unique_ptr<int32_t[]> heads_[L];
  size_t capacity_ = 0, mask_ = 0;
  size_t used_ = 0, limit_ = 0;  // slots in use, and at most
  int shift_ = 0;
  uint16_t gen_ = 0;  // wraps often: then every stamp is cleared
  size_t found_ = 0;
  bool lists_[L] = {}, narrow_[L] = {};
  std::vector<Link> links_[L];  // the first count_ in use
  size_t count_[L] = {};
  std::vector<uint32_t> size_[L];
};

// The distinct bigrams of the body items' texts (title and text), in one
// open-addressing table (linear probing, grown when 70% full), with per
// slot the items holding the bigram (for at most 64 items one bit per item,
// 32-bit masks for at most 32, for more a linked list of holders, newest
// first) and the stamp of the last row that read it: a row counts each of
// its bigrams once. The arrays stay from call to call (thread_local
// Scratch): only the keys in use are cleared (through the list of slots in
// use), only the holders' array in use is allocated.
class TextTable {
 public:
  static constexpr size_t kMaskSets = 64;

  // Forgets every bigram: the table starts at n slots or more. sets: how
  // many items it will have.
  void Start(size_t n, size_t sets) {
    // The keys in use cleared one by one (~5 instructions each) when few,
    // else every slot of the last size (a slot in use is below mask_ + 1,
    // a multiple of 64), 16 bytes a store: a notice's table is often half
    // full. Not memset: its `rep stosb` costs an instruction per byte where
    // counted (callgrind).
    if (used_ * 8 < mask_ + 1) {
      for (size_t u = 0; u < used_; ++u) keys_[used_list_[u]] = 0;
    } else {
      using Keys2 = uint64_t __attribute__((vector_size(16), aligned(8)));
      uint64_t* keys = keys_.get();
      for (size_t s = 0; s <= mask_; s += 16) {
        Keys2* k = reinterpret_cast<Keys2*>(keys + s);
        // Empty: keeps the compiler from making the loop a memset call.
        asm("" : : "r"(k) : "memory");
        for (int j = 0; j < 8; ++j) k[j] = Keys2{};
      }
    }
    used_ = 0;
    size_t cap = 64;
    while (cap < n) cap *= 2;
    lists_ = sets > kMaskSets, narrow_ = sets <= 32;
    if (capacity_ < cap) Allocate(cap);
    if (lists_ && !heads_) heads_.reset(new int32_t[capacity_]);
    if (!lists_ && narrow_ && !masks32_) masks32_.reset(new uint32_t[capacity_]);
    if (!lists_ && !narrow_ && !masks_) masks_.reset(new uint64_t[capacity_]);
    SetCapacity(cap);
    links_.clear();
  }

  bool masks() const { return !lists_; }

  // Adds the next item (the first is 0): the given bigrams (repeats count once).
  void Add(std::span<const uint64_t> bigrams) {
    const auto k = static_cast<uint32_t>(items_++);
    if (lists_) return AddToLists(k, bigrams);
    if (narrow_) return AddToMasks<uint32_t>(bigrams, uint32_t{1} << k);
    AddToMasks<uint64_t>(bigrams, uint64_t{1} << k);
  }

  // For each distinct bigram of the given ones, ++hits[k] for each item k
  // holding it; the items hit into *hit (masks()) or appended to touched
  // (else; each once: its hits were 0). Returns how many distinct bigrams
  // were given, held here or not.
  //
  // With masks (at most 64 items), the count may stop part way (asked from
  // the middle of the row on, ForEachFound) when one item k is sure to have
  // the row whatever the bigrams left: its share is at least 0.5 and no
  // other item can come within the largest bonus (0.03) of it. Then *decided
  // is k, the hits are all 0 and *hit is 0 (else *decided is -1). Bounds,
  // with r bigrams left: the row has at most (distinct so far) + (missing so
  // far) + r = c_hi distinct bigrams; k's hits can only grow, another's by
  // at most r. Sure when 2 hits_k >= c_hi (hits_k / c >= 0.5: a double
  // rounds it to 0.5 or more) and hits_k - hits_j - r > 0.03 c_hi + 1 for
  // every other j (the shares then differ by more than 0.03 + 1 / c_hi, far
  // above the doubles' rounding).
  size_t Count(std::span<const uint64_t> bigrams, uint32_t* hits, uint64_t* hit, std::vector<uint32_t>& touched,
               int* decided) {
    *decided = -1;
    if (lists_) return CountLists(bigrams, hits, touched);
    const bool may_stop = !exhaustive;
#ifdef NOTICETAB_PLAIN_AVX2
    // 16-bit counters: at most 65535 distinct bigrams.
    if (narrow_ && plain::kHaveAvx2 && !portable_only && bigrams.size() <= UINT16_MAX)
      return CountMasks32Avx2(bigrams, hits, hit, may_stop ? decided : nullptr);
#endif
    return narrow_ ? CountMasks(bigrams, masks32_.get(), hits, hit, may_stop ? decided : nullptr)
                   : CountMasks(bigrams, masks_.get(), hits, hit, may_stop ? decided : nullptr);
  }

 private:
  struct Link {
    uint32_t set;
    int32_t next;
  };

  // Add() for at most 64 items (M: a bit each).
  template <typename M>
  void AddToMasks(std::span<const uint64_t> bigrams, M bit) {
    // The table in locals: stores through its arrays cannot change them.
    uint64_t* keys = keys_.get();
    M* masks = Masks<M>();
    uint32_t* used_list = used_list_.get();
    size_t mask = mask_, used = used_, limit = limit_;
    for (const uint64_t b : bigrams) {
      size_t s = Hash(b, mask);
      uint64_t key;
      while ((key = keys[s]) != b && key != 0) s = (s + 1) & mask;
      if (key != 0) {  // key == b (b is not 0): a test of b fewer
        masks[s] |= bit;
        continue;
      }
      if (used >= limit) [[unlikely]] {
        used_ = used;
        Grow();
        keys = keys_.get(), masks = Masks<M>(), used_list = used_list_.get();
        mask = mask_, limit = limit_;
        s = Hash(b, mask);
        while (keys[s] != 0) s = (s + 1) & mask;
      }
      keys[s] = b;
      masks[s] = bit;
      used_list[used++] = static_cast<uint32_t>(s);
    }
    used_ = used;
  }

  template <typename M>
  M* Masks() {
    if constexpr (sizeof(M) == 4)
      return masks32_.get();
    else
      return masks_.get();
  }

  // The slots' stamps, after the next stamp is taken.
  uint16_t* NextStamp() {
    if (++stamp_ == 0) {  // wrapped: every stamp below 1 again
      std::fill_n(seen_.get(), capacity_, uint16_t{0});
      stamp_ = 1;
    }
    return seen_.get();
  }

  // The distinct count of a row's bigrams not here (sorted in place).
  static size_t DistinctMissing(uint64_t* missing, size_t n) {
    if (n < 2) return n;
    std::sort(missing, missing + n);
    return static_cast<size_t>(std::unique(missing, missing + n) - missing);
  }

  // Count() for at most 64 items.
  // kAvx2 (32-bit masks, at most 65535 bigrams): the hits counted in 32
  // 16-bit lanes, a mask's bits added at once (generic vectors: inlined
  // into CountMasks32Avx2, compiled for AVX2). kBytes (kAvx2, at most 255
  // bigrams: most rows): in 32 8-bit lanes instead, one vector for all 32
  // items (a mask's byte k / 8 spread to lane k, its bit k % 8 tested).
  // decided: as Count's (nullptr: never stop part way).
  template <typename M, bool kAvx2 = false, bool kBytes = false>
  [[gnu::always_inline]] size_t CountMasks(std::span<const uint64_t> bigrams, const M* masks, uint32_t* hits, uint64_t* hit,
                                           int* decided) {
    using V16w = uint16_t __attribute__((vector_size(32)));
    [[maybe_unused]] constexpr V16w kBits = {1,     2,     4,     8,      16,     32,     64,     128,
                                             1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15};
    [[maybe_unused]] V16w lanes[2] = {};  // items 0-15, 16-31
    using V8 = uint8_t __attribute__((vector_size(32)));
    using V32 = uint32_t __attribute__((vector_size(32)));
    [[maybe_unused]] constexpr V8 kBits8 = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128,
                                            1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    [[maybe_unused]] V8 bytes = {};  // kBytes: items 0-31
    M any = 0;
    // Count's test, r bigrams left (see there): 0 when the row is decided,
    // else how many bigrams to count before the test can pass. Each bigram
    // counted takes one from r and adds at most one to an item's hits
    // (c_hi does not grow): 100 (hits_k - hits_j - r) grows by at most 200,
    // 2 hits_k - c_hi by at most 2.
    auto sure = [&](size_t r, size_t distinct, size_t n_missing) -> size_t {
      if (!decided) return SIZE_MAX;
      const size_t c_hi = distinct + n_missing + r, need = 3 * c_hi + 100;
      // No item has more hits than distinct: the counts are looked at only
      // when the item with them all would be sure.
      auto wait = [&](size_t top, size_t second) -> size_t {
        const size_t margin = top > second + r ? 100 * (top - second - r) : 0;
        const size_t a = margin < need ? (need - margin) / 200 + 1 : 0;
        const size_t b = 2 * top < c_hi ? (c_hi - 2 * top + 1) / 2 : 0;
        return std::max(a, b);
      };
      if (const size_t w = wait(distinct, 0)) return w;
      [[maybe_unused]] uint16_t counts[32];
      [[maybe_unused]] uint8_t counts8[32];
      if constexpr (kBytes)
        std::memcpy(counts8, &bytes, sizeof counts8);
      else if constexpr (kAvx2)
        std::memcpy(counts, lanes, sizeof counts);
      size_t top = 0, second = 0;  // the most hits, and the most of the other items
      int top_k = -1;
      for (M a = any; a; a &= a - 1) {
        const int k = std::countr_zero(a);
        size_t h;
        if constexpr (kBytes)
          h = counts8[k];
        else if constexpr (kAvx2)
          h = counts[k];
        else
          h = hits[k];
        if (h > top)
          second = top, top = h, top_k = k;
        else if (h > second)
          second = h;
      }
      if (const size_t w = wait(top, second)) return w;
      if constexpr (!kAvx2)
        for (M a = any; a; a &= a - 1) hits[std::countr_zero(a)] = 0;
      *decided = top_k;
      return 0;
    };
    const size_t distinct = ForEachFound(
        bigrams,
        [&](size_t s) __attribute__((always_inline)) {
          M m = masks[s];
          any |= m;
          if constexpr (kBytes) {
            // Lane k: byte k / 8 of m (bytes 18 and 19 are m's bytes 2 and 3 in the upper half).
            const V8 b = (V8)(V32{} + static_cast<uint32_t>(m));
            const V8 spread = __builtin_shufflevector(b, b, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 18, 18, 18, 18,
                                                      18, 18, 18, 18, 19, 19, 19, 19, 19, 19, 19, 19);
            bytes -= (V8)((spread & kBits8) == kBits8);
          } else if constexpr (kAvx2) {
            lanes[0] -= (V16w)(((V16w{} + static_cast<uint16_t>(m)) & kBits) == kBits);
            lanes[1] -= (V16w)(((V16w{} + static_cast<uint16_t>(m >> 16)) & kBits) == kBits);
          } else {
            for (; m; m &= m - 1) ++hits[std::countr_zero(m)];
          }
        },
        sure);
    if (distinct == SIZE_MAX) {
      *hit = 0;
      return 0;
    }
    if constexpr (kBytes) {
      uint8_t counts[32];
      std::memcpy(counts, &bytes, sizeof counts);
      for (M a = any; a; a &= a - 1) hits[std::countr_zero(a)] = counts[std::countr_zero(a)];
    } else if constexpr (kAvx2) {
      uint16_t counts[32];
      std::memcpy(counts, lanes, sizeof counts);
      for (M a = any; a; a &= a - 1) hits[std::countr_zero(a)] = counts[std::countr_zero(a)];
    }
    *hit = any;
    return distinct;
  }

#ifdef NOTICETAB_PLAIN_AVX2
  __attribute__((target("avx2"))) size_t CountMasks32Avx2(std::span<const uint64_t> bigrams, uint32_t* hits, uint64_t* hit,
                                                          int* decided) {
    // A lane counts at most one per bigram: 8 bits hold a row of 255.
    if (bigrams.size() <= UINT8_MAX) return CountMasks<uint32_t, true, true>(bigrams, masks32_.get(), hits, hit, decided);
    return CountMasks<uint32_t, true>(bigrams, masks32_.get(), hits, hit, decided);
  }
#endif

  // Count() for more than 64 items.
  size_t CountLists(std::span<const uint64_t> bigrams, uint32_t* hits, std::vector<uint32_t>& touched) {

    const int32_t* heads = heads_.get();
    return ForEachFound(
        bigrams,
        [&](size_t s) {
          for (int32_t l = heads[s]; l >= 0; l = links_[static_cast<size_t>(l)].next) {
            const uint32_t k = links_[static_cast<size_t>(l)].set;
            if (hits[k]++ == 0) touched.push_back(k);
          }
        },
        [](size_t, size_t, size_t) { return SIZE_MAX; });
  }

  // Calls found(s) once for the slot of each distinct bigram of a row that
  // is here; returns the row's distinct bigram count, those not here too.
  // From the middle of the row on, asks sure(bigrams left, distinct found so
  // far, missing so far): 0 stops the count (returns SIZE_MAX), else it is
  // how many bigrams to count before asking again.
  template <typename Found, typename Sure>
  [[gnu::always_inline]] size_t ForEachFound(std::span<const uint64_t> bigrams, Found found, Sure sure) {
    uint16_t* seen = NextStamp();
    const size_t n = bigrams.size();
    if (missing_.size() < n) missing_.resize(std::max(n, 2 * missing_.size()));
    const uint64_t* keys = keys_.get();
    const uint64_t* in = bigrams.data();
    uint64_t* missing = missing_.data();
    const size_t mask = mask_;
    const uint16_t stamp = stamp_;
    size_t distinct = 0, n_missing = 0;
    constexpr size_t kLeast = 8;  // bigrams at least between two asks: each costs ~ a dozen bigrams' count
    size_t i = 0, check = n / 2;
    while (true) {
      for (const size_t end = std::min(n, check); i < end; ++i) {
        const uint64_t b = in[i];
        size_t s = Hash(b, mask);
        uint64_t key;
        while ((key = keys[s]) != b && key != 0) s = (s + 1) & mask;
        if (key != b) {
          missing[n_missing++] = b;
          continue;
        }
        if (seen[s] == stamp) continue;
        seen[s] = stamp;
        ++distinct;
        found(s);
      }
      if (i == n) break;
      const size_t wait = sure(n - i, distinct, n_missing);
      if (wait == 0) return SIZE_MAX;
      check = wait >= n - i ? n : i + std::max<size_t>(wait, kLeast);
    }
    return distinct + DistinctMissing(missing, n_missing);
  }

  // The top bits of a multiplicative hash, rotated down: no shift by a variable.
  static size_t Hash(uint64_t b, size_t mask) {
    return static_cast<size_t>(std::rotl(b * 0x9E3779B97F4A7C15ULL, 24)) & mask;
  }

  // Add() for more than 64 items: a list of holders per bigram.
  void AddToLists(uint32_t k, std::span<const uint64_t> bigrams) {
    for (const uint64_t b : bigrams) {
      size_t s = Hash(b, mask_);
      uint64_t key;
      while ((key = keys_[s]) != b && key != 0) s = (s + 1) & mask_;
      if (key != b) {
        if (used_ >= limit_) {
          Grow();
          s = Hash(b, mask_);
          while (keys_[s] != 0) s = (s + 1) & mask_;
        }
        keys_[s] = b;
        heads_[s] = -1;
        used_list_[used_++] = static_cast<uint32_t>(s);
      }
      if (heads_[s] >= 0 && links_[static_cast<size_t>(heads_[s])].set == k) continue;  // already in this item
      links_.push_back({k, heads_[s]});
      heads_[s] = static_cast<int32_t>(links_.size() - 1);
    }
  }

  void Allocate(size_t cap) {
    capacity_ = cap;
    keys_.reset(new uint64_t[cap]());  // no bigram: 0 is none (its first character is a key character)
    masks_.reset(!lists_ && !narrow_ ? new uint64_t[cap] : nullptr);  // only the array in use
    masks32_.reset(!lists_ && narrow_ ? new uint32_t[cap] : nullptr);
    heads_.reset(lists_ ? new int32_t[cap] : nullptr);
    seen_.reset(new uint16_t[cap]());  // below any stamp
    used_list_.reset(new uint32_t[cap]);
  }

  void SetCapacity(size_t cap) {
    mask_ = cap - 1;
    limit_ = cap / 10 * 7;
    items_ = 0;
  }

  // Twice the slots, every bigram (its holders, its stamp) moved.
  [[gnu::noinline]] void Grow() {
    const size_t used = used_, items = items_;
    std::vector<uint64_t> keys(used), masks(used);  // masks: of either width, or heads
    std::vector<uint16_t> seen(used);
    for (size_t u = 0; u < used; ++u) {
      const uint32_t s = used_list_[u];
      keys[u] = keys_[s], seen[u] = seen_[s];
      masks[u] = lists_ ? static_cast<uint64_t>(heads_[s]) : narrow_ ? masks32_[s] : masks_[s];
      keys_[s] = 0;
    }
    const size_t cap = 2 * (mask_ + 1);
    if (capacity_ < cap) Allocate(cap);
    SetCapacity(cap);
    items_ = items;
    for (size_t u = 0; u < used; ++u) {
      size_t s = Hash(keys[u], mask_);
      while (keys_[s] != 0) s = (s + 1) & mask_;
      keys_[s] = keys[u], seen_[s] = seen[u];
      if (lists_)
        heads_[s] = static_cast<int32_t>(masks[u]);
      else if (narrow_)
        masks32_[s] = static_cast<uint32_t>(masks[u]);
      else
        masks_[s] = masks[u];
      used_list_[u] = static_cast<uint32_t>(s);
    }
  }

  std::unique_ptr<uint64_t[]> keys_;       // 0: empty
  std::unique_ptr<uint64_t[]> masks_;      // at most 64 items: those holding the bigram, a bit each
  std::unique_ptr<uint32_t[]> masks32_;    // at most 32 (narrow_): the same in half the memory
  std::unique_ptr<int32_t[]> heads_;       // more: the newest of its links_, -1 for none
  std::unique_ptr<uint16_t[]> seen_;       // the stamp of the last row that read it
  std::unique_ptr<uint32_t[]> used_list_;  // the slots in use, used_ of them
  size_t capacity_ = 0, mask_ = 0, used_ = 0, limit_ = 0, items_ = 0;
  uint16_t stamp_ = 0;  // wraps often: then every stamp is cleared
  bool lists_ = false, narrow_ = false;
  std::vector<Link> links_;
  std::vector<uint64_t> missing_;  // a row's bigrams not here
};

struct Scratch {
  BigramReader read;
  TextTable texts;  // the items' texts (title and text)
  Index<2> titles;  // list 0: the sections' titles; 1: the items'
  std::vector<uint32_t> found;
  std::vector<uint64_t> missing;
  std::vector<uint32_t> hits;     // per item (section), 0 between uses
  std::vector<uint32_t> touched;  // the items (sections) whose hits are not 0
};

// A table label's bigrams looked up among the titles (both lists share one
// table: one lookup serves sections and items), the slots found left in
// x.found for ForLabel: the label's distinct bigram count, SIZE_MAX for a
// blank label (it names nothing).
size_t FindLabel(std::string_view label, Scratch& x) {
  if (Trim(label).empty()) return SIZE_MAX;
  return x.titles.Find(x.read(label), x.found, x.missing);
}

// The ref (of refs, whose titles are the sets of list `list` of x.titles)
// the label last given to FindLabel names (lb: what it returned), by title
// similarity (Dice of the bigram sets); 0 when none is close. Only the refs
// sharing a bigram with the label can be (the rest score 0): the best score
// above 0.45, the first ref among equals, as when every ref is scored in
// order. Leaves x.found as it is: the label may be scored on both lists.
template <typename Ref, typename Id>
int ForLabel(size_t lb, const std::vector<Ref>& refs, int list, Id id, Scratch& x) {
  if (lb == SIZE_MAX) return 0;
  for (size_t j = 0; j < x.titles.found(); ++j)
    x.titles.ForEachHolding(list, x.found[j], [&](uint32_t k) {
      if (x.hits[k]++ == 0) x.touched.push_back(k);
    });
  int best = 0;
  size_t best_k = SIZE_MAX;
  double best_score = 0.45;
  for (uint32_t k : x.touched) {
    const size_t hit = x.hits[k], size = x.titles.SizeOf(list, k);
    x.hits[k] = 0;
    const double s = lb == 0 || size == 0 ? 0 : 2.0 * static_cast<double>(hit) / static_cast<double>(lb + size);
    if (s > best_score || (s == best_score && best_k != SIZE_MAX && k < best_k))
      best_score = s, best = id(refs[k]), best_k = k;
  }
  x.touched.clear();
  return best;
}

struct ItemRef {
  int section;  // Section::index
  int item;     // Item::index
};

int ItemOf(const ItemRef& r) { return r.item; }
int SectionOf(const Section& s) { return s.index; }

}  // namespace

double Containment(std::string_view a, std::string_view b) { return Share(Bigrams(a), Bigrams(b)); }

void detail::LinkPortableOnly(bool on) { portable_only = on; }
void detail::LinkExhaustive(bool on) { exhaustive = on; }

void PlaceUnderHeading(Table& table, const std::vector<Section>& sections, int header_line) {
  const Section* above = nullptr;
  for (const Section& s : sections)
    if (s.line > 0 && s.line < header_line) above = &s;
  if (!above) return;
  for (Row& r : table.rows)
    if (r.section == 0 && r.item == 0 && r.section_label.empty() && r.item_label.empty()) r.section = above->index;
}

void LinkRows(Table& table, const std::vector<Section>& sections) {
  // The bigram table and the reading buffer stay from call to call, one per
  // thread (a batch converts documents on several).
  thread_local Scratch x;
  // Every title and text of the body read once: an item's title, then its
  // text (title and text as one), then its bigrams into the texts' table.
  // That table has a slot per 2 bytes of text (a Han character has 3,
  // repeats are many): it grows when it needs to. (A slot per 4 bytes costs
  // 1.2M more instructions on the 2 MB batch, for 15 fewer pages.)
  size_t n_items = 0, title_bytes = 0, text_bytes = 0;
  for (const auto& s : sections) {
    n_items += s.items.size();
    title_bytes += s.title.size();
    for (const auto& it : s.items) title_bytes += it.title.size(), text_bytes += it.title.size() + it.text.size();
  }
  x.titles.Start(title_bytes / 2, {sections.size(), n_items});  // titles repeat few bigrams
  x.texts.Start(text_bytes / 2, n_items);
  for (const auto& s : sections) x.titles.Add(0, x.read(s.title));
  std::vector<ItemRef> items;
  items.reserve(n_items);
  std::string title_text;
  for (const auto& s : sections)
    for (const auto& it : s.items) {
      items.push_back({s.index, it.index});
      uint32_t prev = 0;
      uint64_t* out = x.read.Room(it.title.size() + it.text.size());
      const size_t nt = BigramsInPlace(it.title, out, prev);
      const size_t nx = nt == SIZE_MAX ? SIZE_MAX : BigramsInPlace(it.text, out + nt, prev);
      if (nx != SIZE_MAX) {
        x.titles.Add(1, {out, nt});
        x.texts.Add({out, nt + nx});
      } else {  // NFKC may join title and text: each read as such
        x.titles.Add(1, x.read(it.title));
        title_text.assign(it.title).append(it.text);
        x.texts.Add(x.read(title_text));
      }
    }
  // The section of an item (the first with its index).
  int max_item = 0, min_item = 0;
  for (const auto& r : items) max_item = std::max(max_item, r.item), min_item = std::min(min_item, r.item);
  std::vector<int> section_by_item;  // empty: look through items
  if (min_item >= 0 && max_item <= static_cast<int>(4 * items.size() + 64)) {
    section_by_item.assign(static_cast<size_t>(max_item) + 1, 0);
    for (size_t k = items.size(); k-- > 0;)
      section_by_item[static_cast<size_t>(items[k].item)] = items[k].section;
  }
  auto section_of = [&](int item) {
    if (!section_by_item.empty())
      return item >= 0 && static_cast<size_t>(item) < section_by_item.size() ? section_by_item[static_cast<size_t>(item)] : 0;
    for (const auto& r : items)
      if (r.item == item) return r.section;
    return 0;
  };

  // A row's shares with every item come from one pass over its own bigrams,
  // through the items holding each; only the items hit are looked at.
  x.hits.assign(std::max(items.size(), sections.size()), 0);
  std::vector<uint32_t>& touched = x.touched;

  // Labels fill down (they are merged cells): views of the rows' labels
  // (the rows stay where they are), not copies.
  std::string_view section_label, item_label;
  int prev_item = 0, prev_section = 0;
  std::string_view looked_up_item_label, looked_up_section_label;
  int label_item = 0, label_section = 0;  // of the labels last looked up
  int section_label_item = 0;             // the item a section label names, when no section
  std::string_view prev_row_label;        // the label the row above was under
  for (Row& row : table.rows) {
    if (!row.section_label.empty()) {
      section_label = row.section_label.text;
      item_label = {};
    }
    if (!row.item_label.empty()) item_label = row.item_label.text;
    // A label fills down over many rows: looked up once per change.
    if (item_label != looked_up_item_label) {
      looked_up_item_label = item_label;
      label_item = ForLabel(FindLabel(item_label, x), items, 1, ItemOf, x);
    }
    if (section_label != looked_up_section_label) {
      looked_up_section_label = section_label;
      const size_t lb = FindLabel(section_label, x);  // read and looked up once for both lists
      label_section = ForLabel(lb, sections, 0, SectionOf, x);
      // A lone group column may name the body's items rather than its
      // sections (序号 | 工作任务 | 具体内容 under 一、/（一）headings).
      section_label_item = label_section ? 0 : ForLabel(lb, items, 1, ItemOf, x);
    }
    // So may a group row's over sub-rows labelled by numbers of their own that
    // name nothing in the body (2 优化政务服务流程 over 2.1, 2.2).
    const bool item_from_section_label = (item_label.empty() || !label_item) && section_label_item;
    const int row_label_item = item_from_section_label ? section_label_item : label_item;
    const std::string_view row_label = item_from_section_label ? section_label : item_label;
    // A label of the row's own, new here, that names nothing in the body
    // (推进县域医共体建设 under items that do not hold it): a group of its own,
    // not the row above's. The innermost label printed on the row.
    const std::string_view own_label = !row.item_label.empty() ? std::string_view(row.item_label.text)
                                       : item_label.empty() && !row.section_label.empty() ? std::string_view(row.section_label.text)
                                                                                        : std::string_view();
    const std::string_view under = !item_label.empty() ? item_label : section_label;
    const bool new_unknown_label = !own_label.empty() && under != prev_row_label && !row_label_item &&
                                   !(item_label.empty() && label_section);
    prev_row_label = under;

    // The row's bigrams counted: the items hit are those of hit (masks) or
    // touched (lists).
    uint64_t hit = 0;
    int decided;  // the item sure to have the row before its end (Count)
    const size_t content = x.texts.Count(x.read(row.content.text), x.hits.data(), &hit, touched, &decided);
    // Each item's score is the share of the row's bigrams found in it (as
    // Share()), plus 0.02 for the row above's item and 0.01 for the label's:
    // ties go to those, then to the first item, as when every item is
    // scored in order (the best score, the lowest k among equals: the same
    // in any order of k). An item not hit scores at most 0.03, short of a link.
    int best = 0;
    size_t best_k = 0;
    double best_score = 0;
    auto consider = [&](size_t k, uint32_t hits) {
      const int item = items[k].item;
      double s = static_cast<double>(hits) / static_cast<double>(content);
      if (item == prev_item) s += 0.02;
      if (item == row_label_item) s += 0.01;
      if (s > best_score || (s == best_score && k < best_k)) best_score = s, best = item, best_k = k;
    };
    // The items with no bonus rank by their hits alone (hits / content
    // rounds to a different double for each count: 1/content is far above
    // an ulp), so only the first with the most hits is scored, with the
    // items that have a bonus.
    uint32_t top = 0;
    size_t top_k = SIZE_MAX;
    auto score = [&](uint32_t k) {
      const uint32_t h = x.hits[k];
      x.hits[k] = 0;  // ready for the next row
      const int item = items[k].item;
      if (item == prev_item || item == row_label_item)
        consider(k, h);
      else if (h > top || (h == top && k < top_k))
        top = h, top_k = k;
    };
    for (; hit; hit &= hit - 1) score(static_cast<uint32_t>(std::countr_zero(hit)));
    for (uint32_t k : touched) score(k);
    touched.clear();
    if (top_k != SIZE_MAX) consider(top_k, top);
    if (decided >= 0) best = items[static_cast<size_t>(decided)].item, best_score = 1;
    if (best_score >= 0.5) {
      row.item = best;
      if (row_label_item && row_label_item != best)
        row.Warn("link.label_disagrees", "table label '" + std::string(row_label) + "' points to item " + std::to_string(row_label_item) +
                               ", the body text to item " + std::to_string(best) + "; the body wins");
    } else if (row_label_item) {
      row.item = row_label_item;
      row.Warn("link.from_label", "content not found in the body; item taken from the table label");
    } else if (best && best_score >= kWeakShare && best_score * static_cast<double>(content) >= kWeakBigrams &&
               best > prev_item && best <= prev_item + kWeakReach) {
      // A row that rewords its item (the body's one sentence, the table's
      // longer one) still shares a phrase with it: an item after the row
      // above's, with a good part of the row's text, is the row's.
      row.item = best;
      row.Warn("link.partial", "content found only in part in the body (" +
                                   std::to_string(static_cast<int>(best_score * 100)) + "% of it); item " +
                                   std::to_string(best) + " shares the most");
    } else if (prev_item && !new_unknown_label) {
      row.item = prev_item;
      row.Warn("link.from_above", "content not found in the body; item taken from the row above");
    } else if (prev_item) {
      // Its label stays its item's title (PlaceTask's caller): nothing printed is lost.
      if (row.item_label.empty()) row.item_label.text = std::string(own_label);
      row.Warn("link.unmatched_label", "table label '" + std::string(own_label) +
                                           "' and content not found in the body; the label kept as the item");
    }
    row.section = row.item ? section_of(row.item) : label_section;
    if (row.item && label_section && label_section != row.section && !row.section_label.empty())
      row.Warn("link.label_disagrees", "table label '" + std::string(section_label) + "' points to section " +
                             std::to_string(label_section) + ", the body text to section " +
                             std::to_string(row.section) + "; the body wins");
    if (!row.item && !row.section && prev_section) row.section = prev_section;
    if (row.item) prev_item = row.item;
    if (row.section) prev_section = row.section;
  }
}

void PlaceTask(const std::vector<Section>& sections, int section, int item, Task& t) {
  for (const Section& s : sections) {
    if (s.index == section) t.section = s.index, t.section_no = s.no, t.section_title = s.title;
    for (const Item& it : s.items)
      if (it.index == item) t.item = it.index, t.item_no = it.no, t.item_title = it.title;
  }
}

void RelinkTasks(const Table& table, const std::vector<Section>& sections,
                 std::vector<Task>& tasks) {
  std::unordered_map<int, const Row*> rows;
  for (const Row& r : table.rows) rows.emplace(r.first_line, &r);
  for (Task& t : tasks) {
    t.section.reset(), t.item.reset();
    t.section_no.clear(), t.section_title.clear(), t.item_no.clear(), t.item_title.clear();
    if (const auto r = rows.find(t.first_line); r != rows.end())
      PlaceTask(sections, r->second->section, r->second->item, t);
  }
}

}  // namespace noticetab
