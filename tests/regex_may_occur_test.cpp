// Regex::MayOccurIn gates a search of a text's pieces with an anchored
// pattern (clauses.cpp ReadOpening tries each sentence): it must not say no
// where some piece matches, whatever the anchors, and says no where a
// required literal is missing.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace noticetab {
namespace {

TEST_CASE("Regex::MayOccurIn: no only where no piece of the text can match", "[regex]") {
  const Regex opening("^(?<c>[^，。]{2,20}?(?:牵头|负责)[，][^。]{2,40}?(?:配合|参与))(?=[，。]|$)");
  const std::string text = "稳定汽车消费。县商务局负责，县财政局配合，落实补贴政策。";
  CHECK_FALSE(opening.Find(text).found);  // anchored: not at the text's start
  CHECK(opening.Find(std::string_view(text).substr(text.find("县商务局"))).found);
  CHECK(opening.MayOccurIn(text));  // the anchor is not looked at
  CHECK_FALSE(opening.MayOccurIn("稳定汽车消费。县商务局负责落实补贴政策。"));  // no 配合 or 参与
  CHECK_FALSE(opening.MayOccurIn("县财政局配合。"));                          // no 牵头 or 负责
  CHECK_FALSE(opening.MayOccurIn(""));
  // A pattern with no literal run: may occur anywhere.
  CHECK(Regex("^[^，]{2,4}$").MayOccurIn("abc"));
}

// A '-' first or last in a set is a member (ICU and regex_lite read it so):
// the set gates its branch, so an alternation whose one branch has no
// literal but such a set (deadlines.yaml hint: 2025.6, 2025-06, 2025/6 |
// 年底 | …) turns away a text holding neither the set's members nor the
// other branches' runs. A '-' in the middle (a range) gives no requirement.
TEST_CASE("Regex::MayOccurIn: a set's first or last '-' is a member", "[regex]") {
  const Regex hint("(?<!\\d)(19|20)\\d\\d[./-]\\d{1,2}|年底|季度");
  CHECK_FALSE(hint.MayOccurIn("县商务局"));
  CHECK_FALSE(hint.Contains("县商务局"));
  for (const char* dated : {"2025-06", "2025.6", "2025/6", "年底前", "一季度"}) {
    INFO(dated);
    CHECK(hint.MayOccurIn(dated));
    CHECK(hint.Contains(dated));
  }
  CHECK_FALSE(Regex("\\d[-.]\\d|年底").MayOccurIn("县商务局"));
  CHECK(Regex("\\d[-.]\\d|年底").Contains("3-4"));
  CHECK(Regex("[a-c]|年底").MayOccurIn("县商务局"));   // a range: none
}


// The gate's scan for a requirement's runs (one pass over the text by the
// runs' last two bytes where the processor has AVX2, memchr per run
// otherwise) agrees with a plain search: each run placed at every offset of
// texts from 0 to 140 bytes (a text shorter than a block, the blocks' seams
// at 32 and 64 bytes, the text's first and last places), runs of one byte
// beside CJK runs, runs sharing their last character, and more runs than
// the one-pass scan takes.
TEST_CASE("Regex::MayOccurIn: a requirement's runs found at every offset", "[regex]") {
  struct Case {
    const char* pattern;
    std::vector<std::string> runs;
  };
  const std::vector<Case> cases = {
      {"(?:牵头|负责)", {"牵头", "负责"}},
      {"(?:第一位|首位)", {"第一位", "首位"}},
      {"[（(]", {"(", "（"}},
      {"[(\\[]", {"(", "["}},
      {"(?:会同|配合|协助|参与|支持|指导|落实)", {"会同", "配合", "协助", "参与", "支持", "指导", "落实"}},
      {"(?:印发|下发|月|年底|年中|年内)", {"印发", "下发", "月", "年底", "年中", "年内"}},
  };
  const std::string filler = "各地区各部门";  // holds no run of any case
  for (const auto& c : cases) {
    const Regex re(c.pattern);
    INFO(c.pattern);
    for (size_t n = 0; n <= 140; ++n) {
      std::string text;
      while (text.size() < n) text += filler;
      text.resize(n, 'x');
      CHECK_FALSE(re.MayOccurIn(text));
      for (const auto& run : c.runs) {
        for (size_t at = 0; at + run.size() <= n; ++at) {
          std::string with = text;
          with.replace(at, run.size(), run);
          INFO("n " << n << " at " << at << " run " << run);
          REQUIRE(re.MayOccurIn(with));
        }
      }
    }
  }
}

}  // namespace
}  // namespace noticetab
