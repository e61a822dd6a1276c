#include "noticetab/tokenize.h"

#include <string_view>

#include "noticetab/text.h"

namespace noticetab {
namespace {

bool IsCjkNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十百千〇零两";
  return kNumerals.find(c) != std::u32string_view::npos;
}

TokenKind KindOf(char32_t c) {
  static constexpr std::u32string_view kOpen = U"(（[［〔【《〈「『“‘{｛";
  static constexpr std::u32string_view kClose = U")）]］〕】》〉」』”’}｝";
  if (c == '\t') return TokenKind::kTab;
  if (c == 0xFFFD || (c < 0x20)) return TokenKind::kBad;
  if (IsSpace(c)) return TokenKind::kSpace;
  if (IsDigit(c)) return TokenKind::kDigits;
  if (IsCjkNumeral(c)) return TokenKind::kCjkNumeral;
  if (IsHan(c)) return TokenKind::kHan;
  if (kOpen.find(c) != std::u32string_view::npos) return TokenKind::kOpen;
  if (kClose.find(c) != std::u32string_view::npos) return TokenKind::kClose;
  if (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) return TokenKind::kLatin;
  if (IsCjkPunct(c) || (c < 128)) return TokenKind::kPunct;
  return TokenKind::kOther;
}

// Kinds whose consecutive characters form one token.
bool IsRun(TokenKind k) {
  return k == TokenKind::kHan || k == TokenKind::kCjkNumeral || k == TokenKind::kDigits ||
         k == TokenKind::kSpace || k == TokenKind::kLatin;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    TokenKind kind = KindOf(NextChar(line, i));
    if (IsRun(kind)) {
      while (i < line.size()) {
        size_t j = i;
        if (KindOf(NextChar(line, j)) != kind) break;
        i = j;
      }
    }
    out.push_back({kind, line.substr(start, i - start)});
  }
  return out;
}

}  // namespace noticetab
