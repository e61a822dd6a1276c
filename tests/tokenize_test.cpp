// Stage 2, tokenize: one line -> typed runs. Each case is a line and the
// tokens it splits into, written as "KIND:text" so a failure reads like the spec.
#include "noticetab/tokenize.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/rules.h"

using noticetab::BuiltinRules;
using noticetab::LineShape;
using noticetab::MarkerKind;
using noticetab::MarkSet;
using noticetab::Numerals;
using noticetab::Rules;
using noticetab::Separator;
using noticetab::Token;
using noticetab::TokenKind;

namespace {

const Numerals& Num() { return BuiltinRules().numerals; }
std::vector<Token> Tokenize(std::string_view line) { return noticetab::Tokenize(line, BuiltinRules()); }
LineShape Shape(std::string_view line) { return noticetab::ShapeOf(Tokenize(line), BuiltinRules()); }

// Rules with the built-in numerals and punctuation, to change one set of.
Rules Builtin() {
  Rules r;
  r.numerals = Num();
  r.punct = BuiltinRules().punct;
  return r;
}

std::string KindName(TokenKind k) {
  switch (k) {
    case TokenKind::kHan: return "han";
    case TokenKind::kCjkNumeral: return "num";
    case TokenKind::kDigits: return "dig";
    case TokenKind::kOpen: return "open";
    case TokenKind::kClose: return "close";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSpace: return "space";
    case TokenKind::kTab: return "tab";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kBad: return "bad";
    case TokenKind::kOther: return "other";
  }
  return "?";
}

// "kind:text kind:text ..." for the tokens of line.
std::string Dump(std::string_view line, const Rules& rules = BuiltinRules()) {
  std::string out;
  for (const Token& t : noticetab::Tokenize(line, rules)) {
    if (!out.empty()) out += ' ';
    out += KindName(t.kind) + ":" + std::string(t.text);
  }
  return out;
}

}  // namespace

TEST_CASE("an empty line has no tokens", "[tokenize]") {
  CHECK(Tokenize("").empty());
}

TEST_CASE("heading markers split into brackets, numerals and punctuation", "[tokenize]") {
  CHECK(Dump("一、总体要求") == "num:一 punct:、 han:总体要求");
  CHECK(Dump("十二、加强保障") == "num:十二 punct:、 han:加强保障");
  CHECK(Dump("（一）加强解读") == "open:（ num:一 close:） han:加强解读");
  CHECK(Dump("(九) 深入") == "open:( num:九 close:) space:  han:深入");
  CHECK(Dump("1.加强") == "dig:1 punct:. han:加强");
  CHECK(Dump("１２．加强") == "dig:１２ punct:． han:加强");
}

TEST_CASE("digits, Han and CJK numerals are separate runs", "[tokenize]") {
  CHECK(Dump("2023年6月底前") == "dig:2023 han:年 dig:6 han:月底前");
  CHECK(Dump("二〇二三年") == "num:二〇二三 han:年");
  CHECK(Dump("第三季度") == "han:第 num:三 han:季度");
  CHECK(Dump("零千百") == "num:零千百");
}

TEST_CASE("every bracket is its own token", "[tokenize]") {
  CHECK(Dump("招政办发〔2023〕15号") == "han:招政办发 open:〔 dig:2023 close:〕 dig:15 han:号");
  CHECK(Dump("【打印】") == "open:【 han:打印 close:】");
  CHECK(Dump("《“一网通办”》") == "open:《 open:“ num:一 han:网通办 close:” close:》");
  CHECK(Dump("[(（") == "open:[ open:( open:（");
}

TEST_CASE("punctuation is one token per character", "[tokenize]") {
  CHECK(Dump("甲、乙，丙。") == "han:甲 punct:、 han:乙 punct:， han:丙 punct:。");
  CHECK(Dump(",;") == "punct:, punct:;");
  CHECK(Dump("：：") == "punct:： punct:：");
}

TEST_CASE("spaces form runs, tabs are one token each", "[tokenize]") {
  CHECK(Dump("县自然资  源局") == "han:县自然资 space:   han:源局");
  CHECK(Dump("县财政局\u3000县审计局") == "han:县财政局 space:\u3000 han:县审计局");
  CHECK(Dump("1\t\t具体要求") == "dig:1 tab:\t tab:\t han:具体要求");
  CHECK(Dump(" \t ") == "space:  tab:\t space: ");
}

TEST_CASE("ASCII letters form runs", "[tokenize]") {
  CHECK(Dump("PDF文件") == "latin:PDF han:文件");
  CHECK(Dump("cid") == "latin:cid");
}

TEST_CASE("damaged text: U+FFFD, invalid bytes and controls are bad tokens", "[tokenize]") {
  CHECK(Dump("县\uFFFD局") == "han:县 bad:\uFFFD han:局");
  CHECK(Dump("a\x01") == "latin:a bad:\x01");
  // An invalid byte decodes as U+FFFD; the token keeps the original byte.
  std::vector<Token> t = Tokenize("局\xFF");
  REQUIRE(t.size() == 2);
  CHECK(t[1].kind == TokenKind::kBad);
  CHECK(t[1].text == "\xFF");
}

TEST_CASE("characters of no other class are kOther", "[tokenize]") {
  CHECK(Dump("😀") == "other:😀");
}

TEST_CASE("tokens are views into the line and cover it exactly", "[tokenize]") {
  const std::string line = "（一）加强2023年 政策解读，\t各县（市、区）";
  std::vector<Token> tokens = Tokenize(line);
  std::string joined;
  const char* at = line.data();
  for (const Token& t : tokens) {
    CHECK(t.text.data() == at);  // a view, not a copy
    at += t.text.size();
    joined += t.text;
  }
  CHECK(joined == line);
}

TEST_CASE("tokens carry their byte offset and first character", "[tokenize]") {
  const std::string line = "（一）加强2023年";
  std::vector<Token> t = Tokenize(line);
  REQUIRE(t.size() == 6);
  for (const Token& x : t) CHECK(line.substr(x.begin, x.text.size()) == x.text);
  CHECK(t[0].first == U'（');
  CHECK(t[1].first == U'一');
  CHECK(t[4].begin == line.find("2023"));
}

TEST_CASE("numeral tokens carry their value", "[tokenize]") {
  std::vector<Token> t = Tokenize("第十二条2023年１２月二〇二三年一百零五 两");
  std::vector<int> values;
  for (const Token& x : t)
    if (x.kind == TokenKind::kDigits || x.kind == TokenKind::kCjkNumeral) values.push_back(x.value);
  CHECK(values == std::vector<int>{12, 2023, 12, 2023, 105, 2});
  for (const Token& x : Tokenize("甲，乙 abc"))
    CHECK(x.value == -1);
}

TEST_CASE("the numeral table comes from rules (headings.yaml numerals)", "[tokenize]") {
  Rules r = Builtin();
  Numerals& n = r.numerals;
  n = Numerals{};  // no CJK numerals at all: 一 is Han, Arabic digits still read
  CHECK(noticetab::Tokenize("一、", r)[0].kind == TokenKind::kHan);
  CHECK(noticetab::Tokenize("〇", r)[0].kind == TokenKind::kHan);
  CHECK(n.Value("12") == 12);
  CHECK(n.Value("十二") == -1);
  n.digits = {{U'〇', 0}, {U'一', 1}, {U'二', 2}};  // sorted by character
  n.units = {{U'十', 10}};
  CHECK(noticetab::Tokenize("一、", r)[0].kind == TokenKind::kCjkNumeral);
  CHECK(Dump("〇一", r) == "num:〇一");
  CHECK(n.Value("十二") == 12);
  CHECK(n.Value("三") == -1);
}

TEST_CASE("one numeral reader: digit by digit, place value, Arabic", "[tokenize]") {
  const Numerals& n = Num();
  CHECK(n.Value("") == 0);
  CHECK(n.Value("7") == 7);
  CHECK(n.Value("12") == 12);
  CHECK(n.Value("１２") == 12);
  CHECK(n.Value("2023") == 2023);
  CHECK(n.Value("一") == 1);
  CHECK(n.Value("十") == 10);
  CHECK(n.Value("十二") == 12);
  CHECK(n.Value("二十") == 20);
  CHECK(n.Value("三十一") == 31);
  CHECK(n.Value("一百零五") == 105);
  CHECK(n.Value("二〇二三") == 2023);
  CHECK(n.Value("二零二三") == 2023);
  CHECK(n.Value("二O二三") == 2023);   // OCR letter O
  CHECK(n.Value("二Ｏ二三") == 2023);
  CHECK(n.Value("两") == 2);
  CHECK(n.Value("第一") == -1);
  CHECK(n.Value("O") == 0);
  CHECK(n.Value("99999999999") == -1);  // no overflow
}

TEST_CASE("line shape: separators by kind, indent", "[tokenize]") {
  LineShape s = Shape("\u3000\u3000甲\t乙\t丙|丁｜戊、己，庚,辛；壬;癸：子:");
  CHECK(s.indent == 2);
  CHECK(s.Count(Separator::kTab) == 2);
  CHECK(s.Cells(Separator::kTab) == 3);
  CHECK(s.Count(Separator::kPipe) == 2);
  CHECK(s.Count(Separator::kDun) == 1);
  CHECK(s.Count(Separator::kComma) == 2);
  CHECK(s.Count(Separator::kSemicolon) == 2);
  CHECK(s.Count(Separator::kColon) == 2);
  CHECK(Shape("甲").Cells(Separator::kPipe) == 1);
  CHECK(Shape("  甲").indent == 2);
  CHECK(Shape("").indent == 0);
}

TEST_CASE("line shape: the heading marker a line starts with", "[tokenize]") {
  struct Case {
    const char* line;
    MarkerKind kind;
    int value;
    const char* rest;  // the line after the marker
  };
  const Case cases[] = {
      {"一、总体要求", MarkerKind::kCjkDun, 1, "总体要求"},
      {"十二、加强保障", MarkerKind::kCjkDun, 12, "加强保障"},
      {"  三 、 任务", MarkerKind::kCjkDun, 3, " 任务"},
      {"（一）加强解读", MarkerKind::kCjkParen, 1, "加强解读"},
      {"( 九 ) 深入", MarkerKind::kCjkParen, 9, " 深入"},
      {"1.加强", MarkerKind::kDigitDot, 1, "加强"},
      {"１２．加强", MarkerKind::kDigitDot, 12, "加强"},
      {"3、落实", MarkerKind::kDigitDot, 3, "落实"},
      {"（1）做好", MarkerKind::kDigitParen, 1, "做好"},
      {"(12) 强化", MarkerKind::kDigitParen, 12, " 强化"},
      {"①做好", MarkerKind::kCircled, 1, "做好"},
      {"⑳做好", MarkerKind::kCircled, 20, "做好"},
      {"2023年", MarkerKind::kNone, -1, ""},
      {"第一条", MarkerKind::kNone, -1, ""},
      {"（注）", MarkerKind::kNone, -1, ""},
      {"【一】", MarkerKind::kNone, -1, ""},
      {"", MarkerKind::kNone, -1, ""},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    std::string line = c.line;
    LineShape s = Shape(line);
    CHECK(s.marker == c.kind);
    CHECK(s.marker_value == c.value);
    if (c.kind != MarkerKind::kNone) CHECK(line.substr(s.marker_end) == c.rest);
  }
}


TEST_CASE("brackets, separators and marker marks come from rules (punctuation.yaml)", "[tokenize]") {
  // Built in: 《》 and “” are other_pairs, read as brackets; {} too.
  CHECK(Dump("《办法》{x}") == "open:《 han:办法 close:》 open:{ latin:x close:}");
  Rules r = Builtin();
  r.punct.other_opens = MarkSet("{");
  r.punct.other_closes = MarkSet("}");
  CHECK(Dump("《办法》{x}", r) == "punct:《 han:办法 punct:》 open:{ latin:x close:}");
  r.punct.opens = MarkSet("（");
  r.punct.closes = MarkSet("）");
  CHECK(Dump("(一)（二）", r) == "punct:( num:一 punct:) open:（ num:二 close:）");
  // Separators: a mark counts by the set that holds it.
  r = Builtin();
  r.punct.pipe = MarkSet("|");
  r.punct.comma = MarkSet("，,｜");
  LineShape s = noticetab::ShapeOf(noticetab::Tokenize("甲|乙｜丙，丁", r), r);
  CHECK(s.Count(Separator::kPipe) == 1);
  CHECK(s.Count(Separator::kComma) == 2);
  // Heading marker marks: without 、 in marker_ends, 一、 is no marker; without
  // （） in marker_brackets, （一） is none.
  r = Builtin();
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("一、总体要求", r), r).marker == MarkerKind::kCjkDun);
  r.punct.marker_ends = MarkSet(".");
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("一、总体要求", r), r).marker == MarkerKind::kNone);
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("1.总体要求", r), r).marker == MarkerKind::kDigitDot);
  r.punct.marker_opens = MarkSet("(");
  r.punct.marker_closes = MarkSet(")");
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("（一）加强", r), r).marker == MarkerKind::kNone);
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("(一)加强", r), r).marker == MarkerKind::kCjkParen);
  // A marker bracket that is no bracket of the rules still marks.
  r.punct.opens = MarkSet("（");
  r.punct.closes = MarkSet("）");
  CHECK(noticetab::ShapeOf(noticetab::Tokenize("(一)加强", r), r).marker == MarkerKind::kCjkParen);
}
