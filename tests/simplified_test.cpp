// ToSimplified (src/simplified.cpp) reads ICU's Hant-Hans rules into a table
// of string mappings; here it is compared with ICU's own
// "Traditional-Simplified" transliterator over every code point, every rule
// and the sample texts.
#include <unicode/translit.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace {

std::string Icu(std::string_view s) {
  static const std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> p(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    return p;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The Traditional side of every Hant-Hans rule that applies in the
// Traditional -> Simplified direction, read independently of the code under
// test: the text right of ↔ or ← (the rule set is used in reverse).
std::vector<std::string> TraditionalKeys() {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer root(ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &status));
  icu::LocalUResourceBundlePointer ids(ures_getByKey(root.getAlias(), "RuleBasedTransliteratorIDs", nullptr, &status));
  icu::LocalUResourceBundlePointer id(ures_getByKey(ids.getAlias(), "Hant-Hans", nullptr, &status));
  icu::LocalUResourceBundlePointer file(ures_getByKey(id.getAlias(), "file", nullptr, &status));
  int32_t n = 0;
  const UChar* text = ures_getStringByKey(file.getAlias(), "resource", &n, &status);
  REQUIRE(U_SUCCESS(status));
  std::string rules;
  icu::UnicodeString(text, n).toUTF8String(rules);
  std::vector<std::string> keys;
  std::stringstream in(rules);
  for (std::string rule; std::getline(in, rule, ';');) {
    for (std::string_view arrow : {"\u2194", "\u2190"}) {
      const size_t at = rule.find(arrow);
      if (at == std::string::npos) continue;
      std::string key;
      for (char c : rule.substr(at + arrow.size())) {
        if (c != ' ') key += c;
      }
      keys.push_back(key);
    }
  }
  return keys;
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

TEST_CASE("ToSimplified equals ICU's transliterator on every code point", "[text][simplified]") {
  // Each code point alone (a newline after it: no rule starts or ends
  // there), then all of them in a row, in blocks.
  std::string alone, row;
  for (char32_t c = 0x20; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    noticetab::AppendUtf8(alone, c);
    alone += '\n';
    noticetab::AppendUtf8(row, c);
    if (alone.size() > 1 << 16 || c == 0x10FFFF) {
      INFO("block ending at U+" << std::hex << static_cast<uint32_t>(c));
      REQUIRE(noticetab::ToSimplified(alone) == Icu(alone));
      REQUIRE(noticetab::ToSimplified(row) == Icu(row));
      alone.clear();
      row.clear();
    }
  }
}

TEST_CASE("ToSimplified equals ICU's transliterator on every rule", "[text][simplified]") {
  const std::vector<std::string> keys = TraditionalKeys();
  REQUIRE(keys.size() > 3000);
  size_t multi = 0;
  std::string all, reversed;
  for (const std::string& k : keys) {
    INFO(k);
    REQUIRE(noticetab::ToSimplified(k) == Icu(k));
    const std::string framed = "中" + k + "國" + k + k;
    REQUIRE(noticetab::ToSimplified(framed) == Icu(framed));
    multi += noticetab::CharCount(k) > 1;
    all += k;
    reversed.insert(0, k);
  }
  CHECK(multi > 500);  // the phrase rules are there to be tested
  CHECK(noticetab::ToSimplified(all) == Icu(all));
  CHECK(noticetab::ToSimplified(reversed) == Icu(reversed));
  // Keys run together and cut anywhere: overlapping phrase rules.
  std::mt19937 rng(15);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int k = 0; k < 6; ++k) s += keys[rng() % keys.size()];
    size_t cut = rng() % s.size();
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(cut);
    INFO(s);
    REQUIRE(noticetab::ToSimplified(s) == Icu(s));
  }
}

TEST_CASE("ToSimplified equals ICU's transliterator on the samples and malformed text", "[text][simplified]") {
  size_t files = 0;
  for (const char* dir : {"samples", "samples/composed", "tests/data/encodings", "../shared/corpus/real"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      const std::string text = Slurp(e.path());
      INFO(e.path());
      CHECK(noticetab::ToSimplified(text) == Icu(text));
      ++files;
    }
  }
  CHECK(files > 10);
  const std::string traditional = Slurp("samples/composed/traditional-cells-2020.txt");
  CHECK(noticetab::ToSimplified(traditional) != traditional);
  for (const char* s : {"", "\xFF", "\xE5\x9C", "國\xE5\x9C國", "\xED\xA0\x80體", "餘\xC0\xAF額", "\xF0\x9F\x98\x80體"}) {
    INFO(s);
    CHECK(noticetab::ToSimplified(s) == Icu(s));
  }
  CHECK(noticetab::ToSimplified("關係 於飛 餘額") == "关系 于飞 余额");
}
