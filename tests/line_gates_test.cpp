// The per-line gates (ClassifyLines' first-character tests, front matter's
// MayMatch) answer as the plain searches do: checked on every line of the
// samples and the composed notices, and on lines made to sit at the gates'
// edges (markdown prefixes, brackets, digits, spaces, bad bytes, line breaks).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "test_util.h"
#include "stages.h"

namespace nt = noticetab;

namespace {

const std::string kSourceDir = NOTICETAB_SOURCE_DIR;

// Lines at the edges of the gates, then every line of the samples.
std::vector<std::string> VariedLines() {
  std::vector<std::string> out = {
      "", " ", "一、总体要求", "一 、 总体要求", "十二、加强保障", "一是加强领导", "一体化平台",
      "（一）围绕中心", "(九) 深入开展", "（1）做好信息公开", "(12) 强化监督", "（此件公开发布）", "(此件主动公开)",
      "1.加强培训", "１．加强工作培训", "2023.6月底前完成", "1.5亿元资金", "2023年6月20日", "12、落实责任",
      "# 一、标题", "#### 二、围绕行政决策", "- (十二)扎实推进", "* 1.要点", "+ （1）条目", "> 一、引用", "-一、无空格",
      "#一、无空格", "##", "- ", "—— 5 ——", "- 5 -", "第 3 页 共 10 页", "关闭窗口", "【打印本页】【关闭窗口】",
      "欢迎访问临沂市政府网站", "当前位置：首页 > 政务公开", "来源：市政府办公室", "字号：大 中 小", "分享到：",
      "扫一扫在手机上查看当前页面", "浏览次数：123", "附件：2023年任务分工", "附 件 1：表", "附件", "附件1",
      "抄送：市委办公室，市人大常委会办公室。", "抄 送：各部门", "2023年8月9日印发", "招远市人民政府办公室 2023年8月9日印发",
      "招远市人民政府办公室 2023年8月9日印 发", "印发", "发", "各县区人民政府，市政府各部门：", "\xE4\xB8", "\xFF一、坏字节",
      "一、\xFF", "附件：\xFF", "2023年8月9日印发\n", "2023年8月9日印发\r", "2023年8月9日印发\xC2\x85",
      "2023年8月9日印发\xE2\x80\xA8", "\xE3\x80\x80一、全角空格", "a", "1", "（", "一", "〇一、", "０、",
  };
  for (const char* dir : {"/samples", "/samples/composed"}) {
    for (const auto& e : std::filesystem::directory_iterator(kSourceDir + dir)) {
      if (!e.is_regular_file()) continue;
      const std::string text = noticetab::testing::ReadFile(e.path().string());
      const nt::Source src = nt::Decode(text, e.path().string());
      for (int n = 1; n <= src.line_count(); ++n) out.emplace_back(src.Line(n));
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) {
    if (l.find('\n') != std::string::npos || l.find('\r') != std::string::npos) continue;
    text += l;
    text += '\n';
  }
  return text;
}

}  // namespace

TEST_CASE("ClassifyLines' gated heading and junk tests answer as MatchHeading and IsJunk do", "[line_gates]") {
  const nt::Rules& rules = nt::BuiltinRules();
  const std::vector<std::string> varied = VariedLines();
  REQUIRE(varied.size() > 1000);
  const nt::Source src = nt::Decode(Join(varied), "varied.txt");
  const std::vector<nt::Line> lines = nt::ClassifyLines(src, rules);
  size_t headings = 0, junk = 0;
  for (const nt::Line& l : lines) {
    INFO(l.no << ": " << l.text);
    if (l.text.empty()) {
      CHECK(l.kind == nt::LineKind::kBlank);
      continue;
    }
    const bool is_junk = nt::IsJunk(l.text, rules);
    CHECK(is_junk == (l.kind == nt::LineKind::kJunk));
    junk += is_junk;
    if (is_junk) continue;
    const auto plain = l.tabs == 0 ? nt::MatchHeading(l.text, rules) : std::nullopt;
    REQUIRE(plain.has_value() == l.heading.has_value());
    CHECK(plain.has_value() == (l.kind == nt::LineKind::kHeading));
    if (!plain) continue;
    ++headings;
    CHECK(plain->style == l.heading->style);
    CHECK(plain->no == l.heading->no);
    CHECK(plain->title == l.heading->title);
  }
  // The samples hold both kinds, so both paths were taken.
  CHECK(headings > 100);
  CHECK(junk > 10);
}

TEST_CASE("MayMatch turns away only texts the pattern cannot match", "[line_gates]") {
  const nt::Rules& rules = nt::BuiltinRules();
  std::vector<const nt::Regex*> patterns = {&rules.attachment, &rules.cc,          &rules.printed,
                                            &rules.publicity,  &rules.issuer_line, &rules.title_line,
                                            &rules.doc_number, &rules.date,        &rules.recipients_line,
                                            &rules.annex_start, &rules.markdown_prefix};
  for (const auto& h : rules.headings) patterns.push_back(&h.re);
  for (const auto& j : rules.junk) patterns.push_back(&j);
  size_t turned_away = 0, matched = 0;
  for (const std::string& line : VariedLines()) {
    std::string spaceless;
    for (const std::string_view s : {std::string_view(line), nt::Trim(line), nt::RemoveSpaces(line, &spaceless)}) {
      for (const nt::Regex* re : patterns) {
        const bool found = re->Find(s).found;
        const bool may = nt::MayMatch(*re, s);
        INFO(re->pattern() << " on " << s);
        if (found) CHECK(may);
        turned_away += !may;
        matched += found;
      }
    }
  }
  // The gate does turn lines away (else this test says nothing about it).
  CHECK(turned_away > 1000);
  CHECK(matched > 100);
}
