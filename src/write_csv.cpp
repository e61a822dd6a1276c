#include <ostream>
#include <string>
#include <vector>

#include "noticetab/text.h"
#include "noticetab/write.h"
#include "writers.h"

namespace noticetab {
namespace {

// Cells are written as they are, including ones that start with = + - @:
// the values come from the notice itself ("-" is a legitimate empty cell)
// and a prefixed quote would be data the notice never held. Whoever opens
// untrusted CSV in a spreadsheet must guard against formulas there.
void AppendCell(std::string& out, std::string_view cell, char sep) {
  if (sep == '\t') {
    // TSV has no quoting, so the separators inside a cell become spaces.
    for (size_t i = 0; i < cell.size(); ++i) {
      const char c = cell[i];
      if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') continue;
      out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    return;
  }
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void WriteTable(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts,
                char sep) {
  const std::string_view eol = opts.excel ? "\r\n" : "\n";
  std::string text = opts.excel ? "\xEF\xBB\xBF" : "";
  auto append_row = [&](const auto& cells, bool normalize) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) text += sep;
      // Column 0 is the source path, which must still name the file.
      if (normalize && i > 0) {
        AppendCell(text, NormalizePunct(cells[i]), sep);
      } else {
        AppendCell(text, cells[i], sep);
      }
    }
    text += eol;
  };
  append_row(FlatColumns(), false);
  for (const Document& doc : docs) {
    for (const Task& task : doc.tasks) append_row(FlatRow(doc, task), opts.normalize_punct);
  }
  out << text;
}

}  // namespace

void WriteDelimited(std::ostream& out, char sep, const std::vector<std::string_view>& header,
                    const std::vector<std::vector<std::string>>& rows, const WriteOptions& opts) {
  const std::string_view eol = opts.excel ? "\r\n" : "\n";
  std::string text = opts.excel ? "\xEF\xBB\xBF" : "";
  auto append_row = [&](const auto& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) text += sep;
      AppendCell(text, cells[i], sep);
    }
    text += eol;
  };
  append_row(header);
  for (const auto& row : rows) append_row(row);
  out << text;
}

void WriteCsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteTable(out, docs, opts, ',');
}

void WriteTsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteTable(out, docs, opts, '\t');
}

}  // namespace noticetab
