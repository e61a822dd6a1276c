// Which body lines carry an assignment clause (clauses.cpp: IsKeyValueLine,
// ReadAssignment): a key-value clause on a line of its own or closing the
// line's text without brackets, but not a contact line's person.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/clauses.h"
#include "noticetab/rules.h"
#include "clause_pieces.h"
#include "stages.h"

namespace {

const noticetab::Rules& R() { return noticetab::BuiltinRules(); }

}  // namespace

TEST_CASE("a key-value clause closing a line's text makes it a key-value line; a contact person does not",
          "[clauses]") {
  CHECK(noticetab::IsKeyValueLine("责任单位：县委网信办、县政府办公室。", R()));
  CHECK(noticetab::IsKeyValueLine("规范政务新媒体运营。责任单位：县委网信办、县政府办公室。", R()));
  CHECK(noticetab::IsKeyValueLine("同步发布，牵头单位：县政府办公室；配合单位：县直各单位。", R()));
  // A person is no unit or deadline: the line stays text.
  CHECK_FALSE(noticetab::IsKeyValueLine("请于6月底前报送总结。联系人：张三，联系电话：12345678。", R()));
  // A clause inside brackets is the bracket readers' (EndsInClause), not this one.
  CHECK_FALSE(noticetab::IsKeyValueLine("规范运营（责任单位：县委网信办）", R()));
}

TEST_CASE("ReadAssignment takes an unbracketed closing clause out of the content", "[clauses]") {
  std::string content;
  const std::vector<std::string_view> lines = {"（四）加强政务新媒体管理。规范运营，严格审核。责任单位：县委网信办、县政府办公室，完成时限：2025年6月底前。"};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.found);
  CHECK(a.units == "县委网信办、县政府办公室");
  CHECK(a.deadline == "2025年6月底前");
  CHECK(content == "（四）加强政务新媒体管理。规范运营，严格审核。");
}

TEST_CASE("a clause whose deadline no pattern reads keeps its units and the deadline as printed", "[clauses]") {
  noticetab::Assignment a;
  // Read whether or not rules/deadlines.yaml has a pattern for it.
  REQUIRE(noticetab::ParseClause("县交通运输局牵头，各镇人民政府配合，年内完成", R(), &a));
  CHECK(a.units == "县交通运输局牵头，各镇人民政府配合");
  CHECK(a.deadline == "年内完成");
  noticetab::Assignment kv;
  REQUIRE(noticetab::ParseClause("牵头单位：县文旅局，二〇二五年十月底前完成", R(), &kv));
  CHECK(kv.lead == "县文旅局");
  CHECK(kv.deadline == "二〇二五年十月底前完成");
  // A date-like bracket naming no units is no clause: （2025年修订）.
  noticetab::Assignment none;
  CHECK_FALSE(noticetab::ParseClause("2025年修订", R(), &none));
  CHECK(none.deadline.empty());
  // A last piece that reads as units stays a unit.
  noticetab::Assignment units;
  REQUIRE(noticetab::ParseClause("县财政局牵头，各镇人民政府配合", R(), &units));
  CHECK(units.deadline.empty());
}

TEST_CASE("a full stop before another key ends a clause part", "[clauses]") {
  noticetab::Assignment a;
  REQUIRE(noticetab::ParseClause("牵头单位：县综合行政执法局；配合单位：县委编办、县司法局。完成时限：2025年11月底前。", R(), &a));
  CHECK(a.lead == "县综合行政执法局");
  CHECK(a.support == "县委编办、县司法局");
  CHECK(a.deadline == "2025年11月底前");
  noticetab::Assignment b;
  REQUIRE(noticetab::ParseClause("责任单位：县司法局。完成时限：2025年11月底前", R(), &b));
  CHECK(b.units == "县司法局");
  CHECK(b.deadline == "2025年11月底前");
  // A full stop before no key stays in the value.
  noticetab::Assignment c;
  REQUIRE(noticetab::ParseClause("责任单位：县司法局。", R(), &c));
  CHECK(c.units.find("县司法局") == 0);
}

TEST_CASE("a key-value line whose list ends in a separator goes on in the next line", "[clauses]") {
  std::string content;
  const std::vector<std::string_view> lines = {"1．推进标准化厂房建设。", "牵头单位：镇经发办", "配合单位：镇财政所、镇自然资源所、",
                                               "镇安监站、镇综合执法队", "完成时限：2025年12月底前"};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.support == "镇财政所、镇自然资源所、镇安监站、镇综合执法队");
  CHECK(a.support_from.first == 2);
  CHECK(a.support_from.last == 3);
  CHECK(a.deadline == "2025年12月底前");
  CHECK(content == "1．推进标准化厂房建设。");
  // A separator before a line that opens a key of its own: nothing to join.
  const std::vector<std::string_view> keyed = {"1．推进标准化厂房建设。", "配合单位：镇财政所、", "完成时限：2025年12月底前"};
  const noticetab::Assignment b = noticetab::ReadAssignment(keyed, R(), &content);
  CHECK(b.deadline == "2025年12月底前");
  CHECK(b.support.find("完成时限") == std::string::npos);
}

TEST_CASE("a bracketed clause followed by a 完成时限： key is one assignment", "[clauses]") {
  std::string content;
  const std::vector<std::string_view> lines = {
      "（一）做好财政资金信息公开。全面公开镇级预决算。（镇财政所牵头，各村（居）民委员会配合）完成时限：2024年9月底前。"};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.found);
  CHECK(a.units == "镇财政所牵头，各村（居）民委员会配合");
  CHECK(a.deadline == "2024年9月底前");
  CHECK(content == "（一）做好财政资金信息公开。全面公开镇级预决算。");
  // A bracket that is no clause stays in the text.
  std::string kept;
  const std::vector<std::string_view> plain = {"（二）公开《条例》（2019年修订）。完成时限：长期坚持。"};
  const noticetab::Assignment b = noticetab::ReadAssignment(plain, R(), &kept);
  CHECK(b.deadline == "长期坚持");
  CHECK(kept == "（二）公开《条例》（2019年修订）。");
}

TEST_CASE("a bracketed clause cut at the page width over three lines is read whole", "[clauses]") {
  std::string content;
  const std::vector<std::string_view> lines = {"3．推进高标准农田建设。新建高标准农田3.5万亩，完成投资5250万元。（牵",
                                               "头单位：县农业农村局；责任单位：县财政局、县水利局；完成时限：2024年12",
                                               "月底前）"};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.lead == "县农业农村局");
  CHECK(a.deadline == "2024年12月底前");
  CHECK(content == "3．推进高标准农田建设。新建高标准农田3.5万亩，完成投资5250万元。");
}

TEST_CASE("a key cut at the page width (完成 / 时限：…) after a bracketed clause is read with it", "[clauses]") {
  std::string content;
  const std::vector<std::string_view> lines = {"（一）规范政务公开专栏", "在镇政府网站更新政务公开事项目录。（党政综合办公室负责）完成",
                                               "时限：2024 年 6 月 30 日前。"};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.units == "党政综合办公室负责");
  CHECK(a.deadline == "2024年6月30日前");
  CHECK(content == "（一）规范政务公开专栏在镇政府网站更新政务公开事项目录。");
}

TEST_CASE("a bracket naming the unit right before it another way is no assignment", "[clauses]") {
  // 市政府办公室（市政务公开办）: an alias; the sentence asks recipients to report, and assigns nothing.
  std::string content;
  const std::vector<std::string_view> alias = {"于2024年4月30日前将任务分解表报送市政府办公室（市政务公开办）。"};
  CHECK_FALSE(noticetab::ReadAssignment(alias, R(), &content).found);
  CHECK_FALSE(noticetab::EndsInClause(alias[0], R()));
  // After a task's words the same bracket assigns; so does one with a role word after a unit.
  // Another unit of the same level after a unit's name is no alias of it: it assigns.
  const std::vector<std::string_view> other = {"（二）推进医共体建设，做强县人民医院（县卫健局）。"};
  CHECK(noticetab::ReadAssignment(other, R(), &content).units == "县卫健局");
  const std::vector<std::string_view> task = {"（三）做好财政信息公开（县财政局）。"};
  CHECK(noticetab::ReadAssignment(task, R(), &content).units == "县财政局");
  const std::vector<std::string_view> role = {"做好材料报送，报送县政府办公室（县政府办负责）。"};
  CHECK(noticetab::ReadAssignment(role, R(), &content).found);
}

TEST_CASE("an assignment inside a sentence (由X牵头，Y配合) is read; the sentence stays whole", "[clauses]") {
  const std::string item = "（一）全面推行一件事改革，由区数据资源局牵头，区市场监管局、区人社局配合，年内推出10个场景。";
  CHECK(noticetab::InlineAssignment(item, R()));
  std::string content;
  const std::vector<std::string_view> lines = {item};
  const noticetab::Assignment a = noticetab::ReadAssignment(lines, R(), &content);
  CHECK(a.found);
  CHECK(a.units == "区数据资源局牵头，区市场监管局、区人社局配合");  // roles are read from it later
  CHECK(content == item);
  // 由 that hands over no task to a unit (由此, 由…组织实施 with no role word).
  CHECK_FALSE(noticetab::InlineAssignment("由此带来的问题要及时解决。", R()));
  CHECK_FALSE(noticetab::InlineAssignment("项目由区财政局组织实施。", R()));
  // A lead that says what it does (负责组织实施, 负责落实) is one.
  CHECK(noticetab::InlineAssignment("项目由区财政局负责组织实施。", R()));
  // A clause of its own (bracketed) is read as before: the inline rule is not asked.
  const std::vector<std::string_view> bracket = {"（二）做好公开，由区司法局负责（区政府办牵头）。"};
  CHECK(noticetab::ReadAssignment(bracket, R(), &content).units == "区政府办牵头");
}

TEST_CASE("HeadingUnits: a heading's title that only names units", "[clauses]") {
  CHECK(noticetab::HeadingUnits("县教育局（3项）", R()).units == "县教育局");
  CHECK(noticetab::HeadingUnits("县民政局、县残联", R()).units == "县民政局、县残联");
  CHECK_FALSE(noticetab::HeadingUnits("加强组织领导", R()).found);
  // A task's words that end as a unit's do: no level opens them.
  CHECK_FALSE(noticetab::HeadingUnits("建设数字政府", R()).found);
  CHECK_FALSE(noticetab::HeadingUnits("建强新时代文明实践中心", R()).found);
  // A heading naming who leads its items (clauses.yaml heading_lead): the
  // clause, read as a unit cell's; a key's clause likewise.
  CHECK(noticetab::HeadingUnits("县教育局牵头", R()).units == "县教育局牵头");
  CHECK(noticetab::HeadingUnits("县商务局牵头工作（2项）", R()).units == "县商务局牵头");
  CHECK(noticetab::HeadingUnits("牵头单位：县商务局", R()).units == "牵头单位：县商务局");
  CHECK_FALSE(noticetab::HeadingUnits("由县级领导牵头", R()).found);
  CHECK_FALSE(noticetab::HeadingUnits("强化部门协同牵头", R()).found);
  CHECK_FALSE(noticetab::HeadingUnits("深化改革（县发改局牵头）", R()).found);
}

TEST_CASE("ClausePieces: the pieces between commas and semicolons, none after a closing mark", "[clauses]") {
  auto pieces = [](std::string_view s) {
    std::vector<std::string> out;
    noticetab::ClausePieces walk(s, R().punct);
    for (std::string_view p; walk.Next(&p);) out.emplace_back(p);
    return out;
  };
  CHECK(pieces("") == std::vector<std::string>{});
  CHECK(pieces("6月底前开工") == std::vector<std::string>{"6月底前开工"});
  CHECK(pieces("6月底前开工，年底前竣工；") == std::vector<std::string>{"6月底前开工", "年底前竣工"});
  CHECK(pieces("，开工,竣工") == std::vector<std::string>{"", "开工", "竣工"});
}

// TakeDeadline keeps each comma mark's last place from pass to pass and looks
// for it again only when a cut took it: with three pieces of one mark the
// second cut needs the mark's place before the first cut's; with both marks,
// the ASCII one's place is first asked for after a cut.
TEST_CASE("deadline pieces after a key's units are taken one by one, whichever comma parts them", "[clauses]") {
  noticetab::Assignment a;
  REQUIRE(noticetab::ParseClause("牵头单位：县财政局，为期两周，6月底前完成", R(), &a));
  CHECK(a.lead == "县财政局");
  CHECK(a.deadline == "为期两周，6月底前完成");
  noticetab::Assignment b;
  REQUIRE(noticetab::ParseClause("牵头单位：县财政局,为期两周，6月底前完成", R(), &b));
  CHECK(b.lead == "县财政局");
  CHECK(b.deadline == "为期两周,6月底前完成");
  noticetab::Assignment c;
  REQUIRE(noticetab::ParseClause("牵头单位：县财政局，县发改局,6月底前完成", R(), &c));
  CHECK(c.lead == "县财政局，县发改局");
  CHECK(c.deadline == "6月底前完成");
}
