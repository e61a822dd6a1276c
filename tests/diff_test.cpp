// diff.h: task matching between two notices by content and titles.
#include "noticetab/diff.h"

#include <catch2/catch.hpp>
#include <sstream>

using noticetab::DiffTasks;
using noticetab::Document;
using noticetab::Task;

namespace {

Task T(int id, const std::string& item_title, const std::string& content, std::vector<std::string> units,
       const std::string& deadline) {
  Task t;
  t.id = id;
  t.section = 1;
  t.section_no = "一";
  t.section_title = "深化重点领域信息公开";
  t.item = id;
  t.item_title = item_title;
  t.content = content;
  t.units = std::move(units);
  t.deadline.text = deadline;
  t.deadline.kind = "by_date";
  return t;
}

Document Doc(std::vector<Task> tasks) {
  Document d;
  d.source = "x.txt";
  d.tasks = std::move(tasks);
  return d;
}

const Task kA = T(1, "加强财政信息公开", "全面公开政府预决算和部门预决算,细化公开到功能分类项级科目。", {"市财政局"}, "2023年6月底前");
const Task kB = T(2, "推进重大项目公开", "依法依规做好城市更新、基础设施等重大项目建设信息公开,按季度更新。", {"市发改委"}, "全年");
const Task kC = T(3, "做好政策解读", "坚持政策文件与解读材料同步组织、同步审签、同步部署,提升解读质量。", {"市政府办公室"}, "全年");

}  // namespace

TEST_CASE("diff: similarity ignores punctuation and is 1 for the same text", "[diff]") {
  CHECK(noticetab::TextSimilarity(kA.content, kA.content) == Approx(1.0));
  CHECK(noticetab::TextSimilarity("公开政府预决算。", "公开政府预决算,") == Approx(1.0));
  CHECK(noticetab::TextSimilarity(kA.content, kC.content) < 0.2);
}

TEST_CASE("diff: the same notice has no changes", "[diff]") {
  CHECK(DiffTasks(Doc({kA, kB, kC}), Doc({kA, kB, kC})).empty());
}

TEST_CASE("diff: renumbered and reordered tasks still match", "[diff]") {
  Task c = kC, a = kA;
  c.id = 1;
  c.item = 1;
  a.id = 3;
  a.item = 3;
  a.item_title = "持续加强财政预决算信息公开";  // reworded title
  CHECK(DiffTasks(Doc({kA, kB, kC}), Doc({c, kB, a})).empty());
}

TEST_CASE("diff: added, removed, and changed content, units and deadline", "[diff]") {
  Task b = kB;
  b.content = "着力" + b.content;                 // a reworded start
  b.units = {"市发改委", "市住建局"};
  b.deadline.text = "2023年9月底前";
  const Task d = T(4, "推进政务公开标准化", "编制公开事项标准目录,年底前实现基层政务公开标准化全覆盖。", {"各县区政府"}, "12月底前");
  const Document old_doc = Doc({kA, kB, kC}), new_doc = Doc({b, kC, d});  // the changes point into them
  const auto changes = DiffTasks(old_doc, new_doc);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].change == "removed");
  CHECK(changes[0].old_task->id == 1);
  CHECK(changes[1].change == "changed");
  CHECK(changes[1].fields == std::vector<std::string>{"content", "units", "deadline"});
  CHECK(changes[2].change == "added");
  CHECK(changes[2].new_task->id == 4);
}

TEST_CASE("diff: units in another order are no change; text output is a table", "[diff]") {
  Task a1 = kA, a2 = kA;
  a1.units = {"市财政局", "市审计局"};
  a2.units = {"市审计局", "市财政局"};
  CHECK(DiffTasks(Doc({a1}), Doc({a2})).empty());
  std::ostringstream out;
  const Document old_doc = Doc({kA}), new_doc = Doc({});
  noticetab::WriteDiff(out, "csv", old_doc, new_doc, DiffTasks(old_doc, new_doc), {});
  CHECK(out.str().rfind("change,fields,old_id,new_id,", 0) == 0);
  CHECK(out.str().find("\nremoved,,1,,一,加强财政信息公开,") != std::string::npos);
}

TEST_CASE("diff: a changed leader or remark is a change, with old and new columns", "[diff]") {
  Task a1 = kA, a2 = kA;
  a1.leaders = {"张三"};
  a2.leaders = {"李四"};
  a2.remarks = "按季度报送进展";
  const Document old_doc = Doc({a1}), new_doc = Doc({a2});
  const auto changes = DiffTasks(old_doc, new_doc);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].fields == std::vector<std::string>{"leaders", "remarks"});
  std::ostringstream out;
  noticetab::WriteDiff(out, "csv", old_doc, new_doc, changes, {});
  CHECK(out.str().find(",old_leaders,new_leaders,old_remarks,new_remarks\n") != std::string::npos);
  CHECK(out.str().find(",张三,李四,,按季度报送进展") != std::string::npos);
  std::ostringstream shown, hidden;  // on a terminal the columns show only when a row fills them
  noticetab::WriteDiff(shown, "text", old_doc, new_doc, changes, {});
  CHECK(shown.str().find("old_leaders") != std::string::npos);
  Task b = kA;
  b.deadline.text = "全年";
  const Document plain_new = Doc({b});
  noticetab::WriteDiff(hidden, "text", Doc({kA}), plain_new, DiffTasks(Doc({kA}), plain_new), {});
  CHECK(hidden.str().find("new_deadline") != std::string::npos);
  CHECK(hidden.str().find("old_leaders") == std::string::npos);
  Task a3 = a2;
  a3.remarks = "按季度 报送进展";  // spacing only
  CHECK(DiffTasks(Doc({a2}), Doc({a3})).empty());
}

TEST_CASE("diff: a deadline printed without its year is the same in each year's notice", "[diff]") {
  // 6月底前 in the 2024 notice is 2024-06-30, in the 2025 notice 2025-06-30:
  // each dated in its own notice's year, the same deadline (real32 m1: every
  // such task had been reported as a changed deadline, old and new alike).
  Task old_task = kA, new_task = kA;
  for (Task* t : {&old_task, &new_task}) t->deadline.text = "6月底前", t->deadline.year_source = "title";
  old_task.deadline.date = "2024-06-30";
  new_task.deadline.date = "2025-06-30";
  CHECK(DiffTasks(Doc({old_task}), Doc({new_task})).empty());
  // A year printed in the words is a change when the date moves with it.
  old_task.deadline.year_source = new_task.deadline.year_source = "text";
  CHECK(DiffTasks(Doc({old_task}), Doc({new_task})).size() == 1);
}
