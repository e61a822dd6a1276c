// Rules: heading markers, table-header synonyms, junk lines, unit and deadline
// vocabulary. Data lives in rules/*.yaml (embedded in the binary at build
// time); this module loads and compiles it once per process.
//
// Contract: a Rules value owns everything in it and is only read once built, so
// one may be shared by threads. LoadRules, CompileRules and CompilePackedRules
// throw Error(kRules); the rest never throw Error. Every stage that matches a
// rules pattern may throw Error(kRules) from Regex::Find (text.h) when a
// pattern passes its time or backtracking limit.
#ifndef NOTICETAB_RULES_H_
#define NOTICETAB_RULES_H_

#include <array>
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/text.h"
#include "noticetab/tokenize.h"

namespace noticetab {

/// The role a table column (or a cell) plays.
enum class Role { kNone, kSeq, kLabel, kContent, kUnits, kLead, kSupport, kDeadline, kNote, kLeader };
/// A column of units: 责任单位, 牵头单位 or 配合单位.
inline bool IsUnitRole(Role r) { return r == Role::kUnits || r == Role::kLead || r == Role::kSupport; }
std::string_view RoleName(Role r);

/// The role a key-value key or a unit run plays in a body clause (clauses.yaml).
enum class ClauseRole { kNone, kLead, kSupport, kUnits, kGuide, kDeadline, kPerson, kContact };

/// One heading numbering style (一、 / （一） / 1. / （1））. Groups: no, title.
struct HeadingStyle {
  std::string name;
  Regex re;
  /// The level its marker has in GB/T 9704 (headings.yaml `level:`): 1 一、
  /// (a table label cell of level 1 names a section, any other an item), 2
  /// （一）, 3 1. (also how an attachment list is numbered), 4 （1）. The body
  /// outline still assigns levels by first appearance (read.h ReadOutline).
  int level = 0;
};

/// A deadline phrase. Groups: y (year), m, d, q (quarter), h (上/下 half).
struct DeadlineRule {
  std::string name;
  Regex re;
  std::string kind;         ///< by_date | year_round | ongoing | recurring
  std::string granularity;  ///< day | month | quarter | half | year | ""
  /// "" or event: a count of days (group n; group wd: working days) after an
  /// event, undated (kind none) unless group doc names the notice's issue;
  /// or season: by or within a season whose dates vary by place and year
  /// (汛期前, 汛期内每月), its kind kept and no date given.
  std::string after;
  /// The phrase names no date of its own (年中): the date read for it is
  /// inferred, and the deadline.inferred warning says so.
  bool inferred = false;
};

/// A rule example (`examples:` in a rules file), fired by tests/rules_test.cpp.
struct RuleExample {
  std::string file;   ///< rules file name
  int line = 0;       ///< 1-based line of the example in that file
  std::string kind;   ///< heading | header | junk | units | collective | deadline | frontmatter | clause | kind | label | numbering | punctuation
  std::string input;
  std::map<std::string, std::string> expect;  ///< key -> expected value ("" = null)
};

/// A collective unit form (市政府各部门, 各镇街 ...): a unit name matching `re`
/// stands for every unit of a level in `levels` and a kind in `kinds`
/// ("issuer" = the issuer's level, "any"). Group: level (when levels is empty).
struct CollectiveRule {
  std::string name;
  Regex re;
  std::vector<std::string> levels, kinds;
};

/// A set of punctuation marks (punctuation.yaml: a string of characters), with
/// the tests the stages ask of a text. Built once when the rules load; every
/// test is a scan over the few marks, without allocation.
class MarkSet {
 public:
  MarkSet() = default;
  explicit MarkSet(std::string_view marks);
  /// True when c is one of the marks. Two 64-bit filters (on bits 0-5 and
  /// 6-11 of c) rule out most characters (Han) before the list is searched.
  [[gnu::always_inline]] bool Has(char32_t c) const {
    return ((low_ >> (c & 63)) & (mid_ >> ((c >> 6) & 63)) & 1) && marks_.find(c) != std::u32string::npos;
  }
  /// True when s holds a mark anywhere.
  bool In(std::string_view s) const;
  /// True when the last character of s is a mark; false for "".
  bool Ends(std::string_view s) const;
  /// The byte length of the mark s ends (starts) with; 0 when none.
  size_t EndLength(std::string_view s) const;
  size_t StartLength(std::string_view s) const;
  /// s without the marks it ends with (any number of them).
  std::string_view TrimEnd(std::string_view s) const {
    while (const size_t n = EndLength(s)) s.remove_suffix(n);
    return s;
  }
  /// The byte offset of the first mark in s at or after `from`; npos if none.
  size_t Find(std::string_view s, size_t from = 0) const;
  /// The marks, in file order, and each as UTF-8.
  const std::u32string& marks() const { return marks_; }
  const std::vector<std::string>& utf8() const { return utf8_; }

 private:
  std::u32string marks_;
  std::vector<std::string> utf8_;
  uint64_t low_ = 0, mid_ = 0;
};

/// punctuation.yaml: the marks notices are read by.
struct Punctuation {
  MarkSet sentence_end;   ///< a text ending in one ends a sentence
  MarkSet closers;        ///< a closing quote or bracket: ends one only after closer_after
  MarkSet closer_after;
  MarkSet opens, closes;  ///< brackets: opens[i] pairs with closes[i]
  MarkSet sentence_mark;  ///< a text holding one is a sentence (not a label, title, unit list)
  MarkSet full_stop, comma, semicolon, enumeration, colon, pipe;  ///< separators
  MarkSet rule_marks;     ///< a table's rules read as characters by OCR (‖ │): never part of a name
  MarkSet title_stops;    ///< a heading's title ends before the first
  MarkSet label_ends;     ///< a Word list label ending in one takes no space after it
  MarkSet no_line_start;  ///< a line may not open with one (a wrap before one moves a character down)
  /// other_pairs: quotes, book-title marks, braces; the tokenizer's opening
  /// and closing marks besides the brackets (a separator inside one splits).
  MarkSet other_opens, other_closes;
  MarkSet marker_ends;    ///< after a heading numeral in a marker's shape (一、 1.)
  MarkSet marker_opens, marker_closes;  ///< marker_brackets: around one (（一）)
  /// What noticetab writes when it joins what it read (`written:`): list
  /// (names of one role), clauses (units of several clauses), stop (a
  /// paragraph's closing full stop).
  std::string list_joiner, clause_joiner, stop;
  /// ocr_digits: ASCII letters OCR reads for digits, ocr_letters[i] for the
  /// digit ocr_values[i] (O for 0, l for 1).
  std::string ocr_letters, ocr_values;
  /// Reads each letter of ocr_letters in *s as its digit where it stands in a
  /// run of digits and such letters that holds a digit and touches no other
  /// ASCII letter (2O24年, 2024年l2月, 1O); true when one was read so.
  bool FoldOcrDigits(std::string* s) const;

  /// True when s (trimmed) ends a sentence: a sentence_end mark, or a closer
  /// right after a closer_after mark.
  bool EndsSentence(std::string_view s) const;
  /// The byte length of the full stop or semicolon s ends with; 0 when none.
  size_t StopLength(std::string_view s) const {
    return std::max(full_stop.EndLength(s), semicolon.EndLength(s));
  }
  /// Where a heading's title ends in t: before the first title stop past the
  /// start and outside brackets (else the first one); t.size() when none.
  size_t TitleEnd(std::string_view t) const;
  /// True when s opens a bracket or another pair (《, “) it does not close:
  /// a text wrapped inside one (关于印发《…反馈意见 / 整改工作方案》的通知).
  bool LeavesOpen(std::string_view s) const;
  /// The closing mark of the bracket opening with c; 0 when c opens none.
  char32_t CloseOf(char32_t c) const;
  /// True when s (trimmed) is a table row OCR printed with its rules read as
  /// characters (丨1丨开展…丨教育督导室丨): it starts and ends with a rule
  /// mark and holds at least 3 rule or pipe marks. Its rule marks part its
  /// cells as pipes do.
  bool RuledRow(std::string_view s) const;
  /// Whether c parts the cells of a pipe row; `ruled`: RuledRow of the row.
  bool CellBorder(char32_t c, bool ruled) const { return pipe.Has(c) || (ruled && rule_marks.Has(c)); }
};

struct Rules {
  // headings.yaml
  Regex markdown_prefix;                ///< stripped before heading detection
  /// headings.yaml emphasis: marks wrapping a whole line (**标题**, <b>…</b>),
  /// opening and closing, taken off the line's text before it is read.
  std::vector<std::pair<std::string, std::string>> emphasis;
  /// A remark closing a heading's title, no part of it (（共3项）); never
  /// matches when the file has none.
  Regex title_remark;
  std::vector<HeadingStyle> headings;
  /// A heading starts with an ASCII digit or one of these (headings.yaml
  /// `first_chars`); other lines are not tried. Empty: every line is tried.
  std::u32string heading_first_chars;
  /// The styles' patterns again, as a set: the first character of a line
  /// selects the styles that can match it (MatchHeading tries those, in
  /// order). Made by the loader; empty in a Rules built by hand (every style
  /// is tried).
  RegexSet heading_starts;
  /// The CJK numerals (`numerals`): the tokenizer's numeral runs and every
  /// numeral read (heading numbers, dates, deadlines). A rules directory
  /// whose headings.yaml has none keeps the built-in ones.
  Numerals numerals;
  // headers.yaml: normalized synonym -> role
  std::map<std::string, Role, std::less<>> header_synonyms;
  /// The byte length of the longest key in header_synonyms, set when
  /// headers.yaml loads (SIZE_MAX, "unknown", in a Rules built by hand): a
  /// longer name is no synonym, without a look into the map.
  size_t header_synonym_longest = SIZE_MAX;
  /// headers.yaml `shapes:`: a header name outside the list gets the role of
  /// the first pattern matching its normalized form (责任科室 -> units).
  struct HeaderShape {
    Role role;
    Regex re;
    /// The pattern has a `(?<period>…)` group: a column of milestones, each
    /// due by the period the name holds (一季度, 上半年, 3月).
    bool period = false;
    /// `alone`: the role the column takes where no other column of the
    /// header has it (a 反馈时间 column is the deadline of a table with none).
    Role alone = Role::kNone;
  };
  std::vector<HeaderShape> header_shapes;
  /// headers.yaml `joins:`: the words joining two header names in one
  /// (责任领导及责任单位, 牵头单位和配合单位, 工作任务/具体要求); such a name
  /// takes its role from its parts.
  std::vector<std::string> header_joins;
  std::array<uint64_t, 4> header_join_ends{};  ///< the last bytes of header_joins, as a 256-bit set
  std::vector<std::string> ditto;                 ///< cells meaning "as the row above" (同上), spaces removed
  /// headers.yaml `describes:` content column names (NameKey) that describe the
  /// task a label column names beside them (具体目标, 建设内容).
  std::vector<std::string> describing_names;
  std::vector<std::string> none_cells;            ///< unit cells naming nobody (无, —, ／)
  size_t none_cell_longest = 0;                   ///< the byte size of the longest of none_cells
  std::vector<std::string> measure_names;         ///< 单位: beside a units column, a measurement unit
  Regex group_title;  ///< a table cell naming a group by its ordinal (第二阶段：排查整治): a section's label
  /// A heading style of the first level in GB/T 9704 (一、; headings.yaml level 1).
  bool FirstLevel(int style) const { return Level(style) == 1; }
  /// A heading style's level (headings.yaml level); 0 for no style.
  int Level(int style) const {
    return style >= 0 && static_cast<size_t>(style) < headings.size() ? headings[static_cast<size_t>(style)].level : 0;
  }
  /// Whether a header name's key (NameKey) is one of describing_names.
  bool Describes(std::string_view key) const {
    return std::find(describing_names.begin(), describing_names.end(), key) != describing_names.end();
  }
  bool IsMeasureName(std::string_view s) const {
    s = Trim(s);
    return std::find(measure_names.begin(), measure_names.end(), s) != measure_names.end();
  }
  /// Whether a unit cell or name (trimmed) is one of none_cells.
  bool IsNoneCell(std::string_view s) const {
    return s.size() <= none_cell_longest && std::find(none_cells.begin(), none_cells.end(), s) != none_cells.end();
  }
  /// headers.yaml `labels:`: the name warnings give a column of a role
  /// (责任单位, 完成时限); each is one of that role's synonyms.
  std::map<Role, std::string> role_labels;
  // junk.yaml
  RegexSet junk;
  Regex pinyin;                               ///< 發(fā): annotations removed before parsing
  Regex inline_break;                         ///< <br> in a cell of converted markdown: a space before parsing
  Regex inline_bold;                          ///< <b>, </strong> in converted markdown: ** (markdown's bold) before parsing
  Regex glyph_codes;                          ///< (cid:3): a glyph PDF text extraction could not map; removed with a warning
  Regex clause_inline;                        ///< 由X牵头，Y配合 inside a sentence (clauses.yaml inline)
  Regex clause_inline_opening;                ///< X牵头，Y配合 opening a sentence (clauses.yaml inline_opening)
  Regex clause_inline_jointly;                ///< X要会同Y / X、Y要密切配合 (clauses.yaml inline_jointly)
  Regex junk_after;                           ///< a line that is junk only under a junk line (微信 under 分享到：)
  /// A periodical's running head (韶关市人民政府公报 2024年第6期): junk, tried
  /// apart from `junk`, whose first-character gate it would open to every
  /// line; each pattern ends in literals, which a line's end is compared with
  /// before any search.
  std::vector<Regex> running_head;
  Regex page_end;                             ///< a junk line past which no table goes on (上一篇：…, 相关阅读：)
  Regex table_note;                           ///< 注：… under a table: ends it, reported as table.note
  Regex blank_as_above;                       ///< such a note saying a blank cell is as the row above's
  Regex total_row;                            ///< 合计 | 共6项: a table's total row, which ends it
  /// The characters a total_row match may start with (Regex::StartChars), when known.
  std::vector<std::pair<char32_t, char32_t>> total_row_starts;
  bool total_row_starts_known = false;
  Regex glyph_boxes;                          ///< ☐☐☐: characters OCR could not read; removed with the same warning
  Regex traditional_hint;                     ///< Traditional-only characters
  /// Japanese forms OCR gives for Chinese characters (県 for 县): `ocr_form_any`
  /// finds one, `ocr_forms` holds each form and `ocr_chinese` its Chinese
  /// form at the same index.
  Regex ocr_form_any;
  std::u32string ocr_forms, ocr_chinese;
  // units.yaml
  std::vector<std::string> unit_separators;   ///< split points outside brackets
  std::vector<std::string> open_tails;        ///< 等部门 ... longest first
  std::vector<std::string> org_suffixes;      ///< a name ending so is complete
  std::vector<std::string> level_prefixes;    ///< 市 / 县 / 区 ...
  /// Kinds of region a bracket after one may name as its other kinds
  /// (各乡镇（街道）, 各县（市、区）): the bracket is the name's, no clause.
  std::vector<std::string> region_words;
  std::vector<std::string> level_exceptions;  ///< 市场 / 乡村 ...: not a level prefix
  /// units.yaml run_together: a name run into the one before it with no mark
  /// (县发改局县财政局) is no second name when it opens with one of `words`
  /// (县级, 市政) or ends in one of `branches` (分局, 派出所: the first's own).
  std::vector<std::string> run_together_words, run_together_branches;
  std::vector<std::string> suffix_exceptions;  ///< 一网通办 ...: ends in an org suffix, names no unit
  uint64_t suffix_exception_ends = 0;           ///< as org_suffix_ends, for suffix_exceptions
  std::vector<std::string> carry_suffixes;    ///< names ending so inherit a level prefix
  /// Names ending so are whole bodies of their own (管委会, 公司): one after a
  /// complete name across a space (a cell's line break) is a second name.
  std::vector<std::string> whole_suffixes;
  std::string committee_mark;                 ///< 委 of 县委组织部: carried with the level onto…
  /// Two-character names without an org suffix a unit cell may hold alone
  /// (税务): any other such cell alone is unreadable (OCR debris).
  std::set<std::string, std::less<>> short_names;
  std::vector<std::string> committee_suffixes;  ///< …names ending so (宣传部 -> 县委宣传部)
  std::vector<std::string> unit_conjunctions; ///< 和, 及: between two complete unit names, a separator (units.yaml conjunctions)
  /// A body's name after a list of places of one kind (保护区、开发区、风景区管委会):
  /// each place's (units.yaml shared_heads).
  std::vector<std::string> unit_shared_heads;
  /// Level words listed before a name opening with one more (中央、省、市驻县单位):
  /// one name (units.yaml listed_levels).
  std::vector<std::string> unit_listed_levels;
  /// A government's body after collectives of levels (各市州、县市区人民政府):
  /// each collective's, with its start (units.yaml collective_heads). The
  /// heads and the levels longest first.
  std::vector<std::string> unit_collective_heads, unit_collective_levels;
  /// Words ending a name that names bodies collectively (驻市单位): joined to
  /// a level's own bodies before a conjunction (units.yaml collective_ends).
  std::vector<std::string> unit_collective_ends;
  std::vector<std::string> cut_suffixes;      ///< 办事处 ...: a name stopping inside one was cut mid-name
  std::vector<std::string> collective_starts; ///< 各 / 有关 ... (complete without suffix)
  Regex collective_name;                      ///< 各县、市、区政府: one name, separators inside
  /// Bit (b & 63) for the last byte b of each of org_suffixes (open_tails),
  /// set when units.yaml loads (all bits in a Rules built by hand): a name
  /// whose last byte's bit is clear ends in none of them.
  uint64_t org_suffix_ends = ~uint64_t{0}, open_tail_ends = ~uint64_t{0};
  uint64_t separator_ends = ~uint64_t{0};     ///< the same for unit_separators
  /// The first character of each of collective_starts and unit_separators
  /// (SplitTopLevel compares words only where one stands) and the (c & 63)
  /// bits of them, set when units.yaml loads (unit_split_ready); a word with
  /// no first character to go by makes unit_split_every (compare at every
  /// character). A Rules built by hand has none: SplitTopLevel makes them.
  std::u32string unit_split_firsts;
  uint64_t unit_split_first_bits = 0;
  bool unit_split_every = false, unit_split_ready = false;
  Regex lead_clause;                          ///< "X牵头，Y配合": groups lead, support
  Regex first_is_lead;                        ///< "列第一位的为牵头单位" anywhere in the notice
  /// units.yaml `lead_marks`: what a unit name carries at its start or end to
  /// mark the lead unit (县商务局*, ★县商务局); `lead_mark_note`: the notice
  /// saying so (标注“*”的为牵头单位). Optional.
  std::vector<std::string> lead_marks;
  /// units.yaml `placeholder_marks`: symbols standing for a name's words in a
  /// model text (××镇人民政府, ○○林场), kept on the name (DropUnitMarks).
  std::vector<std::string> placeholder_marks;
  /// The first and last bytes of lead_marks (bit b of word b >> 6), set when
  /// units.yaml loads: a name whose edge bytes are none of them carries none.
  std::array<uint64_t, 4> lead_mark_edges{};
  Regex lead_mark_note;
  /// frontmatter.yaml signer: the 签发人 an upward report prints beside its
  /// 文号 (武医保报〔2025〕6号　签发人：陈志远), on the spaceless line. Optional.
  Regex signer;
  /// frontmatter.yaml bare_bodies: a body named without its place (政府) and
  /// the bodies it pairs with (党委): after a name ending in one of those
  /// (各乡镇党委、政府) it takes that name's place.
  std::vector<std::pair<std::string, std::vector<std::string>>> bare_bodies;
  Regex unit_person;                          ///< units.yaml person: a name in a unit list that is a person (副县长张三)
  /// units.yaml contact_keys and phone: contact details written into a unit
  /// cell (联系人：陈刚, 13905912345), taken out of its names. Optional.
  std::vector<std::string> contact_keys;
  uint64_t contact_key_ends = 0;  ///< the keys' last bytes, by their low six bits
  Regex phone;
  /// units.yaml contact_person: a person named after a unit with no key or
  /// number (县公安局 黄志明; in brackets with a post: （黄志明，副局长）, group
  /// post or pre). Optional.
  Regex contact_person;
  /// units.yaml contact_line_keys: the keys a notice's contact line may open
  /// with to name the person alone, no number (联系人：张三), or the person and
  /// the number under one key (联系人及电话：…). Optional.
  std::vector<std::string> contact_line_keys;
  /// units.yaml legend: a note under a table giving a short name's full one
  /// (“发改”指县发展和改革局), groups short and full. Optional.
  Regex unit_legend;
  /// units.yaml list_marker: a number opening a name of a list numbered in
  /// its cell (1.县水利局 2.县城投公司, ①X②Y); groups n (digits) or c (circled).
  Regex unit_list_marker;
  Regex unit_own_level;                       ///< units.yaml own_level: a name holding its level inside (团县委): no carried prefix
  // collective.yaml
  Regex issuer_region;                        ///< groups: region
  std::vector<std::pair<std::string, std::vector<std::string>>> unit_kinds;  ///< kind -> name endings
  std::vector<CollectiveRule> collectives;
  std::map<std::string, std::string, std::less<>> level_names;  ///< 縣 -> 县, 街道 -> 镇: a level as written -> the level
  std::vector<std::string> government_endings;  ///< 人民政府 / 政府 / 管委会: the level character stands before it
  std::map<std::string, std::string, std::less<>> kind_levels;  ///< 镇街 -> 镇: the level of a kind without a prefix
  std::vector<std::string> own_level_starts;    ///< 市教育局: a name starting so is in the notices' own form
  std::vector<std::string> place_ends;          ///< 临沂市: a place name ends at one of these
  /// collective.yaml town_ends, town_bodies: a town's name ends in one (城关镇),
  /// its government's name in the town's and one of the bodies (城关镇人民政府).
  std::vector<std::string> town_ends, town_bodies;
  // deadlines.yaml
  std::vector<DeadlineRule> deadlines;
  Regex deadline_hint;                        ///< cheap "looks like a deadline" test
  Regex deadline_in_content;                  ///< a deadline phrase inside task text
  /// deadlines.yaml step_words: what closes a step of a cell naming several
  /// (基本完成, 全面推开): the step without them is read as a deadline.
  Regex deadline_step_words;
  Regex deadline_step_start;  ///< deadlines.yaml step_start: a step's period opening a part (7月底前主体完工)
  Regex deadline_in_content_period;           ///< a quarter or half year in task text, where in_content finds none
  Regex deadline_weekday;                     ///< a weekday after a date (（星期二）): taken out before matching
  Regex deadline_in_content_ongoing;          ///< 长期坚持 closing a sentence, where neither finds one
  Regex year_only;                            ///< a deadline cell that is only a year (2023年)
  Regex year_in_text;                         ///< a year anywhere in a cell (2023 年)
  Regex content_year;                         ///< a year starting a clause of task text (group y)
  Regex plan_span;                            ///< a span of years in a title (2023—2025年): group from
  std::map<std::string, int, std::less<>> dekad_days;   ///< group x (上旬) -> the day it ends on
  std::map<std::string, int, std::less<>> half_months;  ///< group h (上) -> the month it ends in
  /// Group e (国庆节, 春节): the named day's month and day, every year
  /// (key 0), or in each year listed (a lunar holiday).
  std::map<std::string, std::map<int, std::pair<int, int>>, std::less<>> event_days;
  // clauses.yaml
  std::map<std::string, ClauseRole, std::less<>> clause_keys;  ///< normalized key -> role
  std::vector<std::pair<std::string, ClauseRole>> role_words;  ///< 牵头 / 配合 / 负责 / 指导 ..., longest first
  /// Bit (c & 63), and bit ((c >> 6) & 63), of the first character c of each
  /// of role_words (every bit for an empty word), set when clauses.yaml loads
  /// (every bit in a Rules built by hand): SplitRoleRuns compares the words
  /// only at a character whose bits are in both.
  uint64_t role_word_firsts = ~uint64_t{0}, role_word_firsts_mid = ~uint64_t{0};
  /// Words opening a run of units that are no part of a name (由县人社局牵头).
  std::vector<std::string> run_openers;
  /// X会同Y: X leads, Y supports; a run opening with one (…牵头，会同Y推进)
  /// supports. Their first characters are in role_word_firsts too.
  std::vector<std::string> joint_words;
  Regex not_clause;  ///< a bracket opening so is an aside (以下简称…), never an assignment
  /// clauses.yaml scope_note: a sentence closing a clause that names units for
  /// the items from there on (。以下均需各县人民政府落实，不再列出); group units.
  Regex clause_scope_note;
  Regex clause_heading_lead;  ///< a group heading naming its lead (县商务局牵头工作): group clause
  Regex clause_key_value;  ///< one clause part: groups key, value (built-in when the file has none)
  Regex clause_key_line;   ///< a line starting as key-value: group key (built-in when none)
  /// A clause covering the items above it (以上3项由X牵头): it opens with one
  /// of group_starts (a literal gate), then group_prefix, group n the count.
  std::vector<std::string> group_starts;
  Regex group_prefix;
  // kinds.yaml: the document classifier
  Regex news_title, news_text, cover_title, plan_title;
  // frontmatter.yaml
  Regex doc_number;        ///< groups: org, year, n
  Regex date;              ///< groups: y, m, d (Arabic or Chinese numerals)
  Regex issuer_line;       ///< groups: issuer
  Regex title_line;        ///< a title's last line
  Regex plan_title_line;   ///< a plan title's last line (…重点工作任务): a title_line too
  Regex publicity;         ///< groups: p
  Regex closing;           ///< a closing formula (特此通知, 此复): a line done however it ends
  Regex attachment;        ///< groups: a
  Regex cc;                ///< groups: cc
  Regex printed;           ///< groups: by, date
  Regex annex_start;       ///< the line that starts the annex
  Regex recipients_line;   ///< groups: r
  std::vector<std::string> metadata_number_keys, metadata_date_keys, metadata_issuer_keys;  ///< site metadata keys
  std::vector<std::string> metadata_title_keys;  ///< 标题 / 信息名称: the title when the page prints none
  std::vector<std::string> metadata_publish_keys;  ///< 发布日期 / 发布时间: the plan year when nothing else gives one
  std::vector<std::string> metadata_other_keys;  ///< other site metadata keys (索引号, 发布日期 ...): end a value
  Regex numeric_date;      ///< 2023-06-20 / 2023.6.20: groups y, m, d
  Regex title_year;        ///< the plan year in a title: groups y
  Regex title_opening;     ///< the word a title starts with (关于): a wrapped title's first line holds it
  Regex series_mark;       ///< a title line that may be a series' mark over its 文号 (纪要标志), not the title
  Regex title_closing;     ///< the end of a title holding title_opening (的通知): without it the title wrapped on
  Regex title_whole;       ///< a title_closing end that closes a 关于 title (…的通知, not …工作报告): else it may go on
  Regex full_text_marker;  ///< 全文如下： on a news page: the notice, its own title, starts after it
  Regex metadata_key_value;  ///< key_value: a metadata line, groups k, v (built-in when the file has none)
  std::string number_format;  ///< how a 文号 is printed: {org}, {year}, {n} replaced
  // labels.yaml: the words noticetab writes (not read from notices)
  std::map<std::string, std::string, std::less<>> column_labels;    ///< column name -> xlsx header
  std::map<std::string, std::string, std::less<>> value_labels;     ///< code (by_date, lead) -> xlsx value
  std::map<std::string, std::string, std::less<>> sheet_labels;     ///< tasks | units | due | table -> sheet name
  std::map<std::string, std::string, std::less<>> calendar_labels;  ///< .ics description labels (units, deadline ...)
  std::map<std::string, std::string, std::less<>> message_examples; ///< unit | city_unit | collective | pinyin
  // numbering.yaml: the native readers' number words (always the built-in file)
  std::vector<std::string> counting_digits;   ///< 〇 .. 九 (10)
  std::vector<std::string> counting_units;    ///< "", 十, 百, 千 (4)
  std::string counting_zero;                  ///< 零: a skipped place
  std::vector<std::string> stems, branches;   ///< 甲.. (10), 子.. (12)
  std::vector<std::string> page_number_words;  ///< 第, 页, 共, -, / ...: with digits, a page number
  /// numbering.yaml list_labels: an HTML <ol> item's label by list style
  /// (cjk, cjk_nested, decimal, decimal_nested), {n} the number.
  std::map<std::string, std::string> list_labels;
  /// numbering.yaml symbol_fonts: by font name, by the font's byte, the
  /// character a .docx w:sym draws (empty when the file has none)
  std::map<std::string, std::map<int, std::string>, std::less<>> symbol_fonts;
  std::string date_format;                     ///< a spreadsheet date as text: {y}, {m}, {d} replaced
  // punctuation.yaml
  Punctuation punct;
  std::vector<RuleExample> examples;
};

/// The name warnings give the column of role `r` (headers.yaml `labels:`),
/// or RoleName(r) when the rules give none.
std::string RoleLabel(Role r, const Rules& rules);

/// labels.yaml lookups: the label of `key`, or "" when the file gives none.
std::string_view ColumnLabel(std::string_view column, const Rules& rules);
std::string_view ValueLabel(std::string_view code, const Rules& rules);
std::string_view SheetLabel(std::string_view sheet, const Rules& rules);
std::string_view CalendarLabel(std::string_view field, const Rules& rules);
std::string_view MessageExample(std::string_view what, const Rules& rules);

/// The built-in rules (embedded rules/*.yaml), compiled once. Thread-safe.
/// Loaded from trees packed at build time without `examples:`, so they carry
/// no examples, and their patterns are compiled on first use.
const Rules& BuiltinRules();

/// Only the built-in labels.yaml, or numbering.yaml, loaded (the other fields
/// empty): cheaper than BuiltinRules() for --help and the native readers.
/// Thread-safe.
const Rules& BuiltinLabels();
const Rules& BuiltinNumbering();
/// Only the built-in punctuation.yaml: for the native readers, which read a
/// file before a notice's rules apply (as numbering.yaml). Thread-safe.
const Rules& BuiltinPunctuation();

/// A rules file without what only people and tests read: blank and comment
/// lines and `examples:` blocks (a key on a line of its own and the lines
/// below it). Loading the result gives the same rules, faster.
std::string CompactRulesText(std::string_view yaml);

/// Loads every *.yaml in dir; a file present there replaces the built-in file
/// of the same name, others stay built-in. Throws Error(kRules) positioned at
/// file:line:col with the offending line for YAML syntax errors, unknown keys,
/// missing required fields and invalid regexes.
Rules LoadRules(const std::string& dir);

/// Compiles rules from (file name, text) pairs. Used by both loaders and tests.
/// Throws Error(kRules) as LoadRules does, naming the file name given.
/// With Regex::When::kOnFirstUse a pattern is compiled on its first use and a
/// bad one is not reported (it then never matches; only for rules known to be
/// valid).
Rules CompileRules(const std::vector<std::pair<std::string, std::string>>& files,
                   Regex::When compile = Regex::When::kNow);

/// Compiles rules from (file name, packed YAML tree) pairs (src/rules_pack.h),
/// patterns on first use. BuiltinRules() loads the same trees as
/// CompilePackedRules(PackedRules()), unpacked at build time (PackedTrees()).
/// Throws Error(kRules) for an unknown file name or a missing rules file.
Rules CompilePackedRules(const std::vector<std::pair<std::string_view, std::string_view>>& packed);

/// The embedded rule files (generated at build time): static data, the views
/// live for the process.
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedRules();

}  // namespace noticetab

#endif  // NOTICETAB_RULES_H_
