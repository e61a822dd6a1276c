// Containment's bigrams (src/link.cpp reads them straight from the text when
// NFKC takes each character on its own) against the definition: the kept
// characters (ASCII letters and digits, Han) of Nfkc(text), paired in order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "noticetab/link.h"
#include "noticetab/text.h"

namespace {

std::vector<uint64_t> ReferenceBigrams(std::string_view s) {
  const std::string n = noticetab::Nfkc(s);
  std::vector<uint64_t> out;
  char32_t prev = 0;
  bool have_prev = false;
  for (size_t i = 0; i < n.size();) {
    const char32_t c = noticetab::NextChar(n, i);
    const bool kept = c < 128 ? ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                              : noticetab::IsHan(c);
    if (!kept) continue;
    if (have_prev) out.push_back((static_cast<uint64_t>(prev) << 32) | c);
    prev = c, have_prev = true;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double ReferenceContainment(std::string_view a, std::string_view b) {
  const auto x = ReferenceBigrams(a), y = ReferenceBigrams(b);
  if (x.empty()) return 0;
  size_t hit = 0;
  for (uint64_t v : x) hit += std::binary_search(y.begin(), y.end(), v);
  return static_cast<double>(hit) / static_cast<double>(x.size());
}

}  // namespace

TEST_CASE("Containment's bigrams equal those of the NFKC text", "[link]") {
  // Pieces the direct reading takes (ASCII, CJK, 、。‘’“”, full-width forms,
  // U+3000) and pieces only NFKC knows (circled and Kangxi forms,
  // compatibility ideographs, a combining accent, 《, malformed bytes).
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "-", "\xE4\xB8\x80", "\xE5\xB7\xA5", "\xE4\xBD\x9C", "\xE3\x80\x81", "\xE3\x80\x82",
      "\xE2\x80\x9C", "\xE2\x80\x98", "\xEF\xBC\x91", "\xEF\xBC\xA1", "\xEF\xBD\x81", "\xEF\xBC\x8C", "\xE3\x80\x80",
      "\xE2\x91\xA0", "\xE2\xBC\x80", "\xEF\xA4\x80", "\xCC\x81", "\xE3\x80\x8A", "\xE3\x90\x80", "\xC2\x80\x98",
      "\xF0\xA0\x80\x80", "\xFF", "\xE4\xB8"};
  std::mt19937 rng(15);
  auto text = [&] {
    std::string s;
    const int len = static_cast<int>(rng() % 14);
    // Mostly the direct reading's pieces, so both paths are taken often.
    for (int k = 0; k < len; ++k) s += pieces[rng() % 4 == 0 ? rng() % pieces.size() : rng() % 17];
    return s;
  };
  for (int n = 0; n < 20000; ++n) {
    const std::string a = text(), b = rng() % 2 ? text() : a + text();
    INFO(a << " | " << b);
    REQUIRE(noticetab::Containment(a, b) == ReferenceContainment(a, b));
  }
}
