#include "noticetab/rules.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "noticetab/error.h"
#include "noticetab/load.h"
#include "rules_pack.h"

namespace noticetab {

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kNone: return "none";
    case Role::kSeq: return "seq";
    case Role::kLabel: return "label";
    case Role::kContent: return "content";
    case Role::kUnits: return "units";
    case Role::kLead: return "lead";
    case Role::kSupport: return "support";
    case Role::kDeadline: return "deadline";
    case Role::kNote: return "note";
    case Role::kLeader: return "leader";
  }
  return "none";
}

namespace {

using RNode = rules_node::Node;

// Positions errors at a node of one rules file, with the line and a caret.
class FileContext {
 public:
  FileContext(std::string name, const std::string& text, Regex::When compile = Regex::When::kNow)
      : name_(std::move(name)), compile_(compile) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF rules files
      lines_.push_back(line);
    }
  }
  const std::string& name() const { return name_; }
  /// When the file's patterns are compiled: at once (errors are reported
  /// here), or on first use (built-in rules, checked by the unit tests).
  Regex::When compile() const { return compile_; }

  [[noreturn]] void Fail(const YAML::Mark& at, const std::string& message, int extra_col = 0) const {
    YAML::Mark mark = at;
    // An error at end of input (an unclosed bracket) is shown on the last line.
    if (mark.line >= static_cast<int>(lines_.size()) && !lines_.empty()) {
      mark.line = static_cast<int>(lines_.size()) - 1;
      mark.column = static_cast<int>(lines_.back().size());
    }
    std::string src = (mark.line >= 0 && mark.line < static_cast<int>(lines_.size()))
                          ? lines_[mark.line] : std::string();
    // yaml-cpp counts columns in bytes; people (and the caret) count characters.
    size_t byte_col = std::min(src.size(), static_cast<size_t>(std::max(0, mark.column)));
    int line = mark.line + 1, col = static_cast<int>(CharCount(src.substr(0, byte_col))) + 1 + extra_col;
    if (mark.line < 0) line = col = 0;
    throw Error(Error::Kind::kRules, message, name_, line, col, src);
  }

 private:
  std::string name_;
  Regex::When compile_;
  std::vector<std::string> lines_;
};

void CheckKeys(const FileContext& ctx, const RNode& map, std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) ctx.Fail(map.Mark(), "expected a mapping");
  for (const auto& kv : map) {
    std::string key = kv.first.as<std::string>();
    bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      ctx.Fail(kv.first.Mark(), "unknown key '" + key + "' (expected one of: " + list + ")");
    }
  }
}

const RNode Required(const FileContext& ctx, const RNode& map, const char* key) {
  RNode n = map[key];
  if (!n) ctx.Fail(map.Mark(), std::string("missing required field '") + key + "'");
  return n;
}

std::string Scalar(const FileContext& ctx, const RNode& n) {
  if (!n.IsScalar()) ctx.Fail(n.Mark(), "expected a string");
  return n.Scalar();
}

std::vector<std::string> StringList(const FileContext& ctx, const RNode& n) {
  if (!n.IsSequence()) ctx.Fail(n.Mark(), "expected a list of strings");
  std::vector<std::string> out;
  for (const auto& e : n) out.push_back(Scalar(ctx, e));
  return out;
}

// Compiles a pattern; a bad one is reported at the pattern's own position.
Regex Compile(const FileContext& ctx, const RNode& n) {
  std::string p = Scalar(ctx, n);
  Regex re(p, ctx.compile());
  re.set_origin(ctx.name(), n.Mark().line + 1);
  if (ctx.compile() == Regex::When::kNow && !re.ok()) {
    // +1 skips the opening quote of a quoted scalar so the caret lands on the
    // offending pattern character.
    int quote = n.Tag() == "!" ? 1 : 0;
    ctx.Fail(n.Mark(), "invalid regex: " + re.error(), quote + std::max(0, re.error_offset()));
  }
  return re;
}

void ReadExamples(const FileContext& ctx, const RNode& list, const std::string& kind,
                  Rules& rules, const char* input_key = "text") {
  if (!list) return;
  if (!list.IsSequence()) ctx.Fail(list.Mark(), "examples: expected a list");
  for (const auto& e : list) {
    if (!e.IsMap()) ctx.Fail(e.Mark(), "an example is a mapping");
    RuleExample ex;
    ex.file = ctx.name();
    ex.line = e.Mark().line + 1;
    ex.kind = kind;
    ex.input = Scalar(ctx, Required(ctx, e, input_key));
    for (const auto& kv : e) {
      std::string k = kv.first.as<std::string>();
      if (k == input_key) continue;
      ex.expect[k] = kv.second.IsNull() ? "" : Scalar(ctx, kv.second);
    }
    rules.examples.push_back(std::move(ex));
  }
}

// headings.yaml `numerals`: digits (a list of ten strings, the characters of
// value 0 to 9), units (character -> 10, 100 ...), zero_lookalikes.
void LoadNumerals(const FileContext& ctx, const RNode& n, Rules& r) {
  if (!n) {
    r.numerals = BuiltinRules().numerals;  // the built-in headings.yaml has them (unit test)
    return;
  }
  if (!n.IsMap()) ctx.Fail(n.Mark(), "numerals: expected a mapping (digits, units, zero_lookalikes)");
  CheckKeys(ctx, n, {"digits", "units", "zero_lookalikes"});
  Numerals num;
  auto chars = [](const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) out.push_back(NextChar(s, i));
    return out;
  };
  const RNode digits = Required(ctx, n, "digits");
  const std::vector<std::string> list = StringList(ctx, digits);
  if (list.size() != 10) ctx.Fail(digits.Mark(), "numerals.digits: expected ten entries, the characters of 0 to 9");
  for (int v = 0; v < 10; ++v)
    for (char32_t c : chars(list[v])) num.digits.push_back({c, v});
  const RNode units = Required(ctx, n, "units");
  if (!units.IsMap()) ctx.Fail(units.Mark(), "numerals.units: expected a mapping of character -> value");
  for (const auto& kv : units) {
    const std::u32string c = chars(Scalar(ctx, kv.first));
    const std::string v = Scalar(ctx, kv.second);
    if (c.size() != 1) ctx.Fail(kv.first.Mark(), "numerals.units: a key is one character");
    if (v != "10" && v != "100" && v != "1000" && v != "10000")
      ctx.Fail(kv.second.Mark(), "numerals.units: expected 10, 100, 1000 or 10000");
    num.units.push_back({c[0], std::stoi(v)});
  }
  if (n["zero_lookalikes"]) num.zero_lookalikes = chars(Scalar(ctx, n["zero_lookalikes"]));
  for (auto* t : {&num.digits, &num.units}) {
    std::sort(t->begin(), t->end());
    for (size_t i = 1; i < t->size(); ++i)
      if ((*t)[i].first == (*t)[i - 1].first) ctx.Fail(n.Mark(), "numerals: a character is listed twice");
  }
  for (const auto& [c, v] : num.digits)
    if (num.UnitValue(c) > 0) ctx.Fail(n.Mark(), "numerals: a character is both a digit and a unit");
  r.numerals = std::move(num);
}

void LoadHeadings(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"markdown_prefix", "emphasis", "first_chars", "numerals", "styles", "title_remark"});
  r.markdown_prefix = Compile(ctx, Required(ctx, root, "markdown_prefix"));
  r.emphasis.clear();
  if (RNode emphasis = root["emphasis"]) {  // optional
    if (!emphasis.IsSequence()) ctx.Fail(emphasis.Mark(), "emphasis: expected a list of [open, close] pairs");
    for (const auto& pair : emphasis) {
      const std::vector<std::string> marks = StringList(ctx, pair);
      if (marks.size() != 2 || marks[0].empty() || marks[1].empty())
        ctx.Fail(pair.Mark(), "emphasis: each entry is [open, close], both non-empty");
      r.emphasis.emplace_back(marks[0], marks[1]);
    }
  }
  r.title_remark = Regex("(?!)");  // optional
  if (RNode remark = root["title_remark"]) {
    CheckKeys(ctx, remark, {"pattern", "examples"});
    r.title_remark = Compile(ctx, Required(ctx, remark, "pattern"));
    ReadExamples(ctx, remark["examples"], "title", r);
  }
  r.heading_first_chars.clear();
  if (root["first_chars"]) {
    const std::string chars = Scalar(ctx, root["first_chars"]);
    for (size_t i = 0; i < chars.size();) r.heading_first_chars.push_back(NextChar(chars, i));
  }
  LoadNumerals(ctx, root["numerals"], r);
  RNode styles = Required(ctx, root, "styles");
  if (!styles.IsSequence()) ctx.Fail(styles.Mark(), "styles: expected a list");
  r.headings.clear();
  for (const auto& s : styles) {
    CheckKeys(ctx, s, {"name", "pattern", "level", "examples"});
    HeadingStyle h{Scalar(ctx, Required(ctx, s, "name")), Compile(ctx, Required(ctx, s, "pattern"))};
    const RNode level = Required(ctx, s, "level");
    const std::string lv = Scalar(ctx, level);
    if (lv.size() != 1 || lv[0] < '1' || lv[0] > '9') ctx.Fail(level.Mark(), "level: expected 1 to 9");
    h.level = lv[0] - '0';
    ReadExamples(ctx, s["examples"], "heading", r);
    r.headings.push_back(std::move(h));
  }
  r.heading_starts.clear();
  for (const auto& h : r.headings) r.heading_starts.push_back(Regex(h.re.pattern(), Regex::When::kOnFirstUse));
}

void LoadHeaders(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root,
            {"roles", "shapes", "labels", "ditto", "none_cells", "measure_names", "group_title", "table_note", "blank_as_above", "total_row", "joins",
             "describes", "examples"});
  r.table_note = root["table_note"] ? Compile(ctx, root["table_note"]) : Regex("(?!)");  // optional
  r.group_title = root["group_title"] ? Compile(ctx, root["group_title"]) : Regex("(?!)");  // optional
  r.blank_as_above = root["blank_as_above"] ? Compile(ctx, root["blank_as_above"]) : Regex("(?!)");  // optional
  r.total_row = root["total_row"] ? Compile(ctx, root["total_row"]) : Regex("(?!)");  // optional
  r.total_row_starts.clear();
  r.total_row_starts_known = r.total_row.StartChars(&r.total_row_starts);
  // Optional: a unit or deadline cell saying "as the row above" (同上).
  r.ditto.clear();
  if (RNode ditto = root["ditto"]) r.ditto = StringList(ctx, ditto);
  r.describing_names.clear();
  if (RNode d = root["describes"])
    for (const auto& name : StringList(ctx, d)) r.describing_names.push_back(NameKey(name));
  r.none_cells.clear();
  if (RNode none = root["none_cells"]) r.none_cells = StringList(ctx, none);
  r.measure_names.clear();
  if (RNode m = root["measure_names"]) r.measure_names = StringList(ctx, m);
  r.none_cell_longest = 0;
  for (const auto& n : r.none_cells) r.none_cell_longest = std::max(r.none_cell_longest, n.size());
  static const std::map<std::string, Role> kRoles = {
      {"seq", Role::kSeq},         {"label", Role::kLabel},     {"content", Role::kContent},
      {"units", Role::kUnits},     {"lead", Role::kLead},       {"support", Role::kSupport},
      {"deadline", Role::kDeadline}, {"note", Role::kNote},
      {"leader", Role::kLeader}};
  RNode roles = Required(ctx, root, "roles");
  if (!roles.IsMap()) ctx.Fail(roles.Mark(), "roles: expected a mapping of role -> names");
  r.header_synonyms.clear();
  for (const auto& kv : roles) {
    std::string role = kv.first.as<std::string>();
    auto it = kRoles.find(role);
    if (it == kRoles.end()) ctx.Fail(kv.first.Mark(), "unknown role '" + role + "'");
    for (const auto& name : StringList(ctx, kv.second)) r.header_synonyms[NameKey(name)] = it->second;
  }
  r.header_synonym_longest = 0;
  for (const auto& kv : r.header_synonyms) r.header_synonym_longest = std::max(r.header_synonym_longest, kv.first.size());
  // Optional: patterns on the shape of a header name the list does not hold
  // (责任科室, 牵头股室, 办结时间), tried in file order.
  r.header_shapes.clear();
  if (RNode shapes = root["shapes"]) {
    if (!shapes.IsSequence()) ctx.Fail(shapes.Mark(), "shapes: expected a list of {role, pattern}");
    for (const auto& s : shapes) {
      if (!s.IsMap()) ctx.Fail(s.Mark(), "shapes: expected {role, pattern}");
      CheckKeys(ctx, s, {"role", "pattern", "alone"});
      std::string role = Scalar(ctx, Required(ctx, s, "role"));
      auto it = kRoles.find(role);
      if (it == kRoles.end()) ctx.Fail(s["role"].Mark(), "unknown role '" + role + "'");
      Role alone = Role::kNone;
      if (const RNode a = s["alone"]) {
        auto al = kRoles.find(Scalar(ctx, a));
        if (al == kRoles.end()) ctx.Fail(a.Mark(), "unknown role '" + Scalar(ctx, a) + "'");
        alone = al->second;
      }
      Regex re = Compile(ctx, Required(ctx, s, "pattern"));
      const bool period = re.pattern().find("(?<period>") != std::string::npos;
      r.header_shapes.push_back({it->second, std::move(re), period, alone});
    }
  }
  // Optional: the words joining two header names in one (及, 和).
  r.header_joins.clear();
  if (RNode joins = root["joins"]) r.header_joins = StringList(ctx, joins);
  r.header_join_ends = {};
  for (const auto& j : r.header_joins)
    if (!j.empty()) {
      const auto b = static_cast<unsigned char>(j.back());
      r.header_join_ends[b >> 6] |= uint64_t{1} << (b & 63);
    }
  // Optional: the names warnings give the columns; each must be a synonym of its role.
  r.role_labels.clear();
  if (RNode labels = root["labels"]) {
    if (!labels.IsMap()) ctx.Fail(labels.Mark(), "labels: expected a mapping of role -> name");
    for (const auto& kv : labels) {
      std::string role = kv.first.as<std::string>();
      auto it = kRoles.find(role);
      if (it == kRoles.end()) ctx.Fail(kv.first.Mark(), "unknown role '" + role + "'");
      std::string name = Scalar(ctx, kv.second);
      auto syn = r.header_synonyms.find(NameKey(name));
      if (syn == r.header_synonyms.end() || syn->second != it->second) {
        ctx.Fail(kv.second.Mark(), "label '" + name + "' is not one of the names of role '" + role + "'");
      }
      r.role_labels[it->second] = name;
    }
  }
  ReadExamples(ctx, root["examples"], "header", r);
}

void LoadJunk(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root,
            {"junk", "junk_after", "running_head", "page_end", "pinyin", "inline_break", "inline_bold",
             "glyph_codes", "glyph_boxes", "traditional_hint", "ocr_forms", "examples"});
  r.running_head.clear();  // optional
  if (RNode heads = root["running_head"]) {
    if (!heads.IsSequence()) ctx.Fail(heads.Mark(), "running_head: expected a list of patterns");
    for (const auto& p : heads) r.running_head.push_back(Compile(ctx, p));
  }
  r.page_end = root["page_end"] ? Compile(ctx, root["page_end"]) : Regex("(?!)");  // optional: older rule sets have none
  r.junk_after =
      root["junk_after"] ? Compile(ctx, root["junk_after"]) : Regex("(?!)");  // optional too
  r.inline_break = root["inline_break"] ? Compile(ctx, root["inline_break"]) : Regex("(?!)");
  r.inline_bold = root["inline_bold"] ? Compile(ctx, root["inline_bold"]) : Regex("(?!)");  // optional
  r.glyph_codes = root["glyph_codes"] ? Compile(ctx, root["glyph_codes"]) : Regex("(?!)");  // optional: older rule sets have none
  r.glyph_boxes = root["glyph_boxes"] ? Compile(ctx, root["glyph_boxes"]) : Regex("(?!)");  // optional too
  r.traditional_hint = root["traditional_hint"] ? Compile(ctx, root["traditional_hint"]) : Regex("(?!)");
  r.ocr_forms.clear(), r.ocr_chinese.clear();
  if (const RNode forms = root["ocr_forms"]) {  // optional: older rule sets have none
    if (!forms.IsMap()) ctx.Fail(forms.Mark(), "ocr_forms: expected a mapping of form -> Chinese form");
    auto one = [&](const RNode& n) {
      const std::string s = Scalar(ctx, n);
      size_t i = 0;
      const char32_t c = s.empty() ? 0 : NextChar(s, i);
      if (c < 0x80 || i != s.size()) ctx.Fail(n.Mark(), "ocr_forms: expected one character, not ASCII");
      return c;
    };
    for (const auto& kv : forms) {
      const char32_t form = one(kv.first), chinese = one(kv.second);
      if (r.ocr_forms.find(form) != std::u32string::npos) ctx.Fail(kv.first.Mark(), "ocr_forms: given twice");
      r.ocr_forms += form, r.ocr_chinese += chinese;
    }
  }
  std::string any = "[";
  for (const char32_t c : r.ocr_forms) AppendUtf8(any, c);
  r.ocr_form_any = r.ocr_forms.empty() ? Regex("(?!)") : Regex(any + "]");
  // Optional: a rules file without it strips nothing.
  r.pinyin = root["pinyin"] ? Compile(ctx, root["pinyin"]) : Regex("(?!)");
  RNode list = Required(ctx, root, "junk");
  if (!list.IsSequence()) ctx.Fail(list.Mark(), "junk: expected a list of patterns");
  r.junk.clear();
  for (const auto& p : list) r.junk.push_back(Compile(ctx, p));
  ReadExamples(ctx, root["examples"], "junk", r);
}

void LoadUnits(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root,
            {"separators",      "open_tails",         "org_suffixes",      "level_prefixes",
             "region_words",    "level_exceptions",   "suffix_exceptions", "carry_suffixes",
             "committee_mark",  "committee_suffixes", "cut_suffixes",      "collective_starts",
             "collective_name", "lead_clause",        "first_is_lead",     "person",
             "own_level",       "conjunctions",       "short_names",       "list_marker",       "whole_suffixes",
             "lead_marks",      "placeholder_marks", "lead_mark_note",     "contact_keys",      "phone",            "contact_person",    "contact_line_keys",
             "legend",          "run_together",       "shared_heads",      "listed_levels",     "collective_heads",
             "collective_ends", "examples"});
  r.unit_separators = StringList(ctx, Required(ctx, root, "separators"));
  r.unit_conjunctions = root["conjunctions"] ? StringList(ctx, root["conjunctions"]) : std::vector<std::string>{};
  r.unit_shared_heads = root["shared_heads"] ? StringList(ctx, root["shared_heads"]) : std::vector<std::string>{};
  std::stable_sort(r.unit_shared_heads.begin(), r.unit_shared_heads.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  r.unit_listed_levels = root["listed_levels"] ? StringList(ctx, root["listed_levels"]) : std::vector<std::string>{};
  r.unit_collective_heads.clear(), r.unit_collective_levels.clear();
  if (const RNode heads = root["collective_heads"]) {  // optional
    CheckKeys(ctx, heads, {"heads", "levels"});
    r.unit_collective_heads = StringList(ctx, Required(ctx, heads, "heads"));
    r.unit_collective_levels = StringList(ctx, Required(ctx, heads, "levels"));
    for (auto* list : {&r.unit_collective_heads, &r.unit_collective_levels})
      std::stable_sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  r.unit_collective_ends = root["collective_ends"] ? StringList(ctx, root["collective_ends"]) : std::vector<std::string>{};
  if (root["short_names"])
    for (const std::string& n : StringList(ctx, root["short_names"])) r.short_names.insert(n);
  r.open_tails = StringList(ctx, Required(ctx, root, "open_tails"));
  std::stable_sort(r.open_tails.begin(), r.open_tails.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  r.org_suffixes = StringList(ctx, Required(ctx, root, "org_suffixes"));
  r.level_prefixes = StringList(ctx, Required(ctx, root, "level_prefixes"));
  r.region_words =
      root["region_words"] ? StringList(ctx, root["region_words"]) : std::vector<std::string>{};
  r.level_exceptions = root["level_exceptions"] ? StringList(ctx, root["level_exceptions"]) : std::vector<std::string>{};
  r.run_together_words.clear(), r.run_together_branches.clear();
  if (const RNode together = root["run_together"]) {  // optional: older rule sets have none
    CheckKeys(ctx, together, {"words", "branches"});
    if (together["words"]) r.run_together_words = StringList(ctx, together["words"]);
    if (together["branches"]) r.run_together_branches = StringList(ctx, together["branches"]);
  }
  r.suffix_exceptions = root["suffix_exceptions"] ? StringList(ctx, root["suffix_exceptions"]) : std::vector<std::string>{};
  r.carry_suffixes = StringList(ctx, Required(ctx, root, "carry_suffixes"));
  r.whole_suffixes = root["whole_suffixes"] ? StringList(ctx, root["whole_suffixes"]) : std::vector<std::string>{};
  r.committee_mark = root["committee_mark"] ? Scalar(ctx, root["committee_mark"]) : std::string();
  r.committee_suffixes = root["committee_suffixes"] ? StringList(ctx, root["committee_suffixes"])
                                                    : std::vector<std::string>{};
  r.cut_suffixes = root["cut_suffixes"] ? StringList(ctx, root["cut_suffixes"]) : std::vector<std::string>{};
  r.collective_starts = StringList(ctx, Required(ctx, root, "collective_starts"));
  auto ends = [](const std::vector<std::string>& words) {
    uint64_t bits = 0;
    for (const auto& w : words) bits |= w.empty() ? ~uint64_t{0} : uint64_t{1} << (static_cast<unsigned char>(w.back()) & 63);
    return bits;
  };
  r.org_suffix_ends = ends(r.org_suffixes);
  r.suffix_exception_ends = ends(r.suffix_exceptions);
  r.open_tail_ends = ends(r.open_tails);
  r.separator_ends = ends(r.unit_separators);
  r.unit_split_firsts.clear();
  r.unit_split_first_bits = 0;
  r.unit_split_every = false;
  for (const auto* list : {&r.collective_starts, &r.unit_separators})
    for (const auto& w : *list) {
      size_t k = 0;
      const char32_t f = w.empty() ? 0xFFFD : NextChar(w, k);
      if (f == 0xFFFD) r.unit_split_every = true;
      else r.unit_split_firsts.push_back(f), r.unit_split_first_bits |= uint64_t{1} << (f & 63);
    }
  r.unit_split_ready = true;
  r.collective_name = root["collective_name"] ? Compile(ctx, root["collective_name"]) : Regex("(?!)");
  r.lead_clause = Compile(ctx, Required(ctx, root, "lead_clause"));
  r.first_is_lead = Compile(ctx, Required(ctx, root, "first_is_lead"));
  r.lead_marks = root["lead_marks"] ? StringList(ctx, root["lead_marks"]) : std::vector<std::string>{};  // optional
  r.placeholder_marks =
      root["placeholder_marks"] ? StringList(ctx, root["placeholder_marks"]) : std::vector<std::string>{};  // optional
  r.lead_mark_edges = {};
  for (const auto& m : r.lead_marks)
    if (!m.empty())
      for (const unsigned char b : {static_cast<unsigned char>(m.front()), static_cast<unsigned char>(m.back())})
        r.lead_mark_edges[b >> 6] |= uint64_t{1} << (b & 63);
  r.lead_mark_note = root["lead_mark_note"] ? Compile(ctx, root["lead_mark_note"]) : Regex("(?!)");  // optional
  r.unit_person = root["person"] ? Compile(ctx, root["person"]) : Regex("(?!)");  // optional
  r.contact_keys = root["contact_keys"] ? StringList(ctx, root["contact_keys"]) : std::vector<std::string>{};  // optional
  std::stable_sort(r.contact_keys.begin(), r.contact_keys.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  r.phone = root["phone"] ? Compile(ctx, root["phone"]) : Regex("(?!)");  // optional
  r.contact_person = root["contact_person"] ? Compile(ctx, root["contact_person"]) : Regex("(?!)");  // optional
  r.contact_line_keys =
      root["contact_line_keys"] ? StringList(ctx, root["contact_line_keys"]) : std::vector<std::string>{};  // optional
  std::stable_sort(r.contact_line_keys.begin(), r.contact_line_keys.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  r.unit_legend = root["legend"] ? Compile(ctx, root["legend"]) : Regex("(?!)");  // optional
  r.contact_key_ends = ends(r.contact_keys);
  r.unit_list_marker = root["list_marker"] ? Compile(ctx, root["list_marker"]) : Regex("(?!)");  // optional
  r.unit_own_level = root["own_level"] ? Compile(ctx, root["own_level"]) : Regex("(?!)");  // optional
  ReadExamples(ctx, root["examples"], "units", r);
}

void LoadCollective(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"region", "kinds", "collectives", "levels", "government_endings", "kind_levels",
                        "own_level_starts", "place_ends", "town_ends", "town_bodies", "examples"});
  r.issuer_region = Compile(ctx, Required(ctx, root, "region"));
  auto names = [&](const char* key, std::map<std::string, std::string, std::less<>>& out) {
    out.clear();
    const RNode m = root[key];
    if (!m) return;
    if (!m.IsMap()) ctx.Fail(m.Mark(), std::string(key) + ": expected a mapping");
    for (const auto& kv : m) out[kv.first.as<std::string>()] = Scalar(ctx, kv.second);
  };
  names("levels", r.level_names);
  names("kind_levels", r.kind_levels);
  r.government_endings = root["government_endings"] ? StringList(ctx, root["government_endings"]) : std::vector<std::string>{};
  r.own_level_starts = root["own_level_starts"] ? StringList(ctx, root["own_level_starts"]) : std::vector<std::string>{};
  r.place_ends = root["place_ends"] ? StringList(ctx, root["place_ends"]) : std::vector<std::string>{};
  r.town_ends = root["town_ends"] ? StringList(ctx, root["town_ends"]) : std::vector<std::string>{};
  r.town_bodies = root["town_bodies"] ? StringList(ctx, root["town_bodies"]) : std::vector<std::string>{};
  RNode kinds = Required(ctx, root, "kinds");
  if (!kinds.IsMap()) ctx.Fail(kinds.Mark(), "kinds: expected a mapping of kind -> name endings");
  r.unit_kinds.clear();
  for (const auto& kv : kinds) r.unit_kinds.emplace_back(kv.first.as<std::string>(), StringList(ctx, kv.second));
  RNode list = Required(ctx, root, "collectives");
  if (!list.IsSequence()) ctx.Fail(list.Mark(), "collectives: expected a list");
  r.collectives.clear();
  for (const auto& c : list) {
    CheckKeys(ctx, c, {"name", "pattern", "levels", "kinds"});
    CollectiveRule rule{Scalar(ctx, Required(ctx, c, "name")), Compile(ctx, Required(ctx, c, "pattern")),
                        c["levels"] ? StringList(ctx, c["levels"]) : std::vector<std::string>{},
                        StringList(ctx, Required(ctx, c, "kinds"))};
    for (const auto& k : rule.kinds) {
      const bool known = k == "any" || std::any_of(r.unit_kinds.begin(), r.unit_kinds.end(),
                                                   [&](const auto& uk) { return uk.first == k; });
      if (!known) ctx.Fail(c["kinds"].Mark(), "unknown kind '" + k + "' (not in kinds:, nor any)");
    }
    r.collectives.push_back(std::move(rule));
  }
  ReadExamples(ctx, root["examples"], "collective", r);
}

void LoadDeadlines(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root,
            {"hint", "in_content", "in_content_period", "in_content_ongoing", "weekday", "step_words", "step_start", "year_only", "year_in_text", "content_year", "plan_span", "dekads", "halves", "events", "deadlines", "examples"});
  // Optional word -> number maps for the groups x and h.
  auto numbers = [&](const char* key, int lo, int hi, std::map<std::string, int, std::less<>>& out) {
    out.clear();
    const RNode m = root[key];
    if (!m) return;
    if (!m.IsMap()) ctx.Fail(m.Mark(), std::string(key) + ": expected a mapping of word -> number");
    for (const auto& kv : m) {
      const std::string v = Scalar(ctx, kv.second);
      const int n = std::atoi(v.c_str());
      if (std::to_string(n) != v || n < lo || n > hi) {
        ctx.Fail(kv.second.Mark(), std::string(key) + ": expected a number from " + std::to_string(lo) + " to " +
                                       std::to_string(hi));
      }
      out[kv.first.as<std::string>()] = n;
    }
  };
  numbers("dekads", 1, 31, r.dekad_days);
  numbers("halves", 1, 12, r.half_months);
  // events: name -> "MM-DD" (every year) or a mapping year -> "MM-DD".
  r.event_days.clear();
  if (const RNode ev = root["events"]) {
    if (!ev.IsMap()) ctx.Fail(ev.Mark(), "events: expected a mapping of name -> MM-DD, or of name -> (year -> MM-DD)");
    auto month_day = [&](const RNode& v) {
      const std::string t = Scalar(ctx, v);
      const int mo = t.size() == 5 && t[2] == '-' ? std::atoi(t.substr(0, 2).c_str()) : 0;
      const int day = mo > 0 ? std::atoi(t.substr(3).c_str()) : 0;
      if (mo < 1 || mo > 12 || day < 1 || day > 31) ctx.Fail(v.Mark(), "events: expected a date as MM-DD");
      return std::pair{mo, day};
    };
    for (const auto& kv : ev) {
      auto& days = r.event_days[kv.first.as<std::string>()];
      if (!kv.second.IsMap()) {
        days[0] = month_day(kv.second);
        continue;
      }
      for (const auto& yd : kv.second) {
        const std::string y = yd.first.as<std::string>();
        const int year = std::atoi(y.c_str());
        if (std::to_string(year) != y || year < 1900 || year > 2200)
          ctx.Fail(yd.first.Mark(), "events: expected a year (1900 to 2200)");
        days[year] = month_day(yd.second);
      }
    }
  }
  r.deadline_hint = Compile(ctx, Required(ctx, root, "hint"));
  r.year_only = root["year_only"] ? Compile(ctx, root["year_only"]) : Regex("(?!)");
  r.year_in_text = root["year_in_text"] ? Compile(ctx, root["year_in_text"]) : Regex("(?!)");
  r.content_year = root["content_year"] ? Compile(ctx, root["content_year"]) : Regex("(?!)");
  r.plan_span = root["plan_span"] ? Compile(ctx, root["plan_span"]) : Regex("(?!)");
  r.deadline_in_content = root["in_content"] ? Compile(ctx, root["in_content"]) : Regex("(?!)");
  r.deadline_step_words = root["step_words"] ? Compile(ctx, root["step_words"]) : Regex("(?!)");  // optional
  r.deadline_step_start = root["step_start"] ? Compile(ctx, root["step_start"]) : Regex("(?!)");  // optional
  r.deadline_in_content_period =
      root["in_content_period"] ? Compile(ctx, root["in_content_period"]) : Regex("(?!)");  // optional: older rule sets have none
  r.deadline_in_content_ongoing =
      root["in_content_ongoing"] ? Compile(ctx, root["in_content_ongoing"]) : Regex("(?!)");  // optional
  r.deadline_weekday = root["weekday"] ? Compile(ctx, root["weekday"]) : Regex("(?!)");  // optional
  RNode list = Required(ctx, root, "deadlines");
  if (!list.IsSequence()) ctx.Fail(list.Mark(), "deadlines: expected a list");
  r.deadlines.clear();
  static const std::set<std::string> kKinds = {"by_date", "year_round", "ongoing", "recurring", "none"};
  static const std::set<std::string> kGran = {"", "day", "month", "quarter", "half", "year"};
  for (const auto& d : list) {
    CheckKeys(ctx, d, {"name", "pattern", "kind", "granularity", "after", "inferred"});
    DeadlineRule rule{Scalar(ctx, Required(ctx, d, "name")), Compile(ctx, Required(ctx, d, "pattern")),
                      Scalar(ctx, Required(ctx, d, "kind")), d["granularity"] ? Scalar(ctx, d["granularity"]) : "",
                      d["after"] ? Scalar(ctx, d["after"]) : ""};
    if (const RNode inferred = d["inferred"]) {
      const std::string v = Scalar(ctx, inferred);
      if (v != "true" && v != "false") ctx.Fail(inferred.Mark(), "inferred: expected true or false");
      rule.inferred = v == "true";
    }
    if (!kKinds.count(rule.kind)) ctx.Fail(d["kind"].Mark(), "unknown deadline kind '" + rule.kind + "'");
    if (!kGran.count(rule.granularity)) ctx.Fail(d["granularity"].Mark(), "unknown granularity '" + rule.granularity + "'");
    // A count of days after an event: no date (kind none) but the notice's own.
    // A season (汛期前, 汛期内每月): by a date or recurring, with no date.
    // A duration (为期两周): no deadline at all (kind none).
    if (!rule.after.empty() && !((rule.after == "event" || rule.after == "duration") && rule.kind == "none") &&
        !(rule.after == "season" && (rule.kind == "by_date" || rule.kind == "recurring") && rule.granularity.empty()))
      ctx.Fail(d["after"].Mark(),
               "after: expected event or duration (kind: none) or season (kind: by_date or recurring, no granularity)");
    if (rule.kind == "none" && rule.after.empty()) ctx.Fail(d["kind"].Mark(), "kind none is for after: event or duration only");
    r.deadlines.push_back(std::move(rule));
  }
  ReadExamples(ctx, root["examples"], "deadline", r);
}

void LoadFrontMatter(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"doc_number", "date", "issuer_line", "title_line", "plan_title_line", "publicity", "closing", "attachment",
                        "cc", "printed", "annex_start", "recipients", "metadata_number_keys",
                        "metadata_date_keys", "metadata_issuer_keys", "metadata_other_keys", "metadata_title_keys", "metadata_publish_keys", "numeric_date",
                        "title_year", "title_opening", "title_closing", "series_mark", "number_format", "key_value", "signer", "bare_bodies",
                        "title_whole", "full_text_marker",
                        "examples"});
  r.doc_number = Compile(ctx, Required(ctx, root, "doc_number"));
  r.signer = root["signer"] ? Compile(ctx, root["signer"]) : Regex("(?!)");  // optional
  r.bare_bodies.clear();
  if (const RNode bodies = root["bare_bodies"]) {  // optional
    if (!bodies.IsMap()) ctx.Fail(bodies.Mark(), "bare_bodies: expected a mapping of body -> the bodies it pairs with");
    for (const auto& kv : bodies) r.bare_bodies.emplace_back(Scalar(ctx, kv.first), StringList(ctx, kv.second));
  }
  r.date = Compile(ctx, Required(ctx, root, "date"));
  r.issuer_line = Compile(ctx, Required(ctx, root, "issuer_line"));
  r.title_line = Compile(ctx, Required(ctx, root, "title_line"));
  // Optional: older rule sets have none.
  r.plan_title_line = root["plan_title_line"] ? Compile(ctx, root["plan_title_line"]) : Regex("(?!)");
  r.publicity = Compile(ctx, Required(ctx, root, "publicity"));
  r.closing = root["closing"] ? Compile(ctx, root["closing"]) : Regex("(?!)");  // optional
  r.attachment = Compile(ctx, Required(ctx, root, "attachment"));
  r.cc = Compile(ctx, Required(ctx, root, "cc"));
  r.printed = Compile(ctx, Required(ctx, root, "printed"));
  r.annex_start = Compile(ctx, Required(ctx, root, "annex_start"));
  r.recipients_line = Compile(ctx, Required(ctx, root, "recipients"));
  if (root["metadata_number_keys"]) r.metadata_number_keys = StringList(ctx, root["metadata_number_keys"]);
  if (root["metadata_date_keys"]) r.metadata_date_keys = StringList(ctx, root["metadata_date_keys"]);
  if (root["metadata_issuer_keys"]) r.metadata_issuer_keys = StringList(ctx, root["metadata_issuer_keys"]);
  if (root["metadata_other_keys"]) r.metadata_other_keys = StringList(ctx, root["metadata_other_keys"]);
  if (root["metadata_title_keys"]) r.metadata_title_keys = StringList(ctx, root["metadata_title_keys"]);
  if (root["metadata_publish_keys"]) r.metadata_publish_keys = StringList(ctx, root["metadata_publish_keys"]);
  r.numeric_date = root["numeric_date"] ? Compile(ctx, root["numeric_date"]) : Regex("(?!)");
  r.title_year = root["title_year"] ? Compile(ctx, root["title_year"]) : Regex("(?!)");
  r.title_opening = root["title_opening"] ? Compile(ctx, root["title_opening"]) : Regex("(?!)");
  r.title_closing = root["title_closing"] ? Compile(ctx, root["title_closing"]) : Regex("(?!)");
  r.series_mark = root["series_mark"] ? Compile(ctx, root["series_mark"]) : Regex("(?!)");
  // Optional: older rule sets take every title_closing end as the title's and
  // no line as a news page's full-text marker.
  r.title_whole = root["title_whole"] ? Compile(ctx, root["title_whole"]) : Regex("");
  r.full_text_marker = root["full_text_marker"] ? Compile(ctx, root["full_text_marker"]) : Regex("(?!)");
  // A frontmatter.yaml from before key_value keeps the built-in pattern.
  r.metadata_key_value = root["key_value"] ? Compile(ctx, root["key_value"])
                                            : Regex(BuiltinRules().metadata_key_value.pattern(), ctx.compile());
  r.number_format = root["number_format"] ? Scalar(ctx, root["number_format"]) : "{org}[{year}]{n}";
  for (size_t i = r.number_format.find('{'); i != std::string::npos; i = r.number_format.find('{', i + 1)) {
    const size_t close = r.number_format.find('}', i);
    const std::string name = r.number_format.substr(i + 1, close == std::string::npos ? close : close - i - 1);
    if (close == std::string::npos || (name != "org" && name != "year" && name != "ord" && name != "n")) {
      ctx.Fail(root["number_format"].Mark(), "number_format: {" + name + "} is not {org}, {year}, {ord} or {n}");
    }
  }
  ReadExamples(ctx, root["examples"], "frontmatter", r);
}

void LoadClauses(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(
      ctx, root,
      {"keys", "role_words", "not_clause", "key_value", "key_line", "inline", "inline_opening",
       "inline_jointly", "group_starts", "group_prefix", "run_openers", "joint_words", "scope_note", "heading_lead", "examples"});
  // Optional: older rule sets have none.
  r.clause_inline = root["inline"] ? Compile(ctx, root["inline"]) : Regex("(?!)");
  r.clause_inline_opening = root["inline_opening"] ? Compile(ctx, root["inline_opening"]) : Regex("(?!)");
  r.clause_inline_jointly = root["inline_jointly"] ? Compile(ctx, root["inline_jointly"]) : Regex("(?!)");
  r.not_clause = root["not_clause"] ? Compile(ctx, root["not_clause"]) : Regex("(?!)");
  r.clause_scope_note = root["scope_note"] ? Compile(ctx, root["scope_note"]) : Regex("(?!)");  // optional
  r.clause_heading_lead = root["heading_lead"] ? Compile(ctx, root["heading_lead"]) : Regex("(?!)");  // optional
  // Optional: older rule sets read no group clause.
  r.group_starts = root["group_starts"] ? StringList(ctx, root["group_starts"]) : std::vector<std::string>{};
  r.group_prefix = root["group_prefix"] ? Compile(ctx, root["group_prefix"]) : Regex("(?!)");
  // A clauses.yaml from before these keys keeps the built-in patterns.
  r.clause_key_value = root["key_value"] ? Compile(ctx, root["key_value"])
                                         : Regex(BuiltinRules().clause_key_value.pattern(), ctx.compile());
  r.clause_key_line = root["key_line"] ? Compile(ctx, root["key_line"])
                                       : Regex(BuiltinRules().clause_key_line.pattern(), ctx.compile());
  static const std::map<std::string, ClauseRole> kRoles = {
      {"lead", ClauseRole::kLead},   {"support", ClauseRole::kSupport},   {"units", ClauseRole::kUnits},
      {"guide", ClauseRole::kGuide}, {"deadline", ClauseRole::kDeadline}, {"person", ClauseRole::kPerson},
      {"contact", ClauseRole::kContact}};
  auto role_of = [&](const RNode& key) {
    auto it = kRoles.find(key.as<std::string>());
    if (it == kRoles.end()) ctx.Fail(key.Mark(), "unknown role '" + key.as<std::string>() + "'");
    return it->second;
  };
  RNode keys = Required(ctx, root, "keys");
  if (!keys.IsMap()) ctx.Fail(keys.Mark(), "keys: expected a mapping of role -> names");
  r.clause_keys.clear();
  for (const auto& kv : keys)
    for (const auto& name : StringList(ctx, kv.second)) r.clause_keys[NameKey(name)] = role_of(kv.first);
  RNode words = Required(ctx, root, "role_words");
  if (!words.IsMap()) ctx.Fail(words.Mark(), "role_words: expected a mapping of role -> words");
  r.role_words.clear();
  for (const auto& kv : words)
    for (const auto& w : StringList(ctx, kv.second)) r.role_words.emplace_back(w, role_of(kv.first));
  std::stable_sort(r.role_words.begin(), r.role_words.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  // Optional: older rule sets strip no opener and read no joint word.
  r.run_openers =
      root["run_openers"] ? StringList(ctx, root["run_openers"]) : std::vector<std::string>{};
  r.joint_words =
      root["joint_words"] ? StringList(ctx, root["joint_words"]) : std::vector<std::string>{};
  r.role_word_firsts = r.role_word_firsts_mid = 0;
  auto add_first = [&](const std::string& word) {
    size_t k = 0;
    const char32_t first = word.empty() ? 0 : NextChar(word, k);
    r.role_word_firsts |= word.empty() ? ~uint64_t{0} : uint64_t{1} << (first & 63);
    r.role_word_firsts_mid |= word.empty() ? ~uint64_t{0} : uint64_t{1} << ((first >> 6) & 63);
  };
  for (const auto& [word, role] : r.role_words) add_first(word);
  for (const auto& word : r.joint_words) add_first(word);
  ReadExamples(ctx, root["examples"], "clause", r);
}

void LoadKinds(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"news_title", "news_text", "cover_title", "plan_title", "examples"});
  r.news_title = Compile(ctx, Required(ctx, root, "news_title"));
  r.news_text = Compile(ctx, Required(ctx, root, "news_text"));
  r.cover_title = Compile(ctx, Required(ctx, root, "cover_title"));
  r.plan_title = Compile(ctx, Required(ctx, root, "plan_title"));
  ReadExamples(ctx, root["examples"], "kind", r);
}

// A mapping of name -> string; with `keys` given, exactly those names.
void StringMap(const FileContext& ctx, const RNode& root, const char* key,
               std::map<std::string, std::string, std::less<>>& out, std::initializer_list<const char*> keys = {}) {
  const RNode m = Required(ctx, root, key);
  if (!m.IsMap()) ctx.Fail(m.Mark(), std::string(key) + ": expected a mapping of name -> text");
  if (keys.size() != 0) {
    CheckKeys(ctx, m, keys);
    for (const char* k : keys) Required(ctx, m, k);
  }
  out.clear();
  for (const auto& kv : m) {
    const std::string name = kv.first.as<std::string>();
    const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!word) ctx.Fail(kv.first.Mark(), std::string(key) + ": '" + name + "' is not a name (a-z, 0-9, _)");
    const std::string text = Scalar(ctx, kv.second);
    if (text.empty() || text.find_first_of("\n\r\t") != std::string::npos)
      ctx.Fail(kv.second.Mark(), std::string(key) + ": '" + name + "' needs a one-line text");
    out[name] = text;
  }
}

void LoadLabels(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"columns", "values", "sheets", "calendar", "messages", "examples"});
  StringMap(ctx, root, "columns", r.column_labels);
  StringMap(ctx, root, "values", r.value_labels);
  StringMap(ctx, root, "sheets", r.sheet_labels, {"tasks", "units", "due", "table"});
  StringMap(ctx, root, "calendar", r.calendar_labels,
            {"units", "lead_units", "support_units", "deadline", "title", "source"});
  StringMap(ctx, root, "messages", r.message_examples, {"unit", "city_unit", "collective", "pinyin"});
  ReadExamples(ctx, root["examples"], "label", r);
}

// A list of exactly `n` strings (n == 0: any number, at least one).
std::vector<std::string> Words(const FileContext& ctx, const RNode& map, const char* key, size_t n) {
  const RNode list = Required(ctx, map, key);
  std::vector<std::string> words = StringList(ctx, list);
  if (n != 0 && words.size() != n)
    ctx.Fail(list.Mark(), std::string(key) + ": expected " + std::to_string(n) + " words, not " +
                              std::to_string(words.size()));
  if (n == 0 && words.empty()) ctx.Fail(list.Mark(), std::string(key) + ": expected at least one word");
  return words;
}

void LoadNumbering(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root,
            {"counting", "stems", "branches", "page_number_words", "date", "list_labels", "symbol_fonts", "examples"});
  const RNode counting = Required(ctx, root, "counting");
  CheckKeys(ctx, counting, {"digits", "units", "zero"});
  r.counting_digits = Words(ctx, counting, "digits", 10);
  r.counting_units = Words(ctx, counting, "units", 4);
  r.counting_zero = Scalar(ctx, Required(ctx, counting, "zero"));
  r.stems = Words(ctx, root, "stems", 10);
  r.branches = Words(ctx, root, "branches", 12);
  r.page_number_words = Words(ctx, root, "page_number_words", 0);
  for (const auto& item : root["page_number_words"]) {
    const std::string w = Scalar(ctx, item);
    if (w.empty() || w.find_first_of("0123456789 ") != std::string::npos)
      ctx.Fail(item.Mark(), "page_number_words: '" + w + "' must be a word without digits or spaces");
  }
  if (const RNode date = root["date"]) {  // optional: a numbering.yaml of an older --rules DIR has none
    r.date_format = Scalar(ctx, date);
    for (const char* part : {"{y}", "{m}", "{d}"})
      if (r.date_format.find(part) == std::string::npos)
        ctx.Fail(date.Mark(), std::string("date: expected ") + part + " in '" + r.date_format + "'");
  }
  if (const RNode labels = root["list_labels"]) {  // optional too
    CheckKeys(ctx, labels, {"cjk", "cjk_nested", "cjk_nested_2", "decimal", "decimal_nested", "decimal_nested_2"});
    // The third levels are optional: older rule sets have none.
    for (const char* key : {"cjk", "cjk_nested", "cjk_nested_2", "decimal", "decimal_nested", "decimal_nested_2"}) {
      const bool optional = std::string_view(key).ends_with("_2");
      if (optional && !labels[key]) continue;
      const RNode label = Required(ctx, labels, key);
      std::string text = Scalar(ctx, label);
      if (text.find("{n}") == std::string::npos)
        ctx.Fail(label.Mark(), std::string(key) + ": expected {n} in '" + text + "'");
      r.list_labels[key] = std::move(text);
    }
  }
  if (const RNode fonts = root["symbol_fonts"]) {  // optional: older rule sets have none
    if (!fonts.IsMap()) ctx.Fail(fonts.Mark(), "symbol_fonts: expected a mapping of font -> {byte: character}");
    for (const auto& font : fonts) {
      if (!font.second.IsMap()) ctx.Fail(font.second.Mark(), "symbol_fonts: expected a mapping of byte -> character");
      auto& table = r.symbol_fonts[Scalar(ctx, font.first)];
      for (const auto& kv : font.second) {
        const RNode code = kv.first, drawn = kv.second;
        const std::string hex = Scalar(ctx, code);
        const std::string text = Scalar(ctx, drawn);
        int byte = -1;
        if (hex.size() == 2 && std::isxdigit(static_cast<unsigned char>(hex[0])) &&
            std::isxdigit(static_cast<unsigned char>(hex[1])))
          byte = std::stoi(hex, nullptr, 16);
        if (byte < 0) ctx.Fail(code.Mark(), "symbol_fonts: '" + hex + "' is not a byte in two hex digits");
        if (CharCount(text) > 1) ctx.Fail(drawn.Mark(), "symbol_fonts: '" + text + "' is not one character (or '')");
        table[byte] = text;
      }
    }
  }
  ReadExamples(ctx, root["examples"], "numbering", r);
}

// A set of marks: a non-empty string, each mark once.
MarkSet Marks(const FileContext& ctx, const RNode& map, const char* key) {
  const RNode n = Required(ctx, map, key);
  const std::string text = Scalar(ctx, n);
  if (text.empty()) ctx.Fail(n.Mark(), std::string(key) + ": expected at least one mark");
  MarkSet set(text);
  if (set.marks().size() != CharCount(text)) ctx.Fail(n.Mark(), std::string(key) + ": a mark is listed twice");
  return set;
}

// A list of pairs of marks ("()"), each two marks, no mark in two pairs: the
// opening marks into `opens`, the closing ones into `closes`, pair by pair.
RNode Pairs(const FileContext& ctx, const RNode& root, const char* key, MarkSet& opens, MarkSet& closes) {
  const RNode list = Required(ctx, root, key);
  if (!list.IsSequence() || list.size() == 0)
    ctx.Fail(list.Mark(), std::string(key) + ": expected a list of pairs (\"()\")");
  std::string open_marks, close_marks;
  for (const auto& item : list) {
    const std::string pair = Scalar(ctx, item);
    size_t i = 0;
    const char32_t open = pair.empty() ? 0 : NextChar(pair, i);
    const size_t mid = i;
    if (CharCount(pair) != 2 || open == NextChar(pair, i))
      ctx.Fail(item.Mark(), std::string(key) + ": '" + pair + "' is not a pair of two marks (opening, closing)");
    open_marks += pair.substr(0, mid);
    close_marks += pair.substr(mid);
  }
  opens = MarkSet(open_marks);
  closes = MarkSet(close_marks);
  if (opens.marks().size() != list.size() || closes.marks().size() != list.size())
    ctx.Fail(list.Mark(), std::string(key) + ": a mark is in two pairs");
  return list;
}

void LoadPunctuation(const FileContext& ctx, const RNode& root, Rules& r) {
  CheckKeys(ctx, root, {"sentence_end", "closers", "closer_after", "brackets", "sentence_mark", "full_stop", "comma",
                        "semicolon", "enumeration", "colon", "pipe", "title_stops", "label_ends", "other_pairs",
                        "marker_ends", "marker_brackets", "written", "rule_marks", "no_line_start", "ocr_digits", "examples"});
  Punctuation& p = r.punct;
  p.sentence_end = Marks(ctx, root, "sentence_end");
  p.closers = Marks(ctx, root, "closers");
  p.closer_after = Marks(ctx, root, "closer_after");
  Pairs(ctx, root, "brackets", p.opens, p.closes);
  p.sentence_mark = Marks(ctx, root, "sentence_mark");
  p.full_stop = Marks(ctx, root, "full_stop");
  p.comma = Marks(ctx, root, "comma");
  p.semicolon = Marks(ctx, root, "semicolon");
  p.enumeration = Marks(ctx, root, "enumeration");
  p.colon = Marks(ctx, root, "colon");
  p.pipe = Marks(ctx, root, "pipe");
  p.title_stops = Marks(ctx, root, "title_stops");
  p.label_ends = Marks(ctx, root, "label_ends");
  const RNode other = Pairs(ctx, root, "other_pairs", p.other_opens, p.other_closes);
  for (const MarkSet* set : {&p.other_opens, &p.other_closes})
    for (const char32_t c : set->marks())
      if (p.opens.Has(c) || p.closes.Has(c)) ctx.Fail(other.Mark(), "other_pairs: a mark is in brackets too");
  p.marker_ends = Marks(ctx, root, "marker_ends");
  if (root["rule_marks"]) p.rule_marks = Marks(ctx, root, "rule_marks");  // optional: older rule sets have none
  if (root["no_line_start"]) p.no_line_start = Marks(ctx, root, "no_line_start");  // optional, as rule_marks
  Pairs(ctx, root, "marker_brackets", p.marker_opens, p.marker_closes);
  std::map<std::string, std::string, std::less<>> written;
  StringMap(ctx, root, "written", written, {"list", "clauses", "stop"});
  p.list_joiner = written["list"];
  p.clause_joiner = written["clauses"];
  p.stop = written["stop"];
  p.ocr_letters.clear(), p.ocr_values.clear();
  if (const RNode ocr = root["ocr_digits"]) {  // optional: older rule sets have none
    if (!ocr.IsMap()) ctx.Fail(ocr.Mark(), "ocr_digits: expected a mapping of letter -> digit");
    for (const auto& kv : ocr) {
      const std::string l = Scalar(ctx, kv.first), d = Scalar(ctx, kv.second);
      const bool ascii_letter = l.size() == 1 && ((l[0] >= 'A' && l[0] <= 'Z') || (l[0] >= 'a' && l[0] <= 'z'));
      if (!ascii_letter) ctx.Fail(kv.first.Mark(), "ocr_digits: expected one ASCII letter");
      if (d.size() != 1 || d[0] < '0' || d[0] > '9') ctx.Fail(kv.second.Mark(), "ocr_digits: expected one digit");
      p.ocr_letters += l, p.ocr_values += d;
    }
  }
  ReadExamples(ctx, root["examples"], "punctuation", r);
}

using Loader = void (*)(const FileContext&, const RNode&, Rules&);
struct RuleFile {
  const char* name;
  Loader load;
};
// The rule-file table: one row per file kind.
constexpr RuleFile kRuleFiles[] = {
    {"headings.yaml", LoadHeadings}, {"headers.yaml", LoadHeaders},     {"junk.yaml", LoadJunk},
    {"units.yaml", LoadUnits},       {"deadlines.yaml", LoadDeadlines}, {"frontmatter.yaml", LoadFrontMatter},
    {"clauses.yaml", LoadClauses},   {"kinds.yaml", LoadKinds},         {"collective.yaml", LoadCollective},
    {"labels.yaml", LoadLabels},     {"numbering.yaml", LoadNumbering}, {"punctuation.yaml", LoadPunctuation},
};

// yaml-cpp takes a quoted scalar left open at the end of the input as
// closed; a rules file is configuration, so that is an error here. A quote
// opens a scalar where a value starts: at the start of a line, after "- ",
// ": ", "? ", "[", "{" or ",". Comments and block scalars (| and >) are
// stepped over; inside quotes '' and \x are escapes.
void CheckQuotesClosed(const FileContext& ctx, std::string_view text) {
  char open = 0;
  YAML::Mark opened;
  int line = 0, col = 0, block_indent = -1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line, col = 0, line_start = i + 1;
      continue;
    }
    col = static_cast<int>(i - line_start);
    if (open == '\'') {
      if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else if (c == '\'') {
        open = 0;
      }
      continue;
    }
    if (open == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        open = 0;
      }
      continue;
    }
    std::string_view before = text.substr(line_start, i - line_start);
    const size_t indent = before.find_first_not_of(' ');
    if (block_indent >= 0) {  // inside a | or > block: lines indented deeper
      if (indent == std::string_view::npos && (c == ' ' || c == '\r')) continue;
      if (static_cast<int>(indent == std::string_view::npos ? before.size() : indent) > block_indent) {
        i = text.find('\n', i);
        if (i == std::string_view::npos) break;
        --i;
        continue;
      }
      block_indent = -1;
    }
    if (c == '#' && (before.empty() || before.back() == ' ' || before.back() == '\t')) {
      i = text.find('\n', i);
      if (i == std::string_view::npos) break;
      --i;
      continue;
    }
    const size_t last = before.find_last_not_of(" \t");
    const bool value_start =
        last == std::string_view::npos ||
        std::string_view("[{,").find(before[last]) != std::string_view::npos ||
        (last + 1 < before.size() && std::string_view(":-?").find(before[last]) != std::string_view::npos &&
         (before[last] == ':' || last == 0 || before[last - 1] == ' ' || before[last - 1] == '\t'));
    if (!value_start) continue;
    if (c == '\'' || c == '"') {
      open = c;
      opened.line = line, opened.column = col;
    } else if ((c == '|' || c == '>') && last != std::string_view::npos) {
      block_indent = static_cast<int>(indent == std::string_view::npos ? 0 : indent);
    }
  }
  if (open) ctx.Fail(opened, std::string("quoted string (") + open + ") not closed before the end of the file");
}

}  // namespace

namespace {

// The row of the rule-file table for a file's name; throws when none.
const RuleFile& KindOf(const std::string& path) {
  const std::string base = std::filesystem::path(path).filename().string();
  for (const auto& rf : kRuleFiles)
    if (base == rf.name) return rf;
  std::string list;
  for (const auto& rf : kRuleFiles) list += (list.empty() ? "" : ", ") + std::string(rf.name);
  throw Error(Error::Kind::kRules, "unknown rules file (expected one of: " + list + ")", path);
}

// Runs a file's loader on its tree.
void LoadTree(const RuleFile& kind, const FileContext& ctx, const RNode& root, Rules& rules) {
  try {
    kind.load(ctx, root, rules);
  } catch (const YAML::Exception& e) {
    ctx.Fail(e.mark, e.msg);
  }
}

void CheckAllSeen(const std::set<std::string>& seen) {
  for (const auto& rf : kRuleFiles)
    if (!seen.count(rf.name))
      throw Error(Error::Kind::kRules, std::string("rules file missing: ") + rf.name);
}

}  // namespace

Rules CompileRules(const std::vector<std::pair<std::string, std::string>>& files, Regex::When compile) {
  Rules rules;
  std::set<std::string> seen;
  for (const auto& [path, text] : files) {
    const RuleFile& kind = KindOf(path);
    FileContext ctx(path, text, compile);
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::DeepRecursion& e) {
      // yaml-cpp stops at a fixed depth (500) so its recursion cannot
      // overflow the stack, but calls that "bad file".
      ctx.Fail(e.mark, "nesting too deep (" + std::to_string(e.depth()) +
                           " levels; a rules file needs a few)");
    } catch (const YAML::Exception& e) {
      ctx.Fail(e.mark, "YAML syntax error: " + e.msg);
    }
    CheckQuotesClosed(ctx, text);
    LoadTree(kind, ctx, RNode(root), rules);
    seen.insert(kind.name);
  }
  CheckAllSeen(seen);
  return rules;
}

std::string CompactRulesText(std::string_view yaml) {
  std::string out;
  out.reserve(yaml.size());
  size_t skip_indent = std::string_view::npos;  // inside an examples: block indented this much
  for (size_t begin = 0; begin < yaml.size();) {
    size_t end = yaml.find('\n', begin);
    if (end == std::string_view::npos) end = yaml.size();
    const std::string_view line = yaml.substr(begin, end - begin);
    begin = end + 1;
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] == '#' || line[indent] == '\r') continue;
    const std::string_view rest = line.substr(indent);
    if (skip_indent != std::string_view::npos) {
      // The block goes on while lines are indented deeper, or as deep for a
      // sequence written at the key's own indentation.
      if (indent > skip_indent || (indent == skip_indent && rest.substr(0, 2) == "- ")) continue;
      skip_indent = std::string_view::npos;
    }
    if (rest.substr(0, 9) == "examples:") {
      const size_t after = rest.find_first_not_of(" \r", 9);
      if (after == std::string_view::npos || rest[after] == '#') {  // a block follows
        skip_indent = indent;
        continue;
      }
    }
    out.append(line);
    out += '\n';
  }
  return out;
}

namespace {
// Loads the file `name` from its tree into `rules`; returns its kind's name.
std::string LoadPacked(std::string_view name, RNode root, Rules& rules) {
  const RuleFile& kind = KindOf(std::string(name));
  // Built at build time from files the tests compile: their patterns are
  // compiled on first use, and the context has no text to quote.
  FileContext ctx(std::string(name), std::string(), Regex::When::kOnFirstUse);
  LoadTree(kind, ctx, root, rules);
  return kind.name;
}
}  // namespace

Rules CompilePackedRules(const std::vector<std::pair<std::string_view, std::string_view>>& packed) {
  Rules rules;
  std::set<std::string> seen;
  rules_node::Tree tree;  // one for every file, its room reused
  for (const auto& [name, bytes] : packed) {
    rules_pack::Reader reader(bytes);
    tree.nodes.clear();
    tree.kids.clear();
    reader.Read(tree);
    seen.insert(LoadPacked(name, RNode(tree, 0), rules));
  }
  CheckAllSeen(seen);
  return rules;
}

std::string RoleLabel(Role r, const Rules& rules) {
  auto it = rules.role_labels.find(r);
  return it != rules.role_labels.end() ? it->second : std::string(RoleName(r));
}

namespace {
std::string_view Lookup(const std::map<std::string, std::string, std::less<>>& m, std::string_view key) {
  auto it = m.find(key);
  return it != m.end() ? std::string_view(it->second) : std::string_view();
}
}  // namespace

std::string_view ColumnLabel(std::string_view column, const Rules& rules) { return Lookup(rules.column_labels, column); }
std::string_view ValueLabel(std::string_view code, const Rules& rules) { return Lookup(rules.value_labels, code); }
std::string_view SheetLabel(std::string_view sheet, const Rules& rules) { return Lookup(rules.sheet_labels, sheet); }
std::string_view CalendarLabel(std::string_view field, const Rules& rules) {
  return Lookup(rules.calendar_labels, field);
}
std::string_view MessageExample(std::string_view what, const Rules& rules) {
  return Lookup(rules.message_examples, what);
}

namespace {
// Rules holding only the built-in file `file` (the others' fields empty):
// reading one small packed tree costs microseconds, the whole set a
// millisecond, which --help and a run with --rules DIR need not pay.
Rules BuiltinFile(std::string_view file) {
  Rules rules;
  for (const auto& [name, tree] : PackedTrees())
    if (name == file) LoadPacked(name, RNode(tree, 0), rules);
  return rules;
}

// The built-in trees, unpacked at build time: CompilePackedRules(PackedRules())
// without decoding a byte.
Rules CompileBuiltinTrees() {
  Rules rules;
  std::set<std::string> seen;
  for (const auto& [name, tree] : PackedTrees()) seen.insert(LoadPacked(name, RNode(tree, 0), rules));
  CheckAllSeen(seen);
  return rules;
}
}  // namespace

const Rules& BuiltinLabels() {
  static const Rules rules = BuiltinFile("labels.yaml");
  return rules;
}

const Rules& BuiltinNumbering() {
  static const Rules rules = BuiltinFile("numbering.yaml");
  return rules;
}

const Rules& BuiltinPunctuation() {
  static const Rules rules = BuiltinFile("punctuation.yaml");
  return rules;
}

const Rules& BuiltinRules() {
  // From the trees unpacked at build time: parsing the YAML took two thirds
  // of an empty notice's run (yaml-cpp costs about a thousand instructions
  // per byte), decoding the packed trees a fifth of what was left.
  static const Rules rules = CompileBuiltinTrees();
  return rules;
}

namespace {

// A rules file is a small regular file: a link to /dev/zero would grow
// without end, a FIFO would block, a directory is no file at all.
constexpr off_t kMaxRulesFile = 1 << 20;

std::string ReadRulesFile(const std::string& path) {
  auto fail = [&](const std::string& why) { throw Error(Error::Kind::kRules, why, path); };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) fail(std::string("cannot read: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) fail(std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail("is a directory, not a rules file");
  if (!S_ISREG(st.st_mode)) fail("not a regular file (a rules file must be a plain file)");
  if (st.st_size > kMaxRulesFile) {
    fail("too large (" + FormatSize(static_cast<uint64_t>(st.st_size)) + "; a rules file is at most " +
         FormatSize(kMaxRulesFile) + ")");
  }
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > static_cast<size_t>(kMaxRulesFile)) fail("too large (grew while read; a rules file is at most 1 MiB)");
  }
  return text;
}

}  // namespace

Rules LoadRules(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) throw Error(Error::Kind::kRules, "no such directory", dir);
  if (!fs::is_directory(dir, ec)) throw Error(Error::Kind::kRules, "not a directory", dir);
  std::map<std::string, std::pair<std::string, std::string>> by_name;
  for (const auto& [name, text] : EmbeddedRules())
    by_name[std::string(name)] = {std::string(name), std::string(text)};
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    by_name[entry.path().filename().string()] = {entry.path().string(), ReadRulesFile(entry.path().string())};
  }
  if (ec) throw Error(Error::Kind::kRules, "cannot list: " + ec.message(), dir);
  std::vector<std::pair<std::string, std::string>> files;
  for (auto& [_, f] : by_name) files.push_back(std::move(f));
  return CompileRules(files);
}

}  // namespace noticetab
