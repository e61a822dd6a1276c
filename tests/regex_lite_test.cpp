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

#include "noticetab/text.h"
#include "regex_lite.h"
#include "test_util.h"

namespace noticetab {
namespace {

using regex_lite::Program;

// What a search found, as comparable text: the offsets of every group.
struct Found {
  bool found = false;
  std::vector<std::pair<long, long>> groups;  // -1 unset
  bool operator==(const Found& o) const { return found == o.found && groups == o.groups; }
};
std::ostream& operator<<(std::ostream& os, const Found& f) {
  if (!f.found) return os << "no match";
  for (const auto& [b, e] : f.groups) os << "[" << b << "," << e << ")";
  return os;
}

class Icu {
 public:
  explicit Icu(const std::string& pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    re_.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, status));
    if (U_FAILURE(status)) re_.reset();
    if (re_) m_.reset(re_->matcher(status));
  }
  bool ok() const { return m_ != nullptr; }
  // Every match in s (as ICU's find() loop), byte offsets.
  std::vector<Found> All(const std::string& s, size_t limit) {
    // UTF-16 index -> byte offset, decoding as NextChar.
    icu::UnicodeString u;
    std::vector<long> bytes;
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      const char32_t c = NextChar(s, i);
      bytes.push_back(static_cast<long>(start));
      if (c > 0xFFFF) bytes.push_back(static_cast<long>(i));
      u.append(static_cast<UChar32>(c));
    }
    bytes.push_back(static_cast<long>(s.size()));
    m_->reset(u);
    UErrorCode status = U_ZERO_ERROR;
    std::vector<Found> out;
    while (out.size() < limit && m_->find(status) && U_SUCCESS(status)) {
      Found f;
      f.found = true;
      for (int g = 0; g <= m_->groupCount(); ++g) {
        const int32_t b = m_->start(g, status), e = m_->end(g, status);
        f.groups.push_back(b < 0 ? std::pair<long, long>{-1, -1} : std::pair<long, long>{bytes[b], bytes[e]});
      }
      out.push_back(f);
    }
    return out;
  }

 private:
  std::unique_ptr<icu::RegexPattern> re_;
  std::unique_ptr<icu::RegexMatcher> m_;
};

// Every match as Regex::ReplaceAll walks them: from the end of the last one,
// one character further after an empty match.
std::vector<Found> LiteAll(const Program& p, const std::string& s, size_t limit) {
  std::vector<Found> out;
  std::vector<size_t> caps;
  size_t from = 0;
  bool last_empty = false;
  while (out.size() < limit) {
    if (last_empty) {
      if (from >= s.size()) break;
      NextChar(s, from);
    }
    if (p.Search(s, from, caps) != Program::Result::kMatch) break;
    Found f;
    f.found = true;
    for (size_t g = 0; g < caps.size(); g += 2) {
      f.groups.push_back(caps[g] == std::string::npos || caps[g + 1] == std::string::npos
                             ? std::pair<long, long>{-1, -1}
                             : std::pair<long, long>{static_cast<long>(caps[g]), static_cast<long>(caps[g + 1])});
    }
    out.push_back(f);
    from = caps[1];
    last_empty = caps[0] == caps[1];
  }
  return out;
}

std::string Describe(const std::vector<Found>& v) {
  std::ostringstream os;
  for (const auto& f : v) os << f << " ";
  return os.str();
}

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
  Icu icu(pattern);
  if (!icu.ok()) return "ICU does not compile it";
  if (lite.names().size() != 0) {
    // Group count.
  }
  for (const auto& t : texts) {
    const auto a = LiteAll(lite, t, limit), b = icu.All(t, limit);
    if (a != b) return "on '" + t.substr(0, 200) + "': lite " + Describe(a) + "ICU " + Describe(b);
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
      if (Icu(pattern).ok()) unsupported.push_back(pattern);
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

TEST_CASE("regex_lite matches ICU on edge cases") {
  const std::vector<std::string> texts = {
      "", "a", "ab", "abc", "aaa", "aXb", "年", "2023年", "２０２３年6月", "x\n", "x\r\n", "x\r", "x\n\n",
      "x\xe2\x80\xa8", "\n", "\r\n", "a b\tc", "\xe4\xb8", "a\xff" "b", "\xe4\xb8\xad\xe6", "中\xe6\x96", "𠀀字",
      "(1)（一）", "第 3 页", "附件1：名单", "各县、市、区政府", "-a-", "[x]", "\xef\xbf\xbd", "字号：大 中 小",
      "市直各部门\n", "abab", "ba"};
  const std::vector<std::string> patterns = {
      "", "a", "a*", "a+?", "a??b", "(a|ab)(c|bcd)?", "(a*)(a)", "(a*?)(a)", "^a", "a$", "^$", "$", "x$", "\\s+$",
      "^x$", "(a)|b", "(?:(a)|b)+", "(a)+", "(?:a|(b))*", "(a|b){2}", "(a){1,3}?", "(ab|a){1,2}b", "[^a]",
      "[-a]", "[a-]", "[^-]", ".", ".*", ".+?", "\\S+", "[\\s]", "[^\\s]", "\\p{Han}+", "[\\p{Han}a]",
      "(?=a)", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?<=\\p{Han})字", "(?<=[中])", "(?!)", "\\d+",
      "[\\d]{2,}", "\\[x\\]", "[\\[\\]]", "[ ]", "[大中小 ]*", "(?<n>\\d)(?<m>年)?", "((a)|(b))+", "(a?)+b",
      "^(?:\\s*(?:#{1,6}|[-*+>])\\s+)+", "\xef\xbf\xbd", "[\xef\xbf\xbd]", "a{0}", "a{2,}", "a{1,3}", "(|a)",
      "a|", "(a|)+b", "[.]", "\\.", "[()]", "[:：]", "[^:：]+"};
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
                        "(?#c)", "\xff"}) {
    INFO(p);
    CHECK(regex_lite::Compile(p) == nullptr);
  }
}

TEST_CASE("regex_lite's classes hold the code points ICU's do") {
  for (const char* cls : {"\\p{Han}", "\\s", "\\S", ".", "[^\\s]", "[\\p{Han}\\s]"}) {
    const auto lite = regex_lite::Compile(cls);
    REQUIRE(lite);
    Icu icu(cls);
    REQUIRE(icu.ok());
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
