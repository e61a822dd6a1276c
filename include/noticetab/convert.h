// The pipeline: Source -> Document (load is the caller's; write comes after).
#ifndef NOTICETAB_CONVERT_H_
#define NOTICETAB_CONVERT_H_

#include <optional>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"

namespace noticetab {

struct ConvertOptions {
  std::optional<int> year;  ///< plan year when the notice does not say (--year)
  /// When set, receives every table of the notice as its reader cut it (before
  /// any role), in table order: the `--dump grid` view. Not owned.
  std::vector<Grid>* grids = nullptr;
};

/// Converts one decoded notice. Throws no Error for any text input: what
/// could not be read becomes warnings on the rows or the document. The one
/// Error it can throw comes from the rules: a pattern that passes its time or
/// backtracking limit on a line throws Error(kRules) naming the rules file and
/// line (text.h Regex). The Document owns all its strings: `src` may be
/// destroyed as soon as this returns. `rules` is only read (BuiltinRules() may
/// be shared by threads); opts.grids, when set, must live for the call.
Document Convert(const Source& src, const Rules& rules, const ConvertOptions& opts = {});

}  // namespace noticetab

#endif  // NOTICETAB_CONVERT_H_
