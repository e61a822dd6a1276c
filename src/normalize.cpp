#include "noticetab/normalize.h"

#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <optional>
#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "noticetab/classify.h"
#include "noticetab/clauses.h"
#include "noticetab/interpret.h"
#include "noticetab/link.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "clause_pieces.h"
#include "stages.h"

namespace noticetab {
namespace {


// Whitespace inside a unit cell is either a wrap inside a name ("县自然资 源局")
// or a separator between two names ("县发改局 县教体局"): a complete name on the
// left and a unit-like start on the right make it a separator, as does a
// name on the right that holds its level inside (市总工会 团市委) or is a
// whole body's (units.yaml whole_suffixes: 市自然资源局 汨罗高新区管委会), or
// what SpaceKept keeps in a body clause: a whole name after a wide gap
// (县发改委  统计局), a whole body with its role word (高新区管委会负责).
bool WholeName(std::string_view piece, const Rules& rules) {
  for (const std::string& suf : rules.whole_suffixes)
    if (EndsWith(piece, suf) && piece.size() > suf.size() + 3) return IsCompleteUnit(piece, rules);
  return false;
}

std::string JoinWrappedNames(std::string_view cell, const Rules& rules) {
  if (!HasSpace(cell)) return std::string(cell);  // one piece: the cell as it is
  std::vector<std::string> pieces;
  std::vector<std::string_view> gaps;  // gaps[k]: the spaces before pieces[k]
  std::string cur;
  size_t i = 0, space_from = std::string_view::npos;
  while (i < cell.size()) {
    size_t start = i;
    char32_t c = NextChar(cell, i);
    if (IsSpace(c) || c == '\t' || c == '\n') {
      if (!cur.empty()) pieces.push_back(std::move(cur)), cur.clear();
      if (space_from == std::string_view::npos) space_from = start;
    } else {
      if (cur.empty())
        gaps.push_back(space_from == std::string_view::npos ? std::string_view()
                                                            : cell.substr(space_from, start - space_from));
      space_from = std::string_view::npos;
      cur.append(cell, start, i - start);
    }
  }
  if (!cur.empty()) pieces.push_back(cur);
  std::string out;
  std::vector<std::string_view> left;  // views into out, read before out grows
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (k > 0) {
      SplitTopLevel(out, rules, &left);
      // After a whole unit name, a person (县农业农村局 孙强同志: units.yaml
      // person) is a name of its own, which TakePersons moves to the leaders.
      bool separator = !left.empty() && IsCompleteUnit(left.back(), rules) &&
                       (StartsLikeUnit(pieces[k], rules) || rules.unit_own_level.Contains(pieces[k]) ||
                        WholeName(pieces[k], rules) || rules.unit_person.Contains(pieces[k]) ||
                        SpaceKept(left.back(), gaps[k], pieces[k], rules)) &&
                       !EndsWith(out, rules.punct.list_joiner);
      bool ascii = static_cast<unsigned char>(out.back()) < 128 && static_cast<unsigned char>(pieces[k][0]) < 128;
      // A piece ending in a role word (县水利局牵头 县财政局配合: two lines of
      // a cell, or a nested table's rows) ends its clause.
      bool role_end = false;
      for (const auto& rw : rules.role_words)
        if (!role_end && EndsWith(out, rw.first) && out.size() > rw.first.size()) role_end = true;
      for (const auto& rw : rules.role_words)
        if (role_end && pieces[k] == rw.first) role_end = false;  // 县水利局 牵头: the role word's own line
      if (role_end && !separator) out += rules.punct.clause_joiner;
      else if (separator) out += rules.punct.list_joiner;
      else if (ascii) out += " ";
    }
    out += pieces[k];
  }
  return out;
}

bool IsCollective(std::string_view name, const Rules& rules) {
  for (const auto& c : rules.collective_starts)
    if (StartsWith(name, c)) return true;
  return false;
}

// s without the marks at its edges (OCR'd table rules: ‖ 区司法局 ‖, …预算。丨),
// trimmed.
std::string_view TrimMarks(std::string_view s, const MarkSet& marks) {
  for (size_t n; (n = marks.StartLength(s)) != 0;) s = Trim(s.substr(n));
  for (size_t n; (n = marks.EndLength(s)) != 0;) s = Trim(s.substr(0, s.size() - n));
  return s;
}

// What a list's names carry to the names after them that have no level of
// their own: the last level prefix (市/县/区…) and, after a party
// committee's office (县委组织部), the committee (县委).
struct UnitCarry {
  std::string level, committee;
};

// A name of a list read in order: with a level of its own it sets the carry
// (and is returned as it is); else it takes the carried committee when it
// is one of its offices (units.yaml committee_suffixes), else the carried
// level when it ends in a carry suffix, into *buf.
std::string_view CarryLevel(std::string_view name, UnitCarry& carry, const Rules& rules,
                            std::string* buf) {
  // A lead mark at the name's edge (*市住建局、发改委, 发改委★) is no part of
  // its level or suffix: the name inside is read, the mark kept where it is.
  const std::string_view bare = WithoutLeadMarks(name, rules);
  const size_t mark_len = static_cast<size_t>(bare.data() - name.data());
  if (const std::string_view own = LevelPrefix(bare, rules); !own.empty()) {
    carry.level = own;
    // 县委组织部: the committee's offices after it are 县委's.
    const std::string_view mark = rules.committee_mark;
    carry.committee = !mark.empty() && bare.substr(own.size()).starts_with(mark) &&
                              bare.size() > own.size() + mark.size()
                          ? bare.substr(0, own.size() + mark.size())
                          : std::string_view();
    return name;
  }
  if (carry.level.empty() || IsCollective(bare, rules)) return name;
  auto carried = [&](std::string_view level) -> std::string_view {
    return buf->assign(name.substr(0, mark_len)).append(level).append(name.substr(mark_len));
  };
  const auto office = std::find_if(rules.committee_suffixes.begin(), rules.committee_suffixes.end(),
                                   [&](const std::string& suf) { return EndsWith(bare, suf); });
  if (!carry.committee.empty() && office != rules.committee_suffixes.end() &&
      !rules.unit_own_level.Contains(bare))
    return carried(carry.committee);
  for (const auto& suf : rules.carry_suffixes)
    if (EndsWith(bare, suf)) {
      // 团县委, 国家税务总局某县税务局: the level is inside the name.
      if (rules.unit_own_level.Contains(bare)) break;
      return carried(carry.level);
    }
  return name;
}

// Where a second whole name begins in `name` with no mark before it
// (县发改局县财政局), npos when none does: both halves of four characters or
// more, complete (an open tail after the second aside: 县财政局等), with the
// same level prefix; the second no part of the first (units.yaml
// run_together: a branch, 市公安局市北分局, or a level word, 县财政局县级国库
// 集中支付中心, 县城市管理局市容…: one unit each).
size_t UnmarkedSecondName(std::string_view name, const Rules& rules) {
  const std::string_view level = LevelPrefix(name, rules);
  if (level.empty()) return std::string_view::npos;
  size_t at = 0;
  for (int chars = 0; chars < 4 && at < name.size(); ++chars) NextChar(name, at);
  for (; at + 12 <= name.size(); NextChar(name, at)) {
    const std::string_view right = name.substr(at);
    if (!StartsWith(right, level) || LevelPrefix(right, rules) != level) continue;
    if (std::any_of(rules.run_together_words.begin(), rules.run_together_words.end(),
                    [&](const std::string& w) { return StartsWith(right, w); }))
      continue;
    std::string_view whole = right;
    for (const auto& tail : rules.open_tails)
      if (EndsWith(whole, tail) && whole.size() > tail.size()) {
        whole.remove_suffix(tail.size());
        break;
      }
    if (std::any_of(rules.run_together_branches.begin(), rules.run_together_branches.end(),
                    [&](const std::string& b) { return EndsWith(whole, b); }))
      continue;
    if (CharCountUpTo(whole, 4) >= 4 && IsCompleteUnit(name.substr(0, at), rules) && IsCompleteUnit(whole, rules))
      return at;
  }
  return std::string_view::npos;
}

// `carried` carries the level (and committee) across calls, so a support
// run inherits the lead run's level.
std::vector<std::string> SplitNames(std::string_view text, const Rules& rules, bool* open,
                                    std::vector<Diagnostic>* warnings, UnitCarry* carried) {
  std::vector<std::string> out;
  // Dedupe in linear time: a cell may list thousands. Its names so far (out)
  // are looked back over while few, a hash set of them holds them after.
  std::unordered_set<std::string> seen;
  auto first_time = [&](std::string_view name) {
    constexpr size_t kFew = 16;
    if (out.size() < kFew) return std::find(out.begin(), out.end(), name) == out.end();
    if (seen.empty()) seen.insert(out.begin(), out.end());
    return seen.emplace(name).second;
  };
  static thread_local std::vector<std::string_view> pieces;  // scratch: nothing below calls back here
  SplitTopLevel(text, rules, &pieces);
  out.reserve(pieces.size());
  std::string carried_name;  // a name with the carried prefix before it
  std::string headed;        // a place with the body it shares (SharedHead, BareBodyPlace)
  std::string previous;      // the name before, as read
  const MarkSet& rule_marks = rules.punct.rule_marks;
  const bool marked = !rule_marks.marks().empty() && rule_marks.In(text);  // once for the whole list
  for (size_t piece = 0; piece < pieces.size(); ++piece) {
    std::string_view name = rules.punct.full_stop.TrimEnd(pieces[piece]);
    // OCR'd table rules at a name's edges (‖ 区司法局 ‖): no part of it.
    if (marked && !name.empty() && (rule_marks.StartLength(name) || rule_marks.EndLength(name))) {
      const std::string_view printed = name;
      name = TrimMarks(name, rule_marks);
      if (warnings) warnings->push_back({"units.rule_marks", 0, 0, "table-rule marks removed from a unit name: " + std::string(printed)});
    }
    // One between two names (区教体局 丨 区财政局: a rule OCR read inside a
    // cell) separates them: no name holds such a mark.
    if (marked && rule_marks.In(name)) {
      for (size_t i = 0; i < name.size();) {
        const size_t at = i;
        if (!rule_marks.Has(NextChar(name, i))) continue;
        const std::string_view left = Trim(name.substr(0, at)), right = Trim(name.substr(i));
        if (left.empty() || right.empty()) continue;
        if (warnings)
          warnings->push_back({"units.rule_marks", 0, 0, "a table-rule mark between two unit names read as a separator: " + std::string(name)});
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(piece) + 1, right);
        name = left;
        break;
      }
    }
    // A full stop between two complete unit names (县医保局.县卫健局: OCR read
    // the list mark as one) separates them, said so.
    if (name.size() >= 15 && rules.punct.full_stop.In(name)) {
      for (size_t i = 0; i < name.size();) {
        const size_t at = i;
        if (!rules.punct.full_stop.Has(NextChar(name, i))) continue;
        const std::string_view left = Trim(name.substr(0, at)), right = Trim(name.substr(i));
        if (CharCountUpTo(left, 3) < 3 || CharCountUpTo(right, 3) < 3 || !IsCompleteUnit(left, rules) ||
            !IsCompleteUnit(right, rules))
          continue;
        if (warnings)
          warnings->push_back({"units.stop_separator", 0, 0, "a full stop between two unit names read as a separator: " + std::string(name)});
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(piece) + 1, right);
        name = left;
        break;
      }
    }
    // A conjunction between two complete unit names (县直有关部门和各乡镇人民政府)
    // parts them; inside one name (住房和城乡建设局) it stays.
    if (size_t len = 0, at = ConjunctionAt(name, rules, &len); at != std::string_view::npos) {
      pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(piece) + 1, Trim(name.substr(at + len)));
      name = Trim(name.substr(0, at));
    }
    // Two whole names with no mark between them (县发改局县财政局: OCR lost the
    // 、) part where the second's level begins: each has a level of its own
    // and four characters or more (市委市政府督查室 is one office), said so.
    if (name.size() >= 24)
      if (const size_t at = UnmarkedSecondName(name, rules); at != std::string_view::npos) {
        if (warnings)
          warnings->push_back({"units.no_separator", 0, 0, "two unit names with no mark between them read as two: " + std::string(name)});
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(piece) + 1, name.substr(at));
        name = name.substr(0, at);
      }
    // The tails are compared only when the name's last byte ends one of them.
    const bool may_tail = !name.empty() && ((rules.open_tail_ends >> (static_cast<unsigned char>(name.back()) & 63)) & 1);
    if (may_tail)
      for (const auto& tail : rules.open_tails) {
        if (EndsWith(name, tail) && name.size() > tail.size()) {
          name.remove_suffix(tail.size());
          *open = true;
          break;
        }
      }
    if (name.empty() || rules.IsNoneCell(name)) continue;  // 无, —: nobody, said so
    // One character before any level is carried onto it (局, left of a
    // name whose other characters were unreadable): no name to carry onto.
    if (name.size() <= 4 && CharCountUpTo(name, 2) <= 1 && !IsCompleteUnit(name, rules)) {
      if (warnings) warnings->push_back({"units.unreadable", 0, 0, "unreadable unit name dropped: " + std::string(name)});
      continue;
    }
    // A place before others of its kind and their body (保护区、开发区、风景区
    // 管委会): that place's body too.
    pieces[piece] = name;
    // Among collectives of levels (各市州、县市区人民政府) the first's start
    // too: 各县市区人民政府.
    if (std::string_view start, head = SharedHead(text, pieces, piece, rules, &start); !head.empty() || !start.empty())
      name = headed.assign(start).append(name).append(head);
    // A bare body after a name ending in its partner (各乡镇党委和人民政府,
    // 各乡镇党委、政府): that name's place's, as in the 主送.
    else if (!previous.empty())
      if (const std::string_view place = BareBodyPlace(previous, name, rules); !place.empty())
        name = headed.assign(place).append(name);
    name = CarryLevel(name, *carried, rules, &carried_name);
    // Two characters alone in the list that name no listed short name (早少:
    // OCR debris), with no unit's ending: unreadable (one is, above).
    if (name.size() <= 8 && pieces.size() == 1 && CharCountUpTo(name, 3) == 2 && !rules.short_names.contains(name) &&
        !IsCompleteUnit(name, rules)) {  // the size and count first: they rule out most names
      if (warnings) warnings->push_back({"units.unreadable", 0, 0, "unreadable unit name dropped: " + std::string(name)});
      continue;
    }
    previous.assign(name);
    if (first_time(name)) out.emplace_back(name);
  }
  return out;
}

}  // namespace

std::string IsoDate(int y, int m, int d) {
  // fmt's general formatting costs more than the date: the usual date
  // (a year of four digits, month and day of two) is written digit by digit.
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  char out[10] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                  char('0' + m / 10),    char('0' + m % 10),        '-',                      char('0' + d / 10), char('0' + d % 10)};
  return std::string(out, sizeof out);
}

namespace {

namespace chr = std::chrono;

// REQUIRES: 1 <= m <= 12.
int DaysInMonth(int y, int m) {
  return static_cast<int>(static_cast<unsigned>((chr::year{y} / m / chr::last).day()));
}

std::string ToIso(chr::year_month_day d) {
  return IsoDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

// The 成文日期 (ISO text, frontmatter's) as a date; nullopt without one.
// Its day is not checked against its month: sys_days counts past the month's end.
std::optional<chr::year_month_day> DocDate(const YearContext& years) {
  if (!years.doc_date || years.doc_date->size() != 10) return std::nullopt;
  const std::string& s = *years.doc_date;
  const chr::year_month_day d{chr::year{std::atoi(s.substr(0, 4).c_str())} /
                              std::atoi(s.substr(5, 2).c_str()) /
                              std::atoi(s.substr(8, 2).c_str())};
  if (!d.year().ok() || !d.month().ok()) return std::nullopt;
  return d;
}

// The units of a task, each once: the lead units, then the 责任单位 list in its
// order, then the support units. Lead first as notices print them (牵头单位
// before 责任单位; "列第一位的为牵头单位", units.yaml first_is_lead), so the
// first unit of `units` reads as the lead the way the notice's own list does.
// Table rows and body clauses both merge so.
std::vector<std::string> MergeUnits(const std::vector<std::string>& units, const std::vector<std::string>& lead,
                                    const std::vector<std::string>& support) {
  std::vector<std::string> out;
  const size_t total = units.size() + lead.size() + support.size();
  out.reserve(total);
  if (total <= 16) {  // a row's few names: a look back over them costs less than a hash set
    for (const auto* list : {&lead, &units, &support})
      for (const auto& n : *list)
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
  }
  std::unordered_set<std::string> seen;
  for (const auto* list : {&lead, &units, &support})
    for (const auto& n : *list)
      if (seen.insert(n).second) out.push_back(n);
  return out;
}

}  // namespace

std::string_view TrailingDeadline(std::string_view cell, const Rules& rules) {
  if (cell.find(' ') == std::string_view::npos || !rules.deadline_hint.Contains(cell)) return {};
  size_t from = cell.size();
  while (true) {
    const size_t space = cell.find_last_of(' ', from == 0 ? 0 : from - 1);
    if (space == std::string_view::npos || space == 0) break;
    const std::string_view chunk = Trim(cell.substr(space, from - space));
    if (chunk.empty()) {
      from = space;
      continue;
    }
    if (IsCompleteUnit(RemoveSpaces(chunk), rules) || CharCount(Trim(cell.substr(space))) > 24 ||
        ClassifyCell(cell.substr(space), rules) != CellShape::kDeadline)
      break;
    from = space;
  }
  if (from == cell.size()) return {};
  const std::string_view head = Trim(cell.substr(0, from));
  const auto names = SplitTopLevel(head, rules);
  if (names.empty() || !IsCompleteUnit(RemoveSpaces(names.back()), rules)) return {};
  return Trim(cell.substr(from));
}

namespace {

// The names of u that are people (副县长张三: units.yaml person) move from
// the unit lists to u.persons.
void TakePersons(UnitList& u, const Rules& rules) {
  // A name ending as a unit's does (市发改局, 县政府) is a unit, and is not
  // searched, unless it ends with a word a person's name needs (县委常委) or
  // in a closing bracket (王建国（副县长）: the bracket decides).
  auto may_be_person = [&](std::string_view n) {
    if (n.empty()) return false;
    if ((rules.org_suffix_ends >> (static_cast<unsigned char>(n.back()) & 63)) & 1)
      for (const auto& suffix : rules.org_suffixes)
        if (EndsWith(n, suffix)) {
          if (rules.punct.closes.Ends(n)) return rules.unit_person.Contains(n);
          for (const auto& need : rules.unit_person.required())
            for (const auto& run : need)
              if (EndsWith(n, run)) return rules.unit_person.Contains(n);
          return false;
        }
    return rules.unit_person.Contains(n);
  };
  for (const auto& n : u.units)
    if (may_be_person(n)) u.persons.push_back(n);
  if (u.persons.empty()) return;
  auto is_person = [&](const std::string& n) {
    return std::find(u.persons.begin(), u.persons.end(), n) != u.persons.end();
  };
  for (auto* list : {&u.units, &u.lead, &u.support, &u.guide}) std::erase_if(*list, is_person);
}

// One character apart after a whole name (县政府办公室 口): OCR's reading of
// a box or a rule, no part of the name (a wrapped name's tail is never a lone
// character after a complete one). The cell without it, and a warning in
// *note; the cell as it is when there is none. 等 and conjunctions are words.
std::string_view DropLoneTail(std::string_view cell, const Rules& rules,
                              std::vector<Diagnostic>* note) {
  cell = Trim(cell);
  if (!HasSpace(cell)) return cell;
  const size_t space = cell.find_last_of(" \t");
  const std::string_view head = Trim(cell.substr(0, space)), tail = Trim(cell.substr(space + 1));
  if (tail.empty() || head.empty() || CharCountUpTo(tail, 2) != 1) return cell;
  size_t at = 0;
  if (!IsHan(NextChar(tail, at))) return cell;  // marks (‖ 丨) are rule_marks' to read
  auto listed = [&](const std::vector<std::string>& words) {
    return std::find(words.begin(), words.end(), tail) != words.end();
  };
  if (listed(rules.open_tails) || listed(rules.unit_conjunctions)) return cell;
  const auto names = SplitTopLevel(head, rules);
  if (names.empty()) return cell;
  const std::string last = RemoveSpaces(names.back());
  if (!IsCompleteUnit(last, rules) || IsCompleteUnit(last + std::string(tail), rules)) return cell;
  note->push_back({"units.unreadable", 0, 0,
                   "a lone character after a unit name dropped (OCR noise): " + std::string(tail)});
  return head;
}

UnitList NormalizeUnitsOnce(std::string_view cell, const Rules& rules);

}  // namespace

bool OnlyCompleteUnits(const UnitList& u, const Rules& rules) {
  return !u.units.empty() && u.warnings.empty() &&
         std::all_of(u.units.begin(), u.units.end(), [&](const std::string& n) { return IsCompleteUnit(n, rules); });
}

namespace {

// A list numbered in its cell (1.县水利局 2.县城投公司: units.yaml list_marker),
// the cell opening with 1 and counting on: the names between the markers,
// joined as a list (a clause keeps its own ending: 1.牵头单位：X 2.配合单位：Y
// is X；Y's clauses). Empty when the cell is no such list.
std::string UnnumberedList(std::string_view cell, const Rules& rules) {
  const Regex& marker = rules.unit_list_marker;
  cell = Trim(cell);
  if (cell.empty()) return {};
  // The cell opens with its first number: a digit, a bracket or ① (one
  // test of the first character keeps the search off most cells).
  size_t first_end = 0;
  const char32_t first = NextChar(cell, first_end);
  if (!(rules.numerals.DigitValue(first) >= 0 || (first >= 0x2460 && first <= 0x2473) || rules.punct.marker_opens.Has(first)))
    return {};
  std::vector<std::pair<size_t, size_t>> at;  // each marker's [begin, end)
  for (size_t from = 0; from < cell.size();) {
    const Regex::Match m = marker.Find(cell.substr(from));
    if (!m.found || m.end == m.begin) break;
    int n = 0;
    if (const std::string_view c = m.Group("c"); !c.empty()) {
      size_t i = 0;
      n = static_cast<int>(NextChar(c, i)) - 0x2460 + 1;
    } else {
      const std::string_view d = !m.Group("n").empty() ? m.Group("n") : m.Group("p");
      n = std::atoi(std::string(d).c_str());
    }
    if (n == static_cast<int>(at.size()) + 1 && (n > 1 || from + m.begin == 0))
      at.push_back({from + m.begin, from + m.end});
    from += m.end;
  }
  if (at.size() < 2) return {};
  std::string out;
  for (size_t k = 0; k < at.size(); ++k) {
    std::string_view name = Trim(cell.substr(at[k].second, (k + 1 < at.size() ? at[k + 1].first : cell.size()) - at[k].second));
    name = Trim(rules.punct.comma.TrimEnd(rules.punct.enumeration.TrimEnd(name)));
    const bool clause = rules.punct.colon.In(name);
    name = Trim(rules.punct.semicolon.TrimEnd(name));
    if (name.empty()) continue;
    if (!out.empty()) out += clause ? rules.punct.clause_joiner : rules.punct.list_joiner;
    out += name;
  }
  return out;
}

}  // namespace

UnitList NormalizeUnits(std::string_view cell, const Rules& rules) {
  std::vector<Diagnostic> debris;
  std::vector<std::string> contacts;
  const std::string without_contacts = TakeContacts(cell, rules, &contacts);
  if (!contacts.empty()) cell = without_contacts;
  const std::string unnumbered = UnnumberedList(cell, rules);
  if (!unnumbered.empty()) cell = unnumbered;
  UnitList u = NormalizeUnitsOnce(DropLoneTail(cell, rules, &debris), rules);
  u.warnings.insert(u.warnings.end(), debris.begin(), debris.end());
  for (const std::string& c : contacts)
    u.warnings.push_back({"units.contact", 0, 0, "contact details in the unit cell kept in remarks, not as a unit: " + c});
  u.contacts = std::move(contacts);
  TakePersons(u, rules);
  return u;
}

namespace {

UnitList NormalizeUnitsOnce(std::string_view cell, const Rules& rules) {
  UnitList u;
  // No space in the cell: JoinWrappedNames would copy it as it is.
  std::string_view trimmed = Trim(cell);
  std::string_view trailing_deadline;
  if ((trailing_deadline = TrailingDeadline(trimmed, rules)).size())
    trimmed = Trim(trimmed.substr(0, static_cast<size_t>(trailing_deadline.data() - trimmed.data())));
  if (!trailing_deadline.empty()) {
    UnitList head = NormalizeUnits(trimmed, rules);
    if (head.deadline.empty()) head.deadline = std::string(trailing_deadline);
    return head;
  }
  std::string joined;
  std::string_view text = HasSpace(trimmed) ? std::string_view(joined = JoinWrappedNames(trimmed, rules)) : trimmed;
  // 列第一位的为牵头单位 is a remark on the list (convert.cpp reads it), no unit.
  std::string remarkless;
  if (rules.first_is_lead.Contains(text)) text = Trim(remarkless = rules.first_is_lead.ReplaceAll(text, ""));
  if (text.empty()) return u;
  // A cell written as an assignment clause (牵头单位：X；配合单位：Y): its
  // keys give the roles. Only keys make it one: a plain list stays a list.
  if (Assignment a; IsKeyedClause(text, rules, &a) && a.units.size() + a.lead.size() + a.support.size() < text.size()) {
    UnitList keyed = ResolveAssignment(a, rules);
    keyed.deadline = std::move(a.deadline);
    return keyed;
  }
  UnitCarry prefix;
  auto runs = SplitRoleRuns(text, rules);
  if (runs.size() == 1 && runs[0].role == ClauseRole::kNone) {
    u.units = SplitNames(text, rules, &u.open, &u.warnings, &prefix);
    return u;
  }
  std::vector<std::string> plain;
  std::unordered_set<std::string> seen;
  for (const auto& run : runs) {
    auto names = SplitNames(run.text, rules, &u.open, &u.warnings, &prefix);
    std::vector<std::string>* to = &plain;
    if (run.role == ClauseRole::kLead) to = &u.lead;
    if (run.role == ClauseRole::kSupport) to = &u.support;
    if (run.role == ClauseRole::kGuide) to = &u.guide;
    for (auto& n : names)
      if (seen.insert(n).second) u.units.push_back(n), to->push_back(n);
  }
  // Units named beside a lead without a role of their own support it.
  if (!u.lead.empty()) u.support.insert(u.support.end(), plain.begin(), plain.end());
  return u;
}

}  // namespace

Deadline ResolveDeadline(std::string_view raw, const YearContext& years, const Rules& rules,
                         std::vector<std::string>* warnings) {
  std::vector<Diagnostic> notes;
  Deadline d = ResolveDeadline(raw, years, rules, warnings ? &notes : nullptr);
  if (warnings)
    for (Diagnostic& n : notes) warnings->push_back(std::move(n.message));
  return d;
}

namespace {

// The plan year a deadline without one of its own takes: the title's, else
// the date's, else --year (0 when none); d.year_source says which.
int PlanYear(const YearContext& years, Deadline& d) {
  if (years.title) return d.year_source = "title", *years.title;
  if (years.date) return d.year_source = "date", *years.date;
  if (years.option) return d.year_source = "option", *years.option;
  return 0;
}

// A deadline recurring within the year (每月15日前, 每月, 每季度, 每半年,
// 每年年底前): due at the end of the first period on or after the document's
// date, else the plan year's first period. The rule's granularity names the
// period; a rule without one (每周, 每2周一次) gives no date, said. With group n (每季度结束后
// 15日内) the date is the first period end plus n days on or after that date.
// A day of the week (每周五前: group dow, or sun for Sunday) is the first such
// day on or after the document's date, else the plan year's first.
Deadline RecurWithinYear(Deadline d, const DeadlineRule& rule, const Regex::Match& m, const YearContext& years,
                         const Rules& rules, std::vector<Diagnostic>* notes) {
  const std::string& gran = rule.granularity;
  if (gran.empty()) {
    if (notes)  // a daily one (group daily) is due every day: no first day to name
      notes->push_back({"deadline.recurring", 0, 0,
                        RoleLabel(Role::kDeadline, rules) +
                            (m.Group("daily").empty() ? " recurs and names no day its first time falls on: "
                                                      : " recurs every day: no one date to give: ") +
                            *d.text});
    return d;
  }
  d.granularity = gran;
  int y = 0, mo = 1, dd = 1;
  if (const auto doc = DocDate(years)) {
    y = static_cast<int>(doc->year());
    mo = static_cast<int>(static_cast<unsigned>(doc->month()));
    dd = static_cast<int>(static_cast<unsigned>(doc->day()));
    d.year_source = "date";
  } else {
    y = PlanYear(years, d);
  }
  if (y == 0 || mo < 1 || mo > 12) {
    d.year_source.reset();
    if (notes)
      notes->push_back({"deadline.no_year", 0, 0, RoleLabel(Role::kDeadline, rules) + " has no year and the notice gives none"});
    return d;
  }
  // The days of the week it falls on (bit k: ISO day k): 每周五, 每周一、周四,
  // 每周一至周五 (group to: the span dow to dow2). A day group holding no
  // numeral (日, 天) is Sunday.
  auto weekday = [&](std::string_view g) {
    if (g.empty()) return 0;
    const int v = rules.numerals.Value(g);
    return v >= 1 && v <= 7 ? v : 7;
  };
  unsigned days_of_week = 0;
  if (const int dow = !m.Group("sun").empty() ? 7 : weekday(m.Group("dow")); dow >= 1) {
    const int dow2 = weekday(m.Group("dow2")), dow3 = weekday(m.Group("dow3"));
    days_of_week = 1u << dow;
    for (int k = dow; !m.Group("to").empty() && dow2 > dow && k <= dow2; ++k) days_of_week |= 1u << k;
    if (dow2) days_of_week |= 1u << dow2;
    if (dow3) days_of_week |= 1u << dow3;
  }
  if (gran == "day" && days_of_week) {
    chr::sys_days day{chr::year{y} / mo / dd};
    while (!(days_of_week >> chr::weekday{day}.iso_encoding() & 1u)) day += chr::days{1};
    d.date = ToIso(chr::year_month_day{day});
    return d;
  }
  if (gran == "day") {  // 每月15日: this month's, else next month's; 每月10日、20日: the first of them
    int day = 0, next = 0;  // the first day of the list on or after dd this month; the first of all
    bool any = false, bad = false;
    for (const char* g : {"d", "d2", "d3", "d4"}) {
      if (m.Group(g).empty()) continue;
      const int v = rules.numerals.Value(m.Group(g));
      if (v < 1 || v > 31) bad = true;
      if (!any || v < next) next = v;
      if (std::min(v, DaysInMonth(y, mo)) >= dd && (day == 0 || v < day)) day = v;
      any = true;
    }
    if (!any || bad) {
      d.kind = "none", d.granularity.reset(), d.year_source.reset();
      if (notes) notes->push_back({"deadline.unreadable", 0, 0, RoleLabel(Role::kDeadline, rules) + " not understood: " + *d.text});
      return d;
    }
    if (day == 0) {
      day = next;
      if (++mo > 12) mo = 1, ++y;
    }
    d.date = IsoDate(y, mo, std::min(day, DaysInMonth(y, mo)));
    return d;
  }
  const int from_mo = mo;  // the document's month, else the plan year's first
  const int months = gran == "quarter" ? 3 : gran == "half" ? 6 : gran == "year" ? 12 : 1;
  mo = (mo + months - 1) / months * months;  // the end of the period holding that day
  if (const std::string_view after = m.Group("n"); !after.empty()) {
    // 每季度结束后15日内: n days after a period's end; the last period's
    // occurrence may still be ahead (15 days after March 31 in early April).
    const chr::days n{std::max(0, rules.numerals.Value(after))};
    const chr::year_month end = chr::year{y} / mo;
    chr::sys_days due = chr::sys_days{(end - chr::months{months}) / chr::last} + n;
    if (due < chr::sys_days{chr::year{y} / from_mo / dd}) due = chr::sys_days{end / chr::last} + n;
    d.date = ToIso(chr::year_month_day{due});
    d.granularity = "day";
    return d;
  }
  d.date = IsoDate(y, mo, DaysInMonth(y, mo));
  return d;
}

// A day of the notice's week or the next (group thisw / nextw: 本周五前,
// 次周一前; dow, or sun for Sunday): counted from the 成文日期, weeks starting
// on Monday, as 次月5日前 counts from its month; without one, relative.
Deadline WeekdayFromDocument(Deadline d, const Regex::Match& m, const YearContext& years, const Rules& rules,
                             std::vector<Diagnostic>* notes) {
  const int dow = !m.Group("sun").empty() ? 7 : rules.numerals.Value(m.Group("dow"));
  const auto doc = DocDate(years);
  if (!doc || dow < 1 || dow > 7) {
    d.kind = "none";
    if (notes)
      notes->push_back({"deadline.relative", 0, 0,
                        RoleLabel(Role::kDeadline, rules) + " counts from the notice's week, which it does not give: " + *d.text});
    return d;
  }
  const chr::sys_days day{*doc};
  const chr::sys_days monday = day - chr::days{chr::weekday{day}.iso_encoding() - 1};
  d.date = ToIso(chr::year_month_day{monday + chr::days{(m.Group("nextw").empty() ? 0 : 7) + dow - 1}});
  d.granularity = "day";
  d.year_source = "date";
  if (notes) {
    notes->push_back({"deadline.from_document", 0, 0,
                      RoleLabel(Role::kDeadline, rules) + " counted from the notice's week of " + *years.doc_date + ": " + *d.text});
    // 本周五前 in a notice dated that Saturday: due before it was issued.
    if (*d.date < ToIso(*doc))
      notes->push_back({"deadline.before_plan_year", 0, 0,
                        RoleLabel(Role::kDeadline, rules) + " " + *d.date + " is before the notice's date " +
                            ToIso(*doc) + ": " + *d.text});
  }
  return d;
}

// A deadline set by a named day (group e: 国庆节前, 2025年春节前, 秋季开学前;
// deadlines.yaml events): the day itself, or the day before it with group b
// (前). Without a printed year, the first on or after the 成文日期, else the
// one that falls in the plan year (元旦前 in a 2024 plan: 2024-12-31). A day
// the rules list for some years only (春节) in another year gives no date.
Deadline EventDay(Deadline d, const DeadlineRule& rule, const Regex::Match& m, const YearContext& years,
                  const Rules& rules, std::vector<Diagnostic>* notes) {
  const std::string label = RoleLabel(Role::kDeadline, rules);
  const auto ev = rules.event_days.find(m.Group("e"));
  const bool before = !m.Group("b").empty();
  // The deadline the day gives in year y, if the rules know the day that year.
  auto due_in = [&](int y) -> std::optional<chr::sys_days> {
    if (ev == rules.event_days.end()) return std::nullopt;
    auto at = ev->second.find(0);
    if (at == ev->second.end()) at = ev->second.find(y);
    if (at == ev->second.end()) return std::nullopt;
    const chr::year_month_day day{chr::year{y} / at->second.first / at->second.second};
    if (!day.ok()) return std::nullopt;
    return chr::sys_days{day} - chr::days{before ? 1 : 0};
  };
  std::optional<chr::sys_days> due;
  int y = 0;
  if (const std::string_view printed = m.Group("y"); !printed.empty()) {
    y = rules.numerals.Value(printed);
    d.year_source = "text";
    due = y > 0 ? due_in(y) : std::nullopt;
  } else if (const auto doc = DocDate(years)) {
    y = static_cast<int>(doc->year());
    d.year_source = "date";
    for (int k = y; k <= y + 1 && !due; ++k)
      if (const auto at = due_in(k); at && *at >= chr::sys_days{*doc}) due = at;
  } else if ((y = PlanYear(years, d)) > 0) {
    for (int k = y; k <= y + 1 && !due; ++k)
      if (const auto at = due_in(k); at && static_cast<int>(chr::year_month_day{*at}.year()) == y) due = at;
  }
  if (!due) {
    d.kind = "none", d.year_source.reset();
    if (notes)
      notes->push_back({"deadline.event", 0, 0,
                        label + (y > 0 ? " names a day the rules give no date for in " + std::to_string(y) + ": "
                                       : " names a day and the notice gives no year: ") + *d.text});
    return d;
  }
  d.date = ToIso(chr::year_month_day{*due});
  d.granularity = "day";
  if (rule.inferred && notes)
    notes->push_back({"deadline.inferred", 0, 0, label + " names no day; read as " + *d.date + ": " + *d.text});
  return d;
}

// A count of days (group n; group wd: working days; group wk: weeks; group
// mo: months, to the same day of the month n on, or its last) after an event
// (收到通知后10个工作日内, rule after: event) has no date a reader can know:
// kind none, with a warning saying why, not "not understood". After the
// notice's own issue (本通知印发之日起10个工作日内, group doc) it is the day n
// days after the 成文日期, the start day not counted (as 民法典 第二百零一条
// counts periods); working days are counted as Monday to Friday, since no
// holiday calendar is known, and the warning says so.
Deadline CountedDays(Deadline d, const Regex::Match& m, const YearContext& years,
                     const Rules& rules, std::vector<Diagnostic>* notes) {
  const std::string label = RoleLabel(Role::kDeadline, rules);
  // 两周内: 14 days; 半个月内 (group half): 15
  const int n = !m.Group("half").empty() ? 15 : rules.numerals.Value(m.Group("n")) * (m.Group("wk").empty() ? 1 : 7);
  const bool working = !m.Group("wd").empty(), months = !m.Group("mo").empty();
  const bool from_notice = !m.Group("doc").empty();
  if (const auto doc = from_notice ? DocDate(years) : std::nullopt; doc && n >= 1 && n <= 999) {
    const std::string& from = *years.doc_date;
    chr::sys_days day{*doc};
    if (months) {  // 1个月内 from 1月31日: 2月28日, the month's last day
      chr::year_month_day to = *doc + chr::months{n};
      if (!to.ok()) to = to.year() / to.month() / chr::last;
      day = chr::sys_days{to};
    } else if (!working) {
      day += chr::days{n};
    }
    for (int k = 0; k < n && working;)
      if (chr::weekday{day += chr::days{1}}.iso_encoding() <= 5) ++k;  // Monday to Friday
    d.date = ToIso(chr::year_month_day{day});
    d.kind = "by_date";
    d.granularity = "day";
    d.year_source = "date";
    if (notes)
      notes->push_back({"deadline.from_document", 0, 0,
                        label + " counted from the notice's date " + from +
                            (working ? " in weekdays (no holiday calendar): " : ": ") + *d.text});
    return d;
  }
  d.kind = "none";
  if (notes)
    notes->push_back({"deadline.relative", 0, 0,
                      label + (from_notice ? " counts from the notice's date, which it does not give: "
                                                       : " counts from an event the notice does not date: ") +
                          *d.text});
  return d;
}

// The year of a deadline phrase in task text that prints none (2024年3月启动
// 试点，6月底前完成): the last year before it in its sentence that starts a
// clause (content_year: at the sentence's start, or after its group lead); 0
// when none. A year in another sentence, or inside a clause (对照2023年考核
// 结果), is not the phrase's. A deadline cell (whole_text) is one sentence:
// its steps (2026年3月启动；6月底前完成) are one timeline.
int YearBeforeInSentence(std::string_view text, size_t phrase_at, const Rules& rules, bool whole_text = false) {
  std::string_view before = text.substr(0, phrase_at);
  size_t start = 0;
  for (const MarkSet* marks : {&rules.punct.full_stop, &rules.punct.semicolon})
    for (size_t p = 0; !whole_text && (p = marks->Find(before, p)) != std::string_view::npos;) {
      p += std::max<size_t>(1, marks->StartLength(before.substr(p)));
      start = std::max(start, p);
    }
  before.remove_prefix(start);
  int year = 0;
  for (size_t from = 0; from < before.size();) {
    const auto y = rules.content_year.Find(before.substr(from));
    if (!y.found || y.end == 0) break;
    if (from + y.begin == 0 || !y.Group("lead").empty()) year = rules.numerals.Value(y.Group("y"));
    from += y.end;
  }
  return std::max(0, year);
}

// A date whose printed year is before the plan year (2024年12月31日前 in a
// 2025 plan) and before the 成文日期 (when there is one: a plan issued in
// December may set a step before its year begins) was due before the notice
// was: kept as printed, with a warning, since a wrong year is the likelier reading.
// A plan of several years (2023—2025年…方案) begins with its span's first.
void WarnBeforePlanYear(const Deadline& d, const YearContext& years, const Rules& rules,
                        std::vector<Diagnostic>* notes) {
  if (!notes || !d.date || d.year_source != "text" || d.date->size() != 10) return;
  std::optional<int> plan = years.title ? years.title : years.date ? years.date : years.option;
  if (years.first && plan && *years.first < *plan) plan = years.first;  // a plan of several years
  if (!plan || std::atoi(d.date->substr(0, 4).c_str()) >= *plan) return;
  if (years.doc_date && years.doc_date->size() == 10 && *d.date >= *years.doc_date) return;
  notes->push_back({"deadline.before_plan_year", 0, 0,
                    RoleLabel(Role::kDeadline, rules) + " " + *d.date + " is before the plan year " +
                        std::to_string(*plan) + ": " + *d.text});
}

}  // namespace

// A CJK zero (〇, or a sign read as one) between ASCII digits (2〇25年: OCR
// read the 0 so) as the digit 0; true when one was.
static bool FoldCjkZeros(std::string* s, const Numerals& numerals) {
  auto ascii_digit = [](char c) { return c >= '0' && c <= '9'; };
  bool changed = false;
  for (size_t i = 1; i < s->size();) {
    const size_t at = i;
    if (static_cast<unsigned char>((*s)[at]) < 0x80 || !ascii_digit((*s)[at - 1])) {
      ++i;
      continue;
    }
    const char32_t c = NextChar(*s, i);
    if (i < s->size() && ascii_digit((*s)[i]) && numerals.DigitValue(c) == 0) {
      s->replace(at, i - at, "0");
      i = at + 1;
      changed = true;
    }
  }
  return changed;
}

Deadline ResolveDeadline(std::string_view raw, const YearContext& years, const Rules& rules,
                         std::vector<Diagnostic>* notes) {
  Deadline d;
  std::string printed = JoinCjkSpaces(Trim(raw));
  if (printed.empty()) return d;
  d.text = printed;
  std::string spaceless;
  std::string t = Nfkc(RemoveSpaces(printed, &spaceless));
  if ((rules.punct.FoldOcrDigits(&t) | FoldCjkZeros(&t, rules.numerals)) && notes)  // 2O24年, 2024年l2月, 2〇25年
    notes->push_back({"deadline.ocr_digits", 0, 0, RoleLabel(Role::kDeadline, rules) + " read with letters as digits (OCR): " + printed + " as " + t});
  if (t.size() % 2 == 0 && t.substr(0, t.size() / 2) == t.substr(t.size() / 2)) {
    t = t.substr(0, t.size() / 2);  // the same phrase printed twice
    d.text = JoinCjkSpaces(Trim(printed.substr(0, printed.size() / 2)));
    if (RemoveSpaces(*d.text) != RemoveSpaces(printed.substr(printed.size() / 2))) d.text = t;
    if (notes) notes->push_back({"deadline.twice", 0, 0, RoleLabel(Role::kDeadline, rules) + " printed twice; kept once"});
  }
  if (rules.deadline_weekday.Contains(t)) t = rules.deadline_weekday.ReplaceAll(t, "");
  for (const auto& rule : rules.deadlines) {
    auto m = rule.re.Find(t);
    if (!m.found) continue;
    d.kind = rule.kind;
    if (rule.after == "season") {
      if (notes)
        notes->push_back({"deadline.relative", 0, 0,
                          RoleLabel(Role::kDeadline, rules) + " names a season the notice does not date: " + *d.text});
      return d;
    }
    if (rule.after == "duration") {  // 为期两周: how long, not by when
      if (notes)
        notes->push_back({"deadline.relative", 0, 0,
                          RoleLabel(Role::kDeadline, rules) +
                              " says how long the work lasts, from a start the notice does not date: " + *d.text});
      return d;
    }
    if (!rule.after.empty()) return CountedDays(d, m, years, rules, notes);
    if (rule.kind == "ongoing") return d;
    if (rule.kind == "recurring" && m.Group("m").empty()) return RecurWithinYear(d, rule, m, years, rules, notes);
    if (!m.Group("e").empty()) return EventDay(d, rule, m, years, rules, notes);
    if (!m.Group("thisw").empty() || !m.Group("nextw").empty()) return WeekdayFromDocument(d, m, years, rules, notes);
    int y = 0;
    if (const std::string_view year = m.Group("y"); !year.empty()) {
      y = rules.numerals.Value(year);  // 2025 or 二〇二五
      if (y < 1) break;
      d.year_source = "text";
    } else {
      y = PlanYear(years, d);
    }
    // 次年 / 明年: the year after the plan's (a phrase led by a digit has none).
    if (y != 0 && d.year_source != "text" && (t[0] & 0x80) && !m.Group("next").empty()) ++y;
    // 11月1日至次年4月30日: a range ending in the year after its start's.
    if (y != 0 && !m.Group("nexty").empty()) ++y;
    std::string gran = rule.granularity.empty() ? "year" : rule.granularity;
    d.granularity = gran;
    int mo = 12, day = 0;  // day 0 = the last day of the period
    // 本月底前, 次月5日前: the notice's month (group thism) or the next
    // (nextm), counted from its 成文日期.
    const bool next_month = !m.Group("nextm").empty(), relative = next_month || !m.Group("thism").empty();
    if (relative) {
      const auto doc = DocDate(years);
      if (!doc) {
        d.kind = "none", d.granularity.reset(), d.year_source.reset();
        if (notes)
          notes->push_back({"deadline.relative", 0, 0,
                            RoleLabel(Role::kDeadline, rules) + " counts from the notice's month, which it does not give: " + *d.text});
        return d;
      }
      y = static_cast<int>(doc->year());
      mo = static_cast<int>(static_cast<unsigned>(doc->month())) + next_month;
      if (mo > 12) mo = 1, ++y;
      d.year_source = "date";
      if (notes)  // a report due each month (每月…次月5日前) recurs: said
        notes->push_back({"deadline.from_document", 0, 0,
                          RoleLabel(Role::kDeadline, rules) + " counted from the notice's month " +
                              years.doc_date->substr(0, 7) + ": " + *d.text});
    }
    if (gran == "day" || gran == "month") {
      if (!relative) mo = std::max(0, rules.numerals.Value(m.Group("m")));
      if (mo < 1 || mo > 12) break;
      day = gran == "day" ? std::max(0, rules.numerals.Value(m.Group("d"))) : 0;
      if (auto x = rules.dekad_days.find(m.Group("x")); x != rules.dekad_days.end()) day = x->second;
      // 3月第2周 (group wn): the Sunday closing the month's nth week, weeks
      // Monday to Sunday and the first holding the 1st; the month's last day at most.
      if (const int wn = rules.numerals.Value(m.Group("wn")); wn >= 1 && y != 0) {
        const int first = static_cast<int>(chr::weekday{chr::sys_days{chr::year{y} / mo / 1}}.iso_encoding());
        day = std::min(8 - first + 7 * (wn - 1), DaysInMonth(y, mo));
      }
    } else if (gran == "quarter") {
      mo = std::max(0, rules.numerals.Value(m.Group("q"))) * 3;
      if (mo < 3 || mo > 12) break;
    } else if (gran == "half") {
      auto h = rules.half_months.find(m.Group("h"));
      mo = h != rules.half_months.end() ? h->second : 12;
    }
    if (y == 0) {
      if (notes)
        notes->push_back({"deadline.no_year", 0, 0,
                          RoleLabel(Role::kDeadline, rules) + " has no year and the notice gives none"});
      return d;
    }
    int last = DaysInMonth(y, mo);
    if (day == 0) day = last;
    if (day < 1 || day > last) break;
    d.date = IsoDate(y, mo, day);
    // The title's year (关于做好2024年度年报工作的通知, issued in 2025) that
    // puts a deadline without a year of its own before the notice's date:
    // the title names the period reviewed; the first such date on or after
    // the notice's is the deadline, said.
    if (const auto doc = d.year_source == "title" && rule.kind != "recurring" ? DocDate(years) : std::nullopt;
        doc && *d.date < ToIso(*doc) && static_cast<int>(doc->year()) > y) {
      const std::string was = *d.date;
      for (int later = y + 1; later <= static_cast<int>(doc->year()) + 1; ++later) {
        const int l = DaysInMonth(later, mo);
        d.date = IsoDate(later, mo, day == last ? l : std::min(day, l));
        if (*d.date >= ToIso(*doc)) break;
      }
      d.year_source = "date";
      if (notes)
        notes->push_back({"deadline.year_moved", 0, 0,
                          RoleLabel(Role::kDeadline, rules) + " has no year; the title's year would put it (" + was +
                              ") before the notice's date (" + ToIso(*doc) + "): read as " + *d.date});
    }
    if (rule.inferred && notes)
      notes->push_back({"deadline.inferred", 0, 0,
                        RoleLabel(Role::kDeadline, rules) + " names no day; read as " + *d.date + ": " + *d.text});
    // 每年3月31日前: the first occurrence on or after the document's date.
    if (const auto doc =
            rule.kind == "recurring" && m.Group("y").empty() ? DocDate(years) : std::nullopt) {
      // A month end stays one (每年2月底前); a day past the month's end that year
      // (每年2月29日前 in a common year) is its last day.
      auto at = [&](chr::year year) {
        const int l = DaysInMonth(static_cast<int>(year), mo);
        return year / mo / (day == last ? l : std::min(day, l));
      };
      chr::year_month_day due = at(doc->year());
      if (due < *doc) due = at(doc->year() + chr::years{1});
      d.date = ToIso(due);
      d.year_source = "date";
    }
    WarnBeforePlanYear(d, years, rules, notes);
    return d;
  }
  // A deadline read from part of the cell: the whole cell its text, said so.
  auto from_part = [&](Deadline p, std::string_view part) {
    p.text = d.text;
    if (notes)
      notes->push_back({"deadline.partial", 0, 0,
                        RoleLabel(Role::kDeadline, rules) + " read from part of the cell: " + std::string(part)});
    WarnBeforePlanYear(p, years, rules, notes);
    return p;
  };
  // A date glossed in brackets (2025年4月30日（森林防火期）, 2025年10月1日至
  // 2026年4月30日（防火期）): the date, when the gloss holds no digit (no second
  // date, no day count); and a period named before its dates (主汛期（6—8月）):
  // the dates, when the name holds none. With a warning.
  if (const auto [begin, inside] = TrailingBracket(t, rules.punct); begin != std::string_view::npos && begin > 0) {
    auto digitless = [](std::string_view s) {
      return std::none_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string_view before(t.data(), begin);
    const std::string_view part = digitless(inside) ? before : digitless(before) ? inside : std::string_view();
    Deadline p = part.empty() ? Deadline()
                              : ResolveDeadline(part, years, rules, static_cast<std::vector<Diagnostic>*>(nullptr));
    if (p.date) return from_part(std::move(p), part);
  }
  // A cell naming steps, each a period and what is done by it (2025年底前基本
  // 完成，2026年全面完成; 上半年完成试点，下半年全面推开; 7月底前主体完工；8月底
  // 前投入使用; one step alone: 2026年全面完成): each part between commas and
  // semicolons, the period opening it (deadlines.yaml step_start) or else
  // without the words closing it (step_words), is read; the last one read is
  // the task's (its last milestone), with a warning. A year printed before a
  // part is its year.
  {
    const Punctuation& pu = rules.punct;
    Deadline step;
    std::string_view step_text;
    // A period opening a part makes it a step only in a cell of several
    // parts (2025年6月30日（含6天） alone is no milestone list).
    const bool several = pu.comma.In(t) || pu.semicolon.In(t);
    ClausePieces pieces(t, pu);
    for (std::string_view piece; pieces.Next(&piece);) {
      std::string_view part = Trim(piece);
      if (const auto s = several ? rules.deadline_step_start.Find(part) : Regex::Match();
          s.found && s.begin == 0 && s.end > 0)
        part = part.substr(0, s.end);
      else if (const auto w = rules.deadline_step_words.Find(part); w.found && w.begin > 0 && w.end == part.size())
        part = Trim(part.substr(0, w.begin));
      else
        continue;  // no step: a remark (并长期坚持), read below if at all
      YearContext part_years = years;
      const int year = YearBeforeInSentence(t, static_cast<size_t>(part.data() - t.data()), rules, true);
      if (year > 0) part_years.title = year;
      Deadline p = ResolveDeadline(part, part_years, rules, static_cast<std::vector<Diagnostic>*>(nullptr));
      if (!p.date) continue;
      if (year > 0 && p.year_source == "title") p.year_source = "text";
      step = std::move(p), step_text = part;
    }
    if (step.date) return from_part(std::move(step), step_text);
  }
  // A cell naming steps (2025年9月底前启动，12月底前完成) or a date with more
  // words (2025年6月底前完成并长期坚持): the last deadline phrase written in
  // it (deadline_in_content) is the task's, with a warning; a year the cell
  // prints before it is that phrase's year.
  std::string_view last;
  if (rules.deadline_hint.Contains(t)) {
    for (size_t from = 0; from < t.size();) {
      const auto m = rules.deadline_in_content.Find(std::string_view(t).substr(from));
      if (!m.found || m.end == 0) break;
      last = std::string_view(t).substr(from + m.begin, m.end - m.begin);
      from += m.end;
    }
  }
  if (!last.empty() && last.size() < t.size()) {
    YearContext part_years = years;
    // A year that starts a clause before it (content_year, as in task text):
    // one inside a clause (对照2023年考核结果) or before 以来 is not its year.
    const int year = rules.year_in_text.Contains(last)
                         ? 0
                         : YearBeforeInSentence(t, static_cast<size_t>(last.data() - t.data()), rules, true);
    const bool year_before = year > 0;
    if (year_before) part_years.title = year;
    Deadline p = ResolveDeadline(last, part_years, rules, static_cast<std::vector<Diagnostic>*>(nullptr));
    if (p.date) {
      if (year_before) p.year_source = "text";
      return from_part(std::move(p), last);
    }
  }
  d.kind = "none";
  d.granularity.reset();
  d.year_source.reset();
  // No deadline word and a symbol no deadline is written with (刀則>: OCR
  // read a cell's strokes as characters): extraction noise, not a field.
  if (!rules.deadline_hint.Contains(printed) && printed.find_first_of("<>\\^~`@#$&*_={}[]|") != std::string::npos) {
    d.text.reset();
    if (notes)
      notes->push_back({"deadline.noise", 0, 0,
                        RoleLabel(Role::kDeadline, rules) + " cell dropped as extraction noise: " + printed});
    return d;
  }
  if (notes) notes->push_back({"deadline.unreadable", 0, 0, RoleLabel(Role::kDeadline, rules) + " not understood: " + printed});
  return d;
}

namespace {

// Hands the pages of v's storage past size() back to the system without
// moving anything (shrink_to_fit would copy every remaining element). That
// storage holds no objects; a later push_back constructs into the
// zero-filled pages the kernel gives on touch. Whole pages strictly inside
// it only, so the allocator's bookkeeping around the block is not touched.
template <typename T>
void ReleaseTail(std::vector<T>& v) {
#ifdef __linux__
  static const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<uintptr_t>(v.data() + v.size());
  const auto end = reinterpret_cast<uintptr_t>(v.data() + v.capacity());
  const uintptr_t from = (begin + page - 1) & ~(page - 1), to = end & ~(page - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
#else
  (void)v;
#endif
}

// A stage's notes (ResolveDeadline) onto the task, with the task's lines.
void WarnAll(Task& t, std::vector<Diagnostic>& notes) {
  for (Diagnostic& n : notes) t.Warn(std::move(n.code), std::move(n.message));
  notes.clear();
}

}  // namespace

namespace {

// The people of a 牵头领导 / 责任人 cell: names parted by the list, comma and
// semicolon marks (punctuation.yaml) or '/', or by spaces unless every spaced
// piece is one character (a name letter-spaced, 张  三) or the pieces are a
// name and a post (李明 副县长, 县长 孙志刚: units.yaml person), one person.
std::vector<std::string> SplitLeaders(std::string_view cell, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  std::vector<std::string> out;
  std::vector<std::string> pieces;  // the spaced pieces of the current name
  std::string piece;
  auto end_piece = [&] {
    if (!piece.empty()) pieces.push_back(std::move(piece));
    piece.clear();
  };
  auto end_name = [&] {
    end_piece();
    const bool spaced = pieces.size() > 1 && std::all_of(pieces.begin(), pieces.end(),
                                                         [](const std::string& p) { return CharCount(p) == 1; });
    const bool with_post = pieces.size() == 2 && rules.unit_person.Contains(pieces[0]) !=
                                                     rules.unit_person.Contains(pieces[1]);
    if (spaced) {
      std::string name;
      for (const auto& p : pieces) name += p;
      out.push_back(std::move(name));
    } else if (with_post) {
      out.push_back(pieces[0] + " " + pieces[1]);
    } else {
      for (auto& p : pieces) out.push_back(std::move(p));
    }
    pieces.clear();
  };
  // A separator inside brackets is the post's (周涛（县委常委、副县长）), no
  // second name's start.
  int depth = 0;
  for (size_t i = 0; i < cell.size();) {
    const size_t at = i;
    const char32_t c = NextChar(cell, i);
    if (pu.opens.Has(c)) ++depth;
    else if (pu.closes.Has(c) && depth > 0) --depth;
    if (depth == 0 && (c == '/' || pu.enumeration.Has(c) || pu.comma.Has(c) || pu.semicolon.Has(c))) end_name();
    else if (depth == 0 && IsSpace(c)) end_piece();
    else piece.append(cell.substr(at, i - at));
  }
  end_name();
  return out;
}

// Appends `text` to the task's remarks, after what they hold.
void AddRemark(Task& t, std::string_view text, const Rules& rules) {
  if (text.empty()) return;
  t.remarks = t.remarks && !t.remarks->empty() ? *t.remarks + rules.punct.clause_joiner + std::string(text)
                                               : std::string(text);
}

// Appends the names `more` to the task's leaders, each once; a phone number
// given as a person (联系人：陈刚，13905912345) to its remarks.
void AddLeaders(Task& t, const std::vector<std::string>& more, const Rules& rules) {
  // A name holds a character of a word (a bracket left over from a clause cut
  // round a contact, 县商务局（牵头）联系人：…, is none): else dropped, said.
  auto worded = [](std::string_view n) {
    for (size_t i = 0; i < n.size();) {
      const char32_t c = NextChar(n, i);
      if (IsHan(c) || (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)))) return true;
    }
    return false;
  };
  for (const auto& n : more)
    if (!worded(n))
      t.Warn("cell.unreadable", "unreadable leader dropped: " + n);
    else if (IsPhoneNumber(n, rules))
      AddRemark(t, n, rules);
    else if (std::find(t.leaders.begin(), t.leaders.end(), n) == t.leaders.end())
      t.leaders.push_back(n);
}

// A 备注 naming the lead of a row that names none (县财政局牵头, 牵头单位：
// 县财政局, as a note under the header says 备注栏标明牵头单位): that unit
// leads, the row's others support, said on the row. Only a unit the row
// names: a bare 牵头, or a lead the unit cell does not name, changes nothing.
void LeadFromNote(const Row& row, const Rules& rules, Task& t) {
  if (row.note.empty() || t.units.empty() || !t.lead_units.empty() || !t.support_units.empty()) return;
  const std::string_view note = row.note.text;
  if (std::none_of(rules.role_words.begin(), rules.role_words.end(), [&](const auto& w) {
        return w.second == ClauseRole::kLead && !w.first.empty() && note.find(w.first) != std::string_view::npos;
      }))
    return;
  Assignment a;
  const UnitList named = ParseClause(note, rules, &a) && !a.lead.empty() ? ResolveAssignment(a, rules)
                                                                          : NormalizeUnits(note, rules);
  if (named.lead.empty() || !named.warnings.empty()) return;
  // Only units the row names (县政府分管领导牵头, 此项由县水利局牵头，纳入考核:
  // a person, or words around the clause, lead no unit of the row's).
  for (const std::string& n : named.lead)
    if (std::find(t.units.begin(), t.units.end(), n) == t.units.end()) return;
  std::vector<std::string> support;
  for (const std::string& n : t.units)
    if (std::find(named.lead.begin(), named.lead.end(), n) == named.lead.end()) support.push_back(n);
  t.lead_units = named.lead;
  t.support_units = std::move(support);
  t.Warn("units.lead_from_note", RoleLabel(Role::kLead, rules) + " taken from " + RoleLabel(Role::kNote, rules) + ": " +
                                     row.note.text);
}

// A leader cell opening with a key that names a person in charge (责任人：张三,
// 负责人：王五: clauses.yaml person, or a leader's header name that no clause
// key names otherwise) without that key: the names after it are the leaders.
// Whom to ask (联系人：, a contact's key) stays, the remarks'.
std::string_view WithoutPersonKey(std::string_view cell, const Rules& rules) {
  if (!rules.punct.colon.In(cell)) return cell;
  const auto kv = rules.clause_key_value.Find(cell);
  if (!kv.found || Trim(kv.Group("value")).empty()) return cell;
  // The key opens the cell: one inside a bracket after a name (王五（负责人：
  // 李四）) is no key of the cell's, whether the match starts at the key or
  // takes the name and bracket in.
  const std::string_view key = kv.Group("key");
  if (!Trim(cell.substr(0, static_cast<size_t>(key.data() - cell.data()))).empty() ||
      rules.punct.opens.In(key) || rules.punct.other_opens.In(key))
    return cell;
  const ClauseRole role = KeyRole(key, rules);
  const bool person =
      role == ClauseRole::kPerson || (role == ClauseRole::kNone && HeaderRole(key, rules) == Role::kLeader);
  return person ? Trim(kv.Group("value")) : cell;
}

// The row's cells kept beside its fields: leaders and remarks. Damaged text
// (U+FFFD, (cid:NN)) is dropped with a warning, never kept.
void KeepBeside(const Row& row, const Rules& rules, Task& t) {
  if (!row.leader.empty()) {
    if (HasDamageMarkers(row.leader.text))
      t.Warn("cell.unreadable", "unreadable " + RoleLabel(Role::kLeader, rules) + " cell dropped: " + row.leader.text);
    else {
      // Whom to ask (联系人：孙强, a body clause's contact): remarks, no leader.
      std::vector<std::string> contacts;
      AddLeaders(t, SplitLeaders(TakeKeyedContacts(WithoutPersonKey(row.leader.text, rules), rules, &contacts), rules),
                 rules);
      for (const std::string& c : contacts) AddRemark(t, c, rules);
    }
  }
  if (!row.note.empty()) {
    if (HasDamageMarkers(row.note.text))
      t.Warn("cell.unreadable", "unreadable " + RoleLabel(Role::kNote, rules) + " cell dropped: " + row.note.text);
    else
      AddRemark(t, HasSpace(row.note.text) ? JoinCjkSpaces(row.note.text) : row.note.text, rules);
  }
}

// A table's group label as a title: its heading marker (一、 1.) split off as
// the number, one closing full stop dropped (一、做好财政信息公开。 -> 一,
// 做好财政信息公开); the rest kept whole, unlike a body title, since the
// label is all the row has of it.
void LabelAsTitle(std::string_view label, const Rules& rules, std::string& no, std::string& title) {
  if (Trim(label).empty()) return;
  label = Trim(label);
  // A group row's number and title in two cells (一 | 保障粮食安全).
  if (const size_t space = label.find(' '); space != std::string_view::npos &&
                                            CharCountUpTo(label.substr(0, space), 4) <= 3 &&
                                            rules.numerals.Value(label.substr(0, space)) > 0) {
    no = label.substr(0, space);
    label = Trim(label.substr(space + 1));
  }
  // A sub-item's number alone (1.2, read from a 序号 column): its number, no title.
  if (IsDottedNumber(label)) {
    no = label;
    return;
  }
  // The same in brackets (（一）, (2)): the numeral.
  if (const size_t o = rules.punct.marker_opens.StartLength(label), c = rules.punct.marker_closes.EndLength(label);
      o > 0 && c > 0 && o + c < label.size()) {
    const std::string_view inner = Trim(label.substr(o, label.size() - o - c));
    if (CharCountUpTo(inner, 4) <= 3 && rules.numerals.Value(inner) > 0) {
      no = inner;
      return;
    }
  }
  label = WithoutEmphasis(label, rules);  // a band's bold (**强化家校社协同育人**)
  title = HasSpace(label) ? JoinCjkSpaces(label) : std::string(label);
  if (auto h = HeadingStyle(title, rules) < 0 ? std::nullopt : MatchHeading(title, rules); h && !h->title.empty()) {
    no = h->no;
    title = h->title;
    // A count closing a group row's title (县教育局（2项）) is no part of it, as in the outline.
    title = std::string(WithoutCountRemark(title, rules));
  }
  std::string_view t = title;
  if (const size_t n = rules.punct.full_stop.EndLength(t); n && n < t.size()) title.resize(t.size() - n);
}

// The names of a unit cell that are short names the note under the table
// gives full ones for (“水务”指县水务局): the full names, in place; each
// expansion appended to *said.
void ExpandLegend(std::string& cell, const Table& table, const Rules& rules, std::string* said) {
  if (cell.empty()) return;
  std::vector<std::string_view> pieces;
  SplitTopLevel(cell, rules, &pieces);
  std::string out;
  const size_t said_before = said->size();
  size_t copied = 0;
  for (const std::string_view piece : pieces) {
    const auto it = std::find_if(table.legend.begin(), table.legend.end(),
                                 [&](const auto& entry) { return entry.first == piece; });
    if (it == table.legend.end()) continue;
    const size_t at = static_cast<size_t>(piece.data() - cell.data());
    out.append(cell, copied, at - copied).append(it->second);
    copied = at + piece.size();
    *said += (said->empty() ? "" : ", ") + it->first + " as " + it->second;
  }
  if (said->size() != said_before) cell = out.append(cell, copied);
}

}  // namespace

std::vector<Task> TasksFromTable(Table& table, const std::vector<Section>& sections,
                                 const YearContext& years, const Rules& rules) {
  std::vector<Task> tasks;
  tasks.reserve(table.rows.size());
  // A unit cell repeats down a table (the same office on many rows):
  // NormalizeUnits, a pure function of the text, runs once per distinct cell.
  // Bounded, so a big table of distinct cells holds no second copy of them.
  // Read in place (no copy of the lists): the cache is only emptied between rows.
  std::unordered_map<std::string, UnitList> unit_lists;
  const UnitList no_units = NormalizeUnits("", rules);
  auto normalize_units = [&](const std::string& cell) -> const UnitList& {
    if (cell.empty()) return no_units;
    if (auto it = unit_lists.find(cell); it != unit_lists.end()) return it->second;
    return unit_lists.emplace(cell, NormalizeUnits(cell, rules)).first->second;
  };
  // A deadline cell repeats down a table too: ResolveDeadline (pure in the
  // text, the years being the table's) runs once per distinct cell, its notes kept with it.
  // Read in place, like the unit lists.
  std::unordered_map<std::string, std::pair<Deadline, std::vector<Diagnostic>>> deadlines;
  auto resolve_deadline = [&](const std::string& cell) -> const std::pair<Deadline, std::vector<Diagnostic>>& {
    if (auto it = deadlines.find(cell); it != deadlines.end()) return it->second;
    std::vector<Diagnostic> notes;
    Deadline d = ResolveDeadline(cell, years, rules, &notes);
    if (deadlines.size() >= 256) deadlines.clear();
    return deadlines.emplace(cell, std::make_pair(std::move(d), std::move(notes))).first->second;
  };
  const bool units_lead = table.has(Role::kUnits) && table.has(Role::kSupport) && !table.has(Role::kLead);
  // The task of `row` (the table's row `id`, 1-based) into t, in place.
  auto make_task = [&](Row& row, int id, Task& t) {
    t.id = id;
    t.seq = row.seq;
    t.first_line = row.first_line;  // before any Warn: diagnostics carry the lines
    t.last_line = row.last_line;
    std::vector<Diagnostic> notes;
    PlaceTask(sections, row.section, row.item, t);
    if (!t.section && !t.item) {  // the table's own labels (filled down above)
      LabelAsTitle(row.section_label.text, rules, t.section_no, t.section_title);
      LabelAsTitle(row.item_label.text, rules, t.item_no, t.item_title);
    } else if (!t.item) {  // in a section, under a label of its own the body does not hold
      LabelAsTitle(row.item_label.text, rules, t.item_no, t.item_title);
    }
    // A text without a space is its own JoinCjkSpaces: moved, not copied.
    if (HasSpace(row.content.text)) t.content = JoinCjkSpaces(row.content.text);
    else t.content = std::move(row.content.text);
    t.warnings = std::move(row.warnings);
    t.diagnostics = std::move(row.diagnostics);
    // A table rule OCR read as a character at the cell's edge (…部门预算。丨): no word of it.
    if (const MarkSet& marks = rules.punct.rule_marks;
        !t.content.empty() && !marks.marks().empty() && (marks.StartLength(t.content) || marks.EndLength(t.content))) {
      std::string trimmed(TrimMarks(t.content, marks));
      t.Warn("content.rule_marks", "table-rule marks removed from the content's edges: " + t.content);
      t.content = std::move(trimmed);
    }
    if (!t.content.empty()) {
      std::string_view c = t.content;
      if (rules.punct.enumeration.Ends(c) || rules.punct.comma.Ends(c))
        t.Warn("content.truncated", "content ends mid-sentence; the cell may be truncated");
    } else {
      t.Warn("content.missing", "row has no content");
    }
    if (unit_lists.size() >= 256) unit_lists.clear();
    if (!table.legend.empty()) {
      std::string said;
      for (Cell* c : {&row.units, &row.lead, &row.support}) ExpandLegend(c->text, table, rules, &said);
      if (!said.empty())
        t.Warn("units.legend", "unit names read by the note under the table (line " +
                                   std::to_string(table.legend_line) + "): " + said);
    }
    const UnitList& u = normalize_units(row.units.text);
    const UnitList& lead = normalize_units(row.lead.text);
    const UnitList& support = normalize_units(row.support.text);
    t.lead_units = !lead.units.empty() ? lead.units : u.lead;
    t.support_units = !support.units.empty() ? support.units : u.support;
    // 责任单位 beside a 配合单位 column names who leads: the responsible
    // units, as 牵头单位 beside 责任单位 makes those the supporting ones.
    if (units_lead && t.lead_units.empty() && u.lead.empty())
      for (const auto& unit : u.units)
        if (std::find(support.units.begin(), support.units.end(), unit) == support.units.end())
          t.lead_units.push_back(unit);
    t.units = MergeUnits(u.units, t.lead_units, t.support_units);
    t.units_open = u.open || lead.open || support.open;
    // A row naming no unit under a group row that names only units (一、县教育局
    // （2项）: the tasks listed by who does them): the group's units.
    if (t.units.empty())
      for (const std::string* title : {&t.item_title, &t.section_title})
        if (const Assignment named = title->empty() ? Assignment() : HeadingUnits(*title, rules); named.found) {
          const UnitList& g = normalize_units(named.units);
          t.units = g.units;
          t.units_open = g.open;
          t.Warn("units.from_group", RoleLabel(Role::kUnits, rules) + " taken from the group row: " + *title);
          break;
        }
    for (const auto* l : {&u, &lead, &support}) {
      for (const Diagnostic& w : l->warnings) t.Warn(w.code, w.message);
      AddLeaders(t, l->persons, rules);
    }
    KeepBeside(row, rules, t);
    for (const auto* l : {&u, &lead, &support})
      for (const std::string& c : l->contacts) AddRemark(t, c, rules);
    LeadFromNote(row, rules, t);
    if (row.deadline.empty() && !row.note.empty() && ClassifyCell(row.note.text, rules) == CellShape::kDeadline) {
      t.deadline = ResolveDeadline(row.note.text, years, rules, &notes);
      WarnAll(t, notes);
      t.Warn("deadline.from_note", RoleLabel(Role::kDeadline, rules) + " taken from " + RoleLabel(Role::kNote, rules) +
                                       ": " + row.note.text);
    } else {
      const auto& [deadline, deadline_notes] = resolve_deadline(row.deadline.text);
      t.deadline = deadline;
      for (const Diagnostic& n : deadline_notes) t.Warn(n.code, n.message);
    }
    // A unit cell written as a clause that names a deadline too: the row's
    // own deadline cell wins; without one the clause's is the task's.
    for (const auto* l : {&u, &lead, &support}) {
      if (l->deadline.empty()) continue;
      const std::string units_label = RoleLabel(Role::kUnits, rules), label = RoleLabel(Role::kDeadline, rules);
      if (!t.deadline.text) {
        t.deadline = ResolveDeadline(l->deadline, years, rules, &notes);
        WarnAll(t, notes);
        t.Warn("deadline.from_units", label + " taken from " + units_label + ": " + l->deadline);
      } else if (RemoveSpaces(*t.deadline.text) != RemoveSpaces(l->deadline)) {
        t.Warn("deadline.in_units", units_label + " also names a " + label + " (" + l->deadline + "); kept the " +
                                        label + " column's");
      }
      break;
    }
  };
  // A row linked to no section or item (a notice without a numbered outline,
  // or labels the body does not hold) keeps its table's own group labels as
  // its section and item titles: nothing printed is lost. Labels are merged
  // cells: they fill down, and a section label ends the item label above it.
  {
    const std::string *section_label = nullptr, *item_label = nullptr;
    for (Row& r : table.rows) {
      // A garbled label (dropped with a warning) still starts its group: the
      // rows under it are not the group above's.
      if (!r.section_label.empty()) section_label = &r.section_label.text, item_label = nullptr;
      else if (r.section_label.garbled) section_label = nullptr, item_label = nullptr;
      // A row numbered as the groups are (4 after 3.1, 3.2) is in none of them.
      else if (r.seq && r.item_label.empty() && item_label && IsDottedNumber(*item_label))
        section_label = nullptr, item_label = nullptr;
      if (!r.item_label.empty()) item_label = &r.item_label.text;
      else if (r.item_label.garbled) item_label = nullptr;
      if (r.section || r.item) continue;
      if (r.section_label.empty() && section_label) r.section_label.text = *section_label;
      if (r.item_label.empty() && item_label) r.item_label.text = *item_label;
    }
  }
  // A table of up to kReleaseEvery rows hands no pages back (below): its
  // tasks are made in order, each in its place (no move, no reversal).
  constexpr size_t kReleaseEvery = 1024;
  if (table.rows.size() <= kReleaseEvery) {
    for (size_t k = 0; k < table.rows.size(); ++k) make_task(table.rows[k], static_cast<int>(k) + 1, tasks.emplace_back());
    std::vector<Row>().swap(table.rows);
    return tasks;
  }
  // Last row first: each row is destroyed once its task is made and the
  // rows' pages go back as they empty (ReleaseTail), so the rows and the
  // tasks of a big table (460 and 570 bytes each) are not both held whole.
  // Rows are independent here; the tasks are put back in order at the end.
  while (!table.rows.empty()) {
    Task t;
    make_task(table.rows.back(), static_cast<int>(table.rows.size()), t);
    tasks.push_back(std::move(t));
    table.rows.pop_back();
    // Not at 0: the vector is freed just below, and pages handed back then
    // come back as page faults in the next table's allocations.
    if (!table.rows.empty() && table.rows.size() % kReleaseEvery == 0) ReleaseTail(table.rows);
  }
  std::reverse(tasks.begin(), tasks.end());
  std::vector<Row>().swap(table.rows);
  return tasks;
}

UnitList ResolveAssignment(const Assignment& a, const Rules& rules) {
  UnitList u = NormalizeUnits(a.units, rules), lead = NormalizeUnits(a.lead, rules),
           support = NormalizeUnits(a.support, rules);
  // A party committee's office closing the lead list gives the committee's
  // offices of the other lists their committee (牵头单位：县委宣传部；配合单位：
  // 网信办 -> 县委网信办), as within one list; a level alone does not go
  // on (牵头单位：区财政局 / 责任单位：…，税务局 stays 税务局).
  if (!lead.units.empty() && (!support.units.empty() || !u.units.empty())) {
    UnitCarry carry;
    std::string buf;
    for (const std::string& n : lead.units) CarryLevel(n, carry, rules, &buf);
    carry.level = carry.committee.empty() ? std::string() : carry.level;
    for (UnitList* l : {&u, &support}) {
      UnitCarry c = carry;
      for (std::string& n : l->units) {
        if (c.committee.empty()) break;
        if (CarryLevel(n, c, rules, &buf).data() != buf.data() || !StartsWith(buf, c.committee))
          continue;
        for (auto* roled : {&l->lead, &l->support, &l->guide})
          std::replace(roled->begin(), roled->end(), n, buf);
        n = buf;
      }
    }
  }
  std::vector<std::string> leads = lead.units, supports = support.units;
  leads.insert(leads.end(), u.lead.begin(), u.lead.end());
  supports.insert(supports.end(), u.support.begin(), u.support.end());
  std::unordered_set<std::string> roled(leads.begin(), leads.end());
  roled.insert(supports.begin(), supports.end());
  roled.insert(u.guide.begin(), u.guide.end());
  // Beside 牵头 the other named units support; beside 配合 they lead.
  if (!leads.empty()) {
    for (const auto& n : u.units)
      if (!roled.count(n)) supports.push_back(n);
  } else if (!supports.empty()) {
    for (const auto& n : u.units)
      if (!roled.count(n)) leads.push_back(n);
  }
  auto dedupe = [](std::vector<std::string>& v) {
    std::unordered_set<std::string> s;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const std::string& x) { return !s.insert(x).second; }), v.end());
  };
  dedupe(leads), dedupe(supports);
  // A unit that leads does not also support (牵头：县委宣传部、县委网信办；
  // 配合：网信办 gives 县委网信办 once, as lead, after the committee carry).
  std::unordered_set<std::string_view> leading(leads.begin(), leads.end());
  std::erase_if(supports, [&](const std::string& n) { return leading.count(n) > 0; });
  UnitList out;
  out.lead = leads;
  out.support = supports;
  out.guide = u.guide;
  out.units = MergeUnits(u.units, leads, supports);
  out.open = u.open || lead.open || support.open;
  for (const auto* l : {&u, &lead, &support}) {
    out.warnings.insert(out.warnings.end(), l->warnings.begin(), l->warnings.end());
    out.persons.insert(out.persons.end(), l->persons.begin(), l->persons.end());
    out.contacts.insert(out.contacts.end(), l->contacts.begin(), l->contacts.end());
  }
  return out;
}

namespace {

void ApplyAssignment(const Assignment& a, const YearContext& years, const Rules& rules, Task* t) {
  UnitList u = ResolveAssignment(a, rules);
  t->units = u.units, t->lead_units = u.lead, t->support_units = u.support;
  t->units_open = u.open;
  AddLeaders(*t, u.persons, rules);
  for (const std::string& c : u.contacts) AddRemark(*t, c, rules);
  for (const Diagnostic& w : u.warnings) t->Warn(w.code, w.message);
  if (!a.deadline.empty()) {
    std::vector<Diagnostic> notes;
    t->deadline = ResolveDeadline(a.deadline, years, rules, &notes);
    WarnAll(*t, notes);
  }
}

}  // namespace

std::vector<Task> TasksFromBody(const Grid& grid, const Table& table, const std::vector<Section>& sections,
                                const std::vector<int>& item_end_lines, const YearContext& years, const Rules& rules) {
  // The interpreted rows of the grid rows, by their first line, in order:
  // sub-items numbered inside one line (CutBody) are rows of the same line.
  std::unordered_map<int, std::vector<const Row*>> by_line;
  std::unordered_map<int, size_t> taken_at;  // how many rows of each line are taken
  for (const Row& r : table.rows) by_line[r.first_line].push_back(&r);
  // Every item by its first line, in order: the item whose lines hold a row
  // is the last one starting at or before the row's first line.
  struct ItemAt {
    int line, last;
    const Section* section;
    const Item* item;
  };
  std::vector<ItemAt> items;
  for (const auto& s : sections)
    for (const auto& it : s.items) {
      int last = it.index < static_cast<int>(item_end_lines.size()) ? item_end_lines[it.index] : it.line;
      items.push_back({it.line, std::max(last, it.line), &s, &it});
    }
  std::stable_sort(items.begin(), items.end(), [](const ItemAt& a, const ItemAt& b) { return a.line < b.line; });
  std::vector<Task> tasks;
  for (const GridRow& g : grid.rows) {
    if (g.header) continue;
    auto found = by_line.find(g.span.first_line);
    if (found == by_line.end()) continue;
    const size_t nth = taken_at[g.span.first_line]++;
    const Row& row = *found->second[nth < found->second.size() ? nth : 0];
    Task t;
    t.id = static_cast<int>(tasks.size()) + 1;
    // The item (and section) whose lines hold the row.
    const ItemAt* at = nullptr;
    auto next = std::upper_bound(items.begin(), items.end(), g.span.first_line,
                                 [](int line, const ItemAt& x) { return line < x.line; });
    if (next != items.begin() && g.span.first_line <= std::prev(next)->last) at = &*std::prev(next);
    if (at) {
      t.section = at->section->index, t.section_no = at->section->no, t.section_title = at->section->title;
      t.item = at->item->index, t.item_no = at->item->no, t.item_title = at->item->title;
      // The headings between the item and the row (a 1． over （1）) are in no
      // other field: the title names the path down to the row.
      for (const GridRow::Heading& h : g.headings) {
        if (h.title.empty()) continue;
        if (!t.item_title.empty()) t.item_title += " / ";
        t.item_title += h.title;
      }
    } else {
      // A section with no items whose own lines assign it (CutBody): the row
      // starts at its heading, or at the paragraph under it (the last
      // section headed at or before the row).
      const Section* under = nullptr;
      for (const auto& s : sections)
        if (s.line > 0 && s.line <= g.span.first_line && (!under || s.line > under->line)) under = &s;
      if (under && under->items.empty())
        t.section = under->index, t.section_no = under->no, t.section_title = under->title;
    }
    t.first_line = g.span.first_line;
    t.last_line = g.span.last_line;
    t.content = row.content.text;
    Assignment a;
    a.units = row.units.text, a.lead = row.lead.text, a.support = row.support.text, a.deadline = row.deadline.text;
    a.found = !a.units.empty() || !a.lead.empty() || !a.support.empty() || !a.deadline.empty();
    if (a.found) ApplyAssignment(a, years, rules, &t);
    KeepBeside(row, rules, t);
    // A clause written outside the row's lines covers it: after the last
    // member of its group, or in the words of the item above its sub-items.
    int before = 0, after = 0;
    bool units_out = false, deadline_out = false;  // what was taken from outside
    for (size_t k = 0; k < g.cells.size(); ++k) {
      const GridCell& c = g.cells[k];
      if (c.placeholder || c.span.first_line == 0) continue;
      if (c.span.first_line > g.span.last_line || c.span.last_line < g.span.first_line) {
        const Role role = k < table.columns.size() ? table.columns[k] : Role::kNone;
        units_out |= IsUnitRole(role), deadline_out |= role == Role::kDeadline;
      }
      if (c.span.first_line > g.span.last_line && (after == 0 || c.span.first_line < after)) after = c.span.first_line;
      if (c.span.last_line < g.span.first_line && (before == 0 || c.span.first_line < before)) before = c.span.first_line;
    }
    for (const auto& [code, message] : g.notes) t.Warn(code, message);
    // An item's own deadline under a heading that names its unit is its own.
    const std::string taken = units_out == deadline_out ? "units and deadline" : units_out ? "units" : "deadline";
    if (after > 0) {
      t.Warn("units.shared", taken + " taken from the clause after the last of the group (line " +
                                 std::to_string(after) + ")");
    } else if (before > 0) {
      // The clause is the words of the deepest heading at or above its line:
      // a 1． over the row, else the item.
      std::string of = at && before < at->line ? "section " + t.section_no : "item " + t.item_no;
      for (const GridRow::Heading& h : g.headings)
        if (h.line <= before) of = "heading " + h.no + " under item " + t.item_no;
      t.Warn("units.shared", taken + " taken from the clause of " + of + " (line " + std::to_string(before) + ")");
    }
    tasks.push_back(std::move(t));
  }
  return tasks;
}

std::vector<Task> TasksFromItems(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
                                 const std::vector<Line>& lines, const YearContext& years, const Rules& rules) {
  Grid grid = CutBody(sections, item_end_lines, lines, rules);
  Table table = Interpret(grid, rules);
  return TasksFromBody(grid, table, sections, item_end_lines, years, rules);
}

bool NamesDeadline(std::string_view text, const Rules& rules) {
  return rules.deadline_in_content.Contains(text) || rules.deadline_in_content_period.Contains(text);
}

void DeadlinesFromContent(std::vector<Task>& tasks, const YearContext& years, const Rules& rules) {
  for (auto& t : tasks) {
    if (t.deadline.text) continue;
    std::string spaceless;
    std::string content = Nfkc(RemoveSpaces(t.content, &spaceless));
    const Regex* phrases = &rules.deadline_in_content;
    auto m = phrases->Find(content);
    if (!m.found) m = (phrases = &rules.deadline_in_content_period)->Find(content);  // 2024年第三季度完成
    if (!m.found) m = (phrases = &rules.deadline_in_content_ongoing)->Find(content);  // …，长期坚持。
    if (!m.found) continue;
    // Steps in one sentence (6月底前启动，12月底前完成): the last is the
    // task's, as in a deadline cell. A later sentence is another matter.
    size_t sentence_end = content.size();
    for (const MarkSet* marks : {&rules.punct.full_stop, &rules.punct.semicolon})
      sentence_end = std::min(sentence_end, marks->Find(content, m.end));
    for (size_t from = m.end; from < sentence_end;) {
      auto next = phrases->Find(std::string_view(content).substr(from));
      if (!next.found || next.end == 0 || from + next.begin >= sentence_end) break;
      next.begin += from, next.end += from;
      from = next.end;
      m = std::move(next);
    }
    const std::string_view phrase = std::string_view(content).substr(m.begin, m.end - m.begin);
    const int year = rules.year_in_text.Contains(phrase) ? 0 : YearBeforeInSentence(content, m.begin, rules);
    YearContext phrase_years = years;
    if (year > 0) phrase_years.title = year;
    std::vector<Diagnostic> notes;
    Deadline d = ResolveDeadline(phrase, phrase_years, rules, &notes);
    if (d.kind == "none") continue;
    std::string said = RoleLabel(Role::kDeadline, rules) + " taken from the content: " + *d.text;
    if (year > 0 && d.year_source == "title") {  // the year written before it, not the plan's
      d.year_source = "text";
      said += " (its year " + std::to_string(year) + " written before it)";
      WarnBeforePlanYear(d, years, rules, &notes);  // ResolveDeadline saw that year as the plan's
    }
    t.deadline = std::move(d);
    t.Warn("deadline.from_content", said);
    // What ResolveDeadline noted (no year anywhere, a date before the plan
    // year) holds for the phrase here as in a cell.
    WarnAll(t, notes);
  }
}

void ApplyLeadMarks(std::vector<Task>& tasks, const Rules& rules, std::string_view text) {
  std::optional<bool> said;
  auto mark_of = [&](std::string_view name) { return LeadMarkOf(name, rules); };
  auto has_mark = [&](std::string_view name) { return mark_of(name) != 0; };
  // The marks off a name, when it has one; true then. A mark may be doubled
  // and on both sides (**县大数据局**: markdown's bold, the lead in bold).
  auto unmark = [&](std::string& name) {
    bool any = false;
    std::string_view v = name;
    for (std::ptrdiff_t n; (n = mark_of(v)) != 0; any = true)
      v = Trim(n > 0 ? v.substr(0, v.size() - static_cast<size_t>(n)) : v.substr(static_cast<size_t>(-n)));
    if (any) name = std::string(v);
    return any;
  };
  for (Task& t : tasks) {
    // Most tasks name no marked unit: nothing copied for them.
    if (std::none_of(t.units.begin(), t.units.end(), has_mark) &&
        std::none_of(t.lead_units.begin(), t.lead_units.end(), has_mark) &&
        std::none_of(t.support_units.begin(), t.support_units.end(), has_mark))
      continue;
    std::vector<std::string> marked, rest;
    for (auto& u : t.units) (unmark(u) ? marked : rest).push_back(u);
    for (auto& u : t.lead_units) unmark(u);
    for (auto& u : t.support_units) unmark(u);
    if (marked.empty() || !t.lead_units.empty()) continue;
    t.lead_units = std::move(marked);
    t.support_units = std::move(rest);
    if (!said) said = rules.lead_mark_note.Contains(text);
    t.Warn("units.marked_lead", *said ? "lead units are the ones marked, as the notice says"
                                      : "lead units read from their mark (the notice does not say what it means)");
  }
}

void DropUnitMarks(std::vector<Task>& tasks, const Rules& rules) {
  for (Task& t : tasks) {
    std::string dropped;
    auto strip = [&](std::string& name, bool say) {
      for (bool at_end : {true, false})
        for (size_t n; (n = SymbolAtEdge(name, at_end, rules)) != 0 && n < name.size();) {
          const size_t at = at_end ? name.size() - n : 0;
          if (say) dropped += name.substr(at, n);
          name.erase(at, n);
          name = std::string(Trim(name));
        }
    };
    for (auto& u : t.units) strip(u, true);
    if (dropped.empty()) continue;
    for (auto& u : t.lead_units) strip(u, false);
    for (auto& u : t.support_units) strip(u, false);
    t.Warn("units.mark_dropped", "a mark beside a unit name left out: " + dropped);
  }
}

void ApplyFirstIsLead(std::vector<Task>& tasks) {
  for (auto& t : tasks) {
    if (!t.lead_units.empty() || t.units.empty()) continue;
    t.lead_units = {t.units.front()};
    t.support_units.assign(t.units.begin() + 1, t.units.end());
    t.Warn("units.first_is_lead", "lead unit is the first listed, as the notice says");
  }
}

}  // namespace noticetab
