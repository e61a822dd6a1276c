// A small backtracking regex engine for the subset of ICU syntax the rules
// use, so that a run over typical notices compiles no ICU RegexPattern at all
// (ICU builds its static sets, ~7.5M instructions, on the first compile of a
// process) and a search costs no matcher set-up or UTF-16 copy.
//
// Subset (anything else makes Compile return null, and Regex uses ICU):
// literals; escapes of ASCII punctuation, \n \t \r \f, \d (as [0-9０-９], the
// digits text.cpp spells it as for ICU), \s \S (Unicode White_Space), \p{Han}
// (ICU 72's script Han, tests/regex_lite_test.cpp compares it with ICU code
// point by code point); sets [...] of those with ranges and negation; . (not
// a line terminator); alternation; capturing, named and non-capturing groups;
// ? * + {m} {m,} {m,n} and their lazy forms (a repeated body must not match
// the empty string); ^ and $ as ICU reads them without flags (start of text;
// end of text or before a line terminator that ends it); look-ahead (?= (?!
// and look-behind (?<= (?<! of one character, without groups inside.
//
// Semantics are ICU's: leftmost match, Perl priority between branches and
// greedy/lazy repeats, a group holds its last iteration, offsets are UTF-8
// byte offsets, text decoded as NextChar does (invalid bytes are U+FFFD).
#ifndef NOTICETAB_REGEX_LITE_H_
#define NOTICETAB_REGEX_LITE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace noticetab::regex_lite {

class Program {
 public:
  enum class Result { kNoMatch, kMatch, kTooLong, kTooDeep };
  /// Group names by number ("" unnamed); size = groups + 1.
  const std::vector<std::string>& names() const { return names_; }
  size_t groups() const { return names_.size() - 1; }
  /// The first match in s starting at byte `from` (a character boundary) or
  /// later. caps gets 2 * (groups() + 1) byte offsets, npos for a group that
  /// did not take part. kTooLong / kTooDeep: the search passed its step or
  /// backtracking-stack budget (as ICU's time and stack limits), no answer.
  Result Search(std::string_view s, size_t from, std::vector<size_t>& caps) const;
  /// True when the pattern is anchored at the start and s cannot start a
  /// match (its first character is not one a match starts with): a check of
  /// a byte or two, cheaper than any scan of s.
  bool CannotStart(std::string_view s) const {
    if (!anchored_ || first_set_ < 0) return false;
    return s.empty() || !FirstByte(s[0]) || !FirstChar(s);
  }

  /// For a pattern every match of which starts at 0, with a known first
  /// set: its ranges (sorted, inclusive), and true. Else false.
  bool StartRanges(std::vector<std::pair<char32_t, char32_t>>& out) const;

  struct Inst;
  struct Set;
  /// The bytes a try from an instruction can take first (IndexBranches);
  /// any: it may match taking none, or starts where the index does not look.
  struct Firsts {
    uint64_t bytes[4];
    bool any;
  };
  ~Program();
  Program();

 private:
  friend std::unique_ptr<Program> Compile(std::string_view pattern);
  friend std::string Serialize(const Program& program);
  friend std::unique_ptr<Program> Deserialize(std::string_view bytes);
  bool Run(std::string_view s, uint32_t pc, size_t pos, size_t* caps, size_t& steps, size_t budget,
           Result& failure) const;
  bool Look(std::string_view s, const Inst& inst, size_t pos, size_t& steps, size_t budget, Result& failure) const;

  std::vector<Inst> code_;
  std::string lits_;  // the bytes of the kStr instructions
  std::vector<Set> sets_;
  std::vector<std::string> names_;
  uint32_t start_ = 0;  // main program entry
  bool anchored_ = false;     // every match starts at 0
  std::string prefix_;        // bytes every match starts with ("" none)
  // For an unanchored pattern whose first set is a few non-ASCII characters
  // ((列|排)...): their UTF-8 forms, each found with a memchr on its last
  // byte instead of decoding the text character by character. Else empty.
  std::vector<std::string> first_runs_;
  int first_set_ = -1;        // a set every match's first character is in (-1 none)
  uint64_t first_bytes_[4] = {0, 0, 0, 0};  // the bytes such a character can start with
  bool FirstChar(std::string_view s) const;
  // For each instruction a kSplit goes to: the bytes a try from there can
  // take first, so a branch that cannot start on the text's next byte is
  // passed without a choice point (an alternation of thirty words or
  // classes tries the one or two its byte can start). `any`: a branch that
  // may match taking no byte, or starts where the index does not look.
  // Built by Compile and Deserialize (IndexBranches), never serialized.
  std::vector<Firsts> firsts_;
  void IndexBranches();
  bool FirstByte(char b) const {
    const auto u = static_cast<unsigned char>(b);
    return (first_bytes_[u >> 6] >> (u & 63)) & 1;
  }
};

namespace detail {
/// Compile marks a greedy set repeat possessive when what follows cannot
/// start on its characters (true by default); tests turn it off to compare
/// the answers with and without.
inline std::atomic<bool> possessive_repeats{true};
/// Regex's literal prefilter (text.cpp) also reads sets with ASCII members
/// ([:：]: a match holds : or ：; [^，]+[:：]$: a line ends so), when a
/// Regex first searches (true by default); tests turn it off to compare.
inline std::atomic<bool> ascii_set_gates{true};
/// Whether s holds one of chars where a decode from some place reads it, as
/// Regex's prefilter asks for a set (text.cpp), for tests that compare its
/// scans: for a set whose lead bytes are few and not CJK ones, avx2 true
/// takes the one-pass scan where the processor has it, false one memchr scan
/// per lead byte.
bool HasAnyCharWith(bool avx2, std::vector<char32_t> chars, std::string_view s);
}  // namespace detail

/// The compiled pattern, or null when it is outside the subset (or invalid).
std::unique_ptr<Program> Compile(std::string_view pattern);

/// A compiled program as bytes (the built-in patterns' programs are compiled
/// at build time: src/tools/literal_cache.cpp), and back: Deserialize gives
/// the program Compile gave, or null for bytes Serialize did not write.
std::string Serialize(const Program& program);
std::unique_ptr<Program> Deserialize(std::string_view bytes);

}  // namespace noticetab::regex_lite

#endif  // NOTICETAB_REGEX_LITE_H_
