// The noticetab command line: pick the subcommand, parse options into a
// struct, call the library, report. The only place that prints errors and
// chooses exit codes.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <chrono>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/batch.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"
#include "cli/views.h"

namespace po = boost::program_options;
using namespace noticetab;

namespace {

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;

struct Options {
  BatchOptions batch;
  std::string rules_dir;
  bool quiet = false;
  cli::ViewOptions views;
};

/// A subcommand (ninja's kTools[]): `noticetab NAME ...`; the first is the default.
struct Tool {
  const char* name;
  const char* summary;
  BatchView view;
  const char* default_format;  ///< "text|csv": text when stdout is a terminal, else csv
};

const Tool kTools[] = {
    {"convert", "convert notices to task ledgers (the default; the word may be left out)",
     BatchView::kTasks, "yaml"},
    {"units", "per-unit summary over all inputs; --for NAME: one unit's tasks, collective ones included",
     BatchView::kUnitSummary, "text|csv"},
    {"due", "dated tasks by deadline: --month 2024-06, --before DATE, --overdue --today DATE; -f ics",
     BatchView::kCustom, "text|csv"},
    {"diff", "OLD NEW: tasks added, removed and changed (exit 0 same, 1 different, 2 trouble)",
     BatchView::kCustom, "text|csv"},
};

std::string FormatNames() {
  std::string s;
  for (const auto& w : Writers()) {
    if (!s.empty()) s += '|';
    s += w.name;
  }
  return s;
}

std::string ToolList() {
  std::string s = "\ncommands:\n";
  for (const Tool& t : kTools) s += fmt::format("  {:<9}{}\n", t.name, t.summary);
  return s;
}

// Returns nullopt after printing help/version (exit 0); throws Error(kUsage).
std::optional<Options> ParseArgs(const Tool& tool, int argc, char** argv) {
  Options o;
  BatchOptions& b = o.batch;
  b.view = tool.view;
  const bool units = tool.view != BatchView::kTasks;
  const bool convert = &tool == &kTools[0];
  po::options_description desc(
      fmt::format("usage: noticetab {} [options] FILE|DIR...   (FILE '-' reads stdin)\n{}.\n\noptions",
                  convert ? "[convert]" : tool.name, convert ? "Turns Chinese government notices into task ledgers"
                                                             : tool.summary));
  int year = 0;
  std::string format, max_size;
  bool by_unit = false;
  desc.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("format,f", po::value(&format),
       units ? (std::string("text (default on a terminal) | csv (default otherwise) | tsv | json | jsonl | yaml") +
                (tool.view == BatchView::kCustom ? " | xlsx" : "") +
                (std::string_view(tool.name) == "due" ? " | ics" : "")).c_str()
             : ("output format: " + FormatNames() + " (default yaml)").c_str())
      ("output,o", po::value(&b.output),
       "write to FILE (one combined output) or DIR/ (one output per input, mirroring the inputs)")
      ("recursive,r", po::bool_switch(&b.recursive), "convert the *.txt and *.text files under directories")
      ("jobs,j", po::value(&b.jobs), "convert N files in parallel (default: all cores); output is the same for any N")
      ("quiet,q", po::bool_switch(&o.quiet), "no progress line and no summary (errors are still shown)")
      ("fail-on-warning", po::bool_switch(&b.fail_on_warning), "exit 1 when any input has warnings")
      ("encoding", po::value(&b.encoding)->default_value("utf-8"), "output encoding: utf-8 | gb18030")
      ("year", po::value(&year), "plan year when the notice does not say")
      ("max-size", po::value(&max_size),
       ("refuse inputs larger than this many bytes; K, M, G suffixes (default " +
        FormatSize(kDefaultMaxInputSize) + "; 0 = no limit)").c_str())
      ("rules", po::value(&o.rules_dir), "load rules from DIR (files there replace the built-in ones)")
      ("excel", po::bool_switch(&b.write.excel), "CSV/TSV with UTF-8 BOM and CRLF for spreadsheet programs")
      ("normalize-punct", po::bool_switch(&b.write.normalize_punct),
       "ASCII , ; : ( ) in Chinese text become ，；：（）");
  if (!units) {
    desc.add_options()("by-unit", po::bool_switch(&by_unit),
                       "one row per (unit, task) with the unit's role, instead of one per task "
                       "(csv, tsv, json, jsonl, yaml)");
  }
  cli::AddViewOptions(tool.name, desc, o.views);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&b.inputs));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(Error::Kind::kUsage, e.what());
  }
  if (vm.count("help")) {
    std::cout << desc << ToolList()
              << "\nexit status: 0 ok; 1 an input could not be converted, the output could not be\n"
                 "written, or --fail-on-warning saw warnings; 2 bad usage or rules\n";
    return std::nullopt;
  }
  if (vm.count("version")) {
    std::cout << "noticetab " << NOTICETAB_VERSION << "\n";
    return std::nullopt;
  }
  if (vm.count("year")) {
    if (year < 1900 || year > 2200) throw Error(Error::Kind::kUsage, fmt::format("--year {} is not a plausible year", year));
    b.convert.year = year;
  }
  if (vm.count("max-size")) {
    const auto n = ParseSize(max_size);
    if (!n) {
      throw Error(Error::Kind::kUsage,
                  fmt::format("--max-size '{}': expected bytes, or a number with K, M or G (e.g. 64M)",
                              max_size));
    }
    b.max_size = *n;
  }
  if (format.empty()) {
    const std::string_view d = tool.default_format;
    format = d == "text|csv" ? (b.output.empty() && ::isatty(b.stdout_fd) ? "text" : "csv") : std::string(d);
  }
  b.format = format;
  if (b.output == "-") b.output.clear();  // -o - is stdout, as for most tools
  if (by_unit) b.view = BatchView::kByUnit;
  cli::ApplyViewOptions(tool.name, vm, o.views, b);
  if (b.inputs.empty()) throw Error(Error::Kind::kUsage, "no input files (use '-' for stdin; see --help)");
  return o;
}

// Failures as they happen and a progress line, on stderr. The line is drawn
// only on a terminal, and is cleared before anything else is printed.
class Reporter : public BatchObserver {
 public:
  Reporter(bool progress, bool echo_failures) : progress_(progress), echo_(echo_failures) {}

  void OnFailure(const Error& e) override {
    if (!echo_) return;
    Clear();
    std::cerr << "noticetab: " << e.Format() << "\n" << std::flush;
  }

  void OnProgress(const BatchProgress& p) override {
    if (!progress_ || p.total < 2) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && p.done < p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::cerr << "\r" << FormatProgress(p) << "\x1b[K" << std::flush;
    drawn_ = true;
  }

  void Clear() {
    if (drawn_) std::cerr << "\r\x1b[K" << std::flush;
    drawn_ = false;
  }

 private:
  bool progress_, echo_, drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

int Run(const Options& o) {
  Rules loaded;
  BatchOptions b = o.batch;
  if (!o.rules_dir.empty()) {
    loaded = LoadRules(o.rules_dir);
    b.rules = &loaded;
  }
  // On a terminal failures show as they happen, above the progress line;
  // otherwise the summary at the end lists them (with -q nothing else would).
  // No progress line when the output itself goes to the same screen.
  const bool to_screen = b.output.empty() && ::isatty(STDOUT_FILENO);
  const bool progress = !o.quiet && ::isatty(STDERR_FILENO) && !to_screen;
  Reporter reporter(progress, progress || o.quiet);
  BatchResult r = RunBatch(b, &reporter);
  reporter.Clear();
  if (!o.quiet && r.files > 1) {
    std::cerr << FormatSummary(r);
  } else {
    if (!progress && !o.quiet) {
      for (const Error& e : r.failures) std::cerr << "noticetab: " << e.Format() << "\n";
    }
    if (b.fail_on_warning) {
      for (const auto& [path, n] : r.warned) {
        std::cerr << fmt::format("noticetab: {}: {} warning{} (--fail-on-warning)\n", path, n, n == 1 ? "" : "s");
      }
    }
  }
  if (o.views.status) return r.ok() ? *o.views.status : kExitUsage;  // diff: 2 is trouble
  return r.ok() ? kExitOk : kExitFailed;
}

// A closed 0, 1 or 2 would be taken by the next file opened (an output file),
// and messages meant for stderr would land in it: open /dev/null there, as
// coreutils does.
void OpenStandardFds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int got = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (got != fd) ::_exit(kExitFailed);  // cannot happen: the lower fds are open
  }
}

}  // namespace

int main(int argc, char** argv) {
  OpenStandardFds();
  std::ios::sync_with_stdio(false);
  InstallInterruptCleanup();
  const Tool* tool = &kTools[0];
  for (const Tool& t : kTools) {
    if (argc > 1 && std::strcmp(argv[1], t.name) == 0) {
      tool = &t;
      --argc;
      ++argv;
      break;
    }
  }
  try {
    auto opts = ParseArgs(*tool, argc, argv);
    if (!opts) return kExitOk;
    return Run(*opts);
  } catch (const Error& e) {
    std::cerr << "noticetab: " << e.Format() << "\n";
    return e.kind() == Error::Kind::kUsage || e.kind() == Error::Kind::kRules ? kExitUsage : kExitFailed;
  } catch (const std::exception& e) {
    std::cerr << "noticetab: internal error: " << e.what() << "\n";
    return kExitFailed;
  }
}
