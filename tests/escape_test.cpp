// The writers' escaping fast paths against the plain one-character-at-a-time
// definition they replace: same bytes for every input, well-formed or not.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "noticetab/text.h"
#include "writers.h"

namespace {

// The definition: decode each character (U+FFFD for malformed bytes), escape
// what JSON must or should not carry raw, re-encode the rest.
std::string ReferenceJsonString(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const char32_t c = noticetab::NextChar(s, i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
            c == 0xFFFE || c == 0xFFFF) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
        } else {
          noticetab::AppendUtf8(out, c);
        }
    }
  }
  return out + "\"";
}

// Escaped by the AVX2 scan (kAvx2) or the portable one; AppendJsonString
// takes the AVX2 one where the processor has it.
bool avx2 = false;

std::string Json(std::string_view s) {
  std::string out = "x";  // appends, keeps what was there
  if (!noticetab::detail::AppendJsonStringWith(avx2, out, s)) return "(no AVX2)";
  return out.substr(1);
}

// The scans a test runs: the portable one, and the AVX2 one when the
// processor has it.
std::vector<bool> Scans() {
  std::string out;
  if (noticetab::detail::AppendJsonStringWith(true, out, "a")) return {false, true};
  WARN("no AVX2 here: only the portable scan is tested");
  return {false};
}

}  // namespace

TEST_CASE("AppendJsonString equals the per-character definition", "[write]") {
  for (const bool scan : Scans()) {
    avx2 = scan;
    INFO("avx2 " << avx2);
    for (const char* s :
         {"", "abc", "通知\"引号\"\\", "a\nb\tc\rd", "\x01\x1f\x7f", "\xC2\x80\xC2\x9F\xC2\xA0",
          "\xE2\x80\xA8\xE2\x80\xA9", "\xEF\xBB\xBF\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD", "\xFF",
          "\xE4\xB8", "\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xF0\x9F\x98\x80",
          "\xF4\x90\x80\x80", "甲\xE4\xB8乙", "\xF0\x9F\x98"}) {
      INFO(s);
      CHECK(Json(s) == ReferenceJsonString(s));
    }
    CHECK(Json("a\xFF"
               "b") ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(Json("\xE2\x80\xA8") == "\"\\u2028\"");
    // Random strings built from pieces that cover each branch, and random bytes.
    const std::vector<std::string> pieces = {"a",
                                             "\"",
                                             "\\",
                                             "\n",
                                             "\x01",
                                             "\x7f",
                                             "\xC2\x85",
                                             "\xC2\xA0",
                                             "通",
                                             "\xE2\x80\xA8",
                                             "\xEF\xBB\xBF",
                                             "\xEF\xBF\xBD",
                                             "\xEF\xBF\xBF",
                                             "\xEF\xBF\xBE",
                                             "\xE2\x80\xA9",
                                             "“",
                                             "，",
                                             "\xE0\xA4\x85",
                                             "\xF0\x9F\x98\x80",
                                             "\xFF",
                                             "\xE4\xB8",
                                             "\xED\xA0\x80",
                                             "\x80"};
    std::mt19937 rng(15);
    for (int n = 0; n < 20000; ++n) {
      std::string s;
      const int len = static_cast<int>(rng() % 12);
      for (int k = 0; k < len; ++k) {
        if (n % 2) {
          s += pieces[rng() % pieces.size()];
        } else {
          s += static_cast<char>(rng() % 256);
        }
      }
      INFO(n);
      REQUIRE(Json(s) == ReferenceJsonString(s));
    }
    // Long strings are escaped in pieces of a few hundred bytes: a piece must
    // not end inside a sequence, well-formed or not (runs of continuation bytes).
    for (int n = 0; n < 400; ++n) {
      std::string s;
      const int len = 600 + static_cast<int>(rng() % 1500);
      while (static_cast<int>(s.size()) < len) {
        const unsigned r = rng() % 8;
        if (r == 0) {
          s.append(1 + rng() % 6, '\x80');
        } else if (r == 1) {
          s += static_cast<char>(rng() % 256);
        } else {
          s += pieces[rng() % pieces.size()];
        }
      }
      INFO(n);
      REQUIRE(Json(s) == ReferenceJsonString(s));
    }
  }
}

TEST_CASE("JSON escaping's 16- and 32-byte scan: every byte and escaped sequence at every offset", "[write]") {
  // The portable scan takes ASCII and leads E3-EC 16 bytes at a time (two
  // loads when 32 remain, one overlapping load for a tail, a zero-padded copy
  // for a string under 16 bytes); the AVX2 one takes all well-formed text but
  // the escaped characters 32 bytes at a time (a zero-padded copy for the
  // tail) and restarts up to three bytes before what stops it. Both hand
  // everything else to the per-character code: each byte value and each
  // sequence that is escaped, malformed or nearly so is put at every offset
  // of runs of ASCII, CJK, full-width punctuation and a mix, whose lengths
  // cross the load sizes (a run may end inside a character).
  std::vector<std::string> specials;
  for (int b = 0; b < 256; ++b) specials.emplace_back(1, static_cast<char>(b));
  for (const char* s : {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x9C", "\xEF\xBB\xBF", "\xEF\xBF\xBE", "\xEF\xBF\xBF",
                        "\xEF\xBF\xBD", "\xEF\xBC\x8C", "\xC2\x85", "\xC2\xA0", "\xC4\x80", "\xED\xA0\x80",
                        "\xED\x9F\xBF", "\xE0\x80\xAF", "\xE0\xA4\x85", "\xF0\x9F\x98\x80", "\xE4\xB8", "\xE4",
                        "\xE4\xB8\xB8\xB8", "\xE3\x80\x80", "\xEC\xBF\xBF", "\xE1\x80\x80", "\xEE\x80\x80",
                        "\xF0\x9F\x98", "\xF4\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xC0\xAF", "\xC2\x9F", "\xC2",
                        "\xC3\x80", "\xE2\x80\xA7", "\xE2\x80\xAA", "\xE2\x81\xA8", "\xE2\x80\xA8\xE2\x80\xA9",
                        "\xEF\xBB\xBE", "\xEF\xBE\xBF", "\xEF\xBF\xBC", "\xE1\x80\x80\x80", "\"\"\x01"}) {
    specials.emplace_back(s);
  }
  const std::string fillers[] = {std::string(80, 'a'), [] {
                                   std::string s;
                                   while (s.size() < 80) s += "通";
                                   return s;
                                 }(),
                                 [] {
                                   std::string s;
                                   while (s.size() < 80) s += "，";
                                   return s;
                                 }(),
                                 [] {
                                   std::string s;
                                   while (s.size() < 80) s += "知a甲1。";
                                   return s;
                                 }()};
  for (const bool scan : Scans()) {
    avx2 = scan;
    INFO("avx2 " << avx2);
    int failed = 0;
    for (const std::string& filler : fillers) {
      // Past two 32-byte blocks for the AVX2 scan.
      for (size_t len = 0; len <= (avx2 ? 72u : 40u); ++len) {
        for (size_t at = 0; at <= len; ++at) {
          for (const std::string& special : specials) {
            std::string s = filler.substr(0, len);
            s.insert(at, special);
            if (Json(s) != ReferenceJsonString(s) && ++failed <= 5) {
              INFO(len << " " << at);
              CHECK(Json(s) == ReferenceJsonString(s));
            }
          }
        }
      }
    }
    CHECK(failed == 0);
  }
}

namespace {

// YamlNeedsQuotes with the scan the test chose (avx2).
bool Quotes(std::string_view s) { return noticetab::detail::YamlNeedsQuotesWith(avx2, s).value_or(false); }

// The definition YamlNeedsQuotes had before its byte-level fast path.
bool ReferenceNeedsQuotes(std::string_view s) {
  auto space = [](char32_t c) {
    return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
  };
  if (s.empty()) return true;
  const unsigned char first = s[0];
  if (first < 0x80 && !(('a' <= first && first <= 'z') || ('A' <= first && first <= 'Z'))) return true;
  std::string lower;
  for (char c : s.substr(0, 6)) lower += static_cast<char>(c | 0x20);
  for (std::string_view word : {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}) {
    if (s.size() == word.size() && lower == word) return true;
  }
  char32_t c = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    c = noticetab::NextChar(s, i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == ':' || c == '#' || c == 0x2028 || c == 0x2029 ||
        c == 0xFEFF || (c >= 0xFFFD && c <= 0xFFFF) || (start == 0 && space(c))) {
      return true;
    }
  }
  return space(c);
}

}  // namespace

TEST_CASE("YamlNeedsQuotes equals the per-character definition", "[write]") {
  for (const bool scan : Scans()) {
    avx2 = scan;
    INFO("avx2 " << avx2);
    for (const char* s : {"", "a", "no", "No", "NULL", "nulls", "falsey", "a:b", "a#", "甲", "甲 ",
                          "\xE3\x80\x80甲", "甲\xE3\x80\x80", "甲\xE2\x80\x83", "\xC2\xA0甲",
                          "甲\xC2\x85", "甲\xEF\xBF\xBD", "甲\xFF"}) {
      INFO(s);
      CHECK(Quotes(s) == ReferenceNeedsQuotes(s));
    }
    const std::vector<std::string> pieces = {"a",
                                             "Y",
                                             "n",
                                             "o",
                                             "1",
                                             " ",
                                             ":",
                                             "#",
                                             "\t",
                                             "\x7f",
                                             "\xC2\x85",
                                             "\xC2\xA0",
                                             "通",
                                             "，",
                                             "“",
                                             "\xE1\x9A\x80",
                                             "\xE2\x80\x83",
                                             "\xE2\x80\xAF",
                                             "\xE2\x81\x9F",
                                             "\xE3\x80\x80",
                                             "\xE2\x80\xA8",
                                             "\xE2\x80\xA9",
                                             "\xEF\xBB\xBF",
                                             "\xEF\xBF\xBC",
                                             "\xEF\xBF\xBD",
                                             "\xEF\xBF\xBE",
                                             "\xEF\xBF\xBF",
                                             "\xF0\x9F\x98\x80",
                                             "\xFF",
                                             "\xE4\xB8",
                                             "\xED\xA0\x80",
                                             "\x80",
                                             "\xE0\xA4\x85"};
    std::mt19937 rng(16);
    for (int n = 0; n < 30000; ++n) {
      std::string s;
      const int len = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
      if (n % 3 == 0) s.insert(0, "x");  // past the first-character rule more often
      INFO(n << ": " << s);
      REQUIRE(Quotes(s) == ReferenceNeedsQuotes(s));
    }
  }
}

TEST_CASE(
    "YamlNeedsQuotes's 16- and 32-byte scans: every byte and special sequence at every offset",
    "[write]") {
  // The portable whole-string scan (plain_scan.h Run) carries the
  // continuation bytes a block's last lead asks for into the next block or
  // the overlapping tail; the AVX2 one (StopAvx2) carries its classes: each
  // byte value and each sequence that quotes, is malformed, nearly quotes or
  // is a space is put at every offset of runs that cross 16, 32 and 64 bytes.
  std::vector<std::string> specials;
  for (int b = 0; b < 256; ++b) specials.emplace_back(1, static_cast<char>(b));
  for (const char* s :
       {"\xE2\x80\xA8", "\xE2\x80\xA9",     "\xE2\x80\x9C", "\xEF\xBB\xBF", "\xEF\xBF\xBD",
        "\xEF\xBF\xBE", "\xEF\xBF\xBF",     "\xEF\xBF\xBC", "\xEF\xBC\x8C", "\xC2\x85",
        "\xC2\xA0",     "\xE3\x80\x80",     "\xE2\x80\x83", "\xE1\x9A\x80", "\xED\xA0\x80",
        "\xE0\x80\xAF", "\xF0\x9F\x98\x80", "\xE4\xB8",     "\xE4",         "\xE4\xB8\xB8\xB8",
        "\xEC\xBF\xBF", "\xEF\xBC\xBD",     "\xE2\x80\xAD", "\xF0\x9F\x98", "\xC2\x9F",
        "\xC3\x80",     "\xE2\x80\xA7"}) {
    specials.emplace_back(s);
  }
  std::string cjk, mixed;
  while (cjk.size() < 80) cjk += "通";
  while (mixed.size() < 80) mixed += "知a甲1。";
  for (const bool scan : Scans()) {
    avx2 = scan;
    INFO("avx2 " << avx2);
    int failed = 0;
    for (const std::string& filler : {std::string(80, 'a'), cjk, mixed}) {
      for (size_t len = 0; len <= (avx2 ? 72u : 40u); ++len) {
        for (size_t at = 0; at <= len; ++at) {
          for (const std::string& special : specials) {
            std::string s = "x" + filler.substr(0, len);
            s.insert(1 + at, special);
            if (Quotes(s) != ReferenceNeedsQuotes(s) && ++failed <= 5) {
              INFO(len << " " << at);
              CHECK(Quotes(s) == ReferenceNeedsQuotes(s));
            }
          }
        }
      }
    }
    CHECK(failed == 0);
  }
}
