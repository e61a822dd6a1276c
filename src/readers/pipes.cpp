// Reader for tables whose rows are lines of '|'-separated cells: markdown
// tables (with a ---|--- rule under the header) and the looser pipe rows web
// scrapers and OCR tools write, where a group cell appears only on the first
// row of its group and later rows are shifted left.
#include <algorithm>

#include "noticetab/interpret.h"
#include "noticetab/read.h"
#include "readers.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

// A row of pipes, or of OCR's rule marks (Punctuation::RuledRow).
bool HasPipe(std::string_view s, const Punctuation& p) { return p.pipe.In(s) || p.RuledRow(s); }

// Splits on the pipe marks (punctuation.yaml pipe: | ｜), and on the rule
// marks of a RuledRow (丨), dropping the empty cells the outer ones make.
void SplitPipes(std::string_view line, const Punctuation& p, std::vector<std::string_view>* out) {
  std::vector<std::string_view>& cells = *out;
  cells.clear();
  size_t start = 0;
  const bool ruled = p.RuledRow(line);
  for (size_t i = 0; i < line.size();) {
    const size_t at = i;
    if (p.CellBorder(NextChar(line, i), ruled)) {
      cells.push_back(Trim(line.substr(start, at - start)));
      start = i;
    }
  }
  cells.push_back(Trim(line.substr(start)));
  if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
}

std::vector<std::string_view> SplitPipes(std::string_view line, const Punctuation& p) {
  std::vector<std::string_view> cells;
  SplitPipes(line, p, &cells);
  return cells;
}

// A markdown rule row: only pipes, dashes, colons, spaces and + (|----+----|); or a box-drawn
// table's rule (├────┼────┤, as w3m and lynx print a bordered table): only
// box-drawing characters (U+2500-U+257F) and spaces.
bool IsRule(std::string_view s) {
  s = Trim(s);
  if (s.find('-') != std::string_view::npos &&
      std::all_of(s.begin(), s.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' ' || c == '+'; }))
    return true;
  return IsBoxRule(s) || IsGridRule(s);
}

}  // namespace

bool StartsBoxDrawing(std::string_view s) {
  return s.starts_with("\xE2\x94") || s.starts_with("\xE2\x95");  // U+2500-U+257F: E2 94 80 .. E2 95 BF
}

namespace {

// A vertical-only stroke (│┃┆┇┊┋║╎╏): a box table's cell border, never a
// rule on its own.
bool VerticalOnly(char32_t c) {
  switch (c) {
    case 0x2502: case 0x2503: case 0x2506: case 0x2507: case 0x250A:
    case 0x250B: case 0x2551: case 0x254E: case 0x254F:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsGridRule(std::string_view s) {
  s = Trim(s);
  if (!s.starts_with('+')) return false;
  bool stroke = false;
  for (char c : s) {
    if (c != '+' && c != '-' && c != '=' && c != ':' && c != ' ') return false;
    stroke = stroke || c == '-' || c == '=';
  }
  return stroke;
}

bool IsBoxRule(std::string_view s) {
  s = Trim(s);
  if (!StartsBoxDrawing(s)) return false;
  // A line of borders and spaces only (│      │      │) is an empty row
  // line of a wrapped cell, not a rule: a rule has a horizontal stroke.
  bool horizontal = false;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
    if (!(c >= 0x2500 && c <= 0x257F) && c != ' ') return false;
    horizontal = horizontal || (c != ' ' && !VerticalOnly(c));
  }
  return horizontal;
}

// REQUIRES: rules outlive the syntax.
RowLineSyntax PipeSyntax(const Rules& rules) {
  RowLineSyntax syntax;
  syntax.layout = "pipe";
  const Punctuation* p = &rules.punct;
  syntax.split = [p](const Line& l, std::vector<std::string_view>* out) { SplitPipes(l.text, *p, out); };
  syntax.is_row = [p](const Line& l) { return l.tabs == 0 && HasPipe(l.text, *p); };
  syntax.is_rule = [](const Line& l) { return IsRule(l.text); };
  syntax.closed = [p](const Line& l) { return p->pipe.Ends(l.text) || p->RuledRow(l.text); };
  syntax.opened = [p](const Line& l) { return p->pipe.StartLength(l.text) > 0 || p->RuledRow(l.text); };
  syntax.wrapped_header =
      true;  // a header over two pipe rows (牵头 over 单位): OCR, narrow columns
  return syntax;
}

bool DetectPipe(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  const Line& l = lines[at];
  if (l.tabs > 0 || !HasPipe(l.text, rules.punct)) return false;
  return !HeaderRoles(SplitPipes(l.text, rules.punct), rules).empty() ||
         HeaderlessRowLines(lines, at, rules, PipeSyntax(rules));
}

// A markdown table: a pipe header with a rule line right under it.
bool DetectMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return at + 1 < lines.size() && IsRule(lines[at + 1].text) && lines[at].tabs == 0 &&
         !HeaderRoles(SplitPipes(lines[at].text, rules.punct), rules).empty();
}

Grid CutPipe(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  return CutRowLines(lines, at, rules, PipeSyntax(rules));
}

Grid CutMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g = CutPipe(lines, at, rules);
  g.layout = "markdown";
  return g;
}

}  // namespace noticetab
