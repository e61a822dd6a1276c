// Reader for tables flattened to one cell per line: web pages (one <p> per
// cell) and Word exports (each cell a tab-prefixed line, blank lines between
// rows). Rows are rebuilt from the cell stream by cell shape: labels, then
// the content, then the unit and deadline cells.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

#include "noticetab/classify.h"
#include "noticetab/clauses.h"
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "readers.h"
#include "noticetab/text.h"
#include "../stages.h"

namespace noticetab {
namespace {

// Number of pipes when the line holds nothing else ("|", "|||"), else 0.
int PipeOnly(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return 0;
  for (char c : s)
    if (c != '|' && c != ' ') return 0;
  return static_cast<int>(std::count(s.begin(), s.end(), '|'));
}

// A cell line may end in " |" (cells scraped with their separators).
std::string_view StripTrailingPipe(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && s.back() == '|') s = Trim(s.substr(0, s.size() - 1));
  return s;
}

// A line between header names: blank, or a separator ("|").
bool HeaderGap(const Line& l) { return l.kind == LineKind::kBlank || PipeOnly(l.text) == 1; }

// A line of one cell, tab-prefixed when the stream is.
bool OneCell(const Line& l, bool prefixed) {
  const bool is_prefixed = !l.raw.empty() && l.raw[0] == '\t';
  return l.tabs <= (is_prefixed ? 1 : 0) && is_prefixed == prefixed;
}

// Whether the next cell line from lines[k] names a header role.
bool NamedNext(const std::vector<Line>& lines, size_t k, const Rules& rules, bool prefixed) {
  while (k < lines.size() && HeaderGap(lines[k])) ++k;
  return k < lines.size() && OneCell(lines[k], prefixed) && HeaderRole(lines[k].text, rules) != Role::kNone;
}

// How many names no rule knows run from lines[k] on to the first row's 序号
// (姓名 / 职务 / 联系电话 after 序号 / 单位: a contact list), where the first
// row (its 1 up to the 2) has a cell for each of the `named` names before them
// and each of them: 0 when anything else comes first, or the row has another
// width (a band's name, 营商环境类, before a row of the named columns only).
// Those names are the header's, not the first row's cells.
size_t NamesBeforeFirstSeq(const std::vector<Line>& lines, size_t k, size_t named, const Rules& rules,
                           bool prefixed) {
  constexpr size_t kMaxNames = 8;
  size_t names = 0;
  std::optional<int> first;  // the first row's number (1, or where a copy starts: 2, 1., （一）)
  bool band = false;         // a group's heading (一、营商环境类) between the names and the first row
  for (; k < lines.size() && names <= kMaxNames; ++k) {
    if (HeaderGap(lines[k])) continue;
    if (!OneCell(lines[k], prefixed)) return 0;
    if ((first = RowNumber(lines[k].text, rules))) break;
    if (lines[k].kind == LineKind::kHeading && names > 0) {
      band = true;
      continue;
    }
    if (band || HeaderRole(lines[k].text, rules) != Role::kNone || !OtherHeaderName(lines[k].text, rules)) return 0;
    ++names;
  }
  if (!first || names == 0 || names > kMaxNames) return 0;
  // The first row ends at the next number, or at the text's end (a table of
  // one row), or at the next group's heading.
  const size_t width = named + names;
  size_t cells = 0;
  for (; k < lines.size() && cells <= width; ++k) {
    if (HeaderGap(lines[k])) continue;
    if (!OneCell(lines[k], prefixed)) return 0;
    if (cells > 0 && (RowNumber(lines[k].text, rules) == *first + 1 || lines[k].kind == LineKind::kHeading)) break;
    ++cells;
  }
  return cells == width ? names : 0;
}

// The header run starting at lines[at]: consecutive one-cell lines (blank lines
// between them allowed) that name header roles. Returns the index past it.
size_t HeaderRun(const std::vector<Line>& lines, size_t at, const Rules& rules, bool prefixed,
                 std::vector<Role>* roles) {
  size_t i = at;
  std::vector<Role> found;
  int other = 0;  // names no rule knows, as note columns
  size_t trailing = 0;  // names no rule knows seen to run on to the first row
  size_t first_name = at;
  while (i < lines.size()) {
    const Line& l = lines[i];
    if (HeaderGap(l)) {
      ++i;
      continue;
    }
    if (!OneCell(l, prefixed)) break;
    Role r = HeaderRole(l.text, rules);
    if (r == Role::kNone) {
      // A name no rule knows (佐证材料) stays in the header when a name with
      // a role follows it: the first cells of the body (1, a task's title)
      // never sit between header names. Nor do they between the names
      // that end a 序号 header and the first row's 1: those names count too.
      if (trailing == 0 && !found.empty() && found.front() == Role::kSeq && OtherHeaderName(l.text, rules) &&
          !NamedNext(lines, i + 1, rules, prefixed))
        trailing = NamesBeforeFirstSeq(lines, i, found.size(), rules, prefixed);
      if (trailing > 0)
        --trailing;
      else if (found.empty() || !OtherHeaderName(l.text, rules) || !NamedNext(lines, i + 1, rules, prefixed))
        break;
      r = Role::kNote;
      ++other;
    }
    if (found.empty()) first_name = i;
    found.push_back(r);
    ++i;
  }
  if (found.size() < 2) return at;
  // A period's column (3月, 2025年6月份: headers.yaml's milestone shape) is
  // one of a run of periods (一季度 | 二季度); one alone before the names is
  // the row above's date cell, not the header's first name.
  if (found[0] == Role::kNote && found[1] != Role::kNote && !MilestonePeriod(lines[first_name].text, rules).empty())
    return at;
  bool core = std::any_of(found.begin(), found.end(),
                          [](Role r) { return r == Role::kContent || r == Role::kUnits || r == Role::kLead; });
  // A task table names who or when: lines that only name contents (工作目标,
  // 主要任务: a plan's unnumbered headings) are no header.
  const bool assigns = core && std::any_of(found.begin(), found.end(), [](Role r) {
    return IsUnitRole(r) || r == Role::kDeadline || r == Role::kLeader;
  });
  if (!assigns || (other > 0 && !HeaderTolerates(found, other))) return at;
  PromoteContentColumn(found);
  if (roles) *roles = found;
  while (i > at && lines[i - 1].kind == LineKind::kBlank) --i;
  return i;
}

// A header name split over two lines (牵头 / 部门, 完成 / 时限: a narrow
// column wraps its name): two neighbouring names whose join is a listed name
// while the first alone is not become one header cell, so the header counts
// as many names as the rows have cells.
void JoinSplitHeaderNames(std::vector<GridCell>& cells, const Rules& rules) {
  for (size_t k = 0; k + 1 < cells.size(); ++k) {
    if (CharCountUpTo(cells[k].text, 5) > 4 || CharCountUpTo(cells[k + 1].text, 5) > 4) continue;
    const std::string joined = cells[k].text + cells[k + 1].text;
    if (HeaderNameListed(cells[k].text, rules) || !HeaderNameListed(joined, rules)) continue;
    cells[k].text = joined;
    cells[k].span.Cover(cells[k + 1].span);
    cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
}

// Whether a header run found at lines[at] (its roles) has right above it a
// name no rule knows while it names no unit (阶段 over 时间 / 工作内容: a
// 时间安排): that name is the header's first, which the run could not start
// with, and the header names no one: the table is no task table (as a
// tab-separated one is not read).
bool NamesNoOne(const std::vector<Line>& lines, size_t at, const Rules& rules, bool prefixed,
                const std::vector<Role>& roles) {
  if (at == 0 || std::any_of(roles.begin(), roles.end(), [](Role r) { return IsUnitRole(r); })) return false;
  const Line& above = lines[at - 1];
  return OneCell(above, prefixed) && above.kind == LineKind::kText && HeaderRole(above.text, rules) == Role::kNone &&
         OtherHeaderName(above.text, rules);
}

bool Detect(const std::vector<Line>& lines, size_t at, const Rules& rules, bool prefixed) {
  std::vector<Role> roles;
  return HeaderRun(lines, at, rules, prefixed, &roles) > at && !NamesNoOne(lines, at, rules, prefixed, roles);
}

// The body's first line past blank ones and its 序号, when it is one (1):
// where a table of numbered rows starts. None when it is no 序号.
std::optional<std::pair<size_t, int>> FirstRow(const std::vector<Line>& lines, size_t from, const Rules& rules) {
  const size_t j = PastBlank(lines, from);
  if (j >= lines.size()) return std::nullopt;
  const auto seq = RowNumber(lines[j].text, rules);
  if (!seq) return std::nullopt;
  return std::pair{j, *seq};
}

// Whether each cell of rows read by place fits its column: a content cell
// ending mid-sentence (，) goes on in the next cell,
// a unit cell holding a date is a row shifted by a missing cell (a wrapped
// cell and a missing one cancel in the count). A sentence in a unit cell
// (各乡镇按属地负责) or a deadline cell of words (根据省市部署) is no such sign.
bool PlacedCellsFit(const std::vector<Line>& lines, const std::vector<size_t>& starts,
                    const std::vector<Role>& roles, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  for (const size_t s : starts)
    for (size_t t = 1; t < roles.size(); ++t) {
      const std::string_view cell = Trim(lines[s + t].text);
      if (cell.empty() || rules.IsNoneCell(cell)) continue;
      const Role r = roles[t];
      if (r == Role::kContent && (pu.comma.Ends(cell) || pu.enumeration.Ends(cell))) return false;
      if (IsUnitRole(r) && ClassifyCell(cell, rules) == CellShape::kDeadline) return false;
    }
  return true;
}

// A cell-per-line body whose rows, each opened by its 序号 line (1, 2, 3 …),
// are exactly as many lines as the header has names, blank lines counted:
// a web page that kept each empty (merged) cell as an empty paragraph, or
// one with no empty cell. The blank lines are then the rows' empty cells and
// a cell's column is its place in the row, which the cells' shapes cannot
// tell (an empty 牵头单位 before a 配合单位). Returns the
// lines the rows start at; none when any row is not so (a cell wrapped into
// two paragraphs, a row without its number, a separator line), and the
// stream is read by shape. The table ends with its last such row.
std::vector<size_t> PositionalRows(const std::vector<Line>& lines, size_t from, size_t width, const Rules& rules,
                                   const std::vector<Role>& roles) {
  std::vector<size_t> starts;
  if (width < 3) return starts;
  const auto first = FirstRow(lines, from, rules);
  if (!first) return starts;
  size_t j = first->first;
  const std::optional<int> seq = first->second;
  size_t blanks = 0;
  for (int v = *seq;; ++v) {
    if (j + width > lines.size()) return {};
    // The next row's number inside the row is a cell of a column the header
    // names for no task field (数量（个）: 二, 十), where the row's width
    // ends at the next number too (or the text, or a blank line): the row's
    // quantity, not a row of two cells.
    const bool ends_aligned = j + width == lines.size() || lines[j + width].kind == LineKind::kBlank ||
                              RowNumber(lines[j + width].text, rules) == v + 1;
    for (size_t t = 1; t < width; ++t) {
      const Line& l = lines[j + t];
      if (l.kind == LineKind::kBlank) {
        ++blanks;
        continue;
      }
      if (l.kind == LineKind::kJunk || PipeOnly(l.text) || EndsTable(l, rules)) return {};
      if (RowNumber(l.text, rules) == v + 1 &&
          !(ends_aligned && t < roles.size() && (roles[t] == Role::kNote || roles[t] == Role::kNone)))
        return {};
    }
    starts.push_back(j);
    j += width;
    // Blank lines between rows (a Word export's paragraph after each row):
    // past them the next row's number, where the row is whole without them.
    if (const size_t next = PastBlank(lines, j);
        next > j && next < lines.size() && RowNumber(lines[next].text, rules) == v + 1 &&
        (j == lines.size() || RowNumber(lines[j].text, rules) != v + 1))
      j = next;
    if (j >= lines.size() || RowNumber(lines[j].text, rules) != v + 1) {
      // More rows after the last regular one (a row of another shape): the
      // whole body is read by shape.
      for (size_t k = j; k < lines.size() && k < j + 2 * width && !EndsTable(lines[k], rules); ++k)
        if (RowNumber(lines[k].text, rules) == v + 1) return {};
      break;
    }
  }
  // With no blank line the stream's shapes could read the rows too, but not
  // a column they cannot tell (a leader 王丽（副县长） beside the content, a
  // count 3所 read as a unit): three rows of exactly the header's cells, each
  // opened by the next 序号, say the cells are placed.
  // Two rows do where the header names three text columns or more after
  // the 序号 (重点任务 | 年度目标 | 推进举措, named or not): shapes cannot tell
  // one text cell from the next, so a shape-read row joins them.
  const auto texts = std::count_if(roles.begin() + 1, roles.end(), [](Role r) {
    return r == Role::kContent || r == Role::kLabel || r == Role::kNote || r == Role::kNone;
  });
  // So do they where a column the header names for no task field comes
  // after a unit column (责任单位 | 参会范围): a unit-like cell of it
  // (各中小学校长) reads by its shape as more of the units.
  bool after_units = false;
  for (size_t t = 1; t + 1 < roles.size() && !after_units; ++t)
    after_units = IsUnitRole(roles[t]) && (roles[t + 1] == Role::kNote || roles[t + 1] == Role::kNone);
  if (starts.size() < (blanks == 0 && texts < 3 && !after_units ? 3 : 2)) return {};
  // And the last row is known to end there: where no blank line shows the
  // rows' cells, a line going on after it may be a cell of its own (a
  // wrapped content line pushes the row's deadline past its width).
  if (blanks == 0 && j < lines.size() && lines[j].kind != LineKind::kBlank && !EndsTable(lines[j], rules)) return {};
  // Blank lines placing the cells or not, a date in a unit column says a
  // row lost a cell (the last row's missing 配合单位 and the blank line
  // after the table read as its deadline).
  if (!PlacedCellsFit(lines, starts, roles, rules)) return {};
  return starts;
}

// A cell-per-line body with no blank lines whose cells wrap onto lines of
// their own (pdftotext without -layout: 县发改委、县财 / 政局, 2023年6月 / 底前):
// each row opens with its 序号 line (1, 2, 3 …) and runs to the next one.
// Returns each row's lines, the 序号 line first; junk lines (page numbers),
// repeated header runs and blank lines between rows are left out. None when
// the rows are not so: a blank line inside a row, a row of fewer lines than
// the header has cells after the 序号, or none of more (PositionalRows and
// the shape-read stream handle those).
std::vector<std::vector<size_t>> NumberedBlocks(const std::vector<Line>& lines, size_t from, size_t width,
                                               const Rules& rules) {
  std::vector<std::vector<size_t>> blocks;
  if (width < 3) return blocks;
  const auto first = FirstRow(lines, from, rules);
  if (!first) return blocks;
  size_t j = first->first;
  const std::optional<int> seq = first->second;
  bool wrapped = false;
  size_t longest = 0;
  for (int v = *seq; j < lines.size(); ++v) {
    std::vector<size_t>& block = blocks.emplace_back(1, j);
    bool blank = false;  // a blank line since the block's last line
    size_t k = j + 1;
    for (; k < lines.size(); ++k) {
      const Line& l = lines[k];
      if (l.kind == LineKind::kBlank) {
        blank = true;
        continue;
      }
      if (EndsTable(l, rules) || RowNumber(l.text, rules) == v + 1) break;
      if (l.kind == LineKind::kJunk) continue;
      if (const size_t end = HeaderRun(lines, k, rules, false, nullptr); end > k) {
        k = end - 1;  // a header repeated after a page break
        continue;
      }
      if (blank) return {};
      block.push_back(k);
    }
    if (block.size() < width) return {};
    wrapped = wrapped || block.size() > width;
    const bool last = k >= lines.size() || RowNumber(lines[k].text, rules) != v + 1;
    // The last row runs to the table's end: it may take the text after the
    // table when nothing marks that end, so it may be no longer than twice
    // the longest row before it.
    if (last && blocks.size() > 1 && block.size() > 2 * longest) return {};
    longest = std::max(longest, block.size());
    if (last) break;
    j = k;
  }
  if (blocks.size() < 2 || !wrapped) return {};
  return blocks;
}

// How unlike a cell of `role` the joined text of lines [b, e) of a row is:
// 0 when its shape is the column's, more the less it fits; kMisfit and more
// when it cannot be the column's cell at all. Every line past the first of
// a cell other than the content costs 1: of two cuts that fit alike, the one
// that gives the content, the long column, more of the lines.
constexpr int kMisfit = 16;
bool Wraps(std::string_view a, std::string_view b, const Rules& rules);
// A column a row may leave empty in the cut: a note, a leader, a label.
bool OptionalColumn(Role r) { return r == Role::kNote || r == Role::kLeader || r == Role::kLabel; }
int Misfit(Role role, const std::vector<Line>& lines, const std::vector<size_t>& block, size_t b, size_t e,
           const Rules& rules) {
  std::string text;
  for (size_t k = b; k < e; ++k) text += Trim(lines[block[k]].text);
  const CellShape shape = TypeCell(text, rules);
  const int extra = static_cast<int>(e - b) - 1;
  switch (role) {
    case Role::kUnits:
    case Role::kLead:
    case Role::kSupport:
      if (shape != CellShape::kUnits) return kMisfit;
      // A line that is a deadline by itself is no part of a unit list (区司法局
      // / 2025年12月 / 区政府办公室: the signature after the table).
      for (size_t k = b + 1; e - b > 1 && k < e; ++k)
        if (TypeCell(Trim(lines[block[k]].text), rules) == CellShape::kDeadline) return kMisfit;
      return extra + (StartsLikeUnit(text, rules) ? 0 : 2);
    case Role::kDeadline: {
      if (shape != CellShape::kDeadline) {
        // Deadlines on lines of their own (a task of two stages: 2024年6月底前
        // / 2024年12月底前), each one by itself: one cell of both.
        bool each = extra > 0;
        for (size_t k = b; each && k < e; ++k)
          each = TypeCell(Trim(lines[block[k]].text), rules) == CellShape::kDeadline;
        return each ? extra : kMisfit;
      }
      // A deadline wrapped at its column's width (2025年6月底前 / 完成, 长期 /
      // 坚持) is one cell: its lines cost nothing more where each goes on
      // from the one above, so the wrap does not pass to the next column.
      bool wrapped = extra > 0;
      for (size_t k = b + 1; wrapped && k < e; ++k)
        wrapped = Wraps(lines[block[k - 1]].text, lines[block[k]].text, rules) &&
                  CharCountUpTo(Trim(lines[block[k]].text), 5) <= 4;
      return wrapped ? 0 : extra;
    }
    case Role::kContent:
      if (shape == CellShape::kUnits || shape == CellShape::kDeadline) return 6;
      return EndsSentence(text, rules) ? 0 : 2;
    case Role::kSeq:
      return kMisfit;
    default:  // labels, leaders and notes: short text, not the cell before it wrapped on
      return extra + (b >= 2 && Wraps(lines[block[b - 1]].text, lines[block[b]].text, rules) ? 4 : 0) +
             (shape == CellShape::kText || shape == CellShape::kSectionLabel || shape == CellShape::kItemLabel ? 0 : 4);
  }
}

// Whether line `a` of a cell goes on in the next line `b` as a wrap: `a`
// ends inside a sentence, a unit name or a deadline (县发改委、县财 / 政局,
// 2023年6月 / 底前), and `b` opens no key (配合单位：) of its own. A cell of
// whole paragraphs (a web page's <p> per paragraph) has none.
bool Wraps(std::string_view a, std::string_view b, const Rules& rules) {
  a = Trim(a);
  if (a.empty() || EndsSentence(a, rules) || OpensWithKey(b, rules)) return false;
  const std::vector<std::string> names = SplitTopLevel(a, rules);
  return names.empty() || rules.punct.enumeration.Ends(a) || rules.punct.comma.Ends(a) ||
         !IsCompleteUnit(names.back(), rules);
}

// The row's lines after its 序号 cut into one cell per column of `roles`
// (roles[0] is the 序号's): the cut whose cells fit their columns best, each
// cell one line or more. Returns the cells' first lines (indices into
// block), one per column after the 序号, or none when some cell cannot be
// its column's (a unit column's text no unit list, a deadline no deadline).
std::vector<size_t> CutBlock(const std::vector<Line>& lines, const std::vector<size_t>& block,
                             const std::vector<Role>& roles, const Rules& rules) {
  const size_t n = block.size(), cols = roles.size() - 1;
  // best[c][e]: the least misfit of columns 1..c over lines 1..e-1; from[c][e]
  // where column c starts in it.
  constexpr int kNone = 1 << 20;
  std::vector<std::vector<int>> best(cols + 1, std::vector<int>(n + 1, kNone));
  std::vector<std::vector<size_t>> from(cols + 1, std::vector<size_t>(n + 1, 0));
  best[0][1] = 0;
  // A note, leader or label column may be empty (a 备注 left blank): no line.
  for (size_t c = 1; c <= cols; ++c) {
    if (OptionalColumn(roles[c]))
      for (size_t e = 1; e <= n; ++e)
        if (best[c - 1][e] < kNone) best[c][e] = best[c - 1][e] + 1, from[c][e] = e;
    for (size_t e = 2; e <= n; ++e)
      for (size_t b = 1; b < e; ++b) {
        if (best[c - 1][b] >= kNone) continue;
        const int m = Misfit(roles[c], lines, block, b, e, rules);
        if (m >= kMisfit) continue;
        if (best[c - 1][b] + m < best[c][e]) best[c][e] = best[c - 1][b] + m, from[c][e] = b;
      }
  }
  if (best[cols][n] >= kNone) return {};
  std::vector<size_t> starts(cols);
  for (size_t c = cols, e = n; c >= 1; --c) {
    starts[c - 1] = from[c][e];
    e = from[c][e];
  }
  return starts;
}

}  // namespace

// Whether a date cell is dated before the deadline `first`, both read with
// the years they print: no later stage of the row (a task's stages run in
// order), but a date after the table (the signature's, 2024年3月9日).
// A deadline that prints no year (9月底前) is read with the date's: a
// date of that year before it is no later stage of the row either (the
// notice's 2024年3月1日 under 9月底前).
bool DatedBefore(std::string_view cell, std::string_view first, const Rules& rules) {
  const Deadline b = ResolveDeadline(Trim(cell), YearContext{}, rules);
  if (!b.date) return false;
  Deadline a = ResolveDeadline(Trim(first), YearContext{}, rules);
  if (!a.date && b.date->size() >= 4) {
    YearContext years;
    years.title = std::atoi(b.date->substr(0, 4).c_str());
    a = ResolveDeadline(Trim(first), years, rules);
  }
  return a.date && *b.date < *a.date;
}

bool DetectCellPerLine(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return Detect(lines, at, rules, false);
}
size_t UnreadCellHeader(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  std::vector<Role> roles;
  const size_t end = HeaderRun(lines, at, rules, false, &roles);
  return end > at && NamesNoOne(lines, at, rules, false, roles) ? end : 0;
}
bool DetectTabPrefixed(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return Detect(lines, at, rules, true);
}

Grid CutCellStream(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g;
  g.stream = true;
  bool prefixed = !lines[at].raw.empty() && lines[at].raw[0] == '\t';
  g.layout = prefixed ? "tab-prefixed" : "cell-per-line";
  g.span.first_line = g.span.last_line = lines[at].no;
  auto header_row = [&](size_t from, size_t to) {
    GridRow h;
    h.header = true;
    for (size_t k = from; k < to; ++k)
      if (lines[k].kind != LineKind::kBlank && !PipeOnly(lines[k].text))
        FillCell(h.cells.emplace_back(), lines, lines[k], StripTrailingPipe(lines[k].text));
    JoinSplitHeaderNames(h.cells, rules);
    for (const auto& c : h.cells) h.span.Cover(c.span);
    g.rows.push_back(std::move(h));
    g.rows.emplace_back();  // the body stream after it
  };
  std::vector<Role> header_roles;  // the table's columns, to tell a table of its own from a repeated header
  size_t i = HeaderRun(lines, at, rules, prefixed, &header_roles);
  header_row(at, i);
  // A total right under the header (headers.yaml total_row: 合计：3项) counts
  // the numbered rows below it: no row of its own, and not the table's end.
  if (const size_t j = PastBlank(lines, i); j < lines.size() && lines[j].kind == LineKind::kText &&
                                            rules.total_row.Contains(lines[j].text) && FirstRow(lines, j + 1, rules))
    i = j + 1;
  // Blank lines between every two header names (PDF text without -layout,
  // Word's paragraphs): the body's cells are blocks apart by blank lines too,
  // and the lines of a block one cell wrapped at the column's width
  // (区发改委、区财 / 政局).
  bool blocks = !prefixed && i - at >= 3;
  for (size_t k = at; blocks && k + 1 < i; ++k)
    blocks = lines[k].kind == LineKind::kBlank || lines[k + 1].kind == LineKind::kBlank;
  // And the body is so too: its first lines fall in runs of a cell's few
  // lines (2.5 on average at most), not in a row's run of every cell (blank
  // lines between rows only) or one run (no blank lines).
  if (blocks) {
    int runs = 0, filled = 0;
    bool in_run = false;
    for (size_t k = i; k < lines.size() && k < i + 16 && !EndsTable(lines[k], rules); ++k) {
      const bool blank = lines[k].kind == LineKind::kBlank;
      if (!blank) ++filled, runs += !in_run;
      in_run = !blank;
    }
    blocks = runs >= 3 && filled * 2 <= runs * 5;
  }
  if (const size_t width = g.rows.front().cells.size();
      !blocks && !prefixed && width > 0 && HeaderRole(g.rows.front().cells.front().text, rules) == Role::kSeq) {
    std::vector<Role> roles;
    for (const GridCell& c : g.rows.front().cells) roles.push_back(HeaderRole(c.text, rules));
    if (const auto starts = PositionalRows(lines, i, width, rules, roles); !starts.empty()) {
      g.rows.pop_back();  // rows of their own, not a stream
      g.stream = false;
      g.by_position = true;
      for (size_t s : starts) {
        GridRow& row = g.rows.emplace_back();
        for (size_t t = 0; t < width; ++t) {
          const Line& l = lines[s + t];
          GridCell& c = row.cells.emplace_back();
          if (l.kind == LineKind::kBlank) {
            c = CellAt(lines, l, {});
            c.placeholder = true;
          } else {
            FillCell(c, lines, l, StripTrailingPipe(l.text));
          }
          row.span.Cover(c.span);
        }
        g.span.last_line = lines[s + width - 1].no;
      }
      return g;
    }
  }
  if (const size_t width = g.rows.front().cells.size(); !blocks && !prefixed && width >= 3) {
    std::vector<std::string_view> names;
    for (const GridCell& c : g.rows.front().cells) names.push_back(c.text);
    const std::vector<Role> roles = HeaderRoles(names, rules);
    auto rows = roles.size() == width && roles.front() == Role::kSeq
                    ? NumberedBlocks(lines, i, width, rules)
                    : std::vector<std::vector<size_t>>{};
    // A 序号 merged over sub-rows (a web copy prints it once, then each
    // sub-row's cells): a block that cuts into two rows, the first ending
    // in a deadline line of its own where the deadline is the last column,
    // is two rows, the second under the same 序号 line. Not the last block:
    // it runs to the text's end (the signature after the table would cut as
    // a sub-row) and is cut to its row below.
    std::vector<bool> merged_seq;  // by row: a sub-row under the 序号 of the row above
    if (!rows.empty() && roles.back() == Role::kDeadline) {
      std::vector<std::vector<size_t>> split;
      for (size_t r = 0; r < rows.size(); ++r) {
        std::vector<size_t> rest = std::move(rows[r]);
        bool sub = false;
        for (size_t p = width; r + 1 < rows.size() && p + width - 1 <= rest.size();) {
          if (TypeCell(Trim(lines[rest[p - 1]].text), rules) != CellShape::kDeadline ||
              TypeCell(Trim(lines[rest[p]].text), rules) == CellShape::kDeadline) {
            ++p;
            continue;
          }
          std::vector<size_t> first(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(p));
          std::vector<size_t> second{rest.front()};
          second.insert(second.end(), rest.begin() + static_cast<std::ptrdiff_t>(p), rest.end());
          if (CutBlock(lines, first, roles, rules).empty() || CutBlock(lines, second, roles, rules).empty()) {
            ++p;
            continue;
          }
          split.push_back(std::move(first));
          merged_seq.push_back(sub);
          rest = std::move(second);
          sub = true;
          p = width;
        }
        split.push_back(std::move(rest));
        merged_seq.push_back(sub);
      }
      rows = std::move(split);
    }
    merged_seq.resize(rows.size(), false);
    // The last row runs to the table's end, which nothing may mark: it is
    // its shortest start that cuts into the columns, and then as many lines
    // more as wrap on from it (2024年1月 / 31日前), not the text after it.
    std::string left_out;  // the text after the last row cut from it
    int left_out_line = 0;
    std::vector<size_t> last_cut;  // the last row's cut, where its column count gave it
    if (!rows.empty()) {
      std::vector<size_t>& last = rows.back();
      const bool open_end = !OptionalColumn(roles.back());
      size_t p = 2;
      auto cuts_at = [&](size_t len) {
        return !CutBlock(lines, std::vector<size_t>(last.begin(), last.begin() + len), roles, rules).empty();
      };
      while (p < last.size() && !cuts_at(p)) ++p;
      while (p < last.size() && open_end && Wraps(lines[last[p - 1]].text, lines[last[p]].text, rules) &&
             !DatedBefore(lines[last[p]].text, lines[last[p - 1]].text, rules) && cuts_at(p + 1))
        ++p;
      // A second deadline on a line of its own after the row's deadline,
      // where that is the last column (a task of two stages: 2024年6月底前 /
      // 2024年12月底前): more of the cell, not the text after the table.
      while (p < last.size() && roles.back() == Role::kDeadline &&
             TypeCell(Trim(lines[last[p - 1]].text), rules) == CellShape::kDeadline &&
             TypeCell(Trim(lines[last[p]].text), rules) == CellShape::kDeadline &&
             !DatedBefore(lines[last[p]].text, lines[last[p - 1]].text, rules) && cuts_at(p + 1))
        ++p;
      // A note last (备注): the deadline's short wrap (2025年6月底前 / 完成),
      // then the note itself where it is the table's last line, a blank line
      // or the text's end after it, and reads as a note (words, no unit or
      // date, no wrap of the line above): no paragraph after the table.
      // A deadline whole on its own line (长期坚持 under 2024年12月底前) is
      // no wrap of a deadline above it: the next cell.
      auto own_deadline = [&](size_t k) {
        const std::string_view above = Trim(lines[last[k - 1]].text), here = Trim(lines[last[k]].text);
        return TypeCell(above, rules) == CellShape::kDeadline && TypeCell(here, rules) == CellShape::kDeadline &&
               !DeadlineReadsAcross(above, here, rules);
      };
      if (!open_end) {
        while (p < last.size() && Wraps(lines[last[p - 1]].text, lines[last[p]].text, rules) &&
               CharCountUpTo(Trim(lines[last[p]].text), 5) <= 4 && !own_deadline(p) && cuts_at(p + 1))
          ++p;
        const size_t after = last.back() + 1;
        if (p + 1 == last.size() && (after >= lines.size() || lines[after].kind == LineKind::kBlank) &&
            TypeCell(Trim(lines[last[p]].text), rules) == CellShape::kText &&
            !Wraps(lines[last[p - 1]].text, lines[last[p]].text, rules) && cuts_at(p + 1))
          ++p;
        // The note over a signature (a unit's name over a date alone) that
        // ends the block: the row's cell where its column count leaves the
        // note's place to it (各乡镇人民政府, 长期坚持 / 某县人民政府办公室 /
        // 2024年3月1日); the signature is the text after the table.
        // The row's cut is the shorter one's, its empty last column given
        // the line (a cut of its own may join 长期坚持 to the deadline).
        if (p + 2 < last.size() && last[p + 2] == SignatureDate(lines, last[p + 1], rules) &&
            !CouldCoSign(lines[last[p]].text, lines[last[p + 1]].text, rules) && [&] {
              for (size_t k = p + 3; k < last.size(); ++k)
                if (!rules.publicity.Contains(lines[last[k]].text)) return false;
              const auto starts = CutBlock(lines, std::vector<size_t>(last.begin(), last.begin() + p), roles, rules);
              if (starts.empty() || starts.back() != p) return false;
              last_cut = starts;
              return true;
            }())
          ++p;
      }
      // The lines cut off are the text after the table (a signature and
      // its date): no row's, said on the table as a stream read says it.
      for (size_t k = p; k < last.size(); ++k)
        if (!Trim(lines[last[k]].text).empty()) left_out += (left_out.empty() ? "" : " ") + std::string(Trim(lines[last[k]].text));
      if (p < last.size()) left_out_line = lines[last[p]].no;
      last.resize(p);
    }
    std::vector<std::vector<size_t>> cuts;
    for (size_t r = 0; r < rows.size(); ++r) {
      cuts.push_back(r + 1 == rows.size() && !last_cut.empty() ? last_cut : CutBlock(lines, rows[r], roles, rules));
      if (cuts.back().empty()) break;
    }
    // Read so only when some cell wrapped: rows of whole paragraphs are
    // the shape-read stream's (a key per paragraph, a content of two).
    std::vector<bool> wrapped(cuts.size(), false);
    for (size_t r = 0; r < cuts.size() && !cuts.back().empty(); ++r)
      for (size_t c = 0; c < cuts[r].size(); ++c) {
        const size_t end = c + 1 < cuts[r].size() ? cuts[r][c + 1] : rows[r].size();
        for (size_t k = cuts[r][c]; k + 1 < end && !wrapped[r]; ++k)
          wrapped[r] = Wraps(lines[rows[r][k]].text, lines[rows[r][k + 1]].text, rules);
      }
    if (!rows.empty() && cuts.size() == rows.size() && !cuts.back().empty() &&
        std::find(wrapped.begin(), wrapped.end(), true) != wrapped.end()) {
      g.rows.pop_back();  // rows of their own, not a stream
      g.stream = false;
      for (size_t r = 0; r < rows.size(); ++r) {
        const auto& block = rows[r];
        GridRow& row = g.rows.emplace_back();
        FillCell(row.cells.emplace_back(), lines, lines[block[0]], Trim(lines[block[0]].text));
        if (merged_seq[r])
          row.notes.emplace_back("merged.filled", RoleLabel(Role::kSeq, rules) + " inferred from the merged cell at line " +
                                                      std::to_string(lines[block[0]].no));
        for (size_t c = 0; c < cuts[r].size(); ++c) {
          const size_t end = c + 1 < cuts[r].size() ? cuts[r][c + 1] : block.size();
          GridCell& cell = row.cells.emplace_back();
          if (cuts[r][c] == end) {  // an empty note column
            cell = CellAt(lines, lines[block[end - 1]], {});
            cell.placeholder = true;
            continue;
          }
          FillCell(cell, lines, lines[block[cuts[r][c]]], Trim(lines[block[cuts[r][c]]].text));
          for (size_t k = cuts[r][c] + 1; k < end; ++k)
            AppendPiece(cell, CellAt(lines, lines[block[k]], lines[block[k]].text));
        }
        for (const GridCell& c : row.cells) row.span.Cover(c.span);
        if (wrapped[r])
          row.notes.emplace_back("row.joined", "row printed over lines " + std::to_string(row.span.first_line) + "-" +
                                                   std::to_string(row.span.last_line) +
                                                   ", one cell a line; wrapped lines joined to the cell each fits");
        // A row after a repeated header or a page number starts a page.
        for (size_t k = block.front() + 1; k <= block.back(); ++k)
          if (lines[k].kind == LineKind::kJunk) row.after_page_break = true;
        if (r > 0)
          for (size_t k = rows[r - 1].back() + 1; k < block.front(); ++k)
            if (lines[k].kind != LineKind::kBlank) row.after_page_break = true;
        g.span.last_line = lines[block.back()].no;
      }
      if (!left_out.empty())
        g.rows.back().notes.emplace_back("table.cell_dropped", "line " + std::to_string(left_out_line) +
                                                                   ": text after the table's last row left out: " + left_out);
      return g;
    }
  }
  bool after_break = false;
  auto body = [&]() -> GridRow& { return g.rows.back(); };
  bool in_block = false;  // the line above was a cell's (blocks: this one goes on in it)
  // Line l is more of the last cell (wrapped, or continued unprefixed).
  auto continue_cell = [&](const Line& l) {
    GridCell& c = body().cells.back();
    AppendPiece(c, CellAt(lines, l, l.text));
    c.placeholder = false;
  };
  for (; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const bool goes_on = std::exchange(in_block, false);
    if (l.kind == LineKind::kBlank) continue;
    if (EndsTable(l, rules)) break;
    if (l.kind == LineKind::kJunk) continue;
    if (blocks && goes_on && !body().cells.empty() && !PipeOnly(l.text)) {
      g.span.last_line = l.no;
      continue_cell(l);
      in_block = true;
      continue;
    }
    std::vector<Role> roles;
    if (size_t end = HeaderRun(lines, i, rules, prefixed, &roles); end > i) {
      // A header of other columns (序号 | 完成时限 | 工作任务 | 牵头单位 under
      // 序号 | 工作任务 | 责任单位) starts a table of its own.
      if (roles != header_roles) break;
      g.span.last_line = lines[end - 1].no;
      header_row(i, end);  // a repeated header (page break)
      i = end - 1;
      after_break = true;
      continue;
    }
    g.span.last_line = l.no;
    bool is_prefixed = !l.raw.empty() && l.raw[0] == '\t';
    auto& cells = body().cells;
    if (prefixed && !is_prefixed && !cells.empty()) {  // a cell continued on an unprefixed line
      continue_cell(l);
      continue;
    }
    if (int pipes = PipeOnly(l.text)) {
      // "|" separates cells; "|||" stands for empty (merged) cells.
      for (int k = 1; k < pipes; ++k) {
        GridCell empty = CellAt(lines, l, {});
        empty.placeholder = true;
        cells.push_back(std::move(empty));
      }
      continue;
    }
    if (after_break && cells.empty()) body().after_page_break = true;
    after_break = false;
    GridCell& c = cells.emplace_back();  // filled where it stays
    FillCell(c, lines, l, StripTrailingPipe(l.text));
    c.placeholder = c.text.empty();
    in_block = true;
  }
  std::erase_if(g.rows, [](const GridRow& r) { return !r.header && r.cells.empty(); });
  return g;
}

}  // namespace noticetab
