// Reader for a table copied from a PDF viewer (or typed) with one space
// between cells and one line per printed line:
//   序号 工作任务 责任单位 完成时限
//   1 推进景区提质升级，完成游客服务中心改造和 县文旅广电局 2024年10月底前
//   智慧景区平台建设。
//   3 实施乡村旅游提质工程，新培育省级乡村旅游重点村 县农业农村局、县文旅广 2024年12月底前
//   2个、星级农家乐10家。 电局
// One space is no column gap of its own (a content cell holds spaces too), so
// a row is cut by what its cells are: it opens with the running 序号; the
// columns after the task's text (units, deadline) are taken from its end,
// each only by a word of its shape (a unit list, a deadline); the text is what
// is left between. A line that opens with no next number goes on with the row:
// its last word finishes a unit list left open (县文旅广 / 电局, 县商务局、 /
// 县财政局), the rest is more of the task's text.
// A table with no 序号 column whose last column is the deadline
// (重点工作任务 牵头单位 完成时限) is anchored on its end instead: a row is a
// line ending in a deadline, a line ending in none goes on with the row above.
#include <algorithm>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers.h"

namespace noticetab {
namespace {

// A header name is 8 characters at most (HeaderRole takes none longer).
constexpr size_t kNameBytes = 3 * 8;
// A continuation line's last word that finishes a unit name is short.
constexpr size_t kUnitTailBytes = 3 * 10;

// The words of a line split at single ASCII spaces (views into it); empty
// when the line has two spaces in a row, a tab or an ideographic space (the
// spaces and tabs readers' lines).
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  if (text.find('\t') != std::string_view::npos || SpaceRunCount(text) > 1) return out;
  for (size_t i = 0; i <= text.size();) {
    const size_t sp = std::min(text.find(' ', i), text.size());
    if (sp > i) out.push_back(text.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

// The text from words[a] to words[b] (inclusive), spaces and all: a view into
// the line they were split from.
std::string_view Between(const std::vector<std::string_view>& words, size_t a, size_t b) {
  return {words[a].data(), static_cast<size_t>(words[b].data() + words[b].size() - words[a].data())};
}

// The header's roles when `l` is one: three names or more, one space apart,
// one of them the task's text and the first 序号, or, with no 序号, the last
// the deadline.
std::vector<Role> HeaderOf(const Line& l, const Rules& rules,
                           std::vector<std::string_view>* names) {
  if (l.kind != LineKind::kText || l.tabs > 0 || l.text.find(' ') == std::string_view::npos)
    return {};
  *names = Words(l.text);
  if (names->size() < 3) return {};
  for (std::string_view n : *names)
    if (n.size() > kNameBytes) return {};
  std::vector<Role> roles = HeaderRoles(*names, rules);
  if (roles.empty() || std::find(roles.begin(), roles.end(), Role::kContent) == roles.end()) return {};
  if (roles.front() != Role::kSeq &&
      (roles.back() != Role::kDeadline || std::find(roles.begin(), roles.end(), Role::kSeq) != roles.end()))
    return {};
  return roles;
}

// Whether a unit list is left open at its end: a separator last, or a last
// name that is no complete unit (县文旅广).
bool OpenUnits(std::string_view units, const Rules& rules) {
  units = Trim(units);
  if (units.empty()) return false;
  if (rules.punct.enumeration.Ends(units) || rules.punct.comma.Ends(units)) return true;
  const std::vector<std::string> names = SplitTopLevel(units, rules);
  return !names.empty() && !IsCompleteUnit(names.back(), rules);
}

}  // namespace

bool DetectOneSpace(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  // Cheap tests first: a header line is a few short names (its first space
  // within a name's bytes), the line under it opens with 1 and a space.
  const std::string_view t = lines[at].text;
  if (t.size() > 16 * (kNameBytes + 1) ||
      t.substr(0, kNameBytes + 1).find(' ') == std::string_view::npos)
    return false;
  const size_t next = PastBlank(lines, at + 1);
  if (next >= lines.size()) return false;
  const std::string_view row = lines[next].text;
  const bool one = row.substr(0, 2) == "1 " || (row.size() > 3 && SeqNumber(row.substr(0, 3)) == 1 && row[3] == ' ');
  if (!one && row.find(' ') == std::string_view::npos) return false;
  std::vector<std::string_view> names;
  const std::vector<Role> roles = HeaderOf(lines[at], rules, &names);
  if (roles.empty()) return false;
  const std::vector<std::string_view> first = Words(lines[next].text);
  if (roles.front() == Role::kSeq) return one && first.size() >= 3 && SeqNumber(first.front()) == 1;
  return first.size() >= 2 && ClassifyCell(first.back(), rules) == CellShape::kDeadline;
}

Grid CutOneSpace(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g;
  g.layout = "one-space";
  g.by_position = true;   // each word placed in its column, empty slots as placeholders
  g.spans_exact = false;  // a merged cell prints on its first row only
  std::vector<std::string_view> names;
  const std::vector<Role> roles = HeaderOf(lines[at], rules, &names);
  const size_t width = names.size();
  const size_t content =
      static_cast<size_t>(std::find(roles.begin(), roles.end(), Role::kContent) - roles.begin());
  const bool numbered = roles.front() == Role::kSeq;  // else rows end in their deadline
  const size_t lead = numbered ? 1 : 0;                // the first word after the 序号
  auto header_row = [&](size_t i) {
    GridRow h;
    h.header = true;
    for (std::string_view n : Words(lines[i].text)) h.cells.push_back(CellAt(lines, lines[i], n));
    h.span.first_line = h.span.last_line = lines[i].no;
    return h;
  };
  g.rows.push_back(header_row(at));
  g.span = g.rows.front().span;

  int expected = 1;     // the next row's number
  bool blank = false;   // a blank line since the last row's line
  bool page = false;    // page furniture (a page number) since then: blank lines around it
  for (size_t i = at + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) blank = true;
    if (l.kind == LineKind::kJunk) page = true;
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules) || l.tabs > 0) break;
    std::vector<std::string_view> again;
    if (!HeaderOf(l, rules, &again).empty() && again.size() == width) {  // a page's repeated header
      g.rows.push_back(header_row(i));
      g.rows.back().span.first_line = l.no;
      g.span.Cover(g.rows.back().span);
      continue;
    }
    const std::vector<std::string_view> words = Words(l.text);
    if (words.empty()) break;
    if (words.size() >= 2 && (numbered ? SeqNumber(words.front()) == expected
                                       : ClassifyCell(words.back(), rules) == CellShape::kDeadline)) {
      ++expected;
      GridRow r;
      r.cells.resize(width);
      for (GridCell& c : r.cells) c.placeholder = true;
      if (numbered) r.cells[0] = CellAt(lines, l, words.front());
      size_t lo = lead, hi = words.size();  // the words not yet placed
      // The columns after the text, from the last: each takes the last word
      // when it has the column's shape. A column of no shape (备注, 完成情况)
      // takes the words after the last one that fits the shaped column left
      // of it (县发改委 已完成 under 牵头单位 | 备注; a note of sentences and
      // spaces too), none where the last word fits; with no such word, at
      // least one word of text before it, the cut stops.
      auto fits = [&](size_t k, std::string_view word) {
        if (roles[k] != Role::kDeadline && !IsUnitRole(roles[k])) return false;
        const CellShape shape = ClassifyCell(word, rules);
        return roles[k] == Role::kDeadline ? shape == CellShape::kDeadline : shape == CellShape::kUnits;
      };
      for (size_t k = width; k-- > content + 1 && hi > lo + 1;) {
        if (!fits(k, words[hi - 1])) {
          if (roles[k] == Role::kDeadline || IsUnitRole(roles[k])) continue;  // its cell is empty
          size_t shaped = k;  // the nearest shaped column left of k, past the text
          while (shaped > content + 1 && roles[shaped - 1] != Role::kDeadline && !IsUnitRole(roles[shaped - 1])) --shaped;
          if (shaped == content + 1) break;
          size_t j = hi - 1;
          while (j > lo && !fits(shaped - 1, words[j])) --j;
          if (j == lo) break;
          if (j + 1 < hi) r.cells[k] = CellAt(lines, l, Between(words, j + 1, hi - 1));
          hi = j + 1;
          continue;
        }
        // The leftmost unit column takes the words before its last that are
        // units too (县工信局 县财政局: names one space apart), at least one
        // word left for the text; a unit column left of it takes them else.
        const size_t end = --hi;
        if (IsUnitRole(roles[k]) &&
            std::none_of(roles.begin() + static_cast<std::ptrdiff_t>(content) + 1,
                         roles.begin() + static_cast<std::ptrdiff_t>(k), [](Role r) { return IsUnitRole(r); }))
          while (hi > lo + 1 && fits(k, words[hi - 1])) --hi;
        r.cells[k] = CellAt(lines, l, Between(words, hi, end));
      }
      // Label columns between 序号 and the text take a word each while more
      // than one is left.
      for (size_t k = lead; k < content && hi > lo + 1; ++k)
        r.cells[k] = CellAt(lines, l, words[lo++]);
      if (hi > lo) r.cells[content] = CellAt(lines, l, Between(words, lo, hi - 1));
      r.span.first_line = r.span.last_line = l.no;
      g.span.Cover(r.span);
      g.rows.push_back(std::move(r));
      blank = page = false;
      continue;
    }
    // A line of the row above: headings and lines under a table whose first
    // row never came are no part of one, nor is a paragraph after a blank
    // line (the notice going on under the table, its signature): a wrapped
    // row's lines follow each other, but for a page break's furniture.
    if (g.rows.size() < 2 || g.rows.back().header || l.kind == LineKind::kHeading || (blank && !page)) break;
    GridRow& r = g.rows.back();
    size_t hi = words.size();
    for (size_t k = width; k-- > content + 1 && hi > 1;) {
      if (!IsUnitRole(roles[k]) || r.cells[k].placeholder || !OpenUnits(r.cells[k].text, rules))
        continue;
      if (words[hi - 1].size() > kUnitTailBytes || rules.punct.sentence_end.Ends(words[hi - 1]))
        continue;
      AppendPiece(r.cells[k], CellAt(lines, l, words[--hi]));
      break;
    }
    AddPiece(r.cells[content], CellAt(lines, l, Between(words, 0, hi - 1)));
    r.cells[content].placeholder = false;
    r.span.last_line = l.no;
    g.span.Cover(r.span);
  }
  return g;
}

}  // namespace noticetab
