// Robustness at the library level: damaged, odd or huge inputs go through
// Decode -> Convert -> every writer and end in a document with warnings or in
// one noticetab::Error; bad rules files are positioned errors. Inputs are
// generated (bad_inputs.h; cli_robustness_test.cpp runs the same through the
// binary). Each case asserts outcomes only; timing belongs to bench/.
// Inputs the fuzzers found are kept in fuzz/regressions/<target>/ and
// replayed by the "fuzz regressions and seeds" case, plus one named case per fix.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bad_inputs.h"
#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "noticetab/write.h"
#include "test_util.h"
#include "../fuzz/regex_check.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

// Runs one document through every writer with both option variants; each
// must produce output without throwing. Returns the JSON rendering.
std::string WriteAll(const Document& doc) {
  std::string json;
  for (const Writer& w : Writers()) {
    if (!w.write) continue;  // a view's table writer only (text)
    for (bool variant : {false, true}) {
      WriteOptions opts;
      opts.excel = opts.normalize_punct = variant;
      std::ostringstream out;
      REQUIRE_NOTHROW(w.write(out, {doc}, opts));
      CHECK(!out.str().empty());
      if (w.name == "json" && !variant) json = out.str();
    }
  }
  return json;
}

// Decode -> Convert -> every writer.
Document Pipeline(const std::string& bytes, const std::string& name = "in.txt") {
  Document doc = Convert(Decode(bytes, name), BuiltinRules());
  WriteAll(doc);
  return doc;
}

bool HasCode(const std::vector<noticetab::Diagnostic>& ds, const std::string& code) {
  return std::any_of(ds.begin(), ds.end(), [&](const noticetab::Diagnostic& d) { return d.code == code; });
}

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

// The Error that decoding bytes throws; fails the test when there is none.
Error DecodeError(const std::string& bytes, const std::string& name) {
  try {
    Pipeline(bytes, name);
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error for " << name);
  return Error(Error::Kind::kInput, "");
}

}  // namespace

TEST_CASE("robustness: empty input converts to an empty document with warnings", "[robustness]") {
  const Document doc = Pipeline("");
  CHECK(doc.encoding == "UTF-8");
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(doc.layout == "none");
  CHECK(HasCode(doc.diagnostics, "outline.empty"));
  CHECK(HasCode(doc.diagnostics, "tasks.none"));
}

TEST_CASE("robustness: whitespace-only input converts to an empty document", "[robustness]") {
  const Document doc = Pipeline(kWhitespaceOnly);
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(HasCode(doc.diagnostics, "outline.empty"));
}

TEST_CASE("robustness: a notice with no table and no headings has an empty outline and a warning",
          "[robustness]") {
  const Document doc = Pipeline(kPlainNotice);
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(doc.layout == "none");
  CHECK(HasCode(doc.diagnostics, "outline.empty"));
  CHECK(HasCode(doc.diagnostics, "tasks.none"));
}

TEST_CASE("robustness: PNG and ELF bytes are refused as not text, naming the file", "[robustness]") {
  struct Case {
    std::string name, bytes, says;
  };
  const std::vector<Case> cases = {
      {"scan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20), "PNG"},
      {"a.out", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20), "ELF"},
  };
  for (const Case& c : cases) {
    const Error e = DecodeError(c.bytes, c.name);
    CHECK(e.kind() == Error::Kind::kInput);
    CHECK(e.file() == c.name);
    CHECK(e.message().find("not text") != std::string::npos);
    CHECK(e.message().find(c.says) != std::string::npos);
    CHECK(e.Format().rfind(c.name + ": not text", 0) == 0);
  }
}

TEST_CASE("robustness: a truncated ZIP is refused as a damaged archive, naming the file", "[robustness][native]") {
  const Error e = DecodeError(std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14), "notice.docx");
  CHECK(e.kind() == Error::Kind::kInput);
  CHECK(e.Format().rfind("notice.docx: damaged ZIP archive (", 0) == 0);
}

TEST_CASE("robustness: invalid UTF-8 bytes become U+FFFD with a warning naming the line", "[robustness]") {
  const Document doc = Pipeline(InvalidUtf8Notice());
  CHECK(doc.encoding == "UTF-8");
  CHECK(HasWarning(doc.warnings, "line 6: invalid UTF-8 bytes replaced with U+FFFD (2 places)"));
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 2);
  CHECK(doc.sections[0].items[1].text.find("\uFFFD\uFFFD同步解读") != std::string::npos);
  CHECK(doc.tasks.size() == 2);
}

TEST_CASE("robustness: truncated GB18030 converts with a warning on the last line", "[robustness]") {
  // The file ends in the first byte of 前 (2023年12月底前): cut mid-character.
  const Document whole = Pipeline(Encode(kSmallNotice, "GB18030")),
                 doc = Pipeline(TruncatedGb18030Notice());
  CHECK(doc.encoding == "GB18030");
  CHECK(whole.warnings.size() + 1 == doc.warnings.size());
  CHECK(HasWarning(doc.warnings, "line 11: invalid GB18030 bytes replaced with U+FFFD"));
  REQUIRE(doc.tasks.size() == whole.tasks.size());
  // The damaged deadline cell's readable words (2023年12月底) are read, with a
  // warning on its row naming the damage.
  REQUIRE(doc.tasks.back().deadline.text);
  CHECK(*doc.tasks.back().deadline.text == "2023年12月底");
  CHECK(HasWarning(doc.tasks.back().warnings, "unreadable characters removed from a cell"));
  CHECK(doc.sections.size() == 1);
}

TEST_CASE("robustness: UTF-16 without a BOM converts like the UTF-8 text", "[robustness]") {
  const std::string expected = WriteAll(Convert(Decode(kSmallNotice, "in.txt"), BuiltinRules()));
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    Document doc = Pipeline(Encode(kSmallNotice, charset));
    CHECK(doc.encoding == charset);
    doc.encoding = "UTF-8";
    CHECK(WriteAll(doc) == expected);
  }
}

TEST_CASE("robustness: NUL bytes: a few are removed with a warning, many refuse the file", "[robustness]") {
  const Document doc = Pipeline(NulNotice());
  CHECK(HasWarning(doc.warnings, "line 5: 1 NUL byte(s) removed"));
  CHECK(doc.tasks.size() == 2);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].items[0].title == "落实目录管理");

  // A NUL-padded file (a download cut short): the NULs are most of it.
  const Error e = DecodeError(NulPadded(), "nul.bin");
  CHECK(e.message() == "not text (contains NUL bytes)");
}

TEST_CASE("robustness: mixed CRLF, LF and CR line ends number lines like LF", "[robustness]") {
  const std::string mixed = MixedLineEndsNotice();
  REQUIRE(std::count(mixed.begin(), mixed.end(), '\r') == 7);
  const Document lf = Pipeline(kSmallNotice), doc = Pipeline(mixed);
  CHECK(WriteAll(doc) == WriteAll(lf));
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].line == 4);
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[1].first_line == 11);
}

TEST_CASE("robustness: a 10 MB single line converts", "[robustness][slow]") {
  const Document doc = Pipeline(OneLineNotice(10'000'000));
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].title == "标题");
  CHECK(doc.sections[0].line == 1);
}

TEST_CASE("robustness: a table of 100k rows gives 100k tasks", "[robustness][slow]") {
  const int kRows = 100'000;
  const Document doc = Pipeline(TableNotice(kRows));
  CHECK(doc.layout == "tabs");
  REQUIRE(doc.tasks.size() == static_cast<size_t>(kRows));
  CHECK(doc.tasks.front().first_line == 5);
  CHECK(doc.tasks.back().first_line == kRows + 4);
  CHECK(doc.tasks.back().content == "第100000项任务内容。");
  CHECK(doc.tasks.back().deadline.date == "2023-06-30");
}

TEST_CASE("robustness: 10k nested headings convert", "[robustness][slow]") {
  SECTION("four numbering levels repeated: levels 1 and 2 are the outline") {
    const int kGroups = 2500;  // x 4 heading lines
    const Document doc = Pipeline(NestedHeadingsNotice(kGroups));
    REQUIRE(doc.sections.size() == static_cast<size_t>(kGroups));
    CHECK(doc.sections.back().title == "第2500部分");
    CHECK(doc.sections.back().items.size() == 1);
    CHECK(doc.tasks.size() == static_cast<size_t>(kGroups));
  }
  SECTION("one heading under 10k nested markdown prefixes") {
    std::string line;
    for (int i = 0; i < 10'000; ++i) line += "> ";
    const Document doc = Pipeline(line + "一、标题\n" + line + "（一）事项。\n");
    CHECK(doc.sections.size() <= 1);
  }
  SECTION("10k headings that never continue a run") {
    std::string text;
    for (int i = 0; i < 10'000; ++i) text += CnNumeral(i % 97 + 2) + "、不连续\n";
    const Document doc = Pipeline(text);
    CHECK(doc.sections.empty());
  }
}

namespace {

// Writes one rules file into a fresh directory and loads it with LoadRules;
// returns the error.
Error RulesDirError(const std::string& file, const std::string& text) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("noticetab-robust-rules-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/" + file, std::ios::binary) << text;
  try {
    LoadRules(dir);
  } catch (const Error& e) {
    std::filesystem::remove_all(dir);
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(e.file() == dir + "/" + file);
    return e;
  }
  std::filesystem::remove_all(dir);
  FAIL("no error for " << file);
  return Error(Error::Kind::kRules, "");
}

// Format() without the directory part of the file name it starts with.
std::string Shown(const Error& e) { return e.Format().substr(e.file().rfind('/') + 1); }

}  // namespace

TEST_CASE("robustness: bad rules files are file:line:col errors with the line and a caret", "[robustness]") {
  SECTION("YAML syntax error") {
    const Error e = RulesDirError("headings.yaml", "markdown_prefix: '^#+'\nstyles: [\n  - name: x\n");
    CHECK(e.line() > 0);
    CHECK(e.col() > 0);
    CHECK(Shown(e).rfind("headings.yaml:" + std::to_string(e.line()) + ":" + std::to_string(e.col()) +
                             ": YAML syntax error",
                         0) == 0);
    CHECK(e.Format().back() == '^');
  }
  SECTION("unknown key") {
    const Error e = RulesDirError("junk.yaml", "junk: ['^关闭窗口$']\njunks: []\n");
    CHECK(Shown(e).rfind("junk.yaml:2:1: unknown key 'junks' (expected one of: junk, ", 0) == 0);
    CHECK(e.Format().ends_with("\njunks: []\n^"));
  }
  SECTION("invalid regex") {
    const Error e = RulesDirError("junk.yaml", "junk:\n  - '^关闭(窗口$'\n");
    CHECK(e.line() == 2);
    CHECK(Shown(e).rfind("junk.yaml:2:", 0) == 0);
    CHECK(e.message().find("invalid regex") == 0);
    CHECK(e.Format().find("\n  - '^关闭(窗口$'\n") != std::string::npos);
    CHECK(e.Format().back() == '^');
  }
  SECTION("missing required field") {
    const Error e = RulesDirError("deadlines.yaml", "hint: '月'\ndeadlines:\n  - name: m\n    kind: by_date\n");
    CHECK(Shown(e) == "deadlines.yaml:3:5: missing required field 'pattern'\n"
                      "  - name: m\n"
                      "    ^");
  }
}

// Quadratic repairs found by probing long pathological tables: each case
// is 20k rows and must keep its shape.
TEST_CASE("robustness: 20k wrapped content rows join into one task (no erase per row)", "[robustness][slow]") {
  std::string text = "一、甲\n附件\n" + kTableHeader + "甲\t乙\t县局\t年底前\n";
  for (int i = 0; i < 20'000; ++i) text += "\t续行内容\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 1);
  CHECK(doc.tasks[0].content.size() == std::string("乙").size() + 20'000 * std::string("续行内容").size());
  CHECK(doc.tasks[0].last_line == 20'004);
}

TEST_CASE("robustness: a column of 20k fragment unit cells is not joined into every row", "[robustness][slow]") {
  // Rows whose unit cell is a fragment (no org suffix) chain merged-cell
  // joins; before the cap each row held every fragment above it.
  std::string text = "一、甲\n（一）乙\n附件\n" + kTableHeader + "甲\t乙\t县局\t年底前\n";
  for (int i = 0; i < 20'000; ++i) text += "甲\t乙\t\t\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 20'001);
  size_t longest = 0;
  for (const Task& t : doc.tasks)
    for (const std::string& u : t.units) longest = std::max(longest, u.size());
  CHECK(longest < 64);
}

TEST_CASE("robustness: 20k rows of one item with an empty deadline column are not rescanned", "[robustness][slow]") {
  std::string text = "一、甲\n（一）乙内容\n附件\n" + kTableHeader;
  for (int i = 0; i < 20'000; ++i) text += "甲\t乙内容" + std::to_string(i) + "\t县局\t\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 20'000);
  CHECK(doc.tasks.back().deadline.kind == "none");
  CHECK(!HasWarning(doc.tasks.back().warnings, "完成时限 inferred"));
}

TEST_CASE("robustness: an item closing with 20k keys, bracketed or not, is read part by part",
          "[robustness][slow]") {
  // ParseClause once searched the rest of the text for each part's marks
  // (quadratic: 24k 牵头单位：X； took 10 s); now each mark is found once.
  for (const std::string key : {"【牵头单位】县农业农村局", "牵头单位：县农业农村局；"}) {
    std::string text = "2024年某县工作要点\n一、确保粮食安全\n（一）稳定粮食。全年稳定。";
    for (int i = 0; i < 20'000; ++i) text += key;
    text += "\n";
    const Document doc = Pipeline(text);
    REQUIRE(doc.tasks.size() == 1);
    CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县农业农村局"});
    CHECK(doc.tasks[0].content == "稳定粮食。全年稳定。");
  }
}

TEST_CASE("robustness: a unit list of 20k names is deduplicated without a quadratic scan", "[robustness][slow]") {
  // 10k distinct names (县 + two ideographs + 局), each listed twice.
  auto name = [](int i) {
    std::string n = "县";
    AppendUtf8(n, U'\u5000' + i % 160);
    AppendUtf8(n, U'\u5000' + i / 160);
    return n + "局";
  };
  std::string list;
  for (int i = 0; i < 20'000; ++i) list += (i ? "、" : "") + name(i % 10'000);
  const Document doc = Pipeline("一、甲\n（一）推进公开。\n牵头单位：" + list + "\n");
  REQUIRE(doc.tasks.size() == 1);
  REQUIRE(doc.tasks[0].units.size() == 10'000);
  CHECK(doc.tasks[0].lead_units.size() == 10'000);
  CHECK(doc.tasks[0].units.back() == name(9'999));
}

// Every input kept under fuzz/regressions/ (and the hand-made seeds in
// fuzz/corpus/) replayed the way the fuzz targets run it, so the sanitizer
// build of this suite checks them without clang or libFuzzer.
TEST_CASE("robustness: fuzz regressions and seeds replay cleanly", "[robustness][fuzz]") {
  namespace fs = std::filesystem;
  auto files_under = [](const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(SourceDir() + "/" + dir, ec))
      if (e.is_regular_file()) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const std::string& dir : {"fuzz/regressions/parse", "fuzz/corpus/parse"}) {
    for (const std::string& path : files_under(dir)) {
      INFO(path);
      try {
        Pipeline(ReadFile(path), path);
      } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::kInput);
      }
    }
  }
  // As regex_fuzz: the literal prefilter agrees with plain ICU.
  for (const std::string& dir : {"fuzz/regressions/regex", "fuzz/corpus/regex"}) {
    for (const std::string& path : files_under(dir)) {
      INFO(path);
      CHECK(noticetab::fuzz::CheckPrefilter(ReadFile(path)) == "");
    }
  }
  const auto& embedded = EmbeddedRules();
  for (const std::string& dir : {"fuzz/regressions/rules", "fuzz/corpus/rules"}) {
    for (const std::string& path : files_under(dir)) {
      INFO(path);
      const std::string bytes = ReadFile(path);
      if (bytes.empty()) continue;
      // As rules_fuzz: the first byte picks the embedded file to replace.
      const size_t pick = static_cast<unsigned char>(bytes[0]) % embedded.size();
      std::vector<std::pair<std::string, std::string>> files;
      for (size_t i = 0; i < embedded.size(); ++i)
        files.emplace_back(std::string(embedded[i].first),
                           i == pick ? bytes.substr(1) : std::string(embedded[i].second));
      try {
        CompileRules(files);
      } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::kRules);
        CHECK(!e.Format().empty());
      }
    }
  }
}

TEST_CASE("robustness: a key-value line before a flat list's first item is no section heading's (parse_fuzz)",
          "[robustness][fuzz]") {
  // The flat list's items sit in an unnamed section (line 0); the key-value
  // lines above its first item were read as that section's, from line 0:
  // lines[-1] (heap overflow under ASan). Kept: fuzz/regressions/parse/.
  const Document doc = Pipeline(
      "配合单位：县财政局\n\n1．推进甲项工作。责任单位：县发改局。\n2．推进乙项工作。责任单位：县教体局。\n");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].units == std::vector<std::string>{"县发改局"});
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县教体局"});
}

TEST_CASE("robustness: rows put together from lines leave no dangling cell text behind",
          "[robustness][fuzz]") {
  // The cells of a row rejoined from two lines were scratch strings; the
  // cell-shape cache kept views of them and compared against freed memory
  // when the same unit came again (parse_fuzz, ASan heap-use-after-free).
  const Document doc = Pipeline(ReadFile(
      SourceDir() + "/fuzz/regressions/parse/rejoined-row-cells-freed-before-shape-lookup"));
  REQUIRE(doc.tasks.size() == 4);
  CHECK(doc.tasks[0].content == "推进政务公开标准化建设第一段第二段内容继续");
  CHECK(doc.tasks[0].units == std::vector<std::string>{"市发改局"});
  CHECK(doc.tasks[1].units == std::vector<std::string>{"市发改局"});
  CHECK(doc.tasks[2].content == "做好依申请公开另一段内容");
  CHECK(doc.tasks[3].units == std::vector<std::string>{"市教体局"});
}
