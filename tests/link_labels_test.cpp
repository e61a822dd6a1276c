// LinkRows reads a section label's bigrams and looks them up once, then
// scores them on the sections' titles and, when they name no section, on
// the items' (src/link.cpp, FindLabel / ForLabel). Checked here against a
// plain reference: each label scored on every title in order (Dice of the
// bigram sets, the best above 0.45, the first among equals), on bodies whose
// titles share many bigrams (from few characters), labels copied, cut or
// changed from section and item titles, filled down over rows whose content
// is nowhere in the body (so the labels and the row above decide), with
// 32-bit masks, 64-bit masks and lists of holders on either list.
#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <utility>
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

// The bigrams of a text of Han characters and ，(not a key character: the
// characters around it make a bigram), as pairs of code points.
std::set<std::pair<char32_t, char32_t>> PlainBigrams(const std::string& s) {
  std::set<std::pair<char32_t, char32_t>> out;
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = noticetab::NextChar(s, i);
    if (c == U'，') continue;
    if (prev) out.insert({prev, c});
    prev = c;
  }
  return out;
}

// The 1-based position of the title a label names (every title scored in
// order), 0 for none.
size_t PlainLabel(const std::string& label, const std::vector<std::string>& titles) {
  if (label.empty()) return 0;
  const auto a = PlainBigrams(label);
  size_t best = 0;
  double best_score = 0.45;
  for (size_t k = 0; k < titles.size(); ++k) {
    const auto b = PlainBigrams(titles[k]);
    size_t hit = 0;
    for (const auto& x : a) hit += b.count(x);
    const double s = a.empty() || b.empty() ? 0 : 2.0 * static_cast<double>(hit) / static_cast<double>(a.size() + b.size());
    if (s > best_score) best_score = s, best = k + 1;
  }
  return best;
}

}  // namespace

TEST_CASE("LinkRows takes a table label's section or item as every title scored in order", "[link]") {
  std::mt19937 rng(2027);
  // 8 Han characters for the titles and labels (many shared bigrams); the
  // rows' content from 8 others, in no title or text.
  auto han = [](char32_t c) {
    std::string s;
    noticetab::AppendUtf8(s, c);
    return s;
  };
  std::vector<std::string> chars, other;
  for (char32_t c = 0x653F; c < 0x653F + 8; ++c) chars.push_back(han(c));
  for (char32_t c = 0x7530; c < 0x7530 + 8; ++c) other.push_back(han(c));
  auto text = [&](const std::vector<std::string>& from, size_t len) {
    std::string s;
    for (size_t k = 0; k < len; ++k) s += rng() % 10 ? from[rng() % from.size()] : "，";
    return s;
  };
  auto mutate = [&](const std::string& s) {  // a character changed, dropped or added, or a piece cut
    std::vector<std::string> cs;
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      noticetab::NextChar(s, i);
      cs.push_back(s.substr(start, i - start));
    }
    if (cs.empty()) return s;
    const size_t at = rng() % cs.size();
    switch (rng() % 4) {
      case 0: cs[at] = chars[rng() % chars.size()]; break;
      case 1: cs.erase(cs.begin() + static_cast<long>(at)); break;
      case 2: cs.insert(cs.begin() + static_cast<long>(at), chars[rng() % chars.size()]); break;
      default: cs.erase(cs.begin(), cs.begin() + static_cast<long>(at)); break;
    }
    std::string out;
    for (const auto& c : cs) out += c;
    return out;
  };
  int rows = 0, from_section_label = 0, differ = 0;
  for (int round = 0; round < 1500; ++round) {
    // Items: 2-20 (32-bit masks), 40 (64-bit) or 70 (lists); sections 1 to
    // as many as the items (70: lists on the sections' list too).
    const int n_items = round % 30 == 7 ? 40 : round % 30 == 19 ? 70 : 2 + static_cast<int>(rng() % 19);
    const int per_section = round % 60 == 19 ? 1 : 1 + static_cast<int>(rng() % 6);
    std::vector<Section> body;
    std::vector<std::string> section_titles, item_titles;
    std::vector<int> section_of;  // by item index
    for (int k = 1; k <= n_items; ++k) {
      if ((k - 1) % per_section == 0) {
        const int s = static_cast<int>(body.size()) + 1;
        // Often a near copy of an item title (given below) or of another section's.
        std::string t = !item_titles.empty() && rng() % 3 == 0 ? mutate(item_titles[rng() % item_titles.size()])
                        : !section_titles.empty() && rng() % 3 == 0 ? mutate(section_titles.back())
                                                                    : text(chars, 2 + rng() % 6);
        section_titles.push_back(t);
        body.push_back(Section{s, std::to_string(s), t, s, {}});
      }
      std::string t = !item_titles.empty() && rng() % 3 == 0 ? mutate(item_titles[rng() % item_titles.size()])
                                                             : text(chars, 2 + rng() % 6);
      item_titles.push_back(t);
      section_of.push_back(body.back().index);
      body.back().items.push_back(Item{k, std::to_string(k), t, text(chars, 10 + rng() % 40), k});
    }
    auto label = [&]() -> std::string {
      switch (rng() % 5) {
        case 0: return section_titles[rng() % section_titles.size()];
        case 1: return item_titles[rng() % item_titles.size()];
        case 2: return mutate(section_titles[rng() % section_titles.size()]);
        case 3: return mutate(item_titles[rng() % item_titles.size()]);
        default: return text(chars, 1 + rng() % 6);
      }
    };
    Table table;
    const int n_rows = 1 + static_cast<int>(rng() % 10);
    for (int r = 0; r < n_rows; ++r) {
      Row row;
      row.content.Append(text(other, 1 + rng() % 20), 1);
      if (rng() % 2) row.section_label.Append(label(), 1);
      if (rng() % 3 == 0) row.item_label.Append(label(), 1);
      table.rows.push_back(row);
    }
    // The plain walk: labels fill down (a section label clears the item
    // label), the content links nowhere.
    std::vector<int> want_items, want_sections;
    {
      std::string section_label, item_label, prev_under;
      int prev_item = 0, prev_section = 0;
      for (const Row& row : table.rows) {
        if (!row.section_label.empty()) section_label = row.section_label.text, item_label.clear();
        if (!row.item_label.empty()) item_label = row.item_label.text;
        const int label_item = static_cast<int>(PlainLabel(item_label, item_titles));
        const int label_section = static_cast<int>(PlainLabel(section_label, section_titles));
        const int section_label_item = label_section ? 0 : static_cast<int>(PlainLabel(section_label, item_titles));
        // An item label naming nothing under a section label naming an item: the latter's (2 over 2.1).
        const bool from_section = (item_label.empty() || !label_item) && section_label_item;
        const int row_label_item = from_section ? section_label_item : label_item;
        from_section_label += from_section;
        // A new label of the row's own naming nothing: not the row above's item.
        const std::string own = !row.item_label.empty()                              ? row.item_label.text
                                : item_label.empty() && !row.section_label.empty() ? row.section_label.text
                                                                                   : std::string();
        const std::string under = !item_label.empty() ? item_label : section_label;
        const bool new_unknown = !own.empty() && under != prev_under && !row_label_item && !(item_label.empty() && label_section);
        prev_under = under;
        const int item = row_label_item ? row_label_item : new_unknown ? 0 : prev_item;
        int section = item ? section_of[static_cast<size_t>(item - 1)] : label_section;
        if (!item && !section) section = prev_section;
        want_items.push_back(item), want_sections.push_back(section);
        if (item) prev_item = item;
        if (section) prev_section = section;
      }
    }
    noticetab::LinkRows(table, body);
    for (size_t r = 0; r < table.rows.size(); ++r) {
      INFO("round " << round << " row " << r << " section label " << table.rows[r].section_label.text << " item label "
                    << table.rows[r].item_label.text);
      CHECK(table.rows[r].item == want_items[r]);
      CHECK(table.rows[r].section == want_sections[r]);
      differ += table.rows[r].item != want_items[r] || table.rows[r].section != want_sections[r];
      ++rows;
    }
  }
  CHECK(differ == 0);
  CHECK(from_section_label > rows / 20);  // section labels often name items
}
