// The layout of fixed-layout pages (PDF through pdftotext, OFD from its
// XML), whatever read the words: lines rebuilt by baseline; tables from their
// ruling lines where they have borders (each cell the region the borders
// enclose, merged cells exact), from the gaps between words where they have
// none (columns from the left edges of text runs separated by wide gaps, rows
// from the vertical gaps of the column with the most text). Page furniture
// (page numbers, running headers and footers) is dropped; a table continued
// on the next page is one table, a row cut by the page break one row.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <tuple>
#include <map>
#include <numeric>

#include "internal.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

// Axis-parallel strokes shorter than this are parts of glyphs (fake bold,
// underlines of one character), not table borders.
constexpr double kMinRule = 12;
// Borders this close are one (double lines, a filled thin rectangle's edges).
constexpr double kSnap = 2.5;
// Bounds on what one page's rules may build (a hostile file draws millions).
constexpr size_t kMaxRules = 4000;
constexpr size_t kMaxGridCells = 200000;

struct Word : PlacedWord {
  double h() const { return y1 - y0; }
  double yc() const { return (y0 + y1) / 2; }
};

// A run of words on one baseline with no wide gap: a cell's line or a
// paragraph's line.
struct Segment {
  double x0, y0, x1, y1;
  std::string text;
};

struct VisualLine {
  double y0, y1;
  std::vector<Segment> segs;
  std::vector<Word> words;  // left to right
};

void Split(VisualLine& line, const std::vector<double>& columns);

// A footnote's reference mark (…改造项目5个。¹): one or two digits set small
// and raised, tight after a word that ends in no ASCII letter or digit (m²
// is a unit). It is no part of the text; the note itself is at the page's
// foot. `g` is a line's words, left to right.
void DropFootnoteMarks(std::vector<Word>& g) {
  for (size_t k = 1; k < g.size();) {
    const Word &w = g[k], &before = g[k - 1];
    const bool digits = !w.text.empty() && w.text.size() <= 2 &&
                        std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const char last = before.text.empty() ? ' ' : before.text.back();
    const bool ascii_before = static_cast<unsigned char>(last) < 0x80 && std::isalnum(static_cast<unsigned char>(last));
    if (digits && !ascii_before && w.h() < 0.75 * before.h() && before.y1 - w.y1 > 0.25 * before.h() &&
        w.x0 - before.x1 < 0.5 * w.h()) {
      g.erase(g.begin() + static_cast<std::ptrdiff_t>(k));
      continue;
    }
    ++k;
  }
}

// Words -> lines by baseline, each split into segments at wide gaps.
std::vector<VisualLine> Lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.yc() < b.yc(); });
  std::vector<std::vector<Word>> groups;
  std::vector<double> centers;
  for (Word& w : words) {
    if (!groups.empty() && std::abs(w.yc() - centers.back()) < 0.35 * w.h()) {
      groups.back().push_back(std::move(w));
    } else {
      centers.push_back(w.yc());
      groups.push_back({std::move(w)});
    }
  }
  std::vector<VisualLine> lines;
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    DropFootnoteMarks(g);
    VisualLine line{g.front().y0, g.front().y1, {}, g};
    for (const Word& w : g) {
      line.y0 = std::min(line.y0, w.y0);
      line.y1 = std::max(line.y1, w.y1);
    }
    Split(line, {});
    lines.push_back(std::move(line));
  }
  return lines;
}

// Cuts a line's words into segments at wide gaps, and at any gap where a
// word starts on a table column's left edge (a cell filled to its right
// border leaves a narrow gap only).
void Split(VisualLine& line, const std::vector<double>& columns) {
  line.segs.clear();
  auto on_edge = [&](double x0) {
    for (size_t k = 1; k < columns.size(); ++k)
      if (std::abs(x0 - columns[k]) < 2) return true;
    return false;
  };
  {
    for (const Word& w : line.words) {
      const double gap_limit = on_edge(w.x0) ? 1.0 : 0.45 * w.h();
      if (!line.segs.empty() && w.x0 - line.segs.back().x1 < gap_limit) {
        Segment& s = line.segs.back();
        // A space where the PDF had one, except between CJK characters.
        size_t i = s.text.size();
        while (i > 0 && (static_cast<unsigned char>(s.text[i - 1]) & 0xC0) == 0x80) --i;
        if (i > 0) --i;
        size_t j = 0;
        const bool cjk = NextChar(s.text, i) >= 0x2E80 && NextChar(w.text, j) >= 0x2E80;
        if (!cjk) s.text += ' ';
        s.text += w.text;
        s.x1 = std::max(s.x1, w.x1);
        s.y0 = std::min(s.y0, w.y0);
        s.y1 = std::max(s.y1, w.y1);
      } else {
        line.segs.push_back({w.x0, w.y0, w.x1, w.y1, w.text});
      }
    }
  }
}

// Text with nothing but spaces and private-use characters (the glyphs of
// symbol fonts: list bullets).
bool Blank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
    if (c != ' ' && (c < 0xE000 || c > 0xF8FF)) return false;
  }
  return true;
}

std::string Joined(const VisualLine& l) {
  std::string s;
  for (const Segment& seg : l.segs) s += seg.text;
  return s;
}

// Page numbers: "3", "- 3 -", "第3页", "3/12", "第 3 页 共 12 页".
bool PageNumber(std::string_view s) {
  std::string t = RemoveSpaces(s);
  const std::vector<std::string>& allowed = BuiltinNumbering().page_number_words;  // numbering.yaml
  bool digit = false;
  for (size_t i = 0; i < t.size();) {
    if (t[i] >= '0' && t[i] <= '9') {
      digit = true;
      ++i;
      continue;
    }
    bool ok = false;
    for (const std::string& a : allowed)
      if (std::string_view(t).substr(i).starts_with(a)) {
        i += a.size();
        ok = true;
        break;
      }
    if (!ok) return false;
  }
  return digit;
}

std::string DigitsOut(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c < '0' || c > '9') out += c;
  return out;
}


// ---- Ruled tables ----

std::vector<double> Cluster(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (size_t i = 0; i < v.size();) {
    size_t j = i + 1;  // one at least, whatever the values (a NaN compares false)
    double sum = v[i];
    while (j < v.size() && v[j] - v[i] <= kSnap) sum += v[j++];
    out.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return out;
}

// The first and the last character of a non-empty text.
char32_t FirstChar(std::string_view s) {
  size_t i = 0;
  return NextChar(s, i);
}
char32_t LastChar(std::string_view s) {
  size_t begin = 0;
  return PrevChar(s, s.size(), &begin);
}

struct RuledCell {
  int r0, c0, r1, c1;
  std::string text;
  // On its (last) page: the cell's bottom border, its text's last baseline
  // box bottom and the height of its text lines (0 without text).
  double bottom = 0, text_bottom = 0, line_height = 0;
};

// A table drawn with borders, on one page.
struct Fragment {
  std::vector<double> xs, ys;  // column and row boundaries
  std::vector<RuledCell> cells;
  std::vector<int> at;  // grid position (row * columns + column) -> cell
  std::vector<std::vector<Word>> words;  // per cell
  int rows() const { return static_cast<int>(ys.size()) - 1; }
};

size_t Find(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// True when one of `rules` is a border at `at` (a y for a horizontal rule, an
// x for a vertical one) that passes `mid` (an x, a y) within kSnap.
bool HasBorder(const std::vector<RuleLine>& rules, bool horizontal, double at, double mid) {
  for (const RuleLine& l : rules) {
    if (horizontal ? l.y0 != l.y1 : l.x0 != l.x1) continue;
    const double pos = horizontal ? l.y0 : l.x0, lo = horizontal ? l.x0 : l.y0, hi = horizontal ? l.x1 : l.y1;
    if (std::abs(pos - at) <= kSnap && lo - kSnap <= mid && mid <= hi + kSnap) return true;
  }
  return false;
}

// The bordered tables among a page's ruling lines: rules that touch form one
// table; its rows and columns are the distinct positions of its horizontal
// and vertical rules, and two neighbouring grid positions are one cell when
// no rule separates them. A box of one cell (a frame) is not a table.
std::vector<Fragment> FindRuled(const std::vector<RuleLine>& all) {
  const size_t n = std::min(all.size(), kMaxRules);
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const RuleLine &a = all[i], &b = all[j];
      if (a.x0 - kSnap <= b.x1 && b.x0 - kSnap <= a.x1 && a.y0 - kSnap <= b.y1 && b.y0 - kSnap <= a.y1)
        parent[Find(parent, i)] = Find(parent, j);
    }
  std::map<size_t, std::vector<RuleLine>> groups;
  for (size_t i = 0; i < n; ++i) groups[Find(parent, i)].push_back(all[i]);
  std::vector<Fragment> out;
  for (auto& group : groups) {
    const std::vector<RuleLine>& rules = group.second;  // named: this clang captures no structured binding
    std::vector<double> xv, yv;
    for (const RuleLine& r : rules) (r.y0 == r.y1 ? yv : xv).push_back(r.y0 == r.y1 ? r.y0 : r.x0);
    Fragment f;
    f.xs = Cluster(xv);
    f.ys = Cluster(yv);
    if (f.xs.size() < 3 || f.ys.size() < 2) continue;
    const size_t R = f.ys.size() - 1, C = f.xs.size() - 1;
    if (R * C > kMaxGridCells) continue;
    auto horizontal = [&](size_t i, size_t c) {  // a border at ys[i] across column c
      return HasBorder(rules, true, f.ys[i], (f.xs[c] + f.xs[c + 1]) / 2);
    };
    auto vertical = [&](size_t r, size_t j) {  // a border at xs[j] down row r
      return HasBorder(rules, false, f.xs[j], (f.ys[r] + f.ys[r + 1]) / 2);
    };
    std::vector<size_t> cell(R * C);
    std::iota(cell.begin(), cell.end(), 0);
    for (size_t r = 0; r < R; ++r)
      for (size_t c = 0; c < C; ++c) {
        if (r + 1 < R && !horizontal(r + 1, c)) cell[Find(cell, r * C + c)] = Find(cell, (r + 1) * C + c);
        if (c + 1 < C && !vertical(r, c + 1)) cell[Find(cell, r * C + c)] = Find(cell, r * C + c + 1);
      }
    // Each merged region must be a rectangle; one that is not is split
    // into its grid positions.
    std::map<size_t, std::vector<size_t>> regions;
    for (size_t p = 0; p < R * C; ++p) regions[Find(cell, p)].push_back(p);
    std::vector<int>& at = f.at;
    at.assign(R * C, -1);
    for (auto& [id, ps] : regions) {
      size_t r0 = R, r1 = 0, c0 = C, c1 = 0;
      for (size_t p : ps) {
        r0 = std::min(r0, p / C), r1 = std::max(r1, p / C);
        c0 = std::min(c0, p % C), c1 = std::max(c1, p % C);
      }
      if ((r1 - r0 + 1) * (c1 - c0 + 1) == ps.size()) {
        for (size_t p : ps) at[p] = static_cast<int>(f.cells.size());
        f.cells.push_back({static_cast<int>(r0), static_cast<int>(c0), static_cast<int>(r1), static_cast<int>(c1), {}});
      } else {
        for (size_t p : ps) {
          at[p] = static_cast<int>(f.cells.size());
          const int r = static_cast<int>(p / C), c = static_cast<int>(p % C);
          f.cells.push_back({r, c, r, c, {}});
        }
      }
    }
    if (f.cells.size() < 2) continue;
    f.words.resize(f.cells.size());
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const Fragment& a, const Fragment& b) { return a.ys.front() < b.ys.front(); });
  return out;
}

// The cell of `f` holding the point, or -1.
int CellAt(const Fragment& f, double x, double y) {
  if (x < f.xs.front() || x > f.xs.back() || y < f.ys.front() || y > f.ys.back()) return -1;
  const int c = std::clamp<int>(static_cast<int>(std::upper_bound(f.xs.begin(), f.xs.end(), x) - f.xs.begin()) - 1, 0,
                                static_cast<int>(f.xs.size()) - 2);
  const int r = std::clamp<int>(static_cast<int>(std::upper_bound(f.ys.begin(), f.ys.end(), y) - f.ys.begin()) - 1, 0,
                                static_cast<int>(f.ys.size()) - 2);
  return f.at[static_cast<size_t>(r) * (f.xs.size() - 1) + static_cast<size_t>(c)];
}

// A cell not ending in sentence-final punctuation (the built-in
// punctuation.yaml sentence_end: the native readers run before a notice's
// rules apply) may go on in the row below.
bool Unfinished(std::string_view cell) {
  std::string_view t = Trim(cell);
  return !t.empty() && !BuiltinPunctuation().punct.sentence_end.Ends(t);
}

// A bordered table being read, over one page or more.
class RuledTable {
 public:
  bool open() const { return open_; }
  int last_page() const { return last_page_; }
  /// Whether `f` has this table's columns (it continues it on a new page).
  bool Fits(const Fragment& f) const {
    if (!open_ || f.xs.size() != xs_.size()) return false;
    for (size_t i = 0; i < xs_.size(); ++i)
      if (std::abs(f.xs[i] - xs_[i]) > 3) return false;
    return true;
  }
  void Start(const Fragment& f, int page) {
    open_ = true;
    xs_ = f.xs;
    cells_.clear();
    row_page_.clear();
    rows_ = 0;
    Add(f, page, 0, false);
  }
  /// The next page's part: a row cut by the page break (its content cell
  /// empty on the new page, or left mid-sentence) is joined to the last
  /// row; a merged cell reaching the page's bottom goes on into the new
  /// page's top cell in its columns, in a column whose cells span rows
  /// (see Add); a repeated header's rows are dropped.
  void Continue(Fragment f, int page) {
    // A header of several rows (责任单位 over 牵头单位 | 配合单位) repeats
    // them all.
    int skip = 0;
    while (skip < f.rows() && skip < rows_ && SameRow(f, skip, skip)) ++skip;
    if (skip >= f.rows()) return;
    const int content = ContentColumn();
    auto top = [&](const Fragment& g, int r, int c) -> const RuledCell* {
      for (const RuledCell& k : g.cells)
        if (k.r0 <= r && r <= k.r1 && k.c0 <= c && c <= k.c1) return &k;
      return nullptr;
    };
    const RuledCell* above = Covering(rows_ - 1, content);
    const RuledCell* below = top(f, skip, content);
    // A row numbered in a 序号 column whose cell is blank on the new page
    // goes on there, however its content above ended (…每年至少入户安检一次；
    // over 4.依法查处…).
    // Not after a content ended by a full stop, nor under or over a 序号
    // merged over rows (6 over its sub-rows 推进数据共享, 优化审批流程):
    // there the blank cell is the merged one's going on, over sub-rows of
    // their own.
    const int seq = NumberColumn();
    const RuledCell* number = seq < 0 ? nullptr : top(f, skip, seq);
    const RuledCell* number_above = seq < 0 ? nullptr : Covering(rows_ - 1, seq);
    const bool unnumbered = number != nullptr && number->r0 == skip && number->r1 == skip &&
                            number->c0 == number->c1 && Trim(number->text).empty() &&
                            !Trim(below == nullptr ? "" : below->text).empty() && number_above != nullptr &&
                            number_above->r0 == number_above->r1 && above != nullptr &&
                            !BuiltinPunctuation().punct.full_stop.Ends(Trim(above->text));
    const bool join = above != nullptr && below != nullptr && above->c0 == below->c0 && above->c1 == below->c1 &&
                      (Trim(below->text).empty() || Unfinished(above->text) || unnumbered);
    Add(f, page, skip, join);
  }
  /// The finished table into `out`.
  void Emit(LineBuilder& out) {
    if (!open_) return;
    open_ = false;
    std::sort(cells_.begin(), cells_.end(),
              [](const RuledCell& a, const RuledCell& b) { return std::tie(a.r0, a.c0) < std::tie(b.r0, b.c0); });
    out.BeginTable();
    size_t k = 0;
    for (int r = 0; r < rows_; ++r) {
      std::vector<InCell> row;
      for (; k < cells_.size() && cells_[k].r0 == r; ++k)
        row.push_back({cells_[k].text, cells_[k].c1 - cells_[k].c0 + 1, cells_[k].r1 - cells_[k].r0 + 1, false});
      out.AddRow(std::move(row), row_page_[r]);
    }
    out.EndTable();
  }

 private:
  RuledCell* Covering(int r, int c) {
    for (RuledCell& k : cells_)
      if (k.r0 <= r && r <= k.r1 && k.c0 <= c && c <= k.c1) return &k;
    return nullptr;
  }
  bool SameRow(const Fragment& f, int fr, int r) {
    int n = 0;
    for (const RuledCell& k : f.cells) {
      if (k.r0 != fr) continue;
      const RuledCell* mine = Covering(r, k.c0);
      if (mine == nullptr || mine->r0 != r || mine->c0 != k.c0 || mine->c1 != k.c1 || mine->text != k.text ||
          k.text.empty())
        return false;
      ++n;
    }
    return n >= 2;
  }
  // Whether a cell in columns c0..c1 covers more than one row, in the
  // table so far or in `f`, header rows aside (序号 merged over a header's
  // two rows spans no rows of tasks): the table's rows before `data` (its
  // FirstNumberedRow), and f's first `skip` (a repeated header).
  bool SpansRows(const Fragment& f, int c0, int c1, int skip, int data) const {
    auto spans = [&](const RuledCell& k) { return k.c0 == c0 && k.c1 == c1 && k.r1 > k.r0; };
    return std::any_of(cells_.begin(), cells_.end(), [&](const RuledCell& k) { return k.r0 >= data && spans(k); }) ||
           std::any_of(f.cells.begin(), f.cells.end(), [&](const RuledCell& k) { return k.r0 >= skip && spans(k); });
  }
  // The first row with a number in the 序号 column (NumberColumn); 0 without one.
  int FirstNumberedRow() const {
    const int seq = NumberColumn();
    if (seq < 0) return 0;
    int first = rows_;
    for (const RuledCell& k : cells_)
      if (k.c0 == seq && k.c1 == seq && k.r0 > 0 && IsRowNumber(k.text)) first = std::min(first, k.r0);
    return first;
  }
  static bool IsRowNumber(std::string_view text) {
    const std::string t = Nfkc(Trim(text));
    return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  }
  // Whether a cell's text reaches its bottom border (less than half a line
  // above it, as the row's tallest cell does): a cell that ends a line
  // higher had room for more.
  static bool Filled(const RuledCell& k) {
    return k.line_height > 0 && k.bottom - k.text_bottom < 0.5 * k.line_height;
  }
  // The column numbering the rows: in every row past the header, a cell of
  // its own holding 1 to 3 digits; -1 when no column does so for two rows.
  int NumberColumn() const {
    std::vector<int> numbers(xs_.size()), others(xs_.size());
    for (const RuledCell& k : cells_) {
      if (k.c0 != k.c1 || k.r0 == 0 || static_cast<size_t>(k.c0) >= numbers.size()) continue;
      ++(IsRowNumber(k.text) ? numbers : others)[k.c0];
    }
    for (size_t c = 0; c < numbers.size(); ++c)
      if (numbers[c] >= 2 && others[c] <= 1) return static_cast<int>(c);
    return -1;
  }
  int ContentColumn() const {
    std::vector<size_t> chars(xs_.size());
    for (const RuledCell& k : cells_)
      if (k.c0 == k.c1) chars[k.c0] += k.text.size();
    return static_cast<int>(std::max_element(chars.begin(), chars.end()) - chars.begin());
  }
  // Adds the rows of `f` from `skip` on; with `join` its first row finishes
  // the last row.
  void Add(const Fragment& f, int page, int skip, bool join) {
    const int base = rows_ - skip - (join ? 1 : 0);
    const int first = rows_;  // the first new row
    const int data = FirstNumberedRow();  // SpansRows' first task row, once
    for (const RuledCell& k : f.cells) {
      if (k.r1 < skip) continue;
      RuledCell c = k;
      c.r0 = std::max(c.r0, skip) + base;
      c.r1 += base;
      if (c.r0 < first && first > 0) {  // a cell of the joined row
        RuledCell* prev = Covering(first - 1, c.c0);
        if (prev != nullptr && prev->c0 == c.c0 && prev->c1 == c.c1) {
          JoinPiece(prev->text, Trim(c.text));
          prev->r1 = std::max(prev->r1, c.r1);
          continue;
        }
        c.r0 = first;
        if (c.r1 < first) continue;
      } else if (c.r0 == first && first > 0 && !join) {
        // The page break ends every cell alike: the borders cannot tell a
        // merged cell going on from a new one. It goes on only in a column
        // whose cells span rows (a one-row cell over an empty one is two
        // cells, the empty one left empty), into an empty cell, or into one
        // holding the rest of its text when its text filled it to the
        // bottom (2023年12 | 月底前: no room left for the next line).
        RuledCell* prev = Covering(first - 1, c.c0);
        if (prev != nullptr && prev->c0 == c.c0 && prev->c1 == c.c1 && prev->r1 == first - 1 &&
            !Trim(prev->text).empty() && (Trim(c.text).empty() || Filled(*prev)) && SpansRows(f, c.c0, c.c1, skip, data)) {
          JoinPiece(prev->text, Trim(c.text));
          prev->r1 = c.r1;
          prev->bottom = c.bottom, prev->text_bottom = c.text_bottom, prev->line_height = c.line_height;
          continue;
        }
      }
      cells_.push_back(std::move(c));
    }
    rows_ = std::max(rows_, base + f.rows());
    row_page_.resize(rows_, page);
    last_page_ = page;
  }

  bool open_ = false;
  std::vector<double> xs_;
  std::vector<RuledCell> cells_;
  std::vector<int> row_page_;
  int rows_ = 0;
  int last_page_ = 0;
};

}  // namespace

std::vector<double> Numbers(std::string_view s) {
  std::vector<double> out;
  const std::string buf(s);  // strtod needs a terminated string
  const char* p = buf.c_str();
  while (*p != '\0') {
    char* end;
    const double v = std::strtod(p, &end);
    if (end == p) {
      ++p;
      continue;
    }
    if (std::isfinite(v)) out.push_back(v);
    p = end;
  }
  return out;
}

void AddRules(const std::vector<std::pair<double, double>>& points, std::vector<RuleLine>& out) {
  for (size_t i = 1; i < points.size(); ++i) {
    auto [ax, ay] = points[i - 1];
    auto [bx, by] = points[i];
    if (!std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(bx) || !std::isfinite(by)) continue;
    if (std::abs(ay - by) < 0.5 && std::abs(ax - bx) >= kMinRule) {
      const double y = (ay + by) / 2;
      out.push_back({std::min(ax, bx), y, std::max(ax, bx), y});
    } else if (std::abs(ax - bx) < 0.5 && std::abs(ay - by) >= kMinRule) {
      const double x = (ax + bx) / 2;
      out.push_back({x, std::min(ay, by), x, std::max(ay, by)});
    }
  }
}

// The widths of one character in a cell's words of ideographs only (their
// width over their count), added to `out`.
void HanWidths(const std::vector<VisualLine>& lines, std::vector<double>& out) {
  for (const VisualLine& l : lines)
    for (const Word& w : l.words) {
      size_t i = 0, n = 0;
      bool han = !w.text.empty();
      while (han && i < w.text.size()) {
        han = IsHan(NextChar(w.text, i));
        ++n;
      }
      if (han && w.x1 > w.x0) out.push_back((w.x1 - w.x0) / static_cast<double>(n));
    }
}

double Median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The second character of a text (0 when it has fewer).
char32_t SecondChar(std::string_view s) {
  size_t i = 0;
  if (s.empty()) return 0;
  NextChar(s, i);
  return i < s.size() ? NextChar(s, i) : 0;
}

// Each cell's text from its lines. A cell's lines wrap its text: joined
// without a break (a space only between ASCII words), so "2024年12" over
// "月底前" is one date. A line between two ideographs that had room left for
// the next line's first character was ended by its writer: a line break
// (县融媒体中心 / 县委网信办, two names); unless that character opens a mark no
// line may start with (punctuation.yaml no_line_start: 局、 moves down whole).
// The room is measured from the cell's padding: in a cell whose lines all
// start at one x (left-aligned) that inset, else the table's smallest; in a
// centred line the room is both sides' (an indented first line has none on
// its right).
void CellTexts(Fragment& f) {
  constexpr double kFits = 0.9;  // of a character: the room a character needs
  constexpr double kSameX = 0.5;  // points: lines starting this close are aligned
  const MarkSet& no_start = BuiltinPunctuation().punct.no_line_start;
  std::vector<std::vector<VisualLine>> cell_lines(f.cells.size());
  std::vector<double> inset(f.cells.size(), -1);  // of a left-aligned cell
  double pad = -1;
  for (size_t c = 0; c < f.cells.size(); ++c) {
    cell_lines[c] = Lines(std::move(f.words[c]));
    const double x = f.xs[static_cast<size_t>(f.cells[c].c0)];
    double lo = -1, hi = -1;
    for (const VisualLine& l : cell_lines[c]) {
      if (l.words.empty() || l.words.front().x0 < x) continue;
      const double in = l.words.front().x0 - x;
      lo = lo < 0 ? in : std::min(lo, in);
      hi = std::max(hi, in);
    }
    if (lo >= 0 && (pad < 0 || lo < pad)) pad = lo;
    if (cell_lines[c].size() >= 2 && lo >= 0 && hi - lo <= kSameX) inset[c] = lo;
  }
  pad = std::max(pad, 0.0);
  // A character's width: the cell's own, else the table's, else a line's height.
  std::vector<std::vector<double>> cell_widths(f.cells.size());
  std::vector<double> widths;
  for (size_t c = 0; c < f.cells.size(); ++c) {
    HanWidths(cell_lines[c], cell_widths[c]);
    widths.insert(widths.end(), cell_widths[c].begin(), cell_widths[c].end());
  }
  if (widths.empty())
    for (const auto& lines : cell_lines)
      for (const VisualLine& l : lines) widths.push_back(l.y1 - l.y0);
  const double table_width = widths.empty() ? 0 : Median(std::move(widths));
  for (size_t c = 0; c < f.cells.size(); ++c) {
    RuledCell& cell = f.cells[c];
    cell.bottom = f.ys[static_cast<size_t>(cell.r1) + 1];
    const double own = inset[c] >= 0 ? inset[c] : pad;
    const double left = f.xs[static_cast<size_t>(cell.c0)] + own;
    const double right = f.xs[static_cast<size_t>(cell.c1) + 1] - own;
    const double char_width = cell_widths[c].empty() ? table_width : Median(std::move(cell_widths[c]));
    std::string text;
    double room = 0;  // after the line before
    for (const VisualLine& l : cell_lines[c]) {
      cell.text_bottom = std::max(cell.text_bottom, l.y1);
      cell.line_height = std::max(cell.line_height, l.y1 - l.y0);
      std::string line;
      for (size_t s = 0; s < l.segs.size(); ++s) line += (s > 0 ? " " : "") + l.segs[s].text;
      // Between two ideographs only: a number's wrap (2023年 / 12) may leave room.
      if (!text.empty() && !line.empty() && room >= kFits * char_width && IsHan(LastChar(text)) &&
          IsHan(FirstChar(line)) && !no_start.Has(SecondChar(line)))
        text += '\n';
      JoinPiece(text, line);
      if (!l.words.empty()) {
        const double after = std::max(0.0, right - l.words.back().x1);
        const double before = std::max(0.0, l.words.front().x0 - left);
        room = after + std::min(after, before);
      }
    }
    cell.text = std::move(text);
  }
}

// The lines of a column right of a borderless table's content, given to its
// rows: `lines` and `anchors` (the content column's cells, one a row) as
// [y0, y1] extents, top to bottom. A row's cells are printed at its top or
// centred on it (Word centres them vertically: a two-line unit cell beside
// a one-line content starts above it, and may touch the row above's last
// line), so gaps alone cannot cut them. Lines are grouped into runs (no gap
// over 1.2 line heights inside one), each run given to one row, rows in
// order; the runs and rows are those whose centres or tops lie nearest, a
// run reaching into the next or the last row's cell costing that much more,
// and a run ended after a line that seems to wrap on (`wraps[k]`: in a narrow
// column, most lines do) half a line height more, less than a line reaching
// into another row costs (least total, by dynamic programming over lines and
// rows). Returns each line's row; empty when there are too many lines to try
// (a column's lines squared times the rows past 4 million: a hostile page).
std::vector<size_t> RowsByCentre(const std::vector<std::pair<double, double>>& lines, const std::vector<bool>& wraps,
                                 const std::vector<std::pair<double, double>>& anchors) {
  const size_t m = lines.size(), n = anchors.size();
  if (m == 0 || n == 0 || m > 400 || m * m * n > 4'000'000) return {};
  const double inf = std::numeric_limits<double>::infinity();
  auto cost = [&](size_t p, size_t q, size_t a) {  // lines p..q (inclusive) as row a's cell
    const double y0 = lines[p].first, y1 = lines[q].second;
    const double centre = std::abs((y0 + y1) / 2 - (anchors[a].first + anchors[a].second) / 2);
    const double above = a > 0 ? std::max(0.0, anchors[a - 1].second - y0) : 0;
    const double below = a + 1 < n ? std::max(0.0, y1 - anchors[a + 1].first) : 0;
    return std::min(centre, std::abs(y0 - anchors[a].first)) + above + below;
  };
  // best[k][a]: the least cost of the first k lines in runs given to rows
  // before a; from[k][a]: where the last run starts (m: row a-1 has none).
  std::vector<std::vector<double>> best(m + 1, std::vector<double>(n + 1, inf));
  std::vector<std::vector<size_t>> from(m + 1, std::vector<size_t>(n + 1, m));
  for (size_t a = 0; a <= n; ++a) best[0][a] = 0;
  for (size_t a = 0; a < n; ++a)
    for (size_t k = 1; k <= m; ++k) {
      best[k][a + 1] = best[k][a];
      from[k][a + 1] = m;
      // Runs ending at line k-1, longest last: stop at a gap inside.
      const double cut = k < m && wraps[k - 1] ? (lines[k - 1].second - lines[k - 1].first) / 2 : 0;
      for (size_t p = k; p-- > 0;) {
        if (p + 1 < k) {
          const double h = lines[p].second - lines[p].first;
          if (lines[p + 1].first - lines[p].second > 1.2 * std::max(h, 1.0)) break;
        }
        if (best[p][a] == inf) continue;
        const double c = best[p][a] + cost(p, k - 1, a) + cut;
        if (c < best[k][a + 1]) best[k][a + 1] = c, from[k][a + 1] = p;
      }
    }
  if (best[m][n] == inf) return {};
  std::vector<size_t> row(m);
  for (size_t k = m, a = n; k > 0; --a) {
    const size_t p = from[k][a];
    if (p == m) continue;  // row a-1 took no run
    for (size_t j = p; j < k; ++j) row[j] = a - 1;
    k = p;
  }
  return row;
}

Rendered LayoutPages(std::vector<PlacedPage> pages) {
  // Bordered tables first: their words are theirs; the rest is laid out by
  // lines and gaps.
  std::vector<std::vector<Fragment>> ruled(pages.size());
  std::vector<std::vector<VisualLine>> page_lines;
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    ruled[pi] = FindRuled(pages[pi].rules);
    std::vector<Word> rest;
    for (PlacedWord& pw : pages[pi].words) {
      Word w{std::move(pw)};
      bool taken = false;
      for (Fragment& f : ruled[pi]) {
        const int c = CellAt(f, (w.x0 + w.x1) / 2, w.yc());
        if (c >= 0) {
          f.words[c].push_back(w);
          taken = true;
          break;
        }
      }
      if (!taken) rest.push_back(std::move(w));
    }
    for (Fragment& f : ruled[pi]) CellTexts(f);
    page_lines.push_back(Lines(std::move(rest)));
  }

  // Running headers and footers: the same text (digits aside) in the top or
  // bottom eighth of at least half the pages (3 or more); page numbers there.
  std::map<std::string, int> edge_count;
  auto at_edge = [&](const VisualLine& l, const PlacedPage& p) {
    return p.height > 0 && (l.y1 < p.height / 8 || l.y0 > p.height * 7 / 8);
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    std::map<std::string, bool> seen;
    for (const VisualLine& l : page_lines[i])
      if (at_edge(l, pages[i])) seen[DigitsOut(Joined(l))] = true;
    for (auto& [k, v] : seen) ++edge_count[k];
  }
  const int repeat_min = std::max<int>(3, static_cast<int>(pages.size() + 1) / 2);

  // Table columns: left edges of segments on lines with two or more, across
  // the document (a table keeps its columns over pages).
  std::vector<std::pair<double, const VisualLine*>> edges;
  for (const auto& lines : page_lines)
    for (const VisualLine& l : lines)
      if (l.segs.size() >= 2)
        for (const Segment& s : l.segs) edges.push_back({s.x0, &l});
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<double> columns;  // left edges seen on 3 or more multi-segment lines
  std::vector<std::pair<size_t, size_t>> twice;  // edges seen on two
  for (size_t i = 0; i < edges.size();) {
    size_t j = i + 1;  // one at least, whatever the values (a NaN compares false)
    while (j < edges.size() && edges[j].first - edges[i].first < 4) ++j;
    if (j - i >= 3) columns.push_back(edges[i].first);
    if (j - i == 2) twice.push_back({i, j});
    i = j;
  }
  // A sparse column (备注 written in one row) shows on two lines only: its
  // edge counts when both lines are otherwise on columns (2 or more), i.e.
  // are table lines (its header line and that row).
  auto on_columns = [&](const VisualLine& l) {
    int n = 0;
    for (const Segment& s : l.segs)
      for (double c : columns)
        if (std::abs(s.x0 - c) < 4) {
          ++n;
          break;
        }
    return n >= 2 && n + 1 >= static_cast<int>(l.segs.size());
  };
  std::vector<double> sparse;
  for (auto [i, j] : twice)
    if (on_columns(*edges[i].second) && on_columns(*edges[i + 1].second)) sparse.push_back(edges[i].first);
  columns.insert(columns.end(), sparse.begin(), sparse.end());
  std::sort(columns.begin(), columns.end());
  for (auto& lines : page_lines)
    for (VisualLine& l : lines) Split(l, columns);
  auto column_of = [&](double x0) {
    int c = 0;
    for (size_t k = 0; k < columns.size(); ++k)
      if (x0 >= columns[k] - 4) c = static_cast<int>(k);
    return c;
  };

  Rendered r;
  LineBuilder out(&r);
  bool in_table = false;
  // Rows of the current table, kept until it ends so that a row cut by a page
  // break can be finished by the next page.
  std::vector<std::pair<std::vector<std::string>, int>> pending;
  auto flush = [&] {
    for (auto& [row, page] : pending) {
      std::vector<InCell> cells;
      for (auto& text : row) cells.push_back({std::move(text), 1, 1, false});
      out.AddRow(std::move(cells), page);
    }
    pending.clear();
  };
  RuledTable table;
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    const int page = static_cast<int>(pi) + 1;
    std::vector<VisualLine> lines;
    for (VisualLine& l : page_lines[pi]) {
      if (at_edge(l, pages[pi]) && (PageNumber(Joined(l)) || edge_count[DigitsOut(Joined(l))] >= repeat_min)) continue;
      lines.push_back(std::move(l));
    }
    // A table runs from a line with two or more segments (on the column
    // grid) while lines keep to the grid: more than one segment, or one that
    // starts at a column other than the first.
    // Bordered tables go in where they stand; one that is the first thing
    // on its page goes on with the last page's when the columns agree.
    size_t next_fragment = 0;
    bool first_on_page = true;
    auto fragments_above = [&](double y) {
      for (; next_fragment < ruled[pi].size() && ruled[pi][next_fragment].ys.front() < y; ++next_fragment) {
        Fragment& f = ruled[pi][next_fragment];
        flush();
        if (in_table) out.EndTable();
        in_table = false;
        if (first_on_page && table.open() && table.last_page() == page - 1 && table.Fits(f)) {
          table.Continue(std::move(f), page);
        } else {
          table.Emit(out);
          table.Start(f, page);
        }
        first_on_page = false;
      }
    };
    size_t i = 0;
    while (i < lines.size()) {
      fragments_above(lines[i].y0);
      table.Emit(out);
      first_on_page = false;
      const bool multi = columns.size() >= 2 && lines[i].segs.size() >= 2;
      // On the grid: off the first column, or inside it (a label cell).
      auto on_grid = [&](const VisualLine& l) {
        return l.segs.size() >= 2 || column_of(l.segs.front().x0) > 0 || l.segs.front().x1 < columns[1];
      };
      const bool continues = in_table && columns.size() >= 2 && on_grid(lines[i]);
      // A line with one cell off the first column right above a table line
      // is the top of that table's first row.
      const bool leads = !multi && !continues && columns.size() >= 2 && column_of(lines[i].segs.front().x0) > 0 &&
                         i + 1 < lines.size() && lines[i + 1].segs.size() >= 2 &&
                         lines[i + 1].y0 - lines[i].y1 < 0.5 * (lines[i].y1 - lines[i].y0);
      if (!multi && !continues && !leads) {
        flush();
        in_table = false;
        out.Paragraph(Joined(lines[i]), page);
        ++i;
        continue;
      }
      // Collect the table's lines on this page; a first row whose cells wrap
      // may start with a line holding one cell only (完成时 over 限).
      size_t end = i;
      // A table going on over a page break, or split in two with its header
      // repeated (a Word table per page), repeats its first line: that line
      // is dropped and the row above may go on under it, as at a page break.
      std::vector<std::string> header(columns.size());
      if (!pending.empty()) {
        header = pending.front().first;
      } else {
        for (const Segment& s : lines[i].segs) header[column_of(s.x0)] = s.text;
      }
      auto repeats_header = [&](const VisualLine& l) {
        return l.segs.size() >= 2 && std::all_of(l.segs.begin(), l.segs.end(), [&](const Segment& s) {
                 const size_t c = column_of(s.x0);
                 return c < header.size() && header[c] == s.text;
               });
      };
      while (end < lines.size() && on_grid(lines[end]) && !(end > i && repeats_header(lines[end])))
        ++end;
      if (!in_table) out.BeginTable(/*spans_exact=*/false);  // cells from gaps: merges unknown
      in_table = true;
      const bool repeated = !pending.empty() && repeats_header(lines[i]);
      const bool page_top = i == 0 || repeated;
      if (repeated && ++i == end) continue;
      // Cells: per column, segments stacked with small gaps form one cell.
      struct Block {
        double y0, y1;
        std::string text;
      };
      // The content column: the one with the most text.
      std::vector<size_t> chars(columns.size());
      std::vector<double> right(columns.size());  // the furthest a line in the column reaches
      for (size_t k = i; k < end; ++k)
        for (const Segment& s : lines[k].segs) {
          chars[column_of(s.x0)] += s.text.size();
          right[column_of(s.x0)] = std::max(right[column_of(s.x0)], s.x1);
        }
      const size_t ref = std::max_element(chars.begin(), chars.end()) - chars.begin();
      // Without borders, a table whose cells pad little (LibreOffice's) leaves
      // no gap between rows: the rows show only where their cells start
      // together. A line with content starts a row when another column starts
      // a cell on it (empty on the line above), or when neither the content
      // nor another column written on both lines wraps on from the line
      // above (a one-line header row over the first row). There each column
      // starts a new cell unless its line above wraps on (a merged cell's
      // text going on over the rows).
      auto in_column = [&](size_t k, size_t c) -> const Segment* {
        for (const Segment& s : lines[k].segs)
          if (static_cast<size_t>(column_of(s.x0)) == c && !Blank(s.text)) return &s;
        return nullptr;
      };
      // A line wraps on when it ends mid-sentence within a few characters
      // of the next column (CJK line breaking may leave two empty).
      auto wraps_on = [&](const Segment& s, size_t c) {
        const double h = s.y1 - s.y0;
        const double limit = c + 1 < columns.size() ? columns[c + 1] : right[c] + h;
        return s.x1 >= limit - 2.5 * h && Unfinished(s.text);
      };
      auto row_top = [&](size_t k) {
        if (k == i || in_column(k, ref) == nullptr) return false;
        const Segment* content_above = in_column(k - 1, ref);
        const bool content_ends = content_above == nullptr || !wraps_on(*content_above, ref);
        for (const Segment& s : lines[k].segs) {
          const size_t c = column_of(s.x0);
          if (c == ref) continue;
          const Segment* above = in_column(k - 1, c);
          if (above == nullptr || (content_ends && !wraps_on(*above, c))) return true;
        }
        return false;
      };
      std::vector<std::vector<Block>> blocks(columns.size());
      for (size_t k = i; k < end; ++k) {
        const bool top = row_top(k);
        for (const Segment& s : lines[k].segs) {
          // A blank word (a space set alone, a list bullet in a symbol
          // font's private-use code) is no cell: as a second block beside
          // the content it would cut a row in two.
          if (Blank(s.text)) continue;
          const size_t c = column_of(s.x0);
          auto& col = blocks[c];
          const double h = s.y1 - s.y0;
          const Segment* above = top && c != ref ? in_column(k - 1, c) : nullptr;
          // Only a column left of the content goes on: there a group title
          // merged over rows wraps; right of it, short cells (a deadline)
          // may fill their column without going on.
          const bool goes_on = above != nullptr && c < ref && wraps_on(*above, c);
          // Lines of one cell touch or overlap; any real gap is a cell edge.
          if (!col.empty() && s.y0 - col.back().y1 < 0.1 * h && (!top || goes_on)) {
            col.back().text += '\n';
            col.back().text += s.text;
            col.back().y1 = std::max(col.back().y1, s.y1);
          } else {
            col.push_back({s.y0, s.y1, s.text});
          }
        }
      }
      // Rows: the gaps of the content column.
      std::vector<double> bounds;  // row k spans [bounds[k-1], bounds[k])
      // Within the gap between two of its cells, the row boundary lies where
      // no other cell is: a taller cell in another column may start above the
      // next content cell. A cell covering the whole gap is a merged one.
      for (size_t b = 1; b < blocks[ref].size(); ++b) {
        const double a = blocks[ref][b - 1].y1, z = blocks[ref][b].y0;
        std::vector<std::pair<double, double>> free = {{a, z}};
        for (size_t c = 0; c < blocks.size(); ++c)
          for (const Block& o : blocks[c]) {
            if (o.y1 <= a || o.y0 >= z || (o.y0 <= a && o.y1 >= z)) continue;
            std::vector<std::pair<double, double>> next;
            for (auto [f0, f1] : free) {
              if (o.y0 > f0) next.push_back({f0, std::min(f1, o.y0)});
              if (o.y1 < f1) next.push_back({std::max(f0, o.y1), f1});
            }
            free.clear();
            for (auto f : next)
              if (f.second > f.first) free.push_back(f);
          }
        double at = (a + z) / 2, widest = -1;
        for (auto [f0, f1] : free)
          if (f1 - f0 > widest) widest = f1 - f0, at = (f0 + f1) / 2;
        bounds.push_back(at);
      }
      std::sort(bounds.begin(), bounds.end());
      std::vector<std::vector<std::string>> rows(bounds.size() + 1, std::vector<std::string>(columns.size()));
      // Column c's lines given to the rows of `anchors` by RowsByCentre, into
      // rows[..][c]; a run covering another row's middle half too is a
      // merged cell, in each. False when RowsByCentre declines.
      auto assign_column = [&](size_t c, const std::vector<std::pair<double, double>>& anchors,
                               std::vector<std::vector<std::string>>& into, size_t first) {
        std::vector<const Segment*> segs;
        for (size_t k = first; k < end; ++k)
          if (const Segment* s = in_column(k, c)) segs.push_back(s);
        if (segs.empty()) return true;
        std::vector<std::pair<double, double>> spans;
        std::vector<bool> wraps;
        for (const Segment* s : segs) spans.push_back({s->y0, s->y1}), wraps.push_back(wraps_on(*s, c));
        const std::vector<size_t> row_of = RowsByCentre(spans, wraps, anchors);
        if (row_of.empty()) return false;
        for (size_t p = 0; p < segs.size();) {
          size_t q = p;
          std::string text = segs[p]->text;
          while (q + 1 < segs.size() && row_of[q + 1] == row_of[p]) text += "\n" + segs[++q]->text;
          const double y0 = segs[p]->y0, y1 = segs[q]->y1;
          for (size_t a = 0; a < anchors.size(); ++a) {
            const double centre = (anchors[a].first + anchors[a].second) / 2;
            const double quarter = (anchors[a].second - anchors[a].first) / 4;
            if (a != row_of[p] && !(y0 <= centre - quarter && centre + quarter <= y1)) continue;
            std::string& cell = into[a][c];
            if (!cell.empty()) cell += '\n';
            cell += text;
          }
          p = q + 1;
        }
        return true;
      };
      std::vector<bool> by_centre(columns.size());
      bool numbered_rows_taken = false;
      // A 序号 column left of the content numbering every row (1, 2, 3 …) is
      // surer than the content's gaps, which rows printed with no padding
      // between them lack: its numbers are the rows (with the header line
      // above them, on a table's first page), each column's lines given to
      // them as above. Not where the page goes on with the last page's row.
      {
        std::vector<std::pair<double, double>> anchors;
        std::vector<std::string> numbers;
        bool numbered = ref > 0;
        size_t numbered_rows = 0;
        int last = 0;
        // The lines above the header (the table's title, on the grid) stay
        // rows of their own.
        size_t top = i;
        if (pending.empty())
          while (top < end && in_column(top, 0) == nullptr) ++top;
        for (size_t k = top; k < end && numbered; ++k) {
          const Segment* s = in_column(k, 0);
          if (s == nullptr) continue;
          const bool digits = !s->text.empty() && s->text.size() <= 4 &&
                              std::all_of(s->text.begin(), s->text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
          if (k == top && !digits && pending.empty() && lines[k].segs.size() >= 2) {
            anchors.push_back({lines[k].y0, lines[k].y1});  // the header
            numbers.push_back(s->text);
            continue;
          }
          const int n = digits ? std::atoi(s->text.c_str()) : 0;
          if (!digits || (last && n != last + 1)) {
            numbered = false;
            break;
          }
          last = n;
          anchors.push_back({s->y0, s->y1});
          numbers.push_back(s->text);
          ++numbered_rows;
        }
        // Nothing above the first anchor (a row the last page began).
        for (size_t k = top; k < end && numbered && !anchors.empty(); ++k)
          if (lines[k].y1 < anchors.front().first) numbered = false;
        if (numbered && numbered_rows >= 2) {
          std::vector<std::vector<std::string>> seq_rows(anchors.size(), std::vector<std::string>(columns.size()));
          for (size_t a = 0; a < anchors.size(); ++a) seq_rows[a][0] = numbers[a];
          bool all = true;
          for (size_t c = 1; c < columns.size() && all; ++c) all = assign_column(c, anchors, seq_rows, top);
          if (all) {
            std::vector<std::vector<std::string>> above(top - i, std::vector<std::string>(columns.size()));
            for (size_t k = i; k < top; ++k)
              for (const Segment& s : lines[k].segs) {
                std::string& cell = above[k - i][static_cast<size_t>(column_of(s.x0))];
                cell += (cell.empty() ? "" : " ") + s.text;
              }
            seq_rows.insert(seq_rows.begin(), above.begin(), above.end());
            rows = std::move(seq_rows);
            std::fill(by_centre.begin(), by_centre.end(), true);
            numbered_rows_taken = true;
          }
        }
      }
      // Right of the content, each line goes to its row by RowsByCentre.
      // (Where the 序号 rows above did not apply.)
      if (!numbered_rows_taken && rows.size() == blocks[ref].size()) {
        std::vector<std::pair<double, double>> anchors;
        for (const Block& b : blocks[ref]) anchors.push_back({b.y0, b.y1});
        for (size_t c = ref + 1; c < columns.size(); ++c) by_centre[c] = assign_column(c, anchors, rows, i);
      }
      // A cell crossing a row boundary is a merged one (no boundary was put
      // through a cell that could be avoided): it goes into every row it
      // overlaps, as the exact formats repeat a merged cell.
      for (size_t c = 0; c < blocks.size(); ++c)
        for (const Block& b : blocks[c]) {
          if (by_centre[c]) continue;
          const double inset = std::min(3.0, (b.y1 - b.y0) / 4);
          size_t first = std::upper_bound(bounds.begin(), bounds.end(), b.y0 + inset) - bounds.begin();
          size_t last = std::upper_bound(bounds.begin(), bounds.end(), b.y1 - inset) - bounds.begin();
          for (size_t row = first; row <= last && row < rows.size(); ++row) {
            std::string& cell = rows[row][c];
            if (!cell.empty()) cell += '\n';
            cell += b.text;
          }
        }
      for (size_t k = 0; k < rows.size(); ++k) {
        // A row cut by the page break: the page's first row has no cell in
        // the fullest column (the content); its cells finish the last row.
        // So is one whose content the last row left mid-sentence.
        auto unfinished = [&](const std::string& cell) { return Unfinished(cell); };
        if (k == 0 && page_top && !pending.empty() && ref < pending.back().first.size() &&
            (rows[k][ref].empty() || unfinished(pending.back().first[ref]))) {
          for (size_t c = 0; c < rows[k].size() && c < pending.back().first.size(); ++c)
            if (!rows[k][c].empty()) pending.back().first[c] += "\n" + rows[k][c];
          continue;
        }
        pending.push_back({std::move(rows[k]), page});
      }
      i = end;
    }
    fragments_above(std::numeric_limits<double>::infinity());
  }
  flush();
  out.EndTable();
  table.Emit(out);
  r.encoding = "UTF-8";
  return r;
}

bool IsPageNumber(std::string_view line) { return PageNumber(line); }

}  // namespace noticetab::native
