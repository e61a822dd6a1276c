// The built-in patterns' literal prefilter and program, made at build time
// (src/tools/literal_cache.cpp) and looked up by Regex instead of reading and
// compiling the pattern: the table must hold every pattern the loaders make,
// each with what reading and compiling it gives now, and a Regex using it
// must answer as one reading and compiling its pattern.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "rules_pack.h"

namespace noticetab {
namespace {

std::string_view Field(const Regex::Precomputed& t, size_t k, int field) {
  return {t.bytes + t.entries[6 * k + field], t.entries[6 * k + field + 1]};
}

struct UseTable {
  explicit UseTable(const Regex::Precomputed* t) { Regex::UsePrecomputed(t); }
  ~UseTable() { Regex::UsePrecomputed(nullptr); }
};

TEST_CASE("precomputed literals: every loader pattern, each as read now", "[regex]") {
  const Regex::Precomputed& table = *BuiltinLiterals();
  REQUIRE(table.count > 100);
  for (size_t k = 1; k < table.count; ++k) CHECK(Field(table, k - 1, 0) < Field(table, k, 0));
  size_t stale = 0;
  size_t programs = 0;
  for (size_t k = 0; k < table.count; ++k) {
    stale += Regex::Analysis(Field(table, k, 0)) != Field(table, k, 2);
    stale += Regex::Program(Field(table, k, 0)) != Field(table, k, 4);
    programs += !Field(table, k, 4).empty();
  }
  CHECK(stale == 0);
  CHECK(programs == table.count);  // the built-in patterns are all within regex_lite's subset

  std::vector<std::string> patterns;
  Regex::RecordPatterns(&patterns);
  { Rules rules = CompilePackedRules(PackedRules()); }
  Regex::RecordPatterns(nullptr);
  REQUIRE(!patterns.empty());
  size_t missing = 0;
  for (const auto& p : patterns) {
    bool found = false;
    for (size_t k = 0; k < table.count && !found; ++k) found = Field(table, k, 0) == p;
    missing += !found;
  }
  CHECK(missing == 0);
}

TEST_CASE("precomputed literals: a Regex using the table answers as one reading its pattern", "[regex]") {
  const Regex::Precomputed& table = *BuiltinLiterals();
  std::vector<std::string> lines;
  for (const char* sample : {"/samples/linyi-2023.txt", "/samples/shanghe-2023.txt"}) {
    std::ifstream in(std::string(NOTICETAB_SOURCE_DIR) + sample);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  REQUIRE(lines.size() > 200);
  size_t differ = 0, found = 0;
  std::vector<std::pair<char32_t, char32_t>> a_starts, b_starts;
  for (size_t k = 0; k < table.count; ++k) {
    const std::string_view p = Field(table, k, 0);
    Regex read(p, Regex::When::kOnFirstUse);
    const auto& required = read.required();
    const auto& leading = read.leading();
    const auto& trailing = read.trailing();
    const bool a = read.StartChars(&a_starts);
    UseTable use(&table);
    Regex looked(p, Regex::When::kOnFirstUse);
    differ += looked.required() != required || looked.leading() != leading || looked.trailing() != trailing ||
              looked.StartChars(&b_starts) != a || a_starts != b_starts;
    for (const auto& line : lines) {
      const Regex::Match x = read.Find(line), y = looked.Find(line);
      differ += x.found != y.found || x.begin != y.begin || x.end != y.end || x.groups != y.groups;
      found += x.found;
    }
  }
  CHECK(differ == 0);
  CHECK(found > 100);
}

TEST_CASE("precomputed literals: the table is what a Regex reads, and only for its patterns", "[regex]") {
  // A table whose entry says 三 is required of 一二: the Regex believes it.
  const std::string pattern = "一二";
  const std::string other = "一二三";
  std::string analysis = Regex::Analysis(other);
  const std::string program = Regex::Program(other);
  const std::string bytes = pattern + analysis + program;
  const auto p = static_cast<uint32_t>(pattern.size()), a = static_cast<uint32_t>(analysis.size());
  const uint32_t entries[] = {0, p, p, a, p + a, static_cast<uint32_t>(program.size())};
  const Regex::Precomputed fake{bytes.data(), entries, 1};
  UseTable use(&fake);
  CHECK(Regex(pattern).required() == Regex::Requirements{{"一二三"}});
  CHECK_FALSE(Regex(pattern).Contains("一二"));  // the prefilter turns it away
  CHECK(Regex(pattern).Contains("一二三"));       // and the program is 一二三's
  CHECK_FALSE(Regex(pattern).Contains("一二四三"));
  CHECK(Regex("一").required() == Regex::Requirements{{"一"}});  // not in the table: read
}

}  // namespace
}  // namespace noticetab
