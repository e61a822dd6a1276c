// CellReader::MayHoldUnit, the gate that keeps the unit tests (lead_clause,
// the split test, UnitLike) off cells in which no name can be complete: it
// may say false only where every piece of the cell, as the plain tests cut
// it, is no complete name, so that the gated and the plain path answer the
// same. Checked on every line and cell of the samples and the real corpus,
// their variants with spaces, and every BMP character as a name's first or
// last character.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"
#include "test_util.h"

namespace nt = noticetab;

namespace {

const nt::Rules& R() { return nt::BuiltinRules(); }

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// Every line of the samples and the real corpus, its tab and pipe cells,
// and each with a space after every character (a name cut by spaces).
std::vector<std::string> Texts() {
  namespace fs = std::filesystem;
  const fs::path root = nt::testing::SourceDir();
  std::vector<std::string> out =
      nt::testing::LinesAndCells({root / "samples", root / "samples" / "composed", root / ".." / "shared" / "corpus" / "real"});
  const size_t plain = out.size();
  for (size_t k = 0; k < plain; k += 7) {  // spaced variants of every 7th
    out.push_back(nt::testing::SpacedChars(out[k]));
  }
  return out;
}

// What the gate stands for: no piece of the cell or of the cell without its
// spaces is a complete name.
bool AnyComplete(std::string_view cell) {
  for (const std::string& text : {std::string(cell), nt::RemoveSpaces(cell)})
    for (const auto& piece : nt::SplitTopLevel(text, R()))
      if (nt::IsCompleteUnit(piece, R())) return true;
  return false;
}

// The built-in rules with `suffix` first among units.yaml's org_suffixes.
nt::Rules WithOrgSuffix(const std::string& suffix) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : nt::EmbeddedRules()) {
    std::string text(t);
    if (name == "units.yaml") {
      const size_t at = text.find("org_suffixes: [");
      REQUIRE(at != std::string::npos);
      text.insert(at + 15, suffix + ", ");
    }
    files.emplace_back(std::string(name), text);
  }
  return nt::CompileRules(files);
}

}  // namespace

TEST_CASE("MayHoldUnit says false only where no name of the cell is complete", "[classify][cell_gates]") {
  const std::vector<std::string> texts = Texts();
  REQUIRE(texts.size() > 2000);
  const nt::CellReader reader(R());
  size_t ruled_out = 0, differ = 0;
  for (const auto& c : texts) {
    if (reader.MayHoldUnit(c)) continue;
    ++ruled_out;
    if (AnyComplete(c) && ++differ <= 10) FAIL_CHECK("MayHoldUnit false, yet a piece is complete: " << c);
    if (nt::UnitLike(c, R()) && ++differ <= 10) FAIL_CHECK("MayHoldUnit false, yet UnitLike: " << c);
    if (nt::ClassifyCell(c, R()) == nt::CellShape::kUnits && ++differ <= 10)
      FAIL_CHECK("MayHoldUnit false, yet ClassifyCell says units: " << c);
  }
  CHECK(differ == 0);
  CHECK(ruled_out > 500);  // the gate is asked of real cells and answers no
}

TEST_CASE("MayHoldUnit on every BMP character as a name's first and last", "[classify][cell_gates]") {
  const nt::CellReader reader(R());
  const std::string han = "\xE7\x94\xB2\xE4\xB9\x99";  // 甲乙: no unit character
  REQUIRE(!reader.MayHoldUnit(han));
  size_t differ = 0, yes = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string ch = Utf8(c);
    for (const std::string& name : {han + ch, ch + han, han + " " + ch, ch + " " + han + "\xE7\xAD\x89"}) {  // ... 等
      const bool may = reader.MayHoldUnit(name);
      yes += may;
      if (!may && AnyComplete(name) && ++differ <= 10) FAIL_CHECK("missed a complete name: U+" << std::hex << static_cast<uint32_t>(c));
    }
  }
  CHECK(differ == 0);
  CHECK(yes > 0);
  // Past the BMP, and what it cannot read: it may.
  CHECK(reader.MayHoldUnit(han + Utf8(0x1F600)) == false);
  CHECK(reader.MayHoldUnit(han + "\xE5\xB1"));            // a cut 局
  CHECK(reader.MayHoldUnit("\xE5\xB1 \x80"));             // 局's bytes around a space
  CHECK(!reader.MayHoldUnit(han + "\xEF\xBF\xBD"));       // U+FFFD, as written: no name ends with it
  CHECK(reader.MayHoldUnit(han + "\xE5\xB1\x80"));        // 局
  CHECK(reader.MayHoldUnit(han + ")"));                   // an ASCII suffix
  CHECK(reader.MayHoldUnit("\xE5\x90\x84" + han));        // 各...
}

TEST_CASE("MayHoldUnit reads the rules it was made with", "[classify][cell_gates]") {
  // A suffix added to org_suffixes: new gates, not the built-in rules'.
  const nt::Rules own = WithOrgSuffix("\xE4\xB9\x99");  // 乙
  const std::string name = "\xE7\x94\xB2\xE4\xB9\x99";  // 甲乙
  const nt::CellReader builtin(R()), other(own);
  CHECK(!builtin.MayHoldUnit(name));
  CHECK(other.MayHoldUnit(name));
  CHECK(nt::IsCompleteUnit(name, own));
  CHECK(other.Classify(name, other.Facts(name)) == nt::ClassifyCell(name, own));
  CHECK(nt::ClassifyCell(name, own) == nt::CellShape::kUnits);
}

TEST_CASE("MayHoldUnit reads an ASCII name character past the first 64 (a suffix ending in X)", "[classify][cell_gates]") {
  // The ASCII test must read the bit of 'X' (88), not shift one word by 88.
  const nt::Rules own = WithOrgSuffix("X");
  const nt::CellReader builtin(R()), other(own);
  for (const std::string name : {"\xE7\x94\xB2X", "\xE7\x94\xB2\xE4\xB9\x99X", "aX"}) {  // 甲X, 甲乙X
    INFO(name);
    CHECK(other.MayHoldUnit(name));
    CHECK(other.Classify(name, other.Facts(name)) == nt::ClassifyCell(name, own));
  }
  CHECK(!builtin.MayHoldUnit("\xE7\x94\xB2X"));
}

TEST_CASE("CellReader's deadline gates answer as ClassifyCell on short phrases", "[classify][cell_gates]") {
  // Short cells from the pieces of deadline phrases and their neighbours
  // (full-width digits, marks, spaces, other ideographs): the gated reader
  // skips the hint and phrase searches by the characters' two masks, the
  // plain ClassifyCell searches every time.
  const std::vector<std::string> parts = {
      "2023", "12", "3", "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5", "\xE5\xBA\x95", "\xE5\x89\x8D",    // 年 月 日 底 前
      "\xE6\xAF\x8F", "\xE5\xAD\xA3\xE5\xBA\xA6", "\xE4\xB8\x8A", "\xE4\xB8\x8B", "\xE5\x8D\x8A",          // 每 季度 上 下 半
      "\xE9\x95\xBF\xE6\x9C\x9F", "\xE6\x8C\x81\xE7\xBB\xAD", "\xE5\xAE\x8C\xE6\x88\x90", "\xE4\xB9\x8B",  // 长期 持续 完成 之
      "\xE6\x97\xAC", "\xE4\xB8\xAD", "\xE6\x9C\xAB", "\xE5\xB8\x82", "\xE5\xB1\x80", "\xEF\xBC\x91\xEF\xBC\x92",  // 旬 中 末 市 局 １２
      " ", "\xE3\x80\x81", "\xE3\x80\x82", "\xE7\xAC\xAC", "\xE4\xB8\x80", "\xE5\x91\xA8", "\xE4\xB8\xAA"};  // 、 。 第 一 周 个
  const nt::CellReader reader(R());
  uint64_t state = 12345;
  auto next = [&](size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  };
  size_t differ = 0, deadlines = 0;
  for (int k = 0; k < 40000; ++k) {
    std::string c;
    for (size_t n = 1 + next(6); n-- > 0;) c += parts[next(parts.size())];
    const nt::CellShape plain = nt::ClassifyCell(c, R());
    deadlines += plain == nt::CellShape::kDeadline;
    if (reader.Classify(c, reader.Facts(c)) != plain && ++differ <= 10) FAIL_CHECK("gated reader differs for: " << c);
  }
  CHECK(differ == 0);
  CHECK(deadlines > 300);
}

TEST_CASE("A 序号 cell is read as NFKC reads it, with or without the ASCII fast path", "[interpret][cell_gates]") {
  // IsInteger reads an all-ASCII cell as it is (ASCII is its own NFKC) and
  // any other through Nfkc: the row's number must be what Nfkc(Trim(cell))
  // says on every kind of cell, a list's marks around it aside (1. 1、 (1)).
  const std::vector<std::string> cells = {
      "1", "12", "123", "12345", "123456", " 7 ", "\t8", "0", "00001", "1a", "a1", "", " ", "1 2", "-1", "+1",
      "\x7F", "1.", "\xEF\xBC\x91", "\xEF\xBC\x91\xEF\xBC\x92", "\xE3\x80\x80" "3", "\xE2\x91\xA0",  // １ １２ 　3 ①
      "\xC2\xB2", "\xE4\xB8\x80", "1\xCC\x81", "99999", "2\xE3\x80\x81", "(3)", ".", "()", "1..", "\xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x99\xEF\xBC\x99"};
  const std::vector<nt::Role> header = {nt::Role::kSeq, nt::Role::kContent};
  const std::string content = "\xE5\x8A\xA0\xE5\xBC\xBA\xE6\x94\xBF\xE5\x8A\xA1\xE5\x85\xAC\xE5\xBC\x80\xE3\x80\x82";  // 加强政务公开。
  size_t numbered = 0;
  for (const auto& c : cells) {
    std::string n = nt::Nfkc(nt::Trim(c));
    if (n.size() > 1 && n.back() == '.') n.pop_back();
    else if (n.size() > 3 && n.ends_with("\xE3\x80\x81")) n.resize(n.size() - 3);  // 、
    else if (n.size() > 2 && n.front() == '(' && n.back() == ')') n = n.substr(1, n.size() - 2);
    const bool integer = !n.empty() && n.size() <= 5 &&
                         std::all_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const nt::Row row = nt::AssignRow({std::string_view(c), std::string_view(content)}, header, 1, R());
    CHECK(row.seq.has_value() == integer);
    if (integer && row.seq) CHECK(*row.seq == std::atoi(n.c_str()));
    numbered += integer;
  }
  CHECK(numbered >= 8);
}

TEST_CASE("A cell's shape is empty exactly when its Trim is (AssignRow counts filled cells by shape)", "[interpret][cell_gates]") {
  std::vector<std::string> cells = {"", " ", "\t", "\r\n", "\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x83", " \xE3\x80\x80 ",
                                    "a", " 1 ", "\xEF\xBF\xBD", "\xE5\xB8", "\x80", "(cid:3)", "\xE3\x80\x82"};
  for (const auto& t : Texts()) {
    if (cells.size() > 6000) break;
    cells.push_back(t);
  }
  size_t differ = 0, empty = 0;
  for (const auto& c : cells) {
    const bool blank = nt::Trim(c).empty();
    empty += blank;
    if ((nt::TypeCell(c, R()) == nt::CellShape::kEmpty) != blank && ++differ <= 10) FAIL_CHECK("shape and Trim differ for: " << c);
  }
  CHECK(differ == 0);
  CHECK(empty >= 4);
}
