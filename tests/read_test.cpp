// Stage 4, read layout: classified lines -> body outline and annex table.
// Each case builds a small notice in the test, decodes it as a file would be,
// classifies it and reads it: the text is the spec, the checks the expected dump.
#include "noticetab/read.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "readers/readers.h"

using noticetab::Line;
using noticetab::Regions;
using noticetab::Role;
using noticetab::Row;
using noticetab::Section;
using noticetab::Table;

namespace {

const noticetab::Rules& R() { return noticetab::BuiltinRules(); }

// A decoded notice and its classified lines (the lines view the Source).
struct Notice {
  noticetab::Source src;
  std::vector<Line> lines;
  explicit Notice(const std::string& text) : src(noticetab::Decode(text, "t.txt")) {
    lines = noticetab::ClassifyLines(src, R());
  }
  Regions Whole() const { return Regions{0, lines.size(), lines.size()}; }
  std::vector<Section> Outline(std::vector<int>* ends = nullptr) const {
    return noticetab::ReadOutline(lines, Whole(), R(), ends);
  }
  // FindTable from the top, then the reader it chose.
  Table ReadTable(std::string* reader_name = nullptr, size_t* at_out = nullptr) const {
    size_t at = 0;
    const noticetab::Reader* reader = nullptr;
    REQUIRE(noticetab::FindTable(lines, 0, R(), &at, &reader));
    REQUIRE(reader != nullptr);
    if (reader_name) *reader_name = std::string(reader->name);
    if (at_out) *at_out = at;
    return noticetab::ReadTable(*reader, lines, at, R());
  }
};

// "no title @line" for each section / item, for compact outline checks.
std::vector<std::string> Dump(const std::vector<Section>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) {
    out.push_back("S" + std::to_string(s.index) + " " + s.no + " " + s.title + " @" + std::to_string(s.line));
    for (const auto& it : s.items)
      out.push_back("  I" + std::to_string(it.index) + " " + it.no + " " + it.title + " @" + std::to_string(it.line));
  }
  return out;
}

std::string Roles(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ",") + std::string(noticetab::RoleName(r));
  return out;
}

}  // namespace

// ---------------------------------------------------------------- outline

TEST_CASE("ReadOutline: 一、 sections hold （一） items; lines are 1-based input lines", "[read]") {
  const Notice n(
      "关于印发2023年政务公开工作要点的通知\n"     // 1
      "\n"                                          // 2
      "一、围绕中心工作推进信息公开\n"             // 3
      "（一）加强政策解读。做好重要政策\n"         // 4
      "的解读工作。\n"                             // 5
      "（二）推进平台建设。加强网站建设。\n"       // 6
      "二、加强组织保障\n"                         // 7
      "（三）强化监督考核。纳入年度考核。\n");     // 8
  std::vector<int> ends;
  std::vector<Section> s = n.Outline(&ends);
  CHECK(Dump(s) == std::vector<std::string>{
                       "S1 一 围绕中心工作推进信息公开 @3",
                       "  I1 一 加强政策解读 @4",
                       "  I2 二 推进平台建设 @6",
                       "S2 二 加强组织保障 @7",
                       "  I3 三 强化监督考核 @8",
                   });
  REQUIRE(s.size() == 2);
  REQUIRE(s[0].items.size() == 2);
  // The item text is the whole paragraph, wrapped lines joined without spaces.
  CHECK(s[0].items[0].text == "加强政策解读。做好重要政策的解读工作。");
  CHECK(s[0].items[1].text == "推进平台建设。加强网站建设。");
  // item_end_lines: by Item::index, the last input line of the item's text.
  REQUIRE(ends.size() == 4);
  CHECK(ends[1] == 5);
  CHECK(ends[2] == 6);
  CHECK(ends[3] == 8);
}

TEST_CASE("ReadOutline: item numbering that restarts in every section", "[read]") {
  const Notice n(
      "一、总体要求\n"
      "（一）明确目标。\n"
      "（二）把握原则。\n"
      "二、重点任务\n"
      "（一）加强解读。\n"
      "（二）回应关切。\n"
      "（三）规范公开。\n");
  CHECK(Dump(n.Outline()) == std::vector<std::string>{
                                 "S1 一 总体要求 @1",
                                 "  I1 一 明确目标 @2",
                                 "  I2 二 把握原则 @3",
                                 "S2 二 重点任务 @4",
                                 "  I3 一 加强解读 @5",
                                 "  I4 二 回应关切 @6",
                                 "  I5 三 规范公开 @7",
                             });
}

TEST_CASE("ReadOutline: half-width \"(九) \" continues the （一） run", "[read]") {
  std::string text = "一、重点任务\n";
  const char* nos[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
  for (const char* no : nos) text += std::string("（") + no + "）做好第" + no + "项工作。\n";
  text += "(九) 深入开展政策评价。各镇街园区要建立评价机制。\n";
  text += "（十）加强培训。\n";
  const Notice n(text);
  std::vector<Section> s = n.Outline();
  REQUIRE(s.size() == 1);
  REQUIRE(s[0].items.size() == 10);
  const auto& nine = s[0].items[8];
  CHECK(nine.index == 9);
  CHECK(nine.no == "九");
  CHECK(nine.title == "深入开展政策评价");
  CHECK(nine.text == "深入开展政策评价。各镇街园区要建立评价机制。");
  CHECK(nine.line == 10);
  CHECK(s[0].items[9].no == "十");
}

TEST_CASE("ReadOutline: linyi style, items 1.-17. numbered across 一、 sections", "[read]") {
  // Sections use 一、, items use 1. and keep counting across sections, as in
  // samples/linyi-2023.txt. 1. is the second style to appear, so it is level 2.
  std::string text =
      "2023年临沂市政务公开工作要点\n"
      "2023年，临沂市政务公开工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。\n";
  const char* sections[] = {"一、聚焦绿色低碳高质量发展深化公开", "二、聚焦更高水平决策深化公开",
                            "三、聚焦政策发布解读回应深化公开", "四、聚焦政务公开规范化建设深化公开",
                            "五、聚焦巩固工作基础深化公开"};
  int per_section[] = {3, 3, 3, 3, 5};
  int item = 0;
  for (int k = 0; k < 5; ++k) {
    text += std::string(sections[k]) + "\n\n";
    for (int j = 0; j < per_section[k]; ++j) {
      ++item;
      text += std::to_string(item) + ".加强第" + std::to_string(item) + "项工作。聚焦重点任务，\n";
      text += "2023年底前完成。\n\n";  // a wrapped line that starts with a digit is not a heading
    }
  }
  const Notice n(text);
  std::vector<Section> s = n.Outline();
  REQUIRE(s.size() == 5);
  CHECK(s[0].no == "一");
  CHECK(s[0].title == "聚焦绿色低碳高质量发展深化公开");
  CHECK(s[0].line == 3);
  CHECK(s[4].no == "五");
  int expect = 0;
  for (int k = 0; k < 5; ++k) {
    CAPTURE(k);
    REQUIRE(static_cast<int>(s[k].items.size()) == per_section[k]);
    for (const auto& it : s[k].items) {
      ++expect;
      CHECK(it.index == expect);
      CHECK(it.no == std::to_string(expect));
      CHECK(it.title == "加强第" + std::to_string(expect) + "项工作");
      CHECK(it.text == "加强第" + std::to_string(expect) + "项工作。聚焦重点任务，2023年底前完成。");
    }
  }
  CHECK(expect == 17);
  CHECK(s[0].items[0].line == 5);
}

TEST_CASE("ReadOutline: a third numbering level is part of the item text", "[read]") {
  const Notice n(
      "一、重点任务\n"
      "（一）加强解读。做好以下工作：\n"
      "1.做好政策解读。\n"
      "2.做好回应关切。\n"
      "（二）推进建设。\n"
      "1.建设政府网站。\n");
  std::vector<Section> s = n.Outline();
  REQUIRE(s.size() == 1);
  REQUIRE(s[0].items.size() == 2);
  CHECK(s[0].items[0].title == "加强解读");
  CHECK(s[0].items[0].text == "加强解读。做好以下工作：1.做好政策解读。2.做好回应关切。");
  CHECK(s[0].items[1].no == "二");
  CHECK(s[0].items[1].text == "推进建设。1.建设政府网站。");
}

TEST_CASE("ReadOutline: numbers that do not continue a run are text", "[read]") {
  const Notice n(
      "一、重点任务\n"
      "1.加强解读。全年发布\n"
      "2023.6月底前完成的事项。\n"
      "2.做好回应。资金\n"
      "1.5亿元已下达，\n"
      "5.另见下文。\n"
      "3.规范公开。\n");
  std::vector<Section> s = n.Outline();
  REQUIRE(s.size() == 1);
  REQUIRE(s[0].items.size() == 3);
  CHECK(s[0].items[0].text == "加强解读。全年发布2023.6月底前完成的事项。");
  CHECK(s[0].items[1].no == "2");
  CHECK(s[0].items[1].text == "做好回应。资金1.5亿元已下达，5.另见下文。");
  CHECK(s[0].items[2].no == "3");
  CHECK(s[0].items[2].line == 7);
}

TEST_CASE("ReadOutline: page furniture inside an item is skipped", "[read]") {
  const Notice n(
      "一、重点任务\n"
      "（一）加强解读。做好重要\n"
      "\n"
      "— 2 —\n"
      "\n"
      "政策的解读工作。\n");
  std::vector<int> ends;
  std::vector<Section> s = n.Outline(&ends);
  REQUIRE(s.size() == 1);
  REQUIRE(s[0].items.size() == 1);
  CHECK(s[0].items[0].text == "加强解读。做好重要政策的解读工作。");
  REQUIRE(ends.size() == 2);
  CHECK(ends[1] == 6);
}

TEST_CASE("ReadOutline reads only [body_begin, body_end)", "[read]") {
  const Notice n(
      "一、总体要求\n"
      "（一）明确目标。\n"
      "二、重点任务\n"
      "（二）加强解读。\n");
  std::vector<Section> s = noticetab::ReadOutline(n.lines, Regions{0, 2, 4}, R());
  CHECK(Dump(s) == std::vector<std::string>{"S1 一 总体要求 @1", "  I1 一 明确目标 @2"});
}

// ---------------------------------------------------------------- helpers

TEST_CASE("SplitTabs: trimmed cells, empty cells kept", "[read]") {
  CHECK(noticetab::SplitTabs("1\t\t 具体要求 \t") == std::vector<std::string_view>{"1", "", "具体要求", ""});
  CHECK(noticetab::SplitTabs("无表格") == std::vector<std::string_view>{"无表格"});
}

TEST_CASE("HeaderRoles: a header holds header names only", "[read]") {
  CHECK(Roles(noticetab::HeaderRoles({"序号", "工作任务", "具体内容", "责任单位", "完成时限"}, R())) ==
        "seq,label,content,units,deadline");
  CHECK(Roles(noticetab::HeaderRoles({"序号", "工作", "任务", "具 体 要 求", "责任单位", ""}, R())) ==
        "seq,label,label,content,units,none");
  // Two names but no content / units column: not a task table.
  CHECK(noticetab::HeaderRoles({"序号", "完成时限"}, R()).empty());
  // A data row that happens to hold a header word.
  CHECK(noticetab::HeaderRoles({"1", "工作任务", "县财政局"}, R()).empty());
}

// ---------------------------------------------------------------- tabs reader

TEST_CASE("tabs table: rows, labels, units, deadlines and a repeated header", "[read]") {
  const Notice n(
      "一、围绕中心工作推进信息公开\n"                                                      // 1
      "（一）加强政策解读。做好解读。\n"                                                    // 2
      "附件\n"                                                                              // 3
      "序号\t工作任务\t具体内容\t责任单位\t完成时限\n"                                      // 4
      "1\t一、围绕中心工作\t做好重点工作信息公开，及时发布进展。\t县发改局\t2023年6月底前\n"  // 5
      "2\t\t做好财政预决算公开。\t县财政局、县审计局\t全年\n"                               // 6
      "\n"                                                                                  // 7
      "— 3 —\n"                                                                             // 8
      "序号\t工作任务\t具体内容\t责任单位\t完成时限\n"                                      // 9
      "3\t二、加强平台建设\t做好政府网站管理。\t县政府办公室\t长期坚持\n"                   // 10
      "抄送：县委办公室\n");                                                                // 11
  std::string reader;
  size_t at = 0;
  Table t = n.ReadTable(&reader, &at);
  CHECK(reader == "tabs");
  CHECK(at == 3);  // index of line 4 in the Line vector
  CHECK(t.layout == "tabs");
  CHECK(t.header_line == 4);
  CHECK(Roles(t.columns) == "seq,label,content,units,deadline");
  CHECK(t.has(Role::kDeadline));
  CHECK_FALSE(t.has(Role::kLead));
  REQUIRE(t.rows.size() == 3);

  const Row& r1 = t.rows[0];
  CHECK(r1.seq == 1);
  CHECK(r1.section_label.text == "一、围绕中心工作");
  CHECK(r1.item_label.empty());
  CHECK(r1.content.text == "做好重点工作信息公开，及时发布进展。");
  CHECK(r1.units.text == "县发改局");
  CHECK(r1.deadline.text == "2023年6月底前");
  CHECK(r1.first_line == 5);
  CHECK(r1.last_line == 5);
  CHECK(r1.content.first_line == 5);
  CHECK_FALSE(r1.after_break);

  const Row& r2 = t.rows[1];
  CHECK(r2.seq == 2);
  CHECK(r2.section_label.empty());
  CHECK(r2.content.text == "做好财政预决算公开。");
  CHECK(r2.units.text == "县财政局、县审计局");
  CHECK(r2.deadline.text == "全年");
  CHECK(r2.first_line == 6);

  // The repeated header (page break) is not a row; the row after it is marked.
  const Row& r3 = t.rows[2];
  CHECK(r3.seq == 3);
  CHECK(r3.after_break);
  CHECK(r3.section_label.text == "二、加强平台建设");
  CHECK(r3.content.text == "做好政府网站管理。");
  CHECK(r3.units.text == "县政府办公室");
  CHECK(r3.deadline.text == "长期坚持");
  CHECK(r3.first_line == 10);
  CHECK(r3.last_line == 10);
}

TEST_CASE("tabs table: item labels, and cells placed by shape", "[read]") {
  const Notice n(
      "序号\t工作\t任务\t具体要求\t责任单位\t完成时限\n"                             // 1
      "1\t一、围绕重点领域\t（一）聚焦中心工作\t围绕做强工业经济做好信息公开。\t县发改局\t12 月底前\n"  // 2
      "2\t\t\t按要求公开国有企业改革情况。\t\t2023年\n"                             // 3
      "3\t\t\t做好就业信息公开。\t县人社局\n");                                    // 4
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].section_label.text == "一、围绕重点领域");
  CHECK(t.rows[0].item_label.text == "（一）聚焦中心工作");
  CHECK(t.rows[0].deadline.text == "12 月底前");
  // An empty unit cell stays empty; the deadline lands in its own column.
  CHECK(t.rows[1].units.empty());
  CHECK(t.rows[1].deadline.text == "2023年");
  CHECK(t.rows[2].units.text == "县人社局");
  CHECK(t.rows[2].deadline.empty());
  CHECK(t.rows[2].first_line == 4);
}

TEST_CASE("tabs table: a line without columns continues the content above", "[read]") {
  const Notice n(
      "序号\t具体内容\t责任单位\t完成时限\n"             // 1
      "1\t做好政府信息公开，及时发布\t县财政局\t全年\n"  // 2
      "政策解读材料。\n"                                  // 3
      "2\t做好网站管理。\t县政府办公室\t全年\n");       // 4
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].content.text == "做好政府信息公开，及时发布政策解读材料。");
  CHECK(t.rows[0].units.text == "县财政局");
  CHECK(t.rows[0].first_line == 2);
  CHECK(t.rows[0].last_line == 3);
  CHECK_FALSE(t.rows[0].warnings.empty());  // what was guessed is said
  CHECK(t.rows[1].seq == 2);
  CHECK(t.rows[1].first_line == 4);
}

TEST_CASE("tabs table pasted from a spreadsheet: a quoted cell over several lines is one cell", "[read]") {
  // Excel and WPS copy a cell holding line breaks in double quotes, a quote in it doubled.
  const Notice n(
      "序号\t工作要求\t牵头单位\t配合单位\t完成时间\n"                                    // 1
      "1\t\"集中公开惠企政策清单，\n实现政策\"\"一站式\"\"查询。\"\t县经信局\t\"县发改委\n"   // 2-3
      "县商务局\"\t2024年9月底前\n"                                                         // 4
      "2\t\"三公\"经费单独说明。\t县财政局\t县直各单位\t2024年6月底前\n");                   // 5
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].content.text == "集中公开惠企政策清单， 实现政策\"一站式\"查询。");  // the space goes with normalizing
  CHECK(t.rows[0].support.text == "县发改委 县商务局");  // a line break between names: a space
  CHECK(t.rows[0].deadline.text == "2024年9月底前");
  CHECK(t.rows[0].first_line == 2);
  CHECK(t.rows[0].last_line == 4);
  // A cell that only starts with a quote is read as printed.
  CHECK(t.rows[1].content.text == "\"三公\"经费单独说明。");
  CHECK(t.rows[1].support.text == "县直各单位");
}

TEST_CASE("tabs table ends at 抄送 / 印发", "[read]") {
  const Notice n(
      "序号\t具体内容\t责任单位\n"
      "1\t做好信息公开。\t县财政局\n"
      "县人民政府办公室 2023年8月9日印发\n"
      "2\t不是表格的行。\t县审计局\n");
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].content.text == "做好信息公开。");
}

TEST_CASE("a table ends at a web page's navigation under the article (junk.yaml page_end)", "[read]") {
  // 相关阅读： is junk; the linked title under it is neither a row nor a
  // line of the last row's content, whatever the table's layout.
  const std::string tail = "相关阅读：\n关于印发《2023年政务公开工作要点》的通知\n";
  SECTION("tabs") {
    const Notice n("序号\t具体内容\t责任单位\t完成时限\n"
                   "1\t做好信息公开。\t县财政局\t全年\n"
                   "2\t做好网站管理。\t县政府办公室\t全年\n" + tail);
    Table t = n.ReadTable();
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].content.text == "做好网站管理。");
    CHECK(t.rows[1].warnings.empty());
  }
  SECTION("cell per line") {
    const Notice n("主要任务\n责任单位\n完成时限\n"
                   "做好信息公开。\n县财政局\n全年\n"
                   "做好网站管理。\n县政府办公室\n全年\n"
                   "上一篇：关于开展考核的通知\n下一篇：关于印发实施方案的通知\n" + tail);
    Table t = n.ReadTable();
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].content.text == "做好网站管理。");
  }
  SECTION("other junk inside a table is skipped, not an end") {
    const Notice n("序号\t具体内容\t责任单位\t完成时限\n"
                   "1\t做好信息公开。\t县财政局\t全年\n"
                   "— 2 —\n"
                   "2\t做好网站管理。\t县政府办公室\t全年\n");
    CHECK(n.ReadTable().rows.size() == 2);
  }
}

// ---------------------------------------------------------------- cell-per-line reader

TEST_CASE("cell-per-line table: rows rebuilt from the cell stream", "[read]") {
  // samples/linyi-2023.txt: one paragraph per cell, blank lines between.
  const Notice n(
      "附件\n"                                                // 1
      "\n"                                                    // 2
      "要点任务\n"                                            // 3
      "\n"                                                    // 4
      "工作要求\n"                                            // 5
      "\n"                                                    // 6
      "责任单位\n"                                            // 7
      "\n"                                                    // 8
      "    完成时限\n"                                        // 9
      "\n"                                                    // 10
      "一、聚焦绿色低碳高质量发展深化公开\n"                  // 11
      "\n"                                                    // 12
      "（一）加强高质量发展信息公开。\n"                      // 13
      "\n"                                                    // 14
      "聚焦市委、市政府重点工作任务，做好信息发布。\n"        // 15
      "\n"                                                    // 16
      "各县区政府（管委会），市政府各部门（单位）\n"          // 17
      "\n"                                                    // 18
      "全年\n"                                                // 19
      "\n"                                                    // 20
      "聚焦扩大有效投资，做好重大项目建设信息公开。\n"        // 21
      "\n"                                                    // 22
      "市发展改革委等部门（单位）\n"                          // 23
      "\n"                                                    // 24
      "2023年6月底前\n"                                       // 25
      "\n"                                                    // 26
      "（二）加强优化营商环境信息公开。\n"                    // 27
      "\n"                                                    // 28
      "加大营商环境建设活动的公开和解读力度。\n"              // 29
      "\n"                                                    // 30
      "市政府各部门（单位）\n"                                // 31
      "\n"                                                    // 32
      "长期坚持\n");                                          // 33
  std::string reader;
  size_t at = 0;
  Table t = n.ReadTable(&reader, &at);
  CHECK(reader == "cell-per-line");
  CHECK(at == 2);
  CHECK(t.layout == "cell-per-line");
  CHECK(t.header_line == 3);
  CHECK(Roles(t.columns) == "label,content,units,deadline");
  REQUIRE(t.rows.size() == 3);

  const Row& r1 = t.rows[0];
  CHECK(r1.section_label.text == "一、聚焦绿色低碳高质量发展深化公开");
  CHECK(r1.item_label.text == "（一）加强高质量发展信息公开。");
  CHECK(r1.content.text == "聚焦市委、市政府重点工作任务，做好信息发布。");
  CHECK(r1.units.text == "各县区政府（管委会），市政府各部门（单位）");
  CHECK(r1.deadline.text == "全年");
  CHECK(r1.first_line == 11);
  CHECK(r1.last_line == 19);
  CHECK(r1.units.first_line == 17);
  CHECK(r1.deadline.first_line == 19);

  // A row under merged label cells has no labels of its own.
  const Row& r2 = t.rows[1];
  CHECK(r2.section_label.empty());
  CHECK(r2.item_label.empty());
  CHECK(r2.content.text == "聚焦扩大有效投资，做好重大项目建设信息公开。");
  CHECK(r2.units.text == "市发展改革委等部门（单位）");
  CHECK(r2.deadline.text == "2023年6月底前");
  CHECK(r2.first_line == 21);
  CHECK(r2.last_line == 25);

  const Row& r3 = t.rows[2];
  CHECK(r3.section_label.empty());
  CHECK(r3.item_label.text == "（二）加强优化营商环境信息公开。");
  CHECK(r3.content.text == "加大营商环境建设活动的公开和解读力度。");
  CHECK(r3.units.text == "市政府各部门（单位）");
  CHECK(r3.deadline.text == "长期坚持");
  CHECK(r3.first_line == 27);
  CHECK(r3.last_line == 33);
}

TEST_CASE("cell-per-line table: blank lines inside numbered rows are empty cells, read by position", "[read]") {
  // A web page that kept each empty cell as an empty paragraph: every row,
  // from its 序号 to the next, is as many lines as the header has names.
  const Notice n(
      "序号\n主要任务\n牵头单位\n配合单位\n完成时限\n"        // 1-5
      "1\n公开重点任务分解及进展情况。\n县政府办公室\n县级各部门\n2024年12月底前\n"  // 6-10
      "2\n集中公开常务会议审议的重大决策事项。\n\n\n2024年12月底前\n"            // 11-15
      "3\n梳理公开惠企政策清单。\n县发改局\n县财政局、县经信局\n2024年6月底前\n"   // 16-20
      "4\n开设政策直通车专栏。\n\n县融媒体中心\n\n"                             // 21-25
      "相关阅读：\n关于印发《2023年政务公开工作要点》的通知\n");                     // 26-27
  std::string reader;
  Table t = n.ReadTable(&reader);
  CHECK(reader == "cell-per-line");
  REQUIRE(t.rows.size() == 4);  // the page's link after the table is no row
  CHECK(t.rows[1].lead.empty());
  CHECK(t.rows[1].support.empty());
  CHECK(t.rows[1].deadline.text == "2024年12月底前");
  // The empty 牵头单位 keeps its place: 县融媒体中心 is the 配合单位.
  CHECK(t.rows[3].lead.empty());
  CHECK(t.rows[3].support.text == "县融媒体中心");
  CHECK(t.rows[3].deadline.empty());
  CHECK(t.rows[3].seq == 4);
  CHECK(t.rows[3].first_line == 21);
  CHECK(t.rows[3].last_line == 24);
  CHECK(t.rows[2].lead.text == "县发改局");
  CHECK(t.rows[2].support.text == "县财政局、县经信局");
}

TEST_CASE("cell-per-line table: a row of another length leaves the whole stream to the cells' shapes", "[read]") {
  // Row 2's content is two paragraphs: lines no longer give columns, and
  // the blank line is not taken for a cell.
  const Notice n(
      "序号\n主要任务\n牵头单位\n配合单位\n完成时限\n"
      "1\n公开重点任务分解及进展情况。\n县政府办公室\n\n2024年12月底前\n"
      "2\n集中公开常务会议审议的\n重大决策事项。\n县政府办公室\n县级各部门\n2024年12月底前\n"
      "3\n梳理公开惠企政策清单。\n县发改局\n县财政局\n2024年6月底前\n");
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].content.text == "集中公开常务会议审议的重大决策事项。");
  CHECK(t.rows[1].support.text == "县级各部门");
  CHECK(t.rows[2].support.text == "县财政局");
}

TEST_CASE("cell-per-line table: blank lines between cells, a cell wrapped over lines (PDF text without -layout)", "[read]") {
  // pdftotext without -layout prints a table cell by cell, blank lines
  // between, each cell wrapped at its column's width.
  const Notice n(
      "序号\n\n工作任务\n\n责任单位\n\n完成时限\n\n"                                   // 1-8
      "1\n\n围绕稳预期、强信心，及时公开促进\n经济持续回升向好的政策措施。\n\n"           // 9-13
      "区发改委、区财\n政局\n\n2024年6月\n底前\n\n"                                     // 14-19
      "2\n\n做好优化营商环境信息公开。\n\n区市场监管局\n\n长期坚持\n");                // 20-26
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].content.text == "围绕稳预期、强信心，及时公开促进经济持续回升向好的政策措施。");
  CHECK(t.rows[0].units.text == "区发改委、区财政局");
  CHECK(t.rows[0].deadline.text == "2024年6月底前");
  CHECK(t.rows[1].units.text == "区市场监管局");
  // Blank lines between the header's names but none between the body's cells:
  // a cell per line, as ever.
  const Notice packed("序号\n\n工作任务\n\n责任单位\n\n完成时限\n\n"
                      "1\n做好优化营商环境信息公开。\n区市场监管局\n2024年6月底前\n"
                      "2\n推进政策解读。\n区政府办公室\n长期坚持\n");
  Table p = packed.ReadTable();
  REQUIRE(p.rows.size() == 2);
  CHECK(p.rows[0].units.text == "区市场监管局");
  CHECK(p.rows[1].content.text == "推进政策解读。");
}

TEST_CASE("cell-per-line table: a deadline printed as two cells \"2023年\" \"6月底前\"", "[read]") {
  // samples/linyi-2023.txt prints some 完成时限 cells on two paragraphs.
  const Notice n(
      "要点任务\n\n工作要求\n\n责任单位\n\n完成时限\n\n"      // 1-8
      "（四）深入落实重大行政决策事项公开。\n\n"                // 9
      "继续实行重大行政决策事项目录管理。\n\n"                  // 11
      "各县区政府（管委会），市司法局等部门（单位）\n\n"        // 13
      "2023年\n\n"                                              // 15
      "6月底前\n\n"                                             // 17
      "按照决策事项推进流程归集展示决策草案。\n\n"              // 19
      "市司法局\n\n"                                            // 21
      "全年\n");                                                 // 23
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].deadline.text == "2023年6月底前");
  CHECK(t.rows[0].deadline.first_line == 15);
  CHECK(t.rows[0].deadline.last_line == 17);
  CHECK(t.rows[0].last_line == 17);
  CHECK(t.rows[0].warnings.empty());  // a year cell and its month are one deadline
  CHECK(t.rows[1].content.text == "按照决策事项推进流程归集展示决策草案。");
  CHECK(t.rows[1].deadline.text == "全年");
}

TEST_CASE("cell-per-line table: a content cell wrapped into a second paragraph", "[read]") {
  const Notice n(
      "要点任务\n\n工作要求\n\n责任单位\n\n完成时限\n\n"  // 1-8
      "（一）加强高质量发展信息公开。\n\n"                  // 9
      "聚焦扩大有效投资，依法依规做好城市更新、\n\n"        // 11
      "基础设施等重大项目建设信息公开。\n\n"                // 13
      "市发展改革委等部门（单位）\n\n"                      // 15
      "全年\n");                                             // 17
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].content.text == "聚焦扩大有效投资，依法依规做好城市更新、基础设施等重大项目建设信息公开。");
  CHECK(t.rows[0].content.last_line == 13);
  CHECK(t.rows[0].units.text == "市发展改革委等部门（单位）");
}

TEST_CASE("cell-per-line table: a unit cell ending in 等 is the row's units", "[read]") {
  // Regression test; the bug was: ClassifyCell does not see "市国资委等" as units (the open tail 等 is
  // not stripped first), so the reader starts a new row with it as content.
  const Notice n(
      "要点任务\n\n工作要求\n\n责任单位\n\n完成时限\n\n"  // 1-8
      "（一）加强解读。\n\n"                                 // 9
      "做好国有企业改革信息公开。\n\n"                       // 11
      "市国资委等\n\n"                                       // 13
      "全年\n\n"                                             // 15
      "做好政策发布工作。\n\n"                               // 17
      "市财政局\n\n"                                         // 19
      "全年\n");                                              // 21
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].content.text == "做好国有企业改革信息公开。");
  CHECK(t.rows[0].units.text == "市国资委等");
  CHECK(t.rows[0].deadline.text == "全年");
  CHECK(t.rows[1].content.text == "做好政策发布工作。");
}

// ---------------------------------------------------------------- tab-prefixed reader

TEST_CASE("tab-prefixed table: a unit cell continued on an unprefixed line", "[read]") {
  // samples/laiwu-2021.txt: every cell a tab-prefixed line, blank lines between
  // rows; a long unit cell wraps onto a line without the tab.
  const Notice n(
      "附件\n"                                          // 1
      "\t工作任务\n"                                    // 2
      "\t具体要求\n"                                    // 3
      "\t责任单位\n"                                    // 4
      "\n"                                              // 5
      "\t紧扣重点领域深化政务公开\n"                    // 6
      "\t聚焦重点工作推进政务公开\n"                    // 7
      "\t主动公开重点任务进展情况。\n"                  // 8
      "\t各镇（街道）、区政府有关部门\n"                // 9
      "\n"                                              // 10
      "\t\n"                                            // 11
      "\t\n"                                            // 12
      "\t稳步扩大预决算公开范围。\n"                    // 13
      "\t各镇（街道）、区财政局、\n"                    // 14
      "\n"                                              // 15
      "区农业农村局\n"                                  // 16
      "\n"                                              // 17
      "\t\n"                                            // 18
      "\t聚焦“十四五”规划推进政务公开\n"                // 19
      "\n"                                              // 20
      "\t主动公开“十四五”规划纲要。\n"                  // 21
      "\t各镇（街道）、区发展改革局\n");                // 22
  std::string reader;
  Table t = n.ReadTable(&reader);
  CHECK(reader == "tab-prefixed");
  CHECK(t.layout == "tab-prefixed");
  CHECK(t.header_line == 2);
  CHECK(Roles(t.columns) == "label,content,units");
  REQUIRE(t.rows.size() == 3);

  const Row& r1 = t.rows[0];
  CHECK(r1.section_label.text == "紧扣重点领域深化政务公开");
  CHECK(r1.item_label.text == "聚焦重点工作推进政务公开");
  CHECK(r1.content.text == "主动公开重点任务进展情况。");
  CHECK(r1.units.text == "各镇（街道）、区政府有关部门");
  CHECK(r1.first_line == 6);
  CHECK(r1.last_line == 9);

  const Row& r2 = t.rows[1];
  CHECK(r2.section_label.empty());
  CHECK(r2.item_label.empty());
  CHECK(r2.content.text == "稳步扩大预决算公开范围。");
  CHECK(r2.units.text == "各镇（街道）、区财政局、区农业农村局");
  CHECK(r2.units.first_line == 14);
  CHECK(r2.units.last_line == 16);
  CHECK(r2.first_line == 13);
  CHECK(r2.last_line == 16);

  const Row& r3 = t.rows[2];
  CHECK(r3.section_label.empty());
  CHECK(r3.item_label.text == "聚焦“十四五”规划推进政务公开");
  CHECK(r3.content.text == "主动公开“十四五”规划纲要。");
  CHECK(r3.units.text == "各镇（街道）、区发展改革局");
  CHECK(r3.first_line == 19);
  CHECK(r3.last_line == 22);
}

TEST_CASE("tab-prefixed table: a repeated header is not a row; the row after it is marked", "[read]") {
  const Notice n(
      "\t工作任务\n\t具体要求\n\t责任单位\n"          // 1-3
      "\n"                                            // 4
      "\t紧扣重点领域深化政务公开\n"                  // 5
      "\t聚焦重点工作推进政务公开\n"                  // 6
      "\t主动公开重点任务进展情况。\n"                // 7
      "\t各镇（街道）、区政府有关部门\n"              // 8
      "\n"                                            // 9
      "\t工作任务\n\t具体要求\n\t责任单位\n"          // 10-12
      "\n"                                            // 13
      "\t紧扣重点领域深化政务公开\n"                  // 14
      "\t聚焦优化营商环境做好信息主动公开\n"          // 15
      "\t更新完善权责清单并按要求公开。\n"            // 16
      "\t各镇（街道）、区政府有关部门\n");            // 17
  Table t = n.ReadTable();
  REQUIRE(t.rows.size() == 2);
  CHECK_FALSE(t.rows[0].after_break);
  CHECK(t.rows[1].after_break);
  CHECK(t.rows[1].section_label.text == "紧扣重点领域深化政务公开");
  CHECK(t.rows[1].item_label.text == "聚焦优化营商环境做好信息主动公开");
  CHECK(t.rows[1].content.text == "更新完善权责清单并按要求公开。");
  CHECK(t.rows[1].first_line == 14);
  CHECK(t.rows[1].last_line == 17);
}

TEST_CASE("FindTable: no header, no table", "[read]") {
  const Notice n(
      "一、总体要求\n"
      "（一）做好解读。\n"
      "责任单位：县财政局\n");
  size_t at = 99;
  const noticetab::Reader* reader = nullptr;
  CHECK_FALSE(noticetab::FindTable(n.lines, 0, R(), &at, &reader));
}

TEST_CASE("FindTable starts at `from`", "[read]") {
  const Notice n(
      "序号\t具体内容\t责任单位\n"
      "1\t做好信息公开。\t县财政局\n"
      "附件2\n"
      "序号\t具体内容\t责任单位\n"
      "1\t做好培训。\t县审计局\n");
  size_t at = 0;
  const noticetab::Reader* reader = nullptr;
  REQUIRE(noticetab::FindTable(n.lines, 1, R(), &at, &reader));
  CHECK(at == 3);
}

TEST_CASE("the reader table names every layout once", "[read]") {
  std::vector<std::string> names;
  int lowest_table = 1000, highest_body = -1;
  for (const auto& r : noticetab::Readers()) {
    CHECK(r.detect != nullptr);
    // A table reader cuts a grid; a body reader reads the body items.
    CHECK((r.cut != nullptr) != (r.cut_body != nullptr));
    if (r.body()) highest_body = std::max(highest_body, r.priority);
    else lowest_table = std::min(lowest_table, r.priority);
    names.emplace_back(r.name);
  }
  CHECK(highest_body < lowest_table);  // a table wins over body readers
  for (const auto& n : names) CHECK(std::count(names.begin(), names.end(), n) == 1);
  CHECK(std::count(names.begin(), names.end(), "key-value") == 1);
  CHECK(std::count(names.begin(), names.end(), "clauses") == 1);
  CHECK(std::count(names.begin(), names.end(), "tabs") == 1);
  CHECK(std::count(names.begin(), names.end(), "cell-per-line") == 1);
  CHECK(std::count(names.begin(), names.end(), "tab-prefixed") == 1);
}

TEST_CASE("Cell::Append joins CJK without spaces and Latin words with one", "[read]") {
  noticetab::Cell c;
  c.Append(" 各镇（街道）、区财政局、", 14);
  c.Append("区农业农村局 ", 16);
  CHECK(c.text == "各镇（街道）、区财政局、区农业农村局");
  CHECK(c.first_line == 14);
  CHECK(c.last_line == 16);
  noticetab::Cell latin;
  latin.Append("PDF", 1);
  latin.Append("export", 2);
  CHECK(latin.text == "PDF export");
  latin.Append("   ", 3);  // nothing to append: the lines do not move
  CHECK(latin.last_line == 2);
}

TEST_CASE("Cell::Append joins a number wrapped inside Chinese text, not Latin numbers or a list marker", "[read]") {
  auto joined = [](std::string_view a, std::string_view b) {
    noticetab::Cell c;
    c.Append(a, 1);
    c.Append(b, 2);
    return c.text;
  };
  CHECK(joined("2025年3月3", "1日前") == "2025年3月31日前");
  CHECK(joined("完成第3", "2项重点任务") == "完成第32项重点任务");
  CHECK(joined("推进ISO 9001", "2015标准认证") == "推进ISO 9001 2015标准认证");
  CHECK(joined("新建学校3", "2.改扩建学校") == "新建学校3 2.改扩建学校");
  CHECK(joined("version 3", "1") == "version 3 1");
}

TEST_CASE("a table's caption is the title lines above it, not the cover's date line", "[read]") {
  auto caption_of = [](const std::string& text) {
    Notice n(text);
    size_t at = 0;
    const noticetab::Reader* reader = nullptr;
    REQUIRE(noticetab::FindTable(n.lines, 0, R(), &at, &reader));
    return noticetab::CaptionAbove(n.lines, at, R());
  };
  const std::string table = "序号\t工作任务\t责任单位\t完成时限\n1\t公开政策文件。\t县司法局\t2024年3月底前\n"
                            "2\t做好政策解读。\t县政府办公室\t2024年12月底前\n";
  // The date the cover ends with, right above the annex's title: not part of it.
  CHECK(caption_of("某县人民政府办公室\n2024年3月1日\n2024年重点任务清单\n" + table) == "2024年重点任务清单");
  CHECK(caption_of("2024 年 3 月 1 日\n2024年重点任务清单\n" + table) == "2024年重点任务清单");
  // A title holding a date stays whole; a 附件 line above it is its first part.
  CHECK(caption_of("附件\n2024年3月1日起施行的任务清单\n" + table) == "附件 2024年3月1日起施行的任务清单");
}
