// A diagnostic as a value. Depends on nothing but the standard library.
// Plain data: owns its strings; nothing here throws Error.
#ifndef NOTICETAB_DIAGNOSTIC_H_
#define NOTICETAB_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace noticetab {

/// What a stage had to guess or drop: a stable code for tests and tools, the
/// input lines it concerns (0 = unknown), and the human-readable message the
/// outputs print among the warnings. Codes are `area.what`, e.g.
/// row.shifted, role.inferred, role.header_shape, content.missing,
/// cell.unreadable, cell.damaged (U+FFFD taken out of a cell, its words read), cell.extra, cell.joined_above, cell.read_as_text, row.unsplit, row.rejoined,
/// row.joined (a markdown row broken over lines, joined), row.unmarked (a row
/// line whose cell marks were lost, cut at its spaces), row.stray_mark (a `|`
/// tight inside a cell of a row with cells too many: its halves joined), row.commas (a CSV row
/// with cells more than its header: a comma typed unquoted, joined into the content),
/// row.fragment, deadline.twice, content.joined, content.split (a row's cell
/// more than the header, a sentence after the content: joined to it), deadline.joined (a deadline
/// wrapped onto a line of its own: 2024年7月 / 31日前), units.joined (a unit list
/// wrapped onto a line of its own), merged.spread, merged.ditto (同上 copied from above),
/// merged.filled, link.label_disagrees, link.from_label, link.partial, link.from_above,
/// link.unmatched_label (a label of its own the body does not hold: kept as the item title),
/// units.cut (a unit cut mid-name), content.truncated, content.closing_apart (paragraphs after the
/// last item that close its section, left out of its content), units.unreadable,
/// units.rule_marks (OCR'd table rules cut from a name), units.stop_separator (a full stop between two unit names, 县医保局.县卫健局, read as a separator), units.no_separator (two whole names with no mark between them, 县发改局县财政局, read as two), content.rule_marks (the same at the
/// content's edges), units.missing, units.shared, units.from_group (a group row naming only units gave them), units.from_scope (a scope sentence above, 以下均需X落实, gave X), units.group_count, units.first_is_lead, units.marked_lead (a mark by a unit name, 县商务局*, made it the lead), units.mark_dropped (a symbol beside a unit name, 县生态环境局✓, taken off it), units.contact (a contact person or phone number in a unit cell, kept in remarks), units.legend (a short name read as the full one the note under the table gives: 发改 as 县发展和改革局), units.lead_from_note (a 备注 naming the lead: 县财政局牵头), seq.ocr_digits (a 序号 with letters OCR read for digits, 1O), seq.code (a 序号 that is a code, A1, not a number),
/// deadline.no_year, deadline.year_moved (the title's year put it before the notice's date), deadline.unreadable, deadline.noise (a cell of symbols and no deadline word
/// dropped), deadline.partial (the last of several dates in the cell), deadline.ocr_digits (letters OCR read for digits, 2O24年, read as digits), deadline.relative (counted
/// from an event the notice does not date: 收到通知后10个工作日内; or by a season it does not date: 汛期前; a duration, 为期两周), deadline.from_document (counted
/// from the 成文日期; working days as weekdays), deadline.inferred (a date read for a phrase naming
/// no day: 年中), deadline.event (a named day, 春节前, in a year the rules give it no date for),
/// deadline.before_plan_year (a printed year before the plan year's, the date before
/// the 成文日期 too; or 本周五前 falling before the 成文日期), deadline.recurring (a recurrence naming no day to date its first time by: 每周, daily: 每天,
/// 每2周一次), deadline.from_group (a group row over the row sets it: 一、完成时限：2025年6月底前),
/// deadline.from_note, deadline.from_period (no deadline column: the last period column with a milestone, 四季度), deadline.from_content, deadline.from_units (a unit cell
/// written as a clause names the deadline), deadline.in_units (it names another than the deadline
/// cell's). Table- and document-level codes: table.cell_dropped, table.fragment_dropped, table.total_row,
/// table.unread (tab-separated rows outside every table read),
/// table.columns_unread (header columns no rule names, 佐证材料: kept in the tasks' remarks),
/// table.note (a 注：… line under a table), table.labels_joined (each row's own label, not the body's titles, or a task a describing column such as 具体目标 goes with, opens its content), table.outside_lines (a
/// docx/html/odt paragraph after a table, in none of its cells), table.no_rows, input.glyph_codes
/// ((cid:N) or ☐☐ removed), input.ocr_forms (Japanese forms OCR gives for Chinese characters,
/// 県 for 县, read as Chinese), input.bad_bytes, input.nul_removed, input.pinyin_removed,
/// input.invisible_removed (zero-width spaces, joiners, a BOM inside the text), input.entities_decoded
/// (HTML character references such as &nbsp; left in copied text), input.noise_removed (a mirror
/// site's @@ marks after words),
/// input.traditional, input.traditional_mixed (characters printed in both forms: each given back
/// in the form printed more often), input.partial (a native reader skipped content),
/// input.note (a warning a caller put on a Source without a code), rows.cut
/// (many units cut mid-name),
/// document.ocr_digits (a 文号 whose year OCR read with letters, 〔2O25〕, read as digits),
/// document.year_published (no year in the title, no 成文日期: the page's publish date gives it),
/// outline.empty, tasks.from_body, tasks.none, tasks.closing_section (the last
/// sections name no units after items that all do: not tasks), kind.cover_requirements,
/// kind.cover_without_annex, kind.body_assigns_nothing, kind.news_report, kind.not_tasks.
struct Diagnostic {
  std::string code;
  int first_line = 0, last_line = 0;
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

/// Adds a diagnostic to a `diagnostics` list and its message to the
/// `warnings` list printed beside it (the outputs print only the messages).
inline void AddDiagnostic(std::vector<std::string>& warnings, std::vector<Diagnostic>& diagnostics,
                          std::string code, std::string message, int first_line = 0, int last_line = 0) {
  diagnostics.push_back({std::move(code), first_line, last_line ? last_line : first_line, message});
  warnings.push_back(std::move(message));
}

}  // namespace noticetab

#endif  // NOTICETAB_DIAGNOSTIC_H_
