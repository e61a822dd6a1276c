// Row-per-line tables (tabs, pipes, markdown): one line, one row; the syntax
// says how a line splits into cells.
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "readers.h"
#include "noticetab/text.h"

namespace noticetab {

void FillCell(GridCell& c, const std::vector<Line>& lines, const Line& line, std::string_view text,
              bool line_damaged) {
  c.text.assign(Trim(text));
  c.span.first_line = c.span.last_line = line.no;
  if (!lines.empty() && !text.empty()) {
    c.span.begin = static_cast<size_t>(text.data() - lines.front().raw.data());
    c.span.end = c.span.begin + text.size();
  }
  c.damaged = line_damaged && HasDamageMarkers(text);
}

GridCell CellAt(const std::vector<Line>& lines, const Line& line, std::string_view text) {
  GridCell c;
  FillCell(c, lines, line, text);
  return c;
}

Grid CutRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules, const RowLineSyntax& syntax) {
  Grid g;
  g.layout = syntax.layout;
  auto row_of = [&](const Line& l, const std::vector<std::string_view>& cells) {
    GridRow r;
    r.cells.reserve(cells.size());
    // One search of the line for damage instead of one per cell: a line
    // without markers has none in any cell (the cells are views into it).
    const bool damaged = HasDamageMarkers(l.raw);
    for (auto c : cells) FillCell(r.cells.emplace_back(), lines, l, c, damaged);
    r.span.first_line = r.span.last_line = l.no;
    return r;
  };
  std::vector<std::string_view> cells;  // of the line at hand, reused from line to line
  syntax.split(lines[at], &cells);
  GridRow header = row_of(lines[at], cells);
  header.header = !HeaderRoles(cells, rules).empty();  // else a table without a header
  g.rows.push_back(std::move(header));
  g.span.first_line = g.span.last_line = lines[at].no;
  bool after_break = false;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules)) break;
    if (syntax.is_rule && syntax.is_rule(l)) continue;
    if (!syntax.is_row(l)) {
      if (!syntax.stray_joins_above) break;
      GridRow r = row_of(l, {l.text});
      r.unsplit = true;
      g.rows.push_back(std::move(r));
      g.span.last_line = l.no;
      continue;
    }
    syntax.split(l, &cells);
    g.span.last_line = l.no;
    if (!HeaderRoles(cells, rules).empty()) {  // a repeated header (page break)
      GridRow r = row_of(l, cells);
      r.header = true;
      g.rows.push_back(std::move(r));
      after_break = true;
      continue;
    }
    if (std::none_of(cells.begin(), cells.end(), [](std::string_view c) { return !c.empty(); })) continue;
    GridRow r = row_of(l, cells);
    r.after_page_break = after_break;
    after_break = false;
    g.rows.push_back(std::move(r));
  }
  return g;
}

bool HeaderlessRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules,
                        const RowLineSyntax& syntax) {
  // The run must start here: the line before is not a row of the same syntax.
  for (size_t i = at; i-- > 0;) {
    if (lines[i].kind == LineKind::kBlank) continue;
    if (syntax.is_row(lines[i])) return false;
    break;
  }
  // Three rows of the same width (3+ cells), each with a text cell and a unit
  // or deadline cell, and no `key:` cells (site metadata rows).
  size_t width = 0;
  int rows = 0;
  std::vector<std::string_view> cells;
  for (size_t i = at; i < lines.size() && rows < 3; ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (!syntax.is_row(l)) return false;
    syntax.split(l, &cells);
    std::erase_if(cells, [](std::string_view c) { return Trim(c).empty(); });
    if (cells.size() < 3 || (width && cells.size() != width)) return false;
    width = cells.size();
    bool text = false, typed = false;
    for (auto c : cells) {
      std::string_view t = Trim(c);
      if (rules.punct.colon.Ends(t)) return false;
      CellShape s = TypeCell(t, rules);
      text = text || (s == CellShape::kText && CharCountUpTo(t, 8) >= 8);
      typed = typed || s == CellShape::kUnits || s == CellShape::kDeadline;
    }
    if (!text || !typed) return false;
    ++rows;
  }
  return rows == 3;
}

}  // namespace noticetab
