// Golden outputs per sample (tests/golden/), compared through the library and
// through the built binary. They were read row by row before being accepted.
// Rewrite them only on purpose:  NOTICETAB_ACCEPT=1 build/tests/unit_tests "[golden]"
// then read `git diff tests/golden` before committing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

bool Accepting() {
  const char* v = std::getenv("NOTICETAB_ACCEPT");
  return v && std::string(v) == "1";
}

// Compares against the golden file, or rewrites it in accept mode. On a
// mismatch reports the first differing line, which is what a reader needs.
void CompareGolden(const std::string& rel, const std::string& actual) {
  std::string path = SourceDir() + "/" + rel;
  if (Accepting()) {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("accepted " << rel);
    return;
  }
  std::string expected = ReadFile(path);
  REQUIRE_FALSE(expected.empty());
  if (expected == actual) {
    SUCCEED();
    return;
  }
  size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) line += expected[i++] == '\n';
  auto line_at = [&](const std::string& s) {
    size_t b = s.rfind('\n', i ? i - 1 : 0);
    b = b == std::string::npos ? 0 : b + 1;
    return s.substr(b, s.find('\n', b) - b);
  };
  FAIL(rel << " differs at line " << line << "\n  golden: " << line_at(expected) << "\n  actual: " << line_at(actual));
}

}  // namespace

TEST_CASE("each sample converts to its golden JSON (library)", "[golden]") {
  for (const auto& name : SampleNames()) {
    INFO(name);
    CompareGolden("tests/golden/" + name + ".json", Render("json", {ConvertSample(name)}));
  }
}

TEST_CASE("each composed sample converts to its golden JSON (library and binary)", "[golden]") {
  for (std::string name : {"composed/clauses-2024", "composed/markdown-2024", "composed/pipe-2024",
                           "composed/traditional-cells-2020", "composed/web-keyvalue-2023"}) {
    INFO(name);
    std::string rel = "tests/golden/" + name + ".json";
    CompareGolden(rel, Render("json", {ConvertSample(name)}));
    if (Accepting()) continue;
    auto r = RunCli("-f json samples/" + name + ".txt");
    REQUIRE(r.status == 0);
    CHECK(r.out == ReadFile(SourceDir() + "/" + rel));
  }
}

TEST_CASE("all samples convert to the golden CSV ledger (library)", "[golden]") {
  std::vector<Document> docs;
  for (const auto& name : SampleNames()) docs.push_back(ConvertSample(name));
  CompareGolden("tests/golden/samples.csv", Render("csv", docs));
}

TEST_CASE("the binary writes the same goldens", "[golden][cli]") {
  if (Accepting()) return;
  for (const auto& name : SampleNames()) {
    INFO(name);
    auto r = RunCli("-f json samples/" + name + ".txt");
    REQUIRE(r.status == 0);
    CHECK(r.out == ReadFile(SourceDir() + "/tests/golden/" + name + ".json"));
  }
  auto r = RunCli("-f csv samples/fushan-2023.txt samples/laiwu-2021.txt samples/linyi-2023.txt "
                  "samples/shanghe-2023.txt samples/zhaoyuan-2023.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out == ReadFile(SourceDir() + "/tests/golden/samples.csv"));
}

TEST_CASE("GB18030 and UTF-16LE copies of a notice convert like the UTF-8 original", "[golden][encoding]") {
  std::string utf8 = Render("json", {ConvertSample("zhaoyuan-2023")});
  struct Case {
    const char* file;
    const char* encoding;
  };
  for (Case c : {Case{"zhaoyuan-2023.gb18030.txt", "GB18030"}, Case{"zhaoyuan-2023.utf16le.txt", "UTF-16LE"}}) {
    INFO(c.file);
    std::string bytes = ReadFile(SourceDir() + "/tests/data/encodings/" + c.file);
    REQUIRE_FALSE(bytes.empty());
    Document doc = Convert(Decode(bytes, "samples/zhaoyuan-2023.txt"), BuiltinRules());
    CHECK(doc.encoding == c.encoding);
    std::string json = Render("json", {doc});
    std::string from = std::string("\"encoding\": \"") + c.encoding + "\"";
    json.replace(json.find(from), from.size(), "\"encoding\": \"UTF-8\"");
    CHECK(json == utf8);
  }
  // And through the binary: the CSV ledger is byte-identical but for `source`.
  auto want = RunCli("-f csv samples/zhaoyuan-2023.txt");
  auto got = RunCli("-f csv tests/data/encodings/zhaoyuan-2023.gb18030.txt");
  REQUIRE(got.status == 0);
  std::string a = want.out, b = got.out;
  for (std::string* s : {&a, &b}) {
    size_t p = 0;
    while ((p = s->find("\n", p)) != std::string::npos) {
      size_t comma = s->find(',', p + 1);
      if (comma == std::string::npos) break;
      s->erase(p + 1, comma - p - 1);
      p += 1;
    }
  }
  CHECK(a == b);
}
