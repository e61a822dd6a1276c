// The command-line side of the views (`units --for`, `due`, `diff`, `--lang`):
// their options and how they set up a batch. Part of the noticetab binary,
// not of the library.
#ifndef NOTICETAB_CLI_VIEWS_H_
#define NOTICETAB_CLI_VIEWS_H_

#include <boost/program_options.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "noticetab/batch.h"
#include "noticetab/due.h"

namespace noticetab::cli {

struct ViewOptions {
  std::string for_unit;                 ///< units --for / --by-unit --for
  std::string month, before, today;     ///< due
  bool overdue = false;
  std::string lang = "zh";              ///< xlsx labels: zh | en
  /// diff: the exit status its output implies (0 same, 1 different); null for
  /// the other commands.
  std::shared_ptr<int> status;
};

/// Adds the options of the view `tool` (a kTools name) to desc. Without
/// `help_text` the options have no descriptions: parsing needs none, and the
/// examples in them load the labels (--help asks for them).
void AddViewOptions(std::string_view tool, boost::program_options::options_description& desc, ViewOptions& v,
                    bool help_text = true);

/// Checks the view options and points the batch at the view: b.view =
/// kCustom and b.render, when the command or its options ask for one.
/// Throws Error(kUsage) with what to fix. REQUIRES: b.format is set.
void ApplyViewOptions(std::string_view tool, const boost::program_options::variables_map& vm, ViewOptions& v,
                      BatchOptions& b);

}  // namespace noticetab::cli

#endif  // NOTICETAB_CLI_VIEWS_H_
