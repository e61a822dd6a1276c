// The built-in rules are loaded from YAML trees packed at build time
// (src/rules_pack.h). They must be the trees yaml-cpp reads from
// rules/*.yaml, positions included, less the `examples:` entries.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <string>

#include "../src/rules_node.h"
#include "../src/rules_pack.h"
#include "noticetab/rules.h"

namespace {

using noticetab::rules_node::Node;

// Why `packed` differs from `parsed` (without its examples), or "".
std::string Diff(const YAML::Node& parsed, const Node& packed, const std::string& at) {
  const std::string where = at + " (line " + std::to_string(parsed.Mark().line + 1) + ")";
  if (parsed.Type() != packed.Type()) return where + ": node type";
  if (parsed.Mark().line != packed.Mark().line || parsed.Mark().column != packed.Mark().column)
    return where + ": position " + std::to_string(packed.Mark().line + 1) + ":" + std::to_string(packed.Mark().column + 1);
  if (parsed.Tag() != packed.Tag()) return where + ": tag " + packed.Tag();
  if (parsed.IsScalar()) return parsed.Scalar() == packed.Scalar() ? "" : where + ": text " + packed.Scalar();
  if (parsed.IsSequence()) {
    if (parsed.size() != packed.size()) return where + ": item count";
    auto p = packed.begin();
    for (size_t i = 0; i < parsed.size(); ++i, ++p)
      if (auto d = Diff(parsed[i], *p, at + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    return p == packed.end() ? "" : where + ": extra items";
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
    noticetab::rules_node::Tree tree;
    reader.Read(tree);
    CHECK(reader.done());
    CHECK(Diff(YAML::Load(std::string(embedded[i].second)), Node(tree, 0), std::string(embedded[i].first)) == "");
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
  noticetab::rules_node::Tree tree;
  reader.Read(tree);
  const Node out(tree, 0);
  CHECK(reader.done());
  CHECK(Diff(in, out, "") == "");
  CHECK_FALSE(out["b"]["examples"]);
  CHECK(out["b"]["d"].Scalar() == "block\n");
  CHECK((*++out["a"].begin()).Tag() == "!");
  CHECK((*out["e"].begin())["x"].Mark().line == 7);  // 0-based
  noticetab::rules_pack::Reader truncated(std::string_view(bytes).substr(0, bytes.size() / 2));
  noticetab::rules_node::Tree part;
  CHECK_THROWS(truncated.Read(part));
}

// A flat tree answers as yaml-cpp does on the same tree, exceptions included:
// the loaders' error messages come from them.
TEST_CASE("rules_node: a packed tree answers as the yaml-cpp tree", "[rules]") {
  const YAML::Node in = YAML::Load("m: {k: v, n: ~}\ns: text\nl: [a, b]\nz:\n");
  std::string bytes;
  noticetab::rules_pack::Pack(in, bytes);
  noticetab::rules_pack::Reader reader(bytes);
  noticetab::rules_node::Tree tree;
  reader.Read(tree);
  const Node flat(tree, 0), wrapped(in);
  auto message = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const YAML::Exception& e) {
      return e.what();
    }
    return "no exception";
  };
  for (const Node* n : {&flat, &wrapped}) {
    const Node& root = *n;
    CHECK(root.size() == 4);
    CHECK_FALSE(root["missing"]);
    CHECK(root["m"]["k"].Scalar() == "v");
    CHECK(root["m"]["n"].as<std::string>() == "null");
    CHECK(root["z"].IsNull());
    CHECK_FALSE(root["l"]["a"]);
    CHECK(root["l"].size() == 2);
    CHECK(root["l"].Scalar().empty());
    std::string keys;
    for (const auto& kv : root) keys += kv.first.as<std::string>() + ";";
    CHECK(keys == "m;s;l;z;");
    std::string items;
    for (const auto& item : root["l"]) items += item.Scalar();
    CHECK(items == "ab");
    CHECK(root["s"].begin() == root["s"].end());
  }
  // The same exceptions, with the same messages.
  auto same = [&](auto&& f) { CHECK(message([&] { f(flat); }) == message([&] { f(wrapped); })); };
  same([](const Node& r) { (void)r["s"]["x"]; });              // a scalar has no keys
  same([](const Node& r) { (void)r["missing"].Mark(); });      // a missing entry has no position
  same([](const Node& r) { (void)r["missing"].IsMap(); });
  same([](const Node& r) { (void)r["m"].as<std::string>(); });  // a mapping is no string
  same([](const Node& r) { (void)r["missing"].size(); });
  for (const Node* n : {&flat, &wrapped}) CHECK((*n)["missing"].begin() == (*n)["missing"].end());
  CHECK(message([&] { (void)flat["s"]["x"]; }) != "no exception");
}

// The arrays generated at build time are the trees the Reader unpacks from
// the same bytes, node for node: BuiltinRules() loads them instead.
TEST_CASE("rules_pack: the built-in trees unpacked at build time are the packed trees", "[rules]") {
  const auto& packed = noticetab::PackedRules();
  const auto& trees = noticetab::PackedTrees();
  REQUIRE(trees.size() == packed.size());
  for (size_t i = 0; i < packed.size(); ++i) {
    INFO(packed[i].first);
    REQUIRE(trees[i].first == packed[i].first);
    noticetab::rules_pack::Reader reader(packed[i].second);
    noticetab::rules_node::Tree tree;
    reader.Read(tree);
    const noticetab::rules_node::View built = trees[i].second;
    CHECK(built.bytes == packed[i].second.data());
    size_t differ = 0;
    for (size_t k = 0; k < tree.nodes.size(); ++k) {
      const auto &a = tree.nodes[k], &b = built.nodes[k];
      differ += a.kind != b.kind || a.line != b.line || a.column != b.column || a.tag_at != b.tag_at ||
                a.tag_size != b.tag_size || a.text_at != b.text_at || a.text_size != b.text_size ||
                a.kids != b.kids || a.count != b.count;
    }
    for (size_t k = 0; k < tree.kids.size(); ++k) differ += tree.kids[k] != built.kids[k];
    CHECK(differ == 0);
    CHECK(Diff(YAML::Load(std::string(noticetab::EmbeddedRules()[i].second)), Node(built, 0),
               std::string(packed[i].first)) == "");
  }
}
