// Regex's prefilter for a set of more than four 3-byte characters on a text
// of 4 KB or more (HasAnyChar, text.cpp): the 32-place scan where the CPU has
// AVX2 puts the members in byte-nibble buckets (FillBuckets) and stops only
// where some bucket takes all three bytes. Whatever the members and however
// they share nibbles, the answer must equal a plain decode of the text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/text.h"
#include "regex_lite.h"

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

// A set whose lead bytes are few and not CJK ones (pinyin's tone letters:
// C3 C4 C5 C7) is found by one pass over all its lead bytes where the CPU has
// AVX2, stopping at any byte between the least and the greatest lead: the
// same answer as one memchr scan per lead byte, on texts of every length,
// with bytes inside that range that lead no member, broken sequences and
// members at block edges.
TEST_CASE("Regex: a set with rare lead bytes is found in one pass as by one scan per lead", "[regex]") {
  uint64_t seed = 77;
  auto next = [&](uint64_t bound) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % bound;
  };
  // Characters of 2 bytes (U+0080-U+07FF), some of 3 with a lead outside
  // E3-E9 (U+0800-U+2FFF, U+A000-U+D7FF) and of 4 (emoji).
  auto pick = [&](uint64_t kind) -> char32_t {
    if (kind == 0) return static_cast<char32_t>(0xC0 + next(0x100));  // C3-C7 leads, as pinyin
    if (kind == 1) return static_cast<char32_t>(0x80 + next(0x780));
    if (kind == 2) return static_cast<char32_t>(next(2) ? 0x800 + next(0x2800) : 0xA000 + next(0x3800));
    return static_cast<char32_t>(0x1F300 + next(0x300));
  };
  int found = 0, missing = 0;
  for (int round = 0; round < 600; ++round) {
    std::vector<char32_t> members;
    const size_t count = 5 + next(20);
    const uint64_t kind = next(4);
    while (members.size() < count) {
      const char32_t c = pick(next(3) == 0 ? next(4) : kind);
      if (std::find(members.begin(), members.end(), c) == members.end()) members.push_back(c);
    }
    std::vector<std::string> filler;
    for (const char32_t c : members) {
      for (const char32_t d : {c - 1, c + 1, c + 64, c - 64, c + 0x100, c - 0x100}) {
        if (d < 0x80 || d > 0x10FFFF || (d >= 0xD800 && d <= 0xDFFF)) continue;
        if (std::find(members.begin(), members.end(), d) != members.end()) continue;
        std::string u;
        AppendUtf8(u, d);
        filler.push_back(u);
      }
    }
    for (const char* extra : {"a", " ", "\n", "的", "。", "\xC6", "\xC5", "\xC4\x41", "\x80", "\xE4\xB8", "\xF0\x9F"})
      filler.push_back(extra);
    std::string text;
    const uint64_t shape = next(4);
    const size_t size = shape == 0 ? next(64) : shape == 1 ? 200 + next(200) : 4000 + next(2000);
    while (text.size() < size) text += filler[next(filler.size())];
    if (round % 2 == 0) {
      std::string m;
      AppendUtf8(m, members[next(members.size())]);
      const uint64_t where = next(4);
      const size_t at = where == 0 ? 0 : where == 1 ? text.size() : where == 2 ? 64 * next(text.size() / 64 + 1) : next(text.size() + 1);
      text.insert(std::min(at, text.size()), m);
    }
    const bool plain = regex_lite::detail::HasAnyCharWith(false, members, text);
    const bool fast = regex_lite::detail::HasAnyCharWith(true, members, text);
    (plain ? found : missing)++;
    INFO("round " << round << ", text of " << text.size() << " bytes");
    CHECK(fast == plain);
  }
  CHECK(found > 100);
  CHECK(missing > 100);
}

}  // namespace
}  // namespace noticetab
