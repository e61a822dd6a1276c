// Comparing two notices (`noticetab diff OLD NEW`): tasks are matched by the
// similarity of their content and of their section/item titles, so that
// renumbered items and reworded prefixes still match; the rest are added or
// removed, and matched tasks whose content, units or deadline differ changed.
//
// Contract: TaskChange points at tasks of the documents given, which must
// outlive it. Uses no rules. Only WriteDiff throws: Error(kOutput) from the
// xlsx writer, Error(kUsage) for a format that writes no table.
#ifndef NOTICETAB_DIFF_H_
#define NOTICETAB_DIFF_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/write.h"

namespace noticetab {

/// One difference. change: added | removed | changed; fields (changed only):
/// the subset of content, units, deadline that differ, in that order.
struct TaskChange {
  std::string change;
  const Task* old_task = nullptr;  ///< null for added; not owned
  const Task* new_task = nullptr;  ///< null for removed; not owned
  std::vector<std::string> fields;
  double similarity = 0;           ///< of a matched pair, 0..1
};

/// Character-bigram similarity of two texts (Dice coefficient over the sets
/// of adjacent Han/letter/digit pairs), 0..1; punctuation and spaces ignored.
double TextSimilarity(std::string_view a, std::string_view b);

/// The differences from `old_doc` to `new_doc`, in the new notice's task order
/// (removed tasks after the new task that precedes them in the old order).
std::vector<TaskChange> DiffTasks(const Document& old_doc, const Document& new_doc);

/// change, fields, old_id, new_id, section_no, item_title, old_content,
/// new_content, old_units, new_units, old_deadline, new_deadline.
const std::vector<std::string_view>& DiffColumns();

/// Writes the changes as a table: text (aligned, content shortened for a
/// terminal), csv, tsv, json, jsonl, yaml or xlsx. REQUIRES:
/// WritesTable(TableView::kDiff, format).
void WriteDiff(std::ostream& out, std::string_view format, const Document& old_doc, const Document& new_doc,
               const std::vector<TaskChange>& changes, const WriteOptions& opts);

}  // namespace noticetab

#endif  // NOTICETAB_DIFF_H_
