// Reader for tables whose rows are lines of '|'-separated cells: markdown
// tables (with a ---|--- rule under the header) and the looser pipe rows web
// scrapers and OCR tools write, where a group cell appears only on the first
// row of its group and later rows are shifted left.
#include <algorithm>

#include "noticetab/read.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

bool HasPipe(std::string_view s) { return s.find('|') != std::string_view::npos || s.find("｜") != std::string_view::npos; }

// Splits on | and ｜, dropping the empty cells the outer pipes make.
std::vector<std::string_view> SplitPipes(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0, i = 0;
  while (i <= line.size()) {
    bool ascii = i < line.size() && line[i] == '|';
    bool wide = line.substr(i, 3) == "｜";
    if (i == line.size() || ascii || wide) {
      cells.push_back(Trim(line.substr(start, i - start)));
      i += wide ? 3 : 1;
      start = i;
      continue;
    }
    ++i;
  }
  if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

// A markdown rule row: only pipes, dashes, colons and spaces.
bool IsRule(std::string_view s) {
  s = Trim(s);
  return s.find('-') != std::string_view::npos &&
         std::all_of(s.begin(), s.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

}  // namespace

int DetectPipe(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.tabs > 0 || !HasPipe(l.text)) return 0;
  return HeaderRoles(SplitPipes(l.text), rules).empty() ? 0 : 9;
}

Table ReadPipe(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Table t;
  t.layout = "pipe";
  t.header_line = lines[at].no;
  t.columns = HeaderRoles(SplitPipes(lines[at].text), rules);
  bool after_break = false;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (EndsTable(l, rules)) break;
    if (IsRule(l.text)) {
      if (i == at + 1) t.layout = "markdown";
      continue;
    }
    if (!HasPipe(l.text)) break;  // the table is over
    auto cells = SplitPipes(l.text);
    if (auto roles = HeaderRoles(cells, rules); !roles.empty()) {
      t.columns = roles;
      after_break = true;
      continue;
    }
    if (std::none_of(cells.begin(), cells.end(), [](std::string_view c) { return !c.empty(); })) continue;
    Row row = AssignRow(cells, t.columns, l.no, rules);
    row.after_break = after_break;
    after_break = false;
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace noticetab
