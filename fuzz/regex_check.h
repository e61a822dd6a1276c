// The differential check of noticetab::Regex's literal prefilter, shared by
// fuzz/regex_fuzz.cpp and the replay of fuzz/regressions/regex in
// tests/robustness_test.cpp. The input is a pattern, a NUL byte, then text.
// Whenever plain ICU finds a match in the text, Regex must find one too (the
// prefilter may only skip texts that cannot match), and the match must hold
// the required and leading literals. The text is mapped onto a small alphabet
// of characters the rules use, so that patterns and texts meet often; its
// digits are ASCII and full-width only, where `\d` means the same for both.
// CheckLite compares src/regex_lite with plain ICU on the same input: every
// match of ICU's find() loop, with the offsets of all groups.
#ifndef NOTICETAB_FUZZ_REGEX_CHECK_H_
#define NOTICETAB_FUZZ_REGEX_CHECK_H_

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "../src/regex_lite.h"
#include "noticetab/error.h"
#include "noticetab/text.h"

namespace noticetab::fuzz {

// Fuzz bytes as text of the characters the rules' patterns name, ASCII ":"
// and a line break among them (the prefilter's [:：] and ...$ gates).
inline std::string MapRegexText(std::string_view bytes) {
  static constexpr const char* kAlphabet[] = {"年", "月", "日", "前", "来", "源", "编", "辑", "抄",
                                              "送", "附", "件", "（", "）", "：", "１", "２", "1",
                                              "2", "a", "b", " ", "(", ")", "|", ":", "\n"};
  std::string out;
  for (unsigned char b : bytes) out += kAlphabet[b % std::size(kAlphabet)];
  return out;
}

/// "" when the prefilter agrees with ICU on this input, else what went wrong.
inline std::string CheckPrefilter(std::string_view input) {
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return "";
  const std::string_view pattern = input.substr(0, nul);
  if (pattern.size() > 96 || input.size() - nul > 256) return "";  // small cases find it faster
  const std::string text = MapRegexText(input.substr(nul + 1));

  const Regex re(pattern);
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> plain(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0,
      pe, status));
  if (U_FAILURE(status) || !re.ok()) return "";
  std::unique_ptr<icu::RegexMatcher> m(plain->matcher(status));
  if (U_FAILURE(status)) return "";
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  m->reset(u);
  m->setTimeLimit(1000, status);  // catastrophic backtracking is not this check's subject
  if (!m->find(status) || U_FAILURE(status)) return "";
  std::string found;
  m->group(status).toUTF8String(found);
  auto holds = [](const std::string& s, const std::vector<std::string>& any) {
    for (const auto& run : any)
      if (s.find(run) != std::string::npos) return true;
    return false;
  };
  bool contains = false;
  try {
    contains = re.Contains(text);
  } catch (const Error&) {
    return "";  // gave up at its own time limit: not this check's subject either
  }
  if (!contains) return "the prefilter hid a match: " + found;
  for (const auto& any : re.required())
    if (!holds(found, any)) return "a match without the required " + any.front() + ": " + found;
  if (!re.leading().empty()) {
    bool starts = false;
    for (const auto& run : re.leading()) starts = starts || text.rfind(run, 0) == 0;
    if (!starts) return "a match in a text without the leading " + re.leading().front();
  }
  return "";
}

/// One match: byte offsets of every group, {-1, -1} for one that did not take part.
using RegexGroups = std::vector<std::pair<long, long>>;

inline std::string DescribeMatches(const std::vector<RegexGroups>& all) {
  std::ostringstream os;
  if (all.empty()) os << "no match";
  for (const auto& m : all) {
    for (const auto& [b, e] : m) os << "[" << b << "," << e << ")";
    os << " ";
  }
  return os.str();
}

/// Plain ICU (flags 0, the pattern as written), searched as Regex searches:
/// the text decoded as NextChar decodes it, offsets mapped back to bytes.
class IcuSearch {
 public:
  explicit IcuSearch(std::string_view pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    re_.reset(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0, pe,
        status));
    if (U_FAILURE(status)) re_.reset();
    if (re_) m_.reset(re_->matcher(status));
    if (U_FAILURE(status)) m_.reset();
  }
  bool ok() const { return m_ != nullptr; }
  int32_t groups() const { return m_->groupCount(); }
  int32_t GroupNumber(const std::string& name) const {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = re_->groupNumberFromName(icu::UnicodeString::fromUTF8(name), status);
    return U_SUCCESS(status) ? n : -1;
  }
  /// Up to `limit` matches of the find() loop; false when ICU gave up
  /// (time_limit ticks when not 0, or its stack).
  bool All(std::string_view s, size_t limit, std::vector<RegexGroups>& out, int32_t time_limit = 0) {
    out.clear();
    icu::UnicodeString u;
    std::vector<long> bytes;  // by UTF-16 index
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
    if (time_limit > 0) m_->setTimeLimit(time_limit, status);
    while (out.size() < limit && m_->find(status) && U_SUCCESS(status)) {
      RegexGroups g;
      for (int32_t k = 0; k <= m_->groupCount(); ++k) {
        const int32_t b = m_->start(k, status), e = m_->end(k, status);
        g.push_back(b < 0 ? std::pair<long, long>{-1, -1} : std::pair<long, long>{bytes[b], bytes[e]});
      }
      out.push_back(std::move(g));
    }
    return U_SUCCESS(status);
  }

 private:
  std::unique_ptr<icu::RegexPattern> re_;
  std::unique_ptr<icu::RegexMatcher> m_;
};

/// Up to `limit` matches of regex_lite, walked as ICU's find() loop walks
/// (from the end of a match; one character further after an empty one).
/// False when the engine gave up (its step or stack budget).
inline bool LiteAll(const regex_lite::Program& p, std::string_view s, size_t limit, std::vector<RegexGroups>& out) {
  out.clear();
  std::vector<size_t> caps;
  size_t from = 0;
  bool last_empty = false;
  while (out.size() < limit) {
    if (last_empty) {
      if (from >= s.size()) break;
      NextChar(s, from);
    }
    const auto r = p.Search(s, from, caps);
    if (r == regex_lite::Program::Result::kNoMatch) break;
    if (r != regex_lite::Program::Result::kMatch) return false;
    RegexGroups g;
    for (size_t k = 0; k < caps.size(); k += 2) {
      g.push_back(caps[k] == std::string_view::npos || caps[k + 1] == std::string_view::npos
                      ? std::pair<long, long>{-1, -1}
                      : std::pair<long, long>{static_cast<long>(caps[k]), static_cast<long>(caps[k + 1])});
    }
    out.push_back(std::move(g));
    from = caps[1];
    last_empty = caps[0] == caps[1];
  }
  return true;
}

/// "" when regex_lite agrees with plain ICU on this input (or leaves the
/// pattern to ICU), else what went wrong.
inline std::string CheckLite(std::string_view input) {
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return "";
  const std::string_view pattern = input.substr(0, nul);
  if (pattern.size() > 96 || input.size() - nul > 256) return "";
  const std::string text = MapRegexText(input.substr(nul + 1));
  const auto lite = regex_lite::Compile(pattern);
  if (!lite) return "";
  IcuSearch icu(pattern);
  if (!icu.ok()) return "regex_lite compiles a pattern ICU rejects";
  if (static_cast<size_t>(icu.groups()) != lite->groups()) return "a different number of groups";
  for (size_t g = 1; g < lite->names().size(); ++g) {
    if (!lite->names()[g].empty() && icu.GroupNumber(lite->names()[g]) != static_cast<int32_t>(g))
      return "group " + lite->names()[g] + " has another number in ICU";
  }
  // The raw bytes too (bad UTF-8), unless \d is in the pattern: ICU's is
  // every Unicode digit, Regex's the ASCII and full-width ones.
  std::vector<std::string> texts = {text};
  if (pattern.find("\\d") == std::string_view::npos) texts.emplace_back(input.substr(nul + 1));
  for (const std::string& t : texts) {
    std::vector<RegexGroups> a, b;
    if (!icu.All(t, 8, b, 1000) || !LiteAll(*lite, t, 8, a)) continue;  // a limit: not this check's subject
    if (a != b) return "on '" + t + "': regex_lite " + DescribeMatches(a) + "ICU " + DescribeMatches(b);
  }
  return "";
}

}  // namespace noticetab::fuzz

#endif  // NOTICETAB_FUZZ_REGEX_CHECK_H_
