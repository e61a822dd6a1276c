// Front matter (GB/T 9704) variants: site metadata, 文号 forms, date forms.
#include <catch2/catch.hpp>

#include "../src/rules_pack.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

FrontMatter Front(const std::string& text) { return Convert(Decode(text, "t.txt"), BuiltinRules()).document; }

}  // namespace

TEST_CASE("文号 and 成文日期 come from site metadata when the notice lacks them", "[frontmatter]") {
  FrontMatter fm = Front(
      "| 索引号 | 113701000041/2023-00123 | 发布机构 | 某市人民政府办公厅 |\n"
      "| 主题分类 | 政务公开 | 成文日期 | 2023-06-20 |\n"
      "| 文号 | 某政办字 [2023] 12 号 | 发布日期 | 2023-06-25 10:30 |\n"
      "\n某市人民政府办公厅关于印发2023年政务公开工作要点的通知\n\n"
      "一、加强管理\n\n（一）做好公开。做好公开工作。\n");
  CHECK(fm.number == std::optional<std::string>("某政办字〔2023〕12号"));
  CHECK(fm.date == std::optional<std::string>("2023-06-20"));
  CHECK(fm.year == std::optional<int>(2023));
}

TEST_CASE("a markdown metadata table gives 文号 and 成文日期 but no tasks", "[frontmatter]") {
  Document doc = Convert(Decode("| 索引号 | 发布机构 | 文号 | 成文日期 |\n|---|---|---|---|\n"
                                "| 0001/2020-01 | 某县政府 | 许政 [2020] 20号 | 2020年3月2日 |\n\n"
                                "关于印发某县2020年工作要点的通知\n\n一、加强管理\n\n（一）做好公开。做好公开工作。\n",
                                "t.txt"),
                         BuiltinRules());
  CHECK(doc.document.number == std::optional<std::string>("许政〔2020〕20号"));
  CHECK(doc.document.date == std::optional<std::string>("2020-03-02"));
  REQUIRE(doc.tasks.size() == 1);  // the body item, not the metadata row
  CHECK(doc.tasks[0].content == "做好公开。做好公开工作。");
}

TEST_CASE("the notice's own 文号 wins over one cited in the body", "[frontmatter]") {
  FrontMatter fm = Front(
      "江政办〔2020〕2 号\n\n关于印发2020年工作要点的通知\n\n"
      "为贯彻落实中办发〔2016〕8号文件精神，现印发如下。\n\n一、加强管理\n\n（一）做好公开。\n");
  CHECK(fm.number == std::optional<std::string>("江政办〔2020〕2号"));
  FrontMatter cited_only = Front(
      "关于印发2020年工作要点的通知\n\n为贯彻落实中办发〔2016〕8号文件精神，现印发如下。\n\n一、加强管理\n\n（一）做好公开。\n");
  CHECK_FALSE(cited_only.number);
}

TEST_CASE("dates in Chinese numerals, with a Latin O, and in brackets", "[frontmatter]") {
  CHECK(Front("关于印发工作要点的通知\n\n某县人民政府办公室\n二〇二三年六月二十日\n\n一、加强管理\n").date ==
        std::optional<std::string>("2023-06-20"));
  CHECK(Front("关于印发工作要点的通知\n\n某县人民政府\n二OO八年二月二十六日\n\n一、加强管理\n").date ==
        std::optional<std::string>("2008-02-26"));
  CHECK(Front("某县2023年工作要点\n（2023年6月20日）\n\n一、加强管理\n").date == std::optional<std::string>("2023-06-20"));
}

TEST_CASE("site metadata keys follow the rules of each call (the keys are kept per thread)", "[frontmatter]") {
  // ReadFrontMatter keeps the sorted keys of the last rules it read; rules
  // with other keys, read in between, must not get those. A head line that
  // starts with a key is site metadata, else the issuer line reads it.
  const std::string text = "发布机构 某市人民政府办公厅文件\n\n关于印发工作要点的通知\n\n一、加强管理\n";
  Rules no_keys = CompilePackedRules(PackedRules());
  no_keys.metadata_number_keys.clear();
  no_keys.metadata_date_keys.clear();
  no_keys.metadata_issuer_keys.clear();
  no_keys.metadata_other_keys.clear();
  const FrontMatter without = Convert(Decode(text, "t.txt"), no_keys).document;
  const FrontMatter with = Front(text);
  const FrontMatter again = Convert(Decode(text, "t.txt"), no_keys).document;
  CHECK(with.issuer != without.issuer);
  CHECK(again.issuer == without.issuer);
}

TEST_CASE("a numbered attachment list does not end the head: 此件公开发布 after it is read", "[frontmatter]") {
  const std::string head =
      "某县人民政府办公室\n某政办发〔2025〕7号\n某县人民政府办公室关于印发某县2025年工作要点的通知\n"
      "各乡镇人民政府，县政府各部门：\n现将《某县2025年工作要点》印发给你们，请认真组织实施。\n";
  const std::string tail = "某县人民政府办公室\n2025年3月12日\n（此件公开发布）\n一、夯实基础\n（一）推进政务云建设。（县数据局负责）\n";
  // 2．… reads like a heading; under 附件：1．… it is the list's second line.
  FrontMatter fm = Front(head + "附件：1．某县2025年工作要点\n　　　2．重点任务分工表\n" + tail);
  CHECK(fm.publicity.value_or("") == "此件公开发布");
  CHECK(fm.attachments == std::vector<std::string>{"某县2025年工作要点", "重点任务分工表"});
  CHECK(fm.date.value_or("") == "2025-03-12");
  CHECK(Front(head + tail).publicity.value_or("") == "此件公开发布");
}

TEST_CASE("an attachment list gives every title, without its number", "[frontmatter]") {
  const std::string head =
      "某县人民政府办公室\n某政办发〔2025〕3号\n某县人民政府办公室关于印发2025年某县政务公开工作要点的通知\n"
      "各乡镇人民政府，县直各单位：\n现将要点印发给你们。\n\n";
  const std::string tail = "\n某县人民政府办公室\n2025年3月12日\n";
  const std::vector<std::string> both = {"2025年某县政务公开工作要点", "2025年某县政务公开联络员名单"};
  // The second line indented with ideographic spaces, ASCII spaces, a tab or
  // not at all; numbered 1． 1. 1、 (a title starting with a year is no heading).
  for (const char* indent : {"　　　", "      ", "\t", ""})
    for (const char* mark : {"．", ".", "、"}) {
      CAPTURE(indent, mark);
      const std::string list = std::string("附件：1") + mark + both[0] + "\n" + indent + "2" + mark + both[1] + "\n";
      CHECK(Front(head + list + tail).attachments == both);
    }
  // The 附件 line itself indented with a tab.
  CHECK(Front(head + "\t附件：2025年某县政务公开工作要点\n" + tail).attachments ==
        std::vector<std::string>{"2025年某县政务公开工作要点"});
  // One attachment, not numbered: as printed.
  CHECK(Front(head + "附件：2025年某县政务公开工作要点\n" + tail).attachments ==
        std::vector<std::string>{"2025年某县政务公开工作要点"});
  // One title that starts with a number is no list: as printed.
  CHECK(Front(head + "附件：1.5万吨粮食储备计划\n" + tail).attachments == std::vector<std::string>{"1.5万吨粮食储备计划"});
  // A numbered line that does not continue the list (3． after 1．) is not an attachment.
  CHECK(Front(head + "附件：1．" + both[0] + "\n3．" + both[1] + "\n" + tail).attachments ==
        std::vector<std::string>{both[0]});
}

TEST_CASE("主送 wrapped over two lines keeps every recipient", "[frontmatter]") {
  const std::string head =
      "某县人民政府办公室\n某政办发〔2025〕12号\n某县人民政府办公室关于印发2025年某县数字政府建设工作要点的通知\n";
  const std::string tail = "现将要点印发给你们。\n某县人民政府办公室\n2025年4月8日\n";
  CHECK(Front(head + "各乡镇人民政府，某经济开发区管委会，\n县政府各部门：\n" + tail).recipients ==
        std::vector<std::string>{"各乡镇人民政府", "某经济开发区管委会", "县政府各部门"});
  // A line that ends a sentence is not part of the list.
  CHECK(Front(head + "现印发如下。\n县政府各部门：\n" + tail).recipients == std::vector<std::string>{"县政府各部门"});
  // Wrapped inside a name: the two halves are one recipient.
  CHECK(Front(head + "各乡镇人民政府，县政府各部门，县直有关\n单位，县属各国有企业：\n" + tail).recipients ==
        std::vector<std::string>{"各乡镇人民政府", "县政府各部门", "县直有关单位", "县属各国有企业"});
  CHECK(Front(head + "市公安局、市教育局、市城市管理\n综合执法局：\n" + tail).recipients ==
        std::vector<std::string>{"市公安局", "市教育局", "市城市管理综合执法局"});
  // A recipient whose own name holds 、 after level words that name no unit alone.
  CHECK(Front(head + "各乡镇人民政府，县政府各部门，中央、省、市驻某有关单位：\n" + tail).recipients ==
        std::vector<std::string>{"各乡镇人民政府", "县政府各部门", "中央、省、市驻某有关单位"});
  CHECK(Front(head + "县政府各部门，中央、省、市\n驻某有关单位：\n" + tail).recipients ==
        std::vector<std::string>{"县政府各部门", "中央、省、市驻某有关单位"});
  CHECK(Front(head + "各镇、街，各管委会：\n" + tail).recipients == std::vector<std::string>{"各镇、街", "各管委会"});
  // A 文号 line right over the 主送 is no first half of a name.
  CHECK(Front("某县人民政府办公室关于印发2025年某县数字政府建设工作要点的通知\n某政办发〔2025〕12号\n"
              "各乡镇人民政府，县政府各部门：\n" + tail)
            .recipients == std::vector<std::string>{"各乡镇人民政府", "县政府各部门"});
}

TEST_CASE("a 主送 with no title above it is read when the page starts there", "[frontmatter]") {
  // A web copy whose title is in the page chrome: site metadata, then the 主送, then the first sentence.
  const std::string tail = "经县政府同意，现将《2025年工作要点》印发给你们，请认真贯彻落实。\n某县人民政府\n2025年2月28日\n";
  CHECK(Front("各镇政府，各街道办事处，县政府各部门：\n" + tail).recipients ==
        std::vector<std::string>{"各镇政府", "各街道办事处", "县政府各部门"});
  CHECK(Front("发布机构 | 某县人民政府办公室 | 成文日期 | 2025-02-28 |\n各镇政府,\n县政府各部门:\n" + tail).recipients ==
        std::vector<std::string>{"各镇政府", "县政府各部门"});
  // A lead-in names no unit; a colon line after the prose has begun is no 主送.
  CHECK(Front("根据工作安排，具体要求如下：\n" + tail).recipients.empty());
  CHECK(Front("为做好有关工作，现通知如下。\n各镇政府：\n" + tail).recipients.empty());
}

TEST_CASE("a 函's title and 文号 on one line parted by ideographic spaces", "[frontmatter]") {
  const std::string rest = "\n\n市公安局、市市场监管局：\n现就有关工作函商如下。\n\n某市人民政府办公室\n2025年3月28日\n";
  for (const std::string gap : {"\u3000\u3000\u3000\u3000\u3000", "\u3000", "\t\u3000 "}) {
    FrontMatter fm = Front("某市人民政府办公室\n\n关于做好2025年春季校园周边安全整治工作的函" + gap + "某政办函〔2025〕21号" + rest);
    CHECK(fm.number == std::optional<std::string>("某政办函〔2025〕21号"));
    CHECK(fm.title == std::optional<std::string>("关于做好2025年春季校园周边安全整治工作的函"));
    CHECK(fm.recipients == std::vector<std::string>{"市公安局", "市市场监管局"});
  }
}

TEST_CASE("a joint red head with 文件 beside one issuer names every issuer", "[frontmatter]") {
  const std::string rest =
      "\n某发改〔2025〕12号\n\n关于报送2025年以工代赈任务分工的报告\n\n县人民政府：\n现将任务分工报告如下。\n\n"
      "某县发展和改革局\n某县财政局\n2025年3月20日\n";
  const std::optional<std::string> both("某县发展和改革局、某县财政局");
  CHECK(Front("某县发展和改革局\t文件\n某县财政局\t\n" + rest).issuer == both);  // a Word table
  CHECK(Front("某县发展和改革局\u3000文件\n某县财政局\n" + rest).issuer == both);
  CHECK(Front("某县发展和改革局\n某县财政局\u3000文件\n" + rest).issuer == both);
  CHECK(Front("某县发展和改革局 某县财政局文件\n" + rest).issuer == both);  // side by side
  // A line over the red head that names no unit (特急) is none of it.
  CHECK(Front("特急\n某县发展和改革局文件\n" + rest).issuer == std::optional<std::string>("某县发展和改革局"));
}

TEST_CASE("a 纪要's title: the meeting's own line, else the series' mark over the 文号", "[frontmatter]") {
  const std::string mark = "某县人民政府常务会议纪要\n\n某政阅〔2025〕5号\n\n某县人民政府办公室　　2025年3月21日\n\n";
  const std::string body = "\n会议议定事项如下：\n一、推进老旧小区改造\n（一）启动首批改造。（牵头单位：县住建局）\n";
  CHECK(Front(mark + "某县人民政府第二十八次常务会议纪要\n" + body).title ==
        std::optional<std::string>("某县人民政府第二十八次常务会议纪要"));
  CHECK(Front(mark + body).title == std::optional<std::string>("某县人民政府常务会议纪要"));
}

TEST_CASE("转发: the forwarded notice's 附件 under our 署名 is not ours", "[frontmatter]") {
  const std::string ours =
      "某县人民政府办公室关于转发《某市人民政府办公室关于印发某市2025年工作方案的通知》的通知\n各乡镇人民政府：\n"
      "现将《某市人民政府办公室关于印发某市2025年工作方案的通知》转发给你们，请认真贯彻执行。\n";
  const std::string signed_ours = "某县人民政府办公室\n2025年3月5日\n\n";
  const std::string forwarded =
      "某市人民政府办公室关于印发某市2025年工作方案的通知\n各县（市、区）人民政府：\n"
      "《某市2025年工作方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n附件：某市2025年工作方案\n"
      "某市人民政府办公室\n2025年2月20日\n";
  CHECK(Front(ours + signed_ours + forwarded).attachments.empty());
  // Our own 附件说明, between our body and our 署名, stays.
  CHECK(Front(ours + "附件：某县2025年分工表\n" + signed_ours + forwarded).attachments ==
        std::vector<std::string>{"某县2025年分工表"});
}

TEST_CASE("成文日期 with ○ (U+25CB) for 〇", "[frontmatter]") {
  FrontMatter fm = Front(
      "某县人民政府办公室\n某政办发〔2025〕3号\n某县人民政府办公室关于印发2025年某县工作要点的通知\n"
      "各乡镇人民政府：\n现将要点印发给你们。\n某县人民政府办公室\n二○二五年三月十二日\n");
  CHECK(fm.date == std::optional<std::string>("2025-03-12"));
  CHECK(fm.issuer == std::optional<std::string>("某县人民政府办公室"));
}

TEST_CASE("a plan title ending in 任务 / 安排 / 措施 / 目标 / 台账 is the title", "[frontmatter]") {
  const std::string body =
      "\n一、压实责任\n1．开展燃气安全专项整治，6月底前完成报警装置安装。\n责任单位：镇城建办\n";
  for (const char* t : {"2025年某镇安全生产重点工作任务", "2025年某镇民生实事工作安排", "某镇2025年安全生产工作措施",
                        "2025年某镇主要预期目标", "2025年某镇重点项目推进台账"}) {
    CAPTURE(t);
    Document doc = Convert(Decode(std::string(t) + body, "t.txt"), BuiltinRules());
    CHECK(doc.document.title == std::optional<std::string>(t));
    CHECK(doc.document.year == std::optional<int>(2025));
    REQUIRE(doc.tasks.size() == 1);
    CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2025-06-30"));
  }
  // Body lines ending in the same words are not titles: a short subheading,
  // a sentence with clause punctuation, a breadcrumb.
  for (const char* t : {"重点任务", "保障措施", "为做好全年工作，现明确以下工作任务", "首页>政务公开>工作安排",
                        "各单位要认真落实以下安排："}) {
    CAPTURE(t);
    CHECK_FALSE(Front(std::string(t) + body).title);
  }
}

TEST_CASE("the closing signature is not the last item's text", "[frontmatter]") {
  Document doc = Convert(Decode("2025年某区重点工作任务分解\n一、主要预期目标\n1．地区生产总值增长6%左右。\n"
                                "牵头单位：区发改局\n\n某区人民政府\n2025年2月20日\n",
                                "t.txt"),
                         BuiltinRules());
  CHECK(doc.document.issuer == std::optional<std::string>("某区人民政府"));
  CHECK(doc.document.date == std::optional<std::string>("2025-02-20"));
  REQUIRE(doc.tasks.size() == 1);
  CHECK(doc.tasks[0].content == "地区生产总值增长6%左右。");
  CHECK(doc.tasks[0].last_line == 4);
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  CHECK(doc.sections[0].items[0].text.find("某区人民政府") == std::string::npos);
  // A unit's name under a key line, over a date, is the item's value, not a signature.
  Document kv = Convert(Decode("2025年某区重点工作任务分解\n一、主要预期目标\n1．地区生产总值增长6%左右。\n"
                               "牵头单位：\n区发改局\n2025年12月31日\n",
                               "t.txt"),
                        BuiltinRules());
  REQUIRE(kv.sections.size() == 1);
  REQUIRE(kv.sections[0].items.size() == 1);
  CHECK(kv.sections[0].items[0].text.find("区发改局") != std::string::npos);
}

TEST_CASE("a title wrapped after a line that seemed to end it is joined up to its closing word", "[frontmatter]") {
  // "…重点任务" reads as a plan title's last line; the title goes on to "…的通知".
  FrontMatter fm = Front(
      "某市人民政府办公室\n关于印发某市2021年优化营商环境重点任务\n分工方案的通知\n"
      "各县（市、区）人民政府，市政府有关部门：\n现将方案印发给你们，请认真组织实施。\n"
      "某市人民政府办公室\n2021年6月8日\n");
  CHECK(fm.title == std::optional<std::string>("某市人民政府办公室关于印发某市2021年优化营商环境重点任务分工方案的通知"));
  CHECK(fm.recipients == std::vector<std::string>{"各县（市、区）人民政府", "市政府有关部门"});
  // No closing word in the lines after it: the title stays as it was, the
  // next line is not swallowed.
  FrontMatter open = Front("关于印发2021年某县重点任务\n2021年某县重点工作安排\n一、加强管理\n（一）做好公开。\n");
  CHECK(open.title == std::optional<std::string>("关于印发2021年某县重点任务"));
}

TEST_CASE("a 标题 metadata line is not the page's own title", "[frontmatter]") {
  FrontMatter fm = Front(
      "标    题：关于做好2024年度政务公开工作的通知\n发文字号：某区政办发〔2024〕第3号\n"
      "成文日期：2024年02月28日\n发布日期：2024年03月01日\n各街道办事处，区直各部门：\n现就有关事项通知如下。\n");
  CHECK(fm.title == std::optional<std::string>("关于做好2024年度政务公开工作的通知"));
  CHECK(fm.number == std::optional<std::string>("某区政办发〔2024〕第3号"));
  CHECK(fm.date == std::optional<std::string>("2024-02-28"));
}

TEST_CASE("a 标题 metadata line above the page's own title is not joined to it", "[frontmatter]") {
  // The page prints the title twice: in its metadata (key and value apart by
  // spaces) and on a line of its own; the title is the one line.
  FrontMatter fm = Front(
      "文    号 顺府办函〔2024〕8号                 发布日期 2024年03月19日\n"
      "标    题 某区人民政府办公室关于印发某区2024年政务公开工作要点的通知\n"
      "某区人民政府办公室关于印发某区2024年政务公开工作要点的通知\n"
      "各镇人民政府、街道办事处：\n现将要点印发给你们。\n");
  CHECK(fm.title == std::optional<std::string>("某区人民政府办公室关于印发某区2024年政务公开工作要点的通知"));
  CHECK(fm.number == std::optional<std::string>("顺府办函〔2024〕8号"));
}

TEST_CASE("a 文号 in brackets after the title on its line is the number, the rest the title", "[frontmatter]") {
  FrontMatter fm = Front("临沂市人民政府关于印发2023年重点工作任务分解的通知（临政发〔2023〕5号）\n各县区人民政府：\n"
                         "现将任务印发。\n临沂市人民政府\n2023年2月1日\n");
  CHECK(fm.number == std::optional<std::string>("临政发〔2023〕5号"));
  CHECK(fm.title == std::optional<std::string>("临沂市人民政府关于印发2023年重点工作任务分解的通知"));
  // A bracket that holds no number is part of the title.
  FrontMatter draft = Front("关于印发2023年重点工作任务分解的通知（征求意见稿）\n各县区人民政府：\n现将任务印发。\n");
  CHECK_FALSE(draft.number);
}

TEST_CASE("a title naming a span of years gives its first as the plan year, however it is written", "[frontmatter]") {
  for (std::string span : {"2023—2025年", "2023年—2025年", "2023-2025年", "2023年至2025年"}) {
    INFO(span);
    const FrontMatter fm = Front("关于印发某市" + span + "数字政府建设实施方案的通知\n\n各县区人民政府：\n现印发给你们。\n\n某市人民政府\n2024年3月1日\n");
    REQUIRE(fm.title);
    CHECK(fm.year == 2023);
  }
  CHECK(Front("关于印发某市2025年数字政府建设工作要点的通知\n\n某市人民政府\n2024年12月1日\n").year == 2025);
}

TEST_CASE("a page that names the notice only in its metadata: 主送 is read, the plan's heading is no title", "[frontmatter]") {
  const FrontMatter fm = Front(
      "索引号：11370000004-2024-00012\n发布机构：某市人民政府办公室\n"
      "标    题：某市人民政府办公室关于印发2024年政务公开工作要点的通知\n发文字号：某政办字〔2024〕12号\n\n"
      "各县区人民政府，市政府各部门、各直属机构：\n　　经市政府同意，现将《2024年某市政务公开工作要点》印发给你们，请认真贯彻落实。\n\n"
      "某市人民政府办公室\n2024年3月29日\n\n2024年某市政务公开工作要点\n\n一、加强政策解读\n\n"
      "（一）做好政策发布。完善政策发布机制（市政府办公室牵头，各县区政府负责）。\n");
  CHECK(fm.title == "某市人民政府办公室关于印发2024年政务公开工作要点的通知");
  CHECK(fm.recipients == std::vector<std::string>{"各县区人民政府", "市政府各部门", "各直属机构"});
  CHECK(fm.number == "某政办字〔2024〕12号");
  CHECK(fm.date == "2024-03-29");
}

TEST_CASE("the imprint is read when a tab sets its issuer and date apart", "[frontmatter]") {
  Document doc = Convert(Decode("关于印发2024年某县工作要点的通知\n各部门：\n附件\n"
                                "序号\t工作任务\t责任单位\t完成时限\n"
                                "1\t深化政务公开。\t县政府办公室\t2024年11月底前\n"
                                "抄送：县委办公室。\n"
                                "某县人民政府办公室\t2024年4月18日印发\n",
                                "t.txt"),
                         BuiltinRules());
  CHECK(doc.document.printed_by == std::optional<std::string>("某县人民政府办公室"));
  CHECK(doc.document.printed_date == std::optional<std::string>("2024-04-18"));
  CHECK(doc.document.cc == std::vector<std::string>{"县委办公室"});
  REQUIRE(doc.tasks.size() == 1);  // the imprint is no row
}

TEST_CASE("a title's year in full-width digits is the plan year", "[frontmatter]") {
  FrontMatter fm = Front("２０２１年莱芜区政务公开工作要点\n一、加强管理\n（一）做好公开。（区政府办负责，６月底前完成）\n");
  CHECK(fm.year == std::optional<int>(2021));
  CHECK(noticetab::AsciiDigits("２０２１年６月") == "2021年6月");
}

TEST_CASE("（此件公开发布） under a cover notice's own numbered points is found", "[frontmatter]") {
  const FrontMatter fm = Front(
      "某县人民政府办公室关于印发某县2024年重点工作任务分工方案的通知\n某府办发〔2024〕3号\n各乡镇人民政府：\n"
      "现将方案印发给你们，请认真组织实施。\n一、加强组织领导。各牵头单位要制定具体实施方案。\n二、严格督查考核。县政府督查室要加强跟踪督办。\n"
      "附件：某县2024年重点工作任务分工方案\n某县人民政府办公室\n2024年2月8日\n（此件公开发布）\n");
  CHECK(fm.publicity.value_or("") == "此件公开发布");
  CHECK(fm.date.value_or("") == "2024-02-08");
}

TEST_CASE("joint issuers (联合发文) are listed with 、, on one line or over one another", "[frontmatter]") {
  const std::string body = "关于做好防汛工作的通知\n\n各乡镇：\n    现就有关事项通知如下。\n"
                           "    一、加强巡查。责任单位：县水利局。完成时限：7月15日前。\n\n";
  // Side by side, set apart by ideographic spaces.
  CHECK(Front(body + "县水利局\u3000\u3000\u3000县应急管理局\n2024年6月20日\n").issuer ==
        std::optional<std::string>("县水利局、县应急管理局"));
  // One on each line, over the date.
  CHECK(Front(body + "中共某县委督查室\n某县人民政府督查室\n2024年6月20日\n").issuer ==
        std::optional<std::string>("中共某县委督查室、某县人民政府督查室"));
  // One name spaced out is one issuer; an attachment line over it is none.
  CHECK(Front(body + "附件：防汛责任清单\n县 人 民 政 府\n2024年6月20日\n").issuer ==
        std::optional<std::string>("县人民政府"));
}
