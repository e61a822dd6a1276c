#include "noticetab/write.h"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <charconv>
#include <memory>
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
    {"leaders", "leaders"},
    {"remarks", "remarks"},
};
constexpr size_t kFlatCount = sizeof(kFlat) / sizeof(kFlat[0]);

// Finds the flat column of each leaf the walk visits (schema.h), by its path:
// nulls stay empty, and the other leaves (section, item, units_open,
// granularity…) are tree-only. The sink's Set, Number and List receive the
// rest. The walk of a task visits the same keys in the same order each time,
// so the column of the n-th leaf is remembered with the key's address (a
// literal's) and the paths are compared once per FlatVisitor, not per row.
template <typename Sink>
class FlatVisitor {
 public:
  explicit FlatVisitor(Sink& sink) : sink_(sink) {}
  /// Starts the walk of the next row.
  void Rewind() { leaf_ = 0; }

  void Raw(std::string_view key, const std::string& v) { Set(key, v); }
  void Str(std::string_view key, const std::string& v) { Set(key, v); }
  void Str(std::string_view key, const std::optional<std::string>& v) {
    if (const int c = Column(key); c >= 0 && v) sink_.Set(c, *v);
  }
  void StrIf(std::string_view key, bool present, const std::string& v) {
    if (const int c = Column(key); c >= 0 && present) sink_.Set(c, v);
  }
  void Int(std::string_view key, int v) {
    if (const int c = Column(key); c >= 0) sink_.Number(c, v);
  }
  void Int(std::string_view key, const std::optional<int>& v) {
    if (const int c = Column(key); c >= 0 && v) sink_.Number(c, *v);
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    if (const int c = Column(key); c >= 0) sink_.List(c, v, kFlat[c].join);
  }
  void Flag(std::string_view, bool) {}
  /// Columns key.0 and key.1.
  void Pair(std::string_view key, int a, int b) {
    const int c = Column(key, 1);
    if (c >= 0) sink_.Number(c, a);
    const int d = Column(key, 2);
    if (d >= 0) sink_.Number(d, b);
  }
  template <typename F>
  void Map(std::string_view key, F body) {
    prefix_ = key;
    body();
    prefix_ = {};
  }
  template <typename T, typename F>
  void Seq(std::string_view, const std::vector<T>&, F) {}

 private:
  void Set(std::string_view key, const std::string& v) {
    if (const int c = Column(key); c >= 0) sink_.Set(c, v);
  }
  /// The column of `key` under prefix_ (part 0), or of key.0 or key.1 (part
  /// 1, 2); -1 for none.
  int Column(std::string_view key, int part = 0) {
    if (leaf_ < kMemo) {
      Memo& m = memo_[leaf_++];
      if (m.key == key.data() && m.size == key.size() && m.prefix == prefix_.data() && m.part == part) {
        return m.column;
      }
      m = {key.data(), key.size(), prefix_.data(), part, Find(key, part)};
      return m.column;
    }
    return Find(key, part);
  }
  int Find(std::string_view key, int part) const {
    const std::string_view head = part ? key : prefix_;
    const std::string_view tail = part == 1 ? "0" : part == 2 ? "1" : key;
    for (size_t i = 0; i < kFlatCount; ++i) {
      const std::string_view path = kFlat[i].path;
      if (head.empty() ? path == tail
                       : path.size() == head.size() + 1 + tail.size() && path.starts_with(head) &&
                             path[head.size()] == '.' && path.ends_with(tail)) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  struct Memo {
    const char* key = nullptr;
    size_t size = 0;
    const char* prefix = nullptr;
    int part = 0;
    int column = -1;
  };
  static constexpr size_t kMemo = 64;  // more than a task's leaves
  Sink& sink_;
  std::string_view prefix_;
  size_t leaf_ = 0;
  Memo memo_[kMemo];
};

// FlatRow's cells as strings.
struct RowSink {
  std::vector<std::string>& row;
  void Set(int c, const std::string& v) { row[c] = v; }
  void Number(int c, int v) { row[c] = std::to_string(v); }
  void List(int c, const std::vector<std::string>& v, std::string_view sep) { row[c] = Join(v, sep); }
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
  RowSink sink{row};
  FlatVisitor<RowSink> v(sink);
  v.Raw("source", doc.source);
  VisitTask(task, v);
  return row;
}

// FlatCells: views into the document, numbers and joined lists in scratch_.
struct FlatCells::Sink {
  FlatCells& cells;
  void Set(int c, const std::string& v) { cells.cells_[c] = v; }
  void Number(int c, int v) {
    std::string& s = cells.scratch_[c];
    char buf[16];
    s.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    cells.cells_[c] = s;
  }
  void List(int c, const std::vector<std::string>& v, std::string_view sep) {
    std::string& s = cells.scratch_[c];
    s.clear();
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s += sep;
      s += v[i];
    }
    cells.cells_[c] = s;
  }
};

struct FlatCells::Walk : FlatVisitor<FlatCells::Sink> {
  using FlatVisitor<FlatCells::Sink>::FlatVisitor;
};

FlatCells::FlatCells()
    : cells_(kFlatCount), scratch_(kFlatCount), sink_(new Sink{*this}), walk_(new Walk(*sink_)) {}
FlatCells::~FlatCells() = default;

void FlatCells::Fill(const Document& doc, const Task& task) {
  std::fill(cells_.begin(), cells_.end(), std::string_view());
  walk_->Rewind();
  walk_->Raw("source", doc.source);
  VisitTask(task, *walk_);
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
