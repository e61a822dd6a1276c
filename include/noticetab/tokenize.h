// Stage 2, tokenize: a line -> typed runs (ninja Lexer style). Tokens are
// views into the line; they live as long as the line's Source.
#ifndef NOTICETAB_TOKENIZE_H_
#define NOTICETAB_TOKENIZE_H_

#include <string_view>
#include <vector>

namespace noticetab {

enum class TokenKind {
  kHan,          ///< run of CJK ideographs (excluding numerals)
  kCjkNumeral,   ///< run of 一二三…十百千〇零
  kDigits,       ///< run of 0-9 / ０-９
  kOpen,         ///< one opening bracket ( （ [ 〔 【 《 “
  kClose,        ///< one closing bracket
  kPunct,        ///< one punctuation character
  kSpace,        ///< run of spaces (not tabs)
  kTab,          ///< one tab
  kLatin,        ///< run of ASCII letters
  kBad,          ///< U+FFFD or a control character
  kOther,
};

struct Token {
  TokenKind kind;
  std::string_view text;
};

/// Splits a line into runs. Never fails.
std::vector<Token> Tokenize(std::string_view line);

}  // namespace noticetab

#endif  // NOTICETAB_TOKENIZE_H_
