// Spec examples (tests/spec/*.md), readable as documentation (md4c/cmark
// style): each example is a ```notice block followed by a ```tasks block
// holding one line per expected task:
//   item_no | units | lead | support | due date or - | kind | content
// with lists joined by 、. An optional ```layout block names the reader, an
// optional ```grid block shows the tables as the readers cut them (DumpGrid),
// and an optional ```warnings block the warnings of each task as the built
// binary prints them ("id: w1；w2").
// An optional ```document block (before ```tasks) holds `key: value` lines
// checked against the document: kind, number, date (null for none), and
// `warning: text` (some document warning contains text).
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <sstream>

#include "noticetab/classify.h"
#include "noticetab/grid.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

struct Example {
  std::string file, title, notice, tasks, layout, grid, warnings, document;
  int line = 0;
};

std::vector<Example> LoadExamples() {
  std::vector<Example> out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/spec"))
    if (e.path().extension() == ".md") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::istringstream in(ReadFile(f));
    std::string line, title, block, * target = nullptr;
    Example cur;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (target) {
        if (line == "```") {
          target = nullptr;
        } else {
          *target += line + "\n";
        }
        continue;
      }
      if (line.rfind("## ", 0) == 0) title = line.substr(3);
      if (line == "```notice") {
        if (!cur.notice.empty()) out.push_back(cur);
        cur = Example();
        cur.file = std::filesystem::path(f).filename().string();
        cur.title = title;
        cur.line = n;
        target = &cur.notice;
      } else if (line == "```tasks") {
        target = &cur.tasks;
      } else if (line == "```layout") {
        target = &cur.layout;
      } else if (line == "```grid") {
        target = &cur.grid;
      } else if (line == "```warnings") {
        target = &cur.warnings;
      } else if (line == "```document") {
        target = &cur.document;
      }
    }
    if (!cur.notice.empty()) out.push_back(cur);
  }
  return out;
}

std::string Join(const std::vector<std::string>& xs) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "" : "、") + x;
  return s;
}

std::string DumpTasks(const Document& doc) {
  std::string out;
  for (const auto& t : doc.tasks)
    out += t.item_no + " | " + Join(t.units) + " | " + Join(t.lead_units) + " | " + Join(t.support_units) + " | " +
           t.deadline.date.value_or("-") + " | " + t.deadline.kind + " | " + t.content + "\n";
  return out;
}

}  // namespace

// Every table of the notice as the readers cut it (before any role).
std::string DumpGrids(const std::string& notice) {
  Source src = Decode(notice, "spec.txt");
  std::vector<Line> lines = ClassifyLines(src, BuiltinRules());
  std::string out;
  size_t at = 0;
  const Reader* reader = nullptr;
  for (size_t from = 0; FindTable(lines, from, BuiltinRules(), &at, &reader);) {
    Grid g = reader->cut(lines, at, BuiltinRules());
    if (g.caption.empty()) g.caption = CaptionAbove(lines, at, BuiltinRules());
    out += DumpGrid(g);
    from = at + 1;
    while (from < lines.size() && lines[from].no <= g.span.last_line) ++from;
  }
  return out.empty() ? "none\n" : out;
}

// The warnings of each task as the binary prints them (TSV column 17), one
// line per task: "id: warning；warning".
std::string BinaryWarnings(const std::string& notice) {
  std::string path = "/tmp/noticetab-spec-" + std::to_string(::getpid()) + ".txt";
  { std::ofstream(path) << notice; }
  RunResult r = RunCli("-f tsv '" + path + "'");
  std::remove(path.c_str());
  std::istringstream in(r.out);
  std::string line, out;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::string col;
    std::istringstream row(line);
    while (std::getline(row, col, '\t')) cols.push_back(col);
    if (cols.size() > 16) out += cols[1] + ": " + cols[16] + "\n";
    else if (cols.size() > 1) out += cols[1] + ": \n";
  }
  return out;
}

TEST_CASE("spec examples", "[spec]") {
  auto examples = LoadExamples();
  REQUIRE(!examples.empty());
  for (const auto& ex : examples) {
    INFO(ex.file << ":" << ex.line << " " << ex.title);
    Document doc = Convert(Decode(ex.notice, ex.file), BuiltinRules());
    CHECK(DumpTasks(doc) == ex.tasks);
    if (!ex.layout.empty()) CHECK(doc.layout + "\n" == ex.layout);
    if (!ex.grid.empty()) CHECK(DumpGrids(ex.notice) == ex.grid);
    if (!ex.warnings.empty()) CHECK(BinaryWarnings(ex.notice) == ex.warnings);
    std::istringstream fields(ex.document);
    std::string field;
    while (std::getline(fields, field)) {
      size_t colon = field.find(": ");
      REQUIRE(colon != std::string::npos);
      std::string key = field.substr(0, colon), value = field.substr(colon + 2);
      INFO(key << ": " << value);
      auto opt = [](const std::optional<std::string>& o) { return o.value_or("null"); };
      if (key == "kind") CHECK(doc.kind == value);
      else if (key == "number") CHECK(opt(doc.document.number) == value);
      else if (key == "date") CHECK(opt(doc.document.date) == value);
      else if (key == "warning")
        CHECK(std::any_of(doc.warnings.begin(), doc.warnings.end(),
                          [&](const std::string& w) { return w.find(value) != std::string::npos; }));
      else FAIL("unknown document key " << key);
    }
  }
}
