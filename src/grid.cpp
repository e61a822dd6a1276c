#include "noticetab/grid.h"

#include <algorithm>

namespace noticetab {

void SourceSpan::Cover(const SourceSpan& o) {
  if (o.first_line > 0 && (first_line == 0 || o.first_line < first_line)) first_line = o.first_line;
  last_line = std::max(last_line, o.last_line);
  if (o.end > 0) {
    if (end == 0 || o.begin < begin) begin = o.begin;
    end = std::max(end, o.end);
  }
  if (o.page > 0 && (page == 0 || o.page < page)) page = o.page;
  if (o.paragraph > 0 && (paragraph == 0 || o.paragraph < paragraph)) paragraph = o.paragraph;
}

int Grid::header_rows() const {
  int n = 0;
  while (n < static_cast<int>(rows.size()) && rows[n].header) ++n;
  return n;
}

int Grid::columns() const {
  int n = 0;
  for (const auto& r : rows) {
    int w = 0;
    for (const auto& c : r.cells) w += std::max(1, c.col_span);
    n = std::max(n, w);
  }
  return n;
}

std::string DumpGrid(const Grid& g) {
  std::string out = "layout: " + g.layout + (g.stream ? " (stream)" : "") + "\n";
  if (!g.caption.empty()) out += "caption: " + g.caption + "\n";
  for (const auto& r : g.rows) {
    if (r.header) out += "[header] ";
    if (r.after_page_break) out += "[break] ";
    if (!r.headings.empty()) {  // the words a body row hangs under, which item_title carries
      out += "[under ";
      for (size_t k = 0; k < r.headings.size(); ++k)
        out += (k ? " / " : "") + r.headings[k].no + " " + r.headings[k].title;
      out += "] ";
    }
    bool first = true;
    for (const auto& c : r.cells) {
      if (!first) out += " ‖ ";
      first = false;
      out += c.placeholder ? std::string("∅") : c.text;
      if (c.row_span > 1) out += " (r" + std::to_string(c.row_span) + ")";
      if (c.col_span > 1) out += " (c" + std::to_string(c.col_span) + ")";
    }
    out += "\n";
  }
  return out;
}

}  // namespace noticetab
