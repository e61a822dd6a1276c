#include "noticetab/repair.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "noticetab/clauses.h"
#include "noticetab/normalize.h"
#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/link.h"
#include "noticetab/text.h"
#include "stages.h"

namespace noticetab {

bool DeadlineReadsAcross(std::string_view above, std::string_view below, const Rules& rules) {
  std::string buf;
  const std::string a = Nfkc(RemoveSpaces(above, &buf));
  const std::string b = Nfkc(RemoveSpaces(below, &buf));
  if (a.empty() || b.empty()) return false;
  const std::string joined = a + b;
  for (const auto& d : rules.deadlines)
    if (auto m = d.re.Find(joined); m.found && m.begin < a.size() && m.end > a.size()) return true;
  return false;
}

namespace {

// The last character of s (its UTF-8 bytes); empty for "".
std::string_view LastCharOf(std::string_view s) {
  size_t begin = 0;
  PrevChar(s, s.size(), &begin);
  return s.substr(begin);
}

std::string LineRef(int first, int last) {
  return first == last ? "line " + std::to_string(first)
                       : "lines " + std::to_string(first) + "-" + std::to_string(last);
}
std::string Lines(const Row& r) { return LineRef(r.first_line, r.last_line); }

// Whether a deadline phrase of deadlines.yaml reads the whole text (asked of
// a year-only cell joined with the next row's).
bool ReadsAsOneDeadline(std::string_view text, const Rules& rules) {
  std::string buf;
  const std::string t = Nfkc(RemoveSpaces(text, &buf));
  return std::any_of(rules.deadlines.begin(), rules.deadlines.end(), [&](const auto& d) { return d.re.Contains(t); });
}


bool EndsWithSeparator(std::string_view s, const Rules& rules) {
  s = Trim(s);
  // Most texts end in no separator's last byte: said without the list.
  if (s.empty() || !((rules.separator_ends >> (static_cast<unsigned char>(s.back()) & 63)) & 1)) return false;
  for (const auto& sep : rules.unit_separators)
    if (s.size() >= sep.size() && s.substr(s.size() - sep.size()) == sep) return true;
  return false;
}

// How a row only continues the row above (rows[i - 1] as kept): a wrapped
// line. PDF text wraps each column of a row on its own, so the next line
// holds each column's overflow (县发改局、人社局、 above, 市场监管局 here).
enum class Continues {
  kNo,
  kRow,          // cells continue the same cells above
  kUnitsText,    // its one cell, read as text, continues a unit list above (市工信局配合)
  kDeadlineText, // its one cell, read as text, completes the deadline above (2024年7月 / 31日前)
  kLabel,        // its one cell, shifted into the content, continues the label above
};

// The last name of a unit list cut mid-name (区委网信办、区融媒体 / 中心):
// the next piece completes it, and no name starts like it; or the last piece
// only opens a name (OpensNameOnly), which the next one completes.
bool CutMidName(std::string_view above, std::string_view next, const Rules& rules) {
  const auto a = SplitTopLevel(above, rules), b = SplitTopLevel(next, rules);
  if (a.empty() || b.empty()) return false;
  const std::string last = RemoveSpaces(a.back()), first = RemoveSpaces(b.front());
  if (OpensNameOnly(last, first, rules)) return IsCompleteUnit(last + first, rules);
  return !IsCompleteUnit(last, rules) && !StartsLikeUnit(first, rules) && IsCompleteUnit(last + first, rules);
}

// No number, labels or deadline of its own; content only where the content
// above runs on (no sentence end); a unit cell only where the same cell above
// ends in a separator or in a name cut short. A row of one text cell may be
// the overflow of a unit list (a name with its role word, 市工信局配合, is no
// unit by shape) or, shifted into the content, of the label above: *onto
// names the cell above it goes on (for kUnitsText and kLabel).
// A row with labels of its own goes on only where each continues the label
// above (深化企业开办 / 便利化: a label above that ends no sentence) and the
// row is a wrap by a cue of its own (a unit cell going on after a separator
// or a cut name, a deadline going on) or, in a table that wraps its rows at
// a label width (`wrap_width`, WrapsRows), under a label of that width:
// else it is a row of its own under a merged 序号.
Continues ContinuesRow(const Row& prev, const Row& r, const Rules& rules, Cell Row::** onto, size_t wrap_width = 0) {
  if (r.seq || r.deadline.garbled) return Continues::kNo;
  const bool labelled = !r.section_label.empty() || !r.item_label.empty();
  if (labelled)
    for (Cell Row::*f : {&Row::section_label, &Row::item_label})
      if (!(r.*f).empty() &&
          ((prev.*f).empty() || (r.*f).text == (prev.*f).text || EndsSentence((prev.*f).text, rules)))
        return Continues::kNo;  // the same label again is a category's, printed on each row
  // A deadline of its own starts a row; the rest of the one above
  // (2024年12月 over 底前: no deadline alone, one with it) goes on.
  // Asked once per pair of cells: a table's deadlines repeat (长期坚持 over
  // 长期坚持), and every deadline rule is searched in each new pair.
  const bool deadline_goes_on = !r.deadline.empty() && !prev.deadline.empty() && [&] {
    static thread_local std::unordered_map<std::string, bool> asked;
    static thread_local const Rules* asked_of = nullptr;  // the answers hold for one rule set
    if (asked.size() >= 256 || asked_of != &rules) asked.clear(), asked_of = &rules;
    std::string key = prev.deadline.text;
    key += '\0';
    key += r.deadline.text;
    if (const auto it = asked.find(key); it != asked.end()) return it->second;
    const bool across = DeadlineReadsAcross(prev.deadline.text, r.deadline.text, rules);
    asked.emplace(std::move(key), across);
    return across;
  }();
  if (!r.deadline.empty() && !deadline_goes_on) return Continues::kNo;
  const bool only_content = !r.content.empty() && r.units.empty() && r.lead.empty() && r.support.empty() &&
                            !r.units.garbled && !r.lead.garbled && !r.support.garbled;
  // A deadline's wrapped end in a row of its own (31日前 under 2024年7月) is no
  // deadline by itself, so the row read it as its content.
  if (!labelled && only_content && r.deadline.empty() && !prev.deadline.empty() && CharCountUpTo(r.content.text, 9) <= 8 &&
      DeadlineReadsAcross(prev.deadline.text, r.content.text, rules))
    return Continues::kDeadlineText;
  if (!labelled && only_content && !deadline_goes_on && EndsSentence(prev.content.text, rules) &&
      !EndsSentence(r.content.text, rules)) {
    for (Cell Row::*f : {&Row::units, &Row::lead, &Row::support})
      if (EndsWithSeparator((prev.*f).text, rules)) {
        if (!OnlyCompleteUnits(NormalizeUnits(r.content.text, rules), rules)) return Continues::kNo;
        *onto = f;
        return Continues::kUnitsText;
      }
    *onto = !prev.item_label.empty() ? &Row::item_label : &Row::section_label;
    const Cell& label = prev.**onto;
    if (!label.empty() && !EndsSentence(label.text, rules) && CharCount(r.content.text) <= 20 &&
        std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.code == "row.shifted"; }))
      return Continues::kLabel;
    return Continues::kNo;
  }
  bool any = deadline_goes_on, cue = deadline_goes_on;
  if (!r.content.empty()) {
    if (EndsSentence(prev.content.text, rules)) return Continues::kNo;
    any = true;
  }
  for (Cell Row::*f : {&Row::units, &Row::lead, &Row::support}) {
    const Cell& c = r.*f;
    if (c.garbled) return Continues::kNo;
    if (c.empty()) continue;
    if (!EndsWithSeparator((prev.*f).text, rules) && !CutMidName((prev.*f).text, c.text, rules)) return Continues::kNo;
    any = cue = true;
  }
  // With no cue of its own, in a wrapped table, under a label as wide as the
  // column wraps at (深化企业开办 / 便利化: a full line, then the rest); a
  // sub-row's own label is under one the column did not wrap, or as long.
  if (labelled && !cue) {
    if (wrap_width == 0) return Continues::kNo;
    for (Cell Row::*f : {&Row::section_label, &Row::item_label})
      if (!(r.*f).empty() && (CharCount((prev.*f).text) != wrap_width || CharCount((r.*f).text) >= wrap_width))
        return Continues::kNo;
  }
  return any || labelled ? Continues::kRow : Continues::kNo;
}

// Whether a table wraps its rows over lines (a fixed-width text table: each
// numbered row's cells go on in unnumbered lines): two rows or more, and a
// third of the numbered ones, go on with a cue of their own (a unit cell
// after a separator or a cut name, a deadline going on). Then the width its
// label column wraps at: the most characters of such a row's label (its
// first line, full); else 0.
size_t WrapsRows(const std::vector<Row>& rows, const Rules& rules) {
  size_t numbered = 0, cued = 0, width = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].seq) {
      ++numbered;
      continue;
    }
    if (i == 0 || !rows[i - 1].seq) continue;
    Cell Row::*onto = nullptr;
    const Row &prev = rows[i - 1], &r = rows[i];
    if (ContinuesRow(prev, r, rules, &onto) != Continues::kRow) continue;
    if (r.section_label.empty() && r.item_label.empty() &&
        r.units.text.size() + r.lead.text.size() + r.support.text.size() == 0 && r.deadline.empty())
      continue;  // content alone: no cue
    ++cued;
    const Cell& label = prev.item_label.empty() ? prev.section_label : prev.item_label;
    width = std::max(width, CharCount(label.text));
  }
  return cued >= 2 && cued * 3 >= numbered ? width : 0;
}

}  // namespace

// The most characters of a group row's title (保障粮食安全) in the content column.
constexpr size_t kGroupTitle = 30;

void RepairTable(Table& table, const Rules& rules) {
  auto& rows = table.rows;
  // A unit or deadline cell saying "as the row above" (同上, headers.yaml
  // ditto) is that row's cell, first of all: it is no unit name, and no
  // fragment to join.
  // A group row (一、… spanning the table) between them is no row above.
  auto label_only = [](const Row& r) {
    return r.content.empty() && r.units.empty() && r.deadline.empty() && r.lead.empty() && r.support.empty() &&
           !r.seq && (!r.section_label.empty() || !r.item_label.empty());
  };
  if (!rules.ditto.empty())
    for (size_t i = 1; i < rows.size(); ++i)
      for (auto [field, role] : {std::pair{&Row::units, Role::kUnits}, std::pair{&Row::lead, Role::kLead},
                                 std::pair{&Row::support, Role::kSupport}, std::pair{&Row::deadline, Role::kDeadline}}) {
        Cell& c = rows[i].*field;
        if (c.empty() || c.text.size() > 12) continue;
        const std::string said = RemoveSpaces(Trim(c.text));
        if (std::find(rules.ditto.begin(), rules.ditto.end(), said) == rules.ditto.end()) continue;
        size_t j = i - 1;
        while (j > 0 && label_only(rows[j])) --j;
        const Row& row_above = rows[j];
        const Cell& above = row_above.*field;
        // A 责任单位 cell above written as 牵头单位：X / 配合单位：Y was read
        // into the lead and support: 同上 under it is both.
        if (above.empty() && field == &Row::units && (!row_above.lead.empty() || !row_above.support.empty()) &&
            rows[i].lead.empty() && rows[i].support.empty()) {
          rows[i].Warn("merged.ditto", RoleLabel(role, rules) + " " + said + ": copied from " +
                                           LineRef(row_above.first_line, row_above.last_line));
          rows[i].lead = row_above.lead;
          rows[i].support = row_above.support;
          c = Cell();
          continue;
        }
        if (above.empty()) {  // nothing to copy: no unit or date either
          rows[i].Warn("merged.ditto", RoleLabel(role, rules) + " " + said + ": no cell above to copy; left empty");
          c = Cell();
          continue;
        }
        rows[i].Warn("merged.ditto", RoleLabel(role, rules) + " " + said + ": copied from " +
                                         LineRef(above.first_line, above.last_line));
        c.text = above.text;
        c.first_line = above.first_line, c.last_line = above.last_line;
      }
  // A group row whose title went to the content: its label in the 序号
  // column (一 | 保障粮食安全 | | |), a title of a few words, no unit or
  // deadline cell, over a row that has them. Its title joins its label.
  // So is a numbered row (1 | 保障粮食安全 | | |) over rows numbered under it
  // (1.1 | 稳定粮食面积 | … or 1-1 | …): its number becomes its label.
  auto numbered_group = [&](size_t i) {
    const Row& r = rows[i];
    if (!r.seq || i + 1 >= rows.size()) return false;
    const std::string& next = rows[i + 1].item_label.text;
    const std::string no = std::to_string(*r.seq);
    if (next.size() > no.size() + 1 && next.starts_with(no) && next[no.size()] == '.') return true;
    return IsDottedNumber(next) && Nfkc(Trim(next)).starts_with(no + "-");
  };
  auto has_fields = [](const Row& r) {
    return !r.units.empty() || !r.lead.empty() || !r.support.empty() || !r.deadline.empty();
  };
  // A title of a few words and no field of its own.
  auto title_only = [&](const Row& r) {
    return !r.content.empty() && !has_fields(r) && !EndsSentence(r.content.text, rules) &&
           CharCountUpTo(r.content.text, kGroupTitle + 1) <= kGroupTitle;
  };
  // A title of a few words over a row that has fields, or over a labelled
  // title row of its own (一 | 推进教育… over （一） | 学前教育 over the rows).
  auto group_like = [&](size_t i) {
    if (!title_only(rows[i])) return false;
    size_t j = i + 1;
    while (j < rows.size() && j <= i + 2 && !rows[j].seq && title_only(rows[j]) &&
           (!rows[j].section_label.empty() || !rows[j].item_label.empty()))
      ++j;
    return j < rows.size() && has_fields(rows[j]);
  };
  auto titled_group = [&](size_t i) {
    const Row& r = rows[i];
    return (r.seq ? numbered_group(i) : !r.section_label.empty() || !r.item_label.empty()) && group_like(i);
  };
  // A group row printed in the content column with no 序号 (| | 二、排查整治 |
  // | | or 第二阶段：…): its marker says it is a label, a section's (一、,
  // 第二阶段) or an item's ((一)), over a row with fields of its own.
  auto marked_group = [&](size_t i) {
    const Row& r = rows[i];
    if (r.seq || !r.section_label.empty() || !r.item_label.empty() || !group_like(i)) return CellShape::kEmpty;
    const CellShape shape = ClassifyCell(r.content.text, rules);
    return shape == CellShape::kSectionLabel || shape == CellShape::kItemLabel ? shape : CellShape::kEmpty;
  };
  // 0. A group row of its own (一、… or （一）… spanning the table) labels the
  //    rows under it; it is not a task. Kept rows are compacted in place:
  //    erasing one row at a time is quadratic in a long table.
  //    Under a group row marked as a section's (一、教育惠民), the one label
  //    column of the rows (重点任务: 新建幼儿园) is their items': the group is
  //    the section, handed down; an unmarked label had been the section and
  //    the group lost. An item's group row under it (（一）学前教育) goes
  //    before the label, as a body's headings between an item and its row
  //    do: 学前教育 / 新建幼儿园.
  size_t kept = 0;
  size_t inherited = rows.size();  // the row given the section label of the group row above
  bool under_section_group = false;
  std::string item_group;  // the label of the item's group row above, under a section's
  int top_item_style = -1;  // the style of an item's marker (（一）) the table's top groups are in
  bool group_above = false;  // a group row of its own came before this row
  auto item_level = [&](Row& r) {
    if (!under_section_group || r.section_label.empty() || !r.item_label.empty()) return;
    if (const CellShape s = ClassifyCell(r.section_label.text, rules);
        s == CellShape::kSectionLabel || s == CellShape::kItemLabel)
      return;
    r.item_label = std::move(r.section_label);
    r.section_label = Cell();
    if (!item_group.empty()) r.item_label.text = item_group + " / " + r.item_label.text;
  };
  // Whether the first task row under group row i (past more group rows)
  // carries a label of its own.
  auto labelled_below = [&](size_t i) {
    size_t j = i + 1;
    while (j < rows.size() && label_only(rows[j])) ++j;
    return j < rows.size() && !rows[j].section_label.empty();
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    if (const CellShape marked = marked_group(i); marked != CellShape::kEmpty) {
      (marked == CellShape::kSectionLabel ? r.section_label : r.item_label) = std::move(r.content);
      r.content = Cell();
    } else if (titled_group(i)) {
      if (r.seq) {
        r.section_label.text = std::to_string(*r.seq);
        r.section_label.first_line = r.section_label.last_line = r.first_line;
        r.seq.reset();
      }
      // A section label handed down by the group row above (一 over （一）)
      // is not this row's: its title goes with its own item label.
      Cell& label = r.section_label.empty() || (inherited == i && !r.item_label.empty()) ? r.item_label
                                                                                           : r.section_label;
      label.text.append(" ").append(Trim(r.content.text));
      label.last_line = std::max(label.last_line, r.content.last_line);
      r.content = Cell();
    }
    if (!label_only(r)) {
      item_level(r);
      if (kept != i) rows[kept] = std::move(r);
      ++kept;
      continue;
    }
    if (!r.section_label.empty()) {
      if (const CellShape s = ClassifyCell(r.section_label.text, rules); s == CellShape::kSectionLabel) {
        under_section_group = true;
        item_group.clear();
      } else if (s == CellShape::kItemLabel && under_section_group && r.item_label.empty()) {
        // （一）学前教育 in the 序号 column's place: an item's group, not a section's.
        r.item_label = std::move(r.section_label);
        r.section_label = Cell();
      }
    }
    if (r.section_label.empty() && !r.item_label.empty() &&
        (under_section_group ? top_item_style >= 0 && HeadingStyle(r.item_label.text, rules) == top_item_style
                             : !group_above && labelled_below(i) &&
                                   ClassifyCell(r.item_label.text, rules) == CellShape::kItemLabel)) {
      // （一）学前教育 over rows of a label column of their own (重点任务:
      // 新建幼儿园), no group row above it in the table: the table's top
      // group, a section's as 一、 is (the label column then the items'), and
      // so are the later groups of its style. It had labelled the row right
      // under it only. Over rows without labels it stays their item.
      if (!under_section_group) top_item_style = HeadingStyle(r.item_label.text, rules);
      r.section_label = std::move(r.item_label);
      r.item_label = Cell();
      under_section_group = true;
      item_group.clear();
    }
    group_above = true;
    if (under_section_group && !r.item_label.empty() && ClassifyCell(r.item_label.text, rules) == CellShape::kItemLabel)
      item_group = r.item_label.text;
    if (i + 1 < rows.size()) {
      Row& next = rows[i + 1];
      item_level(next);
      if (next.section_label.empty() && !r.section_label.empty()) next.section_label = r.section_label, inherited = i + 1;
      if (next.item_label.empty() && !r.item_label.empty()) next.item_label = r.item_label;
    }
  }
  rows.resize(kept);

  // 1. Content broken across a page break or wrapped into a row of its own.
  //    Compacted in place like step 0.
  kept = rows.empty() ? 0 : 1;
  const size_t wrap_width = WrapsRows(rows, rules);
  for (size_t i = 1; i < rows.size(); ++i) {
    Row& prev = rows[kept - 1];
    Row& r = rows[i];
    Cell Row::*onto = nullptr;
    const Continues how = ContinuesRow(prev, r, rules, &onto, wrap_width);
    if (how == Continues::kUnitsText) {  // the text is the unit list's overflow
      (prev.*onto).Append(r.content.text, r.content.last_line);
      prev.Warn("units.joined", "wrapped unit list (" + Lines(r) + ") joined");
      prev.Touch(r.first_line);
      prev.Touch(r.last_line);
      continue;
    }
    if (how == Continues::kDeadlineText) {
      prev.deadline.Append(r.content.text, r.content.last_line);
      prev.Warn("deadline.joined", "wrapped deadline (" + Lines(r) + ") joined: " + prev.deadline.text);
      prev.Touch(r.first_line);
      prev.Touch(r.last_line);
      continue;
    }
    if (how == Continues::kLabel) {  // its shift is the wrap's: no warning of its own
      Cell& label = prev.*onto;
      label.Append(r.content.text, r.content.last_line);
      prev.Warn("cell.joined_above", "wrapped label (" + Lines(r) + ") joined: " + label.text);
      prev.Touch(r.first_line);
      prev.Touch(r.last_line);
      continue;
    }
    if (how == Continues::kRow) {
      const bool units_only = r.content.empty();
      const std::string what = units_only ? "unit list" : "content";
      prev.Warn(units_only ? "units.joined" : "content.joined",
                (r.after_break ? what + " continued after a page break" : "wrapped " + what) + " (" + Lines(r) + ") joined");
      prev.content.Append(r.content.text, r.content.last_line);
      for (Cell Row::*f : {&Row::section_label, &Row::item_label, &Row::units, &Row::lead, &Row::support, &Row::deadline})
        (prev.*f).Append((r.*f).text, (r.*f).last_line);
      prev.Touch(r.first_line);
      prev.Touch(r.last_line);
      // A note both lines carry (a header read by shape) is the row's once.
      for (auto& w : r.warnings)
        if (std::find(prev.warnings.begin(), prev.warnings.end(), w) == prev.warnings.end()) prev.warnings.push_back(w);
      for (auto& d : r.diagnostics)
        if (std::none_of(prev.diagnostics.begin(), prev.diagnostics.end(),
                         [&](const Diagnostic& p) { return p.code == d.code && p.message == d.message; }))
          prev.diagnostics.push_back(d);
      continue;
    }
    if (kept != i) rows[kept] = std::move(r);
    ++kept;
  }
  rows.resize(kept);

  // 2. Unit names complete elsewhere in this table tell a wrapped name apart
  //    from two separate names ("县政府各部" + "门单位").
  //    Each row's names are split once, when first needed (for steps 2 and
  //    3); a row whose units step 3 joins is split again when next needed.
  //    The known names are gathered only when a row asks for them, and
  //    always before step 3 joins any cell: from the cells as printed.
  //    Names are views into the rows' unit cells: a row's are split again
  //    (stale) once its cell is joined.
  std::vector<std::vector<std::string_view>> names(rows.size());
  std::vector<bool> stale(rows.size(), true);
  std::vector<std::string_view> split;  // grows once; each row's names then take one allocation
  auto names_of = [&](size_t i) -> const std::vector<std::string_view>& {
    if (stale[i]) {
      SplitTopLevel(rows[i].units.text, rules, &split);
      names[i].assign(split.begin(), split.end());
      stale[i] = false;
    }
    return names[i];
  };
  // RemoveSpaces(n), in *buf only when n holds a space.
  auto compact = [](std::string_view n, std::string* buf) -> std::string_view {
    return RemoveSpaces(n, buf);
  };
  // The names as printed, complete or not: a name is known when it is among
  // them and complete (IsCompleteUnit, asked of the few names looked up
  // rather than of every name gathered).
  std::set<std::string, std::less<>> printed;
  bool known_gathered = false;
  auto gather_known = [&] {
    if (known_gathered) return;
    known_gathered = true;
    std::string buf;
    for (size_t k = 0; k < rows.size(); ++k)
      for (const auto& n : names_of(k)) {
        std::string_view c = compact(n, &buf);
        if (printed.find(c) == printed.end()) printed.emplace(c);
      }
  };
  auto known = [&](const std::string& name) { return printed.count(name) && IsCompleteUnit(name, rules); };

  // 3. A merged cell whose text is spread over two rows. A run of fragment
  //    unit cells longer than a merged cell is a column of fragments: joining
  //    on would copy the whole run into every row (output quadratic in rows).
  constexpr int kMaxMergedRows = 4;
  int units_rows = 1;  // rows the units cell of rows[i] was joined across
  // A deadline cell repeats down a table, and so does a pair of them (a
  // merged cell over many rows): IsYearOnly and ReadsAsOneDeadline, pure
  // functions of the text, are asked once per distinct text (bounded).
  auto memo = [&rules](bool (*test)(std::string_view, const Rules&)) {
    return [&rules, test, seen = std::unordered_map<std::string, bool>()](const std::string& s) mutable {
      if (auto it = seen.find(s); it != seen.end()) return it->second;
      const bool y = test(s, rules);
      if (seen.size() >= 256) seen.clear();
      seen.emplace(s, y);
      return y;
    };
  };
  auto is_year_only = memo(IsYearOnly);
  auto reads_as_one = memo(ReadsAsOneDeadline);
  for (size_t i = 0; i + 1 < rows.size(); ++i) {
    Row& a = rows[i];
    Row& b = rows[i + 1];
    // A year-only cell goes on in the next row's only when the two read as
    // one deadline (2023年 + 12月底前: a merged cell's wrap or a page split);
    // else it is a year-round deadline of its own (2025年度 above 第二季度末).
    if (!a.deadline.empty() && !b.deadline.empty() && is_year_only(a.deadline.text) &&
        !rules.year_in_text.Contains(b.deadline.text) && reads_as_one(a.deadline.text + b.deadline.text)) {
      Cell joined = a.deadline;
      joined.Append(b.deadline.text, b.deadline.last_line);
      std::string w = RoleLabel(Role::kDeadline, rules) + " printed across " + Lines(a) + " and " + Lines(b) + " (merged cell); joined";
      a.deadline = b.deadline = joined;
      a.Warn("merged.spread", w);
      b.Warn("merged.spread", w);
    }
    const int a_rows = std::exchange(units_rows, 1);
    if (!a.units.empty() && !b.units.empty() && a_rows < kMaxMergedRows) {
      // A list ending in a separator goes on in the next row; otherwise the
      // last name must be cut off: incomplete, or completed only by the next row.
      bool wrapped = EndsWithSeparator(a.units.text, rules);
      if (!wrapped) {
        const auto& an = names_of(i);
        const auto& bn = names_of(i + 1);
        if (an.empty() || bn.empty()) continue;
        std::string last_buf, first_buf;
        const std::string_view last = compact(an.back(), &last_buf), first = compact(bn.front(), &first_buf);
        if (StartsLikeUnit(first, rules)) continue;
        // Two names of 3 characters or more ending in one character (督查专班,
        // 宣传专班) are two names of a kind the rules do not know, each whole.
        if (CharCountUpTo(last, 3) >= 3 && CharCountUpTo(first, 3) >= 3 &&
            LastCharOf(last) == LastCharOf(first))
          continue;
        // A cell written as a keyed clause (牵头单位：X；配合单位：Y，6月底前完成)
        // is whole, and one does not go on from the row above.
        if (IsKeyedClause(a.units.text, rules) || IsKeyedClause(b.units.text, rules)) continue;
        // Nor is one ending in a role word (县行政审批服务局负责), nor does one
        // opening a run (由县自然资源局牵头…) go on from the row above.
        const std::string_view above = Trim(rules.punct.full_stop.TrimEnd(Trim(a.units.text)));
        if (std::any_of(rules.role_words.begin(), rules.role_words.end(),
                        [&](const auto& w) {
                          // after a whole name (县重点项目建设推进 / 中心 is a cut name)
                          return !w.first.empty() && above.size() > w.first.size() && above.ends_with(w.first) &&
                                 IsCompleteUnit(RemoveSpaces(above.substr(0, above.size() - w.first.size())), rules);
                        }) ||
            std::any_of(rules.run_openers.begin(), rules.run_openers.end(),
                        [&](const std::string& o) { return !o.empty() && Trim(b.units.text).starts_with(o); }))
          continue;
        if (IsCompleteUnit(last, rules)) {
          gather_known();
          std::string both;
          both.reserve(last.size() + first.size());
          both.append(last).append(first);
          if (!known(both)) continue;
        }
      }
      gather_known();
      Cell joined = a.units;
      joined.Append(b.units.text, b.units.last_line);
      std::string w = RoleLabel(Role::kUnits, rules) + " printed across " + Lines(a) + " and " + Lines(b) + " (merged cell); joined";
      a.units = b.units = joined;
      stale[i] = stale[i + 1] = true;
      units_rows = a_rows + 1;
      a.Warn("merged.spread", w);
      b.Warn("merged.spread", w);
    }
  }
}

void DeadlinesFromLabels(Table& table, const Rules& rules) {
  // The labels in force, the deadline each sets and the title it is said by
  // (labels are printed on their group's first row).
  // Each label's deadline is read when a row under it has none (most rows
  // have theirs: most labels are never read).
  const Cell* section = nullptr;
  const Cell* item = nullptr;
  std::string section_deadline, item_deadline, section_title, item_title;
  bool section_read = false, item_read = false;
  auto heading_deadline = [&](const Cell& label, std::string* title) {
    // HeadingDeadline reads a key's line or a closing bracket only: a label
    // with neither (most: a table's every row label may be asked) is not matched.
    if (!MaySetDeadline(label.text, rules.punct)) return std::string();
    const auto h = MatchHeading(label.text, rules);
    *title = h ? h->title : JoinCjkSpaces(Trim(label.text));
    return HeadingDeadline(h ? std::string_view(h->title) : std::string_view(label.text), rules);
  };
  for (Row& r : table.rows) {
    if (!r.section_label.empty() && (!section || section->text != r.section_label.text)) {
      section = &r.section_label, section_read = false;
      item = nullptr, item_deadline.clear(), item_read = true;
    }
    if (!r.item_label.empty() && (!item || item->text != r.item_label.text)) item = &r.item_label, item_read = false;
    if (!r.deadline.empty() || r.deadline.garbled || r.content.empty()) continue;
    if (item && !item_read) item_deadline = heading_deadline(*item, &item_title), item_read = true;
    if (section && !section_read && item_deadline.empty())
      section_deadline = heading_deadline(*section, &section_title), section_read = true;
    const Cell* label = !item_deadline.empty() ? item : !section_deadline.empty() ? section : nullptr;
    if (!label) continue;
    const std::string& deadline = label == item ? item_deadline : section_deadline;
    r.deadline.text = deadline;
    r.deadline.first_line = label->first_line, r.deadline.last_line = label->last_line;
    r.Warn("deadline.from_group", RoleLabel(Role::kDeadline, rules) + " taken from the group row: " +
                                      (label == item ? item_title : section_title));
  }
}

void FillBlanksAsAbove(Table& table, const Rules& rules) {
  if (table.blank_as_above_line == 0) return;
  // The columns the note names (牵头领导、牵头单位栏空白的): only theirs; a
  // note naming none (表中空白栏) speaks of every one.
  const std::string note = NameKey(table.blank_as_above_note);
  std::vector<Role> named;
  for (const auto& [name, role] : rules.header_synonyms)
    if (name.size() >= 6 && note.find(name) != std::string::npos) named.push_back(role);
  const std::pair<Cell Row::*, Role> fields[] = {{&Row::units, Role::kUnits},       {&Row::lead, Role::kLead},
                                                 {&Row::support, Role::kSupport},   {&Row::deadline, Role::kDeadline},
                                                 {&Row::leader, Role::kLeader}};
  const bool any_named = std::any_of(std::begin(fields), std::end(fields), [&](const auto& f) {
    return std::find(named.begin(), named.end(), f.second) != named.end();
  });
  for (auto [field, role] : fields) {
    if (!table.has(role) || (any_named && std::find(named.begin(), named.end(), role) == named.end())) continue;
    const Cell* above = nullptr;
    for (Row& r : table.rows) {
      Cell& c = r.*field;
      if (!c.empty() || c.garbled) {
        if (!c.empty()) above = &c;
        continue;
      }
      if (!above || r.content.empty()) continue;
      r.*field = *above;
      r.Warn("merged.filled", RoleLabel(role, rules) + " blank: as the row above (" +
                                  LineRef(above->first_line, above->last_line) + "), as the table's note at line " +
                                  std::to_string(table.blank_as_above_line) + " says");
    }
  }
}

void FillMergedCells(Table& table, const Rules& rules) {
  auto& rows = table.rows;
  // A table grouped by unit (序号 | 责任单位 | 重点工作): the unit column is the
  // group's merged cell, printed once at its first row.
  const auto content_col = std::find(table.columns.begin(), table.columns.end(), Role::kContent);
  const auto unit_col = std::find_if(table.columns.begin(), table.columns.end(), [](Role r) { return IsUnitRole(r); });
  if (unit_col < content_col && content_col != table.columns.end()) {
    const Role role = *unit_col;
    Cell Row::*field = role == Role::kUnits ? &Row::units : role == Role::kLead ? &Row::lead : &Row::support;
    const Cell* above = nullptr;
    for (Row& r : rows) {
      Cell& c = r.*field;
      if (!c.empty() || c.garbled) {
        above = c.empty() ? nullptr : &c;
        continue;
      }
      if (!above || r.content.empty()) continue;
      r.*field = *above;
      r.Warn("merged.filled", RoleLabel(role, rules) + " inferred from the merged cell at " +
                                  LineRef(above->first_line, above->last_line) + " (the table is grouped by unit)");
    }
  }
  // A merged cell spans rows of one group: the body item or section the rows
  // are linked to, else (no outline, or labels the body does not hold) the
  // table's own group label, a merged cell printed on its group's first row.
  // 0: no group, nothing is filled.
  std::vector<long> groups(rows.size());
  long label_group = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    if (!r.section_label.empty() || r.section_label.garbled || !r.item_label.empty() || r.item_label.garbled)
      ++label_group;
    groups[i] = r.item > 0 ? r.item : r.section ? -static_cast<long>(r.section) : label_group ? (1L << 40) + label_group : 0;
  }
  auto group = [&](const Row& r) { return groups[static_cast<size_t>(&r - rows.data())]; };
  auto fill = [&](Cell Row::*field, Role role) {
    if (!table.has(role)) return;
    const std::string name = RoleLabel(role, rules);
    // A merged cell fills the empty cells of its group's rows: down from
    // the row it is printed on, never across the group's row (the group
    // above). Up too in a group of a merged label cell (PDF text centres a
    // merged cell in its span); in a group under a group row of the table
    // (一、城区项目) only where its text is printed as a centred merged cell
    // is: spread over rows (2023年 / 12月底前), or with an empty cell of the
    // group under it too. There, a group's first row empty and the rows
    // under it filled is a blank cell, not a span: each cell is its row's own.
    // Linear: each group is looked through at most twice.
    auto same = [&](size_t a, size_t b) { return group(rows[a]) == group(rows[b]); };
    const Cell* from = nullptr;
    for (size_t i = 0; i < rows.size(); ++i) {
      Row& r = rows[i];
      if (i > 0 && !same(i - 1, i)) from = nullptr;
      Cell& c = r.*field;
      if (!c.empty()) {
        from = &c;
        continue;
      }
      if (c.garbled || group(r) == 0) continue;
      if (!from) {
        size_t k = i + 1;
        while (k < rows.size() && same(k, i) && (rows[k].*field).empty()) ++k;
        if (k == rows.size() || !same(k, i)) {
          i = k - 1;  // nothing to fill from in the rest of the group
          continue;
        }
        // The group opened by a group row of the table (一、城区项目, its label
        // printed above its first row) rather than by a merged label cell.
        const Cell& label = r.item_label.empty() ? r.section_label : r.item_label;
        const bool band = !label.empty() && label.last_line > 0 && label.last_line < r.first_line;
        const Cell& below = rows[k].*field;
        bool centred = !band || below.first_line != below.last_line;
        for (size_t m = k + 1; !centred && m < rows.size() && same(m, i); ++m)
          centred = (rows[m].*field).empty() && !(rows[m].*field).garbled;
        if (!centred) {
          i = k - 1;  // blank cells above a cell of the row's own
          continue;
        }
        from = &below;
      }
      c = *from;
      // Name where the merged cell was printed, not the row it was copied from.
      r.Warn("merged.filled", name + " inferred from the merged cell at " + LineRef(c.first_line, c.last_line));
    }
  };
  fill(&Row::units, Role::kUnits);
  fill(&Row::lead, Role::kLead);
  fill(&Row::deadline, Role::kDeadline);
  // A task row with no unit at all where other rows name theirs: a merged
  //    责任单位 cell given once for several rows (a copied web page keeps its
  //    text in the first row only), or a cell left blank. Which one the text
  //    cannot tell (no group bounds the merge): the row stays as printed and says so.
  //    So is a row with no 序号 in a numbered table, grouped or not (a
  //    sub-row under a merged 序号 with a label of its own: its group had
  //    nothing to fill from).
  size_t with_units = 0;
  bool numbered = false;
  for (const Row& r : rows) {
    with_units += !(r.units.empty() && r.lead.empty() && r.support.empty());
    numbered = numbered || r.seq.has_value();
  }
  if (with_units > 0 && with_units < rows.size())
    for (size_t i = 0; i < rows.size(); ++i) {
      Row& r = rows[i];
      if ((group(r) != 0 && !(numbered && !r.seq)) || r.content.empty() || r.units.garbled || r.lead.garbled ||
          !(r.units.empty() && r.lead.empty() && r.support.empty()))
        continue;
      const Row* above = nullptr;
      for (size_t k = i; k-- > 0;)
        if (!(rows[k].units.empty() && rows[k].lead.empty() && rows[k].support.empty())) {
          above = &rows[k];
          break;
        }
      r.Warn("units.missing", "no unit in this row while other rows name theirs" +
                                  (above ? std::string(": perhaps a merged cell given once above (") + Lines(*above) + ")"
                                         : std::string()));
    }
  // The same for a lead column alone: a row naming other units but no lead
  // where other rows name theirs (a 牵头单位 cell merged over rows the
  // group labels do not bound). Left as printed, and said.
  if (!table.has(Role::kLead)) return;
  size_t with_lead = 0;
  for (const Row& r : rows) with_lead += !r.lead.empty();
  if (with_lead == 0 || with_lead == rows.size()) return;
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    if (!r.lead.empty() || r.lead.garbled || r.content.empty() ||
        (r.units.empty() && r.support.empty()))
      continue;
    const Row* above = nullptr;
    for (size_t k = i; k-- > 0;)
      if (!rows[k].lead.empty()) {
        above = &rows[k];
        break;
      }
    r.Warn(
        "units.missing",
        "no " + RoleLabel(Role::kLead, rules) + " in this row while other rows name theirs" +
            (above ? std::string(": perhaps a merged cell given once above (") + Lines(*above) + ")"
                   : std::string()));
  }
}

namespace {
// The label a row prints: its item's, else its section's.
const Cell& OwnLabel(const Row& r) { return r.item_label.empty() ? r.section_label : r.item_label; }

// The label printed on the row's own lines, where the other is a group row's
// handed down to it ((一) | 学前教育 over 1 | 新建公办幼儿园2所, 一、教育惠民
// over 1 | 新建幼儿园: the band's is no task's name); null unless the row has
// both labels, saying different things.
Cell* LabelOnRow(Row& r) {
  if (r.item_label.empty() || r.section_label.empty() || r.item_label.text == r.section_label.text) return nullptr;
  auto on_row = [&](const Cell& c) { return !c.empty() && c.first_line >= r.first_line && c.first_line <= r.last_line; };
  const bool item = on_row(r.item_label), section = on_row(r.section_label);
  if (item == section) return nullptr;
  return item ? &r.item_label : &r.section_label;
}
}  // namespace

bool JoinLostLabels(Table& table, const std::vector<Section>& sections, const Rules& rules) {
  if (std::count(table.columns.begin(), table.columns.end(), Role::kLabel) != 1) return false;
  // Each row's label its own: every row with content has one, printed as
  // text (no heading marker), none twice. Under a header saying the label
  // names the task (content_describes), a name ending as a unit's may (新建
  // 公办幼儿园2所).
  size_t rows = 0;
  std::unordered_set<std::string_view> seen;
  bool banded = false;  // some row has a group's label handed down beside its own
  std::vector<const Cell*> chosen(table.rows.size(), nullptr);  // each row's label, for the join below
  for (size_t k = 0; k < table.rows.size(); ++k) {
    Row& r = table.rows[k];
    if (r.content.empty()) continue;
    const Cell* on_row = LabelOnRow(r);
    banded = banded || on_row;
    // (LinkRows copies a label naming nothing to the item's: one label.)
    if (!on_row && !r.item_label.empty() && !r.section_label.empty() && r.item_label.text != r.section_label.text)
      return false;
    const Cell& label = on_row ? *on_row : OwnLabel(r);
    chosen[k] = &label;
    if (label.empty() || label.garbled || !seen.insert(label.text).second) return false;
    const CellShape shape = TypeCell(label.text, rules);
    if (shape != CellShape::kText && !(table.content_describes && shape == CellShape::kUnits)) return false;
    ++rows;
  }
  if (rows < (table.content_describes ? 1u : 2u)) return false;  // one row of a describing table names its task too
  // Some row linked to an item whose title is not its label: the label's
  // words would be in none of the task's fields.
  auto title_of = [&](int item) -> const std::string* {
    for (const Section& s : sections)
      for (const Item& it : s.items)
        if (it.index == item) return &it.title;
    return nullptr;
  };
  // A content column describing each row's task (具体目标) leaves its name
  // in the label, whatever the body says.
  bool lost = table.content_describes;
  for (const Row& r : table.rows) {
    if (r.content.empty() || !r.item) continue;
    const Cell& label = OwnLabel(r);
    const std::string* title = title_of(r.item);
    // The label is the title when most of each is in the other.
    lost = lost || !title || Containment(label.text, *title) < 0.5 || Containment(*title, label.text) < 0.5;
  }
  if (!lost) return false;
  for (size_t k = 0; k < table.rows.size(); ++k) {
    Row& r = table.rows[k];
    if (r.content.empty()) continue;
    const Cell& label = *chosen[k];
    std::string text = label.text;
    if (!EndsSentence(text, rules)) text += rules.punct.stop;
    r.content.text = text + r.content.text;
    r.content.first_line = std::min(r.content.first_line, label.first_line);
    // Where groups hand their labels down (banded), the rows' own stay:
    // they are all that parts the rows of one band from the next band's (三
    // under （二）, whose label the rows would take down else).
    if (!banded) r.item_label = Cell(), r.section_label = Cell();
    // Linked again with the label's words in the content.
    r.item = r.section = 0;
    std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
      if (!d.code.starts_with("link.")) return false;
      if (auto w = std::find(r.warnings.begin(), r.warnings.end(), d.message); w != r.warnings.end()) r.warnings.erase(w);
      return true;
    });
  }
  table.Warn("table.labels_joined",
             table.content_describes
                 ? "each row's own label (no row shares one) names its task, which the content column describes: it opens its content"
                 : "each row's own label (no row shares one, and the body's titles are others) opens its content",
             table.header_line, table.header_line);
  LinkRows(table, sections);
  return true;
}

}  // namespace noticetab
