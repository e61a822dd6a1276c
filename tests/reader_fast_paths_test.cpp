// The table readers' fast paths give the answers of the plain code
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

// EndsTable as it was before the prefilter: the spaceless copy of every line.
bool EndsTablePlain(const Line& line, const noticetab::Rules& rules) {
  if (line.kind != LineKind::kText) return false;
  if (rules.cc.Contains(line.text)) return true;
  const std::string compact = noticetab::RemoveSpaces(line.text);
  return rules.printed.Contains(compact) || rules.annex_start.Contains(compact);
}

// Deterministic lines: pieces of footer, annex and table text with spaces of
// every kind put between their characters at random.
std::vector<std::string> VariedLines() {
  const std::vector<std::string> pieces = {
      "附件", "附件2", "附表3", "附 件", "2023年8月9日印发", "招远市人民政府办公室", "印发", "印", "发",
      "抄送：市委办公室", "抄送", "：", "年", "月", "日", "二〇二三", "序号", "工作任务", "牵头单位", "完成时限",
      "2024年6月底前", "市发展改革委", "（cid:3）", "|", "a", "1", "\xEF\xBF\xBD", "附", "件", "发展"};
  const std::vector<std::string> spaces = {" ", "  ", "\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x82", "\t", ""};
  std::vector<std::string> out = {"附件", "附 件", "附　件 2", "附表 1", "2023年 8月 9日 印 发",
                                  "招远市人民政府办公室 2023年8月9日印发", "抄 送：市委", "抄送: 市委",
                                  "序号 工作任务 牵头单位", "附件 1 任务清单", "印 发 2023年8月9日"};
  uint32_t x = 12345;
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7FFF; };
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    const int n = 1 + static_cast<int>(next() % 6);
    for (int j = 0; j < n; ++j) {
      const std::string& p = pieces[next() % pieces.size()];
      // Spaces inside the piece too, between its characters.
      for (size_t i = 0; i < p.size();) {
        size_t len = 1;
        const auto b = static_cast<unsigned char>(p[i]);
        if (b >= 0xF0) len = 4;
        else if (b >= 0xE0) len = 3;
        else if (b >= 0xC0) len = 2;
        s += p.substr(i, len);
        i += len;
        if (next() % 3 == 0) s += spaces[next() % spaces.size()];
      }
      s += spaces[next() % spaces.size()];
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("EndsTable with its prefilter answers as the plain test", "[reader_fast]") {
  std::string text;
  for (const auto& l : VariedLines()) text += l + "\n";
  Notice n(text);
  int ends = 0, spaced = 0;
  for (const Line& l : n.lines) {
    INFO("line " << l.no << ": " << std::string(l.text));
    const bool plain = EndsTablePlain(l, R());
    CHECK(noticetab::EndsTable(l, R()) == plain);
    ends += plain;
    spaced += l.spaced && plain;
  }
  // The sample holds lines that end a table, spaced ones among them.
  CHECK(ends > 50);
  CHECK(spaced > 20);
}

TEST_CASE("MayMatchWithoutSpaces never rules out a match", "[reader_fast]") {
  std::vector<noticetab::Regex> res;
  for (const char* p : {"印\\s*发$", "^附\\s*件", "^(附件|附表)\\d*$", "(?:年|月)日", "x\\s*y", " 印", "发展",
                        "^\\d+年", "\\(cid:", "工作任务|牵头单位"})
    res.emplace_back(p);
  res.push_back(noticetab::Regex(R().printed.pattern()));
  res.push_back(noticetab::Regex(R().annex_start.pattern()));
  res.push_back(noticetab::Regex(R().cc.pattern()));
  int matches = 0, ruled_out = 0;
  for (const auto& s : VariedLines()) {
    const std::string compact = noticetab::RemoveSpaces(s);
    for (const auto& re : res) {
      REQUIRE(re.ok());
      const bool may = noticetab::MayMatchWithoutSpaces(re, s);
      if (re.Contains(compact)) {
        INFO(re.pattern() << " on " << s);
        CHECK(may);
        ++matches;
      }
      ruled_out += !may;
    }
  }
  CHECK(matches > 100);
  CHECK(ruled_out > 1000);  // the prefilter does rule lines out
}

TEST_CASE("cells cut from a line searched once for damage are those CellAt gives", "[reader_fast]") {
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

TEST_CASE("SplitTabs into a kept vector is SplitTabs", "[reader_fast]") {
  std::vector<std::string_view> kept = {"left", "over"};
  for (std::string_view s : {"", "a", "\t", "1\t\t 具体要求 \t", " x \t y\t\tz ", "无表格"}) {
    noticetab::SplitTabs(s, &kept);
    CHECK(kept == noticetab::SplitTabs(s));
  }
}

namespace {

// DetectInlineClause as it was before its first test: EndsInClause on every
// line (after the assignment inside a sentence, which both ask first).
bool DetectInlineClausePlain(const std::vector<Line>& lines, size_t at, const noticetab::Rules& rules) {
  if (noticetab::InlineAssignment(lines[at].text, rules)) return true;
  if (noticetab::EndsInClause(lines[at].text, rules)) return true;
  constexpr int kWrap = 3;
  const noticetab::Punctuation& pu = rules.punct;
  std::string_view end = lines[at].text;
  std::string_view before = end.substr(0, end.size() - pu.StopLength(end));
  if (!pu.closes.Ends(before)) return false;
  int depth = 0;
  for (size_t i = 0; i < end.size();) {
    const char32_t c = noticetab::NextChar(end, i);
    depth += pu.closes.Has(c) - pu.opens.Has(c);
  }
  if (depth <= 0) return false;
  std::string joined(lines[at].text);
  int joined_lines = 0;
  for (size_t k = at; k-- > 0 && joined_lines < kWrap;) {
    const Line& l = lines[k];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk || l.tabs > 0) break;
    joined.insert(0, l.text);
    ++joined_lines;
    if (noticetab::EndsInClause(joined, rules)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("DetectInlineClause with its first test answers as the plain one", "[reader_fast]") {
  const std::vector<std::string> ends = {"。", "；", "）", "）。", "） 。", "）。。", "） ", ")", "；）", "。）",
                                         "", " ", "　", "，", "x", "」", "】。", ".", "; ", "）；"};
  const std::vector<std::string> bodies = {
      "推进项目建设（市发展改革委牵头，市财政局配合",
      "（责任单位：市财政局，2024年6月底前完成",
      "加强监督管理",
      "（一）完善制度",
      "市市场监管局牵头，各区县配合",
      "完成时限：2024年底前",
      "（市教育局、市卫健委",
      "责任单位：市住建局",
      ""};
  std::string text = "一、总体要求\n";
  uint32_t x = 777;
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7FFF; };
  for (int k = 0; k < 1500; ++k) {
    text += bodies[next() % bodies.size()] + ends[next() % ends.size()];
    text += next() % 4 == 0 ? "\n\n" : "\n";
  }
  Notice n(text);
  int found = 0;
  for (size_t i = 0; i < n.lines.size(); ++i) {
    INFO("line " << n.lines[i].no << ": " << std::string(n.lines[i].text));
    const bool plain = DetectInlineClausePlain(n.lines, i, R());
    CHECK(noticetab::DetectInlineClause(n.lines, i, R()) == plain);
    found += plain;
  }
  CHECK(found > 100);
}

TEST_CASE("MayHaveThreeRuns never rules out three space runs", "[reader_fast]") {
  const std::vector<std::string> pieces = {"序号", "工作任务", "牵头单位", "a", "1", "。", "、", "\xE3\x80\x80",
                                           " ", "  ", "   ", "\t", "\xE3\x80\x81"};
  uint32_t x = 99;
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7FFF; };
  int three = 0, ruled_out = 0;
  for (int k = 0; k < 5000; ++k) {
    std::string s;
    for (int j = 1 + static_cast<int>(next() % 8); j > 0; --j) s += pieces[next() % pieces.size()];
    const bool may = noticetab::MayHaveThreeRuns(s);
    if (noticetab::SpaceRunCount(s) >= 3) {
      INFO(s);
      CHECK(may);
      ++three;
    }
    ruled_out += !may;
  }
  CHECK(three > 100);
  CHECK(ruled_out > 500);
}

namespace {

// FindReaders as it was: every reader of the registry, in its order, on every line.
noticetab::FoundReaders FindReadersPlain(const std::vector<Line>& lines, const noticetab::Rules& rules) {
  using noticetab::Reader;
  noticetab::FoundReaders f;
  f.table_at = f.body_end = lines.size();
  size_t first_heading = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].kind == LineKind::kHeading) {
      first_heading = i;
      break;
    }
  bool in_body = false;
  int resume = 0;  // 1: after a cover's 附件： line; 2: after the 附件 line over its annex; 3: under a plan's title
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (i == first_heading) in_body = true;
    if (resume == 1 && l.kind == LineKind::kText && rules.annex_start.Contains(noticetab::RemoveSpaces(l.text))) {
      resume = 2;
    } else if (resume == 2 && l.kind != LineKind::kBlank && l.kind != LineKind::kJunk) {
      resume = l.kind == LineKind::kText && rules.plan_title.Contains(l.text) ? 3 : 0;
    } else if (resume == 3 && l.kind == LineKind::kHeading) {
      resume = 0;
      in_body = true;
      f.body_end = lines.size();
    }
    if (in_body && l.kind == LineKind::kText && (rules.attachment.Contains(l.text) || EndsTablePlain(l, rules))) {
      f.body_end = i;
      in_body = false;
      if (resume == 0 && rules.attachment.Contains(l.text) && !EndsTablePlain(l, rules)) resume = 1;
    }
    const Reader* best = nullptr;
    for (const auto& r : noticetab::Readers()) {
      if (r.body()) {
        if (!in_body || (l.kind != LineKind::kText && l.kind != LineKind::kHeading)) continue;
        if (std::find(f.body.begin(), f.body.end(), &r) == f.body.end() && r.detect(lines, i, rules))
          f.body.push_back(&r);
      } else if (l.kind == LineKind::kText && (!best || r.priority > best->priority) && r.detect(lines, i, rules)) {
        best = &r;
      }
    }
    if (best) {
      f.table_at = i;
      f.table = best;
      if (f.body_end == lines.size()) f.body_end = i;
      break;
    }
  }
  std::sort(f.body.begin(), f.body.end(), [](const Reader* a, const Reader* b) { return a->priority > b->priority; });
  return f;
}

// The text notices of the checkout (samples/) and of the shared corpus beside it.
std::vector<std::filesystem::path> NoticeFiles() {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path root = NOTICETAB_SOURCE_DIR;
  for (const auto& dir : {root / "samples", root / ".." / "shared" / "corpus" / "real"}) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("on whole notices the fast paths answer as the plain code", "[reader_fast]") {
  const auto files = NoticeFiles();
  REQUIRE(files.size() >= 10);
  int tables = 0, lines_seen = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Notice n(ss.str());
    INFO(path.string());
    const noticetab::FoundReaders plain = FindReadersPlain(n.lines, R());
    const noticetab::FoundReaders fast = noticetab::FindReaders(n.lines, R());
    CHECK(fast.table_at == plain.table_at);
    CHECK(fast.table == plain.table);
    CHECK(fast.body == plain.body);
    CHECK(fast.body_end == plain.body_end);
    tables += plain.table != nullptr;
    for (size_t i = 0; i < n.lines.size(); ++i) {
      const Line& l = n.lines[i];
      INFO("line " << l.no << ": " << std::string(l.text));
      CHECK(noticetab::EndsTable(l, R()) == EndsTablePlain(l, R()));
      CHECK(noticetab::DetectInlineClause(n.lines, i, R()) == DetectInlineClausePlain(n.lines, i, R()));
      if (noticetab::SpaceRunCount(l.raw) >= 3) CHECK(noticetab::MayHaveThreeRuns(l.raw));
      ++lines_seen;
    }
  }
  CHECK(tables >= 5);
  CHECK(lines_seen > 1000);
}
