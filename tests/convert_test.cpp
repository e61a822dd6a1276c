// The whole pipeline on small notices: how it degrades on what it cannot read.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "test_util.h"

using namespace noticetab;

namespace {

bool HasCode(const std::vector<Diagnostic>& ds, const std::string& code) {
  for (const auto& d : ds)
    if (d.code == code) return true;
  return false;
}

// Every printed document warning has its diagnostic, in the same order.
void CheckMirrored(const Document& doc) {
  REQUIRE(doc.diagnostics.size() == doc.warnings.size());
  for (size_t k = 0; k < doc.warnings.size(); ++k) {
    CHECK(!doc.diagnostics[k].code.empty());
    CHECK(doc.diagnostics[k].message == doc.warnings[k]);
  }
}

Document ConvertText(const std::string& text) { return Convert(Decode(text, "t.txt"), BuiltinRules()); }

// Whether one of the task's warnings says `text`.
bool Warned(const Task& t, std::string_view text) {
  return std::any_of(t.warnings.begin(), t.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("an unknown table layout still gives the outline and front matter, with a warning", "[convert]") {
  Document doc = Convert(Decode("某县人民政府办公室关于印发2024年工作要点的通知\n\n某政办发〔2024〕1号\n\n"
                                "一、加强管理\n\n（一）做好公开。做好信息公开工作。\n\n附件\n\n"
                                "事项\t说明\t备考\n做好公开\t做好信息公开工作。\t无\n",
                                "t.txt"),
                         BuiltinRules());
  CHECK(doc.layout == "none");
  CHECK(doc.document.number == std::optional<std::string>("某政办发〔2024〕1号"));
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].items.size() == 1);
  CHECK(HasCode(doc.diagnostics, "tasks.from_body"));
  CheckMirrored(doc);
}

TEST_CASE("a notice with no table and no headings: empty outline, warnings, no tasks", "[convert]") {
  Document doc = Convert(Decode("这是一段没有编号的文字。\n第二段文字。\n", "t.txt"), BuiltinRules());
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(HasCode(doc.diagnostics, "outline.empty"));
  CHECK(HasCode(doc.diagnostics, "tasks.none"));
  CheckMirrored(doc);
}

TEST_CASE("document and table warnings carry codes and lines", "[convert][diagnostics]") {
  Document bad = Convert(Decode(std::string("一、加强管理\n（一）做好公开\xff。\n"), "t.txt"), BuiltinRules());
  REQUIRE(HasCode(bad.diagnostics, "input.bad_bytes"));
  for (const auto& d : bad.diagnostics)
    if (d.code == "input.bad_bytes") CHECK(d.first_line == 2);
  CheckMirrored(bad);
  // A two-character row of its own in a table is dropped at the table level.
  Document frag = ConvertText(
      "附件\n序号\t具体内容\t责任单位\t完成时限\n"
      "1\t做好政府信息公开工作。\t县政府办公室\t2024年6月底前\n"
      "\t公开\t\t\n"
      "2\t做好政策解读工作。\t县司法局\t2024年9月底前\n");
  CheckMirrored(frag);
  REQUIRE(HasCode(frag.diagnostics, "table.fragment_dropped"));
  for (const auto& d : frag.diagnostics)
    if (d.code == "table.fragment_dropped") CHECK(d.first_line == 4);
  for (const auto& s : testing::SampleNames()) {
    INFO(s);
    CheckMirrored(testing::ConvertSample(s));
  }
}

TEST_CASE("key-value lines and inline clauses are body readers of the registry", "[convert][read]") {
  const std::string head = "某县2024年工作要点\n一、加强管理\n";
  Document kv = ConvertText(head + "（一）做好公开。做好信息公开工作。\n牵头单位：县政府办公室\n完成时限：2024年6月底前\n");
  CHECK(kv.layout == "key-value");
  REQUIRE(kv.tasks.size() == 1);
  CHECK(kv.tasks[0].lead_units == std::vector<std::string>{"县政府办公室"});
  Document cl = ConvertText(head + "（一）做好公开。做好信息公开工作。（县政府办公室牵头，县司法局配合）\n");
  CHECK(cl.layout == "clauses");
  REQUIRE(cl.tasks.size() == 1);
  CHECK(cl.tasks[0].support_units == std::vector<std::string>{"县司法局"});
  Document both = ConvertText(head + "（一）做好公开。做好信息公开工作。\n责任单位：县政府办公室\n"
                                     "（二）做好解读。做好政策解读工作。（县司法局负责）\n");
  CHECK(both.layout == "key-value+clauses");
  CHECK(both.tasks.size() == 2);
  Document plain = ConvertText(head + "（一）做好公开。做好信息公开工作。\n");
  CHECK(plain.layout == "none");
  // A table anywhere wins over clauses in the body.
  Document table = ConvertText(head + "（一）做好公开。做好信息公开工作。（县政府办公室牵头）\n附件\n"
                                      "序号\t具体内容\t责任单位\t完成时限\n"
                                      "1\t做好政府信息公开工作。\t县政府办公室\t2024年6月底前\n");
  CHECK(table.layout == "tabs");
  REQUIRE(table.tasks.size() == 1);
  CHECK(table.tasks[0].content == "做好政府信息公开工作。");
}

TEST_CASE("layout names every reader of a notice's tables, in table order", "[convert]") {
  Document doc = ConvertText(
      "附件1\n2024年公开任务清单\n序号\t具体内容\t责任单位\t完成时限\n"
      "1\t做好政府信息公开工作。\t县政府办公室\t2024年6月底前\n"
      "附件2\n2024年解读任务清单\n| 序号 | 具体内容 | 责任单位 | 完成时限 |\n"
      "| 1 | 做好政策解读工作。 | 县司法局 | 2024年9月底前 |\n"
      "附件3\n2024年培训任务清单\n序号\t具体内容\t责任单位\t完成时限\n"
      "1\t做好业务培训工作。\t县人社局\t2024年10月底前\n");
  CHECK(doc.layout == "tabs+pipe");
  CHECK(doc.tasks.size() == 3);
}

TEST_CASE("every diagnostic code the library emits is listed in diagnostic.h", "[convert][diagnostics]") {
  const std::string header = testing::ReadFile(testing::SourceDir() + "/include/noticetab/diagnostic.h");
  // A string literal "area.what" with one of the areas of the codes.
  const std::regex code(
      R"("((cell|content|deadline|input|kind|link|merged|outline|role|row|rows|table|tasks|units)\.[a-z_]+)\")");
  int seen = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(testing::SourceDir() + "/src")) {
    // The writers name output fields (deadline.date), not codes.
    if (e.path().extension() != ".cpp" || e.path().filename().string().starts_with("write")) continue;
    const std::string text = testing::ReadFile(e.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it) {
      const std::string c = (*it)[1];
      if (c.ends_with(".yaml") || c.ends_with(".xml")) continue;  // file names
      INFO(e.path().filename().string() << ": " << c);
      CHECK(header.find(c) != std::string::npos);
      ++seen;
    }
  }
  CHECK(seen > 20);
}

TEST_CASE("every warning of every task and document is also a diagnostic with a code", "[convert][diagnostics]") {
  // The samples, composed samples and the real-corpus-like spec inputs cover
  // every stage that warns; outputs print the messages, tools read the codes.
  std::vector<std::string> files;
  for (const std::string dir : {"/samples", "/samples/composed", "/tests/data/native"})
    for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + dir))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
  REQUIRE(files.size() >= 5);
  int tasks_with_warnings = 0;
  for (const std::string& f : files) {
    const Document doc = Convert(LoadFile(f), BuiltinRules());
    INFO(f);
    REQUIRE(doc.diagnostics.size() == doc.warnings.size());
    for (size_t k = 0; k < doc.warnings.size(); ++k) CHECK(doc.diagnostics[k].message == doc.warnings[k]);
    for (const Task& t : doc.tasks) {
      INFO("task " << t.id);
      REQUIRE(t.diagnostics.size() == t.warnings.size());
      for (size_t k = 0; k < t.warnings.size(); ++k) {
        CHECK(t.diagnostics[k].message == t.warnings[k]);
        CHECK(t.diagnostics[k].code.find('.') != std::string::npos);
      }
      tasks_with_warnings += !t.warnings.empty();
    }
  }
  CHECK(tasks_with_warnings > 10);
}

TEST_CASE("a cover notice whose own numbered items name units is the plan: its items are tasks", "[convert][kinds]") {
  const std::string head =
      "某区人民政府\n关于印发2025年政府工作报告重点工作任务分解的通知\n各街道办事处，区政府各部门：\n"
      "现将重点工作任务分解如下，请认真抓好落实。\n一、主要预期目标\n";
  const std::string signature = "\n某区人民政府\n2025年2月20日\n";
  Document plan = ConvertText(head + "1．地区生产总值增长6%左右。\n牵头领导：李明\n牵头单位：区发改局\n责任单位：区统计局\n" +
                              "2．一般公共预算收入增长5%。\n牵头单位：区财政局\n" + signature);
  REQUIRE(plan.tasks.size() == 2);
  CHECK(plan.tasks[0].lead_units == std::vector<std::string>{"区发改局"});
  CHECK(plan.tasks[0].support_units == std::vector<std::string>{"区统计局"});
  CHECK(plan.tasks[1].lead_units == std::vector<std::string>{"区财政局"});
  CHECK(plan.kind == "body_assignments");
  // The same cover notice whose items name no units: they are its requirements.
  Document requirements = ConvertText(head + "1．高度重视，压实责任。\n2．加强督查，确保落实。\n" + signature);
  CHECK(requirements.tasks.empty());
  CHECK(requirements.kind == "notice_without_annex");
}

TEST_CASE("(cid:N) glyph codes of PDF text extraction are removed with a warning naming their lines", "[convert]") {
  const std::string table =
      "附件\n2025年任务台账\n|序号|具体措施|牵头单位|配合单位|完成时限|\n|:--:|:--|:--:|:--|:--:|\n"
      "|1|公开市场准入负面清单，(cid:3)做好政策宣传。|县发改局|县市场监管局|2025年6月底前|\n"
      "|2|公开(cid:12)行政执法(cid:7)结果。|县司法局|县直各执法部门|长期坚持|\n";
  Document doc = ConvertText(table);
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].content == "公开市场准入负面清单，做好政策宣传。");
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县发改局"});
  CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2025-06-30"));
  CHECK(doc.tasks[1].content == "公开行政执法结果。");
  const auto w = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                              [](const Diagnostic& d) { return d.code == "input.glyph_codes"; });
  REQUIRE(w != doc.diagnostics.end());
  CHECK(w->message.find("3 unmapped glyph codes ((cid:3)) removed") == 0);
  CHECK(w->message.find("lines 5, 6") != std::string::npos);
}

TEST_CASE("OCR box runs (☐☐☐) are removed like glyph codes; one checkbox box stays", "[convert]") {
  const std::string table =
      "附件\n2025年任务台账\n|序号|具体措施|牵头单位|完成时限|\n|:--:|:--|:--:|:--:|\n"
      "|1|建立政策咨询综合服务平台，☐☐☐☐☐ 统一答复口径。|县政务服务中心|上半年|\n"
      "|2|公开□是否纳入清单的认定结果。|县司法局|长期坚持|\n"
      "|3|公开◻⬜▢行政处罚结果。|县司法局|长期坚持|\n";
  Document doc = ConvertText(table);
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].content == "建立政策咨询综合服务平台，统一答复口径。");
  CHECK(doc.tasks[1].content == "公开□是否纳入清单的认定结果。");
  const auto w = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                              [](const Diagnostic& d) { return d.code == "input.glyph_codes"; });
  REQUIRE(w != doc.diagnostics.end());
  CHECK(doc.tasks[2].content == "公开行政处罚结果。");
  CHECK(w->message.find("2 unmapped glyph codes (☐☐☐☐☐) removed") == 0);
  CHECK(w->message.find("lines 5, 7)") != std::string::npos);
}

TEST_CASE("markdown whose table is an HTML block (MinerU) is read with exact spans", "[convert]") {
  const std::string md =
      "# 关于印发2025年某县政务公开工作要点的通知\n\n某政办字〔2025〕4号\n\n# 附件\n\n# 2025年工作要点责任分工表\n\n"
      "<table><tr><td>序号</td><td>工作任务</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>"
      "<tr><td rowspan=\"2\">1</td><td rowspan=\"2\">深化决策公开</td><td>公开重大行政决策事项目录。</td>"
      "<td rowspan=\"2\">县司法局</td><td>2025年6月底前</td></tr>"
      "<tr><td>落实决策预公开。</td><td>长期坚持</td></tr>\n"
      "<tr><td>2</td><td>强化政策解读</td><td>开展政策解读进社区活动。</td><td>县政府办公室</td><td>全年</td></tr>"
      "</table>\n\n此件公开发布。\n";
  Document doc = ConvertText(md);
  CHECK(doc.format == "html");
  // Lines before the table keep their numbers.
  CHECK(doc.document.number == std::optional<std::string>("某政办字〔2025〕4号"));
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].content == "公开重大行政决策事项目录。");
  CHECK(doc.tasks[1].content == "落实决策预公开。");
  // The rowspan is exact: the second row has the first's unit, without a guess.
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县司法局"});
  CHECK(doc.tasks[1].warnings.empty());
  CHECK(doc.tasks[2].units == std::vector<std::string>{"县政府办公室"});
  CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2025-06-30"));
  CHECK(doc.tasks[0].first_line == 10);

  // "<table" inside a sentence is not a table block: the text stays text.
  Document prose = ConvertText("说明：网页中的<table>标签不属于正文。\n");
  CHECK(prose.format == "text");

  // PaddleOCR wraps each table it writes in <html><body>: the table is read
  // all the same (it had been no table: every task lost).
  Document wrapped = ConvertText(
      "# 附件\n\n<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>"
      "<tr><td>1</td><td>完成8座危桥改造。</td><td>县交通运输局</td><td>2025年9月底前</td></tr></table></body></html>\n");
  CHECK(wrapped.format == "html");
  REQUIRE(wrapped.tasks.size() == 1);
  CHECK(wrapped.tasks[0].lead_units == std::vector<std::string>{"县交通运输局"});
  // A wrapper with no table after it is text.
  CHECK(ConvertText("<div>说明：本页无表格。</div>\n").format == "text");
}

TEST_CASE("an annex read without its notice takes the plan year from the table's title", "[convert]") {
  const std::string annex =
      "附件\n2025年县政府工作报告重点任务分解表\n序号\t工作任务\t牵头单位\t完成时限\n"
      "1\t新开工亿元以上项目30个。\t县发改局\t12月底\n";
  Document doc = ConvertText(annex);
  REQUIRE(doc.tasks.size() == 1);
  CHECK(doc.document.year == std::optional<int>(2025));
  CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2025-12-31"));
  CHECK(doc.tasks[0].deadline.year_source == std::optional<std::string>("title"));
  // The table's title outranks a notice date of the year before.
  Document dated = ConvertText("某县人民政府办公室\n2024年12月20日\n" + annex);
  REQUIRE(dated.tasks.size() == 1);
  CHECK(dated.document.date == std::optional<std::string>("2024-12-20"));
  CHECK(dated.document.year == std::optional<int>(2025));
  CHECK(dated.tasks[0].deadline.date == std::optional<std::string>("2025-12-31"));
  // A title year outranks the table's.
  Document titled = ConvertText("关于印发2026年重点任务分解表的通知\n" + annex);
  REQUIRE(titled.tasks.size() == 1);
  CHECK(titled.tasks[0].deadline.date == std::optional<std::string>("2026-12-31"));
}

TEST_CASE("a note under a table ends it and is reported, not joined to the last task", "[convert]") {
  Document doc = ConvertText("附件\n2025年任务表\n序号\t工作任务\t责任单位\t完成时限\n"
                             "1\t公开预决算信息。\t县财政局\t2025年6月底前\n2\t公开政策解读。\t县政府办公室\t全年\n"
                             "注：各单位每季度末报送进展。\n");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[1].content == "公开政策解读。");
  CHECK(doc.tasks[1].warnings.empty());
  const auto w = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                              [](const Diagnostic& d) { return d.code == "table.note"; });
  REQUIRE(w != doc.diagnostics.end());
  CHECK(w->message == "line 6: a note under the table, not a task: 注：各单位每季度末报送进展。");
  CHECK(w->first_line == 6);
}

TEST_CASE("a page paragraph after a native table is in none of its cells: not joined to the last task", "[convert]") {
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>附件</p><p>2024年任务清单</p><table>"
      "<tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>"
      "<tr><td>1</td><td>推行企业开办“一网通办”。</td><td>市行政审批服务局</td><td>2024年6月底前</td></tr>"
      "<tr><td>2</td><td>规范涉企行政检查。</td><td>市司法局</td><td>2024年9月30日前</td></tr>"
      "</table><div>联系电话：0531-12345678 联系地址：XX路1号</div></body></html>";
  Document doc = ConvertText(page);
  REQUIRE(doc.format == "html");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[1].content == "规范涉企行政检查。");
  CHECK(HasCode(doc.diagnostics, "table.outside_lines"));
  // The same paragraphs in text are a wrapped cell, joined as before.
  Document text = ConvertText("附件\n2024年任务清单\n序号\t工作任务\t责任单位\t完成时限\n"
                              "1\t推行企业开办“一网通办”。\t市行政审批服务局\t2024年6月底前\n"
                              "2\t规范涉企行政检查，\t市司法局\t2024年9月30日前\n推行“综合查一次”。\n");
  REQUIRE(text.tasks.size() == 2);
  CHECK(text.tasks[1].content == "规范涉企行政检查，推行“综合查一次”。");
}

TEST_CASE("责任单位 beside a 配合单位 column or line leads; beside 牵头单位 it supports", "[convert][roles]") {
  const std::string head = "附件\n2024年政务公开重点任务分工\n";
  Document paired = ConvertText(head +
                                "|序号|工作任务|责任单位|配合单位|完成时限|\n|---|---|---|---|---|\n"
                                "|1|推进政策文件集中公开。|县政府办公室|县司法局、县财政局|2024年6月底前|\n"
                                "|2|做好政务公开培训。|县政府办公室、县委宣传部||年底前|\n"
                                "|3|做好依申请公开。|县司法局牵头，各部门配合||长期坚持|\n");
  REQUIRE(paired.tasks.size() == 3);
  CHECK(paired.tasks[0].lead_units == std::vector<std::string>{"县政府办公室"});
  CHECK(paired.tasks[0].support_units == std::vector<std::string>{"县司法局", "县财政局"});
  // The column pairing holds for the table: a row with no 配合单位 still has its leads.
  CHECK(paired.tasks[1].lead_units == std::vector<std::string>{"县政府办公室", "县委宣传部"});
  CHECK(paired.tasks[1].support_units.empty());
  // What the cell itself says wins.
  CHECK(paired.tasks[2].lead_units == std::vector<std::string>{"县司法局"});
  CHECK(paired.tasks[2].support_units == std::vector<std::string>{"各部门"});
  // 责任单位 alone says nothing about roles.
  Document alone = ConvertText(head + "|序号|工作任务|责任单位|完成时限|\n|---|---|---|---|\n"
                                      "|1|推进政策文件集中公开。|县政府办公室、县司法局|2024年6月底前|\n");
  REQUIRE(alone.tasks.size() == 1);
  CHECK(alone.tasks[0].lead_units.empty());
  // 牵头单位 beside 责任单位: the responsible units support.
  Document led = ConvertText(head + "|序号|工作任务|牵头单位|责任单位|完成时限|\n|---|---|---|---|---|\n"
                                    "|1|推进政策文件集中公开。|县政府办公室|县司法局|2024年6月底前|\n");
  REQUIRE(led.tasks.size() == 1);
  CHECK(led.tasks[0].lead_units == std::vector<std::string>{"县政府办公室"});
  CHECK(led.tasks[0].support_units == std::vector<std::string>{"县司法局"});
  // The same pairing in a body item's lines and in its bracket.
  Document body = ConvertText("关于印发2024年某县重点工作任务分解的通知\n\n一、经济发展\n1. 推进项目建设。\n"
                              "责任单位：县发改局\n配合单位：县财政局、县自然资源局\n完成时限：2024年12月底前\n"
                              "2. 做好招商引资。（责任单位：县商务局；配合单位：县投促中心）\n");
  REQUIRE(body.tasks.size() == 2);
  CHECK(body.tasks[0].lead_units == std::vector<std::string>{"县发改局"});
  CHECK(body.tasks[0].support_units == std::vector<std::string>{"县财政局", "县自然资源局"});
  CHECK(body.tasks[1].lead_units == std::vector<std::string>{"县商务局"});
  CHECK(body.tasks[1].support_units == std::vector<std::string>{"县投促中心"});
}

TEST_CASE("numeric year-month deadlines (2024.6, 2024.6-2024.12) resolve; they are not debris", "[convert][deadline]") {
  Document doc = ConvertText("附件\n2024年任务分解表\n|序号|工作任务|责任单位|完成时限|\n|---|---|---|---|\n"
                             "|1|推进政策文件集中公开。|县政府办公室|2024.6|\n"
                             "|2|做好政务公开培训。|县政府办公室|2024.6-2024.12|\n"
                             "|3|做好依申请公开。|县司法局|2024年3月-2024年11月|\n");
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].deadline.text == std::optional<std::string>("2024.6"));
  CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2024-06-30"));
  CHECK(doc.tasks[0].warnings.empty());
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-12-31"));
  CHECK(doc.tasks[2].deadline.date == std::optional<std::string>("2024-11-30"));
}

TEST_CASE("unit and deadline columns left of the task text are those fields, in every layout", "[convert][columns]") {
  const std::string head = "附件\n2024年政策解读重点事项清单\n\n";
  const std::string r1[] = {"1", "市人社局", "2024年5月31日前", "稳就业政策解读", "围绕高校毕业生就业创业扶持政策开展在线访谈不少于1次。"};
  const std::string r2[] = {"2", "市医保局", "2024年第二季度", "医保政策解读", "制作门诊共济保障政策图解，在政务新媒体同步推送。"};
  const std::string names[] = {"序号", "责任单位", "完成时间", "重点工作", "工作要求"};
  auto joined = [](const std::string (&cells)[5], const std::string& sep, const std::string& open, const std::string& close) {
    std::string s = open;
    for (size_t i = 0; i < 5; ++i) s += (i ? sep : "") + cells[i];
    return s + close;
  };
  const std::string markdown = head + joined(names, "|", "|", "|\n") + "|---|---|---|---|---|\n" + joined(r1, "|", "|", "|\n") +
                               joined(r2, "|", "|", "|\n");
  const std::string tabs = head + joined(names, "\t", "", "\n") + joined(r1, "\t", "", "\n") + joined(r2, "\t", "", "\n");
  const std::string per_line = head + joined(names, "\n", "", "\n") + joined(r1, "\n", "", "\n") + joined(r2, "\n", "", "\n");
  const std::string html = "<html><body><p>附件</p><p>2024年政策解读重点事项清单</p><table>" +
                           joined(names, "</td><td>", "<tr><td>", "</td></tr>") + joined(r1, "</td><td>", "<tr><td>", "</td></tr>") +
                           joined(r2, "</td><td>", "<tr><td>", "</td></tr>") + "</table></body></html>";
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"t.md", markdown}, {"t.txt", tabs}, {"p.txt", per_line},
                                   {"t.html", html}}) {
    INFO(name);
    const Document doc = Convert(Decode(text, name), BuiltinRules());
    REQUIRE(doc.tasks.size() == 2);
    CHECK(doc.tasks[0].content == r1[4]);
    CHECK(doc.tasks[0].units == std::vector<std::string>{"市人社局"});
    CHECK(doc.tasks[0].deadline.date == std::optional<std::string>("2024-05-31"));
    CHECK(doc.tasks[1].units == std::vector<std::string>{"市医保局"});
    CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-06-30"));
    // The one label column names the row's group, not a unit or date.
    CHECK((doc.tasks[1].section_title + doc.tasks[1].item_title) == "医保政策解读");
  }
}

TEST_CASE("a row that rewords its body item links to it when it shares a good part, after the row above's", "[convert][link]") {
  const std::string notice =
      "关于印发2024年某市政务公开工作要点的通知\n\n"
      "一、加强政策发布解读\n（一）提升政策发布质量。严格落实政策文件与解读材料同步起草、同步审签、同步发布。\n"
      "（二）加强政策精准推送。依托政策通平台，分类推送惠企利民政策。\n"
      "二、强化重点领域信息公开\n（三）做好财政信息公开。推进预决算公开向基层延伸。\n"
      "（四）做好重大项目信息公开。公开重大建设项目批准和实施信息。\n\n"
      "附件\n2024年政务公开重点任务分解表\n序号\t工作任务\t责任单位\t完成时限\n"
      "1\t政策文件与解读材料同步起草、同步审签、同步发布，解读材料与文件同步上网。\t市政府各部门\t长期坚持\n"
      "2\t依托政策通平台分类推送惠企利民政策，推送政策不少于200条。\t市大数据局\t2024年10月底前\n"
      "3\t推进预决算公开向乡镇（街道）延伸，公开财政资金直达基层情况。\t市财政局\t2024年8月底前\n"
      "4\t公开重大建设项目批准、实施和招标投标信息。\t市发改委\t2024年12月底前\n"
      "5\t组织开展全市政务公开培训两次。\t市政府办公室\t年底前\n";
  Document doc = ConvertText(notice);
  REQUIRE(doc.tasks.size() == 5);
  CHECK(doc.tasks[1].item == std::optional<int>(2));
  CHECK(doc.tasks[2].item == std::optional<int>(3));  // reworded: once taken from the row above (2)
  CHECK(doc.tasks[2].section == std::optional<int>(2));
  CHECK(Warned(doc.tasks[2], "found only in part"));
  CHECK(doc.tasks[3].item == std::optional<int>(4));
  // A row that shares nothing with any item still takes the row above's.
  CHECK(doc.tasks[4].item == std::optional<int>(4));
}

TEST_CASE("the body outline after a cover whose attachment list and 抄送 footer come first", "[convert][outline]") {
  Document doc = ConvertText(
      "某市人民政府办公室\n关于印发某市2024年政务公开工作要点的通知\n\n各县（市、区）人民政府：\n    现印发给你们。\n\n"
      "附件：1．某市2024年政务公开重点任务分解表\n      2．某市2024年政府信息主动公开基本目录\n\n"
      "某市人民政府办公室\n2024年3月1日\n\n抄送：市委办公室，市人大常委会办公室。\n"
      "某市人民政府办公室                          2024年3月5日印发\n\n"
      "某市2024年政务公开工作要点\n\n一、加强政策发布解读\n（一）提升政策发布质量。严格落实同步发布。\n"
      "二、强化重点领域信息公开\n（二）做好财政信息公开。推进预决算公开。\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].title == "加强政策发布解读");
  CHECK(doc.sections[1].items.size() == 1);
  CHECK(doc.document.attachments.size() == 2);
  CHECK(doc.document.cc.size() == 2);
}

TEST_CASE("OCR markdown: a 丨 read for a table rule between two cells splits them; a page number row is dropped", "[convert][ocr]") {
  Document doc = ConvertText(
      "附件\n2024年民生实事项目任务分解表\n| 序号 | 项目类别 | 具体任务 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
      "| 1 | 一、教育 | 新建改扩建中小学、幼儿园5所。 | 区教体局 | 2024年8月底前 |\n"
      "| 2 | 二、医疗 丨 推进区人民医院门诊楼改造。 | 区卫健局 | 2024年12月底前 |\n"
      "|  |  | — 2 — |  |  |\n"
      "| 3 | 三、建设 | 新建口袋公园10个。 | 区城管局、区自然资源局 丨 2024年9月底前 |\n"
      "| 4 |  | 新增公共停车泊位1500个，缓解停车难。 | ‖ 区住建局 ‖ | 2024年10月底前 |\n");
  REQUIRE(doc.tasks.size() == 4);
  CHECK(doc.tasks[1].content == "推进区人民医院门诊楼改造。");
  CHECK(doc.tasks[1].section_title == "医疗");
  CHECK(doc.tasks[2].units == std::vector<std::string>{"区城管局", "区自然资源局"});
  CHECK(doc.tasks[2].deadline.date == std::optional<std::string>("2024-09-30"));
  CHECK(doc.tasks[3].units == std::vector<std::string>{"区住建局"});  // marks at a cell's edges: no split
  CHECK(doc.tasks[3].deadline.date == std::optional<std::string>("2024-10-31"));
}

TEST_CASE("同上 under a group band row copies the task row above the band; with nothing to copy it is said", "[convert][ditto]") {
  const std::string page =
      "<html><body><p>附件</p><p>2024年重点任务分解表</p><table>"
      "<tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>"
      "<tr><td colspan=\"4\">一、全力稳定经济增长</td></tr>"
      "<tr><td>1</td><td>规模以上工业增加值增长7%。</td><td><p>牵头单位：市工信局</p><p>配合单位：各县（市、区）人民政府</p></td>"
      "<td>2024年上半年</td></tr>"
      "<tr><td colspan=\"4\">二、持续深化改革开放</td></tr>"
      "<tr><td>2</td><td>深化国有企业改革。</td><td>同上</td><td>同上</td></tr>"
      "</table></body></html>";
  Document doc = Convert(Decode(page, "t.html"), BuiltinRules());
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[1].lead_units == std::vector<std::string>{"市工信局"});
  CHECK(doc.tasks[1].support_units == std::vector<std::string>{"各县（市、区）人民政府"});
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-06-30"));
  CHECK(doc.tasks[1].section_title == "持续深化改革开放");
  Document first = ConvertText("附件\n2024年重点任务分解表\n|序号|工作任务|责任单位|完成时限|\n|---|---|---|---|\n"
                               "|1|深化国有企业改革。|县国资局|年底前|\n|2|推进混合所有制改革。|县财政局|同上|\n"
                               "|3|完成清产核资。||同上|\n|4|推进改制。|同上|年底前|\n");
  REQUIRE(first.tasks.size() == 4);
  CHECK(first.tasks[1].deadline.date == std::optional<std::string>("2024-12-31"));
  CHECK(first.tasks[3].units.empty());  // the row above has none: 同上 is no unit name
  CHECK(Warned(first.tasks[3], "同上"));
}

TEST_CASE("Word text export: a cell of several paragraphs breaks its row; each part goes back to its cell", "[convert][word]") {
  Document doc = ConvertText(
      "附件\n南溪县2024年重点工作任务分工方案\n序号\t工作任务\t责任单位\t完成时间\n"
      "1\t地区生产总值增长6%左右。\t县发改局、县财政局\t2024年12月底前\n"
      "2\t推进高标准农田建设5万亩。\t县农业农村局\t2024年9月底前完成建设任务\n12月底前完成验收\n"
      "3\t新改建农村公路80公里。\t县交通运输局\n各乡镇人民政府\t2024年11月底前\n"
      "4\t推进义务教育优质均衡发展：\n1.新建县第三中学；\n2.完成12所农村学校薄弱环节改善。\t县教体局\t2024年8月底前\n"
      "5\t深化放管服改革。\t县行政审批服务局\t持续推进\n");
  REQUIRE(doc.tasks.size() == 5);
  CHECK(doc.tasks[1].content == "推进高标准农田建设5万亩。");
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-12-31"));  // the last step
  CHECK(doc.tasks[2].units == std::vector<std::string>{"县交通运输局", "各乡镇人民政府"});
  CHECK(doc.tasks[2].deadline.date == std::optional<std::string>("2024-11-30"));
  CHECK(doc.tasks[3].content == "推进义务教育优质均衡发展：1.新建县第三中学；2.完成12所农村学校薄弱环节改善。");
  CHECK(doc.tasks[3].units == std::vector<std::string>{"县教体局"});
  CHECK(doc.tasks[3].deadline.date == std::optional<std::string>("2024-08-31"));
  CHECK(doc.tasks[4].seq == std::optional<int>(5));
  CHECK(doc.tasks[4].units == std::vector<std::string>{"县行政审批服务局"});
}

TEST_CASE("Word text export: a 备注 cell of two paragraphs goes on in the note, not the content", "[convert][word]") {
  Document doc = ConvertText(
      "附件\n2024年政务公开重点任务分工\n序号\t工作任务\t责任单位\t完成时限\t备注\n"
      "1\t更新完善政务公开事项标准目录。\t各镇（街道）\t2024年9月30日前\t县政府办公室负责业务指导，\n"
      "每月调度工作进展\n"
      "2\t做好政府信息公开行政复议工作。\t县司法局\t长期坚持\t\n");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].content == "更新完善政务公开事项标准目录。");
  CHECK(doc.tasks[0].remarks == "县政府办公室负责业务指导，每月调度工作进展");
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县司法局"});
}

TEST_CASE("a site's 繁體 link is no notice in Traditional characters; a notice written in them is", "[convert][traditional]") {
  const std::string table = "附件\n2024年任务分解表\n|序号|工作任务|责任单位|完成时限|\n|---|---|---|---|\n"
                            "|1|推进政策文件集中公开。|县政府办公室|2024年6月底前|\n";
  auto traditional = [](const Document& d) {
    return std::any_of(d.diagnostics.begin(), d.diagnostics.end(), [](const Diagnostic& x) { return x.code == "input.traditional"; });
  };
  CHECK_FALSE(traditional(ConvertText("无障碍浏览　长者模式　繁體\n" + table)));
  const Document hant = ConvertText("附件\n2024年任務分解表\n|序號|工作任務|責任單位|完成時限|\n|---|---|---|---|\n"
                                    "|1|推進政策文件集中公開。|縣政府辦公室|2024年6月底前|\n");
  CHECK(traditional(hant));
  REQUIRE(hant.tasks.size() == 1);
  CHECK(hant.tasks[0].units == std::vector<std::string>{"縣政府辦公室"});
}

TEST_CASE("left field columns: a 序号 that is no integer, a note column after the text, a row with no text", "[convert][columns]") {
  // 序号 cells "2." and "（三）" stay in the row: the columns still line up with the header.
  Document seq = ConvertText("附件\n2024年政策解读重点事项清单\n|序号|责任单位|完成时间|重点工作|工作要求|\n|---|---|---|---|---|\n"
                             "|1|市人社局|2024年5月31日前|稳就业政策解读|围绕就业创业扶持政策开展在线访谈不少于1次。|\n"
                             "|（三）|市教育局|2024年6月底前|教育政策解读|制作义务教育招生入学政策图解并同步推送。|\n");
  REQUIRE(seq.tasks.size() == 2);
  CHECK(seq.tasks[1].units == std::vector<std::string>{"市教育局"});
  CHECK(seq.tasks[1].deadline.date == std::optional<std::string>("2024-06-30"));
  // A 备注 after the text that reads as a date (每季度报送) is the note, not the next row's deadline.
  Document noted = ConvertText("附件\n2024年政策解读重点事项清单\n序号\n责任单位\n完成时间\n重点工作\n工作要求\n备注\n"
                               "1\n市人社局\n2024年5月31日前\n稳就业政策解读\n围绕就业创业扶持政策开展在线访谈不少于1次。\n每季度报送\n"
                               "2\n市医保局\n2024年第二季度\n医保政策解读\n制作门诊共济保障政策图解并同步推送。\n每月报送\n"
                               "3\n市教育局\n2024年6月底前\n");
  REQUIRE(noted.tasks.size() == 2);
  CHECK(noted.tasks[0].deadline.date == std::optional<std::string>("2024-05-31"));
  CHECK(noted.tasks[0].remarks == "每季度报送");
  CHECK(noted.tasks[1].remarks == "每月报送");
  // Row 3 never shows its text: its cells are not lost silently.
  CHECK(Warned(noted.tasks[1], "市教育局"));
}

TEST_CASE("body sections whose sentences hold 由X牵头，Y配合 are tasks with their units", "[convert][body]") {
  const Document doc = Convert(Decode("2024年某区优化营商环境重点工作安排\n"
                                      "一、提升政务服务效能。全面推行一件事，由区数据资源局牵头，区人社局配合，年内推出10个场景。\n"
                                      "二、维护公平竞争秩序。由区司法局牵头，区市场监管局配合，2024年9月底前完成文件评估。\n",
                                      "t.txt"),
                               BuiltinRules());
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"区数据资源局"});
  CHECK(doc.tasks[0].support_units == std::vector<std::string>{"区人社局"});
  CHECK(doc.tasks[1].lead_units == std::vector<std::string>{"区司法局"});
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-09-30"));
}

TEST_CASE("a plan listing its tasks under headings that name units gives each task those units", "[convert][body]") {
  const Document doc = Convert(Decode("2024年民生实事项目任务分解\n"
                                      "一、县教育局（3项）\n1．新建幼儿园2所。\n2．完成食堂改造。\n"
                                      "二、县民政局、县残联（1项）\n3．实施无障碍改造100户。\n"
                                      "三、加强组织保障\n4．各单位按月报送进展。\n",
                                      "t.txt"),
                               BuiltinRules());
  // A heading of words names nobody: item 4 has no units, after three that
  // all have theirs, so its section is the notice's closing requirements.
  REQUIRE(doc.tasks.size() == 3);
  CHECK(std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                    [](const auto& d) { return d.code == "tasks.closing_section" && d.first_line == 7; }));
  CHECK(doc.tasks[0].units == std::vector<std::string>{"县教育局"});
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县教育局"});
  CHECK(doc.tasks[2].units == std::vector<std::string>{"县民政局", "县残联"});
  CHECK(std::any_of(doc.tasks[0].warnings.begin(), doc.tasks[0].warnings.end(),
                    [](const std::string& w) { return w.find("section 一") != std::string::npos; }));
}

TEST_CASE("tasks read from an annex of numbered paragraphs carry the annex title as their table",
          "[convert]") {
  const Document doc = ConvertText(
      "某县2023年营商环境优化提升行动方案\n\n一、重点任务\n（一）提升政务服务效能。推进线上线下深度"
      "融合。\n"
      "（二）优化市场准入退出。持续破除隐性壁垒。\n\n附件\n\n某县2023年营商环境优化提升重点任务清单"
      "\n\n"
      "1．推行企业开办一日办结。责任单位：县市场监管局。完成时限：2023年6月底前。\n\n"
      "2．开展涉企收费专项检查。牵头单位：县发改局；配合单位：县财政局。完成时限：2023年第三季度。"
      "\n");
  REQUIRE(doc.tasks.size() == 2);
  for (const Task& t : doc.tasks) {
    REQUIRE(t.table.has_value());
    CHECK(*t.table == "附件 某县2023年营商环境优化提升重点任务清单");
  }
  // Body tasks have none (OUTPUT.md: null for body tasks).
  const Document body = ConvertText(
      "某县2023年工作要点\n\n一、重点任务\n（一）提升政务服务效能。（县政务服务中心负责）\n");
  REQUIRE(body.tasks.size() == 1);
  CHECK_FALSE(body.tasks[0].table.has_value());
}

TEST_CASE(
    "an annex whose numbered paragraphs mostly name no units (a scoring annex) gives no tasks",
    "[convert]") {
  const Document doc = ConvertText(
      "某县2023年营商环境优化提升行动方案\n\n一、重点任务\n（一）提升政务服务效能。推进线上线下深度"
      "融合。\n"
      "（二）优化市场准入退出。持续破除隐性壁垒。\n\n附件\n\n评分细则\n\n"
      "1．组织领导（10分）。成立领导小组的得5分。\n2．制度建设（10分）。建立制度的得5分。\n"
      "3．工作落实（20分）。责任单位：县市场监管局。\n4．信息报送（10分）。按时报送的得10分。\n"
      "5．宣传引导（10分）。开展宣传的得10分。\n");
  // The body's two items, not the annex's five paragraphs.
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].content.starts_with("提升政务服务效能"));
  CHECK(doc.tasks[1].units.empty());
  // The annex read that was not taken leaves nothing behind.
  for (const Diagnostic& d : doc.diagnostics)
    CHECK((d.code == "tasks.from_body" || d.code == "kind.body_assigns_nothing"));
  CheckMirrored(doc);
}
