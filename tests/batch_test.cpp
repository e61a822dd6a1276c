// Batch mode and the per-unit view through the library: input expansion,
// ordered parallel output, output encodings, safe output files, reports,
// ByUnit / SummarizeUnits and their writers.
#include "noticetab/batch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <thread>

#include "noticetab/byunit.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;
namespace fs = std::filesystem;

namespace {

void Write(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Sample(const std::string& name) { return SourceDir() + "/samples/" + name + ".txt"; }

// Runs a batch with stdout going to a file; returns what was written.
std::string RunToString(BatchOptions o, BatchResult* result = nullptr) {
  TempDir dir;
  const std::string out = dir / "stdout";
  o.stdout_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(o.stdout_fd >= 0);
  BatchResult r = RunBatch(o);
  ::close(o.stdout_fd);
  if (result) *result = r;
  return ReadFile(out);
}

std::vector<std::string> AllSamplePaths() {
  std::vector<std::string> v;
  for (const auto& n : SampleNames()) v.push_back(Sample(n));
  for (const char* n : {"clauses-2024", "markdown-2024", "pipe-2024"}) v.push_back(Sample(std::string("composed/") + n));
  return v;
}

}  // namespace

TEST_CASE("IsTextName: .txt, .text and the document formats, any case, not hidden", "[batch]") {
  CHECK(IsTextName("a.txt"));
  CHECK(IsTextName("通知.TXT"));
  CHECK(IsTextName("a.text"));
  CHECK(IsTextName("通知.docx"));
  CHECK(IsTextName("page.HTM"));
  CHECK(IsTextName("a.pdf"));
  CHECK(IsTextName("old.doc"));  // refused when read, with the command that converts it
  CHECK_FALSE(IsTextName("README.md"));
  CHECK_FALSE(IsTextName("a.png"));
  CHECK_FALSE(IsTextName(".a.txt"));
  CHECK_FALSE(IsTextName("txt"));
}

TEST_CASE("ExpandInputs: files as given, directories only with -r, sorted, loops walked once", "[batch]") {
  TempDir d;
  Write(d / "in/b.txt", "b");
  Write(d / "in/a.txt", "a");
  Write(d / "in/notes.md", "not a notice");
  Write(d / "in/.hidden.txt", "skipped");
  Write(d / "in/sub/c.TXT", "c");
  Write(d / "in/sub/deeper/d.text", "d");
  fs::create_directory_symlink("..", d / "in/sub/loop");  // sub/loop -> in
  fs::create_symlink("nowhere", d / "in/zz-dangling.txt");

  SECTION("a directory without -r is an error input naming it") {
    auto v = ExpandInputs({d / "in"}, false);
    REQUIRE(v.size() == 1);
    REQUIRE(v[0].error);
    CHECK(v[0].error->message() == "is a directory");  // the CLI adds "use -r"
    CHECK(v[0].error->code() == Error::Code::kDirectoryNotRecursive);
    CHECK(v[0].error->file() == d / "in");
  }
  SECTION("-r: text files in byte order of names, relative paths below the argument") {
    auto v = ExpandInputs({d / "in"}, true);
    std::vector<std::string> rel;
    for (const auto& in : v) rel.push_back(in.relative);
    CHECK(rel == std::vector<std::string>{"a.txt", "b.txt", "sub/c.TXT", "sub/deeper/d.text", "zz-dangling.txt"});
    CHECK(v[0].path == d / "in/a.txt");
    CHECK(v[0].size == 1);
    CHECK_FALSE(v[4].error);  // the dangling link fails when read, with the reason
  }
  SECTION("explicit files of any name; relative = the file name; '-' is stdin") {
    auto v = ExpandInputs({d / "in/notes.md", "-", d / "missing.txt"}, false);
    REQUIRE(v.size() == 3);
    CHECK(v[0].relative == "notes.md");
    CHECK(v[1].path == "-");
    CHECK(v[2].relative == "missing.txt");
    CHECK_FALSE(v[2].error);
  }
  SECTION("a directory without text files is an error") {
    fs::create_directory(d / "empty");
    auto v = ExpandInputs({d / "empty"}, true);
    REQUIRE(v.size() == 1);
    CHECK(v[0].error);
  }
}

TEST_CASE("IsOutputDir: a trailing slash or an existing directory", "[batch]") {
  CHECK(IsOutputDir("out/"));
  CHECK(IsOutputDir("/tmp"));
  CHECK_FALSE(IsOutputDir("out.csv"));
  CHECK_FALSE(IsOutputDir(""));
}

TEST_CASE("RunBatch: output is byte-identical for -j 1 and -j 4, in every format", "[batch]") {
  for (const char* format : {"yaml", "json", "jsonl", "csv", "tsv"}) {
    BatchOptions o;
    o.inputs = AllSamplePaths();
    o.format = format;
    o.jobs = 1;
    BatchResult r1;
    const std::string one = RunToString(o, &r1);
    o.jobs = 4;
    const std::string four = RunToString(o);
    CHECK(one == four);
    // And the same as the writer given all documents at once (the pre-batch CLI).
    std::vector<Document> docs;
    for (const auto& p : o.inputs) docs.push_back(Convert(LoadFile(p), BuiltinRules()));
    CHECK(one == Render(format, docs));
    CHECK(r1.files == 8);
    CHECK(r1.converted == 8);
    int64_t tasks = 0;
    for (const auto& doc : docs) tasks += static_cast<int64_t>(doc.tasks.size());
    CHECK(r1.tasks == tasks);
    CHECK(r1.ok());
  }
}

TEST_CASE("RunBatch: a bad input fails alone, reported in input order", "[batch]") {
  TempDir d;
  Write(d / "pic.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  BatchOptions o;
  o.inputs = {Sample("linyi-2023"), d / "pic.png", d / "missing.txt", Sample("laiwu-2021")};
  o.format = "jsonl";
  o.jobs = 3;
  BatchResult r;
  const std::string out = RunToString(o, &r);
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].file() == d / "pic.png");
  CHECK(r.failures[0].message().find("PNG") != std::string::npos);
  CHECK(r.failures[1].file() == d / "missing.txt");
  CHECK(r.converted == 2);
  CHECK_FALSE(r.ok());
}

namespace {

// Records what RunBatch reports, and on which thread; at each failure, what
// stdout (a file) holds by then.
struct Recorder : BatchObserver {
  std::thread::id thread = std::this_thread::get_id();
  std::string stdout_path;
  std::vector<std::string> failed;
  std::vector<size_t> lines_at_failure;
  BatchProgress last;
  int progress_calls = 0;
  bool other_thread = false;
  void OnFailure(const Error& e) override {
    other_thread |= std::this_thread::get_id() != thread;
    failed.push_back(e.file());
    const std::string out = ReadFile(stdout_path);
    lines_at_failure.push_back(static_cast<size_t>(std::count(out.begin(), out.end(), '\n')));
  }
  void OnProgress(const BatchProgress& p) override {
    other_thread |= std::this_thread::get_id() != thread;
    CHECK(p.done >= last.done);
    last = p;
    ++progress_calls;
  }
};

}  // namespace

TEST_CASE("RunBatch: many inputs at any -j keep input order; failures in the middle alone, output written before each", "[batch]") {
  // Inputs small and big (the writing thread converts small ones itself
  // while it waits, big ones go to a worker), with failures among them.
  TempDir d;
  const std::vector<std::string> samples = AllSamplePaths();
  std::string big = ReadFile(Sample("linyi-2023"));
  while (big.size() < (size_t{300} << 10)) big += "\n" + ReadFile(Sample("linyi-2023"));
  std::vector<std::string> inputs;
  std::vector<std::string> bad;
  for (int i = 0; i < 60; ++i) {
    const std::string name = d / fmt::format("in/{:03}.txt", i);
    if (i % 13 == 5) {
      inputs.push_back(d / fmt::format("in/{:03}-missing.txt", i));  // fails when loaded
      bad.push_back(inputs.back());
      continue;
    }
    Write(name, i % 17 == 3 ? big : ReadFile(samples[static_cast<size_t>(i) % samples.size()]));
    inputs.push_back(name);
  }
  BatchOptions o;
  o.inputs = inputs;
  o.format = "jsonl";
  o.jobs = 1;
  BatchResult r1;
  const std::string one = RunToString(o, &r1);
  CHECK(r1.converted == 60 - static_cast<int>(bad.size()));
  CHECK(one.size() > (size_t{256} << 10));  // more than the output buffer holds
  for (int jobs : {2, 3, 8}) {
    o.jobs = jobs;
    TempDir out_dir;
    Recorder rec;
    rec.stdout_path = out_dir / "stdout";
    o.stdout_fd = ::open(rec.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(o.stdout_fd >= 0);
    const BatchResult r = RunBatch(o, &rec);
    ::close(o.stdout_fd);
    CHECK(ReadFile(rec.stdout_path) == one);
    CHECK(r.converted == r1.converted);
    CHECK(r.tasks == r1.tasks);
    CHECK(rec.failed == bad);
    REQUIRE(rec.lines_at_failure.size() == bad.size());
    for (size_t k = 0; k < bad.size(); ++k) {
      // Every document before the failing input is on stdout when it is reported.
      const auto at = std::find(inputs.begin(), inputs.end(), bad[k]) - inputs.begin();
      CHECK(rec.lines_at_failure[k] == static_cast<size_t>(at) - k);
    }
    CHECK_FALSE(rec.other_thread);
    CHECK(rec.progress_calls >= 1);
    CHECK(rec.last.done == 60);
    CHECK(rec.last.failed == static_cast<int>(bad.size()));
  }
}

TEST_CASE("RunBatch: fail_on_warning makes warnings fail the run", "[batch]") {
  BatchOptions o;
  o.inputs = {Sample("shanghe-2023")};
  o.format = "csv";
  BatchResult r;
  RunToString(o, &r);
  REQUIRE(r.warnings > 0);  // merged cells joined, noted on the rows
  CHECK(r.ok());
  o.fail_on_warning = true;
  RunToString(o, &r);
  CHECK_FALSE(r.ok());
  REQUIRE(r.warned.size() == 1);
  CHECK(r.warned[0].second == r.warnings);
}

TEST_CASE("RunBatch: -o DIR/ writes one file per input mirroring the tree, no temporaries left", "[batch]") {
  TempDir d;
  Write(d / "in/a.txt", ReadFile(Sample("linyi-2023")));
  Write(d / "in/sub/b.txt", ReadFile(Sample("composed/pipe-2024")));
  BatchOptions o;
  o.inputs = {d / "in"};
  o.recursive = true;
  o.format = "csv";
  o.output = d / "out/";
  o.jobs = 2;
  BatchResult r = RunBatch(o);
  CHECK(r.ok());
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(d / "out")) {
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), d / "out").string());
  }
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"a.csv", "sub/b.csv"});
  CHECK(ReadFile(d / "out/a.csv") == Render("csv", {Convert(LoadFile(d / "in/a.txt"), BuiltinRules())}));
}

TEST_CASE("RunBatch: -o DIR/ refuses two inputs with one output name, and stdin", "[batch]") {
  TempDir d;
  Write(d / "x/n.txt", ReadFile(Sample("linyi-2023")));
  Write(d / "y/n.txt", ReadFile(Sample("laiwu-2021")));
  BatchOptions o;
  o.inputs = {d / "x/n.txt", d / "y/n.txt"};
  o.output = d / "out/";
  BatchResult r = RunBatch(o);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].file() == d / "y/n.txt");
  CHECK(fs::exists(d / "out/n.yaml"));
  o.inputs = {"-"};
  CHECK_THROWS_AS(RunBatch(o), Error);
}

TEST_CASE("RunBatch: -o FILE replaces the file whole and keeps its mode; never an input", "[batch]") {
  TempDir d;
  Write(d / "ledger.csv", "old\n");
  ::chmod((d / "ledger.csv").c_str(), 0640);
  BatchOptions o;
  o.inputs = {Sample("linyi-2023")};
  o.format = "csv";
  o.output = d / "ledger.csv";
  RunBatch(o);
  CHECK(ReadFile(d / "ledger.csv") == Render("csv", {Convert(LoadFile(Sample("linyi-2023")), BuiltinRules())}));
  struct stat st;
  REQUIRE(::stat((d / "ledger.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);

  Write(d / "in.txt", ReadFile(Sample("linyi-2023")));
  o.inputs = {d / "in.txt"};
  o.output = d / "in.txt";
  CHECK_THROWS_AS(RunBatch(o), Error);
  CHECK(ReadFile(d / "in.txt") == ReadFile(Sample("linyi-2023")));
}

TEST_CASE("RunBatch: an output that cannot be written throws kOutput and leaves nothing", "[batch]") {
  TempDir d;
  BatchOptions o;
  o.inputs = {Sample("linyi-2023")};
  o.output = d / "no/such/dir/out.yaml";
  try {
    RunBatch(o);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kOutput);
  }
  o.output = "/dev/full";
  CHECK_THROWS_AS(RunBatch(o), Error);
}

TEST_CASE("RunBatch: bad options are usage errors", "[batch]") {
  BatchOptions o;
  o.inputs = {Sample("linyi-2023")};
  o.output = "/dev/null";
  auto kind = [&]() {
    try {
      RunBatch(o);
    } catch (const Error& e) {
      return e.kind();
    }
    return Error::Kind::kInput;
  };
  o.encoding = "latin1";
  CHECK(kind() == Error::Kind::kUsage);
  o.encoding = "utf-8";
  o.format = "docx";
  CHECK(kind() == Error::Kind::kUsage);
  o.format = "text";
  o.view = BatchView::kByUnit;
  CHECK(kind() == Error::Kind::kUsage);  // text is for the `units` summary only
  o.view = BatchView::kUnitSummary;
  CHECK(kind() == Error::Kind::kInput);  // no error
  o.format = "yaml";
  o.view = BatchView::kTasks;
  o.jobs = -1;
  CHECK(kind() == Error::Kind::kUsage);
}

TEST_CASE("EncodeOutput: gb18030 round-trips through the loader; the BOM goes", "[batch]") {
  const std::string csv = Render("csv", {ConvertSample("zhaoyuan-2023")});
  const std::string gb = EncodeOutput("\xEF\xBB\xBF" + csv, "GB18030");
  CHECK(gb != csv);
  CHECK(gb.find("\xEF\xBB\xBF") == std::string::npos);
  Source back = Decode(gb, "x");
  CHECK(back.encoding() == "GB18030");
  CHECK(back.text() == csv);
  CHECK(EncodeOutput(csv, "utf8") == csv);
  CHECK_THROWS_AS(EncodeOutput(csv, "big5"), Error);
}

// --- the per-unit view ------------------------------------------------------

TEST_CASE("ByUnit: one row per (unit, task), grouped by unit, with roles", "[byunit]") {
  std::vector<Document> docs = {Convert(LoadFile(Sample("composed/markdown-2024")), BuiltinRules())};
  const Task& t1 = docs[0].tasks[0];
  REQUIRE(t1.lead_units == std::vector<std::string>{"区统计局"});
  auto rows = ByUnit(docs);
  size_t pairs = 0;
  for (const Task& t : docs[0].tasks) pairs += t.units.size();
  CHECK(rows.size() == pairs);
  CHECK(rows[0].unit == "区统计局");
  CHECK(rows[0].role == "lead");
  CHECK(rows[0].task == &t1);
  // Grouped: once a unit's rows end, it does not come back.
  std::vector<std::string> order;
  for (const auto& r : rows) {
    if (order.empty() || order.back() != r.unit) {
      CHECK(std::find(order.begin(), order.end(), r.unit) == order.end());
      order.push_back(r.unit);
    }
  }
  bool support = false;
  for (const auto& r : rows) support |= r.unit == "区发改局" && r.role == "support" && r.task == &t1;
  CHECK(support);
  auto cells = ByUnitCells(rows[0]);
  REQUIRE(cells.size() == ByUnitColumns().size());
  CHECK(cells[0] == docs[0].source);
  CHECK(cells[3] == "1");
}

TEST_CASE("ByUnit: a table without roles says responsible", "[byunit]") {
  std::vector<Document> docs = {ConvertSample("zhaoyuan-2023")};
  for (const auto& r : ByUnit(docs)) CHECK(r.role == "responsible");
}

TEST_CASE("SummarizeUnits on zhaoyuan: 市政府办公室 has 10 tasks; sorted by count", "[byunit]") {
  auto s = SummarizeUnits({ConvertSample("zhaoyuan-2023")});
  REQUIRE(s.size() > 3);
  for (size_t i = 1; i < s.size(); ++i) {
    CHECK((s[i - 1].tasks > s[i].tasks || (s[i - 1].tasks == s[i].tasks && s[i - 1].unit < s[i].unit)));
  }
  auto it = std::find_if(s.begin(), s.end(), [](const UnitSummary& u) { return u.unit == "市政府办公室"; });
  REQUIRE(it != s.end());
  CHECK(it->tasks == 10);
  CHECK(it->as_lead == 0);
  CHECK(s[0].tasks == 26);
  CHECK(s[0].earliest_deadline == std::optional<std::string>("2023-12-31"));
}

TEST_CASE("SummarizeUnits counts leads and the earliest dated deadline", "[byunit]") {
  auto s = SummarizeUnits({Convert(LoadFile(Sample("composed/markdown-2024")), BuiltinRules())});
  int leads = 0, tasks = 0;
  for (const auto& u : s) {
    leads += u.as_lead;
    tasks += u.tasks;
    CHECK(u.as_lead <= u.tasks);
  }
  CHECK(leads == 4);  // every task there names one 牵头单位
  CHECK(tasks > 4);
}

TEST_CASE("WriteByUnit: every format parses and carries the same rows", "[byunit]") {
  std::vector<Document> docs = {ConvertSample("linyi-2023"),
                                Convert(LoadFile(Sample("composed/markdown-2024")), BuiltinRules())};
  const size_t n = ByUnit(docs).size();
  auto render = [&](const char* f) {
    std::ostringstream out;
    WriteByUnit(out, f, docs, {});
    return out.str();
  };
  YAML::Node yaml = YAML::Load(render("yaml"));
  YAML::Node json = YAML::Load(render("json"));  // JSON is YAML flow syntax
  REQUIRE(yaml.size() == n);
  REQUIRE(json.size() == n);
  for (size_t i = 0; i < n; i += 7) {
    for (std::string_view c : ByUnitColumns()) {
      const std::string key(c);
      CHECK(yaml[i][key].IsNull() == json[i][key].IsNull());
      if (!yaml[i][key].IsNull()) CHECK(yaml[i][key].as<std::string>() == json[i][key].as<std::string>());
    }
  }
  const std::string jsonl = render("jsonl");
  CHECK(static_cast<size_t>(std::count(jsonl.begin(), jsonl.end(), '\n')) == n);
  const std::string tsv = render("tsv");
  CHECK(static_cast<size_t>(std::count(tsv.begin(), tsv.end(), '\n')) == n + 1);
  CHECK(tsv.rfind("source\tunit\trole\tid\tseq\t", 0) == 0);
  CHECK(render("csv").find("\n,") == std::string::npos);  // no row without a source
}

TEST_CASE("WriteUnitSummary: text is aligned in terminal columns", "[byunit]") {
  std::ostringstream out;
  WriteUnitSummary(out, "text", {ConvertSample("zhaoyuan-2023")}, {});
  std::istringstream lines(out.str());
  std::string header, first;
  std::getline(lines, header);
  std::getline(lines, first);
  CHECK(header.rfind("unit ", 0) == 0);
  // 各镇街区 is 4 wide characters = 8 columns; the tasks column ends where "tasks" does.
  const size_t tasks_end = header.find("tasks") + 5;
  CHECK(first.rfind("各镇街区", 0) == 0);
  const size_t cjk_bytes = std::string("各镇街区").size();  // 12 bytes, 8 columns
  CHECK(first.substr(tasks_end - 2 + (cjk_bytes - 8), 2) == "26");
}
