// Native formats (src/native/): the samples saved as .docx / .html / .odt /
// .pdf by LibreOffice (tests/data/native/make) must give the ledger of their
// text version; hostile files are refused with a message, never a hang.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/native.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

std::string Fixture(const std::string& file) { return SourceDir() + "/tests/data/native/" + file; }

Document ConvertFixture(const std::string& file) {
  return Convert(Decode(ReadFile(Fixture(file)), file), BuiltinRules());
}

// What the acceptance compares: content (white space aside), units, deadline.
bool SameRow(const Task& a, const Task& b) {
  return RemoveSpaces(a.content) == RemoveSpaces(b.content) && a.units == b.units &&
         a.deadline.text == b.deadline.text && a.deadline.date == b.deadline.date;
}

// Rows equal by position, over all five samples.
double RowsEqual(const std::string& ext) {
  size_t equal = 0, total = 0;
  for (const auto& name : SampleNames()) {
    const Document text = ConvertSample(name);
    const Source src = Decode(ReadFile(Fixture(name + "." + ext)), name + "." + ext);
    CHECK(src.format == ext);
    const Document doc = Convert(src, BuiltinRules());
    for (size_t i = 0; i < std::min(text.tasks.size(), doc.tasks.size()); ++i)
      equal += SameRow(text.tasks[i], doc.tasks[i]);
    total += std::max(text.tasks.size(), doc.tasks.size());
  }
  return static_cast<double>(equal) / static_cast<double>(total);
}

Error DecodeFixtureError(const std::string& file, const std::string& bytes) {
  try {
    Decode(bytes, file);
  } catch (const Error& e) {
    return e;
  }
  FAIL(file << " was accepted");
  return Error(Error::Kind::kInput, "");
}

}  // namespace

TEST_CASE("native: format is sniffed by content", "[native]") {
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.docx"))) == "docx");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.odt"))) == "odt");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.html"))) == "html");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.pdf"))) == "pdf");
  CHECK(SniffFormat("<!-- saved -->\n<!DOCTYPE HTML PUBLIC \"x\"><p>a") == "html");
  CHECK(SniffFormat("<table><tr><td>1</td></tr></table>") == "html");
  CHECK(SniffFormat(ReadFile(SourceDir() + "/samples/linyi-2023.txt")) == "text");
  CHECK(SniffFormat("一、<html>不是网页") == "text");
}

TEST_CASE("native: the samples as .docx give the ledger of their text (>= 95% rows equal)", "[native]") {
  CHECK(RowsEqual("docx") >= 0.95);
}

TEST_CASE("native: a docx with automatic numbering gives the outline of typed numbers", "[native]") {
  const Document typed = ConvertFixture("typed.docx");
  const Document autonum = ConvertFixture("autonum.docx");
  REQUIRE(typed.sections.size() == 6);
  REQUIRE(autonum.sections.size() == typed.sections.size());
  for (size_t s = 0; s < typed.sections.size(); ++s) {
    CHECK(autonum.sections[s].no == typed.sections[s].no);
    CHECK(autonum.sections[s].title == typed.sections[s].title);
    REQUIRE(autonum.sections[s].items.size() == typed.sections[s].items.size());
    for (size_t i = 0; i < typed.sections[s].items.size(); ++i) {
      CHECK(autonum.sections[s].items[i].no == typed.sections[s].items[i].no);  // 四 after 三: lvlRestart 0
      CHECK(autonum.sections[s].items[i].title == typed.sections[s].items[i].title);
    }
  }
  CHECK(autonum.tasks.size() == 18);
}

TEST_CASE("native: a docx table renders one TAB row per table row, merged cells exact", "[native]") {
  const Source s = Decode(ReadFile(Fixture("zhaoyuan-2023.docx")), "z.docx");
  CHECK(s.format == "docx");
  CHECK(s.encoding() == "UTF-8");
  // The header row, then the first row: its 工作任务 cell spans four rows
  // (vMerge) and is repeated on each of them.
  int header = 0;
  for (int i = 1; i <= s.line_count(); ++i)
    if (s.Line(i) == "工作任务\t具体内容\t责任单位\t完成时限") header = i;
  REQUIRE(header > 0);
  const std::string label = "围绕绿色低碳高质量发展强化政府信息专题公开\t";
  for (int k = 1; k <= 4; ++k) CHECK(std::string(s.Line(header + k)).rfind(label, 0) == 0);
  CHECK(std::string(s.Line(header + 5)).rfind(label, 0) != 0);
}

TEST_CASE("native: zip bomb, entity bomb and truncated ZIP are refused quickly", "[native][robustness]") {
  auto start = std::chrono::steady_clock::now();
  Error bomb = DecodeFixtureError("bomb.docx", ReadFile(Fixture("bomb.docx")));
  CHECK(bomb.Format() == "bomb.docx: ZIP member word/document.xml unpacks to more than 64 MiB (a zip bomb?)");
  Error laughs = DecodeFixtureError("laughs.docx", ReadFile(Fixture("laughs.docx")));
  CHECK(laughs.Format().rfind("laughs.docx: word/document.xml: ", 0) == 0);
  const std::string docx = ReadFile(Fixture("linyi-2023.docx"));
  for (size_t cut : {docx.size() / 2, docx.size() - 30, size_t{100}}) {
    Error e = DecodeFixtureError("cut.docx", docx.substr(0, cut));
    CHECK(e.Format().rfind("cut.docx: damaged ZIP archive (", 0) == 0);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("native: other ZIPs and OLE files are refused, saying how to convert them", "[native]") {
  Error ole = DecodeFixtureError("old.doc", std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12));
  CHECK(ole.Format() ==
        "old.doc: a legacy Office document (DOC/XLS/WPS), not read; convert it first, e.g. soffice --headless "
        "--convert-to docx");
}
