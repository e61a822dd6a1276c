// The per-unit view: (unit, task) rows and the per-unit summary, and the
// writers for both. The tree formats are written here rather than through
// the document writers because a row list has a different shape.
#include "noticetab/byunit.h"

#include <algorithm>
#include <map>
#include <string>

#include "noticetab/collective.h"
#include "noticetab/text.h"
#include "writers.h"

namespace noticetab {


namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A table ready for any format: header, rows of cells, and which columns are
// numbers (emitted unquoted in the tree formats).
struct Table {
  const std::vector<std::string_view>& header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
};


bool IsNumeric(std::string_view column) {
  return column == "id" || column == "seq" || column == "tasks" || column == "as_lead" ||
         column == "old_id" || column == "new_id";
}

Table MakeTable(const std::vector<std::string_view>& header,
                std::vector<std::vector<std::string>> rows, const WriteOptions& opts) {
  Table t{header, std::move(rows), {}};
  for (std::string_view c : header) t.numeric.push_back(IsNumeric(c));
  // `source` must still name the file, as in the document writers.
  if (opts.normalize_punct) {
    for (auto& row : t.rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (header[i] != "source" && !t.numeric[i]) row[i] = NormalizePunct(row[i]);
      }
    }
  }
  return t;
}

// One object on one line: {"a": 1, "b": "x"} (compact for jsonl).
std::string JsonObject(const Table& t, const std::vector<std::string>& row, bool pretty) {
  std::string out = "{";
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += pretty ? ", " : ",";
    AppendJsonString(out, t.header[i]);
    out += pretty ? ": " : ":";
    if (row[i].empty()) {
      out += "null";
    } else if (t.numeric[i]) {
      out += row[i];
    } else {
      AppendJsonString(out, row[i]);
    }
  }
  return out + "}";
}

// Strings always double-quoted: JSON string syntax is a YAML double-quoted
// scalar, so no value can be read back as a date, number or bool.
std::string YamlRows(const Table& t) {
  if (t.rows.empty()) return "[]\n";
  std::string out;
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += i ? "  " : "- ";
      out += t.header[i];
      out += ": ";
      if (row[i].empty()) {
        out += "null";
      } else if (t.numeric[i]) {
        out += row[i];
      } else {
        AppendJsonString(out, row[i]);
      }
      out += '\n';
    }
  }
  return out;
}

// Columns padded to their widest cell in terminal columns; numbers flush right.
std::string TextTable(const Table& t) {
  auto width = [](std::string_view s) {
    int w = 0;
    for (size_t i = 0; i < s.size();) w += ColumnWidth(NextChar(s, i));
    return w;
  };
  std::vector<int> widths;
  for (std::string_view h : t.header) widths.push_back(width(h));
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string out;
  auto append_row = [&](const auto& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string_view cell = cells[i];
      const std::string pad(widths[i] - width(cell), ' ');
      if (i) line += "  ";
      if (t.numeric[i]) {
        line += pad;
        line += cell;
      } else {
        line += cell;
        line += pad;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  };
  append_row(t.header);
  for (const auto& row : t.rows) append_row(row);
  return out;
}

void WriteTable(std::ostream& out, std::string_view format, const Table& t,
                const WriteOptions& opts) {
  if (format == "xlsx") {
    WriteXlsxTable(out, t.header, t.rows, opts);
  } else if (format == "csv" || format == "tsv") {
    WriteDelimited(out, format == "csv" ? ',' : '\t', t.header, t.rows, opts);
  } else if (format == "json") {
    std::string text = "[";
    for (size_t i = 0; i < t.rows.size(); ++i) {
      text += i ? ",\n  " : "\n  ";
      text += JsonObject(t, t.rows[i], true);
    }
    out << text << (t.rows.empty() ? "]\n" : "\n]\n");
  } else if (format == "jsonl") {
    for (const auto& row : t.rows) out << JsonObject(t, row, false) << '\n';
  } else if (format == "yaml") {
    out << YamlRows(t);
  } else {
    out << TextTable(t);
  }
}

}  // namespace

void WriteRows(std::ostream& out, std::string_view format, const std::vector<std::string_view>& header,
               std::vector<std::vector<std::string>> rows, const WriteOptions& opts) {
  WriteTable(out, format, MakeTable(header, std::move(rows), opts), opts);
}

std::vector<UnitRow> ByUnit(const std::vector<Document>& docs, const Rules& rules) {
  std::map<std::pair<std::string, std::string>, size_t> group_of;
  std::vector<std::vector<UnitRow>> groups;
  for (const Document& doc : docs) {
    const std::string region = DocumentRegion(doc, rules);
    for (const Task& task : doc.tasks) {
      // units holds them all; lead/support only say which role. A unit named
      // only as lead or support is still counted (defensive; readers fill units).
      std::vector<std::string> seen;
      auto add = [&](const std::string& unit) {
        if (unit.empty() || Contains(seen, unit)) return;
        seen.push_back(unit);
        const std::string role = Contains(task.lead_units, unit)      ? "lead"
                                 : Contains(task.support_units, unit) ? "support"
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
          t.section ? t.section_no : "",
          t.section ? t.section_title : "",
          t.item ? t.item_no : "",
          t.item ? t.item_title : "",
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

bool ByUnitFormat(std::string_view format) {
  return format == "csv" || format == "tsv" || format == "json" || format == "jsonl" ||
         format == "yaml";
}

bool UnitSummaryFormat(std::string_view format) {
  return ByUnitFormat(format) || format == "text";
}

void WriteByUnit(std::ostream& out, std::string_view format, const std::vector<Document>& docs,
                 const WriteOptions& opts) {
  std::vector<std::vector<std::string>> rows;
  for (const UnitRow& row : ByUnit(docs)) rows.push_back(ByUnitCells(row));
  WriteTable(out, format, MakeTable(ByUnitColumns(), std::move(rows), opts), opts);
}

void WriteUnitSummary(std::ostream& out, std::string_view format,
                      const std::vector<Document>& docs, const WriteOptions& opts, const Rules& rules) {
  std::vector<std::vector<std::string>> rows;
  for (const UnitSummary& s : SummarizeUnits(docs, rules)) {
    rows.push_back({s.unit, std::to_string(s.tasks), std::to_string(s.as_lead),
                    s.earliest_deadline.value_or(""), s.region, s.collective});
  }
  WriteTable(out, format, MakeTable(UnitSummaryColumns(), std::move(rows), opts), opts);
}

std::vector<ForUnitRow> ForUnit(const std::vector<Document>& docs, std::string_view name, const Rules& rules) {
  std::vector<ForUnitRow> out;
  for (const Document& doc : docs) {
    const std::string region = DocumentRegion(doc, rules);
    // 临沂市教育局 asks for 临沂市's 市教育局 only; 市教育局 for every notice's.
    const std::optional<std::string> qualified = LocalUnitName(name, region);
    if (!qualified) continue;  // another region's unit
    const std::string& local = *qualified;
    for (const Task& task : doc.tasks) {
      auto named = [&](const std::vector<std::string>& units) { return Contains(units, local); };
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
  WriteTable(out, format, MakeTable(ForUnitColumns(), std::move(rows), opts), opts);
}

}  // namespace noticetab
