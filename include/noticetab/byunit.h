// The per-unit view (台账 by department): one row per (unit, task), and a
// summary per unit. Built from converted documents; consumed by writers.
#ifndef NOTICETAB_BYUNIT_H_
#define NOTICETAB_BYUNIT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"

namespace noticetab {

/// One (unit, task) pair. role: lead | support | responsible.
struct UnitRow {
  std::string unit;
  std::string role;
  const Document* doc = nullptr;  ///< not owned; lives as long as the documents
  const Task* task = nullptr;     ///< not owned
};

/// Every (unit, task) pair of docs, units as normalized: grouped by unit in
/// order of first appearance, tasks in document order within a unit.
std::vector<UnitRow> ByUnit(const std::vector<Document>& docs);

/// The columns of the per-unit flat table, in order.
const std::vector<std::string_view>& ByUnitColumns();
/// The cells of one per-unit row, in ByUnitColumns() order.
std::vector<std::string> ByUnitCells(const UnitRow& row);

/// unit -> tasks, as lead, earliest dated deadline; sorted by task count
/// (descending), then unit name.
struct UnitSummary {
  std::string unit;
  int tasks = 0, as_lead = 0;
  std::optional<std::string> earliest_deadline;  ///< ISO date
};
std::vector<UnitSummary> SummarizeUnits(const std::vector<Document>& docs);

}  // namespace noticetab

#endif  // NOTICETAB_BYUNIT_H_
