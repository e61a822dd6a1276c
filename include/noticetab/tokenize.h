// Stage 2, tokenize: a line -> typed runs (ninja Lexer style) and the line's
// shape. Tokens are views into the line; they live as long as the line's
// Source. The CJK numerals come from rules (headings.yaml `numerals`), and
// Numerals::Value is the one numeral parser of the program; the brackets,
// separators and heading marker marks from punctuation.yaml (Rules::punct).
#ifndef NOTICETAB_TOKENIZE_H_
#define NOTICETAB_TOKENIZE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace noticetab {

struct Rules;

/// The CJK numeral characters and their values (headings.yaml `numerals`).
struct Numerals {
  /// Digit characters and their value 0-9, sorted by character (零 0, 两 2 ...).
  std::vector<std::pair<char32_t, int>> digits;
  /// Place-value characters and their multiplier (十 10, 百 100, 千 1000), sorted.
  std::vector<std::pair<char32_t, int>> units;
  /// Letters read as zero inside a numeral (OCR of 二O二三); never a token of their own.
  std::u32string zero_lookalikes;

  /// The digit value of c (ASCII, full-width, or a CJK digit), or -1.
  int DigitValue(char32_t c) const;
  /// The multiplier of a place-value character, or 0.
  int UnitValue(char32_t c) const;
  /// True for a CJK digit or place-value character.
  bool IsCjkNumeral(char32_t c) const { return CjkDigit(c) >= 0 || UnitValue(c) > 0; }
  /// The value of a numeral as printed: Arabic digits (ASCII or full-width) by
  /// place ("12", "１２"; a digit run followed by other text reads as its digits);
  /// CJK digits digit by digit without a place-value character (二〇二三 -> 2023),
  /// else by place value (十二 -> 12, 二十 -> 20, 一百零五 -> 105). Zero
  /// lookalikes read as 0. Empty -> 0; any other character -> -1.
  int Value(std::string_view s) const;

 private:
  int CjkDigit(char32_t c) const;
};

enum class TokenKind {
  kHan,          ///< run of CJK ideographs (excluding numerals)
  kCjkNumeral,   ///< run of CJK numerals (Numerals); `value` is set
  kDigits,       ///< run of 0-9 / ０-９; `value` is set (-1 past 9 digits)
  kOpen,         ///< one opening mark: brackets and other_pairs of punctuation.yaml ( （ 〔 《 “
  kClose,        ///< one closing mark of the same
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
  uint32_t begin = 0;  ///< byte offset of text in the line
  int value = -1;      ///< kDigits, kCjkNumeral: the numeral's value (Numerals::Value); else -1
  char32_t first = 0;  ///< the first character of text
};

/// The separators a line is counted by (cell counts of a delimited line).
enum class Separator { kTab, kPipe, kDun, kComma, kSemicolon, kColon, kCount };

/// The kind of heading marker a line starts with, read from its tokens: 一、
/// （一） 1. （1） ① (the marks: punctuation.yaml marker_ends and
/// marker_brackets). It says what the marker looks like; whether the line is
/// a heading is for the rules (headings.yaml) to say.
enum class MarkerKind { kNone, kCjkDun, kCjkParen, kDigitDot, kDigitParen, kCircled };

/// The shape of a line, from one pass over its tokens.
struct LineShape {
  /// Separator characters outside brackets and inside, by Separator: a line
  /// of n cells by a delimiter holds n-1 of it (tab: \t; the others are the
  /// sets of punctuation.yaml: pipe | ｜; dun: enumeration 、; comma ， ,;
  /// semicolon ； ;; colon ： :).
  std::array<int, static_cast<size_t>(Separator::kCount)> separators{};
  int indent = 0;              ///< leading space characters (U+3000 counts one)
  MarkerKind marker = MarkerKind::kNone;
  int marker_value = -1;       ///< the marker's numeral value
  uint32_t marker_end = 0;     ///< byte offset just past the marker (and its punctuation)

  int Count(Separator s) const { return separators[static_cast<size_t>(s)]; }
  int Cells(Separator s) const { return Count(s) + 1; }
};

/// Splits a line into runs, the numerals and brackets as `rules` say
/// (rules.numerals, rules.punct). Never fails.
std::vector<Token> Tokenize(std::string_view line, const Rules& rules);
/// The shape of a line from its tokens (Tokenize of the same line with the
/// same rules).
LineShape ShapeOf(const std::vector<Token>& tokens, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_TOKENIZE_H_
