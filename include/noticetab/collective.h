// Collective units (市政府各部门, 各县区政府, 各镇街 ...): which units a
// collective form includes, and the region a notice's units belong to. The
// vocabulary is rules/collective.yaml; the level prefixes are units.yaml's.
//
// Contract: MatchCollective's pointer points into `rules` and lives as long as
// they do; everything else returned owns its strings. Nothing here throws Error
// except through a rules pattern: a Regex that passes its time or backtracking
// limit on a line throws Error(kRules) naming the rules file and line (text.h).
#ifndef NOTICETAB_COLLECTIVE_H_
#define NOTICETAB_COLLECTIVE_H_

#include <optional>
#include <string>
#include <string_view>

#include "noticetab/document.h"
#include "noticetab/rules.h"

namespace noticetab {

/// The issuer's region read from `issuer` (烟台市福山区人民政府办公室 -> 烟台市福山区);
/// "" when it does not say.
std::string IssuerRegion(std::string_view issuer, const Rules& rules);
/// IssuerRegion of the document's issuer.
std::string DocumentRegion(const Document& doc, const Rules& rules);

/// The level of a unit: 省 | 市 | 县 | 区 | 镇, or "" when its name does not say.
std::string UnitLevel(std::string_view unit, const Rules& rules);
/// The kind of a unit (a key of collective.yaml's kinds: 政府 | 镇街 | 部门), or "".
std::string UnitKind(std::string_view unit, const Rules& rules);

/// The collective form `unit` is, or nullptr for a single unit.
const CollectiveRule* MatchCollective(std::string_view unit, const Rules& rules);

/// True when the collective unit `collective`, named in a notice of `region`,
/// includes the single unit `member` (as the notice would name it: 市教育局).
bool CollectiveIncludes(std::string_view collective, std::string_view member, std::string_view region,
                        const Rules& rules);

/// `name` as a notice of `region` names it: 临沂市教育局 in 临沂市 -> 市教育局;
/// nullopt when name is qualified by another region (临沂市教育局 in 招远市:
/// a place ending in 市/县/区, then a unit that is not its 政府); other names
/// unchanged (市教育局, 沂水县政府, 玉皇庙镇). The words are collective.yaml's
/// (own_level_starts, place_ends, government_endings).
std::optional<std::string> LocalUnitName(std::string_view name, std::string_view region,
                                         const Rules& rules = BuiltinRules());

/// One name for one unit in a notice of `region`, for the views to count and
/// find it by: the region's own name before a unit is its level (柳溪县财政局
/// -> 县财政局), a town the region holds is the town, however named
/// (柳溪县城关镇, 城关镇人民政府 -> 城关镇; collective.yaml town_ends,
/// town_bodies); other names unchanged. A collective name stays as it is.
std::string CanonicalUnit(std::string_view unit, std::string_view region, const Rules& rules = BuiltinRules());

}  // namespace noticetab

#endif  // NOTICETAB_COLLECTIVE_H_
