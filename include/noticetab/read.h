// Stage 4, read layout: classified lines -> front matter, body outline and
// the annex table, with one reader per table layout chosen by detection
// (cmark phase 1; pandoc readers).
//
// Contract for everything declared here: the inputs are the Line vector of
// ClassifyLines (classify.h), whose views point into the Source, so the
// Source must outlive the calls; what is returned (Section, Table, Row, Cell)
// owns its strings and outlives the Source. Reader pointers point into the
// static Readers() table and live for the process.
// None of these functions throws Error except through a rules pattern: a
// Regex that passes its time or backtracking limit on a line throws
// Error(kRules) naming the rules file and line (text.h Regex::Find).
#ifndef NOTICETAB_READ_H_
#define NOTICETAB_READ_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/document.h"
#include "noticetab/grid.h"
#include "noticetab/rules.h"

namespace noticetab {

/// A table cell's text and the input lines it came from (0 = none).
struct Cell {
  std::string text;
  int first_line = 0, last_line = 0;
  bool garbled = false;    ///< unreadable content was dropped from it
  bool empty() const { return text.empty(); }
  void Append(std::string_view more, int line);
};

/// One table row with cells by role. Labels are the group cells left of the
/// content (section / item), as printed; the body decides in link.
struct Row {
  std::optional<int> seq;
  Cell section_label, item_label, content, units, lead, support, deadline, note;
  Cell leader;        ///< 牵头领导 / 责任人 columns: people, the task's `leaders`
  int note_column = -1;  ///< the column `note` was last appended from (-1: none)
  /// Appends a note column's cell; cells of another column than the last
  /// one are set off by `joiner` (备注 and 佐证材料 do not run together).
  void AppendNote(std::string_view text, int line, int column, const std::string& joiner);
  int leader_column = -1;  ///< the column `leader` was last appended from (-1: none)
  /// Appends a leader column's cell; cells of another column (责任领导 then
  /// 责任人) are set off by `joiner`, so two people never run into one name.
  void AppendLeader(std::string_view text, int line, int column, const std::string& joiner);
  bool after_break = false;   ///< first row after a repeated header (page break)
  int first_line = 0, last_line = 0;
  std::vector<std::string> warnings;       ///< messages, as printed
  std::vector<Diagnostic> diagnostics;     ///< the same warnings as values
  /// Adds a warning: its message to `warnings`, and {code, the row's lines,
  /// message} to `diagnostics`.
  void Warn(std::string code, std::string message);
  // Set by link:
  int section = 0, item = 0;  ///< 1-based Section/Item index, 0 = unknown
  void Touch(int line);       ///< extends [first_line, last_line]
};

struct Table {
  std::string layout;          ///< reader name
  int header_line = 0;         ///< first header line
  std::vector<Role> columns;   ///< header roles in order (kNone for blank cells)
  std::vector<Row> rows;
  std::vector<std::string> warnings;     ///< table-level notes, as printed
  std::vector<Diagnostic> diagnostics;   ///< the same notes as values
  /// Adds a table-level warning: its message and its diagnostic.
  void Warn(std::string code, std::string message, int first_line = 0, int last_line = 0) {
    AddDiagnostic(warnings, diagnostics, std::move(code), std::move(message), first_line, last_line);
  }
  std::string caption;         ///< Grid::caption (annex title)
  int last_line = 0;           ///< last input line of the table
  /// The line of the table's note saying a blank cell is as the row above's
  /// (headers.yaml blank_as_above); 0 when it has none.
  int blank_as_above_line = 0;
  /// The content column's header describes a task that the label column
  /// names (具体目标, 建设内容 beside 工作任务, 项目名称: headers.yaml
  /// `describes`): each row's own label is its task's name.
  bool content_describes = false;
  std::string blank_as_above_note;  ///< that note's text
  /// The short names the note under the table stands for full ones
  /// (注：“发改”指县发展和改革局: units.yaml legend), and the note's line.
  std::vector<std::pair<std::string, std::string>> legend;
  int legend_line = 0;
  bool has(Role r) const;
};

/// Where the parts of the notice are, as line indexes into the Line vector.
struct Regions {
  size_t body_begin = 0, body_end = 0;   ///< the outline is read in [begin, end)
  size_t table_begin = 0;                ///< header line index (== lines.size() if none)
};

/// A 文号 matched by rules.doc_number, printed as rules.number_format says
/// ({org}〔{year}〕{n}号 whatever brackets the notice used).
std::string FormatDocNumber(const Regex::Match& m, const Rules& rules);

/// The body outline: level-1 headings are sections, level-2 headings items.
/// Levels go by the order in which numbering styles first appear; a heading
/// is accepted only when its number starts (1) or continues its style's run.
/// When item_end_lines is given it receives, by Item::index (0 unused), the
/// 1-based last input line of each item's text. With `flat`, the first
/// style is the items' (a list with no headings over it: 1．… 2．…), held by
/// one unnamed section.
std::vector<Section> ReadOutline(const std::vector<Line>& lines, const Regions& regions,
                                 const Rules& rules, std::vector<int>* item_end_lines = nullptr,
                                 bool flat = false);

/// The outline of a body that holds its tables (each section's own table
/// under its heading): read past them, up to the annex or the footer, when a
/// first-level heading of the sections' style after the first table goes on
/// from the last section's number. The tables' lines are no paragraph of any
/// item: the lines with tabs, and the line index ranges [first, last] that
/// `table_lines(stop)` gives for the tables standing in lines [body_end,
/// stop) (asked only when the body goes on). Empty when the body does not go
/// on; *end gets the line index the body then ends at.
using TableLines = std::function<std::vector<std::pair<size_t, size_t>>(size_t stop)>;
std::vector<Section> ReadOutlinePastTables(const std::vector<Line>& lines, const Regions& regions,
                                           const Rules& rules, const std::vector<Section>& sections,
                                           std::vector<int>* item_end_lines, size_t* end,
                                           const TableLines& table_lines = nullptr);

/// The title of a heading or an item: its words (spaces between CJK joined)
/// up to the first title stop (punctuation.yaml: a full stop or a colon),
/// without it, nor a remark (headings.yaml `title_remark`) or a clause
/// (clauses.yaml) in brackets closing it. The outline's Section::title and Item::title, and the titles of
/// the sub-headings a body row hangs under (GridRow::Heading).
std::string HeadingTitle(std::string_view words, const Rules& rules);
/// t without a count remark closing it (县教育局（2项） -> 县教育局; headings.yaml
/// title_remark), trimmed; t itself when it ends in no bracket.
std::string_view WithoutCountRemark(std::string_view t, const Rules& rules);

/// A reader of the registry, of one of two kinds.
/// A table reader only cuts cells: detect() says whether a table of its
/// layout starts at lines[at] (its header); cut() reads that table into a
/// Grid, with no roles (the interpreter gives them, interpret.h).
/// A body reader (key-value lines, inline clauses: units and deadlines written
/// under the body items instead of in a table): detect() says whether
/// lines[at], a line of the body, is written its way, and cut_body() cuts the
/// body items into a Grid, one row per item, for the same interpreter.
struct Reader {
  std::string_view name;  ///< the `layout` output value
  /// When several readers detect the same line, the highest priority wins
  /// (see the registry in src/readers/registry.cpp for the order and why).
  int priority;
  bool (*detect)(const std::vector<Line>& lines, size_t at, const Rules& rules);
  Grid (*cut)(const std::vector<Line>& lines, size_t at, const Rules& rules);  ///< null for a body reader
  /// Body readers only (null for a table reader): the body items, given the
  /// outline and each item's last line (ReadOutline), as a grid.
  Grid (*cut_body)(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
                   const std::vector<Line>& lines, const Rules& rules) = nullptr;
  bool body() const { return cut == nullptr; }
};

/// The reader registry, in src/readers/registry.cpp (static; lives for the
/// process). Adding a layout is one file in src/readers/ (its detect and cut
/// declared in src/readers/readers.h) plus one row in registry.cpp.
const std::vector<Reader>& Readers();

/// The first line index at or after `from` where some table reader detects a
/// table, and the reader of highest priority there. Returns false when none.
bool FindTable(const std::vector<Line>& lines, size_t from, const Rules& rules, size_t* at,
               const Reader** reader);

/// The grid `reader` cuts at lines[at], captioned (the 附件N line and title
/// above it when the reader gave none) and interpreted (interpret.h); a
/// convenience for tests and Convert. REQUIRES: reader is a table reader
/// (reader.cut != nullptr) that detected a table at lines[at].
Table ReadTable(const Reader& reader, const std::vector<Line>& lines, size_t at, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_READ_H_
