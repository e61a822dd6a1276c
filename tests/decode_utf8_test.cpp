// Decode's fast UTF-8 paths (whole-text validation, valid runs copied whole)
// against ICU's U8_NEXT applied byte by byte, on sequences at every boundary
// of well-formedness and at every alignment of the eight-byte ASCII check.
#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "noticetab/error.h"

#include "noticetab/load.h"

namespace {

// What Decode made of UTF-8 before the fast paths: each ill-formed sequence
// U8_NEXT reports becomes U+FFFD, the rest is copied.
std::string Reference(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  std::string out;
  for (int64_t i = 0; i < n;) {
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out += c >= 0 ? s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)) : "\xEF\xBF\xBD";
  }
  return out;
}

}  // namespace

TEST_CASE("Decode keeps well-formed UTF-8 and replaces what U8_NEXT rejects") {
  const std::string probes[] = {
      "\xC2\x80", "\xDF\xBF", "\xC0\x80", "\xC1\xBF", "\xC2",         "\xC2\x41",
      "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
      "\xEE\x80\x80", "\xEF\xBF\xBF", "\xE4\xB8",     "\xE4\x41\x80", "\xE4\xB8\x41", "\xF0\x90\x80\x80",
      "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF0\x90\x80", "\x80",
      "\xBF", "\xFF", "\xF8\x88\x80\x80\x80"};
  std::string body;
  for (int k = 0; k < 60; ++k) body += "\xE4\xB8\xAD\xE6\x96\x87 ab";  // 中文: mostly UTF-8, not noise
  for (const std::string& probe : probes) {
    for (size_t ascii = 0; ascii < 17; ++ascii) {
      for (const bool at_end : {false, true}) {
        const std::string bytes = body + std::string(ascii, 'x') + probe + (at_end ? "" : "yz\n");
        INFO("probe bytes " << probe.size() << ", ascii " << ascii << ", at end " << at_end);
        const noticetab::Source src = noticetab::Decode(bytes, "probe.txt");
        CHECK(src.encoding() == "UTF-8");
        CHECK(src.text() == Reference(bytes));
        CHECK(src.warnings.empty() == (Reference(bytes) == bytes));
      }
    }
  }
}

TEST_CASE("Decode's three-byte fast path stops at every ill-formed sequence after Chinese text") {
  // The probes of the test above, each right after a run of CJK characters
  // (the fast path's case) rather than after ASCII, and at the very end.
  const std::string probes[] = {"\xE0\x9F\xBF", "\xE1\x80\x80", "\xE1\x80", "\xE1\x41\x80", "\xEC\xC0\x80",
                                "\xED\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xEF\xBF",
                                "\xE4\xB8\x41", "\xE4\xB8\xC0", "\xF0\x90\x80\x80", "\x80", "\xFF"};
  std::string body;
  for (int k = 0; k < 60; ++k) body += "\xE4\xB8\xAD\xE6\x96\x87 ab";
  for (const std::string& probe : probes) {
    for (int cjk = 1; cjk < 8; ++cjk) {  // every alignment against pairs and 8-byte words
      for (const bool at_end : {false, true}) {
        std::string bytes = body;
        for (int k = 0; k < cjk; ++k) bytes += "\xE6\x96\x87";
        bytes += probe + (at_end ? "" : "\xE4\xB8\xAD\n");
        INFO("probe bytes " << probe.size() << ", cjk " << cjk << ", at end " << at_end);
        const noticetab::Source src = noticetab::Decode(bytes, "probe.txt");
        CHECK(src.encoding() == "UTF-8");
        CHECK(src.text() == Reference(bytes));
      }
    }
  }
}

TEST_CASE("Decode counts characters and control characters exactly when it refuses noise") {
  // Pieces at random alignments against the eight-byte counting: the
  // message names both counts, computed here one piece at a time.
  struct Piece {
    std::string bytes;
    bool control;
  };
  const Piece pieces[] = {{"a", false},         {"\n", false},    {"\t", false},  {"\x1b", false},
                          {"\xE4\xB8\xAD", false}, {"\xC2\xA0", false}, {"\xF0\x9F\x98\x80", false},
                          {"\x01", true},        {"\x1f", true},   {"\x7f", true},  {"\x0e", true}};
  std::mt19937 rng(15);
  for (int n = 0; n < 300; ++n) {
    std::string text;
    size_t chars = 0, controls = 0;
    const int len = 40 + static_cast<int>(rng() % 200);
    const unsigned weight = 2 + rng() % 20;  // how often a control character comes
    for (int k = 0; k < len; ++k) {
      const Piece& p = rng() % weight == 0 ? pieces[7 + rng() % 4] : pieces[rng() % 7];
      text += p.bytes;
      ++chars;
      controls += p.control;
    }
    INFO(n);
    const bool refused = controls >= 16 && controls * 20 > chars;
    try {
      noticetab::Decode(text, "noise.txt");
      CHECK(!refused);
    } catch (const noticetab::Error& e) {
      CHECK(refused);
      CHECK(std::string(e.what()).find("(" + std::to_string(controls) + " of " + std::to_string(chars) +
                                       " characters") != std::string::npos);
    }
  }
}

TEST_CASE("Decode's whole-text check finds an ill-formed sequence at every offset of a 32-byte block") {
  // The AVX2 check reads 32 bytes at a time with the three bytes before each
  // block, and pads the tail: every probe at every offset of three blocks,
  // after ASCII and after Chinese text, well-formed or not.
  const std::string probes[] = {"\xC2\x80", "\xC0\x80", "\xC2", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF",
                                "\xED\xA0\x80", "\xE4\xB8", "\xE4\xB8\x41", "\xF0\x90\x80\x80", "\xF0\x8F\xBF\xBF",
                                "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF0\x90\x80", "\x80",
                                "\xFF", "\x7F"};
  for (const std::string fill : {std::string("a"), std::string("\xE6\x96\x87")}) {
    for (const std::string& probe : probes) {
      for (size_t at = 0; at < 100; ++at) {
        std::string bytes;
        for (int k = 0; k < 200; ++k) bytes += "\xE4\xB8\xAD\xE6\x96\x87 ab";  // mostly UTF-8
        std::string head;
        while (head.size() < at) head += fill;
        head.resize(at, 'x');
        for (const size_t tail : {size_t{0}, size_t{1}, size_t{31}, size_t{32}, size_t{33}}) {
          const std::string text = bytes + head + probe + std::string(tail, 'y');
          INFO("probe bytes " << probe.size() << " at " << at << ", tail " << tail);
          const noticetab::Source src = noticetab::Decode(text, "probe.txt");
          CHECK(src.encoding() == "UTF-8");
          CHECK(src.text() == Reference(text));
          CHECK(src.warnings.empty() == (Reference(text) == text));
        }
      }
    }
  }
}

TEST_CASE("Decode refuses clean UTF-8 at exactly sixteen control characters wherever they are") {
  // 15 controls in 300 characters pass; 16 are refused: the count of the
  // whole-text check, with the controls at every offset of a 32-byte block.
  for (size_t at = 0; at < 64; ++at) {
    for (const int controls : {15, 16}) {
      std::string text(at, 'a');
      for (int k = 0; k < controls; ++k) text += "\x01\t\n\x1b";
      while (text.size() < 300) text += "b";
      const bool refused = controls >= 16;
      INFO("at " << at << ", controls " << controls);
      try {
        noticetab::Decode(text, "noise.txt");
        CHECK(!refused);
      } catch (const noticetab::Error&) {
        CHECK(refused);
      }
    }
  }
}

TEST_CASE("the AVX2 and the portable clean-UTF-8 checks agree, validity and control count", "[load]") {
  // The loader takes the AVX2 check where the processor has it, so the other
  // is otherwise never run here: both on the same texts, every length 0-200.
  const std::vector<std::string> pieces = {"a", "政", "务", "，", "\t", "\x01", "\x7f", "\xC2\x85", "𠀀",
                                            "\xC0\xAF", "\xED\xA0\x80", "\xE4\xB8", "\x80", "\xF4\x90\x80\x80", "\xFF", " ", "\n"};
  std::mt19937 rng(15);
  int compared = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const size_t len = rng() % 200;
    const bool clean = round % 2 == 0;  // half from valid pieces only, so both say yes often
    while (s.size() < len) {
      const size_t k = rng() % (clean ? 9 : pieces.size());
      s += pieces[k];
    }
    size_t c_portable = 0, c_avx2 = 0;
    const std::optional<bool> portable = noticetab::detail::CleanUtf8With(false, s, &c_portable);
    const std::optional<bool> avx2 = noticetab::detail::CleanUtf8With(true, s, &c_avx2);
    REQUIRE(portable.has_value());
    if (!avx2) continue;  // no AVX2 on this processor: only the portable check runs anywhere
    ++compared;
    CHECK(*avx2 == *portable);
    if (*avx2 && *portable) CHECK(c_avx2 == c_portable);
  }
  INFO("compared " << compared);
  SUCCEED();
}
