// Reader for columns aligned with spaces, as `pdftotext -layout` and text
// browsers print tables: cells are runs separated by two or more spaces (or
// an ideographic space), placed under the header names by display column
// (CJK characters are two columns wide). A line with nothing under the first
// column continues the row above (a wrapped cell); a blank line ends a row.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

#include "../stages.h"
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers.h"

namespace noticetab {
namespace {

struct Run {
  std::string_view text;
  int col = 0;      // display column where it starts
  int end_col = 0;  // display column just past its last character
};

// The columns a wide (CJK) character takes in the table being cut: 2 where a
// text browser or a monospaced font laid the table out, 1 where pdftotext
// -layout did (each character on one cell of its grid). CutSpaces sets it
// per table (TableCjkWidth); 2 everywhere else.
thread_local int cjk_width = 2;

// CJK radicals (⽼, U+2E80-2FDF: PDF text) are wide as ideographs; a zero-width
// space or joiner takes no column.
int Width(char32_t c) {
  if (c >= 0x200B && c <= 0x200D) return 0;
  return c >= 0x1100 && (IsHan(c) || c >= 0x3000 || (c >= 0x2E80 && c <= 0x2FDF)) ? cjk_width : 1;
}

// Runs of a line split on 2+ spaces or U+3000, with their display columns.
std::vector<Run> Runs(std::string_view line) {
  std::vector<Run> out;
  size_t i = 0, start = std::string_view::npos, last_end = 0;
  int col = 0, start_col = 0, last_col = 0, spaces = 0;
  while (i < line.size()) {
    size_t at = i;
    char32_t c = NextChar(line, i);
    bool space = c == ' ' || c == 0x3000;
    if (space) {
      spaces += c == 0x3000 ? 2 : 1;
      if (start != std::string_view::npos && spaces >= 2) {
        out.push_back({line.substr(start, last_end - start), start_col, last_col});
        start = std::string_view::npos;
      }
    } else {
      if (start == std::string_view::npos) start = at, start_col = col;
      spaces = 0;
      last_end = i;
    }
    col += Width(c);
    if (!space) last_col = col;
  }
  if (start != std::string_view::npos) out.push_back({line.substr(start, last_end - start), start_col, last_col});
  return out;
}

// A column a row may leave blank: a note (备注) or a leader (责任领导).
bool IsNoteRole(Role r) { return r == Role::kNote || r == Role::kLeader; }

// A line with no tab and no pipe mark (punctuation.yaml pipe).
bool Plain(const Line& l, const Rules& rules) {
  return l.tabs == 0 && !rules.punct.pipe.In(l.raw) && !rules.punct.RuledRow(l.raw);
}

// The space-column table's rows as a row-per-line layout sees them (for
// BandRowLine, the group rows the tab reader takes): a row line is a plain
// line of two runs or more; a line of one run inside the table may be a
// wrapped cell, as a tab table's stray line is.
RowLineSyntax BandSyntax(const Rules& rules) {
  RowLineSyntax syntax;
  syntax.layout = "spaces";
  syntax.split = [](const Line& l, std::vector<std::string_view>* out) {
    out->clear();
    for (const Run& r : Runs(l.raw)) out->push_back(r.text);
  };
  syntax.is_row = [&rules](const Line& l) { return l.spaced && Plain(l, rules) && Runs(l.raw).size() >= 2; };
  syntax.stray_joins_above = true;
  return syntax;
}

std::vector<std::string_view> Texts(const std::vector<Run>& runs) {
  std::vector<std::string_view> out;
  for (const auto& r : runs) out.push_back(r.text);
  return out;
}

bool ShortRuns(const std::vector<Run>& runs) {
  // Header names are short (HeaderRole takes none over 8 characters).
  return std::all_of(runs.begin(), runs.end(), [](const Run& r) { return r.text.size() <= 3 * 8; });
}

// The header when lines[at] and lines[at + 1] print one header with its
// names wrapped in two halves (序 over 号, 牵头 over 单位): runs of the two
// lines that overlap in display columns are one column, named top + bottom
// (a run over nothing names a column alone). It is one when neither line is
// a header alone and every joined name is a header name. Each column gives
// its start (the leftmost of its halves) and name; empty when no header.
// Cheap on body lines: a line with a long run is turned down first.
std::vector<std::pair<int, std::string>> WrappedHeader(const std::vector<Line>& lines, size_t at,
                                                       const Rules& rules) {
  if (at + 1 >= lines.size() || !Plain(lines[at + 1], rules) || !lines[at + 1].spaced) return {};
  auto top = Runs(lines[at].raw);
  if (top.size() < 2 || !ShortRuns(top)) return {};
  auto bottom = Runs(lines[at + 1].raw);
  if (bottom.size() < 2 || !ShortRuns(bottom)) return {};
  std::vector<std::pair<int, std::string>> out;
  std::vector<size_t> joined;  // indexes into out of the names made of two halves
  size_t i = 0, j = 0;
  bool bottom_alone = false;  // a bottom run under no top run
  while (i < top.size() || j < bottom.size()) {
    const Run* t = i < top.size() ? &top[i] : nullptr;
    const Run* b = j < bottom.size() ? &bottom[j] : nullptr;
    if (t && b && t->col < b->end_col && b->col < t->end_col) {
      std::string both(t->text);
      both.append(b->text);
      joined.push_back(out.size());
      out.emplace_back(std::min(t->col, b->col), RemoveSpaces(both));
      ++i, ++j;
    } else if (t && (!b || t->col < b->col)) {
      out.emplace_back(t->col, RemoveSpaces(t->text));
      ++i;
    } else {
      out.emplace_back(b->col, RemoveSpaces(b->text));
      bottom_alone = true;
      ++j;
    }
  }
  if (out.size() < 3 || out.size() == top.size() + bottom.size()) return {};  // no halves joined
  // A top line that is a header alone (序号 工作任务 牵头 配合 完成, its short
  // names read by their shape) has the bottom line's halves when each lies
  // under one of its names and completes it to a header name (牵头+单位,
  // 完成+时限); such halves may read as a header by their shapes too (单位
  // 单位 时限).
  if (!HeaderRoles(Texts(top), rules).empty()) {
    if (bottom_alone) return {};
    for (const size_t k : joined)
      if (HeaderRole(out[k].second, rules) == Role::kNone) return {};
  } else if (!HeaderRoles(Texts(bottom), rules).empty()) {
    return {};
  }
  std::vector<std::string_view> names;
  for (const auto& c : out) names.push_back(c.second);
  if (HeaderRoles(names, rules).empty()) return {};
  return out;
}

bool EndsInSeparator(std::string_view s, const Rules& rules) {
  s = Trim(s);
  for (const auto& sep : rules.unit_separators)
    if (s.size() >= sep.size() && s.substr(s.size() - sep.size()) == sep) return true;
  return false;
}

// Whether a unit cell reads as a whole list that a run under it cannot go on:
// no separator at its end, its last name complete, and the run a complete
// name (区公共资源交易 over 中心 is one name wrapped).
// Whether a name is whole: complete, and not looking cut (各乡镇人民 ends
// inside 人民政府).
bool WholeUnit(std::string_view name, const Rules& rules) {
  return IsCompleteUnit(RemoveSpaces(name), rules) && CutSuffix(name, rules).empty();
}

bool FreshUnits(std::string_view above, std::string_view run, const Rules& rules) {
  if (above.empty() || EndsInSeparator(above, rules)) return false;
  const auto a = SplitTopLevel(above, rules), b = SplitTopLevel(run, rules);
  return !a.empty() && !b.empty() && WholeUnit(a.back(), rules) && IsCompleteUnit(RemoveSpaces(b.front()), rules);
}

// A line whose runs are a header again (a page's repeated header): its row;
// none for any other line.
std::optional<GridRow> RepeatedHeader(const std::vector<Line>& lines, const Line& l, const std::vector<Run>& runs,
                                      const Rules& rules) {
  if (runs.size() < 3 || HeaderRoles(Texts(runs), rules).empty()) return std::nullopt;
  GridRow r;
  r.header = true;
  for (const auto& run : runs) r.cells.push_back(CellAt(lines, l, run.text));
  return r;
}

// Whether the header at `header_line` parts its names with ideographic spaces
// only (序号　　工作任务　　责任单位): a web copy's cells joined by U+3000
// runs, not columns aligned by a layout, so rows are read in order.
bool IdeographicHeader(std::string_view header_line) {
  std::string_view t = Trim(header_line);
  return t.find("\xE3\x80\x80") != std::string_view::npos && t.find("  ") == std::string_view::npos;
}

// A table whose cells are parted by ideographic spaces, not aligned
// (IdeographicHeader): each line's runs are its cells in reading order. A line
// of as many runs as the header, or opening with a 序号, starts a row; a
// line of fewer goes on where the line above stopped (its first run ends the
// cell that wrapped, the rest fill the next cells). The table ends at a line
// with nowhere to go (its row complete) or past the header's width.
// A line of fewer runs, short of the header's optional tail only (备注 left
// blank), starts a row too where the open row can take no more of it.
void CutInOrder(const std::vector<Line>& lines, size_t first, size_t width, size_t optional_tail, const Rules& rules,
                Grid* g) {
  const RowLineSyntax syntax = BandSyntax(rules);
  size_t filled = 0;  // cells the open row has reached; 0: none open
  for (size_t i = first; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (EndsTable(l, rules)) break;
    if (l.kind == LineKind::kJunk) continue;
    if (!Plain(l, rules)) break;
    const auto runs = Runs(l.raw);
    if (auto header = RepeatedHeader(lines, l, runs, rules)) {
      g->rows.push_back(std::move(*header));
      filled = 0;
      continue;
    }
    // A group row (一、…, （长期坚持）) between rows, by the tab reader's shapes.
    if (runs.size() == 1 && BandRowLine(lines, i, *g, rules, syntax)) {
      GridRow r;
      r.cells.push_back(CellAt(lines, l, runs.front().text));
      r.span.first_line = r.span.last_line = l.no;
      g->rows.push_back(std::move(r));
      g->span.last_line = l.no;
      filled = 0;
      continue;
    }
    // A deadline alone in brackets (（2024年底前完成）) under a row that has
    // its cells: the row's deadline goes on (or a note over the rows below),
    // no text after the table; kept as a line of no columns, which the
    // interpreter joins to the row above, as the tab reader's stray lines.
    if (runs.size() == 1 && filled > 0 && filled + optional_tail >= width &&
        !DatedBandDeadline(runs.front().text, rules).empty()) {
      GridRow r;
      r.cells.push_back(CellAt(lines, l, runs.front().text));
      r.span.first_line = r.span.last_line = l.no;
      r.unsplit = true;
      g->rows.push_back(std::move(r));
      g->span.last_line = l.no;
      filled = 0;
      continue;
    }
    const bool fits_row = runs.size() >= 2 && runs.size() < width && runs.size() + optional_tail >= width;
    const bool starts = runs.size() == width || (runs.size() > 1 && SeqNumber(runs.front().text)) ||
                        (fits_row && filled > 0 && filled + runs.size() - 1 > width);
    if (starts || filled == 0) {
      if (runs.size() > width || (filled == 0 && !starts && g->rows.size() > 1)) break;
      GridRow r;
      r.span.first_line = l.no;
      r.after_page_break = g->rows.size() > 1 && g->rows.back().header;
      for (const auto& run : runs) r.cells.push_back(CellAt(lines, l, run.text));
      r.span.last_line = l.no;
      g->rows.push_back(std::move(r));
      filled = runs.size();
    } else {
      if (filled == width || filled + runs.size() - 1 > width) break;  // a complete row: text after the table
      // A row with its cells but its blank notes, then a signature (某县人民
      // 政府办公室 / 2024年3月1日) or a date alone: the text after the table.
      if (filled + optional_tail >= width && runs.size() == 1 &&
          (SignatureDate(lines, i, rules) != 0 || ClosingDateLine(lines, i, rules)))
        break;
      GridRow& row = g->rows.back();
      GridCell& c = row.cells[filled - 1];
      AppendPiece(c, CellAt(lines, l, runs.front().text));
      for (size_t k = 1; k < runs.size(); ++k) row.cells.push_back(CellAt(lines, l, runs[k].text));
      filled += runs.size() - 1;
      row.span.last_line = l.no;
    }
    g->span.last_line = l.no;
  }
}

// Whether the header and the rows under it are runs parted by a narrow gap
// (2 to 4 spaces) that do not line up: a web page copied as text, each row
// one line with its cells in reading order (序号  工作任务  责任单位), not
// columns a layout aligned. Rows of one run per column are compared: some
// column starts 5 display columns or more apart in two of them, or, in every
// one of them, a cell runs on past the start of the next column's name (rows
// that line up with each other, not with the header: a cell no column holds).
// A row may leave empty the `optional_tail` columns at the header's end (备注
// left blank: its line has as many runs fewer); only the columns it fills
// are compared.
bool UnalignedRuns(const std::vector<Line>& lines, size_t at, size_t width, size_t optional_tail,
                   const Rules& rules) {
  auto narrow = [](const std::vector<Run>& runs) {
    for (size_t j = 1; j < runs.size(); ++j)
      if (runs[j].col - runs[j - 1].end_col > 4) return false;
    return true;
  };
  const std::vector<Run> header = Runs(lines[at].raw);
  if (!narrow(header)) return false;
  // Rows of one run per column first; rows short of the optional tail only
  // where fewer than two are whole (every 备注 left blank).
  std::vector<std::vector<Run>> rows, short_rows;
  bool short_narrow = true;
  for (size_t i = at + 1; i < lines.size() && i < at + 12 && rows.size() < 6; ++i) {
    if (lines[i].kind == LineKind::kBlank) continue;
    if (!Plain(lines[i], rules) || EndsTable(lines[i], rules)) break;
    auto runs = Runs(lines[i].raw);
    if (runs.size() != width) {
      if (runs.size() < width && runs.size() >= 2 && runs.size() + optional_tail >= width && short_rows.size() < 6) {
        short_narrow = short_narrow && narrow(runs);
        short_rows.push_back(std::move(runs));
      }
      continue;
    }
    if (!narrow(runs)) return false;
    rows.push_back(std::move(runs));
  }
  if (rows.size() < 2) {
    if (!short_narrow) return false;
    for (auto& r : short_rows) rows.push_back(std::move(r));
    if (rows.size() < 2) return false;
  }
  for (size_t j = 1; j < width; ++j) {
    int lo = 1 << 20, hi = -1;
    for (const auto& r : rows)
      if (j < r.size()) lo = std::min(lo, r[j].col), hi = std::max(hi, r[j].col);
    if (hi - lo >= 5) return true;
  }
  return header.size() == width && std::all_of(rows.begin(), rows.end(), [&](const std::vector<Run>& r) {
           for (size_t j = 0; j + 1 < r.size(); ++j)
             if (r[j].end_col > header[j + 1].col + 1) return true;
           return false;
         });
}

// Whether the rows under the header line up (a table converted to text, its
// cells padded with ideographic spaces to their columns, as WPS does): two
// rows of one run per column or more, and every column starts within two
// display columns in all of them. A web copy's cells, parted by a few
// spaces, do not.
bool AlignedRuns(const std::vector<Line>& lines, size_t at, size_t width, const Rules& rules) {
  std::vector<int> lo, hi;
  int rows = 0;
  for (size_t i = at + 1; i < lines.size() && i < at + 12 && rows < 6; ++i) {
    if (lines[i].kind == LineKind::kBlank) continue;
    if (!Plain(lines[i], rules) || EndsTable(lines[i], rules)) break;
    const auto runs = Runs(lines[i].raw);
    if (runs.size() != width) continue;
    if (rows++ == 0) {
      for (const auto& r : runs) lo.push_back(r.col), hi.push_back(r.col);
      continue;
    }
    for (size_t j = 0; j < width; ++j) lo[j] = std::min(lo[j], runs[j].col), hi[j] = std::max(hi[j], runs[j].col);
  }
  if (rows < 2) return false;
  for (size_t j = 1; j < width; ++j)
    if (hi[j] - lo[j] > 2) return false;
  return true;
}

}  // namespace

// Whether Runs(s) (SpaceRunCount) may give three runs or more: that takes two places where
// it splits, each holding two spaces or an ideographic space (a count that
// may be too high, never too low: three spaces count twice).
bool MayHaveThreeRuns(std::string_view s) {
  int splits = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (c != ' ' && c != '\xE3') continue;
    if (c == ' ' ? s[i + 1] == ' ' : s[i + 1] == '\x80' && i + 2 < s.size() && s[i + 2] == '\x80') {
      if (++splits == 2) return true;
    }
  }
  return false;
}

size_t SpaceRunCount(std::string_view line) { return Runs(line).size(); }

std::vector<std::string_view> SpaceRuns(std::string_view line) { return Texts(Runs(line)); }

namespace {

// A ruler line (pandoc's simple and multiline tables: ------ -------- ---):
// its runs of dashes, each the display columns [start, end) of a column; empty
// for any other line. A line of one run is a table's top or bottom rule.
std::vector<std::pair<int, int>> RulerRuns(std::string_view line) {
  std::vector<std::pair<int, int>> out;
  int col = 0, start = -1;
  for (char c : line) {
    if (c == '-') {
      if (start < 0) start = col;
    } else if (c == ' ' || c == '\r') {
      if (start >= 0) out.emplace_back(start, col), start = -1;
    } else {
      return {};
    }
    ++col;
  }
  if (start >= 0) out.emplace_back(start, col);
  if (std::any_of(out.begin(), out.end(), [](const auto& r) { return r.second - r.first < 2; }))
    return {};
  return out;
}

// The rows under a ruler: each line cut at its columns by display column (a
// character belongs to the column it starts in). A line with its first
// column empty goes on with the row above, joined cell by cell (pandoc wraps
// a multiline table's cells in their columns, whatever the gap between
// them); in a multiline table (a rule of one run over the header) a row's
// lines go on up to a blank line. A rule under the rows, or a line across
// the gaps between columns that is no band over a row, ends the table.
bool FitsRuler(std::string_view raw, const std::vector<std::pair<int, int>>& ruler);

// A line cut at the ruler's runs by display column (a character belongs to
// the column it starts in): one trimmed piece per run, into *pieces.
void CutAtRuler(std::string_view raw, const std::vector<std::pair<int, int>>& ruler,
                std::vector<std::string_view>* pieces) {
  pieces->assign(ruler.size(), std::string_view());
  int col = 0;
  size_t k = 0, begin = 0;
  for (size_t b = 0; b < raw.size();) {
    const size_t at = b;
    const char32_t c = NextChar(raw, b);
    while (k + 1 < ruler.size() && col >= ruler[k + 1].first) {
      (*pieces)[k] = Trim(raw.substr(begin, at - begin));
      begin = at, ++k;
    }
    col += Width(c);
  }
  (*pieces)[k] = Trim(raw.substr(begin));
}

// The ruler under lines[at] when lines[at] is a header cut by it: every
// piece a name, the names a header (HeaderRoles), no name across a gap
// (pandoc leaves one space between names that fill their columns). Empty
// otherwise. Cheap on most lines: the next line must open with a dash.
std::vector<std::pair<int, int>> HeaderRuler(const std::vector<Line>& lines, size_t at, const Rules& rules,
                                             std::vector<std::string_view>* names) {
  if (at + 1 >= lines.size()) return {};
  const std::string_view next = Trim(lines[at + 1].raw);
  if (next.empty() || next.front() != '-') return {};
  auto ruler = RulerRuns(lines[at + 1].raw);
  if (ruler.size() < 3 || !FitsRuler(lines[at].raw, ruler)) return {};
  CutAtRuler(lines[at].raw, ruler, names);
  if (std::any_of(names->begin(), names->end(), [](std::string_view n) { return n.empty(); })) return {};
  if (HeaderRoles(*names, rules).empty()) return {};
  return ruler;
}

// Whether a line's words keep out of the gaps between the ruler's runs (a
// row's cells stay in their columns; a paragraph after the table, or a band
// spanning it, runs across them).
bool FitsRuler(std::string_view raw, const std::vector<std::pair<int, int>>& ruler) {
  int col = 0;
  for (size_t b = 0; b < raw.size();) {
    const char32_t c = NextChar(raw, b);
    const int w = Width(c);
    if (c != ' ' && c != '\r')
      for (size_t k = 0; k + 1 < ruler.size(); ++k)
        if (col < ruler[k + 1].first && col + w > ruler[k].second) return false;
    col += w;
  }
  return true;
}

void CutByRuler(const std::vector<Line>& lines, size_t first,
                const std::vector<std::pair<int, int>>& ruler, bool multiline, const Rules& rules,
                Grid* g) {
  bool open = false, blank = false;
  std::vector<std::string_view> pieces;
  for (size_t i = first; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) {
      open = false;
      blank = true;
      continue;
    }
    const bool after_blank = std::exchange(blank, false);
    if (EndsTable(l, rules) || !Plain(l, rules)) break;
    if (l.kind == LineKind::kJunk) continue;
    if (const auto rule = RulerRuns(l.raw); !rule.empty()) {
      if (g->rows.size() > 1) break;  // the table's closing rule
      continue;
    }
    if (!FitsRuler(l.raw, ruler)) {
      // A band across the table (一、民生保障) over a row that fits: a row of
      // one cell. Anything else across the gaps is text after the table.
      size_t j = i + 1;
      while (j < lines.size() && lines[j].kind == LineKind::kBlank) ++j;
      if (l.kind != LineKind::kHeading || j >= lines.size() || !Plain(lines[j], rules) ||
          lines[j].kind == LineKind::kHeading || !FitsRuler(lines[j].raw, ruler))
        break;
      GridRow band;
      band.cells.push_back(CellAt(lines, l, l.text));
      band.span.first_line = band.span.last_line = l.no;
      g->rows.push_back(std::move(band));
      g->span.last_line = l.no;
      open = false;
      continue;
    }
    CutAtRuler(l.raw, ruler, &pieces);
    // A line with its first column empty goes on with the row above (a
    // cell wrapped); one with it filled opens a row, except right under a
    // line of a multiline table's row (a first column wrapped too).
    const bool goes_on = open && (pieces[0].empty() || (multiline && !after_blank));
    if (!goes_on) {
      GridRow r;
      r.cells.resize(ruler.size());
      r.span.first_line = l.no;
      g->rows.push_back(std::move(r));
      open = true;
    }
    GridRow& row = g->rows.back();
    for (size_t j = 0; j < pieces.size(); ++j) {
      if (pieces[j].empty()) continue;
      AddPiece(row.cells[j], CellAt(lines, l, pieces[j]));
    }
    row.span.last_line = l.no;
    g->span.last_line = l.no;
  }
}

// A body row's empty cells at its end (a column the row leaves empty) are
// no cells of it.
void DropEmptyTails(Grid* g) {
  for (auto& r : g->rows)
    while (!r.header && !r.cells.empty() && r.cells.back().text.empty()) r.cells.pop_back();
}

}  // namespace

// Calls f with every run of the table's lines from lines[from] on (at most
// `limit` lines), past blank and junk lines, up to what ends the table or is
// no plain line.
template <typename F>
void ForTableRuns(const std::vector<Line>& lines, size_t from, size_t limit, const Rules& rules, F&& f) {
  for (size_t i = from; i < lines.size() && i < from + limit; ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules) || !Plain(l, rules)) break;
    for (const Run& r : Runs(l.raw)) f(r);
  }
}

// Whether the table under the header at lines[at] was laid out with a wide
// character one column wide (pdftotext -layout) rather than two: the width
// under which the runs of the lines under the header start nearer the
// header's columns (the sum of each run's distance to the nearest, over the
// first 30 lines), by half. A wrapped content cell moves the next cells of its line
// right by as many columns as it has characters under the wrong width.
int TableCjkWidth(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  long score[3] = {0, 0, 0};
  for (int w : {2, 1}) {
    cjk_width = w;
    std::vector<int> cols;
    if (const auto names = WrappedHeader(lines, at, rules); !names.empty())
      for (const auto& n : names) cols.push_back(n.first);
    else
      for (const Run& r : Runs(lines[at].raw)) cols.push_back(r.col);
    ForTableRuns(lines, at + 1, 30, rules, [&](const Run& r) {
      int best = 1 << 20;
      for (int c : cols) best = std::min(best, std::abs(r.col - c));
      score[w] += best;
    });
  }
  cjk_width = 2;
  // Centred header names leave every table some distance: one width only
  // where it halves it.
  return 2 * score[1] < score[2] ? 1 : 2;
}

bool DetectSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.spaced && Plain(l, rules)) {
    std::vector<std::string_view> names;
    if (!HeaderRuler(lines, at, rules, &names).empty()) return true;
  }
  // A text without a space is one run (the line's indent makes none).
  if (!l.spaced || !MayHaveThreeRuns(l.raw) || !Plain(l, rules)) return false;
  auto runs = Runs(l.raw);
  return runs.size() >= 3 && (!HeaderRoles(Texts(runs), rules).empty() || !WrappedHeader(lines, at, rules).empty());
}

Grid CutSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g;
  g.layout = "spaces";
  // A ruler under the header gives the columns exactly (pandoc), the
  // header's too.
  std::vector<std::string_view> names;
  if (const auto ruler = HeaderRuler(lines, at, rules, &names); !ruler.empty()) {
      GridRow h;
      h.header = true;
      for (std::string_view n : names) h.cells.push_back(CellAt(lines, lines[at], n));
      h.span.first_line = h.span.last_line = lines[at].no;
      g.rows.push_back(std::move(h));
      g.span = g.rows.front().span;
      size_t above = at;  // the line over the header, past blank ones
      while (above > 0 && lines[above - 1].kind == LineKind::kBlank) --above;
      const bool multiline = above > 0 && RulerRuns(lines[above - 1].raw).size() == 1;
      CutByRuler(lines, at + 2, ruler, multiline, rules, &g);
      DropEmptyTails(&g);
      return g;
    }
  // The table's own character width, for every column this cut reads.
  struct WidthScope {
    explicit WidthScope(int w) { cjk_width = w; }
    ~WidthScope() { cjk_width = 2; }
  } width_scope(TableCjkWidth(lines, at, rules));
  auto header = Runs(lines[at].raw);
  std::vector<int> cols;
  size_t first = at + 1;  // the first line after the header
  // A header wrapped over two lines, as one row whose cells span both.
  auto wrapped_row = [&](size_t i, const std::vector<std::pair<int, std::string>>& names) {
    GridRow r;
    r.header = true;
    for (const auto& n : names) {
      GridCell& c = r.cells.emplace_back();
      c.text = n.second;
      c.span.first_line = lines[i].no;
      c.span.last_line = lines[i + 1].no;
    }
    r.span.first_line = lines[i].no;
    r.span.last_line = lines[i + 1].no;
    return r;
  };
  if (auto names = WrappedHeader(lines, at, rules); !names.empty()) {
    for (const auto& n : names) cols.push_back(n.first);
    g.rows.push_back(wrapped_row(at, names));
    first = at + 2;
  } else {
    GridRow h;
    h.header = true;
    for (const auto& r : header) {
      cols.push_back(r.col);
      h.cells.push_back(CellAt(lines, lines[at], r.text));
    }
    h.span.first_line = h.span.last_line = lines[at].no;
    g.rows.push_back(std::move(h));
  }
  g.span = g.rows.front().span;
  // A header name parted into two or more under it (责任单位 over 牵头单位
  // and 配合单位, a header printed on two lines): the names under it are
  // the columns, where every name of the line under the header is a header
  // name and the name over it (the one whose centre is nearest) parts.
  if (first == at + 1 && header.size() == cols.size() && first < lines.size() && Plain(lines[first], rules) &&
      lines[first].spaced) {
    const auto under = Runs(lines[first].raw);
    std::vector<size_t> parent(under.size(), cols.size());
    std::vector<int> count(cols.size(), 0);
    bool names = under.size() >= 2 && ShortRuns(under);
    for (size_t u = 0; names && u < under.size(); ++u) {
      names = HeaderRole(under[u].text, rules) != Role::kNone;
      int best = 1 << 30;
      for (size_t k = 0; k < header.size(); ++k)
        if (const int d = std::abs((header[k].col + header[k].end_col) - (under[u].col + under[u].end_col)); d < best)
          best = d, parent[u] = k;
      ++count[parent[u]];
    }
    for (size_t u = 0; names && u < under.size(); ++u) names = parent[u] < cols.size() && count[parent[u]] >= 2;
    if (names) {
      GridRow& h = g.rows.back();
      std::vector<int> new_cols;
      std::vector<GridCell> cells;
      for (size_t k = 0; k < cols.size(); ++k) {
        if (count[k] == 0) {
          new_cols.push_back(cols[k]);
          cells.push_back(std::move(h.cells[k]));
          continue;
        }
        for (size_t u = 0; u < under.size(); ++u)
          if (parent[u] == k) {
            new_cols.push_back(under[u].col);
            cells.push_back(CellAt(lines, lines[first], under[u].text));
          }
      }
      cols = std::move(new_cols);
      h.cells = std::move(cells);
      h.span.last_line = lines[first].no;
      g.span.last_line = lines[first].no;
      ++first;
    }
  }
  if (first == at + 1) {
    // The header's last columns a row may leave empty (备注, 责任领导): a row
    // read in order then has as many runs fewer.
    std::vector<std::string_view> names;
    for (const auto& c : g.rows.front().cells) names.push_back(c.text);
    const std::vector<Role> header_roles = HeaderRoles(names, rules);
    size_t optional_tail = 0;
    while (optional_tail < header_roles.size() &&
           IsNoteRole(header_roles[header_roles.size() - 1 - optional_tail]))
      ++optional_tail;
    if ((IdeographicHeader(lines[at].raw) && !AlignedRuns(lines, at, cols.size(), rules)) ||
        UnalignedRuns(lines, at, cols.size(), optional_tail, rules)) {
      CutInOrder(lines, first, cols.size(), optional_tail, rules, &g);
      return g;
    }
  }
  // Header names are often centred over their columns, data left-aligned:
  // the first data line with a run for every column gives the column starts.
  auto align = [&](size_t from) {
    for (size_t i = from; i < lines.size() && i < from + 5; ++i) {
      if (!Plain(lines[i], rules)) break;
      auto runs = Runs(lines[i].raw);
      if (runs.size() != cols.size()) continue;
      for (size_t j = 0; j < runs.size(); ++j) cols[j] = std::min(cols[j], runs[j].col);
      break;
    }
  };
  align(first);
  // The column a run belongs to: the last column starting at or left of it
  // (a centred cell may start a little right of its column start).
  auto column_of = [&](const Run& r) {
    size_t k = 0;
    for (size_t j = 0; j < cols.size(); ++j)
      if (cols[j] <= r.col + 1) k = j;
    return k;
  };
  std::vector<Role> roles = HeaderRoles(g.rows.front().cells.size() == cols.size() ? [&] {
    std::vector<std::string_view> names;
    for (const auto& c : g.rows.front().cells) names.push_back(c.text);
    return names;
  }() : std::vector<std::string_view>{}, rules);
  auto role_of = [&](size_t k) { return k < roles.size() ? roles[k] : Role::kNone; };
  // Whether a line under an open row starts a row of its own although its
  // first column is empty (the group label of a merged first column is
  // printed on its group's first row only): a cell of it cannot go on from
  // the same cell above. A second whole deadline does not; nor does a unit
  // name under a whole unit list while the content above ended its sentence.
  auto starts_row = [&](const std::vector<Run>& runs, const GridRow& row) {
    bool fresh_units = false, content = false, content_ended = true;
    for (const auto& run : runs) {
      const size_t k = column_of(run);
      const std::string_view above = row.cells[k].text;
      switch (role_of(k)) {
        case Role::kDeadline:
          if (!above.empty() && ClassifyCell(above, rules) == CellShape::kDeadline &&
              ClassifyCell(run.text, rules) == CellShape::kDeadline && !DeadlineReadsAcross(above, run.text, rules))
            return true;
          break;
        case Role::kUnits:
        case Role::kLead:
        case Role::kSupport:
          fresh_units = fresh_units || FreshUnits(above, run.text, rules);
          break;
        case Role::kContent:
          content = true;
          content_ended = above.empty() || EndsSentence(above, rules);
          break;
        default:
          break;
      }
    }
    return fresh_units && content && content_ended;
  };
  // Whether a line whose first column is a label (工作任务) only wraps the
  // label above: no unit or deadline cell of its own, and the label above
  // and the content above not ended.
  auto wraps_label = [&](const std::vector<Run>& runs, const GridRow& row) {
    if (role_of(0) != Role::kLabel || row.cells[0].text.empty() || EndsSentence(row.cells[0].text, rules))
      return false;
    for (const auto& run : runs) {
      const Role r = role_of(column_of(run));
      if (IsUnitRole(r) || r == Role::kDeadline) return false;
      if (r == Role::kContent && EndsSentence(row.cells[column_of(run)].text, rules)) return false;
    }
    return true;
  };
  // Whether the lines from i on (nothing in the first column) run down to
  // the next numbered line (序号 one past the last row's): the top of a row
  // whose cells are centred on its 序号 line, or a cell wrapped past a blank
  // line; no text after the table.
  auto tops_numbered_row = [&](size_t i) {
    if (role_of(0) != Role::kSeq) return false;
    std::optional<int> last;
    for (size_t r = g.rows.size(); r-- > 0 && !last;)
      if (!g.rows[r].header && !g.rows[r].cells.empty()) last = SeqNumber(g.rows[r].cells.front().text);
    if (!last) return false;
    for (size_t j = i; j < lines.size() && j < i + 8; ++j) {
      if (lines[j].kind == LineKind::kBlank) continue;
      if (!Plain(lines[j], rules)) return false;
      const auto runs = Runs(lines[j].raw);
      if (runs.empty()) return false;
      if (column_of(runs.front()) == 0) return SeqNumber(runs.front().text) == *last + 1;
    }
    return false;
  };
  std::vector<ColumnLine> body;  // every body line, for CentreRows
  std::vector<int> ends;          // the open row's cells: where each one's text reaches
  // How far each column's lines reach, over the table's lines (once, when asked).
  std::vector<int> widest_cols;
  auto widest = [&]() -> const std::vector<int>& {
    if (!widest_cols.empty()) return widest_cols;
    widest_cols.assign(cols.size(), 0);
    ForTableRuns(lines, first, 400, rules, [&](const Run& r) {
      int& w = widest_cols[column_of(r)];
      w = std::max(w, r.end_col);
    });
    return widest_cols;
  };
  int blank_rows = 0, tight_rows = 0;  // body rows started after a blank line, and right under a row
  bool blank_first = false;             // a blank line between the header and the first row
  // Whether a line whose first column is filled goes on with the row above
  // in every cell it fills, with no 序号 to start a row (工作任务 first): a
  // text that did not end its sentence (…常态化整治，对 / 全县42条河道…), a
  // unit name cut short (各乡镇人民 / 政府), a deadline read across the two
  // (2025年6月 / 底前). Else the tails of cut cells started rows of their own.
  auto continues_row = [&](size_t i, const std::vector<Run>& runs, const GridRow& row) {
    if (role_of(0) == Role::kSeq) return false;
    for (const auto& run : runs) {
      const size_t k = column_of(run);
      const std::string_view above = row.cells[k].text;
      if (above.empty()) return false;
      const Role r = role_of(k);
      if (r == Role::kLabel || r == Role::kContent) {
        if (EndsSentence(above, rules)) return false;
      } else if (IsUnitRole(r)) {
        // The name above cut short, or this line's first name a tail no unit
        // is named by alone (公室 under 县河长制办: two characters, not listed,
        // not opening as a unit does).
        const auto names = SplitTopLevel(above, rules), below = SplitTopLevel(run.text, rules);
        const bool tail = !below.empty() && CharCountUpTo(RemoveSpaces(below.front()), 3) <= 2 &&
                          !rules.short_names.count(RemoveSpaces(below.front())) &&
                          !StartsLikeUnit(RemoveSpaces(below.front()), rules);  // 县委, 各镇: names of their own
        if (!EndsInSeparator(above, rules) && !tail &&
            (names.empty() || WholeUnit(names.back(), rules)))
          return false;
      } else if (r == Role::kDeadline) {
        if (!DeadlineReadsAcross(above, run.text, rules)) return false;
      } else {
        return false;
      }
    }
    // A text alone goes on only where the rows are set apart by blank lines:
    // none started right under another, and the lines down to the next blank
    // one are texts alone too (…村级河长每周不 / 少于1次。 / blank).
    if (runs.size() >= 2) return true;
    if (tight_rows > 0 || !(blank_rows > 0 || blank_first)) return false;
    size_t j = i + 1;
    for (; j < lines.size() && j < i + 8 && lines[j].kind != LineKind::kBlank; ++j)
      if (!Plain(lines[j], rules) || Runs(lines[j].raw).size() != 1) return false;
    return j < lines.size() && lines[j].kind == LineKind::kBlank;
  };
  bool open = false;  // the last row may still take continuation lines
  bool blank = false;  // a blank line since the last body line
  for (size_t i = first; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) {
      open = false;
      blank = true;
      continue;
    }
    if (EndsTable(l, rules)) break;
    if (l.kind == LineKind::kJunk) continue;
    if (!Plain(l, rules)) break;
    auto runs = Runs(l.raw);
    if (runs.size() >= 2 && ShortRuns(runs)) {
      if (auto names = WrappedHeader(lines, i, rules); !names.empty()) {  // the same, wrapped
        g.rows.push_back(wrapped_row(i, names));
        if (names.size() == cols.size()) {
          for (size_t j = 0; j < names.size(); ++j) cols[j] = names[j].first;
          align(i + 2);
        }
        g.span.last_line = lines[i + 1].no;
        ++i;
        open = false;
        continue;
      }
    }
    if (auto header = RepeatedHeader(lines, l, runs, rules)) {
      GridRow& r = *header;
      // Each page lays its columns out anew (a wider content column moves
      // the units): the rows under a repeated header are cut by it.
      if (runs.size() == cols.size()) {
        for (size_t j = 0; j < runs.size(); ++j) cols[j] = runs[j].col;
        align(i + 1);
      }
      g.rows.push_back(std::move(r));
      open = false;
      continue;
    }
    // A line right over a repeated header (the title a page prints atop, a
    // running header) is page furniture, no cell: the row above may go on
    // under the header. It is told from a row's last line by its place:
    // under the page number that ends the page above, or across a column's
    // start, where no cell reaches.
    auto furniture_place = [&] {
      size_t k = i;
      while (k > first && lines[k - 1].kind == LineKind::kBlank) --k;
      if (k > first && lines[k - 1].kind == LineKind::kJunk) return true;
      for (const auto& run : runs) {
        const size_t c = column_of(run);
        if (c + 1 < cols.size() && run.end_col > cols[c + 1]) return true;
      }
      return false;
    };
    if (runs.size() <= 2 && g.rows.size() > 1 && furniture_place()) {
      size_t j = i + 1;
      while (j < lines.size() && j < i + 4 && (lines[j].kind == LineKind::kBlank || lines[j].kind == LineKind::kJunk)) ++j;
      if (j < lines.size() && j < i + 4 && Plain(lines[j], rules) && lines[j].spaced && MayHaveThreeRuns(lines[j].raw)) {
        auto next = Runs(lines[j].raw);
        if ((next.size() >= 3 && !HeaderRoles(Texts(next), rules).empty()) ||
            (ShortRuns(next) && !WrappedHeader(lines, j, rules).empty()))
          continue;
      }
    }
    bool first_col = !runs.empty() && column_of(runs.front()) == 0;
    // The body's next heading (二、 after the 一、 over a table in the body,
    // or after a band 二、 of the table), with no row under it: the notice
    // goes on, not a band of the table.
    if (runs.size() == 1 && g.rows.size() > 1 && l.kind == LineKind::kHeading && NextBodyHeading(lines, i, i, rules)) {
      const size_t j = PastBlank(lines, i + 1);
      if (j >= lines.size() || Runs(lines[j].raw).size() < 2) break;
    }
    // A deadline alone in brackets (（2024年底前完成）) in the first column
    // under a body row: the row's deadline goes on (or a note over the rows
    // below), as CutInOrder reads it; a line of no columns for the
    // interpreter to join, and the row closed.
    // (Under a band, a row of one cell, or the header, it dates the rows
    // below: a group label, read so as before.)
    if (runs.size() == 1 && first_col && g.rows.size() > 1 && !g.rows.back().header && !g.rows.back().unsplit &&
        std::count_if(g.rows.back().cells.begin(), g.rows.back().cells.end(),
                      [](const GridCell& c) { return !c.text.empty(); }) >= 2 &&
        !DatedBandDeadline(runs.front().text, rules).empty()) {
      GridRow r;
      r.cells.push_back(CellAt(lines, l, runs.front().text));
      r.span.first_line = r.span.last_line = l.no;
      r.unsplit = true;
      g.rows.push_back(std::move(r));
      g.span.last_line = l.no;
      open = false;
      blank = false;
      continue;
    }
    // Text after the table; under a repeated header, the rest of a row the
    // page break cut (the interpreter joins it).
    if (runs.size() == 1 && !open && g.rows.size() > 1 && !first_col && !g.rows.back().header &&
        !tops_numbered_row(i))
      break;
    if (!open || (first_col ? !wraps_label(runs, g.rows.back()) && !continues_row(i, runs, g.rows.back())
                            : starts_row(runs, g.rows.back()))) {
      GridRow r;
      r.cells.resize(cols.size());
      r.span.first_line = l.no;
      r.after_page_break = g.rows.size() > 1 && g.rows.back().header;
      if (!g.rows.back().header) ++(blank ? blank_rows : tight_rows);
      else if (g.rows.size() == 1) blank_first = blank;
      g.rows.push_back(std::move(r));
      open = true;
    }
    GridRow& row = g.rows.back();
    ColumnLine& entry = body.emplace_back();
    entry.line = i;
    entry.row = g.rows.size() - 1;
    entry.after_blank = std::exchange(blank, false);
    if (row.cells.size() != ends.size() || row.span.first_line == l.no) ends.assign(row.cells.size(), 0);
    for (const auto& run : runs) {
      const size_t k = column_of(run);
      GridCell& c = row.cells[k];
      // A whole unit name under a whole unit list that ended short of the
      // column's width (the farthest any of its lines reaches: 农田建设管理科 /
      // 计划财务科 where 各县（市、区）农业 / 农村局 fills it): a line break the
      // writer put between two names, not a wrap.
      if (IsUnitRole(role_of(k)) && !c.text.empty() && ends[k] > 0 && ends[k] + cjk_width <= widest()[k] &&
          FreshUnits(c.text, run.text, rules))
        c.text += rules.punct.list_joiner;
      AddPiece(c, CellAt(lines, l, run.text));
      ends[k] = std::max(ends[k], run.end_col);
      entry.pieces.emplace_back(k, run.text);
    }
    row.span.last_line = l.no;
    g.span.last_line = l.no;
  }
  if (role_of(0) == Role::kSeq) CentreRows(lines, body, roles, rules, &g);
  DropEmptyTails(&g);
  return g;
}

}  // namespace noticetab
