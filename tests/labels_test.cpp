// rules/labels.yaml and rules/numbering.yaml: the words noticetab writes
// (workbook headers, sheet names, calendar labels, examples in messages) and
// the native readers' number words. Built-in values, a user's file replacing
// them through --rules, a rules directory written before these files existed,
// and positioned errors for bad values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "noticetab/byunit.h"
#include "noticetab/diff.h"
#include "noticetab/due.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"
#include "test_util.h"

using noticetab::Error;
using noticetab::Rules;
using noticetab::testing::RunCli;
using noticetab::testing::TempDir;

namespace {

const Rules& R() { return noticetab::BuiltinRules(); }

// The embedded rules with `file` replaced by `text`.
std::vector<std::pair<std::string, std::string>> With(const std::string& file, const std::string& text) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : noticetab::EmbeddedRules())
    files.emplace_back(std::string(name), name == file ? text : std::string(t));
  return files;
}

std::string Embedded(const std::string& file) {
  for (const auto& [name, t] : noticetab::EmbeddedRules())
    if (name == file) return std::string(t);
  return "";
}

// The error compiling the embedded rules with `file` replaced by `text`.
Error ErrorOf(const std::string& file, const std::string& text) {
  try {
    noticetab::CompileRules(With(file, text));
  } catch (const Error& e) {
    return e;
  }
  FAIL("CompileRules accepted the bad " << file << ":\n" << text);
  throw;  // unreachable
}

// `text` with its first `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

const char* kLabelsHead =
    "columns: {units: 责任单位}\n"
    "values: {by_date: 限期}\n";
const char* kLabelsTail =
    "calendar: {units: 责任单位, lead_units: 牵头单位, support_units: 配合单位, deadline: 完成时限, title: 文件, "
    "source: 来源}\n"
    "messages: {unit: 市教育局, city_unit: 临沂市教育局, collective: 市政府各部门, pinyin: 發(fā)展}\n";

}  // namespace

TEST_CASE("labels: every column of every view has a Chinese header, and every header names a column", "[rules][labels]") {
  std::set<std::string> columns = {"title", "number"};  // the Chinese task sheet's two extra columns
  for (const auto* list : {&noticetab::FlatColumns(), &noticetab::ByUnitColumns(), &noticetab::UnitSummaryColumns(),
                           &noticetab::ForUnitColumns(), &noticetab::DueColumns(), &noticetab::DiffColumns()})
    for (std::string_view c : *list) columns.insert(std::string(c));
  for (const std::string& c : columns) {
    CAPTURE(c);
    CHECK_FALSE(noticetab::ColumnLabel(c, R()).empty());
  }
  for (const auto& [name, label] : R().column_labels) {
    CAPTURE(name);
    CHECK(columns.count(name));  // a label for no column is a typo
  }
  CHECK(noticetab::SheetLabel("tasks", R()) == "任务");
  CHECK(noticetab::SheetLabel("table", R()) == "表");
  CHECK(noticetab::ValueLabel("recurring", R()) == "定期");
  CHECK(noticetab::ValueLabel("no_such_code", R()).empty());
  CHECK(R().counting_digits.size() == 10);
  CHECK(R().page_number_words.size() >= 3);
}

TEST_CASE("labels: a labels.yaml in a --rules directory replaces the built-in words", "[rules][labels]") {
  TempDir dir;
  Write(dir / "labels.yaml", Replaced(Embedded("labels.yaml"), "deadline: 完成时限, title", "deadline: 办结时限, title"));
  const Rules mine = noticetab::LoadRules(dir.path);
  CHECK(noticetab::CalendarLabel("deadline", mine) == "办结时限");
  CHECK(noticetab::CalendarLabel("deadline", R()) == "完成时限");
  // Through the binary: the calendar of `due -f ics` names the deadline so.
  const auto with = RunCli("due -q -f ics --rules " + dir.path + " samples/linyi-2023.txt");
  REQUIRE(with.status == 0);
  CHECK(with.out.find("办结时限: ") != std::string::npos);
  CHECK(with.out.find("完成时限: ") == std::string::npos);
  const auto without = RunCli("due -q -f ics samples/linyi-2023.txt");
  CHECK(without.out.find("完成时限: ") != std::string::npos);
}

TEST_CASE("labels: a --rules directory from before labels.yaml and numbering.yaml keeps the built-in words",
          "[rules][labels]") {
  TempDir dir;
  Write(dir / "junk.yaml", Embedded("junk.yaml"));
  Write(dir / "headings.yaml", Embedded("headings.yaml"));
  const Rules old = noticetab::LoadRules(dir.path);
  CHECK(old.column_labels == R().column_labels);
  CHECK(old.sheet_labels == R().sheet_labels);
  CHECK(old.calendar_labels == R().calendar_labels);
  CHECK(old.message_examples == R().message_examples);
  CHECK(old.page_number_words == R().page_number_words);
  const auto r = RunCli("-q -f json --rules " + dir.path + " samples/composed/traditional-cells-2020.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("pinyin annotations after characters (發(fā)展) removed") != std::string::npos);
}

TEST_CASE("labels error: bad values are positioned at file:line:col with a caret", "[rules][labels]") {
  SECTION("a sheet name that is not a string") {
    const Error e = ErrorOf("labels.yaml", std::string(kLabelsHead) + "sheets:\n  tasks: [任务, 表]\n  units: 单位\n"
                                                                      "  due: 到期\n  table: 表\n" + kLabelsTail);
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(e.Format().rfind("labels.yaml:4:10: expected a string", 0) == 0);
    CHECK(e.Format().find("\n  tasks: [任务, 表]\n         ^") != std::string::npos);
  }
  SECTION("an unknown sheet") {
    const Error e = ErrorOf("labels.yaml", std::string(kLabelsHead) +
                                               "sheets: {tasks: 任务, units: 单位, due: 到期, table: 表, todo: 待办}\n" +
                                               kLabelsTail);
    CHECK(e.Format().rfind("labels.yaml:3:51: unknown key 'todo'", 0) == 0);
  }
  SECTION("a sheet left out") {
    const Error e =
        ErrorOf("labels.yaml", std::string(kLabelsHead) + "sheets: {tasks: 任务, units: 单位, due: 到期}\n" + kLabelsTail);
    CHECK(e.Format().rfind("labels.yaml:3:9: missing required field 'table'", 0) == 0);
  }
  SECTION("a column name that is not a name") {
    const Error e = ErrorOf("labels.yaml", "columns: {Deadline Date: 到期日}\nvalues: {}\n"
                                           "sheets: {tasks: 任务, units: 单位, due: 到期, table: 表}\n" +
                                               std::string(kLabelsTail));
    CHECK(e.Format().rfind("labels.yaml:1:11: columns: 'Deadline Date' is not a name", 0) == 0);
  }
  SECTION("an empty label") {
    const Error e = ErrorOf("labels.yaml", "columns: {units: ''}\nvalues: {}\n"
                                           "sheets: {tasks: 任务, units: 单位, due: 到期, table: 表}\n" +
                                               std::string(kLabelsTail));
    CHECK(e.Format().rfind("labels.yaml:1:18: columns: 'units' needs a one-line text", 0) == 0);
  }
  SECTION("numbering.yaml: nine digits") {
    const Error e = ErrorOf("numbering.yaml", Replaced(Embedded("numbering.yaml"), "[〇, 一,", "[一,"));
    CHECK(e.Format().find("digits: expected 10 words, not 9") != std::string::npos);
    CHECK(e.Format().find("\n  digits: [一, 二") != std::string::npos);
    CHECK(e.line() > 0);
    CHECK(e.col() == 11);
  }
  SECTION("numbering.yaml: a page-number word with a digit") {
    const Error e = ErrorOf("numbering.yaml", Replaced(Embedded("numbering.yaml"), "Page, page", "Page1, page"));
    CHECK(e.Format().find("page_number_words: 'Page1' must be a word without digits or spaces") != std::string::npos);
  }
}
