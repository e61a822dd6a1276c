// `noticetab --dump grid|diagnostics FILE...`: what the readers cut and every
// diagnostic with its code, for debugging a layout and for the spec tests
// (tests/spec/). Part of the noticetab binary, not of the library.
#ifndef NOTICETAB_CLI_DUMP_H_
#define NOTICETAB_CLI_DUMP_H_

#include <ostream>
#include <string_view>

#include "noticetab/batch.h"

namespace noticetab::cli {

/// True when `what` names a dump: grid | diagnostics.
bool IsDump(std::string_view what);

/// Converts each input of `b` (files and '-'; no directories) and writes,
/// instead of the ledger:
///   grid         every table as its reader cut it (DumpGrid), "none" when the
///                notice has no table;
///   diagnostics  one line per diagnostic: `document CODE FIRST-LAST: message`
///                then `task ID CODE FIRST-LAST: message`.
/// Several inputs are headed `==> NAME <==`. Failures go to `err`; returns
/// the exit status (0, or 1 when an input failed).
int Dump(std::string_view what, const BatchOptions& b, std::ostream& out, std::ostream& err);

}  // namespace noticetab::cli

#endif  // NOTICETAB_CLI_DUMP_H_
