// The table interpreter: any Grid -> role rows (Table). One engine for every
// layout: header roles from the rules vocabulary and the shape of header
// names, else from what the cells are; rows shifted by merged cells aligned
// by what their cells are; cell streams cut into rows. Every role or
// alignment it had to infer is a warning on the row.
//
// Contract: the Table returned owns its strings (the Grid may go); views passed
// in are only read during the call. Nothing here throws Error except through a
// rules pattern (a Regex past its time or backtracking limit throws
// Error(kRules), text.h). The per-row pieces the readers share with it
// (PromoteContentColumn, AssignRow) are internal: src/readers/readers.h.
#ifndef NOTICETAB_INTERPRET_H_
#define NOTICETAB_INTERPRET_H_

#include <string_view>
#include <vector>

#include "noticetab/grid.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

/// Roles for the grid's cells, row by row: Table::columns from the grid's
/// header rows (or, with none, inferred from the cells, with a role.inferred
/// warning on every row), then one Row per body row; `layout`, `caption` and
/// the lines are carried over from the grid.
Table Interpret(const Grid& grid, const Rules& rules);

/// Header roles of the cells, or empty when they are not a table header
/// (two roles at least, one of them content or units/lead). Names outside the
/// vocabulary get a role by their shape; a few that have none (OtherHeaderName)
/// are note columns when the rest name the task's text and units
/// (HeaderTolerates).
std::vector<Role> HeaderRoles(const std::vector<std::string_view>& cells, const Rules& rules);
/// Whether cells are a header row naming only columns of milestones (一季度
/// | 二季度 | 三季度, blank elsewhere; MilestonePeriod): two names at least.
/// Under a header row whose merged name spans them (进度安排), it is the
/// header's second row.
bool MilestoneHeaderRow(const std::vector<std::string_view>& cells, const Rules& rules);
/// A header name no rule gives a role (佐证材料, 总投资（万元）): 2 to 8
/// characters once spaces and punctuation are gone, no digit, no sentence mark
/// or colon, not a unit list, a deadline or a numbered label; or two such
/// joined by a headers.yaml join word (存在问题及下步打算).
bool OtherHeaderName(std::string_view cell, const Rules& rules);
/// Whether a header whose `roles` hold `other` such columns (as kNote) is one:
/// three roles at least, more of them than others, naming the task's text
/// (content or label) and its units (units, lead or support).
bool HeaderTolerates(const std::vector<Role>& roles, int other);

/// What a cell is for the interpreter: ClassifyCell, except that a list of
/// unit names is units at any length (issue 17 item 6).
CellShape TypeCell(std::string_view cell, const Rules& rules);
/// True when the cell is a list of three or more names, two thirds of them
/// complete unit names, of 14 characters a name at most on average, with no
/// 。 ； or ; in it.
bool UnitLike(std::string_view cell, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_INTERPRET_H_
