// Rules: every `examples:` entry of rules/*.yaml is fired here through the
// public function that applies that rule kind, and bad rules files are hard
// errors positioned at file:line:col with the offending line and a caret.
// A failing example is reported as rules/<file>:<line>, so fix it there.
#include "noticetab/rules.h"
#include "noticetab/collective.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <unicode/regex.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/error.h"
#include "noticetab/normalize.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "noticetab/tokenize.h"
#include "native/internal.h"
#include "stages.h"
#include "test_util.h"

using noticetab::Error;
using noticetab::RuleExample;
using noticetab::Rules;
using noticetab::testing::ReadFile;
using noticetab::testing::SourceDir;

namespace {

const Rules& R() { return noticetab::BuiltinRules(); }

// The embedded files as written, examples included (BuiltinRules has none).
std::vector<std::pair<std::string, std::string>> FullFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, text] : noticetab::EmbeddedRules()) files.emplace_back(std::string(name), std::string(text));
  return files;
}

const Rules& Full() {
  static const Rules full = noticetab::CompileRules(FullFiles());
  return full;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

std::string Bool(bool b) { return b ? "true" : "false"; }

std::string Opt(const std::optional<std::string>& s) { return s ? *s : ""; }

// The keys an example of `kind` may hold besides its input.
const std::map<std::string, std::set<std::string>>& KnownKeys() {
  static const std::map<std::string, std::set<std::string>> k = {
      {"heading", {"no", "title", "match", "level"}},
      {"title", {"title"}},
      {"header", {"role"}},
      {"junk", {"junk", "junk_after", "page_end"}},
      {"units", {"units", "open", "lead", "support", "persons", "contacts"}},
      {"collective", {"region", "member", "issuer", "includes", "via", "level", "in", "local", "canonical"}},
      {"deadline",
       {"year", "doc_date", "kind", "date", "granularity", "year_source", "field", "match",
        "warning", "in"}},
      {"clause", {"units", "lead", "support", "open", "deadline", "person", "group", "inline"}},
      {"kind", {"kind"}},
      {"frontmatter", {"field"}},  // plus the named groups of the field's pattern
      {"label", {"column", "value", "sheet", "calendar", "message"}},
      {"numbering", {"format", "list", "depth", "label", "page_number", "date"}},
      {"punctuation", {"ends_sentence", "title", "closes_with", "marker", "brackets"}},
  };
  return k;
}

// The Rules pattern an example's `field` names.
const noticetab::Regex* FrontMatterPattern(const Rules& r, const std::string& field) {
  static const std::map<std::string, const noticetab::Regex Rules::*> kFields = {
      {"number", &Rules::doc_number},     {"doc_number", &Rules::doc_number},
      {"date", &Rules::date},             {"issuer", &Rules::issuer_line},
      {"issuer_line", &Rules::issuer_line}, {"title", &Rules::title_line},
      {"title_line", &Rules::title_line}, {"plan_title_line", &Rules::plan_title_line}, {"publicity", &Rules::publicity},
      {"closing", &Rules::closing},
      {"attachment", &Rules::attachment}, {"cc", &Rules::cc},
      {"printed", &Rules::printed},       {"annex_start", &Rules::annex_start},
      {"recipients", &Rules::recipients_line}, {"recipients_line", &Rules::recipients_line},
      {"numeric_date", &Rules::numeric_date}, {"title_year", &Rules::title_year},
      {"title_opening", &Rules::title_opening}, {"title_closing", &Rules::title_closing},
      {"series_mark", &Rules::series_mark},
      {"title_whole", &Rules::title_whole}, {"full_text_marker", &Rules::full_text_marker},
      {"key_value", &Rules::metadata_key_value}, {"signer", &Rules::signer},
  };
  auto it = kFields.find(field);
  return it == kFields.end() ? nullptr : &(r.*(it->second));
}

void FireHeading(const RuleExample& ex) {
  auto h = noticetab::MatchHeading(ex.input, R());
  if (ex.expect.count("match") && ex.expect.at("match") == "false") {
    CHECK_FALSE(h.has_value());
    return;
  }
  REQUIRE(h.has_value());
  if (ex.expect.count("no")) CHECK(h->no == ex.expect.at("no"));
  if (ex.expect.count("title")) CHECK(h->title == ex.expect.at("title"));
  if (ex.expect.count("level")) CHECK(std::to_string(R().headings[h->style].level) == ex.expect.at("level"));
}

void FireTitle(const RuleExample& ex) {
  CHECK(noticetab::HeadingTitle(ex.input, R()) == ex.expect.at("title"));
}

void FireHeader(const RuleExample& ex) {
  CHECK(std::string(noticetab::RoleName(noticetab::HeaderRole(ex.input, R()))) == ex.expect.at("role"));
}

void FireJunk(const RuleExample& ex) {
  CHECK(Bool(noticetab::IsJunk(ex.input, R())) == ex.expect.at("junk"));
  // page_end: a junk line no table goes on past (read.cpp EndsTable).
  if (ex.expect.count("page_end"))
    CHECK(Bool(noticetab::IsJunk(ex.input, R()) && R().page_end.Contains(ex.input)) == ex.expect.at("page_end"));
  // junk_after: junk only under a junk line (classify.cpp ClassifyLines).
  if (ex.expect.count("junk_after"))
    CHECK(Bool(R().junk_after.Contains(ex.input)) == ex.expect.at("junk_after"));
}

void FireUnits(const RuleExample& ex) {
  noticetab::UnitList u = noticetab::NormalizeUnits(ex.input, R());
  if (ex.expect.count("units")) CHECK(Join(u.units) == ex.expect.at("units"));
  if (ex.expect.count("lead")) CHECK(Join(u.lead) == ex.expect.at("lead"));
  if (ex.expect.count("support")) CHECK(Join(u.support) == ex.expect.at("support"));
  if (ex.expect.count("open")) CHECK(Bool(u.open) == ex.expect.at("open"));
  if (ex.expect.count("persons")) CHECK(Join(u.persons) == ex.expect.at("persons"));
  if (ex.expect.count("contacts")) CHECK(Join(u.contacts) == ex.expect.at("contacts"));
}

void FireClause(const RuleExample& ex) {
  noticetab::Assignment a;
  bool parsed;
  if (ex.expect.count("inline")) {  // a sentence that may hold the inline rule's clause (…，由X牵头，Y配合，…)
    CHECK(Bool(noticetab::InlineAssignment(ex.input, R())) == ex.expect.at("inline"));
    std::string content;
    a = noticetab::ReadAssignment({ex.input}, R(), &content);
    parsed = a.found;
  } else {
    parsed = noticetab::ParseClause(ex.input, R(), &a);
  }
  noticetab::UnitList u = noticetab::ResolveAssignment(a, R());
  if (ex.expect.count("units")) CHECK(Join(u.units) == ex.expect.at("units"));
  if (ex.expect.count("lead")) CHECK(Join(u.lead) == ex.expect.at("lead"));
  if (ex.expect.count("support")) CHECK(Join(u.support) == ex.expect.at("support"));
  if (ex.expect.count("open")) CHECK(Bool(u.open) == ex.expect.at("open"));
  if (ex.expect.count("deadline")) CHECK(a.deadline == ex.expect.at("deadline"));
  if (ex.expect.count("person")) CHECK(Join(a.persons) == ex.expect.at("person"));
  if (ex.expect.count("group")) CHECK(std::to_string(a.group) == ex.expect.at("group"));
  if (ex.expect.count("units") && !ex.expect.at("units").empty()) CHECK(parsed);
}

// Which title pattern of kinds.yaml fires first: news, cover, plan, else none.
void FireKind(const RuleExample& ex) {
  const Rules& r = R();
  std::string kind = r.news_title.Contains(ex.input)    ? "news"
                     : r.cover_title.Contains(ex.input) ? "cover"
                     : r.plan_title.Contains(ex.input)  ? "plan"
                                                        : "none";
  CHECK(kind == ex.expect.at("kind"));
}

// text is an issuer (with region:) or a unit name (with member:, issuer:).
void FireCollective(const RuleExample& ex) {
  if (ex.expect.count("region")) CHECK(noticetab::IssuerRegion(ex.input, R()) == ex.expect.at("region"));
  if (ex.expect.count("includes")) {
    REQUIRE(ex.expect.count("member"));
    const std::string issuer = ex.expect.count("issuer") ? ex.expect.at("issuer") : "";
    const std::string region = noticetab::IssuerRegion(issuer, R());
    CHECK(Bool(noticetab::CollectiveIncludes(ex.input, ex.expect.at("member"), region, R())) ==
          ex.expect.at("includes"));
  }
  if (ex.expect.count("level")) CHECK(noticetab::UnitLevel(ex.input, R()) == ex.expect.at("level"));
  if (ex.expect.count("local")) {  // "" = another region's unit
    REQUIRE(ex.expect.count("in"));
    CHECK(noticetab::LocalUnitName(ex.input, ex.expect.at("in"), R()).value_or("") == ex.expect.at("local"));
  }
  if (ex.expect.count("canonical")) {  // the views' one name for the unit
    REQUIRE(ex.expect.count("in"));
    CHECK(noticetab::CanonicalUnit(ex.input, ex.expect.at("in"), R()) == ex.expect.at("canonical"));
  }
  if (ex.expect.count("via")) {
    const noticetab::CollectiveRule* c = noticetab::MatchCollective(ex.input, R());
    CHECK((c ? c->name : std::string()) == ex.expect.at("via"));
  }
}

void FireDeadline(const RuleExample& ex) {
  if (ex.expect.count("field")) {  // one of the year patterns
    const std::string& field = ex.expect.at("field");
    REQUIRE((field == "year_only" || field == "year_in_text" || field == "hint" || field == "plan_span"));
    const noticetab::Regex& re = field == "year_only"   ? R().year_only
                                 : field == "hint"      ? R().deadline_hint
                                 : field == "plan_span" ? R().plan_span
                                                        : R().year_in_text;
    CHECK(Bool(re.Contains(ex.input)) == ex.expect.at("match"));
    return;
  }
  noticetab::YearContext years;
  if (ex.expect.count("year") && !ex.expect.at("year").empty()) years.title = std::stoi(ex.expect.at("year"));
  if (ex.expect.count("doc_date")) years.doc_date = ex.expect.at("doc_date");
  std::vector<noticetab::Diagnostic> notes;
  noticetab::Deadline d;
  if (ex.expect.count("in")) {  // in: content, the text a task's content (DeadlinesFromContent)
    REQUIRE(ex.expect.at("in") == "content");
    std::vector<noticetab::Task> tasks(1);
    tasks[0].content = ex.input;
    noticetab::DeadlinesFromContent(tasks, years, R());
    d = tasks[0].deadline;
    notes = tasks[0].diagnostics;  // the task's warnings: what a content phrase noted reaches it
  } else {
    d = noticetab::ResolveDeadline(ex.input, years, R(), &notes);
  }
  if (ex.expect.count("warning")) {  // a code among the notes
    std::string codes;
    for (const auto& n : notes) codes += n.code + " ";
    CAPTURE(codes);
    CHECK(std::any_of(notes.begin(), notes.end(), [&](const auto& n) { return n.code == ex.expect.at("warning"); }));
  }
  if (ex.expect.count("kind")) CHECK(d.kind == ex.expect.at("kind"));
  if (ex.expect.count("date")) CHECK(Opt(d.date) == ex.expect.at("date"));
  if (ex.expect.count("granularity")) CHECK(Opt(d.granularity) == ex.expect.at("granularity"));
  if (ex.expect.count("year_source")) CHECK(Opt(d.year_source) == ex.expect.at("year_source"));
}

// text is a column name, code, sheet, calendar field or message example name.
void FireLabel(const RuleExample& ex) {
  if (ex.expect.count("column")) CHECK(noticetab::ColumnLabel(ex.input, R()) == ex.expect.at("column"));
  if (ex.expect.count("value")) CHECK(noticetab::ValueLabel(ex.input, R()) == ex.expect.at("value"));
  if (ex.expect.count("sheet")) CHECK(noticetab::SheetLabel(ex.input, R()) == ex.expect.at("sheet"));
  if (ex.expect.count("calendar")) CHECK(noticetab::CalendarLabel(ex.input, R()) == ex.expect.at("calendar"));
  if (ex.expect.count("message")) CHECK(noticetab::MessageExample(ex.input, R()) == ex.expect.at("message"));
}

// text is a number with a Word list format, a line that may be a page number, or a
// spreadsheet date serial.
void FireNumbering(const RuleExample& ex) {
  if (ex.expect.count("list")) {  // an HTML list's style (CSS list-style-type) and nesting depth
    REQUIRE((ex.expect.count("label") && ex.expect.count("depth")));
    CHECK(noticetab::native::HtmlListLabel(ex.expect.at("list"), std::stoi(ex.expect.at("depth")), std::stoi(ex.input)) ==
          ex.expect.at("label"));
  }
  if (ex.expect.count("format")) {
    REQUIRE(ex.expect.count("label"));
    CHECK(noticetab::native::ListNumber(std::stoi(ex.input), ex.expect.at("format")) == ex.expect.at("label"));
  }
  if (ex.expect.count("page_number")) CHECK(Bool(noticetab::native::IsPageNumber(ex.input)) == ex.expect.at("page_number"));
  if (ex.expect.count("date")) CHECK(noticetab::native::SerialDate(std::stod(ex.input), false) == ex.expect.at("date"));
}

void FireFrontMatter(const RuleExample& ex) {
  REQUIRE(ex.expect.count("field"));
  const std::string& field = ex.expect.at("field");
  CAPTURE(field);
  const noticetab::Regex* re = FrontMatterPattern(R(), field);
  REQUIRE(re != nullptr);
  if (ex.expect.count("match") && ex.expect.at("match") == "false") {  // a text the pattern must not take
    CHECK_FALSE(re->Contains(ex.input));
    return;
  }
  noticetab::Regex::Match m = re->Find(ex.input);
  REQUIRE(m.found);
  for (const auto& [key, value] : ex.expect) {
    if (key == "field") continue;
    if (key == "as") {  // the number as the output prints it (number_format)
      CHECK(noticetab::FormatDocNumber(m, R()) == value);
      continue;
    }
    CAPTURE(key);
    // Every other key must name a group of the pattern.
    CHECK(std::find(m.names.begin(), m.names.end(), key) != m.names.end());
    CHECK(std::string(m.Group(key)) == value);
  }
}

// punctuation.yaml: whether the text ends a sentence (EndsSentence), the
// title a heading with this text has, the mark closing a bracket.
void FirePunctuation(const RuleExample& ex) {
  const noticetab::Punctuation& p = R().punct;
  if (ex.expect.count("ends_sentence"))
    CHECK(Bool(noticetab::EndsSentence(ex.input, R())) == ex.expect.at("ends_sentence"));
  if (ex.expect.count("title")) CHECK(ex.input.substr(0, p.TitleEnd(ex.input)) == ex.expect.at("title"));
  // marker: the value of the heading marker the tokenizer reads at the start
  // (marker_ends, marker_brackets), or "none". brackets: the text's opening
  // and closing marks in order as the tokenizer tells them (brackets and
  // other_pairs), "(" for an opening one and ")" for a closing one.
  if (ex.expect.count("marker") || ex.expect.count("brackets")) {
    const std::vector<noticetab::Token> tokens = noticetab::Tokenize(ex.input, R());
    if (ex.expect.count("marker")) {
      const noticetab::LineShape shape = noticetab::ShapeOf(tokens, R());
      CHECK((shape.marker == noticetab::MarkerKind::kNone ? std::string("none")
                                                          : std::to_string(shape.marker_value)) ==
            ex.expect.at("marker"));
    }
    if (ex.expect.count("brackets")) {
      std::string got;
      for (const noticetab::Token& t : tokens) {
        if (t.kind == noticetab::TokenKind::kOpen) got += '(';
        if (t.kind == noticetab::TokenKind::kClose) got += ')';
      }
      CHECK(got == ex.expect.at("brackets"));
    }
  }
  if (ex.expect.count("closes_with")) {
    size_t i = 0;
    const char32_t open = noticetab::NextChar(ex.input, i);
    std::string close;
    noticetab::AppendUtf8(close, p.CloseOf(open));
    CHECK(i == ex.input.size());
    CHECK(close == ex.expect.at("closes_with"));
  }
}

// Counts the entries of every `examples:` list in a YAML tree.
size_t CountExamples(const YAML::Node& n) {
  size_t count = 0;
  if (n.IsMap()) {
    for (const auto& kv : n) {
      if (kv.first.as<std::string>() == "examples" && kv.second.IsSequence()) count += kv.second.size();
      else count += CountExamples(kv.second);
    }
  } else if (n.IsSequence()) {
    for (const auto& e : n) count += CountExamples(e);
  }
  return count;
}

// A YAML tree without its `examples` keys, emitted as text.
std::string WithoutExamples(const YAML::Node& n) {
  YAML::Emitter out;
  std::function<void(const YAML::Node&)> emit = [&](const YAML::Node& node) {
    if (node.IsMap()) {
      out << YAML::BeginMap;
      for (const auto& kv : node) {
        if (kv.first.as<std::string>() == "examples") continue;
        out << YAML::Key << kv.first.as<std::string>() << YAML::Value;
        emit(kv.second);
      }
      out << YAML::EndMap;
    } else if (node.IsSequence()) {
      out << YAML::BeginSeq;
      for (const auto& e : node) emit(e);
      out << YAML::EndSeq;
    } else if (node.IsScalar()) {
      out << node.Scalar();
    } else {
      out << YAML::Null;
    }
  };
  emit(n);
  return out.c_str();
}

}  // namespace

// ---------------------------------------------------------------- literal prefilter

namespace {

// Every regex of a rule set.
std::vector<const noticetab::Regex*> AllRegexes(const Rules& r) {
  std::vector<const noticetab::Regex*> out = {&r.markdown_prefix,
                                              &r.pinyin,
                                              &r.traditional_hint,
                                              &r.lead_clause,
                                              &r.first_is_lead,
                                              &r.deadline_hint,
                                              &r.deadline_in_content,
                                              &r.doc_number,
                                              &r.date,
                                              &r.issuer_line,
                                              &r.title_line,
                                              &r.plan_title_line,
                                              &r.glyph_codes,
                                              &r.glyph_boxes,
                                              &r.table_note,
                                              &r.page_end,
                                              &r.junk_after,
                                              &r.clause_inline,
                                              &r.clause_inline_opening,
                                              &r.clause_inline_jointly,
                                              &r.inline_break,
                                              &r.publicity,
                                              &r.attachment,
                                              &r.cc,
                                              &r.printed,
                                              &r.annex_start,
                                              &r.recipients_line,
                                              &r.numeric_date};
  for (const auto& h : r.headings) out.push_back(&h.re);
  for (const auto& j : r.junk) out.push_back(&j);
  for (const auto& d : r.deadlines) out.push_back(&d.re);
  return out;
}

}  // namespace

TEST_CASE("the literal prefilter of every rule holds on every line of every sample", "[rules][regex]") {
  // ICU itself, without the prefilter, finds every match; each must contain
  // each required run, or the prefilter would hide a match.
  std::vector<std::string> texts;
  for (const auto& dir : {"/samples", "/samples/composed", "/../shared/corpus/real"})
    if (std::filesystem::is_directory(SourceDir() + dir))
    for (const auto& e : std::filesystem::directory_iterator(SourceDir() + dir))
      if (e.path().extension() == ".txt") {
        const std::string text = ReadFile(e.path().string());
        texts.push_back(text);
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
          texts.push_back(line);
          texts.push_back(noticetab::RemoveSpaces(line));
        }
      }
  size_t checked = 0, matches = 0;
  for (const noticetab::Regex* re : AllRegexes(R())) {
    REQUIRE(re->ok());
    if (re->required().empty() && re->leading().empty() && re->trailing().empty()) continue;
    ++checked;
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(re->pattern()), 0, pe, status));
    REQUIRE(U_SUCCESS(status));
    std::unique_ptr<icu::RegexMatcher> m(p->matcher(status));
    for (const std::string& t : texts) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
      m->reset(u);
      while (m->find(status) && U_SUCCESS(status)) {
        std::string found;
        m->group(status).toUTF8String(found);
        ++matches;
        for (const auto& any : re->required()) {
          bool met = false;
          for (const auto& run : any) met = met || found.find(run) != std::string::npos;
          INFO(re->pattern() << " matched " << found << " without any of " << any.front() << "...");
          CHECK(met);
        }
        if (!re->leading().empty()) {
          bool starts = false;
          for (const auto& run : re->leading()) starts = starts || t.rfind(run, 0) == 0;
          INFO(re->pattern() << " matched " << t << " which starts with no leading run");
          CHECK(starts);
        }
        if (!re->trailing().empty()) {
          bool ends = false;
          for (const auto& run : re->trailing()) ends = ends || found.ends_with(run);
          INFO(re->pattern() << " matched " << found << " which ends with no trailing run");
          CHECK(ends);
        }
        CHECK(re->Contains(t));
        if (m->end(status) == m->start(status)) break;  // an empty match
      }
    }
  }
  CHECK(checked >= 20);   // most rules have a literal to check first
  CHECK(matches >= 100);  // and the samples exercise them
}

// ---------------------------------------------------------------- compact text

TEST_CASE("CompactRulesText keeps every rule of the built-in files and drops comments and examples", "[rules]") {
  for (const auto& [name, text] : noticetab::EmbeddedRules()) {
    CAPTURE(name);
    const std::string compact = noticetab::CompactRulesText(text);
    CHECK(compact.size() < text.size());
    CHECK(compact.find("examples:") == std::string::npos);
    CHECK(WithoutExamples(YAML::Load(compact)) == WithoutExamples(YAML::Load(std::string(text))));
  }
}

TEST_CASE("CompactRulesText: example blocks at any depth, same-indent lists, inline lists kept", "[rules]") {
  const std::string in =
      "# comment\n"
      "a: 1  # trailing comment stays\n"
      "\n"
      "examples:\n"
      "- {text: x}\n"
      "  # inside\n"
      "- {text: y}\n"
      "list:\n"
      "  - name: n\n"
      "    examples:\n"
      "      - {text: z}\n"
      "    pattern: p\n"
      "  - name: m\n"
      "    examples: []\n"
      "examples:   # trailing\n"
      "  - {text: w}\n"
      "b: 2\r\n";
  CHECK(noticetab::CompactRulesText(in) ==
        "a: 1  # trailing comment stays\n"
        "list:\n"
        "  - name: n\n"
        "    pattern: p\n"
        "  - name: m\n"
        "    examples: []\n"
        "b: 2\r\n");
}

// ---------------------------------------------------------------- the examples

TEST_CASE("every rules example holds", "[rules]") {
  const auto& examples = Full().examples;
  REQUIRE_FALSE(examples.empty());
  for (const RuleExample& ex : examples) {
    INFO("rules/" << ex.file << ":" << ex.line << ": " << ex.kind << " example '" << ex.input << "'");
    REQUIRE(KnownKeys().count(ex.kind));
    if (ex.kind != "frontmatter") {
      for (const auto& [key, value] : ex.expect) {
        CAPTURE(key);
        CHECK(KnownKeys().at(ex.kind).count(key));  // a key this test does not check is a typo
      }
    }
    if (ex.kind == "heading") FireHeading(ex);
    else if (ex.kind == "title") FireTitle(ex);
    else if (ex.kind == "header") FireHeader(ex);
    else if (ex.kind == "junk") FireJunk(ex);
    else if (ex.kind == "units") FireUnits(ex);
    else if (ex.kind == "collective") FireCollective(ex);
    else if (ex.kind == "deadline") FireDeadline(ex);
    else if (ex.kind == "clause") FireClause(ex);
    else if (ex.kind == "kind") FireKind(ex);
    else if (ex.kind == "frontmatter") FireFrontMatter(ex);
    else if (ex.kind == "label") FireLabel(ex);
    else if (ex.kind == "numbering") FireNumbering(ex);
    else if (ex.kind == "punctuation") FirePunctuation(ex);
  }
}

TEST_CASE("every examples: entry of every rules file is loaded", "[rules]") {
  std::map<std::string, size_t> loaded;
  for (const RuleExample& ex : Full().examples) {
    ++loaded[ex.file];
    CHECK(ex.line > 0);
  }
  for (const auto& [name, text] : noticetab::EmbeddedRules()) {
    const std::string file(name);
    CAPTURE(file);
    const size_t written = CountExamples(YAML::Load(std::string(text)));
    CHECK(written > 0);  // each rule file documents itself by examples
    CHECK(loaded[file] == written);
  }
}

TEST_CASE("an example's line is the line it is written on", "[rules]") {
  for (const RuleExample& ex : Full().examples) {
    INFO("rules/" << ex.file << ":" << ex.line);
    std::string text;
    for (const auto& [name, t] : noticetab::EmbeddedRules())
      if (name == ex.file) text = std::string(t);
    REQUIRE_FALSE(text.empty());
    // The example's line holds its input text.
    size_t begin = 0;
    for (int n = 1; n < ex.line; ++n) begin = text.find('\n', begin) + 1;
    std::string line = text.substr(begin, text.find('\n', begin) - begin);
    CHECK(line.find(ex.input) != std::string::npos);
  }
}

// ---------------------------------------------------------------- loading errors

namespace {

// The embedded rules with `file` replaced by `text`.
std::vector<std::pair<std::string, std::string>> With(const std::string& file, const std::string& text) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : noticetab::EmbeddedRules())
    files.emplace_back(std::string(name), name == file ? text : std::string(t));
  return files;
}

// The error compiling the embedded rules with headings.yaml replaced by `text`.
Error HeadingsError(const std::string& text) {
  try {
    noticetab::CompileRules(With("headings.yaml", text));
  } catch (const Error& e) {
    return e;
  }
  FAIL("CompileRules accepted the bad headings.yaml:\n" << text);
  throw;  // unreachable
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// A valid headings.yaml, one line per row, to break one line at a time.
const char* const kGoodHeadings =
    "markdown_prefix: '^#+\\s+'\n"
    "styles:\n"
    "  - name: cn-dun\n"
    "    level: 1\n"
    "    pattern: '^(?<no>[一二三])、(?<title>.*)$'\n";

}  // namespace

TEST_CASE("the built-in rule files compile through CompileRules", "[rules]") {
  Rules r = noticetab::CompileRules(With("headings.yaml", kGoodHeadings));
  REQUIRE(r.headings.size() == 1);
  CHECK(r.headings[0].name == "cn-dun");
  CHECK(r.headings[0].re.ok());
}

TEST_CASE("rules error: YAML syntax error", "[rules]") {
  const Error e = HeadingsError(
      "markdown_prefix: '^#+\\s+'\n"
      "styles:\n"
      "  - name: cn-dun: x\n"
      "    pattern: 'x'\n");
  CHECK(e.kind() == Error::Kind::kRules);
  CHECK(e.file() == "headings.yaml");
  CHECK(e.line() == 3);
  CHECK(e.col() == 17);  // the second ':'
  const std::string f = e.Format();
  CHECK(StartsWith(f, "headings.yaml:3:17: "));
  CHECK(f.find("\n  - name: cn-dun: x\n                ^") != std::string::npos);
}

TEST_CASE("rules error: unknown key", "[rules]") {
  const Error e = HeadingsError(
      "markdown_prefix: '^#+\\s+'\n"
      "styles:\n"
      "  - name: cn-dun\n"
      "    patern: '^(?<no>[一二三])、(?<title>.*)$'\n");
  CHECK(e.kind() == Error::Kind::kRules);
  const std::string f = e.Format();
  CHECK(StartsWith(f, "headings.yaml:4:5: "));
  CHECK(f.find("patern") != std::string::npos);
  CHECK(f.find("\n    patern: '^(?<no>[一二三])、(?<title>.*)$'\n    ^") != std::string::npos);
}

TEST_CASE("rules error: unknown top-level key", "[rules]") {
  const Error e = HeadingsError(std::string(kGoodHeadings) + "extra: 1\n");
  CHECK(e.kind() == Error::Kind::kRules);
  CHECK(StartsWith(e.Format(), "headings.yaml:6:1: "));
  CHECK(e.Format().find("\nextra: 1\n^") != std::string::npos);
}

TEST_CASE("rules error: invalid regex, caret on the offending pattern character", "[rules]") {
  SECTION("single-quoted") {
    // '+' at pattern offset 22 has nothing to repeat; the quote is column 14.
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - name: num-dot\n"
        "    pattern: '^(?<no>[0-9])(?<title>+)$'\n");
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(StartsWith(e.Format(), "headings.yaml:4:37: invalid regex"));
    CHECK(e.Format().find("\n    pattern: '^(?<no>[0-9])(?<title>+)$'\n" + std::string(36, ' ') + "^") !=
          std::string::npos);
  }
  SECTION("plain scalar") {
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - name: num-dot\n"
        "    pattern: ^(?<no>[0-9])(?<title>+)$\n");
    CHECK(StartsWith(e.Format(), "headings.yaml:4:36: invalid regex"));
  }
  SECTION("Chinese characters in the pattern before the error") {
    // '*' at pattern offset 23 (code points); 一二三、 are one column each in
    // the position and two terminal columns each under the caret.
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - name: cn-dun\n"
        "    pattern: '^(?<no>[一二三])、(?<title>*)$'\n");
    CHECK(StartsWith(e.Format(), "headings.yaml:4:38: invalid regex"));
    CHECK(e.Format().find("\n    pattern: '^(?<no>[一二三])、(?<title>*)$'\n" + std::string(41, ' ') + "^") !=
          std::string::npos);
  }
}

TEST_CASE("rules: headers.yaml labels name their role's columns", "[rules]") {
  for (const auto& [role, label] : R().role_labels) {
    CAPTURE(label);
    CHECK(noticetab::HeaderRole(label, R()) == role);
  }
  CHECK(noticetab::RoleLabel(noticetab::Role::kDeadline, R()) == "完成时限");
}

TEST_CASE("rules error: missing required field", "[rules]") {
  SECTION("in a style: positioned at the style's mapping") {
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - name: cn-dun\n"
        "    examples: []\n");
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(StartsWith(e.Format(), "headings.yaml:3:5: "));
    CHECK(e.Format().find("'pattern'") != std::string::npos);
    CHECK(e.Format().find("\n  - name: cn-dun\n    ^") != std::string::npos);
  }
  SECTION("at the top level: positioned at the document") {
    const Error e = HeadingsError("markdown_prefix: '^#+\\s+'\n");
    CHECK(StartsWith(e.Format(), "headings.yaml:1:1: "));
    CHECK(e.Format().find("'styles'") != std::string::npos);
    CHECK(e.Format().find("\nmarkdown_prefix: '^#+\\s+'\n^") != std::string::npos);
  }
}

TEST_CASE("rules error: the other rule files are checked the same way", "[rules]") {
  // deadlines.yaml: an unknown deadline kind, at the kind's value.
  std::string text =
      "hint: '\\d'\n"
      "deadlines:\n"
      "  - name: soon\n"
      "    pattern: '^soon$'\n"
      "    kind: someday\n";
  try {
    noticetab::CompileRules(With("deadlines.yaml", text));
    FAIL("accepted an unknown deadline kind");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(StartsWith(e.Format(), "deadlines.yaml:5:11: "));
    CHECK(e.Format().find("someday") != std::string::npos);
  }
  // junk.yaml: an invalid pattern in a plain list.
  try {
    noticetab::CompileRules(With("junk.yaml", "junk:\n  - '^(关闭$'\n"));
    FAIL("accepted an invalid junk pattern");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(StartsWith(e.Format(), "junk.yaml:2:"));
    CHECK(e.Format().find("\n  - '^(关闭$'\n") != std::string::npos);
  }
}

TEST_CASE("rules error: the column counts characters, not UTF-8 bytes, before the error", "[rules]") {
  // Regression: yaml-cpp marks count bytes; each Chinese character before the
  // error shifted the column (and the caret) by two.
  SECTION("unknown key after Chinese text on the same line") {
    // 'p' of patern is the 18th character: "  - {name: " (11) + 中文名称 (4) + ", " (2).
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - {name: 中文名称, patern: x}\n");
    CHECK(StartsWith(e.Format(), "headings.yaml:3:18: "));
  }
  SECTION("YAML syntax error after Chinese text") {
    // The second ':' is the 15th character: "  - name: " (10) + 一级标题 (4).
    const Error e = HeadingsError(
        "markdown_prefix: '^#+\\s+'\n"
        "styles:\n"
        "  - name: 一级标题: x\n");
    CHECK(StartsWith(e.Format(), "headings.yaml:3:15: "));
  }
}

// ---------------------------------------------------------------- known defects

TEST_CASE("rules error: an unclosed bracket shows the line it opens on", "[rules]") {
  // Regression test; the bug was: the error is placed past the end of the file (5:1), where there is no
  // line to show, so the message has neither the offending line nor a caret.
  const Error e = HeadingsError(
      "markdown_prefix: '^#+\\s+'\n"
      "styles:\n"
      "  - name: cn-dun\n"
      "    pattern: [unclosed\n");
  CHECK(e.kind() == Error::Kind::kRules);
  CHECK(e.line() == 4);
  CHECK(e.Format().find("\n    pattern: [unclosed\n") != std::string::npos);
  CHECK(e.Format().find('^') != std::string::npos);
}

TEST_CASE("rules error: a CRLF rules file shows the offending line without its CR",
          "[rules]") {
  // Regression test; the bug was: the source line keeps its '\r', so the caret line follows a stray CR.
  const Error e = HeadingsError(
      "markdown_prefix: '^#+\\s+'\r\n"
      "styles:\r\n"
      "  - name: cn-dun\r\n"
      "    patern: x\r\n");
  CHECK(StartsWith(e.Format(), "headings.yaml:4:5: "));
  CHECK(e.Format().find('\r') == std::string::npos);
}

TEST_CASE("rules error: an unterminated quote at the end of the file", "[rules]") {
  // Regression test; the bug was: yaml-cpp takes a quoted scalar left open at the end of the
  // input as closed, so this file loaded and its pattern silently lacked the closing
  // quote's intent; a rules file is configuration and must be rejected.
  try {
    noticetab::CompileRules(With("headings.yaml",
                                 "markdown_prefix: '^#+\\s+'\n"
                                 "styles:\n"
                                 "  - name: cn-dun\n"
                                 "    pattern: '^(?<no>[一二三])、(?<title>.*)$\n"));
    FAIL("CompileRules accepted an unterminated quoted scalar");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kRules);
    CHECK(e.line() == 4);
    CHECK(e.col() == 14);
    CHECK(e.Format().find("\n    pattern: '^(?<no>[一二三])、(?<title>.*)$\n") != std::string::npos);
  }
}

TEST_CASE("rules: quotes inside comments, plain scalars, escapes and block scalars are not openers",
          "[rules]") {
  // Each of these is valid YAML whose quotes all close (or are not quotes at all).
  CHECK_NOTHROW(noticetab::CompileRules(With("headings.yaml",
                                             "# it's a comment\n"
                                             "markdown_prefix: '^#+\\s+' # don't\n"
                                             "styles:\n"
                                             "  - name: cn-dun's\n"
                                             "    level: 1\n"
                                             "    pattern: \"^(?<no>[一二三])、(?<title>[^\\\"']*)$\"\n")));
  CHECK_NOTHROW(noticetab::CompileRules(With("headings.yaml",
                                             "markdown_prefix: |\n"
                                             "  '^#+\\s+\n"
                                             "styles:\n"
                                             "  - name: cn-dun\n"
                                             "    level: 1\n"
                                             "    pattern: '^(?<no>[一二三])、(?<title>.*)$'\n")));
}
