// The one-pass reading of a table cell (src/stages.h CellFacts) and the
// view-based unit split must answer exactly as the string tests they stand
// for: Nfkc(RemoveSpaces(cell)) counted and searched, SplitTopLevel's copies,
// ClassifyCell as it read before the facts. The references below are those
// string tests, written out; every line and cell of the samples, the same
// with spaces, full-width and damaged variants, and every BMP character in
// a name are compared.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/interpret.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "noticetab/tokenize.h"
#include "stages.h"
#include "test_util.h"

namespace nt = noticetab;

namespace {

const nt::Rules& R() { return nt::BuiltinRules(); }

// ---- the references: the string tests, as they read before the facts ----

std::vector<std::string> RefSplit(std::string_view s, const nt::Rules& rules) {
  std::vector<std::string> out;
  size_t piece = 0, i = 0;
  int depth = 0;
  auto flush = [&] {
    std::string_view t = nt::Trim(s.substr(piece, i - piece));
    if (!t.empty()) out.emplace_back(t);
  };
  while (i < s.size()) {
    size_t next = i;
    const char32_t c = nt::NextChar(s, next);
    if (depth == 0) {
      bool collective = false;
      for (const auto& cs : rules.collective_starts)
        if (nt::StartsWith(s.substr(i), cs)) {
          if (auto m = rules.collective_name.Find(s.substr(i)); m.found && m.begin == 0 && m.end > 0) {
            i += m.end;
            collective = true;
          }
          break;
        }
      if (collective) continue;
      bool split = false;
      for (const auto& sep : rules.unit_separators)
        if (nt::StartsWith(s.substr(i), sep)) {
          flush();
          i += sep.size();
          piece = i;
          split = true;
          break;
        }
      if (split) continue;
    }
    if (rules.punct.opens.Has(c)) ++depth;
    if (rules.punct.closes.Has(c) && depth > 0) --depth;
    i = next;
  }
  flush();
  return out;
}

bool RefComplete(std::string_view name, const nt::Rules& rules) {
  std::string n = nt::RemoveSpaces(name);
  for (const auto& tail : rules.open_tails)
    if (n.size() > tail.size() && nt::EndsWith(n, tail)) {
      n.resize(n.size() - tail.size());
      break;
    }
  if (nt::CharCountUpTo(n, 2) < 2) return false;
  for (const auto& c : rules.collective_starts)
    if (nt::StartsWith(n, c) && n.size() > c.size()) return true;
  for (const auto& suf : rules.org_suffixes)
    if (nt::EndsWith(n, suf)) {
      for (const auto& e : rules.suffix_exceptions)
        if (nt::EndsWith(n, e)) return false;
      return true;
    }
  return false;
}

nt::CellShape RefClassify(std::string_view cell, const nt::Rules& rules) {
  using nt::CellShape;
  cell = nt::Trim(cell);
  if (cell.empty()) return CellShape::kEmpty;
  if (auto h = nt::MatchHeading(cell, rules))
    return rules.headings[h->style].level == 1 ? CellShape::kSectionLabel : CellShape::kItemLabel;
  std::string compact = nt::Nfkc(nt::RemoveSpaces(cell));
  size_t chars = nt::CharCount(compact);
  const bool dated = chars <= 24 && rules.deadline_hint.Contains(compact);
  if (dated) {
    for (const auto& d : rules.deadlines)
      if (d.re.Contains(compact)) return CellShape::kDeadline;
    if (compact.size() % 2 == 0 && compact.substr(0, compact.size() / 2) == compact.substr(compact.size() / 2))
      for (const auto& d : rules.deadlines)
        if (d.re.Contains(compact.substr(0, compact.size() / 2))) return CellShape::kDeadline;
  }
  if (nt::HasDamageMarkers(cell)) return CellShape::kGarbage;
  bool sentence = rules.punct.sentence_mark.In(compact);
  if (chars <= 200) {
    if (auto m = rules.lead_clause.Find(cell); m.found && !m.Group("lead").empty()) {
      auto lead = RefSplit(m.Group("lead"), rules);
      if (!lead.empty() &&
          std::all_of(lead.begin(), lead.end(), [&](const std::string& n) { return RefComplete(n, rules); }))
        return CellShape::kUnits;
    }
  }
  if (!sentence && chars <= 200) {
    auto names = RefSplit(cell, rules);
    size_t complete = 0;
    for (const auto& n : names) complete += RefComplete(n, rules);
    // Words beside a name ending like a unit's (开展学校及…检查): no name
    // opens as a unit does and an incomplete one is longer than a cut piece.
    bool starts = false, long_words = false;
    for (const auto& n : names) {
      std::string_view after = n;  // after a key (牵头单位：县财政局)
      for (size_t c; (c = rules.punct.colon.Find(after)) != std::string_view::npos;)
        after.remove_prefix(c + rules.punct.colon.StartLength(after.substr(c)));
      starts = starts || nt::StartsLikeUnit(after, rules);
      long_words = long_words || (!RefComplete(n, rules) && nt::CharCount(n) > nt::kLongestCutName);
    }
    if (!names.empty() && complete * 2 >= names.size() + (names.size() > 2 ? 1 : 0) && complete >= 1 &&
        (chars <= 12 * names.size() + 8 ||
         (complete == names.size() && chars <= 12 * names.size() + 8 + nt::UnitKeyChars(cell, rules))) &&
        !(long_words && !starts))
      return CellShape::kUnits;
  }
  if (chars > 16 || dated) return CellShape::kText;  // a date no pattern reads is no debris
  if (rules.year_in_text.Contains(cell)) return CellShape::kText;  // nor a numeric date
  size_t han = 0, noise = 0, longest_han = 0;
  for (const auto& t : nt::Tokenize(cell, rules)) {
    if (t.kind == nt::TokenKind::kHan || t.kind == nt::TokenKind::kCjkNumeral) {
      ++han;
      longest_han = std::max(longest_han, nt::CharCount(t.text));
    } else if (t.kind != nt::TokenKind::kSpace) {
      ++noise;
    }
  }
  if (longest_han <= 1 && (han + noise) >= 2) return CellShape::kGarbage;
  return CellShape::kText;
}

// The facts against the string tests they stand for; "" when they agree.
std::string FactsDiffer(std::string_view s, const nt::Rules& rules) {
  const nt::CellFacts f = nt::ReadCellFacts(s, rules);
  const nt::Punctuation& pu = rules.punct;
  const std::string raw = nt::RemoveSpaces(s);
  std::string why;
  if (f.raw_known) {
    if (f.chars != nt::CharCount(raw)) why += " chars";
    if (f.all_chars != nt::CharCount(s)) why += " all_chars";
    if (f.raw_sentence != pu.sentence_mark.In(raw)) why += " raw_sentence";
    if (f.raw_semicolon != pu.semicolon.In(raw)) why += " raw_semicolon";
    if (f.raw_comma != pu.comma.In(raw)) why += " raw_comma";
    if (nt::HasDamageMarkers(s) && !(f.ascii_paren && s.find("(cid:") != std::string_view::npos)) why += " damage";
  } else if (f.compact_known) {
    why += " compact without raw";
  }
  if (f.compact_known) {
    const std::string compact = nt::Nfkc(raw);
    if (f.chars != nt::CharCount(compact)) why += " compact chars";
    if (f.sentence != pu.sentence_mark.In(compact)) why += " sentence";
    if (f.short_size <= f.short_compact.size() && std::string_view(f.short_compact.data(), f.short_size) != compact)
      why += " short_compact";
    if (f.short_size > f.short_compact.size() && nt::CharCount(compact) <= 24) why += " short_compact not kept";
  }
  return why;
}

// Cells to compare: every line of the samples, its tab / pipe / space cells,
// and variants with spaces, full-width and ASCII marks and damage.
std::vector<std::string> Cells() {
  namespace fs = std::filesystem;
  std::vector<std::string> lines;
  const fs::path root = nt::testing::SourceDir();
  for (const char* dir : {"samples", "samples/composed"})
    for (const auto& e : fs::directory_iterator(root / dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
      std::string text = nt::testing::ReadFile(e.path().string());
      for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
      }
    }
  std::vector<std::string> cells;
  for (const auto& l : lines) {
    cells.push_back(l);
    for (char sep : {'\t', '|'}) {
      size_t at = 0;
      for (size_t end; (end = l.find(sep, at)) != std::string::npos; at = end + 1) cells.push_back(l.substr(at, end - at));
      cells.push_back(l.substr(at));
    }
  }
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  auto replaced = [](std::string s, std::string_view from, std::string_view to) {
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
  };
  const size_t n = cells.size();
  for (size_t k = 0; k < n; ++k) {
    const std::string c = cells[k];
    if (c.size() > 400) continue;
    cells.push_back("  " + c + "\xE3\x80\x80");                        // spaces around, U+3000
    cells.push_back(replaced(c, "\xE5\xB1\x80", "\xE5\xB1\x80 "));      // a space after every 局
    cells.push_back(replaced(c, "\xE3\x80\x82", "\xEF\xBC\x8E"));       // 。 -> ．
    cells.push_back(replaced(c, "\xEF\xBC\x8C", ","));                  // ， -> ,
    cells.push_back(replaced(c, "\xE3\x80\x81", "\xC2\xA0\xE3\x80\x81"));  // NBSP before 、
    cells.push_back(replaced(c, "\xE5\xB8\x82", "\xE5\xB8\x82\xC2\xA0"));      // NBSP after every 市
    cells.push_back(replaced(c, "\xE5\x8E\xBF", "\xE5\x8E\xBF\xE2\x80\x83"));  // U+2003 after every 县
    if (k % 7 == 0) cells.push_back(c + "(cid:12)");
    if (k % 11 == 0) cells.push_back(c + "\xEF\xBF\xBD");
    if (k % 13 == 0) cells.push_back(c + "\xE5\xB1");  // a cut sequence
    if (k % 17 == 0) cells.push_back("\xE3\x80\x8A" + c + "\xE3\x80\x8B");  // 《…》: NFKC by ICU
  }
  return cells;
}

}  // namespace

TEST_CASE("CellFacts agree with the string tests, on the samples' cells and variants", "[classify][facts]") {
  const auto cells = Cells();
  REQUIRE(cells.size() > 2000);
  size_t compact = 0, differ = 0;
  for (const auto& c : cells) {
    const std::string why = FactsDiffer(c, R());
    if (!why.empty() && ++differ <= 10) FAIL_CHECK("facts differ (" << why << ") for: " << c);
    compact += nt::ReadCellFacts(c, R()).compact_known;
  }
  CHECK(differ == 0);
  CHECK(compact * 10 > cells.size() * 7);  // most cells are read by the pass alone
}

TEST_CASE("CellFacts agree with NFKC for every BMP character in a name", "[classify][facts]") {
  size_t differ = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s = "\xE5\xB8\x82";  // 市
    nt::AppendUtf8(s, c);
    s += "\xE5\xB1\x80\xE3\x80\x82";  // 局。
    const std::string why = FactsDiffer(s, R());
    if (!why.empty() && ++differ <= 10) FAIL_CHECK("facts differ (" << why << ") for U+" << std::hex << unsigned(c));
  }
  CHECK(differ == 0);
}

TEST_CASE("CellFacts follow punctuation.yaml: a mark NFKC makes, an ideograph as a mark", "[classify][facts]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : nt::EmbeddedRules()) {
    std::string text(t);
    if (name == "punctuation.yaml") {
      auto set = [&](const std::string& key, const std::string& value) {
        const size_t at = text.find("\n" + key + ":");
        REQUIRE(at != std::string::npos);
        const size_t end = text.find('\n', at + 1);
        text.replace(at + 1, end - at - 1, key + ": \"" + value + "\"");
      };
      set("sentence_mark", "\xE3\x80\x82.");      // 。 and ASCII . (．U+FF0E is . to NFKC)
      set("comma", "\xEF\xBC\x8C,\xE4\xB9\x8B");  // ，, and 之
    }
    files.emplace_back(std::string(name), text);
  }
  const nt::Rules rules = nt::CompileRules(files);
  for (const std::string s : {"\xE5\xB8\x82\xE5\xB1\x80\xEF\xBC\x8E", "\xE5\xB8\x82\xE4\xB9\x8B\xE5\xB1\x80", "a.b",
                              "\xE5\xB8\x82 \xE5\xB1\x80"}) {
    INFO(s);
    CHECK(FactsDiffer(s, rules).empty());
  }
  const nt::CellFacts wide_stop = nt::ReadCellFacts("\xE5\xB8\x82\xE5\xB1\x80\xEF\xBC\x8E", rules);  // 市局．
  CHECK(wide_stop.compact_known);
  CHECK(wide_stop.sentence);
  CHECK_FALSE(wide_stop.raw_sentence);
  CHECK(nt::ReadCellFacts("\xE5\xB8\x82\xE4\xB9\x8B\xE5\xB1\x80", rules).raw_comma);  // 市之局
  for (const auto& c : Cells()) {
    const std::string why = FactsDiffer(c, rules);
    if (!why.empty()) FAIL("facts differ (" << why << ") for: " << c);
  }
}

TEST_CASE("ClassifyCell, SplitTopLevel and IsCompleteUnit answer as the string tests", "[classify][facts]") {
  size_t differ = 0;
  for (const auto& c : Cells()) {
    if (nt::ClassifyCell(c, R()) != RefClassify(c, R()) && ++differ <= 10) FAIL_CHECK("ClassifyCell differs for: " << c);
    const nt::CellFacts f = nt::ReadCellFacts(c, R());
    if (nt::ClassifyCell(c, R(), f) != RefClassify(c, R()) && ++differ <= 10)
      FAIL_CHECK("ClassifyCell with facts differs for: " << c);
    const auto pieces = RefSplit(c, R());
    if (nt::SplitTopLevel(c, R()) != pieces && ++differ <= 10) FAIL_CHECK("SplitTopLevel differs for: " << c);
    for (const auto& p : pieces)
      if (nt::IsCompleteUnit(p, R()) != RefComplete(p, R()) && ++differ <= 10)
        FAIL_CHECK("IsCompleteUnit differs for: " << p);
    if (nt::HasSpace(c) != (nt::RemoveSpaces(c) != c) && ++differ <= 10)
      FAIL_CHECK("HasSpace disagrees with RemoveSpaces on: " << c);
  }
  CHECK(differ == 0);
}

TEST_CASE("the filters derived from the rules when they load match their lists", "[classify][facts]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : nt::EmbeddedRules()) files.emplace_back(std::string(name), std::string(t));
  const nt::Rules compiled = nt::CompileRules(files);
  for (const nt::Rules* rules : {&R(), &compiled}) {
    size_t longest = 0;
    for (const auto& kv : rules->header_synonyms) longest = std::max(longest, kv.first.size());
    CHECK(rules->header_synonym_longest == longest);
    auto ends = [](const std::vector<std::string>& words) {
      uint64_t bits = 0;
      for (const auto& w : words) bits |= w.empty() ? ~uint64_t{0} : uint64_t{1} << (static_cast<unsigned char>(w.back()) & 63);
      return bits;
    };
    CHECK(rules->org_suffix_ends == ends(rules->org_suffixes));
    CHECK(rules->open_tail_ends == ends(rules->open_tails));
    std::u32string firsts;
    uint64_t bits = 0;
    for (const auto* list : {&rules->collective_starts, &rules->unit_separators})
      for (const auto& w : *list) {
        size_t k = 0;
        REQUIRE(!w.empty());
        firsts.push_back(nt::NextChar(w, k));
        bits |= uint64_t{1} << (firsts.back() & 63);
      }
    CHECK(rules->unit_split_ready);
    CHECK_FALSE(rules->unit_split_every);
    CHECK(rules->unit_split_firsts == firsts);
    CHECK(rules->unit_split_first_bits == bits);
  }
  // SplitTopLevel with the filter made per call (a Rules built by hand) splits the same.
  nt::Rules unready = nt::CompileRules(files);
  unready.unit_split_ready = false;
  unready.unit_split_firsts.clear();
  unready.unit_split_first_bits = 0;
  for (const auto& c : Cells())
    if (nt::SplitTopLevel(c, unready) != nt::SplitTopLevel(c, R())) FAIL("SplitTopLevel differs without the filter: " << c);
  // A Rules built by hand has no filters: every word is compared.
  const nt::Rules by_hand;
  CHECK(by_hand.header_synonym_longest == SIZE_MAX);
  CHECK(by_hand.org_suffix_ends == ~uint64_t{0});
  CHECK(by_hand.open_tail_ends == ~uint64_t{0});
  CHECK_FALSE(by_hand.unit_split_ready);
  // HeaderRole of a long line and of a synonym, with the filter on.
  CHECK(nt::HeaderRole("\xE8\xB4\xA3\xE4\xBB\xBB\xE5\x8D\x95\xE4\xBD\x8D", R()) == nt::Role::kUnits);  // 责任单位
}

static const nt::Rules& other_rules_marker() {
  static const nt::Rules by_hand;
  return by_hand;
}

TEST_CASE("SplitTopLevel and HeaderRole under a TextMemo answer as without one", "[classify][facts]") {
  const auto cells = Cells();
  std::vector<std::string_view> got;
  size_t differ = 0;
  {
    nt::TextMemo memo(R());
    for (int round = 0; round < 2; ++round)  // the first round fills the memo, the second reads it
      for (const auto& c : cells) {
        // A copy at another address: the pieces are views into the text given.
        const std::string copy = c;
        nt::SplitTopLevel(copy, R(), &got);
        const std::vector<std::string> as_strings(got.begin(), got.end());
        if (as_strings != RefSplit(c, R()) && ++differ <= 10) FAIL_CHECK("SplitTopLevel under a memo differs for: " << c);
        for (auto p : got)
          if ((p.data() < copy.data() || p.data() + p.size() > copy.data() + copy.size()) && ++differ <= 10)
            FAIL_CHECK("a piece outside the text given for: " << c);
      }
    for (int round = 0; round < 2; ++round)
      for (const auto& c : cells) {
        const std::string copy = c;
        nt::Role plain;
        {
          nt::TextMemo none(other_rules_marker());  // another rules' memo: HeaderRole reads the text
          plain = nt::HeaderRole(copy, R());
        }
        if (nt::HeaderRole(copy, R()) != plain && ++differ <= 10) FAIL_CHECK("HeaderRole under a memo differs for: " << c);
      }
    // Other rules are not answered from the memo.
    nt::Rules other;  // built by hand: splits on "/" only
    other.unit_separators = {"/"};
    CHECK(nt::SplitTopLevel("a/b", other) == std::vector<std::string>{"a", "b"});
    {
      nt::TextMemo inner(other);  // nested: the inner memo answers for its rules
      CHECK(nt::SplitTopLevel("a/b", other) == std::vector<std::string>{"a", "b"});
      CHECK(nt::SplitTopLevel("a/b", other) == std::vector<std::string>{"a", "b"});
    }
  }
  CHECK(differ == 0);
  CHECK(!cells.empty());
}

// CellReader (the interpreter's reader) skips a deadline search when the
// short cell lacks every character of one of the regex's required literals:
// it must answer as ClassifyCell, which searches every time, on every cell
// of the samples and their variants and on every line and cell of the real
// corpus (../shared/corpus/real, when it is there).
TEST_CASE("CellReader answers as ReadCellFacts and ClassifyCell on real cells", "[classify][facts]") {
  namespace fs = std::filesystem;
  std::vector<std::string> cells = Cells();
  for (auto& c : nt::testing::LinesAndCells({fs::path(nt::testing::SourceDir()) / ".." / "shared" / "corpus" / "real"}))
    cells.push_back(std::move(c));
  REQUIRE(cells.size() > 2000);
  const nt::CellReader reader(R());
  size_t differ = 0, deadlines = 0;
  for (const auto& c : cells) {
    const nt::CellFacts f = reader.Facts(c), g = nt::ReadCellFacts(c, R());
    if ((f.raw_known != g.raw_known || f.compact_known != g.compact_known || f.chars != g.chars ||
         f.sentence != g.sentence || f.short_size != g.short_size) &&
        ++differ <= 10)
      FAIL_CHECK("CellReader's facts differ for: " << c);
    const nt::CellShape shape = reader.Classify(c, f);
    deadlines += shape == nt::CellShape::kDeadline;
    if (shape != nt::ClassifyCell(c, R(), g) && ++differ <= 10) FAIL_CHECK("CellReader::Classify differs for: " << c);
  }
  // Short cells the debris test reads: two ideographs in a row, numerals
  // among them (十月 is a numeral and a Han token of one character each).
  for (const std::string c : {"\xE5\xB7\xA5\xE4\xBD\x9C", "\xE5\x8D\x81\xE6\x9C\x88", "\xE4\xB8\x80\xE4\xBA\x8C",
                              "\xE5\x8D\x81\xE6\x9C\x88\xE4\xB8\x89", "a\xE5\xB8\x82" "b", "\xE6\x9C\x88 1 \xE6\x97\xA5 2",
                              "\xE5\xB8\x82\xEF\xBC\x8C\xE5\xB1\x80", "x y"})
    if (reader.Classify(c, reader.Facts(c)) != nt::ClassifyCell(c, R()) && ++differ <= 10)
      FAIL_CHECK("CellReader::Classify differs for: " << c);
  CHECK(nt::ClassifyCell("\xE5\x8D\x81\xE6\x9C\x88", R()) == nt::CellShape::kGarbage);  // 十月: one character a token
  CHECK(differ == 0);
  CHECK(deadlines > 100);  // the gated searches were made, and found
  // Rules whose deadline phrases differ get gates of their own.
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, t] : nt::EmbeddedRules()) {
    std::string text(t);
    if (name == "deadlines.yaml") {
      const size_t at = text.find("\nhint:");
      REQUIRE(at != std::string::npos);
      text.replace(at + 1, text.find('\n', at + 1) - at - 1, "hint: '(\\d{1,4}\\s*[年月日]|年底|年末|年内|全年|季度|半年|长期|持续|常态|每[年月季周]|底前|月底|即时|随时|下周)'");
      const size_t ongoing = text.find("pattern: '^(");
      REQUIRE(ongoing != std::string::npos);
      text.insert(ongoing + 12, "下周|");
    }
    files.emplace_back(std::string(name), text);
  }
  const nt::Rules own = nt::CompileRules(files);
  const nt::CellReader builtin(R()), other(own);
  const std::string next_week = "\xE4\xB8\x8B\xE5\x91\xA8";  // 下周
  CHECK(builtin.Classify(next_week, builtin.Facts(next_week)) != nt::CellShape::kDeadline);
  CHECK(other.Classify(next_week, other.Facts(next_week)) == nt::CellShape::kDeadline);
  CHECK(nt::ClassifyCell(next_week, own) == nt::CellShape::kDeadline);
}

TEST_CASE("CellFacts of long ideograph runs broken anywhere agree with the string tests", "[classify][facts]") {
  // The pass reads runs of U+4000-U+9FFF ten and five at a time: every
  // break of the run (a mark, ASCII, a 2-byte or other 3-byte character, a
  // cut or bad sequence, a space) at every position of a run long enough for
  // several blocks, and the run's end at every length.
  const std::string han[] = {"\xE5\xB8\x82", "\xE4\xB8\x80", "\xE9\xBE\xA5", "\xE5\xB1\x80"};  // 市 一 龥 局
  const std::string breaks[] = {"\xE3\x80\x82", "\xEF\xBC\x8C", "a", " ", "(", "\xC2\xA0", "\xC3\xA9",
                                "\xE3\x80\x80", "\xE5\xB8", "\x80", "\xED\x9F\xBF", "\xEF\xBF\xBD",
                                "\xF0\x9F\x98\x80", "\xE3\x81\x82", "\xEA\xB0\x80", "\xEF\xBC\x8E",
                                "\xE5\x80" "a", "\xE4" "ab"};  // leads cut by ASCII
  size_t differ = 0, checked = 0;
  for (size_t len = 0; len <= 40; ++len) {
    std::string run;
    for (size_t k = 0; k < len; ++k) run += han[k % 4];
    for (size_t lead = 0; lead < 3; ++lead) {  // the run at every offset from the cell's start
      const std::string head = lead == 0 ? "" : lead == 1 ? "a" : "\xE3\x80\x81";
      const std::string plain = head + run;
      if (const std::string why = FactsDiffer(plain, R()); !why.empty() && ++differ <= 10)
        FAIL_CHECK("facts differ (" << why << ") for: " << plain);
      ++checked;
      for (const auto& b : breaks)
        for (size_t at = 0; at <= len; at += 1) {
          const std::string c = head + run.substr(0, 3 * at) + b + run.substr(3 * at);
          if (const std::string why = FactsDiffer(c, R()); !why.empty() && ++differ <= 10)
            FAIL_CHECK("facts differ (" << why << ") for: " << c);
          ++checked;
        }
    }
  }
  CHECK(checked > 10000);
  CHECK(differ == 0);
}

TEST_CASE("KeptIdeographs counts as the byte-by-byte scan, on real cells and broken bytes", "[classify][facts]") {
  // The scan it stands for: a kept ideograph is stepped over, any other byte alone.
  auto ref = [](std::string_view s, size_t limit) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = 0;
    for (size_t i = 0; i + 2 < s.size() && n < limit;) {
      const unsigned b = p[i];
      if ((b - 0xE5u <= 0xE9u - 0xE5u || (b == 0xE4 && p[i + 1] >= 0xB8)) && (p[i + 1] & 0xC0) == 0x80 &&
          (p[i + 2] & 0xC0) == 0x80)
        ++n, i += 3;
      else
        ++i;
    }
    return n;
  };
  std::vector<std::string> texts = Cells();
  // Every byte value at every position of a run of ideographs (cut, doubled
  // and stray leads and continuation bytes, E4 before and after B8).
  const std::string run = "\xE5\xB8\x82\xE4\xB8\x80\xE4\xB7\xBF\xE9\xBE\xA5\xE5\xB1\x80\xE5\xB8\x82\xE4\xB8\x80\xE9\xBE\xA5";
  for (unsigned b = 0; b < 256; ++b)
    for (size_t at = 0; at <= run.size(); ++at) {
      std::string t = run + run;
      t.insert(at, 1, static_cast<char>(b));
      texts.push_back(t);
    }
  size_t differ = 0, checked = 0;
  for (const auto& t : texts)
    for (size_t from = 0; from < 3 && from <= t.size(); ++from)
      for (size_t limit : {size_t{0}, size_t{1}, size_t{5}, size_t{9}, size_t{24}, size_t{201}, t.size()}) {
        const std::string_view v = std::string_view(t).substr(from);
        ++checked;
        if (nt::KeptIdeographs(v, limit) != ref(v, limit) && ++differ <= 10)
          FAIL_CHECK("KeptIdeographs " << nt::KeptIdeographs(v, limit) << " != " << ref(v, limit) << " (limit " << limit
                                       << ") for: " << v);
      }
  CHECK(checked > 100000);
  CHECK(differ == 0);
}
