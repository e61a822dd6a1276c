// The view by deadline: dated tasks filtered and sorted by date.
#include "noticetab/due.h"

#include <algorithm>
#include <chrono>

#include "noticetab/byunit.h"
#include "noticetab/text.h"

#include "join.h"
#include "writers.h"

namespace noticetab {
namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!IsDigits(s.substr(0, 4)) || !IsDigits(s.substr(5, 2)) || !IsDigits(s.substr(8, 2))) return false;
  // A day the month has (2025-06-31, 2025-02-29 are none: compared as text
  // they would pass for the next day).
  const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(std::string(s.substr(0, 4)))},
                                        std::chrono::month{static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))},
                                        std::chrono::day{static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))))}};
  return ymd.ok();
}

bool IsMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !IsDigits(s.substr(0, 4)) || !IsDigits(s.substr(5, 2))) return false;
  const int m = std::stoi(std::string(s.substr(5, 2)));
  return m >= 1 && m <= 12;
}

}  // namespace

DueFilterProblem CheckDueFilter(const DueFilter& f) {
  using Field = DueFilterProblem::Field;
  if (f.month && !IsMonth(*f.month)) return {Field::kMonth, *f.month};
  if (f.before && !IsIsoDate(*f.before)) return {Field::kBefore, *f.before};
  if (f.today && !IsIsoDate(*f.today)) return {Field::kToday, *f.today};
  if (f.overdue && !f.today) return {Field::kOverdueWithoutToday, {}};
  return {};
}

std::vector<DueTask> DueTasks(const std::vector<Document>& docs, const DueFilter& f) {
  std::vector<DueTask> out;
  for (const Document& doc : docs) {
    for (const Task& task : doc.tasks) {
      const auto& date = task.deadline.date;
      if (!date) continue;
      if (f.month && date->compare(0, 7, *f.month) != 0) continue;
      if (f.before && !(*date < *f.before)) continue;
      if (f.overdue && f.today && !(*date < *f.today)) continue;
      out.push_back({&doc, &task});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DueTask& a, const DueTask& b) { return *a.task->deadline.date < *b.task->deadline.date; });
  return out;
}

const std::vector<std::string_view>& DueColumns() {
  static const std::vector<std::string_view> kColumns = {
      "month", "deadline_date", "source", "title", "number", "id", "content", "units", "deadline", "deadline_kind"};
  return kColumns;
}

std::vector<std::string> DueCells(const DueTask& t) {
  const Task& task = *t.task;
  const FrontMatter& fm = t.doc->document;
  const std::string date = task.deadline.date.value_or("");
  return {date.substr(0, 7),         date,
          t.doc->source,             fm.title.value_or(""),
          fm.number.value_or(""),    std::to_string(task.id),
          task.content,              Join(task.units, kListSep),
          task.deadline.text.value_or(""), task.deadline.kind};
}

void WriteDue(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
              const DueFilter& f, const WriteOptions& opts) {
  const std::vector<DueTask> tasks = DueTasks(docs, f);
  if (format == "ics") {
    WriteIcsTasks(out, tasks, opts);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const DueTask& t : tasks) {
    rows.push_back(DueCells(t));
    if (format == "text") {
      // A terminal line: the title and the full content do not fit.
      auto& r = rows.back();
      r[3] = ShortenToWidth(r[3], 24);
      r[6] = ShortenToWidth(r[6], 40);
      r[7] = ShortenToWidth(r[7], 24);
    }
  }
  WriteRows(out, format, DueColumns(), std::move(rows), opts);
}

}  // namespace noticetab
