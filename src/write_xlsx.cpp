// The xlsx writer, one workbook per run: a 任务 sheet with the flat columns of
// OUTPUT.md plus 标题 and 文号, a 责任单位 sheet with the per-unit rows of
// byunit.h and a 到期 sheet with the dated tasks by month (due.h). Sheet
// names, headers and the kind and role values are Chinese (rules/labels.yaml); --lang en gives
// the English names of the CSV (tasks, units, due), values as in the CSV.
#include <dlfcn.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/byunit.h"
#include "noticetab/due.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "noticetab/write.h"
#include "output_file.h"
#include "writers.h"

namespace noticetab {
namespace {

// libxlsxwriter is opened on the first workbook, not linked: with it come
// minizip and libcrypto, whose relocations cost every run of noticetab a
// millisecond or more, and most runs never write xlsx.
#define NOTICETAB_LXW_FUNCTIONS(X)                                                                        \
  X(workbook_new_opt) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_close)                  \
  X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_datetime) X(worksheet_set_column) \
  X(worksheet_freeze_panes) X(worksheet_autofilter) X(format_set_bold) X(format_set_bg_color)             \
  X(format_set_bottom) X(format_set_align) X(format_set_text_wrap) X(format_set_num_format) X(lxw_strerror)

struct LxwApi {
#define NOTICETAB_LXW_POINTER(name) decltype(&::name) name = nullptr;
  NOTICETAB_LXW_FUNCTIONS(NOTICETAB_LXW_POINTER)
#undef NOTICETAB_LXW_POINTER
  std::string error;  // why it could not be loaded
};

LxwApi LoadLxw() {
  LxwApi api;
  void* lib = dlopen(NOTICETAB_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* e = dlerror();
    api.error = e ? e : NOTICETAB_XLSXWRITER_SONAME ": cannot be loaded";
    return api;
  }
#define NOTICETAB_LXW_LOAD(name)                                                 \
  api.name = reinterpret_cast<decltype(&::name)>(dlsym(lib, #name));             \
  if (!api.name && api.error.empty()) api.error = NOTICETAB_XLSXWRITER_SONAME ": no symbol " #name;
  NOTICETAB_LXW_FUNCTIONS(NOTICETAB_LXW_LOAD)
#undef NOTICETAB_LXW_LOAD
  return api;
}

// The loaded library; throws Error(kOutput) saying what to install.
const LxwApi& Lxw() {
  static const LxwApi api = LoadLxw();
  if (!api.error.empty())
    throw Error(Error::Kind::kOutput, "xlsx output needs libxlsxwriter (Debian: apt-get install libxlsxwriter4): " + api.error);
  return api;
}

// How a column is shown, chosen by its name so that both sheets (and any
// column byunit.h adds later) get the same treatment.
enum class CellKind { kText, kWrapped, kNumber, kDate };

struct ColumnStyle {
  std::string_view name;
  CellKind kind;
  double max_width;  // Excel width units (about one ASCII digit each)
};

constexpr ColumnStyle kStyles[] = {
    {"id", CellKind::kNumber, 8},          {"seq", CellKind::kNumber, 8},
    {"first_line", CellKind::kNumber, 10}, {"last_line", CellKind::kNumber, 10},
    {"deadline_date", CellKind::kDate, 13}, {"content", CellKind::kWrapped, 60},
    {"section_title", CellKind::kWrapped, 30}, {"item_title", CellKind::kWrapped, 30},
    {"units", CellKind::kWrapped, 30},     {"lead_units", CellKind::kWrapped, 24},
    {"support_units", CellKind::kWrapped, 24}, {"deadline", CellKind::kWrapped, 18},
    {"warnings", CellKind::kWrapped, 40},  {"unit", CellKind::kText, 24},
    {"source", CellKind::kText, 32},       {"page", CellKind::kNumber, 8},
    {"table", CellKind::kWrapped, 30},     {"title", CellKind::kWrapped, 30},
    {"old_id", CellKind::kNumber, 8},      {"new_id", CellKind::kNumber, 8},
    {"old_content", CellKind::kWrapped, 50}, {"new_content", CellKind::kWrapped, 50},
    {"leaders", CellKind::kWrapped, 16},   {"remarks", CellKind::kWrapped, 30},
};

// The Chinese workbook (the default): column headers, sheet names and the
// values of the columns that hold a code rather than text, from labels.yaml.
// English is the column name and the value as in the CSV.
const Rules& LabelRules(const WriteOptions& opts) { return opts.rules ? *opts.rules : BuiltinLabels(); }

// The columns whose values are codes (labels.yaml values:).
constexpr std::string_view kCodeColumns[] = {"deadline_kind", "role", "how", "change"};

bool Chinese(const WriteOptions& opts) { return opts.lang != "en"; }

std::string HeaderOf(std::string_view name, const WriteOptions& opts) {
  if (Chinese(opts)) {
    if (std::string_view zh = ColumnLabel(name, LabelRules(opts)); !zh.empty()) return std::string(zh);
  }
  return std::string(name);
}

bool IsCodeColumn(std::string_view name) {
  return std::find(std::begin(kCodeColumns), std::end(kCodeColumns), name) != std::end(kCodeColumns);
}

std::string_view ValueOf(std::string_view value, const WriteOptions& opts) {
  if (Chinese(opts)) {
    if (std::string_view zh = ValueLabel(value, LabelRules(opts)); !zh.empty()) return zh;
  }
  return value;
}

// The name of sheet `name` (tasks, units, due, table): labels.yaml's in the
// Chinese workbook, else `name`.
std::string SheetName(std::string_view name, const WriteOptions& opts) {
  if (Chinese(opts)) {
    if (std::string_view zh = SheetLabel(name, LabelRules(opts)); !zh.empty()) return std::string(zh);
  }
  return std::string(name);
}
constexpr double kDefaultMaxWidth = 24, kMinWidth = 6;

ColumnStyle StyleOf(std::string_view name) {
  for (const ColumnStyle& s : kStyles) {
    if (s.name == name) return s;
  }
  return {name, CellKind::kText, kDefaultMaxWidth};
}

// Excel caps a cell at 32,767 UTF-16 code units; Han characters are one each.
constexpr size_t kMaxCellUnits = 32767;

// Decodes the code point starting at s[i] (input is valid UTF-8) and moves i.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char c = s[i];
  const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += len;
  return cp;
}

// Display width in Excel units: East Asian wide characters take two.
double DisplayWidth(std::string_view s) {
  double w = 0, line = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = NextCodePoint(s, i);
    if (cp == '\n') {
      w = std::max(w, line);
      line = 0;
      continue;
    }
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    line += wide ? 2.1 : 1.1;
  }
  return std::max(w, line);
}

// A cell longer than Excel allows is cut (with a visible …) rather than
// failing the whole workbook; the CSV and tree formats keep the full text.
std::string FitCell(std::string_view s) {
  if (s.size() <= kMaxCellUnits) return std::string(s);  // bytes >= UTF-16 units
  size_t units = 0, i = 0, cut = 0;
  while (i < s.size()) {
    units += NextCodePoint(s, i) >= 0x10000 ? 2 : 1;
    if (units > kMaxCellUnits - 1) return std::string(s.substr(0, cut)) + "…";
    cut = i;
  }
  return std::string(s);
}

void Check(lxw_error err, std::string_view what) {
  if (err != LXW_NO_ERROR) {
    throw Error(Error::Kind::kOutput, fmt::format("xlsx: {}: {}", what, Lxw().lxw_strerror(err)));
  }
}

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* wrapped;
  lxw_format* number;
  lxw_format* date;
};

Formats AddFormats(lxw_workbook* wb) {
  Formats f{};
  f.header = Lxw().workbook_add_format(wb);
  Lxw().format_set_bold(f.header);
  Lxw().format_set_bg_color(f.header, 0xDDEBF7);
  Lxw().format_set_bottom(f.header, LXW_BORDER_THIN);
  Lxw().format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.text = Lxw().workbook_add_format(wb);
  Lxw().format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.wrapped = Lxw().workbook_add_format(wb);
  Lxw().format_set_align(f.wrapped, LXW_ALIGN_VERTICAL_TOP);
  Lxw().format_set_text_wrap(f.wrapped);
  f.number = Lxw().workbook_add_format(wb);
  Lxw().format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  f.date = Lxw().workbook_add_format(wb);
  Lxw().format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  Lxw().format_set_num_format(f.date, "yyyy-mm-dd");
  return f;
}

bool ParseInt(std::string_view s, double& out) {
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  out = static_cast<double>(v);
  return true;
}

// "YYYY-MM-DD" -> a date; anything else stays text.
bool ParseDate(std::string_view s, lxw_datetime& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  double y = 0, m = 0, d = 0;
  if (!ParseInt(s.substr(0, 4), y) || !ParseInt(s.substr(5, 2), m) || !ParseInt(s.substr(8, 2), d))
    return false;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), 0, 0, 0};
  return true;
}

// Writes one sheet: a bold frozen header, the rows typed by column, an
// autofilter over the whole table, and widths fitted to the content.
template <typename Rows>
void WriteSheet(lxw_workbook* wb, const Formats& f, const std::string& name,
                const std::vector<std::string_view>& columns, const Rows& rows,
                const WriteOptions& opts) {
  lxw_worksheet* ws = Lxw().workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw Error(Error::Kind::kOutput, fmt::format("xlsx: cannot add sheet {}", name));
  std::vector<ColumnStyle> styles;
  std::vector<double> widths;
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    styles.push_back(StyleOf(columns[c]));
    const std::string header = HeaderOf(columns[c], opts);
    widths.push_back(std::max(kMinWidth, DisplayWidth(header) + 2));
    Check(Lxw().worksheet_write_string(ws, 0, c, header.c_str(), f.header), name);
  }
  lxw_row_t r = 0;
  for (const std::vector<std::string>& cells : rows) {
    ++r;
    for (lxw_col_t c = 0; c < cells.size() && c < columns.size(); ++c) {
      const ColumnStyle& style = styles[c];
      const std::string_view cell = IsCodeColumn(style.name) ? ValueOf(cells[c], opts) : std::string_view(cells[c]);
      if (cell.empty()) continue;
      double number = 0;
      lxw_datetime date{};
      if (style.kind == CellKind::kNumber && ParseInt(cell, number)) {
        Check(Lxw().worksheet_write_number(ws, r, c, number, f.number), name);
        widths[c] = std::max(widths[c], DisplayWidth(cell) + 2);
        continue;
      }
      if (style.kind == CellKind::kDate && ParseDate(cell, date)) {
        Check(Lxw().worksheet_write_datetime(ws, r, c, &date, f.date), name);
        widths[c] = std::max(widths[c], 12.0);
        continue;
      }
      // The source path must still name the file, as in the CSV writer.
      std::string text = FitCell(opts.normalize_punct && style.name != "source"
                                     ? NormalizePunct(cell) : std::string(cell));
      Check(Lxw().worksheet_write_string(ws, r, c, text.c_str(),
                                   style.kind == CellKind::kWrapped ? f.wrapped : f.text),
            name);
      widths[c] = std::max(widths[c], DisplayWidth(text) + 2);
    }
  }
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    Check(Lxw().worksheet_set_column(ws, c, c, std::min(widths[c], std::max(styles[c].max_width, kMinWidth)),
                               nullptr),
          name);
  }
  Lxw().worksheet_freeze_panes(ws, 1, 0);
  Check(Lxw().worksheet_autofilter(ws, 0, 0, r, static_cast<lxw_col_t>(columns.size() - 1)), name);
}

// Cells are produced lazily so that a large batch is not copied twice.
template <typename Fn>
struct RowRange {
  size_t n;
  Fn fn;
  struct It {
    const RowRange* range;
    size_t i;
    std::vector<std::string> operator*() const { return range->fn(i); }
    It& operator++() { ++i; return *this; }
    bool operator!=(const It& o) const { return i != o.i; }
  };
  It begin() const { return {this, 0}; }
  It end() const { return {this, n}; }
};
template <typename Fn>
RowRange<Fn> MakeRows(size_t n, Fn fn) { return {n, std::move(fn)}; }

// The temporary workbook file; libxlsxwriter only writes to a path.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    dir_ = dir && *dir ? dir : "/tmp";
    path_ = CreateTempFile(dir_, "noticetab-");  // removed on SIGINT too
  }
  ~TempFile() { RemoveTempFile(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_, path_;
};

// libxlsxwriter reports a failure on stderr ("[ERROR] workbook_close(): Zip
// ZIP_ERRNO error while creating xlsx file '/tmp/noticetab-…'. System error =
// No space left on device") before it returns the error code, and has no
// switch to stop that. Pre-checks cannot foresee a full disk, so its stderr
// goes to an in-memory file (memfd: no disk needed, no pipe to fill up and
// block) while a workbook is built, and what it said becomes part of
// noticetab's own message. fd 2 is process-wide: a workbook is built after
// the batch's workers are done, when nothing else writes there.
class CaptureStderr {
 public:
  CaptureStderr() {
    const int mem = ::memfd_create("noticetab-xlsx-stderr", MFD_CLOEXEC);
    if (mem < 0) return;  // then libxlsxwriter's lines pass through
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    if (saved_ < 0 || ::dup2(mem, STDERR_FILENO) < 0) {
      if (saved_ >= 0) ::close(saved_);
      saved_ = -1;
      ::close(mem);
      return;
    }
    mem_ = mem;
  }
  ~CaptureStderr() { Text(); }
  CaptureStderr(const CaptureStderr&) = delete;
  CaptureStderr& operator=(const CaptureStderr&) = delete;

  /// Restores stderr and returns what was written to it meanwhile.
  const std::string& Text() {
    if (mem_ < 0) return text_;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    char buf[4096];
    for (off_t at = 0;;) {
      const ssize_t n = ::pread(mem_, buf, sizeof buf, at);
      if (n <= 0 || text_.size() > (1 << 16)) break;
      text_.append(buf, static_cast<size_t>(n));
      at += n;
    }
    ::close(mem_);
    mem_ = -1;
    return text_;
  }

 private:
  int mem_ = -1, saved_ = -1;
  std::string text_;
};

// The reason in libxlsxwriter's stderr lines: its "System error = …" when it
// gives one (the errno of a failed write), else its last line without the
// "[ERROR][file:line]:" tag; "" when it said nothing.
std::string LxwReason(std::string_view said) {
  if (const size_t at = said.find("System error = "); at != std::string_view::npos) {
    std::string_view r = said.substr(at + 15);
    return std::string(r.substr(0, r.find('\n')));
  }
  while (!said.empty() && said.back() == '\n') said.remove_suffix(1);
  if (const size_t nl = said.rfind('\n'); nl != std::string_view::npos) said.remove_prefix(nl + 1);
  if (said.starts_with("[")) {
    const size_t colon = said.find("]: ");
    const size_t space = said.find("] ");
    const size_t end = std::min(colon == std::string_view::npos ? said.size() : colon + 3,
                                space == std::string_view::npos ? said.size() : space + 2);
    said.remove_prefix(std::min(end, said.size()));
  }
  return std::string(said);
}

// Creates a workbook in a temporary file, lets fill() add its sheets, and
// copies the finished file to out.
template <typename Fill>
void WriteWorkbook(std::ostream& out, Fill fill) {
  TempFile tmp;
  lxw_workbook_options wopts{};
  std::string tmpdir = tmp.dir();
  wopts.tmpdir = tmpdir.data();
  lxw_error closed = LXW_NO_ERROR;
  bool created = false;
  std::string said;
  {
    CaptureStderr capture;
    lxw_workbook* wb = Lxw().workbook_new_opt(tmp.path().c_str(), &wopts);
    created = wb != nullptr;
    if (wb) {
      try {
        fill(wb, AddFormats(wb));
      } catch (...) {
        Lxw().workbook_close(wb);
        throw;
      }
      closed = Lxw().workbook_close(wb);
    }
    said = capture.Text();
  }
  if (!created || closed != LXW_NO_ERROR) {
    std::string reason = LxwReason(said);
    if (reason.empty()) reason = created ? Lxw().lxw_strerror(closed) : "libxlsxwriter gave no reason";
    throw Error(Error::Kind::kOutput,
                fmt::format("cannot write the temporary xlsx workbook here: {} (set TMPDIR to use another "
                            "directory)",
                            reason),
                tmp.dir());
  }
  // Anything it said on success (a warning) is passed on as ours.
  for (size_t at = 0; at < said.size();) {
    size_t nl = said.find('\n', at);
    if (nl == std::string::npos) nl = said.size();
    const std::string line = LxwReason(std::string_view(said).substr(at, nl - at));
    if (!line.empty()) std::fprintf(stderr, "noticetab: xlsx: %s\n", line.c_str());
    at = nl + 1;
  }
  std::ifstream in(tmp.path(), std::ios::binary);
  if (!in) throw Error(Error::Kind::kOutput, "xlsx: cannot read back " + tmp.path());
  out << in.rdbuf();
}

}  // namespace

void WriteXlsxRows(std::ostream& out, const RowTable& t, const WriteOptions& opts) {
  WriteWorkbook(out, [&](lxw_workbook* wb, const Formats& f) {
    WriteSheet(wb, f, SheetName("table", opts), t.header, t.rows, opts);
  });
}

void WriteXlsx(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteWorkbook(out, [&](lxw_workbook* wb, const Formats& f) {
    const bool zh = Chinese(opts);
    std::vector<std::pair<const Document*, const Task*>> tasks;
    for (const Document& doc : docs) {
      for (const Task& task : doc.tasks) tasks.emplace_back(&doc, &task);
    }
    // The Chinese workbook names the notice by its 标题 and 文号 after the
    // source (a path); --lang en keeps the columns of the CSV.
    std::vector<std::string_view> task_columns = FlatColumns();
    if (zh) task_columns.insert(task_columns.begin() + 1, {"title", "number"});
    WriteSheet(wb, f, SheetName("tasks", opts), task_columns,
               MakeRows(tasks.size(),
                        [&](size_t i) {
                          std::vector<std::string> row = FlatRow(*tasks[i].first, *tasks[i].second);
                          const FrontMatter& fm = tasks[i].first->document;
                          if (zh) row.insert(row.begin() + 1, {fm.title.value_or(""), fm.number.value_or("")});
                          return row;
                        }),
               opts);
    const std::vector<UnitRow> units = ByUnit(docs);
    WriteSheet(wb, f, SheetName("units", opts), ByUnitColumns(),
               MakeRows(units.size(), [&](size_t i) { return ByUnitCells(units[i]); }), opts);
    const std::vector<DueTask> due = DueTasks(docs, {});
    WriteSheet(wb, f, SheetName("due", opts), DueColumns(),
               MakeRows(due.size(), [&](size_t i) { return DueCells(due[i]); }), opts);
  });
}

}  // namespace noticetab
