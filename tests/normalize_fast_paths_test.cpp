// The fast paths of the tasks stages (normalize, clauses, cutunits) give the
// answers of the plain paths they stand for, on varied inputs.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "noticetab/normalize.h"
#include "noticetab/repair.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "stages.h"
#include "test_util.h"

namespace noticetab {
namespace {

const Rules& R() { return BuiltinRules(); }

// The built-in rules with every first- and last-character filter bit set,
// as in a Rules built by hand: every word is compared everywhere.
const Rules& Every() {
  static const Rules every = [] {
    Rules r = LoadRules(testing::SourceDir() + "/rules");
    r.role_word_firsts = r.role_word_firsts_mid = ~uint64_t{0};
    r.open_tail_ends = r.org_suffix_ends = ~uint64_t{0};
    return r;
  }();
  return every;
}

// A deterministic generator of texts made of pieces that matter to the
// stages (names, role words, separators, brackets, spaces).
struct Texts {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  uint64_t Next() {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  }
  std::string Make(const std::vector<std::string>& pieces, size_t most) {
    std::string s;
    const size_t n = Next() % (most + 1);
    for (size_t k = 0; k < n; ++k) s += pieces[Next() % pieces.size()];
    return s;
  }
};


TEST_CASE("FlagCutUnits gives each name CutSuffix's answer, names repeated or not", "[normalize_fast]") {
  const std::vector<std::string> names = {"各街道办事", "县政务服务中", "市财政局", "县政府", "市发展改革委",
                                          "各镇人民政", "市 直机关工委", "县 政务服务中", "领导小", "公"};
  Texts gen;
  Document doc;
  for (int k = 0; k < 300; ++k) {
    Task t;
    t.id = k + 1;
    const size_t n = gen.Next() % 5;
    for (size_t j = 0; j < n; ++j) t.units.push_back(names[gen.Next() % names.size()]);
    doc.tasks.push_back(t);
  }
  Document plain = doc;
  FlagCutUnits(doc, R());
  size_t cut = 0;
  for (size_t k = 0; k < doc.tasks.size(); ++k) {
    std::vector<std::string> want;
    for (const auto& n : plain.tasks[k].units)
      if (std::string full = CutSuffix(n, R()); !full.empty())
        want.push_back("unit name looks cut: " + n + " (ends inside " + full + "); check the source");
    CHECK(doc.tasks[k].warnings == want);
    for (const auto& n : plain.tasks[k].units) CHECK(CutSuffix(n, R()) == CutSuffix(n, Every()));
    cut += !want.empty();
  }
  CHECK(cut > 50);
}

TEST_CASE("SplitRoleRuns and NormalizeUnits with the loaded filters answer as comparing everywhere", "[normalize_fast]") {
  const Rules& every = Every();
  CHECK(R().role_word_firsts != ~uint64_t{0});
  CHECK(R().open_tail_ends != ~uint64_t{0});
  const std::vector<std::string> pieces = {"市发改委", "牵头", "配合", "负责", "，", "、", "（", "）", " ", "区财政局",
                                           "参与", "指导", "按职责分工负责", "共同参与", "等配合", "局", "落实", "；", "等部门",
                                           "等有关单位", "。", "市场监管局", "县", "等"};
  Texts gen;
  size_t roles = 0, opens = 0;
  for (int k = 0; k < 5000; ++k) {
    const std::string text = gen.Make(pieces, 10);
    const auto fast = SplitRoleRuns(text, R());
    const auto plain = SplitRoleRuns(text, every);
    INFO(text);
    REQUIRE(fast.size() == plain.size());
    for (size_t j = 0; j < fast.size(); ++j) {
      CHECK(fast[j].role == plain[j].role);
      CHECK(fast[j].text == plain[j].text);
      roles += fast[j].role != ClauseRole::kNone;
    }
    const UnitList u = NormalizeUnits(text, R()), v = NormalizeUnits(text, every);
    CHECK(u.units == v.units);
    CHECK(u.lead == v.lead);
    CHECK(u.support == v.support);
    CHECK(u.guide == v.guide);
    CHECK(u.open == v.open);
    CHECK(u.warnings == v.warnings);
    opens += u.open;
  }
  CHECK(roles > 1000);
  CHECK(opens > 100);
}

Row MakeRow(int k) {
  static const std::vector<std::string> units = {"市财政局", "县发改局、县教体局", "区住建局牵头，区财政局配合", "",
                                                 "县自然资 源局"};
  static const std::vector<std::string> deadlines = {"2023年12月底前", "长期坚持", "", "6月底", "每年3月31日前"};
  Row r;
  r.seq = k + 1;
  r.first_line = r.last_line = 10 + k;
  r.content.text = k % 11 == 0 ? "" : k % 3 == 0 ? "推进 第" + std::to_string(k % 13) + " 项 work  done。"
                                                 : "推进第" + std::to_string(k % 13) + "项工作，";
  r.units.text = units[k % units.size()];
  r.deadline.text = deadlines[k % deadlines.size()];
  if (k % 9 == 0) r.Warn("test.row", "row warning " + std::to_string(k));
  return r;
}

TEST_CASE("TasksFromTable makes the same tasks in order, small table or big", "[normalize_fast]") {
  // A table of up to 1024 rows is made in order, a bigger one last row
  // first: the first 1024 tasks of a 1100-row table are those of its first
  // 1024 rows alone.
  Table small, big;
  for (int k = 0; k < 1100; ++k) {
    if (k < 1024) small.rows.push_back(MakeRow(k));
    big.rows.push_back(MakeRow(k));
  }
  YearContext years;
  years.title = 2023;
  std::vector<std::string> contents;
  for (const Row& r : small.rows) contents.push_back(JoinCjkSpaces(r.content.text));
  const std::vector<Task> a = TasksFromTable(small, {}, years, R());
  const std::vector<Task> b = TasksFromTable(big, {}, years, R());
  REQUIRE(a.size() == 1024);
  REQUIRE(b.size() == 1100);
  for (size_t k = 0; k < a.size(); ++k) {
    CHECK(a[k].id == b[k].id);
    CHECK(a[k].id == static_cast<int>(k) + 1);
    CHECK(a[k].seq == b[k].seq);
    CHECK(a[k].content == b[k].content);
    CHECK(a[k].content == contents[k]);
    CHECK(a[k].units == b[k].units);
    CHECK(a[k].lead_units == b[k].lead_units);
    CHECK(a[k].support_units == b[k].support_units);
    CHECK(a[k].deadline.date == b[k].deadline.date);
    CHECK(a[k].warnings == b[k].warnings);
    CHECK(a[k].first_line == b[k].first_line);
  }
  for (size_t k = 0; k < b.size(); ++k) CHECK(b[k].id == static_cast<int>(k) + 1);
}

}  // namespace
}  // namespace noticetab

namespace noticetab {
namespace {

TEST_CASE("RepairTable joins each spread deadline as it would alone, texts repeated or not", "[normalize_fast]") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"2023年", "12月底前"}, {"2023年", "2024年6月"}, {"2023 年度", "6月"}, {"6月底", "7月"}, {"２０２３年", "9月"},
      {"2023年", "长期"},     {"年", "12月"},         {"2023年", ""}};
  Texts gen;
  Table whole;
  std::vector<size_t> kinds;
  for (int k = 0; k < 400; ++k) {
    const size_t p = gen.Next() % pairs.size();
    kinds.push_back(p);
    for (int j = 0; j < 2; ++j) {
      Row r;
      r.seq = 2 * k + j + 1;
      r.first_line = r.last_line = 2 * k + j + 1;
      r.content.text = "推进工作。";
      r.deadline.text = j == 0 ? pairs[p].first : pairs[p].second;
      whole.rows.push_back(r);
    }
  }
  const Table before = whole;
  RepairTable(whole, R());
  REQUIRE(whole.rows.size() == before.rows.size());
  size_t joined = 0;
  for (size_t k = 0; k < kinds.size(); ++k) {
    Table alone;
    alone.rows = {before.rows[2 * k], before.rows[2 * k + 1]};
    RepairTable(alone, R());
    for (int j = 0; j < 2; ++j) {
      CHECK(whole.rows[2 * k + j].deadline.text == alone.rows[j].deadline.text);
      CHECK(whole.rows[2 * k + j].warnings == alone.rows[j].warnings);
    }
    joined += whole.rows[2 * k].deadline.text != before.rows[2 * k].deadline.text;
  }
  CHECK(joined > 50);  // two pairs in eight read as one deadline (2023年 + 12月底前); the rest stay apart
}

}  // namespace
}  // namespace noticetab

namespace noticetab {
namespace {

TEST_CASE("IsoDate writes what fmt writes", "[normalize_fast]") {
  for (int y : {-10000, -1, 0, 7, 99, 999, 1000, 2023, 9999, 10000, 123456})
    for (int m : {-1, 0, 1, 9, 10, 12, 99, 100})
      for (int d : {-5, 0, 1, 9, 10, 28, 31, 99, 100}) {
        INFO(y << " " << m << " " << d);
        CHECK(IsoDate(y, m, d) == fmt::format("{:04d}-{:02d}-{:02d}", y, m, d));
      }
}

}  // namespace
}  // namespace noticetab
