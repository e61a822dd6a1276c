// CellReader::Classify tries the markdown prefix and the heading styles of a
// cell only where their start characters hold the cell's first character
// (LineGates' sets and masks, read once per rules): it must shape every cell
// as ClassifyCell, which asks the styles' set and searches the prefix every
// time. Checked on cells at the gates' edges (each first character headings
// start with, markdown prefixes, brackets, full-width digits, near misses,
// bad bytes) and on every line and cell of the samples and the real corpus
// with markdown-prefixed and bracketed variants.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "stages.h"
#include "test_util.h"

namespace nt = noticetab;

namespace {

const nt::Rules& R() { return nt::BuiltinRules(); }

std::vector<std::string> GateCells() {
  std::vector<std::string> out = {
      "一、总体要求", "十二、加强保障", "一是加强领导", "一体化平台", "（一）围绕中心", "(九) 深入开展", "（1）做好信息公开",
      "(12) 强化监督", "（此件公开发布）", "1.加强培训", "１．加强工作培训", "９、落实", "４、落实", "４．加强工作培训", "-4.要点", "2023.6月底前完成", "1.5亿元资金",
      "12、落实责任", "# 一、标题", "#### 二、围绕行政决策", "- (十二)扎实推进", "* 1.要点", "+ （1）条目", "> 一、引用",
      "-一、无空格", "#一、无空格", "##", "- ", "#", "-", "*", "+", ">", "（", "(", "一", "十", "0", "9", "０",
      "\xFF一、坏字节", "一、\xFF", "\xE4\xB8", "〇一、", "０、", "a", "市财政局", "2023年12月底前", "长期坚持",
  };
  namespace fs = std::filesystem;
  const fs::path root = nt::testing::SourceDir();
  const std::vector<std::string> corpus =
      nt::testing::LinesAndCells({root / "samples", root / "samples" / "composed", root / ".." / "shared" / "corpus" / "real"});
  for (size_t k = 0; k < corpus.size(); ++k) {
    out.push_back(corpus[k]);
    if (k % 4 == 0) out.push_back("## " + corpus[k]);
    if (k % 4 == 1) out.push_back("（" + corpus[k]);
    if (k % 4 == 2) out.push_back("- 1." + corpus[k]);
  }
  return out;
}

}  // namespace

TEST_CASE("CellReader's gated heading test shapes cells as ClassifyCell", "[classify][heading_gate]") {
  const std::vector<std::string> cells = GateCells();
  REQUIRE(cells.size() > 2000);
  const nt::CellReader reader(R());
  size_t differ = 0, labels = 0;
  for (const auto& c : cells) {
    const nt::CellShape gated = reader.Classify(c, reader.Facts(c)), plain = nt::ClassifyCell(c, R());
    labels += plain == nt::CellShape::kSectionLabel || plain == nt::CellShape::kItemLabel;
    if (gated != plain && ++differ <= 10) FAIL_CHECK("CellReader::Classify differs for: " << c);
  }
  CHECK(differ == 0);
  CHECK(labels > 200);  // the styles were searched, and found
}

// ClassifyLines hands the gated junk and heading tests the trimmed text
// (they do not trim it again): lines with spaces, tabs and U+3000 around them
// must still be read as IsJunk and MatchHeading read the raw line.
TEST_CASE("ClassifyLines reads padded lines as IsJunk and MatchHeading do", "[classify][heading_gate]") {
  namespace fs = std::filesystem;
  const fs::path root = nt::testing::SourceDir();
  std::vector<std::string> base = {"关闭窗口", "【打印本页】【关闭窗口】", "第 3 页 共 10 页", "一、总体要求", "（1）做好信息公开",
                                   "## 二、标题", "1.加强培训", "市财政局"};
  for (const auto& l : nt::testing::LinesAndCells({root / "samples"}))
    if (l.find('\n') == std::string::npos && l.find('\r') == std::string::npos) base.push_back(l);
  std::string text;
  size_t k = 0;
  for (const auto& b : base) {
    static const char* const pads[] = {"  ", "\xE3\x80\x80", " \t", ""};
    const char* pad = pads[k++ % 4];
    text += pad + b + pad + "\n";
  }
  const nt::Source src = nt::Decode(text, "padded.txt");
  const std::vector<nt::Line> lines = nt::ClassifyLines(src, R());
  size_t junk = 0, headings = 0, differ = 0;
  for (const nt::Line& l : lines) {
    if (l.kind == nt::LineKind::kBlank) continue;
    const bool is_junk = nt::IsJunk(l.raw, R());
    junk += is_junk;
    const auto h = !is_junk && l.tabs == 0 ? nt::MatchHeading(l.raw, R()) : std::nullopt;
    headings += h.has_value();
    const bool same = is_junk == (l.kind == nt::LineKind::kJunk) && h.has_value() == l.heading.has_value() &&
                      (!h || (h->style == l.heading->style && h->no == l.heading->no && h->title == l.heading->title));
    if (!same && ++differ <= 10) FAIL_CHECK("ClassifyLines differs for: " << l.raw);
  }
  CHECK(differ == 0);
  CHECK(junk > 3);
  CHECK(headings > 50);
}
