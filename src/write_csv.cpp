#include <algorithm>
#include <ostream>
#include <string>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "noticetab/text.h"
#include "noticetab/write.h"
#include "writers.h"

namespace noticetab {
namespace {

// A spreadsheet reads a cell that starts with = + - @ (or tab, CR) as a
// formula: =HYPERLINK(...) in a notice would become a live link. For the
// spreadsheet form (--excel) such a cell gets a leading apostrophe, as
// OWASP advises, unless opts.raw_formulas; plain CSV is for programs and
// keeps the text as the notice has it.
bool LooksLikeFormula(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos;
}

bool IsQuoted(char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }

/// True when the cell holds , " CR or LF: one pass, 16 bytes at a time.
bool NeedsQuotes(std::string_view cell) {
  const char* p = cell.data();
  const size_t n = cell.size();
#ifdef __SSE2__
  if (n >= 16) {
    auto any = [](__m128i v) {
      const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
      return _mm_movemask_epi8(m) != 0;
    };
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      if (any(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)))) return true;
    }
    return i != n && any(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));  // the tail, overlapping
  }
#endif
  return std::any_of(p, p + n, IsQuoted);
}

void AppendCell(std::string& out, std::string_view cell, char sep, const WriteOptions& opts) {
  const bool guard = opts.excel && !opts.raw_formulas && LooksLikeFormula(cell);
  if (sep == '\t') {
    if (guard) out += '\'';
    // TSV has no quoting, so the separators inside a cell become spaces.
    for (size_t i = 0; i < cell.size(); ++i) {
      const char c = cell[i];
      if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') continue;
      out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    return;
  }
  const bool quote = NeedsQuotes(cell);
  if (!quote) {
    if (guard) out += '\'';
    out += cell;
    return;
  }
  out += '"';
  if (guard) out += '\'';
  size_t run = 0;  // start of the bytes not yet copied; each " is doubled
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '"') continue;
    out.append(cell.substr(run, i + 1 - run));
    out += '"';
    run = i + 1;
  }
  out.append(cell.substr(run));
  out += '"';
}

template <typename Cells>
void AppendRow(std::string& text, const Cells& cells, char sep, const WriteOptions& opts, bool normalize) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) text += sep;
    // Column 0 is the source path, which must still name the file.
    if (normalize && i > 0) {
      AppendCell(text, NormalizePunct(cells[i]), sep, opts);
    } else {
      AppendCell(text, cells[i], sep, opts);
    }
  }
  text += opts.excel ? "\r\n" : "\n";
}

std::string Head(char sep, const WriteOptions& opts) {
  std::string text = opts.excel ? "\xEF\xBB\xBF" : "";
  AppendRow(text, FlatColumns(), sep, opts, false);
  return text;
}

std::string Rows(const Document& doc, char sep, const WriteOptions& opts) {
  std::string text;
  ReserveOutput(text, FlatSizeBound(doc));
  FlatCells cells;
  for (const Task& task : doc.tasks) {
    cells.Fill(doc, task);
    AppendRow(text, cells.cells(), sep, opts, opts.normalize_punct);
  }
  return text;
}

std::string CsvHead(bool, const WriteOptions& opts) { return Head(',', opts); }
std::string TsvHead(bool, const WriteOptions& opts) { return Head('\t', opts); }
std::string CsvPart(const Document& doc, bool, const WriteOptions& opts) { return Rows(doc, ',', opts); }
std::string TsvPart(const Document& doc, bool, const WriteOptions& opts) { return Rows(doc, '\t', opts); }
std::string NoSep(size_t, bool, const WriteOptions&) { return ""; }
std::string NoTail(size_t, bool, const WriteOptions&) { return ""; }

void WriteTable(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts,
                char sep) {
  out << Head(sep, opts);
  for (const Document& doc : docs) out << Rows(doc, sep, opts);
}

}  // namespace

extern const Pieces kCsvPieces = {CsvHead, CsvPart, NoSep, NoTail, nullptr};
extern const Pieces kTsvPieces = {TsvHead, TsvPart, NoSep, NoTail, nullptr};

namespace {

// A view's table with the quoting and opts.excel handling of the task list;
// cells as given (WriteRows normalized them).
void WriteDelimited(std::ostream& out, char sep, const RowTable& t, const WriteOptions& opts) {
  std::string text = opts.excel ? "\xEF\xBB\xBF" : "";
  AppendRow(text, t.header, sep, opts, false);
  for (const auto& row : t.rows) AppendRow(text, row, sep, opts, false);
  out << text;
}

}  // namespace

void WriteCsvRows(std::ostream& out, const RowTable& t, const WriteOptions& opts) { WriteDelimited(out, ',', t, opts); }
void WriteTsvRows(std::ostream& out, const RowTable& t, const WriteOptions& opts) { WriteDelimited(out, '\t', t, opts); }

void WriteCsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteTable(out, docs, opts, ',');
}

void WriteTsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteTable(out, docs, opts, '\t');
}

}  // namespace noticetab
