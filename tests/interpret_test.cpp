// The interpreter (interpret.cpp): grids of any layout -> role rows, and the
// warnings it leaves. The CLI cases run the built binary.
#include "noticetab/interpret.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <unistd.h>

#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

const Rules& R() { return BuiltinRules(); }

GridRow RowOf(std::vector<std::string> texts, int line, bool header = false) {
  GridRow r;
  r.header = header;
  r.span.first_line = r.span.last_line = line;
  for (auto& t : texts) {
    GridCell c;
    c.text = t;
    c.span.first_line = c.span.last_line = line;
    r.cells.push_back(c);
  }
  return r;
}

std::string ManyUnits(int n) {
  static const char* kLevels[] = {"县", "市", "区", "镇"};
  static const char* kNames[] = {"发改局", "财政局", "教育局", "科技局", "民政局", "司法局",
                                 "人社局", "住建局", "交通局", "水利局", "商务局", "文旅局"};
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? "、" : "") + std::string(kLevels[i / 12 % 4]) + kNames[i % 12];
  return s;
}

std::string WriteTemp(const std::string& text) {
  static int k = 0;
  std::string path = "/tmp/noticetab-interpret-" + std::to_string(::getpid()) + "-" + std::to_string(k++) + ".txt";
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("header roles from the shape of a name outside the vocabulary", "[interpret]") {
  auto roles = HeaderRoles({"工作任务", "具体要求", "责任科室", "办结时间"}, R());
  REQUIRE(roles.size() == 4);
  CHECK(roles[2] == Role::kUnits);
  CHECK(roles[3] == Role::kDeadline);
  CHECK(HeaderRoles({"牵头责任单位:市财政局。", "具体要求"}, R()).empty());  // a key-value line
}

TEST_CASE("a list of 44 unit names is units, never the content, at any length", "[interpret]") {
  std::string units = ManyUnits(44);
  REQUIRE(CharCount(units) > 200);
  CHECK(UnitLike(units, R()));
  CHECK(TypeCell(units, R()) == CellShape::kUnits);
  Grid g;
  g.layout = "tabs";
  g.rows.push_back(RowOf({"工作任务", "具体内容", "责任单位", "完成时限"}, 1, true));
  g.rows.push_back(RowOf({"做好预算公开", "公开预算。", units, "2024年6月底前"}, 2));
  Table t = Interpret(g, R());
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].content.text == "公开预算。");
  CHECK(t.rows[0].units.text == units);
}

TEST_CASE("a shifted row is aligned by its cells and says so", "[interpret]") {
  Grid g;
  g.layout = "pipe";
  g.rows.push_back(RowOf({"工作任务", "具体要求", "责任部门"}, 1, true));
  g.rows.push_back(RowOf({"一、做好财政信息公开。", "1.推进预算、决算及相关报表公开。", "财务科"}, 2));
  g.rows.push_back(RowOf({"2.及时反馈网民对调查征集信息的意见。", "各科室"}, 3));
  Table t = Interpret(g, R());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].content.text == "2.及时反馈网民对调查征集信息的意见。");
  CHECK(t.rows[1].units.text == "各科室");
  REQUIRE(t.rows[1].diagnostics.size() == 1);
  CHECK(t.rows[1].diagnostics[0].code == "row.shifted");
  CHECK(t.rows[1].diagnostics[0].first_line == 3);
  CHECK(t.rows[1].diagnostics[0].message == t.rows[1].warnings[0]);
  CHECK(t.rows[0].diagnostics.empty());
}

TEST_CASE("CLI: a unit cell of 44 names is not taken as the content (issue 17 item 6)", "[interpret][cli]") {
  std::string units = ManyUnits(44);
  std::string path = WriteTemp("工作任务\t具体内容\t责任单位\t完成时限\n做好预算公开\t各单位按要求公开本单位预算。\t" + units +
                               "\t2024年6月底前\n");
  auto r = RunCli("-f tsv '" + path + "'");
  std::remove(path.c_str());
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\t各单位按要求公开本单位预算。\t" + units + "\t") != std::string::npos);
}

TEST_CASE("CLI: a row whose content would be lost is warned about", "[interpret][cli]") {
  std::string path = WriteTemp(
      "| 工作任务 | 具体要求 | 责任单位 |\n"
      "| （一）做好预算公开 | 公开本单位预算和决算。 | 县财政局 |\n"
      "| （二）做好网站公开 | | 县政府办公室 |\n");
  auto r = RunCli("-f tsv '" + path + "'");
  std::remove(path.c_str());
  REQUIRE(r.status == 0);
  CHECK(r.out.find("no content cell in this row") != std::string::npos);
}

TEST_CASE("header names read by shape and headerless columns are warned about, by code", "[interpret]") {
  Grid g;
  g.layout = "tabs";
  g.rows.push_back(RowOf({"工作任务", "具体要求", "责任科室"}, 1, true));
  g.rows.push_back(RowOf({"做好预算公开", "公开本单位预算和决算。", "财务科"}, 2));
  Table t = Interpret(g, R());
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].units.text == "财务科");
  REQUIRE(t.rows[0].diagnostics.size() == 1);
  CHECK(t.rows[0].diagnostics[0].code == "role.header_shape");

  Grid h;
  h.layout = "tabs";
  for (int i = 0; i < 3; ++i) h.rows.push_back(RowOf({std::to_string(i + 1), "推进政务服务标准化建设。", "县政务服务中心", "6月底前"}, i + 1));
  Table u = Interpret(h, R());
  REQUIRE(u.rows.size() == 3);
  CHECK(u.rows[2].seq == 3);
  CHECK(u.rows[2].units.text == "县政务服务中心");
  CHECK(u.rows[2].deadline.text == "6月底前");
  REQUIRE(u.rows[2].diagnostics.size() == 1);
  CHECK(u.rows[2].diagnostics[0].code == "role.inferred");
}

TEST_CASE("a fragment row is dropped with a table warning, never silently", "[interpret]") {
  Grid g;
  g.layout = "tabs";
  g.rows.push_back(RowOf({"工作任务", "具体要求", "责任单位"}, 1, true));
  g.rows.push_back(RowOf({"做好预算公开", "公开本单位预算和决算。", "县财政局"}, 2));
  g.rows.push_back(RowOf({"", "局", ""}, 3));
  Table t = Interpret(g, R());
  CHECK(t.rows.size() == 1);
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0].find("line 3") == 0);
}

TEST_CASE("diagnostics reach the task with their codes", "[interpret]") {
  Document doc = Convert(Decode("| 工作任务 | 具体要求 | 责任部门 |\n"
                                "| 一、做好财政信息公开。 | 1.推进预算、决算及相关报表公开。 | 财务科 |\n"
                                "| 2.及时反馈网民对调查征集信息的意见。 | 各科室 | |\n", "t.txt"),
                         R());
  REQUIRE(doc.tasks.size() == 2);
  REQUIRE(!doc.tasks[1].diagnostics.empty());
  CHECK(doc.tasks[1].diagnostics[0].code == "row.shifted");
  CHECK(doc.tasks[1].warnings.size() == doc.tasks[1].diagnostics.size());
}
