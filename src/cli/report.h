// What the command line prints about a batch: the progress line, the summary,
// and library errors in the CLI's own terms (naming its options). Part of the
// noticetab binary, not of the library.
#ifndef NOTICETAB_CLI_REPORT_H_
#define NOTICETAB_CLI_REPORT_H_

#include <string>

#include "noticetab/batch.h"
#include "noticetab/due.h"
#include "noticetab/error.h"

namespace noticetab::cli {

/// "[12/200] 1234 tasks, 1 failed, 3.4 MB/s, ETA 0:42" (one line, no newline).
std::string FormatProgress(const BatchProgress& p);

/// The end-of-run summary: a counts line, then one line per failure with its
/// reason and, with fail_on_warning, per input with warnings. Lines end in '\n'.
std::string FormatSummary(const BatchResult& r);

/// Advice naming the CLI's options for task diagnostics that one of them
/// fixes (BatchResult::task_codes), one "noticetab: ..." line each, ending in
/// '\n'; "" when none applies. The library's messages name no option.
std::string FormatAdvice(const BatchResult& r);

/// `e` worded for the command line: an Error::Code the library reports as a
/// fact ("is a directory") gets the option that changes it ("use -r"); other
/// errors are returned as they are.
Error InCliTerms(const Error& e);

/// A `due` filter problem worded with the option that set the field:
/// "--month '2023-6': expected YYYY-MM (e.g. 2024-06)"; "" when there is none.
std::string DueFilterMessage(const DueFilterProblem& p);

}  // namespace noticetab::cli

#endif  // NOTICETAB_CLI_REPORT_H_
