#include "noticetab/text.h"
#include "noticetab/error.h"

#include <catch2/catch.hpp>
#include <unicode/regex.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using noticetab::Error;
using noticetab::Regex;

TEST_CASE("NextChar decodes UTF-8 and replaces invalid bytes", "[text]") {
  const std::string s = "a中\xF0\x9F\x98\x80\xFF";
  size_t i = 0;
  CHECK(noticetab::NextChar(s, i) == U'a');
  CHECK(i == 1);
  CHECK(noticetab::NextChar(s, i) == U'中');
  CHECK(i == 4);
  CHECK(noticetab::NextChar(s, i) == U'\U0001F600');
  CHECK(i == 8);
  CHECK(noticetab::NextChar(s, i) == U'\uFFFD');
  CHECK(i == 9);
  // A truncated sequence is consumed as one bad character, not per byte.
  const std::string cut = "\xE4\xB8";
  i = 0;
  CHECK(noticetab::NextChar(cut, i) == U'\uFFFD');
  CHECK(i == 2);
}

TEST_CASE("AppendUtf8 and CharCount round-trip", "[text]") {
  std::string out;
  for (char32_t c : {U'a', U'é', U'年', U'\U00020000'}) noticetab::AppendUtf8(out, c);
  CHECK(out == "aé年\U00020000");
  CHECK(noticetab::CharCount(out) == 4);
  out.clear();
  noticetab::AppendUtf8(out, 0xD800);  // a lone surrogate cannot be encoded
  CHECK(out == "\uFFFD");
}

TEST_CASE("character classes", "[text]") {
  using namespace noticetab;
  CHECK(IsHan(U'县'));
  CHECK(IsHan(U'〇'));
  CHECK(IsHan(U'\u3400'));
  CHECK_FALSE(IsHan(U'，'));
  CHECK(IsCjkPunct(U'，'));
  CHECK(IsCjkPunct(U'。'));
  CHECK(IsCjkPunct(U'《'));
  CHECK(IsCjkPunct(U'（'));
  CHECK(IsCjkPunct(U'〔'));
  CHECK_FALSE(IsCjkPunct(U'１'));
  CHECK_FALSE(IsCjkPunct(U'\u3000'));
  CHECK(IsSpace(U' '));
  CHECK(IsSpace(U'\t'));
  CHECK(IsSpace(U'\u3000'));
  CHECK(IsSpace(U'\u00A0'));
  CHECK(IsSpace(U'\u2002'));
  CHECK_FALSE(IsSpace(U'a'));
  CHECK(IsDigit(U'7'));
  CHECK(IsDigit(U'７'));
  CHECK_FALSE(IsDigit(U'七'));
  CHECK(ColumnWidth(U'a') == 1);
  CHECK(ColumnWidth(U'中') == 2);
  CHECK(ColumnWidth(U'，') == 2);
  CHECK(ColumnWidth(U'\u0301') == 0);
}

TEST_CASE("Trim strips ASCII and CJK whitespace", "[text]") {
  CHECK(noticetab::Trim("\u3000 \u00A0一、总体要求\t ") == "一、总体要求");
  CHECK(noticetab::Trim("   ").empty());
  CHECK(noticetab::Trim("") == "");
  CHECK(noticetab::Trim("a b") == "a b");
}

TEST_CASE("JoinCjkSpaces removes spaces inside Chinese only", "[text]") {
  using noticetab::JoinCjkSpaces;
  CHECK(JoinCjkSpaces("2023 年 6 月底前") == "2023年6月底前");
  CHECK(JoinCjkSpaces("县自然资 源局") == "县自然资源局");
  CHECK(JoinCjkSpaces("a  b") == "a b");
  CHECK(JoinCjkSpaces("县财政局\u3000\u3000县审计局") == "县财政局县审计局");
  CHECK(JoinCjkSpaces("《通知》 （试行）") == "《通知》（试行）");
  CHECK(JoinCjkSpaces("“放管服” 改革") == "“放管服”改革");
  CHECK(JoinCjkSpaces("第 12 条") == "第12条");
  CHECK(JoinCjkSpaces("PDF 文件") == "PDF 文件");  // Latin next to Han keeps its space
  CHECK(JoinCjkSpaces("2023 06") == "2023 06");
  CHECK(JoinCjkSpaces("\t a\u00A0\u00A0b ") == " a b ");
}

TEST_CASE("RemoveSpaces removes every kind of whitespace", "[text]") {
  CHECK(noticetab::RemoveSpaces(" 县 自然\u3000资源\u00A0局\t") == "县自然资源局");
}

TEST_CASE("Nfkc folds full-width forms", "[text]") {
  CHECK(noticetab::Nfkc("ＡＢＣ１２３") == "ABC123");
  CHECK(noticetab::Nfkc("（一）") == "(一)");
  CHECK(noticetab::Nfkc("\u3000") == " ");
  CHECK(noticetab::Nfkc("plain ascii") == "plain ascii");
  CHECK(noticetab::Nfkc("政务公开") == "政务公开");
}

TEST_CASE("NormalizePunct widens ASCII punctuation in Chinese context", "[text]") {
  using noticetab::NormalizePunct;
  CHECK(NormalizePunct("根据通知(试行),请于6月底前完成:") == "根据通知（试行），请于6月底前完成：");
  CHECK(NormalizePunct("是否完成?是!") == "是否完成？是！");
  CHECK(NormalizePunct("见附件(2023年)") == "见附件（2023年）");  // pairs change together
  CHECK(NormalizePunct("中文):") == "中文）：");
  CHECK(NormalizePunct("12:30, f(x)") == "12:30, f(x)");
  CHECK(NormalizePunct("see a, b; c") == "see a, b; c");
}

TEST_CASE("Regex byte offsets after astral characters and invalid bytes", "[text][regex]") {
  // A 4-byte character is two UTF-16 units, bad bytes one U+FFFD each run:
  // offsets come back in bytes of the text as given.
  const std::string s = "\xF0\x9F\x98\x80" "a\xFF\xE4\xB8" "x第3条\xF0\xA0\x80\x80尾";
  const Regex re("第(?<n>\\d)条(?<t>.)");
  const Regex::Match m = re.Find(std::string_view(s));
  REQUIRE(m.found);
  CHECK(m.begin == s.find("第"));
  CHECK(m.end == s.find("尾"));
  CHECK(m.Group("n") == "3");
  CHECK(m.Group("t") == "\xF0\xA0\x80\x80");
  CHECK(re.ReplaceAll(s, "-") == s.substr(0, s.find("第")) + "-尾");
}

TEST_CASE("Regex finds named groups in Chinese text at byte offsets", "[text][regex]") {
  const Regex re(R"((?<year>\d{4})年(?<month>\d{1,2})月(?<end>底)?)");
  REQUIRE(re.ok());
  const std::string s = "请于2023年6月前完成";
  const Regex::Match m = re.Find(s);
  REQUIRE(m.found);
  CHECK(m.begin == 6);  // "请于" is 6 bytes
  CHECK(m.end == 6 + 4 + 3 + 1 + 3);
  CHECK(s.substr(m.begin, m.end - m.begin) == "2023年6月");
  REQUIRE(m.groups.size() == 4);
  CHECK(m.groups[0] == "2023年6月");
  CHECK(m.Group("year") == "2023");
  CHECK(m.Group("month") == "6");
  CHECK(m.Group("end").empty());  // unset group
  CHECK(m.Group("nosuch").empty());
  CHECK(std::vector<std::string>(m.names.begin(), m.names.end()) == std::vector<std::string>{"", "year", "month", "end"});
  // The view points into s itself.
  CHECK(m.Group("year").data() == s.data() + 6);
}

TEST_CASE("Regex group names skip look-behinds and unnamed groups", "[text][regex]") {
  const Regex re(R"((?<=于)(\d+)(?<unit>年|月)(?:份)?)");
  REQUIRE(re.ok());
  const Regex::Match m = re.Find("截至2023年");
  CHECK_FALSE(m.found);
  const Regex::Match m2 = re.Find("于2023年份");
  REQUIRE(m2.found);
  CHECK(std::vector<std::string>(m2.names.begin(), m2.names.end()) == std::vector<std::string>{"", "", "unit"});
  CHECK(m2.groups[1] == "2023");
  CHECK(m2.Group("unit") == "年");
}

TEST_CASE("Regex anchors, Contains and ReplaceAll", "[text][regex]") {
  const Regex heading("^[一二三四五六七八九十]+、");
  CHECK(heading.Contains("三、工作要求"));
  CHECK_FALSE(heading.Contains("其中三、四项"));
  CHECK_FALSE(heading.Find("").found);
  const Regex spaces("\\s+");
  CHECK(spaces.ReplaceAll("县 自然\u3000资源  局", "") == "县自然资源局");
  CHECK(spaces.ReplaceAll("", "-") == "");
  const Regex literal("年");
  CHECK(literal.ReplaceAll("2023年6年", "$1\\") == "2023$1\\6$1\\");  // replacement is literal
}

TEST_CASE("Regex: \\d is the ASCII and full-width digits, in and out of sets", "[text][regex]") {
  const Regex digits("^\\d+$");
  CHECK(digits.Find("2023").found);
  CHECK(digits.Find("２０２３").found);
  CHECK_FALSE(digits.Find("二〇二三").found);
  const Regex in_set("^[\\d年]+$");
  CHECK(in_set.Find("２０２３年").found);
  CHECK_FALSE(in_set.Find("d").found);
  // \c[ is control-[, not a set: the \d after it is still a digit.
  CHECK(Regex("\\c[\\d").Find("\x1b" "7").found);
  CHECK(Regex("[]\\d]").Find("]").found);  // ] first in a set is a member
  CHECK(Regex("[]\\d]").Find("５").found);
  const Regex escaped("^\\\\d$");  // a backslash, then d
  CHECK(escaped.Find("\\d").found);
  CHECK_FALSE(escaped.Find("1").found);
  // Errors point into the pattern as written, not the expanded one.
  const Regex bad("\\d\\d(");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error_offset() == 4);
}

TEST_CASE("NextChar: every 3-byte lead with every two following bytes decodes as U8_NEXT", "[text]") {
  int differ = 0;
  for (unsigned b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (unsigned b1 = 0; b1 < 256; ++b1) {
      for (unsigned b2 = 0; b2 < 256; b2 += (b1 & 0xC0) == 0x80 ? 1 : 0x3F) {
        const unsigned char bytes[4] = {static_cast<unsigned char>(b0), static_cast<unsigned char>(b1),
                                        static_cast<unsigned char>(b2), 'x'};
        const std::string_view s(reinterpret_cast<const char*>(bytes), 4);
        size_t i = 0;
        const char32_t c = noticetab::NextChar(s, i);
        int32_t j = 0;
        UChar32 want;
        U8_NEXT(bytes, j, 4, want);
        if (c != (want < 0 ? U'\uFFFD' : static_cast<char32_t>(want)) || i != static_cast<size_t>(j)) ++differ;
      }
    }
  }
  CHECK(differ == 0);
}

TEST_CASE("Regex: \\p{Han} written out is ICU's own \\p{Han}, code point by code point", "[text][regex]") {
  // The pattern rewrite spells \p{Han} as ranges (a property set costs a
  // compile); this fails when the ICU linked in has a different Han set.
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeSet han(icu::UnicodeString(u"[\\p{Han}]"), status);
  REQUIRE(U_SUCCESS(status));
  const Regex alone("^\\p{Han}$"), in_set("^[a\\p{Han}]$"), negated("^[^\\p{Han}]$");
  int differ = 0;
  for (char32_t c = 1; c <= 0x10FFFF; c += c < 0x40000 ? 1 : 0x3F) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s;
    noticetab::AppendUtf8(s, c);
    const bool want = han.contains(static_cast<UChar32>(c));
    if (alone.Contains(s) != want || in_set.Contains(s) != (want || c == 'a') || negated.Contains(s) == want) {
      if (++differ == 1) UNSCOPED_INFO("first difference at U+" << std::hex << static_cast<uint32_t>(c));
    }
  }
  CHECK(differ == 0);
  CHECK(in_set.Contains("a"));
  CHECK_FALSE(Regex("^\\\\p{Han}$").Contains("中"));  // a backslash, then p{Han}
}

TEST_CASE("Regex: \\p{Han} and \\d next to - or && in a set keep ICU's meaning", "[text][regex]") {
  // Spelled out, the escape would become a range's end or lose an operator
  // (fuzz/regressions/regex/han-range-end-in-set). Each pattern must answer as
  // plain ICU does, whatever that is.
  for (const char* p : {"[^X:(-\\p{Han}]", "[(-\\p{Han}]", "[\\p{Han}-a]", "[\\d&&[5]]", "[+-\\d]"}) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> icu_p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), 0, pe, status));
    if (U_FAILURE(status)) continue;  // a pattern ICU refuses is not compared
    const Regex ours(p);
    if (!ours.ok()) continue;
    for (const char* text : {"日", "a", "5", "7", "+", "(", ","}) {
      status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(icu_p->matcher(icu::UnicodeString::fromUTF8(text), status));
      const bool want = m->find(status);
      INFO(p << " on " << text);
      CHECK(ours.Contains(text) == want);
    }
  }
}

TEST_CASE("Regex::required: literal runs every match contains", "[text][regex]") {
  using V = Regex::Requirements;
  CHECK(Regex("^欢迎访问.{0,30}$").required() == V{{"欢迎访问"}});
  CHECK(Regex("^抄\\s*送\\s*[:：]").required() == V{{"抄"}, {"送"}});
  CHECK(Regex("(?<y>\\d{4})年(?<m>\\d+)月").required() == V{{"年"}, {"月"}});
  CHECK(Regex("(?:印发)+完成").required() == V{{"印发"}, {"完成"}});
  CHECK(Regex("市+场").required() == V{{"市"}, {"场"}});
  // Optional, look-around, set and escaped text gives nothing; a set of
  // plain non-ASCII characters gives one run per character.
  CHECK(Regex("前?完成").required() == V{{"完成"}});
  CHECK(Regex("(之前)?完成").required() == V{{"完成"}});
  CHECK(Regex("(之前)*完成").required() == V{{"完成"}});
  CHECK(Regex("(之前){0,1}完成").required() == V{{"完成"}});
  CHECK(Regex("(?<=汉)字").required() == V{{"字"}});
  CHECK(Regex("(?!汉)字").required() == V{{"字"}});
  CHECK(Regex("[年月]日").required() == V{{"年", "月"}, {"日"}});
  CHECK(Regex("[年月]?日").required() == V{{"日"}});
  CHECK(Regex("[年-月]日").required() == V{{"日"}});  // a range
  CHECK(Regex("[年月 ]日").required() == V{{"日"}});  // an ASCII member
  CHECK(Regex("(?<=\\p{Han})[(（][āáǎà]").required() == V{{"ā", "á", "ǎ", "à"}});
  // An alternation takes, per branch, a run that other branches need too
  // (one scan for 月, not one for 每年 and one for 月), and no run twice.
  CHECK(Regex("(每年\\d月\\d日前|\\d月(\\d日|底)完成|\\d月|年底前)").required() == V{{"月", "年底前"}});
  CHECK(Regex("(甲乙|丙丁)").required() == V{{"甲乙", "丙丁"}});
  CHECK(Regex("(甲|甲)").required() == V{{"甲"}});
  CHECK(Regex("(首页|当前位置\\s*首页)").required() == V{{"首页"}});
  CHECK(Regex("(每年\\d月|\\d月)").Contains("3月"));
  CHECK_FALSE(Regex("(每年\\d月|\\d月)").Contains("每年"));
  // Many single characters are checked in one pass over the text.
  const Regex many("[們個會這為發與關於]");
  CHECK(many.required().size() == 1);
  CHECK(many.Contains("公開發布"));
  CHECK_FALSE(many.Contains("公开发布"));
  CHECK_FALSE(many.Contains(""));
  // A member right after ASCII, after invalid bytes, at the very end, and a
  // text whose last character is cut short; and a member's low 12 bits on a
  // character that is not one (們 U+5011 and 倁 U+5011 + 0x1000 = U+6011).
  CHECK(many.Contains("ab們"));
  CHECK(many.Contains("\xE5\xBA\xFF們x"));
  CHECK(many.Contains("公\xE5們"));
  CHECK_FALSE(many.Contains("公开\xE5\x80"));
  CHECK_FALSE(many.Contains("\xE6\x80\x91"));  // U+6011
  CHECK(many.Contains("\xE4" "A們"));     // a lead byte without its continuation bytes
  CHECK(many.Contains("\xE0\x80們"));     // an overlong start cut short
  CHECK(many.Contains("\x80\x80們\x80"));  // stray continuation bytes
  CHECK_FALSE(many.Contains("\xED\xA0\x91\xE0\x80\x91"));  // a surrogate and an overlong: U+FFFD
  // Members whose lead bytes are few and not those of CJK (2-byte pinyin
  // letters): found by searching for the lead bytes, anywhere in the text.
  const Regex tones("[āáǎàēéěè]");
  CHECK(tones.required().size() == 1);
  CHECK(tones.Contains("中文è"));
  CHECK(tones.Contains("\xC3\xC3\xA9"));  // a lead byte before é's
  CHECK(tones.Contains("ǎ"));
  CHECK_FALSE(tones.Contains("中文e\xC3"));
  CHECK_FALSE(tones.Contains("\xC3\xA2\xC4\x80"));  // â and Ā: same lead bytes, other letters
  CHECK(Regex("[[年月][日]]号").required() == V{{"号"}});
  CHECK(Regex("[]附]件").required() == V{{"件"}});  // ] first in a set is a member
  CHECK(Regex("[^]附]件").required() == V{{"件"}});
  CHECK(Regex("[]附]件").Contains("附件"));
  CHECK(Regex("^[]附]件").leading().empty());
  // \x takes at most two hex digits: the | after \xE is an alternation.
  CHECK(Regex("附\\xE|件").required() == V{{"附", "件"}});
  CHECK(Regex("附\\u4e00|").required().empty());
  CHECK(Regex("\\附件").required() == V{{"件"}});  // an escaped character is skipped whole
  // \cX is control-X whatever X is: in \c\| the | is an alternation.
  CHECK(Regex("附\\c\\|件").required() == V{{"附", "件"}});
  CHECK(Regex("^附\\c\\|件").leading().empty());
  // ICU reads invalid UTF-8 in a pattern as U+FFFD: not a literal to look for.
  CHECK(Regex("附\xE5\xBA件").required() == V{{"附"}, {"件"}});
  CHECK(Regex("^\xB4件").leading().empty());
  CHECK(Regex("\\p{Han}\\x{4E00}\\u4e00号").required() == V{{"号"}});
  // An alternation needs one run of each branch; a branch with none, nothing.
  CHECK(Regex("(年底|年末)前").required() == V{{"年底", "年末"}, {"前"}});
  CHECK(Regex("年底|全年完成").required() == V{{"年底", "全年完成"}});
  CHECK(Regex("^(来源|编\\s*辑)[:：]").required() == V{{"来源", "编"}});
  CHECK(Regex("(年底|\\d+月)前").required() == V{{"年底", "月"}, {"前"}});
  CHECK(Regex("(年底|\\d+)前").required() == V{{"前"}});
  CHECK(Regex("年底|\\d+").required().empty());
  // Inline flags, comments and quoting: no prefilter.
  CHECK(Regex("(?i)年").required().empty());
  CHECK(Regex("\\Q年\\E").required().empty());
  CHECK(Regex("[\\Q]\\E附]件").required().empty());  // \Q quotes a ] inside a set too
  CHECK(Regex("(?#年)月").required().empty());
  // A comment hides parens and bars from a plain scan: no leading runs either.
  CHECK(Regex("^附(?#(x)|件").leading().empty());
  CHECK(Regex("^附(?x)|件").leading().empty());
  CHECK(Regex("^(附\\Q)\\E|件)").leading().empty());
}

TEST_CASE("Regex::leading: what an anchored match starts with", "[text][regex]") {
  using V = std::vector<std::string>;
  CHECK(Regex("^欢迎访问.{0,30}$").leading() == V{"欢迎访问"});
  CHECK(Regex("^第\\s*\\d+\\s*页").leading() == V{"第"});
  CHECK(Regex("^附表?\\s*\\d*").leading() == V{"附"});
  CHECK(Regex("^市+场").leading() == V{"市"});
  CHECK(Regex("^(来源|信息来源|编\\s*辑)[:：]").leading() == V{"来源", "信息来源", "编"});
  CHECK(Regex("^(?:浏览(次数)?|访问量)").leading() == V{"浏览", "访问量"});
  CHECK(Regex("^(?<issuer>市政府)文件$").leading() == V{"市政府"});
  // A group of literal branches after the run goes on with each branch.
  CHECK(Regex("^各(县|市|街道)([、，,](县|市))+").leading() == V{"各县", "各市", "各街道"});
  CHECK(Regex("^各(?:县|市)+").leading() == V{"各县", "各市"});
  CHECK(Regex("^各(县|市)?区").leading() == V{"各"});
  CHECK(Regex("^各(县|\\d)").leading() == V{"各"});
  CHECK(Regex("^各(县|市(区))").leading() == V{"各"});
  CHECK(Regex("^各(?=县)").leading() == V{"各"});
  const Regex each("^各(县|市|街道)([、，,](县|市|街道))+");
  CHECK(each.Contains("各街道、市"));
  CHECK_FALSE(each.Contains("各部门、市"));
  CHECK_FALSE(each.Contains("各"));
  // Nothing certain at the start: no leading runs.
  CHECK(Regex("^(退出)?长者模式$").leading().empty());
  CHECK(Regex("^(来源|\\d+)").leading().empty());
  CHECK(Regex("^[（(]此件").leading().empty());
  CHECK(Regex("^(?=来)来源").leading().empty());
  CHECK(Regex("^来源|编辑").leading().empty());  // the second branch is unanchored
  CHECK(Regex("来源").leading().empty());
  const Regex either("^(来源|编\\s*辑)[:：]");
  CHECK(either.Contains("编 辑：张三"));
  CHECK_FALSE(either.Contains("作者 编辑：张三"));
  CHECK_FALSE(Regex("^来源|编辑").Contains("作者"));
  CHECK(Regex("^来源|编辑").Contains("作者 编辑"));
  // A first byte test before the comparison: the third byte of each run (the
  // second with a 2-byte letter among them), whatever the lengths.
  CHECK_FALSE(either.Contains("来"));
  CHECK_FALSE(either.Contains(""));
  CHECK_FALSE(either.Contains("米源："));
  const Regex letters("^(é|来源)x");
  CHECK(letters.leading() == V{"é", "来源"});
  CHECK(letters.Contains("éx"));
  CHECK(letters.Contains("来源x"));
  CHECK_FALSE(letters.Contains("èx"));
  CHECK_FALSE(letters.Contains("\xC3"));
}

TEST_CASE("Regex::trailing: what a match before $ ends with", "[text][regex]") {
  using V = std::vector<std::string>;
  CHECK(Regex("(通知|意见|函)$").trailing() == V{"通知", "意见", "函"});
  CHECK(Regex("^(?<issuer>\\p{Han}{4,40}?)\\s*文件$").trailing() == V{"文件"});
  CHECK(Regex("印\\s*发$").trailing() == V{"发"});
  CHECK(Regex("^(?:长期|持续)$").trailing() == V{"长期", "持续"});
  CHECK(Regex("^(?<x>长期|持续)$").trailing() == V{"长期", "持续"});
  CHECK(Regex("^(退出)?长者(浏览)?模式$").trailing() == V{"模式"});
  // None: an alternation at the top, a branch ending in a group, quantifier
  // or set, an escaped $, a look-around, no $ at all.
  CHECK(Regex("通知|意见$").trailing().empty());
  CHECK(Regex("(长期|常态化(推进|开展)?)$").trailing().empty());
  CHECK(Regex("模式?$").trailing().empty());
  CHECK(Regex("模式+$").trailing().empty());
  CHECK(Regex("[模式]$").trailing().empty());
  CHECK(Regex("模式\\$").trailing().empty());
  CHECK(Regex("(?=模式)$").trailing().empty());
  CHECK(Regex("模式").trailing().empty());
  CHECK(Regex("(长期|)$").trailing().empty());
  // $ before a final line terminator: still found.
  const Regex unit("(单位|部门)$");
  CHECK(unit.Contains("牵头单位"));
  CHECK(unit.Contains("牵头单位\n"));
  CHECK(unit.Contains("牵头单位\r\n"));
  CHECK(unit.Contains("牵头单位\xe2\x80\xa8"));
  CHECK(unit.Contains("牵头单位\xc2\x85"));
  CHECK_FALSE(unit.Contains("牵头单位\n\n"));
  CHECK_FALSE(unit.Contains("单位牵头"));
}

TEST_CASE("Regex: the literal prefilter never changes a result", "[text][regex]") {
  const Regex day("^(?<m>\\d{1,2})月(?<d>\\d{1,2})日(前|之前)?$");
  CHECK(day.Find("6月30日前").found);
  CHECK(day.Find("6月30日前").Group("d") == "30");
  CHECK_FALSE(day.Find("6月30").found);
  CHECK_FALSE(day.Contains("6月"));
  CHECK(day.Contains("12月1日"));
  const Regex cc("抄\\s*送");
  CHECK(cc.ReplaceAll("抄 送：市委", "X") == "X：市委");
  CHECK(cc.ReplaceAll("抄报：市委", "X") == "抄报：市委");
  const Regex either("^(来源|编\\s*辑)[:：]");
  CHECK(either.Contains("编 辑：张三"));
  CHECK(either.Contains("来源：市政府"));
  CHECK_FALSE(either.Contains("作者：张三"));
}

TEST_CASE("Regex: a set of many characters is found at any place of a text", "[text][regex]") {
  // The prefilter reads two 3-byte characters at a time: a member at every
  // offset, after CJK text, ASCII, a 2-byte letter or bad UTF-8.
  const Regex trad("[們個會這為發與關於單時處區縣務]");
  for (const std::string& before : {std::string(), std::string("a"), std::string("ā"), std::string("\xe4\xb8"),
                                    std::string("\xbf")}) {
    for (size_t k = 0; k < 12; ++k) {
      std::string text = before;
      for (size_t j = 0; j < k; ++j) text += "会";
      INFO(k << " " << text);
      CHECK_FALSE(trad.Contains(text + "这个为发与关于单时处区县务"));
      CHECK(trad.Contains(text + "務" + "这个"));
      CHECK(trad.Contains(text + "这" + "時"));
      CHECK(trad.Contains(text + "時"));
      CHECK(trad.Contains(text + "这个为发与关于单时处区县" + "務" + "a"));
    }
  }
}

TEST_CASE("Regex reports invalid patterns", "[text][regex]") {
  const Regex paren("(abc");
  CHECK_FALSE(paren.ok());
  CHECK(paren.error().find("U_REGEX_MISMATCHED_PAREN") != std::string::npos);
  CHECK(paren.pattern() == "(abc");
  CHECK_FALSE(paren.Find("abc").found);

  const Regex bracket("中文[");
  CHECK_FALSE(bracket.ok());
  CHECK(bracket.error().find("U_REGEX_MISSING_CLOSE_BRACKET") != std::string::npos);
  CHECK(bracket.error_offset() == 2);  // code points, not bytes

  const Regex close("a)");
  CHECK_FALSE(close.ok());
  CHECK(close.error_offset() == 1);

  const Regex han_name("(?<年份>\\d+)");  // ICU allows ASCII names only
  CHECK_FALSE(han_name.ok());

  const Regex none;
  CHECK_FALSE(none.ok());
  CHECK_FALSE(none.error().empty());
  CHECK_FALSE(none.Contains("x"));
}

TEST_CASE("Regex moves and is usable from several threads", "[text][regex]") {
  Regex a("(?<n>\\d+)号");
  Regex b = std::move(a);
  REQUIRE(b.ok());
  CHECK(b.Find("招政办发〔2023〕15号").Group("n") == "15");

  std::vector<std::thread> threads;
  std::vector<int> hits(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&b, &hits, t] {
      const std::string s = "第" + std::to_string(t) + "号";
      for (int k = 0; k < 200; ++k) {
        if (b.Find(s).Group("n") == std::to_string(t)) ++hits[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int h : hits) CHECK(h == 200);
}

TEST_CASE("Regex: a search past the time limit throws an Error naming the rule", "[text][regex]") {
  Regex re("^(a+)+$");
  re.set_origin("rules/junk.yaml", 7);
  const std::string text = std::string(40, 'a') + "!";
  try {
    (void)re.Contains(text);
    FAIL("no time limit");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(e.file() == "rules/junk.yaml");
    CHECK(e.line() == 7);
    CHECK(e.message().starts_with("pattern '^(a+)+$' took too long on one line of text"));
  }
  CHECK_THROWS_AS(re.Find(text), Error);
  CHECK_THROWS_AS(re.ReplaceAll(text, ""), Error);
  // A linear pattern over a long line stays well inside its limit.
  CHECK(Regex("a+!$").Contains(std::string(1 << 20, 'a') + "!"));
}

TEST_CASE("Regex: a set of many CJK characters is found anywhere in a long text", "[text][regex]") {
  // A class of more than four 3-byte characters is checked, on a text of 4 KB
  // or more, 32 places at a time by byte sets (HasAnyChar3Avx2 where the CPU
  // has AVX2): the answer must equal a plain decode of the text, wherever
  // the member is (first place, block edges, last character) and whatever
  // surrounds it (other ideographs sharing its bytes, ASCII, invalid bytes).
  const std::u32string members = U"們個會這為發與關於單時處區縣務實現對開過進機門頭經議總導書傳報電車東";
  std::string pattern = "[";
  for (const char32_t c : members) noticetab::AppendUtf8(pattern, c);
  pattern += "]";
  const Regex re(pattern);
  REQUIRE(re.ok());
  // Neighbours of the members (±1, ±64 code points: one byte apart) and plain text.
  std::vector<std::string> filler;
  for (const char32_t c : members) {
    for (const char32_t d : {c - 1, c + 1, c - 64, c + 64, c ^ 0x1000u}) {
      if (members.find(d) != std::u32string::npos) continue;
      std::string u;
      noticetab::AppendUtf8(u, d);
      filler.push_back(u);
    }
  }
  for (const char* extra : {"a", " ", "\n", "\xE4", "\x80", "\xE5\x80", "\xC3\xA9", "\xF0\x9F\x98\x80", "的"})
    filler.push_back(extra);
  uint64_t seed = 12345;
  auto next = [&](uint64_t bound) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % bound;
  };
  int found = 0, missing = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t size = 4096 + next(600);
    while (text.size() < size) text += filler[next(filler.size())];
    if (round % 2 == 0) {
      std::string member;
      noticetab::AppendUtf8(member, members[next(members.size())]);
      const int where = static_cast<int>(next(5));
      const size_t at = where == 0 ? 0 : where == 1 ? text.size() : where == 2 ? 32 * next(text.size() / 32) : next(text.size());
      text.insert(at, member);
    }
    bool expect = false;
    for (size_t i = 0; i < text.size();) {
      if (members.find(noticetab::NextChar(text, i)) != std::u32string::npos) expect = true;
    }
    (expect ? found : missing)++;
    INFO("round " << round);
    CHECK(re.Contains(text) == expect);
  }
  CHECK(found > 100);
  CHECK(missing > 100);
}

TEST_CASE("a sub-item's number: dotted, or hyphenated with short numbers; a date is none", "[text]") {
  CHECK(noticetab::IsDottedNumber("1.1"));
  CHECK(noticetab::IsDottedNumber("１．２"));
  CHECK(noticetab::IsDottedNumber("1-1"));
  CHECK(noticetab::IsDottedNumber("12-3"));
  CHECK(noticetab::IsDottedNumber("１－２"));
  CHECK_FALSE(noticetab::IsDottedNumber("2024-06"));
  CHECK_FALSE(noticetab::IsDottedNumber("1-"));
  CHECK_FALSE(noticetab::IsDottedNumber("1--2"));
  CHECK_FALSE(noticetab::IsDottedNumber("12"));
  CHECK_FALSE(noticetab::IsDottedNumber("1-a"));
}
