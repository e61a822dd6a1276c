// The per-unit view (台账 by department): one row per (unit, task), and a
// summary per unit. Built from converted documents; consumed by writers.
//
// Contract: UnitRow and ForUnitRow point into the documents given, which must
// outlive them. The writers throw Error(kOutput) from the xlsx writer and
// Error(kUsage) for a format that writes no table; otherwise nothing here
// throws Error except through a rules pattern: a Regex that passes its time or
// backtracking limit on a line throws Error(kRules) naming the rules file and
// line (text.h).
#ifndef NOTICETAB_BYUNIT_H_
#define NOTICETAB_BYUNIT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"

namespace noticetab {

/// One (unit, task) pair. role: lead | support | responsible.
struct UnitRow {
  std::string unit;
  std::string region;  ///< the issuer's region (collective.h DocumentRegion); "" when unknown
  std::string role;
  const Document* doc = nullptr;  ///< not owned; lives as long as the documents
  const Task* task = nullptr;     ///< not owned
};

/// Every (unit, task) pair of docs, units as normalized: grouped by (region,
/// unit) in order of first appearance, tasks in document order within a unit,
/// so two cities' 市政府办公室 stay apart.
std::vector<UnitRow> ByUnit(const std::vector<Document>& docs, const Rules& rules = BuiltinRules());

/// The columns of the per-unit flat table, in order.
const std::vector<std::string_view>& ByUnitColumns();
/// The cells of one per-unit row, in ByUnitColumns() order.
std::vector<std::string> ByUnitCells(const UnitRow& row);

/// (region, unit) -> tasks, as lead, earliest dated deadline, and the
/// collective form the unit is (collective.yaml; "" for a single unit);
/// sorted by task count (descending), then unit name.
struct UnitSummary {
  std::string unit;
  int tasks = 0, as_lead = 0;
  std::optional<std::string> earliest_deadline;  ///< ISO date
  std::string region, collective;
};
std::vector<UnitSummary> SummarizeUnits(const std::vector<Document>& docs, const Rules& rules = BuiltinRules());

/// The columns of the summary table: unit, tasks, as_lead, earliest_deadline,
/// region, collective.
const std::vector<std::string_view>& UnitSummaryColumns();

/// Writes ByUnit(docs): csv/tsv a table with ByUnitColumns() (opts.excel as
/// for the task list); json a list of row objects, one per line; jsonl one row
/// object per line; yaml a sequence of maps. Empty cells are null in the tree
/// formats, id and seq are numbers (WriteRows). REQUIRES:
/// WritesTable(TableView::kByUnit, format).
void WriteByUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                 const WriteOptions& opts);
/// Writes SummarizeUnits(docs) like WriteByUnit, or with format "text" as a
/// table aligned for a terminal (East Asian wide characters count two columns).
/// REQUIRES: WritesTable(TableView::kUnitSummary, format).
void WriteUnitSummary(std::ostream& out, std::string_view format,
                      const std::vector<Document>& docs, const WriteOptions& opts,
                      const Rules& rules = BuiltinRules());

/// One task of one unit (`units --for NAME`): how the unit is given the task.
/// how: named (责任单位, the notice gives no roles) | lead | support |
/// collective (through `via`, a collective form that includes the unit).
struct ForUnitRow {
  std::string unit;    ///< the unit as that notice names it (市教育局)
  std::string region;
  std::string how, via;
  const Document* doc = nullptr;  ///< not owned
  const Task* task = nullptr;     ///< not owned
};
/// The tasks of the unit `name` in docs, in document order. `name` is a unit
/// as notices name it (市教育局), or with its region (临沂市教育局: only the
/// notices of 临沂市). A task naming the unit itself is not listed again
/// through a collective form.
std::vector<ForUnitRow> ForUnit(const std::vector<Document>& docs, std::string_view name, const Rules& rules);
/// source, region, unit, how, via, then the task columns of ByUnitColumns().
const std::vector<std::string_view>& ForUnitColumns();
/// Writes ForUnit(docs, name) like WriteUnitSummary. REQUIRES:
/// WritesTable(TableView::kForUnit, format).
void WriteForUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                  std::string_view name, const WriteOptions& opts, const Rules& rules = BuiltinRules());

}  // namespace noticetab

#endif  // NOTICETAB_BYUNIT_H_
