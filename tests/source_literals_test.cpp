// No Han character and no CJK punctuation (U+3000-U+303F, full-width forms
// U+FF00-U+FFEF: 。、：（）｜) in a string or character literal of src/ or
// include/, whether written as itself or as a \u / \U escape, and no hex
// constant naming a CJK mark (0x3001) in their code: the Chinese vocabulary
// lives in rules/*.yaml (issue 16; the marks in punctuation.yaml), where it
// has comments and examples and a user's --rules can change it. Comments may
// hold either freely. Not seen: \x byte escapes (\xE3\x80\x81) and decimal
// constants (12289).
#include <unicode/uscript.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "noticetab/text.h"
#include "test_util.h"

namespace {

bool IsHan(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

// The CJK symbols and punctuation block and the half- and full-width forms.
bool IsCjkMark(char32_t c) { return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

bool IdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct Literal {
  int line;
  std::string text;  // the literal as written, quotes included
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 32) >= 'a' && (c | 32) <= 'f') return (c | 32) - 'a' + 10;
  return -1;
}

// The code point of the \u (4 hex digits) or \U (8) escape at text[i] ==
// '\\', or -1 when there is none there.
long UniversalEscape(const std::string& text, size_t i) {
  if (i + 1 >= text.size() || (text[i + 1] != 'u' && text[i + 1] != 'U')) return -1;
  const size_t digits = text[i + 1] == 'u' ? 4 : 8;
  if (i + 2 + digits > text.size()) return -1;
  long v = 0;
  for (size_t k = i + 2; k < i + 2 + digits; ++k) {
    if (HexValue(text[k]) < 0) return -1;
    v = v * 16 + HexValue(text[k]);
  }
  return v;
}

// The value of a hex pp-number (0x3001, 0xFF'0C, 0x3001u), or -1.
long HexNumber(const std::string& number) {
  if (number.size() < 3 || number[0] != '0' || (number[1] | 32) != 'x') return -1;
  long v = 0;
  size_t k = 2;
  for (; k < number.size() && (HexValue(number[k]) >= 0 || number[k] == '\''); ++k) {
    if (number[k] != '\'') v = v * 16 + HexValue(number[k]);
    if (v > 0x10FFFF) return -1;
  }
  return k > 2 ? v : -1;
}

// The string and character literals of C++ source `src` that hold a
// character `flagged` says yes to, written as itself or as a \u or \U
// escape (not in a raw string, where an escape is text). Steps over // and
// /* */ comments, escapes, raw strings (R"x(...)x" with any prefix) and digit
// separators (1'000). With `numbers`, the hex constants of the code whose
// value `flagged` says yes to go there.
std::vector<Literal> FlaggedLiterals(const std::string& src, bool (*flagged)(char32_t),
                                     std::vector<Literal>* numbers = nullptr) {
  std::vector<Literal> out;
  int line = 1;
  auto note = [&](size_t begin, size_t end, int at, bool raw) {
    const std::string text = src.substr(begin, end - begin);
    for (size_t i = 0; i < text.size();) {
      if (!raw && text[i] == '\\') {
        const long c = UniversalEscape(text, i);
        if (c >= 0 && flagged(static_cast<char32_t>(c))) {
          out.push_back({at, text});
          return;
        }
        i += 2;  // the escaped character; the rest of \x.. or \u.... is ASCII
        continue;
      }
      if (flagged(noticetab::NextChar(text, i))) {
        out.push_back({at, text});
        return;
      }
    }
  };
  for (size_t i = 0; i < src.size();) {
    const char c = src[i];
    if (c == '\n') {
      ++line, ++i;
    } else if (src.compare(i, 2, "//") == 0) {
      while (i < src.size() && src[i] != '\n') ++i;
    } else if (src.compare(i, 2, "/*") == 0) {
      const size_t end = src.find("*/", i + 2);
      const size_t stop = end == std::string::npos ? src.size() : end + 2;
      for (; i < stop; ++i) line += src[i] == '\n';
    } else if (std::isdigit(static_cast<unsigned char>(c))) {  // a pp-number, separators included
      const size_t begin = i;
      while (i < src.size() && (IdentChar(src[i]) || src[i] == '.' || src[i] == '\'')) ++i;
      const std::string number = src.substr(begin, i - begin);
      const long v = HexNumber(number);
      if (numbers && v >= 0 && flagged(static_cast<char32_t>(v))) numbers->push_back({line, number});
    } else if (IdentChar(c)) {
      const size_t begin = i;
      while (i < src.size() && IdentChar(src[i])) ++i;
      const std::string word = src.substr(begin, i - begin);
      const bool raw = (word == "R" || word == "u8R" || word == "uR" || word == "UR" || word == "LR");
      if (raw && i < src.size() && src[i] == '"') {
        const size_t paren = src.find('(', i);
        if (paren == std::string::npos) break;
        const std::string close = ")" + src.substr(i + 1, paren - i - 1) + "\"";
        const size_t end = src.find(close, paren);
        const size_t stop = end == std::string::npos ? src.size() : end + close.size();
        const int at = line;
        for (size_t k = i; k < stop; ++k) line += src[k] == '\n';
        note(begin, stop, at, true);
        i = stop;
      }
      // Other prefixes (u8, u, U, L) leave i on the quote, read next.
    } else if (c == '"' || c == '\'') {
      const size_t begin = i++;
      while (i < src.size() && src[i] != c && src[i] != '\n') i += src[i] == '\\' ? 2 : 1;
      i = std::min(i + 1, src.size());
      note(begin, i, line, false);
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Literal> HanLiterals(const std::string& src) { return FlaggedLiterals(src, IsHan); }
std::vector<Literal> MarkLiterals(const std::string& src) { return FlaggedLiterals(src, IsCjkMark); }
std::vector<Literal> MarkNumbers(const std::string& src) {
  std::vector<Literal> numbers;
  FlaggedLiterals(src, IsCjkMark, &numbers);
  return numbers;
}

// The CJK punctuation literals that stay, each for its reason. Drop an entry
// when its literal is gone (the test warns).
const std::set<std::pair<std::string, std::string>> kMarksAllowed = {
    // The output contract's separators (../shared/spec/OUTPUT.md: a list
    // cell joins its items with 、, a task's warnings are joined with ；): how
    // noticetab writes, fixed by the spec, not vocabulary read from notices.
    // One definition, src/join.h, used by every writer.
    {"src/join.h", "\"、\""},
    {"src/join.h", "\"；\""},
    // --normalize-punct: ASCII , ; : ( ) ! ? become these full-width marks.
    // The option's own definition (and its --help line), not vocabulary the
    // reading depends on.
    {"src/text.cpp", "'，'"},
    {"src/text.cpp", "'；'"},
    {"src/text.cpp", "'：'"},
    {"src/text.cpp", "'（'"},
    {"src/text.cpp", "'）'"},
    {"src/text.cpp", "'！'"},
    {"src/text.cpp", "'？'"},
    {"src/main.cpp", "\"ASCII , ; : ( ) in Chinese text become ，；：（）\""},
    // The regex rewrite spells \d as the digits ICU's \d holds that notices
    // use: ASCII and full-width (text.cpp, the Regex module).
    {"src/text.cpp", "\"0-9０-９\""},
    {"src/text.cpp", "\"[0-9０-９]\""},
};

// The hex constants naming a CJK mark that stay, by file, each with how many
// times it is written there. None is a mark read from notices: each is a
// Unicode block bound, the ideographic space as whitespace, or the
// arithmetic of the full-width forms (U+FF01-U+FF5E = ASCII + 0xFEE0).
const std::map<std::pair<std::string, std::string>, int> kNumbersAllowed = {
    // Unicode property tables and block bounds (character classes, not
    // marks): White_Space ends at U+3000 (text.h, regex_lite's \s); Han
    // (U+3005 U+3007 U+3021-3029 U+3038-303B, regex_lite's copy of ICU's set,
    // text.cpp IsHan's 〇); IsCjkPunct's punctuation parts of U+3001-303F and
    // U+FF01-FFEE; full-width digits U+FF10-FF19 (IsDigit, regex_lite's \d);
    // IsCjkContext's full-width forms; the blocks load.cpp finds plausible;
    // East Asian Width (write_xlsx.cpp column widths, spaces.cpp columns).
    {{"include/noticetab/text.h", "0x3000"}, 1},
    {{"src/regex_lite.cpp", "0x3000"}, 2},
    {{"src/regex_lite.cpp", "0x3005"}, 2},
    {{"src/regex_lite.cpp", "0x3007"}, 2},
    {{"src/regex_lite.cpp", "0x3021"}, 1},
    {{"src/regex_lite.cpp", "0x3029"}, 1},
    {{"src/regex_lite.cpp", "0x3038"}, 1},
    {{"src/regex_lite.cpp", "0x303B"}, 1},
    {{"src/regex_lite.cpp", "0xFF10"}, 1},
    {{"src/regex_lite.cpp", "0xFF19"}, 1},
    {{"src/text.cpp", "0x3007"}, 3},  // IsHan, IsCjkPunct, NfkcFast (below)
    {{"src/text.cpp", "0x303F"}, 1},
    {{"src/text.cpp", "0xFF0F"}, 1},
    {{"src/text.cpp", "0xFF1A"}, 1},
    {{"src/text.cpp", "0xFF20"}, 1},
    {{"src/text.cpp", "0xFF3B"}, 1},
    {{"src/text.cpp", "0xFF40"}, 1},
    {{"src/text.cpp", "0xFF5B"}, 1},
    {{"src/text.cpp", "0xFF65"}, 1},
    {{"src/text.cpp", "0xFFE0"}, 1},
    {{"src/text.cpp", "0xFFEE"}, 1},
    {{"src/text.cpp", "0xFF10"}, 1},
    {{"src/text.cpp", "0xFF19"}, 1},
    {{"src/load.cpp", "0x3000"}, 1},
    {{"src/load.cpp", "0xFF00"}, 1},
    {{"src/load.cpp", "0xFFEF"}, 1},
    {{"src/write_xlsx.cpp", "0xFF00"}, 1},
    {{"src/write_xlsx.cpp", "0xFF60"}, 1},
    {{"src/write_xlsx.cpp", "0xFFE0"}, 1},
    {{"src/write_xlsx.cpp", "0xFFE6"}, 1},
    // The ideographic space U+3000 as whitespace (and, to NFKC, a space):
    // clause trimming, OFD text, space-aligned columns (spaces.cpp: one
    // width, two runs), YAML quoting, NameKey and NfkcFast (text.cpp), the
    // link bigrams.
    {{"src/clauses.cpp", "0x3000"}, 1},
    {{"src/native/ofd.cpp", "0x3000"}, 1},
    {{"src/readers/spaces.cpp", "0x3000"}, 3},
    {{"src/write_yaml.cpp", "0x3000"}, 1},
    {{"src/text.cpp", "0x3000"}, 2},
    {{"src/link.cpp", "0x3000"}, 1},
    // NFKC without ICU (text.cpp NameKey and NfkcFast, link.cpp's bigrams in
    // the same order): 、 and 。 are NFKC-inert (ICU's isInert, checked by the
    // unit test), the full-width forms U+FF01-U+FF5E are ASCII + 0xFEE0. With
    // IsCjkPunct's 0x3001, IsCjkContext's and IsCjkPunct's 0xFF01 and
    // IsCjkContext's 0xFF5E.
    {{"src/text.cpp", "0x3001"}, 3},
    {{"src/text.cpp", "0x3002"}, 2},
    // NfkcFast's other NFKC-inert ranges (ICU's isInert for each, checked by
    // nfkc_test): 〇-】 U+3007-U+3011 and 〔-〗 U+3014-U+3017.
    {{"src/text.cpp", "0x3011"}, 1},
    {{"src/text.cpp", "0x3014"}, 1},
    {{"src/text.cpp", "0x3017"}, 1},
    {{"src/text.cpp", "0xFF01"}, 4},
    {{"src/text.cpp", "0xFF5E"}, 3},
    {{"src/link.cpp", "0x3001"}, 1},
    {{"src/link.cpp", "0x3002"}, 1},
    {{"src/link.cpp", "0xFF01"}, 1},
    {{"src/link.cpp", "0xFF5E"}, 1},
    {{"src/classify.cpp", "0x3001"}, 1},  // ReadCellFacts: NFKC's image of a character, as NfkcFast
    {{"src/classify.cpp", "0x3002"}, 1},
    {{"src/classify.cpp", "0xFF01"}, 1},
    {{"src/classify.cpp", "0xFF5E"}, 1},
    // Full-width digit arithmetic: a digit's value (tokenize.cpp DigitOf) and
    // Word's decimalFullWidth list numbers (docx.cpp).
    {{"src/tokenize.cpp", "0xFF10"}, 1},
    {{"src/native/docx.cpp", "0xFF10"}, 1},
};

// Files whose Han literals another change is moving to rules/; drop a file
// here when they are gone. (The CJK numeral tables of tokenize, frontmatter,
// normalize and outline.cpp are headings.yaml `numerals` now.)
const std::set<std::string> kPending = {};

}  // namespace

TEST_CASE("source literals: the scanner finds Han literals and skips comments", "[source]") {
  const std::string src =
      "// \"市教育局\" in a comment\n"
      "/* \"任务\"\n */ int n = 1'000'000;\n"
      "auto a = \"ok\", b = \"第\";\n"
      "auto c = U'十'; auto d = u8\"页\";\n"
      "auto e = R\"x(\n\"(no)\" 共)x\";\n"
      "auto f = \"。、：\";  // punctuation is not Han (but a CJK mark)\n"
      "auto g = \"a\\\"甲\";\n";
  const std::vector<Literal> found = HanLiterals(src);
  REQUIRE(found.size() == 5);
  const std::vector<Literal> marks = MarkLiterals(src);
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].line == 8);
  CHECK(marks[0].text == "\"。、：\"");
  CHECK(MarkLiterals("auto s = \"｜\", t = U'\\u3000';  // \"　\" in a comment\n").size() == 2);
  // Escapes: \u and \U name the character; an escaped backslash before u
  // does not, nor does a raw string.
  const std::string escaped =
      "auto a = U'\\u3001', b = U\"x\\U0000FF0Cy\";\n"
      "auto c = \"\\\\u3001\", d = R\"(\\u3001)\", e = \"\\u2190\\uFFFD\";\n"
      "auto f = u8\"\\u5E02\";  // \"\\u3002\" in a comment\n";
  const std::vector<Literal> escaped_marks = MarkLiterals(escaped);
  REQUIRE(escaped_marks.size() == 2);
  CHECK(escaped_marks[0].text == "'\\u3001'");
  CHECK(escaped_marks[1].text == "\"x\\U0000FF0Cy\"");
  REQUIRE(HanLiterals(escaped).size() == 1);
  CHECK(HanLiterals(escaped)[0].line == 3);
  // Hex constants in code: a mark's code point, not a Han one, not in a
  // literal or a comment.
  const std::vector<Literal> numbers = MarkNumbers(
      "if (c == 0x3001 || c == 0xff0cu || c == 0x4E00 || c == 0xFF'1A) {}\n"
      "auto s = \"0x3002\";  // 0x3002\nint n = 12289 + 0x303F + 0x3040 + 0xFEFF;\n");
  REQUIRE(numbers.size() == 4);
  CHECK(numbers[0].text == "0x3001");
  CHECK(numbers[1].text == "0xff0cu");
  CHECK(numbers[2].text == "0xFF'1A");
  CHECK(numbers[3].text == "0x303F");
  CHECK(numbers[3].line == 3);
  CHECK(found[0].line == 4);
  CHECK(found[0].text == "\"第\"");
  CHECK(found[1].text == "'十'");
  CHECK(found[2].text == "\"页\"");
  CHECK(found[3].line == 6);
  CHECK(found[4].line == 9);
}

TEST_CASE("source literals: no Han character in a C++ string literal of src/ or include/", "[source]") {
  namespace fs = std::filesystem;
  const fs::path root = noticetab::testing::SourceDir();
  size_t files = 0;
  for (const char* dir : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
      const std::string rel = fs::relative(entry.path(), root).string();
      ++files;
      const std::vector<Literal> found = HanLiterals(noticetab::testing::ReadFile(entry.path().string()));
      if (kPending.count(rel)) {
        if (found.empty()) WARN(rel << " has no Han literal any more: drop it from kPending");
        continue;
      }
      for (const Literal& l : found) {
        // Move the words to rules/*.yaml (labels.yaml for output words).
        FAIL_CHECK(rel << ":" << l.line << ": Han characters in a literal: " << l.text);
      }
    }
  }
  CHECK(files > 50);
}

TEST_CASE("source literals: no CJK punctuation in a C++ string literal of src/ or include/", "[source]") {
  namespace fs = std::filesystem;
  const fs::path root = noticetab::testing::SourceDir();
  std::set<std::pair<std::string, std::string>> seen;
  for (const char* dir : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
      const std::string rel = fs::relative(entry.path(), root).string();
      for (const Literal& l : MarkLiterals(noticetab::testing::ReadFile(entry.path().string()))) {
        if (kMarksAllowed.count({rel, l.text})) {
          seen.insert({rel, l.text});
          continue;
        }
        // Move the marks to rules/punctuation.yaml and read them from Rules::punct.
        FAIL_CHECK(rel << ":" << l.line << ": CJK punctuation in a literal: " << l.text);
      }
    }
  }
  for (const auto& allowed : kMarksAllowed)
    if (!seen.count(allowed)) WARN(allowed.first << " has no " << allowed.second << " any more: drop it from kMarksAllowed");
}

TEST_CASE("source literals: no hex constant naming a CJK mark in the code of src/ or include/", "[source]") {
  namespace fs = std::filesystem;
  const fs::path root = noticetab::testing::SourceDir();
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const char* dir : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
      const std::string rel = fs::relative(entry.path(), root).string();
      for (const Literal& n : MarkNumbers(noticetab::testing::ReadFile(entry.path().string()))) {
        const auto key = std::make_pair(rel, n.text);
        const auto allowed = kNumbersAllowed.find(key);
        if (++seen[key] <= (allowed == kNumbersAllowed.end() ? 0 : allowed->second)) continue;
        // A mark the reading depends on: put it in rules/punctuation.yaml and
        // read it from Rules::punct (a MarkSet).
        FAIL_CHECK(rel << ":" << n.line << ": a CJK mark as a number: " << n.text);
      }
    }
  }
  for (const auto& [key, count] : kNumbersAllowed)
    if (seen[key] < count)
      WARN(key.first << " has " << seen[key] << " of " << key.second << ", not " << count << ": lower kNumbersAllowed");
}
