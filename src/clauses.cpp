#include "noticetab/clauses.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "noticetab/classify.h"
#include "noticetab/normalize.h"
#include "noticetab/text.h"
#include "clause_pieces.h"
#include "stages.h"
#include "utf8_scan.h"

namespace noticetab {
namespace {


// A separator between clauses or names (punctuation.yaml): comma, semicolon,
// enumeration or full stop.
bool IsSeparator(char32_t c, const Punctuation& p) {
  return p.comma.Has(c) || p.semicolon.Has(c) || p.enumeration.Has(c) || p.full_stop.Has(c);
}

// A separator, a space, a tab or the ideographic space U+3000 (or nothing)
// ends a run of units after a role word.
bool IsRunBreak(std::string_view rest, const Punctuation& p) {
  if (rest.empty()) return true;
  size_t i = 0;
  const char32_t c = NextChar(rest, i);
  return c == ' ' || c == '\t' || c == 0x3000 || IsSeparator(c, p);
}

// s without the separators it ends with.
std::string_view TrimSeparators(std::string_view s, const Punctuation& p) {
  for (;;) {
    const size_t n = std::max({p.comma.EndLength(s), p.semicolon.EndLength(s), p.full_stop.EndLength(s)});
    if (n == 0) return s;
    s.remove_suffix(n);
  }
}

// Appends value (trimmed, without a closing separator) to field, after
// `joiner` (punctuation.yaml written: list, or clauses).
void Add(std::string* field, std::string_view value, const Punctuation& p,
         const std::string* joiner = nullptr) {
  std::string v(Trim(TrimSeparators(Trim(value), p)));
  if (v.empty()) return;
  if (!field->empty()) *field += joiner ? *joiner : p.list_joiner;
  *field += v;
}

void Merge(const Assignment& from, Assignment* to, const Punctuation& p) {
  Add(&to->units, from.units, p, &p.clause_joiner);
  Add(&to->lead, from.lead, p);
  Add(&to->support, from.support, p);
  Add(&to->deadline, from.deadline, p);
  to->persons.insert(to->persons.end(), from.persons.begin(), from.persons.end());
  for (auto [f, t] : {std::pair{&from.units_key, &to->units_key}, {&from.lead_key, &to->lead_key},
                      {&from.support_key, &to->support_key}, {&from.deadline_key, &to->deadline_key}})
    if (t->empty()) *t = *f;
  to->found |= from.found;
  if (to->group < 0) to->group = from.group;
  if (to->scope.empty()) to->scope = from.scope;
}

// Merge, noting that the fields `from` fills came from lines [first, last].
void MergeAt(const Assignment& from, Assignment* to, int first, int last, const Punctuation& p) {
  auto cover = [&](const std::string& field, Assignment::From& at) {
    if (!field.empty()) at.Cover(first), at.Cover(last);
  };
  cover(from.units, to->units_from), cover(from.lead, to->lead_from);
  cover(from.support, to->support_from), cover(from.deadline, to->deadline_from);
  if (to->scope.empty()) cover(from.scope, to->scope_from);
  if (!from.persons.empty()) to->persons_from.Cover(first), to->persons_from.Cover(last);
  Merge(from, to, p);
}

}  // namespace

// A line's spaces between CJK characters joined (JoinCjkSpaces), all but one
// between a whole unit name and a person's name after it (责任单位：县农业农村局
// 孙小强, 孙强同志, （县发改局 王小明牵头，…）) or two whole unit names
// (县发改局 高新区管委会, 县发改委  县统计局: SpaceKept): that one stays, so that
// the unit list reader takes the person out of the units as in a table's cell
// (contacts.cpp, TakePersons), never a part of the unit's name, and parts the
// two names as a table's cell's space does.
std::string JoinKeepingPersons(std::string_view line, const Rules& rules) {
  if (!HasSpace(line)) return std::string(line);
  std::string out;
  size_t piece = 0;
  for (size_t i = 0; i < line.size();) {
    const size_t at = i;
    if (!IsSpace(NextChar(line, i))) continue;
    size_t after = i;
    while (after < line.size()) {
      size_t k = after;
      if (!IsSpace(NextChar(line, k))) break;
      after = k;
    }
    size_t from = at, b = 0;
    while (from > 0 && IsHan(PrevChar(line, from, &b))) from = b;
    size_t end = after;
    while (end < line.size()) {
      size_t k = end;
      if (!IsHan(NextChar(line, k))) break;
      end = k;
    }
    if (from < at && after < end &&
        SpaceKept(line.substr(from, at - from), line.substr(at, after - at), line.substr(after, end - after), rules)) {
      out += JoinCjkSpaces(line.substr(piece, at - piece));
      // A wide gap stays wide: the unit list reader parts the names by it (县发改委  统计局).
      out += line.substr(at, after - at);
      piece = after;
    }
    i = after;
  }
  out += JoinCjkSpaces(line.substr(piece));
  return out;
}

namespace {

bool IsDeadline(std::string_view s, const Rules& rules) { return ClassifyCell(s, rules) == CellShape::kDeadline; }

bool LooksLikeUnits(std::string_view text, const Rules& rules);

// A piece opening with a step's period (2024年3月底前启动, 年底前完成建设:
// deadlines.yaml step_start) that reads as no unit names.
bool OpensWithStep(std::string_view piece, const Rules& rules) {
  const std::string_view t = Trim(piece);
  const auto s = rules.deadline_step_start.Find(t);
  return s.found && s.begin == 0 && s.end < t.size() && !LooksLikeUnits(t, rules);
}

// "Y，6月底前完成": a value whose last comma-piece is a deadline gives it up.
// A last piece that is only date-like (年内完成, a form no deadline pattern
// reads) goes too, unless it reads as unit names: resolving it then says
// what was not understood, rather than a unit name holding a date.
// Deadline pieces before it go too (为期两周，6月底前完成: a duration and the
// date), kept in their order.
std::string TakeDeadline(std::string_view value, const Rules& rules, Assignment* a) {
  // v: what is left of the value before the pieces taken (a view: a cut
  // copies nothing, and the pieces taken stay readable).
  std::string_view v = Trim(value);
  size_t dated = std::string::npos, dated_comma = 0;
  // The deadline pieces, first taken (the value's last) first, each with the
  // comma mark before it; joined at the end, each piece's own mark after it
  // (so far, each prepended to a string copied the pieces taken again).
  std::vector<std::pair<std::string_view, const std::string*>> taken;
  // The last place of each comma mark in v, kept from pass to pass: v only
  // shortens, so a mark is looked for again (backward from the cut) only
  // when the cut took its last place. Each mark's places are found in one
  // backward pass over v in all, not one scan of v per pass.
  const std::vector<std::string>& commas = rules.punct.comma.utf8();
  constexpr size_t kKept = 4, kUnread = std::string::npos - 1;
  std::array<size_t, kKept> last;
  last.fill(kUnread);
  auto last_place = [&](size_t k) {
    if (k >= kKept) return v.rfind(commas[k]);
    if (last[k] == kUnread || (last[k] != std::string::npos && last[k] >= v.size())) last[k] = v.rfind(commas[k]);
    return last[k];
  };
  for (bool more = true; more;) {
    more = false;
    for (size_t k = 0; k < commas.size(); ++k) {
      const std::string& comma = commas[k];
      const size_t p = last_place(k);
      if (p == std::string::npos) continue;
      const std::string_view piece = v.substr(p + comma.size());
      // After a deadline taken, a piece opening with its period (2024年3月底前
      // 启动，2024年12月底前完成: deadlines.yaml step_start) is a step of the
      // same deadline, not a unit name.
      if (IsDeadline(piece, rules) || (!taken.empty() && OpensWithStep(piece, rules))) {
        taken.emplace_back(piece, &comma);
        v = v.substr(0, p);
        more = true;
        break;
      }
      if (taken.empty() && (dated == std::string::npos || p > dated) && rules.deadline_hint.Contains(piece))
        dated = p, dated_comma = comma.size();
    }
  }
  if (!taken.empty()) {
    std::string joined;
    for (size_t j = taken.size(); j-- > 0;) {
      joined += taken[j].first;
      if (j > 0) joined += *taken[j].second;
    }
    Add(&a->deadline, joined, rules.punct);
    return std::string(v);
  }
  if (dated != std::string::npos) {
    const std::string_view piece = v.substr(dated + dated_comma);
    // A piece that opens with its date (2024年9月底前上线运行) is no unit name,
    // whatever its end reads as (运行 ends as 银行 does).
    const auto date = rules.deadline_hint.Find(piece);
    if ((date.found && date.begin == 0) || !LooksLikeUnits(piece, rules)) {
      // Steps before it (2024年6月底前完成方案，年底前完成建设): the same
      // deadline's, kept in their order.
      v = v.substr(0, dated);
      std::string_view steps = piece;
      for (size_t k = 0; k < commas.size();) {
        const size_t p = v.rfind(commas[k]);
        const std::string_view before = p == std::string_view::npos ? v : v.substr(p + commas[k].size());
        if (p == std::string_view::npos || !OpensWithStep(before, rules)) {
          ++k;
          continue;
        }
        steps = std::string_view(before.data(), static_cast<size_t>(steps.data() + steps.size() - before.data()));
        v = v.substr(0, p);
        k = 0;
      }
      Add(&a->deadline, steps, rules.punct);
    }
  }
  return std::string(v);
}

// How many brackets s leaves open (0 when they all close, or none opens).
int OpenBrackets(std::string_view s, const Punctuation& pu) {
  size_t i = pu.opens.Find(s);
  if (i == std::string_view::npos) return 0;
  int depth = 0;
  while (i < s.size()) {
    const char32_t c = NextChar(s, i);
    depth += pu.opens.Has(c) - pu.closes.Has(c);
  }
  return depth;
}

// A name with a person's after it and a space (县发改局 王小明: JoinKeepingPersons
// keeps that space): the unit's part; else the whole name.
std::string_view UnitBeforePerson(std::string_view name, const Rules& rules) {
  const size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return name;
  const std::string_view unit = Trim(name.substr(0, space));
  return PersonAfterUnit(unit, Trim(name.substr(space + 1)), rules) ? unit : name;
}

// A free clause part names units when every run reads as unit names: with a
// role word each run needs one complete name, without one every name must be.
bool LooksLikeUnits(std::string_view text, const Rules& rules) {
  auto runs = SplitRoleRuns(text, rules);
  bool roles = runs.size() > 1 || (runs.size() == 1 && runs[0].role != ClauseRole::kNone);
  for (const auto& run : runs) {
    auto names = SplitTopLevel(run.text, rules);
    if (names.empty()) return false;
    size_t complete = 0;
    for (const auto& n : names) {
      const std::string_view unit = UnitBeforePerson(n, rules);
      complete += IsCompleteUnit(unit, rules) && CharCount(unit) <= 30;
    }
    if (roles ? complete == 0 : complete != names.size()) return false;
  }
  return !runs.empty();
}

}  // namespace

std::pair<size_t, std::string_view> TrailingBracket(std::string_view s, const Punctuation& pu) {
  std::string_view t = Trim(s);
  while (size_t n = pu.StopLength(t)) t = Trim(t.substr(0, t.size() - n));
  // Most texts end in no closing bracket: said without decoding t from the
  // start. (A character decoded from its lead byte to the end of t is the
  // last one decoded from the start too; other endings decode to U+FFFD.)
  if (!pu.closes.Has(U'\uFFFD') && !pu.closes.Ends(t)) return {std::string_view::npos, {}};
  std::vector<size_t> starts;  // offsets of code points, to walk back
  size_t i = 0;
  while (i < t.size()) {
    starts.push_back(i);
    NextChar(t, i);
  }
  if (starts.empty()) return {std::string_view::npos, {}};
  size_t k = starts.size() - 1, p = starts[k];
  char32_t last = NextChar(t, p);
  if (!pu.closes.Has(last)) return {std::string_view::npos, {}};
  int depth = 0;
  for (size_t j = starts.size(); j-- > 0;) {
    size_t q = starts[j];
    char32_t c = NextChar(t, q);
    if (pu.closes.Has(c)) ++depth;
    if (pu.opens.Has(c) && --depth == 0) {
      size_t begin = starts[j], inner = q;
      size_t close = starts.back();
      size_t off = static_cast<size_t>(t.data() - s.data());
      return {off + begin, t.substr(inner, close - inner)};
    }
  }
  return {std::string_view::npos, {}};
}

namespace {

// A bracket that names the unit right before it another way (…报送市政府办公室
// （市政务公开办）): an alias, no assignment. Its inside is one complete unit
// name and nothing else, and the text before it ends in a unit name (an org
// suffix) of the same level (the alias's level word among its last 8
// characters). Where the text before ends in a task's words (…做好财政公开
// （县财政局）) the bracket assigns.
// Whether s ends in one of units.yaml org_suffixes (局, 办公室, 中心): the
// byte gate first, as IsCompleteUnit's.
bool EndsInOrgSuffix(std::string_view s, const Rules& rules) {
  if (s.empty() || !((rules.org_suffix_ends >> (static_cast<unsigned char>(s.back()) & 63)) & 1)) return false;
  return std::any_of(rules.org_suffixes.begin(), rules.org_suffixes.end(),
                     [&](const std::string& suffix) { return EndsWith(s, suffix); });
}

// Whether a bracket holds the other kinds of a region the words before it
// end in (各乡镇（街道）, 各县（市、区）): units.yaml region_words only,
// parted by separators, after one.
bool RegionAlternatives(std::string_view before, std::string_view inner, const Rules& rules) {
  const auto& words = rules.region_words;
  auto region = [&](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  if (!std::any_of(words.begin(), words.end(),
                   [&](const std::string& w) { return EndsWith(before, w); }))
    return false;
  const std::vector<std::string> parts = SplitTopLevel(inner, rules);
  return !parts.empty() && std::all_of(parts.begin(), parts.end(),
                                       [&](const std::string& p) { return region(Trim(p)); });
}

bool UnitAlias(std::string_view text, size_t begin, std::string_view inner, const Rules& rules) {
  std::string buf;
  const std::string_view name = RemoveSpaces(Trim(inner), &buf);
  const std::string_view before = Trim(text.substr(0, begin));
  if (!name.empty() && RegionAlternatives(before, name, rules)) return true;
  if (name.empty() || !IsCompleteUnit(name, rules) || SplitTopLevel(name, rules).size() != 1)
    return false;
  if (!EndsInOrgSuffix(before, rules)) return false;
  std::string_view level;
  for (const auto& p : rules.level_prefixes)
    if (StartsWith(name, p) && p.size() > level.size()) level = p;
  if (level.empty()) return false;
  size_t tail = before.size();
  for (int n = 0; n < 8 && tail > 0; ++n) {
    --tail;
    while (tail > 0 && (static_cast<unsigned char>(before[tail]) & 0xC0) == 0x80) --tail;
  }
  const std::string_view near = before.substr(tail);
  if (near.find(level) == std::string_view::npos) return false;
  // And names it another way: two of its characters after the level are in
  // the name before it (市政务公开办 / 市政府办公室), not another unit's (县人民医院（县卫健局）).
  int shared = 0;
  const std::string_view rest = name.substr(level.size());
  for (size_t i = 0; i < rest.size();) {
    const size_t at = i;
    NextChar(rest, i);
    shared += near.find(rest.substr(at, i - at)) != std::string_view::npos;
  }
  return shared >= 2;
}

std::pair<size_t, std::string_view> TrailingKeyClause(std::string_view s, const Rules& rules);

// Whether the bracket s ends in (found by TrailingBracket) belongs to the name
// before it: a UnitAlias, or one whole unit name right after a key's value
// (责任单位：县发改委（县粮食和储备局）: the office's other name; 县发改委
// （县粮食局负责） is a clause).
bool NameBracket(std::string_view s, std::pair<size_t, std::string_view> found,
                 const Rules& rules) {
  if (UnitAlias(s, found.first, found.second, rules)) return true;
  const std::string_view before = Trim(s.substr(0, found.first));
  if (!EndsInOrgSuffix(before, rules)) return false;
  std::string buf;
  const std::string_view name = RemoveSpaces(Trim(found.second), &buf);
  if (name.empty() || !IsCompleteUnit(name, rules) || SplitTopLevel(name, rules).size() != 1)
    return false;
  // The name before it is the key's value itself: no sentence between them
  // (责任单位：县住建局。年内建成…中心（县水务局） is a clause after a sentence).
  const auto [at, clause] = TrailingKeyClause(before, rules);
  return at != std::string_view::npos && !rules.punct.full_stop.In(clause) &&
         !rules.punct.semicolon.In(clause) && !rules.punct.comma.In(clause);
}

// TrailingBracket, unless the bracket belongs to the name before it.
std::pair<size_t, std::string_view> ClauseBracket(std::string_view s, const Rules& rules) {
  const auto found = TrailingBracket(s, rules.punct);
  if (found.first != std::string_view::npos && NameBracket(s, found, rules))
    return {std::string_view::npos, {}};
  return found;
}

// A key that is listed (clauses.yaml keys, a header name of headers.yaml),
// not one read by its shape: a bracket holds a key without a colon only so
// (【牵头单位】X; 【全国文明单位】 is emphasis).
bool ListedKey(std::string_view key, const Rules& rules) {
  return (rules.clause_keys.count(NameKey(key)) > 0 || HeaderNameListed(key, rules)) &&
         KeyRole(key, rules) != ClauseRole::kNone;
}

// Whether s holds a listed key in brackets (【牵头单位】X): a bracket of 12
// characters at most. Brackets are common in body text (（试行）,
// （2023-2025年）); keyed ones are not.
bool HasBracketedKey(std::string_view s, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  constexpr size_t kKeyBytes = 12 * 3 + 3;  // the key and its opening bracket
  const auto& opens = pu.opens.utf8();
  const auto& closes = pu.closes.utf8();
  for (size_t k = 0; k < closes.size() && k < opens.size(); ++k)
    for (size_t e = utf8::FindRun(s, 0, closes[k]); e != std::string_view::npos; e = utf8::FindRun(s, e + 1, closes[k])) {
      const size_t from = e > kKeyBytes ? e - kKeyBytes : 0;
      const size_t b = s.substr(from, e - from).rfind(opens[k]);
      if (b == std::string_view::npos) continue;
      const size_t inner = from + b + opens[k].size();
      if (e - inner >= 2 * 3 && ListedKey(s.substr(inner, e - inner), rules)) return true;
    }
  return false;
}

// The clause a text's last sentence is, unbracketed (…审核制度。责任单位：X、Y。
// or …制度，责任单位：X): where it starts in s and its text without the
// closing stops; npos when the text ends in none. The earliest sentence
// boundary (。；，) after which the rest of the text is a key-value clause
// with a known key: 责任单位：X，完成时限：Y is one clause, not two.
std::pair<size_t, std::string_view> TrailingKeyClause(std::string_view s, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  std::string_view t = Trim(s);
  while (size_t n = pu.StopLength(t)) t = Trim(t.substr(0, t.size() - n));
  // A text ending in a bracket is TrailingBracket's, unless the bracket
  // belongs to the name before it (…：各乡镇（街道）, …：县发改委（县粮食局）).
  // A key is followed by a colon or is in brackets (【牵头单位】X).
  if (!pu.colon.In(t) && !HasBracketedKey(t, rules)) return {std::string_view::npos, {}};
  if (pu.closes.Ends(t)) {
    const auto found = TrailingBracket(t, pu);
    if (found.first == std::string_view::npos || !NameBracket(t, found, rules))
      return {std::string_view::npos, {}};
  }
  int depth = 0;  // boundaries inside brackets are none
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    const char32_t c = NextChar(t, i);
    const bool closed = pu.closes.Has(c);
    depth += pu.opens.Has(c) - closed;
    if (depth != 0) continue;
    // A bracket that closes before a key is a boundary too (…（X牵头，Y配合）完成时限：Z).
    const std::string_view rest = t.substr(at);
    const size_t mark = closed ? i - at
                               : std::max({pu.full_stop.StartLength(rest), pu.semicolon.StartLength(rest), pu.comma.StartLength(rest)});
    if (mark == 0) continue;
    const std::string_view clause = Trim(t.substr(at + mark));
    if (clause.empty()) break;
    const auto m = rules.clause_key_line.Find(clause);
    Assignment probe;
    // A unit or deadline it must name: "…报送。联系人：张三，电话：…" names a person only.
    // A key without a colon is a listed one (【全国文明单位】创建… is emphasis).
    if (m.found && KeyRole(m.Group("key"), rules) != ClauseRole::kNone &&
        (pu.colon.In(clause) || ListedKey(m.Group("key"), rules)) &&
        ParseClause(clause, rules, &probe) &&
        !(probe.units.empty() && probe.lead.empty() && probe.support.empty() &&
          probe.deadline.empty()))
      return {static_cast<size_t>(clause.data() - s.data()), clause};
  }
  return {std::string_view::npos, {}};
}

}  // namespace

ClauseRole KeyRole(std::string_view key, const Rules& rules) {
  std::string k = NameKey(key);  // keys compare like table headers
  if (auto it = rules.clause_keys.find(k); it != rules.clause_keys.end()) return it->second;
  switch (HeaderRole(key, rules)) {
    case Role::kUnits: return ClauseRole::kUnits;
    case Role::kLead: return ClauseRole::kLead;
    case Role::kSupport: return ClauseRole::kSupport;
    case Role::kDeadline: return ClauseRole::kDeadline;
    default: return ClauseRole::kNone;
  }
}

namespace {
// Whether a unit name opens with one of units.yaml's level_prefixes (县教育局).
bool OpensWithLevel(std::string_view name, const Rules& rules) {
  name = Trim(name);
  return std::any_of(rules.level_prefixes.begin(), rules.level_prefixes.end(),
                     [&](const std::string& p) { return StartsWith(name, p); });
}

// Whether a joint word (会同) between `before` (the words since the last
// separator, Before) and `after` (the rest of the text) joins two unit
// names: see SplitRoleRuns.
bool JointBetweenNames(std::string_view before, std::string_view after, const Rules& rules) {
  before = Trim(before);
  if (before.empty() || !EndsInOrgSuffix(before, rules)) return false;
  size_t end = 0, chars = 0;
  while (end < after.size()) {
    size_t next = end;
    if (IsSeparator(NextChar(after, next), rules.punct)) break;
    end = next, ++chars;
  }
  const std::string_view name = after.substr(0, end);
  if (chars <= 2 || rules.org_suffixes.end() != std::find(rules.org_suffixes.begin(), rules.org_suffixes.end(), name))
    return false;
  return !OpensWithLevel(name, rules) || OpensWithLevel(before, rules);
}

// The words of text[from, at) after its last separator (asked only at a
// joint word, which is rare).
std::string_view Before(std::string_view text, size_t from, size_t at, const Rules& rules) {
  size_t start = from;
  for (size_t j = from; j < at;)
    if (IsSeparator(NextChar(text, j), rules.punct)) start = j;
  return text.substr(start, at - start);
}
}  // namespace

std::vector<RoleRun> SplitRoleRuns(std::string_view text, const Rules& rules) {
  std::vector<RoleRun> runs;
  size_t run_start = 0, last_break = 0;  // last_break: after the run's last top-level ，or ；
  bool joined = false;  // the run goes on after a joint word (X会同Y): it supports
  auto push = [&](std::string_view run, ClauseRole role) {
    // Separators left between runs ("X牵头，Y配合") are not part of a name,
    // nor is an opener (由X牵头); a joint word opening the run (…，会同Y推进)
    // makes it supporting.
    std::string r(Trim(run));
    for (bool again = true; again;) {
      again = false;
      size_t i = 0;
      if (!r.empty() && IsSeparator(NextChar(r, i), rules.punct))
        r = std::string(Trim(std::string_view(r).substr(i))), again = true;
      // A joint word opens a run only after another (由X牵头，会同Y): a
      // text's first run opening so is a name (会同县人社局: the county).
      for (const std::vector<std::string>* words : {&rules.run_openers, &rules.joint_words})
        for (const std::string& w : *words)
          if (!again && r.size() > w.size() && StartsWith(r, w) && (words != &rules.joint_words || !runs.empty())) {
            r = std::string(Trim(std::string_view(r).substr(w.size())));
            joined = joined || words == &rules.joint_words;
            again = true;
          }
    }
    if (r.empty()) return;
    if (std::exchange(joined, false) && (role == ClauseRole::kNone || role == ClauseRole::kUnits))
      role = ClauseRole::kSupport;
    runs.push_back({role, r});
  };
  // The first characters of the role words, as two 64-bit filters, on bits
  // 0-5 and 6-11 of c (made when the rules load): at a character that fails
  // either, no word is compared (one filter alone let a quarter of the Han
  // characters through).
  const uint64_t firsts = rules.role_word_firsts, firsts_mid = rules.role_word_firsts_mid;
  // A supporting or guiding role word reaches back to the run's last comma
  // or semicolon: in 县财政局，县直各部门配合 only 县直各部门 supports (a
  // list's names are joined by 、). A lead's reaches the whole run.
  auto push_role = [&](size_t end, ClauseRole role) {
    if (role != ClauseRole::kLead && last_break > run_start) {
      push(text.substr(run_start, last_break - run_start), ClauseRole::kNone);
      run_start = last_break;
    }
    push(text.substr(run_start, end - run_start), role);
  };
  int depth = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t next = i;
    const char32_t c = NextChar(text, next);
    if (depth == 0 && i > run_start && ((firsts >> (c & 63)) & (firsts_mid >> ((c >> 6) & 63)) & 1)) {
      bool matched = false;
      for (const auto& [word, role] : rules.role_words) {
        std::string_view rest = text.substr(i);
        if (StartsWith(rest, word) && IsRunBreak(rest.substr(word.size()), rules.punct)) {
          push_role(i, role);
          i += word.size();
          run_start = last_break = i;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      // X会同Y within a run: X leads, the run after the word supports. Only
      // between two names: X (since the last separator) ends in an org
      // suffix, Y is more than a suffix (会同分局 is a name's end), and a Y
      // opening with its level comes after an X that does too (人民银行会同县
      // 支行 is the 会同 county's branch; 县林业局会同县公安局 a joint).
      for (const std::string& word : rules.joint_words)
        if (StartsWith(text.substr(i), word) &&
            JointBetweenNames(Before(text, run_start, i, rules), text.substr(i + word.size()), rules)) {
          push_role(i, ClauseRole::kLead);
          i += word.size();
          run_start = last_break = i;
          joined = true;
          matched = true;
          break;
        }
      if (matched) continue;
    }
    // A role word in brackets of its own after a run (市发改委（牵头）、…,
    // 市住建局（按职责分工负责）) gives the run its role, as without them.
    if (depth == 0 && i > run_start && rules.punct.opens.Has(c)) {
      const std::string_view rest = text.substr(next);
      bool matched = false;
      for (const auto& [word, role] : rules.role_words) {
        if (!StartsWith(rest, word)) continue;
        size_t after = word.size();
        if (after >= rest.size() || !rules.punct.closes.Has(NextChar(rest, after))) continue;
        if (!IsRunBreak(rest.substr(after), rules.punct)) continue;
        push_role(i, role);
        i = next + after;
        run_start = last_break = i;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    i = next;
    if (rules.punct.opens.Has(c)) ++depth;
    if (rules.punct.closes.Has(c) && depth > 0) --depth;
    if (depth == 0 && (rules.punct.comma.Has(c) || rules.punct.semicolon.Has(c))) last_break = i;
  }
  push(text.substr(run_start), ClauseRole::kNone);
  return runs;
}

size_t UnitsLabelEnd(std::string_view words, const Rules& rules) {
  // A label is short: the colon is looked for in its first 30 characters only.
  const std::string_view head = words.substr(0, std::min<size_t>(words.size(), 30 * 3));
  const size_t colon = rules.punct.colon.Find(head, 0);
  if (colon == std::string_view::npos || colon == 0) return 0;
  const std::string_view label = Trim(words.substr(0, colon));
  for (const MarkSet* m : {&rules.punct.comma, &rules.punct.semicolon, &rules.punct.full_stop})
    if (m->In(label)) return 0;
  // A colon inside brackets (推进数据共享（牵头单位：X）) ends no label.
  int depth = 0;
  for (size_t i = 0; i < label.size();) {
    const char32_t c = NextChar(label, i);
    depth += rules.punct.opens.Has(c) - rules.punct.closes.Has(c);
  }
  if (depth != 0) return 0;
  if (label.empty() || KeyRole(label, rules) != ClauseRole::kNone || !LooksLikeUnits(label, rules)) return 0;
  return colon + rules.punct.colon.StartLength(words.substr(colon));
}

size_t ContentKeyEnd(std::string_view words, const Rules& rules) {
  // A key is a header name: 8 characters at most before its colon.
  const std::string_view head = words.substr(0, std::min<size_t>(words.size(), 9 * 3 + 3));
  const size_t colon = rules.punct.colon.Find(head, 0);
  if (colon == std::string_view::npos || colon == 0) return 0;
  const std::string_view key = Trim(words.substr(0, colon));
  if (!HeaderNameListed(key, rules)) return 0;
  const Role role = HeaderRole(key, rules);
  if (role != Role::kContent && role != Role::kLabel) return 0;
  const size_t end = colon + rules.punct.colon.StartLength(words.substr(colon));
  return Trim(words.substr(end)).empty() ? 0 : end;  // 一、重点任务： alone is a title
}

bool IsKeyedClause(std::string_view text, const Rules& rules, Assignment* out) {
  if (!rules.punct.colon.In(text)) return false;
  Assignment a;
  if (!ParseClause(text, rules, &a) || (a.lead_key.empty() && a.support_key.empty() && a.units_key.empty())) return false;
  if (out) *out = std::move(a);
  return true;
}

bool ParseClause(std::string_view clause, const Rules& rules, Assignment* out) {
  const Punctuation& pu = rules.punct;
  if (rules.not_clause.Contains(clause)) return false;
  Assignment a;
  // 以上3项由X牵头: the prefix says which items the clause covers and is no
  // unit name. Most clauses open with no group word: tested as literals first.
  for (const std::string& w : rules.group_starts) {
    if (!StartsWith(Trim(clause), w)) continue;
    if (const auto g = rules.group_prefix.Find(clause); g.found && g.begin == 0) {
      const std::string_view n = g.Group("n");
      a.group = n.empty() ? 0 : std::max(0, rules.numerals.Value(n));
      clause.remove_prefix(g.end);
    }
    break;
  }
  // A sentence closing the clause that says whom the items from here on are
  // also for (。以下均需各县（市、区）人民政府落实，不再列出; clauses.yaml
  // scope_note): its units are this clause's too, and the clause is read
  // without it. CutBody gives them to the items after it where the note
  // says so (以下…, …下同); units that read as no unit names are dropped.
  std::string_view scope_units;
  bool onward = false;  // the note covers the items after this one too (以下均需…, …，下同)
  if (const auto s = rules.clause_scope_note.Find(clause); s.found && s.begin > 0) {
    const std::string_view units = s.Group("units").empty() ? s.Group("units2") : s.Group("units");
    if (LooksLikeUnits(units, rules)) {
      scope_units = units;
      onward = !s.Group("units").empty() || !s.Group("onward").empty();
    }
    clause = clause.substr(0, s.begin);
  }
  bool any = false;
  std::string dated;  // a date-like part no deadline pattern reads
  // Parts are separated by ；, e.g. 牵头单位：X；责任单位：Y，6月底完成, and by
  // a comma or full stop that opens another key: 责任单位：X，完成时限：Y /
  // 配合单位：Y。完成时限：Z。
  std::string text(clause);
  // Where each mark is, found once: a part's end is looked up, not searched
  // for (a clause of thousands of parts stays linear).
  auto positions = [&](const MarkSet& m) {
    std::vector<size_t> at;
    for (const std::string& mark : m.utf8())  // each mark alone: one pass of the text each
      for (size_t p = text.find(mark); p != std::string::npos; p = text.find(mark, p + mark.size()))
        at.push_back(p);
    std::sort(at.begin(), at.end());
    return at;
  };
  const std::vector<size_t> semicolons = positions(pu.semicolon), colons = positions(pu.colon),
                            opens = positions(pu.opens), commas = positions(pu.comma),
                            stops = positions(pu.full_stop);
  auto next = [](const std::vector<size_t>& at, size_t from) {
    const auto it = std::lower_bound(at.begin(), at.end(), from);
    return it == at.end() ? std::string::npos : *it;
  };
  auto part_end = [&](size_t from) {
    size_t end = next(semicolons, from);
    // A key written right after the value before it, with no mark between
    // (牵头单位：X  配合单位：Y on one line, its spaces joined away): the part
    // ends where that key begins. Only a clause key (keys: above) counts,
    // the longest ending at a colon after the part's own.
    // A part with no key of its own (县商务局（牵头）联系人：…: a bare clause's
    // unit, then a contact's key): its first colon may close a key after
    // its value too.
    const size_t own = next(colons, from);
    const bool keyless =
        own != std::string::npos && own < end &&
        rules.clause_keys.count(NameKey(Trim(std::string_view(text).substr(from, own - from)))) == 0;
    const size_t after = keyless ? from : own;  // the key begins past it
    for (size_t c = own == std::string::npos ? own : keyless ? own : next(colons, own + 1);
         c != std::string::npos && c < end; c = next(colons, c + 1)) {
      std::vector<size_t> starts;  // the last 12 character starts before c
      for (size_t i = after; i < c; NextChar(text, i)) {
        starts.push_back(i);
        if (starts.size() > 12) starts.erase(starts.begin());
      }
      // The key opens at a character of its own: a bracket's close or a mark
      // before it (县商务局（牵头）联系人：) is the value's, which NameKey
      // would read past.
      const auto key = std::find_if(starts.begin(), starts.end(), [&](size_t b) {
        if (b <= after) return false;
        // Keyless, the key follows a bracket's close or a space (县商务局（牵头）
        // 联系人：): 整改时限 is no 整改 then 时限.
        if (keyless && c == own) {
          size_t k = 0;
          const char32_t before = PrevChar(text, b, &k);
          if (!pu.closes.Has(before) && !IsSpace(before)) return false;
        }
        size_t n = b;
        NextChar(text, n);
        return !NameKey(std::string_view(text).substr(b, n - b)).empty() &&
               rules.clause_keys.count(NameKey(std::string_view(text).substr(b, c - b))) > 0;
      });
      if (key != starts.end()) {
        end = *key;
        break;
      }
    }
    // A key in brackets right after the value before it (【牵头单位】X【配合单位】Y):
    // the part ends where its bracket opens.
    for (size_t b = next(opens, from); b < end && b != std::string::npos; b = next(opens, b + 1)) {
      if (Trim(std::string_view(text).substr(from, b - from)).empty())
        continue;  // the part's own key
      const auto kv = rules.clause_key_line.Find(std::string_view(text).substr(b, end - b));
      if (kv.found && ListedKey(kv.Group("key"), rules)) {
        end = b;
        break;
      }
    }
    for (const auto* at : {&commas, &stops})
      for (size_t c = next(*at, from); c < end && c != std::string::npos; c = next(*at, c + 1)) {
        const std::string_view rest =
            std::string_view(text).substr(c, end == std::string::npos ? end : end - c);
        const MarkSet& marks = at == &commas ? pu.comma : pu.full_stop;
        const auto kv = rules.clause_key_value.Find(rest.substr(marks.StartLength(rest)));
        if (kv.found && KeyRole(kv.Group("key"), rules) != ClauseRole::kNone) {
          end = c;
          break;
        }
      }
    return end;
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = part_end(start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (end == std::string::npos) {
      start = text.size() + 1;
    } else {
      const std::string_view rest = std::string_view(text).substr(end);
      start = end + std::max({pu.semicolon.StartLength(rest), pu.comma.StartLength(rest), pu.full_stop.StartLength(rest)});
    }
    if (Trim(part).empty()) continue;
    if (auto kv = rules.clause_key_value.Find(part); kv.found) {
      ClauseRole role = KeyRole(kv.Group("key"), rules);
      std::string_view value = kv.Group("value");
      auto key = [&](std::string* at) {
        if (at->empty()) *at = std::string(Trim(kv.Group("key")));
      };
      switch (role) {
        case ClauseRole::kDeadline: key(&a.deadline_key); break;
        case ClauseRole::kLead: key(&a.lead_key); break;
        case ClauseRole::kSupport: key(&a.support_key); break;
        case ClauseRole::kUnits: key(&a.units_key); break;
        default: break;
      }
      switch (role) {
        case ClauseRole::kPerson: {
          std::string_view name = Trim(value);
          while (size_t n = pu.StopLength(name)) name.remove_suffix(n);
          a.persons.emplace_back(name);
          any = true;
          continue;
        }
        case ClauseRole::kContact: {
          // Whom to ask (联系人：孙强，电话：…): kept with its key, which the
          // leader cell's reader (KeepBeside) sends to the remarks, never a
          // leader or a unit.
          const std::string_view k = kv.Group("key");
          std::string_view said = Trim(std::string_view(part).substr(static_cast<size_t>(k.data() - part.data())));
          while (size_t n = pu.StopLength(said)) said.remove_suffix(n);
          if (!said.empty()) a.persons.emplace_back(said);
          any = true;
          continue;
        }
        case ClauseRole::kDeadline: Add(&a.deadline, value, pu), any = true; continue;
        case ClauseRole::kLead: Add(&a.lead, TakeDeadline(value, rules, &a), pu), any = true; continue;
        case ClauseRole::kSupport: Add(&a.support, TakeDeadline(value, rules, &a), pu), any = true; continue;
        case ClauseRole::kUnits:
          Add(&a.units, TakeDeadline(value, rules, &a), pu, &pu.clause_joiner), any = true;
          continue;
        default: break;
      }
    }
    if (IsDeadline(part, rules)) {
      Add(&a.deadline, part, pu);
      any = true;
      continue;
    }
    Assignment probe;
    std::string units = TakeDeadline(part, rules, &probe);
    if (!units.empty() && LooksLikeUnits(units, rules)) {
      Add(&a.units, units, pu, &pu.clause_joiner);
      Add(&a.deadline, probe.deadline, pu);
      any = true;
      continue;
    }
    // A date-like part the deadline vocabulary does not read (年内完成):
    // the clause's deadline, as printed, when other parts name the units;
    // resolving it then says what was not understood.
    if (dated.empty() && rules.deadline_hint.Contains(part)) {
      dated = Trim(part);
      continue;
    }
    return false;  // a part that is neither: not an assignment clause (（试行）, （以下简称…）)
  }
  if (!dated.empty()) {
    if (a.units.empty() && a.lead.empty() && a.support.empty()) return false;
    Add(&a.deadline, dated, pu);
  }
  if (!any) return false;
  if (!scope_units.empty()) {
    Add(&a.units, scope_units, pu, &pu.clause_joiner);
    if (onward) Add(&a.scope, scope_units, pu);
  }
  a.found = true;
  Merge(a, out, pu);
  return true;
}


Assignment HeadingUnits(std::string_view title, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  Assignment a;
  std::string_view t = Trim(title);
  while (size_t n = pu.StopLength(t)) t = Trim(t.substr(0, t.size() - n));
  // A bracket after the names that is no clause: a count (（3项）).
  std::string_view names = t, inner;
  if (pu.closes.Ends(t))
    if (auto [begin, in] = TrailingBracket(t, pu); begin != std::string_view::npos) names = Trim(t.substr(0, begin)), inner = in;
  // A heading that is a key's clause (一、牵头单位：县商务局): the units of
  // the items under it, read as a unit cell's clause.
  if (IsKeyedClause(names, rules)) {
    a.units = std::string(names);
    a.found = true;
    return a;
  }
  // A heading naming who leads the items under it (县商务局牵头工作): its
  // clause, where every name in it is a whole unit's, opening as one does
  // (由县级领导牵头 names a leader).
  if (const auto m = rules.clause_heading_lead.Find(names); m.found) {
    const std::string clause = JoinCjkSpaces(m.Group("clause"));
    const std::vector<RoleRun> runs = SplitRoleRuns(clause, rules);
    bool named = !runs.empty();
    for (const RoleRun& run : runs)
      for (std::string_view name : SplitTopLevel(run.text, rules))
        named = named && StartsLikeUnit(name, rules) && IsCompleteUnit(name, rules);
    if (named) {
      a.units = clause;
      a.found = true;
    }
    return a;
  }
  // The cheap tests first: most titles are a task's words, which end in no
  // unit's suffix.
  if (!EndsInOrgSuffix(names, rules) || CharCountUpTo(names, 41) > 40 || pu.comma.In(names) ||
      pu.full_stop.In(names))
    return a;
  if (Assignment clause; !inner.empty() && ParseClause(inner, rules, &clause)) return a;
  const std::string joined = JoinCjkSpaces(names);
  if (!LooksLikeUnits(joined, rules)) return a;
  for (const auto& run : SplitRoleRuns(joined, rules))
    if (run.role != ClauseRole::kNone) return a;  // 县教育局牵头: a clause, read as one elsewhere
  // A task's words may end as a unit's do (建设数字政府, 建强文明实践中心): a
  // heading names units only when every name opens with its level (县教育局)
  // or a collective start (各乡镇人民政府).
  for (std::string_view name : SplitTopLevel(joined, rules))
    if (!StartsLikeUnit(name, rules)) return a;
  a.units = joined;
  a.found = true;
  return a;
}

// A sentence that opens with its assignment, without 由 (clauses.yaml
// inline_opening, inline_jointly, both anchored at a sentence's start): where
// it begins, npos when there is none. Each sentence of `text` (up to its 。
// or ；) is tried from its start, and a clause is taken only when every name
// is a complete unit opening with its level (各地负责，各部门配合 names none).
size_t ReadOpening(std::string_view text, const Rules& rules, Assignment* out) {
  const Punctuation& pu = rules.punct;
  // Complete names, the first (or every one) opening with its level
  // (县商务局): 各单位要密切配合 is an exhortation, not an assignment.
  auto leveled = [&](const std::string& name) { return OpensWithLevel(name, rules); };
  auto complete = [&](std::string_view names, bool every, size_t least = 1) {
    const UnitList u = NormalizeUnits(names, rules);
    if (u.units.size() < least || !OnlyCompleteUnits(u, rules)) return false;
    return every ? std::all_of(u.units.begin(), u.units.end(), leveled) : leveled(u.units.front());
  };
  auto read = [&](std::string_view sentence) {
    if (const auto m = rules.clause_inline_opening.Find(sentence); m.found) {
      // Every name beside the role words a unit's (NormalizeUnits reads the roles).
      Assignment a;
      if (ParseClause(m.Group("clause"), rules, &a) && complete(m.Group("clause"), false)) {
        *out = std::move(a);
        return true;
      }
    } else if (Assignment dated; rules.punct.comma.In(sentence) && rules.clause_inline_opening.MayOccurIn(sentence) &&
                                 rules.deadline_hint.Contains(sentence)) {
      // The clause, then its deadline closing the sentence (县统计局牵头，为期
      // 两周 / 县统计局负责，2024年底前完成): the same clause read with its
      // deadline, the deadline's pieces first taken off. Asked only of a
      // sentence with a comma and the clause's literals (牵头, 负责).
      const std::string head = TakeDeadline(sentence, rules, &dated);
      if (const auto h = rules.clause_inline_opening.Find(head);
          !dated.deadline.empty() && h.found && h.end == head.size()) {
        Assignment a;
        if (ParseClause(sentence, rules, &a) && complete(h.Group("clause"), false)) {
          *out = std::move(a);
          return true;
        }
      }
    }
    if (const auto m = rules.clause_inline_jointly.Find(sentence); m.found) {
      const std::string_view units = Trim(m.Group("clause"));
      std::string_view partners = Trim(m.Group("partners"));
      // The partners end where their names do (X要会同Y修改完善: Y): at the
      // first place the words before read as complete unit names and no
      // separator follows, unless a longer name ends within 2 characters
      // (县委办 / 县委办公室).
      if (!partners.empty()) {
        std::vector<size_t> ends;
        for (size_t i = 0; i < partners.size();) {
          NextChar(partners, i);
          if (i >= partners.size()) break;
          const std::string_view head = partners.substr(0, i);
          size_t next = i;
          if (EndsInOrgSuffix(head, rules) && !IsSeparator(NextChar(partners, next), pu) && complete(head, true))
            ends.push_back(i);
        }
        size_t cut = 0;
        for (size_t k = 0; k < ends.size() && cut == 0; ++k)
          if (k + 1 == ends.size() || CharCountUpTo(partners.substr(ends[k], ends[k + 1] - ends[k]), 3) > 2)
            cut = ends[k];
        if (cut > 0) partners = partners.substr(0, cut);
      }
      // Units 配合 one another: two at least (县直各部门要密切配合 is an exhortation).
      if (complete(units, true, partners.empty() ? 2 : 1) &&
          (partners.empty() || complete(partners, true))) {
        // X要会同Y reads as 由X牵头，会同Y; X、Y要密切配合 names units without roles.
        Assignment a;
        a.found = true;
        (partners.empty() ? a.units : a.lead) = units;
        a.support = partners;
        *out = std::move(a);
        return true;
      }
    }
    return false;
  };
  // The literals first, once for the whole text (配合 / 牵头 …, 要 and 会同 …).
  if (!rules.clause_inline_opening.MayOccurIn(text) && !rules.clause_inline_jointly.MayOccurIn(text))
    return std::string_view::npos;
  size_t stop = pu.full_stop.Find(text), semicolon = pu.semicolon.Find(text);
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(stop, semicolon);
    std::string_view sentence = text.substr(start, end == std::string_view::npos ? end : end - start);
    const std::string_view trimmed = Trim(sentence);
    if (!trimmed.empty() && read(trimmed)) return start + static_cast<size_t>(trimmed.data() - sentence.data());
    if (end == std::string_view::npos) break;
    start = end + std::max<size_t>(1, pu.full_stop.StartLength(text.substr(end)) + pu.semicolon.StartLength(text.substr(end)));
    if (stop < start) stop = pu.full_stop.Find(text, start);
    if (semicolon < start) semicolon = pu.semicolon.Find(text, start);
  }
  return std::string_view::npos;
}

// The assignment inside a sentence of `text` (clauses.yaml inline) into
// *out: where it begins, npos when there is none that names units. Where
// `inline` finds none, a sentence opening with one (ReadOpening) in
// text[0, opening_end).
size_t ReadInline(std::string_view text, const Rules& rules, Assignment* out,
                  size_t opening_end = std::string_view::npos) {
  const auto m = rules.clause_inline.Find(text);
  if (!m.found) return ReadOpening(text.substr(0, opening_end), rules, out);
  std::string clause(m.Group("clause"));
  // 由X牵头，会同Y: read as X牵头，Y (a run after a lead with no role word
  // of its own supports). The comma is the text's own. Only when Y is unit
  // names: 会同县财政局制定实施细则 and 联合开展… name no partner.
  if (const std::string_view partners = m.Group("partners"); !partners.empty()) {
    if (const UnitList u = NormalizeUnits(partners, rules); OnlyCompleteUnits(u, rules) && u.lead.empty() && u.support.empty()) {
      const std::string_view after = text.substr(static_cast<size_t>(m.Group("clause").data() - text.data()) + clause.size());
      clause += after.substr(0, rules.punct.comma.StartLength(after));
      clause += partners;
    }
  }
  if (!ParseClause(clause, rules, out) || (out->units.empty() && out->lead.empty() && out->support.empty()))
    return std::string_view::npos;
  return m.begin;
}

bool InlineAssignment(std::string_view text, const Rules& rules) {
  Assignment probe;
  return ReadInline(text, rules, &probe) != std::string_view::npos;
}

bool OpensWithKey(std::string_view line, const Rules& rules) {
  // A key is short (12 characters at most, key_line): its colon is near the start.
  std::string_view t = Trim(line);
  const size_t colon = rules.punct.colon.Find(t.substr(0, 3 * 14));
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view key = Trim(t.substr(0, colon));
  // A bullet before the key (●牵头单位：) is no part of it.
  for (size_t i = 0; i < key.size();) {
    const size_t at = i;
    if (IsHan(NextChar(key, i))) {
      key.remove_prefix(at);
      break;
    }
    if (i == key.size()) return false;
  }
  return KeyRole(key, rules) != ClauseRole::kNone;
}

bool GivesItsDeadline(const Assignment& a, const Rules& rules) {
  if (a.deadline.empty()) return false;
  if (!a.deadline_key.empty()) return true;
  constexpr int kAnyYear = 2000;  // a year for a yearless date, to learn its kind only
  YearContext years;
  years.title = kAnyYear;
  return ResolveDeadline(a.deadline, years, rules).kind == "by_date";
}

std::string_view WithoutDatedBracket(std::string_view title, const Rules& rules) {
  const std::string_view t = Trim(title);
  if (!rules.punct.closes.Ends(t) || HeadingDeadline(t, rules).empty()) return t;
  const size_t begin = TrailingBracket(t, rules.punct).first;
  return begin == std::string_view::npos ? t : Trim(t.substr(0, begin));
}

bool MaySetDeadline(std::string_view title, const Punctuation& pu, std::string_view* stripped) {
  std::string_view raw = Trim(title);
  while (size_t n = pu.StopLength(raw)) raw = Trim(raw.substr(0, raw.size() - n));
  if (stripped) *stripped = raw;
  return pu.closes.Ends(raw) || pu.colon.In(raw);
}

std::string HeadingDeadline(std::string_view title, const Rules& rules) {
  // Cheap tests first: a title closing in no bracket and holding no colon
  // (most titles: a table's every row label is asked) sets none, nor one
  // with no deadline word.
  const Punctuation& pu = rules.punct;
  std::string_view raw;
  if (!MaySetDeadline(title, pu, &raw) || !rules.deadline_hint.Contains(title)) return {};
  const std::string t = JoinCjkSpaces(raw);  // its stops already off
  const std::string_view v = t;
  Assignment a;
  if (pu.closes.Ends(v)) {
    // A bracket's year or span of years (推进规划实施（2021—2025年）) is the
    // period the heading names, not when the items under it are due: a
    // bracket gives them a deadline of a date only (（2025年6月底前完成）).
    const auto [begin, inner] = ClauseBracket(v, rules);
    if (begin == std::string_view::npos) return {};
    if (ParseClause(inner, rules, &a)) return GivesItsDeadline(a, rules) ? a.deadline : std::string();
    // A bracket opening with its date, a word or two of what is done by then
    // after it (（2024年6月底前开工）, （2024年6月30日前完成审批）): that date, as
    // a row's wrapped deadline line is read (interpret.cpp).
    // So does a bracket of such steps parted by commas or semicolons
    // (（2024年6月底前开工，年底前竣工）): the whole of it, read as a deadline
    // cell of steps is (its last step, normalize.cpp).
    const std::string_view in = Trim(inner);
    size_t parts = 0, first_end = 0;
    ClausePieces pieces(in, pu);
    for (std::string_view piece; pieces.Next(&piece);) {
      const std::string_view part = Trim(piece);
      const auto m = rules.deadline_in_content.Find(part);
      if (!m.found || m.begin != 0 || CharCountUpTo(part.substr(m.end), 5) > 4) return {};
      if (parts++ == 0) first_end = static_cast<size_t>(part.data() - in.data()) + m.end;
    }
    if (parts > 0) {
      a.deadline = std::string(parts == 1 ? in.substr(0, first_end) : in);
      return GivesItsDeadline(a, rules) ? a.deadline : std::string();
    }
  } else if (IsKeyValueLine(v, rules) && ParseClause(v, rules, &a)) {
    return a.deadline;
  }
  return {};
}

bool IsKeyValueLine(std::string_view line, const Rules& rules) {
  // Cheap test first: a body line without a colon is no key-value line.
  if (!rules.punct.colon.In(line)) return false;
  std::string t = JoinCjkSpaces(Trim(line));
  Assignment probe;
  auto m = rules.clause_key_line.Find(t);
  if (m.found && KeyRole(m.Group("key"), rules) != ClauseRole::kNone && ParseClause(t, rules, &probe)) return true;
  // A clause closing the line's text, unbracketed (…制度。责任单位：X。).
  return TrailingKeyClause(t, rules).first != std::string_view::npos;
}

bool EndsInKeyClause(std::string_view line, const Rules& rules) {
  // Cheap test first, before the line is copied: a key has a colon after it or is bracketed.
  if (!rules.punct.colon.In(line) && !HasBracketedKey(line, rules)) return false;
  return TrailingKeyClause(JoinCjkSpaces(Trim(line)), rules).first != std::string_view::npos;
}

bool EndsInClause(std::string_view line, const Rules& rules) {
  // Cheap test first: only a line ending in a closing bracket (before a
  // final 。；) closes a clause.
  const Punctuation& pu = rules.punct;
  std::string_view end = Trim(line);
  while (size_t n = pu.StopLength(end)) end = Trim(end.substr(0, end.size() - n));
  if (!pu.closes.Ends(end)) return false;
  std::string t = JoinKeepingPersons(Trim(line), rules);
  Assignment probe;
  auto [begin, inner] = ClauseBracket(t, rules);
  return begin != std::string_view::npos && ParseClause(inner, rules, &probe);
}

namespace {

/// Whether a clause's inside (its brackets off) assigns: keys that do
/// (牵头单位：X), or role words closing runs of unit names, each run holding a
/// complete name (县委办牵头，各乡镇配合; 县发改局 王小明牵头: the person is no
/// part of the name).
bool AssigningClause(std::string_view inside, const Rules& rules);

// The clauses inside a line's words, each between two sentences (…准入环境。
// （市场监管总局负责）加强…有效对接。（体育总局、教育部负责）重视…): a bracket
// opening after a sentence's end, with words after it, whose inside assigns
// (AssigningClause). Each is merged into *a in order and taken out of *t; the
// clause closing the line is not (ClauseBracket reads it). Whether any was.
bool TakeInnerClauses(std::string* t, const Rules& rules, Assignment* a, int first, int last) {
  const Punctuation& pu = rules.punct;
  size_t i = pu.opens.Find(*t);
  bool taken = false;
  if (i == std::string::npos) return taken;
  while (i < t->size()) {
    const size_t at = i;
    const char32_t c = NextChar(*t, i);
    if (!pu.opens.Has(c)) continue;
    const std::string_view before = Trim(std::string_view(*t).substr(0, at));
    if (before.empty() || !(pu.full_stop.Ends(before) || pu.semicolon.Ends(before))) continue;
    int depth = 1;
    size_t j = i, close = std::string::npos;
    while (j < t->size() && depth > 0) {
      const size_t k = j;
      const char32_t d = NextChar(*t, j);
      depth += pu.opens.Has(d) - pu.closes.Has(d);
      if (depth == 0) close = k;
    }
    if (close == std::string::npos) return taken;  // never closed: no clause after it either
    std::string_view after = Trim(std::string_view(*t).substr(j));
    while (size_t n = pu.StopLength(after)) after = Trim(after.substr(0, after.size() - n));
    if (after.empty()) return taken;  // the clause closing the line
    const std::string_view inside = std::string_view(*t).substr(i, close - i);
    Assignment clause;
    if (!AssigningClause(inside, rules) || !ParseClause(inside, rules, &clause) ||
        (clause.units.empty() && clause.lead.empty() && clause.support.empty()))
      continue;
    MergeAt(clause, a, first, last, pu);
    t->erase(at, j - at);
    i = at;
    taken = true;
  }
  return taken;
}

// A contact's keys (（联系单位：…，联系人：…）) or a remark's assign nothing;
// nor does a bracket with no role word (…报领导小组办公室（设县城管局）: the
// notice's request).
bool AssigningClause(std::string_view inside, const Rules& rules) {
  // 列第一位者为牵头单位，下同 closing it is a remark on its list: no unit.
  std::string remarkless;
  if (rules.first_is_lead.Contains(inside)) inside = remarkless = rules.first_is_lead.ReplaceAll(inside, "");
  if (IsKeyedClause(inside, rules)) return true;
  const std::vector<RoleRun> runs = SplitRoleRuns(inside, rules);
  bool role = false;
  for (const RoleRun& run : runs) {
    role |= run.role != ClauseRole::kNone;
    bool complete = false;
    for (const std::string& name : SplitTopLevel(run.text, rules)) complete |= IsCompleteUnit(UnitBeforePerson(name, rules), rules);
    if (!complete) return false;
  }
  return role;
}

}  // namespace

size_t TrailingClauseBegin(std::string_view text, const Rules& rules) {
  auto [begin, inner] = ClauseBracket(text, rules);
  Assignment probe;
  // A deadline alone is a period the title may name (实施三项工程（2023-2025年）).
  const bool units = begin != std::string_view::npos && ParseClause(inner, rules, &probe) &&
                     !(probe.units.empty() && probe.lead.empty() && probe.support.empty());
  return units ? begin : std::string_view::npos;
}

Assignment ReadAssignment(const std::vector<std::string_view>& lines, const Rules& rules, std::string* content) {
  const Punctuation& pu = rules.punct;
  Assignment a;
  std::string text;
  std::vector<std::pair<size_t, int>> pieces;  // where each line's words begin in `text`, and the line
  bool text_after_clause = false, only_bracket_lines = true;
  size_t content_key = 0;  // where the first line's content key ends (任务：), 0 when none
  bool key_lines = false;  // a key-value line read after the first
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string t = JoinKeepingPersons(Trim(lines[k]), rules);
    if (t.empty()) continue;
    // A line cut inside its brackets at the page width (PDF text:
    // （责任单位：X、Y / ）, or 统计 / 局）): the next line goes on when it
    // closes them. A clause read from the joined line spans both.
    // The bracket may close two lines on (…（牵 / 头单位：X；完成时限：2024年12 / 月底前）).
    const size_t k0 = k;
    if (OpenBrackets(t, pu) > 0) {
      std::string run;
      for (size_t j = k + 1; j < lines.size() && j <= k0 + 3; ++j) {
        const std::string next = JoinCjkSpaces(Trim(lines[j]));
        // A longer line goes on only as the clause's next key, closing it
        // (…（牵头单位：X， / 配合单位：Y、Z、…）).
        const bool long_line = !next.empty() && CharCountUpTo(next, 41) > 40;
        if (next.empty() || (long_line && (j != k0 + 1 || !OpensWithKey(next, rules) ||
                                           !rules.clause_key_line.Find(next).found))) break;
        run += next;
        const int open = OpenBrackets(t + run, pu);
        if (open < 0 || (long_line && open != 0)) break;
        if (open == 0) {
          t += run;
          k = j;
          break;
        }
      }
    }
    // A key cut at the page width (…（X负责）完成 / 时限：2024年6月30日前。):
    // the next line goes on when the clause it closes starts on this one.
    if (k + 1 < lines.size() && !EndsSentence(t, rules)) {
      const std::string next = JoinCjkSpaces(Trim(lines[k + 1]));
      if (!next.empty() && CharCountUpTo(next, 41) <= 40 && !MatchHeading(next, rules)) {
        const std::string joined = t + next;
        // The key starts on this line, its colon on the next.
        if (const size_t at = TrailingKeyClause(joined, rules).first;
            at != std::string_view::npos && at < t.size() && !pu.colon.In(std::string_view(t).substr(at))) {
          t = joined;
          ++k;
        }
      }
    }
    // An item opening with a content key (1．任务：开展…) over key-value
    // lines (责任单位：…): a record, whose key is no content (taken off at
    // the end, once the key-value lines are seen).
    if (k0 == 0) content_key = ContentKeyEnd(t, rules);
    // A record's second content key (1．任务名称：X / 具体内容：Y): Y goes on
    // after X as its next sentence, without its key.
    if (k0 > 0 && content_key > 0)
      if (const size_t end = ContentKeyEnd(t, rules); end > 0) {
        t = std::string(Trim(std::string_view(t).substr(end)));
        if (!text.empty() && !EndsSentence(text, rules)) text += pu.stop;
      }
    // An item opening with the units it is given to (区发改局：推进…).
    if (k0 == 0 && !a.found) {
      if (const size_t end = UnitsLabelEnd(t, rules); end > 0) {
        Assignment label;
        Add(&label.units, std::string_view(t).substr(0, end - pu.colon.EndLength(std::string_view(t).substr(0, end))), pu);
        label.found = true;
        MergeAt(label, &a, 0, 0, pu);
        t.erase(0, end);
      }
    }
    auto note_clause = [&](bool bracket_line) {
      if (!a.found) a.clause_line = static_cast<int>(k0);
      only_bracket_lines &= bracket_line;
    };
    if (auto m = rules.clause_key_line.Find(t); m.found && KeyRole(m.Group("key"), rules) != ClauseRole::kNone) {
      // A value wrapped after a list separator (配合单位：X、Y、 / Z), or
      // printed under its key (责任单位： / X、Y), goes on in the next line,
      // unless that line opens a key of its own.
      size_t last = k;
      std::string wrapped;
      std::string_view value = t;
      while (last + 1 < lines.size() &&
             (pu.enumeration.Ends(value) || pu.comma.Ends(value) || (last == k && pu.colon.Ends(value)))) {
        const std::string next = JoinCjkSpaces(Trim(lines[last + 1]));
        if (next.empty()) break;
        if (auto n = rules.clause_key_line.Find(next); n.found && KeyRole(n.Group("key"), rules) != ClauseRole::kNone) break;
        if (wrapped.empty()) wrapped = t;
        wrapped += next;
        value = wrapped;
        ++last;
      }
      // A value cut at the page width with no separator at the break (PDF
      // text, 28 characters a line: …、市农 / 业农村局、滁州经开区管委 /
      // 会、各县、市、区政府。, or 政府（管委会 / ）) goes on over the next
      // lines (three at most) when a bracket is open, or when the last of
      // them ends the sentence or the item and, with the name cut at the
      // first break, they read as unit names only.
      if (last + 1 < lines.size() && !EndsSentence(value, rules)) {
        int depth = 0;
        size_t piece = 0;  // where the value's last name begins (after a separator or the key's colon)
        for (size_t i = 0; i < value.size();) {
          const char32_t c = NextChar(value, i);
          depth += pu.opens.Has(c) - pu.closes.Has(c);
          if (depth == 0 && (IsSeparator(c, pu) || pu.colon.Has(c))) piece = i;
        }
        std::string run;
        size_t end = last;
        bool closed = false;
        for (size_t j = last + 1; j < lines.size() && j <= last + 3; ++j) {
          const std::string next = JoinCjkSpaces(Trim(lines[j]));
          // Cheapest tests first: most values end their line.
          if (next.empty() || CharCountUpTo(next, 41) > 40) break;
          const bool closes = EndsSentence(next, rules) || j + 1 == lines.size();  // ends the sentence or the item
          if (depth == 0 && !closes && j == last + 3) break;
          if (MatchHeading(next, rules)) break;
          if (rules.clause_key_line.Find(next).found) {
            // The next key's line ends the run as a sentence's end would
            // (配合单位：…、县市场 / 监管局 / 完成时限：…), where the name cut at
            // the first break is no whole name alone (or stops inside a
            // unit's suffix: 各乡镇人民政 / 府).
            const std::string_view cut = Trim(value.substr(piece));
            closed = !run.empty() && depth == 0 && (!IsCompleteUnit(cut, rules) || !CutSuffix(cut, rules).empty());
            break;
          }
          run += next;
          end = j;
          if (depth > 0 ? OpenBrackets(t + run, pu) <= 0 : closes) {
            closed = true;
            break;
          }
        }
        bool goes_on = closed;
        if (goes_on && depth == 0) {
          std::string_view names = run;
          while (const size_t n = pu.full_stop.EndLength(names)) names = Trim(names.substr(0, names.size() - n));
          // The name cut at the break is judged whole (管委 / 会).
          goes_on = LooksLikeUnits(std::string(value.substr(piece)) + std::string(names), rules);
        }
        if (goes_on) {
          if (wrapped.empty()) wrapped = t;
          wrapped += run;
          value = wrapped;
          last = end;
        }
      }
      Assignment line;
      if (ParseClause(value, rules, &line)) {
        // Key-value lines of their own after the item's words, as a
        // bracketed clause line, may close a group.
        note_clause(k0 > 0);
        key_lines = key_lines || k0 > 0;
        MergeAt(line, &a, static_cast<int>(k0), static_cast<int>(last), pu);
        k = last;
        continue;
      }
    }
    // Clauses between its sentences, before the one closing it.
    if (const bool found = a.found; TakeInnerClauses(&t, rules, &a, static_cast<int>(k0), static_cast<int>(k))) {
      if (!found) a.clause_line = static_cast<int>(k0);
      only_bracket_lines = false;
    }
    auto [begin, inner] = ClauseBracket(t, rules);
    if (begin != std::string_view::npos) {
      Assignment clause;
      if (ParseClause(inner, rules, &clause)) {
        // A clause alone on its line (（责任单位：X）) or closing the line,
        // with the keyed brackets right before it (【牵头单位：X】【配合单位：Y】
        // 【完成时限：Z】): one assignment.
        MergeAt(clause, &a, static_cast<int>(k0), static_cast<int>(k), pu);
        t.erase(begin);
        t = std::string(Trim(t));
        constexpr int kKeyedBrackets = 8;  // more keys than a clause has: text, not one assignment
        for (int n = 0; n < kKeyedBrackets && !t.empty(); ++n) {
          auto [b, in] = ClauseBracket(t, rules);
          if (b == std::string_view::npos) break;
          const auto key = rules.clause_key_line.Find(in);
          Assignment more;
          if (!key.found || KeyRole(key.Group("key"), rules) == ClauseRole::kNone ||
              !ParseClause(in, rules, &more))
            break;
          MergeAt(more, &a, static_cast<int>(k0), static_cast<int>(k), pu);
          t.erase(b);
          t = std::string(Trim(t));
        }
        // A key clause of one sentence right before it (…。配合单位：X。
        // （2024年12月底前）) is the same assignment's.
        if (auto [b, in] = TrailingKeyClause(t, rules); b != std::string_view::npos && !pu.full_stop.In(in)) {
          Assignment before;
          if (ParseClause(in, rules, &before)) {
            MergeAt(before, &a, static_cast<int>(k0), static_cast<int>(k), pu);
            t = std::string(Trim(std::string_view(t).substr(0, b)));
            while (const size_t n = std::max(pu.comma.EndLength(t), pu.semicolon.EndLength(t))) t.resize(t.size() - n);
          }
        }
        const bool alone = t.empty();
        note_clause(alone && k0 > 0);
        if (alone) continue;
        if (!EndsSentence(t, rules)) t += pu.stop;
      }
    } else if (auto [at, clause_text] = TrailingKeyClause(t, rules); at != std::string_view::npos) {
      // 责任单位：X closing the line's text without brackets; a list wrapped
      // after its separator (责任单位：X、Y、 / Z) goes on in the next lines.
      std::string wrapped;
      size_t last = k;
      for (std::string_view value = clause_text;
           last + 1 < lines.size() && (pu.enumeration.Ends(value) || pu.comma.Ends(value));) {
        const std::string next = JoinCjkSpaces(Trim(lines[last + 1]));
        if (next.empty() || MatchHeading(next, rules) || rules.clause_key_line.Find(next).found)
          break;
        if (wrapped.empty()) wrapped = clause_text;
        wrapped += next;
        value = wrapped;
        ++last;
      }
      if (!wrapped.empty()) clause_text = wrapped;
      Assignment clause;
      if (ParseClause(clause_text, rules, &clause)) {
        k = last;
        note_clause(false);
        MergeAt(clause, &a, static_cast<int>(k0), static_cast<int>(k), pu);
        t.erase(at);
        std::string_view kept = Trim(t);
        while (const size_t n = std::max(pu.comma.EndLength(kept), pu.semicolon.EndLength(kept))) kept = Trim(kept.substr(0, kept.size() - n));
        t = std::string(kept);
        // The bracketed clause before it (…（X牵头，Y配合）完成时限：Z) is the same assignment's.
        if (auto [b, in] = ClauseBracket(t, rules); b != std::string_view::npos && b > 0) {
          Assignment before;
          if (ParseClause(in, rules, &before)) {
            MergeAt(before, &a, static_cast<int>(k0), static_cast<int>(k), pu);
            t = std::string(Trim(std::string_view(t).substr(0, b)));
          }
        } else if (pu.closes.Ends(pu.full_stop.TrimEnd(Trim(t)))) {
          // So is a key clause before it whose value ends in a bracket of its
          // name (责任单位：各乡镇（街道）。完成时限：Z): TrailingKeyClause
          // stops at the sentence that ends there.
          std::string_view head = pu.full_stop.TrimEnd(Trim(t));
          if (auto [b, in] = TrailingKeyClause(head, rules); b != std::string_view::npos && b > 0) {
            Assignment before;
            if (ParseClause(in, rules, &before)) {
              MergeAt(before, &a, static_cast<int>(k0), static_cast<int>(k), pu);
              t = std::string(Trim(head.substr(0, b)));
              while (const size_t n = std::max(pu.comma.EndLength(t), pu.semicolon.EndLength(t)))
                t.resize(t.size() - n);
            }
          }
        }
        if (!t.empty() && !EndsSentence(t, rules)) t += pu.stop;
      }
    }
    if (a.found) text_after_clause = true;
    if (!t.empty()) pieces.emplace_back(text.size(), static_cast<int>(k));
    text += t;
  }
  // A clause wrapped over lines closes the joined text.
  if (auto [begin, inner] = ClauseBracket(text, rules); begin != std::string_view::npos) {
    Assignment clause;
    if (ParseClause(inner, rules, &clause)) {
      if (!a.found) a.clause_line = static_cast<int>(lines.size()) - 1;
      // The lines it spans: from the one its bracket opens on to the last.
      int from = pieces.back().second;
      for (const auto& [offset, k] : pieces)
        if (offset <= begin) from = k;
      MergeAt(clause, &a, from, pieces.back().second, pu);
      only_bracket_lines = false;
      text.erase(begin);
      text = std::string(Trim(text));
      if (!text.empty() && !EndsSentence(text, rules)) text += pu.stop;
    }
  }
  // An assignment inside a sentence (…，由X牵头，Y配合，推进…), where the
  // item has none of its own: read, and the sentence kept whole.
  if (!a.found && !pieces.empty()) {
    Assignment clause;
    // A sentence opening with units is read in the item's first line only: a
    // paragraph after it (各部门要高度重视。县政府督查室负责，…) is the notice's.
    const size_t first_line_end = pieces.size() > 1 ? pieces[1].first : text.size();
    if (const size_t begin = ReadInline(text, rules, &clause, first_line_end); begin != std::string_view::npos) {
      int at = pieces.front().second;
      size_t line_start = 0;  // where the line holding the clause begins in `text`
      for (const auto& [offset, k] : pieces)
        if (offset <= begin) at = k, line_start = offset;
      a.clause_line = at;
      MergeAt(clause, &a, at, at, pu);
      // After the item's words on its line: no group's clause (a line of
      // its own, 由X牵头，Y配合。 under the items, may be one).
      if (begin > line_start) only_bracket_lines = false;
    }
  }
  a.standalone_bracket = a.found && only_bracket_lines && !text_after_clause;
  if (content_key > 0 && key_lines && !pieces.empty() && pieces.front().second == 0 &&
      content_key <= text.size())
    text = std::string(Trim(std::string_view(text).substr(content_key)));
  *content = text;
  return a;
}

}  // namespace noticetab
