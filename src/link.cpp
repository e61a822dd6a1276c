#include "noticetab/link.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <span>

#include "noticetab/text.h"
#include "utf8_scan.h"

namespace noticetab {
namespace {

// Character bigrams of the meaningful characters (IsKeyChar): punctuation,
// spaces and bracket styles differ between the body and the annex, words do
// not. Every bigram of s, in text order, repeats included.

void AddBigrams(std::string_view n, std::vector<uint64_t>& out) {
  char32_t prev = 0;
  bool have_prev = false;
  size_t i = 0;
  while (i < n.size()) {
    const char32_t c = NextChar(n, i);
    if (!IsKeyChar(c)) continue;
    if (have_prev) out.push_back((static_cast<uint64_t>(prev) << 32) | c);
    prev = c, have_prev = true;
  }
}

std::vector<uint64_t> AllBigrams(std::string_view s) {
  std::vector<uint64_t> out;
  out.reserve(s.size() / 3 + 1);
  // The characters of Nfkc(s) read straight from s when NFKC takes each
  // character on its own, that is for the text NfkcWithoutIcu handles (ASCII,
  // U+4000-U+9FFF, 、。‘’“” as they are, full-width forms to ASCII, U+3000 to
  // a space): no copy. Anything else goes through Nfkc.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  char32_t prev = 0;
  bool have_prev = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = p[i];
    if (c < 0x80) {
      ++i;
    } else {
      if (!utf8::ThreeByteAt(p, i, s.size())) {
        out.clear();
        AddBigrams(Nfkc(s), out);
        return out;
      }
      // The same tests as NfkcWithoutIcu, in the same order.
      const bool cjk = c >= 0xE4 && c <= 0xE9;  // U+4000-U+9FFF
      c = utf8::ThreeByteValue(p, i);
      i += 3;
      if (cjk) {
        // as it is
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        c -= 0xFEE0;
      } else if (c != 0x3001 && c != 0x3002 && c != 0x2018 && c != 0x2019 &&
                 c != 0x201C && c != 0x201D && c != 0x3000) {
        out.clear();
        AddBigrams(Nfkc(s), out);
        return out;
      }
    }
    if (!IsKeyChar(c)) continue;
    if (have_prev) out.push_back((static_cast<uint64_t>(prev) << 32) | c);
    prev = c, have_prev = true;
  }
  return out;
}

// The set of bigrams, sorted (for binary search).
std::vector<uint64_t> Bigrams(std::string_view s) {
  std::vector<uint64_t> out = AllBigrams(s);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The set of bigrams in first-seen order, for counting only: one pass over a
// reused stamped hash table instead of a sort per string.
class UnsortedBigrams {
 public:
  std::vector<uint64_t> operator()(std::string_view s) {
    std::vector<uint64_t> all = AllBigrams(s);
    size_t cap = keys_.size();
    if (cap < 2 * all.size()) {
      cap = 64;
      while (cap < 2 * all.size()) cap *= 2;
      keys_.assign(cap, 0);
      stamp_.assign(cap, 0);
      gen_ = 0;
    }
    if (++gen_ == 0) std::fill(stamp_.begin(), stamp_.end(), 0), gen_ = 1;
    const size_t mask = cap - 1;
    size_t n = 0;
    for (uint64_t b : all) {
      size_t i = static_cast<size_t>((b * 0x9E3779B97F4A7C15ULL) >> 29) & mask;
      for (; stamp_[i] == gen_; i = (i + 1) & mask)
        if (keys_[i] == b) goto seen;
      stamp_[i] = gen_, keys_[i] = b;
      all[n++] = b;
    seen:;
    }
    all.resize(n);
    return all;
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> stamp_;
  uint32_t gen_ = 0;
};

double Share(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty()) return 0;
  size_t hit = 0;
  for (uint64_t x : a) hit += std::binary_search(b.begin(), b.end(), x);
  return static_cast<double>(hit) / static_cast<double>(a.size());
}

// Of two sets (sorted, each bigram once): walked together, or the smaller one
// looked up in a much larger one.
double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  size_t hit = 0;
  if (large.size() > 8 * small.size()) {
    for (uint64_t x : small) hit += std::binary_search(large.begin(), large.end(), x);
  } else {  // sizes alike: one merge walk
    for (size_t i = 0, j = 0; i < small.size() && j < large.size();) {
      const uint64_t x = small[i], y = large[j];
      hit += x == y;
      i += x <= y;
      j += y <= x;
    }
  }
  return 2.0 * static_cast<double>(hit) / static_cast<double>(a.size() + b.size());
}

struct ItemRef {
  int section;  // Section::index
  int item;     // Item::index
  std::vector<uint64_t> text;   // each bigram once, unsorted
  std::vector<uint64_t> title;  // sorted
};

struct SectionRef {
  int section;  // Section::index
  std::vector<uint64_t> title;
};

// Which items hold each bigram, in one open-addressing table over flat arrays
// (a map of vectors cost two allocations per distinct bigram).
class Holders {
 public:
  explicit Holders(const std::vector<ItemRef>& items) {
    size_t total = 0;
    for (const auto& it : items) total += it.text.size();
    size_t cap = 16;
    while (cap < 2 * total) cap *= 2;
    mask_ = cap - 1;
    keys_.assign(cap, kEmpty);
    slot_begin_.assign(cap + 1, 0);
    // Pass 1: distinct keys and how many items hold each (counted in slot_begin_).
    for (const auto& it : items)
      for (uint64_t b : it.text) ++slot_begin_[Slot(b, true)];
    // Prefix sums: slot s's items are item_[slot_begin_[s], slot_begin_[s + 1]).
    uint32_t sum = 0;
    for (size_t s = 0; s <= cap; ++s) {
      const uint32_t n = slot_begin_[s];
      slot_begin_[s] = sum;
      sum += n;
    }
    item_.resize(sum);
    std::vector<uint32_t> fill(slot_begin_.begin(), slot_begin_.end() - 1);
    for (uint32_t k = 0; k < items.size(); ++k)
      for (uint64_t b : items[k].text) item_[fill[Slot(b, false)]++] = k;
  }

  // The items holding bigram b, in item order.
  std::span<const uint32_t> Of(uint64_t b) const {
    for (size_t s = Hash(b);; s = (s + 1) & mask_) {
      if (keys_[s] == b) return {item_.data() + slot_begin_[s], item_.data() + slot_begin_[s + 1]};
      if (keys_[s] == kEmpty) return {};
    }
  }

 private:
  // No bigram packs two U+FFFFFFFF code points.
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  size_t Hash(uint64_t b) const { return static_cast<size_t>((b * 0x9E3779B97F4A7C15ULL) >> 29) & mask_; }
  size_t Slot(uint64_t b, bool insert) {
    size_t s = Hash(b);
    while (keys_[s] != b && keys_[s] != kEmpty) s = (s + 1) & mask_;
    if (keys_[s] == kEmpty && insert) keys_[s] = b;
    return s;
  }
  size_t mask_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> slot_begin_, item_;
};

// The item or section (`id` of the ref) whose title a table label names, by
// title similarity; 0 when none is close.
template <typename Ref, typename Id>
int ForLabel(std::string_view label, const std::vector<Ref>& refs, Id id) {
  if (Trim(label).empty()) return 0;
  auto lb = Bigrams(label);
  int best = 0;
  double best_score = 0.45;
  for (const Ref& r : refs) {
    // Dice is at most this (every bigram of the smaller set shared): no closer title here.
    const size_t most = std::min(lb.size(), r.title.size());
    if (2.0 * static_cast<double>(most) / static_cast<double>(lb.size() + r.title.size()) <= best_score) continue;
    double s = Dice(lb, r.title);
    if (s > best_score) best_score = s, best = id(r);
  }
  return best;
}

int ItemOf(const ItemRef& r) { return r.item; }
int SectionOf(const SectionRef& r) { return r.section; }

}  // namespace

double Containment(std::string_view a, std::string_view b) { return Share(Bigrams(a), Bigrams(b)); }

void LinkRows(Table& table, const std::vector<Section>& sections) {
  std::vector<ItemRef> items;
  std::vector<SectionRef> section_refs;
  for (const auto& s : sections) section_refs.push_back({s.index, Bigrams(s.title)});
  UnsortedBigrams unsorted_bigrams;  // item texts and rows are counted, not searched
  for (const auto& s : sections)
    for (const auto& it : s.items)
      items.push_back({s.index, it.index, unsorted_bigrams(it.title + it.text), Bigrams(it.title)});
  auto section_of = [&](int item) {
    for (const auto& r : items)
      if (r.item == item) return r.section;
    return 0;
  };

  // Which items hold each bigram: a row's shares with every item come from
  // one pass over its own bigrams (Share() against each item would cost rows
  // x items x log).
  const Holders holders(items);
  std::vector<uint32_t> hits(items.size(), 0);

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
      label_item = ForLabel(item_label, items, ItemOf);
    }
    if (section_label != looked_up_section_label) {
      looked_up_section_label = section_label;
      label_section = ForLabel(section_label, section_refs, SectionOf);
      // A lone group column may name the body's items rather than its
      // sections (序号 | 工作任务 | 具体内容 under 一、/（一）headings).
      section_label_item = label_section ? 0 : ForLabel(section_label, items, ItemOf);
    }
    const bool item_from_section_label = item_label.empty() && section_label_item;
    const int row_label_item = item_from_section_label ? section_label_item : label_item;
    const std::string& row_label = item_from_section_label ? section_label : item_label;

    const auto content = unsorted_bigrams(row.content.text);
    for (uint64_t b : content)
      for (uint32_t k : holders.Of(b)) ++hits[k];
    int best = 0;
    double best_score = 0;
    for (size_t k = 0; k < items.size(); ++k) {
      const ItemRef& it = items[k];
      // The share of the row's bigrams found in the item (as Share()).
      double s = content.empty() ? 0 : static_cast<double>(hits[k]) / static_cast<double>(content.size());
      hits[k] = 0;  // ready for the next row
      // Ties go to the row above's item, then to the label's: rows follow the body.
      if (it.item == prev_item) s += 0.02;
      if (it.item == row_label_item) s += 0.01;
      if (s > best_score) best_score = s, best = it.item;
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
