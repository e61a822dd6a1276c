// Body reader "clauses": units and deadlines in a bracketed clause closing a
// body line or on a line of its own (（X牵头，Y、Z配合） / （责任单位：X，6月底前完成）).
// The vocabulary is rules/clauses.yaml (`role_words`, `keys`, `not_clause`);
// the reading is clauses.cpp (ReadAssignment), shared with the key-value
// reader; the cut is body.cpp (CutBody), one grid row per body item.
#include <string>

#include "noticetab/clauses.h"
#include "readers.h"
#include "../stages.h"
#include "noticetab/text.h"

namespace noticetab {

bool DetectInlineClause(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  std::string_view end = lines[at].text;
  // An assignment inside the line's sentence (…，由X牵头，Y配合，推进…).
  if (InlineAssignment(end, rules)) return true;
  // A heading that only names units, over headings of another style (一、县教育局（3项） /
  // 1．…): the tasks under it are listed by who does them.
  // The cheap tests first: a short title, a heading of another style next.
  if (const Line& l = lines[at]; l.heading && l.heading->title.size() <= 40 * 4) {
    for (size_t k = at + 1; k < lines.size(); ++k) {
      if (lines[k].kind == LineKind::kBlank || lines[k].kind == LineKind::kJunk) continue;
      if (lines[k].heading && lines[k].heading->style != l.heading->style)
        return HeadingUnits(l.heading->title, rules).found;
      break;
    }
  }
  // A closing bracket, maybe before one full stop or semicolon.
  const size_t stop = pu.StopLength(end);
  const std::string_view before = end.substr(0, end.size() - stop);
  const bool closes = pu.closes.Ends(before);
  // Most lines end in a character that is no bracket, stop or space: then no
  // clause closes them (EndsInClause strips stops and spaces from the end and
  // wants a closing bracket there) and none wraps into them (below). (With
  // no stop stripped, `before` is `end`, which ends in none.)
  if (!closes && (stop == 0 || pu.StopLength(before) == 0)) {
    const std::string_view trimmed = Trim(before);
    if (trimmed.data() + trimmed.size() == before.data() + before.size()) return false;
  }
  if (EndsInClause(end, rules)) return true;
  // A clause the extractor wrapped (PDF text): its bracket opens on a line
  // above. Join up to kWrap text lines above, as ReadAssignment joins an
  // item's lines, and look again; only a line that closes a bracket it did
  // not open can end such a clause.
  constexpr int kWrap = 3;
  if (!closes) return false;
  int depth = 0;  // brackets closed and not opened in the line
  for (size_t i = 0; i < end.size();) {
    const char32_t c = NextChar(end, i);
    depth += pu.closes.Has(c) - pu.opens.Has(c);
  }
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
