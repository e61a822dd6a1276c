// The cut of both body readers (key-value lines, inline clauses): the body
// items -> a Grid, one row per item, or per sub-item numbered under it with
// nothing numbered under itself (the （1） （2） under a 1. under a （一）), so
// the interpreter gives the roles as for any table.
//
// Row cells: the item's text without its clauses (任务内容), then what its
// key-value lines and clauses name (clauses.cpp ReadAssignment): 责任单位,
// 牵头单位, 配合单位, 完成时限. The header names are the role labels of
// rules/headers.yaml (`labels:`), so the interpreter reads them as any table
// header; a column is there when some row fills it (责任单位 always, so an
// outline with no assignment is still a table; 配合单位 whenever 牵头单位 is,
// so 责任单位 keeps its role). Empty slots are placeholders and the grid is
// read by position (Grid::by_position): the reader knows every cell's role.
//
// Spans: a cell's lines are the lines its words were read from; its bytes are
// exact when it is one line's words as printed, else they cover those lines.
// A clause that covers other items (a clause line after the last item of a
// group, the clause of an item over its sub-items) is in their rows with the
// span of where it was written: the row-to-task step warns on it from that.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "noticetab/clauses.h"
#include "noticetab/text.h"
#include "readers.h"
#include "../stages.h"

namespace noticetab {
namespace {

// One part of an item: the item itself, or one of the sub-items numbered
// under it (1., （1） ...). The parts with nothing numbered under them become rows.
struct Part {
  std::vector<std::string_view> lines;
  std::vector<const Line*> from;  ///< the Line of each entry of `lines`
  std::vector<const Line*> a_from;  ///< the same for the lines `a` was read from (another part's when shared)
  int first_line = 0, last_line = 0;
  Assignment a;
  std::string content;
  std::vector<GridRow::Heading> headings;  ///< the sub-headings above the part, outermost first
  std::vector<std::pair<std::string, std::string>> notes;  ///< GridRow::notes
  /// A group clause on a line of its own after the part's text (以上工作由X牵头，
  /// Y配合。 / （以上3项由X负责）): it covers the items above it, not only this
  /// one, so it is read apart from `a` and its line is no content.
  Assignment group;
  std::vector<const Line*> group_from;
  bool group_applied = false;
};

// A line of its own that is a group clause (以上工作由区发改委牵头，区财政局
// 配合。 / （以上3项由X负责）): a clause opening with a group word (clauses.yaml
// group_starts, a literal test first) that names units. Read into *out.
bool ReadGroupLine(std::string_view text, const Rules& rules, Assignment* out) {
  const Punctuation& pu = rules.punct;
  // Cheap test first: a group word near the line's start (after a bracket).
  bool near = false;
  for (const std::string& w : rules.group_starts) near |= text.substr(0, 8 + w.size()).find(w) != std::string_view::npos;
  if (!near) return false;
  std::string t = JoinCjkSpaces(Trim(text));
  std::string_view clause = t;
  while (size_t n = pu.StopLength(clause)) clause = Trim(clause.substr(0, clause.size() - n));
  // In brackets of its own: their inside.
  if (size_t i = 0; !clause.empty() && pu.opens.Has(NextChar(clause, i)) && pu.closes.Ends(clause)) {
    size_t close = clause.size();
    while (close > 0 && (static_cast<unsigned char>(clause[close - 1]) & 0xC0) == 0x80) --close;
    clause = Trim(clause.substr(i, close - 1 - i));
  }
  bool starts = false;
  for (const std::string& w : rules.group_starts) starts |= StartsWith(clause, w);
  if (!starts) return false;
  Assignment a;
  if (!ParseClause(clause, rules, &a) || a.group < 0 || (a.units.empty() && a.lead.empty() && a.support.empty()))
    return false;
  for (auto [field, at] : {std::pair{&a.units, &a.units_from}, {&a.lead, &a.lead_from}, {&a.support, &a.support_from},
                           {&a.deadline, &a.deadline_from}})
    if (!field->empty()) at->Cover(0);
  *out = std::move(a);
  return true;
}

// A bracketed clause on a line of its own after the last member of a group,
// with no clause on the other members, covers the whole group. One that says
// so (以上3项由…, Assignment::group) covers the members above it that have no
// clause of their own, as many as it counts (all when it counts none); a
// count other than the group's size is said on the rows it covers.
void ShareGroupClause(std::vector<Part*>& all) {
  // Group clauses on lines of their own: each covers the members since the
  // last one, itself included.
  size_t from = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    Part& last = *all[k];
    if (!last.group.found || last.group_applied) continue;
    const int group = last.group.group, size = static_cast<int>(k + 1 - from);
    const int covered = group > 0 ? std::min(group, size) : size;
    for (size_t j = k + 1 - covered; j <= k; ++j)
      if (!all[j]->a.found) all[j]->a = last.group, all[j]->a_from = last.group_from;
    if (group > 0 && group != size) {
      const std::string said = "the clause on line " + std::to_string(last.group_from.front()->no) + " covers the " +
                               std::to_string(group) + " items above it, but its group has " + std::to_string(size) +
                               "; it is applied to the last " + std::to_string(covered);
      for (size_t j = k + 1 - covered; j <= k; ++j) all[j]->notes.emplace_back("units.group_count", said);
    }
    last.group_applied = true;
    from = k + 1;
  }
  std::vector<Part*> parts(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
  if (parts.size() < 2) return;
  Part& last = *parts.back();
  const int group = last.a.group, size = static_cast<int>(parts.size());
  if (group < 0) {
    if (!last.a.standalone_bracket) return;
    for (size_t k = 0; k + 1 < parts.size(); ++k)
      if (parts[k]->a.found) return;
  }
  const int covered = group > 0 ? std::min(group, size) : size;
  for (int k = size - covered; k + 1 < size; ++k)
    if (!parts[k]->a.found) parts[k]->a = last.a, parts[k]->a_from = last.a_from;
  if (group > 0 && group != size) {
    const int at = last.a.clause_line >= 0 && last.a.clause_line < static_cast<int>(last.from.size())
                       ? last.from[last.a.clause_line]->no
                       : last.last_line;
    const std::string said = "the clause on line " + std::to_string(at) + " covers the " + std::to_string(group) +
                             " items above it, but its group has " + std::to_string(size) + "; it is applied to the last " +
                             std::to_string(covered);
    for (int k = size - covered; k < size; ++k) parts[k]->notes.emplace_back("units.group_count", said);
  }
}

// A clause's deadline that passes to the items under it with its units: any
// but a span of years (rules plan_span), the period a heading's plan names.
bool PassesDeadline(const Assignment& from, const Rules& rules) {
  return !from.deadline.empty() && !rules.plan_span.Find(from.deadline).found;
}

// Gives part p the units of a section's clause or heading (`from`, read from
// `from_lines`) when its own assignment names none: the whole assignment
// when it has none; else the units (and the deadline when it names none),
// as the lead when p names only who supports it (一、县发改局 / 3.…配合单位：
// X。（9月底前））. The deadline only where `gives`: not a plan period
// (（县住建局牵头，2021—2025年）: PassesDeadline), which dates no item; a clause's
// 长期坚持, 每月25日前 or 2025年 is its items' as printed.
void InheritUnits(Part& p, const Assignment& from, const std::vector<const Line*>& from_lines, bool gives) {
  if (!p.a.found) {
    p.a = from, p.a_from = from_lines;
    if (!gives) p.a.deadline.clear(), p.a.deadline_from = {}, p.a.deadline_key.clear();
    return;
  }
  if (!p.a.units.empty() || !p.a.lead.empty() || (from.units.empty() && from.lead.empty())) return;
  const int base = static_cast<int>(p.a_from.size());
  p.a_from.insert(p.a_from.end(), from_lines.begin(), from_lines.end());
  auto moved = [&](Assignment::From f) {
    if (f.first >= 0) f.first += base, f.last += base;
    return f;
  };
  if (p.a.support.empty()) {
    p.a.units = from.units, p.a.units_from = moved(from.units_from), p.a.units_key = from.units_key;
    p.a.lead = from.lead, p.a.lead_from = moved(from.lead_from), p.a.lead_key = from.lead_key;
    p.a.support = from.support, p.a.support_from = moved(from.support_from), p.a.support_key = from.support_key;
  } else {
    const bool lead = !from.lead.empty();
    p.a.lead = lead ? from.lead : from.units;
    p.a.lead_from = moved(lead ? from.lead_from : from.units_from);
  }
  if (p.a.deadline.empty() && !from.deadline.empty() && gives)
    p.a.deadline = from.deadline, p.a.deadline_from = moved(from.deadline_from), p.a.deadline_key = from.deadline_key;
}

// Gives part p the deadline of a clause or heading over it (`from`, read from
// `from_lines`: 三、完成时限：2025年6月底前 / 二、规范信息发布（2025年10月底前完成）
// over items naming only their units) when it names none of its own; an item's
// own deadline is its own.
// `gives`: GivesItsDeadline(from), asked once by the caller for all parts.
void InheritDeadline(Part& p, const Assignment& from, const std::vector<const Line*>& from_lines, bool gives) {
  if (!p.a.deadline.empty() || !gives) return;
  if (!p.a.found) {
    p.a.found = true;
    p.a_from = from_lines;
    p.a.deadline = from.deadline, p.a.deadline_from = from.deadline_from, p.a.deadline_key = from.deadline_key;
    return;
  }
  const int base = static_cast<int>(p.a_from.size());
  p.a_from.insert(p.a_from.end(), from_lines.begin(), from_lines.end());
  Assignment::From f = from.deadline_from;
  if (f.first >= 0) f.first += base, f.last += base;
  p.a.deadline = from.deadline, p.a.deadline_from = f, p.a.deadline_key = from.deadline_key;
}

// The span of lines[first..last] of a part: every byte of those lines.
SourceSpan LinesSpan(const std::vector<Line>& all, const Line& first, const Line& last) {
  SourceSpan s;
  s.first_line = first.no, s.last_line = last.no;
  if (!all.empty()) {
    s.begin = static_cast<size_t>(first.raw.data() - all.front().raw.data());
    s.end = static_cast<size_t>(last.raw.data() + last.raw.size() - all.front().raw.data());
  }
  return s;
}

GridCell Slot(const std::vector<Line>& all, const Part& p, const std::string& text, const Assignment::From& at) {
  GridCell c;
  c.text = text;
  if (text.empty() || at.first < 0) {
    c.placeholder = true;
    return c;
  }
  const Line& first = *p.a_from[at.first];
  const Line& last = *p.a_from[at.last];
  // The last occurrence: a clause closes its line, a value follows its key.
  size_t pos = at.first == at.last ? first.raw.rfind(text) : std::string_view::npos;
  if (pos != std::string_view::npos) return CellAt(all, first, first.raw.substr(pos, text.size()));
  c.span = LinesSpan(all, first, last);
  return c;
}

bool EndsInOpenClause(std::string_view text, const Rules& rules);

// The last line of the key-value lines under a section heading with no
// items (牵头单位：X / 完成时限：Y), after the words of its own paragraph if
// any; the heading's own line when none follows but the heading closes with
// a clause; else 0. The run ends at the first line that is neither (a value
// wrapped after 、 or ， goes on).
int SectionClauseEnd(int heading_line, const std::vector<Line>& lines, const Rules& rules) {
  int end = 0;
  bool wrapped = false;
  for (int n = heading_line + 1; n <= static_cast<int>(lines.size()); ++n) {
    const Line& l = lines[n - 1];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (l.kind == LineKind::kHeading || l.tabs > 0) break;
    if (wrapped || IsKeyValueLine(l.text, rules)) {
      end = n;
      const std::string_view t = Trim(l.text);
      wrapped = rules.punct.enumeration.Ends(t) || rules.punct.comma.Ends(t) || rules.punct.colon.Ends(t);
    } else if (end > 0) {
      break;
    }
  }
  // None: a heading closing with a clause of its own (一、深化改革（区发改委牵头）),
  // or holding one in its sentence (一、…。由区发改委牵头，区财政局配合，推进…);
  // a first-level heading also with a key clause closing its paragraph
  // (一、加强巡查。…。责任单位：X。完成时限：Y。), or one that is a key's line
  // (三、完成时限：2025年6月底前: the deadline of the items under it). A list
  // of a lower level (1．…。责任单位：X。) is read as items when no heading
  // stands over it.
  if (end == 0 && heading_line >= 1 && heading_line <= static_cast<int>(lines.size())) {
    const Line& h = lines[heading_line - 1];
    if (EndsInClause(h.text, rules) || InlineAssignment(h.text, rules) || EndsInOpenClause(h.text, rules) ||
        (h.heading && rules.FirstLevel(h.heading->style) && EndsInKeyClause(h.text, rules)) ||
        (h.heading && OpensWithKey(h.heading->title, rules) && IsKeyValueLine(h.heading->title, rules)))
      end = heading_line;
  }
  return end;
}

// A section heading's words after its marker, a key's value and all (一、牵头
// 单位：县商务局: the outline's title stops at the key).
std::string_view HeadingText(const Line& l, std::string_view title) {
  return l.heading ? std::string_view(l.heading->title) : title;
}

// A section with no items whose heading is over a paragraph of its own
// that closes with a bracketed clause of keys (二、关于一季度经济运行情况 / 加强…，
// 每月形成…报告。（牵头单位：X；完成时限：每月10日前）; …报领导小组办公室（设县
// 城管局） names no key: the notice's request): the paragraph's first and
// last lines, which make its task; {0, 0} when none. The paragraph runs from
// the first text line under the heading to the first line where its words
// end in the clause, with no blank line, heading or table line in it.
std::pair<int, int> SectionParagraphClause(int heading_line, const std::vector<Line>& lines, const Rules& rules) {
  int first = 0;
  std::string words;
  for (int n = heading_line + 1; n <= static_cast<int>(lines.size()); ++n) {
    const Line& l = lines[n - 1];
    if (l.kind == LineKind::kJunk) continue;
    if (l.kind == LineKind::kBlank) {
      if (first > 0) break;
      continue;
    }
    if (l.kind != LineKind::kText || l.tabs > 0) break;
    if (first == 0) first = n;
    words += l.text;
    if (!EndsInClause(words, rules)) continue;
    const std::string t = JoinKeepingPersons(words, rules);
    // A clause of keys that assign (牵头单位：X；配合单位：Y): a contact's
    // (（联系单位：…，联系人：…）) or a remark's assigns nothing.
    if (const auto [begin, inside] = TrailingBracket(t, rules.punct);
        begin != std::string::npos && IsKeyedClause(inside, rules))
      return {first, n};
  }
  return {0, 0};
}

// The most characters of a heading's title that is a line of its own.
constexpr size_t kShortTitle = 24;
// The longest bracket left open at the text's end read as a clause cut short.
constexpr size_t kCutClause = 24;

// The pieces of an item's units that its clauses named each (X负责；Y、Z负责:
// ReadAssignment joins their units with the clause joiner), split outside
// brackets.
std::vector<std::string_view> ClauseUnits(std::string_view units, const Punctuation& pu) {
  std::vector<std::string_view> pieces;
  const std::string& joiner = pu.clause_joiner;
  size_t from = 0;
  int depth = 0;
  for (size_t i = 0; i < units.size();) {
    if (depth == 0 && !joiner.empty() && units.substr(i).starts_with(joiner)) {
      pieces.push_back(units.substr(from, i - from));
      i += joiner.size(), from = i;
      continue;
    }
    const char32_t c = NextChar(units, i);
    depth += pu.opens.Has(c) - pu.closes.Has(c);
  }
  pieces.push_back(units.substr(from));
  return pieces;
}

// An item of several clauses, each naming units without roles, in a notice
// that says the first unit named leads (列第一位者为牵头单位，下同, units.yaml
// first_is_lead): the first unit of each clause leads, the others support
// (ApplyFirstIsLead reads the units of one clause so). Noted as it does.
void FirstOfEachClauseLeads(Part& p, const Rules& rules) {
  if (!p.a.lead.empty() || !p.a.support.empty() || !p.a.scope.empty() || p.a.units.empty()) return;
  const std::vector<std::string_view> pieces = ClauseUnits(p.a.units, rules.punct);
  if (pieces.size() < 2) return;
  std::string lead, support;
  for (std::string_view piece : pieces) {
    const UnitList u = NormalizeUnits(piece, rules);
    if (u.units.empty() || !u.lead.empty() || !u.support.empty() || !u.guide.empty()) return;
    for (size_t k = 0; k < u.units.size(); ++k) {
      std::string& to = k == 0 ? lead : support;
      if (!to.empty()) to += rules.punct.list_joiner;
      to += u.units[k];
    }
  }
  p.a.lead = std::move(lead), p.a.lead_from = p.a.units_from;
  p.a.support = std::move(support), p.a.support_from = p.a.units_from;
  p.notes.emplace_back("units.first_is_lead", "lead units are the first listed in each clause, as the notice says");
}

// The bracket a text leaves open at its end: where it opens and which of
// pu.opens it is; npos when every bracket closes.
std::pair<size_t, size_t> OpenAtEnd(std::string_view t, const Punctuation& pu) {
  size_t open = std::string_view::npos, which = 0;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    const char32_t c = NextChar(t, i);
    if (pu.opens.Has(c)) {
      if (depth++ == 0) open = at, which = pu.opens.marks().find(c);
    } else if (pu.closes.Has(c) && depth > 0 && --depth == 0) {
      open = std::string_view::npos;
    }
  }
  return {depth == 1 ? open : std::string_view::npos, which};
}

// A part whose text ends inside a bracket opening with a clause key and its
// colon, with a separator after the first pair (（牵头单位：X、Y，责任单位：Z各): a
// keyed clause cut where the copy stopped. Read again with the bracket closed
// after the last pair written whole; the cut pair names no one whole and is
// dropped, said (content.truncated). False, *p unchanged, when the text is
// not so or the closed clause is not read.
bool ReadCutKeyedClause(Part& p, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  if (p.lines.empty() || !pu.colon.In(p.content)) return false;
  const auto [open, which] = OpenAtEnd(p.content, pu);
  if (open == std::string_view::npos || which >= pu.closes.utf8().size()) return false;
  const std::string_view content(p.content);
  const std::string_view tail = content.substr(open + pu.opens.StartLength(content.substr(open)));
  if (const auto m = rules.clause_key_line.Find(tail);
      !m.found || m.begin != 0 || KeyRole(m.Group("key"), rules) == ClauseRole::kNone)
    return false;
  // The last separator outside brackets on the last line, after the bracket:
  // the cut pair follows it.
  const std::string_view last = p.lines.back();
  size_t cut = std::string_view::npos;
  int depth = 0;
  for (size_t i = 0; i < last.size();) {
    const size_t at = i;
    const char32_t c = NextChar(last, i);
    depth += pu.opens.Has(c) - pu.closes.Has(c);
    if (depth <= 1 && (pu.comma.Has(c) || pu.semicolon.Has(c))) cut = at;
  }
  if (cut == std::string_view::npos) return false;
  const std::string_view dropped = Trim(last.substr(cut + std::max(pu.comma.StartLength(last.substr(cut)),
                                                                   pu.semicolon.StartLength(last.substr(cut)))));
  // The cut pair is the text's end, and the clause keeps a pair before it.
  if (dropped.empty() || !content.ends_with(dropped) || content.size() - dropped.size() <= static_cast<size_t>(tail.data() - content.data()) + 1)
    return false;
  // A last pair whose names are all whole (…，配合单位：县财政局、县审计局): only
  // the bracket's close is lost; ReadOpenClause reads it with the others.
  if (const auto kv = rules.clause_key_value.Find(dropped); kv.found && KeyRole(kv.Group("key"), rules) != ClauseRole::kNone) {
    const std::vector<std::string> names = SplitTopLevel(Trim(kv.Group("value")), rules);
    if (!names.empty() && std::all_of(names.begin(), names.end(),
                                      [&](const std::string& n) { return IsCompleteUnit(n, rules); }))
      return false;
  }
  std::string closed = std::string(last.substr(0, cut)) + pu.closes.utf8()[which];
  std::vector<std::string_view> lines = p.lines;
  lines.back() = closed;
  std::string text;
  Assignment a = ReadAssignment(lines, rules, &text);
  if (text.size() > open || (a.units.empty() && a.lead.empty() && a.support.empty())) return false;
  p.a = std::move(a);
  p.content = std::string(Trim(text));
  p.notes.emplace_back("content.truncated", "the text ends inside a clause, \"" + std::string(dropped) +
                                                "\": its last part, cut short, left out");
  return true;
}

// A part whose text leaves a bracket open at its end, that read closed there
// is a clause naming units (…机制。（牵头单位：X，配合单位：Y、Z then the next item,
// the close lost in the paste): read so, said (content.truncated). False, *p
// unchanged, when the text is not so, or when it is the text's end (`at_end`)
// and a name is not whole (（牵头单位：县住: cut short, not closed).
// `opened`: whether p.content holds an opening bracket (CutBody asks once).
bool ReadOpenClause(Part& p, const Rules& rules, bool at_end, bool opened) {
  const Punctuation& pu = rules.punct;
  if (p.lines.empty() || !opened) return false;
  const auto [open, which] = OpenAtEnd(p.content, pu);
  if (open == std::string_view::npos || which >= pu.closes.utf8().size()) return false;
  std::string closed = std::string(p.lines.back()) + pu.closes.utf8()[which];
  std::vector<std::string_view> lines = p.lines;
  lines.back() = closed;
  std::string text;
  Assignment a = ReadAssignment(lines, rules, &text);
  if (text.size() > open || (a.units.empty() && a.lead.empty() && a.support.empty())) return false;
  if (at_end)
    for (const std::string* field : {&a.units, &a.lead, &a.support}) {
      if (field->empty()) continue;
      const UnitList u = NormalizeUnits(*field, rules);
      if (!u.warnings.empty() || u.units.empty() ||
          !std::all_of(u.units.begin(), u.units.end(), [&](const std::string& n) { return IsCompleteUnit(n, rules); }))
        return false;
    }
  const std::string clause = p.content.substr(open);
  p.a = std::move(a);
  p.content = std::string(Trim(text));
  p.notes.emplace_back("content.truncated",
                       at_end ? "the text ends inside the clause \"" + clause + "\": read to its end, its names whole; more may have been cut"
                              : "the clause \"" + clause + "\" has no closing bracket: read to the end of its line");
  return true;
}

// Whether a heading's words leave a bracket open at their end that, closed
// there, is a clause (二、完善…机制。（牵头单位：X，配合单位：Y): the section's clause.
bool EndsInOpenClause(std::string_view text, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  if (!pu.opens.In(text)) return false;
  const std::string_view t = Trim(text);
  const auto [open, which] = OpenAtEnd(t, pu);
  if (open == std::string_view::npos || which >= pu.closes.utf8().size()) return false;
  return EndsInClause(std::string(t) + pu.closes.utf8()[which], rules);
}

// An item of one line whose sub-items are numbered inside it, one after the
// other ((1)…。(X牵头负责)(2)…(Y负责)), each closing with its own clause: one
// part per sub-item, its words without its number, as if each stood on a line
// of its own (the item's words before the first are its title, one sentence).
// None when the line is not so: fewer than two closing with their clauses,
// numbers out of order, one without its clause but the last (the copy may stop
// in it), or words before the first that are more than a title.
std::vector<Part> InlineSubitems(const Part& p, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  if (p.lines.size() != 1 || !p.a.found || !pu.opens.In(p.lines.front())) return {};
  const std::string_view line = p.lines.front();
  // Where each number opens: after a sentence's end or a bracket's close.
  std::vector<size_t> at;
  int style = -1;
  for (size_t i = 0; i < line.size();) {
    const size_t here = i;
    const char32_t c = NextChar(line, i);
    if (!pu.opens.Has(c) || here == 0) continue;
    size_t b = here;
    const char32_t before = PrevChar(line, b, &b);
    if (!pu.full_stop.Has(before) && !pu.closes.Has(before)) continue;
    const auto m = MatchHeading(line.substr(here), rules);
    if (!m || m->title.empty() || rules.numerals.Value(m->no) != static_cast<int>(at.size()) + 1 ||
        (style >= 0 && m->style != style))
      continue;
    style = m->style;
    at.push_back(here);
  }
  if (at.size() < 2) return {};
  const std::string_view intro = Trim(line.substr(0, at.front()));
  if (intro.empty() || !EndsSentence(intro, rules) || pu.full_stop.In(pu.full_stop.TrimEnd(intro))) return {};
  std::vector<Part> out;
  for (size_t k = 0; k < at.size(); ++k) {
    const std::string_view piece = Trim(line.substr(at[k], (k + 1 < at.size() ? at[k + 1] : line.size()) - at[k]));
    const auto m = MatchHeading(piece, rules);
    // The last may name no one (the copy cut short in it): it is the line's end.
    const bool last = k + 1 == at.size();
    if (!m || !piece.ends_with(m->title) || (!last && !EndsInClause(m->title, rules))) return {};
    Part q;
    q.first_line = p.first_line, q.last_line = p.last_line;
    q.lines = {piece.substr(piece.size() - m->title.size())};
    q.from = p.from;
    q.a = ReadAssignment(q.lines, rules, &q.content);
    q.a_from = q.from;
    if (q.a.units.empty() && q.a.lead.empty() && q.a.support.empty() && (!last || k < 2)) return {};
    q.headings = p.headings;
    if (last) q.notes = p.notes;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

Grid CutBody(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
             const std::vector<Line>& lines, const Rules& rules) {
  auto style_at = [&](int line_no) {
    if (line_no < 1 || line_no > static_cast<int>(lines.size())) return -1;
    const Line& l = lines[line_no - 1];
    return l.heading ? l.heading->style : -1;
  };
  std::vector<std::vector<Part>> rows;  // per item of every section: its parts
  // Sub-heading style -> its last accepted number, across items: 3. under
  // (二) goes on from 2. under (一).
  std::map<int, int> last_no;
  // The item whose parts are cut: its title, as the outline read it, may run
  // past its heading's line (a heading sentence wrapped at the line's end).
  const Item* cut_item = nullptr;
  // The last line holding text, and where a text's last bracket opens when
  // nothing closes it and at most kCutClause characters follow (size() else).
  int last_text = 0;
  for (const Line& l : lines)
    if (l.kind == LineKind::kText || l.kind == LineKind::kHeading) last_text = l.no;
  // `opened`: whether t holds an opening bracket (asked by the caller).
  auto pu_opens_tail = [&](std::string_view t, bool opened) -> size_t {
    const Punctuation& pu = rules.punct;
    if (!opened) return t.size();
    size_t open = t.size();
    for (size_t i = 0; i < t.size();) {
      const size_t at = i;
      const char32_t c = NextChar(t, i);
      if (pu.opens.Has(c)) open = at;
      else if (pu.closes.Has(c)) open = t.size();
    }
    return open < t.size() && CharCountUpTo(t.substr(open), kCutClause + 1) <= kCutClause ? open : t.size();
  };
  auto part = [&](int from, int to) {
    Part p;
    p.first_line = from, p.last_line = to;
    for (int n = std::max(from, 1); n <= to && n <= static_cast<int>(lines.size()); ++n) {
      const Line& l = lines[n - 1];
      if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk || l.tabs > 0) continue;
      // A group clause line: only after the part's own words; the literal
      // test of its opening first.
      if (n > from && !p.lines.empty() && ReadGroupLine(l.text, rules, &p.group)) {
        p.group_from.assign(1, &l);
        continue;
      }
      p.lines.push_back(n == from && l.heading ? std::string_view(l.heading->title) : l.text);
      p.from.push_back(&l);
    }
    // The clause the last line leaves open, closed by the next line indented
    // by tabs (…工作。（牵头单位：X， / <tab>配合单位：Y）): the clause wrapped, the
    // indent no table's cell (a line holding tabs is table material else).
    if (!p.lines.empty() && to >= 1 && to < static_cast<int>(lines.size()) && p.from.back()->no == to) {
      const Line& next = lines[static_cast<size_t>(to)];
      const Punctuation& pu = rules.punct;
      if (next.tabs > 0 && next.kind != LineKind::kHeading && next.text.find('\t') == std::string_view::npos &&
          pu.closes.Ends(pu.full_stop.TrimEnd(next.text)) &&
          OpenAtEnd(p.lines.back(), pu).first != std::string_view::npos &&
          OpenAtEnd(std::string(p.lines.back()) + std::string(next.text), pu).first == std::string_view::npos) {
        p.lines.push_back(next.text);
        p.from.push_back(&next);
        p.last_line = next.no;
      }
    }
    p.a = ReadAssignment(p.lines, rules, &p.content);
    p.a_from = p.from;
    // The text ends inside a keyed clause past its first pair (…发布。（牵头单位：X、Y，
    // 责任单位：Z各): the pairs written whole are read, the last one, cut, is not.
    if (to >= last_text && ReadCutKeyedClause(p, rules)) return p;
    // A clause whose close is lost (…。（牵头单位：X，配合单位：Y、Z / 三、…):
    // read to the end of the part's last line.
    // Whether the content holds an opening bracket: asked once, for the three
    // tests below (the content changes only where one of them returns).
    std::optional<bool> opened;
    auto opens_in = [&] {
      if (!opened) opened = rules.punct.opens.In(p.content);
      return *opened;
    };
    if (p.a.units.empty() && p.a.lead.empty() && p.a.support.empty() &&
        ReadOpenClause(p, rules, to >= last_text, opens_in()))
      return p;
    // The text ends inside a bracket (…年内投入运行。（牵头单): a clause cut
    // short where the copy stopped. Its words are no content and name no
    // one whole; left out, said.
    if (const size_t at = to >= last_text ? pu_opens_tail(p.content, opens_in()) : p.content.size(); at < p.content.size()) {
      p.notes.emplace_back("content.truncated", "the text ends inside an open bracket, \"" + p.content.substr(at) +
                                                    "\": a clause cut short, left out of the content");
      p.content = std::string(Trim(std::string_view(p.content).substr(0, at)));
    } else if (to >= last_text && opens_in()) {
      // A longer one (…评查（评查范围：…，评查时间：2024年9月) may be the item's
      // own words: kept in the content, said.
      if (const size_t open = OpenAtEnd(p.content, rules.punct).first; open != std::string_view::npos)
        p.notes.emplace_back("content.truncated", "the text ends inside an open bracket, \"" + p.content.substr(open) +
                                                      "\": the item may be cut short");
    } else if (p.a.units.empty() && p.a.lead.empty() && p.a.support.empty() && rules.punct.opens.In(p.content)) {
      // One left open before the next heading (一、推进…改造（涉及城关镇、河口镇 /
      // 二、…), read as no clause: the item's words as printed, said.
      if (const size_t open = OpenAtEnd(p.content, rules.punct).first; open != std::string_view::npos)
        p.notes.emplace_back("content.truncated", "the bracket \"" + p.content.substr(open) +
                                                      "\" does not close before the next heading: the item may be cut short");
    }
    // A short heading without a stop over a paragraph of its own (一、深入打好
    // 蓝天保卫战 / 强化…): its title is a sentence of the content, not words
    // run into the next line's. A heading with a separator or a full stop in
    // it may be a sentence wrapped over lines (推进散煤清洁替代。完成…改造3000
    // / 户，…), and goes on as printed; so does one whose title the outline
    // read on past the line (…规范校园周边经营秩 / 序。).
    if (!p.lines.empty() && lines[from - 1].heading) {
      const std::string title = JoinCjkSpaces(Trim(p.lines.front()));
      const Punctuation& pu = rules.punct;
      const bool runs_on = cut_item && cut_item->line == from && cut_item->title.size() > title.size();
      if (!title.empty() && !runs_on && p.content.size() > title.size() &&
          CharCountUpTo(title, kShortTitle + 1) <= kShortTitle &&
          StartsWith(p.content, title) && !EndsSentence(title, rules) && !pu.comma.In(title) &&
          !pu.full_stop.In(title) && !pu.semicolon.In(title) &&
          !pu.enumeration.In(title) && !pu.colon.In(title) && !pu.closes.Ends(title))
        p.content.insert(title.size(), pu.stop);
    }
    return p;
  };
  // Sections with no items that name no units, after one that does and with
  // no other section since: kept when the section after them names units too
  // (1.…（牵头单位：X） / 2.建设污水处理厂。 / 3.…（牵头单位：Y）): an item of the
  // list printed without its clause, not the notice's requirements. Only a
  // sentence of at most three lines; ClassifyDocument warns that it names no units.
  std::vector<Part> between;
  bool after_named = false;  // the last section read was an item-less one naming units
  auto names_units = [](const Part& p) { return !p.a.units.empty() || !p.a.lead.empty() || !p.a.support.empty(); };
  auto flush_between = [&] {
    for (Part& b : between) rows.push_back({std::move(b)});
    between.clear();
  };
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    size_t section_first = rows.size();
    // A section with no items whose heading is followed by key-value lines
    // (一、… / 牵头单位：X / 完成时限：Y): the heading and its lines are one
    // row, kept when they name units.
    // A section whose paragraph closes with a clause is that paragraph's
    // row (the heading is the section's title, not the task's words).
    if (s.items.empty()) {
      int from = s.line, end = SectionClauseEnd(s.line, lines, rules);
      if (end == 0) std::tie(from, end) = SectionParagraphClause(s.line, lines, rules);
      if (end > 0) {
        Part p = part(from, end);
        if (names_units(p)) {
          if (p.content.empty()) p.content = s.title;
          flush_between();
          rows.push_back({std::move(p)});
          after_named = true;
          continue;
        }
      }
      if (after_named && s.line > 0 && si + 1 < sections.size() && sections[si + 1].line > s.line) {
        Part p = part(s.line, sections[si + 1].line - 1);
        if (!names_units(p) && !p.lines.empty() && p.lines.size() <= 3 && EndsSentence(p.content, rules)) {
          between.push_back(std::move(p));
          continue;
        }
      }
      // A section whose words leave a bracket open before the next heading
      // (一、推进…改造（涉及城关镇、河口镇 / 二、…（X牵头）), naming no one: an item of
      // the list cut short, kept when a section beside it names units (before
      // it, or the next one), as one printed without its clause is.
      if (s.line > 0 && si + 1 < sections.size() && sections[si + 1].line > s.line) {
        Part p = part(s.line, sections[si + 1].line - 1);
        if (!names_units(p) && !p.lines.empty() && p.lines.size() <= 3 && !p.notes.empty() &&
            p.notes.back().first == "content.truncated") {
          between.push_back(std::move(p));
          continue;
        }
      }
      // The last section, its clause cut short by the text's end: kept too.
      if (after_named && s.line > 0 && si + 1 == sections.size() && last_text >= s.line) {
        Part p = part(s.line, last_text);
        if (!names_units(p) && !p.notes.empty() && p.notes.back().first == "content.truncated" &&
            p.lines.size() <= 3) {
          flush_between();
          rows.push_back({std::move(p)});
          continue;
        }
      }
      after_named = false;
      between.clear();
      continue;
    }
    after_named = false;
    between.clear();
    for (const auto& it : s.items) {
      cut_item = &it;
      int first = it.line;
      int last = it.index < static_cast<int>(item_end_lines.size()) ? item_end_lines[it.index] : it.line;
      int item_style = style_at(first), section_style = style_at(s.line);
      // Sub-headings: headings of other styles under the item, each numbered
      // 1 or on from the last of its style. Their nesting is the order in
      // which the styles first appear under the item (1. over (1)); a
      // sub-heading's parent is the nearest shallower one above it, else the
      // item (node 0).
      struct Node {
        int line, depth, parent;
        bool leaf = true;
      };
      std::vector<Node> nodes = {{first, 0, -1}};
      std::vector<int> depth_of;  // style by first appearance under the item
      std::vector<int> open = {0};  // the chain of nodes from the item down to the last one
      for (int n = first + 1; n <= last && n <= static_cast<int>(lines.size()); ++n) {
        const Line& l = lines[n - 1];
        if (l.kind != LineKind::kHeading || l.tabs > 0) continue;
        int st = l.heading->style;
        if (st == item_style || st == section_style) continue;
        int no = rules.numerals.Value(l.heading->no);
        if (no <= 0 || (no != 1 && no != last_no[st] + 1)) continue;  // a number in the text, not a heading
        last_no[st] = no;
        auto at = std::find(depth_of.begin(), depth_of.end(), st);
        int depth = static_cast<int>(at - depth_of.begin()) + 1;
        if (at == depth_of.end()) depth_of.push_back(st);
        while (nodes[open.back()].depth >= depth) open.pop_back();
        nodes[open.back()].leaf = false;
        nodes.push_back({n, depth, open.back()});
        open.push_back(static_cast<int>(nodes.size()) - 1);
      }
      std::vector<Part> parts;
      if (nodes.size() == 1) {
        parts.push_back(part(first, last));
        if (parts.back().content.empty()) parts.back().content = it.text;
        if (std::vector<Part> sub = InlineSubitems(parts.back(), rules); !sub.empty()) parts = std::move(sub);
      } else {
        // Every node's own words, up to the next node; the leaves are the
        // tasks (the deepest level under each heading), the words of a node
        // over others (the item's, a 1. over (1) (2)) may hold a clause for
        // those under it.
        std::vector<Part> all;
        for (size_t k = 0; k < nodes.size(); ++k)
          all.push_back(part(nodes[k].line, k + 1 < nodes.size() ? nodes[k + 1].line - 1 : last));
        for (size_t k = 0; k < nodes.size(); ++k) {  // the leaves under each node
          if (nodes[k].leaf) continue;
          std::vector<Part*> group;
          for (size_t c = k + 1; c < nodes.size(); ++c)
            if (nodes[c].parent == static_cast<int>(k) && nodes[c].leaf) group.push_back(&all[c]);
          ShareGroupClause(group);
        }
        for (size_t k = 1; k < nodes.size(); ++k) {
          if (!nodes[k].leaf) continue;
          Part& p = all[k];
          for (int up = nodes[k].parent; !p.a.found && up >= 0; up = nodes[up].parent)
            if (all[up].a.found) InheritUnits(p, all[up].a, all[up].from, PassesDeadline(all[up].a, rules));
          // One naming its units but no deadline: the nearest one above it.
          for (int up = nodes[k].parent; p.a.deadline.empty() && up >= 0; up = nodes[up].parent)
            InheritDeadline(p, all[up].a, all[up].from, GivesItsDeadline(all[up].a, rules));
          // The headings that only group leaves (a 1． over （1）) are no task:
          // their words go with the tasks under them. Their title is cut from
          // the words without a clause, as the item's is.
          for (int up = nodes[k].parent; up > 0; up = nodes[up].parent) {
            const Line& l = lines[nodes[up].line - 1];
            p.headings.insert(p.headings.begin(), {l.heading->no, HeadingTitle(all[up].content, rules), l.no});
          }
          parts.push_back(std::move(p));
        }
      }
      rows.push_back(std::move(parts));
    }
    // The same across the items of a section: a clause line after the last
    // item. A group clause line (以上工作由…) covers the items since the
    // last one, in a run of items without sub-items.
    bool flat = true;
    for (size_t k = section_first; k < rows.size(); ++k) flat &= rows[k].size() == 1;
    if (flat && rows.size() - section_first >= 2) {
      std::vector<Part*> whole;
      for (size_t k = section_first; k < rows.size(); ++k) whole.push_back(&rows[k].front());
      ShareGroupClause(whole);
    } else {
      std::vector<Part*> run;
      for (size_t k = section_first; k <= rows.size(); ++k) {
        if (k < rows.size() && rows[k].size() == 1) {
          run.push_back(&rows[k].front());
          if (!run.back()->group.found) continue;
        }
        bool grouped = false;
        for (Part* p : run) grouped |= p->group.found && !p->group_applied;
        if (grouped) ShareGroupClause(run);
        run.clear();
      }
    }
    // Key-value lines under the section heading, before its first item
    // (一、… / 牵头单位：X / （一）…): the clause of the items with none of their own.
    // An unnamed section (line 0: items before any heading) has no heading to read under.
    bool inherited = false;
    if (const int end = s.line > 0 ? SectionClauseEnd(s.line, lines, rules) : 0;
        end > 0 && end < s.items.front().line) {
      Part sp = part(s.line, end);
      inherited = !sp.a.units.empty() || !sp.a.lead.empty() || !sp.a.support.empty();
      const bool gives = GivesItsDeadline(sp.a, rules), passes = inherited && PassesDeadline(sp.a, rules);
      for (size_t k = section_first; k < rows.size(); ++k)
        for (Part& p : rows[k]) {
          if (inherited) InheritUnits(p, sp.a, sp.from, passes);
          InheritDeadline(p, sp.a, sp.from, gives);
        }
    }
    if (Assignment named = inherited || s.line == 0
                               ? Assignment()
                               : HeadingUnits(HeadingText(lines[static_cast<size_t>(s.line) - 1], s.title), rules);
        named.found) {
      // A heading that only names units (一、县教育局（3项）): the tasks under
      // it are listed by who does them.
      const std::vector<const Line*> heading = {&lines[static_cast<size_t>(s.line) - 1]};
      named.units_from.Cover(0);  // heading[0]
      const bool passes = PassesDeadline(named, rules);
      for (size_t k = section_first; k < rows.size(); ++k)
        for (Part& p : rows[k]) InheritUnits(p, named, heading, passes);  // said as for a section's clause
    }
  }

  // The notice saying the first unit named leads, asked once, where an item
  // has several clauses.
  std::optional<bool> first_leads;
  for (auto& parts : rows)
    for (Part& p : parts) {
      if (p.a.units.find(rules.punct.clause_joiner) == std::string::npos) continue;
      if (!first_leads)
        first_leads = std::any_of(lines.begin(), lines.end(),
                                  [&](const Line& l) { return rules.first_is_lead.Contains(l.text); });
      if (*first_leads) FirstOfEachClauseLeads(p, rules);
    }

  // A clause closing with a scope sentence (以下均需各县（市、区）人民政府落实，
  // 不再列出; Assignment::scope) names units for every item after its own:
  // each part after it that does not name them already gets them, noted.
  const Part* scope = nullptr;
  for (auto& parts : rows)
    for (Part& p : parts) {
      if (scope && p.first_line > scope->first_line) {
        const std::string& units = scope->a.scope;
        const bool named = p.a.units.find(units) != std::string::npos || p.a.lead.find(units) != std::string::npos ||
                           p.a.support.find(units) != std::string::npos;
        if (!named) {
          const Line* at = scope->a_from[static_cast<size_t>(scope->a.scope_from.first)];
          if (!p.a.units.empty()) p.a.units += rules.punct.clause_joiner;
          p.a.units += units;
          if (p.a.units_from.first < 0) {
            p.a_from.push_back(at);
            p.a.units_from.Cover(static_cast<int>(p.a_from.size()) - 1);
          }
          p.a.found = true;
          p.notes.emplace_back("units.from_scope",
                               units + " taken from the scope sentence of line " + std::to_string(at->no));
        }
      }
      if (!p.a.scope.empty() && p.a.scope_from.first >= 0 && (!scope || p.first_line > scope->first_line)) scope = &p;
    }

  // The columns some row fills, named by the first key found for each role
  // when it is a header name of that role, else by the role's label.
  bool lead = false, support = false, deadline = false, leader = false;
  std::string names[4];  // units, lead, support, deadline
  auto name = [&](std::string& at, const std::string& key, Role r) {
    if (at.empty() && !key.empty() && HeaderNameListed(key, rules) && HeaderRole(key, rules) == r) at = key;
  };
  for (const auto& parts : rows)
    for (const auto& p : parts) {
      lead |= !p.a.lead.empty(), support |= !p.a.support.empty(), deadline |= !p.a.deadline.empty();
      leader |= !p.a.persons.empty();
      if (!p.a.units.empty()) name(names[0], p.a.units_key, Role::kUnits);
      if (!p.a.lead.empty()) name(names[1], p.a.lead_key, Role::kLead);
      if (!p.a.support.empty()) name(names[2], p.a.support_key, Role::kSupport);
      if (!p.a.deadline.empty()) name(names[3], p.a.deadline_key, Role::kDeadline);
    }
  support |= lead;
  std::vector<Role> columns = {Role::kContent, Role::kUnits};
  if (lead) columns.push_back(Role::kLead);
  if (support) columns.push_back(Role::kSupport);
  if (deadline) columns.push_back(Role::kDeadline);
  if (leader) columns.push_back(Role::kLeader);

  Grid g;
  g.by_position = true;
  GridRow header;
  header.header = true;
  for (Role r : columns) {
    GridCell cell;
    int k = r == Role::kUnits ? 0 : r == Role::kLead ? 1 : r == Role::kSupport ? 2 : r == Role::kDeadline ? 3 : -1;
    std::string key = k < 0 ? "" : names[k];
    cell.text = key.empty() ? RoleLabel(r, rules) : key;
    // Rules without a label for the role: any header name of the role.
    if (HeaderRole(cell.text, rules) != r)
      for (const auto& [synonym, role] : rules.header_synonyms)
        if (role == r) {
          cell.text = synonym;
          break;
        }
    header.cells.push_back(std::move(cell));
  }
  g.rows.push_back(std::move(header));
  for (const auto& parts : rows)
    for (const auto& p : parts) {
      const int n = static_cast<int>(lines.size());
      if (p.first_line < 1 || p.first_line > n) continue;  // an outline not of these lines
      GridRow r;
      r.span = LinesSpan(lines, lines[p.first_line - 1], lines[std::clamp(p.last_line, p.first_line, n) - 1]);
      for (Role c : columns) {
        switch (c) {
          case Role::kContent: {
            GridCell cell;
            cell.text = p.content;
            cell.span = r.span;
            cell.placeholder = p.content.empty();
            r.cells.push_back(std::move(cell));
            break;
          }
          case Role::kUnits: r.cells.push_back(Slot(lines, p, p.a.units, p.a.units_from)); break;
          case Role::kLead: r.cells.push_back(Slot(lines, p, p.a.lead, p.a.lead_from)); break;
          case Role::kSupport: r.cells.push_back(Slot(lines, p, p.a.support, p.a.support_from)); break;
          case Role::kLeader: {
            std::string names;
            for (const auto& n : p.a.persons) names += (names.empty() ? "" : rules.punct.list_joiner) + n;
            r.cells.push_back(Slot(lines, p, names, p.a.persons_from));
            break;
          }
          default: r.cells.push_back(Slot(lines, p, p.a.deadline, p.a.deadline_from)); break;
        }
      }
      r.headings = p.headings;
      r.notes = p.notes;
      g.span.Cover(r.span);
      g.rows.push_back(std::move(r));
    }
  return g;
}

}  // namespace noticetab
