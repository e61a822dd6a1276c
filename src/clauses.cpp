#include "noticetab/clauses.h"

#include <algorithm>

#include "noticetab/classify.h"
#include "noticetab/text.h"
#include "stages.h"

namespace noticetab {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsOpenBracket(char32_t c) { return c == U'(' || c == U'（' || c == U'[' || c == U'〔' || c == U'【'; }
bool IsCloseBracket(char32_t c) { return c == U')' || c == U'）' || c == U']' || c == U'〕' || c == U'】'; }

// Punctuation that ends a run of units after a role word.
bool IsRunBreak(std::string_view rest) {
  for (std::string_view p : {"，", ",", "；", ";", "、", "。", ".", " ", "\t", "　"})
    if (StartsWith(rest, p)) return true;
  return rest.empty();
}

void Add(std::string* field, std::string_view value, std::string_view joiner = "、") {
  std::string v(Trim(value));
  while (!v.empty() && (v.ends_with("。") || v.ends_with("；") || v.ends_with("，"))) v.resize(v.size() - 3);
  while (!v.empty() && (v.ends_with(".") || v.ends_with(";") || v.ends_with(","))) v.pop_back();
  v = std::string(Trim(v));
  if (v.empty()) return;
  if (!field->empty()) *field += joiner;
  *field += v;
}

void Merge(const Assignment& from, Assignment* to) {
  Add(&to->units, from.units, "；");
  Add(&to->lead, from.lead);
  Add(&to->support, from.support);
  Add(&to->deadline, from.deadline);
  to->persons.insert(to->persons.end(), from.persons.begin(), from.persons.end());
  for (auto [f, t] : {std::pair{&from.units_key, &to->units_key}, {&from.lead_key, &to->lead_key},
                      {&from.support_key, &to->support_key}, {&from.deadline_key, &to->deadline_key}})
    if (t->empty()) *t = *f;
  to->found |= from.found;
}

// Merge, noting that the fields `from` fills came from lines [first, last].
void MergeAt(const Assignment& from, Assignment* to, int first, int last) {
  auto cover = [&](const std::string& field, Assignment::From& at) {
    if (!field.empty()) at.Cover(first), at.Cover(last);
  };
  cover(from.units, to->units_from), cover(from.lead, to->lead_from);
  cover(from.support, to->support_from), cover(from.deadline, to->deadline_from);
  Merge(from, to);
}

bool IsDeadline(std::string_view s, const Rules& rules) { return ClassifyCell(s, rules) == CellShape::kDeadline; }

// "Y，6月底前完成": a value whose last comma-piece is a deadline gives it up.
std::string TakeDeadline(std::string_view value, const Rules& rules, Assignment* a) {
  std::string v(Trim(value));
  for (std::string_view comma : {"，", ","}) {
    size_t p = v.rfind(comma);
    if (p != std::string::npos && IsDeadline(std::string_view(v).substr(p + comma.size()), rules)) {
      Add(&a->deadline, std::string_view(v).substr(p + comma.size()));
      v.resize(p);
      break;
    }
  }
  return v;
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
    for (const auto& n : names) complete += IsCompleteUnit(n, rules) && CharCount(n) <= 30;
    if (roles ? complete == 0 : complete != names.size()) return false;
  }
  return !runs.empty();
}

// The clause in brackets that closes s (after an optional 。；), brackets
// nested inside it allowed: its begin and its inside. begin npos when none.
std::pair<size_t, std::string_view> TrailingBracket(std::string_view s) {
  std::string_view t = Trim(s);
  for (std::string_view end : {"。", "；", ";", "."})
    if (t.ends_with(end)) t = Trim(t.substr(0, t.size() - end.size()));
  std::vector<size_t> starts;  // offsets of code points, to walk back
  size_t i = 0;
  while (i < t.size()) {
    starts.push_back(i);
    NextChar(t, i);
  }
  if (starts.empty()) return {std::string_view::npos, {}};
  size_t k = starts.size() - 1, p = starts[k];
  char32_t last = NextChar(t, p);
  if (!IsCloseBracket(last)) return {std::string_view::npos, {}};
  int depth = 0;
  for (size_t j = starts.size(); j-- > 0;) {
    size_t q = starts[j];
    char32_t c = NextChar(t, q);
    if (IsCloseBracket(c)) ++depth;
    if (IsOpenBracket(c) && --depth == 0) {
      size_t begin = starts[j], inner = q;
      size_t close = starts.back();
      size_t off = static_cast<size_t>(t.data() - s.data());
      return {off + begin, t.substr(inner, close - inner)};
    }
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

std::vector<RoleRun> SplitRoleRuns(std::string_view text, const Rules& rules) {
  std::vector<RoleRun> runs;
  auto push = [&](std::string_view run, ClauseRole role) {
    // Separators left between runs ("X牵头，Y配合") are not part of a name.
    std::string r(Trim(run));
    for (bool again = true; again;) {
      again = false;
      for (std::string_view p : {"，", ",", "；", ";", "、", "。"})
        if (StartsWith(r, p)) r = std::string(Trim(std::string_view(r).substr(p.size()))), again = true;
    }
    if (!r.empty()) runs.push_back({role, r});
  };
  int depth = 0;
  size_t run_start = 0, i = 0;
  while (i < text.size()) {
    if (depth == 0 && i > run_start) {
      bool matched = false;
      for (const auto& [word, role] : rules.role_words) {
        std::string_view rest = text.substr(i);
        if (StartsWith(rest, word) && IsRunBreak(rest.substr(word.size()))) {
          push(text.substr(run_start, i - run_start), role);
          i += word.size();
          run_start = i;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    char32_t c = NextChar(text, i);
    if (IsOpenBracket(c)) ++depth;
    if (IsCloseBracket(c) && depth > 0) --depth;
  }
  push(text.substr(run_start), ClauseRole::kNone);
  return runs;
}

bool ParseClause(std::string_view clause, const Rules& rules, Assignment* out) {
  static const Regex kKeyValue("^\\s*(?<key>[^:：，,；;]{2,12}?)\\s*[:：]\\s*(?<value>.*)$");
  if (rules.not_clause.Contains(clause)) return false;
  Assignment a;
  bool any = false;
  // Parts are separated by ；, e.g. 牵头单位：X；责任单位：Y，6月底完成
  std::string text(clause);
  size_t start = 0;
  while (start <= text.size()) {
    size_t semi = text.find("；", start), ascii = text.find(';', start);
    size_t end = std::min(semi, ascii);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() + 1 : end + (end == semi ? 3 : 1);
    if (Trim(part).empty()) continue;
    if (auto kv = kKeyValue.Find(part); kv.found) {
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
          std::string name(Trim(value));
          while (name.ends_with("。") || name.ends_with("；")) name.resize(name.size() - 3);
          while (name.ends_with(".") || name.ends_with(";")) name.pop_back();
          a.persons.push_back(name);
          any = true;
          continue;
        }
        case ClauseRole::kDeadline: Add(&a.deadline, value), any = true; continue;
        case ClauseRole::kLead: Add(&a.lead, TakeDeadline(value, rules, &a)), any = true; continue;
        case ClauseRole::kSupport: Add(&a.support, TakeDeadline(value, rules, &a)), any = true; continue;
        case ClauseRole::kUnits: Add(&a.units, TakeDeadline(value, rules, &a), "；"), any = true; continue;
        default: break;
      }
    }
    if (IsDeadline(part, rules)) {
      Add(&a.deadline, part);
      any = true;
      continue;
    }
    Assignment probe;
    std::string units = TakeDeadline(part, rules, &probe);
    if (!units.empty() && LooksLikeUnits(units, rules)) {
      Add(&a.units, units, "；");
      Add(&a.deadline, probe.deadline);
      any = true;
      continue;
    }
    return false;  // a part that is neither: not an assignment clause (（试行）, （以下简称…）)
  }
  if (!any) return false;
  a.found = true;
  Merge(a, out);
  return true;
}

namespace {

const Regex& KeyLine() {
  static const Regex kKeyLine("^\\s*(?<key>[\\p{Han}]{2,12})\\s*[:：]");
  return kKeyLine;
}

}  // namespace

bool IsKeyValueLine(std::string_view line, const Rules& rules) {
  // Cheap test first: a body line without a colon is no key-value line.
  if (line.find(':') == std::string_view::npos && line.find("：") == std::string_view::npos) return false;
  std::string t = JoinCjkSpaces(Trim(line));
  Assignment probe;
  auto m = KeyLine().Find(t);
  return m.found && KeyRole(m.Group("key"), rules) != ClauseRole::kNone && ParseClause(t, rules, &probe);
}

bool EndsInClause(std::string_view line, const Rules& rules) {
  // Cheap test first: only a line ending in a closing bracket (before a
  // final 。；) closes a clause.
  std::string_view end = Trim(line);
  for (std::string_view stop : {"。", "；", ";", "."})
    if (end.ends_with(stop)) end = Trim(end.substr(0, end.size() - stop.size()));
  bool close = false;
  for (std::string_view c : {")", "）", "]", "〕", "】"}) close |= end.ends_with(c);
  if (!close) return false;
  std::string t = JoinCjkSpaces(Trim(line));
  Assignment probe;
  auto [begin, inner] = TrailingBracket(t);
  return begin != std::string_view::npos && ParseClause(inner, rules, &probe);
}

Assignment ReadAssignment(const std::vector<std::string_view>& lines, const Rules& rules, std::string* content) {
  const Regex& kKeyLine = KeyLine();
  Assignment a;
  std::string text;
  std::vector<std::pair<size_t, int>> pieces;  // where each line's words begin in `text`, and the line
  bool text_after_clause = false, only_bracket_lines = true;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string t = JoinCjkSpaces(Trim(lines[k]));
    if (t.empty()) continue;
    auto note_clause = [&](bool bracket_line) {
      if (!a.found) a.clause_line = static_cast<int>(k);
      only_bracket_lines &= bracket_line;
    };
    if (auto m = kKeyLine.Find(t); m.found && KeyRole(m.Group("key"), rules) != ClauseRole::kNone) {
      Assignment line;
      if (ParseClause(t, rules, &line)) {
        note_clause(false);
        MergeAt(line, &a, static_cast<int>(k), static_cast<int>(k));
        continue;
      }
    }
    auto [begin, inner] = TrailingBracket(t);
    if (begin != std::string_view::npos) {
      Assignment clause;
      if (ParseClause(inner, rules, &clause)) {
        // A clause alone on its line (（责任单位：X）) or closing the line.
        bool alone = begin == 0;
        note_clause(alone && k > 0);
        MergeAt(clause, &a, static_cast<int>(k), static_cast<int>(k));
        if (alone) continue;
        t.erase(begin);
        t = std::string(Trim(t));
        if (!t.empty() && !EndsSentence(t)) t += "。";
      }
    }
    if (a.found) text_after_clause = true;
    if (!t.empty()) pieces.emplace_back(text.size(), static_cast<int>(k));
    text += t;
  }
  // A clause wrapped over lines closes the joined text.
  if (auto [begin, inner] = TrailingBracket(text); begin != std::string_view::npos) {
    Assignment clause;
    if (ParseClause(inner, rules, &clause)) {
      if (!a.found) a.clause_line = static_cast<int>(lines.size()) - 1;
      // The lines it spans: from the one its bracket opens on to the last.
      int from = pieces.back().second;
      for (const auto& [offset, k] : pieces)
        if (offset <= begin) from = k;
      MergeAt(clause, &a, from, pieces.back().second);
      only_bracket_lines = false;
      text.erase(begin);
      text = std::string(Trim(text));
      if (!text.empty() && !EndsSentence(text)) text += "。";
    }
  }
  a.standalone_bracket = a.found && only_bracket_lines && !text_after_clause;
  *content = text;
  return a;
}

}  // namespace noticetab
