// LinkRows reads every text's bigrams once, as ids into one table, and scores
// only the items a row's bigrams hit (src/link.cpp). Checked here against the
// plain definition it replaced: sorted bigram sets of the NFKC text, every
// item scored in order (ties to the first), Dice over every title. Random
// bodies and tables from a few characters, so that shares tie often, labels
// name titles, rows repeat item text, and some text needs NFKC (《, ①, 〇).
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/link.h"
#include "noticetab/read.h"
#include "noticetab/text.h"

using noticetab::Item;
using noticetab::Row;
using noticetab::Section;
using noticetab::Table;

namespace {

std::vector<uint64_t> RefBigrams(std::string_view s) {
  const std::string n = noticetab::Nfkc(s);
  std::vector<uint64_t> out;
  char32_t prev = 0;
  for (size_t i = 0; i < n.size();) {
    const char32_t c = noticetab::NextChar(n, i);
    if (!noticetab::IsKeyChar(c)) continue;
    if (prev) out.push_back((static_cast<uint64_t>(prev) << 32) | c);
    prev = c;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t Shared(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t hit = 0;
  for (uint64_t x : a) hit += std::binary_search(b.begin(), b.end(), x);
  return hit;
}

double RefDice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  return 2.0 * static_cast<double>(Shared(a, b)) / static_cast<double>(a.size() + b.size());
}

struct RefItem {
  int section, item;
  std::vector<uint64_t> text, title;
};

template <typename Ref>
int RefForLabel(std::string_view label, const std::vector<Ref>& refs, int Ref::*id) {
  if (noticetab::Trim(label).empty()) return 0;
  const auto lb = RefBigrams(label);
  int best = 0;
  double best_score = 0.45;
  for (const Ref& r : refs) {
    const size_t most = std::min(lb.size(), r.title.size());
    if (2.0 * static_cast<double>(most) / static_cast<double>(lb.size() + r.title.size()) <= best_score) continue;
    const double s = RefDice(lb, r.title);
    if (s > best_score) best_score = s, best = r.*id;
  }
  return best;
}

struct RefSection {
  int section;
  std::vector<uint64_t> title;
};

// LinkRows as it was written before the bigram ids (commit 32f5194).
void RefLinkRows(Table& table, const std::vector<Section>& sections) {
  std::vector<RefItem> items;
  std::vector<RefSection> section_refs;
  for (const auto& s : sections) section_refs.push_back({s.index, RefBigrams(s.title)});
  for (const auto& s : sections)
    for (const auto& it : s.items) items.push_back({s.index, it.index, RefBigrams(it.title + it.text), RefBigrams(it.title)});
  auto section_of = [&](int item) {
    for (const auto& r : items)
      if (r.item == item) return r.section;
    return 0;
  };
  std::string section_label, item_label, looked_up_item_label, looked_up_section_label;
  int prev_item = 0, prev_section = 0, label_item = 0, label_section = 0, section_label_item = 0;
  std::string prev_row_label;
  for (Row& row : table.rows) {
    if (!row.section_label.empty()) section_label = row.section_label.text, item_label.clear();
    if (!row.item_label.empty()) item_label = row.item_label.text;
    if (item_label != looked_up_item_label)
      looked_up_item_label = item_label, label_item = RefForLabel(item_label, items, &RefItem::item);
    if (section_label != looked_up_section_label) {
      looked_up_section_label = section_label;
      label_section = RefForLabel(section_label, section_refs, &RefSection::section);
      section_label_item = label_section ? 0 : RefForLabel(section_label, items, &RefItem::item);
    }
    // (and a group row's over sub-rows whose own labels name nothing: 2 over 2.1, 2.2)
    const bool item_from_section_label = (item_label.empty() || !label_item) && section_label_item;
    const int row_label_item = item_from_section_label ? section_label_item : label_item;
    const std::string& row_label = item_from_section_label ? section_label : item_label;
    // A new label of the row's own that names nothing (kept as the row's item, not the row above's).
    const std::string own_label = !row.item_label.empty()                              ? row.item_label.text
                                  : item_label.empty() && !row.section_label.empty() ? row.section_label.text
                                                                                     : std::string();
    const std::string under = !item_label.empty() ? item_label : section_label;
    const bool new_unknown_label =
        !own_label.empty() && under != prev_row_label && !row_label_item && !(item_label.empty() && label_section);
    prev_row_label = under;
    const auto content = RefBigrams(row.content.text);
    int best = 0;
    double best_score = 0;
    for (const RefItem& it : items) {
      double s = content.empty() ? 0
                                 : static_cast<double>(Shared(content, it.text)) / static_cast<double>(content.size());
      if (it.item == prev_item) s += 0.02;
      if (it.item == row_label_item) s += 0.01;
      if (s > best_score) best_score = s, best = it.item;
    }
    if (best_score >= 0.5) {
      row.item = best;
      if (row_label_item && row_label_item != best)
        row.Warn("link.label_disagrees", "table label '" + row_label + "' points to item " +
                                             std::to_string(row_label_item) + ", the body text to item " +
                                             std::to_string(best) + "; the body wins");
    } else if (row_label_item) {
      row.item = row_label_item;
      row.Warn("link.from_label", "content not found in the body; item taken from the table label");
    } else if (prev_item && !new_unknown_label) {
      row.item = prev_item;
      row.Warn("link.from_above", "content not found in the body; item taken from the row above");
    } else if (prev_item) {
      if (row.item_label.empty()) row.item_label.text = own_label;
      row.Warn("link.unmatched_label",
               "table label '" + own_label + "' and content not found in the body; the label kept as the item");
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

}  // namespace

TEST_CASE("LinkRows gives the links, ties and warnings of scoring every item in order", "[link]") {
  // Few characters, so that texts share bigrams and shares tie.
  const std::vector<std::string> chars = {"政", "务", "公", "开", "工", "作", "年", "度", "a", "1",
                                          "，", "。", " ", "《", "》", "①", "〇", "２", "\xE4\xB7\x80",
                                          // read in place as NFKC-inert (—, 〔, 〈), or not: a combining
                                          // macron after a or 〔, a compatibility ideograph
                                          "\u2014", "\u3014", "\u3008", "\u0304", "\uF900",
                                          // 4 bytes, differing only in the last (link.cpp, Key)
                                          "\U00020000", "\U00020001"};
  std::mt19937 rng(15);
  auto text = [&](int most) {
    std::string s;
    const int len = static_cast<int>(rng() % (most + 1));
    for (int k = 0; k < len; ++k) s += chars[rng() % 6 == 0 ? rng() % chars.size() : rng() % 8];
    return s;
  };
  auto piece = [&](const std::string& s) {  // a run of whole characters of s
    std::vector<size_t> starts;
    for (size_t i = 0; i < s.size();) starts.push_back(i), noticetab::NextChar(s, i);
    starts.push_back(s.size());
    const size_t a = rng() % starts.size(), b = rng() % starts.size();
    return s.substr(starts[std::min(a, b)], starts[std::max(a, b)] - starts[std::min(a, b)]);
  };
  int differ = 0, linked = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<Section> body;
    int next_item = 1;
    const int n_sections = static_cast<int>(rng() % 4);
    // Sometimes many items: up to 64 items are held as bit masks, more as
    // lists (link.cpp, Holders): 32 per section makes 64 or 96, 65 makes 65 or more.
    const int per_section = round % 100 == 0    ? 40
                            : round % 100 == 50 ? 32
                            : round % 100 == 25 ? 65
                                                : static_cast<int>(rng() % 5);
    for (int s = 1; s <= n_sections; ++s) {
      Section sec{s, std::to_string(s), text(5), s, {}};
      for (int k = 0; k < per_section; ++k) {
        Item it{next_item, std::to_string(next_item), text(4), "", next_item};
        it.text = rng() % 5 == 0 && next_item > 1 ? sec.items.empty() ? text(12) : sec.items.back().text : text(12);
        ++next_item;
        sec.items.push_back(it);
      }
      body.push_back(sec);
    }
    auto any_item = [&]() -> const Item* {
      if (next_item == 1) return nullptr;
      int want = 1 + static_cast<int>(rng() % (next_item - 1));
      for (const auto& s : body)
        for (const auto& it : s.items)
          if (it.index == want) return &it;
      return nullptr;
    };
    Table a;
    const int n_rows = static_cast<int>(rng() % 8);
    for (int r = 0; r < n_rows; ++r) {
      Row row;
      const Item* it = any_item();
      row.content.Append(it && rng() % 2 ? piece(it->title + it->text) + (rng() % 3 ? "" : text(3)) : text(10), 1);
      switch (rng() % 5) {
        case 0: if (it) row.item_label.Append(rng() % 2 ? it->title : piece(it->title), 1); break;
        case 1: row.item_label.Append(text(4), 1); break;
        case 2: if (!body.empty()) row.section_label.Append(body[rng() % body.size()].title, 1); break;
        case 3: if (it) row.section_label.Append(it->title, 1); break;
        default: break;
      }
      a.rows.push_back(row);
    }
    Table b = a;
    noticetab::LinkRows(a, body);
    RefLinkRows(b, body);
    for (size_t r = 0; r < a.rows.size(); ++r) {
      INFO("round " << round << " row " << r << " content " << a.rows[r].content.text);
      CHECK(a.rows[r].item == b.rows[r].item);
      CHECK(a.rows[r].section == b.rows[r].section);
      CHECK(a.rows[r].warnings == b.rows[r].warnings);
      differ += a.rows[r].item != b.rows[r].item || a.rows[r].warnings != b.rows[r].warnings;
      linked += a.rows[r].item != 0 && a.rows[r].warnings.empty();
    }
  }
  CHECK(differ == 0);
  CHECK(linked > 1000);  // the content links often enough to test the scores
}

TEST_CASE("LinkRows counts a title's repeated bigrams once, with masks and with lists", "[link]") {
  // 政务政务政务政务 has two distinct bigrams (政务, 务政), not seven: the label
  // 政务 is then close enough (Dice 2/3) to name the item.
  for (const int n_items : {3, 70}) {  // 64 items or fewer are bit masks (link.cpp, Holders), more are lists
    INFO("items " << n_items);
    std::vector<Section> body;
    Section sec{1, "1", "工作年度", 1, {}};
    for (int k = 1; k <= n_items; ++k) {
      const std::string title = k == 2 ? "政务政务政务政务" : "开" + std::to_string(k) + "工作";
      sec.items.push_back(Item{k, std::to_string(k), title, "", k + 1});
    }
    body.push_back(sec);
    Table a;
    Row row;
    row.content.Append("无关文字", 1);
    row.item_label.Append("政务", 1);
    a.rows.push_back(row);
    Table b = a;
    noticetab::LinkRows(a, body);
    RefLinkRows(b, body);
    CHECK(a.rows[0].item == 2);
    CHECK(a.rows[0].item == b.rows[0].item);
    CHECK(a.rows[0].warnings == b.rows[0].warnings);
  }
}

TEST_CASE("LinkRows agrees with the plain definition when the index grows", "[link]") {
  // Texts of many distinct characters have as many distinct bigrams as
  // bigrams: the index (sized for a notice's repeats) must grow, with masks
  // (few items) and with lists (more than 64), and keep every holder.
  std::mt19937 rng(7);
  auto han = [&](int len) {
    std::string s;
    for (int k = 0; k < len; ++k) noticetab::AppendUtf8(s, static_cast<char32_t>(0x4E00 + rng() % 3000));
    return s;
  };
  for (const int n_items : {5, 40, 80}) {
    INFO("items " << n_items);
    std::vector<Section> body;
    Section sec{1, "1", han(6), 1, {}};
    for (int k = 1; k <= n_items; ++k) sec.items.push_back(Item{k, std::to_string(k), han(5), han(200), k + 1});
    body.push_back(sec);
    Table a;
    for (int k = 0; k < 3 * n_items; ++k) {
      Row row;
      const Item& it = body[0].items[rng() % body[0].items.size()];
      const size_t from = 3 * (rng() % 150);
      row.content.Append(rng() % 4 ? it.text.substr(from, 3 * 40) : han(30), 1);
      if (rng() % 3 == 0) row.item_label.Append(rng() % 2 ? it.title : han(5), 1);
      a.rows.push_back(row);
    }
    Table b = a;
    noticetab::LinkRows(a, body);
    RefLinkRows(b, body);
    int linked = 0;
    for (size_t r = 0; r < a.rows.size(); ++r) {
      INFO("row " << r);
      CHECK(a.rows[r].item == b.rows[r].item);
      CHECK(a.rows[r].section == b.rows[r].section);
      CHECK(a.rows[r].warnings == b.rows[r].warnings);
      linked += a.rows[r].item != 0;
    }
    CHECK(linked > n_items);  // most rows copy an item's text
  }
}

TEST_CASE("Bigrams of characters of 4 bytes differing only in the last are different", "[link]") {
  // U+20000 and U+20001 are F0 A0 80 80 and F0 A0 80 81 (link.cpp, Key).
  CHECK(noticetab::Containment("\U00020000\U00020000", "\U00020001\U00020000") == Approx(0.0));
  CHECK(noticetab::Containment("\U00020000\U00020001", "\U00020001\U00020000") == Approx(0.0));
  CHECK(noticetab::Containment("\U00020000\U00020001", "甲\U00020000\U00020001乙") == Approx(1.0));
  CHECK(noticetab::Containment("甲\U00020001", "\U00020001甲") == Approx(0.0));
}

TEST_CASE("Long mixed texts give the bigrams and links of the plain definition", "[link]") {
  // Long runs of Han characters (read 64 bytes at a time, link.cpp
  // BigramsInPlace) broken by punctuation, ASCII, full-width forms, a Yijing
  // hexagram, and characters NFKC must see with their neighbours (①, a
  // combining macron, 2 and 4 bytes): texts of up to 900 bytes, cut anywhere.
  const std::vector<std::string> han = {"政", "务", "公", "开", "中", "一", "与", "鿏", "䀀", "工"};
  const std::vector<std::string> other = {"，", "。", "、", "“", "”", "（", "）", "a", "Z", "1", "２", "Ａ", " ",
                                          "《", "》", "\xE4\xB7\x80", "\u2014", "\u3000", "\u3005", "①", "\u0304",
                                          "\u00B7", "\U00020000", "\uF900"};
  std::mt19937 rng(64);
  // Read by the code the processor has (AVX2 here, most often), then by the
  // portable code.
  for (const bool portable : {false, true}) {
    noticetab::detail::LinkPortableOnly(portable);
    INFO("portable " << portable);
    auto text = [&](int most, bool plain) {
      std::string s;
      const int len = static_cast<int>(rng() % (most + 1));
      for (int k = 0; k < len; ++k) {
        if (rng() % 10) {
          s += han[rng() % han.size()];
        } else {
          const size_t pick = rng() % other.size();
          if (plain && pick >= 19) continue;  // only what is read in place
          s += other[pick];
        }
      }
      return s;
    };
    int shared = 0;
    for (int round = 0; round < 400; ++round) {
      const bool plain = round % 4 != 0;
      const std::string a = text(300, plain);
      std::string b = text(100, plain) + (rng() % 2 ? a.substr(0, a.size() / 3 * 3) : text(300, plain)) + text(50, plain);
      const auto ra = RefBigrams(a), rb = RefBigrams(b);
      const double want = ra.empty() ? 0 : static_cast<double>(Shared(ra, rb)) / static_cast<double>(ra.size());
      INFO("round " << round << " a " << a << " b " << b);
      CHECK(noticetab::Containment(a, b) == want);
      shared += want > 0.5;
    }
    CHECK(shared > 100);
    for (int round = 0; round < 60; ++round) {
      std::vector<Section> body;
      int next = 1;
      for (int s = 1; s <= 3; ++s) {
        Section sec{s, std::to_string(s), text(8, true), s, {}};
        for (int k = 0; k < 6; ++k, ++next) sec.items.push_back(Item{next, std::to_string(next), text(6, round % 3), text(300, round % 2), next});
        body.push_back(sec);
      }
      Table a;
      for (int r = 0; r < 12; ++r) {
        Row row;
        const Item& it = body[rng() % 3].items[rng() % 6];
        const size_t from = rng() % (it.text.size() + 1);
        row.content.Append(rng() % 4 ? it.text.substr(from, rng() % 400) : text(100, true), 1);  // may cut a character
        if (rng() % 3 == 0) row.item_label.Append(it.title, 1);
        a.rows.push_back(row);
      }
      Table b = a;
      noticetab::LinkRows(a, body);
      RefLinkRows(b, body);
      for (size_t r = 0; r < a.rows.size(); ++r) {
        INFO("round " << round << " row " << r);
        CHECK(a.rows[r].item == b.rows[r].item);
        CHECK(a.rows[r].section == b.rows[r].section);
        CHECK(a.rows[r].warnings == b.rows[r].warnings);
      }
    }
  }
  noticetab::detail::LinkPortableOnly(false);
}
