// The body readers' grid (src/readers/body.cpp CutBody): one row per body
// item, cells with their source spans, read by the interpreter by position;
// and a clause the text extraction wrapped over two lines.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/interpret.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"

using namespace noticetab;

namespace {

const Rules& R() { return BuiltinRules(); }

const std::string kHead =
    "某县人民政府办公室关于印发2024年某县重点任务分解的通知\n"  // 1
    "各乡镇人民政府，县政府各部门：\n"                          // 2
    "一、稳定经济增长\n";                                       // 3

std::string Bytes(const std::string& text, const SourceSpan& s) { return text.substr(s.begin, s.end - s.begin); }

}  // namespace

TEST_CASE("body grid: one row per item, header names from the rules' labels, exact spans", "[body]") {
  const std::string text = kHead +
                           "（一）扩大有效投资。全年实施重点项目100个。\n"  // 4
                           "牵头单位：县发改局\n"                              // 5
                           "配合单位：县财政局\n"                              // 6
                           "（二）提振消费。开展促消费活动。\n"                // 7
                           "完成时限：9月底前\n";                              // 8
  std::vector<Grid> grids;
  ConvertOptions opts;
  opts.grids = &grids;
  Source src("n.txt", "utf-8", text);
  Document doc = Convert(src, R(), opts);
  CHECK(doc.layout == "key-value");
  REQUIRE(grids.size() == 1);
  const Grid& g = grids[0];
  CHECK(g.by_position);
  REQUIRE(g.rows.size() == 3);
  REQUIRE(g.rows[0].header);
  std::vector<std::string> names;
  for (const auto& c : g.rows[0].cells) names.push_back(c.text);
  CHECK(names == std::vector<std::string>{RoleLabel(Role::kContent, R()), RoleLabel(Role::kUnits, R()),
                                          RoleLabel(Role::kLead, R()), RoleLabel(Role::kSupport, R()),
                                          RoleLabel(Role::kDeadline, R())});
  const GridRow& first = g.rows[1];
  CHECK(first.span.first_line == 4);
  CHECK(first.span.last_line == 6);
  CHECK(first.cells[1].placeholder);  // no 责任单位
  CHECK(first.cells[2].text == "县发改局");
  CHECK(first.cells[2].span.first_line == 5);
  CHECK(Bytes(text, first.cells[2].span) == "县发改局");
  CHECK(Bytes(text, first.cells[3].span) == "县财政局");
  CHECK(g.rows[2].cells[4].text == "9月底前");
  CHECK(Bytes(text, g.rows[2].cells[4].span) == "9月底前");
  // The interpreter gave the roles; the tasks are linked to their items.
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].item_no == "一");
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县发改局"});
  CHECK(doc.tasks[0].support_units == std::vector<std::string>{"县财政局"});
  CHECK(doc.tasks[1].item_no == "二");
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-09-30"));
}

TEST_CASE("body grid: rows read by position, a short item kept", "[body]") {
  // The reader made the rows: a two-character item is no table fragment to drop.
  const std::string text = kHead +
                           "（一）抓招商。（县发展和改革委员会牵头，县财政局、县商务局、县自然资源局配合）\n"
                           "（二）其他\n"
                           "（三）稳就业。（县人社局负责）\n";
  Document doc = Convert(Source("n.txt", "utf-8", text), R());
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].content == "抓招商。");
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县发展和改革委员会"});
  CHECK(doc.tasks[0].support_units.size() == 3);
  CHECK(doc.tasks[1].content == "其他");
  CHECK(doc.tasks[1].item_no == "二");
  CHECK(doc.tasks[2].units == std::vector<std::string>{"县人社局"});
  for (const auto& d : doc.diagnostics) CHECK(d.code != "table.fragment_dropped");
}

TEST_CASE("a clause wrapped over two lines is read, with the span of both lines", "[body]") {
  // As pdftotext wraps it: the bracket opens on one line and closes on the next.
  const std::string text = kHead +
                           "（一）扩大有效投资。全年实施重点项目100个。（县发改局牵头，县财政局、\n"  // 4
                           "县自然资源局配合）\n"                                                      // 5
                           "（二）提振消费。开展促消费活动。（县商务局负责，9月底\n"                   // 6
                           "前完成）\n";                                                               // 7
  std::vector<Grid> grids;
  ConvertOptions opts;
  opts.grids = &grids;
  Document doc = Convert(Source("n.txt", "utf-8", text), R(), opts);
  CHECK(doc.layout == "clauses");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].content == "扩大有效投资。全年实施重点项目100个。");
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县发改局"});
  CHECK(doc.tasks[0].support_units == std::vector<std::string>{"县财政局", "县自然资源局"});
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县商务局"});
  CHECK(doc.tasks[1].deadline.date == std::optional<std::string>("2024-09-30"));
  REQUIRE(grids.size() == 1);
  const GridCell& units = grids[0].rows[1].cells[1];
  CHECK(units.span.first_line == 4);
  CHECK(units.span.last_line == 5);
  // A clause closing its own line is still one line.
  const std::string one = kHead + "（一）扩大有效投资。（县发改局牵头）\n";
  grids.clear();
  Document d1 = Convert(Source("n.txt", "utf-8", one), R(), opts);
  CHECK(d1.layout == "clauses");
  REQUIRE(grids.size() == 1);
  CHECK(Bytes(one, grids[0].rows[1].cells[1].span) == "县发改局牵头");
  // A value printed in the item's words too: its span is the clause's.
  const std::string twice = kHead + "（一）6月底前完成验收。（县商务局负责，6月底前完成）\n";
  grids.clear();
  Convert(Source("n.txt", "utf-8", twice), R(), opts);
  REQUIRE(grids.size() == 1);
  const GridCell& due = grids[0].rows[1].cells.back();
  CHECK(due.text == "6月底前完成");
  CHECK(due.span.begin > twice.rfind("（"));
}

TEST_CASE("a line closing a bracket it opened is no wrapped clause", "[body]") {
  // The line above ends mid-sentence; the next closes its own aside.
  const std::string text = kHead +
                           "（一）扩大有效投资，推进县发改局、\n"
                           "县财政局等单位项目建设（试行）\n";
  Document doc = Convert(Source("n.txt", "utf-8", text), R());
  CHECK(doc.layout == "none");
}

TEST_CASE("body grid: header names are the keys the notice used, when they name the role", "[body]") {
  const std::string text = kHead +
                           "（一）扩大有效投资。\n"
                           "牵头部门：县发改局\n"
                           "协同责任单位：县财政局\n"
                           "责任科室：县商务局\n";  // a key of clauses.yaml, no listed header name: the label
  std::vector<Grid> grids;
  ConvertOptions opts;
  opts.grids = &grids;
  Document doc = Convert(Source("n.txt", "utf-8", text), R(), opts);
  REQUIRE(grids.size() == 1);
  std::vector<std::string> names;
  for (const auto& c : grids[0].rows[0].cells) names.push_back(c.text);
  CHECK(names == std::vector<std::string>{RoleLabel(Role::kContent, R()), RoleLabel(Role::kUnits, R()), "牵头部门",
                                          "协同责任单位"});
  REQUIRE(doc.tasks.size() == 1);
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县发改局"});
}
