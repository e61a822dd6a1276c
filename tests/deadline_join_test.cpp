// Stage 5, repair: a deadline cell that is only a year (2023年) is joined with
// the next row's only when the two read as one deadline.
#include <catch2/catch.hpp>
#include <string>

#include "noticetab/read.h"
#include "noticetab/repair.h"
#include "noticetab/rules.h"

namespace {

using noticetab::Row;
using noticetab::Table;

Table TwoRows(const std::string& first, const std::string& second) {
  Table t;
  for (int j = 0; j < 2; ++j) {
    Row r;
    r.seq = j + 1;
    r.first_line = r.last_line = j + 1;
    r.content.text = j == 0 ? "公开预算信息。" : "公开决算信息。";
    r.deadline.text = j == 0 ? first : second;
    t.rows.push_back(r);
  }
  noticetab::RepairTable(t, noticetab::BuiltinRules());
  return t;
}

}  // namespace

TEST_CASE("a year-only deadline cell goes on in the next row's when the two read as one", "[repair]") {
  Table t = TwoRows("2023年", "12月底前");  // a merged cell's wrap
  CHECK(t.rows[0].deadline.text == "2023年12月底前");
  CHECK(t.rows[1].deadline.text == "2023年12月底前");
}

TEST_CASE("a year-only deadline cell is a deadline of its own when the two do not read as one", "[repair]") {
  Table t = TwoRows("2025年度", "第二季度末");  // two rows, each its own deadline
  CHECK(t.rows[0].deadline.text == "2025年度");
  CHECK(t.rows[1].deadline.text == "第二季度末");
  CHECK(t.rows[0].warnings.empty());
  t = TwoRows("2025年", "持续推进");
  CHECK(t.rows[0].deadline.text == "2025年");
  CHECK(t.rows[1].deadline.text == "持续推进");
}

TEST_CASE("a year-only deadline cell in Chinese numerals goes on in the next row's", "[repair]") {
  Table t = TwoRows("二〇二五年", "十月底前");
  CHECK(t.rows[0].deadline.text == "二〇二五年十月底前");
  CHECK(t.rows[1].deadline.text == "二〇二五年十月底前");
}
