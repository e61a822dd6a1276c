// rules/punctuation.yaml: the marks notices are read by are data. A rules
// directory with a changed entry changes how a notice reads, a directory from
// before the file keeps the built-in marks, and a malformed entry is an error
// at its line and column. (Its examples are fired by rules_test.cpp.)
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "test_util.h"

using noticetab::Error;
using noticetab::Rules;
using noticetab::testing::RunCli;
using noticetab::testing::TempDir;

namespace {

const Rules& R() { return noticetab::BuiltinRules(); }

std::string Embedded(const std::string& file) {
  for (const auto& [name, t] : noticetab::EmbeddedRules())
    if (name == file) return std::string(t);
  return "";
}

// `text` with its first `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The error compiling the embedded rules with punctuation.yaml replaced by `text`.
Error ErrorOf(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : noticetab::EmbeddedRules())
    files.emplace_back(std::string(name), name == "punctuation.yaml" ? text : std::string(t));
  try {
    noticetab::CompileRules(files);
  } catch (const Error& e) {
    return e;
  }
  FAIL("CompileRules accepted the bad punctuation.yaml:\n" << text);
  throw;  // unreachable
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

}  // namespace

TEST_CASE("punctuation: the sets hold what the file says", "[rules][punctuation]") {
  const noticetab::Punctuation& p = R().punct;
  CHECK(p.sentence_end.Has(U'。'));
  CHECK(p.opens.marks().size() == p.closes.marks().size());
  CHECK(p.CloseOf(U'〔') == U'〕');
  CHECK(p.CloseOf(U'。') == 0);
  CHECK(p.list_joiner == "、");
  // Malformed or partial UTF-8 at the end is no mark.
  CHECK_FALSE(noticetab::EndsSentence("\xFF", R()));
  CHECK_FALSE(noticetab::EndsSentence("。\xFF", R()));
  CHECK_FALSE(noticetab::EndsSentence("x\xE3\x80", R()));
  CHECK(noticetab::EndsSentence("完成。\t", R()));
  CHECK(p.full_stop.EndLength("完成。") == 3);
  CHECK(p.full_stop.EndLength("done.") == 1);
  CHECK(p.comma.Find("甲，乙,丙") == 3);
  CHECK(p.semicolon.StartLength("；乙") == 3);
}

TEST_CASE("punctuation: a rules directory with changed marks reads differently", "[rules][punctuation]") {
  TempDir dir;
  std::string text = Embedded("punctuation.yaml");
  text = Replaced(text, "sentence_end: \"。！？；.!?;\"", "sentence_end: \"。！？.!?\"");  // ； no longer ends one
  text = Replaced(text, "[\"()\", \"（）\",", "[\"()\",");                                // （） no longer nests
  text = Replaced(text, "title_stops: \"。：:\"", "title_stops: \"：:\"");                 // 。 no longer ends a title
  Write(dir / "punctuation.yaml", text);
  const Rules mine = noticetab::LoadRules(dir.path);
  CHECK(noticetab::EndsSentence("做好公开；", R()));
  CHECK_FALSE(noticetab::EndsSentence("做好公开；", mine));
  const std::string units = "市政府办公室（市政务服务中心、市大数据局）、市财政局";
  CHECK(Joined(noticetab::SplitTopLevel(units, R())) == "市政府办公室（市政务服务中心、市大数据局）|市财政局");
  CHECK(Joined(noticetab::SplitTopLevel(units, mine)) == "市政府办公室（市政务服务中心|市大数据局）|市财政局");
  // Through the binary: an item's title runs on past its first full stop.
  const std::string title = "\"item_title\": \"围绕绿色低碳高质量发展强化政府信息专题公开\"";
  const auto with = RunCli("-q -f json --rules " + dir.path + " samples/fushan-2023.txt");
  REQUIRE(with.status == 0);
  CHECK(with.out.find(title) == std::string::npos);
  CHECK(with.out.find("\"item_title\": \"围绕绿色低碳高质量发展强化政府信息专题公开。围绕") != std::string::npos);
  const auto without = RunCli("-q -f json samples/fushan-2023.txt");
  CHECK(without.out.find(title) != std::string::npos);
}

TEST_CASE("punctuation: a --rules directory without punctuation.yaml keeps the built-in marks",
          "[rules][punctuation]") {
  TempDir dir;
  // A clauses.yaml and frontmatter.yaml from before key_value and key_line.
  std::string clauses = Embedded("clauses.yaml");
  const size_t kv = clauses.find("key_value:"), nc = clauses.find("not_clause:");
  REQUIRE(kv < nc);
  clauses.erase(kv, nc - kv);
  Write(dir / "clauses.yaml", clauses);
  Write(dir / "frontmatter.yaml",
        Replaced(Embedded("frontmatter.yaml"), "key_value: '^(?<k>[^:：]{2,8})[:：]\\s*(?<v>.+)$'\n", ""));
  const Rules old = noticetab::LoadRules(dir.path);
  CHECK(old.punct.sentence_end.marks() == R().punct.sentence_end.marks());
  CHECK(old.punct.clause_joiner == R().punct.clause_joiner);
  CHECK(old.clause_key_value.pattern() == R().clause_key_value.pattern());
  CHECK(old.clause_key_line.pattern() == R().clause_key_line.pattern());
  CHECK(old.metadata_key_value.pattern() == R().metadata_key_value.pattern());
  CHECK_FALSE(old.clause_key_value.pattern().empty());
}

TEST_CASE("punctuation: a malformed entry is an error at its line and column", "[rules][punctuation]") {
  const std::string good = Embedded("punctuation.yaml");
  SECTION("a bracket that is not a pair") {
    const Error e = ErrorOf(Replaced(good, "\"〔〕\",", "\"〔\","));
    const std::string f = e.Format();
    CAPTURE(f);
    CHECK(f.rfind("punctuation.yaml:16:", 0) == 0);
    CHECK(f.find("brackets: '〔' is not a pair of two marks (opening, closing)") != std::string::npos);
    CHECK(f.find("brackets: [\"()\"") != std::string::npos);  // the line, quoted
    CHECK(f.find('^') != std::string::npos);                  // and the caret under it
  }
  SECTION("a mark in two pairs") {
    const Error e = ErrorOf(Replaced(good, "\"〔〕\",", "\"〔）\","));
    CHECK(e.Format().rfind("punctuation.yaml:16:11: brackets: a mark is in two pairs", 0) == 0);
  }
  SECTION("a mark listed twice") {
    const Error e = ErrorOf(Replaced(good, "comma: \"，,\"", "comma: \"，,，\""));
    CHECK(e.Format().find("punctuation.yaml:22:8: comma: a mark is listed twice") == 0);
  }
  SECTION("an empty set") {
    const Error e = ErrorOf(Replaced(good, "pipe: \"|｜│┃║\"", "pipe: \"\""));
    CHECK(e.Format().find("pipe: expected at least one mark") != std::string::npos);
  }
  SECTION("an unknown key") {
    const Error e = ErrorOf(Replaced(good, "comma: ", "commas: "));
    CHECK(e.Format().rfind("punctuation.yaml:22:1: unknown key 'commas'", 0) == 0);
  }
  SECTION("a missing written joiner") {
    const Error e = ErrorOf(Replaced(good, ", stop: 。}", "}"));
    CHECK(e.Format().find("missing required field 'stop'") != std::string::npos);
  }
}

// MarkSet::In and Find look for each mark by its last byte (utf8::FindRun):
// they agree with a plain search at every offset, in texts full of other
// characters sharing the mark's lead byte (full-width marks, all EF ..) or
// its last byte, at a text's first and last places and past its end.
TEST_CASE("punctuation: MarkSet In and Find agree with a plain search", "[punctuation]") {
  const noticetab::MarkSet marks("（(【");
  const std::vector<std::string> fillers = {"，", "：", "各", "\xE4\xBC\x88", "ab"};  // 伈 ends as （ does
  for (const std::string& mark : {std::string("（"), std::string("("), std::string("【")}) {
    for (size_t n = 0; n <= 40; ++n) {
      for (const std::string& filler : fillers) {
        std::string text;
        while (text.size() < n) text += filler;
        INFO(mark << " in " << n << " bytes of " << filler);
        CHECK_FALSE(marks.In(text));
        CHECK(marks.Find(text) == std::string::npos);
        for (size_t at = 0; at <= text.size(); at += filler.size()) {
          std::string with = text;
          with.insert(at, mark);
          CHECK(marks.In(with));
          CHECK(marks.Find(with) == at);
          for (size_t from = 0; from <= with.size() + 1; ++from)
            CHECK(marks.Find(with, from) == (from <= at ? at : std::string::npos));
        }
      }
    }
  }
}
