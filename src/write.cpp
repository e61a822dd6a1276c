#include "noticetab/write.h"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/error.h"
#include "noticetab/text.h"

#include "join.h"
#include "schema.h"
#include "writers.h"

namespace noticetab {

namespace {

// The views each format is written for (Writer::views).
constexpr unsigned kEveryView = ViewBit(TableView::kByUnit) | ViewBit(TableView::kUnitSummary) |
                                ViewBit(TableView::kForUnit) | ViewBit(TableView::kDue) |
                                ViewBit(TableView::kDiff);
// A workbook of one view: not --by-unit or units, whose rows the ledger
// workbook already has in its units sheet.
constexpr unsigned kSheetViews = ViewBit(TableView::kDue) | ViewBit(TableView::kDiff);
// Terminal text: the commands of their own (units, units --for, due, diff),
// not --by-unit, which the document command writes in its file formats.
constexpr unsigned kTerminalViews = kEveryView & ~ViewBit(TableView::kByUnit);

}  // namespace

const std::vector<Writer>& Writers() {
  static const std::vector<Writer> kWriters = {
      {"yaml", "yaml", "document tree; several inputs form a stream of --- documents", WriteYaml, false,
       &kYamlPieces, WriteYamlRows, kEveryView},
      {"json", "json", "document tree; several inputs form an array", WriteJson, false, &kJsonPieces,
       WriteJsonRows, kEveryView},
      {"jsonl", "jsonl", "one document per line", WriteJsonl, /*streams=*/true, &kJsonlPieces, WriteJsonlRows,
       kEveryView},
      {"csv", "csv", "flat task list, RFC 4180", WriteCsv, false, &kCsvPieces, WriteCsvRows, kEveryView},
      {"tsv", "tsv", "flat task list, tab-separated", WriteTsv, false, &kTsvPieces, WriteTsvRows, kEveryView},
      {"xlsx", "xlsx", "workbook: tasks (flat task list), units (per-unit rows) and due (by month) sheets, "
                       "in Chinese unless --lang en (rules/labels.yaml)", WriteXlsx,
       false, nullptr, WriteXlsxRows, kSheetViews},
      {"ics", "ics", "iCalendar: one all-day event per dated task (see `due`)", WriteIcs, false, nullptr,
       nullptr, ViewBit(TableView::kDue)},
      {"text", "txt", "a view's table aligned for a terminal (units, due, diff)", nullptr, false, nullptr,
       WriteTextRows, kTerminalViews},
  };
  return kWriters;
}

const Writer* FindWriter(std::string_view name) {
  for (const Writer& w : Writers()) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

std::string DocumentFormatNames() {
  std::vector<std::string_view> names;
  for (const Writer& w : Writers()) {
    if (w.write) names.push_back(w.name);
  }
  return Join(names, "|");
}

const std::vector<std::string_view>& TableFormats(TableView view) {
  static const auto kFormats = [] {
    std::vector<std::vector<std::string_view>> by_view(static_cast<size_t>(TableView::kDiff) + 1);
    for (const Writer& w : Writers()) {
      for (size_t v = 0; v < by_view.size(); ++v) {
        if (w.views & ViewBit(static_cast<TableView>(v))) by_view[v].push_back(w.name);
      }
    }
    return by_view;
  }();
  return kFormats[static_cast<size_t>(view)];
}

bool WritesTable(TableView view, std::string_view format) {
  const auto& v = TableFormats(view);
  return std::find(v.begin(), v.end(), format) != v.end();
}

std::string TableFormatList(TableView view) {
  const auto& v = TableFormats(view);
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += i + 1 == v.size() ? " or " : ", ";
    s += v[i];
  }
  return s;
}

void WriteRows(std::ostream& out, std::string_view format, const std::vector<std::string_view>& header,
               std::vector<std::vector<std::string>> rows, const WriteOptions& opts) {
  static constexpr std::string_view kNumeric[] = {"id", "seq", "tasks", "as_lead", "old_id", "new_id"};
  RowTable t{header, std::move(rows), {}};
  for (std::string_view c : header) {
    t.numeric.push_back(std::find(std::begin(kNumeric), std::end(kNumeric), c) != std::end(kNumeric));
  }
  // `source` must still name the file, as in the document writers.
  if (opts.normalize_punct) {
    for (auto& row : t.rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (header[i] != "source" && !t.numeric[i]) row[i] = NormalizePunct(row[i]);
      }
    }
  }
  const Writer* w = FindWriter(format);
  if (!w || !w->write_rows) {
    throw Error(Error::Kind::kUsage, fmt::format("no table is written as '{}'", format));
  }
  w->write_rows(out, t, opts);
}

namespace {

// Each flat column is one leaf of the schema walk (schema.h), by its path.
struct FlatColumn {
  std::string_view name, path;
  std::string_view join = kListSep;  ///< how a list leaf is joined
};
constexpr FlatColumn kFlat[] = {
    {"source", "source"},
    {"id", "id"},
    {"seq", "seq"},
    {"section_no", "section_no"},
    {"section_title", "section_title"},
    {"item_no", "item_no"},
    {"item_title", "item_title"},
    {"content", "content"},
    {"units", "units"},
    {"lead_units", "lead_units"},
    {"support_units", "support_units"},
    {"deadline", "deadline.text"},
    {"deadline_date", "deadline.date"},
    {"deadline_kind", "deadline.kind"},
    {"first_line", "lines.0"},
    {"last_line", "lines.1"},
    {"warnings", "warnings", kWarningSep},
    {"table", "table"},
    {"page", "page"},
};
constexpr size_t kFlatCount = sizeof(kFlat) / sizeof(kFlat[0]);

// Fills a row from the leaves the flat table names; nulls stay empty, and the
// other leaves (section, item, units_open, granularity…) are tree-only.
class FlatVisitor {
 public:
  explicit FlatVisitor(std::vector<std::string>* row) : row_(*row) {}
  void Raw(std::string_view key, const std::string& v) { Set(key, v); }
  void Str(std::string_view key, const std::string& v) { Set(key, v); }
  void Str(std::string_view key, const std::optional<std::string>& v) {
    if (v) Set(key, *v);
  }
  void StrIf(std::string_view key, bool present, const std::string& v) {
    if (present) Set(key, v);
  }
  void Int(std::string_view key, int v) { Set(key, std::to_string(v)); }
  void Int(std::string_view key, const std::optional<int>& v) {
    if (v) Set(key, std::to_string(*v));
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    const FlatColumn* c = Find(key);
    if (!c) return;
    row_[c - kFlat] = Join(v, c->join);
  }
  void Flag(std::string_view, bool) {}
  void Pair(std::string_view key, int a, int b) {
    Set(std::string(key) + ".0", std::to_string(a));
    Set(std::string(key) + ".1", std::to_string(b));
  }
  template <typename F>
  void Map(std::string_view key, F body) {
    prefix_ = std::string(key) + ".";
    body();
    prefix_.clear();
  }
  template <typename T, typename F>
  void Seq(std::string_view, const std::vector<T>&, F) {}

 private:
  const FlatColumn* Find(std::string_view key) const {
    for (const FlatColumn& c : kFlat) {
      if (prefix_.empty() ? c.path == key
                          : c.path.size() == prefix_.size() + key.size() &&
                                c.path.substr(0, prefix_.size()) == prefix_ &&
                                c.path.substr(prefix_.size()) == key) {
        return &c;
      }
    }
    return nullptr;
  }
  void Set(std::string_view key, std::string v) {
    if (const FlatColumn* c = Find(key)) row_[c - kFlat] = std::move(v);
  }

  std::vector<std::string>& row_;
  std::string prefix_;
};

}  // namespace

const std::vector<std::string_view>& FlatColumns() {
  static const std::vector<std::string_view> kColumns = [] {
    std::vector<std::string_view> v;
    for (const FlatColumn& c : kFlat) v.push_back(c.name);
    return v;
  }();
  return kColumns;
}

std::vector<std::string> FlatRow(const Document& doc, const Task& task) {
  std::vector<std::string> row(kFlatCount);
  FlatVisitor v(&row);
  v.Raw("source", doc.source);
  VisitTask(task, v);
  return row;
}

namespace {

// Walks a document (schema.h) adding up what any text writer can emit for
// it: every key and value plus kField bytes of indent, quotes and
// punctuation per field (YAML and pretty JSON use at most 18).
class SizeBound {
 public:
  size_t n = 0;
  void Raw(std::string_view k, const std::string& s) { Add(k, s.size()); }
  void Str(std::string_view k, const std::string& s) { Add(k, s.size()); }
  void Str(std::string_view k, const std::optional<std::string>& s) { Add(k, s ? s->size() : 4); }
  void StrIf(std::string_view k, bool, const std::string& s) { Add(k, s.size()); }
  template <typename T>
  void Int(std::string_view k, const T&) { Add(k, 11); }
  void List(std::string_view k, const std::vector<std::string>& v) {
    Add(k, 2);
    for (const std::string& s : v) n += s.size() + kField;
  }
  void Flag(std::string_view k, bool) { Add(k, 5); }
  void Pair(std::string_view k, int, int) { Add(k, 26); }
  template <typename F>
  void Map(std::string_view k, F body) {
    Add(k, 2);
    body();
  }
  template <typename T, typename F>
  void Seq(std::string_view k, const std::vector<T>& v, F each) {
    Add(k, 2);
    for (const T& x : v) {
      n += kField;
      each(x);
    }
  }

 private:
  static constexpr size_t kField = 24;
  void Add(std::string_view k, size_t value) { n += k.size() + value + kField; }
};

}  // namespace

void ReserveOutput(std::string& out, size_t bound) {
#ifdef __GLIBC__
  // A big document leaves the pages of its rows, grid and source text free
  // but resident in the heap; glibc keeps them unless asked. Handing them
  // back before the text is rendered keeps the peak near the larger of the
  // conversion and the rendering, not their sum (a 60 MB table notice: about
  // 150 MB less). Small documents skip it: it walks every arena.
  if (bound >= (size_t{16} << 20)) malloc_trim(0);
#endif
  out.reserve(bound);
}

size_t RenderedSizeBound(const Document& doc) {
  SizeBound b;
  VisitDocument(doc, b);
  return b.n;
}

size_t FlatSizeBound(const Document& doc) {
  SizeBound b;
  for (const Task& t : doc.tasks) {
    b.Raw("", doc.source);
    VisitTask(t, b);
  }
  return b.n;
}

}  // namespace noticetab
