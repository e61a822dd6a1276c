#include "noticetab/convert.h"

#include "noticetab/classify.h"
#include "noticetab/link.h"
#include "noticetab/normalize.h"
#include "noticetab/read.h"
#include "noticetab/repair.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

// The body runs from the first heading to the first line that starts the
// annex, the footer, or a table.
Regions FindRegions(const std::vector<Line>& lines, const Rules& rules) {
  Regions r;
  r.body_end = r.table_begin = lines.size();
  size_t first_heading = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].kind == LineKind::kHeading) {
      first_heading = i;
      break;
    }
  for (size_t i = first_heading; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind != LineKind::kText) continue;
    bool table = false;
    for (const auto& reader : Readers()) table |= reader.detect(lines, i, rules) > 0;
    if (table || rules.attachment.Contains(l.text) || EndsTable(l, rules)) {
      r.body_end = i;
      break;
    }
  }
  return r;
}

}  // namespace

Document Convert(const Source& original, const Rules& rules, const ConvertOptions& opts) {
  Document doc;
  doc.source = original.name();
  doc.encoding = original.encoding();
  doc.warnings = original.warnings;

  // Pinyin annotations (發(fā)展) would break every keyword; they go before parsing.
  const Source* source = &original;
  Source stripped;
  if (rules.pinyin.Contains(original.text())) {
    stripped = Source(original.name(), original.encoding(), rules.pinyin.ReplaceAll(original.text(), ""));
    source = &stripped;
    doc.warnings.push_back("pinyin annotations after characters (發(fā)展) removed");
  }
  const Source& src = *source;

  std::vector<Line> lines = ClassifyLines(src, rules);
  Regions regions = FindRegions(lines, rules);

  size_t table_at = 0;
  const Reader* reader = nullptr;
  bool has_table = FindTable(lines, regions.body_end, rules, &table_at, &reader);
  if (has_table) regions.table_begin = table_at;

  doc.document = ReadFrontMatter(lines, regions, rules);
  std::vector<int> item_end;
  doc.sections = ReadOutline(lines, regions, rules, &item_end);
  if (doc.sections.empty()) doc.warnings.push_back("no numbered headings found; the outline is empty");

  YearContext years;
  if (doc.document.title) {
    static const Regex kYear("(?<y>(19|20)\\d\\d)\\s*年");
    if (auto m = kYear.Find(*doc.document.title); m.found) years.title = std::stoi(std::string(m.Group("y")));
  }
  if (doc.document.date) years.date = std::stoi(doc.document.date->substr(0, 4));
  years.option = opts.year;
  if (!doc.document.year) doc.document.year = opts.year;

  if (has_table) {
    Table table = reader->read(lines, table_at, rules);
    doc.layout = table.layout;
    for (auto& w : table.warnings) doc.warnings.push_back(w);
    RepairTable(table, rules);
    LinkRows(table, doc.sections);
    FillMergedCells(table);
    doc.tasks = TasksFromTable(table, doc.sections, years, rules);
    if (doc.tasks.empty()) doc.warnings.push_back("the task table has no rows");
  } else {
    doc.layout = "none";
    doc.tasks = TasksFromItems(doc.sections, item_end, lines, years, rules);
    doc.warnings.push_back(doc.tasks.empty() ? "no task table recognized and no body items found"
                                             : "no task table recognized; the body items are listed as tasks");
  }
  DeadlinesFromContent(doc.tasks, years, rules);
  if (rules.first_is_lead.Contains(src.text())) ApplyFirstIsLead(doc.tasks);
  return doc;
}

}  // namespace noticetab
