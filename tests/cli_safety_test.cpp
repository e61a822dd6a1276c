// Issue 17 through the built binary: no input is ever overwritten, closed
// standard fds, names with control characters, -o -, -r entries it cannot
// stat. Each case failed on the build before the fix (see the issue).
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

using namespace noticetab::testing;
namespace fs = std::filesystem;

namespace {

std::string Sample(const std::string& name) { return SourceDir() + "/samples/" + name + ".txt"; }

void Copy(const std::string& from, const std::string& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("an output reached through a symlink never replaces another input (exit 2, both named)",
          "[cli][safety]") {
  TempDir d;
  Copy(Sample("linyi-2023"), d / "x.txt");
  Copy(Sample("shanghe-2023"), d / "y.txt");
  fs::create_symlink("y.txt", d / "x.csv");
  const std::string before = ReadFile(d / "y.txt");
  for (const std::string& args : {"-f csv -o " + d.path + "/ " + d.path + "/x.txt " + d.path + "/y.txt",
                                  "-f csv -r " + d.path + " -o " + d.path + "/"}) {
    const RunResult r = RunCli(args);
    INFO(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "noticetab: " + d.path + "/x.csv: the output of " + d.path +
                       "/x.txt would replace the input " + d.path + "/y.txt; inputs are never written\n");
    CHECK(ReadFile(d / "y.txt") == before);
    CHECK(!fs::exists(d / "y.csv"));  // nothing was written
  }
}

TEST_CASE("an output name that clashes with another input is refused, not written", "[cli][safety]") {
  TempDir d;
  Copy(Sample("linyi-2023"), d / "a.txt");
  Copy(Sample("linyi-2023"), d / "a.text");
  const std::string before = ReadFile(d / "a.txt");
  RunResult r = RunCli("units -f text -o " + d.path + "/ -r " + d.path);
  CHECK(r.status == 2);
  CHECK(r.err == "noticetab: " + d.path + "/a.txt: the output of " + d.path +
                     "/a.text would replace the input " + d.path + "/a.txt; inputs are never written\n");
  CHECK(ReadFile(d / "a.txt") == before);

  Copy(Sample("shanghe-2023"), d / "x.txt");
  Copy(Sample("linyi-2023"), d / "x.csv");
  r = RunCli("-f csv -o " + d.path + "/ " + d.path + "/x.txt " + d.path + "/x.csv");
  CHECK(r.status == 2);
  CHECK(r.err == "noticetab: " + d.path + "/x.csv: the output of " + d.path +
                     "/x.txt would replace the input " + d.path + "/x.csv; inputs are never written\n");
  CHECK(ReadFile(d / "x.csv") == before);
}

TEST_CASE("-o FILE and a stdout redirection onto an input are refused", "[cli][safety]") {
  TempDir d;
  Copy(Sample("linyi-2023"), d / "n.txt");
  const std::string before = ReadFile(d / "n.txt");
  RunResult r = RunCli("-f csv -o " + d.path + "/n.txt " + d.path + "/n.txt");
  CHECK(r.status == 2);
  CHECK(r.err == "noticetab: " + d.path + "/n.txt: the output would replace the input " + d.path +
                     "/n.txt; inputs are never written\n");
  // Appending keeps the input for the check (> would have emptied it already).
  // (RunCli redirects stdout itself, so this one runs here.)
  const int rc = std::system(("'" + Binary() + "' -f csv " + d.path + "/n.txt >> " + d.path + "/n.txt 2>" +
                              d.path + "/err").c_str());
  CHECK(WEXITSTATUS(rc) == 2);
  CHECK(ReadFile(d / "err") == "noticetab: " + d.path +
                     "/n.txt: input file is output file (stdout is redirected to it); inputs are never written\n");
  CHECK(ReadFile(d / "n.txt") == before);
}

TEST_CASE("with stderr closed, messages never land in the output file", "[cli][safety]") {
  TempDir d;
  const RunResult r =
      RunCli("-q -f yaml -o " + d.path + "/e.yaml samples/linyi-2023.txt " + d.path + "/missing.txt 2>&-");
  CHECK(r.status == 1);
  const std::string out = ReadFile(d / "e.yaml");
  CHECK(out.starts_with("source: "));
  CHECK(out.find("noticetab:") == std::string::npos);
  CHECK(out.find("missing.txt") == std::string::npos);
}

TEST_CASE("-o - is stdout, not a file named '-'", "[cli][safety]") {
  TempDir d;
  const RunResult r = RunCli("-f csv -o - samples/composed/markdown-2024.txt");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == RunCli("-f csv samples/composed/markdown-2024.txt").out);
  CHECK(!fs::exists(SourceDir() + "/-"));
}

TEST_CASE("a file name with control characters is quoted in messages", "[cli][safety]") {
  TempDir d;
  const RunResult r = RunCli("\"$(printf '" + d.path + "/a\\nb\\033[31m.txt')\"");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: '" + d.path + "/a\\nb\\x1b[31m.txt': cannot read: No such file or directory\n");
}

TEST_CASE("-r reports an entry it cannot stat (a path too long) instead of skipping it",
          "[cli][safety]") {
  TempDir d;
  // 22 levels of 200-byte names: the deepest ones are longer than PATH_MAX.
  const fs::path cwd = fs::current_path();
  const std::string name(200, 'b');
  REQUIRE(::chdir(d.path.c_str()) == 0);
  for (int i = 0; i < 22; ++i) {
    fs::create_directory(name);
    REQUIRE(::chdir(name.c_str()) == 0);
  }
  std::ofstream("x.txt") << "一、测试\n";
  fs::current_path(cwd);
  const RunResult r = RunCli("-q -f csv -r " + d.path);
  CHECK(r.status == 1);
  CHECK(r.err.find(": cannot stat: File name too long\n") != std::string::npos);
  CHECK(std::system(("rm -rf '" + d.path + "'").c_str()) == 0);  // remove_all stops at PATH_MAX
}

namespace {

// CPU seconds (user + system) of the children waited for so far.
double ChildrenCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A copy of the built-in rules/junk.yaml in dir with `pattern` as its first junk rule (line 5).
void JunkRulesWith(const std::string& dir, const std::string& pattern) {
  const std::string text = ReadFile(SourceDir() + "/rules/junk.yaml");
  const size_t at = text.find("junk:\n") + 6;
  std::ofstream(dir + "/junk.yaml") << text.substr(0, at) << "  - '" << pattern << "'\n" << text.substr(at);
}

}  // namespace

TEST_CASE("a rule regex with catastrophic backtracking gives up with file, line and pattern",
          "[cli][safety][regex]") {
  TempDir d;
  fs::create_directory(d / "rules");
  JunkRulesWith(d / "rules", "^(a+)+$");
  std::ofstream(d / "n.txt") << "一、测试\n" << std::string(40, 'a') << "!\n";
  // CPU time of the child, not the wall clock: a loaded machine stretches the
  // wall clock, never the work the step limit bounds.
  const double start = ChildrenCpuSeconds();
  const RunResult r = RunCli("--rules " + d.path + "/rules " + d.path + "/n.txt");
  CHECK(ChildrenCpuSeconds() - start < 20);  // 2^40 steps without the limit
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: " + d.path + "/n.txt: " + d.path +
                     "/rules/junk.yaml:5: pattern '^(a+)+$' took too long on one line of text (nested "
                     "repetition such as (a+)+ can take exponential time); simplify it\n");
}

TEST_CASE("a rules file must be a small regular file, read with the reason on failure",
          "[cli][safety]") {
  TempDir d;
  const std::string n = d / "n.txt";
  std::ofstream(n) << "一、测试\n";
  struct Case {
    std::string dir, message;
  };
  fs::create_directories(d / "zero");
  fs::create_symlink("/dev/zero", d / "zero/junk.yaml");
  fs::create_directories(d / "fifo");
  REQUIRE(::mkfifo((d / "fifo/junk.yaml").c_str(), 0600) == 0);
  fs::create_directories(d / "dir/junk.yaml");
  fs::create_directories(d / "big");
  std::ofstream(d / "big/junk.yaml") << std::string(2 << 20, '#');
  for (const Case& c : {Case{"zero", "not a regular file (a rules file must be a plain file)"},
                        Case{"fifo", "not a regular file (a rules file must be a plain file)"},
                        Case{"dir", "is a directory, not a rules file"},
                        Case{"big", "too large (2 MiB; a rules file is at most 1 MiB)"}}) {
    INFO(c.dir);
    const RunResult r = RunCli("--rules " + d.path + "/" + c.dir + " " + n, "timeout 20");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "noticetab: " + d.path + "/" + c.dir + "/junk.yaml: " + c.message + "\n");
  }
}

// What -f csv writes for no tasks: the header row.
std::string HeaderOnly() {
  std::string h;
  for (const auto& c : noticetab::FlatColumns()) h += (h.empty() ? "" : ",") + std::string(c);
  return h + "\n";
}

TEST_CASE("compressed, archived and random bytes are not text (exit 1)", "[cli][safety]") {
  TempDir d;
  struct Case {
    std::string name, magic, message;
  };
  const std::string filler(4000, 'x');
  for (const Case& c : {Case{"a.xz", std::string("\xfd" "7zXZ\0", 6), "not text (looks like xz data)"},
                        Case{"a.bz2", "BZh91AY&SY", "not text (looks like bzip2 data)"},
                        Case{"a.zst", "\x28\xb5\x2f\xfd", "not text (looks like zstd data)"},
                        Case{"a.7z", "7z\xbc\xaf\x27\x1c", "not text (looks like 7z archive)"},
                        Case{"a.rar", "Rar!\x1a\x07", "not text (looks like RAR archive)"},
                        Case{"a.gz", "\x1f\x8b", "not text (looks like gzip data)"}}) {
    std::ofstream(d / c.name, std::ios::binary) << c.magic << filler;
    const RunResult r = RunCli("-f csv " + d.path + "/" + c.name);
    INFO(c.name);
    CHECK(r.status == 1);
    CHECK(r.out == HeaderOnly());
    CHECK(r.err == "noticetab: " + d.path + "/" + c.name + ": " + c.message + "\n");
  }
  // Random bytes (as from a cipher or an unknown compressor) decode to U+FFFD
  // and control characters.
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 30000; ++i) {
    x = x * 1103515245u + 12345u;
    noise += static_cast<char>(x >> 24);
  }
  std::ofstream(d / "noise.txt", std::ios::binary) << noise;
  const RunResult r = RunCli("-f csv " + d.path + "/noise.txt");
  CHECK(r.status == 1);
  CHECK(r.out == HeaderOnly());
  CHECK(r.err.starts_with("noticetab: " + d.path + "/noise.txt: not text ("));
  CHECK(r.err.ends_with(" characters are undecodable or control characters as GB18030; compressed or binary data?)\n"));
}

TEST_CASE("--excel CSV and TSV neutralize cells that a spreadsheet would run as formulas",
          "[cli][safety]") {
  TempDir d;
  // A body item whose text is a formula (body items are tasks when there is no table).
  std::ofstream(d / "f.txt") << "关于印发工作要点的通知\n\n一、总体要求\n\n（一）=HYPERLINK(\"http://x\",\"点击\")\n\n"
                             << "（二）@SUM(A1:A2)\n";
  const std::string f = d / "f.txt";
  RunResult r = RunCli("-f csv --excel " + f);
  CHECK(r.status == 0);
  CHECK(r.out.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",") != std::string::npos);
  CHECK(r.out.find(",'@SUM(A1:A2),") != std::string::npos);
  r = RunCli("-f tsv --excel " + f);
  CHECK(r.out.find("\t'=HYPERLINK(\"http://x\",\"点击\")\t") != std::string::npos);
  // Plain CSV is for programs, and --raw-formulas keeps the text for spreadsheets too.
  for (const std::string& args : {"-f csv ", "-f csv --excel --raw-formulas "}) {
    r = RunCli(args + f);
    CHECK(r.out.find(",\"=HYPERLINK(") != std::string::npos);
    CHECK(r.out.find(",@SUM(A1:A2),") != std::string::npos);
    CHECK(r.out.find('\'') == std::string::npos);
  }
}

TEST_CASE("UTF-32 with a byte-order mark is read, not called NUL bytes", "[cli][safety]") {
  TempDir d;
  for (const std::string enc : {"UTF-32LE", "UTF-32BE"}) {
    const std::string bom = enc == "UTF-32LE" ? std::string("\xFF\xFE\0\0", 4) : std::string("\0\0\xFE\xFF", 4);
    std::ofstream(d / "bom") << bom;
    REQUIRE(std::system(("cat " + d / "bom" + " > " + d / "u.txt && iconv -f UTF-8 -t " + enc +
                         " " + SourceDir() + "/samples/linyi-2023.txt >> " + d / "u.txt").c_str()) == 0);
    const RunResult r = RunCli("-f json " + d / "u.txt");
    INFO(enc);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\"encoding\": \"" + enc + "\"") != std::string::npos);
    CHECK(r.out.find("\"tasks\": [") != std::string::npos);
  }
}

TEST_CASE("a rules file nested thousands of levels deep says so, with file, line and column",
          "[cli][safety]") {
  TempDir d;
  fs::create_directory(d / "rules");
  const std::string n = d / "n.txt";
  std::ofstream(n) << "一、测试\n";
  // Flow brackets and block sequences, 20,000 levels each (was "YAML syntax error: bad file").
  for (const std::string& nest : {std::string(20000, '[') + std::string(20000, ']'),
                                  [] {
                                    std::string s;
                                    for (int i = 0; i < 20000; ++i) s += "- ";
                                    return s + "x";
                                  }()}) {
    std::ofstream(d / "rules/junk.yaml") << "junk:\n  - " << nest << "\n";
    const RunResult r = RunCli("--rules " + d.path + "/rules " + n);
    INFO(nest.substr(0, 4));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    const std::string head = "noticetab: " + d.path + "/rules/junk.yaml:2:";
    CHECK(r.err.substr(0, head.size()) == head);
    CHECK(r.err.find(": nesting too deep (500 levels; a rules file needs a few)\n") != std::string::npos);
    CHECK(r.err.find("bad file") == std::string::npos);
  }
}

TEST_CASE("UTF-32 without a byte-order mark is read, not called NUL bytes", "[cli][safety]") {
  TempDir d;
  for (const std::string enc : {"UTF-32LE", "UTF-32BE"}) {
    REQUIRE(std::system(("iconv -f UTF-8 -t " + enc + " " + SourceDir() + "/samples/linyi-2023.txt > " +
                         d / "u.txt").c_str()) == 0);
    const RunResult r = RunCli("-f json " + d / "u.txt");
    INFO(enc);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\"encoding\": \"" + enc + "\"") != std::string::npos);
    // The same tasks as from the UTF-8 original.
    const std::string utf8 = RunCli("-f json " + Sample("linyi-2023")).out;
    auto tasks = [](const std::string& json) { return json.substr(json.find("\"tasks\": [")); };
    CHECK(tasks(r.out) == tasks(utf8));
  }
}

TEST_CASE("UTF-16 without a byte-order mark and with an unpaired surrogate is read with a warning",
          "[cli][safety]") {
  TempDir d;
  REQUIRE(std::system(("iconv -f UTF-8 -t UTF-16LE " + SourceDir() + "/samples/linyi-2023.txt > " + d / "u16")
                          .c_str()) == 0);
  const std::string units = ReadFile(d / "u16");
  const size_t mid = units.size() / 4 * 2;  // a unit boundary
  std::ofstream(d / "u.txt", std::ios::binary) << units.substr(0, mid) << std::string("\x00\xD8", 2)
                                               << units.substr(mid);
  const RunResult r = RunCli("-f json " + d / "u.txt");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"encoding\": \"UTF-16LE\"") != std::string::npos);
  CHECK(r.err.find("invalid UTF-16LE bytes replaced with U+FFFD") != std::string::npos);
  CHECK(r.err.find("NUL") == std::string::npos);
}

TEST_CASE("a failed xlsx write is reported by noticetab, naming the directory, without libxlsxwriter's lines",
          "[cli][safety]") {
  TempDir d;
  // A 4 KiB file size limit (SIGXFSZ ignored, so write() fails with EFBIG)
  // stops libxlsxwriter's temporary workbook, as a full disk would.
  const RunResult r = RunCli("-f xlsx -o " + d / "out.xlsx " + Sample("linyi-2023"),
                             "trap '' XFSZ; ulimit -f 4; TMPDIR='" + d.path + "'");
  CHECK(r.status == 1);
  CHECK(r.err == "noticetab: " + d.path + ": cannot write the temporary xlsx workbook here: File too large "
                     "(set TMPDIR to use another directory)\n");
  CHECK(!fs::exists(d / "out.xlsx"));
}
