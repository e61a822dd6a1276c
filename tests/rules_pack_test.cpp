// The built-in rules are loaded from YAML trees packed at build time
// (src/rules_pack.h). They must be the trees yaml-cpp reads from
// rules/*.yaml, positions included, less the `examples:` entries.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <string>

#include "../src/rules_pack.h"
#include "noticetab/rules.h"

namespace {

// Why `packed` differs from `parsed` (without its examples), or "".
std::string Diff(const YAML::Node& parsed, const YAML::Node& packed, const std::string& at) {
  const std::string where = at + " (line " + std::to_string(parsed.Mark().line + 1) + ")";
  if (parsed.Type() != packed.Type()) return where + ": node type";
  if (parsed.Mark().line != packed.Mark().line || parsed.Mark().column != packed.Mark().column)
    return where + ": position " + std::to_string(packed.Mark().line + 1) + ":" + std::to_string(packed.Mark().column + 1);
  if (parsed.Tag() != packed.Tag()) return where + ": tag " + packed.Tag();
  if (parsed.IsScalar()) return parsed.Scalar() == packed.Scalar() ? "" : where + ": text " + packed.Scalar();
  if (parsed.IsSequence()) {
    if (parsed.size() != packed.size()) return where + ": item count";
    for (size_t i = 0; i < parsed.size(); ++i)
      if (auto d = Diff(parsed[i], packed[i], at + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    return "";
  }
  if (parsed.IsMap()) {
    auto p = packed.begin();
    for (const auto& kv : parsed) {
      if (kv.first.IsScalar() && kv.first.Scalar() == "examples") continue;
      if (p == packed.end()) return where + ": entries missing";
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
      if (auto d = Diff(kv.first, p->first, at + "." + key); !d.empty()) return d;
      if (auto d = Diff(kv.second, p->second, at + "." + key); !d.empty()) return d;
      ++p;
    }
    return p == packed.end() ? "" : where + ": extra entries";
  }
  return "";
}

}  // namespace

TEST_CASE("the packed built-in rules are the trees of rules/*.yaml, without examples", "[rules]") {
  const auto& packed = noticetab::PackedRules();
  const auto& embedded = noticetab::EmbeddedRules();
  REQUIRE(packed.size() == embedded.size());
  for (size_t i = 0; i < packed.size(); ++i) {
    INFO(embedded[i].first);
    REQUIRE(packed[i].first == embedded[i].first);
    noticetab::rules_pack::Reader reader(packed[i].second);
    const YAML::Node tree = reader.Node();
    CHECK(reader.done());
    CHECK(Diff(YAML::Load(std::string(embedded[i].second)), tree, std::string(embedded[i].first)) == "");
  }
}

TEST_CASE("rules_pack: a tree packs and unpacks to itself", "[rules]") {
  const YAML::Node in = YAML::Load(
      "a: [1, 'two', \"three\"]\n"
      "b:\n  c: ~\n  examples: [dropped]\n  d: |\n    block\n"
      "e:\n  - {x: y}\n  - ''\n");
  std::string bytes;
  noticetab::rules_pack::Pack(in, bytes);
  noticetab::rules_pack::Reader reader(bytes);
  const YAML::Node out = reader.Node();
  CHECK(reader.done());
  CHECK(Diff(in, out, "") == "");
  CHECK_FALSE(out["b"]["examples"]);
  CHECK(out["b"]["d"].Scalar() == "block\n");
  CHECK(out["a"][1].Tag() == "!");
  CHECK(out["e"][0]["x"].Mark().line == 7);  // 0-based
  noticetab::rules_pack::Reader truncated(std::string_view(bytes).substr(0, bytes.size() / 2));
  CHECK_THROWS(truncated.Node());
}
