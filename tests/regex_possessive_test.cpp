// regex_lite's possessive set repeats (a greedy repeat of a set that what
// follows cannot start inside keeps no give-back frame) against the same
// programs compiled with give-back frames everywhere: every match of the
// find() loop, with all group offsets, on the rule patterns and hand-written
// ones, over corpus lines and generated texts.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "../fuzz/regex_check.h"
#include "regex_lite.h"
#include "test_util.h"

namespace noticetab {
namespace {

// Compiles with possessive repeats on or off.
std::unique_ptr<regex_lite::Program> CompileWith(const std::string& pattern, bool possessive) {
  regex_lite::detail::possessive_repeats = possessive;
  auto p = regex_lite::Compile(pattern);
  regex_lite::detail::possessive_repeats = true;
  return p;
}

TEST_CASE("regex_lite's possessive set repeats find what give-back frames find", "[regex]") {
  std::set<std::string> patterns = testing::RuleScalars();
  for (const char* p : {"a*ab", "[ab]*b", "[ab]*c", "\\s*\\S", "[^，]+，", "\\d+年", "[一二三]{1,3}三", "[一二三]{1,3}四",
                        ".*$", "a*(?=a)", "a*(?!b)b", "[a-c]+[c-e]", "[a-c]+[d-e]", "\\S+\\s", "(?:a|b)*b", "(a+)(b+)a",
                        "[^ab]*a", "[^ab]*[ab]", "a{2,4}b", "a{2,4}a", "(?<x>\\d{1,2})\\s*[.．、](?![0-9])\\s*(?<t>\\S.*)$",
                        "^([ab]+)(?:c|a)", "^([ab]+)(?:c|d)", "x*(?:y|x)", "[年月]+日", "[年月]+月", "a*\\s*b", "\\s*\\s*a",
                        ".*$", "(?<t>\\S.*)$", "[^，]*$", "\\s*$", "[a\\n]*$", "[\\r]*$", "a[\\r]*$", "(.)*$", "a*", "(?=a*)b", "[ab]+\\s*b", "[一二三]{1,3}\\s*[、.]", "[ab]+\\s*x*b", "(?:[ab]+c)+", "([a-c]+)(?<n>[c-d]+)\\1?", "(?:a+|b)+c", "[一二]+(一|三)", "[^\\s]+\\s+\\S"})
    patterns.insert(p);

  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/samples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line;
    for (int k = 0; k < 40 && std::getline(in, line); ++k) texts.push_back(line);
  }
  std::mt19937 rng(7);
  const char* abc[] = {"a", "b", "c", "d", " ", "年", "月", "日", "一", "二", "三", "四", "，", "1", "２", "x", "y", ".", "\n", "\r\n", "\r", "\u2028"};
  for (int k = 0; k < 200; ++k) {
    std::string bytes(rng() % 24, '\0');
    for (char& b : bytes) b = static_cast<char>(rng());
    texts.push_back(fuzz::MapRegexText(bytes));
    std::string t;
    for (size_t i = rng() % 16; i > 0; --i) t += abc[rng() % std::size(abc)];
    texts.push_back(t);
  }

  size_t compared = 0, differ = 0;
  for (const auto& pattern : patterns) {
    const auto fast = CompileWith(pattern, true);
    const auto slow = CompileWith(pattern, false);
    if (!fast) continue;
    REQUIRE(slow);
    for (const auto& text : texts) {
      std::vector<fuzz::RegexGroups> a, b;
      const bool ra = fuzz::LiteAll(*fast, text, 8, a), rb = fuzz::LiteAll(*slow, text, 8, b);
      if (!ra || !rb) continue;
      ++compared;
      if (a == b) continue;
      if (++differ <= 5)
        FAIL_CHECK(pattern << " on '" << text << "': " << fuzz::DescribeMatches(a) << "vs " << fuzz::DescribeMatches(b));
    }
  }
  CHECK(differ == 0);
  CHECK(compared > 10000);
}

}  // namespace
}  // namespace noticetab
