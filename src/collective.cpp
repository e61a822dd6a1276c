// Collective units: the rules of collective.yaml applied to unit names.
#include "noticetab/collective.h"

#include <algorithm>

#include "noticetab/text.h"

namespace noticetab {
namespace {

// The last character of s (UTF-8), or "".
std::string_view LastChar(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return i > 0 ? s.substr(i - 1) : s.substr(s.size());
}

// Traditional and variant level characters read as the level (collective.yaml levels).
std::string CanonicalLevel(std::string_view c, const Rules& rules) {
  auto it = rules.level_names.find(c);
  return it != rules.level_names.end() ? it->second : std::string(c);
}

bool IsLevel(std::string_view c, const Rules& rules) {
  return std::any_of(rules.level_names.begin(), rules.level_names.end(), [&](const auto& kv) { return kv.second == c; });
}

bool Among(std::string_view s, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::string IssuerRegion(std::string_view issuer, const Rules& rules) {
  const Regex::Match m = rules.issuer_region.Find(issuer);
  return m.found ? std::string(m.Group("region")) : std::string();
}

std::string DocumentRegion(const Document& doc, const Rules& rules) {
  return doc.document.issuer ? IssuerRegion(*doc.document.issuer, rules) : std::string();
}

std::string UnitKind(std::string_view unit, const Rules& rules) {
  std::string kind;
  size_t best = 0;
  for (const auto& [k, endings] : rules.unit_kinds) {
    for (const std::string& e : endings) {
      if (e.size() > best && unit.ends_with(e)) {
        best = e.size();
        kind = k;
      }
    }
  }
  return kind;
}

std::string UnitLevel(std::string_view unit, const Rules& rules) {
  const bool exception = std::any_of(rules.level_exceptions.begin(), rules.level_exceptions.end(),
                                     [&](const std::string& e) { return unit.starts_with(e); });
  if (!exception) {
    for (const std::string& p : rules.level_prefixes) {
      if (unit.starts_with(p)) return CanonicalLevel(p, rules);
    }
  }
  // 兰山区人民政府: the level character before the 政府 ending.
  for (std::string_view tail : rules.government_endings) {
    if (unit.ends_with(tail)) {
      const std::string level = CanonicalLevel(LastChar(unit.substr(0, unit.size() - tail.size())), rules);
      if (IsLevel(level, rules)) return level;
    }
  }
  auto it = rules.kind_levels.find(UnitKind(unit, rules));
  return it != rules.kind_levels.end() ? it->second : "";
}

const CollectiveRule* MatchCollective(std::string_view unit, const Rules& rules) {
  for (const CollectiveRule& c : rules.collectives) {
    if (c.re.Find(unit).found) return &c;
  }
  return nullptr;
}

bool CollectiveIncludes(std::string_view collective, std::string_view member, std::string_view region,
                        const Rules& rules) {
  const CollectiveRule* c = nullptr;
  Regex::Match m;
  for (const CollectiveRule& rule : rules.collectives) {
    m = rule.re.Find(collective);
    if (m.found) {
      c = &rule;
      break;
    }
  }
  if (!c || MatchCollective(member, rules)) return false;
  const std::string kind = UnitKind(member, rules);
  const bool kind_ok = std::any_of(c->kinds.begin(), c->kinds.end(),
                                   [&](const std::string& k) { return k == "any" || k == kind; });
  if (!kind_ok) return false;
  const std::string level = UnitLevel(member, rules);
  const std::string issuer_level = region.empty() ? "" : CanonicalLevel(LastChar(region), rules);
  if (c->levels.empty()) {
    const std::string named = CanonicalLevel(m.Group("level"), rules);
    return named.empty() ? level == issuer_level || issuer_level.empty() : level == named;
  }
  return std::any_of(c->levels.begin(), c->levels.end(), [&](const std::string& l) {
    if (l == "any") return true;
    // A notice of unknown region: 各部门 may be any level's.
    if (l == "issuer") return issuer_level.empty() || level == issuer_level;
    return level == CanonicalLevel(l, rules);
  });
}

std::optional<std::string> LocalUnitName(std::string_view name, std::string_view region, const Rules& rules) {
  if (!region.empty() && name.starts_with(region) && name.size() > region.size()) {
    return std::string(LastChar(region)) + std::string(name.substr(region.size()));
  }
  // A name in the notices' own form starts with its level (市教育局, 县市场监管局).
  for (std::string_view level : rules.own_level_starts) {
    if (name.starts_with(level)) return std::string(name);
  }
  // Else the first 市/县/区 after at least one character ends a place name.
  size_t i = 0, chars = 0;
  while (i < name.size()) {
    const size_t start = i;
    NextChar(name, i);
    const std::string_view c = name.substr(start, i - start);
    if (chars++ > 0 && Among(c, rules.place_ends)) break;
  }
  const std::string_view rest = name.substr(i);
  const bool own_government = rest.empty() || Among(rest, rules.government_endings);
  if (!region.empty() && !own_government && i < name.size()) return std::nullopt;
  return std::string(name);
}

// The bytes of the place `s` opens (兰山区 of 兰山区人民政府, 城关镇 of
// 城关镇卫生院): a name of two or three characters, then a place's or a
// town's end; 0 when it opens none (住房和城乡建设局: 乡 ends no place name).
size_t OwnPlace(std::string_view s, const Rules& rules) {
  size_t i = 0;
  for (int chars = 0; i < s.size() && chars < 4; ++chars) {
    const size_t at = i;
    NextChar(s, i);
    if (chars < 2) continue;
    for (const auto* ends : {&rules.place_ends, &rules.town_ends})
      for (const std::string& e : *ends)
        if (s.substr(at).starts_with(e)) return at + e.size();
  }
  return 0;
}

std::string CanonicalUnit(std::string_view unit, std::string_view region, const Rules& rules) {
  if (MatchCollective(unit, rules)) return std::string(unit);
  bool regional = !region.empty() && unit.size() > region.size() && unit.starts_with(region);
  std::string_view rest = regional ? unit.substr(region.size()) : unit;
  // A lower place after the region (临沂市兰山区人民政府, 柳溪县城关镇卫生院) is
  // that place's unit, no unit of the region's level; a place inside it
  // (兰山区兰山街道办事处) is the inner place's.
  if (regional && OwnPlace(rest, rules) > 0) {
    regional = false;
    while (const size_t p = OwnPlace(rest, rules))
      if (p < rest.size() && OwnPlace(rest.substr(p), rules) > 0) rest.remove_prefix(p);
      else break;
  }
  std::string_view town = rest;
  for (const std::string& body : rules.town_bodies)
    if (town.size() > body.size() && town.ends_with(body)) {
      town.remove_suffix(body.size());
      break;
    }
  // A town of its own name (城关镇, not 乡镇 or 有关乡镇, nor a level's 县):
  // two characters or more before its end (so no region word: 乡镇, 街道),
  // the last no town's end itself, none of them a level's own start.
  for (const std::string& end : rules.town_ends)
    if (town.ends_with(end)) {
      const std::string_view name = town.substr(0, town.size() - end.size());
      if (CharCountUpTo(name, 2) >= 2 &&
          std::none_of(rules.town_ends.begin(), rules.town_ends.end(),
                       [&](const std::string& e) { return name.ends_with(e); }) &&
          std::none_of(rules.own_level_starts.begin(), rules.own_level_starts.end(),
                       [&](const std::string& l) { return town.starts_with(l); }))
        return std::string(town);
    }
  if (regional) return std::string(LastChar(region)) + std::string(rest);
  return std::string(rest);
}

}  // namespace noticetab
