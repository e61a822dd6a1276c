// The table readers' fast paths (cut7) give the answers of the plain code
// they replace: each case runs both on varied input and compares.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/load.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"

using noticetab::Line;
using noticetab::LineKind;

namespace {

const noticetab::Rules& R() { return noticetab::BuiltinRules(); }

struct Notice {
  noticetab::Source src;
  std::vector<Line> lines;
  explicit Notice(const std::string& text) : src(noticetab::Decode(text, "t.txt")) {
    lines = noticetab::ClassifyLines(src, R());
  }
};

}  // namespace

TEST_CASE("cut7: cells cut from a line searched once for damage are those CellAt gives", "[cut7]") {
  // Tab and pipe tables whose cells hold damage markers (U+FFFD, "(cid:") or not.
  const std::string tabs =
      "序号\t工作任务\t牵头单位\t完成时限\n"
      "1\t推进\xEF\xBF\xBD项目建设工作\t市发展改革委\t2024年6月底前\n"
      "2\t完善(cid:12)制度\t市财政局 \t 2024年底前\n"
      "3\t加强监督管理工作\t市市场监管局\t长期坚持\n"
      "一段续行文字\xEF\xBF\xBD\n"
      "4\t\t(cid:7)\t\n";
  const std::string pipes =
      "| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n"
      "| 1 | 推进\xEF\xBF\xBD项目建设 | 市发展改革委 | 2024年6月底前 |\n"
      "| 2 | 完善制度 | 市财政局(cid:9) | 2024年底前 |\n"
      "| 3 | 加强监督管理 | 市市场监管局 | 长期 |\n";
  for (const std::string& text : {tabs, pipes}) {
    Notice n(text);
    size_t at = 0;
    const noticetab::Reader* reader = nullptr;
    REQUIRE(noticetab::FindTable(n.lines, 0, R(), &at, &reader));
    const noticetab::Grid g = reader->cut(n.lines, at, R());
    int cells = 0, damaged = 0;
    for (const auto& row : g.rows)
      for (const auto& c : row.cells) {
        if (c.span.first_line == 0 || c.span.end == 0) continue;
        const Line& l = n.lines[static_cast<size_t>(c.span.first_line - 1)];
        const std::string_view piece = std::string_view(n.src.text()).substr(c.span.begin, c.span.end - c.span.begin);
        const noticetab::GridCell plain = noticetab::CellAt(n.lines, l, piece);
        CHECK(c.text == plain.text);
        CHECK(c.damaged == plain.damaged);
        CHECK(c.span.begin == plain.span.begin);
        CHECK(c.span.end == plain.span.end);
        ++cells;
        damaged += c.damaged;
      }
    CHECK(cells >= 12);
    CHECK(damaged >= 2);
  }
}

TEST_CASE("cut7: SplitTabs into a kept vector is SplitTabs", "[cut7]") {
  std::vector<std::string_view> kept = {"left", "over"};
  for (std::string_view s : {"", "a", "\t", "1\t\t 具体要求 \t", " x \t y\t\tz ", "无表格"}) {
    noticetab::SplitTabs(s, &kept);
    CHECK(kept == noticetab::SplitTabs(s));
  }
}

