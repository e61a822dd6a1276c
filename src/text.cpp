// Text utilities over UTF-8. The UTF-8 walking and character classes are
// plain code so the per-character loops of the tokenizer stay cheap; ICU
// supplies the Unicode tables, NFKC and the regex engine.
#include "noticetab/text.h"

#include <unicode/translit.h>

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdint>

namespace noticetab {

char32_t NextChar(std::string_view s, size_t& i) {
  // ICU's macro takes signed indexes; widening avoids size_t/int mixing warnings.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int64_t j = static_cast<int64_t>(i), n = static_cast<int64_t>(s.size());
  UChar32 c;
  U8_NEXT(p, j, n, c);
  i = static_cast<size_t>(j);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextChar(s, i);
  return n;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x20000 && c <= 0x3134F) ||  // extensions B-G, compatibility supplement
         c == 0x3007;                       // 〇, written as the digit zero
}

bool IsCjkPunct(char32_t c) {
  // Full-width letters and digits are not punctuation (IsDigit owns ０-９), so
  // only the punctuation parts of the FFxx block count.
  return (c >= 0x3001 && c <= 0x303F && c != 0x3007) || (c >= 0xFE10 && c <= 0xFE1F) ||
         (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFE0 && c <= 0xFFEE);
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));  // NBSP, U+3000, other Zs, LS/PS
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

int ColumnWidth(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  const auto u = static_cast<UChar32>(c);
  const int32_t ea = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  const int8_t type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  return 1;
}

std::string_view Trim(std::string_view s) {
  size_t begin = s.size(), end = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (IsSpace(NextChar(s, i))) continue;
    if (begin == s.size()) begin = start;
    end = i;
  }
  return begin < end ? s.substr(begin, end - begin) : s.substr(0, 0);
}

namespace {

// "CJK" for spacing decisions: besides Han and the CJK punctuation blocks,
// full-width letters/digits and the general-punctuation quotes, dashes and
// ellipsis that Chinese text uses (“” ‘’ — … ·).
bool IsCjkContext(char32_t c) {
  return IsHan(c) || IsCjkPunct(c) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x00B7;
}

}  // namespace

std::string JoinCjkSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char32_t prev = 0;  // last non-space character copied; 0 at the start
  bool in_space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextChar(s, i);
    if (IsSpace(c)) {
      in_space = true;
      continue;
    }
    if (in_space) {
      // Spaces inside Chinese are artifacts of PDF/Word extraction, never meaning.
      const bool join = prev != 0 && ((IsCjkContext(prev) && (IsCjkContext(c) || IsDigit(c))) ||
                                      (IsDigit(prev) && IsCjkContext(c)));
      if (!join) out += ' ';
      in_space = false;
    }
    out.append(s.substr(start, i - start));
    prev = c;
  }
  if (in_space) out += ' ';
  return out;
}

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (!IsSpace(NextChar(s, i))) out.append(s.substr(start, i - start));
  }
  return out;
}

std::string Nfkc(std::string_view s) {
  bool ascii = true;
  for (const char ch : s) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) return std::string(s);  // NFKC never changes ASCII
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  if (U_SUCCESS(status)) {
    nfkc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                        nullptr, status);
  }
  // Only missing ICU data fails here; unnormalized text beats no text.
  return U_SUCCESS(status) ? out : std::string(s);
}

std::string NormalizePunct(std::string_view s) {
  struct Char {
    char32_t c;
    size_t begin, end;
    bool wide;  // becomes its full-width form
  };
  std::vector<Char> chars;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextChar(s, i);
    chars.push_back({c, start, i, false});
  }
  auto full_width = [](char32_t c) -> char32_t {
    switch (c) {
      case ',':
        return U'，';
      case ';':
        return U'；';
      case ':':
        return U'：';
      case '(':
        return U'（';
      case ')':
        return U'）';
      case '!':
        return U'！';
      case '?':
        return U'？';
      default:
        return 0;
    }
  };
  // Context is the nearest non-space neighbour on each side; a left neighbour
  // already widened counts as CJK so "中文):" widens both marks.
  std::vector<size_t> open_parens;
  for (size_t k = 0; k < chars.size(); ++k) {
    if (!full_width(chars[k].c)) continue;
    bool cjk = false;
    for (size_t l = k; l-- > 0;) {
      if (IsSpace(chars[l].c)) continue;
      cjk = chars[l].wide || IsCjkContext(chars[l].c);
      break;
    }
    for (size_t r = k + 1; !cjk && r < chars.size(); ++r) {
      if (IsSpace(chars[r].c)) continue;
      cjk = IsCjkContext(chars[r].c);
      break;
    }
    chars[k].wide = cjk;
    // Parentheses change as a pair so "(2023年)" never becomes "(2023年）".
    if (chars[k].c == '(') {
      open_parens.push_back(k);
    } else if (chars[k].c == ')' && !open_parens.empty()) {
      Char& open = chars[open_parens.back()];
      open_parens.pop_back();
      open.wide = chars[k].wide = open.wide || chars[k].wide;
    }
  }
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (const Char& ch : chars) {
    if (ch.wide) {
      AppendUtf8(out, full_width(ch.c));
    } else {
      out.append(s.substr(ch.begin, ch.end - ch.begin));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Regex

struct Regex::Impl {
  std::string pattern;
  std::unique_ptr<icu::RegexPattern> compiled;  // null when compiling failed
  std::string error;
  int error_offset = 0;
  std::vector<std::string> names;  // by group number; "" for unnamed groups
};

namespace {

const std::string kEmpty;
const std::string kNoPattern = "no pattern";

// ICU gives only an error code; rule authors need words.
const char* DescribeRegexError(UErrorCode status) {
  switch (status) {
    case U_REGEX_MISMATCHED_PAREN:
      return "unbalanced parentheses";
    case U_REGEX_MISSING_CLOSE_BRACKET:
      return "missing ']'";
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
      return "bad escape sequence";
    case U_REGEX_RULE_SYNTAX:
      return "syntax error (group names are ASCII letters and digits: (?<name>...))";
    case U_REGEX_BAD_INTERVAL:
      return "bad {min,max} interval";
    case U_REGEX_MAX_LT_MIN:
      return "{min,max} with max < min";
    case U_REGEX_INVALID_RANGE:
      return "bad character range";
    case U_REGEX_PROPERTY_SYNTAX:
      return "bad \\p{...} property";
    case U_REGEX_INVALID_BACK_REF:
      return "back reference to a missing group";
    case U_REGEX_LOOK_BEHIND_LIMIT:
      return "look-behind must have a bounded length";
    case U_REGEX_INVALID_CAPTURE_GROUP_NAME:
      return "bad or duplicate group name";
    case U_REGEX_NUMBER_TOO_BIG:
      return "number too big";
    default:
      return "invalid pattern";
  }
}

// ICU reports a 1-based column in code points within a line; the header
// promises a 0-based code-point offset into the whole pattern.
int PatternOffset(std::string_view pattern, const UParseError& pe) {
  int offset = 0, line = 1;
  size_t i = 0;
  while (i < pattern.size() && line < pe.line) {
    if (NextChar(pattern, i) == '\n') ++line;
    ++offset;
  }
  return offset + (pe.offset > 0 ? pe.offset - 1 : 0);
}

// Candidate names are read from the pattern text ("(?<" name ">"); asking ICU
// for each one's number filters out look-behinds, escapes and class members.
std::vector<std::string> GroupNames(const std::string& pattern, const icu::RegexPattern& re) {
  // Only a matcher knows the group count.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::RegexMatcher> matcher(re.matcher(status));
  if (U_FAILURE(status)) return {""};
  std::vector<std::string> names(static_cast<size_t>(matcher->groupCount()) + 1);
  for (size_t at = pattern.find("(?<"); at != std::string::npos; at = pattern.find("(?<", at + 3)) {
    size_t end = at + 3;
    while (end < pattern.size() && isalnum(static_cast<unsigned char>(pattern[end]))) ++end;
    if (end == at + 3 || end >= pattern.size() || pattern[end] != '>') continue;
    const std::string name = pattern.substr(at + 3, end - at - 3);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = re.groupNumberFromName(icu::UnicodeString::fromUTF8(name), status);
    if (U_SUCCESS(status) && n > 0 && static_cast<size_t>(n) < names.size()) names[n] = name;
  }
  return names;
}

// A matcher over s. ICU patterns are immutable and shareable between threads,
// matchers are not, so each search gets its own. The UText must outlive it.
struct Search {
  icu::LocalUTextPointer text;
  std::unique_ptr<icu::RegexMatcher> matcher;

  Search(const icu::RegexPattern& re, std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    text.adoptInstead(utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status));
    matcher.reset(re.matcher(status));
    if (U_FAILURE(status)) {
      matcher.reset();
      return;
    }
    matcher->reset(text.getAlias());
  }
  // Next match as UTF-8 byte offsets (native indexes of a UTF-8 UText).
  bool Next(size_t& begin, size_t& end) {
    UErrorCode status = U_ZERO_ERROR;
    if (!matcher || !matcher->find(status) || U_FAILURE(status)) return false;
    begin = static_cast<size_t>(matcher->start64(status));
    end = static_cast<size_t>(matcher->end64(status));
    return U_SUCCESS(status);
  }
};

}  // namespace

Regex::Regex() = default;
Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

Regex::Regex(std::string_view pattern) : impl_(std::make_unique<Impl>()) {
  impl_->pattern = std::string(pattern);
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  impl_->compiled.reset(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size())), 0, pe,
      status));
  if (U_FAILURE(status)) {
    impl_->compiled.reset();
    impl_->error = std::string(u_errorName(status)) + ": " + DescribeRegexError(status);
    impl_->error_offset = PatternOffset(pattern, pe);
    return;
  }
  impl_->names = GroupNames(impl_->pattern, *impl_->compiled);
}

bool Regex::ok() const { return impl_ && impl_->compiled; }
const std::string& Regex::error() const { return impl_ ? impl_->error : kNoPattern; }
int Regex::error_offset() const { return impl_ ? impl_->error_offset : 0; }
const std::string& Regex::pattern() const { return impl_ ? impl_->pattern : kEmpty; }

std::string_view Regex::Match::Group(std::string_view name) const {
  for (size_t i = 0; i < names.size() && i < groups.size(); ++i) {
    if (names[i] == name) return groups[i];
  }
  return {};
}

Regex::Match Regex::Find(std::string_view s) const {
  Match m;
  if (!ok()) return m;
  Search search(*impl_->compiled, s);
  if (!search.Next(m.begin, m.end)) return m;
  m.found = true;
  const int32_t count = search.matcher->groupCount();
  m.groups.resize(static_cast<size_t>(count) + 1);
  for (int32_t g = 0; g <= count; ++g) {
    UErrorCode status = U_ZERO_ERROR;
    const int64_t begin = search.matcher->start64(g, status);
    const int64_t end = search.matcher->end64(g, status);
    if (U_SUCCESS(status) && begin >= 0) m.groups[g] = s.substr(begin, end - begin);
  }
  m.names = impl_->names;
  return m;
}

std::string Regex::ReplaceAll(std::string_view s, std::string_view replacement) const {
  if (!ok()) return std::string(s);
  Search search(*impl_->compiled, s);
  std::string out;
  size_t last = 0, begin = 0, end = 0;
  while (search.Next(begin, end)) {
    out.append(s.substr(last, begin - last));
    out.append(replacement);
    last = end;
  }
  out.append(s.substr(last));
  return out;
}

std::string ToSimplified(std::string_view s) {
  // One transliterator per thread: creating one parses ICU's rule data.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(tr) : nullptr;
  }();
  if (!t) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace noticetab
