// Traditional -> Simplified Chinese: ICU's Hant-Hans transform, applied
// without ICU's transliterator machinery when its rules allow.
//
// ICU's "Traditional-Simplified" is the rule set translit/Hant-Hans, used in
// the REVERSE direction. Read that way every rule is a plain string mapping
// ("於飛 → 于飞", "體 → 体"): no context, no variables, no sets (the rules
// that have them are forward-only and play no part). A rule-based
// transliterator then does this: at each position it tries the rules that
// start with the character there, in rule order, and the first that matches
// replaces its text, after which matching resumes behind the replacement; a
// position no rule matches keeps its character. Table below does exactly
// that. Compiling the rule set with ICU costs ~29M instructions per thread;
// reading it into the table costs a small part of that, once per process.
// tests/simplified_test.cpp compares the two over every code point, every
// rule and the corpus. ICU's transliterator itself is not linked: it brought
// in the registry of every transform ICU ships, and with it number and date
// formatting, ~2 MB of code and 60 KB of pointers the loader relocated at
// every start.
#include "noticetab/text.h"

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace noticetab {
namespace {

// ICU's rule text of Hant-Hans and its direction (false when missing).
bool HantHansRules(icu::UnicodeString* rules, bool* reverse) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer root(ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &status));
  icu::LocalUResourceBundlePointer ids(ures_getByKey(root.getAlias(), "RuleBasedTransliteratorIDs", nullptr, &status));
  icu::LocalUResourceBundlePointer id(ures_getByKey(ids.getAlias(), "Hant-Hans", nullptr, &status));
  icu::LocalUResourceBundlePointer file(ures_getByKey(id.getAlias(), "file", nullptr, &status));
  int32_t rules_length = 0, direction_length = 0;
  const UChar* text = ures_getStringByKey(file.getAlias(), "resource", &rules_length, &status);
  const UChar* direction = ures_getStringByKey(file.getAlias(), "direction", &direction_length, &status);
  if (U_FAILURE(status)) return false;
  *rules = icu::UnicodeString(text, rules_length);
  *reverse = icu::UnicodeString(direction, direction_length) == u"REVERSE";
  return true;
}

// The rules as string mappings, grouped by their first character in rule
// order.
class MappingTable {
 public:
  /// Reads ICU's rules; false when one of them is more than a plain mapping.
  bool Load() {
    icu::UnicodeString u;
    bool reverse = false;
    if (!HantHansRules(&u, &reverse)) return false;
    const char16_t* text = u.getBuffer();
    const int32_t n = u.length();
    // Quoting, escapes and comments could hide a ';' or an arrow: not read here.
    for (int32_t i = 0; i < n; ++i) {
      if (text[i] == '\'' || text[i] == '\\' || text[i] == '#') return false;
    }
    rules_.reserve(4096);
    pool_.reserve(static_cast<size_t>(n) * 2);
    for (int32_t begin = 0; begin < n;) {
      int32_t end = begin;
      while (end < n && text[end] != ';') ++end;
      if (!AddRule(text + begin, end - begin, reverse)) return false;
      begin = end + 1;
    }
    // Rule order within one first character is what decides; stable_sort keeps it.
    std::stable_sort(rules_.begin(), rules_.end(), [](const Rule& a, const Rule& b) { return a.first < b.first; });
    for (const Rule& r : rules_) {
      if (r.first < 0x10000) bmp_[r.first >> 6] |= uint64_t{1} << (r.first & 63);
    }
    return true;
  }

  std::string Apply(std::string_view s) const {
    std::string out;
    size_t copied = 0;  // s[copied, i) is the same in the output
    for (size_t i = 0; i < s.size();) {
      const size_t at = i;
      const char32_t c = NextChar(s, i);
      if (c < 0x10000 && !(bmp_[c >> 6] >> (c & 63) & 1)) continue;
      auto r = std::lower_bound(rules_.begin(), rules_.end(), c,
                                [](const Rule& rule, char32_t first) { return rule.first < first; });
      for (; r != rules_.end() && r->first == c; ++r) {
        const std::string_view from = Text(r->from, r->from_size);
        if (s.compare(at, from.size(), from) != 0) continue;
        if (out.empty()) out.reserve(s.size());
        out.append(s.substr(copied, at - copied));
        out += Text(r->to, r->to_size);
        i = copied = at + from.size();
        break;
      }
    }
    if (copied == 0) return std::string(s);
    out.append(s.substr(copied));
    return out;
  }

 private:
  struct Rule {
    char32_t first;
    uint32_t from, to;  // UTF-8 in pool_
    uint16_t from_size, to_size;
  };

  std::string_view Text(uint32_t at, uint16_t size) const { return std::string_view(pool_).substr(at, size); }

  // Appends s[0, n) to pool_ as UTF-8; false for an unpaired surrogate.
  bool Pool(const char16_t* s, int32_t n, uint32_t* at, uint16_t* size) {
    *at = static_cast<uint32_t>(pool_.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(s, i, n, c);
      if (U_IS_SURROGATE(c)) return false;
      char utf8[4];
      int32_t k = 0;
      U8_APPEND_UNSAFE(utf8, k, c);
      pool_.append(utf8, static_cast<size_t>(k));
    }
    if (pool_.size() - *at > 0xFFFF) return false;
    *size = static_cast<uint16_t>(pool_.size() - *at);
    return true;
  }

  // One rule "A ↔ B", "A ← B" or "A → B". Of these the direction in use
  // reads B -> A (REVERSE) or A -> B; a rule for the other direction only,
  // and a variable definition, is skipped.
  bool AddRule(const char16_t* s, int32_t n, bool reverse) {
    while (n > 0 && IsBlank(s[0])) ++s, --n;
    while (n > 0 && IsBlank(s[n - 1])) --n;
    if (n == 0) return true;
    int32_t arrow = -1;
    bool syntax = false;  // ASCII, as all of ICU's rule syntax is
    for (int32_t i = 0; i < n; ++i) {
      if (s[i] == u'\u2194' || s[i] == u'\u2190' || s[i] == u'\u2192') {
        if (arrow >= 0) return false;  // two arrows
        arrow = i;
      } else if (s[i] < 0x80) {
        syntax = true;
      }
    }
    // $name=[...] defines a variable; it only matters to a rule that uses it,
    // and such a rule is refused below.
    if (arrow < 0) return s[0] == '$';
    if (s[arrow] == (reverse ? u'\u2192' : u'\u2190')) return true;  // the other direction only
    if (syntax) return false;  // a context, set, variable or space inside
    const char16_t* a = s;
    int32_t a_size = arrow;
    const char16_t* b = s + arrow + 1;
    int32_t b_size = n - arrow - 1;
    if (reverse) std::swap(a, b), std::swap(a_size, b_size);
    if (a_size == 0) return false;
    Rule r{};
    UChar32 first;
    int32_t i = 0;
    U16_NEXT(a, i, a_size, first);
    r.first = static_cast<char32_t>(first);
    if (!Pool(a, a_size, &r.from, &r.from_size) || !Pool(b, b_size, &r.to, &r.to_size)) return false;
    rules_.push_back(r);
    return true;
  }
  static bool IsBlank(char16_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  std::string pool_;
  std::vector<Rule> rules_;  // by first character, then in rule order
  uint64_t bmp_[0x10000 / 64] = {};  // first characters below U+10000
};

// The table once per process, or null when ICU's rules are not all mappings.
// Never freed: it lives as long as the process.
const MappingTable* Table() {
  static const MappingTable* const table = [] {
    auto t = std::make_unique<MappingTable>();
    return t->Load() ? t.release() : nullptr;
  }();
  return table;
}

// Well-formed UTF-8, as ICU's UTF-8 conversion hands the text to the rules.
std::string WellFormed(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) AppendUtf8(out, NextChar(s, i));
  return out;
}

}  // namespace

std::string ToSimplified(std::string_view s) {
  if (const MappingTable* table = Table()) {
    // Malformed bytes become U+FFFD, as ICU's conversion makes them.
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      const char32_t c = NextChar(s, i);
      if (c == 0xFFFD && s.substr(start, i - start) != "\uFFFD") return table->Apply(WellFormed(s));
    }
    return table->Apply(s);
  }
  // Not reached with the ICU this project links (72, statically): all of its
  // Hant-Hans rules are mappings, which tests/simplified_test.cpp checks
  // against ICU's own transliterator. Another ICU could bring rules the table
  // cannot hold; the text is then kept as it is.
  return std::string(s);
}

}  // namespace noticetab
