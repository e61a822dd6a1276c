// The per-unit view: (unit, task) rows and the per-unit summary. Their
// tables are written by the Writers() table's write_rows (WriteRows).
#include "noticetab/byunit.h"

#include <algorithm>
#include <map>
#include <string>

#include "noticetab/collective.h"
#include "noticetab/text.h"
#include "noticetab/write.h"

namespace noticetab {


namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

std::vector<UnitRow> ByUnit(const std::vector<Document>& docs, const Rules& rules) {
  std::map<std::pair<std::string, std::string>, size_t> group_of;
  std::vector<std::vector<UnitRow>> groups;
  for (const Document& doc : docs) {
    const std::string region = DocumentRegion(doc, rules);
    for (const Task& task : doc.tasks) {
      // units holds them all; lead/support only say which role. A unit named
      // only as lead or support is still counted (defensive; readers fill units).
      std::vector<std::string> seen;
      // Each unit once, by its one name (CanonicalUnit: 柳溪县财政局 is 县财政局).
      auto add = [&](const std::string& printed) {
        const std::string unit = CanonicalUnit(printed, region, rules);
        if (unit.empty() || Contains(seen, unit)) return;
        seen.push_back(unit);
        const std::string role = Contains(task.lead_units, printed)      ? "lead"
                                 : Contains(task.support_units, printed) ? "support"
                                                                         : "responsible";
        auto [it, fresh] = group_of.try_emplace({region, unit}, groups.size());
        if (fresh) groups.emplace_back();
        groups[it->second].push_back({unit, region, role, &doc, &task});
      };
      for (const auto& u : task.units) add(u);
      for (const auto& u : task.lead_units) add(u);
      for (const auto& u : task.support_units) add(u);
    }
  }
  std::vector<UnitRow> rows;
  for (auto& g : groups) {
    for (auto& r : g) rows.push_back(std::move(r));
  }
  return rows;
}

const std::vector<std::string_view>& ByUnitColumns() {
  static const std::vector<std::string_view> kColumns = {
      "source",     "unit",    "role",     "id",           "seq",
      "section_no", "section_title", "item_no", "item_title", "content",
      "deadline",   "deadline_date", "deadline_kind"};
  return kColumns;
}

std::vector<std::string> ByUnitCells(const UnitRow& row) {
  const Task& t = *row.task;
  const Deadline& d = t.deadline;
  return {row.doc->source,
          row.unit,
          row.role,
          std::to_string(t.id),
          t.seq ? std::to_string(*t.seq) : "",
          t.section_no,
          t.section_title,
          t.item_no,
          t.item_title,
          t.content,
          d.text.value_or(""),
          d.date.value_or(""),
          d.kind};
}

std::vector<UnitSummary> SummarizeUnits(const std::vector<Document>& docs, const Rules& rules) {
  std::vector<UnitSummary> out;
  for (const UnitRow& row : ByUnit(docs, rules)) {
    // ByUnit groups by (region, unit), so a new one starts a new summary.
    if (out.empty() || out.back().unit != row.unit || out.back().region != row.region) {
      const CollectiveRule* c = MatchCollective(row.unit, rules);
      out.push_back({row.unit, 0, 0, std::nullopt, row.region, c ? c->name : ""});
    }
    UnitSummary& s = out.back();
    ++s.tasks;
    s.as_lead += row.role == "lead";
    const auto& date = row.task->deadline.date;
    if (date && (!s.earliest_deadline || *date < *s.earliest_deadline)) s.earliest_deadline = date;
  }
  std::stable_sort(out.begin(), out.end(), [](const UnitSummary& a, const UnitSummary& b) {
    return a.tasks != b.tasks ? a.tasks > b.tasks : a.unit < b.unit;
  });
  return out;
}

const std::vector<std::string_view>& UnitSummaryColumns() {
  static const std::vector<std::string_view> kColumns = {"unit",   "tasks",      "as_lead",
                                                         "earliest_deadline", "region", "collective"};
  return kColumns;
}

void WriteByUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                 const WriteOptions& opts) {
  std::vector<std::vector<std::string>> rows;
  for (const UnitRow& row : ByUnit(docs)) rows.push_back(ByUnitCells(row));
  WriteRows(out, format, ByUnitColumns(), std::move(rows), opts);
}

void WriteUnitSummary(std::ostream& out, std::string_view format,
                      const std::vector<Document>& docs, const WriteOptions& opts, const Rules& rules) {
  std::vector<std::vector<std::string>> rows;
  for (const UnitSummary& s : SummarizeUnits(docs, rules)) {
    rows.push_back({s.unit, std::to_string(s.tasks), std::to_string(s.as_lead),
                    s.earliest_deadline.value_or(""), s.region, s.collective});
  }
  WriteRows(out, format, UnitSummaryColumns(), std::move(rows), opts);
}

std::vector<ForUnitRow> ForUnit(const std::vector<Document>& docs, std::string_view name, const Rules& rules) {
  std::vector<ForUnitRow> out;
  for (const Document& doc : docs) {
    const std::string region = DocumentRegion(doc, rules);
    // 临沂市教育局 asks for 临沂市's 市教育局 only; 市教育局 for every notice's.
    const std::optional<std::string> qualified =
        !region.empty() && name.starts_with(region) ? std::optional<std::string>(name) : LocalUnitName(name, region, rules);
    if (!qualified) continue;  // another region's unit
    // Compared by one name each (CanonicalUnit: 城关镇人民政府 is 城关镇).
    const std::string local = CanonicalUnit(*qualified, region, rules);
    for (const Task& task : doc.tasks) {
      auto named = [&](const std::vector<std::string>& units) {
        return std::any_of(units.begin(), units.end(),
                           [&](const std::string& u) { return CanonicalUnit(u, region, rules) == local; });
      };
      if (named(task.units) || named(task.lead_units) || named(task.support_units)) {
        const std::string how = named(task.lead_units)      ? "lead"
                                : named(task.support_units) ? "support"
                                                            : "named";
        out.push_back({local, region, how, "", &doc, &task});
        continue;
      }
      for (const std::string& u : task.units) {
        if (CollectiveIncludes(u, local, region, rules)) {
          out.push_back({local, region, "collective", u, &doc, &task});
          break;
        }
      }
    }
  }
  return out;
}

const std::vector<std::string_view>& ForUnitColumns() {
  static const std::vector<std::string_view> kColumns = {
      "source",     "region",        "unit",    "how",        "via",     "id",
      "seq",        "section_no",    "section_title", "item_no", "item_title", "content",
      "deadline",   "deadline_date", "deadline_kind"};
  return kColumns;
}

void WriteForUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                  std::string_view name, const WriteOptions& opts, const Rules& rules) {
  std::vector<std::vector<std::string>> rows;
  for (const ForUnitRow& r : ForUnit(docs, name, rules)) {
    std::vector<std::string> cells = ByUnitCells({r.unit, r.region, "", r.doc, r.task});
    // ByUnitCells: source, unit, role, then the task's cells.
    std::vector<std::string> row = {cells[0], r.region, r.unit, r.how, r.via};
    row.insert(row.end(), cells.begin() + 3, cells.end());
    if (format == "text") {  // a terminal line: titles and content shortened
      for (size_t i : {8, 10}) row[i] = ShortenToWidth(row[i], 20);
      row[11] = ShortenToWidth(row[11], 40);
    }
    rows.push_back(std::move(row));
  }
  WriteRows(out, format, ForUnitColumns(), std::move(rows), opts);
}

}  // namespace noticetab
