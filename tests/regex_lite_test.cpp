// src/regex_lite against plain ICU: every string of the built-in rules (each
// is tried as a pattern; the keywords are literal patterns) on every line of
// the samples and the real corpus, plus hand-written edge cases, and the
// engine's character classes against ICU's over the code points.
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "noticetab/classify.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "../fuzz/regex_check.h"
#include "regex_lite.h"
#include "test_util.h"

namespace noticetab {
namespace {

using regex_lite::Program;

using fuzz::DescribeMatches;
using fuzz::IcuSearch;
using fuzz::RegexGroups;

void CollectScalars(const YAML::Node& n, std::set<std::string>& out) {
  if (n.IsScalar()) out.insert(n.Scalar());
  if (n.IsSequence())
    for (const auto& e : n) CollectScalars(e, out);
  if (n.IsMap())
    for (const auto& kv : n) CollectScalars(kv.second, out);
}

std::vector<std::string> RuleStrings() {
  std::set<std::string> all;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/rules"))
    if (e.path().extension() == ".yaml") CollectScalars(YAML::LoadFile(e.path().string()), all);
  // The patterns written in C++.
  all.insert("^(?<k>[^:：]{2,8})[:：]\\s*(?<v>.+)$");
  all.insert("^\\s*(?<key>[^:：，,；;]{2,12}?)\\s*[:：]\\s*(?<value>.*)$");
  all.insert("^\\s*(?<key>[\\p{Han}]{2,12})\\s*[:：]");
  all.insert("(?!)");
  return {all.begin(), all.end()};
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  const std::string src = testing::SourceDir();
  for (const std::string dir : {src + "/samples", src + "/samples/composed", src + "/../shared/corpus/real"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The first difference between the engines for pattern on the texts, or "".
std::string Compare(const std::string& pattern, const Program& lite, const std::vector<std::string>& texts,
                    size_t limit) {
  IcuSearch icu(pattern);
  if (!icu.ok()) return "ICU does not compile it";
  if (static_cast<size_t>(icu.groups()) != lite.groups()) return "a different number of groups";
  std::vector<RegexGroups> a, b;
  for (const auto& t : texts) {
    if (!fuzz::LiteAll(lite, t, limit, a)) return "regex_lite gave up";
    if (!icu.All(t, limit, b)) return "ICU gave up";
    if (a != b) return "on '" + t.substr(0, 200) + "': lite " + DescribeMatches(a) + "ICU " + DescribeMatches(b);
  }
  return "";
}

TEST_CASE("regex_lite matches ICU for every built-in rule pattern on the corpus lines") {
  std::vector<std::string> lines, wholes;
  for (const auto& f : CorpusFiles()) {
    const std::string text = testing::ReadFile(f);
    wholes.push_back(text);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      lines.push_back(line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  REQUIRE(lines.size() > 1000);
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  size_t supported = 0;
  std::vector<std::string> unsupported;
  for (const auto& pattern : RuleStrings()) {
    const auto lite = regex_lite::Compile(pattern);
    if (!lite) {
      if (IcuSearch(pattern).ok()) unsupported.push_back(pattern);
      continue;
    }
    ++supported;
    INFO("pattern " << pattern);
    CHECK(Compare(pattern, *lite, lines, 1) == "");
    CHECK(Compare(pattern, *lite, wholes, 50) == "");
  }
  INFO("supported " << supported);
  // Every pattern of the built-in rules is within the subset: a run never
  // compiles an ICU pattern (the literal keywords are patterns too).
  CHECK(unsupported == std::vector<std::string>{});
}

TEST_CASE("RegexSet never leaves out a member that matches, for every rule pattern on the corpus lines") {
  // Every string of the rules that compiles, in sets of 64 (the ^-anchored
  // ones selected by their first character); each line as read, without its
  // CR and trimmed, and each whole file.
  std::vector<std::string> texts;
  for (const auto& f : CorpusFiles()) {
    const std::string text = testing::ReadFile(f);
    texts.push_back(text);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      texts.push_back(line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      texts.push_back(std::string(Trim(line)));
    }
  }
  texts.push_back("");
  std::sort(texts.begin(), texts.end());
  texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
  std::vector<RegexSet> sets(1);
  std::vector<std::string> patterns;
  for (const auto& pattern : RuleStrings()) {
    Regex re(pattern);
    if (!re.ok()) continue;
    if (sets.back().size() == 64) sets.emplace_back();
    sets.back().push_back(std::move(re));
    patterns.push_back(pattern);
  }
  size_t selective = 0, left_out = 0, matched = 0;
  for (const RegexSet& set : sets) {
    std::vector<std::pair<char32_t, char32_t>> ranges;
    for (const Regex& re : set) selective += re.StartChars(&ranges);
    for (const std::string& t : texts) {
      const uint64_t chosen = set.Candidates(t);
      bool any = false;
      for (size_t k = 0; k < set.size(); ++k) {
        if ((chosen >> k) & 1) {
          any = any || set[k].Contains(t);
          continue;
        }
        ++left_out;
        INFO(set[k].pattern() << " on " << t);
        CHECK_FALSE(set[k].Contains(t));
      }
      CHECK(set.ContainsAny(t) == any);
      matched += any;
    }
  }
  INFO(selective << " patterns selected by first character");
  CHECK(selective >= 20);
  CHECK(left_out > 10000);  // the lookup does leave anchored members out
  CHECK(matched > 1000);
}

TEST_CASE("MatchHeading through the styles' set finds what trying every style in order finds, on the corpus lines") {
  const Rules& rules = BuiltinRules();
  REQUIRE(rules.heading_starts.size() == rules.headings.size());
  // MatchHeading as it was: every style tried, in rules order.
  const auto in_order = [&](std::string_view s) -> std::optional<HeadingMatch> {
    s = Trim(s);
    if (s.empty()) return std::nullopt;
    size_t i = 0;
    const char32_t c = NextChar(s, i);
    if (!(c >= '0' && c <= '9') && rules.heading_first_chars.find(c) == std::u32string::npos) return std::nullopt;
    if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
    for (size_t k = 0; k < rules.headings.size(); ++k) {
      auto m = rules.headings[k].re.Find(s);
      if (m.found)
        return HeadingMatch{static_cast<int>(k), std::string(m.Group("no")), std::string(Trim(m.Group("title")))};
    }
    return std::nullopt;
  };
  size_t lines = 0, headings = 0;
  for (const auto& f : CorpusFiles()) {
    std::istringstream in(testing::ReadFile(f));
    for (std::string line; std::getline(in, line);) {
      ++lines;
      const auto a = MatchHeading(line, rules), b = in_order(line);
      INFO(line);
      REQUIRE(a.has_value() == b.has_value());
      if (!a) continue;
      ++headings;
      CHECK(a->style == b->style);
      CHECK(a->no == b->no);
      CHECK(a->title == b->title);
    }
  }
  CHECK(lines > 1000);
  CHECK(headings > 100);
}

TEST_CASE("regex_lite matches ICU on edge cases") {
  const std::vector<std::string> texts = {
      "", "a", "ab", "abc", "aaa", "aXb", "年", "2023年", "２０２３年6月", "x\n", "x\r\n", "x\r", "x\n\n",
      "x\xe2\x80\xa8", "\n", "\r\n", "a b\tc", "\xe4\xb8", "a\xff" "b", "\xe4\xb8\xad\xe6", "中\xe6\x96", "𠀀字",
      "(1)（一）", "第 3 页", "附件1：名单", "各县、市、区政府", "-a-", "[x]", "\xef\xbf\xbd", "字号：大 中 小",
      "市直各部门\n", "abab", "ba", "\xe4\xb8" "a", "x\xe4\xb8\xe4\xb8\xad" "b", "\xf0\x90\x80" "a", "𠀀a\xbf" "b",
      "\x80\x80" "a\xc0\xaf" "b",
      // Past 16 bytes (the 16-byte scan of .* and .+): line terminators, C2 and
      // E2 that start none (© “), bad UTF-8, at every place of a block.
      "abcdefghijklmnopqrstuvwxyz0123456789", "（一）围绕中心工作推进重点领域信息公开“要点”。", "一、标题\n第二行内容很长很长",
      "aaaaaaaaaaaaaaa\r\n", "aaaaaaaaaaaaaaaa\n", "aaaaaaaaaaaaaaab\xc2\x85", "aaaaaaaaaaaaaa\xc2\x85" "bbbbbbbbbbbbbbbbbbb",
      "aaaaaaaaaaaaa\xe2\x80\xa8" "bbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaa\xe2\x80\xa9", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xe2\x80",
      "\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9\xc2\xa9" "b\xc2", "中中中中中中\xe4\xb8中中中\xbf\xff中中中中b\x0b中",
      "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\x0c", "中中中中中中中中中中中中中中中中中中中中中中\xc2"};
  const std::vector<std::string> patterns = {
      "", "a", "a*", "a+?", "a??b", "(a|ab)(c|bcd)?", "(a*)(a)", "(a*?)(a)", "^a", "a$", "^$", "$", "x$", "\\s+$",
      "^x$", "(a)|b", "(?:(a)|b)+", "(a)+", "(?:a|(b))*", "(a|b){2}", "(a){1,3}?", "(ab|a){1,2}b", "[^a]",
      "[-a]", "[a-]", "[^-]", ".", ".*", ".+?", "\\S+", "[\\s]", "[^\\s]", "\\p{Han}+", "[\\p{Han}a]",
      "(?=a)", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?<=\\p{Han})字", "(?<=[中])", "(?!)", "\\d+",
      "[\\d]{2,}", "\\[x\\]", "[\\[\\]]", "[ ]", "[大中小 ]*", "(?<n>\\d)(?<m>年)?", "((a)|(b))+", "(a?)+b",
      "^(?:\\s*(?:#{1,6}|[-*+>])\\s+)+", "\xef\xbf\xbd", "[\xef\xbf\xbd]", "a{0}", "a{2,}", "a{1,3}", "(|a)",
      "a|", "(a|)+b", "[.]", "\\.", "[()]", "[:：]", "[^:：]+", ".*a", "\\S+b", ".{1,3}$", "[^a]*a", "(.*)(.)",
      ".{2,}b", "(.+)(b|a)", "^.*?(\\S)$",
      "^(?<t>\\S.*)$", ".+$", "(.*)$", "中.*", ".*中", ".*b", "a.+b", "(.*)(\\S)",
      // A few non-ASCII first characters, or a literal start: found by their bytes.
      "(中|字)", "(中|𠀀)a", "(中|字)+b", "[中字]?a", "中中", "中\\S", "(县|市|区)、"};
  for (const auto& pattern : patterns) {
    const auto lite = regex_lite::Compile(pattern);
    if (!lite) {
      INFO("not in the subset: " << pattern);
      continue;
    }
    INFO("pattern " << pattern);
    CHECK(Compare(pattern, *lite, texts, 10) == "");
  }
  // Outside the subset: left to ICU.
  for (const char* p : {"(?i)a", "\\w", "\\b", "a++", "(?>a)", "(a)\\1", "[[a]]", "[a&&b]", "\\x{41}", "a{,2}",
                        "(?<=ab)", "(?=(a))", "(a*)*", "(a?)*", "[:alpha:]", "\\Qa\\E", "a{", "]", "\\p{L}",
                        "(?#c)", "\xff", "[--]", "[a--b]", "[a-c-]", "[\\s-]"}) {
    INFO(p);
    CHECK(regex_lite::Compile(p) == nullptr);
  }
}

TEST_CASE("regex_lite's .* finds the line end at every place of the text's last 16 bytes, as ICU") {
  // The scan of a run of . takes the text's last 0-15 bytes as one block that
  // overlaps the one before: a terminator (or a C2/E2 that starts none) at
  // each place of it, after ASCII or CJK text.
  std::vector<std::string> texts;
  for (const std::string fill : {"a", "中"}) {
    for (const std::string mark : {"\n", "\r\n", "\xc2\x85", "\xe2\x80\xa8", "\xc2\xa9", "\xe2\x80\x9c", "\xe2\x80"}) {
      for (size_t len = 14; len <= 40; ++len) {
        for (size_t at = 0; at <= len; at += fill.size()) {
          std::string t;
          while (t.size() < at) t += fill;
          t += mark;
          while (t.size() < len + mark.size()) t += fill;
          texts.push_back(t);
        }
      }
    }
  }
  for (const char* pattern : {".*", "(.*)$", ".+$", "^(?<t>\\S.*)$", "(.*)(.)"}) {
    const auto lite = regex_lite::Compile(pattern);
    REQUIRE(lite);
    INFO("pattern " << pattern);
    CHECK(Compare(pattern, *lite, texts, 10) == "");
  }
}

TEST_CASE("regex_lite's classes hold the code points ICU's do") {
  // The last five: sets of more than four ranges past ASCII, which Has
  // first tests by two filters of the characters' bits (Set::Filter).
  for (const char* cls : {"\\p{Han}", "\\s", "\\S", ".", "[^\\s]", "[\\p{Han}\\s]", "[一二三四五六七八九十]",
                          "[^一二三四五六七八九十]", "[、，；。：a-z０-９]", "[^，。；、：]", "[α-ω一丁两百千万]"}) {
    const auto lite = regex_lite::Compile(cls);
    REQUIRE(lite);
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(cls), 0, pe, status));
    std::unique_ptr<icu::RegexMatcher> m(re->matcher(status));
    std::vector<size_t> caps;
    size_t differ = 0;
    char32_t first = 0;
    for (char32_t c = 0; c <= 0x10FFFF; c += c < 0x40000 ? 1 : 61) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      std::string s;
      AppendUtf8(s, c);
      icu::UnicodeString u;
      u.append(static_cast<UChar32>(c));
      m->reset(u);
      const bool a = m->matches(status);
      const bool b = lite->Search(s, 0, caps) == Program::Result::kMatch && caps[1] == s.size();
      if (a != b && differ++ == 0) first = c;
    }
    INFO(cls << " first difference at U+" << std::hex << static_cast<uint32_t>(first));
    CHECK(differ == 0);
  }
}

}  // namespace
}  // namespace noticetab

namespace noticetab {
namespace {

TEST_CASE("regex_lite agrees with ICU on the regex fuzz regressions") {
  const std::string dir = testing::SourceDir() + "/fuzz/regressions/regex";
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    INFO(e.path().string());
    CHECK(fuzz::CheckLite(testing::ReadFile(e.path().string())) == "");
    ++n;
  }
  CHECK(n > 0);
}

}  // namespace
}  // namespace noticetab

namespace noticetab {
namespace {

TEST_CASE("RegexSet past 64 members, and after a move") {
  // Members from the 64th on have no bit: they are tried on every text.
  RegexSet set;
  for (int k = 0; k < 70; ++k) set.push_back(Regex("^x" + std::to_string(k) + "y"));
  REQUIRE(set.size() == 70);
  CHECK(set.ContainsAny("x3y"));
  CHECK(set.ContainsAny("x66y"));
  CHECK(set.ContainsAny("x69y"));
  CHECK_FALSE(set.ContainsAny("x70y"));
  CHECK_FALSE(set.ContainsAny("zx66y"));
  CHECK(set.Candidates("q") == 0);  // no member starts with q
  // A moved-from set is empty and can be searched and filled again.
  RegexSet taken(std::move(set));
  CHECK(taken.ContainsAny("x66y"));
  CHECK(set.empty());                // NOLINT(bugprone-use-after-move): on purpose
  CHECK_FALSE(set.ContainsAny("x66y"));
  set.push_back(Regex("^b"));
  CHECK(set.ContainsAny("bc"));
  RegexSet assigned;
  assigned = std::move(taken);
  CHECK(assigned.ContainsAny("x69y"));
  CHECK_FALSE(taken.ContainsAny("x69y"));
}

}  // namespace
}  // namespace noticetab
