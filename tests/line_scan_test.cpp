// The one pass ClassifyLines makes over each line (Line::spaced, Line::tabs)
// and the block-at-a-time scans of the string helpers (RemoveSpaces,
// HasSpace, JoinCjkSpaces, CharCount, CharCountUpTo, Nfkc) against their character-by-
// character definitions: on every line of the samples and the real corpus,
// and on random text of the pieces they treat differently (spaces, CJK
// punctuation, full-width forms, malformed bytes) at every length and
// alignment of the 16-byte blocks.
#include <catch2/catch.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "test_util.h"

namespace {

using noticetab::NextChar;

std::string RemoveSpacesByChar(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (!noticetab::IsSpace(NextChar(s, i))) out += s.substr(start, i - start);
  }
  return out;
}

// JoinCjkSpaces as it was written first, character by character.
std::string JoinCjkSpacesByChar(std::string_view s) {
  using namespace noticetab;
  auto cjk = [](char32_t c) {
    return IsHan(c) || IsCjkPunct(c) || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2018 && c <= 0x201F) || c == 0x2014 ||
           c == 0x2015 || c == 0x2026 || c == 0x00B7;
  };
  std::string out;
  char32_t last = 0, prev = 0;
  bool in_space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextChar(s, i);
    if (IsSpace(c)) {
      if (!in_space) prev = last, in_space = true;
      continue;
    }
    if (in_space) {
      const bool join = prev != 0 && ((cjk(prev) && (cjk(c) || IsDigit(c))) || (IsDigit(prev) && cjk(c)));
      if (!join) out += ' ';
      in_space = false;
    }
    out += s.substr(start, i - start);
    last = c;
  }
  if (in_space) out += ' ';
  return out;
}

// Trim by its definition: from the first to past the last character that is
// not White_Space, decoding forward.
std::string_view TrimByChar(std::string_view s) {
  size_t begin = std::string_view::npos, end = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (!noticetab::IsSpace(NextChar(s, i))) {
      if (begin == std::string_view::npos) begin = start;
      end = i;
    }
  }
  return begin == std::string_view::npos ? s.substr(0, 0) : s.substr(begin, end - begin);
}

size_t CharCountByChar(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextChar(s, i);
  return n;
}

std::string IcuNfkc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

// Pieces: Han, CJK punctuation (E3 80 81/82, 《 E3 80 8A), U+3000 and the
// other White_Space characters, full-width forms, quotes (E2 80 9C), ASCII,
// tab, 2- and 4-byte characters, the E1/E2/ED/EF leads in other characters,
// and malformed bytes (lone continuation, truncated sequences, C0, surrogate).
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> k = {
      "\xE4\xB8\xAD", "\xE6\x96\x87", "\xE9\xBE\x99", "\xE3\x80\x81", "\xE3\x80\x82", "\xE3\x80\x8A", "\xE3\x80\x80",
      "\xEF\xBC\x8C", "\xEF\xBC\x91", "\xEF\xBD\x9C", "\xE2\x80\x9C", "\xE2\x80\x80", "\xE2\x80\xAF", "\xE2\x81\x9F",
      "\xE1\x9A\x80", "\xE1\x80\x80", "\xC2\xA0", "\xC2\x85", "\xC2\xB7", "\xF0\xA0\x80\x80", "\xED\x9F\xBF",
      "\xEE\x80\x80", "a", "Z", "7", " ", "\t", "\r", "|", "(", "\x01", "\x80", "\xBF", "\xE4\xB8", "\xE3\x80",
      "\xC0\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xE0\xA4\x80", "\xFF", "\xE2\x91\xA0", "\xEF\xBF\xBD", "\xCC\x81"};
  return k;
}

// Random text of the pieces, mostly Han (the common case the blocks skip).
std::string RandomText(uint32_t& state, size_t pieces) {
  auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  std::string s;
  for (size_t j = 0; j < pieces; ++j) {
    const uint32_t r = next();
    s += r % 3 == 0 ? Pieces()[next() % Pieces().size()] : Pieces()[next() % 3];
  }
  return s;
}

}  // namespace

TEST_CASE("The string helpers' block scans agree with their definitions on random text", "[text]") {
  uint32_t state = 1515;
  for (int k = 0; k < 20000; ++k) {
    std::string s = RandomText(state, static_cast<size_t>(k % 40));
    s = std::string(static_cast<size_t>(k % 7), 'x') + s;  // every alignment
    INFO(s);
    REQUIRE(noticetab::RemoveSpaces(s) == RemoveSpacesByChar(s));
    REQUIRE(noticetab::HasSpace(s) == (RemoveSpacesByChar(s) != s));
    REQUIRE(noticetab::JoinCjkSpaces(s) == JoinCjkSpacesByChar(s));
    REQUIRE(noticetab::Trim(s) == TrimByChar(s));
    const size_t chars = CharCountByChar(s);
    REQUIRE(noticetab::CharCount(s) == chars);
    for (size_t limit : {size_t{0}, size_t{1}, size_t{8}, size_t{16}, size_t{17}, size_t{31}, size_t{200}})
      REQUIRE(noticetab::CharCountUpTo(s, limit) == std::min(chars, limit));
    REQUIRE(noticetab::Nfkc(s) == IcuNfkc(s));
  }
}

TEST_CASE("The helpers' fast paths on long runs of Han and ASCII with one odd piece", "[text]") {
  // One piece at each offset of a long run: the 16-byte blocks must stop for
  // it wherever it falls, and read on after it.
  for (const std::string& odd : Pieces()) {
    for (size_t at = 0; at < 40; ++at) {
      std::string s;
      for (size_t k = 0; k < at; ++k) s += k % 5 == 4 ? "a" : "\xE5\xB7\xA5";
      s += odd;
      for (size_t k = 0; k < 12; ++k) s += k % 4 == 3 ? "1" : "\xE4\xB8\x80";
      INFO("at " << at << ": " << s);
      REQUIRE(noticetab::RemoveSpaces(s) == RemoveSpacesByChar(s));
      REQUIRE(noticetab::HasSpace(s) == (RemoveSpacesByChar(s) != s));
      REQUIRE(noticetab::JoinCjkSpaces(s) == JoinCjkSpacesByChar(s));
      REQUIRE(noticetab::CharCount(s) == CharCountByChar(s));
      REQUIRE(noticetab::CharCountUpTo(s, 20) == std::min<size_t>(CharCountByChar(s), 20));
      REQUIRE(noticetab::Nfkc(s) == IcuNfkc(s));
    }
  }
}

TEST_CASE("ClassifyLines' spaced and tabs agree with their definitions on every line of the samples and corpus",
          "[classify]") {
  namespace fs = std::filesystem;
  const std::string root = noticetab::testing::SourceDir();
  std::vector<std::string> files;
  for (const std::string dir : {root + "/samples", root + "/../shared/corpus/real", root + "/samples/composed"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  REQUIRE(files.size() >= 5);
  // Edge cases: tabs in the indent and after the text, U+3000 and NBSP
  // around and inside, a line of spaces only, malformed bytes.
  const std::string edges =
      "\t\t一、总体要求\t\n\u3000\u3000工作任务\u3000\n\xC2\xA0责任\xC2\xA0单位\xC2\xA0\n \t \u3000 \n"
      "a\tb\tc\n\xE4\xB8 \xFF\t\x80\n无空格的一行文字。\n";
  size_t lines_seen = 0;
  auto check = [&](const noticetab::Source& src, const std::string& name) {
    for (const noticetab::Line& l : noticetab::ClassifyLines(src, noticetab::BuiltinRules())) {
      INFO(name << ":" << l.no << ": " << l.raw);
      REQUIRE(l.spaced == (RemoveSpacesByChar(l.text) != l.text));
      REQUIRE(l.tabs == static_cast<int>(std::count(l.raw.begin(), l.raw.end(), '\t')));
      ++lines_seen;
    }
  };
  check(noticetab::Decode(edges, "edges.txt"), "edges");
  for (const std::string& f : files) check(noticetab::Decode(noticetab::testing::ReadFile(f), f), f);
  CHECK(lines_seen > 1000);
}
