// No Han character and no CJK punctuation (U+3000-U+303F, full-width forms
// U+FF00-U+FFEF: 。、：（）｜) in a string or character literal of src/ or
// include/: the Chinese vocabulary lives in rules/*.yaml (issue 16; the marks
// in punctuation.yaml), where it has comments and examples and a user's
// --rules can change it. Comments may hold either freely.
#include <unicode/uscript.h>

#include <catch2/catch.hpp>

#include <filesystem>
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

// The string and character literals of C++ source `src` that hold a
// character `flagged` says yes to. Steps over // and /* */ comments, escapes,
// raw strings (R"x(...)x" with any prefix) and digit separators (1'000).
std::vector<Literal> FlaggedLiterals(const std::string& src, bool (*flagged)(char32_t)) {
  std::vector<Literal> out;
  int line = 1;
  auto note = [&](size_t begin, size_t end, int at) {
    const std::string text = src.substr(begin, end - begin);
    for (size_t i = 0; i < text.size();) {
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
      while (i < src.size() && (IdentChar(src[i]) || src[i] == '.' || src[i] == '\'')) ++i;
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
        note(begin, stop, at);
        i = stop;
      }
      // Other prefixes (u8, u, U, L) leave i on the quote, read next.
    } else if (c == '"' || c == '\'') {
      const size_t begin = i++;
      while (i < src.size() && src[i] != c && src[i] != '\n') i += src[i] == '\\' ? 2 : 1;
      i = std::min(i + 1, src.size());
      note(begin, i, line);
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Literal> HanLiterals(const std::string& src) { return FlaggedLiterals(src, IsHan); }
std::vector<Literal> MarkLiterals(const std::string& src) { return FlaggedLiterals(src, IsCjkMark); }

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
  CHECK(MarkLiterals("auto s = \"｜\", t = U'\\u3000';  // \"　\" in a comment\n").size() == 1);
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
