// Bad inputs as a user meets them: one case per bad input, each running the
// built binary and checking the exit status, the message on stderr and, where
// the outcome is a warning, the warning in the output. The inputs are those of
// robustness_test.cpp (bad_inputs.h), which checks them through the library.
//
// Bad inputs whose CLI test lives elsewhere (not repeated here):
//   a PNG refused as not text, exit 1 ........ cli_batch_test.cpp "a binary file and unreadable
//                                               inputs are reported and skipped; ..."
//   a directory where a file is expected ...... cli_batch_test.cpp "a directory needs -r", and
//                                               folder.txt in the case above
//   an unreadable file (dangling symlink) ..... cli_batch_test.cpp, the same case (gone.txt);
//                                               a file without read permission is here
//   a full disk on output, no partial file .... cli_batch_test.cpp "a write error is reported and
//                                               leaves no partial file" (/dev/full: ENOSPC;
//                                               ulimit -f: EFBIG on a regular file)
//   rules: an invalid regex, an unknown key ... cli_test.cpp "a bad rules file exits 2 with
//                                               file:line:col and a caret"
//   large inputs in linear time ............... ctest 'scaling' (tests/scaling_test.sh)
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "bad_inputs.h"
#include "test_util.h"

using namespace noticetab::testing;
namespace fs = std::filesystem;

namespace {

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

bool HasWarning(const YAML::Node& warnings, const std::string& part) {
  for (const auto& w : warnings) {
    if (Contains(w.as<std::string>(), part)) return true;
  }
  return false;
}

// The document and task warnings of a JSON document.
size_t WarningCount(const YAML::Node& doc) {
  size_t n = doc["warnings"].size();
  for (const auto& t : doc["tasks"]) n += t["warnings"].size();
  return n;
}

// The document-level problems of a converted document, as stderr shows them
// (issue 13): no tasks at all, and bytes that could not be decoded.
std::string ProblemLines(const std::string& path, const YAML::Node& doc) {
  std::string lines;
  if (doc["tasks"].size() == 0) {
    const std::string kind = doc["kind"].as<std::string>();
    lines += "noticetab: " + path + ": no tasks found (" +
             (kind == "notice_with_annex" ? "the task table has no rows"
              : doc["sections"].size() > 0
                  ? "no task table recognized; the numbered body paragraphs are not tasks in a document of kind " + kind
                  : "no task table recognized and no numbered body items") +
             ")\n";
  }
  for (const auto& w : doc["warnings"]) {
    if (Contains(w.as<std::string>(), "replaced with U+FFFD")) {
      lines += "noticetab: " + path + ": read only in part: " + w.as<std::string>() + "\n";
    }
  }
  return lines;
}

// Converts `path` to JSON: it must succeed with nothing on stderr but its
// document-level problems (the warnings are in the output). With
// --fail-on-warning the same run exits 1 and says how many warnings there
// were. Returns the document.
YAML::Node ConvertWarned(const std::string& path) {
  const RunResult r = RunCli("-f json " + path);
  INFO(r.err);
  REQUIRE(r.status == 0);
  const YAML::Node doc = YAML::Load(r.out);
  const std::string problems = ProblemLines(path, doc);
  CHECK(r.err == problems);
  const size_t n = WarningCount(doc);
  CHECK(n > 0);
  const RunResult strict = RunCli("--fail-on-warning -f json " + path);
  CHECK(strict.status == 1);
  CHECK(strict.out == r.out);  // written all the same
  CHECK(strict.err == problems + "noticetab: " + path + ": " + std::to_string(n) + " warning" +
                          (n == 1 ? "" : "s") + " (--fail-on-warning)\n");
  return doc;
}

// Converts stdin redirected from `path` to `format`: exit 0, stderr empty.
std::string ConvertStdin(const std::string& format, const std::string& path) {
  const RunResult r = RunCli("-f " + format + " - < " + path);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  return r.out;
}

// Runs the binary with `args`: it must exit with `status`, write nothing to
// stdout and exactly "noticetab: <message>" to stderr.
void CheckRefused(const std::string& args, int status, const std::string& message,
                  const std::string& wrapper = "") {
  const RunResult r = RunCli(args, wrapper);
  CHECK(r.status == status);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: " + message + "\n");
}

// Tests run as root in CI, and permissions stop nothing there: the binary then
// runs as nobody through setpriv. "" when no wrapper is needed; nullopt when
// there is no way to drop root.
std::optional<std::string> Unprivileged() {
  if (::geteuid() != 0) return "";
  if (std::system("command -v setpriv >/dev/null 2>&1") != 0) return std::nullopt;
  return "setpriv --reuid=65534 --regid=65534 --clear-groups";
}

}  // namespace

TEST_CASE("bad input: an empty file converts to an empty ledger with warnings",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "empty.txt", "");
  const YAML::Node doc = ConvertWarned(d / "empty.txt");
  CHECK(doc["tasks"].size() == 0);
  CHECK(doc["sections"].size() == 0);
  CHECK(HasWarning(doc["warnings"], "no numbered headings found; the outline is empty"));
  CHECK(HasWarning(doc["warnings"], "no task table recognized and no body items found"));
}

TEST_CASE("bad input: whitespace only converts to an empty ledger with warnings",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "blank.txt", kWhitespaceOnly);
  const YAML::Node doc = ConvertWarned(d / "blank.txt");
  CHECK(doc["tasks"].size() == 0);
  CHECK(HasWarning(doc["warnings"], "the outline is empty"));
}

TEST_CASE("bad input: no table and no headings: empty outline and a warning", "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "plain.txt", kPlainNotice);
  const YAML::Node doc = ConvertWarned(d / "plain.txt");
  CHECK(doc["layout"].as<std::string>() == "none");
  CHECK(doc["sections"].size() == 0);
  CHECK(doc["tasks"].size() == 0);
  CHECK(HasWarning(doc["warnings"], "no numbered headings found; the outline is empty"));
}

TEST_CASE("bad input: an ELF binary is refused as not text, exit 1", "[cli][robustness]") {
  // noticetab itself; --max-size 0: a sanitizer build is larger than the
  // default limit, and the size check would come first.
  const std::string elf = "--max-size 0 '" + Binary() + "'";
  CheckRefused(elf, 1, Binary() + ": not text (looks like ELF executable)");
}

TEST_CASE("bad input: a legacy .xls is refused, saying how to convert it; the other inputs convert",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "ledger.xls", std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12));
  const std::string kMessage =
      ": a legacy Office document (DOC/XLS/WPS), not read; convert it first, e.g. soffice --headless "
      "--convert-to docx";
  CheckRefused(d / "ledger.xls", 1, d / "ledger.xls" + kMessage);
  const RunResult batch = RunCli("-f jsonl " + d / "ledger.xls" + " samples/linyi-2023.txt");
  CHECK(batch.status == 1);
  CHECK(std::count(batch.out.begin(), batch.out.end(), '\n') == 1);
  CHECK(batch.err.rfind("noticetab: 1 of 2 files converted, 65 tasks, ", 0) == 0);
  CHECK(Contains(batch.err, "\n  failed: " + d / "ledger.xls" + kMessage + "\n"));
}

TEST_CASE("an annex task table sent as .xlsx converts; a damaged one is refused saying what is wrong",
          "[cli][robustness]") {
  const RunResult r = RunCli("-q -f tsv tests/data/native/tasks.xlsx");
  CHECK(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 5);  // the header and four tasks
  TempDir d;
  const std::string xlsx = ReadFile(SourceDir() + "/tests/data/native/tasks.xlsx");
  WriteBytes(d / "cut.xlsx", xlsx.substr(0, xlsx.size() / 2));
  const RunResult cut = RunCli(d / "cut.xlsx");
  CHECK(cut.status == 1);
  CHECK(cut.out.empty());
  CHECK(cut.err.rfind("noticetab: " + d / "cut.xlsx" + ": damaged ZIP archive (", 0) == 0);
}

TEST_CASE("bad input: invalid UTF-8 bytes become U+FFFD with a warning naming the line",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "bad.txt", InvalidUtf8Notice());
  const YAML::Node doc = ConvertWarned(d / "bad.txt");
  CHECK(doc["encoding"].as<std::string>() == "UTF-8");
  CHECK(HasWarning(doc["warnings"], "line 6: invalid UTF-8 bytes replaced with U+FFFD (2 places)"));
  CHECK(Contains(doc["sections"][0]["items"][1]["text"].as<std::string>(), "\uFFFD\uFFFD同步解读"));
  CHECK(doc["tasks"].size() == 2);
}

TEST_CASE("bad input: truncated GB18030 converts with a warning on the last line",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "cut.txt", TruncatedGb18030Notice());
  const YAML::Node doc = ConvertWarned(d / "cut.txt");
  CHECK(doc["encoding"].as<std::string>() == "GB18030");
  CHECK(HasWarning(doc["warnings"], "line 11: invalid GB18030 bytes replaced with U+FFFD"));
  REQUIRE(doc["tasks"].size() == 2);
  // The cell's readable words (2023年12月底) are read, the damage said on the row.
  CHECK(HasWarning(doc["tasks"][1]["warnings"], "unreadable characters removed from a cell"));
  CHECK(doc["tasks"][1]["deadline"]["date"].as<std::string>() == "2023-12-31");
  CHECK(doc["tasks"][0]["deadline"]["date"].as<std::string>() == "2023-06-30");
}

TEST_CASE("bad input: UTF-16 without a BOM converts like the UTF-8 text", "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "utf8.txt", kSmallNotice);
  const std::string expected = ConvertStdin("csv", d / "utf8.txt");
  REQUIRE(std::count(expected.begin(), expected.end(), '\n') == 3);  // header + 2 tasks
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    INFO(charset);
    const std::string bytes = Encode(kSmallNotice, charset);
    REQUIRE(bytes.substr(0, 2) != "\xFF\xFE");
    REQUIRE(bytes.substr(0, 2) != "\xFE\xFF");
    WriteBytes(d / "utf16.txt", bytes);
    CHECK(ConvertStdin("csv", d / "utf16.txt") == expected);
    const YAML::Node doc = YAML::Load(ConvertStdin("json", d / "utf16.txt"));
    CHECK(doc["encoding"].as<std::string>() == charset);
    CHECK(WarningCount(doc) == 0);
  }
}

TEST_CASE("bad input: NUL bytes: a few are removed with a warning, many refuse the file",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "nul.txt", NulNotice());
  const YAML::Node doc = ConvertWarned(d / "nul.txt");
  CHECK(HasWarning(doc["warnings"], "line 5: 1 NUL byte(s) removed"));
  CHECK(doc["tasks"].size() == 2);

  WriteBytes(d / "padded.txt", NulPadded());
  CheckRefused(d / "padded.txt", 1, d / "padded.txt" + ": not text (contains NUL bytes)");
}

TEST_CASE("bad input: mixed CRLF, LF and CR line ends convert like LF", "[cli][robustness]") {
  TempDir d;
  const std::string mixed = MixedLineEndsNotice();
  REQUIRE(std::count(mixed.begin(), mixed.end(), '\r') == 7);
  WriteBytes(d / "lf.txt", kSmallNotice);
  WriteBytes(d / "mixed.txt", mixed);
  const std::string json = ConvertStdin("json", d / "mixed.txt");
  CHECK(json == ConvertStdin("json", d / "lf.txt"));
  const YAML::Node doc = YAML::Load(json);
  CHECK(WarningCount(doc) == 0);
  REQUIRE(doc["tasks"].size() == 2);
  CHECK(doc["tasks"][1]["lines"][0].as<int>() == 11);
}

TEST_CASE("bad input: a 10 MB single line converts", "[cli][robustness][slow]") {
  TempDir d;
  WriteBytes(d / "line.txt", OneLineNotice(10'000'000));
  const YAML::Node doc = ConvertWarned(d / "line.txt");
  REQUIRE(doc["sections"].size() == 1);
  CHECK(doc["sections"][0]["title"].as<std::string>() == "标题");
  CHECK(doc["sections"][0]["line"].as<int>() == 1);
  CHECK(HasWarning(doc["warnings"], "no task table recognized and no body items found"));
}

TEST_CASE("bad input: a table of 100k rows gives 100k tasks", "[cli][robustness][slow]") {
  TempDir d;
  WriteBytes(d / "rows.txt", TableNotice(100'000));
  const RunResult r = RunCli("-f csv " + d / "rows.txt");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1 + 100'000);
  const size_t last = r.out.rfind('\n', r.out.size() - 2) + 1;
  CHECK(r.out.substr(last).rfind(d / "rows.txt,100000,", 0) == 0);
  CHECK(Contains(r.out.substr(last), ",第100000项任务内容。,"));
  CHECK(Contains(r.out.substr(last), ",2023-06-30,by_date,100004,100004,"));
}

TEST_CASE("bad input: 10k nested headings convert", "[cli][robustness][slow]") {
  TempDir d;
  WriteBytes(d / "headings.txt", NestedHeadingsNotice(2500));  // x 4 levels
  const YAML::Node doc = ConvertWarned(d / "headings.txt");
  REQUIRE(doc["sections"].size() == 2500);
  CHECK(doc["sections"][2499]["title"].as<std::string>() == "第2500部分");
  CHECK(doc["tasks"].size() == 2500);
  CHECK(
      HasWarning(doc["warnings"], "no task table recognized; the body items are listed as tasks"));
}

TEST_CASE("bad input: a file over --max-size is refused before reading; the others convert",
          "[cli][robustness]") {
  TempDir d;
  std::string big = OneLineNotice(2 << 20);
  big.resize(2 << 20);  // exactly 2 MiB
  WriteBytes(d / "big.txt", big);
  const std::string refused = d / "big.txt" + ": too large (2 MiB, --max-size is 1 MiB)";

  CheckRefused("--max-size 1M " + d / "big.txt", 1, refused);

  const RunResult batch = RunCli("-f jsonl --max-size 1M " + d / "big.txt samples/linyi-2023.txt");
  CHECK(batch.status == 1);
  CHECK(std::count(batch.out.begin(), batch.out.end(), '\n') == 1);
  CHECK(batch.err.rfind("noticetab: 1 of 2 files converted, 65 tasks, ", 0) == 0);
  CHECK(Contains(batch.err, "\n  failed: " + refused + "\n"));
  CHECK(Contains(batch.err, " (0.0 MB in "));  // the 2 MiB refused are not counted as read

  // stdin: a redirected file by its size, a pipe once it has sent too much.
  CheckRefused("--max-size 1M - < " + d / "big.txt", 1,
               "<stdin>: too large (2 MiB, --max-size is 1 MiB)");
  CheckRefused("--max-size 1024K -", 1, "<stdin>: too large (more than 1 MiB, --max-size is 1 MiB)",
               "cat " + d / "big.txt |");

  // A larger limit, or none, lets it through.
  for (const char* limit : {"3M", "0"}) {
    const RunResult r = RunCli(std::string("-f jsonl --max-size ") + limit + " " + d / "big.txt");
    CHECK(r.status == 0);
    CHECK(r.err == ProblemLines(d / "big.txt", YAML::Load(r.out)));
  }
  CheckRefused("--max-size 1.5M samples/linyi-2023.txt", 2,
               "--max-size '1.5M': expected bytes, or a number with K, M or G (e.g. 64M)");
}

TEST_CASE("bad input: a 200 MB file is refused by the default --max-size without reading it",
          "[cli][robustness]") {
  TempDir d;
  std::ofstream(d / "huge.txt") << "一、标题\n";
  fs::resize_file(d / "huge.txt", uint64_t{200} << 20);  // sparse: costs no disk
  // The exact size, not "more than": refused by its size before reading.
  CheckRefused(d / "huge.txt", 1, d / "huge.txt" + ": too large (200 MiB, --max-size is 64 MiB)");
}

TEST_CASE("bad input: a file where a directory is expected", "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "file", "x");
  const std::string in = " samples/linyi-2023.txt";
  // -o FILE/: one output per input, below a directory
  CheckRefused("-o " + d / "file/" + in, 1,
               d / "file/: cannot create directory: a file of that name exists");
  CheckRefused("-o " + d / "file/out/" + in, 1,
               d / "file/out/: cannot create directory: Not a directory");
  CheckRefused("-o " + d / "file/ledger.csv" + in, 1,
               d / "file/ledger.csv: cannot create file: Not a directory");
  CheckRefused("--rules " + d / "file" + in, 2, d / "file: not a directory");
  CheckRefused("--rules " + d / "missing" + in, 2, d / "missing: no such directory");
  CHECK(ReadFile(d / "file") == "x");
}

TEST_CASE("bad input: a symlink loop under -r is walked once", "[cli][robustness]") {
  TempDir d;
  fs::create_directories(d / "in/a");
  fs::copy_file(SourceDir() + "/samples/linyi-2023.txt", d / "in/a/x.txt");
  fs::copy_file(SourceDir() + "/samples/laiwu-2021.txt", d / "in/b.txt");
  fs::create_directory_symlink("..", d / "in/a/up");  // in/a/up/a/up/... loops
  fs::create_directory_symlink(".", d / "in/a/self");
  const RunResult r = RunCli("-f csv -r " + d / "in");
  CHECK(r.status == 0);
  CHECK(r.err.rfind("noticetab: 2 of 2 files converted, ", 0) == 0);
  CHECK(Contains(r.out, "\n" + d / "in/a/x.txt,1,"));
  CHECK(Contains(r.out, "\n" + d / "in/b.txt,1,"));

  // A .txt name that is a link to itself cannot be read; the rest converts.
  fs::create_symlink("loop.txt", d / "in/loop.txt");
  const RunResult loop = RunCli("-f csv -r " + d / "in");
  CHECK(loop.status == 1);
  CHECK(loop.err.rfind("noticetab: 2 of 3 files converted, ", 0) == 0);
  CHECK(Contains(
      loop.err,
      "\n  failed: " + d / "in/loop.txt: cannot read: Too many levels of symbolic links\n"));
}

TEST_CASE("bad input: a file without read permission", "[cli][robustness]") {
  const auto as = Unprivileged();
  if (!as) {
    WARN("skipped: running as root and no setpriv to drop privileges");
    return;
  }
  TempDir d;
  fs::permissions(d.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  WriteBytes(d / "secret.txt", kSmallNotice);
  fs::permissions(d / "secret.txt", fs::perms::none);
  const RunResult r = RunCli("-f jsonl " + d / "secret.txt samples/linyi-2023.txt", *as);
  CHECK(r.status == 1);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  CHECK(r.err.rfind("noticetab: 1 of 2 files converted, ", 0) == 0);
  CHECK(Contains(r.err, "\n  failed: " + d / "secret.txt: cannot read: Permission denied\n"));
}

TEST_CASE("bad input: an output directory that is not writable", "[cli][robustness]") {
  const auto as = Unprivileged();
  if (!as) {
    WARN("skipped: running as root and no setpriv to drop privileges");
    return;
  }
  TempDir d;
  fs::create_directory(d / "ro");
  const auto rx = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(d.path, rx | fs::perms::owner_write);
  fs::permissions(d / "ro", rx);
  CheckRefused("-f csv -o " + d / "ro/ samples/linyi-2023.txt", 1,
               d / "ro/linyi-2023.csv: cannot create file: Permission denied", *as);
  CheckRefused("-f csv -o " + d / "ro/all.csv samples/linyi-2023.txt", 1,
               d / "ro/all.csv: cannot create file: Permission denied", *as);
  CHECK(fs::is_empty(d / "ro"));
  fs::permissions(d / "ro", fs::perms::owner_all);  // so that TempDir can remove it as a user
}

TEST_CASE("bad input: rules with a YAML syntax error exit 2 with file:line:col and a caret",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "headings.yaml", "markdown_prefix: '^#+'\nstyles: [\n  - name: x\n");
  const RunResult r = RunCli("--rules " + d.path + " samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  const std::string at = "noticetab: " + d / "headings.yaml:3:";
  REQUIRE(r.err.rfind(at, 0) == 0);
  CHECK(Contains(r.err, ": YAML syntax error: "));
  CHECK(Contains(r.err, "\n  - name: x\n"));
  CHECK(r.err.ends_with("^\n"));
}

TEST_CASE("bad input: rules missing a required field exit 2 with file:line:col and a caret",
          "[cli][robustness]") {
  TempDir d;
  WriteBytes(d / "deadlines.yaml", "hint: '月'\ndeadlines:\n  - name: m\n    kind: by_date\n");
  CheckRefused(
      "--rules " + d.path + " samples/linyi-2023.txt", 2,
      d / "deadlines.yaml:3:5: missing required field 'pattern'\n" + "  - name: m\n" + "    ^");
}

TEST_CASE("bad environment: -f xlsx without libxlsxwriter says what to install", "[cli][robustness]") {
  // libxlsxwriter is opened when the first workbook is written. Hide it in a
  // private mount namespace (needs root and unshare; skipped elsewhere).
  const std::string lib = "/usr/lib/x86_64-linux-gnu/libxlsxwriter.so.4";
  if (!std::filesystem::exists(lib) ||
      std::system(("unshare -m sh -c 'mount --bind /dev/null " + lib + "' 2>/dev/null").c_str()) != 0) {
    WARN("skipped: cannot hide " << lib << " in a mount namespace");
    return;
  }
  TempDir d;
  const std::string hide = "unshare -m sh -c 'mount --bind /dev/null " + lib + " && exec \"$0\" \"$@\"'";
  const RunResult r = RunCli("-f xlsx -o " + d / "t.xlsx" + " samples/linyi-2023.txt", hide);
  CHECK(r.status == 1);
  CHECK(r.err.find("xlsx output needs libxlsxwriter (Debian: apt-get install libxlsxwriter4)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(d / "t.xlsx"));
  // Other formats do not need it.
  CHECK(RunCli("-f csv -o " + d / "t.csv" + " samples/linyi-2023.txt", hide).status == 0);
}
