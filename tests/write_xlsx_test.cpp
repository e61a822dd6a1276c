// The xlsx writer: a zip with the sheets 任务, 责任单位 and 到期 (--lang en:
// tasks, units, due), typed cells, a frozen bold header and an autofilter. The parts are read with `unzip -p`;
// tests/client/libreoffice_roundtrip.sh checks every cell with LibreOffice.
#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/byunit.h"
#include "noticetab/write.h"
#include "test_util.h"

using noticetab::Document;
using noticetab::Task;
using noticetab::WriteOptions;
namespace fs = std::filesystem;
namespace nt = noticetab::testing;

namespace {

Document Doc(const std::string& source, int tasks) {
  Document d;
  d.source = source;
  d.encoding = "UTF-8";
  d.layout = "tabs";
  d.document.title = "关于印发2023年某市政务公开工作要点的通知";
  d.document.number = "某政办发〔2023〕5号";
  for (int i = 1; i <= tasks; ++i) {
    Task t;
    t.id = i;
    t.seq = i == 1 ? std::optional<int>(7) : std::nullopt;
    t.section = 1;
    t.section_no = "一";
    t.section_title = "总体要求";
    t.content = i == 1 ? "落实\"三公\"经费,公开\n第二行" : "=SUM(A1) 不是公式";
    t.units = {"市财政局", "市审计局"};
    t.lead_units = {"市财政局"};
    t.support_units = {"市审计局"};
    if (i == 1) t.deadline = {"2023年6月底前", "2023-06-30", "by_date", "month", "text"};
    if (i == 3) t.deadline = {"全年", "2023-12-31", "year_round", "year", "title"};
    t.first_line = 10 * i;
    t.last_line = 10 * i + 1;
    d.tasks.push_back(t);
  }
  return d;
}

WriteOptions English() {
  WriteOptions o;
  o.lang = "en";
  return o;
}

std::string Xlsx(const std::vector<Document>& docs, WriteOptions opts = {}) {
  std::ostringstream out;
  const noticetab::Writer* w = noticetab::FindWriter("xlsx");
  REQUIRE(w != nullptr);
  w->write(out, docs, opts);
  return out.str();
}

// One part of the zip, via the unzip CLI.
std::string Part(const std::string& xlsx, const std::string& member) {
  std::string path = (fs::temp_directory_path() / ("noticetab-xlsx-test-" + std::to_string(::getpid()))).string();
  std::ofstream(path, std::ios::binary) << xlsx;
  std::string cmd = "unzip -p '" + path + "' '" + member + "'";
  std::string text;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    ::pclose(p);
  }
  std::remove(path.c_str());
  return text;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("xlsx: a zip holding the sheets 任务, 责任单位, 到期; --lang en: tasks, units, due", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 2)});
  REQUIRE(x.substr(0, 4) == std::string("PK\x03\x04", 4));
  const std::string wb = Part(x, "xl/workbook.xml");
  const size_t tasks = wb.find("<sheet name=\"任务\""), units = wb.find("<sheet name=\"责任单位\""),
               due = wb.find("<sheet name=\"到期\"");
  REQUIRE(tasks != std::string::npos);
  REQUIRE(units != std::string::npos);
  REQUIRE(due != std::string::npos);
  CHECK(tasks < units);
  CHECK(units < due);
  const std::string en = Part(Xlsx({Doc("a.txt", 2)}, English()), "xl/workbook.xml");
  const size_t en_tasks = en.find("<sheet name=\"tasks\""), en_units = en.find("<sheet name=\"units\""),
               en_due = en.find("<sheet name=\"due\"");
  REQUIRE(en_tasks != std::string::npos);
  REQUIRE(en_units != std::string::npos);
  REQUIRE(en_due != std::string::npos);
  CHECK(en_tasks < en_units);
  CHECK(en_units < en_due);
}

TEST_CASE("xlsx: the Chinese tasks sheet: Chinese headers, 标题 and 文号, Chinese kinds", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 3)});
  const std::string sheet = Part(x, "xl/worksheets/sheet1.xml");
  const std::string strings = Part(x, "xl/sharedStrings.xml");
  for (const char* h : {"来源文件", "标题", "文号", "编号", "任务内容", "责任单位", "牵头单位", "配合单位", "完成时限",
                        "到期日", "时限类型"}) {
    CHECK(Has(strings, std::string("<t>") + h + "</t>"));
  }
  CHECK(!Has(strings, "<t>deadline_kind</t>"));
  CHECK(Has(sheet, "<dimension ref=\"A1:W4\"/>"));  // 19 + 标题 + 文号, header + 3 rows
  CHECK(Has(strings, "<t>关于印发2023年某市政务公开工作要点的通知</t>"));
  CHECK(Has(strings, "<t>某政办发〔2023〕5号</t>"));
  CHECK(Has(strings, "<t>限期</t>"));  // by_date
  CHECK(Has(strings, "<t>全年</t>"));  // year_round
  CHECK(Has(strings, "<t>无</t>"));    // none
  CHECK(!Has(strings, "<t>year_round</t>"));
  // 编号 (D) stays a number after the two new columns.
  CHECK(Has(sheet, "<c r=\"D2\" s=\""));
  CHECK(!Has(sheet, "<c r=\"D2\" t=\"s\""));
  // The units sheet says 牵头 and 配合.
  const std::string units = Part(x, "xl/worksheets/sheet2.xml");
  CHECK(Has(strings, "<t>牵头</t>"));
  CHECK(Has(strings, "<t>配合</t>"));
  CHECK(Has(strings, "<t>角色</t>"));
  CHECK(!Has(strings, "<t>lead</t>"));
}

TEST_CASE("xlsx: --lang en keeps the English sheets: the flat columns, frozen header and autofilter", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 2)}, English());
  const std::string sheet = Part(x, "xl/worksheets/sheet1.xml");
  const std::string strings = Part(x, "xl/sharedStrings.xml");
  for (std::string_view c : noticetab::FlatColumns()) CHECK(Has(strings, "<t>" + std::string(c) + "</t>"));
  CHECK(Has(sheet, "<dimension ref=\"A1:U3\"/>"));  // 19 columns, header + 2 rows
  CHECK(Has(sheet, "ySplit=\"1\""));
  CHECK(Has(sheet, "state=\"frozen\""));
  CHECK(Has(sheet, "<autoFilter ref=\"A1:U3\"/>"));
  CHECK(Has(sheet, "<cols>"));
  CHECK(Has(strings, "<t>by_date</t>"));
  CHECK(Has(strings, "<t>lead</t>"));
  // Content is a string even when it looks like a formula.
  CHECK(!Has(sheet, "<f>"));
  CHECK(Has(strings, "=SUM(A1) 不是公式"));
  CHECK(Has(strings, "落实\"三公\"经费,公开\n第二行"));
}

TEST_CASE("xlsx: the 到期 sheet lists the dated tasks by date", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 3)});
  const std::string sheet = Part(x, "xl/worksheets/sheet3.xml");
  const std::string strings = Part(x, "xl/sharedStrings.xml");
  // Tasks 1 (2023-06-30) and 3 (2023-12-31) are dated; task 2 has no date.
  CHECK(Has(sheet, "<row r=\"3\""));
  CHECK(!Has(sheet, "<row r=\"4\""));
  CHECK(Has(strings, "<t>到期月份</t>"));
  CHECK(Has(strings, "<t>2023-06</t>"));
  CHECK(Has(strings, "<t>2023-12</t>"));
  CHECK(Has(sheet, "<v>45107</v>"));  // 2023-06-30 as a date cell
  CHECK(Has(sheet, "<v>45291</v>"));  // 2023-12-31
  CHECK(sheet.find("<v>45107</v>") < sheet.find("<v>45291</v>"));
}

TEST_CASE("xlsx: numbers and dates are typed cells", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 2)}, English());
  const std::string sheet = Part(x, "xl/worksheets/sheet1.xml");
  const std::string styles = Part(x, "xl/styles.xml");
  // id (B), seq (C), first_line (O), last_line (P) are numbers: no t="s".
  CHECK(Has(sheet, "<c r=\"B2\" s=\""));
  CHECK(Has(sheet, "\"><v>1</v></c>"));
  CHECK(!Has(sheet, "<c r=\"B2\" t=\"s\""));
  CHECK(Has(sheet, "<v>7</v>"));
  CHECK(!Has(sheet, "<c r=\"O2\" t=\"s\""));
  CHECK(Has(sheet, "<v>10</v>"));
  CHECK(Has(sheet, "<v>11</v>"));
  // deadline_date (M): 2023-06-30 is Excel serial 45107 with a yyyy-mm-dd format.
  CHECK(Has(sheet, "<v>45107</v>"));
  CHECK(!Has(sheet, "<c r=\"M2\" t=\"s\""));
  CHECK(Has(styles, "formatCode=\"yyyy-mm-dd\""));
  // A null seq and a null date leave the cell empty rather than writing "".
  CHECK(!Has(sheet, "<c r=\"C3\""));
  CHECK(!Has(sheet, "<c r=\"M3\""));
  // Bold header, wrapped content.
  CHECK(Has(styles, "<b/>"));
  CHECK(Has(styles, "wrapText=\"1\""));
}

TEST_CASE("xlsx: units sheet carries the per-unit rows", "[xlsx]") {
  const std::vector<Document> docs = {Doc("a.txt", 2)};
  const std::string x = Xlsx(docs, English());
  const std::string sheet = Part(x, "xl/worksheets/sheet2.xml");
  const std::string strings = Part(x, "xl/sharedStrings.xml");
  for (std::string_view c : noticetab::ByUnitColumns()) CHECK(Has(strings, "<t>" + std::string(c) + "</t>"));
  const size_t rows = noticetab::ByUnit(docs).size();
  REQUIRE(rows > 0);
  CHECK(Has(sheet, "<row r=\"" + std::to_string(rows + 1) + "\""));
  CHECK(!Has(sheet, "<row r=\"" + std::to_string(rows + 2) + "\""));
  CHECK(Has(sheet, "ySplit=\"1\""));
  CHECK(Has(sheet, "<autoFilter "));
}

TEST_CASE("xlsx: several inputs make one workbook; none makes a header-only one", "[xlsx]") {
  const std::string x = Xlsx({Doc("a.txt", 2), Doc("b.txt", 3)});
  const std::string sheet = Part(x, "xl/worksheets/sheet1.xml");
  CHECK(Has(sheet, "<dimension ref=\"A1:W6\"/>"));
  const std::string strings = Part(x, "xl/sharedStrings.xml");
  CHECK(Has(strings, "<t>a.txt</t>"));
  CHECK(Has(strings, "<t>b.txt</t>"));

  const std::string empty = Xlsx({});
  REQUIRE(empty.substr(0, 2) == "PK");
  CHECK(Has(Part(empty, "xl/worksheets/sheet1.xml"), "<autoFilter ref=\"A1:W1\"/>"));
  CHECK(Has(Part(empty, "xl/workbook.xml"), "<sheet name=\"责任单位\""));
  CHECK(Has(Part(empty, "xl/workbook.xml"), "<sheet name=\"到期\""));
}

TEST_CASE("xlsx: --normalize-punct applies to text, not to the source path", "[xlsx]") {
  Document d = Doc("a,b.txt", 1);
  d.tasks[0].content = "公开,落实";
  WriteOptions opts;
  opts.normalize_punct = true;
  const std::string strings = Part(Xlsx({d}, opts), "xl/sharedStrings.xml");
  CHECK(Has(strings, "公开，落实"));
  CHECK(Has(strings, "<t>a,b.txt</t>"));
}

TEST_CASE("xlsx: the temporary workbook goes to TMPDIR and is removed", "[xlsx]") {
  const fs::path dir = fs::temp_directory_path() / ("noticetab-xlsx-tmpdir-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", dir.c_str(), 1);
  const std::string x = Xlsx({Doc("a.txt", 1)});
  if (old) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
  CHECK(x.substr(0, 2) == "PK");
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("xlsx: the CLI writes a workbook with -o", "[xlsx][cli]") {
  const std::string path = "/tmp/noticetab-xlsx-cli-" + std::to_string(::getpid()) + ".xlsx";
  nt::RunResult r = nt::RunCli("-f xlsx -o " + path + " samples/linyi-2023.txt");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::string x = nt::ReadFile(path);
  std::remove(path.c_str());
  REQUIRE(x.substr(0, 2) == "PK");
  // The header plus one row per task.
  const size_t rows = nt::ConvertSample("linyi-2023").tasks.size() + 1;
  CHECK(Has(Part(x, "xl/worksheets/sheet1.xml"), "<dimension ref=\"A1:W" + std::to_string(rows) + "\"/>"));
  CHECK(Has(Part(x, "xl/sharedStrings.xml"), "<t>临政办字〔2023〕45号</t>"));
}
