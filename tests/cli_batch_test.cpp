// Batch use of the built binary as a user meets it: several inputs and
// directories, -j, -o DIR/, bad inputs, --fail-on-warning, --encoding,
// --by-unit, the units subcommand, the progress line and SIGINT.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "noticetab/load.h"
#include "test_util.h"

using namespace noticetab::testing;
namespace fs = std::filesystem;

namespace {

const char* const kAllSamples = "samples/*.txt samples/composed/*.txt";

// What kAllSamples and `-r samples` expand to: samples/**/*.txt, sorted.
std::vector<std::string> SampleFiles() {
  std::vector<std::string> v;
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() + "/samples")) {
    if (e.is_regular_file() && e.path().extension() == ".txt") {
      v.push_back(fs::relative(e.path(), SourceDir() + "/samples").string());
    }
  }
  std::sort(v.begin(), v.end());
  return v;
}

size_t Lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) v.push_back(line);
  return v;
}

std::vector<std::string> FilesBelow(const std::string& dir) {
  std::vector<std::string> v;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_directory()) v.push_back(fs::relative(e.path(), dir).string());
  }
  std::sort(v.begin(), v.end());
  return v;
}

// Starts the binary from the source dir with stdout and stderr discarded.
pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(SourceDir().c_str()) != 0) ::_exit(127);
    ::signal(SIGINT, SIG_DFL);  // a shell's background job would inherit it ignored
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    std::string bin = Binary();
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// Polls until pred() holds (true) or about `seconds` pass (false).
template <typename Pred>
bool WaitFor(Pred pred, int seconds) {
  for (int i = 0; i < seconds * 100; ++i) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// Many copies of the samples, so that a batch runs for a while.
void MakeBigBatch(const std::string& dir, int copies) {
  fs::create_directories(dir);
  std::vector<std::string> names;
  for (const auto& n : SampleNames()) names.push_back(n);
  for (int c = 0; c < copies; ++c) {
    for (const auto& n : names) {
      fs::copy_file(SourceDir() + "/samples/" + n + ".txt", dir + "/" + std::to_string(1000 + c) + "-" + n + ".txt");
    }
  }
}

}  // namespace

TEST_CASE("-j 1 and -j 4 write the same bytes over all samples, in every format", "[cli][batch]") {
  for (const char* f : {"yaml", "json", "jsonl", "csv", "tsv"}) {
    auto one = RunCli(std::string("-q -j 1 -f ") + f + " " + kAllSamples);
    auto four = RunCli(std::string("-q -j 4 -f ") + f + " " + kAllSamples);
    REQUIRE(one.status == 0);
    REQUIRE(four.status == 0);
    CHECK(one.out == four.out);
    CHECK(!one.out.empty());
  }
  // A directory walk is the same set in the same (sorted) order.
  auto walk1 = RunCli("-q -j 1 -f csv -r samples");
  auto walk4 = RunCli("-q -j 4 -f csv -r samples");
  CHECK(walk1.out == walk4.out);
  CHECK(walk1.out.find("samples/composed/pipe-2024.txt,") != std::string::npos);
}

TEST_CASE("jsonl: one line per input document", "[cli][batch]") {
  auto r = RunCli(std::string("-q -f jsonl ") + kAllSamples);
  REQUIRE(r.status == 0);
  const size_t n = SampleFiles().size();
  CHECK(n >= 8);
  CHECK(Lines(r.out) == n);
  auto walk = RunCli("-q -f jsonl -r samples");
  CHECK(Lines(walk.out) == n);  // samples/README.md is not a .txt
}

TEST_CASE("a binary file and unreadable inputs are reported and skipped; exit 1 names them all", "[cli][batch]") {
  // Tests run as root, where chmod 000 does not stop reading: the unreadable
  // inputs are a dangling symlink and a directory named like a notice.
  TempDir d;
  std::ofstream(d / "pic.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  fs::create_symlink(d / "deleted.txt", d / "gone.txt");
  fs::create_directory(d / "folder.txt");
  auto r = RunCli("-f jsonl samples/linyi-2023.txt " + d / "pic.png" + " " + d / "gone.txt" + " " +
                  d / "folder.txt" + " samples/laiwu-2021.txt");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == 2);  // the two good notices
  CHECK(r.err.find(d / "pic.png: not text (looks like PNG image)") != std::string::npos);
  CHECK(r.err.find(d / "gone.txt: cannot read: No such file or directory") != std::string::npos);
  CHECK(r.err.find(d / "folder.txt: is a directory (use -r") != std::string::npos);
  CHECK(r.err.find("2 of 5 files converted") != std::string::npos);
}

TEST_CASE("a single input keeps stderr quiet; several get a summary; -q silences it", "[cli][batch]") {
  auto one = RunCli("-f csv samples/linyi-2023.txt");
  CHECK(one.status == 0);
  CHECK(one.err.empty());
  auto many = RunCli("-f csv samples/linyi-2023.txt samples/laiwu-2021.txt");
  CHECK(many.status == 0);
  const size_t tasks = Lines(RunCli("-f csv samples/linyi-2023.txt samples/laiwu-2021.txt").out) - 1;
  CHECK(many.err.rfind("noticetab: 2 of 2 files converted, " + std::to_string(tasks) + " tasks, ", 0) == 0);
  CHECK(many.err.find('\r') == std::string::npos);  // no progress line off a terminal
  CHECK(RunCli("-q -f csv samples/linyi-2023.txt samples/laiwu-2021.txt").err.empty());
  // -q does not hide failures.
  auto failed = RunCli("-q -f csv samples/linyi-2023.txt no/such.txt");
  CHECK(failed.status == 1);
  CHECK(failed.err == "noticetab: no/such.txt: cannot read: No such file or directory\n");
}

TEST_CASE("a directory needs -r", "[cli][batch]") {
  auto r = RunCli("-f csv samples");
  CHECK(r.status == 1);
  CHECK(r.err.find("samples: is a directory (use -r") != std::string::npos);
}

TEST_CASE("-o DIR/ mirrors the input tree with the format's extension", "[cli][batch]") {
  TempDir d;
  auto r = RunCli("-q -f csv -r samples -o " + d / "out/");
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  std::vector<std::string> expected;
  for (const auto& f : SampleFiles()) expected.push_back(f.substr(0, f.size() - 4) + ".csv");
  std::sort(expected.begin(), expected.end());
  CHECK(FilesBelow(d / "out") == expected);
  CHECK(std::find(expected.begin(), expected.end(), "composed/pipe-2024.csv") != expected.end());
  CHECK(ReadFile(d / "out/composed/pipe-2024.csv") == RunCli("-f csv samples/composed/pipe-2024.txt").out);
  // An existing directory works without the slash; explicit files go by their name.
  auto again = RunCli("-q -f yaml -o " + d.path + " samples/linyi-2023.txt");
  REQUIRE(again.status == 0);
  CHECK(ReadFile(d / "linyi-2023.yaml") == RunCli("samples/linyi-2023.txt").out);
}

TEST_CASE("-o FILE: one combined output; an input is never the output", "[cli][batch]") {
  TempDir d;
  auto r = RunCli("-q -f csv -j 3 -o " + d / "all.csv " + kAllSamples);
  REQUIRE(r.status == 0);
  CHECK(ReadFile(d / "all.csv") == RunCli(std::string("-q -f csv ") + kAllSamples).out);
  CHECK(FilesBelow(d.path) == std::vector<std::string>{"all.csv"});
  fs::copy_file(SourceDir() + "/samples/linyi-2023.txt", d / "in.txt");
  auto self = RunCli("-o " + d / "in.txt " + d / "in.txt");
  CHECK(self.status == 2);
  CHECK(ReadFile(d / "in.txt") == ReadFile(SourceDir() + "/samples/linyi-2023.txt"));
}

TEST_CASE("a write error is reported and leaves no partial file", "[cli][batch]") {
  auto full = RunCli("-f json -o /dev/full samples/linyi-2023.txt");
  CHECK(full.status == 1);
  CHECK(full.err.find("/dev/full: write failed: No space left on device") != std::string::npos);
  CHECK(RunCli("-f json -o /dev/null samples/linyi-2023.txt").status == 0);
  // A regular file that hits a size limit (EFBIG, as ENOSPC would): nothing is left.
  TempDir d;
  const std::string cmd = "cd '" + SourceDir() + "' && (trap '' XFSZ; ulimit -f 8; '" + Binary() +
                          "' -q -f json -o " + d / "all.json " + kAllSamples + ") 2>" + d / "err";
  const int rc = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(rc) == 1);
  CHECK(ReadFile(d / "err").find("write failed: File too large") != std::string::npos);
  CHECK(FilesBelow(d.path) == std::vector<std::string>{"err"});
}

TEST_CASE("help, --version and --dump report a failed write to standard output", "[cli][batch]") {
  // These print through std::cout, not an output file: a full disk must not
  // pass as success with the text lost.
  for (const char* args : {"--dump grid samples/linyi-2023.txt", "--help", "--version", "units --help"}) {
    INFO(args);
    TempDir d;
    const std::string cmd = "cd '" + SourceDir() + "' && '" + Binary() + "' " + args + " >/dev/full 2>" + d / "err";
    const int rc = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(rc) == 1);
    CHECK(ReadFile(d / "err").find("noticetab: standard output: write failed (No space left on device)") !=
          std::string::npos);
  }
  CHECK(RunCli("--dump grid samples/linyi-2023.txt").status == 0);
}

TEST_CASE("--fail-on-warning fails a run with warnings and says where", "[cli][batch]") {
  for (const char* sample : {"samples/linyi-2023.txt", "samples/shanghe-2023.txt"}) {
    YAML::Node doc = YAML::Load(RunCli(std::string("-f json ") + sample).out);
    size_t warnings = doc["warnings"].size();
    for (const auto& t : doc["tasks"]) warnings += t["warnings"].size();
    auto r = RunCli(std::string("--fail-on-warning -f csv ") + sample);
    CHECK(r.status == (warnings ? 1 : 0));
    CHECK(!r.out.empty());  // the ledger is still written
    if (warnings) {
      CHECK(r.err == "noticetab: " + std::string(sample) + ": " + std::to_string(warnings) + " warning" +
                         (warnings == 1 ? "" : "s") + " (--fail-on-warning)\n");
    } else {
      CHECK(r.err.empty());
    }
  }
  CHECK(RunCli("-f csv samples/shanghe-2023.txt").status == 0);
}

TEST_CASE("--encoding gb18030 round-trips; other encodings are refused", "[cli][batch]") {
  for (const char* f : {"csv", "yaml"}) {
    auto utf8 = RunCli(std::string("-f ") + f + " samples/zhaoyuan-2023.txt");
    auto gb = RunCli(std::string("-f ") + f + " --encoding gb18030 samples/zhaoyuan-2023.txt");
    REQUIRE(gb.status == 0);
    CHECK(gb.out != utf8.out);
    noticetab::Source back = noticetab::Decode(gb.out, "x");
    CHECK(back.encoding() == "GB18030");
    CHECK(back.text() == utf8.out);
  }
  // --excel's UTF-8 BOM is dropped: GB18030 readers take none.
  auto excel = RunCli("-f csv --excel --encoding GB18030 samples/linyi-2023.txt");
  CHECK(excel.out.rfind("source,id,", 0) == 0);
  CHECK(excel.out.find("\r\n") != std::string::npos);
  auto bad = RunCli("--encoding big5 samples/linyi-2023.txt");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown --encoding 'big5' (expected utf-8 or gb18030)") != std::string::npos);
}

TEST_CASE("--by-unit: one row per (unit, task) with the unit's role", "[cli][byunit]") {
  auto r = RunCli("-f csv --by-unit samples/zhaoyuan-2023.txt");
  REQUIRE(r.status == 0);
  auto lines = SplitLines(r.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0] ==
        "source,unit,role,id,seq,section_no,section_title,item_no,item_title,content,deadline,deadline_date,"
        "deadline_kind");
  int office = 0;
  for (const auto& l : lines) office += l.rfind("samples/zhaoyuan-2023.txt,市政府办公室,responsible,", 0) == 0;
  CHECK(office == 10);
  // Every (unit, task) pair of the tree is one row.
  YAML::Node doc = YAML::Load(RunCli("-f json samples/zhaoyuan-2023.txt").out);
  size_t pairs = 0;
  for (const auto& t : doc["tasks"]) pairs += t["units"].size();
  auto jsonl = RunCli("-f jsonl --by-unit samples/zhaoyuan-2023.txt");
  CHECK(Lines(jsonl.out) == pairs);
  // Lead and support roles where the notice names them.
  auto md = RunCli("-f json --by-unit samples/composed/markdown-2024.txt");
  YAML::Node rows = YAML::Load(md.out);
  REQUIRE(rows.size() > 0);
  CHECK(rows[0]["unit"].as<std::string>() == "区统计局");
  CHECK(rows[0]["role"].as<std::string>() == "lead");
  CHECK(rows[0]["id"].as<int>() == 1);
  CHECK(md.out.find("\"role\": \"support\"") != std::string::npos);
  CHECK(RunCli("--by-unit -f text samples/zhaoyuan-2023.txt").status == 2);
}

TEST_CASE("units: the per-unit summary, sorted by task count", "[cli][byunit]") {
  auto r = RunCli("units samples/zhaoyuan-2023.txt");  // stdout is a file: csv
  REQUIRE(r.status == 0);
  auto lines = SplitLines(r.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[0] == "unit,tasks,as_lead,earliest_deadline,region,collective");
  CHECK(std::find(lines.begin(), lines.end(), "市政府办公室,10,0,,招远市,") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "市政府各部门,26,0,2023-12-31,招远市,本级政府各部门") != lines.end());
  int last = 1 << 30;
  for (size_t i = 1; i < lines.size(); ++i) {
    const int n = std::stoi(lines[i].substr(lines[i].find(',') + 1));
    CHECK(n <= last);
    last = n;
  }
  auto text = RunCli("units -f text samples/zhaoyuan-2023.txt");
  CHECK(text.out.rfind("unit ", 0) == 0);
  bool office = false;
  for (const auto& l : SplitLines(text.out)) {
    std::istringstream cells(l);
    std::string unit, n, lead;
    cells >> unit >> n >> lead;
    office |= unit == "市政府办公室" && n == "10" && lead == "0";
  }
  CHECK(office);
  auto leads = RunCli("units -f json samples/composed/markdown-2024.txt");
  YAML::Node s = YAML::Load(leads.out);
  int as_lead = 0;
  for (const auto& u : s) as_lead += u["as_lead"].as<int>();
  CHECK(as_lead == 4);
  CHECK(RunCli("units --help").out.find("units") != std::string::npos);
}

TEST_CASE("the progress line is drawn on a terminal only", "[cli][batch]") {
  // script(1) gives the binary a terminal; stdout goes to /dev/null.
  TempDir d;
  const std::string cmd = "cd '" + SourceDir() + "' && script -qec \"'" + Binary() + "' -j 1 -f csv -o /dev/null " +
                          kAllSamples + "\" " + d / "typescript" + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string tty = ReadFile(d / "typescript");
  CHECK(tty.find("\r[") != std::string::npos);
  const std::string n = std::to_string(SampleFiles().size());
  CHECK(tty.find("/" + n + "] ") != std::string::npos);
  CHECK(tty.find("\x1b[K") != std::string::npos);
  CHECK(tty.find(n + " of " + n + " files converted") != std::string::npos);
  const std::string quiet_cmd = "cd '" + SourceDir() + "' && script -qec \"'" + Binary() + "' -q -f csv -o /dev/null " +
                                kAllSamples + "\" " + d / "quiet" + " >/dev/null 2>&1";
  REQUIRE(std::system(quiet_cmd.c_str()) == 0);
  CHECK(ReadFile(d / "quiet").find("\r[") == std::string::npos);
  CHECK(ReadFile(d / "quiet").find("files converted") == std::string::npos);
}

TEST_CASE("SIGINT during a batch into -o DIR/ leaves only complete files", "[cli][batch][signal]") {
  TempDir d;
  MakeBigBatch(d / "in", 60);  // 300 notices
  std::map<std::string, size_t> tasks;  // sample name -> task count
  for (const auto& n : SampleNames()) tasks[n] = YAML::Load(RunCli("-f json samples/" + n + ".txt").out)["tasks"].size();

  const pid_t pid = Spawn({"-j", "1", "-f", "json", "-r", d / "in", "-o", d / "out/"});
  auto outputs = [&] {
    size_t n = 0;
    if (fs::exists(d / "out")) {
      for (const auto& e : fs::directory_iterator(d / "out")) n += e.path().extension() == ".json";
    }
    return n;
  };
  REQUIRE(WaitFor([&] { return outputs() >= 5; }, 60));
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));  // it was still running, and ends by the signal
  CHECK(WTERMSIG(status) == SIGINT);

  const auto files = FilesBelow(d / "out");
  CHECK(files.size() < 300);
  for (const auto& f : files) {
    INFO(f);
    CHECK(f.find(".tmp") == std::string::npos);
    REQUIRE(f.size() > 5);
    const std::string name = f.substr(5, f.size() - 5 - 5);  // 1000-<name>.json
    YAML::Node doc = YAML::Load(ReadFile(d / "out/" + f));
    CHECK(doc["tasks"].size() == tasks[name]);
  }
}

TEST_CASE("SIGINT during a streamed -o FILE leaves the old file and no temporary", "[cli][batch][signal]") {
  TempDir d;
  MakeBigBatch(d / "in", 60);
  std::ofstream(d / "all.jsonl") << "old\n";
  const pid_t pid = Spawn({"-j", "1", "-f", "jsonl", "-r", d / "in", "-o", d / "all.jsonl"});
  // Wait until documents are streaming into the temporary file.
  auto temp_size = [&] {
    for (const auto& e : fs::directory_iterator(d.path)) {
      if (e.path().extension() == ".tmp") return static_cast<size_t>(fs::file_size(e.path()));
    }
    return size_t{0};
  };
  REQUIRE(WaitFor([&] { return temp_size() > 0; }, 60));
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGINT);
  CHECK(ReadFile(d / "all.jsonl") == "old\n");
  CHECK(FilesBelow(d.path).size() == 301);  // all.jsonl and in/*: no temporary
}
