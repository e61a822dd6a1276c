// Reader for a table printed as records (a mobile page's cards, a form's
// export): each row a block of `name：value` lines whose names are the
// table's header names, every block opening with the same name:
//   序号：1
//   工作任务：公开教育领域重大建设项目批准…
//   责任单位：市发改委、教育局、财政局
//   完成时限：2024年6月底前
// A line with no name right under a value goes on with it (a wrapped
// value); blank lines may part the blocks. The header is the names in the
// order they first appear; a block without one of them leaves its cell a
// placeholder, so the grid is read by position.
//
// Told from key-value lines under body items (牵头单位：X under 1.…) by its
// content name (工作任务：): the body's items carry their text in the heading.
#include <algorithm>
#include <optional>

#include "noticetab/text.h"
#include "readers.h"

namespace noticetab {
namespace {

// Names are short (HeaderRole takes none over 8 characters): the colon is
// looked for in a line's first bytes only.
constexpr size_t kKeyBytes = 3 * 8 + 3;

struct Field {
  std::string name;        // spaces removed
  std::string_view value;  // trimmed, a view into the line
  Role role = Role::kNone;
  size_t value_line = 0;   // the index of the value's (first) line
};

// A value as a web page's two-column table copied as text prints it
// (重点工作： | 1.推进… |): the bars framing it are no part of it.
std::string_view Unframed(std::string_view v) {
  v = Trim(v);
  if (!v.empty() && v.front() == '|') v = Trim(v.substr(1));
  if (!v.empty() && v.back() == '|') v = Trim(v.substr(0, v.size() - 1));
  return v;
}

// A colon in the first bytes of `l`: a name's place (known or not).
bool ColonEarly(const Line& l, const Rules& rules) { return rules.punct.colon.In(l.text.substr(0, kKeyBytes)); }

// The header name `l` is, whole (工作任务 on a line of its own), or none.
Role NameLine(const Line& l, const Rules& rules) {
  if (l.kind != LineKind::kText || l.tabs > 0 || l.text.size() > kKeyBytes || rules.punct.sentence_end.In(l.text) ||
      rules.punct.comma.In(l.text))
    return Role::kNone;
  return HeaderRole(RemoveSpaces(l.text), rules);
}

// The field at lines[i]: a header name before its colon and the value after
// it; or a name on a line of its own and the value on the next line (a web
// page's small two-column tables copied as text: 责任单位 / 区医保中心), that
// line being no name itself.
std::optional<Field> ReadField(const std::vector<Line>& lines, size_t i, const Rules& rules) {
  const Line& l = lines[i];
  if (l.kind != LineKind::kText || l.tabs > 0) return std::nullopt;
  const std::string_view t = l.text;
  Field f;
  f.value_line = i;
  const size_t colon = rules.punct.colon.Find(t.substr(0, kKeyBytes));
  if (colon == std::string_view::npos || colon == 0) {
    if (i + 1 >= lines.size() || (f.role = NameLine(l, rules)) == Role::kNone) return std::nullopt;
    const Line& v = lines[i + 1];
    if ((v.kind != LineKind::kText && v.kind != LineKind::kHeading) || v.tabs > 0 || NameLine(v, rules) != Role::kNone ||
        ColonEarly(v, rules))
      return std::nullopt;
    f.name = RemoveSpaces(t);
    f.value = Unframed(v.text);
    if (f.value.empty()) return std::nullopt;  // a bar alone: a cell-per-line table's separator
    f.value_line = i + 1;
    return f;
  }
  f.name = RemoveSpaces(t.substr(0, colon));
  f.role = HeaderRole(f.name, rules);
  if (f.role == Role::kNone) return std::nullopt;
  f.value = Unframed(t.substr(colon + rules.punct.colon.StartLength(t.substr(colon))));
  return f;
}

// The fields of the block opening at lines[at]: its name lines up to a blank
// line, a line that is neither a field nor a wrapped value, or the next line
// named as lines[at] is. *end: the index just past the block.
std::vector<std::pair<size_t, Field>> Block(const std::vector<Line>& lines, size_t at, const Rules& rules,
                                            size_t* end) {
  std::vector<std::pair<size_t, Field>> out;
  size_t i = at;
  for (; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank || l.kind == LineKind::kJunk || EndsTable(l, rules)) break;
    std::optional<Field> f = ReadField(lines, i, rules);
    if (!f) {
      // A wrapped value: lines without a name of their own up to a field.
      // Text after the last block (a closing paragraph, the signature) or a
      // group's title (专项行动二：…) is none.
      if (out.empty()) break;
      size_t j = i;
      while (j < lines.size() && lines[j].kind == LineKind::kText && lines[j].tabs == 0 && !ColonEarly(lines[j], rules) &&
             !ReadField(lines, j, rules))
        ++j;
      if (j == i || j >= lines.size()) break;
      const std::optional<Field> next = ReadField(lines, j, rules);
      // The field opens the next block: a heading right before it is its
      // title (（三）), not the end of this block's last value.
      if (!next || (next->name == out.front().second.name && j == i + 1 &&
                    l.kind == LineKind::kHeading))
        break;
      i = j - 1;
      continue;
    }
    if (!out.empty() && f->name == out.front().second.name) break;  // the next block
    const size_t value_line = f->value_line;
    out.emplace_back(i, std::move(*f));
    i = value_line;
  }
  *end = i;
  return out;
}

// A block reads as a row: fields of different roles, one the task's content
// or label and one its units or deadline (重点工作： / 牵头单位： is a task's two
// cells); `min_roles` asks for more where a block stands alone.
bool RowBlock(const std::vector<std::pair<size_t, Field>>& block, size_t min_roles = 2) {
  bool content = false, assigns = false;
  std::vector<Role> roles;
  for (const auto& [i, f] : block) {
    if (std::find(roles.begin(), roles.end(), f.role) == roles.end()) roles.push_back(f.role);
    content |= f.role == Role::kContent || f.role == Role::kLabel;  // 工作任务 names the task where no column says more
    assigns |= f.role == Role::kUnits || f.role == Role::kLead || f.role == Role::kDeadline;
  }
  return roles.size() >= min_roles && content && assigns;
}

// A block with no second one after it is a table of one row (a page's
// card for one task: 重点工作： / 牵头单位： / 年度目标：) where it opens with the
// task's content and names its lead or units: a form's fields (单位名称：,
// 联系人：) or key-value lines under a body item (牵头单位： / 完成时限：, the
// item's text in its heading) open otherwise.
bool LoneCard(const std::vector<std::pair<size_t, Field>>& block) {
  if (block.empty() || (block.front().second.role != Role::kContent && block.front().second.role != Role::kLabel) ||
      block.front().second.value.empty())
    return false;
  return std::any_of(block.begin(), block.end(),
                     [](const auto& f) { return f.second.role == Role::kLead || f.second.role == Role::kUnits; });
}

// A line between two blocks that names the next (任务二, 二、, （二）, 2.,
// 专项行动二：数字政府建设行动, ——): a heading, a name with a colon, or a
// short line; CutRecords skips it when a block follows.
bool BlockTitle(const Line& l, const Rules& rules) {
  return l.kind == LineKind::kHeading || ColonEarly(l, rules) ||
         (l.kind == LineKind::kText && l.tabs == 0 && CharCountUpTo(l.text, 17) <= 16);
}

// The index of the next line at or after `from`, past blank and junk lines.
size_t NextLine(const std::vector<Line>& lines, size_t from) {
  while (from < lines.size() && (lines[from].kind == LineKind::kBlank || lines[from].kind == LineKind::kJunk)) ++from;
  return from;
}

}  // namespace

bool DetectRecords(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  // Cheap tests first: a colon near the start of this line and of one of
  // the next two (a block's second field, or the one after a wrapped value).
  // Names on lines of their own (each value on the next): this line and the
  // one after the value short.
  auto colon_early = [&](size_t i) { return i < lines.size() && lines[i].kind == LineKind::kText && ColonEarly(lines[i], rules); };
  auto short_line = [&](size_t i) {
    return i < lines.size() && lines[i].kind == LineKind::kText && lines[i].text.size() <= kKeyBytes;
  };
  const Line& l = lines[at];
  if (l.tabs > 0) return false;
  if (!(colon_early(at) && (colon_early(at + 1) || colon_early(at + 2))) && !(short_line(at) && short_line(at + 2)))
    return false;
  if (!ReadField(lines, at, rules) || (at > 0 && ReadField(lines, at - 1, rules))) return false;  // none, or inside a block
  size_t end = 0;
  const auto first = Block(lines, at, rules, &end);
  if (!RowBlock(first)) return false;
  // Under a key-value line (1．类别：X over 任务内容：Y / 责任单位：Z), a block
  // of two roles is a body item's key-value lines, the item's words on its
  // numbered line: the key-value reader's. Three roles or more make a card
  // there too; under a plain heading (二、任务分工) two do.
  size_t above = at;
  while (above > 0 && (lines[above - 1].kind == LineKind::kBlank || lines[above - 1].kind == LineKind::kJunk)) --above;
  const bool keyed_above = above > 0 && ColonEarly(lines[above - 1], rules);
  const bool under_item = keyed_above || (above > 0 && lines[above - 1].kind == LineKind::kHeading);
  if (keyed_above && !RowBlock(first, 3)) return false;
  // A second block opening with the same name: a table, not one form (past
  // a group's title between them, as CutRecords skips it).
  size_t next = NextLine(lines, end);
  if (next < lines.size() && !ReadField(lines, next, rules) && BlockTitle(lines[next], rules))
    next = NextLine(lines, next + 1);
  const std::optional<Field> f = next < lines.size() ? ReadField(lines, next, rules) : std::nullopt;
  if (!f) return !under_item && LoneCard(first);  // alone: under no heading and no key-value line
  return f->name == first.front().second.name && RowBlock(Block(lines, next, rules, &end));
}

Grid CutRecords(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  Grid g;
  g.layout = "records";
  g.by_position = true;
  // The blocks (fields and where each ends), and the names in the order
  // they first appear.
  struct Card {
    std::vector<std::pair<size_t, Field>> fields;
    size_t end = 0;
  };
  std::vector<Card> blocks;
  std::vector<std::string> names;
  bool titled = false;  // a title line was skipped between two blocks
  for (size_t i = at; i < lines.size();) {
    Card b;
    b.fields = Block(lines, i, rules, &b.end);
    if (b.fields.empty() || (!blocks.empty() && b.fields.front().second.name != blocks.front().fields.front().second.name))
      break;
    for (const auto& [k, f] : b.fields)
      if (std::find(names.begin(), names.end(), f.name) == names.end()) names.push_back(f.name);
    i = NextLine(lines, b.end);
    blocks.push_back(std::move(b));
    // A block's or a group's title between blocks (任务二, 专项行动二：数字
    // 政府建设行动), a name no header has: skipped when the next block follows it.
    if (i < lines.size() && !ReadField(lines, i, rules)) {
      const size_t next = NextLine(lines, i + 1);
      if (!BlockTitle(lines[i], rules) || next >= lines.size() || !ReadField(lines, next, rules)) break;
      i = next;
      titled = true;
    }
  }
  // Cards with titles between them: the line over the first card is its
  // title too (任务一), no part of the table's caption.
  if (titled) {
    size_t above = at;
    while (above > 0 && (lines[above - 1].kind == LineKind::kBlank || lines[above - 1].kind == LineKind::kJunk)) --above;
    if (above > 0 && BlockTitle(lines[above - 1], rules) && !ColonEarly(lines[above - 1], rules))
      g.caption = CaptionAbove(lines, above - 1, rules);
  }
  GridRow header;
  header.header = true;
  for (const auto& n : names) {
    GridCell c;
    c.text = n;
    c.span.first_line = c.span.last_line = lines[at].no;
    header.cells.push_back(std::move(c));
  }
  header.span.first_line = header.span.last_line = lines[at].no;
  g.rows.push_back(std::move(header));
  g.span = g.rows.front().span;
  for (const Card& block : blocks) {
    GridRow r;
    r.cells.resize(names.size());
    for (GridCell& c : r.cells) c.placeholder = true;
    for (size_t b = 0; b < block.fields.size(); ++b) {
      const auto& [i, f] = block.fields[b];
      const size_t col = static_cast<size_t>(std::find(names.begin(), names.end(), f.name) - names.begin());
      GridCell& c = r.cells[col];
      if (!c.placeholder) continue;  // a name twice in a block: the first
      c = CellAt(lines, lines[f.value_line], f.value);
      // Its wrapped lines, up to the next field or the block's end.
      const size_t stop = b + 1 < block.fields.size() ? block.fields[b + 1].first : block.end;
      for (size_t k = f.value_line + 1; k < stop; ++k) {
        AppendPiece(c, CellAt(lines, lines[k], Unframed(lines[k].text)));
      }
      r.span.Cover(c.span);
    }
    g.span.Cover(r.span);
    g.rows.push_back(std::move(r));
  }
  return g;
}

}  // namespace noticetab
