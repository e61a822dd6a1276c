#include "noticetab/tokenize.h"

#include <algorithm>
#include <string_view>

#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

int Lookup(const std::vector<std::pair<char32_t, int>>& table, char32_t c, int none) {
  auto it = std::lower_bound(table.begin(), table.end(), c,
                             [](const std::pair<char32_t, int>& e, char32_t k) { return e.first < k; });
  return it != table.end() && it->first == c ? it->second : none;
}

bool IsAsciiOrWideDigit(char32_t c) { return IsDigit(c); }
int DigitOf(char32_t c) { return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - 0xFF10); }

// kOpen or kClose for a mark of punctuation.yaml's brackets or other_pairs;
// else `other`.
TokenKind Paired(char32_t c, const Punctuation& p, TokenKind other) {
  if (p.opens.Has(c) || p.other_opens.Has(c)) return TokenKind::kOpen;
  if (p.closes.Has(c) || p.other_closes.Has(c)) return TokenKind::kClose;
  return other;
}

TokenKind KindOfSlow(char32_t c, const Numerals& numerals, const Punctuation& punct, uint64_t filter) {
  if (c == '\t') return TokenKind::kTab;
  if (c == 0xFFFD || (c < 0x20)) return TokenKind::kBad;
  if (IsSpace(c)) return TokenKind::kSpace;
  if (IsDigit(c)) return TokenKind::kDigits;
  if ((filter >> (c & 63)) & 1 && numerals.IsCjkNumeral(c)) return TokenKind::kCjkNumeral;
  if (IsHan(c)) return TokenKind::kHan;
  if (TokenKind k = Paired(c, punct, TokenKind::kOther); k != TokenKind::kOther) return k;
  if (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) return TokenKind::kLatin;
  if (IsCjkPunct(c) || (c < 128)) return TokenKind::kPunct;
  return TokenKind::kOther;
}

// The classes of ASCII characters, looked up. Punctuation may be a bracket
// (Paired, from the rules).
struct AsciiKinds {
  TokenKind kind[128];
  constexpr AsciiKinds() : kind{} {
    for (int c = 0; c < 128; ++c) {
      TokenKind k = TokenKind::kPunct;
      if (c < 0x20) k = TokenKind::kBad;
      if (c == '\t') k = TokenKind::kTab;
      if (c == ' ' || (c >= '\n' && c <= '\r')) k = c == ' ' ? TokenKind::kSpace : TokenKind::kBad;
      if (c >= '0' && c <= '9') k = TokenKind::kDigits;
      if ((c | 32) >= 'a' && (c | 32) <= 'z') k = TokenKind::kLatin;
      kind[c] = k;
    }
  }
};
constexpr AsciiKinds kAscii;

// A 64-bit filter over the numeral characters: most Han characters are
// ruled out by one AND.
uint64_t NumeralFilter(const Numerals& numerals) {
  uint64_t f = 0;
  for (const auto* t : {&numerals.digits, &numerals.units})
    for (const auto& [c, v] : *t) f |= uint64_t{1} << (c & 63);
  return f;
}

TokenKind KindOf(char32_t c, const Numerals& numerals, const Punctuation& punct, uint64_t filter) {
  if (c < 128) {
    const TokenKind k = kAscii.kind[c];
    return k == TokenKind::kPunct ? Paired(c, punct, k) : k;
  }
  if (c >= 0x4E00 && c <= 0x9FFF)  // CJK unified ideographs: Han or a numeral
    return (filter >> (c & 63)) & 1 && numerals.IsCjkNumeral(c) ? TokenKind::kCjkNumeral : TokenKind::kHan;
  return KindOfSlow(c, numerals, punct, filter);
}

// Kinds whose consecutive characters form one token.
bool IsRun(TokenKind k) {
  return k == TokenKind::kHan || k == TokenKind::kCjkNumeral || k == TokenKind::kDigits ||
         k == TokenKind::kSpace || k == TokenKind::kLatin;
}

}  // namespace

int Numerals::CjkDigit(char32_t c) const { return Lookup(digits, c, -1); }

int Numerals::DigitValue(char32_t c) const {
  if (IsAsciiOrWideDigit(c)) return DigitOf(c);
  if (zero_lookalikes.find(c) != std::u32string::npos) return 0;
  return CjkDigit(c);
}

int Numerals::UnitValue(char32_t c) const { return Lookup(units, c, 0); }

int Numerals::Value(std::string_view s) const {
  if (s.empty()) return 0;
  size_t i = 0;
  char32_t c = NextChar(s, i);
  if (c >= 0x2460 && c <= 0x2473) return static_cast<int>(c - 0x2460 + 1);  // ① .. ⑳
  if (IsAsciiOrWideDigit(c)) {  // Arabic: the leading digit run
    long v = DigitOf(c);
    while (i < s.size()) {
      size_t j = i;
      char32_t d = NextChar(s, j);
      if (!IsAsciiOrWideDigit(d)) break;
      v = v * 10 + DigitOf(d);
      if (v > 1'000'000'000) return -1;
      i = j;
    }
    return static_cast<int>(v);
  }
  // CJK: digit by digit unless a place-value character is present.
  bool place = false;
  for (size_t k = 0; k < s.size();) {
    char32_t d = NextChar(s, k);
    if (UnitValue(d) > 0) place = true;
    else if (DigitValue(d) < 0) return -1;
  }
  long v = 0, cur = 0;
  for (size_t k = 0; k < s.size();) {
    char32_t d = NextChar(s, k);
    if (!place) {
      v = v * 10 + DigitValue(d);
      if (v > 1'000'000'000) return -1;
    } else if (int u = UnitValue(d); u > 0) {
      v += (cur == 0 ? 1 : cur) * u;
      cur = 0;
    } else {
      cur = DigitValue(d);
    }
  }
  return static_cast<int>(v + cur);
}

std::vector<Token> Tokenize(std::string_view line, const Rules& rules) {
  const Numerals& numerals = rules.numerals;
  const Punctuation& punct = rules.punct;
  std::vector<Token> out;
  const uint64_t filter = NumeralFilter(numerals);
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    char32_t first = NextChar(line, i);
    TokenKind kind = KindOf(first, numerals, punct, filter);
    if (IsRun(kind)) {
      while (i < line.size()) {
        size_t j = i;
        if (KindOf(NextChar(line, j), numerals, punct, filter) != kind) break;
        i = j;
      }
    }
    Token t{kind, line.substr(start, i - start), static_cast<uint32_t>(start), -1, first};
    if (kind == TokenKind::kDigits || kind == TokenKind::kCjkNumeral) t.value = numerals.Value(t.text);
    out.push_back(t);
  }
  return out;
}

LineShape ShapeOf(const std::vector<Token>& tokens, const Rules& rules) {
  const Punctuation& p = rules.punct;
  LineShape shape;
  auto count = [&](Separator s) { ++shape.separators[static_cast<size_t>(s)]; };
  size_t k = 0;
  for (; k < tokens.size() && tokens[k].kind == TokenKind::kSpace; ++k) shape.indent += static_cast<int>(CharCount(tokens[k].text));
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kTab) count(Separator::kTab);
    if (t.kind != TokenKind::kPunct) continue;
    if (p.pipe.Has(t.first)) count(Separator::kPipe);
    else if (p.enumeration.Has(t.first)) count(Separator::kDun);
    else if (p.comma.Has(t.first)) count(Separator::kComma);
    else if (p.semicolon.Has(t.first)) count(Separator::kSemicolon);
    else if (p.colon.Has(t.first)) count(Separator::kColon);
  }
  // The heading marker the line starts with.
  auto at = [&](size_t n) -> const Token* { return n < tokens.size() ? &tokens[n] : nullptr; };
  auto skip_space = [&](size_t n) { return at(n) && at(n)->kind == TokenKind::kSpace ? n + 1 : n; };
  if (const Token* t = at(k)) {
    auto is_num = [](const Token* x) { return x && (x->kind == TokenKind::kDigits || x->kind == TokenKind::kCjkNumeral); };
    auto set = [&](MarkerKind m, int value, const Token* last) {
      shape.marker = m;
      shape.marker_value = value;
      shape.marker_end = last->begin + static_cast<uint32_t>(last->text.size());
    };
    if (is_num(t)) {
      const Token* mark = at(skip_space(k + 1));
      if (mark && mark->kind == TokenKind::kPunct && p.marker_ends.Has(mark->first))
        set(t->kind == TokenKind::kDigits ? MarkerKind::kDigitDot : MarkerKind::kCjkDun, t->value, mark);
    } else if (p.marker_opens.Has(t->first)) {  // a bracket of the rules or not
      size_t n = skip_space(k + 1);
      const Token* num = at(n);
      const Token* c = at(skip_space(n + 1));
      if (is_num(num) && c && p.marker_closes.Has(c->first))
        set(num->kind == TokenKind::kDigits ? MarkerKind::kDigitParen : MarkerKind::kCjkParen, num->value, c);
    } else if (t->first >= 0x2460 && t->first <= 0x2473) {  // ① .. ⑳
      set(MarkerKind::kCircled, static_cast<int>(t->first - 0x2460 + 1), t);
    }
  }
  return shape;
}

}  // namespace noticetab
