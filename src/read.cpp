// What the readers share: cells and rows, table end, finding a table.
#include <algorithm>
#include <cstring>

#include "noticetab/read.h"

#include "noticetab/interpret.h"
#include "noticetab/normalize.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"
#include "utf8_scan.h"

namespace noticetab {

void Row::AppendNote(std::string_view text, int line, int column, const std::string& joiner) {
  if (Trim(text).empty()) return;
  if (!note.empty() && column != note_column) note.text += joiner;
  note_column = column;
  note.Append(text, line);
}

void Row::AppendLeader(std::string_view text, int line, int column, const std::string& joiner) {
  if (Trim(text).empty()) return;
  if (!leader.empty() && column != leader_column) leader.text += joiner;
  leader_column = column;
  leader.Append(text, line);
}

void Cell::Append(std::string_view more, int line) {
  more = Trim(more);
  if (more.empty()) return;
  if (!text.empty() && text.back() != ' ') {
    // Joining wrapped pieces: no space between CJK text, one between Latin words.
    size_t i = text.size();
    while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
    if (i > 0) --i;
    size_t j = 0;
    char32_t last = NextChar(text, i), first = NextChar(more, j);
    // A number wrapped mid-digits inside Chinese text (2025年3月3 / 1日前) is
    // one number again: digits next to a CJK character on either side join.
    auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
    auto in_cjk_number = [&] {
      if (!digit(last) || !digit(first)) return false;
      size_t b = text.size();
      while (b > 0 && digit(static_cast<unsigned char>(text[b - 1]))) --b;
      size_t e = 0;
      while (e < more.size() && digit(static_cast<unsigned char>(more[e]))) ++e;
      // Chinese before the number; not a list marker after it (3 / 2.改扩建…).
      if (b == 0 || static_cast<unsigned char>(text[b - 1]) < 0x80) return false;
      const std::string_view rest = more.substr(e);
      return !rest.starts_with('.') && !rest.starts_with(')') && !rest.starts_with("\xE3\x80\x81") &&
             !rest.starts_with("\xEF\xBC\x8E");  // 、 ．
    };
    if (last < 128 && first < 128 && std::isalnum(static_cast<int>(last)) && std::isalnum(static_cast<int>(first)) &&
        !in_cjk_number())
      text += ' ';
  }
  text += more;
  if (line > 0) {
    if (first_line == 0) first_line = line;
    last_line = std::max(last_line, line);
  }
}

void Row::Touch(int line) {
  if (line <= 0) return;
  if (first_line == 0 || line < first_line) first_line = line;
  last_line = std::max(last_line, line);
}

void Row::Warn(std::string code, std::string message) {
  diagnostics.push_back({std::move(code), first_line, last_line, message});
  warnings.push_back(std::move(message));
}

bool Table::has(Role r) const { return std::find(columns.begin(), columns.end(), r) != columns.end(); }

void SplitTabs(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  for (size_t start = 0;;) {
    const void* tab = std::memchr(line.data() + start, '\t', line.size() - start);
    const size_t end = tab ? static_cast<size_t>(static_cast<const char*>(tab) - line.data()) : line.size();
    out->push_back(Trim(line.substr(start, end - start)));
    if (!tab) return;
    start = end + 1;
  }
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  SplitTabs(line, &out);
  return out;
}

namespace {

// Whether the character `ch` (1 to 4 bytes) is in t: a search for its last
// byte, which in CJK text is one of 64 continuation bytes (the lead byte of
// an ideograph is shared by a fifth of them).
bool HasChar(std::string_view t, std::string_view ch) { return utf8::FindRun(t, 0, ch) != std::string_view::npos; }

// The character all of `runs` start with, when they share one that is no
// space: a match that holds one of the runs holds that character. "" when
// they start differently, or with what may be a space (a lead byte Trim
// looks at: <= 0x20, C2, E1-E3), or when a run is empty.
std::string_view SharedFirstChar(const std::vector<std::string>& runs) {
  if (runs.empty() || runs[0].empty()) return {};
  const auto b = static_cast<unsigned char>(runs[0][0]);
  if (b <= 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3)) return {};
  const size_t n = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  const std::string_view first = std::string_view(runs[0]).substr(0, n);
  for (const auto& r : runs)
    if (!std::string_view(r).starts_with(first)) return {};
  return first;
}

// The characters a match of `re` must hold, each once, from its literal
// prefilters (text.h Regex::leading, trailing, required): read once per
// pattern (a Regex is looked up by address and pattern, so one made anew at
// the address of another is read anew).
std::vector<std::string>& NeededChars(const Regex& re) {
  struct Entry {
    const Regex* re;
    std::string pattern;
    std::vector<std::string> chars;
  };
  static thread_local std::vector<Entry> cache;
  for (Entry& e : cache)
    if (e.re == &re && e.pattern == re.pattern()) return e.chars;
  if (cache.size() >= 16) cache.clear();  // rules made and dropped (tests)
  Entry e{&re, re.pattern(), {}};
  auto add = [&e](const std::vector<std::string>& runs) {
    const std::string_view c = SharedFirstChar(runs);
    if (!c.empty() && std::find(e.chars.begin(), e.chars.end(), c) == e.chars.end()) e.chars.emplace_back(c);
  };
  add(re.leading());
  add(re.trailing());
  for (const auto& entry : re.required()) add(entry);
  cache.push_back(std::move(e));
  return cache.back().chars;
}

}  // namespace

bool MayMatchWithoutSpaces(const Regex& re, std::string_view t) {
  // Removing spaces takes whole characters out (t well-formed UTF-8, as every
  // Line is): a character the match needs must already be in t.
  // The character that rules a text out goes first for the next text: table
  // lines are alike (which is tried first changes only the cost).
  std::vector<std::string>& chars = NeededChars(re);
  for (size_t k = 0; k < chars.size(); ++k)
    if (!HasChar(t, chars[k])) {
      if (k > 0) std::rotate(chars.begin(), chars.begin() + static_cast<std::ptrdiff_t>(k), chars.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      return false;
    }
  return true;
}

namespace {

// Whether a total row (headers.yaml total_row) may start with t's first
// character: one test keeps the search off most lines.
bool TotalRowMayStart(std::string_view t, const Rules& rules) {
  if (!rules.total_row_starts_known || t.empty()) return !rules.total_row_starts_known;
  size_t i = 0;
  const char32_t c = NextChar(t, i);
  return std::any_of(rules.total_row_starts.begin(), rules.total_row_starts.end(),
                     [c](const auto& r) { return r.first <= c && c <= r.second; });
}

}  // namespace

bool EndsTable(const Line& line, const Rules& rules) {
  if (line.kind == LineKind::kJunk) return rules.page_end.Contains(line.text);
  if (line.kind != LineKind::kText) return false;
  std::string_view t = line.text;
  if (rules.cc.Contains(t) || rules.table_note.Contains(t) ||
      (TotalRowMayStart(t, rules) && rules.total_row.Contains(t)))
    return true;
  if (!line.spaced) return rules.printed.Contains(t) || rules.annex_start.Contains(t);
  // A table line has spaces; the spaceless copy is made only when one of the
  // two patterns can still match it (most table lines hold no 印发 or 附件).
  const bool printed = MayMatchWithoutSpaces(rules.printed, t);
  const bool annex = MayMatchWithoutSpaces(rules.annex_start, t);
  if (!printed && !annex) return false;
  // Once for both tests, into a buffer kept from line to line (no
  // allocation per line).
  static thread_local std::string removed;
  const std::string_view compact = RemoveSpaces(t, &removed);
  return (printed && rules.printed.Contains(compact)) || (annex && rules.annex_start.Contains(compact));
}

namespace {

// The registry split once: table readers by priority, highest first (the
// first to detect a line is the one of highest priority there; among equals
// the first listed), and the body readers in registry order.
struct SplitRegistry {
  std::vector<const Reader*> tables, bodies;
};
const SplitRegistry& SplitReaders() {
  static const SplitRegistry split = [] {
    SplitRegistry s;
    for (const auto& r : Readers()) (r.body() ? s.bodies : s.tables).push_back(&r);
    std::stable_sort(s.tables.begin(), s.tables.end(),
                     [](const Reader* a, const Reader* b) { return a->priority > b->priority; });
    return s;
  }();
  return split;
}

}  // namespace

bool FindTable(const std::vector<Line>& lines, size_t from, const Rules& rules, size_t* at,
               const Reader** reader) {
  const SplitRegistry& registry = SplitReaders();
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kText) continue;
    for (const Reader* r : registry.tables)
      if (r->detect(lines, i, rules)) {
        *at = i;
        *reader = r;
        return true;
      }
  }
  return false;
}

bool EndsBody(const Line& line, const Rules& rules) {
  return line.kind == LineKind::kText && (rules.attachment.Contains(line.text) || EndsTable(line, rules));
}

namespace {

// Whether a text ends as a sentence or a bracketed clause does (…。 …。（X负责）).
bool EndsDone(std::string_view t, const Rules& rules) {
  return rules.punct.EndsSentence(t) || rules.punct.closes.EndLength(t) > 0;
}

// Whether lines[a], the last line of words above a date alone on its line
// (`apart`: blank lines between), is done, so the date is no words of it
// (ClosingDateLine says which lines are).
// Whether text t ends in a deadline's key (二、完成时限, （二）报名截止时间): an
// item that asks for the date printed under it (clauses.yaml keys: deadline).
bool EndsInDeadlineKey(std::string_view t, const Rules& rules) {
  const std::string flat = RemoveSpaces(t);
  for (const auto& [key, role] : rules.clause_keys)
    if (role == ClauseRole::kDeadline && flat.size() >= key.size() && flat.ends_with(key)) return true;
  return false;
}

bool DoneAbove(const std::vector<Line>& lines, size_t a, bool apart, const Rules& rules) {
  const Line& l = lines[a];
  const std::string_view t = Trim(l.text);
  // A table's row is done unless its last cell is empty (序号 | 任务 | 单位 |
  // then the date alone: the row's deadline cell, wrapped).
  if (l.tabs > 0) {
    const size_t e = l.raw.find_last_not_of(" \r");
    return e == std::string_view::npos || l.raw[e] != '\t';
  }
  if (EndsDone(t, rules)) return true;
  if (rules.punct.colon.EndLength(t) > 0) return false;
  if ((l.kind == LineKind::kText && rules.attachment.Contains(l.text)) || rules.closing.Contains(t) ||
      IsContactLine(t, rules))
    return true;
  const int style = l.kind == LineKind::kHeading ? l.heading->style : HeadingStyle(t, rules);
  if (style >= 0) {
    // The last of a list of items with no stop: the item above is one of
    // the same style, right above it, and ends in none either. Not an item
    // cut short (…阶段，截止时间为) or one naming a deadline (二、完成时限,
    // （二）报名截止时间): the date is its.
    if (a == 0 || rules.punct.comma.In(t) || EndsInDeadlineKey(t, rules)) return false;
    const Line& q = lines[a - 1];
    const std::string_view qt = Trim(q.text);
    const int q_style = q.kind == LineKind::kHeading ? q.heading->style : HeadingStyle(qt, rules);
    return q_style == style && !EndsDone(qt, rules);
  }
  if (!apart) return false;
  const CellShape shape = ClassifyCell(t, rules);
  return shape == CellShape::kUnits || shape == CellShape::kDeadline;
}

}  // namespace

bool ClosingDateLine(const std::vector<Line>& lines, size_t i, const Rules& rules) {
  const Line& l = lines[i];
  if (l.kind != LineKind::kText || l.tabs > 0 || l.text.size() > 4 * 24) return false;
  // A line without the date's literals (年 月 日: the pattern's required runs,
  // which removing spaces neither makes nor breaks) is none, before any look
  // at the lines around it: one scan of a short line, nothing copied.
  if (!rules.date.MayOccurIn(l.text)) return false;
  // What follows first: most lines have words under them, and are turned away
  // before the date pattern runs.
  for (size_t j = i + 1; j < lines.size(); ++j) {
    const Line& n = lines[j];
    if (n.kind == LineKind::kBlank || n.kind == LineKind::kJunk) continue;
    bool words = false;
    for (size_t k = 0; k < n.text.size() && !words;) {
      const char32_t c = NextChar(n.text, k);
      words = IsHan(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)));
    }
    if (words && !rules.publicity.Contains(n.text)) return false;
  }
  // What stands above: the date closes the text under a line that is done: a
  // sentence's end, a bracket closing it (…。（X负责）), an attachment line, a
  // closing formula with or without its stop (特此通知, 此复), a contact line
  // (联系电话：…), a table's row (its cells end with the line), the last of a
  // list of items none of which ends in a stop (1.做好… / 2.加强…); apart from
  // it by a blank line, a cell of units or a deadline (县政务服务中心, 2024年9月
  // 底前). Never under a heading's title (三、报名截止时间), a key and its colon
  // (…报送需求：) or a sentence cut short (…请各乡镇于, …，), blank line or
  // not: there the date is the text's.
  size_t p = i;
  bool apart = false;
  while (p > 0 && (lines[p - 1].kind == LineKind::kBlank || lines[p - 1].kind == LineKind::kJunk)) {
    --p;
    apart = true;
  }
  const std::string date = RemoveSpaces(l.text);
  if (CharCount(date) > 24) return false;
  const auto m = rules.date.Find(date);
  return m.found && m.begin == 0 && m.end == date.size() && (p == 0 || DoneAbove(lines, p - 1, apart, rules));
}

namespace {
// Whether text line l in the cover's attachment list (附件：1．… or 2．…)
// goes on with it: an entry the classifier left as text (2．2025年…: a title
// opening with digits is no heading), or a title wrapped onto it from the
// line right above (…任务分工 / 方案; `above`, null when a blank line parts
// them): a short line of words with no sentence mark under a line that ends
// no sentence, and no date, no unit name (the signature) and no annex label.
// Then a numbered entry after it is no body heading.
bool GoesOnAttachmentList(const Line* above, const Line& l, const Rules& rules) {
  if (l.tabs > 0) return false;
  if (ShapeOf(Tokenize(l.text, rules), rules).marker == MarkerKind::kDigitDot) return true;
  const std::string words = RemoveSpaces(l.text);
  if (!above || words.empty() || CharCountUpTo(words, 31) > 30 || EndsSentence(above->text, rules) ||
      rules.punct.sentence_mark.In(words) || IsCompleteUnit(words, rules) || rules.annex_start.Contains(words))
    return false;
  return !rules.date.Find(words).found;
}

// Whether the first text line under lines[i], past blank ones, is where a
// table reader detects a table.
bool TableUnder(const std::vector<Line>& lines, size_t i, const Rules& rules) {
  size_t j = i + 1;
  while (j < lines.size() && lines[j].kind == LineKind::kBlank) ++j;
  if (j >= lines.size() || lines[j].kind != LineKind::kText) return false;
  for (const Reader* r : SplitReaders().tables)
    if (r->detect(lines, j, rules)) return true;
  return false;
}
}  // namespace

FoundReaders FindReaders(const std::vector<Line>& lines, const Rules& rules) {
  FoundReaders f;
  f.table_at = f.body_end = lines.size();
  // The body starts at the first heading that is not a numbered line of the
  // cover's attachment list (附件：1．… / 2．…), as the front matter reads it:
  // the list may come before the 抄送 footer, which would end the body there.
  size_t first_heading = lines.size();
  bool attachment_list = false;
  const Line* above = nullptr;  // the line before, not blank
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (l.kind == LineKind::kText)
      attachment_list = rules.attachment.Contains(l.text) ||
                        (attachment_list && GoesOnAttachmentList(above == &lines[i - 1] ? above : nullptr, l, rules));
    above = &l;
    if (l.kind == LineKind::kHeading && !attachment_list) {
      first_heading = i;
      break;
    }
  }
  const SplitRegistry& registry = SplitReaders();
  std::vector<const Reader*> body_left = registry.bodies;  // not yet detected
  bool in_body = false;
  // A cover notice's own numbered requirements (一、提高思想认识。…) end at
  // its 附件： line; when the annex under a 附件 line is the plan itself,
  // printed as text with headings (no table), the body goes on from there
  // (ClassifyDocument then drops the cover's paragraphs as requirements).
  // The annex must be titled as a plan (kinds.yaml plan_title: 工作要点,
  // 任务分工, 实施方案…) on the line under 附件: a 考核评分细则 is no plan.
  enum { kNo, kAfterAttachment, kInAnnex, kPlanAnnex } resume = kNo;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (i == first_heading) in_body = true;
    if (resume == kAfterAttachment && l.kind == LineKind::kText && rules.annex_start.Contains(RemoveSpaces(l.text))) {
      resume = kInAnnex;
    } else if (resume == kInAnnex && l.kind != LineKind::kBlank && l.kind != LineKind::kJunk) {
      resume = l.kind == LineKind::kText && rules.plan_title.Contains(l.text) ? kPlanAnnex : kNo;
    } else if (resume == kPlanAnnex && l.kind == LineKind::kHeading && TableUnder(lines, i, rules)) {
      // A heading right over a table (一、常规工作任务 / 序号 | 工作任务 …) is
      // the table's caption: the annex is a table, not a plan in text.
      resume = kNo;
    } else if (resume == kPlanAnnex && l.kind == LineKind::kHeading) {
      resume = kNo;
      in_body = true;
      f.body_end = lines.size();
      // The cover's own numbered paragraphs (一、提高思想认识) assigned
      // nothing: the outline starts at the plan (its 1．2． were read as
      // items of the cover's last section). Not where a table follows.
      if (f.body.empty()) f.plan_at = i;
    }
    // The body ends at the annex, the footer or a table.
    if (in_body && l.kind == LineKind::kText) {
      const bool attachment = rules.attachment.Contains(l.text), ends = EndsTable(l, rules);
      if (attachment || ends) {
        f.body_end = i;
        in_body = false;
        if (resume == kNo && attachment && !ends) resume = kAfterAttachment;
      }
    }
    if (in_body && !body_left.empty() && (l.kind == LineKind::kText || l.kind == LineKind::kHeading)) {
      for (size_t k = 0; k < body_left.size();) {
        if (body_left[k]->detect(lines, i, rules)) {
          f.body.push_back(body_left[k]);
          body_left.erase(body_left.begin() + static_cast<std::ptrdiff_t>(k));
        } else {
          ++k;
        }
      }
    }
    // Detection has no side effect: asking the body readers first changes nothing.
    if (l.kind != LineKind::kText) continue;
    const Reader* best = nullptr;
    for (const Reader* r : registry.tables)
      if (r->detect(lines, i, rules)) {
        best = r;
        break;
      }
    if (best) {
      f.table_at = i;
      f.table = best;
      f.plan_at = 0;  // a table's rows link to every heading above it, the cover's too
      if (f.body_end == lines.size()) f.body_end = i;
      break;
    }
  }
  std::sort(f.body.begin(), f.body.end(), [](const Reader* a, const Reader* b) { return a->priority > b->priority; });
  return f;
}

AnnexList FindAnnexList(const std::vector<Line>& lines, size_t body_end, const Rules& rules) {
  AnnexList a;
  if (body_end >= lines.size() || lines[body_end].kind != LineKind::kText ||
      !rules.annex_start.Contains(RemoveSpaces(lines[body_end].text)))
    return a;
  a.where.body_begin = body_end + 1;
  a.where.body_end = lines.size();
  for (size_t i = a.where.body_begin; i < lines.size(); ++i)
    if (lines[i].kind == LineKind::kText && EndsTable(lines[i], rules)) {
      a.where.body_end = i;
      break;
    }
  for (const Reader* r : SplitReaders().bodies)
    for (size_t i = a.where.body_begin; i < a.where.body_end; ++i)
      if ((lines[i].kind == LineKind::kText || lines[i].kind == LineKind::kHeading) &&
          r->detect(lines, i, rules)) {
        a.readers.push_back(r);
        break;
      }
  std::stable_sort(a.readers.begin(), a.readers.end(),
                   [](const Reader* x, const Reader* y) { return x->priority > y->priority; });
  return a;
}

std::string CaptionAbove(const std::vector<Line>& lines, size_t at, const Rules& rules, size_t floor) {
  // Up to two title lines and the 附件N line above them, nearest first.
  std::vector<std::string_view> parts;
  // A heading right over the table (一、常规工作任务) is its caption's last
  // line where an annex line (附件) heads the caption: kept only then.
  bool heading = false;
  bool after_metadata = false;  // a form's filling-in line passed over
  for (size_t i = at; i-- > floor && parts.size() < 3;) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (l.kind == LineKind::kHeading && parts.empty() && !heading) {
      heading = true;
      parts.push_back(l.text);
      continue;
    }
    if (l.kind != LineKind::kText) break;
    // A box-drawn or grid table's top border (┌────┬────┐, +----+----+): no title.
    if (StartsBoxDrawing(l.text) || IsGridRule(l.text)) continue;
    std::string compact = RemoveSpaces(rules.markdown_prefix.ReplaceAll(l.text, ""));
    if (rules.annex_start.Contains(compact)) {
      parts.push_back(l.text);
      heading = false;  // kept
      break;
    }
    // A date alone (the cover's 成文日期 right above the annex) ends the
    // caption, and so does the cover's publicity line under it (（此件公开发布）).
    if (auto m = rules.date.Find(compact); m.found && m.begin == 0 && m.end == compact.size()) break;
    if (rules.publicity.Contains(compact)) break;
    const Punctuation& pu = rules.punct;
    // A form's filling-in line between title and table (填报单位：县应急管理局
    // 填报时间：…, frontmatter.yaml metadata_other_keys) is passed over.
    // Above it only a title with a year is the caption (柳溪县应急管理局 over
    // 联系人：张三 is the signature's).
    if (std::any_of(rules.metadata_other_keys.begin(), rules.metadata_other_keys.end(), [&](const std::string& k) {
          return compact.starts_with(k) && pu.colon.StartLength(std::string_view(compact).substr(k.size())) > 0;
        })) {
      after_metadata = true;
      continue;
    }
    if (after_metadata && !rules.title_year.Contains(compact)) break;
    // A total or a note under the table above (合计\t\t, 注：…) is no title.
    if (rules.total_row.Contains(compact) || rules.table_note.Contains(compact)) break;
    // Tabs after the title only (a spreadsheet's title row pasted: empty
    // cells after it) make it no table line; tabs before it (a signature
    // set right) or inside it do.
    const size_t first_char = l.raw.find_first_not_of(" \t");
    const bool tabbed = l.tabs > 0 && (l.raw.find('\t') < first_char || l.text.find('\t') != std::string_view::npos);
    bool title = CharCount(compact) <= 60 && !pu.sentence_mark.In(compact) && !pu.comma.In(compact) &&
                 !pu.pipe.In(compact) && !tabbed && !rules.attachment.Contains(l.text);
    if (!title || parts.size() == 2) break;
    parts.push_back(l.text);
  }
  // A heading with no annex line over it is the body's (no caption), but
  // over a table after another in an annex (二、专项攻坚任务) it is the
  // second table's caption.
  if (heading) {
    bool in_annex = false;
    for (size_t i = floor; i-- > 0 && !in_annex;)
      in_annex = lines[i].kind == LineKind::kText && rules.annex_start.Contains(RemoveSpaces(lines[i].text));
    if (!in_annex) return "";
    parts.resize(1);
  }
  // Each line as every emitted string (PDF text's "2024 年" joined), the
  // lines apart: 附件1 2024年…清单.
  std::string out;
  for (size_t k = parts.size(); k-- > 0;) {
    const std::string part = rules.markdown_prefix.ReplaceAll(parts[k], "");
    // Emphasis around the whole title (**2025年…表**).
    const std::string_view trimmed = WithoutEmphasis(part, rules);
    if (!out.empty()) out += ' ';
    if (HasSpace(trimmed)) out += JoinCjkSpaces(trimmed);
    else out.append(trimmed);
  }
  return out;
}

Table ReadTable(const Reader& reader, const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g = reader.cut(lines, at, rules);
  if (g.caption.empty()) g.caption = CaptionAbove(lines, at, rules);
  return Interpret(g, rules);
}

}  // namespace noticetab
