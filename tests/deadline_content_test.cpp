// Stage 7, normalize: a deadline written in a task's content (年内完成,
// 年底前完成) is the task's when it has no deadline of its own.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/normalize.h"
#include "noticetab/rules.h"
#include "stages.h"

namespace {

noticetab::Task FromContent(const std::string& content) {
  std::vector<noticetab::Task> tasks(1);
  tasks[0].content = content;
  noticetab::YearContext years;
  years.title = 2025;
  noticetab::DeadlinesFromContent(tasks, years, noticetab::BuiltinRules());
  return tasks[0];
}

}  // namespace

TEST_CASE("a task's content that says 年内完成 is due at the plan year's end, with a warning", "[normalize]") {
  noticetab::Task t = FromContent("推进政务云资源整合，年内完成县直部门信息系统迁移上云。");
  REQUIRE(t.deadline.text);
  CHECK(*t.deadline.text == "年内完成");
  CHECK(t.deadline.kind == "year_round");
  CHECK(t.deadline.date.value_or("") == "2025-12-31");
  CHECK(t.warnings.size() == 1);
  t = FromContent("2025年年内完成县级平台整合。");
  CHECK(t.deadline.date.value_or("") == "2025-12-31");
  t = FromContent("年底前完成县级平台整合。");
  CHECK(t.deadline.kind == "by_date");
  CHECK(t.deadline.date.value_or("") == "2025-12-31");
}

TEST_CASE("a span (一年内完成, 3年内完成) in a task's content is no deadline", "[normalize]") {
  CHECK(!FromContent("项目批复后一年内完成建设。").deadline.text);
  CHECK(!FromContent("力争3年内完成改造。").deadline.text);
}

TEST_CASE("a deadline in a task's content may be written in Chinese numerals (二〇二六年六月底前)", "[normalize]") {
  noticetab::Task t = FromContent("推进老旧小区改造，二〇二六年六月底前完成。");
  CHECK(t.deadline.date.value_or("") == "2026-06-30");
  CHECK(t.deadline.year_source.value_or("") == "text");
  t = FromContent("推进老旧小区改造，十一月三十日前完成。");
  CHECK(t.deadline.date.value_or("") == "2025-11-30");
  t = FromContent("推进老旧小区改造，二〇二六年6月底前完成。");
  CHECK(t.deadline.date.value_or("") == "2026-06-30");
  CHECK(t.deadline.year_source.value_or("") == "text");
  t = FromContent("推进老旧小区改造，二○二六年底前完成。");  // ○ U+25CB for 〇
  CHECK(t.deadline.date.value_or("") == "2026-12-31");
}

TEST_CASE("a date before the plan year warns unless the notice is dated before it", "[normalize]") {
  const auto& rules = noticetab::BuiltinRules();
  noticetab::YearContext years;
  years.title = 2025;
  auto codes = [&](std::string_view text) {
    std::vector<noticetab::Diagnostic> notes;
    const noticetab::Deadline d = noticetab::ResolveDeadline(text, years, rules, &notes);
    CHECK(d.date.value_or("") == "2024-12-31");  // kept as printed either way
    std::string out;
    for (const auto& n : notes) out += n.code + " ";
    return out;
  };
  years.doc_date = "2025-03-07";  // issued after it: already past
  CHECK(codes("2024年12月31日前") == "deadline.before_plan_year ");
  // Read whole (deadlines.yaml milestones): no part of it is left unread.
  CHECK(codes("2024年9月启动，12月底前完成") == "deadline.before_plan_year ");
  years.doc_date = "2024-12-10";  // a plan issued in December may set a step before its year
  CHECK(codes("2024年12月31日前").empty());
  CHECK(codes("2024年9月启动，12月底前完成").empty());
  years.doc_date.reset();
  years.title = 2024;
  CHECK(codes("2024年底前").empty());
}

TEST_CASE("a plan of several years (2023—2025年) warns only of a date before its first year", "[normalize]") {
  const auto& rules = noticetab::BuiltinRules();
  noticetab::YearContext years;
  years.title = 2025;  // title_year finds the span's last year
  years.first = 2023;
  std::vector<noticetab::Diagnostic> notes;
  CHECK(noticetab::ResolveDeadline("2023年底前", years, rules, &notes).date.value_or("") == "2023-12-31");
  CHECK(notes.empty());
  CHECK(noticetab::ResolveDeadline("2022年底前", years, rules, &notes).date.value_or("") == "2022-12-31");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].code == "deadline.before_plan_year");
}
