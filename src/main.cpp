// The noticetab command line: pick the subcommand, parse options into a
// struct, call the library, report. The only place that prints errors and
// chooses exit codes.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <fmt/ranges.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/batch.h"
#include "noticetab/error.h"
#include "noticetab/text.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"
#include "cli/dump.h"
#include "cli/report.h"
#include "cli/views.h"
#include "simd.h"

namespace po = boost::program_options;
using namespace noticetab;

namespace {

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;

struct Options {
  BatchOptions batch;
  std::string rules_dir;
  bool quiet = false;
  cli::ViewOptions views;
  std::string dump;  ///< --dump grid|diagnostics (convert only)
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

// Edit distance (insertions, deletions, substitutions), for "did you mean".
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The nearest of `names` to `word` when it is close (a typo, a missing
// letter, a prefix), as " (did you mean 'NAME'?)"; else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& names, std::string_view prefix = "") {
  std::string best;
  size_t best_d = std::string::npos;
  for (const std::string& n : names) {
    size_t d = Distance(word, n);
    if (n.size() > word.size() && n.starts_with(word) && word.size() >= 3) d = std::min<size_t>(d, 1);
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  const size_t allowed = word.size() <= 4 ? 1 : 2;
  return best_d <= allowed ? fmt::format(" (did you mean '{}{}'?)", prefix, best) : "";
}

// The built-in rules, named by a hash of their text: two binaries with the
// same rules version read notices the same way.
std::string RulesVersion() {
  uint32_t h = 2166136261u;  // FNV-1a
  for (const auto& [name, text] : EmbeddedRules()) {
    for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return fmt::format("{:08x} ({} files)", h, EmbeddedRules().size());
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The -f help of a view command, from the one table of its formats.
std::string ViewFormatHelp(const Tool& t) {
  const std::string_view name = t.name;
  const TableView view = name == "due" ? TableView::kDue : name == "diff" ? TableView::kDiff : TableView::kUnitSummary;
  std::string s;
  for (std::string_view f : TableFormats(view)) {
    if (!s.empty()) s += " | ";
    s += f;
    if (f == "text") s += " (default on a terminal)";
    if (f == "csv") s += " (default otherwise)";
  }
  return s;
}

std::string ToolList() {
  std::string s = "\ncommands:\n";
  for (const Tool& t : kTools) s += fmt::format("  {:<9}{}\n", t.name, t.summary);
  return s;
}

// Returns nullopt after printing help/version (exit 0); throws Error(kUsage).
// The options' descriptions are made only for --help (`help_text`): parsing
// needs none, and some quote the labels' words, which are loaded for them.
std::optional<Options> ParseArgs(const Tool& tool, int argc, char** argv, bool help_text = false) {
  Options o;
  BatchOptions& b = o.batch;
  b.view = tool.view;
  const bool units = tool.view != BatchView::kTasks;
  const bool convert = &tool == &kTools[0];
  po::options_description desc(
      !help_text ? std::string() : fmt::format("usage: noticetab {} [options] FILE|DIR...   (FILE '-' reads stdin)\n{}.\n\noptions",
                  convert ? "[convert]" : tool.name, convert ? "Turns Chinese government notices into task ledgers"
                                                             : tool.summary));
  int year = 0;
  std::string format, max_size, strict;
  bool by_unit = false;
  desc.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("format,f", po::value(&format),
       !help_text ? ""
       : units    ? ViewFormatHelp(tool).c_str()
                  : ("output format: " + DocumentFormatNames() + " (default yaml)").c_str())
      ("output,o", po::value(&b.output),
       "write to FILE (one combined output) or DIR/ (one output per input, mirroring the inputs)")
      ("recursive,r", po::bool_switch(&b.recursive), "convert the notices under directories (.txt .text .docx .xlsx .odt .fodt .html .htm .pdf .ofd; .doc .wps .xls .et .rtf are reported as not read, with what to do)")
      ("jobs,j", po::value(&b.jobs), "convert N files in parallel (default: all cores); output is the same for any N")
      ("quiet,q", po::bool_switch(&o.quiet), "no progress line and no summary (errors are still shown)")
      ("strict", po::value(&strict)->implicit_value("problem"),
       "exit 1 on a document-level problem (--strict, --strict=problem), or on any warning "
       "(--strict=warning)")
      ("fail-on-warning", po::bool_switch(&b.fail_on_warning), "the same as --strict=warning")
      ("encoding", po::value(&b.encoding)->default_value("utf-8"), "output encoding: utf-8 | gb18030")
      ("year", po::value(&year), "plan year when the notice does not say")
      ("max-size", po::value(&max_size),
       !help_text ? "" : ("refuse inputs larger than this many bytes; K, M, G suffixes (default " +
        FormatSize(kDefaultMaxInputSize) + "; 0 = no limit)").c_str())
      ("rules", po::value(&o.rules_dir), "load rules from DIR (files there replace the built-in ones)")
      ("excel", po::bool_switch(&b.write.excel),
       "CSV/TSV with UTF-8 BOM and CRLF for spreadsheet programs; a cell starting with = + - @ gets a "
       "leading ' so it is not run as a formula")
      ("raw-formulas", po::bool_switch(&b.write.raw_formulas), "with --excel, leave cells starting with = + - @ as they are")
      ("normalize-punct", po::bool_switch(&b.write.normalize_punct),
       "ASCII , ; : ( ) in Chinese text become ，；：（）");
  if (!units) {
    desc.add_options()("by-unit", po::bool_switch(&by_unit),
                       !help_text ? ""
                                  : fmt::format("one row per (unit, task) with the unit's role, instead of one per "
                                                "task ({})",
                                                fmt::join(TableFormats(TableView::kByUnit), ", "))
                                        .c_str());
    desc.add_options()("dump", po::value(&o.dump),
                       "grid | diagnostics: instead of the ledger, the tables as the readers cut them, or "
                       "every diagnostic with its code (debugging; tests/spec)");
  }
  cli::AddViewOptions(tool.name, desc, o.views, help_text);
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
  } catch (const po::unknown_option& e) {
    std::string name = e.get_option_name();
    std::vector<std::string> longs;
    for (const auto& opt : desc.options()) longs.push_back(opt->long_name());
    const std::string bare = name.starts_with("--") ? name.substr(2) : name;
    throw Error(Error::Kind::kUsage, e.what() + DidYouMean(bare.substr(0, bare.find('=')), longs, "--"));
  } catch (const po::error& e) {
    throw Error(Error::Kind::kUsage, e.what());
  }
  if (vm.count("help")) {
    if (!help_text) return ParseArgs(tool, argc, argv, true);
    std::cout << desc << ToolList()
              << "\nexit status: 0 ok; 1 an input could not be converted, the output could not be\n"
                 "written, or --fail-on-warning saw warnings; 2 bad usage or rules\n";
    return std::nullopt;
  }
  if (vm.count("version")) {
    std::cout << "noticetab " << NOTICETAB_VERSION << "\nrules: built-in " << RulesVersion()
              << "\nscans: " << simd::Describe() << "\n";
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
  b.format = Lower(format);  // -f CSV
  if (b.output == "-") b.output.clear();  // -o - is stdout, as for most tools
  if (vm.count("strict")) {
    if (strict != "warning" && strict != "problem") {
      throw Error(Error::Kind::kUsage, fmt::format("--strict={}: expected problem or warning", strict));
    }
    if (strict == "warning") b.fail_on_warning = true;
    b.fail_on_problem = true;
  }
  if (by_unit) b.view = BatchView::kByUnit;
  cli::ApplyViewOptions(tool.name, vm, o.views, b);
  // No file and a pipe or file on stdin: read it, as cat and sort do.
  if (b.inputs.empty() && !::isatty(STDIN_FILENO)) b.inputs.push_back("-");
  if (b.inputs.empty()) throw Error(Error::Kind::kUsage, "no input files (use '-' for stdin; see --help)");
  if (!o.dump.empty() && !cli::IsDump(o.dump)) {
    throw Error(Error::Kind::kUsage, fmt::format("unknown --dump '{}' (expected grid or diagnostics)", o.dump));
  }
  if (!o.dump.empty() && !b.output.empty()) {
    throw Error(Error::Kind::kUsage, "--dump writes to stdout; leave out -o");
  }
  if (b.format == "xlsx" && b.output.empty() && ::isatty(b.stdout_fd) && o.dump.empty()) {
    throw Error(Error::Kind::kUsage, "an xlsx workbook is binary; write it with -o FILE or redirect stdout");
  }
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
    std::cerr << "noticetab: " << cli::InCliTerms(e).Format() << "\n" << std::flush;
  }

  void OnProgress(const BatchProgress& p) override {
    if (!progress_ || p.total < 2) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && p.done < p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::string line = cli::FormatProgress(p);
    if (plain_) {
      // No escape sequences (TERM=dumb, NO_COLOR): spaces cover a longer old line.
      const size_t n = line.size();
      if (n < width_) line.append(width_ - n, ' ');
      width_ = n;
      std::cerr << "\r" << line << std::flush;
    } else {
      std::cerr << "\r" << line << "\x1b[K" << std::flush;
    }
    drawn_ = true;
  }

  void Clear() {
    if (drawn_ && plain_) std::cerr << "\r" << std::string(width_, ' ') << "\r" << std::flush;
    if (drawn_ && !plain_) std::cerr << "\r\x1b[K" << std::flush;
    drawn_ = false;
    width_ = 0;
  }

 private:
  static bool Plain() {
    const char* term = std::getenv("TERM");
    const char* no_color = std::getenv("NO_COLOR");
    return (no_color && *no_color) || !term || std::string_view(term) == "dumb";
  }
  bool plain_ = Plain();
  size_t width_ = 0;
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
  if (!o.dump.empty()) return cli::Dump(o.dump, b, std::cout, std::cerr);
  Reporter reporter(progress, progress || o.quiet);
  BatchResult r = RunBatch(b, &reporter);
  reporter.Clear();
  // Document-level problems, for every format (in CSV they would be invisible).
  for (const std::string& p : r.problems) std::cerr << "noticetab: " << p << "\n";
  if (!o.quiet) std::cerr << cli::FormatAdvice(r);  // the options that fix task warnings
  if (!o.quiet && r.files > 1) {
    std::cerr << cli::FormatSummary(r);
  } else {
    if (!progress && !o.quiet) {
      for (const Error& e : r.failures) std::cerr << "noticetab: " << cli::InCliTerms(e).Format() << "\n";
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

// A lower-case word with no dot or slash: what a command looks like.
bool IsWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

bool Exists(const char* path) {
  struct stat st;
  return ::lstat(path, &st) == 0;
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

// Ends the process after a run that returned: its output files are complete
// (committed, temporary files removed, the workbook written) before RunBatch
// returns, so what is left is flushing the streams. Tearing down the built-in
// rules and the libraries' statics cost 0.09M instructions, half of what an
// empty notice's conversion costs. Sanitizer builds return normally, for the
// leak check at exit.
// What went to standard output here (help, --version, --dump) is checked
// once more: a full disk or a closed pipe makes the run fail (exit 1) with a
// message instead of losing the text silently. (Ledgers go through
// OutputFile, which reports its own write errors.)
[[noreturn]] void ExitNow(int code) {
  std::cout.flush();
  const bool out_ok = std::cout.good() && std::fflush(stdout) == 0 && !std::ferror(stdout);
  if (!out_ok && code == kExitOk) {
    std::cerr << "noticetab: standard output: write failed" << (errno ? fmt::format(" ({})", std::strerror(errno)) : "")
              << "\n";
    code = kExitFailed;
  }
  std::cerr.flush();
  std::fflush(nullptr);
#if defined(__SANITIZE_ADDRESS__)
  std::exit(code);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  std::exit(code);
#endif
#endif
  ::_exit(code);
}

}  // namespace

int main(int argc, char** argv) {
  OpenStandardFds();
#ifdef __GLIBC__
  // glibc hands the top of the heap back to the system whenever 128 KB or
  // more of it is free, which happens after every notice of a batch: the
  // next one faults those pages in again (7,200 page faults on 733 notices).
  // Kept up to 32 MB, they are reused: 2,650, at the same peak RSS (big
  // blocks are still mmapped and returned on free, and a big document's
  // writer trims the heap itself: ReserveOutput). Setting it also stops
  // glibc from raising the mmap threshold as it goes, so every block of
  // 128 KB or more is mmapped afresh; measured, a fixed 4 MB threshold gave
  // more page faults (10 MB corpus, -j 1: 2,565 against 2,370), so it stays
  // (for a build without src/alloc/huge_heap.cpp, which sets its own).
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
  // The built-in patterns' literals, read at build time.
  noticetab::Regex::UsePrecomputed(noticetab::BuiltinLiterals());
  // std::ios::sync_with_stdio stays on: turning it off gave the six standard
  // streams buffers of their own (120 KB and a few page faults per run), and
  // outputs are written through OutputFile, not std::cout, which only prints
  // help, --version and --dump.
  const Tool* tool = &kTools[0];
  for (const Tool& t : kTools) {
    if (argc > 1 && std::strcmp(argv[1], t.name) == 0) {
      tool = &t;
      --argc;
      ++argv;
      break;
    }
  }
  if (tool == &kTools[0] && argc > 1 && argv[1][0] != '-' && IsWord(argv[1]) && !Exists(argv[1])) {
    // `noticetab unit FILE`: a mistyped command, not a file, refused before any work.
    std::vector<std::string> names;
    for (const Tool& t : kTools) names.push_back(t.name);
    std::cerr << fmt::format("noticetab: unknown command '{}' and no such file{} (commands: {})\n", argv[1],
                             DidYouMean(argv[1], names), fmt::join(names, ", "));
    return kExitUsage;
  }
  try {
    auto opts = ParseArgs(*tool, argc, argv);
    if (!opts) ExitNow(kExitOk);  // help or version printed: checked like any output
    // The output's temporary files exist only for -o and for workbooks
    // (written through a file); the cleanup's signal thread is started for
    // those runs only, still before any other thread. (PDF input's own
    // temporary files, from native/pdf.cpp, were never covered by it.)
    if (!opts->batch.output.empty() || opts->batch.format == "xlsx") InstallInterruptCleanup();
    ExitNow(Run(*opts));
  } catch (const Error& e) {
    std::cerr << "noticetab: " << cli::InCliTerms(e).Format() << "\n";
    return e.kind() == Error::Kind::kUsage || e.kind() == Error::Kind::kRules ? kExitUsage : kExitFailed;
  } catch (const std::exception& e) {
    std::cerr << "noticetab: internal error: " << e.what() << "\n";
    return kExitFailed;
  }
}
