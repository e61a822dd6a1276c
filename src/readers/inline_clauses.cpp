// Body reader "clauses": units and deadlines in a bracketed clause closing a
// body line or on a line of its own (（X牵头，Y、Z配合） / （责任单位：X，6月底前完成）).
// The vocabulary is rules/clauses.yaml (`role_words`, `keys`, `not_clause`);
// the reading is clauses.cpp (ReadAssignment), shared with the key-value
// reader; the cut is body.cpp (CutBody), one grid row per body item.
#include <string>

#include "noticetab/clauses.h"
#include "readers.h"
#include "../stages.h"

namespace noticetab {

bool DetectInlineClause(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  if (EndsInClause(lines[at].text, rules)) return true;
  // A clause the extractor wrapped (PDF text): its bracket opens on a line
  // above. Join up to kWrap text lines above, as ReadAssignment joins an
  // item's lines, and look again; only a line that closes a bracket it did
  // not open can end such a clause.
  constexpr int kWrap = 3;
  std::string_view end = lines[at].text;
  bool close = false;
  for (std::string_view c : {")", "）", "]", "〕", "】", ")。", "）。", "）；"}) close |= end.ends_with(c);
  if (!close) return false;
  int depth = 0;  // brackets closed and not opened in the line
  for (std::string_view o : {"(", "（", "[", "〔", "【"})
    for (size_t p = end.find(o); p != std::string_view::npos; p = end.find(o, p + 1)) --depth;
  for (std::string_view c : {")", "）", "]", "〕", "】"})
    for (size_t p = end.find(c); p != std::string_view::npos; p = end.find(c, p + 1)) ++depth;
  if (depth <= 0) return false;
  std::string joined(lines[at].text);
  int joined_lines = 0;
  for (size_t k = at; k-- > 0 && joined_lines < kWrap;) {
    const Line& l = lines[k];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk || l.tabs > 0) break;
    joined.insert(0, l.text);
    ++joined_lines;
    if (EndsInClause(joined, rules)) return true;
  }
  return false;
}

}  // namespace noticetab
