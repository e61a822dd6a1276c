// Rows of a column-aligned text table whose cells are centred vertically
// (pdftotext -layout of a Word table, cells set to centre): the 序号, the
// label, a short unit cell sit on the middle line of the row, and the tallest
// cell's first lines are printed ABOVE the 序号 line. Read top-down, as the
// spaces reader does, each row is cut at its 序号 line: its first lines go to
// the row above, or become a row with no number of their own.
//
// When the table shows that (a row with no 序号 right over a numbered one,
// where no page break explains it), the body lines are given to rows anew:
// every numbered line anchors a row, and the lines between two anchors are
// cut once, where a blank line stands between them if any does, else where
// each row's cells sit most nearly centred on its anchor and no cell's text
// is cut before its sentence ends. A dynamic programme over the gaps (each
// row's cost depends on its two cuts).
#include <algorithm>
#include <cstdlib>
#include <limits>

#include "noticetab/classify.h"
#include "readers.h"

namespace noticetab {
namespace {

// A cut between two lines whose cell in one column goes on (the upper piece
// does not end its sentence) costs as much as two lines off centre.
constexpr int kCutInSentence = 4;  // in half lines

bool Anchored(const ColumnLine& l) {
  return !l.pieces.empty() && l.pieces.front().first == 0 && SeqNumber(l.pieces.front().second);
}

std::string_view PieceIn(const ColumnLine& l, size_t col) {
  for (const auto& p : l.pieces)
    if (p.first == col) return p.second;
  return {};
}

// The cost of a row made of body[lo, hi] anchored at body[a]: for each column
// but the first, how far (in half lines, past half a line) the centre of its
// lines lies from the anchor's line.
int RowCost(const std::vector<ColumnLine>& body, size_t lo, size_t hi, size_t a, size_t width) {
  int cost = 0;
  const long at = static_cast<long>(body[a].line);
  for (size_t c = 1; c < width; ++c) {
    long top = -1, bottom = -1;
    for (size_t e = lo; e <= hi; ++e)
      if (!PieceIn(body[e], c).empty()) {
        if (top < 0) top = static_cast<long>(body[e].line);
        bottom = static_cast<long>(body[e].line);
      }
    if (top < 0) continue;
    cost += static_cast<int>(std::max(0L, std::labs(top + bottom - 2 * at) - 1));
  }
  return cost;
}

// The cost of cutting between body[e] and body[e + 1]: each column whose
// piece goes on from one line to the next (past a blank line too).
int CutCost(const std::vector<ColumnLine>& body, size_t e, size_t width, const Rules& rules) {
  int cost = 0;
  for (size_t c = 1; c < width; ++c) {
    const std::string_view up = PieceIn(body[e], c), down = PieceIn(body[e + 1], c);
    if (!up.empty() && !down.empty() && !EndsSentence(up, rules)) cost += kCutInSentence;
  }
  return cost;
}

// Whether the table shows centred cells: a body row with no 序号 right over a
// numbered row (the next line), not the first row after a repeated header
// (the end of a row the page break cut), and no heading.
bool ShowsCentring(const std::vector<Line>& lines, const std::vector<ColumnLine>& body, const Grid& g) {
  std::vector<std::vector<size_t>> of(g.rows.size());
  for (size_t e = 0; e < body.size(); ++e) of[body[e].row].push_back(e);
  bool body_seen = false;
  for (size_t r = 0; r + 1 < g.rows.size(); ++r) {
    if (of[r].empty()) continue;
    const bool after_repeat = r > 0 && g.rows[r - 1].header && body_seen;
    body_seen = true;
    if (after_repeat || of[r + 1].empty()) continue;
    const ColumnLine& next = body[of[r + 1].front()];
    const ColumnLine& last = body[of[r].back()];
    if (!Anchored(next) || next.line != last.line + 1) continue;
    bool plain = true;
    for (size_t e : of[r]) plain = plain && !Anchored(body[e]) && lines[body[e].line].kind != LineKind::kHeading;
    if (plain) return true;
  }
  return false;
}

// Cuts one segment body[lo, hi] (the rows between two header rows) at its
// anchors; returns the first entry of each row. `lead_row`: the entries before
// the first anchor are a row of their own (a row the page break cut).
std::vector<size_t> CutSegment(const std::vector<ColumnLine>& body, size_t lo, size_t hi, bool lead_row,
                               size_t width, const Rules& rules) {
  std::vector<size_t> anchors;
  for (size_t e = lo; e <= hi; ++e)
    if (Anchored(body[e])) anchors.push_back(e);
  std::vector<size_t> starts;
  if (anchors.empty()) return {lo};
  const size_t first_top = lead_row ? anchors.front() : lo;
  if (lead_row && anchors.front() > lo) starts.push_back(lo);
  const size_t m = anchors.size();
  // cut[k]: the last entry of row k (k < m - 1), chosen from the gap
  // [anchors[k], anchors[k + 1] - 1]. best[k][j]: the least cost of rows 0..k
  // with row k ending at anchors[k] + j.
  constexpr int kNone = std::numeric_limits<int>::max();
  std::vector<std::vector<int>> best(m), from(m);
  auto options = [&](size_t k) {  // the ends row k may have (k < m - 1)
    std::vector<size_t> ends;
    bool blank = false;
    for (size_t e = anchors[k]; e < anchors[k + 1]; ++e) blank = blank || body[e + 1].after_blank;
    for (size_t e = anchors[k]; e < anchors[k + 1]; ++e)
      if (!blank || body[e + 1].after_blank) ends.push_back(e);
    return ends;
  };
  std::vector<std::vector<size_t>> ends(m);
  for (size_t k = 0; k + 1 < m; ++k) ends[k] = options(k);
  ends[m - 1] = {hi};
  for (size_t k = 0; k < m; ++k) {
    best[k].assign(ends[k].size(), kNone);
    from[k].assign(ends[k].size(), 0);
    for (size_t j = 0; j < ends[k].size(); ++j) {
      const size_t end = ends[k][j];
      const int cut = k + 1 < m ? CutCost(body, end, width, rules) : 0;
      if (k == 0) {
        best[k][j] = RowCost(body, first_top, end, anchors[k], width) + cut;
        continue;
      }
      for (size_t i = 0; i < ends[k - 1].size(); ++i) {
        if (best[k - 1][i] == kNone) continue;
        const int c = best[k - 1][i] + RowCost(body, ends[k - 1][i] + 1, end, anchors[k], width) + cut;
        // Ties keep the lines with the row above (a top-aligned reading).
        if (c < best[k][j] || (c == best[k][j] && ends[k - 1][i] >= ends[k - 1][from[k][j]])) {
          best[k][j] = c;
          from[k][j] = static_cast<int>(i);
        }
      }
    }
  }
  std::vector<size_t> chosen(m);
  size_t j = 0;
  for (size_t i = 1; i < best[m - 1].size(); ++i)
    if (best[m - 1][i] < best[m - 1][j]) j = i;
  for (size_t k = m; k-- > 0;) {
    chosen[k] = ends[k][j];
    if (k > 0) j = static_cast<size_t>(from[k][j]);
  }
  starts.push_back(first_top);
  for (size_t k = 0; k + 1 < m; ++k) starts.push_back(chosen[k] + 1);
  return starts;
}

}  // namespace

void CentreRows(const std::vector<Line>& lines, const std::vector<ColumnLine>& body, const std::vector<Role>& roles,
                const Rules& rules, Grid* g) {
  if (body.empty() || !ShowsCentring(lines, body, *g)) return;
  // The DP tries every pair of cuts of two gaps in a row: a gap of more lines
  // than a centred row has (a page of text between two numbers) is no such
  // table, and would cost the square of its lines.
  constexpr size_t kLongestGap = 32;
  for (size_t e = 0, last = 0; e < body.size(); ++e)
    if (Anchored(body[e])) {
      if (e - last > kLongestGap) return;
      last = e;
    }
  std::vector<GridRow> rows;
  size_t e = 0;
  bool body_seen = false;
  for (size_t r = 0; r < g->rows.size();) {
    if (e >= body.size() || body[e].row != r) {
      rows.push_back(std::move(g->rows[r++]));
      continue;
    }
    // The segment: the body rows from r up to the next row with no entries.
    const size_t lo = e;
    size_t last_row = r;
    while (e < body.size() && body[e].row <= last_row + 1) last_row = body[e++].row;
    const size_t hi = e - 1;
    const size_t width = g->rows[r].cells.size();
    const bool after_break = g->rows[r].after_page_break;
    // After a repeated header, the lines above the first 序号 end the row
    // the page break cut when that row's text (content or label) went on:
    // no sentence end.
    bool lead_row = false;
    if (body_seen && !Anchored(body[lo])) {
      const GridRow& above = rows.back().header && rows.size() >= 2 ? rows[rows.size() - 2] : rows.back();
      for (const auto& [c, text] : body[lo].pieces)
        if (c < above.cells.size() && c < roles.size() && (roles[c] == Role::kContent || roles[c] == Role::kLabel) &&
            !above.cells[c].text.empty() && !EndsSentence(above.cells[c].text, rules))
          lead_row = true;
    }
    body_seen = true;
    const std::vector<size_t> starts = CutSegment(body, lo, hi, lead_row, width, rules);
    for (size_t s = 0; s < starts.size(); ++s) {
      const size_t end = s + 1 < starts.size() ? starts[s + 1] : hi + 1;
      GridRow row;
      row.cells.resize(width);
      row.after_page_break = s == 0 && after_break;
      for (size_t k = starts[s]; k < end; ++k) {
        const Line& l = lines[body[k].line];
        for (const auto& [c, text] : body[k].pieces)
          if (c < width) AddPiece(row.cells[c], CellAt(lines, l, text));
        if (k == starts[s]) row.span.first_line = l.no;
        row.span.last_line = l.no;
      }
      rows.push_back(std::move(row));
    }
    r = last_row + 1;
  }
  g->rows = std::move(rows);
}

}  // namespace noticetab
