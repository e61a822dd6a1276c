// The command line's reports: progress line, summary, and library errors
// worded with the options that change them (src/cli/report.h).
#include "cli/report.h"

#include <catch2/catch.hpp>

using namespace noticetab;
using namespace noticetab::cli;

TEST_CASE("FormatProgress and FormatSummary", "[cli]") {
  BatchProgress p;
  p.done = 12;
  p.total = 200;
  p.tasks = 1234;
  p.failed = 1;
  p.bytes_done = 3'400'000;
  p.bytes_total = 34'000'000;
  p.seconds = 1.0;
  CHECK(FormatProgress(p) == "[12/200] 1234 tasks, 1 failed, 3.4 MB/s, ETA 0:09");
  BatchResult r;
  r.files = 3;
  r.converted = 2;
  r.tasks = 1;
  r.warnings = 2;
  r.failures.push_back(Error(Error::Kind::kInput, "not text (looks like PNG image)", "a.png"));
  r.warned = {{"b.txt", 2}};
  r.fail_on_warning = true;
  CHECK(FormatSummary(r) ==
        "noticetab: 2 of 3 files converted, 1 task, 2 warnings, 1 failed (0.0 MB in 0.0 s)\n"
        "  failed: a.png: not text (looks like PNG image)\n"
        "  --fail-on-warning: b.txt: 2 warnings\n");
}

TEST_CASE("InCliTerms: library facts get the option that changes them", "[cli]") {
  const Error dir = Error(Error::Kind::kInput, "is a directory", "samples").WithCode(Error::Code::kDirectoryNotRecursive);
  CHECK(InCliTerms(dir).Format() == "samples: is a directory (use -r to convert the .txt files under it)");
  CHECK(InCliTerms(dir).kind() == Error::Kind::kInput);
  const Error jobs = Error(Error::Kind::kUsage, "-2 worker threads: expected 1 or more").WithCode(Error::Code::kJobs, "-2");
  CHECK(InCliTerms(jobs).Format() == "-j -2: expected 1 or more");
  const Error by_unit =
      Error(Error::Kind::kUsage, "not written").WithCode(Error::Code::kByUnitFormat, "xlsx");
  CHECK(InCliTerms(by_unit).Format() ==
        "--by-unit writes yaml, json, jsonl, csv or tsv, not 'xlsx' (an xlsx workbook has them in its units sheet)");
  const Error plain(Error::Kind::kInput, "not text (looks like PNG image)", "a.png");
  CHECK(InCliTerms(plain).Format() == plain.Format());
  const Error big = Error(Error::Kind::kInput, "too large (2 MiB; the limit is 1 MiB)", "a.txt")
                        .WithCode(Error::Code::kTooLarge, "2 MiB\t1 MiB");
  CHECK(big.message().find("--") == std::string::npos);
  CHECK(InCliTerms(big).Format() == "a.txt: too large (2 MiB, --max-size is 1 MiB)");
}

TEST_CASE("DueFilterMessage: a filter problem named with the due command's option", "[cli]") {
  using noticetab::DueFilterProblem;
  using Field = DueFilterProblem::Field;
  CHECK(noticetab::cli::DueFilterMessage({Field::kMonth, "2023-6"}) ==
        "--month '2023-6': expected YYYY-MM (e.g. 2024-06)");
  CHECK(noticetab::cli::DueFilterMessage({Field::kBefore, "x"}) == "--before 'x': expected a date YYYY-MM-DD that the calendar has");
  CHECK(noticetab::cli::DueFilterMessage({Field::kToday, "y"}) == "--today 'y': expected a date YYYY-MM-DD that the calendar has");
  CHECK(noticetab::cli::DueFilterMessage({Field::kOverdueWithoutToday, ""}) == "--overdue needs --today DATE");
  CHECK(noticetab::cli::DueFilterMessage({}).empty());
}

TEST_CASE("FormatAdvice: task codes an option fixes get the option; the library names none", "[cli]") {
  BatchResult r;
  CHECK(FormatAdvice(r).empty());
  r.task_codes["units.missing"] = 4;  // no option fixes it
  CHECK(FormatAdvice(r).empty());
  r.task_codes["deadline.no_year"] = 1;
  CHECK(FormatAdvice(r) == "noticetab: 1 deadline has no year, nor has its notice: give the plan year with --year\n");
  r.task_codes["deadline.no_year"] = 3;
  CHECK(FormatAdvice(r) ==
        "noticetab: 3 deadlines have no year, nor have their notices: give the plan year with --year\n");
}
