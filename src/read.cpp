// What the readers share: cells and rows, table end, finding a table.
#include <algorithm>
#include <cstring>

#include "noticetab/read.h"

#include "noticetab/interpret.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"

namespace noticetab {

void Cell::Append(std::string_view more, int line) {
  more = Trim(more);
  if (more.empty()) return;
  if (!text.empty() && text.back() != ' ') {
    // Joining wrapped pieces: no space between CJK text, one between Latin words.
    size_t i = text.size();
    while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
    if (i > 0) --i;
    size_t j = 0;
    char32_t last = NextChar(text, i), first = NextChar(more, j);
    if (last < 128 && first < 128 && std::isalnum(static_cast<int>(last)) && std::isalnum(static_cast<int>(first)))
      text += ' ';
  }
  text += more;
  if (line > 0) {
    if (first_line == 0) first_line = line;
    last_line = std::max(last_line, line);
  }
}

void Row::Touch(int line) {
  if (line <= 0) return;
  if (first_line == 0 || line < first_line) first_line = line;
  last_line = std::max(last_line, line);
}

void Row::Warn(std::string code, std::string message) {
  diagnostics.push_back({std::move(code), first_line, last_line, message});
  warnings.push_back(std::move(message));
}

bool Table::has(Role r) const { return std::find(columns.begin(), columns.end(), r) != columns.end(); }

void SplitTabs(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  for (size_t start = 0;;) {
    const void* tab = std::memchr(line.data() + start, '\t', line.size() - start);
    const size_t end = tab ? static_cast<size_t>(static_cast<const char*>(tab) - line.data()) : line.size();
    out->push_back(Trim(line.substr(start, end - start)));
    if (!tab) return;
    start = end + 1;
  }
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  SplitTabs(line, &out);
  return out;
}

bool EndsTable(const Line& line, const Rules& rules) {
  if (line.kind != LineKind::kText) return false;
  std::string_view t = line.text;
  if (rules.cc.Contains(t)) return true;
  // Once for both tests, and only when the line has a space to remove, into
  // a buffer kept from line to line (no allocation per line).
  static thread_local std::string removed;
  const std::string_view compact = line.spaced ? RemoveSpaces(t, &removed) : t;
  return rules.printed.Contains(compact) || rules.annex_start.Contains(compact);
}

bool FindTable(const std::vector<Line>& lines, size_t from, const Rules& rules, size_t* at,
               const Reader** reader) {
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kText) continue;
    const Reader* best = nullptr;
    for (const auto& r : Readers())
      if (!r.body() && (!best || r.priority > best->priority) && r.detect(lines, i, rules)) best = &r;
    if (best) {
      *at = i;
      *reader = best;
      return true;
    }
  }
  return false;
}

FoundReaders FindReaders(const std::vector<Line>& lines, const Rules& rules) {
  FoundReaders f;
  f.table_at = f.body_end = lines.size();
  size_t first_heading = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].kind == LineKind::kHeading) {
      first_heading = i;
      break;
    }
  bool in_body = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (i == first_heading) in_body = true;
    // The body ends at the annex, the footer or a table.
    if (in_body && l.kind == LineKind::kText && (rules.attachment.Contains(l.text) || EndsTable(l, rules))) {
      f.body_end = i;
      in_body = false;
    }
    const Reader* best = nullptr;
    for (const auto& r : Readers()) {
      if (r.body()) {
        if (!in_body || (l.kind != LineKind::kText && l.kind != LineKind::kHeading)) continue;
        if (std::find(f.body.begin(), f.body.end(), &r) == f.body.end() && r.detect(lines, i, rules))
          f.body.push_back(&r);
      } else if (l.kind == LineKind::kText && (!best || r.priority > best->priority) && r.detect(lines, i, rules)) {
        best = &r;
      }
    }
    if (best) {
      f.table_at = i;
      f.table = best;
      if (f.body_end == lines.size()) f.body_end = i;
      break;
    }
  }
  std::sort(f.body.begin(), f.body.end(), [](const Reader* a, const Reader* b) { return a->priority > b->priority; });
  return f;
}

std::string CaptionAbove(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  // Up to two title lines and the 附件N line above them, nearest first.
  std::vector<std::string_view> parts;
  for (size_t i = at; i-- > 0 && parts.size() < 3;) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk) continue;
    if (l.kind != LineKind::kText) break;
    std::string compact = RemoveSpaces(rules.markdown_prefix.ReplaceAll(l.text, ""));
    if (rules.annex_start.Contains(compact)) {
      parts.push_back(l.text);
      break;
    }
    const Punctuation& pu = rules.punct;
    bool title = CharCount(compact) <= 60 && !pu.sentence_mark.In(compact) && !pu.comma.In(compact) &&
                 !pu.pipe.In(compact) && l.tabs == 0 && !rules.attachment.Contains(l.text);
    if (!title || parts.size() == 2) break;
    parts.push_back(l.text);
  }
  std::string out;
  for (size_t k = parts.size(); k-- > 0;)
    out += (out.empty() ? "" : " ") + std::string(Trim(rules.markdown_prefix.ReplaceAll(parts[k], "")));
  return out;
}

Table ReadTable(const Reader& reader, const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g = reader.cut(lines, at, rules);
  if (g.caption.empty()) g.caption = CaptionAbove(lines, at, rules);
  return Interpret(g, rules);
}

}  // namespace noticetab
