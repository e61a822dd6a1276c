// HeadingStyle, the style-only twin of MatchHeading that ClassifyTrimmed
// asks once per cell: it must name the style MatchHeading finds (-1 where
// it finds none) on every text. Checked on hand-written headings (markdown
// prefixes, each numbering style, spaces, near misses) and on every line and
// tab / pipe cell of the samples and the real corpus, with a spaced variant
// and a markdown-prefixed variant of some.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "test_util.h"

namespace nt = noticetab;

namespace {

const nt::Rules& R() { return nt::BuiltinRules(); }

std::vector<std::string> CorpusTexts() {
  namespace fs = std::filesystem;
  const fs::path root = nt::testing::SourceDir();
  std::vector<std::string> out =
      nt::testing::LinesAndCells({root / "samples", root / "samples" / "composed", root / ".." / "shared" / "corpus" / "real"});
  const size_t plain = out.size();
  for (size_t k = 0; k < plain; k += 5) {
    out.push_back(nt::testing::SpacedChars(out[k]));
    out.push_back("## " + out[k]);
    out.push_back("  " + out[k] + "  ");
  }
  return out;
}

int PlainStyle(std::string_view s) {
  auto h = nt::MatchHeading(s, R());
  return h ? h->style : -1;
}

}  // namespace

TEST_CASE("HeadingStyle names MatchHeading's style on written headings", "[classify][heading_style]") {
  const std::vector<std::string> texts = {
      "", " ", "一、总体要求", "（一）工作目标", "(二)主要任务", "1.加强领导", "1、加强领导", "（1）落实责任",
      "(3) 细化", "第一条 总则", "第十二章 附则", "## 一、总体要求", "# （三）保障措施", "### 2. 标题",
      "一 、 总体", "十一、其他", "一是加强", "一", "（一", "1", "12.", "2023年12月底前", "各县区人民政府",
      "①完成", "⑴ 完成", "A. 任务", "** 一、加粗", "> 一、引用", "　一、全角空格", "三、\t表格", "\xEF\xBF\xBD一、",
      "一、", "（一）", "1.", "### ", "#一、无空格"};
  for (const auto& t : texts) {
    INFO(t);
    CHECK(nt::HeadingStyle(t, R()) == PlainStyle(t));
  }
}

TEST_CASE("HeadingStyle names MatchHeading's style on the corpus", "[classify][heading_style]") {
  const std::vector<std::string> texts = CorpusTexts();
  REQUIRE(texts.size() > 2000);
  size_t headings = 0, differ = 0;
  for (const auto& t : texts) {
    const int plain = PlainStyle(t);
    headings += plain >= 0;
    if (nt::HeadingStyle(t, R()) != plain && ++differ <= 10)
      FAIL_CHECK("HeadingStyle " << nt::HeadingStyle(t, R()) << ", MatchHeading " << plain << ": " << t);
  }
  CHECK(differ == 0);
  CHECK(headings > 500);  // the texts reach the styles
}
