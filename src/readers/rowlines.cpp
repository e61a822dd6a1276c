// Row-per-line tables (tabs, pipes, markdown): one line, one row; the syntax
// says how a line splits into cells.
#include <algorithm>
#include <utility>

#include "noticetab/clauses.h"
#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "readers.h"
#include "noticetab/text.h"
#include "../stages.h"

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

size_t PastBlank(const std::vector<Line>& lines, size_t from) {
  while (from < lines.size() && lines[from].kind == LineKind::kBlank) ++from;
  return from;
}

void AppendPiece(GridCell& c, const GridCell& piece) {
  Cell joined;
  joined.text = std::move(c.text);
  joined.Append(piece.text, piece.span.first_line);
  c.text = std::move(joined.text);
  c.span.Cover(piece.span);
  c.damaged = c.damaged || piece.damaged;
}

void AddPiece(GridCell& c, const GridCell& piece) {
  if (c.text.empty())
    c = piece;
  else
    AppendPiece(c, piece);
}

bool NextBodyHeading(const std::vector<Line>& lines, size_t i, size_t from, const Rules& rules) {
  const Line& l = lines[i];
  if (l.kind != LineKind::kHeading || !l.heading || !rules.FirstLevel(l.heading->style)) return false;
  for (size_t k = from; k-- > 0;)
    if (lines[k].kind == LineKind::kHeading && lines[k].heading && lines[k].heading->style == l.heading->style)
      return rules.numerals.Value(l.heading->no) == rules.numerals.Value(lines[k].heading->no) + 1;
  return false;
}

std::string DatedBandDeadline(std::string_view line, const Rules& rules) {
  // Cheap tests first: a short line opening and closing with a bracket.
  const Punctuation& pu = rules.punct;
  const std::string_view t = Trim(line);
  size_t open = 0;
  if (t.empty() || !pu.opens.Has(NextChar(t, open)) || !pu.closes.Ends(t) || CharCountUpTo(t, 21) > 20) return {};
  const size_t close = t.size() - pu.closes.EndLength(t);
  if (close <= open) return {};
  const std::string_view inner = Trim(t.substr(open, close - open));
  if (inner.empty() || pu.opens.In(inner) || pu.closes.In(inner) || !rules.deadline_hint.Contains(inner)) return {};
  constexpr int kAnyYear = 2000;  // a year for a yearless date, to learn its kind only
  YearContext years;
  years.title = kAnyYear;
  const Deadline d = ResolveDeadline(inner, years, rules);
  const bool digits = std::any_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
  // A date by its digits or a phrase of deadlines.yaml in_content (年底前完成); an
  // event's name only (秋季开学前) glosses the deadline cell above.
  const bool dated = digits || [&] {
    const auto m = rules.deadline_in_content.Find(inner);
    return m.found && m.begin == 0;
  }();
  return (d.kind == "by_date" && dated) || d.kind == "ongoing" ? std::string(inner) : std::string();
}

bool CouldCoSign(std::string_view name, std::string_view signer, const Rules& rules) {
  const std::string n = RemoveSpaces(name), by = RemoveSpaces(signer);
  if (CharCount(n) > 30 || !IsCompleteUnit(n, rules) ||
      std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                  [&](const std::string& c) { return n.starts_with(c); }))
    return false;
  // The same kind of body as the signer: their names end alike, two
  // characters or more (县委办公室 / 县政府办公室); a bureau over an office
  // (县财政局 / 某县人民政府办公室) is the row's 备注.
  size_t a = n.size(), b = by.size(), chars = 0;
  while (a > 0 && b > 0) {
    size_t i = a, j = b;
    PrevChar(n, i, &i);
    PrevChar(by, j, &j);
    if (n.substr(i, a - i) != by.substr(j, b - j)) break;
    a = i, b = j, ++chars;
  }
  return chars >= 2;
}

size_t SignatureDate(const std::vector<Line>& lines, size_t i, const Rules& rules) {
  const std::string name = RemoveSpaces(lines[i].text);
  if (CharCount(name) > 30 || !IsCompleteUnit(name, rules)) return 0;
  const size_t d = PastBlank(lines, i + 1);
  if (d >= lines.size()) return 0;
  const std::string date = RemoveSpaces(lines[d].text);
  const auto m = rules.date.Find(date);
  return m.found && m.begin == 0 && m.end == date.size() ? d : 0;
}

namespace {

// A line with no columns after a table's rows (lines[i], the header at
// lines[at]) that is the notice going on, not a cell wrapped onto a line of
// its own: the next first-level heading of the body over the table (三、 after
// 二、), the 公开 remark (（此件公开发布）), or a signature: a unit's name over a
// date alone on its line, with no row under them.
bool NoticeGoesOn(const std::vector<Line>& lines, size_t i, size_t at, const Rules& rules) {
  const Line& l = lines[i];
  if (l.kind == LineKind::kHeading && l.heading && rules.FirstLevel(l.heading->style))
    return NextBodyHeading(lines, i, at, rules);
  if (l.kind != LineKind::kText) return false;
  if (rules.publicity.Contains(l.text)) return true;
  const size_t d = SignatureDate(lines, i, rules);
  if (d == 0 || lines[d].tabs > 0) return false;
  for (size_t k = d + 1, seen = 0; k < lines.size() && seen < 3; ++k) {
    if (lines[k].kind == LineKind::kBlank) continue;
    if (lines[k].tabs > 0) return false;
    ++seen;
  }
  return true;
}

}  // namespace

std::vector<std::string> WrappedHeaderRowLines(const std::vector<Line>& lines, size_t at, const Rules& rules,
                                               const RowLineSyntax& syntax, const std::vector<std::string_view>& top) {
  if (!syntax.wrapped_header || at + 1 >= lines.size() || !syntax.is_row(lines[at + 1])) return {};
  // Header names are short (HeaderRole takes none over 8 characters): a line
  // with a longer cell (a body row's content) is no half of a header, and is
  // turned down before the next line is split or any name is looked up.
  auto short_cells = [](const std::vector<std::string_view>& cells) {
    return cells.size() >= 3 && std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return c.size() <= 3 * 8; });
  };
  if (!short_cells(top)) return {};
  std::vector<std::string_view> bottom;
  syntax.split(lines[at + 1], &bottom);
  if (bottom.size() != top.size() || !short_cells(bottom)) return {};
  // A top that is a header alone (序号 | 重点任务 | 牵头 | 配合 | 完成 over
  // | | | 单位 | 单位 | 时限 |) is the wrapped header's only when the names
  // joined name as many columns, every name under it joins into a listed
  // header name (headers.yaml, not one read by its shape), and a
  // name of the top has none under it (no header repeated whole).
  const std::vector<Role> top_roles = HeaderRoles(top, rules);
  if (!HeaderRoles(bottom, rules).empty() && top_roles.empty()) return {};
  std::vector<std::string> joined;
  joined.reserve(top.size());
  std::string both;
  for (size_t i = 0; i < top.size(); ++i) {
    both.assign(top[i]);
    both.append(bottom[i]);
    joined.push_back(RemoveSpaces(both));
  }
  std::vector<std::string_view> names(joined.begin(), joined.end());
  const std::vector<Role> roles = HeaderRoles(names, rules);
  if (roles.empty()) return {};
  // A name wrapped in two halves is a listed one (序 over 号, 牵头 over 单位):
  // two data rows of short cells joined (行政许可 over 审批事项) may read as
  // names by their shape, never as listed ones.
  for (size_t i = 0; i < bottom.size(); ++i)
    if (!Trim(bottom[i]).empty() && !Trim(top[i]).empty() && !HeaderNameListed(joined[i], rules))
      return {};
  if (!top_roles.empty()) {
    auto named = [](const std::vector<Role>& r) {
      return std::count_if(r.begin(), r.end(), [](Role x) { return x != Role::kNone; });
    };
    if (named(roles) < named(top_roles)) return {};
    bool gap = false;  // a name of the top with nothing under it: no repeated header
    for (size_t i = 0; i < bottom.size(); ++i) {
      if (Trim(bottom[i]).empty())
        gap = gap || !Trim(top[i]).empty();
      else if (!HeaderNameListed(joined[i], rules))
        return {};  // a listed name, not one read by its shape
    }
    if (!gap) return {};
  }
  return joined;
}

namespace {

// A row of a spreadsheet's tab-separated copy whose quoted cell holds line
// breaks: from lines[at], the cells (quotes taken off, a doubled quote one,
// a line break a space, as between a cell's paragraphs) and the last line.
// None when no quoted cell stays open at the end of lines[at], or when the
// quotes do not read so (a cell "三公"经费 that only starts with a quote).
struct QuotedRow {
  std::vector<std::string> cells;
  size_t last = 0;
};
constexpr size_t kQuotedRowLines = 30;  // a cell of more lines is no cell

// A line that opens as a table's next row would: a number, then the separator.
bool OpensNumberedRow(std::string_view s, char sep) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > digits && i < s.size() && s[i] == sep;
}

std::optional<QuotedRow> ReadQuotedRow(const std::vector<Line>& lines, size_t at, const RowLineSyntax& syntax) {
  const char sep = syntax.separator;
  // The cheap test first: a quote opening a cell, at the line's start or after a separator.
  const std::string_view first = lines[at].raw;
  const size_t quote = first.find('"');
  if (quote == std::string_view::npos) return std::nullopt;
  const char sep_quote[] = {sep, '"'};
  if (Trim(first.substr(0, quote)).size() != 0 && first.find(std::string_view(sep_quote, 2)) == std::string_view::npos) {
    bool opens = false;  // a quote after a separator and spaces
    for (size_t q = quote; q != std::string_view::npos && !opens; q = first.find('"', q + 1)) {
      size_t b = q;
      while (b > 0 && first[b - 1] == ' ') --b;
      opens = b == 0 || first[b - 1] == sep;
    }
    if (!opens) return std::nullopt;
  }
  QuotedRow row;
  std::string cell;
  bool quoted = false, open = false, closed = false;  // the cell at hand: began with a quote, is inside it, ended it
  size_t numbered_at = 0;  // the first line after `at` opening as a numbered row
  for (size_t k = at; k < lines.size() && k < at + kQuotedRowLines; ++k) {
    std::string_view s = lines[k].raw;
    while (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    // A line that opens as the next row would, passed over inside the quote
    // (the quote closes on a later line): a quote left open, not a cell's
    // paragraph. A cell's last line may open so (1,200万元…",县住建局).
    if (k > at && numbered_at == 0 && OpensNumberedRow(s, sep)) numbered_at = k;
    if (k > at) cell += ' ';
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (open) {
        if (c != '"') {
          cell += c;
        } else if (i + 1 < s.size() && s[i + 1] == '"') {
          cell += '"', ++i;
        } else {
          open = false, closed = true;
        }
      } else if (c == sep) {
        row.cells.push_back(quoted ? cell : std::string(Trim(cell)));
        cell.clear(), quoted = closed = false;
      } else if (closed) {
        if (c != ' ') return std::nullopt;  // words after the closing quote: no quoted cell
      } else if (c == '"' && Trim(cell).empty()) {
        cell.clear(), quoted = open = true;
      } else {
        cell += c;
      }
    }
    if (numbered_at > 0 && numbered_at < k) return std::nullopt;
    if (!open) {
      if (k == at && !syntax.quoted_one_line) return std::nullopt;  // a row of its line: read as every row is
      row.cells.push_back(quoted ? cell : std::string(Trim(cell)));
      row.last = k;
      return row;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {
// A row of more cells than the header whose extra marks stand tight against
// a cell's words on both sides (举办博览会，|签约项目…, 市工信局|、市发改局: a
// rule OCR read into a cell, where the row's own marks stand apart from
// the words): the two halves of each such cell joined (AppendPiece), as
// many as the row has cells too many, each said in a note. `cells`: the
// views the row was made of (each mark between two is one byte).
void JoinTightMarks(const std::vector<std::string_view>& cells, size_t width, GridRow& r) {
  if (cells.size() <= width || r.cells.size() != cells.size()) return;
  size_t extra = cells.size() - width;
  for (size_t k = cells.size() - 1; k-- > 0 && extra > 0;) {
    const char* end = cells[k].data() + cells[k].size();
    if (cells[k].empty() || cells[k + 1].empty() || cells[k + 1].data() != end + 1) continue;
    r.notes.emplace_back("row.stray_mark", "a column mark inside a cell (" + std::string(cells[k]) + "|" +
                                               std::string(cells[k + 1]) + ") read as no mark; its halves joined");
    AppendPiece(r.cells[k], r.cells[k + 1]);
    r.cells.erase(r.cells.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    --extra;
  }
}
// The roles of a header's named cells, in order (a blank cell more or less:
// the same columns).
template <typename Names>
std::vector<Role> NamedRoles(const Names& names, const Rules& rules) {
  std::vector<std::string_view> views(names.begin(), names.end());
  std::vector<Role> roles = HeaderRoles(views, rules);
  std::erase(roles, Role::kNone);
  return roles;
}

// Whether a header line met among a table's rows opens a table of its own
// rather than repeating the header atop a page: its columns (NamedRoles) are
// none of the table's header rows' (序号 | 工作任务 | 责任单位 | 完成时限, then
// 序号 | 完成时限 | 工作任务 | 牵头单位 | 配合单位: two tables with no caption
// between them). A header row right under another is its second row (责任分工
// over 牵头单位 | 配合单位), never a new table. `known`: the named roles of the
// table's header rows, filled on first use.
template <typename Names>
bool StartsAnotherTable(const Grid& g, const Names& cells, const Rules& rules, std::vector<std::vector<Role>>* known) {
  if (g.rows.empty() || g.rows.back().header) return false;
  const std::vector<Role> here = NamedRoles(cells, rules);
  if (here.empty()) return false;
  if (known->empty())
    for (const GridRow& r : g.rows) {
      if (!r.header) continue;
      std::vector<std::string_view> names;
      for (const GridCell& c : r.cells) names.push_back(c.text);
      known->push_back(NamedRoles(names, rules));
    }
  // A table whose header was not found keeps the one met.
  return !known->empty() && std::find(known->begin(), known->end(), here) == known->end();
}
}  // namespace

// A group band printed without marks (html2text drops a row of one
// spanning cell's pipes: 二、聚焦民生关切) between rows, over a row that
// opens with its 序号 (3, or 3-1 numbering the rows under each band): a
// row of one cell. Where a stray line joins the row above, only a short
// title with no sentence mark is a band: of the first level (二、医疗卫生类),
// or of the second over a row whose 序号 starts again at 1 ((二)规范统计
// 数据生产); a numbered paragraph or item of a cell (2.改造老旧小区。,
// 2.城西幼儿园, 1.新建…；) reads on as the cell's.
bool BandRowLine(const std::vector<Line>& lines, size_t i, const Grid& g, const Rules& rules,
                 const RowLineSyntax& syntax) {
  const Line& l = lines[i];
  if (l.kind == LineKind::kHeading && !g.rows.empty()) {
    // Over the row: past a band of the next level under this one (一、教育惠民
    // over （一）学前教育 over 1 | …).
    // Past a group label that is only a deadline in brackets too (一、城区项目
    // over （长期坚持） over 1 | …).
    size_t j = PastBlank(lines, i + 1);
    if (j < lines.size() && lines[j].kind == LineKind::kHeading && !syntax.is_row(lines[j]))
      j = PastBlank(lines, j + 1);
    if (j < lines.size() && lines[j].kind == LineKind::kText && !syntax.is_row(lines[j]) &&
        !DatedBandDeadline(lines[j].text, rules).empty())
      j = PastBlank(lines, j + 1);
    std::vector<std::string_view> next;
    if (j < lines.size() && syntax.is_row(lines[j])) syntax.split(lines[j], &next);
    // Not the header-less first row of a table of its own (a rule under it).
    const size_t r = PastBlank(lines, j + 1);
    const bool ruled = r < lines.size() && syntax.is_rule && syntax.is_rule(lines[r]);
    const std::optional<int> seq = next.empty() ? std::nullopt : SeqNumber(next.front());
    const bool numbered = seq || (!next.empty() && SubNumber(next.front()));
    bool band_like = !syntax.stray_joins_above;
    // A title's dated bracket (三、2024年第一批项目（2024年6月底前开工）: the
    // rows' deadline, DeadlinesFromLabels) is not counted in its length.
    auto band_title = [&] {
      const std::string_view t = Trim(l.text);
      return CharCountUpTo(t, 25) <= 24 ? t : WithoutDatedBracket(t, rules);
    };
    // A longer title is a band by its shape, not its length (二、推进城乡
    // 融合发展和乡村全面振兴重点工程建设项目（共12项）): one of the first
    // level, or of a band's style this table has taken, that no comma
    // parts, no run of spaces sets a cell apart in, and that writes no
    // deadline (a row's cells run together). A cell's wrapped paragraph
    // has its commas or is shorter. (Asked of a long title only.)
    auto long_band_shape = [&](int style, bool again) {
      const std::string_view t = band_title();
      return (rules.FirstLevel(style) || again) && !rules.punct.comma.In(t) &&
             t.find("  ") == std::string_view::npos && !rules.deadline_in_content.Find(t).found;
    };
    if (!band_like && numbered && !rules.punct.sentence_mark.In(l.text)) {
      const int style = HeadingStyle(l.text, rules);
      const bool is_short = CharCountUpTo(band_title(), 25) <= 24;
      // A second-level title right after a row (not after a stray line: a
      // cell's sub-items （一）…（二）… wrap on below it).
      size_t before = i;
      while (before > 0 && (lines[before - 1].kind == LineKind::kBlank || lines[before - 1].kind == LineKind::kJunk)) --before;
      const bool after_row = before > 0 && syntax.is_row(lines[before - 1]);
      // Or right under a band just taken: a first-level one (一、教育惠民
      // over （二）基层医疗, the rows numbered on), or one of a level above
      // this line's (1.教育惠民 over （1）学前教育).
      // (Asked only of a line of the second level or below that the
      // tests before leave out.)
      auto after_band = [&] {
        if (before == 0 || lines[before - 1].kind != LineKind::kHeading || g.rows.empty() || g.rows.back().unsplit ||
            g.rows.back().span.last_line != lines[before - 1].no)
          return false;
        const int above = HeadingStyle(lines[before - 1].text, rules);
        return rules.FirstLevel(above) || (g.rows.back().cells.size() == 1 && rules.Level(above) < rules.Level(style));
      };
      // Or the table's first group, over its first row: no cell above it
      // to go on in (1.教育惠民 over （1）学前教育 over 1 | …).
      auto first_group = [&] {
        return std::all_of(g.rows.begin(), g.rows.end(), [](const GridRow& b) { return b.header; });
      };
      // Or of the style of a band this table has taken ((二) after (一)
      // over rows numbered on: a cell's sub-items are no band at (一) either).
      auto band_again = [&] {
        return std::any_of(g.rows.begin(), g.rows.end(), [&](const GridRow& b) {
          return !b.unsplit && b.cells.size() == 1 && b.span.first_line > 0 &&
                 HeadingStyle(b.cells[0].text, rules) == style;
        });
      };
      // A long title goes on in the row above where a cell of it asks
      // for more (统筹推进…，具体包括：) or a line of its style did before
      // it (a list of long items inside a cell, not groups); unless the
      // table has taken a band of its style (一、城市项目： … 二、…: the
      // next group).
      auto goes_on = [&] {
        if (before == 0 || g.rows.empty() || g.rows.back().span.last_line != lines[before - 1].no) return false;
        const GridRow& above = g.rows.back();
        if (above.unsplit) return HeadingStyle(lines[before - 1].text, rules) == style;
        return std::any_of(above.cells.begin(), above.cells.end(),
                           [&](const GridCell& c) { return rules.punct.colon.Ends(Trim(c.text)); });
      };
      band_like = is_short ? rules.FirstLevel(style) ||
                                 (rules.Level(style) == 2 && seq == 1 && after_row) ||
                                 (rules.Level(style) >= 2 && (first_group() || after_band() || band_again()))
                           : long_band_shape(style, rules.Level(style) >= 2 && band_again()) &&
                                 (!goes_on() || band_again());
    }
    return band_like && numbered && !ruled;
  }
  // A group label that is only a deadline in brackets (（长期坚持）), over a
  // row opening with its 序号 and under no row line (right under the header
  // or a group row just taken): a row of one cell that dates the rows under
  // it (interpret). Under a row line it goes on with that row, as any
  // stray line (its content's or its deadline's bracket).
  auto under_group = [&] {
    size_t before = i;
    while (before > 0 && (lines[before - 1].kind == LineKind::kBlank || lines[before - 1].kind == LineKind::kJunk ||
                          (syntax.is_rule && syntax.is_rule(lines[before - 1]))))
      --before;
    if (before == 0 || g.rows.empty() || g.rows.back().span.last_line != lines[before - 1].no) return false;
    const GridRow& above = g.rows.back();
    return above.header || (!above.unsplit && !syntax.is_row(lines[before - 1]));
  };
  if (l.kind != LineKind::kText || !under_group() || DatedBandDeadline(l.text, rules).empty()) return false;
  const size_t j = PastBlank(lines, i + 1);
  std::vector<std::string_view> next;
  if (j < lines.size() && syntax.is_row(lines[j])) syntax.split(lines[j], &next);
  return !next.empty() && (SeqNumber(next.front()) || SubNumber(next.front()));
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
  // A header wrapped over lines[i] and lines[i + 1], as one header row whose
  // cells span both lines.
  auto wrapped_row = [&](size_t i, const std::vector<std::string>& names) {
    std::vector<std::string_view> top, bottom;
    syntax.split(lines[i], &top);
    syntax.split(lines[i + 1], &bottom);
    GridRow r;
    r.header = true;
    for (size_t k = 0; k < names.size(); ++k) {
      GridCell& c = r.cells.emplace_back();
      FillCell(c, lines, lines[i], top[k]);
      GridCell below = CellAt(lines, lines[i + 1], bottom[k]);
      c.text = names[k];
      c.span.Cover(below.span);
      c.damaged = c.damaged || below.damaged;
    }
    r.span.first_line = lines[i].no;
    r.span.last_line = lines[i + 1].no;
    return r;
  };
  std::vector<std::string_view> cells;  // of the line at hand, reused from line to line
  syntax.split(lines[at], &cells);
  size_t first = at + 1;  // the first line after the header
  if (auto names = WrappedHeaderRowLines(lines, at, rules, syntax, cells); !names.empty()) {
    g.rows.push_back(wrapped_row(at, names));
    first = at + 2;
  } else if (!HeaderRoles(cells, rules).empty()) {
    GridRow header = row_of(lines[at], cells);
    header.header = true;
    g.rows.push_back(std::move(header));
    // Its second row: the periods a merged name spans (进度安排 over 一季度 |
    // 二季度 | …), the other cells blank.
    std::vector<std::string_view> below;
    if (first < lines.size()) syntax.split(lines[first], &below);
    if (below.size() == cells.size() && MilestoneHeaderRow(below, rules)) {
      GridRow second = row_of(lines[first], below);
      second.header = true;
      g.rows.push_back(std::move(second));
      ++first;
    }
  } else {
    g.rows.push_back(row_of(lines[at], cells));  // a table without a header
  }
  g.span.first_line = lines[at].no;
  g.span.last_line = lines[first - 1].no;
  bool after_break = false;
  std::vector<std::vector<Role>> header_roles;  // StartsAnotherTable's, read once
  // Rows closed by their mark (| … |, as the header is): an open row line
  // goes on below, and a line without marks may still be a row.
  const bool closed_rows = syntax.closed && syntax.closed(lines[at]) && syntax.opened(lines[at]);
  const size_t width = g.rows.front().cells.size();
  // Rows between two box-drawn rule lines are one row printed over several
  // lines (├────┼────┤ between rows, cells wrapped in their columns): at each
  // such rule the rows since the last are joined cell by cell. A markdown
  // rule (|---|) only closes a header, repeated or not: no join.
  size_t block_start = g.rows.size();
  const size_t body_start = g.rows.size();  // the first body row's index
  bool rules_rows = false;  // a rule between two body rows seen
  auto join_block = [&] {
    const size_t end = g.rows.size();
    if (end - block_start < 2) return;
    // Cells by position: a row line drops its empty cells at the end only.
    // A line opening with a 序号 of its own is a row of its own: rows under
    // one rule with no rules between them (tabulate's psql layout, spacer
    // lines of │ only) are not one row.
    for (size_t k = block_start; k < end; ++k)
      if (g.rows[k].header || g.rows[k].unsplit ||
          (k > block_start && !g.rows[k].cells.empty() && SeqNumber(g.rows[k].cells.front().text)))
        return;
    GridRow& r = g.rows[block_start];
    for (size_t k = block_start + 1; k < end; ++k) {
      for (size_t c = 0; c < g.rows[k].cells.size(); ++c) {
        const GridCell& more = g.rows[k].cells[c];
        if (more.text.empty()) continue;
        if (c >= r.cells.size()) r.cells.resize(c + 1);
        AddPiece(r.cells[c], more);
      }
      r.span.last_line = g.rows[k].span.last_line;
    }
    r.notes.emplace_back("row.joined", "row printed over lines " + std::to_string(r.span.first_line) + "-" +
                                           std::to_string(r.span.last_line) + " between two rule lines; joined");
    g.rows.resize(block_start + 1);
  };
  for (size_t i = first; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (EndsTable(l, rules)) {
      // A total right under the header (headers.yaml total_row: 共3项,
      // 合计：3项) counts the rows below it: no row, and not the table's end.
      if (const size_t j = PastBlank(lines, i + 1); g.rows.size() == body_start && l.kind == LineKind::kText &&
                                                    rules.total_row.Contains(l.text) && j < lines.size() &&
                                                    syntax.is_row(lines[j]))
        continue;
      break;
    }
    if (l.kind == LineKind::kJunk) continue;
    // The 成文日期 alone under the last row, unsigned (ClosingDateLine): no
    // wrapped cell of it.
    if (!syntax.is_row(l) && ClosingDateLine(lines, i, rules)) break;
    if (syntax.is_rule && syntax.is_rule(l)) {
      // Joined only in a table that rules its rows apart: a rule with a row
      // line right after it, or one such seen before. A table ruled under
      // its header and at its end only (or with a decorative +----+ line
      // after it) holds one row a line.
      if (IsBoxRule(l.text) || IsGridRule(l.text)) {
        const size_t j = PastBlank(lines, i + 1);
        if (g.rows.size() > body_start && j < lines.size() && syntax.is_row(lines[j])) rules_rows = true;
        if (rules_rows) join_block();
      }
      block_start = g.rows.size();
      continue;
    }
    if (!syntax.is_row(l) && closed_rows && width >= 3 && l.spaced && MayHaveThreeRuns(l.raw)) {
      // A row whose marks OCR lost: its cells are the runs at 2+ spaces.
      if (auto runs = SpaceRuns(l.raw); runs.size() == width) {
        GridRow r = row_of(l, runs);
        r.notes.emplace_back("row.unmarked", "line " + std::to_string(l.no) +
                                                 " has no column marks; its cells read at the spaces between them");
        r.after_page_break = std::exchange(after_break, false);
        g.rows.push_back(std::move(r));
        g.span.last_line = l.no;
        continue;
      }
    }
    if (!syntax.is_row(l)) {
      // A group band or a dated group label (BandRowLine): a row of one cell.
      if (BandRowLine(lines, i, g, rules, syntax)) {
        g.rows.push_back(row_of(l, {l.text}));
        g.span.last_line = l.no;
        continue;
      }
      if (!syntax.stray_joins_above || NoticeGoesOn(lines, i, at, rules)) break;
      // A line right over a repeated header (the title a page prints atop,
      // a running header) is page furniture, not a wrapped cell.
      size_t j = i + 1;
      while (j < lines.size() && j < i + 4 && (lines[j].kind == LineKind::kBlank || lines[j].kind == LineKind::kJunk)) ++j;
      if (j < lines.size() && j < i + 4 && syntax.is_row(lines[j])) {
        std::vector<std::string_view> next;
        syntax.split(lines[j], &next);
        if (!HeaderRoles(next, rules).empty() || !WrappedHeaderRowLines(lines, j, rules, syntax, next).empty()) continue;
      }
      GridRow r = row_of(l, {l.text});
      r.unsplit = true;
      g.rows.push_back(std::move(r));
      g.span.last_line = l.no;
      continue;
    }
    if (syntax.quoted_cells)
      if (auto quoted = ReadQuotedRow(lines, i, syntax)) {
        GridRow r;
        for (const std::string& text : quoted->cells) {
          GridCell& c = r.cells.emplace_back();
          c.text = std::string(Trim(text));
          c.span.first_line = l.no, c.span.last_line = lines[quoted->last].no;
        }
        r.span.first_line = l.no, r.span.last_line = lines[quoted->last].no;
        r.after_page_break = std::exchange(after_break, false);
        if (quoted->last > i)
          r.notes.emplace_back("row.joined", "row printed over lines " + std::to_string(r.span.first_line) + "-" +
                                                 std::to_string(r.span.last_line) +
                                                 " with its cells in quotes (a spreadsheet's copy); read as one row");
        g.rows.push_back(std::move(r));
        g.span.last_line = lines[quoted->last].no;
        i = quoted->last;
        continue;
      }
    syntax.split(l, &cells);
    if (auto names = WrappedHeaderRowLines(lines, i, rules, syntax, cells);
        !names.empty()) {  // a repeated header, wrapped
      if (StartsAnotherTable(g, names, rules, &header_roles)) break;
      g.rows.push_back(wrapped_row(i, names));
      g.span.last_line = lines[i + 1].no;
      ++i;
      after_break = true;
      continue;
    }
    if (!HeaderRoles(cells, rules).empty()) {  // a repeated header (page break)
      if (StartsAnotherTable(g, cells, rules, &header_roles)) break;
      g.span.last_line = l.no;
      GridRow r = row_of(l, cells);
      r.header = true;
      g.rows.push_back(std::move(r));
      after_break = true;
      continue;
    }
    g.span.last_line = l.no;
    if (std::none_of(cells.begin(), cells.end(), [](std::string_view c) { return !c.empty(); })) continue;
    GridRow r = row_of(l, cells);
    if (closed_rows) JoinTightMarks(cells, width, r);
    r.after_page_break = after_break;
    after_break = false;
    // An open row line: the lines under it up to a closed one hold the rest
    // of its last cell and its further cells.
    for (size_t j = i + 1; closed_rows && syntax.opened(l) && !syntax.closed(l) && j < lines.size(); ++j) {
      const Line& next = lines[j];
      if (next.kind == LineKind::kBlank || next.kind == LineKind::kJunk || EndsTable(next, rules) ||
          (syntax.is_rule && syntax.is_rule(next)))
        break;
      syntax.split(next, &cells);
      // A line opening with its mark is a row of its own (SplitPipes drops
      // the empty cell before an opening mark: compare the first cell).
      if (cells.empty() || Trim(next.text).substr(0, cells.front().size()) != cells.front()) break;
      GridRow more = row_of(next, cells);
      if (r.cells.empty()) {
        r.cells = std::move(more.cells);
      } else {
        AppendPiece(r.cells.back(), more.cells.front());
        for (size_t k = 1; k < more.cells.size(); ++k) r.cells.push_back(std::move(more.cells[k]));
      }
      r.span.last_line = next.no;
      g.span.last_line = next.no;
      i = j;
      if (syntax.closed(next)) break;
    }
    // One cell short of the header, a unit cell ending in a deadline after a
    // space: the mark between the two was lost (| 各区县政府 2024年11月底前 |).
    if (closed_rows && r.cells.size() + 1 == width)
      for (size_t k = 1; k < r.cells.size(); ++k)
        if (std::string_view d = TrailingDeadline(r.cells[k].text, rules); !d.empty()) {
          GridCell deadline = r.cells[k];
          deadline.text = std::string(d);
          r.cells[k].text = std::string(Trim(std::string_view(r.cells[k].text).substr(0, r.cells[k].text.size() - d.size())));
          r.notes.emplace_back("row.unmarked", "line " + std::to_string(l.no) + ": a column mark lost between " +
                                                   r.cells[k].text + " and " + deadline.text + "; cut at the space");
          r.cells.insert(r.cells.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(deadline));
          break;
        }
    if (r.span.last_line > r.span.first_line)
      r.notes.emplace_back("row.joined", "row printed over lines " + std::to_string(r.span.first_line) + "-" +
                                             std::to_string(r.span.last_line) + " (a cell broken over lines); joined");
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
