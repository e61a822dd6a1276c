#include "noticetab/clauses.h"

#include "noticetab/classify.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

std::string* Target(Role role, Assignment* a) {
  switch (role) {
    case Role::kUnits: return &a->units;
    case Role::kLead: return &a->lead;
    case Role::kSupport: return &a->support;
    case Role::kDeadline: return &a->deadline;
    default: return nullptr;
  }
}

void Add(std::string* field, std::string_view value) {
  std::string v(Trim(value));
  while (!v.empty() && (v.ends_with("。") || v.ends_with("；"))) v.resize(v.size() - 3);
  while (!v.empty() && (v.ends_with(".") || v.ends_with(";"))) v.pop_back();
  if (v.empty()) return;
  if (!field->empty()) *field += "、";
  *field += v;
}

bool IsDeadline(std::string_view s, const Rules& rules) { return ClassifyCell(s, rules) == CellShape::kDeadline; }

// "Y，6月底完成": a unit list whose last comma-piece is a deadline.
void AddUnitsAndDeadline(std::string* field, std::string_view value, const Rules& rules, Assignment* a) {
  std::string v(Trim(value));
  for (std::string_view comma : {"，", ","}) {
    size_t p = v.rfind(comma);
    if (p != std::string::npos && IsDeadline(std::string_view(v).substr(p + comma.size()), rules)) {
      Add(&a->deadline, std::string_view(v).substr(p + comma.size()));
      v.resize(p);
      break;
    }
  }
  Add(field, v);
}

}  // namespace

bool ParseClause(std::string_view clause, const Rules& rules, Assignment* out) {
  static const Regex kKeyValue("^\\s*(?<key>[^:：，,；;]{2,10}?)\\s*[:：]\\s*(?<value>.*)$");
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
    auto kv = kKeyValue.Find(part);
    if (kv.found) {
      Role role = HeaderRole(kv.Group("key"), rules);
      if (std::string* field = Target(role, out)) {
        if (role == Role::kDeadline) Add(field, kv.Group("value"));
        else AddUnitsAndDeadline(field, kv.Group("value"), rules, out);
        any = true;
        continue;
      }
    }
    if (auto m = rules.lead_clause.Find(part); m.found && !m.Group("lead").empty()) {
      Add(&out->lead, m.Group("lead"));
      AddUnitsAndDeadline(&out->support, m.Group("support"), rules, out);
      any = true;
      continue;
    }
    if (IsDeadline(part, rules)) {
      Add(&out->deadline, part);
      any = true;
    }
  }
  out->found |= any;
  return any;
}

Assignment ReadAssignment(const std::vector<std::string_view>& lines, const Rules& rules, std::string* content) {
  static const Regex kKeyLine("^\\s*(?<key>[\\p{Han}]{2,10})\\s*[:：]");
  // A clause in brackets that closes the text, naming units or a deadline.
  static const Regex kTrailing("[（(](?<c>[^（）()]{2,160})[）)]\\s*[。；;]?$");
  Assignment a;
  std::string text;
  for (auto line : lines) {
    std::string_view t = Trim(line);
    if (auto m = kKeyLine.Find(t); m.found && HeaderRole(m.Group("key"), rules) != Role::kNone &&
                                   HeaderRole(m.Group("key"), rules) != Role::kLabel &&
                                   HeaderRole(m.Group("key"), rules) != Role::kContent) {
      if (ParseClause(t, rules, &a)) continue;
      // 牵头领导：… / 备注：… name no unit but are not task text either.
      if (HeaderRole(m.Group("key"), rules) == Role::kNote) continue;
    }
    // A bracketed clause alone on its line (（责任单位：X）) applies to the item.
    std::string compact = JoinCjkSpaces(t);
    if (auto m = kTrailing.Find(compact); m.found && m.begin == 0 && ParseClause(m.Group("c"), rules, &a)) continue;
    text += compact;
  }
  if (auto m = kTrailing.Find(text); m.found) {
    std::string inner(m.Group("c"));
    Assignment clause;
    if (ParseClause(inner, rules, &clause)) {
      for (auto [from, to] : {std::pair{&clause.units, &a.units}, {&clause.lead, &a.lead},
                              {&clause.support, &a.support}, {&clause.deadline, &a.deadline}})
        Add(to, *from);
      a.found = true;
      text.erase(m.begin);
      if (!text.empty() && !EndsSentence(text)) text += "。";
    }
  }
  *content = text;
  return a;
}

}  // namespace noticetab
