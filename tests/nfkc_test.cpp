// Nfkc's path without ICU must give what ICU gives, character by character
// and on mixed text.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace {

const icu::Normalizer2& Icu() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));
  return *n;
}

std::string IcuNfkc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  Icu().normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::string Utf8(char32_t c) {
  std::string s;
  noticetab::AppendUtf8(s, c);
  return s;
}

}  // namespace

TEST_CASE("Nfkc without ICU: each character it takes", "[text][nfkc]") {
  std::vector<char32_t> kept = {0x3001, 0x3002, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014};
  for (char32_t c = 0x3007; c <= 0x3011; ++c) kept.push_back(c);  // 〇 and the brackets 〈〉《》「」『』【】
  for (char32_t c = 0x3014; c <= 0x3017; ++c) kept.push_back(c);  // 〔〕〖〗
  for (char32_t c = 0x4000; c <= 0x9FFF; ++c) kept.push_back(c);
  for (char32_t c : kept) {
    CAPTURE(static_cast<uint32_t>(c));
    CHECK(Icu().isInert(static_cast<UChar32>(c)));
    std::string out;
    REQUIRE(noticetab::NfkcWithoutIcu(Utf8(c), &out));
    CHECK(out == Utf8(c));
  }
  for (char32_t c = 1; c < 0x80; ++c) {
    std::string out;
    REQUIRE(noticetab::NfkcWithoutIcu(Utf8(c), &out));
    CHECK(out == IcuNfkc(Utf8(c)));
  }
  std::vector<char32_t> mapped = {0x3000};
  for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) mapped.push_back(c);
  for (char32_t c : mapped) {
    CAPTURE(static_cast<uint32_t>(c));
    std::string out;
    REQUIRE(noticetab::NfkcWithoutIcu(Utf8(c), &out));
    CHECK(out == IcuNfkc(Utf8(c)));
    CHECK(out.size() == 1);
  }
}

TEST_CASE("Nfkc without ICU declines other text", "[text][nfkc]") {
  std::string out;
  // The last four: a byte that does not start a 3-byte sequence before two
  // continuation bytes, read as U+FF10 (full-width 0) when only the
  // continuation bytes were tested.
  for (const char* s : {"①", "e\u0301", "\u2026", "㈠", "\uF900", "\xFF", "\xE4\xB8", "a\xE4", "😀", "\u00A0",
                        "\xCF\xBC\x90", "\xBF\xBC\x90", "\xF0\xBC\x90", "\xC3\xA4\x80"})
    CHECK_FALSE(noticetab::NfkcWithoutIcu(s, &out));
}

TEST_CASE("Nfkc equals ICU's NFKC on mixed text", "[text][nfkc]") {
  const std::vector<std::string> pool = {"a", "Z", " ", "\t", ".", "一", "县", "\u4DC0", "、", "。", "“", "”", "‘",
                                         "（", "）", "，", "：", "１", "Ａ", "～", "\u3000", "\u0301", "\u0308",
                                         "①", "\u2026", "\uF900", "ｶ", "\uFF9E", "㍿", "\xFF", "\xE4\xB8", "e", "A",
                                         "\xCF\xBC\x90", "\xBF\xBC", "\x90"};
  std::mt19937 rng(15);
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    const int len = static_cast<int>(rng() % 8);
    for (int j = 0; j < len; ++j) s += pool[rng() % pool.size()];
    CAPTURE(s);
    CHECK(noticetab::Nfkc(s) == IcuNfkc(s));
  }
}
