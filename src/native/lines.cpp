// Rendered lines: paragraphs and TAB-separated table rows, as the text
// readers expect them (README "Input formats").
#include <algorithm>
#include <cctype>

#include "internal.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

bool Word(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

// Drops control characters other than TAB; NBSP becomes a space.
std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextChar(s, i);
    if (c == '\t') {
      out += '\t';
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF || c == 0x200B) {
      continue;
    } else if (c == 0xA0) {
      out += ' ';
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string CellText(std::string_view text) {
  // A break inside a cell (a paragraph, <br>, a line break) is one the author
  // typed: it may end a line the cell was too narrow for, or separate the
  // names of a units cell written one per line (市数据局 / 市行政审批服务局).
  // It becomes one space either way, never nothing: the pipeline removes a
  // space between CJK characters in content and splits units at it, but two
  // names run together cannot be told apart again.
  std::vector<char32_t> cs;
  for (size_t i = 0; i < text.size();) cs.push_back(NextChar(text, i));
  std::string out;
  for (size_t i = 0; i < cs.size(); ++i) {
    char32_t c = cs[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == 0xA0) {
      size_t j = i;
      while (j < cs.size() && (cs[j] == '\n' || cs[j] == '\r' || cs[j] == '\t' || cs[j] == ' ' || cs[j] == 0xA0)) ++j;
      if (i > 0 && j < cs.size()) out += ' ';
      i = j - 1;
      continue;
    }
    AppendUtf8(out, c);
  }
  return Clean(TrimAscii(out));
}

bool LayoutTable(size_t columns, size_t rows_without_tables) {
  return columns < 3 || rows_without_tables < 2;
}

void AppendNestedRow(std::string& text, const std::vector<std::string>& cells) {
  std::string line;
  for (const std::string& c : cells) {
    if (!line.empty() && !c.empty()) line += ' ';
    for (const char ch : c) line += ch == '\n' ? ' ' : ch;
  }
  if (!text.empty() && !line.empty()) text += '\n';
  text += line;
}

void JoinPiece(std::string& text, std::string_view piece) {
  if (piece.empty()) return;
  if (!text.empty()) {
    size_t i = 0, j = text.size();
    while (j > 0 && (static_cast<unsigned char>(text[j - 1]) & 0xC0) == 0x80) --j;
    if (j > 0) --j;
    char32_t last = NextChar(text, j);
    char32_t first = NextChar(piece, i);
    if (Word(last) && Word(first)) text += ' ';
  }
  text += piece;
}

void LineBuilder::Line(std::string line, int page) {
  out_->lines.push_back(std::move(line));
  if (page > 0 || !out_->pages.empty()) {
    out_->pages.resize(out_->lines.size() - 1, 0);
    out_->pages.push_back(page);
  }
}

void LineBuilder::Paragraph(std::string_view text, int page) {
  if (in_table_) EndTable();
  size_t start = 0;
  for (;;) {
    size_t end = text.find('\n', start);
    std::string_view piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::string line = Clean(TrimAscii(piece));
    if (!line.empty()) after_table_ = false;
    Line(std::move(line), page);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

void LineBuilder::BeginTable(bool spans_exact) {
  if (in_table_) EndTable();
  in_table_ = true;
  table_ = Grid{};
  table_.spans_exact = spans_exact;
  pending_.clear();
  origin_.clear();
  continues_ = after_table_;
  repeated_rows_ = 0;
  texts_.clear();
  last_texts_.clear();
}

void LineBuilder::AddRow(std::vector<InCell> cells, int page, bool header) {
  if (!in_table_) BeginTable();
  const int row = static_cast<int>(table_.rows.size());
  std::vector<GridCell> kept;
  std::vector<std::string> texts;  // one per grid column
  size_t col = 0;
  // A covered position repeats the text of the cell that covers it (once per
  // cell, at its first column): the merge is exact here, while the text
  // readers' fill-down has to guess it and stops at a group boundary.
  auto covered_text = [&](size_t c) -> std::string {
    auto [r, i] = origin_[c];
    if (r < 0 || (c > 0 && origin_[c - 1] == origin_[c])) return {};
    return table_.rows[r].cells[i].text;
  };
  // A table split in two (a w:tbl per page, the header repeated) leaves a
  // vertical merge that crossed the split continuing under the second
  // table's header: its text is the one the first table's last row showed,
  // never the header's (牵头单位, 完成时限). Without a table just before,
  // the continued cell is empty.
  const bool in_header = header || RepeatsHeader(row, cells);
  auto from_header = [&](size_t c) {
    const int r = origin_[c].first;
    return !in_header && r >= 0 && (table_.rows[r].header || r < repeated_rows_);
  };
  auto continued_text = [&](size_t c) -> std::string {
    if (!from_header(c)) return covered_text(c);
    if (!continues_ || c >= carry_.size() || (c > 0 && origin_[c - 1] == origin_[c])) return {};
    return carry_[c];
  };
  auto covered_from_above = [&] {
    while (col < pending_.size() && pending_[col] > 0) {
      --pending_[col];
      texts.push_back(covered_text(col));
      ++col;
    }
  };
  std::pair<int, int> covered_before{-1, -1};
  for (InCell& c : cells) {
    covered_from_above();
    if (!c.covered) covered_before = {-1, -1};
    const int span = std::max(1, c.col_span);
    if (pending_.size() < col + span) {
      pending_.resize(col + span, 0);
      origin_.resize(col + span, {-1, -1});
    }
    if (c.covered) {
      // A vertical merge continued: the cell that started it grows.
      // Once per covering cell (a covered run under a column span is one).
      auto [r, i] = origin_[col];
      if (r >= 0 && !from_header(col) && !(col > 0 && covered_before == origin_[col]))
        ++table_.rows[r].cells[i].row_span;
      covered_before = origin_[col];
      for (int k = 0; k < span; ++k) texts.push_back(continued_text(col + k));
      col += span;
      continue;
    }
    std::string text = CellText(c.text);
    texts.push_back(text);
    for (int k = 1; k < span; ++k) texts.emplace_back();
    const int row_span = std::max(1, c.row_span);
    for (int k = 0; k < span; ++k) {
      pending_[col + k] = row_span - 1;
      origin_[col + k] = {row, static_cast<int>(kept.size())};
    }
    GridCell cell;
    cell.text = std::move(text);
    cell.row_span = row_span;
    cell.col_span = span;
    cell.span.page = page;
    kept.push_back(std::move(cell));
    col += span;
  }
  covered_from_above();
  bool any = false;
  for (const auto& c : kept) any |= !c.text.empty();
  GridRow grid_row;
  grid_row.cells = std::move(kept);
  grid_row.span.page = page;
  grid_row.header = header;
  table_.rows.push_back(std::move(grid_row));
  if (in_header && !header && row == repeated_rows_) ++repeated_rows_;
  if (texts_.size() < kFirstRows) texts_.push_back(texts);
  if (!any) {
    last_texts_ = std::move(texts);
    return;  // an empty row says nothing to the text readers
  }
  std::string line;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) line += '\t';
    line += texts[i];
  }
  last_texts_ = std::move(texts);
  Line(std::move(line), page);
  const int n = static_cast<int>(out_->lines.size());
  GridRow& done = table_.rows.back();
  done.span.first_line = done.span.last_line = n;
  for (GridCell& c : done.cells) c.span.first_line = c.span.last_line = n;
  table_.span.Cover(done.span);
}

bool LineBuilder::RepeatsHeader(int row, const std::vector<InCell>& cells) const {
  // The row is the first table's row at the same place, from the top: a
  // header repeated by the table that continues it.
  if (!continues_ || row != repeated_rows_ || static_cast<size_t>(row) >= first_rows_.size()) return false;
  const std::vector<std::string>& before = first_rows_[row];
  size_t col = 0;
  bool any = false;
  for (const InCell& c : cells) {
    if (c.covered) {
      col += std::max(1, c.col_span);
      continue;
    }
    if (col >= before.size() || CellText(c.text) != before[col]) return false;
    any |= !before[col].empty();
    col += std::max(1, c.col_span);
  }
  return any;
}

void LineBuilder::EndTable() {
  if (!in_table_) return;
  in_table_ = false;
  after_table_ = true;
  if (!texts_.empty()) {
    carry_ = std::move(last_texts_);
    first_rows_ = std::move(texts_);
  }
  if (!table_.rows.empty()) {
    out_->grids.push_back(std::move(table_));
  }
  table_ = Grid{};
}

void LineBuilder::Append(Rendered part) {
  EndTable();
  const int offset = static_cast<int>(out_->lines.size());
  auto shift = [offset](SourceSpan& span) {
    if (span.first_line > 0) span.first_line += offset;
    if (span.last_line > 0) span.last_line += offset;
  };
  for (Grid& g : part.grids) {
    shift(g.span);
    for (GridRow& row : g.rows) {
      shift(row.span);
      for (GridCell& c : row.cells) shift(c.span);
    }
    out_->grids.push_back(std::move(g));
  }
  for (Diagnostic& d : part.diagnostics) {
    if (d.first_line > 0) d.first_line += offset;
    if (d.last_line > 0) d.last_line += offset;
  }
  for (std::string& line : part.lines) Line(std::move(line), 0);
  after_table_ = false;
  out_->warnings.insert(out_->warnings.end(), part.warnings.begin(), part.warnings.end());
  out_->diagnostics.insert(out_->diagnostics.end(), part.diagnostics.begin(), part.diagnostics.end());
}

}  // namespace noticetab::native
