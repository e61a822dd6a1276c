// The view by deadline (`noticetab due`): the dated tasks of one or many
// notices in date order, filtered by month, by a date or as overdue, and the
// same tasks as an iCalendar file (write_ics.cpp).
//
// Contract: DueTask points into the documents given, which must outlive it.
// Only the writers throw: WriteDue Error(kOutput) from the xlsx writer and
// Error(kUsage) for a format that writes no table; WriteIcs never throws Error.
#ifndef NOTICETAB_DUE_H_
#define NOTICETAB_DUE_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/write.h"

namespace noticetab {

/// Which dated tasks to keep; all set conditions must hold. Dates are ISO.
struct DueFilter {
  std::optional<std::string> month;   ///< YYYY-MM: due in that month
  std::optional<std::string> before;  ///< due before this date (not on it)
  std::optional<std::string> today;   ///< with overdue: due before today
  bool overdue = false;
};

/// What is wrong with a filter, as a value: the field a user got wrong and
/// the text given for it. The CLI words it with its option names
/// (src/cli/report.h DueFilterMessage); the library names no option.
struct DueFilterProblem {
  enum class Field {
    kNone,               ///< the filter is fine
    kMonth,              ///< `month` is not YYYY-MM
    kBefore,             ///< `before` is not an ISO date
    kToday,              ///< `today` is not an ISO date
    kOverdueWithoutToday ///< `overdue` set without `today`
  };
  Field field = Field::kNone;
  std::string value;  ///< the text given for the field ("" for kOverdueWithoutToday)
  explicit operator bool() const { return field != Field::kNone; }
};

/// The first problem of a filter a user got wrong (a bad date, overdue
/// without today); a false value when it is fine. Never throws.
DueFilterProblem CheckDueFilter(const DueFilter& f);

/// One dated task.
struct DueTask {
  const Document* doc = nullptr;  ///< not owned
  const Task* task = nullptr;     ///< not owned
};
/// The tasks of docs with a due date (deadline.date) that pass f, by date,
/// then in input and task order.
std::vector<DueTask> DueTasks(const std::vector<Document>& docs, const DueFilter& f);

/// month, deadline_date, source, title, number, id, content, units, deadline, deadline_kind.
const std::vector<std::string_view>& DueColumns();
std::vector<std::string> DueCells(const DueTask& t);

/// Writes DueTasks(docs, f): ics an iCalendar file (WriteIcs), the others a
/// table of DueColumns() (text shortens long content to fit a terminal).
/// REQUIRES: WritesTable(TableView::kDue, format).
void WriteDue(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
              const DueFilter& f, const WriteOptions& opts);

/// RFC 5545 iCalendar: one all-day VEVENT per task with a due date, the unit
/// and the notice in its DESCRIPTION. DTSTAMP is $SOURCE_DATE_EPOCH when set,
/// else now. Also the writer `-f ics`.
void WriteIcs(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);

}  // namespace noticetab

#endif  // NOTICETAB_DUE_H_
