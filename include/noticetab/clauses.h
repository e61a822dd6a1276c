// Task assignments written in the body instead of a table (part of stage 7,
// normalize): key-value lines under an item (牵头单位：X / 完成时限：Y) and a
// trailing inline clause (（X牵头，Y、Z配合） / （责任单位：X，6月底完成）).
#ifndef NOTICETAB_CLAUSES_H_
#define NOTICETAB_CLAUSES_H_

#include <string>
#include <string_view>
#include <vector>

#include "noticetab/rules.h"

namespace noticetab {

/// Units and deadline text found in an item's own words.
struct Assignment {
  std::string units, lead, support;  ///< raw unit lists (split later by NormalizeUnits)
  std::string deadline;              ///< raw deadline text, "" when none
  bool found = false;
};

/// Reads key-value lines among `lines` (an item's text lines, the heading's
/// title first) and a clause in brackets at the end of the text. Returns the
/// assignment and sets *content to the item text without them.
Assignment ReadAssignment(const std::vector<std::string_view>& lines, const Rules& rules, std::string* content);

/// Parses the inside of an inline clause or one key-value line; false when it
/// names no units or deadline.
bool ParseClause(std::string_view clause, const Rules& rules, Assignment* out);

}  // namespace noticetab

#endif  // NOTICETAB_CLAUSES_H_
