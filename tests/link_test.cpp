// Stage 6, link: each table row -> its body item by text similarity. The
// body decides; a table label that disagrees becomes a warning on the row.
#include "noticetab/link.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/read.h"

using Catch::Detail::Approx;
using noticetab::Containment;
using noticetab::Item;
using noticetab::Row;
using noticetab::Section;
using noticetab::Table;

namespace {

// The body of a small notice:
//   一、加强政策发布解读
//     （一）加强政策解读。做好重要政策的解读工作，及时回应社会关切。
//     （二）推进平台建设。加强政府网站集约化建设，提升政务新媒体运维水平。
//   二、加强组织保障
//     （三）强化培训考核。开展政务公开业务培训，将工作纳入年度绩效考核。
std::vector<Section> Body() {
  Section s1{1, "一", "加强政策发布解读", 3, {}};
  s1.items.push_back(Item{1, "一", "加强政策解读",
                          "加强政策解读。做好重要政策的解读工作，及时回应社会关切。", 4});
  s1.items.push_back(Item{2, "二", "推进平台建设",
                          "推进平台建设。加强政府网站集约化建设，提升政务新媒体运维水平。", 6});
  Section s2{2, "二", "加强组织保障", 8, {}};
  s2.items.push_back(Item{3, "三", "强化培训考核",
                          "强化培训考核。开展政务公开业务培训，将工作纳入年度绩效考核。", 9});
  return {s1, s2};
}

Row MakeRow(std::string content, std::string item_label = "", std::string section_label = "") {
  Row r;
  r.content.Append(content, 20);
  if (!item_label.empty()) r.item_label.Append(item_label, 20);
  if (!section_label.empty()) r.section_label.Append(section_label, 20);
  return r;
}

bool Mentions(const std::vector<std::string>& warnings, std::string_view what) {
  for (const auto& w : warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------- LinkRows

TEST_CASE("LinkRows: a row whose content is in the body links to that item", "[link]") {
  Table t;
  t.rows = {MakeRow("做好重要政策的解读工作，及时回应社会关切。", "（一）加强政策解读"),
            MakeRow("加强政府网站集约化建设，提升政务新媒体运维水平。", "（二）推进平台建设"),
            MakeRow("将工作纳入年度绩效考核。", "（三）强化培训考核", "二、加强组织保障")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 1);
  CHECK(t.rows[0].section == 1);
  CHECK(t.rows[1].item == 2);
  CHECK(t.rows[1].section == 1);
  CHECK(t.rows[2].item == 3);
  CHECK(t.rows[2].section == 2);
  for (const Row& r : t.rows) CHECK(r.warnings.empty());
}

TEST_CASE("LinkRows: the body text wins over a table label that names another item", "[link]") {
  // The label was printed one row too low (a merged cell split by a page):
  // it says （一）, the content is item 2's.
  Table t;
  t.rows = {MakeRow("加强政府网站集约化建设，提升政务新媒体运维水平。", "（一）加强政策解读")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 2);
  CHECK(t.rows[0].section == 1);
  REQUIRE(t.rows[0].warnings.size() == 1);
  CHECK(Mentions(t.rows[0].warnings, "加强政策解读"));
}

TEST_CASE("LinkRows: content not in the body falls back to the table label", "[link]") {
  Table t;
  t.rows = {MakeRow("组织开展政务公开专题调研活动。", "（三）强化培训考核")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 3);
  CHECK(t.rows[0].section == 2);
  CHECK(t.rows[0].warnings.size() == 1);
}

TEST_CASE("LinkRows: labels fill down over the rows of their merged cell", "[link]") {
  Table t;
  t.rows = {MakeRow("将工作纳入年度绩效考核。", "（三）强化培训考核"),
            MakeRow("组织开展政务公开专题调研活动。")};  // no label of its own: under （三）
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[1].item == 3);
  CHECK(t.rows[1].section == 2);
  CHECK_FALSE(t.rows[1].warnings.empty());
}

TEST_CASE("LinkRows: no label and no match takes the row above's item, with a warning", "[link]") {
  Table t;
  t.rows = {MakeRow("加强政府网站集约化建设，提升政务新媒体运维水平。"), MakeRow("组织开展专题调研活动。")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 2);
  CHECK(t.rows[1].item == 2);
  CHECK(t.rows[1].section == 1);
  CHECK(t.rows[1].warnings.size() == 1);
}

TEST_CASE("LinkRows: a section label alone gives the section", "[link]") {
  Table t;
  t.rows = {MakeRow("组织开展专题调研活动。", "", "二、加强组织保障")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 0);
  CHECK(t.rows[0].section == 2);
}

TEST_CASE("LinkRows: nothing to go by leaves the row unlinked", "[link]") {
  Table t;
  t.rows = {MakeRow("组织开展专题调研活动。")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 0);
  CHECK(t.rows[0].section == 0);
  noticetab::LinkRows(t, {});  // no body at all
  CHECK(t.rows[0].item == 0);
}

TEST_CASE("LinkRows: bracket and punctuation styles do not matter", "[link]") {
  Table t;
  t.rows = {MakeRow("做好重要政策的解读工作,及时回应社会关切.", "(一)加强政策解读")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 1);
  CHECK(t.rows[0].warnings.empty());
}

TEST_CASE("LinkRows: a section label that disagrees with the body is a warning", "[link]") {
  // Regression test; the bug was: only item labels are compared with the body; a section label naming
  // another section is dropped silently (link.h: a table label that disagrees
  // becomes a warning on the row).
  Table t;
  t.rows = {MakeRow("做好重要政策的解读工作，及时回应社会关切。", "", "二、加强组织保障")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 1);
  CHECK(t.rows[0].section == 1);  // the body decides
  CHECK(Mentions(t.rows[0].warnings, "加强组织保障"));
}

// ---------------------------------------------------------------- Containment

TEST_CASE("Containment: share of a's bigrams found in b", "[link]") {
  CHECK(Containment("政务公开", "加强政务公开工作") == Approx(1.0));
  CHECK(Containment("甲乙丙丁", "甲乙") == Approx(1.0 / 3));  // 甲乙 of 甲乙 乙丙 丙丁
  CHECK(Containment("甲乙", "甲乙丙丁") == Approx(1.0));        // not symmetric
  CHECK(Containment("财政预算", "人事考核") == Approx(0.0));
}

TEST_CASE("Containment ignores punctuation, spaces and character width", "[link]") {
  CHECK(Containment("政务，公开", "政务公开") == Approx(1.0));
  CHECK(Containment("政务 公开。", "政务公开") == Approx(1.0));
  CHECK(Containment("２０２３年", "2023年") == Approx(1.0));
  CHECK(Containment("“十四五”规划", "十四五规划") == Approx(1.0));
}

TEST_CASE("Containment of nothing is 0", "[link]") {
  CHECK(Containment("", "政务公开") == Approx(0.0));
  CHECK(Containment("，。", "政务公开") == Approx(0.0));
  CHECK(Containment("政务公开", "") == Approx(0.0));
}

TEST_CASE("LinkRows: a lone group label that names an item, not a section, links the row to that item",
          "[link]") {
  // 序号 | 工作任务 | 具体内容: the one group column is read as a section label,
  // but its text is an item title of the body; the content is not in the body.
  Table t;
  t.rows = {MakeRow("公开培训计划和考核结果。", "", "强化培训考核"),
            MakeRow("公布年度工作台账。", "", "推进平台建设")};
  noticetab::LinkRows(t, Body());
  CHECK(t.rows[0].item == 3);
  CHECK(t.rows[0].section == 2);
  CHECK(Mentions(t.rows[0].warnings, "item taken from the table label"));
  CHECK(t.rows[1].item == 2);
  CHECK(t.rows[1].section == 1);
  // A label that names a section stays a section label.
  Table s;
  s.rows = {MakeRow("公开培训计划和考核结果。", "", "二、加强组织保障")};
  noticetab::LinkRows(s, Body());
  CHECK(s.rows[0].section == 2);
  CHECK(s.rows[0].item == 0);
}
