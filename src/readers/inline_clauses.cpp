// Body reader "clauses": units and deadlines in a bracketed clause closing a
// body line or on a line of its own (（X牵头，Y、Z配合） / （责任单位：X，6月底前完成）).
// The vocabulary is rules/clauses.yaml (`role_words`, `keys`, `not_clause`);
// the reading is clauses.cpp (ReadAssignment), shared with the key-value
// reader, through TasksFromItems.
#include "noticetab/clauses.h"
#include "readers.h"

namespace noticetab {

bool DetectInlineClause(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return EndsInClause(lines[at].text, rules);
}

}  // namespace noticetab
