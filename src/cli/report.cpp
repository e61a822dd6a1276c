#include "report.h"

#include <fmt/format.h>

#include "noticetab/write.h"

namespace noticetab::cli {

namespace {

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string Plural(int64_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string FormatProgress(const BatchProgress& p) {
  std::string s = fmt::format("[{}/{}] {}", p.done, p.total, Plural(p.tasks, "task"));
  if (p.failed) s += fmt::format(", {} failed", p.failed);
  if (p.seconds > 0) s += fmt::format(", {:.1f} MB/s", p.bytes_done / 1e6 / p.seconds);
  // ETA by bytes when sizes are known, else by files.
  double frac = 0;
  if (p.bytes_total > 0) {
    frac = static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total);
  } else if (p.total > 0) {
    frac = static_cast<double>(p.done) / p.total;
  }
  if (frac > 0 && frac < 1 && p.seconds > 0) s += ", ETA " + Duration(p.seconds * (1 - frac) / frac);
  return s;
}

std::string FormatSummary(const BatchResult& r) {
  std::string s = fmt::format("noticetab: {} of {} converted, {}, {}", r.converted,
                              Plural(r.files, "file"), Plural(r.tasks, "task"),
                              Plural(r.warnings, "warning"));
  if (!r.problems.empty()) s += ", " + Plural(static_cast<int64_t>(r.problems.size()), "problem");
  if (!r.failures.empty()) s += fmt::format(", {} failed", r.failures.size());
  s += fmt::format(" ({:.1f} MB in {:.1f} s)\n", r.bytes / 1e6, r.seconds);
  for (const Error& e : r.failures) s += "  failed: " + InCliTerms(e).Format() + "\n";
  if (r.fail_on_warning) {
    for (const auto& [path, count] : r.warned) {
      s += fmt::format("  --fail-on-warning: {}: {}\n", path, Plural(count, "warning"));
    }
  }
  return s;
}

std::string FormatAdvice(const BatchResult& r) {
  // Task diagnostic code -> what it means for the user (one, several) and the
  // option that fixes it.
  struct Advice {
    std::string_view code, one, several, fix;
  };
  static constexpr Advice kAdvice[] = {
      {"deadline.no_year", "deadline has no year, nor has its notice",
       "deadlines have no year, nor have their notices", "give the plan year with --year"},
  };
  std::string s;
  for (const Advice& a : kAdvice) {
    auto it = r.task_codes.find(a.code);
    if (it == r.task_codes.end() || it->second == 0) continue;
    s += fmt::format("noticetab: {} {}: {}\n", it->second, it->second == 1 ? a.one : a.several, a.fix);
  }
  return s;
}

Error InCliTerms(const Error& e) {
  auto worded = [&](std::string message) { return Error(e.kind(), std::move(message), e.file()); };
  const std::string& v = e.value();
  switch (e.code()) {
    case Error::Code::kNone:
      break;
    case Error::Code::kDirectoryNotRecursive:
      return worded("is a directory (use -r to convert the .txt files under it)");
    case Error::Code::kStdinToOutputDir:
      return worded("stdin ('-') has no name to write below -o DIR/; use -o FILE");
    case Error::Code::kByUnitFormat:
      return worded(fmt::format("--by-unit writes {}, not '{}'{}", TableFormatList(TableView::kByUnit), v,
                                v == "xlsx" ? " (an xlsx workbook has them in its units sheet)" : ""));
    case Error::Code::kUnitSummaryFormat:
      return worded(fmt::format("units writes {}, not '{}'", TableFormatList(TableView::kUnitSummary), v));
    case Error::Code::kOutputEncoding:
      return worded(fmt::format("unknown --encoding '{}' (expected utf-8 or gb18030)", v));
    case Error::Code::kEncodingOfBinary:
      return worded(fmt::format("--encoding applies to text formats, not {}", v));
    case Error::Code::kJobs:
      return worded(fmt::format("-j {}: expected 1 or more", v));
    case Error::Code::kTooLarge: {
      // value: the size found, a tab, the limit (load.cpp TooLarge).
      const size_t tab = v.find('\t');
      if (tab == std::string::npos) break;
      return worded(fmt::format("too large ({}, --max-size is {})", v.substr(0, tab), v.substr(tab + 1)));
    }
  }
  return e;
}

std::string DueFilterMessage(const DueFilterProblem& p) {
  using Field = DueFilterProblem::Field;
  switch (p.field) {
    case Field::kNone:
      break;
    case Field::kMonth:
      return fmt::format("--month '{}': expected YYYY-MM (e.g. 2024-06)", p.value);
    case Field::kBefore:
      return fmt::format("--before '{}': expected a date YYYY-MM-DD that the calendar has", p.value);
    case Field::kToday:
      return fmt::format("--today '{}': expected a date YYYY-MM-DD that the calendar has", p.value);
    case Field::kOverdueWithoutToday:
      return "--overdue needs --today DATE";
  }
  return "";
}

}  // namespace noticetab::cli
