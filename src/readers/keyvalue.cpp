// Body reader "key-value": units and deadlines on lines of their own under a
// body item (牵头单位：X / 责任单位：Y / 完成时限：Z). The vocabulary is
// rules/clauses.yaml (`keys`); the reading is clauses.cpp (ReadAssignment),
// shared with the inline-clause reader; the cut is body.cpp (CutBody), one
// grid row per body item.
#include "noticetab/clauses.h"
#include "readers.h"
#include "../stages.h"

namespace noticetab {

bool DetectKeyValue(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return IsKeyValueLine(lines[at].text, rules);
}

}  // namespace noticetab
