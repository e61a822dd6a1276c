#include "noticetab/link.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <memory>
#include <cstdint>
#include <cstring>
#include <string>
#include <span>

#include <unicode/normalizer2.h>

#include "noticetab/text.h"
#include "utf8_scan.h"

namespace noticetab {
namespace {

// Character bigrams of the meaningful characters (IsKeyChar): punctuation,
// spaces and bracket styles differ between the body and the annex, words do
// not. A character is held as its UTF-8 bytes packed little-endian (the
// bytes of the text as they are, no decoding), a bigram as (first << 32) |
// second: one to one with the pairs of code points.

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

// The bigrams of n (NFKC text), each read with NextChar.
size_t BigramsOfNfkc(std::string_view n, uint64_t* out) {
  size_t count = 0;
  uint32_t prev = 0;  // 0 is no key character: none yet
  for (size_t i = 0; i < n.size();) {
    const char32_t c = NextChar(n, i);
    if (!IsKeyChar(c)) continue;
    const uint32_t k = Packed(c);
    if (prev) out[count++] = static_cast<uint64_t>(prev) << 32 | k;
    prev = k;
  }
  return count;
}

// The bigrams of Nfkc(s) read straight from s when NFKC takes each character
// on its own, that is for the text NfkcWithoutIcu handles (ASCII,
// U+4000-U+9FFF, 、。‘’“” as they are, full-width forms to ASCII, U+3000 to a
// space), and characters NFKC leaves alone whatever their neighbours
// (NfkcInert): no copy. SIZE_MAX at the first other character.
size_t BigramsInPlace(std::string_view s, uint64_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t count = 0;
  uint32_t prev = 0;
  for (size_t i = 0; i < n;) {
    uint32_t c, w;
    // Two characters of U+4E00-U+9FFF (most of a notice) in one 8-byte load:
    // leads E4-E9 at bytes 0 and 3, continuation bytes at 1, 2, 4, 5, no
    // Yijing hexagram (below).
    if constexpr (std::endian::native == std::endian::little) {
      uint64_t ww;
      if (i + 8 <= n && (std::memcpy(&ww, p + i, 8), (ww & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL) &&
          p[i] - 0xE4u <= 5u && p[i + 3] - 0xE4u <= 5u && (ww & 0xFFFF) != 0xB7E4 && (ww >> 24 & 0xFFFF) != 0xB7E4) {
        const auto c1 = static_cast<uint32_t>(ww & 0xFFFFFF), c2 = static_cast<uint32_t>(ww >> 24 & 0xFFFFFF);
        out[count] = static_cast<uint64_t>(prev) << 32 | c1;
        count += prev != 0;
        out[count++] = static_cast<uint64_t>(c1) << 32 | c2;
        prev = c2;
        i += 6;
        continue;
      }
    }
    // The same tests as NfkcWithoutIcu, in the same order. First U+4000-U+9FFF
    // (lead E4-E9 and two continuation bytes, read in one load), as it is: key
    // characters (IsKeyChar) but for the Yijing hexagrams U+4DC0-U+4DFF (E4 B7 xx).
    // (w holds the bytes in little-endian order whatever the machine's, as
    // Packed() and the 8-byte path above read them.)
    if (i + 4 <= n && (w = p[i] | p[i + 1] << 8 | p[i + 2] << 16, (w & 0xC0C0F0u) == 0x8080E0u) &&
        (w & 0xFF) - 0xE4u <= 5u) {
      i += 3;
      if ((w & 0xFFFF) == 0xB7E4) continue;
      c = w & 0xFFFFFF;
    } else {
      const uint32_t b = p[i];
      if (b < 0x80) {
        ++i;
        if (!IsAsciiKey(b)) continue;
        c = b;
      } else {
        if (!utf8::ThreeByteAt(p, i, n)) return SIZE_MAX;
        const char32_t v = utf8::ThreeByteValue(p, i);
        i += 3;
        if (b - 0xE4u <= 5u) {  // the last character of s
          if (v - 0x4DC0u < 0x40u) continue;
          c = Packed(v);
        } else if (v >= 0xFF01 && v <= 0xFF5E) {  // full-width forms to ASCII
          c = v - 0xFEE0;
          if (!IsAsciiKey(c)) continue;
        } else if (v == 0x3001 || v == 0x3002 || v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D ||
                   v == 0x3000) {
          continue;  // no key characters
        } else if (v >= 0x800 && v - 0xD800u >= 0x800u && NfkcInert(v)) {
          // 《》〔〕— ...: itself under NFKC, whatever is around it (well formed:
          // not overlong, no surrogate).
          if (!IsKeyChar(v)) continue;
          c = Packed(v);
        } else {
          return SIZE_MAX;
        }
      }
    }
    // Written also before the first key character (prev 0), then overwritten:
    // count stays below the number of characters read, so below n.
    out[count] = static_cast<uint64_t>(prev) << 32 | c;
    count += prev != 0;
    prev = c;
  }
  return count;
}

// Every bigram of a text, in text order, repeats included: into a buffer
// reused from call to call.
class BigramReader {
 public:
  std::span<const uint64_t> operator()(std::string_view s) {
    Reserve(s.size());
    size_t n = BigramsInPlace(s, buf_.get());
    if (n == SIZE_MAX) {
      const std::string nfkc = Nfkc(s);
      Reserve(nfkc.size());
      n = BigramsOfNfkc(nfkc, buf_.get());
    }
    return {buf_.get(), n};
  }

 private:
  // A text of n bytes has fewer than n bigrams. (Not zeroed: only written to.)
  void Reserve(size_t n) {
    if (size_ < n) buf_.reset(new uint64_t[n]), size_ = n;
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

// Every distinct bigram of one LinkRows (items, titles, rows, labels) as a
// dense id, first seen first, in one open-addressing table; with each id, the
// heads of its lists of holders (Holders) and the stamp of the last text
// that had it (Distinct). The table is kept from call to call (a slot of an
// earlier call is empty by its generation): no clearing.
class BigramIds {
 public:
  static constexpr int kLists = 3;
  struct PerId {
    uint32_t seen = 0;
    int32_t head[kLists] = {-1, -1, -1};
    uint64_t mask[kLists] = {0, 0, 0};  // bit k: set k holds the id (Holders of at most 64 sets)
  };

  // Forgets every id.
  void Clear() {
    size_ = 0;
    if (++gen_ == 0) std::fill(slots_.begin(), slots_.end(), Slot{}), gen_ = 1;
    if (slots_.empty()) Resize(1024);
  }

  size_t size() const { return size_; }
  PerId& operator[](uint32_t id) { return per_id_[id]; }
  const PerId& operator[](uint32_t id) const { return per_id_[id]; }

  // f(id, PerId&) for each bigram in turn, a new one given the next id. The
  // table's fields are held in locals (the stores through f could alias
  // them), read again after the table grows.
  template <typename F>
  void Each(std::span<const uint64_t> bigrams, F&& f) {
    Slot* slots = slots_.data();
    PerId* per_id = per_id_.data();
    size_t per_id_size = per_id_.size();
    size_t mask = mask_;
    int shift = shift_;
    const uint32_t gen = gen_;
    size_t size = size_, limit = slots_.size() / 2;  // grows past half full
    for (uint64_t b : bigrams) {
      uint32_t id;
      for (size_t s = Hash(b, shift);; s = (s + 1) & mask) {
        Slot& x = slots[s];
        if (x.gen != gen) {
          id = static_cast<uint32_t>(size);
          x = {b, id, gen};
          if (id < per_id_size) {
            per_id[id] = PerId{};
          } else {
            per_id_.emplace_back();
            per_id = per_id_.data(), per_id_size = per_id_.size();
          }
          if (++size > limit) {
            size_ = size;
            Grow();
            slots = slots_.data(), mask = mask_, shift = shift_, limit = slots_.size() / 2;
          }
          break;
        }
        if (x.key == b) {
          id = x.id;
          break;
        }
      }
      f(id, per_id[id]);
    }
    size_ = size;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t id = 0;
    uint32_t gen = 0;  // == gen_: in use
  };

  void Resize(size_t cap) {
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    shift_ = 64 - std::countr_zero(cap);
  }

  [[gnu::noinline]] void Grow() {
    const std::vector<Slot> old = std::move(slots_);
    Resize(2 * old.size());
    for (const Slot& o : old) {
      if (o.gen != gen_) continue;
      size_t s = Hash(o.key, shift_);
      while (slots_[s].gen == gen_) s = (s + 1) & mask_;
      slots_[s] = o;
    }
  }

  static size_t Hash(uint64_t b, int shift) { return static_cast<size_t>((b * 0x9E3779B97F4A7C15ULL) >> shift); }

  std::vector<Slot> slots_;
  std::vector<PerId> per_id_;  // the first size_ in use; kept, as the slots, from call to call
  size_t size_ = 0;
  uint32_t gen_ = 0;
  size_t mask_ = 0;
  int shift_ = 0;
};

// Sets of bigrams (item texts, titles), numbered in the order added, and
// which sets hold each bigram: one list per bigram id (BigramIds::PerId::head
// [list]), linked newest first; or, for at most 64 sets (most notices), one
// bit per set in a mask per id (BigramIds::PerId::mask[list]).
class Holders {
 public:
  static constexpr size_t kMaskSets = 64;
  // sets: how many sets will be added.
  Holders(int list, size_t sets) : list_(list), masks_(sets <= kMaskSets) {}

  bool masks() const { return masks_; }

  // Adds the set of the given bigrams (repeats count once).
  void Add(std::span<const uint64_t> bigrams, BigramIds& ids) {
    const auto k = static_cast<uint32_t>(size_.size());
    const int list = list_;
    if (masks_) {
      const uint64_t bit = uint64_t{1} << k;
      uint32_t n = 0;
      ids.Each(bigrams, [&](uint32_t, BigramIds::PerId& p) {
        uint64_t& m = p.mask[list];
        n += (m & bit) == 0;
        m |= bit;
      });
      size_.push_back(n);
      return;
    }
    if (links_.size() < count_ + bigrams.size()) links_.resize(std::max(2 * links_.size(), count_ + bigrams.size()));
    Link* links = links_.data();
    int32_t count = static_cast<int32_t>(count_);
    ids.Each(bigrams, [&](uint32_t, BigramIds::PerId& p) {
      int32_t& head = p.head[list];
      if (head >= 0 && links[head].set == k) return;  // already in this set
      links[count] = {k, head};
      head = count++;
    });
    size_.push_back(static_cast<uint32_t>(count - count_));
    count_ = static_cast<size_t>(count);
  }

  // How many distinct bigrams set k has.
  size_t SizeOf(size_t k) const { return size_[k]; }

  // The sets holding bigram id, one bit each (masks() only).
  uint64_t Mask(const BigramIds& ids, uint32_t id) const { return ids[id].mask[list_]; }

  // f(k) for every set k holding bigram id (in no set order).
  template <typename F>
  void ForEachHolding(const BigramIds& ids, uint32_t id, F&& f) const {
    if (masks_) {
      for (uint64_t m = ids[id].mask[list_]; m; m &= m - 1) f(static_cast<uint32_t>(std::countr_zero(m)));
      return;
    }
    const Link* links = links_.data();
    for (int32_t h = ids[id].head[list_]; h >= 0; h = links[h].next) f(links[h].set);
  }

 private:
  struct Link {
    uint32_t set;
    int32_t next;
  };
  int list_;
  bool masks_;
  std::vector<Link> links_;  // the first count_ in use
  size_t count_ = 0;
  std::vector<uint32_t> size_;
};

// The distinct bigrams of one text at a time, as ids.
class Distinct {
 public:
  // The ids of s's distinct bigrams, valid until the next call.
  std::span<const uint32_t> operator()(std::string_view s, BigramReader& read, BigramIds& ids) {
    if (++gen_ == 0) {
      for (size_t id = 0; id < ids.size(); ++id) ids[static_cast<uint32_t>(id)].seen = 0;
      gen_ = 1;
    }
    const auto bigrams = read(s);
    if (out_.size() < bigrams.size()) out_.resize(std::max(2 * out_.size(), bigrams.size()));
    uint32_t* out = out_.data();
    size_t n = 0;
    const uint32_t gen = gen_;
    ids.Each(bigrams, [&](uint32_t id, BigramIds::PerId& p) {
      if (p.seen != gen) p.seen = gen, out[n++] = id;
    });
    return {out, n};
  }

 private:
  std::vector<uint32_t> out_;
  uint32_t gen_ = 0;
};

struct Scratch {
  BigramReader read;
  BigramIds ids;
  Distinct distinct;
  std::vector<uint32_t> hits;  // per item (section), 0 between uses
};

// The ref (of refs, whose titles are the sets of `titles`) a table label
// names, by title similarity (Dice of the bigram sets); 0 when none is close.
template <typename Ref, typename Id>
int ForLabel(std::string_view label, const std::vector<Ref>& refs, const Holders& titles, Id id, Scratch& x) {
  if (Trim(label).empty()) return 0;
  const auto lb = x.distinct(label, x.read, x.ids);
  for (uint32_t b : lb) titles.ForEachHolding(x.ids, b, [&](uint32_t k) { ++x.hits[k]; });
  int best = 0;
  double best_score = 0.45;
  for (size_t k = 0; k < refs.size(); ++k) {
    const size_t hit = x.hits[k], size = titles.SizeOf(k);
    x.hits[k] = 0;
    // Dice is at most this (every bigram of the smaller set shared): no closer title here.
    const size_t most = std::min(lb.size(), size);
    if (2.0 * static_cast<double>(most) / static_cast<double>(lb.size() + size) <= best_score) continue;
    const double s =
        lb.empty() || size == 0 ? 0 : 2.0 * static_cast<double>(hit) / static_cast<double>(lb.size() + size);
    if (s > best_score) best_score = s, best = id(refs[k]);
  }
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

void LinkRows(Table& table, const std::vector<Section>& sections) {
  // The bigram table and the reading buffer stay from call to call, one per
  // thread (a batch converts documents on several).
  thread_local Scratch x;
  x.ids.Clear();
  // Sections and items: their titles (for labels) and the items' texts (for content).
  size_t n_items = 0;
  for (const auto& s : sections) n_items += s.items.size();
  Holders section_titles(0, sections.size()), item_titles(1, n_items), item_texts(2, n_items);
  for (const auto& s : sections) section_titles.Add(x.read(s.title), x.ids);
  std::vector<ItemRef> items;
  items.reserve(n_items);
  std::string title_text;
  for (const auto& s : sections)
    for (const auto& it : s.items) {
      items.push_back({s.index, it.index});
      item_titles.Add(x.read(it.title), x.ids);
      title_text.assign(it.title).append(it.text);
      item_texts.Add(x.read(title_text), x.ids);
    }
  auto section_of = [&](int item) {
    for (const auto& r : items)
      if (r.item == item) return r.section;
    return 0;
  };

  // A row's shares with every item come from one pass over its own bigrams,
  // through the items holding each; only the items hit are looked at.
  x.hits.assign(std::max(items.size(), sections.size()), 0);
  std::vector<uint32_t> touched;

  std::string section_label, item_label;  // labels fill down: they are merged cells
  int prev_item = 0, prev_section = 0;
  std::string looked_up_item_label, looked_up_section_label;
  int label_item = 0, label_section = 0;  // of the labels last looked up
  int section_label_item = 0;             // the item a section label names, when no section
  for (Row& row : table.rows) {
    if (!row.section_label.empty()) {
      section_label = row.section_label.text;
      item_label.clear();
    }
    if (!row.item_label.empty()) item_label = row.item_label.text;
    // A label fills down over many rows: looked up once per change.
    if (item_label != looked_up_item_label) {
      looked_up_item_label = item_label;
      label_item = ForLabel(item_label, items, item_titles, ItemOf, x);
    }
    if (section_label != looked_up_section_label) {
      looked_up_section_label = section_label;
      label_section = ForLabel(section_label, sections, section_titles, SectionOf, x);
      // A lone group column may name the body's items rather than its
      // sections (序号 | 工作任务 | 具体内容 under 一、/（一）headings).
      section_label_item = label_section ? 0 : ForLabel(section_label, items, item_titles, ItemOf, x);
    }
    const bool item_from_section_label = item_label.empty() && section_label_item;
    const int row_label_item = item_from_section_label ? section_label_item : label_item;
    const std::string& row_label = item_from_section_label ? section_label : item_label;

    const auto content = x.distinct(row.content.text, x.read, x.ids);
    // Each item's score is the share of the row's bigrams found in it (as
    // Share()), plus 0.02 for the row above's item and 0.01 for the label's:
    // ties go to those, then to the first item, as when every item is
    // scored in order (the best score, the lowest k among equals: the same
    // in any order of k). An item not hit scores at most 0.03, short of a link.
    int best = 0;
    size_t best_k = 0;
    double best_score = 0;
    auto score = [&](uint32_t k) {
      const ItemRef& it = items[k];
      double s = static_cast<double>(x.hits[k]) / static_cast<double>(content.size());
      x.hits[k] = 0;  // ready for the next row
      if (it.item == prev_item) s += 0.02;
      if (it.item == row_label_item) s += 0.01;
      if (s > best_score || (s == best_score && k < best_k)) best_score = s, best = it.item, best_k = k;
    };
    if (item_texts.masks()) {
      uint64_t hit = 0;  // the items hit
      uint32_t* hits = x.hits.data();
      for (uint32_t b : content) {
        uint64_t m = item_texts.Mask(x.ids, b);
        hit |= m;
        for (; m; m &= m - 1) ++hits[std::countr_zero(m)];
      }
      for (; hit; hit &= hit - 1) score(static_cast<uint32_t>(std::countr_zero(hit)));
    } else {
      for (uint32_t b : content)
        item_texts.ForEachHolding(x.ids, b, [&](uint32_t k) {
          if (x.hits[k]++ == 0) touched.push_back(k);
        });
      for (uint32_t k : touched) score(k);
      touched.clear();
    }
    if (best_score >= 0.5) {
      row.item = best;
      if (row_label_item && row_label_item != best)
        row.Warn("link.label_disagrees", "table label '" + row_label + "' points to item " + std::to_string(row_label_item) +
                               ", the body text to item " + std::to_string(best) + "; the body wins");
    } else if (row_label_item) {
      row.item = row_label_item;
      row.Warn("link.from_label", "content not found in the body; item taken from the table label");
    } else if (prev_item) {
      row.item = prev_item;
      row.Warn("link.from_above", "content not found in the body; item taken from the row above");
    }
    row.section = row.item ? section_of(row.item) : label_section;
    if (row.item && label_section && label_section != row.section && !row.section_label.empty())
      row.Warn("link.label_disagrees", "table label '" + section_label + "' points to section " +
                             std::to_string(label_section) + ", the body text to section " +
                             std::to_string(row.section) + "; the body wins");
    if (!row.item && !row.section && prev_section) row.section = prev_section;
    if (row.item) prev_item = row.item;
    if (row.section) prev_section = row.section;
  }
}

}  // namespace noticetab
