// Reader for tables whose rows are lines with tab-separated cells (PDF text
// extraction, OCR). Page breaks repeat the header; rows may straddle them.
#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {

int DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.tabs == 0) return 0;
  return HeaderRoles(SplitTabs(l.raw), rules).empty() ? 0 : 10;
}

Table ReadTabs(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Table t;
  t.layout = "tabs";
  t.header_line = lines[at].no;
  t.columns = HeaderRoles(SplitTabs(lines[at].raw), rules);
  bool after_break = false;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules)) break;
    if (l.tabs == 0) {
      // A line without columns inside the table: a wrapped cell the extractor
      // put on its own line. Keep its text with the row above.
      if (!t.rows.empty()) {
        t.rows.back().content.Append(l.text, l.no);
        t.rows.back().Touch(l.no);
        t.rows.back().warnings.push_back("line " + std::to_string(l.no) +
                                         " has no columns; joined to the content above");
      }
      continue;
    }
    auto cells = SplitTabs(l.raw);
    if (auto roles = HeaderRoles(cells, rules); !roles.empty()) {
      t.columns = roles;  // a repeated header (page break); its column layout rules from here on
      after_break = true;
      continue;
    }
    bool any = false;
    for (auto c : cells) any |= !c.empty();
    if (!any) continue;
    Row row = AssignRow(cells, t.columns, l.no, rules);
    row.after_break = after_break;
    after_break = false;
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace noticetab
