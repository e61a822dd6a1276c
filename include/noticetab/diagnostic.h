// A diagnostic as a value. Depends on nothing but the standard library.
#ifndef NOTICETAB_DIAGNOSTIC_H_
#define NOTICETAB_DIAGNOSTIC_H_

#include <string>

namespace noticetab {

/// What a stage had to guess or drop: a stable code for tests and tools, the
/// input lines it concerns (0 = unknown), and the human-readable message the
/// outputs print among the warnings. Codes are `area.what`, e.g.
/// row.shifted, role.inferred, role.header_shape, content.missing,
/// cell.unreadable, cell.extra, cell.joined_above, row.unsplit,
/// row.fragment, deadline.twice, content.joined, merged.spread,
/// merged.filled, link.label_disagrees, link.from_label, link.from_above.
struct Diagnostic {
  std::string code;
  int first_line = 0, last_line = 0;
  std::string message;
};

}  // namespace noticetab

#endif  // NOTICETAB_DIAGNOSTIC_H_
