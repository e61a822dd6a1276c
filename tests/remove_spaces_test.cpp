// The fast paths of RemoveSpaces and NameKey against their definitions: for
// RemoveSpaces, every character IsSpace accepts goes and every other one
// (malformed bytes too) stays, at every alignment of the eight-byte scan.
#include <catch2/catch.hpp>
#include <iterator>
#include <string>

#include "noticetab/text.h"

namespace {

std::string Reference(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (!noticetab::IsSpace(noticetab::NextChar(s, i))) out += s.substr(start, i - start);
  }
  return out;
}

}  // namespace

TEST_CASE("RemoveSpaces removes each White_Space character at every alignment") {
  const std::string spaces[] = {" ", "\t", "\n", "\v", "\f", "\r", "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80",
                                "\xE2\x80\x80", "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
                                "\xE2\x81\x9F", "\xE3\x80\x80"};
  const std::string others[] = {"a", "\xE4\xB8\xAD", "\xE3\x80\x81", "\xE2\x80\x8B", "\xE2\x80\x9C", "\xE2\x81\x9E", "\xC2\xB7", "\xE1\x80\x80",
                                "\xE2", "\xE3\x80", "\x80", "\xFF", "\xF0\x9F\x98\x80", "!"};
  for (const std::string& sp : spaces) {
    for (const std::string& other : others) {
      for (size_t lead = 0; lead < 12; ++lead) {
        std::string s;
        for (size_t k = 0; k < lead; ++k) s += k % 2 ? "x" : "\xE6\x96\x87";
        s += other + sp + other + std::string(9, 'y') + sp;
        INFO("lead " << lead);
        CHECK(noticetab::RemoveSpaces(s) == Reference(s));
        CHECK(noticetab::RemoveSpaces(s).find(sp) == std::string::npos);
      }
    }
  }
}

TEST_CASE("NameKey keeps Han characters and ASCII letters and digits, after NFKC") {
  using noticetab::NameKey;
  CHECK(NameKey("责 任 单 位：") == "责任单位");
  CHECK(NameKey("（一）Ａ级 2023年") == "一A级2023年");  // full-width forms by NFKC
  CHECK(NameKey("〇号-x_Y!") == "〇号xY");
  CHECK(NameKey("  \t") == "");
  CHECK(NameKey("\xE4\xB8") == "");   // a truncated sequence is no character
  CHECK(NameKey("\xF0\xA0\x80\x80\xE3\x80\x81z") == "\xF0\xA0\x80\x80z");  // extension B kept, 、 dropped
}

TEST_CASE("NameKey equals the kept characters of the NFKC text on random text") {
  // Pieces NameKey reads directly and pieces only NFKC knows (circled and
  // Kangxi forms, compatibility ideographs, a combining accent, 《, a
  // hexagram next to the Han blocks, malformed bytes).
  const std::string pieces[] = {"a", "Z", "7", " ", "-", "\xE4\xB8\x80", "\xE5\xB7\xA5", "\xE4\xB0\x80",
                                "\xE4\xB7\x80", "\xE3\x80\x81", "\xE2\x80\x9C", "\xE2\x80\x98", "\xEF\xBC\x91",
                                "\xEF\xBC\xA1", "\xEF\xBC\x8C", "\xE3\x80\x80", "\xE2\x91\xA0", "\xE2\xBC\x80",
                                "\xEF\xA4\x80", "\xCC\x81", "\xE3\x80\x8A", "\xC2\x80\x98", "\xF0\xA0\x80\x80",
                                "\xFF", "\xE4\xB8"};
  auto reference = [](std::string_view s) {
    const std::string n = noticetab::Nfkc(s);
    std::string out;
    for (size_t i = 0; i < n.size();) {
      const size_t start = i;
      const char32_t c = noticetab::NextChar(n, i);
      const bool keep = c < 128 ? (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                                : noticetab::IsHan(c);
      if (keep) out += n.substr(start, i - start);
    }
    return out;
  };
  uint32_t state = 15;
  auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const uint32_t len = next() % 12;
    for (uint32_t j = 0; j < len; ++j) s += pieces[next() % 4 == 0 ? next() % 25 : next() % 16];
    INFO(s);
    REQUIRE(noticetab::NameKey(s) == reference(s));
  }
}

TEST_CASE("The view forms of RemoveSpaces and NameKey agree with the copies, with a reused buffer") {
  // The buffer is reused dirty from call to call, as the stages do: a view
  // must never carry what a previous call left in it.
  const std::string pieces[] = {"a", "Z", "7", " ", "\t", "-", "\xE4\xB8\x80", "\xE5\xB7\xA5", "\xE3\x80\x81",
                                "\xE2\x80\x9C", "\xEF\xBC\x91", "\xEF\xBC\x8C", "\xE3\x80\x80", "\xC2\xA0",
                                "\xE2\x80\x80", "\xE2\x80\x94", "\xE2\x91\xA0", "\xEF\xA4\x80", "\xFF", "\xE4\xB8"};
  std::string spaces_buf = "stale text", key_buf = "stale key";
  uint32_t state = 17;
  auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const uint32_t len = next() % 12;
    for (uint32_t j = 0; j < len; ++j) s += pieces[next() % 20];
    INFO(s);
    const std::string_view removed = noticetab::RemoveSpaces(s, &spaces_buf);
    REQUIRE(removed == Reference(s));
    REQUIRE(removed == noticetab::RemoveSpaces(s));
    // No space: s itself, no copy.
    if (removed.size() == s.size()) REQUIRE(removed.data() == s.data());
    const std::string_view key = noticetab::NameKey(s, &key_buf);
    REQUIRE(key == noticetab::NameKey(s));
  }
}

TEST_CASE("Trim's fast return agrees with the character-by-character definition") {
  // The definition Trim had before its first/last-byte test.
  auto reference = [](std::string_view s) {
    size_t begin = 0;
    for (size_t i = 0; i < s.size() && noticetab::IsSpace(noticetab::NextChar(s, i));) begin = i;
    size_t end = s.size();
    while (end > begin) {
      size_t lead = end - 1;
      while (lead > begin && end - lead < 4 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
      size_t next = lead;
      if (!noticetab::IsSpace(noticetab::NextChar(s, next)) || next != end) break;
      end = lead;
    }
    return begin < end ? s.substr(begin, end - begin) : s.substr(0, 0);
  };
  const std::string pieces[] = {" ", "\t", "\r", "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80",
                                "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
                                "a", "!", "\xE4\xB8\xAD", "\xE3\x80\x81", "\xE2\x80\x8B", "\xE2\x80\x9C", "\xC2\xB7",
                                "\xE1\x80\x80", "\xEF\xBC\x8C", "\xE3\x80", "\x80", "\xA0", "\x9F", "\xFF",
                                "\xF0\x9F\x98\x80", "\xC2", "\xE2\x80", "\xE4", "\xE9\x80"};
  uint32_t state = 16;
  auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (int k = 0; k < 30000; ++k) {
    std::string s;
    const uint32_t len = next() % 6;
    for (uint32_t j = 0; j < len; ++j) s += pieces[next() % std::size(pieces)];
    INFO(s);
    const std::string_view got = noticetab::Trim(s), want = reference(s), full = noticetab::detail::TrimEnds(s);
    REQUIRE(got.data() == want.data());
    REQUIRE(got.size() == want.size());
    REQUIRE(full.data() == want.data());
    REQUIRE(full.size() == want.size());
  }
}

TEST_CASE("RemoveSpaces and Trim find every White_Space character up to U+3000") {
  // Their scans stop only at the lead bytes of known spaces: checked here
  // against IsSpace (ICU's White_Space) for every code point it may accept.
  for (char32_t c = 0x80; c <= 0x3000; ++c) {
    std::string ch;
    noticetab::AppendUtf8(ch, c);
    const std::string s = "\xE4\xB8\xAD" + ch + "\xE4\xB8\xAD";
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    REQUIRE(noticetab::RemoveSpaces(s) == Reference(s));
    REQUIRE(noticetab::Trim(ch).empty() == noticetab::IsSpace(c));
  }
}

TEST_CASE("NameKey of malformed bytes is the key of their NFKC", "[text]") {
  // A lead byte other than E0-EF before two continuation bytes is no 3-byte
  // character: ICU reads it (U+03FC and U+FFFD for CF BC 90), the fast path
  // must not take it for U+FF10.
  for (const char* s : {"\xCF\xBC\x90", "\xBF\xBC\x90", "a\xCF\xBC\x90" "b", "\xF0\xBC\x90"}) {
    CAPTURE(s);
    CHECK(noticetab::NameKey(s).find('0') == std::string::npos);
  }
}

TEST_CASE("The 32-byte space scan and the portable one find the same spaces on random text") {
  // Every White_Space character and its look-alikes (same lead byte, CJK
  // punctuation, quotes, box drawing, malformed and truncated sequences), in
  // texts of 0-150 bytes so the AVX2 windows, their last window and the
  // short texts are all reached; each position from i on is compared with
  // the character-by-character definition.
  const std::string pieces[] = {" ", "\t", "\n", "\v", "\f", "\r", "\x01", "\x1F", "\xC2\x85", "\xC2\xA0",
                                "\xC2\xB7", "\xE1\x9A\x80", "\xE1\x9A\x81", "\xE1\x80\x80", "\xE2\x80\x80",
                                "\xE2\x80\x85", "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\xA8", "\xE2\x80\xA9",
                                "\xE2\x80\xAF", "\xE2\x80\xAE", "\xE2\x81\x9F", "\xE2\x80\x9F", "\xE2\x81\x9E",
                                "\xE2\x80\x9C", "\xE2\x80\x94", "\xE2\x94\x80", "\xE3\x80\x80", "\xE3\x80\x81",
                                "\xE3\x80\x82", "\xE3\x81\x80", "\xE4\xB8\xAD", "\xE6\x96\x87", "\xEF\xBC\x8C",
                                "a", "7", "\xE2", "\xE3\x80", "\xC2", "\x80", "\xFF", "\xF0\x9F\x98\x80"};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  auto reference = [](std::string_view s, size_t i) {
    // Decoded from the start (a space never starts inside a character's
    // trail, so this is where RemoveSpaces cuts).
    for (size_t at = 0; at < s.size();) {
      const size_t start = at;
      const bool space = noticetab::IsSpace(noticetab::NextChar(s, at));
      if (space && start >= i) return start;
    }
    return s.size();
  };
  uint32_t state = 23;
  auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (int k = 0; k < 6000; ++k) {
    std::string s;
    const uint32_t target = next() % 150;
    const bool sparse = next() % 2;  // mostly Han text, or any piece
    while (s.size() < target) s += pieces[sparse && next() % 8 != 0 ? 32 + next() % 3 : next() % kPieces];
    // Each character start in turn, and a few positions inside characters
    // that start no space.
    for (size_t i = 0; i <= s.size(); i += 1 + next() % 7) {
      INFO(k << " at " << i << " size " << s.size());
      const size_t want = reference(s, i);
      const bool aligned = i == 0 || i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
      if (!aligned) continue;
      REQUIRE(noticetab::detail::NextSpaceWith(false, s, i) == want);
      REQUIRE(noticetab::detail::NextSpaceWith(true, s, i) == want);
    }
    REQUIRE(noticetab::HasSpace(s) == (reference(s, 0) < s.size()));
  }
}
