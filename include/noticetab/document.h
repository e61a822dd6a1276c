// The document model: the contract between readers and writers.
// Readers only produce it, writers only consume it. Depends on nothing but
// the standard library. Field names follow ../shared/spec/OUTPUT.md.
// Plain data: a Document owns every string in it (it points into no Source
// buffer), so it outlives the input it was read from. Nothing here throws Error.
#ifndef NOTICETAB_DOCUMENT_H_
#define NOTICETAB_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "noticetab/diagnostic.h"

namespace noticetab {

/// A body item: a second-level heading and its paragraph text.
struct Item {
  int index = 0;          ///< 1-based ordinal among all items of the document
  std::string no;         ///< numeral as printed, brackets and dot stripped
  std::string title;      ///< heading text up to the first 。
  std::string text;       ///< the item's full paragraph text, wrapped lines joined
  int line = 0;           ///< 1-based input line of the heading
  /// The first line of paragraphs after the item that close its section or
  /// the notice (not in `text`); 0 when none were set apart.
  int closing_line = 0;
};

/// A body section: a first-level heading and the items under it.
struct Section {
  int index = 0;          ///< 1-based ordinal in the document
  std::string no;         ///< numeral as printed, without 、
  std::string title;
  int line = 0;
  std::vector<Item> items;
};

/// A resolved deadline. `kind` is by_date | year_round | ongoing | recurring | none.
struct Deadline {
  std::optional<std::string> text;         ///< as printed (pieces joined)
  std::optional<std::string> date;         ///< inclusive due date, ISO 8601
  std::string kind = "none";
  std::optional<std::string> granularity;  ///< day | month | quarter | half | year
  std::optional<std::string> year_source;  ///< text | title | date | option
};

/// One row of the ledger.
struct Task {
  int id = 0;                   ///< 1-based ordinal
  std::optional<int> seq;       ///< the table's own 序号
  std::optional<int> section;   ///< Section::index
  std::string section_no, section_title;
  std::optional<int> item;      ///< Item::index
  std::string item_no, item_title;
  std::string content;
  std::vector<std::string> units, lead_units, support_units;
  bool units_open = false;
  Deadline deadline;
  std::optional<std::string> table;  ///< annex title of the table the row came from; null for body tasks
  int first_line = 0, last_line = 0;
  std::optional<int> page;           ///< first page of the row (pdf, ofd); null otherwise
  /// Added to the contract: the people a 牵头领导 / 责任人 column or clause
  /// names (not units), and the text of the row's 备注 and unnamed columns.
  std::vector<std::string> leaders;
  std::optional<std::string> remarks;
  std::vector<std::string> warnings;
  std::vector<Diagnostic> diagnostics;  ///< the row warnings as values (code, lines, message)
  /// Adds a row warning: its message to `warnings`, and {code, the task's
  /// lines, message} to `diagnostics`.
  void Warn(std::string code, std::string message) {
    AddDiagnostic(warnings, diagnostics, std::move(code), std::move(message), first_line, last_line);
  }
};

/// GB/T 9704-2012 front matter. Absent elements stay empty / nullopt.
struct FrontMatter {
  std::optional<std::string> issuer, number, title;
  std::vector<std::string> recipients;
  std::optional<std::string> date;   ///< 成文日期, ISO
  std::optional<int> year;           ///< plan year: from the title, else the date
  std::optional<std::string> publicity;
  std::vector<std::string> attachments, cc;
  std::optional<std::string> printed_by, printed_date;
  /// The page's 发布时间 (ISO), read only when there is no 成文日期; not written. Its
  /// year is the plan year when the title gives none (document.year_published).
  std::optional<std::string> published;
  /// The 文号 as printed when OCR's letters in it were read as digits
  /// (〔2O25〕); not written, warned document.ocr_digits.
  std::optional<std::string> number_printed;
};

/// The whole converted notice.
struct Document {
  std::string source;     ///< path as given ("-" for stdin)
  std::string encoding;   ///< detected input encoding
  std::string format = "text";  ///< what the input was: text | docx | xlsx | html | pdf | odt | ofd
  /// The reader registry names (src/readers/registry.cpp) of every table in
  /// table order, each once, joined by '+' (tabs+pipe); without a table the
  /// body readers that found their lines (key-value, clauses); none when none did.
  std::string layout;
  std::string kind;       ///< the document classifier's verdict; empty = not classified (null)
  FrontMatter document;
  std::vector<Section> sections;
  std::vector<Task> tasks;
  std::vector<std::string> warnings;   ///< document-level notes, as printed
  std::vector<Diagnostic> diagnostics;  ///< the same notes as values (code, lines, message)
  /// Adds a document-level warning: its message and its diagnostic.
  void Warn(std::string code, std::string message, int first_line = 0, int last_line = 0) {
    AddDiagnostic(warnings, diagnostics, std::move(code), std::move(message), first_line, last_line);
  }
};

}  // namespace noticetab

#endif  // NOTICETAB_DOCUMENT_H_
