// The body outline: sections (一、) and items (（一） / 1.), with each item's
// paragraph text joined across wrapped and page-broken lines.
#include <algorithm>
#include <map>

#include "noticetab/clauses.h"
#include "noticetab/normalize.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"

namespace noticetab {
namespace {

// JoinCjkSpaces(s) of a part of a line: s itself when the line holds no
// space (Line::spaced false), without the scan.
std::string Joined(std::string_view s, const Line& l) { return l.spaced ? JoinCjkSpaces(s) : std::string(s); }

// The closing signature at lines[i]: 发文机关署名 alone on its line, then the
// 成文日期 alone on the next (the front matter reads them as issuer and date).
// It ends the item above it rather than joining its text. A name right under
// a key line (责任单位：) is a value, not a signature. Lengths are tested
// first: most lines are long.
bool StartsSignature(const std::vector<Line>& lines, size_t i, const Rules& rules) {
  const Line& l = lines[i];
  if (l.kind != LineKind::kText || l.tabs > 0 || l.text.size() > 4 * 30 || CharCount(l.text) > 30) return false;
  size_t j = i + 1;
  while (j < lines.size() && lines[j].kind == LineKind::kBlank) ++j;
  if (j >= lines.size()) return false;
  const Line& d = lines[j];
  if (d.kind != LineKind::kText || d.tabs > 0 || d.text.size() > 4 * 24 || CharCount(d.text) > 24) return false;
  const std::string date = RemoveSpaces(d.text);
  if (auto m = rules.date.Find(date); !m.found || m.begin != 0 || m.end != date.size()) return false;
  size_t k = i;
  while (k > 0 && lines[k - 1].kind == LineKind::kBlank) --k;
  if (k > 0 && rules.punct.colon.Ends(Trim(lines[k - 1].text))) return false;
  const std::string name = RemoveSpaces(l.text);
  return !EndsSentence(name, rules) && IsCompleteUnit(name, rules);
}

// Whether s ends in a list separator or a comma (配合单位：X、 wraps on).
bool EndsWithSeparator(std::string_view s, const Rules& rules) {
  return rules.punct.enumeration.Ends(s) || rules.punct.comma.Ends(s);
}

// Whether l is indented (its line opens with spaces the text is trimmed of).
bool Indented(const Line& l) { return l.raw.size() > l.text.size() && l.raw.substr(0, 1) != l.text.substr(0, 1); }

// Terminal columns of line l as printed, its indent in, trailing spaces out.
int PrintedWidth(const Line& l) {
  std::string_view r = l.raw;
  while (!r.empty() && (r.back() == ' ' || r.back() == '\r')) r.remove_suffix(1);
  int w = 0;
  for (size_t i = 0; i < r.size();) w += ColumnWidth(NextChar(r, i));
  return w;
}

// How far a full line may fall short of the body's widest, in columns:
// 15% of it, two characters at least. Lines of a PDF's text hold more or
// fewer characters as they wrap: a character that would not fit, a bracket
// kept off the next line's start, digits and squeezed punctuation narrower
// than characters. A heading that is a title of its own is far shorter.
int WidthSlack(int widest) { return std::max(4, widest * 3 / 20); }

// A part of an item: the item itself, or a sub-item numbered in it (1. under
// （一）). Where its first paragraph ends: the length of the item's text then,
// and its last line; line 0 when no other paragraph follows in the part.
struct Part {
  size_t section = 0;  // in the outline
  int item = 0;        // Item::index
  size_t text_len = 0;
  int line = 0;
  int heading_line = 0;        // the line of the part's heading
  std::string_view heading;    // its words after the marker (HeadingMatch::title)
};

// The most characters of a heading that is a title alone.
constexpr size_t kTitleChars = 24;

// Whether a heading's words are a title alone (（二）基本原则。, 一、总体要求):
// short, with no stop, comma or semicolon inside. The paragraphs under such
// a heading are its words.
bool TitleAlone(std::string_view words, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  std::string_view t = Trim(words);
  while (size_t n = pu.StopLength(t)) t = Trim(t.substr(0, t.size() - n));
  return !t.empty() && CharCountUpTo(t, kTitleChars + 1) <= kTitleChars && pu.TitleEnd(t) == t.size() &&
         !pu.comma.In(t) && !pu.semicolon.In(t) && !pu.full_stop.In(t);
}

// A part whose first paragraph is its heading, a title alone, over
// paragraphs of its own (（二）发展目标。 / 到2020年，… / 到2025年，…): they are
// its words, never the section's or the notice's closing, and it tells
// nothing of the list's habit (one paragraph a part, or several).
bool TitleOverParagraphs(const Part& p, const Rules& rules) {
  return p.line > 0 && p.line == p.heading_line && TitleAlone(p.heading, rules);
}

// Paragraphs after the last part of a section that close the section or the
// notice (各责任单位要于每月5日前将进展情况报…) rather than go on with it.
// Told by the habit of the parts they may close: when every other part with
// a follower is one paragraph (two or more of them), the last part's further
// paragraphs are not its own, unless they name an assignment. The parts are
// the section's own where another section follows (its paragraphs close that
// section at most; and only where no part of the list has several), every
// part of the list after the last section's (they may close the notice).
// Those items end at that paragraph.
void TrailingParagraphs(const std::vector<Line>& lines, const std::vector<Part>& parts, const Rules& rules,
                        std::vector<Section>* sections, std::vector<int>* item_end_lines) {
  if (parts.empty()) return;
  const size_t last_section = parts.back().section;
  // A part of several paragraphs anywhere (not a section's last, nor a title
  // over its own): the notice writes items so, and a paragraph between two
  // sections is the last item's (each item of a section may be one paragraph
  // by chance: 九、 of three, its 2023年底前 paragraph its own).
  for (size_t k = 0; k + 1 < parts.size(); ++k)
    if (parts[k + 1].section == parts[k].section && !TitleOverParagraphs(parts[k], rules) && parts[k].line > 0)
      return;
  size_t section_first = 0;  // the first part of the section of parts[e]
  for (size_t e = 0; e < parts.size(); ++e) {
    if (parts[e].section != parts[section_first].section) section_first = e;
    const Part& last = parts[e];
    if (e + 1 < parts.size() && parts[e + 1].section == last.section) continue;  // not its section's last
    if (last.line == 0 || TitleOverParagraphs(last, rules)) continue;
    int single = 0;  // the parts of one paragraph, with a follower, of the section or the list
    for (size_t k = last.section == last_section ? 0 : section_first; k < e; ++k)
      single += parts[k + 1].section == parts[k].section && !TitleOverParagraphs(parts[k], rules);
    // One such part is habit enough only where the paragraph after the last
    // addresses the units (各责任单位要…): a list of two items. With no habit,
    // a part whose first paragraph ends in its bracketed assignment is whole
    // there: a paragraph after it addressing the units is no part of it.
    const bool need_addressed = single < 2;
    const Part* p = &last;
    if (single == 0) {
      const Item* item = nullptr;
      for (const Item& it : (*sections)[p->section].items)
        if (it.index == p->item) item = &it;
      if (!item || !EndsInClause(std::string_view(item->text).substr(0, p->text_len), rules)) continue;
    }
    int end = (*item_end_lines)[p->item];
    std::vector<std::string_view> rest;
    for (size_t i = p->line; i < lines.size() && lines[i].no <= end; ++i)
      if (lines[i].kind == LineKind::kText) rest.push_back(lines[i].text);
    // Kept where they assign anything, or date anything without addressing
    // the units (各乡镇、各部门要于12月10日前报送… is the notice's request): then
    // they are the item's (a line wrapped right after a 。).
    // The notice's contact line (联系人：…，联系电话：…) names no assignment.
    const bool had_rest = !rest.empty();
    std::erase_if(rest, [&](std::string_view r) { return IsContactLine(r, rules); });
    const bool contact_only = had_rest && rest.empty();
    std::string content;
    bool assigns = !rest.empty() && ReadAssignment(rest, rules, &content).found;
    const bool addressed = !rest.empty() && std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                                                        [&](const std::string& c) { return rest.front().starts_with(c); });
    for (std::string_view r : rest)
      assigns = assigns || InlineAssignment(r, rules) || (!addressed && NamesDeadline(r, rules));
    if (assigns || (need_addressed && !addressed && !contact_only)) continue;
    for (Item& it : (*sections)[p->section].items)
      if (it.index == p->item) it.text.resize(p->text_len), it.closing_line = p->line + 1;
    (*item_end_lines)[p->item] = p->line;
  }
}

}  // namespace

std::string_view WithoutCountRemark(std::string_view t, const Rules& rules) {
  if (!rules.punct.closes.Ends(t)) return t;
  if (auto m = rules.title_remark.Find(t); m.found && m.begin > 0 && m.end == t.size()) return Trim(t.substr(0, m.begin));
  return t;
}

std::string HeadingTitle(std::string_view words, const Rules& rules) {
  // Units before a colon (区发改局：推进…) are no title: the words after them are.
  if (size_t end = UnitsLabelEnd(words, rules); end > 0) words = Trim(words.substr(end));
  std::string_view t = Trim(words.substr(0, rules.punct.TitleEnd(words)));
  // A key's clause naming units (二、牵头单位：县农业农村局) is no title cut
  // at its colon (the key word alone): the heading says who does the items
  // under it, and its title is the key with its value, to the next stop.
  if (t.size() < words.size() && rules.punct.colon.StartLength(words.substr(t.size())) > 0 &&
      OpensWithKey(words, rules)) {
    // The whole heading when it is all keys (牵头单位：X；配合单位：Y: cut at
    // the second colon it ended in a key word), else the first key's clause.
    auto names_units = [&](std::string_view keyed) {
      Assignment a;
      return IsKeyedClause(keyed, rules, &a) && (!a.units.empty() || !a.lead.empty() || !a.support.empty());
    };
    const std::string_view whole = Trim(rules.punct.full_stop.TrimEnd(Trim(words)));
    const size_t value = t.size() + rules.punct.colon.StartLength(words.substr(t.size()));
    const std::string_view keyed = Trim(words.substr(0, value + rules.punct.TitleEnd(words.substr(value))));
    if (whole.size() > keyed.size() && names_units(whole))
      t = whole;
    else if (names_units(keyed))
      t = keyed;
  }
  // A count remark or an assignment in brackets closing the title is no part
  // of it (夯实数字基础（共3项）, 推进数据共享（市数据局牵头）): the units have
  // fields of their own. Most titles end in no bracket, and are not searched.
  if (!rules.punct.closes.Ends(t)) return std::string(t);
  t = WithoutCountRemark(t, rules);
  if (size_t at = TrailingClauseBegin(t, rules); at != std::string_view::npos && at > 0) t = Trim(t.substr(0, at));
  return std::string(t);
}

std::vector<Section> ReadOutline(const std::vector<Line>& lines, const Regions& regions,
                                 const Rules& rules, std::vector<int>* item_end_lines, bool flat) {
  std::vector<Section> sections;
  std::map<int, int> level_of;   // style -> level (1-based), by first appearance
  std::map<int, int> last_no;    // style -> last accepted number
  const int top = flat ? 1 : 0;  // levels taken before the first style's
  int depth = top;               // level of the last accepted heading
  Item* item = nullptr;
  int item_count = 0;
  if (item_end_lines) item_end_lines->assign(1, 0);

  auto close_item = [&](int last_line) {
    if (item && item_end_lines) (*item_end_lines)[item->index] = last_line;
  };
  int last_text_line = 0;
  // The items' parts, in order, with where their first paragraphs end
  // (TrailingParagraphs reads them).
  std::vector<Part> parts;
  std::string_view prev_text;    // the last line given to the item
  bool prev_heading = false;     // it was a heading (whose words are no key-value line)
  bool item_indented = false;    // its heading line is indented
  // What lies between the line before and this one: nothing, blank lines
  // only, or a junk line too (a page's number: a page break).
  enum class Gap { kNone, kBlank, kJunk } gap = Gap::kNone;
  // A run of the sections' own marker read as a section's items (see below).
  struct Nested {
    int style = -1, last = 0;
    bool indented = false, outer_indented = false;
  } nested;
  int nests = -1;                 // the style whose sections were seen to hold such a list
  bool section_indented = false;  // the last section's heading line is indented
  // The index of the next heading of `style` after line i (lines.size(): none).
  auto NextOfStyle = [&](size_t i, int style) {
    size_t j = i + 1;
    while (j < regions.body_end && j < lines.size() &&
           !(lines[j].kind == LineKind::kHeading && lines[j].heading->style == style))
      ++j;
    return j < regions.body_end && j < lines.size() ? j : lines.size();
  };
  // The number of the next heading of `style` after line i (0: none).
  auto NextNumber = [&](size_t i, int style) {
    const size_t j = NextOfStyle(i, style);
    return j < lines.size() ? rules.numerals.Value(lines[j].heading->no) : 0;
  };
  // Whether the run of `style` starting again at 1 on line i is followed,
  // after its own 2. 3. …, by the number after `outer` (the sections' run
  // going on): only then is it a nested list, not a new list (an annex's).
  auto Resumes = [&](size_t i, int style, int outer) {
    int inner = 1;
    for (size_t j = NextOfStyle(i, style); j < lines.size(); j = NextOfStyle(j, style)) {
      const int m = rules.numerals.Value(lines[j].heading->no);
      if (m == outer + 1) return true;
      if (m != inner + 1) return false;
      inner = m;
    }
    return false;
  };
  // The widest line of the body from its first heading (tabs make none): a
  // full line's width. Found once, when a heading may wrap.
  int full_width = -1;
  auto FullWidth = [&] {
    if (full_width >= 0) return full_width;
    full_width = 0;
    bool seen = false;
    for (size_t j = regions.body_begin; j < regions.body_end && j < lines.size(); ++j) {
      seen = seen || lines[j].kind == LineKind::kHeading;
      if (seen && lines[j].tabs == 0 && (lines[j].kind == LineKind::kText || lines[j].kind == LineKind::kHeading))
        full_width = std::max(full_width, PrintedWidth(lines[j]));
    }
    return full_width;
  };
  // Whether the item heading at line i runs on onto the next line, as a PDF's
  // text wraps a paragraph (　　（三）清理…，规范校园周边经营秩 / 序。（责任单位：…）):
  // its title ends in no stop on the line, which is indented and full (as
  // wide as the body's widest, give or take WidthSlack), and the line right
  // under it is text opening at the margin. A heading that is a title of its
  // own (（一）加强组织领导 over 各地要…) is no full line.
  auto WrapsOn = [&](size_t i, std::string_view title) {
    if (!Indented(lines[i]) || rules.punct.TitleEnd(title) < title.size() || i + 1 >= regions.body_end ||
        i + 1 >= lines.size())
      return false;
    const Line& n = lines[i + 1];
    if (n.kind != LineKind::kText || n.tabs > 0 || Indented(n) || OpensWithKey(n.text, rules)) return false;
    const int widest = FullWidth();
    return PrintedWidth(lines[i]) + WidthSlack(widest) >= widest;
  };
  bool title_wraps = false;  // the last item's title goes on in the next line
  for (size_t i = regions.body_begin; i < regions.body_end && i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) {
      gap = gap == Gap::kJunk || l.kind == LineKind::kJunk ? Gap::kJunk : Gap::kBlank;
      continue;
    }
    const bool after_blank = gap == Gap::kBlank;
    gap = Gap::kNone;
    if (l.kind == LineKind::kHeading) {
      const HeadingMatch& h = *l.heading;
      int n = rules.numerals.Value(h.no);
      auto lv = level_of.find(h.style);
      int level = lv == level_of.end() ? top + static_cast<int>(level_of.size()) + 1 : lv->second;
      bool continues = n == last_no[h.style] + 1 || n == 1;
      // A list nested in a section of the same marker (1. 实施步骤 over 1. 动员
      // 部署 2. 组织实施, the indent lost in a PDF's text): the sections' style
      // starting again at 1 in a section that has no items yet, where no other
      // style holds the items and the sections' run goes on after it (or an
      // earlier section held such a list: the last one may too), numbers
      // that section's items. The sections' run goes on with the number
      // after the last section's (3. 保障措施); a number both runs could take
      // goes to the run whose indent it shares or, when the indents do not
      // tell, to the inner run when the next heading of that marker takes
      // the same number (the sections' one).
      bool as_item = false;
      if (n > 0 && lv != level_of.end() && level == top + 1) {
        const bool other_levels = level_of.size() > 1;
        if (nested.style == h.style) {
          const bool inner = n == nested.last + 1, outer = n == last_no[h.style] + 1;
          as_item = inner && (!outer || (nested.indented != nested.outer_indented
                                             ? Indented(l) == nested.indented
                                             : NextNumber(i, h.style) == n));
          if (as_item)
            nested.last = n;
          else
            nested.style = -1;
        } else if (n == 1 && last_no[h.style] >= 1 && !other_levels && !sections.empty() &&
                   sections.back().items.empty() &&
                   (nests == h.style || Resumes(i, h.style, last_no[h.style]))) {
          nested = {h.style, 1, Indented(l), section_indented};
          nests = h.style;
          as_item = true;
        }
      }
      if (as_item) level = top + 2, continues = true;
      bool reachable = level <= depth + 1;
      if (n > 0 && continues && reachable && level <= 2) {
        if (lv == level_of.end()) level_of[h.style] = level;
        if (!as_item) last_no[h.style] = n;
        depth = level;
        if (level == 1) {
          close_item(last_text_line);
          item = nullptr;
          Section s;
          s.index = static_cast<int>(sections.size()) + 1;
          s.no = h.no;
          s.title = HeadingTitle(Joined(h.title, l), rules);
          s.line = l.no;
          sections.push_back(std::move(s));
          section_indented = Indented(l);
        } else {
          close_item(last_text_line);
          if (sections.empty()) {  // items before any section: an unnamed section holds them
            Section s;
            s.index = 1;
            sections.push_back(std::move(s));
          }
          Item it;
          it.index = ++item_count;
          it.no = h.no;
          it.text = Joined(h.title, l);
          it.title = HeadingTitle(it.text, rules);
          title_wraps = it.title.size() == it.text.size() && WrapsOn(i, it.text);
          it.line = l.no;
          sections.back().items.push_back(std::move(it));
          item = &sections.back().items.back();
          if (item_end_lines) item_end_lines->push_back(l.no);
          parts.push_back({sections.size() - 1, item->index, 0, 0, l.no, h.title});
          prev_text = l.text;
          prev_heading = true;
          item_indented = Indented(l);
        }
        last_text_line = l.no;
        continue;
      }
      if (n > 0 && continues && level > 2 && lv != level_of.end()) last_no[h.style] = n;
      if (n > 0 && continues && level > 2 && lv == level_of.end() && reachable) {
        level_of[h.style] = level;
        last_no[h.style] = n;
      }
    }
    if (item && (StartsSignature(lines, i, rules) || ClosingDateLine(lines, i, rules))) {
      close_item(last_text_line);
      item = nullptr;
      continue;
    }
    if (item && l.tabs == 0) {
      if (l.kind == LineKind::kHeading)  // a sub-item
        parts.push_back({sections.size() - 1, item->index, 0, 0, l.no, l.heading->title});
      Part& pe = parts.back();
      // A new paragraph: the line before closed a sentence, a bracket (a
      // clause) or was or ended in a key-value clause (…。【完成时限】持续推进),
      // and this one is indented as the item's heading is, or set apart by a
      // blank line (no wrapped line of PDF text is). Key-value lines
      // (牵头单位：X) are the item's own. The key-value tests last: they cost
      // most, and few lines get there.
      if (pe.line == 0 && l.kind != LineKind::kHeading &&
          (EndsSentence(prev_text, rules) || rules.punct.closes.Ends(prev_text) ||
           (!prev_heading && OpensWithKey(prev_text, rules)) ||
           (!EndsWithSeparator(prev_text, rules) && EndsInKeyClause(prev_text, rules))) &&
          (!item_indented || Indented(l) || after_blank) && !OpensWithKey(l.text, rules)) {
        pe.text_len = item->text.size();
        pe.line = last_text_line;
      }
      prev_text = l.text;
      prev_heading = l.kind == LineKind::kHeading;
      std::string_view t = l.text;
      if (auto m = rules.markdown_prefix.Find(t); m.found && m.begin == 0) t = Trim(t.substr(m.end));
      if (l.spaced) item->text += JoinCjkSpaces(t);
      else item->text += t;
      if (title_wraps) item->title = HeadingTitle(item->text, rules), title_wraps = false;
      last_text_line = l.no;
    }
  }
  close_item(last_text_line);
  if (item_end_lines) TrailingParagraphs(lines, parts, rules, &sections, item_end_lines);
  return sections;
}

std::vector<Section> ReadOutlinePastTables(const std::vector<Line>& lines, const Regions& regions,
                                           const Rules& rules, const std::vector<Section>& sections,
                                           std::vector<int>* item_end_lines, size_t* end,
                                           const TableLines& table_lines) {
  if (sections.empty() || regions.body_end >= lines.size()) return {};
  const Section& last = sections.back();
  if (last.line < 1 || static_cast<size_t>(last.line) > lines.size() || !lines[last.line - 1].heading) return {};
  const int style = lines[last.line - 1].heading->style;
  int next = rules.numerals.Value(last.no) + 1;
  size_t stop = lines.size();
  bool goes_on = false;
  for (size_t i = regions.body_end; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kHeading) {
      if (l.heading->style == style && rules.numerals.Value(l.heading->no) == next) goes_on = true, ++next;
      continue;
    }
    // The annex or the footer ends the body (a table row is neither).
    if (l.tabs == 0 && EndsBody(l, rules)) {
      stop = i;
      break;
    }
  }
  if (!goes_on) return {};
  std::vector<Line> body(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(stop));
  for (size_t i = regions.body_end; i < stop; ++i)
    if (body[i].tabs > 0) body[i].kind = LineKind::kBlank;
  if (table_lines)
    for (const auto& [first, last] : table_lines(stop))
      for (size_t i = first; i <= last && i < stop; ++i) body[i].kind = LineKind::kBlank;
  Regions past = regions;
  past.body_end = stop;
  *end = stop;
  return ReadOutline(body, past, rules, item_end_lines);
}

}  // namespace noticetab
