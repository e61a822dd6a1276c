// The text form of a view's table (`units`, `due`, `diff` on a terminal):
// columns padded to their widest cell in terminal columns (East Asian wide
// characters count two), numbers flush right, no trailing spaces.
#include <algorithm>
#include <ostream>
#include <string>

#include "noticetab/text.h"
#include "noticetab/write.h"
#include "writers.h"

namespace noticetab {

void WriteTextRows(std::ostream& out, const RowTable& t, const WriteOptions& /*opts*/) {
  auto width = [](std::string_view s) {
    int w = 0;
    for (size_t i = 0; i < s.size();) w += ColumnWidth(NextChar(s, i));
    return w;
  };
  std::vector<int> widths;
  for (std::string_view h : t.header) widths.push_back(width(h));
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string text;
  auto append_row = [&](const auto& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string_view cell = cells[i];
      const std::string pad(widths[i] - width(cell), ' ');
      if (i) line += "  ";
      if (t.numeric[i]) {
        line += pad;
        line += cell;
      } else {
        line += cell;
        line += pad;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    text += line + '\n';
  };
  append_row(t.header);
  for (const auto& row : t.rows) append_row(row);
  out << text;
}

}  // namespace noticetab
