// Regex's prefilter gates from sets with ASCII members (a match of [:：]
// holds : or ：; a match of ...[:：]$ ends with one, before a final line
// terminator) against the same patterns without them, and against plain ICU:
// every match of Find, with all group offsets, on the rule patterns and
// hand-written sets over corpus lines and generated texts.
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "noticetab/error.h"
#include "noticetab/text.h"
#include "regex_lite.h"
#include "test_util.h"

namespace noticetab {
namespace {

// A Regex whose prefilter is read with the ASCII set gates on or off (the
// prefilter is read on first use: required() forces it).
std::unique_ptr<Regex> MakeWith(const std::string& pattern, bool gates) {
  regex_lite::detail::ascii_set_gates = gates;
  auto re = std::make_unique<Regex>(pattern);
  (void)re->required();
  regex_lite::detail::ascii_set_gates = true;
  return re;
}

std::string Describe(const Regex::Match& m) {
  std::string out = m.found ? std::to_string(m.begin) + "-" + std::to_string(m.end) : "none";
  for (const auto& g : m.groups) out += " [" + std::string(g) + "]";
  return out;
}

// Plain ICU: whether pattern matches anywhere in text (-1: no answer).
int IcuFinds(const icu::RegexPattern& re, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(re.matcher(status));
  if (U_FAILURE(status)) return -1;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  m->reset(u);
  m->setTimeLimit(1000, status);
  const bool found = m->find(status);
  return U_FAILURE(status) ? -1 : found;
}

TEST_CASE("Regex's ASCII set gates keep every match", "[regex]") {
  std::set<std::string> patterns = testing::RuleScalars();
  for (const char* p :
       {"[:：]", "^(?<k>[^:：]{2,8})[:：]\\s*(?<v>.+)$", "^(?<r>[^。！？]{2,})[:：]$", "[a:]$", "a[:：]$", "(a|b)[:：]$",
        "a|b[:：]$", "[(（]年", "[\\[［]年", "[\\]]", "[\\-]", "[\\^]", "[\\\\]", "[:alpha:]", "[:a:]", "[a|b]", "[.]",
        "[?]", "[*+]", "[<>]", "[!]年", "[@_]", "[\"']", "[ab]", "[a-c]", "[^a]", "[a b]", "[ab]?年", "[ab]*年",
        "[ab]{0,2}年", "[ab]{2}年", "[ab]+?年", "(?:[ab]|年)月", "(?:[ab]|)月", "(?=[ab])", "(?![ab])年", "(?<=[:：])年",
        "([:：])?年", "[:：]$", "[:：]\\s*$", "[:：]+$", "[:：]?$", "[\\$]", "[ab]\\$", "\\[ab]$", "[年月]$", "[a&&b]",
        "[a&b]", "[{]", "[ab]{1,}年", "(?:年[:：])+", "[：:](?<x>\\d+)$", "(?<x>[ab])[:：]$", "[\\d:]", "[\\s:]", "[\\p{Han}:]", "[./-]", "[-.]年", "[a-]", "\\d[./-]\\d|年", "[a-c-]", "[\\--]"})
    patterns.insert(p);

  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/samples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line;
    for (int k = 0; k < 40 && std::getline(in, line); ++k) {
      texts.push_back(line);
      if (k % 4 == 0) texts.push_back(line + "：");
      if (k % 4 == 1) texts.push_back(line + ":\n");
      if (k % 4 == 2) texts.push_back(line.substr(0, line.size() / 2) + ":" + line.substr(line.size() / 2));
    }
  }
  std::mt19937 rng(8);
  const char* abc[] = {"a", "b", ":", "：", " ", "年", "月", "(", "（", "[", "［", "]", "-", "^", "\\", "|", ".", "?",
                       "*", "+", "<", ">", "!", "@", "_", "\"", "'", "$", "{", "&", "1", "２", "。", "\n", "\r\n",
                       "\r", "\u2028", "\u0085"};
  for (int k = 0; k < 400; ++k) {
    std::string t;
    for (size_t i = rng() % 12; i > 0; --i) t += abc[rng() % std::size(abc)];
    texts.push_back(t);
  }

  size_t compared = 0, differ = 0, icu_compared = 0, hidden = 0;
  for (const auto& pattern : patterns) {
    const auto fast = MakeWith(pattern, true);
    const auto slow = MakeWith(pattern, false);
    if (!fast->ok()) continue;
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> plain(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0, pe,
        status));
    if (U_FAILURE(status)) plain.reset();
    // \d means [0-9０-９] for Regex, all of Nd for plain ICU: no ICU check there.
    if (pattern.find("\\d") != std::string::npos) plain.reset();
    for (const auto& text : texts) {
      Regex::Match a, b;
      try {
        a = fast->Find(text);
        b = slow->Find(text);
      } catch (const Error&) {
        continue;  // a search that gave up: not this test's subject
      }
      ++compared;
      if (a.found != b.found || a.begin != b.begin || a.end != b.end || a.groups != b.groups) {
        if (++differ <= 5) FAIL_CHECK(pattern << " on '" << text << "': " << Describe(a) << " vs " << Describe(b));
      }
      if (!plain) continue;
      const int icu = IcuFinds(*plain, text);
      if (icu < 0) continue;
      ++icu_compared;
      if (icu == 1 && !a.found && ++hidden <= 5) FAIL_CHECK(pattern << " on '" << text << "': ICU matches, Regex not");
    }
  }
  CHECK(differ == 0);
  CHECK(hidden == 0);
  CHECK(compared > 10000);
  CHECK(icu_compared > 10000);
}

}  // namespace
}  // namespace noticetab
