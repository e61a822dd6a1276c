// Stage 3, classify: lines and cells -> kinds, by the built-in rules.
// Each case reads as "this text is (not) that kind".
#include "noticetab/classify.h"
#include "noticetab/interpret.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "noticetab/load.h"
#include "noticetab/rules.h"

using noticetab::BuiltinRules;
using noticetab::CellShape;
using noticetab::HeadingMatch;
using noticetab::LineKind;

namespace {

const noticetab::Rules& R() { return BuiltinRules(); }

// "style-name no=.. title=.." for a heading, "none" when s is not one.
std::string Heading(std::string_view s) {
  std::optional<HeadingMatch> h = noticetab::MatchHeading(s, R());
  if (!h) return "none";
  REQUIRE(h->style >= 0);
  REQUIRE(h->style < static_cast<int>(R().headings.size()));
  return R().headings[h->style].name + " no=" + h->no + " title=" + h->title;
}

std::string Role(std::string_view cell) {
  return std::string(noticetab::RoleName(noticetab::HeaderRole(cell, R())));
}

std::string ShapeName(CellShape s) {
  switch (s) {
    case CellShape::kEmpty: return "empty";
    case CellShape::kSectionLabel: return "section-label";
    case CellShape::kItemLabel: return "item-label";
    case CellShape::kUnits: return "units";
    case CellShape::kDeadline: return "deadline";
    case CellShape::kText: return "text";
    case CellShape::kGarbage: return "garbage";
  }
  return "?";
}

std::string Shape(std::string_view cell) { return ShapeName(noticetab::ClassifyCell(cell, R())); }

std::vector<std::string> Split(std::string_view s) { return noticetab::SplitTopLevel(s, R()); }

}  // namespace

// ---------------------------------------------------------------- MatchHeading

TEST_CASE("MatchHeading: 一、 marks a first-level heading", "[classify]") {
  CHECK(Heading("一、围绕中心工作推进重点领域信息公开") ==
        "cn-dun no=一 title=围绕中心工作推进重点领域信息公开");
  CHECK(Heading("十二、加强保障") == "cn-dun no=十二 title=加强保障");
  CHECK(Heading("三．强化监督") == "cn-dun no=三 title=强化监督");
  // Surrounding space is not part of the title.
  CHECK(Heading("  二、 总体要求  ") == "cn-dun no=二 title=总体要求");
}

TEST_CASE("MatchHeading: （一） with full-width or ASCII brackets", "[classify]") {
  CHECK(Heading("（一）加强政策解读。做好") == "cn-paren no=一 title=加强政策解读。做好");
  CHECK(Heading("(一)加强政策解读") == "cn-paren no=一 title=加强政策解读");
  CHECK(Heading("(九) 深入开展政策评价。各镇街园区") == "cn-paren no=九 title=深入开展政策评价。各镇街园区");
  CHECK(Heading("（ 十三 ） 强化监督") == "cn-paren no=十三 title=强化监督");
  // Mixed bracket widths as PDF extraction produces them.
  CHECK(Heading("（二)做好公开") == "cn-paren no=二 title=做好公开");
}

TEST_CASE("MatchHeading: Arabic numerals, 1. and （1）", "[classify]") {
  CHECK(Heading("1.加强高质量发展信息公开。聚焦") == "num-dot no=1 title=加强高质量发展信息公开。聚焦");
  CHECK(Heading("17.强化工作落实") == "num-dot no=17 title=强化工作落实");
  CHECK(Heading("１．加强工作培训") == "num-dot no=１ title=加强工作培训");
  CHECK(Heading("3、做好答复") == "num-dot no=3 title=做好答复");
  CHECK(Heading("（1）做好信息公开") == "num-paren no=1 title=做好信息公开");
  CHECK(Heading("(12) 强化监督") == "num-paren no=12 title=强化监督");
}

TEST_CASE("MatchHeading strips markdown prefixes", "[classify]") {
  CHECK(Heading("#### 二、围绕行政决策做好常态化政务公开") == "cn-dun no=二 title=围绕行政决策做好常态化政务公开");
  CHECK(Heading("- (十二)扎实推进基层政务公开。") == "cn-paren no=十二 title=扎实推进基层政务公开。");
  CHECK(Heading("## 1.加强培训") == "num-dot no=1 title=加强培训");
  CHECK(Heading("* （三）做好解读") == "cn-paren no=三 title=做好解读");
  CHECK(Heading("> 一、总体要求") == "cn-dun no=一 title=总体要求");
}

TEST_CASE("MatchHeading: numbers that are not heading markers", "[classify]") {
  CHECK(Heading("2023.6月底前完成") == "none");
  CHECK(Heading("1.5亿元资金已下达") == "none");
  CHECK(Heading("2023年，全市政务公开工作") == "none");
  CHECK(Heading("12月底前") == "none");
  CHECK(Heading("10%以上") == "none");
  CHECK(Heading("一体化大数据平台,积极推动数据资源整合共享。") == "none");
  CHECK(Heading("加强政策解读") == "none");
  CHECK(Heading("") == "none");
  CHECK(Heading("####") == "none");
}

// ---------------------------------------------------------------- IsJunk

TEST_CASE("IsJunk: site chrome and page furniture", "[classify]") {
  for (const char* junk : {"关闭窗口", "【打印本页】", "[关闭]", "欢迎访问临沂市政府网站", "退出长者模式", "长者浏览模式",
                           "无障碍", "扫一扫在手机上查看当前页面", "浏览次数：1024", "来源：临沂市人民政府办公室",
                           "字号：大 中 小", "分享到：", "首页 > 政策文件", "— 5 —", "- 12 -", "第 3 页", "3 / 12",
                           "   返回顶部   "}) {
    CAPTURE(junk);
    CHECK(noticetab::IsJunk(junk, R()));
  }
}

TEST_CASE("IsJunk: notice text is never junk", "[classify]") {
  for (const char* text : {"各县区政府(管委会),市政府各部门(单位)", "一、总体要求", "关闭窗口前请保存", "打印机采购信息公开",
                           "2023年6月20日", "12", "", "   "}) {
    CAPTURE(text);
    CHECK_FALSE(noticetab::IsJunk(text, R()));
  }
}

// ---------------------------------------------------------------- HeaderRole

TEST_CASE("HeaderRole: header synonyms name column roles", "[classify]") {
  CHECK(Role("序号") == "seq");
  CHECK(Role("工作任务") == "label");
  CHECK(Role("要点任务") == "label");
  CHECK(Role("具体内容") == "content");
  CHECK(Role("工作要求") == "content");
  CHECK(Role("责任单位") == "units");
  CHECK(Role("责任部门") == "units");
  CHECK(Role("牵头单位") == "lead");
  CHECK(Role("配合单位") == "support");
  CHECK(Role("完成时限") == "deadline");
  CHECK(Role("时限要求") == "deadline");
  CHECK(Role("备注") == "note");
}

TEST_CASE("HeaderRole ignores spaces and punctuation in the cell", "[classify]") {
  CHECK(Role("具 体 要 求") == "content");  // letter-spaced by PDF extraction
  CHECK(Role("责\u3000任\u3000单\u3000位") == "units");
  CHECK(Role(" :任务") == "label");
  CHECK(Role("完成时限：") == "deadline");
  CHECK(Role("序　号") == "seq");
}

TEST_CASE("HeaderRole: other text has no role", "[classify]") {
  CHECK(Role("") == "none");
  CHECK(Role("   ") == "none");
  CHECK(Role("聚焦重点工作推进政务公开") == "none");
  CHECK(Role("县财政局") == "none");
  CHECK(Role("责任单位和完成时限") == "none");
}

// ---------------------------------------------------------------- ClassifyCell

TEST_CASE("ClassifyCell: empty cells", "[classify]") {
  CHECK(Shape("") == "empty");
  CHECK(Shape(" \u3000 ") == "empty");
}

TEST_CASE("ClassifyCell: unit lists", "[classify]") {
  CHECK(Shape("县财政局") == "units");
  CHECK(Shape("县财政局、县税务局") == "units");
  CHECK(Shape("各县区政府(管委会),市政府各部门(单位)") == "units");
  CHECK(Shape("各县区政府（管委会），市生态环境局等部门（单位）") == "units");
  CHECK(Shape("各镇（街道）、区政府有关部门") == "units");
  CHECK(Shape("市发改局、教体局、工信局等部门") == "units");
}

TEST_CASE("ClassifyCell: a unit list ending in an open tail 等 is units", "[classify]") {
  // Regression test; the bug was: the open tail is not stripped before the org-suffix test, so a
  // single name + 等 reads as text (units.yaml: 等 is an open tail).
  CHECK(Shape("市国资委等") == "units");
  CHECK(Shape("县财政局等") == "units");
}

TEST_CASE("ClassifyCell: deadlines", "[classify]") {
  CHECK(Shape("2023年6月底前") == "deadline");
  CHECK(Shape("2023 年 6 月底前") == "deadline");
  CHECK(Shape("12 月底前") == "deadline");
  CHECK(Shape("9月30日前") == "deadline");
  CHECK(Shape("全年") == "deadline");
  CHECK(Shape("长期坚持") == "deadline");
  CHECK(Shape("每年3月31日前") == "deadline");
  CHECK(Shape("第三季度") == "deadline");
  CHECK(Shape("2023年") == "deadline");
  CHECK(Shape("2023.06.30") == "deadline");
  CHECK(Shape("2024.6") == "deadline");  // a year and month: once taken for OCR debris
  CHECK(Shape("2024.6-2024.12") == "deadline");
  CHECK(Shape("2023年6月—12月") == "deadline");
  // A date no deadline pattern reads is text (kept, warned about), never debris.
  CHECK(Shape("2023年7月1日起") == "text");
  CHECK(Shape("6月 至 9 月间") == "text");
}

TEST_CASE("ClassifyCell: section and item labels", "[classify]") {
  CHECK(Shape("一、围绕重点领域做好高质量政务公开") == "section-label");
  CHECK(Shape("（一）加强高质量发展信息公开。") == "item-label");
  CHECK(Shape("(三)聚焦保障改善民生强化政府信息公开") == "item-label");
  CHECK(Shape("1.加强高质量发展信息公开") == "item-label");
}

TEST_CASE("ClassifyCell: task text", "[classify]") {
  CHECK(Shape("做好社会救助信息公开，加强低保、特困、临时救助等政策推送。") == "text");
  CHECK(Shape("聚焦重点工作推进政务公开") == "text");
  CHECK(Shape("按照\"应入尽入\"的原则,制定本级年度重大行政决策事项目录,及时向社会主动公开发布。") == "text");
}

TEST_CASE("ClassifyCell: OCR debris is garbage", "[classify]") {
  CHECK(Shape("1 7 早 7 少") == "garbage");
  CHECK(Shape(">4 > 101") == "garbage");
  CHECK(Shape("(cid:12)(cid:34)") == "garbage");
  CHECK(Shape("县\uFFFD\uFFFD局") == "garbage");
}

TEST_CASE("ClassifyCell: a ditto spaced out (同 上) is words, not debris", "[classify]") {
  CHECK(Shape("同 上") == "text");
  CHECK(Shape("同\u3000上") == "text");
  CHECK(Shape("同 上 栏") == "text");
  CHECK(Shape("同 意") == "garbage");  // single characters that are no ditto stay debris
}

// ---------------------------------------------------------------- SplitTopLevel

TEST_CASE("SplitTopLevel splits on unit separators", "[classify]") {
  CHECK(Split("县财政局、县税务局") == std::vector<std::string>{"县财政局", "县税务局"});
  CHECK(Split("县财政局，县税务局,县审计局") == std::vector<std::string>{"县财政局", "县税务局", "县审计局"});
  CHECK(Split("县财政局；县税务局;县审计局/县统计局") ==
        std::vector<std::string>{"县财政局", "县税务局", "县审计局", "县统计局"});
  CHECK(Split("市委宣传部及各县区") == std::vector<std::string>{"市委宣传部", "各县区"});
}

TEST_CASE("SplitTopLevel never splits inside brackets", "[classify]") {
  CHECK(Split("各县（市、区）人民政府") == std::vector<std::string>{"各县（市、区）人民政府"});
  CHECK(Split("各县（市、区）人民政府、市发改局") ==
        std::vector<std::string>{"各县（市、区）人民政府", "市发改局"});
  CHECK(Split("各县(市,区)政府,市财政局") == std::vector<std::string>{"各县(市,区)政府", "市财政局"});
  CHECK(Split("各镇（街道）、区财政局、") == std::vector<std::string>{"各镇（街道）", "区财政局"});
  CHECK(Split("市政府【办公室、研究室】、市财政局") ==
        std::vector<std::string>{"市政府【办公室、研究室】", "市财政局"});
}

TEST_CASE("SplitTopLevel trims pieces and drops empty ones", "[classify]") {
  CHECK(Split(" 县财政局 ； 县审计局 ") == std::vector<std::string>{"县财政局", "县审计局"});
  CHECK(Split("县财政局、、县审计局、") == std::vector<std::string>{"县财政局", "县审计局"});
  CHECK(Split("").empty());
  CHECK(Split("、，").empty());
}

// ---------------------------------------------------------------- unit names

TEST_CASE("IsCompleteUnit: org suffix or collective start", "[classify]") {
  CHECK(noticetab::IsCompleteUnit("县财政局", R()));
  CHECK(noticetab::IsCompleteUnit("县自然资 源局", R()));  // spaces removed first
  CHECK(noticetab::IsCompleteUnit("各县区政府(管委会)", R()));
  CHECK(noticetab::IsCompleteUnit("各镇街", R()));
  CHECK(noticetab::IsCompleteUnit("有关单位", R()));
  CHECK_FALSE(noticetab::IsCompleteUnit("济南市生态环", R()));
  CHECK_FALSE(noticetab::IsCompleteUnit("局", R()));
  CHECK_FALSE(noticetab::IsCompleteUnit("各", R()));
}

TEST_CASE("StartsLikeUnit: a level prefix or a collective start", "[classify]") {
  CHECK(noticetab::StartsLikeUnit("县民政局", R()));
  CHECK(noticetab::StartsLikeUnit("市商务局", R()));
  CHECK(noticetab::StartsLikeUnit("各镇（街道）", R()));
  CHECK(noticetab::StartsLikeUnit("有关部门", R()));
  CHECK(noticetab::StartsLikeUnit("  街道办事处", R()));
  CHECK_FALSE(noticetab::StartsLikeUnit("境局商河分局", R()));
  CHECK_FALSE(noticetab::StartsLikeUnit("源局", R()));
}

TEST_CASE("HasDamageMarkers: U+FFFD and (cid:", "[classify]") {
  CHECK(noticetab::HasDamageMarkers("县\uFFFD局"));
  CHECK(noticetab::HasDamageMarkers("(cid:123)"));
  CHECK_FALSE(noticetab::HasDamageMarkers("县财政局（cid）"));
  CHECK_FALSE(noticetab::HasDamageMarkers(""));
}

// ---------------------------------------------------------------- EndsSentence

TEST_CASE("EndsSentence: sentence-final punctuation", "[classify]") {
  CHECK(noticetab::EndsSentence("及时公开监管结果。", R()));
  CHECK(noticetab::EndsSentence("做好公开；", R()));
  CHECK(noticetab::EndsSentence("是否公开？", R()));
  CHECK(noticetab::EndsSentence("坚决落实！", R()));
  CHECK(noticetab::EndsSentence("done.", R()));
  CHECK(noticetab::EndsSentence("及时公开。  ", R()));
  // A closing quote or bracket ends a sentence only after a full stop.
  CHECK(noticetab::EndsSentence("推进“一网通办”。", R()));
  CHECK(noticetab::EndsSentence("要求“做到应公开尽公开。”", R()));
  CHECK(noticetab::EndsSentence("（详见附件。）", R()));
  CHECK_FALSE(noticetab::EndsSentence("推进“一网通办”", R()));
  CHECK_FALSE(noticetab::EndsSentence("各县区政府（管委会）", R()));
}

TEST_CASE("EndsSentence: text that runs on", "[classify]") {
  CHECK_FALSE(noticetab::EndsSentence("严格按照规定时限公开上年", R()));
  CHECK_FALSE(noticetab::EndsSentence("围绕做强工业经济，", R()));
  CHECK_FALSE(noticetab::EndsSentence("县财政局、", R()));
  CHECK_FALSE(noticetab::EndsSentence("", R()));
}

// ---------------------------------------------------------------- ClassifyLines

TEST_CASE("ClassifyLines: blank, junk, heading and text lines", "[classify]") {
  const noticetab::Source src = noticetab::Decode(
      "关闭窗口\n"
      "\n"
      "一、总体要求\n"
      "（一）加强解读。做好\n"
      "2023.6月底前完成\n"
      "一、围绕\t具体内容\t责任单位\n"
      "  \u3000\n"
      "— 2 —\n",
      "t.txt");
  std::vector<noticetab::Line> lines = noticetab::ClassifyLines(src, R());
  REQUIRE(lines.size() == 8);
  for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i].no == static_cast<int>(i) + 1);
  CHECK(lines[0].kind == LineKind::kJunk);
  CHECK(lines[1].kind == LineKind::kBlank);
  CHECK(lines[2].kind == LineKind::kHeading);
  REQUIRE(lines[2].heading);
  CHECK(lines[2].heading->no == "一");
  CHECK(lines[3].kind == LineKind::kHeading);
  REQUIRE(lines[3].heading);
  CHECK(lines[3].heading->no == "一");
  CHECK(lines[3].heading->title == "加强解读。做好");
  CHECK(lines[4].kind == LineKind::kText);
  // A line with tabs is table material, never a heading.
  CHECK(lines[5].kind == LineKind::kText);
  CHECK_FALSE(lines[5].heading);
  CHECK(lines[5].tabs == 2);
  CHECK(lines[6].kind == LineKind::kBlank);
  CHECK(lines[7].kind == LineKind::kJunk);
}

TEST_CASE("ClassifyLines: a share target is junk under a junk line only (junk.yaml junk_after)",
          "[classify]") {
  const noticetab::Source src = noticetab::Decode(
      "分享到：\n"
      "微信\n"
      "\n"
      "微博\n"
      "正文一段\n"
      "微信\n",  // a cell of a 公开渠道 column, one cell a line
      "t.txt");
  std::vector<noticetab::Line> lines = noticetab::ClassifyLines(src, R());
  REQUIRE(lines.size() == 6);
  CHECK(lines[0].kind == LineKind::kJunk);
  CHECK(lines[1].kind == LineKind::kJunk);
  CHECK(lines[3].kind == LineKind::kJunk);  // a blank line between does not end the list
  CHECK(lines[4].kind == LineKind::kText);
  CHECK(lines[5].kind == LineKind::kText);
}

TEST_CASE("ClassifyLines keeps the raw line and a trimmed view into the Source", "[classify]") {
  const noticetab::Source src = noticetab::Decode("  一、总体要求 \n\t工作任务\n", "t.txt");
  std::vector<noticetab::Line> lines = noticetab::ClassifyLines(src, R());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].raw == "  一、总体要求 ");
  CHECK(lines[0].text == "一、总体要求");
  CHECK(lines[0].raw.data() == src.Line(1).data());
  CHECK(lines[1].raw == "\t工作任务");
  CHECK(lines[1].text == "工作任务");
  CHECK(lines[1].tabs == 1);
}

TEST_CASE("IsCompleteUnit: a way of serving that ends in 办 names no unit (units.yaml suffix_exceptions)", "[classify]") {
  // 深化一网通办 as a task's label in a cell-per-line table read as a unit
  // and was joined to the row above's units.
  for (const char* name : {"深化一网通办", "推进跨省通办", "政务服务一次办", "企业开办全程网办"}) {
    INFO(name);
    CHECK_FALSE(noticetab::IsCompleteUnit(name, R()));
    CHECK(noticetab::ClassifyCell(name, R()) != CellShape::kUnits);
  }
  for (const char* name : {"县政府办", "市委编办", "区信访办", "市营商办"}) {
    INFO(name);
    CHECK(noticetab::IsCompleteUnit(name, R()));
  }
}

// ------------------------------------------------------------- MilestonePeriod

TEST_CASE("MilestonePeriod: a header naming a period is a column of milestones", "[classify]") {
  CHECK(noticetab::MilestonePeriod("一季度", R()) == "一季度");
  CHECK(noticetab::MilestonePeriod("第 三 季 度", R()) == "第三季度");
  CHECK(noticetab::MilestonePeriod("二季度目标", R()) == "二季度");
  CHECK(noticetab::MilestonePeriod("2025年上半年", R()) == "2025年上半年");
  CHECK(noticetab::MilestonePeriod("3月", R()) == "3月");
  CHECK(noticetab::MilestonePeriod("2026年", R()) == "2026年");
  // An indicator's target (a value, no milestone), a deadline column, a listed name.
  CHECK(noticetab::MilestonePeriod("2024年目标", R()).empty());
  CHECK(noticetab::MilestonePeriod("完成时限", R()).empty());
  CHECK(noticetab::MilestonePeriod("进度安排", R()).empty());
  CHECK(noticetab::MilestonePeriod("备注", R()).empty());
}

TEST_CASE("MilestoneHeaderRow: a header's second row of periods only", "[classify]") {
  using V = std::vector<std::string_view>;
  CHECK(noticetab::MilestoneHeaderRow(V{"", "", "", "一季度", "二季度", "三季度", "四季度"}, R()));
  CHECK(noticetab::MilestoneHeaderRow(V{"", "上半年", "下半年"}, R()));
  CHECK_FALSE(noticetab::MilestoneHeaderRow(V{"", "", "一季度"}, R()));             // one name
  CHECK_FALSE(noticetab::MilestoneHeaderRow(V{"牵头单位", "一季度", "二季度"}, R()));  // another name
  CHECK_FALSE(noticetab::MilestoneHeaderRow(V{"1", "完成设计", "开工建设"}, R()));     // a task row
}
