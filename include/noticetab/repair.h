// Stage 5, repair: join what page breaks and cell wrapping split, fill merged
// cells (cmark phase 2). Every repair leaves a warning on the row.
//
// Contract: both work in place on a Table that owns its strings. Nothing here
// throws Error except through a rules pattern: a Regex that passes its time or
// backtracking limit on a line throws Error(kRules) naming the rules file and
// line (text.h).
#ifndef NOTICETAB_REPAIR_H_
#define NOTICETAB_REPAIR_H_

#include <vector>

#include "noticetab/document.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

/// Before link: joins content rows broken across a page break or wrapped
/// into a row of their own, and unit / deadline cells whose text a merged
/// cell spread over two rows ("2023年" + "12月底前", "市生态环" + "境局…").
void RepairTable(Table& table, const Rules& rules);

/// After link (REQUIRES rows carry item/section): an empty unit or deadline
/// cell under a merged cell takes the merged cell's text from the nearest row
/// above of the same item (a merged cell fills down from the first row of its
/// span, never up nor across a group row). Garbled cells stay empty. The
/// warning names the column as rules' RoleLabel does.
/// A table whose rows are grouped by unit (its unit column left of its
/// content: 序号 | 责任单位 | 重点工作) gives a group's unit once: an empty
/// unit cell takes the nearest one above, warned as inferred.
void FillMergedCells(Table& table, const Rules& rules = BuiltinRules());

/// After link: a table whose one label column gives each row a label of
/// its own (none shared, each a text) and where some row is linked to an
/// item whose title is not its label (| 目标任务 | 具体措施 | under body items
/// of other words): each row's label opens its content (the column names
/// the tasks, not groups of them; its words were in no field), the rows are
/// linked again, and the table warned table.labels_joined. True when so.
bool JoinLostLabels(Table& table, const std::vector<Section>& sections, const Rules& rules);

/// Before FillBlanksAsAbove, on every table (native ones too): an empty
/// deadline cell of a task row under a group label that sets a deadline
/// (一、完成时限：2025年6月底前, 二、规范信息发布（2025年10月底前完成）: clauses.h
/// HeadingDeadline) takes it, warned deadline.from_group. The nearest label
/// (the item's, then the section's) counts.
void DeadlinesFromLabels(Table& table, const Rules& rules = BuiltinRules());

/// Before FillMergedCells, on every table (native ones too): when the table's
/// note says a blank cell is as the row above's (Table::blank_as_above_line),
/// each empty unit and deadline cell of a task row takes the nearest one
/// above, with a warning naming the note. Garbled cells stay empty.
void FillBlanksAsAbove(Table& table, const Rules& rules = BuiltinRules());

}  // namespace noticetab

#endif  // NOTICETAB_REPAIR_H_
