// Spec examples (tests/spec/*.md), readable as documentation (md4c/cmark
// style), run through the built binary (cmark's spec_tests.py habit): each
// example is a ```notice block, written to a file and converted by
// `noticetab -f json` (and `--dump grid|diagnostics`), followed by a
// ```tasks block holding one line per expected task:
//   item_no | units | lead | support | due date or - | kind | content
// with lists joined by 、. Optional blocks, each checked when present:
//   ```layout       the `layout` value
//   ```grid         the tables as the readers cut them (`--dump grid`)
//   ```warnings     the warnings of each task, "id: w1；w2"
//   ```outline      the body outline: "no title" per section, "  no title" per item
//   ```titles       each task's "section_no section_title / item_no item_title"
//                   (null for none), the body's or the table's own labels
//   ```diagnostics  the codes of every diagnostic (`--dump diagnostics`):
//                   "document CODE" and "task ID CODE" lines, in order; "none"
//   ```document     (before ```tasks) `key: value` lines checked against the
//                   document: kind, number, date, issuer, title, year,
//                   recipients (joined by 、), null for none; `code: CODE`
//                   (some document-level diagnostic has that code);
//                   `warning: text` (some document warning contains text)
// Every reader of the registry has a file of its own, tests/spec/reader-NAME.md,
// whose examples it reads.
// This test is the `spec` ctest (tests/CMakeLists.txt), not part of `unit`.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "noticetab/read.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

struct Example {
  std::string file, title, notice, tasks, layout, grid, warnings, document, outline, titles, diagnostics, beside;
  int line = 0;
};

std::vector<std::string> SpecFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/spec"))
    if (e.path().extension() == ".md") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Example> LoadExamples(const std::vector<std::string>& files) {
  std::vector<Example> out;
  for (const auto& f : files) {
    std::istringstream in(ReadFile(f));
    std::string line, title, *target = nullptr;
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
      } else if (line == "```outline") {
        target = &cur.outline;
      } else if (line == "```titles") {
        target = &cur.titles;
      } else if (line == "```diagnostics") {
        target = &cur.diagnostics;
      } else if (line == "```beside") {
        target = &cur.beside;
      }
    }
    if (!cur.notice.empty()) out.push_back(cur);
  }
  return out;
}

std::string Str(const YAML::Node& n) { return !n || n.IsNull() ? "null" : n.as<std::string>(); }

std::string Join(const YAML::Node& list, const char* sep = "、") {
  std::string s;
  for (const auto& x : list) s += (s.empty() ? "" : sep) + x.as<std::string>();
  return s;
}

std::string DumpTasks(const YAML::Node& doc) {
  std::string out;
  for (const auto& t : doc["tasks"]) {
    const YAML::Node d = t["deadline"];
    out += (t["item_no"].IsNull() ? "" : Str(t["item_no"])) + " | " + Join(t["units"]) + " | " +
           Join(t["lead_units"]) + " | " + Join(t["support_units"]) + " | " +
           (d["date"].IsNull() ? "-" : Str(d["date"])) + " | " + Str(d["kind"]) + " | " + Str(t["content"]) + "\n";
  }
  return out;
}

std::string DumpWarnings(const YAML::Node& doc) {
  std::string out;
  for (const auto& t : doc["tasks"]) out += Str(t["id"]) + ": " + Join(t["warnings"], "；") + "\n";
  return out;
}

// What each task keeps beside its fields: "leaders | remarks" (- for null).
std::string DumpBeside(const YAML::Node& doc) {
  std::string out;
  for (const auto& t : doc["tasks"])
    out += Str(t["id"]) + ": " + Join(t["leaders"]) + " | " + (t["remarks"].IsNull() ? "-" : Str(t["remarks"])) + "\n";
  return out;
}

std::string DumpOutline(const YAML::Node& doc) {
  std::string out;
  for (const auto& s : doc["sections"]) {
    out += Str(s["no"]) + " " + Str(s["title"]) + "\n";
    for (const auto& it : s["items"]) out += "  " + Str(it["no"]) + " " + Str(it["title"]) + "\n";
  }
  return out;
}

std::string DumpTitles(const YAML::Node& doc) {
  std::string out;
  for (const auto& t : doc["tasks"])
    out += Str(t["section_no"]) + " " + Str(t["section_title"]) + " / " + Str(t["item_no"]) + " " + Str(t["item_title"]) + "\n";
  return out;
}

// `--dump diagnostics` lines cut to their codes: "document CODE", "task ID CODE".
std::string DiagnosticCodes(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, out;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string where, id, code;
    words >> where;
    if (where == "task") words >> id;
    words >> code;
    out += where + (id.empty() ? "" : " " + id) + " " + code + "\n";
  }
  return out.empty() ? "none\n" : out;
}

// A notice in a file of its own, for the binary.
class NoticeFile {
 public:
  explicit NoticeFile(const std::string& text) {
    static int counter = 0;
    path_ = "/tmp/noticetab-spec-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".txt";
    std::ofstream(path_) << text;
  }
  ~NoticeFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST_CASE("spec examples, through the binary", "[spec]") {
  auto examples = LoadExamples(SpecFiles());
  REQUIRE(!examples.empty());
  for (const auto& ex : examples) {
    INFO(ex.file << ":" << ex.line << " " << ex.title);
    NoticeFile notice(ex.notice);
    RunResult r = RunCli("-q -f json '" + notice.path() + "'");
    REQUIRE(r.status == 0);
    YAML::Node doc = YAML::Load(r.out);
    CHECK(DumpTasks(doc) == ex.tasks);
    if (!ex.layout.empty()) CHECK(Str(doc["layout"]) + "\n" == ex.layout);
    if (!ex.warnings.empty()) CHECK(DumpWarnings(doc) == ex.warnings);
    if (!ex.outline.empty()) CHECK(DumpOutline(doc) == ex.outline);
    if (!ex.titles.empty()) CHECK(DumpTitles(doc) == ex.titles);
    if (!ex.beside.empty()) CHECK(DumpBeside(doc) == ex.beside);
    if (!ex.grid.empty()) {
      RunResult g = RunCli("--dump grid '" + notice.path() + "'");
      CHECK(g.status == 0);
      CHECK(g.out == ex.grid);
    }
    if (!ex.diagnostics.empty()) {
      RunResult d = RunCli("--dump diagnostics '" + notice.path() + "'");
      CHECK(d.status == 0);
      CHECK(DiagnosticCodes(d.out) == ex.diagnostics);
    }
    std::istringstream fields(ex.document);
    std::string field;
    while (std::getline(fields, field)) {
      size_t colon = field.find(": ");
      REQUIRE(colon != std::string::npos);
      std::string key = field.substr(0, colon), value = field.substr(colon + 2);
      INFO(key << ": " << value);
      const YAML::Node front = doc["document"];
      if (key == "kind") CHECK(Str(doc["kind"]) == value);
      else if (key == "number" || key == "date" || key == "issuer" || key == "title" || key == "year" ||
               key == "publicity")
        CHECK(Str(front[key]) == value);
      else if (key == "recipients" || key == "attachments" || key == "cc")
        CHECK(Join(front[key]) == value);
      else if (key == "code") {
        // Some document-level diagnostic has this code (tests assert codes, not wording).
        RunResult d = RunCli("--dump diagnostics '" + notice.path() + "'");
        CHECK(DiagnosticCodes(d.out).find("document " + value + "\n") != std::string::npos);
      } else if (key == "warning") {
        bool found = false;
        for (const auto& w : doc["warnings"]) found |= w.as<std::string>().find(value) != std::string::npos;
        CHECK(found);
      } else {
        FAIL("unknown document key " << key);
      }
    }
  }
}

TEST_CASE("every reader of the registry has a spec file that reads through it", "[spec]") {
  for (const auto& reader : Readers()) {
    const std::string name(reader.name);
    INFO("tests/spec/reader-" << name << ".md");
    const std::string path = SourceDir() + "/tests/spec/reader-" + name + ".md";
    REQUIRE(std::filesystem::exists(path));
    auto examples = LoadExamples({path});
    REQUIRE(!examples.empty());
    bool read = false;
    for (const auto& ex : examples) {
      // Each example names its layout; one at least is this reader's alone.
      REQUIRE(!ex.layout.empty());
      read |= ex.layout == name + "\n";
      // Every reader shows its grid (a body reader's: one row per body item).
      if (ex.layout == name + "\n") CHECK((!ex.grid.empty() && ex.grid != "none\n"));
    }
    CHECK(read);
  }
}
