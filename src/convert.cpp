#include "noticetab/convert.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/link.h"
#include "noticetab/normalize.h"
#include "noticetab/read.h"
#include "noticetab/repair.h"
#include "noticetab/text.h"
#include "join.h"
#include "readers/readers.h"
#include "schema.h"
#include "stages.h"

namespace noticetab {
namespace {

// Whether the table whose header is on input line `header_line` came from a
// native grid that knows its merged cells (Grid::spans_exact). Text input has
// no grids: its merges are always guessed.
bool SpansExact(const Source& original, int header_line) {
  for (const Grid& g : original.grids)
    for (const GridRow& row : g.rows)
      if (row.span.first_line != 0 && row.span.first_line <= header_line && header_line <= row.span.last_line)
        return g.spans_exact;
  return false;
}

// A note printed under a table (注：…) ends it (EndsTable): said, with its
// words, since no field of the ledger holds it. The note line, else null.
const Line* WarnTableNote(const std::vector<Line>& lines, const Grid& grid, const Rules& rules, Document& doc) {
  auto next = std::upper_bound(lines.begin(), lines.end(), grid.span.last_line,
                               [](int no, const Line& l) { return no < l.no; });
  while (next != lines.end() && (next->kind == LineKind::kBlank || next->kind == LineKind::kJunk)) ++next;
  // A total row (合计 | 共6项) ends the table too: said, and the note may follow it.
  if (next != lines.end() && next->kind == LineKind::kText && rules.total_row.Contains(next->text)) {
    std::string words(Trim(next->text));
    std::replace(words.begin(), words.end(), '\t', ' ');
    doc.Warn("table.total_row", "line " + std::to_string(next->no) + ": the table's total row, not a task: " + words,
             next->no, next->no);
    for (++next; next != lines.end() && (next->kind == LineKind::kBlank || next->kind == LineKind::kJunk);) ++next;
  }
  if (next == lines.end() || next->kind != LineKind::kText || !rules.table_note.Contains(next->text)) return nullptr;
  std::string words(Trim(next->text));
  std::replace(words.begin(), words.end(), '\t', ' ');
  doc.Warn("table.note", "line " + std::to_string(next->no) + ": a note under the table, not a task: " +
                             std::string(Trim(words)), next->no, next->no);
  return &*next;
}

// What a note under the table tells the reader of its cells: a blank cell is
// as the row above's (headers.yaml blank_as_above); a short name stands for
// a full one (units.yaml legend: 注：“发改”指县发展和改革局，“住建”指…).
void ReadTableNote(const Line& note, const Rules& rules, Table& t) {
  if (rules.blank_as_above.Contains(note.text)) t.blank_as_above_line = note.no, t.blank_as_above_note = note.text;
  const std::string_view text = note.text;
  for (size_t from = 0; from < text.size();) {
    const Regex::Match m = rules.unit_legend.Find(text.substr(from));
    if (!m.found || m.end == 0) break;
    const std::string_view short_name = m.Group("short"), full = m.Group("full");
    if (!short_name.empty() && !full.empty() && IsCompleteUnit(full, rules)) t.legend.emplace_back(short_name, full);
    from += m.end;
  }
  if (!t.legend.empty()) t.legend_line = note.no;
}

// A document read with its tables (docx, html, odt) knows which lines are
// table rows: a line without columns that the text reader took into the table
// as a wrapped cell (a 注：… paragraph, site footer after the table) is in no
// table of the document, and never a cell's wrap. Those rows leave the grid,
// said in a warning, instead of being joined to the last task's content.
void DropLinesOutsideNativeTables(const Source& original, Grid& grid, Document& doc) {
  if (original.grids.empty() || !SpansExact(original, grid.span.first_line)) return;
  auto in_table = [&](int line) {
    for (const Grid& g : original.grids)
      if (g.span.first_line <= line && line <= g.span.last_line)
        for (const GridRow& row : g.rows)
          if (row.span.first_line <= line && line <= row.span.last_line) return true;
    return false;
  };
  int first = 0, count = 0, last_kept = grid.span.first_line;
  std::erase_if(grid.rows, [&](const GridRow& r) {
    if (!r.unsplit || in_table(r.span.first_line)) {
      last_kept = std::max(last_kept, r.span.last_line);
      return false;
    }
    if (count++ == 0) first = r.span.first_line;
    return true;
  });
  if (count == 0) return;
  grid.span.last_line = last_kept;
  doc.Warn("table.outside_lines", "line " + std::to_string(first) + (count > 1 ? " and " + std::to_string(count - 1) + " more" : "") +
                                      ": text outside the document's tables (after a table, in none of its cells) not read as table rows",
           first, first);
}

// The body runs from the first heading to the first line that starts the
// annex, the footer, or a table. A table may also come before any heading (a
// table pasted on its own, or under a bare title). One pass over the reader
// registry (FindReaders) finds the first table, or the body readers.
Regions FindRegions(const std::vector<Line>& lines, const Rules& rules, FoundReaders* found) {
  Regions r;
  *found = FindReaders(lines, rules);
  r.table_begin = lines.size();
  r.body_end = found->body_end;
  return r;
}

// Maps each Simplified character back to the original character it came
// from in this text. False when the texts do not align code point for code
// point. A character printed in both forms (发 in a line, 發 in the table)
// maps to the form printed more often (the Simplified one on a tie), and is
// counted in *mixed. Lines marked in `skip` (1-based: a Simplified page
// frame, 字号 and 关闭窗口 around a traditional notice) are not counted: no
// field comes from them.
bool BuildRestoreMap(std::string_view original, std::string_view simplified,
                     std::unordered_map<char32_t, char32_t>* map,
                     const std::vector<bool>& skip = {}, size_t* mixed = nullptr) {
  struct Seen {
    char32_t first = 0,
             other = 0;  // the forms printed (two at most: a character and its Traditional form)
    int first_count = 0, other_count = 0;
  };
  std::unordered_map<char32_t, Seen> m;
  size_t i = 0, j = 0, line = 1;
  while (i < original.size() && j < simplified.size()) {
    char32_t o = NextChar(original, i), s = NextChar(simplified, j);
    if (s == '\n') ++line;
    if (line < skip.size() && skip[line]) continue;
    Seen& e = m[s];
    if (e.first_count == 0 || e.first == o)
      e.first = o, ++e.first_count;
    else
      e.other = o, ++e.other_count;
  }
  if (i != original.size() || j != simplified.size()) return false;
  size_t both = 0;
  for (const auto& [s, e] : m) {
    char32_t o = e.first;
    if (e.other_count > 0) {
      ++both;
      o = e.first_count != e.other_count ? (e.first_count > e.other_count ? e.first : e.other) : s;
    }
    if (s != o) (*map)[s] = o;
  }
  if (mixed) *mixed = both;
  return true;
}

std::string Restore(std::string_view s, const std::unordered_map<char32_t, char32_t>& map) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = NextChar(s, i);
    auto it = map.find(c);
    AppendUtf8(out, it == map.end() ? c : it->second);
  }
  return out;
}

// Gives every emitted string of a document but `source` its original
// characters back, through the schema walk (schema.h).
class RestoreVisitor {
 public:
  explicit RestoreVisitor(const std::unordered_map<char32_t, char32_t>& map) : map_(map) {}
  void Raw(std::string_view, std::string&) {}
  void Str(std::string_view, std::string& s) { s = Restore(s, map_); }
  void Str(std::string_view, std::optional<std::string>& s) {
    if (s) *s = Restore(*s, map_);
  }
  void StrIf(std::string_view key, bool, std::string& s) { Str(key, s); }
  template <typename T>
  void Int(std::string_view, T&) {}
  void List(std::string_view key, std::vector<std::string>& v) {
    for (auto& s : v) Str(key, s);
  }
  void Flag(std::string_view, bool&) {}
  void Pair(std::string_view, int&, int&) {}
  template <typename F>
  void Map(std::string_view, F body) {
    body();
  }
  template <typename T, typename F>
  void Seq(std::string_view, std::vector<T>& v, F each) {
    for (T& x : v) each(x);
  }

 private:
  const std::unordered_map<char32_t, char32_t>& map_;
};



// Rows of tab-separated cells that no table took (a header noticetab did not
// recognize, 序号 | 考核指标 | 分值 …): said in a document warning, with the
// lines, never dropped silently. A run of kRun lines with two tabs or more
// outside every table read.
void WarnUnreadRows(const std::vector<Line>& lines, const std::vector<std::pair<int, int>>& read, Document& doc) {
  constexpr int kRun = 3;
  auto in_table = [&](int no) {
    return std::any_of(read.begin(), read.end(), [&](const auto& s) { return no >= s.first && no <= s.second; });
  };
  int first = 0, last = 0, count = 0;
  auto flush = [&] {
    if (count >= kRun)
      doc.Warn("table.unread", "lines " + std::to_string(first) + "-" + std::to_string(last) +
                                   " hold tab-separated cells, but no table header was recognized there; they were not read");
    count = 0;
  };
  for (const Line& l : lines) {
    if (l.tabs < 2) {
      if (l.kind != LineKind::kBlank && l.kind != LineKind::kJunk) flush();
      continue;
    }
    if (l.kind == LineKind::kJunk) continue;
    if (!in_table(l.no)) {
      if (count == 0) first = l.no;
      last = l.no;
      ++count;
    } else {
      flush();
    }
  }
  flush();
}

// A header printed one cell a line that names no unit, under a name no rule
// knows that starts it (阶段 | 时间 | 工作内容: a 时间安排), outside every
// table read: no table was read there, said in a document warning.
void WarnUnreadCellHeaders(const std::vector<Line>& lines, const std::vector<std::pair<int, int>>& read,
                           Document& doc, const Rules& rules) {
  for (size_t k = 1; k < lines.size(); ++k) {
    const Line& l = lines[k];
    // Header names are short, one a line: most lines are turned away here.
    if (l.kind != LineKind::kText || l.tabs > 0 || lines[k - 1].kind != LineKind::kText ||
        CharCountUpTo(l.text, 9) > 8 || CharCountUpTo(lines[k - 1].text, 9) > 8)
      continue;
    if (std::any_of(read.begin(), read.end(), [&](const auto& s) { return l.no >= s.first && l.no <= s.second; }))
      continue;
    const size_t end = UnreadCellHeader(lines, k, rules);
    if (end == 0) continue;
    std::string names(lines[k - 1].text);
    for (size_t j = k; j < end; ++j)
      if (lines[j].kind != LineKind::kBlank) names += " | " + std::string(lines[j].text);
    doc.Warn("table.unread", "line " + std::to_string(lines[k - 1].no) + ": a header printed one cell a line (" + names +
                                 ") names no responsible unit; the table under it was not read");
    k = end - 1;
  }
}

// The lines an input repair touched, for its warning ("line 5", "lines 7,
// 13, 14"): one Add per place repaired, in order; a line once; none after
// the 64th place.
class TouchedLines {
 public:
  void Add(int line) {
    if (line != last_ && places_ < 64) text_ += (text_.empty() ? "" : ", ") + std::to_string(line), last_ = line;
    ++places_;
  }
  size_t places() const { return places_; }
  std::string Text() const { return (text_.find(',') == std::string::npos ? "line " : "lines ") + text_; }

 private:
  std::string text_;
  int last_ = 0;
  size_t places_ = 0;
};

// Removes every match of `glyphs` (a rule for characters the extraction
// could not map) from `in` into `out`, with an input.glyph_codes warning
// naming their lines and the first as printed. False when there is none.
bool RemoveGlyphs(const Regex& glyphs, const Source& in, Source& out, Document& doc) {
  const std::string_view text = in.text();
  if (!glyphs.Contains(text)) return false;
  TouchedLines lines;
  size_t counted = 0;
  int line = 1;
  std::string_view first;
  for (size_t from = 0; from < text.size();) {
    const auto m = glyphs.Find(text.substr(from));
    if (!m.found || m.end == 0) break;
    if (first.empty()) first = text.substr(from + m.begin, m.end - m.begin);
    line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                        text.begin() + static_cast<std::ptrdiff_t>(from + m.begin), '\n'));
    counted = from + m.begin;
    lines.Add(line);
    from += m.end;
  }
  out = Source(in.name(), in.encoding(), glyphs.ReplaceAll(text, ""));
  const size_t count = lines.places();
  doc.Warn("input.glyph_codes", std::to_string(count) + " unmapped glyph code" + (count == 1 ? "" : "s") + " (" +
                                    std::string(first.substr(0, 40)) + ") removed; what " +
                                    (count == 1 ? "it" : "they") + " stood for is missing (" + lines.Text() + ")");
  return true;
}

// Japanese forms OCR gives for Chinese characters (県 for 县: junk.yaml
// ocr_forms), each read as its Chinese form before parsing, with a document
// warning naming the first and the lines. Left in, 県交通运输局 is a unit of
// its own beside 县交通运输局.
bool FoldOcrForms(const Rules& rules, const Source& in, Source& out, Document& doc) {
  const std::string_view text = in.text();
  if (!rules.ocr_form_any.Contains(text)) return false;
  std::string folded, first;
  folded.reserve(text.size());
  TouchedLines lines;
  int line = 1;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = NextChar(text, i);
    const size_t k = c < 0x80 ? std::u32string::npos : rules.ocr_forms.find(c);
    if (k == std::u32string::npos) {
      folded.append(text.substr(at, i - at));
      line += c == '\n';
      continue;
    }
    AppendUtf8(folded, rules.ocr_chinese[k]);
    if (first.empty()) first = std::string(text.substr(at, i - at)) + " as ", AppendUtf8(first, rules.ocr_chinese[k]);
    lines.Add(line);
  }
  out = Source(in.name(), in.encoding(), std::move(folded));
  const size_t count = lines.places();
  doc.Warn("input.ocr_forms", std::to_string(count) + " character" + (count == 1 ? "" : "s") +
                                  " in a Japanese form read as Chinese (" + first + ", " + lines.Text() + ")");
  return true;
}

// The rows of a grid that are no header; with `assigned`, only those with a
// cell besides the first (the content): units or a deadline.
size_t BodyRows(const Grid& g, bool assigned = false) {
  return static_cast<size_t>(std::count_if(g.rows.begin(), g.rows.end(), [&](const GridRow& r) {
    return !r.header &&
           (!assigned || std::any_of(r.cells.begin() + (r.cells.empty() ? 0 : 1), r.cells.end(),
                                     [](const GridCell& c) { return !c.text.empty(); }));
  }));
}

// Whether an outline read flat is one list numbered 1, 2, 3 … to its end:
// a list that starts again (1．1．2．1．, two levels a word processor
// numbers alike) is no flat list.
// Only a list of item-level markers (1．, （1）) is so read: a style of the
// first level (一、) heads sections however few their lines are.
bool NumberedStraight(const std::vector<Section>& sections, const std::vector<Line>& lines,
                      const Rules& rules) {
  if (sections.size() != 1) return false;
  const std::vector<Item>& items = sections.front().items;
  for (size_t k = 0; k < items.size(); ++k) {
    if (rules.numerals.Value(items[k].no) != static_cast<int>(k) + 1) return false;
    const int line = items[k].line;
    if (line < 1 || line > static_cast<int>(lines.size())) return false;
    const Line& l = lines[static_cast<size_t>(line) - 1];
    if (!l.heading || l.heading->style < 0 || static_cast<size_t>(l.heading->style) >= rules.headings.size() ||
        rules.FirstLevel(l.heading->style))
      return false;
  }
  return items.size() >= 2;
}

// A title naming a span of years (2023—2025年数字政府建设行动方案): the
// span's first year, so a deadline in it (2023年底前) is not before the plan.
// One search of the title, not of every line.
void PlanSpan(std::string_view title, const Rules& rules, YearContext& years) {
  if (const auto m = rules.plan_span.Find(title); m.found)
    if (const int from = rules.numerals.Value(m.Group("from")); from > 0) years.first = from;
}

}  // namespace

Document Convert(const Source& original, const Rules& rules, const ConvertOptions& opts) {
  TextMemo text_memo(rules);  // texts several stages read (unit splits, header roles): once each
  Document doc;
  doc.source = original.name();
  doc.encoding = original.encoding();
  doc.format = original.format;
  doc.warnings = original.warnings;
  doc.diagnostics = original.diagnostics;
  // A Source filled by hand (tests, embedders) may have warnings without codes.
  for (size_t k = doc.diagnostics.size(); k < doc.warnings.size(); ++k)
    doc.diagnostics.push_back({"input.note", 0, 0, doc.warnings[k]});

  // Pinyin annotations (發(fā)展) would break every keyword; they go before parsing.
  const Source* source = &original;
  Source stripped;
  if (rules.pinyin.Contains(original.text())) {
    stripped = Source(original.name(), original.encoding(), rules.pinyin.ReplaceAll(original.text(), ""));
    source = &stripped;
    doc.Warn("input.pinyin_removed",
             "pinyin annotations after characters (" + std::string(MessageExample("pinyin", rules)) + ") removed");
  }
  // <br> inside the cells of converted markdown: a space, as a wrapped line.
  // (Both tag rules below are asked only of a text that has a tag's <.)
  const bool tagged = source->text().find('<') != std::string_view::npos;
  Source unbroken;
  if (tagged && rules.inline_break.Contains(source->text())) {
    unbroken = Source(source->name(), source->encoding(), rules.inline_break.ReplaceAll(source->text(), " "));
    source = &unbroken;
  }
  // <b>…</b> there: markdown's bold, which the unit reader knows as a mark
  // (the lead units in bold), and whose tags would split a name at their /.
  Source unbolded;
  if (tagged && rules.inline_bold.Contains(source->text())) {
    unbolded = Source(source->name(), source->encoding(), rules.inline_bold.ReplaceAll(source->text(), "**"));
    source = &unbolded;
  }
  // Glyphs the extraction could not map ((cid:3) of PDF text, ☐☐ runs of
  // OCR): removed, with their lines and the first one as printed.
  Source deglyphed, unboxed;
  if (RemoveGlyphs(rules.glyph_codes, *source, deglyphed, doc)) source = &deglyphed;
  if (RemoveGlyphs(rules.glyph_boxes, *source, unboxed, doc)) source = &unboxed;
  Source unjapanese;
  if (FoldOcrForms(rules, *source, unjapanese, doc)) source = &unjapanese;
  // Traditional characters: parse a Simplified copy, then give every emitted
  // string its original characters back (the conversion is one code point
  // for one, so positions align).
  Source simplified;
  std::unordered_map<char32_t, char32_t> restore;
  std::string_view traditional;  // the text as printed, when it is read Simplified
  size_t mixed = 0;              // characters printed in both forms (BuildRestoreMap)
  // A few of them name no notice written in Traditional characters (a site's
  // 繁體 language link): at least kTraditionalHints of them do.
  constexpr int kTraditionalHints = 3;
  int hints = 0;
  for (std::string_view rest = source->text(); hints < kTraditionalHints;) {
    const auto m = rules.traditional_hint.Find(rest);
    if (!m.found || m.end == 0) break;
    ++hints;
    rest.remove_prefix(m.end);
  }
  if (hints >= kTraditionalHints) {
    traditional = source->text();
    std::string s = ToSimplified(source->text());
    if (s != source->text() && BuildRestoreMap(source->text(), s, &restore, {}, &mixed)) {
      simplified = Source(source->name(), source->encoding(), std::move(s));
      source = &simplified;
      doc.Warn("input.traditional",
               "Traditional characters matched in Simplified form; output keeps the original characters");
    }
  }
  const Source& src = *source;

  std::vector<Line> lines = ClassifyLines(src, rules);
  if (!restore.empty()) {
    // Counted again without the junk lines (site chrome in Simplified).
    std::vector<bool> junk(lines.size() + 2, false);
    bool any = false;
    for (const Line& l : lines)
      if (l.kind == LineKind::kJunk) junk[l.no] = any = true;
    if (any) {
      restore.clear();
      BuildRestoreMap(traditional, src.text(), &restore, junk, &mixed);
    }
    if (mixed > 0)
      doc.Warn("input.traditional_mixed", std::to_string(mixed) + " character" +
                                              (mixed == 1 ? " is" : "s are") +
                                              " printed in both Simplified and Traditional form; "
                                              "each is given back in the form printed more "
                                              "often, which may differ from a line's own");
  }
  FoundReaders found;
  Regions regions = FindRegions(lines, rules, &found);
  size_t table_at = found.table_at;
  const Reader* reader = found.table;
  bool has_table = reader != nullptr;
  if (has_table) regions.table_begin = table_at;

  doc.document = ReadFrontMatter(lines, regions, rules);
  if (doc.document.number_printed)
    doc.Warn("document.ocr_digits", "document number read with letters as digits (OCR): " +
                                        *doc.document.number_printed + " as " + doc.document.number.value_or(""));
  std::vector<int> item_end;
  // A plan printed as the annex of a cover that assigns nothing: its outline.
  const Regions outline_at = [&] {
    Regions r = regions;
    if (found.plan_at > 0) r.body_begin = found.plan_at;
    return r;
  }();
  doc.sections = ReadOutline(lines, outline_at, rules, &item_end);
  if (doc.sections.empty()) doc.Warn("outline.empty", "no numbered headings found; the outline is empty");

  YearContext years;
  if (doc.document.title) {
    const std::string title = AsciiDigits(*doc.document.title);  // ２０２３年 is 2023年
    if (auto m = rules.title_year.Find(title); m.found) years.title = std::stoi(std::string(m.Group("y")));
    PlanSpan(*doc.document.title, rules, years);
  }
  if (doc.document.date) years.date = std::stoi(doc.document.date->substr(0, 4)), years.doc_date = doc.document.date;
  years.option = opts.year;
  if (!doc.document.year) doc.document.year = opts.year;
  // No year in the title and no 成文日期: the page's publish date stands in,
  // unless --year names the year.
  if (doc.document.published && !years.title && !years.date) {
    if (opts.year) {
      doc.document.year = opts.year;
    } else {
      years.date = doc.document.year;
      years.doc_date = doc.document.published;
      doc.Warn("document.year_published",
               fmt::format("the notice names no year and is not dated: deadlines are dated in {}, the year of its "
                           "publish date ({}); give --year if that is wrong",
                           *doc.document.year, *doc.document.published));
    }
  }

  // Tables inside the body, each under its section's heading, the body
  // going on after them (一、… table 二、… table 三、工作要求): the outline is
  // read past them, and their rows are their sections'. A table of another
  // reader than tabs is cut to find its lines (here, and again below).
  size_t body_tables_end = 0;
  if (has_table && regions.body_end == table_at) {
    auto table_lines = [&](size_t stop) {
      std::vector<std::pair<size_t, size_t>> spans;
      size_t at = table_at;
      const Reader* r = reader;
      while (at < stop) {
        const Grid grid = r->cut(lines, at, rules);
        size_t last = at;
        while (last + 1 < lines.size() && lines[last + 1].no <= grid.span.last_line) ++last;
        spans.emplace_back(at, last);
        if (!FindTable(lines, last + 1, rules, &at, &r)) break;
      }
      return spans;
    };
    std::vector<int> ends;
    size_t end = 0;
    if (std::vector<Section> more = ReadOutlinePastTables(lines, outline_at, rules, doc.sections, &ends, &end,
                                                          reader->name == "tabs" ? TableLines() : TableLines(table_lines));
        more.size() > doc.sections.size()) {
      doc.sections = std::move(more);
      item_end = std::move(ends);
      body_tables_end = end;
    }
  }
  if (has_table) {
    // Every table of the notice, in order (附件1, 附件2 ...): the next search
    // starts after the last line of the table before.
    size_t at = table_at;
    const Reader* r = reader;
    std::vector<std::pair<int, int>> read_spans;  // input lines of each table read
    size_t after_table = 0;  // the first line after the table before: no caption above it
    while (true) {
      // ReadTable, with the grid kept for --dump grid; otherwise the grid is
      // freed before repair (a big table's cells would double the peak).
      Table table = [&] {
        Grid grid = r->cut(lines, at, rules);
        DropLinesOutsideNativeTables(original, grid, doc);
        const Line* note = WarnTableNote(lines, grid, rules, doc);
        if (grid.caption.empty()) grid.caption = CaptionAbove(lines, at, rules, after_table);
        Table t = Interpret(grid, rules);
        if (note) ReadTableNote(*note, rules, t);
        if (opts.grids) opts.grids->push_back(std::move(grid));
        return t;
      }();
      // Tables read by different readers: every reader, in table order, once.
      if (doc.layout.empty())
        doc.layout = table.layout;
      else if (("+" + doc.layout + "+").find("+" + table.layout + "+") == std::string::npos)
        doc.layout += "+" + table.layout;
      doc.warnings.insert(doc.warnings.end(), table.warnings.begin(), table.warnings.end());
      doc.diagnostics.insert(doc.diagnostics.end(), table.diagnostics.begin(), table.diagnostics.end());
      read_spans.emplace_back(lines[at].no, table.last_line);
      RepairTable(table, rules);
      LinkRows(table, doc.sections);
      if (JoinLostLabels(table, doc.sections, rules)) {  // its warning after the table's others
        doc.warnings.push_back(table.warnings.back());
        doc.diagnostics.push_back(table.diagnostics.back());
      }
      if (at < body_tables_end) PlaceUnderHeading(table, doc.sections, lines[at].no);
      DeadlinesFromLabels(table, rules);
      FillBlanksAsAbove(table, rules);
      // A native table that knows its merged cells renders each into every row
      // it covers, so an empty cell there is empty, not a merge to guess.
      if (!SpansExact(original, table.header_line)) FillMergedCells(table, rules);
      // A title without a year (关于印发重点任务分解表的通知), or an annex
      // read without its notice: the table's own title (2025年…任务分解表)
      // names the plan year, before the date, which can be the year before.
      if (!years.title && !table.caption.empty()) {
        const std::string caption = AsciiDigits(table.caption);
        if (auto m = rules.title_year.Find(caption); m.found) {
          years.title = std::stoi(std::string(m.Group("y")));
          doc.document.year = years.title;
          PlanSpan(table.caption, rules, years);
        }
      }
      std::vector<Task> tasks = TasksFromTable(table, doc.sections, years, rules);
      for (size_t k = 0; k < tasks.size(); ++k) {
        tasks[k].id = static_cast<int>(doc.tasks.size() + k) + 1;
        if (!table.caption.empty()) tasks[k].table = table.caption;
      }
      if (doc.tasks.empty()) {
        doc.tasks = std::move(tasks);
      } else {
        // insert grows geometrically (an exact reserve per table would copy
        // every task again for each of a thousand small tables).
        doc.tasks.insert(doc.tasks.end(), std::make_move_iterator(tasks.begin()),
                         std::make_move_iterator(tasks.end()));
      }
      size_t next = at + 1;
      while (next < lines.size() && lines[next].no <= table.last_line) ++next;
      after_table = next;
      if (!FindTable(lines, next, rules, &at, &r)) break;
    }
    if (doc.tasks.empty()) doc.Warn("table.no_rows", "the task table has no rows");
    WarnUnreadRows(lines, read_spans, doc);
    WarnUnreadCellHeaders(lines, read_spans, doc, rules);
  } else {
    // No table: the body readers that detected their lines name the layout
    // (key-value+clauses when the body has both). Their cut is one function,
    // so the items of `where` are cut once, into one grid for the
    // interpreter. A list of numbered paragraphs with no heading over them
    // (1．推行…。责任单位：X。) is read as sections of no items, whose rows
    // are only those with key-value lines or a clause on the heading: its
    // paragraphs are the items of one unnamed section when more of them then
    // name units or a deadline. False when no row was cut.
    auto names = [](const std::vector<const Reader*>& readers) {
      return Join(readers, "+", [](const Reader* r) { return r->name; });
    };
    auto read_items = [&](const std::vector<const Reader*>& readers, const Regions& where,
                          std::vector<Section>& sections, std::vector<int>& ends, Table* table) {
      Grid grid = readers.front()->cut_body(sections, ends, lines, rules);
      if (sections.size() >= 2 && std::all_of(sections.begin(), sections.end(),
                                              [](const Section& s) { return s.items.empty(); })) {
        std::vector<int> flat_end;
        std::vector<Section> flat = ReadOutline(lines, where, rules, &flat_end, true);
        Grid flat_grid;
        if (NumberedStraight(flat, lines, rules))
          flat_grid = readers.front()->cut_body(flat, flat_end, lines, rules);
        if (BodyRows(flat_grid, true) > BodyRows(grid, true)) {
          sections = std::move(flat);
          ends = std::move(flat_end);
          grid = std::move(flat_grid);
        }
      }
      if (BodyRows(grid) == 0) return false;
      doc.layout = names(readers);
      grid.layout = doc.layout;
      *table = Interpret(grid, rules);
      doc.warnings.insert(doc.warnings.end(), table->warnings.begin(), table->warnings.end());
      doc.diagnostics.insert(doc.diagnostics.end(), table->diagnostics.begin(),
                             table->diagnostics.end());
      doc.tasks = TasksFromBody(grid, *table, sections, ends, years, rules);
      if (opts.grids) opts.grids->push_back(std::move(grid));
      return true;
    };
    Table table;
    bool from_annex = false;
    std::vector<Section> annex_sections;  // the outline of an annex list read as the tasks
    if (!found.body.empty()) {
      if (!read_items(found.body, outline_at, doc.sections, item_end, &table))
        doc.layout = names(found.body);
    } else if (AnnexList annex = FindAnnexList(lines, regions.body_end, rules);
               !annex.readers.empty()) {
      // The body names no units, the annex lists the tasks as numbered
      // paragraphs that do: those are the tasks, linked to the body's items
      // as a table's rows are.
      std::vector<int> annex_end;
      annex_sections = ReadOutline(lines, annex.where, rules, &annex_end);
      // Only when most of its numbered paragraphs give a task that names
      // units (a list whose numbers start again under captions, read as a
      // few rows, is not it; nor a scoring annex, 1．组织领导（10分）…, where
      // one paragraph names a unit).
      size_t numbered = 0;
      for (size_t i = annex.where.body_begin; i < annex.where.body_end; ++i)
        numbered += lines[i].kind == LineKind::kHeading;
      std::vector<Task> body_tasks = std::move(doc.tasks);
      // A read that is not taken leaves no warnings behind.
      const size_t warnings = doc.warnings.size(), diagnostics = doc.diagnostics.size();
      auto named = [&] {
        return static_cast<size_t>(std::count_if(doc.tasks.begin(), doc.tasks.end(),
                                                 [](const Task& t) { return !t.units.empty(); }));
      };
      if (read_items(annex.readers, annex.where, annex_sections, annex_end, &table) &&
          2 * named() >= numbered) {
        from_annex = true;
        LinkRows(table, doc.sections);
        RelinkTasks(table, doc.sections, doc.tasks);
        // The annex's title over its first paragraph names where the tasks
        // came from, as a table's caption does (附件 …重点任务清单).
        size_t first = annex.where.body_begin;
        while (first < annex.where.body_end && lines[first].kind != LineKind::kHeading) ++first;
        if (const std::string caption = CaptionAbove(lines, first, rules); !caption.empty())
          for (Task& t : doc.tasks) t.table = caption;
      } else {
        doc.tasks = std::move(body_tasks);
        doc.layout.clear();
        doc.warnings.resize(warnings);
        doc.diagnostics.resize(diagnostics);
      }
    }
    // Body items that name no units or deadline are still listed as tasks.
    if (doc.layout.empty()) {
      doc.layout = "none";
      doc.tasks = TasksFromItems(doc.sections, item_end, lines, years, rules);
    }
    // Paragraphs the outline set apart as closing (not the item's text):
    // said on the item's last task (its last sub-item's, which they follow);
    // in an annex list, on the task right above them.
    for (const Section& s : from_annex ? annex_sections : doc.sections)
      for (const Item& it : s.items)
        if (it.closing_line > 0)
          for (auto t = doc.tasks.rbegin(); t != doc.tasks.rend(); ++t)
            if (from_annex ? t->first_line < it.closing_line : t->item && *t->item == it.index) {
              t->Warn("content.closing_apart", "the paragraphs from line " + std::to_string(it.closing_line) +
                                                " close the section or the notice: not in this task's content");
              break;
            }
    WarnUnreadRows(lines, {}, doc);
    WarnUnreadCellHeaders(lines, {}, doc, rules);
    if (doc.tasks.empty())
      doc.Warn("tasks.none", "no task table recognized and no body items found");
    else if (from_annex)
      doc.Warn("tasks.from_body",
               "no task table recognized; the annex's numbered paragraphs, which name units, are "
               "listed as tasks (the body's items name none)");
    else
      doc.Warn("tasks.from_body", "no task table recognized; the body items are listed as tasks");
  }
  ClassifyDocument(&doc, has_table, lines, rules);
  FlagCutUnits(doc, rules);
  DeadlinesFromContent(doc.tasks, years, rules);
  if (!original.pages.empty()) {
    for (Task& t : doc.tasks)
      if (t.first_line >= 1 && t.first_line <= static_cast<int>(original.pages.size()) && original.pages[t.first_line - 1] > 0)
        t.page = original.pages[t.first_line - 1];
  }
  if (!rules.lead_marks.empty()) ApplyLeadMarks(doc.tasks, rules, src.text());
  DropUnitMarks(doc.tasks, rules);
  if (rules.first_is_lead.Contains(src.text())) ApplyFirstIsLead(doc.tasks);
  if (!restore.empty()) {
    RestoreVisitor v(restore);
    VisitDocument(doc, v);
  }
  return doc;
}

}  // namespace noticetab
