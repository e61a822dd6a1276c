// Stage 8, write: documents (and the views' tables) -> bytes. One file per
// format, one row each in the Writers() table. Writers write to the given
// stream and keep nothing; xlsx throws Error(kOutput) when libxlsxwriter is
// missing or fails, the text writers never throw Error. Writers only read the
// documents; the Writer table is static and lives for the process.
#ifndef NOTICETAB_WRITE_H_
#define NOTICETAB_WRITE_H_

#include <ostream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"

namespace noticetab {

struct Rules;

struct WriteOptions {
  bool excel = false;            ///< CSV/TSV: UTF-8 BOM and CRLF line ends
  bool normalize_punct = false;  ///< apply NormalizePunct to every emitted string
  /// With excel: cells starting with = + - @ tab CR are written as they are,
  /// not behind an apostrophe (see write_csv.cpp).
  bool raw_formulas = false;
  std::string lang = "zh";       ///< xlsx sheet names, headers and values: zh | en
  /// The words of the Chinese workbook and of a calendar (labels.yaml); not
  /// owned, must outlive the write. nullptr: BuiltinLabels().
  const Rules* rules = nullptr;
};

/// The views written as tables.
enum class TableView { kByUnit, kUnitSummary, kForUnit, kDue, kDiff };
/// A set of views as bits: ViewBit(TableView::kDue) | ViewBit(TableView::kDiff).
constexpr unsigned ViewBit(TableView v) { return 1u << static_cast<unsigned>(v); }

/// A table of one of the views (units, --by-unit, units --for, due, diff):
/// cells as text, and which columns are numbers (unquoted in the tree formats,
/// flush right in text). `header` is not owned (a view's column list).
struct RowTable {
  const std::vector<std::string_view>& header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
};

/// A writer emits a whole batch of documents. Tree formats (yaml, json) emit a
/// single document as-is and several as a list/sequence; jsonl one per line;
/// flat formats (csv, tsv) one table with a header row.
struct Writer {
  std::string_view name;         ///< the -f value
  std::string_view extension;    ///< file extension without dot
  std::string_view description;
  void (*write)(std::ostream& out, const std::vector<Document>& docs,
                const WriteOptions& opts);
  /// The output for several documents is the concatenation of each one's
  /// output (jsonl), so a batch can write each document as soon as it is done.
  bool streams = false;
  /// The same output in pieces, so a batch writes each document when it is
  /// done and keeps none (nullptr for xlsx): for documents d0..dn-1 it is
  /// head + sep(0) + part(d0) + sep(1) + part(d1) + ... + tail(n). `several`
  /// is whether the batch has more than one input (a JSON array, not one
  /// object); part() is called on worker threads.
  const struct Pieces* pieces = nullptr;
  /// Writes a view's table in this format; nullptr when the format has no
  /// table form (ics). A Writer with `write` == nullptr writes tables only (text).
  void (*write_rows)(std::ostream& out, const RowTable& table, const WriteOptions& opts) = nullptr;
  /// The views that take this format (ViewBit set): each writes its table
  /// with write_rows, except due, which writes ics as a calendar itself.
  unsigned views = 0;
};

/// Receives rendered text in pieces; may take the string's contents (it is
/// cleared after each call).
using Drain = std::function<void(std::string& chunk)>;

inline constexpr size_t kDrainChunk = size_t{1} << 20;

struct Pieces {
  std::string (*head)(bool several, const WriteOptions& opts);
  std::string (*part)(const Document& doc, bool several, const WriteOptions& opts);
  std::string (*sep)(size_t index, bool several, const WriteOptions& opts);
  std::string (*tail)(size_t count, bool several, const WriteOptions& opts);
  /// part() handed to `drain` in chunks of about kDrainChunk bytes, so a big
  /// document is never rendered whole; nullptr where part() is all there is.
  /// drain(part_to pieces, in order) == part().
  void (*part_to)(const Document& doc, bool several, const WriteOptions& opts, const Drain& drain);
};

/// The writer table: the document writers (`write`) and the views' table
/// writers (`write_rows`). Adding a format is one file plus one row here.
const std::vector<Writer>& Writers();
/// The writer named `name`, or nullptr.
const Writer* FindWriter(std::string_view name);
/// The names of the writers of documents, joined by '|' ("yaml|json|...").
std::string DocumentFormatNames();

/// The -f names a view writes: the Writers() whose `views` hold it, in table
/// order. Each is a Writer with write_rows, except due's ics (a calendar).
const std::vector<std::string_view>& TableFormats(TableView view);
/// True when `view` writes `format`.
bool WritesTable(TableView view, std::string_view format);
/// TableFormats(view) for a message: "yaml, json, jsonl, csv, tsv or text".
std::string TableFormatList(TableView view);

/// Writes a view's table through the Writer named `format` (its write_rows).
/// Columns named id, seq, tasks, as_lead, old_id, new_id are numbers; with
/// opts.normalize_punct every other cell but `source` is normalized.
/// Throws Error(kUsage) when FindWriter(format) has no write_rows (callers
/// check WritesTable first), Error(kOutput) from the xlsx writer.
void WriteRows(std::ostream& out, std::string_view format, const std::vector<std::string_view>& header,
               std::vector<std::vector<std::string>> rows, const WriteOptions& opts);

/// The flat columns of OUTPUT.md, in order.
const std::vector<std::string_view>& FlatColumns();
/// The flat cells of one task, in FlatColumns() order (lists joined with 、,
/// warnings with ；, nulls as empty strings).
std::vector<std::string> FlatRow(const Document& doc, const Task& task);


}  // namespace noticetab

#endif  // NOTICETAB_WRITE_H_
