// Stage 3, classify: lines and cells -> kinds, by rules (md4c md_analyze_line).
//
// Contract: Line views point into the Source given to ClassifyLines, which must
// outlive the lines; everything else returned owns its strings. Nothing here
// throws Error except through a rules pattern: a Regex that passes its time or
// backtracking limit on a line throws Error(kRules) naming the rules file and
// line (text.h).
#ifndef NOTICETAB_CLASSIFY_H_
#define NOTICETAB_CLASSIFY_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"

namespace noticetab {

enum class LineKind { kBlank, kJunk, kHeading, kText };

/// A heading marker found at the start of a line.
struct HeadingMatch {
  int style = -1;        ///< index into Rules::headings
  std::string no;        ///< numeral as printed
  std::string title;     ///< the rest of the line, trimmed
};

/// One classified input line. Views point into the Source.
struct Line {
  int no = 0;                  ///< 1-based line number
  std::string_view raw;        ///< the line as decoded
  std::string_view text;       ///< trimmed
  LineKind kind = LineKind::kText;
  int tabs = 0;                ///< tab characters in the line
  /// False when `text` holds no White_Space character (RemoveSpaces(text) ==
  /// text), as ClassifyLines finds in its one pass over the line; true when
  /// it does or nobody looked. Lets readers skip the spaceless copy.
  bool spaced = true;
  std::optional<HeadingMatch> heading;  ///< set for kHeading
};

/// Classifies every line of src. Lines holding tabs are table material and
/// never headings.
std::vector<Line> ClassifyLines(const Source& src, const Rules& rules);

/// The heading marker at the start of s (markdown prefixes stripped), if any.
std::optional<HeadingMatch> MatchHeading(std::string_view s, const Rules& rules);
/// MatchHeading(s, rules)->style, or -1 when it finds none; no strings made.
int HeadingStyle(std::string_view s, const Rules& rules);
/// True when the whole trimmed line is site chrome / page furniture.
bool IsJunk(std::string_view s, const Rules& rules);
/// The role a table-header cell names, or Role::kNone: a listed synonym
/// (headers.yaml roles), else the first headers.yaml shape its name fits.
Role HeaderRole(std::string_view cell, const Rules& rules);
/// The period a header name of milestones names (一季度 of 一季度目标, 上半年,
/// 3月): the `period` group of the first headers.yaml shape the name fits,
/// when that shape has one; else empty (no milestone column).
std::string MilestonePeriod(std::string_view cell, const Rules& rules);
/// The role a header name takes where no other column of its header has it
/// (headers.yaml shapes `alone`: 反馈时间 is the deadline of a table with no
/// deadline column); Role::kNone for the others.
Role RoleAlone(std::string_view cell, const Rules& rules);

/// What a table cell looks like on its own.
enum class CellShape { kEmpty, kSectionLabel, kItemLabel, kUnits, kDeadline, kText, kGarbage };
CellShape ClassifyCell(std::string_view cell, const Rules& rules);
/// The longest piece of a unit name a wrapped or cut cell leaves (区发, 县政务服务中).
constexpr size_t kLongestCutName = 8;
/// Whether a cell split into `names` (SplitTopLevel; `complete` says which
/// are complete names) is words beside a name that ends like a unit's: no
/// name opens as a unit does (its level, a collective word; after a key's
/// colon: 牵头单位：县财政局) and one that is
/// not complete is longer than a cut piece of a name. 开展学校及校外培训机构
/// 安全检查 splits at 及 into 开展学校 and words: a task, not units.
bool WordsBesideName(const std::vector<std::string_view>& names,
                     const std::function<bool(std::string_view)>& complete, const Rules& rules);

/// Splits s on the unit separators, never inside brackets. Pieces are trimmed,
/// empty pieces dropped.
std::vector<std::string> SplitTopLevel(std::string_view s, const Rules& rules);
/// The length of the lead mark (units.yaml lead_marks) name carries at its
/// end, or as a negative number at its start; 0 when none. A mark never
/// makes a whole name.
std::ptrdiff_t LeadMarkOf(std::string_view name, const Rules& rules);
/// The byte length of the symbol (Unicode So or Sm of U+2000-2FFF: a tick ✓
/// √, a bullet ●) that ends (at_end) or opens name, 0 when none. ASCII is
/// none (+ or = are no marks), nor is U+FFFD, nor are units.yaml
/// placeholder_marks (○○林场).
size_t SymbolAtEdge(std::string_view name, bool at_end, const Rules& rules);
/// name without the lead marks at its edges, each possibly doubled
/// (**县住建局**: markdown's bold), trimmed.
std::string_view WithoutLeadMarks(std::string_view name, const Rules& rules);
/// s without the emphasis marks wrapping the whole of it (**标题**, <b>…</b>:
/// headings.yaml emphasis), trimmed; s trimmed when none.
std::string_view WithoutEmphasis(std::string_view s, const Rules& rules);
/// The characters of the role keys a unit cell writes before its names
/// (牵头单位：县财政局 配合单位：县统计局: 10), colons included; 0 when a key
/// before a colon names no unit role (完成时限：, 发布时间：) or there is none.
size_t UnitKeyChars(std::string_view cell, const Rules& rules);
/// True when name (spaces and lead marks removed) reads as a complete unit
/// name: it ends in an org suffix or starts with a collective start (各 / 有关 ...).
bool IsCompleteUnit(std::string_view name, const Rules& rules);
/// True when s (lead marks removed) starts with a level prefix or a collective start.
bool StartsLikeUnit(std::string_view s, const Rules& rules);
/// The level prefix a unit name opens with (市 of 市民政局; the longest of
/// units.yaml level_prefixes), "" when none or a level exception opens it
/// (市场监管局).
std::string_view LevelPrefix(std::string_view name, const Rules& rules);
/// Whether a unit list's last piece only opens the name `next` completes
/// (县 / 市场监管局, 各乡 / 镇（街道）, 县税 / 务局): it names nobody,
/// whatever its last character says. A short name (县府), 街道, or a piece
/// before a next one with a level of its own (县 / 县政务服务中心) is none.
bool OpensNameOnly(std::string_view piece, std::string_view next, const Rules& rules);
/// True when the text holds OCR/extraction damage markers (U+FFFD, "(cid:").
bool HasDamageMarkers(std::string_view s);
/// True when text ends with sentence-final punctuation (punctuation.yaml
/// sentence_end, or a closer after closer_after: 。” ).
bool EndsSentence(std::string_view s, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_CLASSIFY_H_
