// Stage 7, normalize: 责任单位 cells -> unit lists, 完成时限 -> ISO due dates.
// Each case: the cell as printed -> the values OUTPUT.md promises.
#include "noticetab/normalize.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "noticetab/rules.h"

using noticetab::Deadline;
using noticetab::UnitList;
using noticetab::YearContext;
using Names = std::vector<std::string>;

namespace {

const noticetab::Rules& R() { return noticetab::BuiltinRules(); }

UnitList Units(std::string_view cell) { return noticetab::NormalizeUnits(cell, R()); }

YearContext TitleYear(int y) {
  YearContext c;
  c.title = y;
  return c;
}

Deadline Due(std::string_view text, const YearContext& years = TitleYear(2023),
             std::vector<std::string>* warnings = nullptr) {
  return noticetab::ResolveDeadline(text, years, R(), warnings);
}

std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }

// "kind date granularity year_source" with null for absent values.
std::string Dump(const Deadline& d) {
  return d.kind + " " + Opt(d.date) + " " + Opt(d.granularity) + " " + Opt(d.year_source);
}

}  // namespace

// ---------------------------------------------------------------- NormalizeUnits

TEST_CASE("NormalizeUnits: a shared level prefix carries to the names after it", "[normalize]") {
  UnitList u = Units("市发改局、教体局");
  CHECK(u.units == Names{"市发改局", "市教体局"});
  CHECK_FALSE(u.open);
  CHECK(u.lead.empty());
  CHECK(u.support.empty());
  CHECK(Units("市政府办公室、司法局").units == Names{"市政府办公室", "市司法局"});
  // A new prefix takes over from there on.
  CHECK(Units("市发改局、财政局，县民政局、住建局").units == Names{"市发改局", "市财政局", "县民政局", "县住建局"});
}

TEST_CASE("NormalizeUnits: the prefix carries only to names with a carry suffix", "[normalize]") {
  CHECK(Units("县财政局、供电公司").units == Names{"县财政局", "供电公司"});
  CHECK(Units("市民政局、各镇街").units == Names{"市民政局", "各镇街"});
}

TEST_CASE("NormalizeUnits: an open tail (等 / 等部门（单位）) sets units_open", "[normalize]") {
  UnitList u = Units("各县区政府（管委会），市民政局、市商务局等部门（单位）");
  CHECK(u.units == Names{"各县区政府（管委会）", "市民政局", "市商务局"});
  CHECK(u.open);
  CHECK(Units("市发改局、教体局、工信局等部门").units == Names{"市发改局", "市教体局", "市工信局"});
  CHECK(Units("市发改局、教体局、工信局等部门").open);
  CHECK(Units("市生态环境局等有关部门").units == Names{"市生态环境局"});
  CHECK(Units("市生态环境局等有关部门").open);
  CHECK(Units("市国资委等").units == Names{"市国资委"});
  CHECK(Units("市国资委等").open);
  CHECK_FALSE(Units("市国资委").open);
}

TEST_CASE("NormalizeUnits keeps bracketed parts whole", "[normalize]") {
  UnitList u = Units("各县（市、区）人民政府");
  CHECK(u.units == Names{"各县（市、区）人民政府"});
  CHECK_FALSE(u.open);
  CHECK(Units("各县区政府(管委会),市政府各部门(单位)").units ==
        Names{"各县区政府(管委会)", "市政府各部门(单位)"});
  CHECK(Units("各镇（街道）、区财政局、区农业农村局").units == Names{"各镇（街道）", "区财政局", "区农业农村局"});
}

TEST_CASE("NormalizeUnits joins names that PDF extraction wrapped", "[normalize]") {
  CHECK(Units("县自然资 源局").units == Names{"县自然资源局"});
  CHECK(Units("县司法局、县民政局、 县住建局、县自然资 源局").units ==
        Names{"县司法局", "县民政局", "县住建局", "县自然资源局"});
  // A space between a complete name and a name that starts like a unit separates them.
  CHECK(Units("县发改局 县教体局").units == Names{"县发改局", "县教体局"});
}

TEST_CASE("NormalizeUnits: \"X牵头，Y配合\" gives lead and support units", "[normalize]") {
  UnitList u = Units("市司法局牵头，市发改局、财政局配合");
  CHECK(u.lead == Names{"市司法局"});
  CHECK(u.support == Names{"市发改局", "市财政局"});
  CHECK(u.units == Names{"市司法局", "市发改局", "市财政局"});
  CHECK_FALSE(u.open);

  UnitList v = Units("县政府办公室牵头，各镇街、县直各部门配合");
  CHECK(v.lead == Names{"县政府办公室"});
  CHECK(v.support == Names{"各镇街", "县直各部门"});
}

TEST_CASE("NormalizeUnits: a keyed clause gives roles and keeps the deadline it names", "[normalize]") {
  UnitList u = Units("牵头单位：县财政局；配合单位：县审计局，6月底前完成");
  CHECK(u.lead == Names{"县财政局"});
  CHECK(u.support == Names{"县审计局"});
  CHECK(u.units == Names{"县财政局", "县审计局"});
  CHECK(u.deadline == "6月底前完成");
  CHECK(Units("县财政局、县审计局").deadline.empty());
  CHECK(Units("牵头单位：县财政局").deadline.empty());
}

TEST_CASE("NormalizeUnits: a plain list has no lead or support", "[normalize]") {
  UnitList u = Units("县财政局、县税务局");
  CHECK(u.units == Names{"县财政局", "县税务局"});
  CHECK(u.lead.empty());
  CHECK(u.support.empty());
}

TEST_CASE("NormalizeUnits: 以及 separates two names", "[normalize]") {
  // Regression test; the bug was: the separator 及 splits 以及 in the middle and leaves "市财政局以".
  CHECK(Units("市财政局以及各县区政府").units == Names{"市财政局", "各县区政府"});
}

TEST_CASE("NormalizeUnits: warnings carry their own codes", "[normalize]") {
  UnitList marks = Units("‖ 区司法局 ‖");
  CHECK(marks.units == Names{"区司法局"});
  REQUIRE(marks.warnings.size() == 1);
  CHECK(marks.warnings[0].code == "units.rule_marks");
  UnitList debris = Units("区司法局、丶");
  REQUIRE(debris.warnings.size() == 1);
  CHECK(debris.warnings[0].code == "units.unreadable");
}

TEST_CASE("NormalizeUnits: a lone character after a whole name is OCR noise", "[normalize]") {
  // 县政府办公室 口: a box or rule OCR read as 口; dropped with a warning.
  UnitList box = Units("县政府办公室 口");
  CHECK(box.units == Names{"县政府办公室"});
  REQUIRE(box.warnings.size() == 1);
  CHECK(box.warnings[0].code == "units.unreadable");
  // A wrapped name's tail completes it (县公共资源交易 / 中心), and 等 is a word.
  CHECK(Units("县公共资源交易 中心").units == Names{"县公共资源交易中心"});
  CHECK(Units("县财政局、县审计局 等").units == Names{"县财政局", "县审计局"});
  CHECK(Units("县财政局、县审计局 等").warnings.empty());
}

TEST_CASE("NormalizeUnits: a table-rule mark between two names separates them", "[normalize]") {
  // OCR read a cell's inner rule as 丨 inside a full row (no cell short to split).
  UnitList u = Units("区教体局 丨 区财政局");
  CHECK(u.units == Names{"区教体局", "区财政局"});
  REQUIRE(u.warnings.size() == 1);
  CHECK(u.warnings[0].code == "units.rule_marks");
  // The level carries across it as across 、 (市发改局丨教体局).
  CHECK(Units("市发改局丨教体局").units == Names{"市发改局", "市教体局"});
  CHECK(Units("区司法局丨").units == Names{"区司法局"});  // at the edge: stripped
}

TEST_CASE("NormalizeUnits: an empty cell is an empty list", "[normalize]") {
  UnitList u = Units("  ");
  CHECK(u.units.empty());
  CHECK_FALSE(u.open);
  CHECK(u.warnings.empty());
}

// ---------------------------------------------------------------- ResolveDeadline

TEST_CASE("ResolveDeadline: a month with its year", "[normalize]") {
  Deadline d = Due("2023年6月底前", YearContext{});
  CHECK(Opt(d.text) == "2023年6月底前");
  CHECK(Dump(d) == "by_date 2023-06-30 month text");
}

TEST_CASE("ResolveDeadline: a month without a year takes the title's", "[normalize]") {
  CHECK(Dump(Due("12月底前")) == "by_date 2023-12-31 month title");
  Deadline spaced = Due("12 月底前");  // PDF extraction spaces
  CHECK(Opt(spaced.text) == "12月底前");
  CHECK(Dump(spaced) == "by_date 2023-12-31 month title");
}

TEST_CASE("ResolveDeadline: 上旬 / 中旬 end on the 10th / 20th", "[normalize]") {
  // Regression test; the bug was: the month rule accepts 上旬/中旬/下旬 but dates them all at the month's
  // end; OUTPUT.md: date is the inclusive end of the period.
  CHECK(Dump(Due("12月上旬前")) == "by_date 2023-12-10 month title");
  CHECK(Dump(Due("12月中旬")) == "by_date 2023-12-20 month title");
  CHECK(Dump(Due("12月下旬")) == "by_date 2023-12-31 month title");
}

TEST_CASE("ResolveDeadline: a day", "[normalize]") {
  CHECK(Dump(Due("9月30日前")) == "by_date 2023-09-30 day title");
  CHECK(Dump(Due("2023年9月30日前")) == "by_date 2023-09-30 day text");
  CHECK(Dump(Due("2023 年 9 月 30 日")) == "by_date 2023-09-30 day text");
}

TEST_CASE("ResolveDeadline: the end of February in leap and common years", "[normalize]") {
  CHECK(Opt(Due("2024年2月底前").date) == "2024-02-29");
  CHECK(Opt(Due("2023年2月底前").date) == "2023-02-28");
  CHECK(Opt(Due("2000年2月底前").date) == "2000-02-29");
  CHECK(Opt(Due("2100年2月底前").date) == "2100-02-28");
  CHECK(Opt(Due("2月底前", TitleYear(2024)).date) == "2024-02-29");
}

TEST_CASE("ResolveDeadline: quarters, halves and year ends", "[normalize]") {
  CHECK(Dump(Due("第三季度")) == "by_date 2023-09-30 quarter title");
  CHECK(Dump(Due("2023年第一季度末")) == "by_date 2023-03-31 quarter text");
  CHECK(Dump(Due("上半年")) == "by_date 2023-06-30 half title");
  CHECK(Dump(Due("下半年")) == "by_date 2023-12-31 half title");
  CHECK(Dump(Due("2023年底前")) == "by_date 2023-12-31 year text");
  CHECK(Dump(Due("年底前")) == "by_date 2023-12-31 year title");
}

TEST_CASE("ResolveDeadline: the whole year", "[normalize]") {
  CHECK(Dump(Due("全年")) == "year_round 2023-12-31 year title");
  CHECK(Dump(Due("年内")) == "year_round 2023-12-31 year title");
  CHECK(Dump(Due("2023年")) == "year_round 2023-12-31 year text");
}

TEST_CASE("ResolveDeadline: ongoing work has no due date", "[normalize]") {
  for (const char* text : {"长期坚持", "持续推进", "常态化", "长期"}) {
    CAPTURE(text);
    Deadline d = Due(text);
    CHECK(d.kind == "ongoing");
    CHECK_FALSE(d.date);
    CHECK(Opt(d.text) == text);
  }
}

TEST_CASE("ResolveDeadline: recurring deadlines are due this year", "[normalize]") {
  CHECK(Dump(Due("每年3月31日前")) == "recurring 2023-03-31 day title");
  CHECK(Opt(Due("每年3月底前").date) == "2023-03-31");
  CHECK(Due("每年3月底前").kind == "recurring");
}

TEST_CASE("ResolveDeadline: full-width digits", "[normalize]") {
  CHECK(Opt(Due("２０２３年６月底前").date) == "2023-06-30");
}

TEST_CASE("ResolveDeadline: unknown text keeps the text, kind none, and warns", "[normalize]") {
  std::vector<std::string> warnings;
  Deadline d = Due("根据上级部署安排", TitleYear(2023), &warnings);
  CHECK(Opt(d.text) == "根据上级部署安排");
  CHECK(Dump(d) == "none null null null");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("根据上级部署安排") != std::string::npos);
  // Without a warnings vector it still resolves.
  CHECK(Due("根据上级部署安排").kind == "none");
}

TEST_CASE("ResolveDeadline: impossible dates are not understood", "[normalize]") {
  std::vector<std::string> warnings;
  CHECK(Dump(Due("13月底前", TitleYear(2023), &warnings)) == "none null null null");
  CHECK(Dump(Due("2023年2月30日前", TitleYear(2023), &warnings)) == "none null null null");
  CHECK(warnings.size() == 2);
}

TEST_CASE("ResolveDeadline: an empty cell is no deadline", "[normalize]") {
  Deadline d = Due("");
  CHECK_FALSE(d.text);
  CHECK(Dump(d) == "none null null null");
}

TEST_CASE("ResolveDeadline: a missing year comes from title, else date, else option", "[normalize]") {
  YearContext all;
  all.title = 2023;
  all.date = 2022;
  all.option = 2021;
  CHECK(Dump(Due("6月底前", all)) == "by_date 2023-06-30 month title");
  YearContext date_option;
  date_option.date = 2022;
  date_option.option = 2021;
  CHECK(Dump(Due("6月底前", date_option)) == "by_date 2022-06-30 month date");
  YearContext option;
  option.option = 2021;
  CHECK(Dump(Due("6月底前", option)) == "by_date 2021-06-30 month option");
  // A year in the text beats every context.
  CHECK(Dump(Due("2024年6月底前", all)) == "by_date 2024-06-30 month text");
}

TEST_CASE("ResolveDeadline: no year anywhere leaves the date null and warns", "[normalize]") {
  std::vector<std::string> warnings;
  Deadline d = Due("6月底前", YearContext{}, &warnings);
  CHECK_FALSE(d.date);
  CHECK_FALSE(d.year_source);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("--") == std::string::npos);  // the CLI adds its option (cli/report.h FormatAdvice)
}

TEST_CASE("ResolveDeadline: a title's year that puts a yearless deadline before the notice's date gives way", "[normalize]") {
  // 关于做好2024年度市场主体年报工作的通知, issued 2025-02-24: 6月底前 is 2025's.
  YearContext years = TitleYear(2024);
  years.date = 2025;
  years.doc_date = "2025-02-24";
  std::vector<std::string> warnings;
  CHECK(Dump(Due("6月底前", years, &warnings)) == "by_date 2025-06-30 month date");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("2024-06-30") != std::string::npos);
  CHECK(Dump(Due("12月底前", years)) == "by_date 2025-12-31 month date");
  // A year printed in the cell is the cell's.
  CHECK(Dump(Due("2024年6月底前", years)) == "by_date 2024-06-30 month text");
  // After the notice's date: the title's year stands, unsaid.
  years.title = 2025;
  warnings.clear();
  CHECK(Dump(Due("6月底前", years, &warnings)) == "by_date 2025-06-30 month title");
  CHECK(warnings.empty());
}

TEST_CASE("ResolveDeadline: 每年3月31日前 is the first occurrence on or after the document's date", "[normalize]") {
  YearContext august = TitleYear(2023);
  august.date = 2023;
  august.doc_date = "2023-08-09";
  CHECK(Dump(Due("每年3月31日前", august)) == "recurring 2024-03-31 day date");
  YearContext march = august;
  march.doc_date = "2023-03-31";  // on the day itself: that day
  CHECK(Dump(Due("每年3月31日前", march)) == "recurring 2023-03-31 day date");
  YearContext leap = august;
  leap.doc_date = "2023-03-01";
  CHECK(Dump(Due("每年2月底前", leap)) == "recurring 2024-02-29 month date");
  // No document date: the plan year's.
  CHECK(Dump(Due("每年3月31日前")) == "recurring 2023-03-31 day title");
}

TEST_CASE("ResolveDeadline: a deadline recurring within the year is due at the first period's end on or after the document's date", "[normalize]") {
  YearContext may = TitleYear(2023);
  may.date = 2023;
  may.doc_date = "2023-05-20";
  CHECK(Dump(Due("每季度", may)) == "recurring 2023-06-30 quarter date");
  CHECK(Dump(Due("每季度末", may)) == "recurring 2023-06-30 quarter date");
  CHECK(Dump(Due("每月", may)) == "recurring 2023-05-31 month date");
  CHECK(Dump(Due("每月底前", may)) == "recurring 2023-05-31 month date");
  CHECK(Dump(Due("每半年", may)) == "recurring 2023-06-30 half date");
  CHECK(Dump(Due("每年年底前", may)) == "recurring 2023-12-31 year date");
  // 每月15日前: the 15th has passed in May, so June's.
  CHECK(Dump(Due("每月15日前", may)) == "recurring 2023-06-15 day date");
  CHECK(Dump(Due("每月25日前", may)) == "recurring 2023-05-25 day date");
  YearContext december = may;
  december.doc_date = "2023-12-20";
  CHECK(Dump(Due("每月15日前", december)) == "recurring 2024-01-15 day date");
  CHECK(Dump(Due("每季度", december)) == "recurring 2023-12-31 quarter date");
  // 每月31日前 in a short month is its last day.
  YearContext february = may;
  february.doc_date = "2023-02-03";
  CHECK(Dump(Due("每月31日前", february)) == "recurring 2023-02-28 day date");
  // No document date: the plan year's first period.
  CHECK(Dump(Due("每季度")) == "recurring 2023-03-31 quarter title");
  // 每周 names no day its first time falls on: no date, said.
  std::vector<std::string> warnings;
  CHECK(Dump(Due("每周", may, &warnings)) == "recurring null null null");
  CHECK(warnings.size() == 1);
  warnings.clear();
  // A day of the week: the first such day on or after the document's date (2023-05-20, a Saturday).
  CHECK(Dump(Due("每周五前", may)) == "recurring 2023-05-26 day date");
  CHECK(Dump(Due("每周六", may)) == "recurring 2023-05-20 day date");
  CHECK(Dump(Due("每星期日前", may)) == "recurring 2023-05-21 day date");
  CHECK(Dump(Due("每周五前")) == "recurring 2023-01-06 day title");  // no document date: the plan year's first
  CHECK(Dump(Due("每2周一次", may, &warnings)) == "recurring null null null");
  CHECK(warnings.size() == 1);
  warnings.clear();
  // No year anywhere: no date, and a warning.
  CHECK(Dump(Due("每季度", YearContext{}, &warnings)) == "recurring null quarter null");
  CHECK(warnings.size() == 1);
}

TEST_CASE("ResolveDeadline: 年内完成, 全年完成, 即时公开 and 每季度末更新 are read", "[normalize]") {
  CHECK(Dump(Due("年内完成")) == "year_round 2023-12-31 year title");
  CHECK(Dump(Due("全年完成")) == "year_round 2023-12-31 year title");
  CHECK(Dump(Due("2025年年内完成")) == "year_round 2025-12-31 year text");
  CHECK(Due("一年内完成").kind == "none");  // a span from some start, not the plan year
  CHECK(Dump(Due("即时公开")) == "ongoing null null null");
  CHECK(Dump(Due("实时更新")) == "ongoing null null null");
  YearContext feb = TitleYear(2025);
  feb.date = 2025;
  feb.doc_date = "2025-02-26";
  CHECK(Dump(Due("每季度末更新", feb)) == "recurring 2025-03-31 quarter date");
}

TEST_CASE("ResolveDeadline: n days after a recurring period's end is the first such day on or after the document's date", "[normalize]") {
  YearContext c = TitleYear(2025);
  c.date = 2025;
  c.doc_date = "2025-02-26";  // 15 days after Q4 2024 is past: 15 days after Q1
  CHECK(Dump(Due("每季度结束后15日内", c)) == "recurring 2025-04-15 day date");
  c.doc_date = "2025-04-10";  // 15 days after Q1 is still ahead
  CHECK(Dump(Due("每季度结束后15日内", c)) == "recurring 2025-04-15 day date");
  c.doc_date = "2025-04-16";
  CHECK(Dump(Due("每季度结束后15日内", c)) == "recurring 2025-07-15 day date");
  c.doc_date = "2025-12-20";  // Q4's falls in the next year
  CHECK(Dump(Due("每季度结束后15日内", c)) == "recurring 2026-01-15 day date");
  c.doc_date = "2025-02-05";  // 10 days after January's end is ahead
  CHECK(Dump(Due("每月结束后10日内", c)) == "recurring 2025-02-10 day date");
  c.doc_date = "2025-02-12";  // past: 10 days after February's end (28 days)
  CHECK(Dump(Due("每月结束后10日内", c)) == "recurring 2025-03-10 day date");
  CHECK(Due("每季度结束后15个工作日内", c).kind == "none");  // working days: no honest date
}

TEST_CASE("ResolveDeadline: counted days cross weekends, month ends, leap days, years", "[normalize]") {
  YearContext c = TitleYear(2024);
  c.date = 2024;
  c.doc_date = "2024-12-27";  // a Friday: Dec 30, 31, Jan 1-3, 6-10
  CHECK(Dump(Due("本通知印发之日起10个工作日内", c)) == "by_date 2025-01-10 day date");
  c.doc_date = "2024-02-15";  // 2024 is a leap year: Feb 29 is day 14
  CHECK(Dump(Due("印发之日起30日内", c)) == "by_date 2024-03-16 day date");
  c.doc_date = "2024-03-02";  // a Saturday: the next weekday is Monday
  CHECK(Dump(Due("本通知印发之日起1个工作日内", c)) == "by_date 2024-03-04 day date");
  c.doc_date = "2024-02-20";  // 10 days after January's end is past: after February's (29 days)
  CHECK(Dump(Due("每月结束后10日内", c)) == "recurring 2024-03-10 day date");
  c.doc_date = "2100-02-01";  // 2100 is no leap year
  CHECK(Dump(Due("每年2月底前", c)) == "recurring 2100-02-28 month date");
}

TEST_CASE("ResolveDeadline: two checkpoints (6月、12月) are due at the last, with a warning", "[normalize]") {
  std::vector<std::string> warnings;
  CHECK(Dump(Due("6月、12月", TitleYear(2025), &warnings)) == "by_date 2025-12-31 month title");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("12月") != std::string::npos);
  warnings.clear();
  CHECK(Dump(Due("2025年6月底前启动，年内完成", TitleYear(2025), &warnings)) == "year_round 2025-12-31 year text");
  CHECK(warnings.size() == 1);
}

TEST_CASE("ResolveDeadline: dates in Chinese numerals", "[normalize]") {
  CHECK(Dump(Due("二〇二五年十月底前")) == "by_date 2025-10-31 month text");
  CHECK(Dump(Due("二○二五年六月底前")) == "by_date 2025-06-30 month text");  // ○ U+25CB for 〇
  CHECK(Dump(Due("十月底前")) == "by_date 2023-10-31 month title");
  CHECK(Dump(Due("十二月三十一日前")) == "by_date 2023-12-31 day title");
  CHECK(Dump(Due("6月三十日前")) == "by_date 2023-06-30 day title");
  CHECK(Due("二月三十日前").kind == "none");
}

TEST_CASE("ResolveDeadline: 次年, 下一年度 and 明年 are the year after the plan's", "[normalize]") {
  CHECK(Dump(Due("次年1月底前", TitleYear(2025))) == "by_date 2026-01-31 month title");
  CHECK(Dump(Due("下一年度3月底前", TitleYear(2025))) == "by_date 2026-03-31 month title");
  CHECK(Dump(Due("明年6月底前", TitleYear(2025))) == "by_date 2026-06-30 month title");
  CHECK(Dump(Due("次年第一季度", TitleYear(2025))) == "by_date 2026-03-31 quarter title");
  YearContext dated;
  dated.date = 2025;
  CHECK(Dump(Due("次年1月底前", dated)) == "by_date 2026-01-31 month date");
  CHECK(Dump(Due("下半年", TitleYear(2025))) == "by_date 2025-12-31 half title");  // 下 + 半年, not 下年
}

// ---------------------------------------------------------------- unit lists with roles

TEST_CASE("NormalizeUnits: role words sort a list into lead and support", "[normalize]") {
  UnitList u = Units("区发改局牵头，区财政局配合");
  CHECK(u.units == Names{"区发改局", "区财政局"});
  CHECK(u.lead == Names{"区发改局"});
  CHECK(u.support == Names{"区财政局"});
  UnitList alone = Units("区财政局配合");
  CHECK(alone.units == Names{"区财政局"});
  CHECK(alone.support == Names{"区财政局"});
  CHECK(alone.lead.empty());
  UnitList guide = Units("省教育厅指导，各市政府负责");
  CHECK(guide.units == Names{"省教育厅", "各市政府"});
  CHECK(guide.guide == Names{"省教育厅"});
  CHECK(guide.lead.empty());
  CHECK(guide.support.empty());
}

TEST_CASE("NormalizeUnits: a role word inside brackets or inside a name is not a role", "[normalize]") {
  UnitList u = Units("各县（市、区）政府（管委会）、市协同办");
  CHECK(u.units == Names{"各县（市、区）政府（管委会）", "市协同办"});
  CHECK(u.lead.empty());
}

TEST_CASE("NormalizeUnits: collective names keep their inner separators", "[normalize]") {
  CHECK(Units("各县、市、区政府").units == Names{"各县、市、区政府"});
  CHECK(Units("各县、市、区人民政府，市直各部门").units == Names{"各县、市、区人民政府", "市直各部门"});
  // 各县 followed by another name is not a collective: 各县 + 市直各部门.
  CHECK(Units("各县、市直各部门").units == Names{"各县", "市直各部门"});
}

TEST_CASE("NormalizeUnits: X及Y splits the same way everywhere", "[normalize]") {
  CHECK(Units("市财政局及市审计局").units == Names{"市财政局", "市审计局"});
  CHECK(Units("市审计局、市财政局及市税务局").units == Names{"市审计局", "市财政局", "市税务局"});
}

TEST_CASE("NormalizeUnits: 等 and 等有关部门 at the end of a list set units_open", "[normalize]") {
  UnitList u = Units("市发展改革委等有关部门和单位按职责分工负责");
  CHECK(u.units == Names{"市发展改革委"});
  CHECK(u.open);
  UnitList mid = Units("市经信局、滁州经开区管委会等，各县、市、区政府");
  CHECK(mid.units == Names{"市经信局", "滁州经开区管委会", "各县、市、区政府"});
  CHECK(mid.open);
}

TEST_CASE("a unit name that stops inside a unit suffix was cut mid-name", "[normalize]") {
  const noticetab::Rules& r = noticetab::BuiltinRules();
  CHECK(noticetab::CutSuffix("各街道办事", r) == "办事处");
  CHECK(noticetab::CutSuffix("县政务服务中", r) == "服务中心");
  CHECK(noticetab::CutSuffix("市政府办公", r) == "办公室");
  // Whole names, collective ones and names ending in an org suffix are not cut.
  for (const char* whole : {"各街道办事处", "县政务服务中心", "县人社局", "各乡镇", "市直各部门", "县委", "各有关单位"}) {
    INFO(whole);
    CHECK(noticetab::CutSuffix(whole, r).empty());
  }
  noticetab::Document doc;
  doc.tasks.resize(4);
  doc.tasks[0].units = {"县司法局", "各街道办事"};
  doc.tasks[1].units = {"县司法局"};
  noticetab::FlagCutUnits(doc, r);
  REQUIRE(doc.tasks[0].diagnostics.size() == 1);
  CHECK(doc.tasks[0].diagnostics[0].code == "units.cut");
  CHECK(doc.tasks[0].warnings.size() == 1);
  CHECK(doc.tasks[1].diagnostics.empty());
  CHECK(doc.diagnostics.empty());  // one task in four: a row warning only
  doc.tasks[2].units = {"县政务服务中"};
  noticetab::FlagCutUnits(doc, r);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].code == "rows.cut");
}

TEST_CASE("ResolveDeadline: numeric dates, month ranges, 今年底, 2023年内", "[normalize]") {
  CHECK(Dump(Due("2023.06.30")) == "by_date 2023-06-30 day text");
  CHECK(Dump(Due("2024/6/30前")) == "by_date 2024-06-30 day text");
  CHECK(Dump(Due("2023年6月—12月")) == "by_date 2023-12-31 month text");  // due at the period's end
  CHECK(Dump(Due("6-9月")) == "by_date 2023-09-30 month title");
  CHECK(Dump(Due("6月至8月")) == "by_date 2023-08-31 month title");
  CHECK(Dump(Due("今年底前")) == "by_date 2023-12-31 year title");
  CHECK(Dump(Due("2023年内")) == "year_round 2023-12-31 year text");
  CHECK(Due("2023.13.30").kind == "none");  // no 13th month
}

TEST_CASE("ResolveDeadline: several steps in one cell are due at the last, with a warning", "[normalize]") {
  std::vector<std::string> warnings;
  Deadline d = Due("2024年9月底前启动，12月底前完成", TitleYear(2023), &warnings);
  CHECK(Opt(d.text) == "2024年9月底前启动，12月底前完成");  // printed as is
  CHECK(Dump(d) == "by_date 2024-12-31 month text");           // the cell's own year, not the title's
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("12月底前") != std::string::npos);  // the words read, without the step's 完成
  warnings.clear();
  CHECK(Dump(Due("2023年6月底前完成并长期坚持", TitleYear(2023), &warnings)) == "by_date 2023-06-30 month text");
  CHECK(warnings.size() == 1);
  // A start date is no deadline: not understood, the text kept.
  CHECK(Due("2023年7月1日起").kind == "none");
}
