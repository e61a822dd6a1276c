// Internal to src/: the stage functions that only the pipeline (convert.cpp,
// Convert) and other stages call, and what they share with each other. Not
// part of the library API (include/noticetab/, where each stage's public
// header states the contract these follow too: Line views point into the
// Source, which must outlive the call; what is returned owns its strings;
// nothing throws Error except a rules Regex past its time or backtracking
// limit, as Error(kRules) naming the rules file and line).
#ifndef NOTICETAB_SRC_STAGES_H_
#define NOTICETAB_SRC_STAGES_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/clauses.h"
#include "noticetab/document.h"
#include "noticetab/grid.h"
#include "noticetab/normalize.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

// Stage 3, classify (classify.cpp).

/// True when the cell is a listed synonym (its role is not inferred by shape).
bool HeaderNameListed(std::string_view cell, const Rules& rules);
/// True when a deadline cell holds only a year ("2023年"), the first piece of
/// a deadline a merged cell or a paragraph break split.
/// (deadlines.yaml year_only).
bool IsYearOnly(std::string_view s, const Rules& rules);
/// The deadline printed at the end of a unit cell after a space, the mark
/// between the two cells lost (各区县政府 2024年11月底前 gives 2024年11月底前):
/// the words from the right that read as a deadline and are no unit name,
/// when a complete unit name stands before them; "" when none. A view into
/// cell. (normalize.cpp)
std::string_view TrailingDeadline(std::string_view cell, const Rules& rules);
/// Whether a group's clause (a heading's, a group row's) gives the items
/// under it its deadline: one under a key (完成时限：2025年), or one in
/// brackets that dates them (（2025年6月底前完成）); a year or a span of years
/// in brackets (推进规划实施（2021—2025年）) is the period the heading names. (clauses.cpp)
bool GivesItsDeadline(const Assignment& a, const Rules& rules);
/// Whether a title, its trailing stops taken off (`*stripped`), closes in a
/// bracket or holds a colon: the only titles HeadingDeadline reads a deadline
/// from, asked first as the cheap test. (clauses.cpp)
bool MaySetDeadline(std::string_view title, const Punctuation& pu, std::string_view* stripped = nullptr);
/// Whether a deadline printed over two cells, one under the other, reads
/// across them: a phrase of deadlines.yaml matches over the place the two
/// meet (2024年12月 over 底前). (repair.cpp)
bool DeadlineReadsAcross(std::string_view above, std::string_view below, const Rules& rules);
/// Whether `word`, printed after `unit` and a space, is a person's name and
/// `unit` a whole unit's (县农业农村局 孙小强, 孙强同志, 王小明牵头: a role word
/// may follow the name; a bare name has three characters): units.yaml contact_person or person. (contacts.cpp)
bool PersonAfterUnit(std::string_view unit, std::string_view word, const Rules& rules);
/// cell without its parts that open with a contact key and a colon (张三，
/// 联系人：孙强，电话：…: units.yaml contact_keys), each appended to *contacts
/// as printed; the cell as it is when it holds none. (contacts.cpp)
std::string TakeKeyedContacts(std::string_view cell, const Rules& rules, std::vector<std::string>* contacts);
/// Whether the spaces `gap` between the words `before` and `after` (runs of
/// Han characters; a role word may close `after`) part two names that
/// JoinKeepingPersons keeps apart: a whole unit name and a person's after it
/// (PersonAfterUnit), or two whole unit names where the second is a body of
/// its own (县发改局 高新区管委会: units.yaml whole_suffixes) or the gap is
/// wide (县发改委  县统计局, 县工信局　县财政局: two spaces, or U+3000). (contacts.cpp)
bool SpaceKept(std::string_view before, std::string_view gap, std::string_view after, const Rules& rules);
/// A line's spaces between CJK characters joined (JoinCjkSpaces), but those
/// SpaceKept keeps (县发改局 王小明牵头, 县发改局 高新区管委会), each as printed. (clauses.cpp)
std::string JoinKeepingPersons(std::string_view line, const Rules& rules);
/// Where a conjunction (units.yaml conjunctions) parts `name` into two complete
/// unit names (县政府各部门并有关单位), npos when none does; *len its length.
size_t ConjunctionAt(std::string_view name, const Rules& rules, size_t* len);
/// The body's name that pieces[k] shares with the places after it (保护区 in
/// 保护区、开发区、风景区管委会: 管委会, units.yaml shared_heads); empty when
/// none. Among collectives of levels (各市州、县市区人民政府: units.yaml
/// collective_heads) the same, and *start (when given) the collective start
/// pieces[k] takes from the first (县市区人民政府: 各), else empty. The
/// pieces are views into s, in order; what is returned is s's.
std::string_view SharedHead(std::string_view s, const std::vector<std::string_view>& pieces, size_t k,
                            const Rules& rules, std::string_view* start = nullptr);
/// The place a bare body (政府, 人民政府) takes from the name before it that
/// ends in its partner (各乡镇党委、政府: 各乡镇; frontmatter.yaml bare_bodies),
/// a view into `before`; empty when `body` is no bare body or has no partner there.
std::string_view BareBodyPlace(std::string_view before, std::string_view body, const Rules& rules);
/// IsCompleteUnit of a name that holds no space (RemoveSpaces finds none).
bool IsCompleteSpaceless(std::string_view name, const Rules& rules);
/// SplitTopLevel's pieces as views into s, in *out (cleared first): no copies.
void SplitTopLevel(std::string_view s, const Rules& rules, std::vector<std::string_view>* out);
/// While one lives on this thread, the pure functions of a text below with
/// these rules read each text once and then answer from what they remember:
/// SplitTopLevel (its pieces as offsets into the text; a document's unit
/// cells are split by ClassifyCell, RepairTable, NormalizeUnits) and
/// HeaderRole (a cell-per-line table asks it of every line; names and dates
/// repeat). The texts are copied into the memo's pool.
/// REQUIRES the rules unchanged while it lives (Convert: one per document).
/// Memos nest: the inner one is used until it ends.
class TextMemo {
 public:
  explicit TextMemo(const Rules& rules);
  ~TextMemo();
  TextMemo(const TextMemo&) = delete;
  TextMemo& operator=(const TextMemo&) = delete;
  struct State;

 private:
  State* state_;
  State* outer_;
};
/// A hash of every byte of a text, 8 at a time: std::hash's murmur costs
/// several times as much on a cell (the interpreter's and TextMemo's maps).
/// A sample of a long text's bytes made templated cells that differ
/// elsewhere collide (review).
struct TextHash {
  size_t operator()(std::string_view s) const {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 29;
    }
    if (i < s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    }
    return h ^ (h >> 32);
  }
};
/// What one pass over a cell finds, so that ClassifyCell and the interpreter's
/// tests of the same cell are not each a scan and a copy of their own. The
/// fields are of the cell without its spaces (RemoveSpaces), so a cell and
/// its Trim have the same ones (all_chars aside). Each group holds only when
/// its flag is set; text the pass does not read exactly (malformed UTF-8,
/// U+FFFD; for the compact group a character NFKC may change other than a
/// full-width form) is left to the string tests.
struct CellFacts {
  bool raw_known = false;      ///< valid UTF-8 without U+FFFD: chars, all_chars and the raw_ marks hold
  bool compact_known = false;  ///< also every character NFKC-stable or full-width: sentence holds, and
                               ///< chars is CharCount(Nfkc(RemoveSpaces(cell)))
  size_t chars = 0;            ///< CharCount(RemoveSpaces(cell))
  size_t all_chars = 0;        ///< CharCount(cell)
  bool sentence = false;       ///< punct.sentence_mark.In(Nfkc(RemoveSpaces(cell)))
  bool raw_sentence = false, raw_semicolon = false, raw_comma = false;  ///< sentence_mark / semicolon / comma .In(RemoveSpaces(cell))
  bool ascii_paren = false;    ///< an ASCII '(' ("(cid:" can only start there)
  /// compact_known: Nfkc(RemoveSpaces(cell)) itself when it fits (short_size
  /// <= 72 bytes, 24 characters at least), for the tests that read a short cell.
  std::array<char, 72> short_compact;
  size_t short_size = 0;
};
CellFacts ReadCellFacts(std::string_view cell, const Rules& rules);
/// The U+4E00-U+9FFF ideographs of s (well-formed 3-byte sequences), counted
/// up to limit: a lower bound of CharCount(NameKey(s)) and of
/// CharCount(Nfkc(RemoveSpaces(s))) (classify.cpp; 16 bytes at a time).
size_t KeptIdeographs(std::string_view s, size_t limit);
/// ClassifyCell(cell, rules), reading `facts` (REQUIRES: ReadCellFacts of
/// cell or of Trim(cell)) instead of scanning the cell again.
CellShape ClassifyCell(std::string_view cell, const Rules& rules, const CellFacts& facts);
/// ReadCellFacts and ClassifyCell of the cells of one table, with what they
/// look for read from the rules once (not per cell): the marks the pass
/// looks for, and for the regexes a short cell is tried with (deadline_hint,
/// deadlines, lead_clause) the characters every match needs (their
/// required() literals), so that a cell lacking them is not searched. Same
/// answers as ReadCellFacts and ClassifyCell (tests/cell_reading_test.cpp).
/// REQUIRES the rules unchanged while it lives.
class CellReader {
 public:
  explicit CellReader(const Rules& rules);
  ~CellReader();
  CellReader(const CellReader&) = delete;
  CellReader& operator=(const CellReader&) = delete;
  CellFacts Facts(std::string_view cell) const;
  /// REQUIRES: facts = Facts(cell) or Facts(Trim(cell)).
  CellShape Classify(std::string_view cell, const CellFacts& facts) const;
  /// False when no piece of cell (its spaces removed) can be a complete unit
  /// name (IsCompleteSpaceless): it holds no character such a name starts
  /// or ends with. True when it may, or cannot tell (malformed).
  bool MayHoldUnit(std::string_view cell) const;
  struct Gates;

 private:
  const Rules& rules_;
  std::shared_ptr<const Gates> gates_;
};
/// The document classifier (rules/kinds.yaml): sets doc->kind to
/// notice_with_annex | body_assignments | notice_without_annex | news | other
/// and removes the tasks of body paragraphs that are not tasks (a cover
/// notice's requirements to its recipients, a news report, a text that assigns
/// nothing), saying why in a document warning. `has_table`: the tasks came
/// from a task table. REQUIRES: doc's front matter, outline and tasks are read.
void ClassifyDocument(Document* doc, bool has_table, const std::vector<Line>& lines, const Rules& rules);

// Stage 4, read layout (frontmatter.cpp, read.cpp).

/// Front matter (GB/T 9704) from the head and footer of the notice.
FrontMatter ReadFrontMatter(const std::vector<Line>& lines, const Regions& regions, const Rules& rules);
/// False only when re cannot match s, by the literal runs its pattern must
/// start or end with (Regex::leading, trailing): Find's first test without a
/// search's set-up, for rules tried on every line (front matter). A text
/// ending in a line break is never turned away by its end.
bool MayMatch(const Regex& re, std::string_view s);

/// What one pass over the whole registry found in a notice.
struct FoundReaders {
  size_t table_at = 0;            ///< line index of the first table's header (lines.size() if none)
  const Reader* table = nullptr;  ///< its reader, null when no table reader detected one
  /// Body readers that detected a line of the body (from the first heading to
  /// the annex or footer), highest priority first; used only when there is no table.
  std::vector<const Reader*> body;
  size_t body_end = 0;  ///< line index where the body ends (the annex, footer or table)
  /// The first heading of a plan printed as the annex (附件 / …工作要点 / 一、…)
  /// under a cover whose own paragraphs no body reader read, and no table:
  /// the outline is the plan's, from there (0: none).
  size_t plan_at = 0;
};

/// One pass over the lines and the registry: every reader's detect on every
/// line until the first table. A table wins over body readers wherever it is.
FoundReaders FindReaders(const std::vector<Line>& lines, const Rules& rules);

/// An annex listing the tasks as numbered paragraphs (附件 / …任务清单 /
/// 1．推行…。责任单位：X。完成时限：Y。): `where` holds the lines from the
/// 附件 line that ended the body (at body_end) to the footer (抄送, 印发) or
/// the next annex; `readers` the body readers that detect a line of them,
/// highest priority first, none when the body ended otherwise.
struct AnnexList {
  Regions where;
  std::vector<const Reader*> readers;
};
AnnexList FindAnnexList(const std::vector<Line>& lines, size_t body_end, const Rules& rules);

// Assignments written in the body (clauses.cpp), for the body readers.

/// A run of a unit list and the role its closing role word gives it.
struct RoleRun {
  ClauseRole role = ClauseRole::kNone;  ///< kNone: no role word closed the run
  std::string text;                     ///< the run without its role word
};

/// The role of a key-value key (spaces and punctuation ignored): clauses.yaml
/// `keys`, else the table-header synonyms. kNone when it is no known key.
ClauseRole KeyRole(std::string_view key, const Rules& rules);

/// Splits a unit list at role words (X牵头，Y、Z配合 -> lead X, support Y、Z),
/// never inside brackets. A list without role words is one kNone run.
std::vector<RoleRun> SplitRoleRuns(std::string_view text, const Rules& rules);

/// True when `line` is a key-value line of an assignment (牵头单位：X), read
/// as ReadAssignment reads it: the key-value body reader's detect.
bool IsKeyValueLine(std::string_view line, const Rules& rules);
/// True when `line` ends in a bracketed assignment clause (（X牵头，Y配合）),
/// read as ReadAssignment reads it: the inline-clause body reader's detect.
bool EndsInClause(std::string_view line, const Rules& rules);
/// True when a line's last sentence is an unbracketed key-value clause
/// (…制度。责任单位：X, …。【牵头单位】X【完成时限】Y).
bool EndsInKeyClause(std::string_view line, const Rules& rules);

/// Where the bracketed clause naming units that closes `text` (after an
/// optional 。；) opens:
/// a byte offset into text, npos when it ends in none. REQUIRES: the text's
/// spaces between CJK characters joined (JoinCjkSpaces), as EndsInClause does.
size_t TrailingClauseBegin(std::string_view text, const Rules& rules);

// Stage 7, normalize (normalize.cpp).

/// Builds the task list from linked, repaired table rows. Consumes the rows:
/// each is emptied once its task is made and table.rows is freed at the end,
/// so a big table is not held as rows and as tasks at once (the rest of
/// `table` stays).
std::vector<Task> TasksFromTable(Table& table, const std::vector<Section>& sections,
                                 const YearContext& years, const Rules& rules);

/// The tasks of a body grid (the body readers' cut, src/readers/body.cpp) and
/// its interpreted rows: one per row, linked to the body item whose lines
/// hold it; units resolved as ResolveAssignment does (normalize.h: a name with
/// no role word after a lead supports it). A unit cell written outside the row's lines (a clause
/// shared by a group or by an item's sub-items) adds the warning units.shared.
std::vector<Task> TasksFromBody(const Grid& grid, const Table& table, const std::vector<Section>& sections,
                                const std::vector<int>& item_end_lines, const YearContext& years, const Rules& rules);

/// One task per body item, for notices without a task table: the body grid,
/// interpreted, then TasksFromBody. Units and deadlines come from key-value
/// lines and inline clauses (clauses.h ReadAssignment).
std::vector<Task> TasksFromItems(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
                                 const std::vector<Line>& lines, const YearContext& years, const Rules& rules);

/// fmt::format("{:04d}-{:02d}-{:02d}", y, m, d), the ISO date of a deadline. (normalize.cpp)
std::string IsoDate(int y, int m, int d);

/// A task with no deadline of its own takes one written in its content
/// (6月底完成, 每年3月31日前), with a warning.
void DeadlinesFromContent(std::vector<Task>& tasks, const YearContext& years, const Rules& rules);
/// Whether `text` writes a deadline phrase DeadlinesFromContent would read
/// (deadlines.yaml in_content, in_content_period), without resolving it.
bool NamesDeadline(std::string_view text, const Rules& rules);

/// For a notice that says "列第一位的为牵头单位": the first unit of each task
/// without a lead becomes the lead, the others support.
void ApplyFirstIsLead(std::vector<Task>& tasks);

/// The clause in brackets that closes s (after an optional 。；), brackets
/// nested inside it allowed: its begin and its inside; begin npos when none.
std::pair<size_t, std::string_view> TrailingBracket(std::string_view s, const Punctuation& pu);
/// Unit names carrying a lead mark (units.yaml lead_marks: 县商务局*) lose it,
/// and, in a task with no lead read otherwise, are its lead units, the others
/// its support; the warning says whether `text` (the notice's) says what the
/// mark means (lead_mark_note), asked only when a name has a mark.
void ApplyLeadMarks(std::vector<Task>& tasks, const Rules& rules, std::string_view text);
/// A symbol left at either end of a unit name once lead marks are read (a
/// tick ✓ √, a bullet ●: Unicode's symbol classes, no name's character, not a
/// placeholder ×) is taken off the name, and the task says so (units.mark_dropped).
void DropUnitMarks(std::vector<Task>& tasks, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_SRC_STAGES_H_
