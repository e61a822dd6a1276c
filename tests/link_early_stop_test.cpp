// LinkRows may stop counting a row's bigrams once one item is sure to have
// it (src/link.cpp, TextTable::Count). Checked here against counting every
// row to its end (detail::LinkExhaustive), on bodies whose items overlap a
// lot (near copies of each other, from few characters), rows copied from
// them, cut and mixed, and labels and the row above giving the bonuses that
// decide near ties: with 32-bit masks (AVX2 and portable), 64-bit masks and
// lists.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/link.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "test_util.h"

using noticetab::Item;
using noticetab::Row;
using noticetab::Section;
using noticetab::Table;
using noticetab::testing::LinkWith;
using noticetab::testing::Links;

TEST_CASE("LinkRows links a row counted part way as when counted to its end", "[link]") {
  std::mt19937 rng(2026);
  // 24 Han characters (many shared bigrams) and a little punctuation.
  noticetab::testing::HanTexts text(rng, 0x653F, 24, 12);
  // A copy of s with some characters changed, dropped or added.
  auto mutate = [&](const std::string& s, unsigned per_100) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      noticetab::NextChar(s, i);
      const unsigned roll = rng() % 100;
      if (roll < per_100 / 3) continue;                                     // dropped
      if (roll < 2 * per_100 / 3) out += text.Char();                      // added
      out += roll < per_100 ? text.Char() : s.substr(start, i - start);  // changed or kept
    }
    return out;
  };
  auto piece = [&](const std::string& s) {  // whole characters of s, from about a third to all
    std::vector<size_t> starts;
    for (size_t i = 0; i < s.size();) starts.push_back(i), noticetab::NextChar(s, i);
    starts.push_back(s.size());
    const size_t n = starts.size() - 1;
    const size_t len = n / 3 + rng() % (n - n / 3 + 1);
    const size_t from = rng() % (n - len + 1);
    return s.substr(starts[from], starts[from + len] - starts[from]);
  };
  int rows = 0, linked = 0, differ = 0;
  for (const bool portable : {false, true}) {
    noticetab::detail::LinkPortableOnly(portable);
    for (int round = 0; round < 1200; ++round) {
      // 2-20 items (32-bit masks), 40 (64-bit masks) or 70 (lists).
      const int n_items = round % 40 == 7 ? 40 : round % 40 == 23 ? 70 : 2 + static_cast<int>(rng() % 19);
      std::vector<Section> body;
      std::vector<std::string> texts;
      const int per_section = 1 + static_cast<int>(rng() % 6);
      for (int k = 1; k <= n_items; ++k) {
        if ((k - 1) % per_section == 0) {
          const int s = static_cast<int>(body.size()) + 1;
          body.push_back(Section{s, std::to_string(s), text(6), s, {}});
        }
        // Often a near copy of an earlier item: rows then hit both almost equally.
        std::string t = !texts.empty() && rng() % 2 ? mutate(texts[rng() % texts.size()], rng() % 12) : text(20 + rng() % 200);
        texts.push_back(t);
        body.back().items.push_back(Item{k, std::to_string(k), text(5), t, k});
      }
      Table table;
      const int n_rows = 1 + static_cast<int>(rng() % 12);
      for (int r = 0; r < n_rows; ++r) {
        const size_t k = rng() % texts.size();
        Row row;
        switch (rng() % 6) {
          case 0: row.content.Append(piece(texts[k]), 1); break;
          case 1: row.content.Append(piece(texts[k]) + piece(texts[rng() % texts.size()]), 1); break;
          case 2: row.content.Append(mutate(piece(texts[k]), rng() % 40), 1); break;
          case 3: row.content.Append(text(rng() % 120), 1); break;
          default: row.content.Append(texts[k], 1); break;
        }
        // Labels naming an item (a bonus), often another than the content's.
        if (rng() % 3 == 0) {
          const auto& s = body[rng() % body.size()];
          row.item_label.Append(s.items[rng() % s.items.size()].title, 1);
        }
        if (rng() % 8 == 0) row.section_label.Append(body[rng() % body.size()].title, 1);
        table.rows.push_back(row);
      }
      const Links fast = LinkWith(table, body, false, false), full = LinkWith(table, body, false, true);
      for (size_t r = 0; r < table.rows.size(); ++r) {
        INFO("portable " << portable << " round " << round << " row " << r << " content " << table.rows[r].content.text);
        CHECK(fast.items[r] == full.items[r]);
        CHECK(fast.sections[r] == full.sections[r]);
        CHECK(fast.warnings[r] == full.warnings[r]);
        differ += fast.items[r] != full.items[r] || fast.warnings[r] != full.warnings[r];
        ++rows;
        linked += full.items[r] != 0 && full.warnings[r].empty();
      }
    }
  }
  noticetab::detail::LinkPortableOnly(false);
  CHECK(differ == 0);
  CHECK(linked > rows / 4);
}
