// ReadFrontMatter's gates (the literal-pair gates of the footer rules, the
// character test before a spaced line's copy, the cc list's stops tested
// cheapest first) change only the cost: the gated reading equals the plain
// one, where every rule is searched on every line it applies to. Checked on
// the samples, the composed notices, and copies of them with spaces put
// into lines, lines cut in two, and the regions moved.
#include <catch2/catch.hpp>
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
#include "test_util.h"
#include "stages.h"

namespace noticetab::detail {
FrontMatter ReadFrontMatterWith(bool gated, const std::vector<Line>& lines, const Regions& regions,
                                const Rules& rules);
}  // namespace noticetab::detail

namespace nt = noticetab;

namespace {

const std::string kSourceDir = NOTICETAB_SOURCE_DIR;

std::vector<std::string> Texts() {
  std::vector<std::string> out;
  for (const char* dir : {"/samples", "/samples/composed"}) {
    for (const auto& e : std::filesystem::directory_iterator(kSourceDir + dir)) {
      if (!e.is_regular_file()) continue;
      const std::string text = noticetab::testing::ReadFile(e.path().string());
      out.push_back(text);
    }
  }
  // Footers at the gates' edges: spaced imprints and cc keys, cc lists
  // wrapped over lines, an imprint under a unit line, bad bytes, breaks.
  out.push_back(
      "某市人民政府办公室关于印发工作要点的通知\n\n一、总体要求\n\n（一）做好公开。\n\n"
      "附 件 ：1.任务分工\n2.责任清单\n\n抄 送：市委办公室，市人大常委会办公室，\n市政协办公室，\n"
      "市中级法院，市检察院。\n市委各部门\n\n某市人民政府办公室\n\n2023年8月9日印 发\n");
  out.push_back(
      "关于做好工作的通知\n\n一、要求\n\n抄送：各部门\n\n某县人民政府办公室 2023 年 8 月 9 日 印发\n"
      "印发\n发\n附件：\xFF\n抄送：\n\n市委办公室、\n\n2023年8月9日印发\r\n");
  // A cc list wrapped after its full stop, up to a long imprint line.
  out.push_back(
      "关于做好工作的通知\n\n一、要求\n\n抄送：市委办公室，市政协办公室。\n市中级法院\n市检察院\n"
      "某市某区人民政府办公室某市某区财政局某市某区审计局 2023年8月9日印发\n");
  return out;
}

// Puts a space after every `every`-th character of the lines whose number
// is a multiple of `line_step`.
std::string Spaced(const std::string& text, int every, int line_step) {
  std::string out;
  int line = 0, k = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = nt::NextChar(text, i);
    out.append(text, at, i - at);
    if (c == '\n') {
      ++line;
      k = 0;
      continue;
    }
    if (line % line_step == 0 && ++k % every == 0) out += ' ';
  }
  return out;
}

// Cuts every line of more than `at` characters after its `at`-th one.
std::string Cut(const std::string& text, int at) {
  std::string out;
  int k = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t from = i;
    const char32_t c = nt::NextChar(text, i);
    out.append(text, from, i - from);
    k = c == '\n' ? 0 : k + 1;
    if (k == at) {
      out += '\n';
      k = 0;
    }
  }
  return out;
}

void Same(const nt::FrontMatter& a, const nt::FrontMatter& b) {
  CHECK(a.issuer == b.issuer);
  CHECK(a.number == b.number);
  CHECK(a.title == b.title);
  CHECK(a.recipients == b.recipients);
  CHECK(a.date == b.date);
  CHECK(a.year == b.year);
  CHECK(a.publicity == b.publicity);
  CHECK(a.attachments == b.attachments);
  CHECK(a.cc == b.cc);
  CHECK(a.printed_by == b.printed_by);
  CHECK(a.printed_date == b.printed_date);
}

}  // namespace

TEST_CASE("ReadFrontMatter's gates read what the plain reading does", "[frontmatter_gates]") {
  const nt::Rules& rules = nt::BuiltinRules();
  size_t docs = 0, printed = 0, cc = 0, attachments = 0;
  for (const std::string& base : Texts()) {
    for (const std::string& text : {base, Spaced(base, 1, 2), Spaced(base, 2, 1), Spaced(base, 3, 3), Cut(base, 9)}) {
      const nt::Source src = nt::Decode(text, "t.txt");
      const std::vector<nt::Line> lines = nt::ClassifyLines(src, rules);
      const nt::FoundReaders found = nt::FindReaders(lines, rules);
      nt::Regions as_read;
      as_read.body_end = found.body_end;
      as_read.table_begin = found.table ? found.table_at : lines.size();
      std::vector<nt::Regions> regions = {as_read};
      for (size_t at : {size_t{0}, lines.size() / 3, lines.size() / 2}) {
        nt::Regions r = as_read;
        r.table_begin = std::min(r.table_begin, at);
        regions.push_back(r);
        r = as_read;
        r.body_begin = std::min(at, r.body_end);
        regions.push_back(r);
      }
      for (const nt::Regions& r : regions) {
        INFO(text.substr(0, 200));
        const nt::FrontMatter gated = nt::detail::ReadFrontMatterWith(true, lines, r, rules);
        const nt::FrontMatter plain = nt::detail::ReadFrontMatterWith(false, lines, r, rules);
        Same(gated, plain);
        ++docs;
        printed += plain.printed_date.has_value();
        cc += !plain.cc.empty();
        attachments += !plain.attachments.empty();
      }
    }
  }
  // The footers were there to be read (else this test says nothing).
  CHECK(docs > 400);
  CHECK(printed > 50);
  CHECK(cc > 50);
  CHECK(attachments > 50);
}
