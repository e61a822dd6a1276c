// Robustness at the library level: damaged, odd or huge inputs go through
// Decode -> Convert -> every writer and end in a document with warnings or in
// one noticetab::Error; bad rules files are positioned errors. Inputs are
// generated here. Each case asserts outcomes only; timing belongs to bench/.
// Inputs the fuzzers found are kept in fuzz/regressions/<target>/ and
// replayed by the "fuzz regressions and seeds" case, plus one named case per fix.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "noticetab/write.h"
#include "test_util.h"

using namespace noticetab;
using noticetab::testing::ReadFile;
using noticetab::testing::SourceDir;

namespace {

// UTF-8 -> charset with ICU (no binary fixtures).
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Runs one document through every writer with both option variants; each
// must produce output without throwing. Returns the JSON rendering.
std::string WriteAll(const Document& doc) {
  std::string json;
  for (const Writer& w : Writers()) {
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

// A Chinese numeral 1..99 as notices print them (十一, 二十, 九十九).
std::string CnNumeral(int n) {
  static const char* kDigit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigit[n];
  return std::string(n / 10 == 1 ? "" : kDigit[n / 10]) + "十" + kDigit[n % 10];
}

const std::string kHeader = "工作任务\t具体内容\t责任单位\t完成时限\n";

// A small notice with a body and a task table, LF line ends.
const std::string kNotice =
    "某某县人民政府办公室\n"
    "关于印发2023年某某县政务公开工作要点的通知\n"
    "\n"
    "一、推进决策公开\n"
    "（一）落实目录管理。年初公开目录。\n"
    "（二）推进政策解读。同步解读。\n"
    "\n"
    "附件\n" +
    kHeader +
    "推进决策公开\t落实目录管理。年初公开目录。\t县司法局、县发改局\t2023年6月底前\n"
    "推进决策公开\t推进政策解读。同步解读。\t县政府办公室\t2023年12月底前\n";

}  // namespace

TEST_CASE("robustness: empty input converts to an empty document with warnings", "[robustness]") {
  const Document doc = Pipeline("");
  CHECK(doc.encoding == "UTF-8");
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(doc.layout == "none");
  CHECK(HasWarning(doc.warnings, "the outline is empty"));
  CHECK(HasWarning(doc.warnings, "no task table recognized"));
}

TEST_CASE("robustness: whitespace-only input converts to an empty document", "[robustness]") {
  const Document doc = Pipeline(" \t\n\n\xE3\x80\x80\r\n\xC2\xA0 \r   \n");
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(HasWarning(doc.warnings, "the outline is empty"));
}

TEST_CASE("robustness: a notice with no table and no headings has an empty outline and a warning",
          "[robustness]") {
  const Document doc = Pipeline(
      "关于做好政务公开工作的通知\n"
      "各单位要高度重视政务公开工作，认真抓好落实。\n"
      "请于年底前报送工作总结。\n");
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(doc.layout == "none");
  CHECK(HasWarning(doc.warnings, "no numbered headings found; the outline is empty"));
  CHECK(HasWarning(doc.warnings, "no task table recognized and no body items found"));
}

TEST_CASE("robustness: PNG, ELF and ZIP bytes are refused as not text, naming the file", "[robustness]") {
  struct Case {
    std::string name, bytes, says;
  };
  const std::vector<Case> cases = {
      {"scan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20), "PNG"},
      {"a.out", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20), "ELF"},
      {"notice.docx", std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14), "ZIP"},
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

TEST_CASE("robustness: invalid UTF-8 bytes become U+FFFD with a warning naming the line", "[robustness]") {
  std::string bytes = kNotice;
  bytes.insert(bytes.find("同步解读"), "\xFF\xC0");  // line 6, inside the body item
  const Document doc = Pipeline(bytes);
  CHECK(doc.encoding == "UTF-8");
  CHECK(HasWarning(doc.warnings, "line 6: invalid UTF-8 bytes replaced with U+FFFD (2 places)"));
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 2);
  CHECK(doc.sections[0].items[1].text.find("\uFFFD\uFFFD同步解读") != std::string::npos);
  CHECK(doc.tasks.size() == 2);
}

TEST_CASE("robustness: truncated GB18030 converts with a warning on the last line", "[robustness]") {
  // The file ends in the first byte of 前 (2023年12月底前): cut mid-character.
  const std::string full = Encode(kNotice, "GB18030");
  const Document whole = Pipeline(full), doc = Pipeline(full.substr(0, full.size() - 2));
  CHECK(doc.encoding == "GB18030");
  CHECK(whole.warnings.size() + 1 == doc.warnings.size());
  CHECK(HasWarning(doc.warnings, "line 11: invalid GB18030 bytes replaced with U+FFFD"));
  REQUIRE(doc.tasks.size() == whole.tasks.size());
  // The damaged deadline cell is dropped with a warning on its row.
  CHECK(!doc.tasks.back().deadline.text);
  CHECK(HasWarning(doc.tasks.back().warnings, "unreadable 完成时限 cell dropped"));
  CHECK(doc.sections.size() == 1);
}

TEST_CASE("robustness: UTF-16 without a BOM converts like the UTF-8 text", "[robustness]") {
  const std::string expected = WriteAll(Convert(Decode(kNotice, "in.txt"), BuiltinRules()));
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    Document doc = Pipeline(Encode(kNotice, charset));
    CHECK(doc.encoding == charset);
    doc.encoding = "UTF-8";
    CHECK(WriteAll(doc) == expected);
  }
}

TEST_CASE("robustness: NUL bytes: a few are removed with a warning, many refuse the file", "[robustness]") {
  std::string bytes = kNotice;
  bytes.insert(bytes.find("落实目录管理"), std::string(1, '\0'));  // line 5
  const Document doc = Pipeline(bytes);
  CHECK(HasWarning(doc.warnings, "line 5: 1 NUL byte(s) removed"));
  CHECK(doc.tasks.size() == 2);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].items[0].title == "落实目录管理");

  // A NUL-padded file (a download cut short): the NULs are most of it.
  const Error e = DecodeError("一、甲\n" + std::string(4096, '\0'), "nul.bin");
  CHECK(e.message() == "not text (contains NUL bytes)");
}

TEST_CASE("robustness: mixed CRLF, LF and CR line ends number lines like LF", "[robustness]") {
  // LF, CR, CRLF in turn. A CR is never followed by a LF of the next
  // (empty) line, which would make the two one CRLF.
  std::string mixed;
  int n = 0;
  for (char c : kNotice) {
    if (c == '\n') {
      mixed += (n % 3 == 0) ? "\n" : (n % 3 == 1) ? "\r" : "\r\n";
      ++n;
    } else {
      mixed += c;
    }
  }
  REQUIRE(std::count(mixed.begin(), mixed.end(), '\r') == 7);
  const Document lf = Pipeline(kNotice), doc = Pipeline(mixed);
  CHECK(WriteAll(doc) == WriteAll(lf));
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].line == 4);
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[1].first_line == 11);
}

TEST_CASE("robustness: a 10 MB single line converts", "[robustness][slow]") {
  std::string line = "一、标题。";
  const std::string chunk = "各单位要高度重视政务公开工作，认真抓好落实，";
  while (line.size() < 10'000'000) line += chunk;
  const Document doc = Pipeline(line);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].title == "标题");
  CHECK(doc.sections[0].line == 1);
}

TEST_CASE("robustness: a table of 100k rows gives 100k tasks", "[robustness][slow]") {
  std::string text = "一、推进公开\n（一）做好公开工作。\n附件\n" + kHeader;
  const int kRows = 100'000;
  for (int i = 1; i <= kRows; ++i)
    text += "推进公开\t第" + std::to_string(i) + "项任务内容。\t县局" + std::to_string(i % 7) + "办公室\t2023年6月底前\n";
  const Document doc = Pipeline(text);
  CHECK(doc.layout == "tabs");
  REQUIRE(doc.tasks.size() == static_cast<size_t>(kRows));
  CHECK(doc.tasks.front().first_line == 5);
  CHECK(doc.tasks.back().first_line == kRows + 4);
  CHECK(doc.tasks.back().content == "第100000项任务内容。");
  CHECK(doc.tasks.back().deadline.date == "2023-06-30");
}

TEST_CASE("robustness: 10k nested headings convert", "[robustness][slow]") {
  SECTION("four numbering levels repeated: levels 1 and 2 are the outline") {
    std::string text;
    const int kGroups = 2500;  // x 4 heading lines
    for (int g = 1; g <= kGroups; ++g) {
      const int no = (g - 1) % 99 + 1;
      text += CnNumeral(no) + "、第" + std::to_string(g) + "部分\n";
      text += "（一）事项。内容。\n1.要求。\n（1）细则。\n";
    }
    const Document doc = Pipeline(text);
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
  std::string text = "一、甲\n附件\n" + kHeader + "甲\t乙\t县局\t年底前\n";
  for (int i = 0; i < 20'000; ++i) text += "\t续行内容\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 1);
  CHECK(doc.tasks[0].content.size() == std::string("乙").size() + 20'000 * std::string("续行内容").size());
  CHECK(doc.tasks[0].last_line == 20'004);
}

TEST_CASE("robustness: a column of 20k fragment unit cells is not joined into every row", "[robustness][slow]") {
  // Rows whose unit cell is a fragment (no org suffix) chain merged-cell
  // joins; before the cap each row held every fragment above it.
  std::string text = "一、甲\n（一）乙\n附件\n" + kHeader + "甲\t乙\t县局\t年底前\n";
  for (int i = 0; i < 20'000; ++i) text += "甲\t乙\t\t\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 20'001);
  size_t longest = 0;
  for (const Task& t : doc.tasks)
    for (const std::string& u : t.units) longest = std::max(longest, u.size());
  CHECK(longest < 64);
}

TEST_CASE("robustness: 20k rows of one item with an empty deadline column are not rescanned", "[robustness][slow]") {
  std::string text = "一、甲\n（一）乙内容\n附件\n" + kHeader;
  for (int i = 0; i < 20'000; ++i) text += "甲\t乙内容" + std::to_string(i) + "\t县局\t\n";
  const Document doc = Pipeline(text);
  REQUIRE(doc.tasks.size() == 20'000);
  CHECK(doc.tasks.back().deadline.kind == "none");
  CHECK(!HasWarning(doc.tasks.back().warnings, "完成时限 inferred"));
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
