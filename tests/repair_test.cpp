// Stage 5, repair: what page breaks and merged cells split is joined, empty
// cells under a merged cell are filled. Tables are written out row by row in
// the test, as a reader would have produced them.
#include "noticetab/repair.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/read.h"
#include "noticetab/rules.h"

using noticetab::Cell;
using noticetab::Role;
using noticetab::Row;
using noticetab::Table;

namespace {

const noticetab::Rules& R() { return noticetab::BuiltinRules(); }

Cell C(std::string text, int line) {
  Cell c;
  c.Append(text, line);
  return c;
}

// One row read from `line`: content, units, deadline (empty strings = empty cells).
Row MakeRow(int line, std::string content, std::string units = "", std::string deadline = "") {
  Row r;
  r.Touch(line);
  if (!content.empty()) r.content = C(content, line);
  if (!units.empty()) r.units = C(units, line);
  if (!deadline.empty()) r.deadline = C(deadline, line);
  return r;
}

Table MakeTable(std::vector<Row> rows) {
  Table t;
  t.layout = "tabs";
  t.header_line = 1;
  t.columns = {Role::kSeq, Role::kContent, Role::kUnits, Role::kDeadline};
  t.rows = std::move(rows);
  return t;
}

bool Mentions(const std::vector<std::string>& warnings, std::string_view what) {
  for (const auto& w : warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------- content joins

TEST_CASE("RepairTable: content continued after a page break is joined to the row above", "[repair]") {
  Row a = MakeRow(10, "做好政府信息公开，及时发布", "县财政局", "全年");
  a.seq = 5;
  Row b = MakeRow(13, "政策解读材料。");  // after the repeated header on the next page
  b.after_break = true;
  Row c = MakeRow(14, "做好网站管理。", "县政府办公室", "全年");
  c.seq = 6;
  Table t = MakeTable({a, b, c});
  noticetab::RepairTable(t, R());
  REQUIRE(t.rows.size() == 2);
  const Row& r = t.rows[0];
  CHECK(r.seq == 5);
  CHECK(r.content.text == "做好政府信息公开，及时发布政策解读材料。");
  CHECK(r.units.text == "县财政局");
  CHECK(r.first_line == 10);
  CHECK(r.last_line == 13);
  CHECK(r.content.last_line == 13);
  CHECK(Mentions(r.warnings, "page break"));
  CHECK(t.rows[1].seq == 6);
}

TEST_CASE("RepairTable: content wrapped into a row of its own is joined", "[repair]") {
  Table t = MakeTable({MakeRow(3, "严格按照规定时限公开上年", "县财政局", "全年"),
                       MakeRow(4, "度逾期尚未支付中小企业款项的合同数量。")});
  noticetab::RepairTable(t, R());
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].content.text == "严格按照规定时限公开上年度逾期尚未支付中小企业款项的合同数量。");
  CHECK(t.rows[0].last_line == 4);
  CHECK_FALSE(t.rows[0].warnings.empty());
}

TEST_CASE("RepairTable: rows that are not continuations stay apart", "[repair]") {
  SECTION("the row above ends its sentence") {
    Table t = MakeTable({MakeRow(3, "及时公开监管结果。", "县民政局", "全年"), MakeRow(4, "做好社会救助信息公开。")});
    noticetab::RepairTable(t, R());
    CHECK(t.rows.size() == 2);
  }
  SECTION("the row has its own 序号") {
    Row b = MakeRow(4, "做好社会救助信息公开。");
    b.seq = 2;
    Table t = MakeTable({MakeRow(3, "及时公开监管结果", "县民政局", "全年"), b});
    noticetab::RepairTable(t, R());
    CHECK(t.rows.size() == 2);
  }
  SECTION("the row has its own units") {
    Table t = MakeTable({MakeRow(3, "及时公开监管结果", "县民政局", "全年"), MakeRow(4, "做好救助信息公开", "县财政局")});
    noticetab::RepairTable(t, R());
    CHECK(t.rows.size() == 2);
  }
  SECTION("the row has its own item label") {
    Row b = MakeRow(4, "做好救助信息公开");
    b.item_label = C("（二）保障民生", 4);
    Table t = MakeTable({MakeRow(3, "及时公开监管结果", "县民政局", "全年"), b});
    noticetab::RepairTable(t, R());
    CHECK(t.rows.size() == 2);
  }
}

// ---------------------------------------------------------------- merged cells split over rows

TEST_CASE("RepairTable: a deadline printed as \"2023年\" + \"12月底前\" over two rows", "[repair]") {
  Table t = MakeTable({MakeRow(20, "做好政府网站集约化建设。", "县政府办公室", "2023年"),
                       MakeRow(21, "加强政务新媒体管理。", "县政府办公室", "12月底前")});
  noticetab::RepairTable(t, R());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].deadline.text == "2023年12月底前");
  CHECK(t.rows[1].deadline.text == "2023年12月底前");
  CHECK(t.rows[0].deadline.first_line == 20);
  CHECK(t.rows[0].deadline.last_line == 21);
  CHECK(Mentions(t.rows[0].warnings, "完成时限"));
  CHECK(Mentions(t.rows[1].warnings, "完成时限"));
}

TEST_CASE("RepairTable: two deadlines with years of their own are not joined", "[repair]") {
  Table t = MakeTable({MakeRow(20, "做好网站建设。", "县政府办公室", "2023年"),
                       MakeRow(21, "加强新媒体管理。", "县政府办公室", "2024年6月底前")});
  noticetab::RepairTable(t, R());
  CHECK(t.rows[0].deadline.text == "2023年");
  CHECK(t.rows[1].deadline.text == "2024年6月底前");
}

TEST_CASE("RepairTable: a unit name printed as \"…市生态环\" + \"境局商河分局\" over two rows", "[repair]") {
  Table t = MakeTable({MakeRow(30, "做好生态环境信息公开。", "县发改局、济南市生态环", "全年"),
                       MakeRow(31, "加强环境监测数据发布。", "境局商河分局", "全年")});
  noticetab::RepairTable(t, R());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].units.text == "县发改局、济南市生态环境局商河分局");
  CHECK(t.rows[1].units.text == "县发改局、济南市生态环境局商河分局");
  CHECK(t.rows[0].units.last_line == 31);
  CHECK(Mentions(t.rows[0].warnings, "责任单位"));
  CHECK(Mentions(t.rows[1].warnings, "责任单位"));
}

TEST_CASE("RepairTable: a unit list ending in 、 continues in the next row", "[repair]") {
  // Regression test; the bug was: a trailing separator is taken as the end of the list, so the merged
  // cell "县财政局、县审计局" stays split as "县财政局、" + "县审计局". The
  // same wrap in the tab-prefixed layout ("各镇（街道）、区财政局、" +
  // "区农业农村局", samples/laiwu-2021.txt) is one cell.
  Table t = MakeTable({MakeRow(30, "做好财政信息公开。", "县财政局、", "全年"),
                       MakeRow(31, "做好审计信息公开。", "县审计局", "全年")});
  noticetab::RepairTable(t, R());
  CHECK(t.rows[0].units.text == "县财政局、县审计局");
  CHECK(t.rows[1].units.text == "县财政局、县审计局");
}

TEST_CASE("RepairTable: complete unit names in consecutive rows stay apart", "[repair]") {
  Table t = MakeTable({MakeRow(30, "做好财政信息公开。", "县财政局", "全年"),
                       MakeRow(31, "做好税收信息公开。", "县税务局", "全年"),
                       MakeRow(32, "做好审计信息公开。", "审计局", "全年")});
  noticetab::RepairTable(t, R());
  CHECK(t.rows[0].units.text == "县财政局");
  CHECK(t.rows[1].units.text == "县税务局");
  CHECK(t.rows[2].units.text == "审计局");
  CHECK(t.rows[0].warnings.empty());
}

TEST_CASE("RepairTable: a name complete elsewhere in the table joins a split that looks complete",
          "[repair]") {
  // "县政府各部" ends in 部 and looks complete, but 县政府各部门单位 is printed
  // whole in another row, so "门单位" continues it.
  Table t = MakeTable({MakeRow(40, "做好政策解读。", "县政府各部门单位", "全年"),
                       MakeRow(41, "做好依申请公开。", "县政府各部", "全年"),
                       MakeRow(42, "做好信息发布。", "门单位", "全年")});
  noticetab::RepairTable(t, R());
  CHECK(t.rows[1].units.text == "县政府各部门单位");
  CHECK(t.rows[2].units.text == "县政府各部门单位");
}

// ---------------------------------------------------------------- FillMergedCells

namespace {

// A linked row: item (Item::index) and section set as link would.
Row Linked(int line, int section, int item, std::string units = "", std::string deadline = "") {
  Row r = MakeRow(line, "第" + std::to_string(line) + "行的工作内容。", units, deadline);
  r.section = section;
  r.item = item;
  return r;
}

}  // namespace

TEST_CASE("FillMergedCells: an empty cell takes the merged cell from the row above", "[repair]") {
  Table t = MakeTable({Linked(5, 1, 1, "县财政局", "全年"), Linked(6, 1, 1), Linked(7, 1, 1)});
  noticetab::FillMergedCells(t);
  for (size_t i = 1; i < 3; ++i) {
    CAPTURE(i);
    CHECK(t.rows[i].units.text == "县财政局");
    CHECK(t.rows[i].deadline.text == "全年");
    CHECK(Mentions(t.rows[i].warnings, "inferred from the merged cell"));
  }
  CHECK(t.rows[0].warnings.empty());
}

TEST_CASE("FillMergedCells: the warning names the line the merged cell was printed on", "[repair]") {
  // Regression: the third row copied from the second (itself filled) and its
  // warning named line 6, where no cell was printed.
  Table t = MakeTable({Linked(5, 1, 1, "县财政局", "全年"), Linked(6, 1, 1), Linked(7, 1, 1)});
  noticetab::FillMergedCells(t);
  CHECK(t.rows[1].units.first_line == 5);
  CHECK(t.rows[2].units.first_line == 5);
  CHECK(Mentions(t.rows[1].warnings, "line 5"));
  CHECK(Mentions(t.rows[2].warnings, "line 5"));
  CHECK_FALSE(Mentions(t.rows[2].warnings, "line 6"));
}

TEST_CASE("FillMergedCells: above first, then below, within the same item", "[repair]") {
  // Item 2: the first row's cells are empty (the merged cell's text sits lower);
  // the middle row lies between two filled rows and takes the one above.
  Table t = MakeTable({Linked(5, 1, 1, "县财政局", "全年"),
                       Linked(6, 1, 2), Linked(7, 1, 2, "县审计局", "6月底前"), Linked(8, 1, 2),
                       Linked(9, 1, 2, "县统计局", "9月底前")});
  noticetab::FillMergedCells(t);
  CHECK(t.rows[1].units.text == "县审计局");  // not 县财政局: that is item 1
  CHECK(t.rows[1].deadline.text == "6月底前");
  CHECK(Mentions(t.rows[1].warnings, "line 7"));
  CHECK(t.rows[3].units.text == "县审计局");
  CHECK(t.rows[3].deadline.text == "6月底前");
  CHECK(t.rows[4].units.text == "县统计局");
}

TEST_CASE("FillMergedCells never crosses into another item", "[repair]") {
  Table t = MakeTable({Linked(5, 1, 1, "县财政局", "全年"), Linked(6, 1, 2), Linked(7, 2, 3, "县审计局", "全年")});
  noticetab::FillMergedCells(t);
  CHECK(t.rows[1].units.empty());
  CHECK(t.rows[1].deadline.empty());
  CHECK(t.rows[1].warnings.empty());
}

TEST_CASE("FillMergedCells: a garbled cell stays empty, and is no source", "[repair]") {
  Row garbled = Linked(5, 1, 1, "", "全年");
  garbled.units.garbled = true;  // OCR debris was dropped from it
  Table t = MakeTable({garbled, Linked(6, 1, 1), Linked(7, 1, 1, "县财政局", "全年")});
  noticetab::FillMergedCells(t);
  CHECK(t.rows[0].units.empty());
  CHECK(t.rows[0].units.garbled);
  // Row 2 has nothing above it but the garbled cell, so it takes the cell below.
  CHECK(t.rows[1].units.text == "县财政局");
  CHECK(Mentions(t.rows[1].warnings, "line 7"));
}

TEST_CASE("FillMergedCells fills only columns the table has", "[repair]") {
  Table t = MakeTable({Linked(5, 1, 1, "县财政局", "全年"), Linked(6, 1, 1)});
  t.columns = {Role::kContent, Role::kUnits};  // no 完成时限 column
  noticetab::FillMergedCells(t);
  CHECK(t.rows[1].units.text == "县财政局");
  CHECK(t.rows[1].deadline.empty());
}

TEST_CASE("FillMergedCells: rows linked to a section only group by section", "[repair]") {
  Table t = MakeTable({Linked(5, 1, 0, "县财政局", "全年"), Linked(6, 1, 0), Linked(7, 2, 0)});
  noticetab::FillMergedCells(t);
  CHECK(t.rows[1].units.text == "县财政局");
  CHECK(t.rows[2].units.empty());
}
