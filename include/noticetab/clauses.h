// Task assignments written in the body instead of a table, read when a notice
// has no task table (the body readers' cut, src/readers/body.cpp CutBody, calls
// ReadAssignment per item and puts what it finds in grid cells; their units
// then go through NormalizeUnits): key-value lines under an item (牵头单位：X / 完成时限：Y /
// 牵头负责领导：姓名) and a clause in brackets (（X牵头，Y、Z配合） /
// （牵头单位：X；责任单位：Y，6月底完成）), at the end of a line or on a line of
// its own. The vocabulary is rules/clauses.yaml.
//
// Contract: what is returned owns its strings; the views passed in are only
// read during the call. Nothing here throws Error except through a rules
// pattern: a Regex that passes its time or backtracking limit on a line throws
// Error(kRules) naming the rules file and line (text.h).
#ifndef NOTICETAB_CLAUSES_H_
#define NOTICETAB_CLAUSES_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/rules.h"

namespace noticetab {

/// Units and deadline text found in an item's own words. Unit fields hold raw
/// lists (split later by NormalizeUnits); `units` may still carry role words
/// (X牵头，Y配合), which NormalizeUnits reads.
struct Assignment {
  std::string units, lead, support;
  std::string deadline;              ///< raw deadline text, "" when none
  std::vector<std::string> persons;  ///< 牵头负责领导 and the like: names, not units
  bool found = false;
  /// A clause opening 以上3项由 / 上述工作由 (clauses.yaml group_prefix) covers
  /// the items above it: the count it names, 0 when it names none; -1 when
  /// no clause opens so.
  int group = -1;
  /// Every clause came from lines of their own after the item's text, in
  /// brackets or key-value lines (such lines closing a group may cover the
  /// whole group).
  bool standalone_bracket = false;
  int clause_line = 0;               ///< index in the given lines of the first clause line
  /// The given lines (indexes) a field was read from, first and last; -1 when
  /// the field is empty. A clause wrapped over lines covers all of them.
  struct From {
    int first = -1, last = -1;
    void Cover(int k) { first = first < 0 ? k : std::min(first, k), last = std::max(last, k); }
    void Cover(const From& o) { if (o.first >= 0) Cover(o.first), Cover(o.last); }
  };
  From units_from, lead_from, support_from, deadline_from, persons_from;
  /// The key a field was first named by (牵头单位：X), as printed; "" when
  /// none (a clause with role words, a bare deadline).
  std::string units_key, lead_key, support_key, deadline_key;
  /// The units a scope sentence closing the clause names for the items from
  /// here on (。以下均需各县（市、区）人民政府落实，不再列出; clauses.yaml
  /// scope_note), as printed; "" when none. They are in `units` too.
  std::string scope;
  From scope_from;
};

/// Reads key-value lines among `lines` (an item's text lines, the heading's
/// title first) and clauses in brackets closing a line or the text. Returns the
/// assignment and sets *content to the item text without them.
Assignment ReadAssignment(const std::vector<std::string_view>& lines, const Rules& rules, std::string* content);

/// Where the words after a unit-list label end it (（一）区发改局：推进…): the
/// offset just after the colon when every name before it is a unit name;
/// 0 when there is none (目标任务：… is a title, not units).
size_t UnitsLabelEnd(std::string_view words, const Rules& rules);
/// Where the words after a content key end it (任务：开展… → 开展…, a listed
/// header name of the content or label column and a colon, as a numbered
/// record opens: 1．任务：…); 0 when they open with none or nothing follows.
size_t ContentKeyEnd(std::string_view words, const Rules& rules);

/// A heading's title that only names units (县教育局（3项）, 县民政局、县残联:
/// a plan listing its tasks by who does them): those units; found false for
/// any other title (words of a task, a clause with role words).
Assignment HeadingUnits(std::string_view title, const Rules& rules);

/// The deadline a heading or group row sets for what is under it: its value
/// when the title is a key's line (完成时限：2025年6月底前), or its closing
/// bracket's clause's deadline where that dates the items (规范信息发布
/// （2025年10月底前完成）; a plan period, （2021—2025年）, sets none:
/// GivesItsDeadline); "" when none.
std::string HeadingDeadline(std::string_view title, const Rules& rules);

/// A group title without the bracket that gives its rows their deadline
/// (三、2024年第一批项目（2024年6月底前开工） → 三、2024年第一批项目), trimmed:
/// what its length is judged by (a band, not a row's words). `title` itself
/// when no such bracket closes it.
std::string_view WithoutDatedBracket(std::string_view title, const Rules& rules);

/// Whether `text` holds an assignment inside a sentence (clauses.yaml inline:
/// …，由X牵头，Y配合，…) that names units.
bool InlineAssignment(std::string_view text, const Rules& rules);

/// Whether `line` opens with a clause key and its colon (牵头单位：X,
/// ●完成时限：Y, 责任领导：Z): a key-value line's shape, without reading its
/// value (cheaper than the key-value reader's detect).
bool OpensWithKey(std::string_view line, const Rules& rules);

/// Parses the inside of a clause or one key-value line into *out; false when it
/// names no units, person or deadline (then *out is unchanged).
bool ParseClause(std::string_view clause, const Rules& rules, Assignment* out);

/// A cell or line written as a keyed clause (牵头单位：X；配合单位：Y): it has a
/// colon, and ParseClause reads a unit key from it. Sets *out when given.
bool IsKeyedClause(std::string_view text, const Rules& rules, Assignment* out = nullptr);

}  // namespace noticetab

#endif  // NOTICETAB_CLAUSES_H_
