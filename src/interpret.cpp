// The interpreter: one engine turning any Grid into role rows.
#include "noticetab/interpret.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory_resource>
#include <optional>
#include <string>
#include <unordered_map>

#include "noticetab/classify.h"
#include "noticetab/clauses.h"
#include "noticetab/normalize.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"

namespace noticetab {
namespace {

// A 序号 that is no Arabic number: a CJK numeral (一, 二、), a Roman one (Ⅱ,
// IV) or a code of letters and digits (A1, A-1, B.2): at most six
// characters, none of them words. Its value where it reads as a number, 0
// when it is a code; -1 when the cell is no such 序号.
int SeqCodeValue(std::string_view cell, const Rules& rules) {
  std::string_view t = Trim(cell);
  if (t.empty() || CharCountUpTo(t, 7) > 6) return -1;
  t = Trim(rules.punct.marker_ends.TrimEnd(t));  // 一、
  if (t.empty()) return -1;
  bool cjk = true, roman = true, code = true, ascii_roman = true, letter = false;
  int roman_value = 0;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = NextChar(t, i);
    cjk = cjk && rules.numerals.IsCjkNumeral(c);
    roman = roman && c >= 0x2160 && c <= 0x216B;
    if (roman) roman_value = static_cast<int>(c - 0x2160) + 1;
    ascii_roman = ascii_roman && (c == 'I' || c == 'V' || c == 'X');
    const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    letter = letter || alpha;
    code = code && (alpha || (c >= '0' && c <= '9') || c == '-' || c == '.');
  }
  if (cjk) return std::max(rules.numerals.Value(t), 0);
  if (roman) return CharCountUpTo(t, 2) == 1 ? roman_value : 0;
  if (ascii_roman) {
    static constexpr std::string_view kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    for (size_t k = 0; k < std::size(kRoman); ++k)
      if (t == kRoman[k]) return static_cast<int>(k) + 1;
    return 0;
  }
  return code && letter ? 0 : -1;
}

bool IsInteger(std::string_view s) {
  const std::string_view t = Trim(s);
  // ASCII is its own NFKC: read as it is, without a copy (序号 cells are).
  if (std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return !t.empty() && t.size() <= 5 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::string n = Nfkc(t);
  return !n.empty() && n.size() <= 5 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A 序号 cell's numeral without the marks a list's number is printed with
// (1、 1. (1) 一、: punctuation.yaml marker_ends, marker_brackets; a CJK
// numeral in brackets, （一）, is a sub-row's item number and stays): a view
// of the numeral; the cell as it is when it is no marked numeral.
// With `bracketed`, only a numeral in brackets (（一）) is read, CJK or not.
std::string_view BareNumeral(std::string_view cell, const Rules& rules, bool bracketed = false) {
  const std::string_view t = Trim(cell);
  const Punctuation& p = rules.punct;
  std::string_view inner = t;
  if (const size_t n = p.marker_ends.EndLength(t); n > 0 && n < t.size() && !bracketed) {
    inner = Trim(t.substr(0, t.size() - n));
  } else if (const size_t o = p.marker_opens.StartLength(t), c = p.marker_closes.EndLength(t);
             o > 0 && c > 0 && o + c < t.size()) {
    inner = Trim(t.substr(o, t.size() - o - c));
    if (!IsInteger(inner) && !bracketed) return cell;
  } else {
    return cell;
  }
  return CharCountUpTo(inner, 4) <= 3 && rules.numerals.Value(inner) > 0 ? inner : cell;
}

// A column whose cells go to no task field but are kept beside it: 备注 /
// unknown names (the task's remarks) and 责任领导 (its leaders). Such a column
// takes every cell in its slot, and OCR debris there is no unit to drop.
bool IsNoteColumn(Role r) { return r == Role::kNote || r == Role::kLeader; }

// The row's cell a field column fills (units, lead, support, deadline, note,
// leader); nullptr for the others.
Cell* FieldCell(Row& row, Role r) {
  switch (r) {
    case Role::kUnits: return &row.units;
    case Role::kLead: return &row.lead;
    case Role::kSupport: return &row.support;
    case Role::kDeadline: return &row.deadline;
    case Role::kNote: return &row.note;
    case Role::kLeader: return &row.leader;
    default: return nullptr;
  }
}

}  // namespace

std::optional<int> SeqNumber(std::string_view s) {
  s = Trim(s);
  int value = 0, digits = 0;
  for (size_t i = 0; i < s.size(); ++digits) {
    if (digits == 3) return std::nullopt;
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(i) >= '0' && b(i) <= '9') {
      value = value * 10 + (b(i) - '0'), i += 1;
    } else if (i + 2 < s.size() && b(i) == 0xEF && b(i + 1) == 0xBC && b(i + 2) >= 0x90 && b(i + 2) <= 0x99) {
      value = value * 10 + (b(i + 2) - 0x90), i += 3;  // U+FF10-FF19
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  return value;
}

std::optional<int> RowNumber(std::string_view s, const Rules& rules) {
  if (const auto v = SeqNumber(s)) return v;
  s = Trim(s);
  if (s.empty() || CharCountUpTo(s, 6) > 5) return std::nullopt;
  // A CJK numeral alone (a Word table's 序号 column numbered so).
  bool numeral = CharCountUpTo(s, 4) <= 3;
  for (size_t i = 0; numeral && i < s.size();) numeral = rules.numerals.IsCjkNumeral(NextChar(s, i));
  if (numeral) {
    const int v = rules.numerals.Value(s);
    if (v > 0 && v < 1000) return v;
    return std::nullopt;
  }
  // A heading's marker with no title (1. / （一） / 一、): what a heading
  // style reads as the marker once a title follows it. It ends in a
  // marker's mark: any other cell is turned away before the styles run.
  const Punctuation& pu = rules.punct;
  if (pu.marker_ends.EndLength(s) == 0 && pu.marker_closes.EndLength(s) == 0) return std::nullopt;
  std::string probe(s);
  probe += " x";
  const auto h = MatchHeading(probe, rules);
  if (!h || h->title != "x") return std::nullopt;
  const int v = rules.numerals.Value(h->no);
  if (v > 0 && v < 1000) return v;
  return std::nullopt;
}

bool SubNumber(std::string_view s) {
  s = Trim(s);
  int digits = 0, groups = 0;
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else if ((c == '-' || c == '.') && digits > 0) {
      digits = 0, ++groups;
    } else {
      return false;
    }
  }
  return groups > 0 && digits > 0;
}

namespace {

struct StreamCell {
  Cell cell;
  bool placeholder = false;  // an empty slot the flattening kept
  bool after_break = false;
};

bool LabelLike(std::string_view s, const Rules& rules, const CellFacts& f) {
  if (f.raw_known) return f.chars <= 30 && !f.raw_sentence && !f.raw_comma;
  std::string buf;
  const std::string_view c = RemoveSpaces(s, &buf);
  return CharCountUpTo(c, 31) <= 30 && !rules.punct.sentence_mark.In(c) && !rules.punct.comma.In(c);
}

// UnitLike with the cell's facts: most text is ruled out by them, with no copy.
// `reader` (when there is one) rules out a cell in which no name can be
// complete: two thirds of the names must be.
bool UnitLike(std::string_view cell, const Rules& rules, const CellFacts& f, const CellReader* reader = nullptr) {
  if (f.raw_known && (f.chars == 0 || f.raw_sentence || f.raw_semicolon)) return false;
  if (reader && !reader->MayHoldUnit(cell)) return false;
  std::string buf;
  const std::string_view c = RemoveSpaces(cell, &buf);
  if (c.empty() || rules.punct.sentence_mark.In(c) || rules.punct.semicolon.In(c)) return false;
  static thread_local std::vector<std::string_view> names;  // scratch: nothing below calls back here
  SplitTopLevel(c, rules, &names);
  if (names.size() < 3) return false;
  size_t complete = 0, chars = 0;
  for (const auto& n : names) complete += IsCompleteSpaceless(n, rules), chars += CharCount(n);  // c has no spaces
  return complete * 3 >= names.size() * 2 && chars <= 14 * names.size();
}

}  // namespace

// A cell that lists units, at any length: a long list of names (32 names,
// 200 characters) is still units, never content (ClassifyCell stops at 200).
bool UnitLike(std::string_view cell, const Rules& rules) { return UnitLike(cell, rules, CellFacts{}); }

CellShape TypeCell(std::string_view cell, const Rules& rules) {
  const CellFacts f = ReadCellFacts(cell, rules);
  const CellShape classified = ClassifyCell(cell, rules, f);
  return classified == CellShape::kText && UnitLike(cell, rules, f) ? CellShape::kUnits : classified;
}

namespace {

// ClassifyCell and TypeCell of the cells of one grid, each text computed once
// (while in the cache) however many passes read it (ColumnsFromCells then AssignRow, a stream's
// labels typed and then classified): they are pure functions of the text.
// A pass looks a cell up once and keeps what it read (a Shape), so a cell is
// hashed once per pass. Keys are copies in the pool: a text looked up
// need not outlive the lookup.
class Shapes {
 public:
  /// What the passes read of a cell.
  struct Shape {
    CellShape classified, typed;  ///< ClassifyCell, TypeCell
    bool label_like;              ///< LabelLike
    size_t chars;                 ///< CharCount(cell)
  };
  explicit Shapes(const Rules& rules) : rules_(rules) {}
  const Rules& rules() const { return rules_; }
  Shape Get(std::string_view cell) {
    // Bounded: the repeats are near each other (the first 50 rows, a row's labels).
    if (map_.size() >= 4096) {
      // Emptied with its memory: the old entries go, then the pool's blocks.
      { Map old(0, TextHash{}, std::equal_to<std::string_view>{}, &pool_); map_.swap(old); }
      pool_.release();
    }
    auto it = map_.find(cell);
    if (it == map_.end()) {
      // The key is copied into the pool: a text looked up may be a
      // scratch string (a row put together from lines) freed before the
      // next lookup compares against it.
      char* kept = static_cast<char*>(pool_.allocate(cell.size() ? cell.size() : 1, 1));
      std::copy(cell.begin(), cell.end(), kept);
      it = map_.try_emplace(std::string_view(kept, cell.size())).first;
      Shape& e = it->second;
      if (!reader_) reader_.emplace(rules_);
      const CellFacts f = reader_->Facts(cell);
      e.classified = reader_->Classify(cell, f);
      e.typed = e.classified == CellShape::kText && UnitLike(cell, rules_, f, &*reader_) ? CellShape::kUnits : e.classified;
      e.label_like = LabelLike(cell, rules_, f);
      e.chars = f.raw_known ? f.all_chars : CharCount(cell);
    }
    return it->second;
  }

 private:
  const Rules& rules_;
  // Made at the first cell: its gates read the deadline rules' literals,
  // which a notice without cells (an empty one) need not pay for.
  std::optional<CellReader> reader_;
  // The entries live in one pool, freed at once (no malloc and free per cell).
  using Map = std::pmr::unordered_map<std::string_view, Shape, TextHash>;
  std::pmr::monotonic_buffer_resource pool_;
  Map map_{0, TextHash{}, std::equal_to<std::string_view>{}, &pool_};
};

/// Fills `row` (REQUIRES: a new Row). `periods`, by header column: the
/// period a column of milestones names (MilestonePeriod), empty for others.
void AssignRow(const std::vector<std::string_view>& raw, const std::vector<Role>& header, int line,
               Shapes& shape_of, Row& row, const std::vector<std::string>* periods = nullptr);

Cell ToCell(const GridCell& g) {
  Cell c;
  c.text = g.text;
  c.first_line = g.span.first_line;
  c.last_line = g.span.last_line;
  return c;
}

// A first-level label whose title opens with the next numeral (二、三季度,
// 一、二期工程同步实施): a list of numerals in a cell, no group's label.
bool NumeralList(std::string_view cell, const Rules& rules) {
  const auto h = MatchHeading(cell, rules);
  if (!h || h->title.empty()) return false;
  size_t end = 0;
  NextChar(h->title, end);
  const int next = rules.numerals.Value(std::string_view(h->title).substr(0, end));
  return next > 0 && next == rules.numerals.Value(h->no) + 1;
}

// A stream grid: the body cells in reading order, rows rebuilt by cell shape:
// labels, then the content, then the unit and deadline cells.
void InterpretStream(const std::vector<StreamCell>& cells, Table& t, Shapes& shape_of) {
  const Rules& rules = shape_of.rules();
  // 2. Rows from the stream.
  // Each cell looked up once: its shapes below read these.
  std::vector<Shapes::Shape> seen;
  seen.reserve(cells.size());
  std::vector<CellShape> shapes;
  shapes.reserve(cells.size());
  size_t may_lead = 0;  // cells a row's content can be: a bound of the rows
  for (const auto& c : cells) {
    seen.push_back(shape_of.Get(c.cell.text));
    const CellShape s = seen.back().typed;
    shapes.push_back(s);
    may_lead += s == CellShape::kText || s == CellShape::kSectionLabel || s == CellShape::kItemLabel;
  }
  t.rows.reserve(t.rows.size() + may_lead);  // no Row moved by the vector's growth
  auto next_shape = [&](size_t k) {
    for (size_t j = k + 1; j < cells.size(); ++j)
      if (shapes[j] != CellShape::kEmpty) return shapes[j];
    return CellShape::kEmpty;
  };

  Row row;
  std::optional<int> pending_seq;
  int pending_seq_line = 0, row_seq_line = 0;  // the lines of the 序号 cells to come and of this row
  int last_seq_line = 0;                       // the line of the last row's 序号 cell
  bool at_end = false;                         // the stream's last row is finished
  const bool seq_first = !t.columns.empty() && t.columns.front() == Role::kSeq;
  bool have_content = false, trailing_started = false;
  // The header's columns after the content (units, 完成情况, 备注 ...): a
  // short text cell in a note slot is that note, not the next row.
  std::vector<Role> after_content;
  for (size_t k = 0, past = 0; k < t.columns.size(); ++k) {
    if (past) after_content.push_back(t.columns[k]);
    if (t.columns[k] == Role::kContent) past = 1;
  }
  const size_t unit_columns = static_cast<size_t>(std::count_if(t.columns.begin(), t.columns.end(), [](Role r) {
    return IsUnitRole(r);
  }));
  const bool deadline_last = seq_first && t.columns.back() == Role::kDeadline;
  size_t labels_before_content = 0;  // the header's label columns left of the content
  for (Role r : t.columns) {
    if (r == Role::kContent) break;
    labels_before_content += r == Role::kLabel;
  }
  // Unit and deadline columns left of the content (| 序号 | 责任单位 | 完成时间 |
  // 重点工作 | 工作要求 |): their cells come before the row's content, held
  // until it starts.
  size_t fields_before_content = 0;
  bool deadline_before_content = false;
  for (Role r : t.columns) {
    if (r == Role::kContent) break;
    fields_before_content += IsUnitRole(r) || r == Role::kDeadline;
    deadline_before_content = deadline_before_content || r == Role::kDeadline;
  }
  size_t label_levels = 0;  // the most label cells a row has had before its content
  // A group marked as a section's in the stream (一、教育惠民 on a line of its
  // own): the rows' one label is their items' (as repair.cpp reads a TAB table).
  const bool marked_sections = std::any_of(seen.begin(), seen.end(), [](const Shapes::Shape& s) {
    return s.classified == CellShape::kSectionLabel;
  });
  std::vector<const StreamCell*> held;  // those cells of the row to come
  size_t slot = 0;  // cells taken after the content in this row
  std::vector<const StreamCell*> pending;  // cells before the content
  // The label columns' slots the pending cells take: a group marked as a
  // section's before the row (一、教育惠民 on a line of its own) takes none.
  auto slots_taken = [&] {
    return static_cast<size_t>(std::count_if(pending.begin(), pending.end(), [&](const StreamCell* p) {
      return seen[static_cast<size_t>(p - cells.data())].classified != CellShape::kSectionLabel;
    }));
  };
  auto finish = [&] {
    // A row of its own cells (units or a deadline) and no 序号 right after a
    // numbered one, no band between, a numbered row after it: a sub-row under
    // a 序号 merged over both, which the web copy printed once. (The last is
    // not: lines after the table, a signature and its date, read so too.)
    if (have_content && !row.seq && !at_end && seq_first && !t.rows.empty() && t.rows.back().seq && last_seq_line > 0 &&
        row.section_label.empty() &&
        (!row.deadline.empty() || !row.units.empty() || !row.lead.empty() || !row.support.empty())) {
      row.seq = t.rows.back().seq;
      row.Warn("merged.filled", RoleLabel(Role::kSeq, rules) + " inferred from the merged cell at line " +
                                    std::to_string(last_seq_line));
      row_seq_line = last_seq_line;
    }
    if (have_content) {
      last_seq_line = row.seq ? row_seq_line : 0;
      t.rows.push_back(std::move(row));
    }
    row = Row();
    have_content = trailing_started = false;
    slot = 0;
  };
  auto start_content = [&](const StreamCell& c) {
    row.content = c.cell;
    row.seq = pending_seq;
    row_seq_line = pending_seq ? pending_seq_line : 0;
    pending_seq.reset();
    row.Touch(c.cell.first_line);
    row.Touch(c.cell.last_line);
    have_content = true;
    // Labels: markers decide; unmarked ones by slot, the last before the
    // content is the item where the table has two levels (a row of two label
    // cells so far, or two label columns); one level alone is the section's,
    // as a table with TABs reads it.
    label_levels = std::max(label_levels, pending.size());
    for (size_t k = 0; k < pending.size(); ++k) {
      const Cell& p = pending[k]->cell;
      if (p.empty()) continue;
      CellShape s = seen[static_cast<size_t>(pending[k] - cells.data())].classified;
      bool item = s == CellShape::kItemLabel || (s != CellShape::kSectionLabel && k + 1 == pending.size() &&
                                                 (label_levels >= 2 || labels_before_content >= 2 || marked_sections));
      Cell& target = item ? row.item_label : row.section_label;
      target = p;
      row.Touch(p.first_line);
      if (pending[k]->after_break) row.after_break = true;
    }
    if (c.after_break) row.after_break = true;
    pending.clear();
    for (const StreamCell* h : held) {
      const bool units = shapes[static_cast<size_t>(h - cells.data())] == CellShape::kUnits;
      Cell* target = units ? nullptr : &row.deadline;
      for (Role r : t.columns) {
        if (!units || r == Role::kContent) break;
        Cell* u = IsUnitRole(r) ? FieldCell(row, r) : nullptr;
        if (u && u->empty()) {
          target = u;
          break;
        }
      }
      if (!target) target = &row.units;
      if (target->empty()) *target = h->cell;
      else target->Append(h->cell.text, h->cell.first_line);
      row.Touch(h->cell.first_line);
      row.Touch(h->cell.last_line);
    }
    held.clear();
  };

  // A unit or deadline cell with no row of its own: joined to the row
  // above, or reported before the first row.
  auto join_above = [&](const StreamCell& c, bool units) {
    if (t.rows.empty()) {
      t.Warn("table.cell_dropped", "line " + std::to_string(c.cell.first_line) +
                                       ": a cell before the table's first row dropped: " + c.cell.text,
             c.cell.first_line, c.cell.last_line);
      return;
    }
    Row& prev = t.rows.back();
    (units ? prev.units : prev.deadline).Append(c.cell.text, c.cell.first_line);
    prev.Touch(c.cell.first_line);
    prev.Warn("cell.joined_above", "a cell without its row joined to the row above: " + c.cell.text);
  };
  // Held cells of a row that never showed its content.
  auto drop_held = [&] {
    for (const StreamCell* h : held) join_above(*h, shapes[static_cast<size_t>(h - cells.data())] == CellShape::kUnits);
    held.clear();
  };
  // Whether cells[k], right after a row's 序号 under a header whose next
  // column is the content, opens a row of exactly a cell per column: each
  // unit column's cell a unit list, the deadline's a deadline, a number
  // only in a column for no task field, then the next 序号 or the end.
  const auto aligned_content = [&](size_t k) {
    if (!pending_seq || !pending.empty() || !held.empty() || t.columns.size() < 3 || !seq_first ||
        t.columns[1] != Role::kContent)
      return false;
    size_t col = 1, j = k;
    for (; j < cells.size() && col < t.columns.size(); ++j) {
      if (cells[j].cell.empty()) continue;
      const Role r = t.columns[col++];
      if (r == Role::kContent) continue;
      if (RowNumber(cells[j].cell.text, rules) && r != Role::kNote) return false;
      if (IsUnitRole(r) && shapes[j] != CellShape::kUnits) return false;
      if (r == Role::kDeadline && shapes[j] != CellShape::kDeadline) return false;
    }
    if (col != t.columns.size()) return false;
    for (; j < cells.size(); ++j)
      if (!cells[j].cell.empty()) return RowNumber(cells[j].cell.text, rules).has_value();
    return true;
  };
  // The next filled cell after cells[k]; cells.size() when none.
  const auto next_filled = [&](size_t k) {
    size_t j = k + 1;
    while (j < cells.size() && cells[j].cell.empty()) ++j;
    return j;
  };
  // Whether cells[k] on are unit cells, then a date, then nothing: the
  // signature closing the stream (one issuer or joint ones).
  const auto signed_run = [&](size_t k) {
    if (k >= cells.size() || shapes[k] != CellShape::kUnits) return false;
    size_t d = next_filled(k);
    while (d < cells.size() && shapes[d] == CellShape::kUnits) d = next_filled(d);
    return d < cells.size() && shapes[d] == CellShape::kDeadline && next_filled(d) == cells.size();
  };
  // Whether cells[k] on are the signature, cells[k] one of its names: alone
  // over the date, or a name that may sign beside one of the names under it
  // (联合发文: 县委办公室 over 县政府办公室 / date, CouldCoSign); else cells[k],
  // in a note's place, is the row's 备注 (县财政局 over 某县人民政府办公室).
  const auto signature = [&](size_t k) {
    if (!signed_run(k)) return false;  // so the names under it end at a date in the stream
    size_t d = next_filled(k);
    if (shapes[d] != CellShape::kUnits) return true;  // one name over the date
    for (; shapes[d] == CellShape::kUnits; d = next_filled(d))
      if (CouldCoSign(cells[k].cell.text, cells[d].cell.text, rules)) return true;
    return false;
  };
  // Whether the numbered row has all its cells but those of the note
  // columns at the header's end (备注 left blank), and cells[k] stands in
  // the first of those places.
  const auto at_trailing_notes = [&] {
    if (!seq_first || !row.seq || slot >= after_content.size()) return false;
    for (size_t j = slot; j < after_content.size(); ++j)
      if (!IsNoteColumn(after_content[j])) return false;
    return true;
  };
  // A signature (某县人民政府办公室 / 2024年3月1日) where the last row has all
  // its cells but its blank notes: the text after the table.
  const auto signature_after_notes = [&](size_t k) { return signature(k) && at_trailing_notes(); };
  // A unit or deadline cell in the place of a note column (备注: 各乡镇人民政府,
  // 长期坚持) of a numbered row that has its cells up to it, before the next
  // 序号, the stream's end or a signature: the row's column count says it
  // is the note, not a row or a cell of its own.
  const auto note_in_place = [&](size_t k) {
    if (!at_trailing_notes()) return false;
    const size_t j = next_filled(k);
    // Over a signature, a name that may sign beside it (县委办公室 over
    // 县政府办公室 / date: joint issuers) is the signature's, not the note.
    return j == cells.size() || RowNumber(cells[j].cell.text, rules).has_value() ||
           (signed_run(j) && !signature(k));
  };
  for (size_t k = 0; k < cells.size(); ++k) {
    const StreamCell& c = cells[k];
    CellShape s = shapes[k];
    if (const auto seq = RowNumber(c.cell.text, rules)) {  // a 序号 cell starts a row, named by the header or not
      // A number right after the content, where the header names a column
      // for no task field between the content and the units (数量（个）:
      // 二, 十), and a unit or deadline cell after it: that column's cell,
      // kept in remarks, not the next row's 序号.
      if (have_content && !trailing_started && slot < after_content.size() &&
          after_content[slot] == Role::kNote && [&] {
            const CellShape next = next_shape(k);
            return next == CellShape::kUnits || next == CellShape::kDeadline;
          }()) {
        row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);
        row.Touch(c.cell.first_line);
        ++slot;
        continue;
      }
      if (have_content) finish();
      else drop_held();
      pending_seq = *seq;
      pending_seq_line = c.cell.first_line;
      continue;
    }
    // A unit cell after the last row's deadline, where that is the header's
    // last column: the text after the table (the signature 某县人民政府办公室
    // and its date, where no blank line ends the table), not a cell. So is a
    // text after a numbered last row's deadline (请各牵头单位于每季度末报送…
    // before the signature): no row of the table starts without its number,
    // and nothing of the row comes after its last column but the deadline's
    // wrapped end (2025年6月底前 / 完成), which is no sentence.
    // So with another column last (责任单位, 备注), once the row has its
    // cell: a unit cell is the signature where its date comes after it (a
    // unit list's next paragraph has no date after it there).
    const auto after_table = [&] {
      if (s == CellShape::kUnits) return deadline_last || next_shape(k) == CellShape::kDeadline || signed_run(k);
      // A date before the numbered last row's deadline, where that is the
      // last column: no second stage of it, but the notice's date.
      if (s == CellShape::kDeadline)
        return deadline_last && row.seq && DatedBefore(c.cell.text, row.deadline.text, rules);
      if (s != CellShape::kText || !row.seq) return false;
      const std::string_view text = Trim(c.cell.text);
      return EndsSentence(text, rules) || CharCountUpTo(text, 5) > 4;
    };
    const auto last_filled = [&] {
      if (!seq_first) return false;
      const Role last = t.columns.back();
      if (last == Role::kDeadline) return !row.deadline.empty();
      if (IsUnitRole(last)) {
        const Cell* u = FieldCell(row, last);
        return u && !u->empty();
      }
      return IsNoteColumn(last) && !after_content.empty() && slot >= after_content.size();
    };
    if (have_content && ((last_filled() && after_table()) || signature_after_notes(k)) &&
        std::none_of(cells.begin() + static_cast<std::ptrdiff_t>(k) + 1, cells.end(),
                     [&](const StreamCell& n) { return RowNumber(n.cell.text, rules).has_value(); })) {
      std::string left;
      for (size_t j = k; j < cells.size(); ++j)
        if (!cells[j].cell.empty()) left += (left.empty() ? "" : " ") + cells[j].cell.text;
      t.Warn("table.cell_dropped",
             "line " + std::to_string(c.cell.first_line) + ": text after the table's last row left out: " + left,
             c.cell.first_line, cells.back().cell.last_line);
      break;
    }
    if (have_content) {
      // A cell naming nobody (无, ／; headers.yaml none_cells) while a unit
      // column of the row is still empty: that column's cell (it had started
      // a row of its own, taking the row's deadline with it).
      if (s != CellShape::kUnits && s != CellShape::kEmpty && rules.IsNoneCell(Trim(c.cell.text)) &&
          std::any_of(t.columns.begin(), t.columns.end(), [&](Role r) {
            const Cell* u = IsUnitRole(r) ? FieldCell(row, r) : nullptr;
            return u && u->empty() && !u->garbled;
          }))
        s = CellShape::kUnits;
      // A person with a post (李明（副县长）; units.yaml person) in a leader
      // column's slot is that column's text, not the row's unit cell.
      if (s == CellShape::kUnits && slot < after_content.size() && after_content[slot] == Role::kLeader &&
          rules.unit_person.Contains(Trim(c.cell.text)))
        s = CellShape::kText;
      bool handled = true;
      switch (s) {
        case CellShape::kUnits: {
          // The row's unit cell of a column, in header order (责任单位, or 牵头 then 配合).
          auto unit_cell = [&](Role r) -> Cell* { return IsUnitRole(r) ? FieldCell(row, r) : nullptr; };
          Cell* target = nullptr;  // the next free one
          for (Role r : t.columns) {
            Cell* c2 = unit_cell(r);
            if (c2 && c2->empty() && !c2->garbled) {
              target = c2;
              break;
            }
          }
          if (target) {
            *target = c.cell;
            break;
          }
          // A unit cell printed as one paragraph per key (牵头单位：X /
          // 配合单位：Y): the next key's paragraph is more of the same clause,
          // joined as its parts are, so the keys keep their roles.
          Cell* keyed = nullptr;  // the last filled one
          for (Role r : t.columns)
            if (Cell* c2 = unit_cell(r); c2 && !c2->empty()) keyed = c2;
          if (keyed && IsKeyedClause(c.cell.text, rules) && IsKeyedClause(keyed->text, rules)) {
            keyed->Append(rules.punct.clause_joiner + c.cell.text, c.cell.first_line);
            break;
          }
          // A unit cell of two paragraphs (县财政局 / 县自然资源局: Word's text
          // export puts each on a line), in a numbered table whose row still
          // lacks its deadline and has one coming before the next 序号: the
          // last unit column's next name.
          if (keyed && row.deadline.empty() && !t.columns.empty() && t.columns.front() == Role::kSeq && [&] {
                for (size_t j = k + 1; j < cells.size(); ++j) {
                  if (cells[j].cell.empty()) continue;
                  if (RowNumber(cells[j].cell.text, rules)) return false;
                  if (shapes[j] == CellShape::kDeadline) return true;
                  if (shapes[j] != CellShape::kUnits) return false;
                }
                return false;
              }()) {
            keyed->Append(rules.punct.list_joiner + c.cell.text, c.cell.first_line);
            row.Warn("units.joined", "a unit cell's next paragraph joined: " + c.cell.text);
            break;
          }
          if (note_in_place(k)) {
            row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);
            break;
          }
          handled = false;  // all unit columns are full: this cell starts the next row
          break;
        }
        case CellShape::kDeadline:
          if (deadline_before_content && !row.deadline.empty() && slot < after_content.size() &&
              IsNoteColumn(after_content[slot])) {
            row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);  // 备注 每季度报送
          } else if (deadline_before_content && !row.deadline.empty()) {
            handled = false;  // the next row's, printed before its content
          } else if (row.deadline.empty()) {
            row.deadline = c.cell;
          } else if (note_in_place(k) && [&] {
                       // Ongoing (长期坚持), no date: a dated one after the
                       // row's deadline is its next stage, joined below.
                       YearContext years;
                       years.title = 2000;
                       return ResolveDeadline(Trim(c.cell.text), years, rules).kind == "ongoing";
                     }()) {
            row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);
          } else {
            if (!IsYearOnly(row.deadline.text, rules)) row.Warn("deadline.twice", "two deadline cells in a row; joined");
            row.deadline.Append(c.cell.text, c.cell.first_line);
          }
          break;
        case CellShape::kGarbage: {
          Cell& target = row.units.empty() && !row.units.garbled ? row.units : row.deadline;
          target.garbled = true;
          row.Warn("cell.unreadable", "unreadable cell dropped: " + c.cell.text);
          break;
        }
        case CellShape::kEmpty:
          if (!trailing_started) {
            trailing_started = true;  // the empty unit cell of this row
          } else {
            handled = false;          // a label slot of the next row
          }
          break;
        case CellShape::kSectionLabel:
        case CellShape::kItemLabel:
        case CellShape::kText:
          // A cell after the row's unit cells and right before the next
          // row's 序号 (or the table's end) is this row's, where 序号 is the
          // first column (no label comes before a row's number): its
          // deadline's when that is empty (a deadline no rule reads, 汛期每日:
          // kept as printed, resolving it says so), else its next note's.
          // A group marked as a section's (二、民生保障类, 第二部分 惠民生) is
          // no cell of a row: it is the band over the rows after it (not a
          // list of numerals, 二、三季度: a cell).
          if (trailing_started && (s != CellShape::kSectionLabel || NumeralList(c.cell.text, rules)) &&
              !t.columns.empty() &&
              t.columns.front() == Role::kSeq && [&] {
                for (size_t j = k + 1; j < cells.size(); ++j)
                  if (!cells[j].cell.empty()) return RowNumber(cells[j].cell.text, rules).has_value();
                return true;
              }()) {
            if (row.deadline.empty() && !row.deadline.garbled && t.has(Role::kDeadline)) {
              row.deadline = c.cell;
              break;
            }
            if (slot < after_content.size() && IsNoteColumn(after_content[slot])) {
              row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot),
                             rules.punct.clause_joiner);
              break;
            }
          }
          // A content of several paragraphs (1.… / 2.…) in a numbered row: a
          // text right before the row's unit or deadline cell is more of the
          // content; where a note column (责任领导) follows the content, a
          // sentence before the note is.
          if (row.seq && !trailing_started && slot == 0 && [&] {
                const CellShape next = next_shape(k);
                return !after_content.empty() && IsNoteColumn(after_content[0])
                           ? EndsSentence(c.cell.text, rules) && next == CellShape::kText
                           : next == CellShape::kUnits || next == CellShape::kDeadline;
              }()) {
            row.content.Append(c.cell.text, c.cell.first_line);
            row.Warn("content.joined", "content printed in several paragraphs (line " + std::to_string(c.cell.first_line) +
                                           ") joined");
            --slot;
            break;
          }
          if (s != CellShape::kText) {
            handled = false;  // a label: the next row's
            break;
          }
          if (!trailing_started && !EndsSentence(row.content.text, rules) && next_shape(k) != CellShape::kText) {
            row.content.Append(c.cell.text, c.cell.first_line);  // content wrapped into a second paragraph
            if (slot == 0) --slot;  // not a column: the ++ below brings it back to 0
            break;
          }
          // A note column right after the content (责任领导) comes before any
          // trailing cell: the content's sentence end says it is not more content.
          if ((trailing_started || EndsSentence(row.content.text, rules)) && slot < after_content.size() &&
              IsNoteColumn(after_content[slot]) && CharCountUpTo(c.cell.text, 21) <= 20 &&
              !EndsSentence(c.cell.text, rules)) {
            if (after_content[slot] == Role::kLeader)
              row.AppendLeader(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);  // 责任领导
            else
              row.AppendNote(c.cell.text, c.cell.first_line, static_cast<int>(slot), rules.punct.clause_joiner);  // 完成情况 / 备注
            break;
          }
          handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) {
        ++slot;
        if (s != CellShape::kText) trailing_started = true;
        row.Touch(c.cell.first_line);
        row.Touch(c.cell.last_line);
        continue;
      }
      finish();
    }
    // No content yet in this row.
    switch (s) {
      case CellShape::kSectionLabel:
      case CellShape::kItemLabel:
        // After a row's number, under a header with no label column, a
        // numbered paragraph (1.动态调整…。) is the row's content.
        if (pending_seq && labels_before_content == 0 && pending.empty()) {
          start_content(c);
          break;
        }
        pending.push_back(&c);
        break;
      case CellShape::kEmpty:
        pending.push_back(&c);
        break;
      case CellShape::kText: {
        CellShape next = next_shape(k);
        // A label-like cell before text is a label, where the header has a
        // column for one (a numbered row's 1.… / 2.… paragraphs under a header
        // without labels are its content).
        if (seen[k].label_like && (next == CellShape::kText || next == CellShape::kItemLabel) &&
            (!pending_seq || slots_taken() < labels_before_content))
          pending.push_back(&c);
        else
          start_content(c);
        break;
      }
      case CellShape::kGarbage:
        t.Warn("table.cell_dropped", "line " + std::to_string(c.cell.first_line) + ": unreadable cell dropped: " + c.cell.text,
               c.cell.first_line, c.cell.last_line);
        break;
      case CellShape::kUnits:
      case CellShape::kDeadline: {
        if (held.size() < fields_before_content &&
            std::none_of(pending.begin(), pending.end(), [](const StreamCell* p) { return !p->cell.empty(); })) {
          held.push_back(&c);  // a field column left of the content
          break;
        }
        // A trailing cell with no content before it: the last label-looking
        // cell was the content after all.
        auto last = std::find_if(pending.rbegin(), pending.rend(), [](const StreamCell* p) { return !p->cell.empty(); });
        // More unit-shaped cells in a run than the header has unit columns:
        // the first is a short text that reads as a name (开办企业), the
        // row's label or content.
        size_t run = 0;
        for (size_t j = k; j < cells.size() && shapes[j] == CellShape::kUnits; ++j) ++run;
        if (last == pending.rend() && s == CellShape::kUnits && aligned_content(k)) {
          // Right after the row's 序号, in the content column's place of a
          // row whose cells fill the header's columns one each: the content
          // (新建村卫生室 ends as an office's name does).
          start_content(c);
          row.Warn("cell.read_as_text", "a cell that reads as a unit name taken as the row's text: " + c.cell.text);
          break;
        }
        if (last != pending.rend()) {
          const StreamCell* content = *last;
          pending.erase(std::next(last).base());
          start_content(*content);
          --k;  // handle this cell again as a trailing cell
        } else if (run > unit_columns ||
                   (pending_seq && s == CellShape::kUnits &&
                    slots_taken() < labels_before_content && next_shape(k) == CellShape::kText)) {
          // Or, right after the row's 序号 and before its content, a label
          // column's cell that reads as a name (规范政府信息公开平台): the
          // row above has its units, this row none yet.
          if (slots_taken() < labels_before_content)
            pending.push_back(&c);
          else
            start_content(c);
          row.Warn("cell.read_as_text", "a cell that reads as a unit name taken as the row's text: " + c.cell.text);
        } else {
          join_above(c, s == CellShape::kUnits);
        }
        break;
      }
    }
  }
  at_end = true;
  finish();
  drop_held();
}

// Column roles of a grid without a header, from what the cells of each
// column are: integers -> 序号, unit lists -> units, deadline phrases ->
// deadline, the longest free text -> content, text left of it -> labels.
std::vector<Role> ColumnsFromCells(const Grid& g, Shapes& shape_of) {
  size_t width = 0;
  for (const auto& r : g.rows)
    if (!r.header && !r.unsplit) width = std::max(width, r.cells.size());
  std::vector<int> ints(width), units(width), deadlines(width), texts(width), filled(width);
  std::vector<size_t> chars(width);
  int seen = 0;
  for (const auto& r : g.rows) {
    if (r.header || r.unsplit || r.cells.size() != width || ++seen > 50) continue;
    for (size_t j = 0; j < width; ++j) {
      std::string_view c = Trim(r.cells[j].text);
      if (c.empty()) continue;
      ++filled[j];
      if (IsInteger(c)) ++ints[j];
      const Shapes::Shape shape = shape_of.Get(c);
      CellShape s = shape.typed;
      units[j] += s == CellShape::kUnits;
      deadlines[j] += s == CellShape::kDeadline;
      texts[j] += s == CellShape::kText || s == CellShape::kItemLabel || s == CellShape::kSectionLabel;
      chars[j] += shape.chars;
    }
  }
  std::vector<Role> roles(width, Role::kNone);
  int content = -1;
  size_t best = 0;
  for (size_t j = 0; j < width; ++j) {
    if (!filled[j]) continue;
    if (ints[j] == filled[j] && j == 0) roles[j] = Role::kSeq;
    else if (units[j] * 2 > filled[j]) roles[j] = Role::kUnits;
    else if (deadlines[j] * 2 > filled[j]) roles[j] = Role::kDeadline;
    else if (texts[j] * 2 > filled[j] && chars[j] / filled[j] > best) best = chars[j] / filled[j], content = static_cast<int>(j);
  }
  if (content < 0) return {};
  roles[content] = Role::kContent;
  for (int j = 0; j < content; ++j)
    if (roles[j] == Role::kNone) roles[j] = Role::kLabel;
  return roles;
}

// What every interpreted table gets: a warning on each row for header names
// read by their shape, and fragment rows (a lone character) dropped with a
// table warning, never silently.
void Finish(const Grid& g, Table& t, const Rules& rules) {
  std::string shaped, unread;
  if (!g.rows.empty() && g.rows.front().header) {
    const auto& cells = g.rows.front().cells;
    // A content column describing the task a label column names (具体目标
    // beside 工作任务): the table's repair joins each row's own label to it.
    if (!rules.describing_names.empty() && t.columns.size() == cells.size() && t.has(Role::kLabel))
      for (size_t i = 0; i < cells.size(); ++i)
        if (t.columns[i] == Role::kContent && rules.Describes(NameKey(cells[i].text))) t.content_describes = true;
    for (size_t i = 0; i < cells.size(); ++i) {
      const GridCell& c = cells[i];
      if (Trim(c.text).empty() || HeaderNameListed(c.text, rules)) continue;
      if (HeaderRole(c.text, rules) == Role::kNone) {
        // A column HeaderRoles took by its place in a header (佐证材料), or
        // as the content (民生实事, where the task's text stands).
        if (t.columns.size() == cells.size() && t.columns[i] == Role::kNote)
          unread += (unread.empty() ? "" : ", ") + std::string(Trim(c.text));
        if (t.columns.size() == cells.size() && t.columns[i] == Role::kContent)
          shaped += (shaped.empty() ? "" : ", ") + c.text + " as content (by its place)";
        continue;
      }
      // The column's role as the header gave it (a second content column
      // is a label), where the columns are the header's cells one to one.
      const Role role = t.columns.size() == cells.size() ? t.columns[i] : HeaderRole(c.text, rules);
      shaped += (shaped.empty() ? "" : ", ") + c.text + " as " + std::string(RoleName(role));
    }
  }
  std::erase_if(t.rows, [&](const Row& r) {
    // A grid read by position has its rows from the reader: no fragments.
    // The character count last: it is the one test that costs.
    auto compact_chars = [](std::string_view s) {  // CharCountUpTo(RemoveSpaces(s), 3), no copy when s has no spaces
      return HasSpace(s) ? CharCountUpTo(RemoveSpaces(s), 3) : CharCountUpTo(s, 3);
    };
    bool fragment = !g.by_position && !r.content.empty() && r.units.empty() && r.lead.empty() && r.support.empty() &&
                    r.deadline.empty() && !r.seq && compact_chars(r.content.text) <= 2;
    if (fragment)
      t.Warn("table.fragment_dropped", "line " + std::to_string(r.first_line) + ": a fragment row dropped: " + r.content.text,
             r.first_line, r.last_line);
    return fragment;
  });
  if (!shaped.empty())
    for (Row& r : t.rows) r.Warn("role.header_shape", "header names read by their shape: " + shaped);
  if (!unread.empty())
    t.Warn("table.columns_unread", "columns no rule names, kept in remarks: " + unread, t.header_line, t.header_line);
}

}  // namespace

namespace {

// A row of a grid whose reader knows every cell's column (Grid::by_position):
// each cell takes its header column's role, shapes aside.
Row PositionRow(const GridRow& r, const std::vector<Role>& header, const Rules& rules) {
  Row row;
  row.Touch(r.span.first_line);
  // The label columns: the last of two or more is the item's, one alone the
  // section's (as AssignRow reads a row).
  size_t labels = 0, last_label = header.size();
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == Role::kLabel) ++labels, last_label = i;
  for (size_t i = 0; i < r.cells.size() && i < header.size(); ++i) {
    const GridCell& c = r.cells[i];
    if (c.placeholder || Trim(c.text).empty()) continue;
    // A cell printed inside its row's lines (a cell-per-line row) names
    // its own; one from elsewhere (a heading's clause) the row's first.
    const bool inside = c.span.first_line >= r.span.first_line && c.span.first_line > 0 &&
                        c.span.last_line <= r.span.last_line;
    const int line = inside ? c.span.first_line : r.span.first_line;
    if (inside) row.Touch(c.span.last_line);
    switch (header[i]) {
      case Role::kSeq:
        if (const std::string_view n = BareNumeral(c.text, rules); IsInteger(n)) row.seq = std::atoi(Nfkc(Trim(n)).c_str());
        else if (const auto v = RowNumber(c.text, rules)) row.seq = *v;  // 一, （一）
        break;
      case Role::kLabel: (labels >= 2 && i == last_label ? row.item_label : row.section_label).Append(c.text, line); break;
      case Role::kContent: row.content.Append(c.text, line); break;
      case Role::kUnits: row.units.Append(c.text, line); break;
      case Role::kLead: row.lead.Append(c.text, line); break;
      case Role::kSupport: row.support.Append(c.text, line); break;
      case Role::kDeadline: row.deadline.Append(c.text, line); break;
      case Role::kLeader: row.AppendLeader(c.text, line, static_cast<int>(i), rules.punct.clause_joiner); break;
      default: row.AppendNote(c.text, line, static_cast<int>(i), rules.punct.clause_joiner); break;
    }
  }
  return row;
}

// A row short of the header's width whose cell holds a table rule OCR read
// as a character between two cells' words (区自然资源局 丨 2024年9月底前:
// punctuation.yaml rule_marks, spaced on both sides, words on both): split
// there, left to right, until the row is as wide as the header. A mark at a
// cell's edge (‖ 区司法局 ‖) is left to the cell's reading.
void SplitAtRuleMarks(std::vector<std::string_view>& cells, size_t width, const Rules& rules) {
  const MarkSet& marks = rules.punct.rule_marks;
  if (marks.marks().empty()) return;
  for (size_t k = 0; k < cells.size() && cells.size() < width; ++k) {
    const std::string_view cell = cells[k];
    if (!marks.In(cell)) continue;
    for (size_t i = 0; i < cell.size();) {
      const size_t at = i;
      if (!marks.Has(NextChar(cell, i))) continue;
      if (at == 0 || i >= cell.size() || !IsSpace(static_cast<unsigned char>(cell[at - 1])) ||
          !IsSpace(static_cast<unsigned char>(cell[i])) || Trim(cell.substr(0, at)).empty() ||
          Trim(cell.substr(i)).empty())
        continue;
      cells[k] = Trim(cell.substr(0, at));
      cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(k) + 1, Trim(cell.substr(i)));
      break;  // the rest is the next cell: looked at in its turn
    }
  }
}

// The row's one non-empty cell; nullptr when it has none or several.
const GridCell* OnlyFilledCell(const GridRow& r) {
  const GridCell* only = nullptr;
  for (const auto& c : r.cells) {
    if (c.placeholder || Trim(c.text).empty()) continue;
    if (only) return nullptr;
    only = &c;
  }
  return only;
}

}  // namespace

Table Interpret(const Grid& g, const Rules& rules) {
  Table t;
  t.layout = g.layout;
  t.caption = g.caption;
  t.last_line = g.span.last_line;
  if (!g.rows.empty()) t.header_line = g.rows.front().span.first_line ? g.rows.front().span.first_line
                                       : g.rows.front().cells.empty() ? 0 : g.rows.front().cells.front().span.first_line;
  auto header_roles = [&](const GridRow& r) {
    std::vector<std::string_view> names;
    for (const auto& c : r.cells) names.push_back(c.text);
    if (g.stream) {  // a stream header holds names only: drop empty slots
      std::erase_if(names, [](std::string_view n) { return Trim(n).empty(); });
      auto roles = HeaderRoles(names, rules);
      // A header of two rows flattened (责任单位 over 牵头单位 | 配合单位, the
      // sub-names after the first row's): the 责任单位 before both is their
      // parent, a column of no cells, or its unit cell would take the lead's.
      const auto units = std::find(roles.begin(), roles.end(), Role::kUnits);
      if (units != roles.end() && std::find(units, roles.end(), Role::kLead) != roles.end() &&
          std::find(units, roles.end(), Role::kSupport) != roles.end() &&
          std::find(std::next(units), roles.end(), Role::kUnits) == roles.end())
        *units = Role::kNone;
      return roles;
    }
    return HeaderRoles(names, rules);
  };
  if (!g.rows.empty() && g.rows.front().header) t.columns = header_roles(g.rows.front());
  // By header column, the period of a column of milestones (一季度, 上半年),
  // for AssignRow; empty when there is none. A header row under another
  // (进度安排 over 一季度 | 二季度) names them where it names a column.
  std::vector<std::string> periods;
  auto read_periods = [&](const GridRow& r, bool refine) {
    if (!refine) periods.clear();
    periods.resize(t.columns.size());
    bool any = false;
    for (size_t i = 0; i < periods.size(); ++i) {
      const bool named = i < r.cells.size() && !Trim(r.cells[i].text).empty();
      if (named || !refine)
        periods[i] = named && t.columns[i] == Role::kNote ? MilestonePeriod(r.cells[i].text, rules) : std::string();
      any = any || !periods[i].empty();
    }
    if (!any) periods.clear();
  };
  if (!g.stream && !t.columns.empty()) read_periods(g.rows.front(), false);
  Shapes shape_of(rules);
  if (g.stream) {
    std::vector<StreamCell> cells;
    size_t count = 0;
    for (const GridRow& r : g.rows) count += r.cells.size();
    cells.reserve(count);
    for (size_t k = 1; k < g.rows.size(); ++k) {
      const GridRow& r = g.rows[k];
      if (r.header) continue;
      bool first = true;
      for (const auto& c : r.cells) {
        StreamCell s;
        s.cell = ToCell(c);
        s.placeholder = c.placeholder;
        s.after_break = first && r.after_page_break;
        first = false;
        cells.push_back(std::move(s));
      }
    }
    InterpretStream(cells, t, shape_of);
    Finish(g, t, rules);
    return t;
  }
  std::string inferred;  // column roles read from the cells (no header), for the row warnings
  if (t.columns.empty()) {
    t.columns = ColumnsFromCells(g, shape_of);
    for (Role r : t.columns) inferred += (inferred.empty() ? "" : " | ") + std::string(RoleName(r));
  }
  t.rows.reserve(g.rows.size());  // a row per grid row at most: no doubling on a big table
  std::vector<std::string_view> cells;  // a row's cell texts, one buffer for every row
  // The cells of the last row read from a grid row and the grid rows it
  // took (its first line, its last grid row): a row broken by cells of
  // several paragraphs is put together here.
  std::vector<std::string> built;
  size_t built_k = 0;
  int built_line = 0;
  struct DatedBand {
    int line;
    std::string deadline, label;
    int end;  // the line of the next group band (not dated by it)
  };
  std::vector<DatedBand> dated_bands;
  for (size_t k = g.rows.empty() || !g.rows.front().header ? 0 : 1; k < g.rows.size(); ++k) {
    const GridRow& r = g.rows[k];
    if (r.header) {
      auto roles = header_roles(r);
      if (roles.empty() && k > 0 && g.rows[k - 1].header) {
        // The periods under a merged name (进度安排 over 一季度 | 二季度): notes.
        std::vector<std::string_view> names;
        for (const auto& c : r.cells) names.push_back(c.text);
        if (MilestoneHeaderRow(names, rules))
          for (const std::string_view n : names) roles.push_back(Trim(n).empty() ? Role::kNone : Role::kNote);
      }
      if (!roles.empty()) {
        // A header row right under another names the columns a merged name
        // spans (责任单位 over 牵头单位 | 配合单位): it refines that header
        // where it names a column and keeps it where it is blank.
        if (k > 0 && g.rows[k - 1].header && roles.size() <= t.columns.size()) {
          for (size_t i = 0; i < roles.size(); ++i)
            if (roles[i] != Role::kNone) t.columns[i] = roles[i];
          PromoteContentColumn(t.columns);
          read_periods(r, true);
        } else {
          t.columns = roles;  // its column layout rules from here on
          read_periods(r, false);
        }
      }
      continue;
    }
    // A row of one cell that is a page's chrome (a page number — 2 — OCR
    // kept inside the table's rules): dropped, as its line would be.
    if (const GridCell* only = OnlyFilledCell(r); only && IsJunk(Trim(only->text), rules)) continue;
    int line = r.span.first_line;
    // A group label that is only a deadline in brackets (（长期坚持）, rowlines.cpp
    // DatedBandDeadline): no row; it dates the rows under it, up to the next
    // row of one cell (a group band).
    if (const GridCell* only = r.unsplit ? nullptr : OnlyFilledCell(r)) {
      if (!dated_bands.empty() && dated_bands.back().end == std::numeric_limits<int>::max()) dated_bands.back().end = line;
      if (std::string d = DatedBandDeadline(only->text, rules); !d.empty()) {
        dated_bands.push_back({line, std::move(d), std::string(Trim(only->text)), std::numeric_limits<int>::max()});
        continue;
      }
    }
    if (r.unsplit) {
      if (!t.rows.empty() && !r.cells.empty()) {
        Row& above = t.rows.back();
        // The cell the line above ended in goes on (Word's text export of a
        // cell of two paragraphs): a deadline or unit cell when that column
        // is one and the line reads as one; the content otherwise.
        size_t b = k - 1;
        while (b > 0 && g.rows[b].unsplit) --b;
        const GridRow& base = g.rows[b];
        // The row's cells: those of the lines it was put together from, when it was.
        const size_t base_cells = built_k == b && !built.empty() ? built.size() : base.cells.size();
        const Role last = !base.header && base_cells > 0 && base_cells <= t.columns.size()
                              ? t.columns[base_cells - 1]
                              : Role::kNone;
        const CellShape shape = shape_of.Get(r.cells.front().text).typed;
        // A step of a deadline cell (12月底前完成验收) names a date but may read
        // as no deadline whole: a deadline phrase opening the line, a word or
        // two after it (not a label such as 2025年6月底前开工的项目).
        // So does a short remark wholly in brackets under it (2023年9月底前 /
        // （秋季开学前）).
        const bool dated = shape == CellShape::kDeadline || [&] {
          const std::string_view line_text = Trim(r.cells.front().text);
          // (a bracket closing the line reads like a name's end: the words in it decide)
          if (size_t i = 0; CharCountUpTo(line_text, 13) <= 12 &&
                            rules.punct.opens.Has(NextChar(line_text, i)) &&
                            rules.punct.closes.Ends(line_text)) {
            const size_t close = line_text.size() - rules.punct.closes.EndLength(line_text);
            const CellShape inner =
                shape_of.Get(line_text.substr(i, close > i ? close - i : 0)).typed;
            return inner == CellShape::kText || inner == CellShape::kDeadline;
          }
          if (shape != CellShape::kText || CharCountUpTo(line_text, 25) > 24) return false;
          const auto m = rules.deadline_in_content.Find(line_text);
          return m.found && m.begin == 0 && CharCountUpTo(line_text.substr(m.end), 5) <= 4;
        }();
        // A 备注 cell the row ended in goes on with any line (its words are
        // free text, which no shape tells from the content's).
        if (last == Role::kNote && !above.note.empty() && shape != CellShape::kUnits) {
          above.note.Append(r.cells.front().text, line);
          above.Touch(line);
          above.Warn("row.unsplit", "line " + std::to_string(line) + " has no columns; joined to the " +
                                        RoleLabel(last, rules) + " cell above");
          continue;
        }
        Cell* cell = (last == Role::kDeadline && dated) || (IsUnitRole(last) && shape == CellShape::kUnits)
                         ? FieldCell(above, last) : nullptr;
        if (cell && !cell->empty()) {
          cell->Append(rules.punct.clause_joiner + r.cells.front().text, line);
          above.Touch(line);
          above.Warn("row.unsplit", "line " + std::to_string(line) + " has no columns; joined to the " +
                                        RoleLabel(last, rules) + " cell above");
          continue;
        }
        above.content.Append(r.cells.front().text, line);
        above.Touch(line);
        above.Warn("row.unsplit", "line " + std::to_string(line) + " has no columns; joined to the content above");
      }
      continue;
    }
    if (g.by_position && inferred.empty() && r.cells.size() == t.columns.size()) {
      t.rows.push_back(PositionRow(r, t.columns, rules));
      continue;
    }
    // A line that completes the short row above it: a cell of several
    // paragraphs broke the row (Word's text export of 1.… / 2.… in one cell).
    // The row above stops before its last columns, this one holds exactly
    // them after the rest of that cell, and opens no row of its own (no 序号).
    // Paragraphs between them, lines of no columns (1.… / 2.…), are more of
    // that cell. A unit cell of two paragraphs (县交通运输局 / 各乡镇人民政府)
    // breaks a row too, in a row opened by its 序号 (no merged cell shifted it).
    // In such a row, two cells of several paragraphs break it twice: a piece
    // of two cells or more that still leaves the row short goes on with it
    // (the row built so far is `built`).
    size_t base_k = k > 0 ? k - 1 : 0;
    while (base_k > 0 && g.rows[base_k].unsplit) --base_k;
    const size_t cols = t.columns.size();
    const bool seq_opened =
        !t.columns.empty() && t.columns.front() == Role::kSeq && !built.empty() && IsInteger(built.front());
    auto typed = [&](std::string_view c) { return shape_of.Get(c).typed; };
    auto units_between = [&] {
      for (size_t u = base_k + 1; u < k; ++u)
        if (!g.rows[u].cells.empty() && typed(g.rows[u].cells.front().text) != CellShape::kUnits)
          return false;
      return true;
    };
    // The line may open with the 序号 column blank (a tab first: the cells of
    // a PDF row centred in its height) under a row of only its number and the
    // start of its content: the rest is its cells after that one.
    const size_t skip = seq_opened && built.size() == 2 && r.cells.size() == cols && cols >= 3 &&
                                !r.after_page_break && Trim(r.cells.front().text).empty()
                            ? 1
                            : 0;
    const size_t more = r.cells.size() - skip;
    auto opening = [&] { return std::string_view(r.cells[skip].text); };
    if (k > 0 && !t.rows.empty() && built_k == base_k && !built.empty() && !r.after_page_break &&
        built.size() < cols && !r.cells.empty() &&
        (built.size() + more == cols + 1 || (seq_opened && more >= 2 && built.size() + more <= cols)) &&
        !(t.columns.front() == Role::kSeq && IsInteger(r.cells.front().text)) &&
        !Trim(opening()).empty() && !Trim(built.back()).empty() &&
        (((t.columns[built.size() - 1] == Role::kContent ||
           t.columns[built.size() - 1] == Role::kLabel) &&
          // Both halves read as text: a row shifted by a merged cell ends in
          // its unit cell (| content | unit |), which no paragraph continues.
          // A row of only its number and one cell that reads as units (…马坝片区、
          // 浈江区, broken mid-content) goes on when this line holds the
          // row's unit cell: a row has one.
          [&] {
            const CellShape a = typed(built.back());
            return a == CellShape::kText || a == CellShape::kItemLabel || a == CellShape::kSectionLabel ||
                   (a == CellShape::kUnits && seq_opened && built.size() == 2 && more >= 2 &&
                    IsUnitRole(t.columns[2]) && typed(r.cells[skip + 1].text) == CellShape::kUnits);
          }() &&
          typed(opening()) != CellShape::kUnits && typed(opening()) != CellShape::kDeadline) ||
         (IsUnitRole(t.columns[built.size() - 1]) && seq_opened && units_between() &&
          typed(built.back()) == CellShape::kUnits && typed(opening()) == CellShape::kUnits))) {
      std::string& joined = built.back();
      for (size_t u = base_k + 1; u < k; ++u)
        if (!g.rows[u].cells.empty()) joined.append("\n").append(g.rows[u].cells.front().text);
      joined.append("\n").append(opening());
      for (size_t i = skip + 1; i < r.cells.size(); ++i) built.emplace_back(r.cells[i].text);
      built_k = k;
      cells.assign(built.begin(), built.end());
      Row& row = t.rows.back();
      const bool after_break = row.after_break;
      row = Row();
      AssignRow(cells, t.columns, built_line, shape_of, row, &periods);
      row.Touch(line);
      row.after_break = after_break;
      row.Warn("row.rejoined", "line " + std::to_string(line) + " completes the row above (a cell of several lines); joined");
      continue;
    }
    built.clear();  // kept for a short row only: no other goes on
    if (r.cells.size() < t.columns.size())
      for (const auto& c : r.cells) built.emplace_back(c.text);
    built_k = k, built_line = line;
    cells.clear();
    for (const auto& c : r.cells) cells.push_back(c.text);
    if (cells.size() < t.columns.size()) SplitAtRuleMarks(cells, t.columns.size(), rules);
    Row& row = t.rows.emplace_back();  // filled where it stays: no Row moved
    AssignRow(cells, t.columns, line, shape_of, row, &periods);
    row.Touch(r.span.last_line);  // a row printed over lines (a quoted or broken cell) ends on its last
    row.after_break = r.after_page_break;
    // A reader's note on the table (table.*: the text after its last row
    // left out) is the table's warning, not the row's.
    for (const auto& [code, message] : r.notes)
      if (code.starts_with("table.")) t.Warn(code, message);
      else row.Warn(code, message);
    if (!inferred.empty()) row.Warn("role.inferred", "no table header; column roles inferred from the cells: " + inferred);
  }
  if (!dated_bands.empty()) {
    // Numbered rows only, where the table numbers them: a row without its
    // number goes on with the row above (a page break), which has its deadline.
    const bool numbered = std::find(t.columns.begin(), t.columns.end(), Role::kSeq) != t.columns.end();
    for (Row& row : t.rows) {
      if (!row.deadline.empty() || row.deadline.garbled || row.content.empty() || (numbered && !row.seq)) continue;
      for (const DatedBand& b : dated_bands) {
        if (row.first_line <= b.line || row.first_line >= b.end) continue;
        row.deadline.text = b.deadline;
        row.deadline.first_line = row.deadline.last_line = b.line;
        row.Warn("deadline.from_group", RoleLabel(Role::kDeadline, rules) + " taken from the group row: " + b.label);
        break;
      }
    }
  }
  Finish(g, t, rules);
  return t;
}


void PromoteContentColumn(std::vector<Role>& roles) {
  // | 牵头单位 | 责任单位 |: next to a lead column, 责任单位 names the supporters.
  auto lead = std::find(roles.begin(), roles.end(), Role::kLead);
  if (lead != roles.end() && std::find(roles.begin(), roles.end(), Role::kSupport) == roles.end())
    std::replace(lead, roles.end(), Role::kUnits, Role::kSupport);
  // Two content columns (| 项目名称 | 建设内容 |, the first named by shape):
  // the task text is the last; the ones before it name the task, as labels.
  if (auto last = std::find(roles.rbegin(), roles.rend(), Role::kContent); last != roles.rend())
    std::replace(last + 1, roles.rend(), Role::kContent, Role::kLabel);
  // No content column named: the task text sits in the last label column
  // (| 序号 | 工作任务 | 牵头单位 | ...).
  if (std::find(roles.begin(), roles.end(), Role::kContent) != roles.end()) return;
  auto last_label = std::find(roles.rbegin(), roles.rend(), Role::kLabel);
  if (last_label != roles.rend()) *last_label = Role::kContent;
}

namespace {

// Not a unit list, a deadline or a numbered label: a name (short ones can
// read as debris; they count).
bool OtherHeaderShape(CellShape shape) {
  return shape == CellShape::kText || shape == CellShape::kGarbage;
}

}  // namespace

// What a data row's short cells (a unit, a date, 1) are not all of.
bool OtherHeaderName(std::string_view cell, const Rules& rules) {
  if (CharCountUpTo(cell, 17) > 16) return false;  // a row's content: no copy made of it
  std::string buf;
  const std::string_view key = NameKey(cell, &buf);
  // One character is half of a name wrapped over two lines (序 / 号).
  const size_t count = CharCountUpTo(key, 17);
  if (count < 2) return false;
  if (count > 8) {
    // Two such names joined (存在问题及下步打算, headers.yaml joins).
    for (const auto& j : rules.header_joins) {
      const size_t at = j.empty() ? std::string_view::npos : key.find(j);
      if (at == std::string_view::npos) continue;
      const std::string_view left = key.substr(0, at), right = key.substr(at + j.size());
      if (CharCountUpTo(left, 9) <= 8 && CharCountUpTo(right, 9) <= 8 && OtherHeaderName(left, rules) &&
          OtherHeaderName(right, rules))
        return true;
    }
    return false;
  }
  for (char ch : key)
    if (ch >= '0' && ch <= '9') return false;
  const std::string n = Nfkc(cell);
  if (n.find(':') != std::string::npos || rules.punct.sentence_mark.In(n)) return false;
  // A measure in brackets (总投资（万元）) is read as a unit's remark
  // (市政府办公室（市政务服务中心）): the name is the part before it.
  std::string_view name = Trim(n);
  if (name.ends_with(')'))
    if (size_t open = name.rfind('('); open != std::string_view::npos && open > 0) name = name.substr(0, open);
  return OtherHeaderShape(ClassifyCell(name, rules));
}

bool MilestoneHeaderRow(const std::vector<std::string_view>& cells, const Rules& rules) {
  int named = 0;
  for (const std::string_view c : cells) {
    if (Trim(c).empty()) continue;
    if (MilestonePeriod(c, rules).empty()) return false;
    ++named;
  }
  return named >= 2;
}

bool HeaderTolerates(const std::vector<Role>& roles, int other) {
  int known = 0;
  bool text = false, units = false;
  for (Role r : roles) {
    known += r != Role::kNone;
    text = text || r == Role::kContent || r == Role::kLabel;
    units = units || IsUnitRole(r);
  }
  known -= other;  // the others are in `roles` as notes
  return known >= 3 && other < known && text && units;
}

std::vector<Role> HeaderRoles(const std::vector<std::string_view>& cells, const Rules& rules) {
  // A header holds header names: cells with a role, and at most a few short
  // bare names no rule knows (佐证材料, 总投资（万元）) beside the ones that
  // name a task's text and units. A body row's longest cell (its content)
  // is the one HeaderRole turns down fastest (a long line stops at its first
  // test): asked first, and past 16 characters it is no name at all.
  const std::string_view* longest = nullptr;
  for (const auto& c : cells)
    if (!longest || c.size() > longest->size()) longest = &c;
  if (longest && longest->size() > 3 * 8 && HeaderRole(*longest, rules) == Role::kNone && !Trim(*longest).empty() &&
      (longest->size() > 4 * 16 || !OtherHeaderName(*longest, rules)))
    return {};
  std::vector<Role> roles;
  int known = 0, other = 0;
  bool core = false;
  // A numbered list of tasks and their deadlines with no unit column (序号 |
  // 工作任务 | 完成时限: the units given by group rows, or by none) is a task
  // table too: its label column holds the tasks.
  bool seq = false, label = false, deadline = false;
  for (auto c : cells) {
    Role r = HeaderRole(c, rules);
    if (r != Role::kNone) ++known;
    if (r == Role::kContent || r == Role::kUnits || r == Role::kLead) core = true;
    seq = seq || r == Role::kSeq, label = label || r == Role::kLabel, deadline = deadline || r == Role::kDeadline;
    // A name no rule knows: kept as a note column (its cells are read into
    // no task field) if it passes OtherHeaderName below. As many of them as
    // names with a role is a body row: stop.
    if (r == Role::kNone && !Trim(c).empty()) {
      r = Role::kNote;
      if (++other > static_cast<int>(cells.size()) / 2) return {};
    }
    roles.push_back(r);
  }
  // A column that is a remark beside the deadline column and the deadline
  // where the header has none (反馈时间 alone: a report's due date).
  // Not where the header has columns of milestones (一季度 …): they date the row.
  // (The milestone test only once such a column is there: most headers have none.)
  if (!deadline)
    for (size_t i = 0; i < roles.size(); ++i)
      if (roles[i] == Role::kNote && RoleAlone(cells[i], rules) == Role::kDeadline) {
        if (std::none_of(cells.begin(), cells.end(),
                         [&](std::string_view c) { return !MilestonePeriod(c, rules).empty(); })) {
          roles[i] = Role::kDeadline;
          deadline = true;
        }
        break;
      }
  // A progress plan (进度安排, 时间节点: 3月启动，9月全面开工) beside the
  // column of when the task is due (完成时限): a remark, no second deadline
  // (the two cells had been joined into one deadline, the plan's date taken).
  // Alone it is the deadline.
  // Only where two deadline columns stand: one alone is never both.
  if (deadline && std::count(roles.begin(), roles.end(), Role::kDeadline) >= 2) {
    bool due = false;
    for (size_t i = 0; i < roles.size() && !due; ++i)
      due = roles[i] == Role::kDeadline && RoleAlone(cells[i], rules) != Role::kDeadline;
    if (due)
      for (size_t i = 0; i < roles.size(); ++i)
        if (roles[i] == Role::kDeadline && RoleAlone(cells[i], rules) == Role::kDeadline) roles[i] = Role::kNote;
  }
  // A column that is a remark beside the task's text and the text where
  // the header has none (考核指标 alone: the task is what it measures).
  if (!label && std::find(roles.begin(), roles.end(), Role::kContent) == roles.end())
    for (size_t i = 0; i < roles.size(); ++i)
      if (roles[i] == Role::kNote && RoleAlone(cells[i], rules) == Role::kContent) {
        roles[i] = Role::kContent;
        core = true;
        break;
      }
  if (known < 2 || !(core || (seq && label && deadline))) return {};
  // No column named as the task's text, and one name no rule knows where
  // the text stands, left of the units, beside a deadline column (| 序号 |
  // 民生实事 | 责任单位 | 完成时限 |): that column is the content, by its
  // place (Finish says so on each row). The table had been lost.
  if (other == 1 && deadline && std::none_of(roles.begin(), roles.end(), [](Role r) {
        return r == Role::kContent || r == Role::kLabel;
      })) {
    const auto units = std::find_if(roles.begin(), roles.end(), IsUnitRole);
    const auto named = std::find(roles.begin(), units, Role::kNote);
    if (named != units && HeaderRole(cells[static_cast<size_t>(named - roles.begin())], rules) == Role::kNone &&
        OtherHeaderName(cells[static_cast<size_t>(named - roles.begin())], rules)) {
      *named = Role::kContent;
      other = 0;
    }
  }
  if (other > 0) {
    if (!HeaderTolerates(roles, other)) return {};
    for (size_t i = 0; i < cells.size(); ++i)
      if (roles[i] == Role::kNote && HeaderRole(cells[i], rules) == Role::kNone && !OtherHeaderName(cells[i], rules))
        return {};
  }
  // A bare 单位 beside columns that name the responsible units is the
  // measurement unit of an indicator table (% / 亿元), no one responsible.
  for (size_t i = 0; i < cells.size(); ++i)
    if (roles[i] == Role::kUnits && rules.IsMeasureName(cells[i]))
      for (size_t j = 0; j < cells.size(); ++j)
        if (j != i && IsUnitRole(roles[j]) && !rules.IsMeasureName(cells[j])) {
          roles[i] = Role::kNote;
          break;
        }
  // A describing column (headers.yaml describes: 具体目标) left of the column
  // naming the tasks (| 具体目标 | 工作任务 |), the only content column: the
  // tasks' text is the label column's, what the other says a remark (its
  // cells had been the content, the tasks the units).
  if (!rules.describing_names.empty() && std::count(roles.begin(), roles.end(), Role::kContent) == 1) {
    const size_t c = static_cast<size_t>(std::find(roles.begin(), roles.end(), Role::kContent) - roles.begin());
    const auto label = std::find(roles.begin() + static_cast<std::ptrdiff_t>(c), roles.end(), Role::kLabel);
    if (label != roles.end() && rules.Describes(NameKey(cells[c]))) {
      roles[c] = Role::kNote;
      *label = Role::kContent;
    }
  }
  PromoteContentColumn(roles);
  return roles;
}

namespace {

// A column whose cells fill a task field (units, a deadline, a note, a person).
bool IsFieldColumn(Role r) { return IsUnitRole(r) || r == Role::kDeadline || IsNoteColumn(r); }

// Whether a row's cells (their shapes; the header's column i + skip is cell
// i) leave empty, or leave off, only note columns after the content, with the
// content column filled and every unit and deadline cell where the header
// has it, as what it is. A merged cell leaves its gap on the left, so such a
// row is read by position: its content may be shorter than a 完成情况
// sentence, or end like a name (建成镇级电商服务中心). A row that kept a
// cell for every column (a tab row's blank cells) may leave its deadline
// empty too: a blank cell in its place (the group row above may give the
// deadline), no gap a merged cell shifted the row into (开工建设物流园 | 县商务局 |
// blank under a group row: the content reads as a unit name, yet is where
// the header has it).
bool NotesLeftEmpty(const std::vector<CellShape>& shapes, const std::vector<Role>& header,
                    size_t skip, size_t content_col) {
  if (header.empty() || content_col >= shapes.size() || shapes.size() + skip > header.size() ||
      (shapes[content_col] != CellShape::kText && shapes[content_col] != CellShape::kUnits))
    return false;
  bool fields = false;
  const bool every_cell = shapes.size() + skip == header.size();
  for (size_t i = 0; i + skip < header.size(); ++i) {
    const Role r = header[i + skip];
    const CellShape x = i < shapes.size() ? shapes[i] : CellShape::kEmpty;
    if (x == CellShape::kEmpty) {
      if (i < content_col || IsUnitRole(r) || (r == Role::kDeadline && !every_cell)) return false;
    } else if (IsUnitRole(r) || r == Role::kDeadline) {
      if (x != (r == Role::kDeadline ? CellShape::kDeadline : CellShape::kUnits)) return false;
      fields = true;
    }
  }
  return fields;
}

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kFullColon = "\xEF\xBC\x9A";  // ：, after a milestone's period

void AssignRow(const std::vector<std::string_view>& raw, const std::vector<Role>& header, int line,
               Shapes& shape_of, Row& row, const std::vector<std::string>* periods) {
  const Rules& rules = shape_of.rules();
  row.Touch(line);
  // A note column's cell; in a column of milestones (一季度), named by its
  // period, and none (—) is no milestone. The last period named dates a
  // row of a table with no deadline column (below).
  std::string_view last_period;
  auto append_note = [&](std::string_view cell, size_t i, size_t column) {
    const std::string_view period =
        periods && column < periods->size() ? std::string_view((*periods)[column]) : std::string_view();
    if (period.empty()) return row.AppendNote(cell, line, static_cast<int>(i), rules.punct.clause_joiner);
    const std::string_view milestone = Trim(cell);
    if (milestone.empty() || rules.IsNoneCell(milestone)) return;
    row.AppendNote(std::string(period).append(kFullColon).append(milestone), line, static_cast<int>(i),
                   rules.punct.clause_joiner);
    last_period = period;
  };
  // Scratch vectors reused from row to row (nothing below calls back here):
  // no allocation per row once they have grown.
  static thread_local std::vector<std::string_view> cells;
  static thread_local std::vector<Role> trailing, hdr;
  static thread_local std::vector<CellShape> shapes;
  static thread_local std::vector<size_t> chars;  // CharCount of each cell
  cells.assign(raw.begin(), raw.end());
  size_t content_col = std::find(header.begin(), header.end(), Role::kContent) - header.begin();
  bool header_has_seq = !header.empty() && header.front() == Role::kSeq;
  // A 序号 column after the group columns (| 重点任务 | 工作事项 | 序号 | …): the
  // first integer cell left of the content is the row's number.
  if (!header_has_seq && std::find(header.begin(), header.end(), Role::kSeq) != header.end()) {
    size_t seq_col = std::find(header.begin(), header.end(), Role::kSeq) - header.begin();
    for (size_t i = 0; i < cells.size() && i <= seq_col + 1; ++i)
      if (IsInteger(cells[i])) {
        row.seq = std::atoi(Nfkc(Trim(cells[i])).c_str());
        cells[i] = {};
        break;
      }
  }
  bool seq_erased = false;  // the 序号 cell taken off: cells[i] is header column i + 1
  // A 序号 printed with its list's marks (1、 （一）) reads as the bare numeral.
  if (header_has_seq && !cells.empty()) cells.front() = BareNumeral(cells.front(), rules);
  if (header_has_seq && !cells.empty() && IsInteger(cells.front())) {
    row.seq = std::atoi(Nfkc(Trim(cells.front())).c_str());
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
    seq_erased = true;
  } else if (header_has_seq && !cells.empty() && Trim(cells.front()).empty()) {
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
    seq_erased = true;
  } else if (std::string ocr = header_has_seq && !cells.empty() && cells.front().size() <= 8
                                   ? std::string(Trim(cells.front()))
                                   : std::string();
             !ocr.empty() && rules.punct.FoldOcrDigits(&ocr) && IsInteger(ocr)) {
    // A 序号 with letters OCR read for digits (1O, l2): read as digits, said so.
    row.seq = std::atoi(ocr.c_str());
    row.Warn("seq.ocr_digits", RoleLabel(Role::kSeq, rules) + " read with letters as digits (OCR): " +
                                   std::string(Trim(cells.front())) + " as " + ocr);
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
    seq_erased = true;
  } else if (const int code = header_has_seq && cells.size() == header.size() && !IsDottedNumber(cells.front())
                                 ? SeqCodeValue(cells.front(), rules)
                                 : -1;
             code >= 0 && std::count_if(cells.begin() + 1, cells.end(), [](std::string_view c) {
                            return !Trim(c).empty();
                          }) >= (code > 0 ? 3 : 2)) {
    // A task row with a cell per column whose 序号 is no Arabic number (一,
    // Ⅱ, A1): its number where it reads as one, else said. Left in place, it
    // had shifted every later cell's column by one (牵头 read as 配合). A
    // group row (一 | 优化政务服务, the rest blank, or a unit and no date) is
    // a band, as before: a numeral counts only before three filled cells
    // (text, units, a deadline), a code before two.
    if (code > 0) row.seq = code;
    else row.Warn("seq.code", RoleLabel(Role::kSeq, rules) + " is no number: " + std::string(Trim(cells.front())));
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
    seq_erased = true;
  } else if (header_has_seq && !cells.empty() &&
             (IsDottedNumber(cells.front()) || BareNumeral(cells.front(), rules, true) != cells.front())) {
    // A sub-item's number (1.2 under a group row 1, （一） under 一、): its item label, no 序号.
    row.item_label.Append(Nfkc(Trim(cells.front())), line);
    cells.erase(cells.begin());
    if (content_col > 0) --content_col;
    seq_erased = true;
  }
  // Roles after the content column, in header order.
  trailing.clear();
  bool past = false;
  for (Role r : header) {
    if (past && r != Role::kNone && r != Role::kLabel) trailing.push_back(r);
    if (r == Role::kContent) past = true;
  }
  if (!past) trailing = {Role::kUnits, Role::kDeadline};

  // Content: the longest cell that is not a label, units or a deadline. Cells
  // drift between columns (a label printed in the content column, a content
  // printed in the label column), so shape decides, not position alone.
  shapes.clear();
  chars.clear();
  // A cell holding an unreadable character (U+FFFD) beside readable words:
  // the words without it, said on the row, where they read as a deadline or
  // units (�2024年12月底前) or as a text of 6 characters or more (完成�检测
  // 中心升级: a task's text loses a character, not the task); a short cell
  // (按�报送) stays debris, dropped as before.
  static thread_local std::vector<std::string> repaired;
  repaired.clear();
  repaired.reserve(cells.size());
  for (auto& c : cells) {
    if (c.find(kReplacementChar) == std::string_view::npos) continue;
    std::string& r = repaired.emplace_back(c);
    for (size_t at; (at = r.find(kReplacementChar)) != std::string::npos;) r.erase(at, kReplacementChar.size());
    if (Trim(r).empty()) continue;
    const Shapes::Shape now = shape_of.Get(r);
    constexpr size_t kTextChars = 6;  // a task's words, not a short remark's
    if (now.typed != CellShape::kDeadline && now.typed != CellShape::kUnits &&
        !(now.typed == CellShape::kText && now.chars >= kTextChars))
      continue;
    row.Warn("cell.damaged", "unreadable characters removed from a cell: " + std::string(c) + " read as " + r);
    c = r;
  }
  for (auto c : cells) {
    const Shapes::Shape shape = shape_of.Get(c);
    shapes.push_back(shape.typed);
    chars.push_back(shape.chars);
  }
  int content = -1;
  size_t best = 0;
  // A full-width row whose content column holds text is read by position: a
  // short content (按月发布指标。) beside a longer group label stays content.
  // So is a row with exactly a cell per column, all filled, whose content
  // column holds a name-like sentence (每月召开一次政企座谈会 ends in 会) or
  // opens with its own number (1．完成勘界立标。 beside a long 工作任务): no
  // merged cell left a gap it could have shifted into.
  size_t width = header.size() - (header_has_seq && !header.empty() ? 1 : 0);
  size_t filled = 0;
  // A cell's shape is kEmpty exactly when its Trim is empty (ClassifyCell).
  for (CellShape x : shapes) filled += x != CellShape::kEmpty;
  if (!header.empty() && content_col < cells.size() && cells.size() >= width && filled >= width &&
      (shapes[content_col] == CellShape::kText ||
       ((shapes[content_col] == CellShape::kUnits || shapes[content_col] == CellShape::kItemLabel ||
         shapes[content_col] == CellShape::kSectionLabel) &&
        cells.size() == width)))
    content = static_cast<int>(content_col), best = SIZE_MAX;
  // So is a row whose empty or missing cells are only notes after the
  // content (an empty 备注, with or without its tab): NotesLeftEmpty.
  else if (NotesLeftEmpty(shapes, header, seq_erased ? 1 : 0, content_col))
    content = static_cast<int>(content_col), best = SIZE_MAX;
  for (size_t i = 0; i < cells.size() && best != SIZE_MAX; ++i) {
    if (shapes[i] != CellShape::kText) continue;
    size_t n = chars[i];
    if (n > best) best = n, content = static_cast<int>(i);
  }
  if (content < 0) {  // no text cell: fall back to the header's content column
    if (content_col < cells.size() && shapes[content_col] != CellShape::kEmpty &&
        shapes[content_col] != CellShape::kUnits && shapes[content_col] != CellShape::kDeadline)
      content = static_cast<int>(content_col);
  }
  if (content < 0 || (best != SIZE_MAX && shapes[content] == CellShape::kText && best < 10)) {
    // None, or only a short name-like cell (a unit outside the unit
    // vocabulary): the content carries its own number (3.及时反馈…。), as in
    // a row shifted left by a merged group cell. A numbered cell that reads
    // as a sentence is the content.
    for (size_t i = 0; i < cells.size(); ++i) {
      if (shapes[i] != CellShape::kItemLabel && shapes[i] != CellShape::kSectionLabel) continue;
      size_t n = chars[i];
      // A group title's dated bracket (…项目（2024年6月底前开工）) is its rows'
      // deadline, not words that make it a row's.
      // Nor does a long title alone in its row (a group band: 二、推进城乡融合发展
      // 和乡村全面振兴重点工程建设项目（共12项）) that no comma parts: a band by its
      // shape, as the row-lines reader takes it, not its length.
      const bool band = filled == 1 && !rules.punct.comma.In(cells[i]);
      const bool long_words = n > 30 && !band && CharCountUpTo(WithoutDatedBracket(cells[i], rules), 31) > 30;
      if ((EndsSentence(cells[i], rules) || long_words) && n > std::max<size_t>(best, 10)) best = n, content = static_cast<int>(i);
    }
  }
  if (content >= 0 && static_cast<size_t>(content) < content_col && content_col < header.size()) {
    int shift = static_cast<int>(content_col) - content;
      row.Warn("row.shifted", "row shifted " + std::to_string(shift) + (shift == 1 ? " column" : " columns") +
                             " left (a merged cell); cells aligned by what they are");
  }
  if (content < 0 && std::any_of(shapes.begin(), shapes.end(), [](CellShape x) { return x == CellShape::kUnits; }) &&
      std::any_of(shapes.begin(), shapes.end(), [](CellShape x) {
        return x == CellShape::kItemLabel || x == CellShape::kSectionLabel;
      }))
    row.Warn("content.missing", "no content cell in this row; its text may be lost");
  size_t first_trailing = content >= 0 ? content + 1 : std::min(content_col + 1, cells.size());
  if (content >= 0) row.content.Append(cells[content], line);

  // Labels: cells left of the content. Markers decide the level; unmarked
  // labels go by position (the one next to the content is the item).
  size_t label_end = content >= 0 ? static_cast<size_t>(content) : std::min(content_col, cells.size());
  // A column the header names as units, a deadline, a note or a person, left
  // of the content (| 序号 | 责任单位 | 完成时间 | 重点工作 | 工作要求 |), is that
  // field, not a label, in a row that is not shifted (its content where the
  // header has it) when the cell's shape does not say otherwise.
  const size_t header_skip = seq_erased ? 1 : 0;
  auto left_role = [&](size_t i) -> Role {
    if (content < 0 || static_cast<size_t>(content) != content_col || i + header_skip >= header.size()) return Role::kNone;
    const Role r = header[i + header_skip];
    const CellShape x = shapes[i];
    switch (r) {
      case Role::kUnits:
      case Role::kLead:
      case Role::kSupport: return x == CellShape::kUnits || x == CellShape::kText ? r : Role::kNone;
      case Role::kDeadline: return x == CellShape::kDeadline || x == CellShape::kText ? r : Role::kNone;
      case Role::kNote:
      case Role::kLeader: return x != CellShape::kGarbage ? r : Role::kNone;
      default: return Role::kNone;
    }
  };
  // The label columns are the others: the last of two or more is the item's.
  size_t last_label = label_end, label_columns = 0;
  for (size_t i = 0; i < label_end; ++i) {
    const bool field = content >= 0 && static_cast<size_t>(content) == content_col && i + header_skip < header.size() &&
                       IsFieldColumn(header[i + header_skip]);
    if (!field) last_label = i, ++label_columns;
  }
  for (size_t i = 0; i < label_end; ++i) {
    if (shapes[i] == CellShape::kEmpty) continue;
    if (const Role r = left_role(i); r != Role::kNone) {
      if (r == Role::kNote) append_note(cells[i], i, i + header_skip);
      else if (r == Role::kLeader) row.AppendLeader(cells[i], line, static_cast<int>(i), rules.punct.clause_joiner);
      else FieldCell(row, r)->Append(cells[i], line);
      continue;
    }
    bool item = shapes[i] == CellShape::kItemLabel ||
                (shapes[i] != CellShape::kSectionLabel && i == last_label && label_columns >= 2);
    if (shapes[i] == CellShape::kGarbage) {
      // Marked, not only dropped: the label printed here starts a group of
      // its own, which the labels above must not fill.
      (item ? row.item_label : row.section_label).garbled = true;
      row.Warn("cell.unreadable", "unreadable label cell dropped: " + std::string(cells[i]));
      continue;
    }
    (item ? row.item_label : row.section_label).Append(cells[i], line);
  }
  // Trailing cells: shape decides where it is unambiguous (a unit list, a
  // deadline), the header column otherwise (text, OCR debris). Rows drift by a
  // column between pages, so position alone is not trusted.
  hdr.assign(header.begin(), header.end());
  // The 序号 column's cell, where the row has one and keeps it, stays under it.
  if (header_has_seq && !hdr.empty() && (seq_erased || cells.size() < header.size())) hdr.erase(hdr.begin());
  // One cell more than the header, and a sentence right after the content
  // where the header has units or a deadline (| 推进政务公开 | 标准化…一次。 |
  // 各乡镇 | 9月底前 |): a column mark OCR read inside the content split it.
  // The two are one cell; the cells after it fall into their columns.
  // The cell after it is what the header's column wants (a unit list under
  // units, a deadline under 完成时限): else the extra cell is at the end (a note).
  auto wanted = [&](size_t i) {
    const Role r = hdr[i];
    return IsUnitRole(r) ? shapes[i + 1] == CellShape::kUnits
                         : r == Role::kDeadline && shapes[i + 1] == CellShape::kDeadline;
  };
  if (content >= 0 && cells.size() == hdr.size() + 1 && first_trailing < hdr.size() &&
      shapes[first_trailing] == CellShape::kText && wanted(first_trailing) &&
      EndsSentence(cells[first_trailing], rules)) {
    row.content.Append(cells[first_trailing], line);
    row.Warn("content.split",
             "the cell after the content (" + std::string(Trim(cells[first_trailing])) +
                 ") has no column of its own: a stray column mark split the content; joined");
    cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(first_trailing));
    shapes.erase(shapes.begin() + static_cast<std::ptrdiff_t>(first_trailing));
  }
  auto has = [&](Role r) { return std::find(trailing.begin(), trailing.end(), r) != trailing.end(); };
  auto cell_for = [&](Role r) { return FieldCell(row, r); };
  auto free_role = [&](Role r) { Cell* c = cell_for(r); return c && c->empty() && !c->garbled; };
  for (size_t i = first_trailing; i < cells.size(); ++i) {
    if (shapes[i] == CellShape::kEmpty) continue;
    Role positional = i < hdr.size() && has(hdr[i]) ? hdr[i] : Role::kNone;
    Role role = Role::kNone;
    // A deadline-shaped cell in a note column (备注 每月报送) once the row's
    // deadline is read is that note; so is one left of the deadline column
    // (计划开始时间 2025.2 | 计划完成时间 2025.6) in a row with a cell per
    // column whose deadline cell is a date too: when the work starts.
    auto date_further = [&] {
      if (cells.size() != hdr.size()) return false;
      for (size_t j = i + 1; j < cells.size(); ++j)
        if (hdr[j] == Role::kDeadline && shapes[j] == CellShape::kDeadline) return true;
      return false;
    };
    if (shapes[i] == CellShape::kDeadline && has(Role::kDeadline) &&
        !(IsNoteColumn(positional) && (!free_role(Role::kDeadline) || date_further()))) {
      role = Role::kDeadline;
    } else if (positional == Role::kLeader && cells.size() == hdr.size()) {
      // A people column of a row with a cell per column (no merged cell
      // shifted it) holds its people, however they read (李明（副县长）
      // ends in a bracket, as names of offices may).
      role = Role::kLeader;
    } else if (shapes[i] == CellShape::kUnits &&
               !(IsNoteColumn(positional) && cells.size() == hdr.size() && [&] {
                 // A name-like cell in a note column left of the unit column
                 // (政府网站 under 公开方式) of a row with a cell per column,
                 // whose unit column holds names: that note's, not the units.
                 for (size_t j = i + 1; j < cells.size(); ++j)
                   if (IsUnitRole(hdr[j]) && shapes[j] == CellShape::kUnits) return true;
                 return false;
               }())) {
      for (Role r : {positional, Role::kUnits, Role::kLead, Role::kSupport})
        if (IsUnitRole(r) && has(r) && free_role(r)) {
          role = r;
          break;
        }
    }
    if (role == Role::kNone) {
      // A note column takes all its cells (a second one, 责任人 then 佐证材料,
      // appends): its text never fills a free task field.
      if (positional != Role::kNone && (free_role(positional) || IsNoteColumn(positional))) {
        role = positional;
      } else {
        for (Role r : trailing)
          if (free_role(r)) {
            role = r;
            break;
          }
      }
    }
    Cell* target = cell_for(role);
    if (!target) {
      row.Warn("cell.extra", "extra cell beyond the header kept as note: " + std::string(cells[i]));
      row.AppendNote(cells[i], line, static_cast<int>(i), rules.punct.clause_joiner);
      continue;
    }
    // A unit cell naming nobody (——) is written, no debris: the units read none.
    if (shapes[i] == CellShape::kGarbage && !IsNoteColumn(role) && !(IsUnitRole(role) && rules.IsNoneCell(Trim(cells[i])))) {
      target->garbled = true;
      row.Warn("cell.unreadable", "unreadable " + RoleLabel(role == Role::kDeadline ? Role::kDeadline : Role::kUnits, rules) +
                             " cell dropped: " + std::string(cells[i]));
      continue;
    }
    if (role == Role::kNote)
      append_note(cells[i], i, positional == Role::kNote ? i + (header_has_seq ? 1 : 0) : header.size());
    else if (role == Role::kLeader)
      row.AppendLeader(cells[i], line, static_cast<int>(i), rules.punct.clause_joiner);
    else
      target->Append(cells[i], line);
  }
  // A progress plan with no deadline column (序号 | 重点工作 | 责任单位 | 一季度 …
  // 四季度): the task is due by the end of the last period with a milestone.
  if (!last_period.empty() && row.deadline.empty() && !row.deadline.garbled &&
      std::find(header.begin(), header.end(), Role::kDeadline) == header.end()) {
    row.deadline.Append(last_period, line);
    row.Warn("deadline.from_period", "no deadline column: due by the last period with a milestone (" +
                                         std::string(last_period) + ")");
  }
}

}  // namespace

Row AssignRow(const std::vector<std::string_view>& cells, const std::vector<Role>& header, int line,
              const Rules& rules) {
  Shapes shape_of(rules);
  Row row;
  AssignRow(cells, header, line, shape_of, row);
  return row;
}

}  // namespace noticetab
