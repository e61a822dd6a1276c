// The differential check of noticetab::Regex's literal prefilter, shared by
// fuzz/regex_fuzz.cpp and the replay of fuzz/regressions/regex in
// tests/robustness_test.cpp. The input is a pattern, a NUL byte, then text.
// Whenever plain ICU finds a match in the text, Regex must find one too (the
// prefilter may only skip texts that cannot match), and the match must hold
// the required and leading literals. The text is mapped onto a small alphabet
// of characters the rules use, so that patterns and texts meet often; its
// digits are ASCII and full-width only, where `\d` means the same for both.
#ifndef NOTICETAB_FUZZ_REGEX_CHECK_H_
#define NOTICETAB_FUZZ_REGEX_CHECK_H_

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/error.h"
#include "noticetab/text.h"

namespace noticetab::fuzz {

inline std::string MapRegexText(std::string_view bytes) {
  static constexpr const char* kAlphabet[] = {"年", "月", "日", "前", "来", "源", "编", "辑", "抄",
                                              "送", "附", "件", "（", "）", "：", "１", "２", "1",
                                              "2", "a", "b", " ", "(", ")", "|"};
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

}  // namespace noticetab::fuzz

#endif  // NOTICETAB_FUZZ_REGEX_CHECK_H_
