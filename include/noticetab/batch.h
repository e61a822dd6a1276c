// Batch conversion: expand the inputs (files, directories, stdin), convert
// them on a pool of threads, emit the results in input order, and write
// outputs safely (a temporary name in the same directory, then rename).
// The library reports through BatchResult and a BatchObserver; it never prints.
// Errors name no command-line option: where one would help, the Error carries
// an Error::Code for the caller to word (the CLI: src/cli/report.h).
// Implemented in src/batch_inputs.cpp (ExpandInputs), src/output_file.cpp
// (output files, encodings, interrupts) and src/batch.cpp (RunBatch).
#ifndef NOTICETAB_BATCH_H_
#define NOTICETAB_BATCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"

namespace noticetab {

/// What a batch emits: the task ledger (a Writer), the per-unit rows
/// (WriteByUnit, --by-unit), the per-unit summary (WriteUnitSummary, `units`)
/// or a view of the caller's (BatchOptions::render: `due`, `diff`, `units --for`).
enum class BatchView { kTasks, kByUnit, kUnitSummary, kCustom };

struct BatchOptions {
  /// Files, directories (need `recursive`) and "-" for stdin, as given.
  std::vector<std::string> inputs;
  bool recursive = false;
  /// "" = stdout; ends in '/' or names an existing directory = one output per
  /// input below it (see ExpandInputs); else one combined output file.
  std::string output;
  int jobs = 0;                       ///< worker threads; 0 = all cores
  std::string format = "yaml";        ///< a Writer name, or see byunit.h for the other views
  BatchView view = BatchView::kTasks;
  std::string encoding = "utf-8";     ///< output encoding: utf-8 | gb18030
  bool fail_on_warning = false;       ///< BatchResult::ok() is false when there are warnings
  bool fail_on_problem = false;       ///< ... when there are document-level problems (--strict)
  /// Inputs larger than this many bytes fail (see LoadFile); 0 = no limit.
  uint64_t max_size = kDefaultMaxInputSize;
  WriteOptions write;
  ConvertOptions convert;
  const Rules* rules = nullptr;       ///< not owned; nullptr = BuiltinRules()
  /// kCustom: writes the documents (format and checks are the caller's).
  std::function<void(std::ostream&, const std::vector<Document>&, const Rules&)> render;
  int stdout_fd = 1;                  ///< where output "" goes
};

/// One input after expansion.
struct BatchInput {
  std::string path;      ///< as given, or the argument directory joined with the file's path below it
  std::string relative;  ///< the output path below -o DIR/, before the extension is replaced
  uint64_t size = 0;     ///< bytes, for progress (0 when unknown, e.g. stdin)
  std::optional<Error> error;  ///< found while expanding: a directory without -r, an unlistable directory
  uint64_t dev = 0, ino = 0;   ///< a regular file's device and inode, from the same stat as size (0: not known)
};

/// True for the names a directory walk converts (any case, not starting with
/// '.'): *.txt, *.text, *.docx, *.odt, *.ofd, *.pdf, *.html, *.htm; and *.doc,
/// *.wps, *.xls, *.xlsx, *.et, *.rtf, which fail with how to convert them.
/// (A folder's README.md is not a notice; any file named explicitly is
/// converted whatever its name.)
bool IsTextName(std::string_view filename);

/// Expands arguments in order. A file (of any name, or "-") is one input,
/// relative = its file name. A directory is an error unless `recursive`; then
/// every IsTextName file below it, in byte order of names, relative = its path
/// below the directory; hidden entries are skipped, symlinks followed, and a
/// directory met twice (a symlink loop) is walked once. A directory with no
/// such file is one input carrying an error; so is a directory without
/// `recursive` (Error::Code::kDirectoryNotRecursive). Never throws for a path.
std::vector<BatchInput> ExpandInputs(const std::vector<std::string>& args, bool recursive);

/// True when `output` selects one output per input: it ends in '/' or is an
/// existing directory.
bool IsOutputDir(const std::string& output);

/// Progress so far, reported while the batch runs.
struct BatchProgress {
  int done = 0, total = 0, failed = 0;
  int64_t tasks = 0;
  uint64_t bytes_done = 0, bytes_total = 0;
  double seconds = 0;  ///< since the batch started
};

struct BatchResult {
  int files = 0;       ///< inputs after expansion
  int converted = 0;
  int64_t tasks = 0, warnings = 0;  ///< document and task warnings
  std::vector<Error> failures;      ///< in input order; each names its input (or output)
  /// Inputs with warnings and how many, in input order; kept with
  /// fail_on_warning only (they are listed then), so memory stays flat.
  std::vector<std::pair<std::string, int64_t>> warned;
  bool fail_on_warning = false;
  /// Document-level problems (DocumentProblems), "path: problem", in input order.
  std::vector<std::string> problems;
  bool fail_on_problem = false;
  /// Task diagnostics by code (deadline.no_year -> 3), over every converted
  /// input: for a caller to add its own advice (the CLI: src/cli/report.h).
  std::map<std::string, int64_t, std::less<>> task_codes;
  double seconds = 0;
  uint64_t bytes = 0;  ///< input bytes of the converted files
  /// False when an input failed, or there were warnings and fail_on_warning.
  bool ok() const {
    return failures.empty() && !(fail_on_warning && warnings > 0) && !(fail_on_problem && !problems.empty());
  }
};

/// What makes a converted document unusable as a ledger, one line each, as
/// opposed to the notes on single rows: no tasks at all, most rows without
/// content, or bytes that could not be decoded. The bundled samples have none.
std::vector<std::string> DocumentProblems(const Document& doc);

/// Called on the thread that called RunBatch, in input order for failures.
class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  virtual void OnFailure(const Error& /*e*/) {}
  /// Called when a file is done and about every 100 ms; cheap to ignore.
  virtual void OnProgress(const BatchProgress& /*p*/) {}
};

/// Converts every input and writes the output. Inputs that cannot be read or
/// written fail alone (BatchResult::failures; the others still convert).
/// Combined outputs are written in input order and identical for any `jobs`;
/// a streaming writer (jsonl) writes each document as soon as it and all
/// earlier ones are done, others when all are done. Throws Error(kUsage) for
/// bad options (with an Error::Code where an option names the fix: the
/// format of a view, the encoding, jobs, stdin below an output directory) and
/// Error(kOutput) when the combined output cannot be written (no partial
/// output file is left). `observer` is called on this thread and need only
/// live for the call; failures name their input (Error::file()).
BatchResult RunBatch(const BatchOptions& opts, BatchObserver* observer = nullptr);

/// Converts UTF-8 output to `encoding` ("utf-8" returns it unchanged; for
/// "gb18030" a leading BOM is dropped). Throws Error(kUsage) for others.
std::string EncodeOutput(std::string_view utf8, std::string_view encoding);
/// The canonical name of an accepted output encoding, or "" (utf8 -> utf-8).
std::string OutputEncodingName(std::string_view encoding);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of outputs
/// being written, then end the process by the same signal. Signals ignored at
/// start (nohup, background jobs) stay ignored. REQUIRES: called from main
/// before any other thread starts (it blocks the signals and waits for them on
/// a thread of its own). Calling it again does nothing.
void InstallInterruptCleanup();

}  // namespace noticetab

#endif  // NOTICETAB_BATCH_H_
