// Text utilities: UTF-8 iteration, character classes, normalization, and a
// compiled regular expression type used by the rules. The stages call ICU only
// through this module; the other callers of ICU are the charset converters
// (load.cpp for input, output_file.cpp for --encoding) and native/html.cpp's
// UTF-8 macros.
//
// Contract: string_views returned (Trim, Regex::Match::groups) point into the
// argument and live as long as it does. Nothing here throws Error except
// Regex::Find, Contains and ReplaceAll (Error(kRules) past the time or
// backtracking limit, see set_origin); a Regex that does not compile is not an
// exception: ok() is false and it never matches.
#ifndef NOTICETAB_TEXT_H_
#define NOTICETAB_TEXT_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace noticetab {

/// NextChar for what its inline fast paths leave: 2- and 4-byte sequences
/// and every malformed case (ICU's U8_NEXT).
char32_t NextCharSlow(std::string_view s, size_t& i);
/// Decodes one code point at s[i] and advances i. Invalid bytes yield U+FFFD.
/// REQUIRES: i < s.size().
inline char32_t NextChar(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  // Fast paths for ASCII and well-formed 3-byte sequences (all of CJK), inline
  // because every stage walks text with it.
  if (p[i] < 0x80) return p[i++];
  // Leads E1-EC and EE-EF followed by two continuation bytes are always well
  // formed (E0 can be overlong and ED a surrogate: the slow path decides).
  const unsigned b = p[i];
  if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < s.size() && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
    const char32_t c = (char32_t{b} & 0x0F) << 12 | (char32_t{p[i + 1]} & 0x3F) << 6 | (p[i + 2] & 0x3F);
    i += 3;
    return c;
  }
  return NextCharSlow(s, i);
}
/// The code point ending before byte `end` of s, *begin set to where it
/// starts (back past continuation bytes to a lead): NextChar's step the other
/// way. 0, *begin 0, when end is 0.
inline char32_t PrevChar(std::string_view s, size_t end, size_t* begin) {
  size_t b = end;
  while (b > 0 && (static_cast<unsigned char>(s[b - 1]) & 0xC0) == 0x80) --b;
  if (b > 0) --b;
  *begin = b;
  size_t i = b;
  return end > 0 ? NextChar(s, i) : 0;
}
/// Appends c encoded as UTF-8.
void AppendUtf8(std::string& out, char32_t c);
/// Number of code points.
size_t CharCount(std::string_view s);
/// min(CharCount(s), limit), without reading past the limit-th character (for
/// "longer than n" tests on text that may be long).
size_t CharCountUpTo(std::string_view s, size_t limit);

bool IsHan(char32_t c);          ///< CJK unified ideographs (incl. ext A), 〇
bool IsCjkPunct(char32_t c);     ///< CJK symbols and punctuation, full-width forms
bool IsSpaceSlow(char32_t c);    ///< IsSpace for U+0080-U+3000 (ICU's White_Space)
/// ASCII whitespace, U+3000, NBSP and other Zs.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c > 0x3000) return false;  // U+3000 is the last White_Space: Han text stays out of ICU
  return IsSpaceSlow(c);
}
bool IsDigit(char32_t c);        ///< 0-9 and full-width ０-９
/// s with its full-width digits (０-９) as ASCII ones: ２０２１年 -> 2021年.
std::string AsciiDigits(std::string_view s);
/// Terminal columns c occupies: 2 for East Asian wide/full-width, 0 for
/// combining marks and controls, else 1 (used to place error carets).
int ColumnWidth(char32_t c);
/// The first `width` terminal columns of s, with … when cut.
std::string ShortenToWidth(std::string_view s, int width);
/// s starts (ends) with p. The first and last bytes are compared inline
/// before the rest: the stages run these at every character against every
/// word of a rule list, and most differ there.
[[gnu::always_inline]] inline bool StartsWith(std::string_view s, std::string_view p) {
  return p.empty() ||
         (s.size() >= p.size() && s[0] == p[0] && s[p.size() - 1] == p.back() && s.substr(0, p.size()) == p);
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return p.empty() || (s.size() >= p.size() && s.back() == p.back() && s[s.size() - p.size()] == p[0] &&
                        s.substr(s.size() - p.size()) == p);
}
/// The key a name is looked up by: NFKC, then only Han characters and ASCII
/// letters and digits kept (header names, clause keys: 责 任 单 位： -> 责任单位).
std::string NameKey(std::string_view s);
/// NameKey(s) without a copy when it equals s: s itself, else the key made in
/// *buf (overwritten). Valid while s and *buf are.
std::string_view NameKey(std::string_view s, std::string* buf);
/// The characters NameKey keeps: ASCII letters and digits, U+4E00-U+9FFF and
/// IsHan. (Body-to-annex linking compares the same characters.)
inline bool IsKeyChar(char32_t c) {
  return c < 128 ? (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                 : (c >= 0x4E00 && c <= 0x9FFF) || IsHan(c);
}

namespace detail {
/// Trim's full form (any text): the inline test below sends it only texts
/// that may start or end with whitespace.
std::string_view TrimEnds(std::string_view s);
}  // namespace detail
/// Strips leading and trailing whitespace (including U+3000 and NBSP).
/// Inline: most texts (146K calls on a 2 MB batch) neither start nor end with
/// a space, and a few byte tests say so. A White_Space character starts with
/// a byte <= 0x20, C2 or E1-E3 (E3 only as E3 80 80, U+3000), and ends in an
/// ASCII byte <= 0x20, in C2 xx, or in a 3-byte character whose lead is E1-E3
/// (E3 80 80 again): a last byte >= 0x80 with a lead >= E4 three bytes back,
/// or E3 not followed by 80 80 (CJK punctuation such as 。), and no C2 before
/// it, ends none.
inline std::string_view Trim(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n >= 3) {
    const unsigned a = p[0], z = p[n - 1];
    const bool head = a > 0x20 && a != 0xC2 && (a - 0xE1u > 2u || (a == 0xE3 && (p[1] | p[2]) != 0x80));
    const bool tail = z < 0x80 ? z > 0x20
                               : p[n - 2] != 0xC2 && (p[n - 3] >= 0xE4 || (p[n - 3] == 0xE3 && (p[n - 2] | z) != 0x80));
    if (head && tail) return s;
  }
  return detail::TrimEnds(s);
}
/// Removes whitespace that sits between two CJK characters, or between a CJK
/// character and a digit ("2023 年" -> "2023年", "县自然资 源局" -> "县自然资源局").
/// Other whitespace runs collapse to one ASCII space.
std::string JoinCjkSpaces(std::string_view s);
/// Removes all whitespace.
std::string RemoveSpaces(std::string_view s);
/// RemoveSpaces(s) without a copy when s holds no space: s itself, else the
/// text made in *buf (overwritten). Valid while s and *buf are.
std::string_view RemoveSpaces(std::string_view s, std::string* buf);
/// True when s holds a whitespace character: RemoveSpaces(s) != s.
bool HasSpace(std::string_view s);
namespace detail {
/// The scan behind HasSpace and RemoveSpaces, for tests that run both on any
/// machine: the first position >= i where a whitespace character starts, or
/// s.size(). avx2: the 32-byte scan where the processor has it (else the
/// portable one); false: the portable one.
size_t NextSpaceWith(bool avx2, std::string_view s, size_t i);
}  // namespace detail
/// NFKC normalization (full-width ASCII -> ASCII, etc.).
std::string Nfkc(std::string_view s);
/// A sub-item's number (1.1, 2.3, １．２, 1-2): integers joined by dots, or
/// numbers of one or two digits joined by hyphens, after NFKC.
bool IsDottedNumber(std::string_view s);
/// Nfkc without ICU, for text of ASCII, CJK ideographs, 、。“”‘’—〇, the
/// CJK brackets 〈〉《》「」『』【】〔〕〖〗, full-width
/// forms and U+3000 only: false (and *out unspecified) for any other text.
bool NfkcWithoutIcu(std::string_view s, std::string* out);
/// ASCII , ; : ( ) ! ? in CJK context -> ，；：（）！？ (for --normalize-punct).
std::string NormalizePunct(std::string_view s);
/// Traditional -> Simplified Chinese (ICU "Traditional-Simplified"), for
/// matching keywords; callers keep the original text for output.
std::string ToSimplified(std::string_view s);

/// A compiled regular expression over UTF-8 text, in ICU's syntax and with
/// ICU's answers: run by src/regex_lite.h when the pattern is within its
/// subset (all the built-in rules), else by ICU. Construct once, then check
/// ok() (RE2 style); matching never allocates the pattern again.
class Regex {
 public:
  /// kNow compiles in the constructor, so ok() and error() tell at once.
  /// kOnFirstUse compiles on the first search that gets past the literal
  /// prefilter (or on ok()), once, thread-safe: for patterns known to be
  /// valid (the built-in rules, checked by the unit tests), so a run pays
  /// only for the patterns its text reaches.
  enum class When { kNow, kOnFirstUse };
  Regex();
  explicit Regex(std::string_view pattern, When when = When::kNow);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  bool ok() const;
  /// The compile error and the 0-based code-point offset in the pattern.
  const std::string& error() const;
  int error_offset() const;
  const std::string& pattern() const;
  /// Where the pattern was written (a rules file and line), named by the
  /// Error(kRules) that Find/Contains/ReplaceAll throw when one search passes
  /// the time or backtracking-stack limit.
  void set_origin(std::string file, int line);

  struct Match {
    bool found = false;
    size_t begin = 0, end = 0;                    ///< byte offsets of the whole match
    std::vector<std::string_view> groups;         ///< index 0 = whole match; empty when unset
    /// Group names, "" for unnamed: the Regex's own list (not copied into
    /// each match), valid as long as the Regex is.
    std::span<const std::string> names;
    /// The named group's text, or empty.
    std::string_view Group(std::string_view name) const;
  };

  /// Searches s (anchors in the pattern decide anchoring). Thread-safe.
  Match Find(std::string_view s) const;
  /// Deleted: a Match holds views into the searched text, so searching a
  /// temporary string would leave them dangling.
  Match Find(std::string&& s) const = delete;
  Match Find(const char* s) const { return Find(std::string_view(s)); }
  bool Contains(std::string_view s) const;
  /// False when no part of s can match: s lacks one of the literal runs every
  /// match holds (required()). Anchors are not looked at, so a caller that
  /// searches pieces of s (each sentence, with an anchored pattern) asks once.
  bool MayOccurIn(std::string_view s) const;
  /// Replaces every match with `replacement` (literal text).
  std::string ReplaceAll(std::string_view s, std::string_view replacement) const;
  /// Literal runs a match must contain, read from the pattern (RE2 and
  /// Hyperscan call this a literal prefilter): every entry is met by any one
  /// of its runs (several for an alternation). A text that misses an entry
  /// cannot match and is not handed to ICU at all.
  using Requirements = std::vector<std::vector<std::string>>;
  const Requirements& required() const;
  /// For a pattern anchored by ^: the literal runs a match must start with
  /// (one per branch of a leading group), checked instead of required().
  const std::vector<std::string>& leading() const;
  /// For a pattern that ends with $: the literal runs a match must end with
  /// (one per branch of a trailing group), checked before any search.
  const std::vector<std::string>& trailing() const;
  /// True when every match starts at the start of the text with a character
  /// in *ranges (sorted, inclusive; a superset): read from leading() or, once
  /// compiled, from regex_lite's first set. False when not known.
  bool StartChars(std::vector<std::pair<char32_t, char32_t>>* ranges) const;

  /// The literal prefilter and the compiled program of the built-in rules'
  /// patterns, made at build time (src/tools/literal_cache.cpp): reading a
  /// pattern's literals cost a fifth of a 30 KB notice's run, compiling it
  /// an eighth. Each entry is a pattern, its Analysis() and its Program()
  /// (empty for a pattern regex_lite does not run), at offsets into
  /// `bytes`, sorted by pattern.
  struct Precomputed {
    const char* bytes = nullptr;
    const uint32_t* entries = nullptr;  // per pattern: (at, size) of pattern, analysis, program
    size_t count = 0;
  };
  /// Patterns look their literals up there first (a pattern not in it is
  /// read as before). Set once, before any search (main does).
  static void UsePrecomputed(const Precomputed* table);
  /// The literals read from `pattern`, serialized: what a table holds.
  static std::string Analysis(std::string_view pattern);
  /// regex_lite's program for `pattern`, serialized; "" when it is outside
  /// regex_lite's subset (ICU runs it).
  static std::string Program(std::string_view pattern);
  /// While set, every Regex constructed appends its pattern (the build-time
  /// tool lists the patterns the loaders make). Not thread-safe.
  static void RecordPatterns(std::vector<std::string>* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The built-in patterns' table for Regex::UsePrecomputed, generated at build
/// time (src/tools/literal_cache.cpp); linked into the noticetab binary and
/// the unit tests, not into the library.
const Regex::Precomputed* BuiltinLiterals();

/// A list of patterns searched together (a rules list such as junk.yaml's):
/// the first character of a text tells, in one lookup, which members can
/// match it at all (the ^-anchored ones keep only those whose start
/// characters hold it), so a text costs one lookup instead of one prefilter
/// per member. The lookup is built on the first search, once, thread-safe.
class RegexSet {
 public:
  RegexSet();
  ~RegexSet();
  RegexSet(RegexSet&&) noexcept;
  RegexSet& operator=(RegexSet&&) noexcept;

  /// Whether any member Contains(s).
  bool ContainsAny(std::string_view s) const;
  /// The members selected for s: bit k for member k (every member from the
  /// 64th on is always selected, and so is any without known start characters).
  /// Never leaves out a member that matches s.
  uint64_t Candidates(std::string_view s) const;

  // The members, as a vector (before the first search only: adding one
  // afterwards is not thread-safe).
  void push_back(Regex re);
  void clear();
  size_t size() const { return members_.size(); }
  bool empty() const { return members_.empty(); }
  const Regex& operator[](size_t k) const { return members_[k]; }
  std::vector<Regex>::const_iterator begin() const { return members_.begin(); }
  std::vector<Regex>::const_iterator end() const { return members_.end(); }

 private:
  struct Index;
  std::vector<Regex> members_;
  std::unique_ptr<Index> index_;
  const Index& Built() const;
};

}  // namespace noticetab

#endif  // NOTICETAB_TEXT_H_
