// Stage 7, normalize: unit lists (split, open tails, shared level prefixes,
// lead/support), deadlines (ISO due date, kind), text clean-up (pandoc filters).
//
// Contract: what is returned owns its strings; Line views passed in point into
// the Source, which must outlive the call. Messages name no command-line option
// (the CLI adds its advice: src/cli/report.h FormatAdvice). Nothing here throws
// Error except through a rules pattern: a Regex that passes its time or
// backtracking limit on a line throws Error(kRules) naming the rules file and
// line (text.h).
#ifndef NOTICETAB_NORMALIZE_H_
#define NOTICETAB_NORMALIZE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/clauses.h"
#include "noticetab/document.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

/// Where a deadline without a year takes its year from, in this order.
struct YearContext {
  std::optional<int> title, date, option;
  std::optional<std::string> doc_date;  ///< 成文日期 (ISO): 每年3月31日前 is the next one on or after it
  std::optional<int> first;  ///< a title's span of years (2023—2025年) starts here: deadlines from it on are the plan's
};

struct UnitList {
  std::vector<std::string> units, lead, support;  ///< units: every name, in the order written
  std::vector<std::string> guide;                 ///< X指导: in units, neither lead nor support
  std::vector<std::string> persons;               ///< names that are people (units.yaml person): in no unit list
  /// Contact details the cell held (联系人：陈刚，13905912345; units.yaml
  /// contact_keys, phone), as written: in no unit list, the task's remarks.
  std::vector<std::string> contacts;
  bool open = false;
  /// Names dropped as unreadable (units.unreadable), table-rule marks cut
  /// from a name (units.rule_marks); no lines (the cell's are the row's).
  std::vector<Diagnostic> warnings;
  /// A deadline the cell names as well (牵头单位：X；配合单位：Y，6月底前完成),
  /// as printed; "" when none. The task's deadline cell decides what is kept.
  std::string deadline;
};

/// The cell without the contact details written into it (units.yaml
/// contact_keys, phone): a bracket holding a contact key or a phone number
/// (县城市管理局（联系人：陈刚，13905912345）) loses all but its role words
/// (（牵头，联系人：…） is （牵头）); a part opening with a contact key
/// (，联系人：黄志明) goes to the cell's end; a phone number goes with the
/// person's name printed before it (县市场监管局 周敏 15906661234). Each
/// appended to *contacts, as written. "" (no copy) when it holds none.
std::string TakeContacts(std::string_view cell, const Rules& rules, std::vector<std::string>* contacts);
/// Whether a line is a notice's contact line (联系人：刘晓东，联系电话：
/// 0738-8521007。): it opens with a contact key and a colon and holds a
/// phone number. It names no task's assignment.
bool IsContactLine(std::string_view line, const Rules& rules);
/// Whether a name a notice gives as a person's (联系人：陈刚，13905912345) is
/// a phone number (units.yaml phone, the whole of it): remarks, not leaders.
bool IsPhoneNumber(std::string_view name, const Rules& rules);

/// Splits a 责任单位 cell into unit names (see rules/units.yaml); role words
/// (rules/clauses.yaml) sort them into lead / support: X牵头，Y配合. Names
/// with no role word after a lead are supporting units.
UnitList NormalizeUnits(std::string_view cell, const Rules& rules);
/// Whether u names units and only whole ones: one name at least, none it
/// had to warn about, each a complete unit name (IsCompleteUnit).
bool OnlyCompleteUnits(const UnitList& u, const Rules& rules);

/// The units of a body assignment (clauses.h): lists split, role words read,
/// and 责任单位 beside a 牵头单位 taken as the supporting units.
UnitList ResolveAssignment(const Assignment& a, const Rules& rules);

/// Resolves a 完成时限 text. Unknown text keeps `text`, kind none, and adds a
/// diagnostic to *notes when given (deadline.twice, deadline.no_year,
/// deadline.unreadable; first/last line 0: the caller's task has them).
Deadline ResolveDeadline(std::string_view text, const YearContext& years, const Rules& rules,
                         std::vector<Diagnostic>* notes);
/// The same with the notes' messages only.
Deadline ResolveDeadline(std::string_view text, const YearContext& years, const Rules& rules,
                         std::vector<std::string>* warnings = nullptr);

/// The unit suffix (rules/units.yaml cut_suffixes) that `name` stops inside
/// of: 各街道办事 -> 办事处; "" when the name ends in an org suffix or in no
/// beginning of one. (cutunits.cpp)
std::string CutSuffix(std::string_view name, const Rules& rules);

/// Warns on every task that names a unit cut mid-name (code units.cut) and,
/// when at least two tasks and a quarter of them do, adds the document-level
/// warning rows.cut ("the rows look cut"), which the CLI reports as a
/// document-level problem. (cutunits.cpp)
void FlagCutUnits(Document& doc, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_NORMALIZE_H_
