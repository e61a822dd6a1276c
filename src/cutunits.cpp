// Part of stage 7, normalize: unit names cut mid-name by the extraction
// (各街道办事 for 各街道办事处) are said, never emitted silently (issue 13).
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "noticetab/normalize.h"
#include "noticetab/text.h"
#include "stages.h"

namespace noticetab {

std::string CutSuffix(std::string_view name, const Rules& rules) {
  std::string spaced;  // RemoveSpaces(name), only when it differs from name
  std::string_view n = RemoveSpaces(name, &spaced);
  if (CharCountUpTo(n, 2) < 2) return "";
  // The suffixes are compared only when n's last byte ends one of them.
  if ((rules.org_suffix_ends >> (static_cast<unsigned char>(n.back()) & 63)) & 1)
    for (const auto& suf : rules.org_suffixes)
      if (EndsWith(n, suf)) return "";
  for (const auto& full : rules.cut_suffixes) {
    // Every proper beginning of the suffix, by code point.
    size_t i = 0;
    while (true) {
      NextChar(full, i);
      if (i >= full.size()) break;
      if (EndsWith(n, std::string_view(full).substr(0, i))) return full;
    }
  }
  return "";
}

void FlagCutUnits(Document& doc, const Rules& rules) {
  if (rules.cut_suffixes.empty()) return;
  size_t cut = 0;
  std::string first;
  // A unit is named by many tasks: CutSuffix, a pure function of the name,
  // runs once per distinct name. Keys are views into the tasks' unit lists,
  // which nothing below changes. Bounded: a document of many distinct names
  // holds no second index of them all.
  std::unordered_map<std::string_view, std::string> cut_of;
  for (Task& t : doc.tasks) {
    bool any = false;
    for (const auto& n : t.units) {
      if (cut_of.size() >= 4096) cut_of.clear();
      auto [it, fresh] = cut_of.try_emplace(n);
      if (fresh) it->second = CutSuffix(n, rules);
      const std::string& full = it->second;
      if (full.empty()) continue;
      std::string message = fmt::format("unit name looks cut: {} (ends inside {}); check the source", n, full);
      t.Warn("units.cut", std::move(message));
      if (first.empty()) first = n;
      any = true;
    }
    cut += any;
  }
  if (cut >= 2 && cut * 4 >= doc.tasks.size()) {
    doc.Warn("rows.cut", fmt::format("{} of {} tasks name a unit cut mid-name (e.g. {}); the rows look cut", cut,
                                     doc.tasks.size(), first));
  }
}

}  // namespace noticetab
