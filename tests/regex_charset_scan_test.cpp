// Regex's prefilter for a set of more than four 3-byte characters on a text
// of 4 KB or more (HasAnyChar, text.cpp): the 32-place scan where the CPU has
// AVX2 puts the members in byte-nibble buckets (FillBuckets) and stops only
// where some bucket takes all three bytes. Whatever the members and however
// they share nibbles, the answer must equal a plain decode of the text.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace noticetab {
namespace {

TEST_CASE("Regex: sets of 3-byte characters are found in long texts as a plain decode finds them", "[regex]") {
  uint64_t seed = 20261202;
  auto next = [&](uint64_t bound) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % bound;
  };
  // A 3-byte character, not a surrogate or noncharacter: from a cluster
  // (members sharing lead bytes and nibbles), from the ideographs, or any.
  auto three = [&](char32_t near) -> char32_t {
    for (;;) {
      const uint64_t how = next(4);
      char32_t c = how == 0   ? near + static_cast<char32_t>(next(64))
                   : how == 1 ? near ^ static_cast<char32_t>(next(16) << 6 | next(16))
                   : how == 2 ? static_cast<char32_t>(0x4E00 + next(0x5200))
                              : static_cast<char32_t>(0x800 + next(0xF7F0));
      if (c >= 0x800 && c <= 0xFFFD && (c < 0xD800 || c > 0xDFFF)) return c;
    }
  };
  int found = 0, missing = 0;
  for (int round = 0; round < 300; ++round) {
    const char32_t near = three(static_cast<char32_t>(0x4E00 + next(0x5200)));
    std::vector<char32_t> members;
    const size_t count = 5 + next(round % 3 == 0 ? 120 : 40);
    while (members.size() < count) {
      const char32_t c = three(near);
      bool seen = false;
      for (const char32_t m : members) seen = seen || m == c;
      if (!seen) members.push_back(c);
    }
    std::string pattern = "[";
    for (const char32_t c : members) AppendUtf8(pattern, c);
    pattern += "]";
    const Regex re(pattern);
    REQUIRE(re.ok());
    auto member = [&](char32_t c) {
      for (const char32_t m : members)
        if (m == c) return true;
      return false;
    };
    // Filler: the members' neighbours (one nibble or byte apart), other
    // ideographs, ASCII and broken sequences.
    std::vector<std::string> filler;
    for (const char32_t c : members) {
      for (const char32_t d : {c - 1, c + 1, c - 16, c + 16, c - 64, c + 64, c ^ 0x1000u, c ^ 0x0F0u, c ^ 0x100u}) {
        if (d < 0x800 || d > 0xFFFD || (d >= 0xD800 && d <= 0xDFFF) || member(d)) continue;
        std::string u;
        AppendUtf8(u, d);
        filler.push_back(u);
      }
    }
    for (const char* extra : {"a", " ", "\n", "\xE4", "\x80", "\xE5\x80", "\xC3\xA9", "\xF0\x9F\x98\x80", "的", "。"})
      filler.push_back(extra);
    std::string text;
    const size_t size = 4096 + next(3000);
    while (text.size() < size) text += filler[next(filler.size())];
    if (round % 2 == 0) {
      std::string m;
      AppendUtf8(m, members[next(members.size())]);
      const uint64_t where = next(5);
      const size_t at = where == 0   ? 0
                        : where == 1 ? text.size()
                        : where == 2 ? 32 * next(text.size() / 32)
                                     : next(text.size());
      text.insert(at, m);
    }
    bool expect = false;
    for (size_t i = 0; i < text.size();) {
      if (member(NextChar(text, i))) expect = true;
    }
    (expect ? found : missing)++;
    INFO("round " << round << ", " << members.size() << " members");
    CHECK(re.Contains(text) == expect);
  }
  CHECK(found > 100);
  CHECK(missing > 60);
}

}  // namespace
}  // namespace noticetab
