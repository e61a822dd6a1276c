// Stage 2, tokenize: one line -> typed runs. Each case is a line and the
// tokens it splits into, written as "KIND:text" so a failure reads like the spec.
#include "noticetab/tokenize.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using noticetab::Token;
using noticetab::TokenKind;
using noticetab::Tokenize;

namespace {

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
std::string Dump(std::string_view line) {
  std::string out;
  for (const Token& t : Tokenize(line)) {
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
