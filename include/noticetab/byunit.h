// The per-unit view (台账 by department): one row per (unit, task), and a
// summary per unit. Built from converted documents; consumed by writers.
#ifndef NOTICETAB_BYUNIT_H_
#define NOTICETAB_BYUNIT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/write.h"

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

/// The columns of the summary table: unit, tasks, as_lead, earliest_deadline.
const std::vector<std::string_view>& UnitSummaryColumns();

/// True when WriteByUnit accepts `format`: csv, tsv, json, jsonl, yaml.
bool ByUnitFormat(std::string_view format);
/// True when WriteUnitSummary accepts `format`: the ByUnitFormat ones and text.
bool UnitSummaryFormat(std::string_view format);

/// Writes ByUnit(docs): csv/tsv a table with ByUnitColumns() (opts.excel as
/// for the task list); json a list of row objects, one per line; jsonl one row
/// object per line; yaml a sequence of maps. Empty cells are null in the tree
/// formats, id and seq are numbers. REQUIRES: ByUnitFormat(format).
void WriteByUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                 const WriteOptions& opts);
/// Writes SummarizeUnits(docs) like WriteByUnit, or with format "text" as a
/// table aligned for a terminal (East Asian wide characters count two columns).
/// REQUIRES: UnitSummaryFormat(format).
void WriteUnitSummary(std::ostream& out, std::string_view format,
                      const std::vector<Document>& docs, const WriteOptions& opts);

}  // namespace noticetab

#endif  // NOTICETAB_BYUNIT_H_
