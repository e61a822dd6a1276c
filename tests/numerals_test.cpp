// headings.yaml `numerals`: the one table of CJK numerals, loaded like any rule.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "noticetab/error.h"
#include "noticetab/rules.h"

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// The embedded rules with headings.yaml replaced by text.
Files WithHeadings(const std::string& text) {
  Files files;
  for (const auto& [name, body] : noticetab::EmbeddedRules())
    files.emplace_back(std::string(name), name == "headings.yaml" ? text : std::string(body));
  return files;
}

const char* const kHead =
    "markdown_prefix: '^#+\\s+'\n"
    "styles:\n"
    "  - name: cn-dun\n"
    "    level: 1\n"
    "    pattern: '^(?<no>[一二三])、(?<title>.*)$'\n";

std::string RulesError(const std::string& text) {
  try {
    noticetab::CompileRules(WithHeadings(text));
  } catch (const noticetab::Error& e) {
    return e.Format();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("the built-in rules list the CJK numerals", "[numerals]") {
  const noticetab::Numerals& n = noticetab::BuiltinRules().numerals;
  CHECK(n.digits.size() >= 10);
  CHECK(n.units.size() >= 1);
  CHECK(n.Value("二十三") == 23);
}

TEST_CASE("a headings.yaml without numerals keeps the built-in ones", "[numerals]") {
  noticetab::Rules r = noticetab::CompileRules(WithHeadings(kHead));
  CHECK(r.numerals.Value("十二") == 12);
  CHECK(r.numerals.digits == noticetab::BuiltinRules().numerals.digits);
}

TEST_CASE("numerals from a rules file replace the built-in ones", "[numerals]") {
  noticetab::Rules r = noticetab::CompileRules(WithHeadings(
      std::string(kHead) + "numerals:\n  digits: [零, 壹, 贰, 叁, 肆, 伍, 陆, 柒, 捌, 玖]\n  units: {拾: 10}\n"));
  CHECK(r.numerals.Value("贰拾叁") == 23);
  CHECK(r.numerals.Value("二十三") == -1);
}

TEST_CASE("bad numerals are rules errors at their line", "[numerals]") {
  CHECK(RulesError(std::string(kHead) + "numerals: [一]\n").find("headings.yaml:6:") == 0);
  CHECK(RulesError(std::string(kHead) + "numerals:\n  digits: [〇, 一]\n  units: {十: 10}\n")
            .find("headings.yaml:7:") == 0);
  CHECK(RulesError(std::string(kHead) + "numerals:\n  digits: [〇, 一, 二, 三, 四, 五, 六, 七, 八, 九]\n  units: {十: 12}\n")
            .find("headings.yaml:8:") == 0);
  CHECK(RulesError(std::string(kHead) + "numerals:\n  digits: [〇, 一, 二, 三, 四, 五, 六, 七, 八, 十]\n  units: {十: 10}\n")
            .find("both a digit and a unit") != std::string::npos);
  CHECK(RulesError(std::string(kHead) + "numerals:\n  digits: [〇, 一, 二, 三, 四, 五, 六, 七, 八, 九]\n  unit: {十: 10}\n")
            .find("headings.yaml:8:") == 0);
}
