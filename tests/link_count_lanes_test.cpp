// LinkRows counts a row's hits per item in vector lanes on processors with
// AVX2 (src/link.cpp, TextTable::CountMasks32Avx2: 8-bit lanes for rows of
// at most 255 bigrams, 16-bit lanes for longer ones) and one item at a time
// in the portable code. Checked here against each other on bodies of 2 to 70
// items (every lane of the 32-bit masks in use, 64-bit masks, lists), rows
// of a few to ~600 bigrams (both lane widths, and rows of exactly 255 and
// 256), counted to the end and stopped part way.
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

TEST_CASE("LinkRows counts hits in vector lanes as the portable code does", "[link]") {
  std::mt19937 rng(909);
  // 30 Han characters: texts share many bigrams, so every item is hit.
  noticetab::testing::HanTexts text(rng, 0x5DE5, 30, 15);
  // len whole characters of s from a random start (s has at least len).
  auto piece = [&](const std::string& s, size_t len) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < s.size();) starts.push_back(i), noticetab::NextChar(s, i);
    starts.push_back(s.size());
    const size_t n = starts.size() - 1;
    len = std::min(len, n);
    const size_t from = rng() % (n - len + 1);
    return s.substr(starts[from], starts[from + len] - starts[from]);
  };
  int rows = 0, linked = 0, differ = 0, long_rows = 0;
  for (int round = 0; round < 700; ++round) {
    // Mostly 17-32 items (all 32 lanes), some fewer, some 64-bit masks or lists.
    const int n_items = round % 20 == 3 ? 40 + static_cast<int>(rng() % 40) : round % 5 == 0 ? 2 + static_cast<int>(rng() % 15)
                                                                                              : 17 + static_cast<int>(rng() % 16);
    std::vector<Section> body;
    std::vector<std::string> texts;
    const int per_section = 1 + static_cast<int>(rng() % 8);
    for (int k = 1; k <= n_items; ++k) {
      if ((k - 1) % per_section == 0) {
        const int s = static_cast<int>(body.size()) + 1;
        body.push_back(Section{s, std::to_string(s), text(6), s, {}});
      }
      // Some items long enough for rows past 255 bigrams.
      std::string t = text(rng() % 4 ? 30 + rng() % 150 : 300 + rng() % 400);
      texts.push_back(t);
      body.back().items.push_back(Item{k, std::to_string(k), text(5), t, k});
    }
    Table table;
    const int n_rows = 1 + static_cast<int>(rng() % 10);
    for (int r = 0; r < n_rows; ++r) {
      const size_t k = rng() % texts.size();
      Row row;
      switch (rng() % 6) {
        case 0: row.content.Append(piece(texts[k], 4 + rng() % 60), 1); break;
        case 1: row.content.Append(piece(texts[k], 20 + rng() % 80) + piece(texts[rng() % texts.size()], 20 + rng() % 80), 1); break;
        case 2: row.content.Append(text(250 + rng() % 12), 1); break;  // about 255 bigrams, near no item
        case 3: row.content.Append(piece(texts[k], 250 + rng() % 12), 1); break;
        default: row.content.Append(texts[k], 1); break;
      }
      if (rng() % 4 == 0) {
        const auto& s = body[rng() % body.size()];
        row.item_label.Append(s.items[rng() % s.items.size()].title, 1);
      }
      table.rows.push_back(row);
    }
    for (const bool exhaustive : {true, false}) {
      const Links simd = LinkWith(table, body, false, exhaustive), plain = LinkWith(table, body, true, exhaustive);
      for (size_t r = 0; r < table.rows.size(); ++r) {
        INFO("exhaustive " << exhaustive << " round " << round << " items " << n_items << " row " << r << " content "
                           << table.rows[r].content.text);
        CHECK(simd.items[r] == plain.items[r]);
        CHECK(simd.sections[r] == plain.sections[r]);
        CHECK(simd.warnings[r] == plain.warnings[r]);
        differ += simd.items[r] != plain.items[r] || simd.warnings[r] != plain.warnings[r];
        ++rows;
        linked += plain.items[r] != 0 && plain.warnings[r].empty();
        long_rows += table.rows[r].content.text.size() > 3 * 255;
      }
    }
  }
  CHECK(differ == 0);
  CHECK(linked > rows / 3);
  CHECK(long_rows > rows / 10);
}
