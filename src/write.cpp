#include "noticetab/write.h"

#include <string>

namespace noticetab {

// Each writer lives in its own write_<format>.cpp; only the table needs to
// see them, so they are declared here rather than in a public header.
void WriteYaml(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteJson(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteJsonl(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteCsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteTsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteXlsx(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
extern const Pieces kYamlPieces, kJsonPieces, kJsonlPieces, kCsvPieces, kTsvPieces;

const std::vector<Writer>& Writers() {
  static const std::vector<Writer> kWriters = {
      {"yaml", "yaml", "document tree; several inputs form a stream of --- documents", WriteYaml, false,
       &kYamlPieces},
      {"json", "json", "document tree; several inputs form an array", WriteJson, false, &kJsonPieces},
      {"jsonl", "jsonl", "one document per line", WriteJsonl, /*streams=*/true, &kJsonlPieces},
      {"csv", "csv", "flat task list, RFC 4180", WriteCsv, false, &kCsvPieces},
      {"tsv", "tsv", "flat task list, tab-separated", WriteTsv, false, &kTsvPieces},
      {"xlsx", "xlsx", "workbook: tasks sheet (flat task list) and units sheet (per-unit rows)", WriteXlsx},
  };
  return kWriters;
}

const Writer* FindWriter(std::string_view name) {
  for (const Writer& w : Writers()) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

const std::vector<std::string_view>& FlatColumns() {
  static const std::vector<std::string_view> kColumns = {
      "source",        "id",         "seq",           "section_no",    "section_title",
      "item_no",       "item_title", "content",       "units",         "lead_units",
      "support_units", "deadline",   "deadline_date", "deadline_kind", "first_line",
      "last_line",     "warnings"};
  return kColumns;
}

namespace {

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> FlatRow(const Document& doc, const Task& task) {
  // Numbering strings only mean something when the index is set; the tree
  // writers emit null there, so the flat row leaves the cells empty.
  const bool in_section = task.section.has_value(), in_item = task.item.has_value();
  const Deadline& d = task.deadline;
  return {doc.source,
          std::to_string(task.id),
          task.seq ? std::to_string(*task.seq) : "",
          in_section ? task.section_no : "",
          in_section ? task.section_title : "",
          in_item ? task.item_no : "",
          in_item ? task.item_title : "",
          task.content,
          Join(task.units, "、"),
          Join(task.lead_units, "、"),
          Join(task.support_units, "、"),
          d.text.value_or(""),
          d.date.value_or(""),
          d.kind,
          std::to_string(task.first_line),
          std::to_string(task.last_line),
          Join(task.warnings, "；")};
}

}  // namespace noticetab
