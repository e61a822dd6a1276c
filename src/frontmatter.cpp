// Front matter (GB/T 9704-2012): 发文机关, 文号, title, 主送, 成文日期, 公开属性,
// 附件说明, 抄送, 印发机关 and date. Absent elements stay empty, never guessed.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "join.h"
#include "noticetab/read.h"
#include "noticetab/text.h"
#include "readers/readers.h"
#include "stages.h"

namespace noticetab {
namespace {

// 二〇二三 -> 2023 (digit by digit); 二十 -> 20, 三十一 -> 31 (place value).
std::optional<std::string> IsoDate(const Regex::Match& m, const Numerals& numerals) {
  int y = numerals.Value(m.Group("y")), mo = numerals.Value(m.Group("m")), d = numerals.Value(m.Group("d"));
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, mo, d);
}

std::string Clean(std::string_view s) { return JoinCjkSpaces(Trim(s)); }

// Strips a markdown heading/list prefix ("# ", "- ").
std::string_view StripMarkdown(std::string_view s, const Rules& rules) {
  if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
  return s;
}

// A list piece of two characters at most that names no unit (中央, 省): a
// level word, a part of the name after it.
bool BareLevel(const std::string& p, const Rules& rules) {
  return CharCountUpTo(p, 3) <= 2 && !IsCompleteUnit(p, rules) && !rules.short_names.contains(p);
}

// Appends p to *out; a bare body after a name ending in its partner
// (各乡镇党委、人民政府, 各乡镇党委和人民政府) takes that name's place
// (frontmatter.yaml bare_bodies).
void AddRecipient(std::string p, const Rules& rules, std::vector<std::string>* out) {
  if (!out->empty())
    if (const std::string_view place = BareBodyPlace(out->back(), p, rules); !place.empty()) p.insert(0, place);
  out->push_back(std::move(p));
}

std::vector<std::string> SplitList(std::string_view s, const Rules& rules) {
  std::vector<std::string> out;
  std::string bare;  // short pieces that name no unit, kept for the next (中央、省、)
  const std::string& mark = rules.punct.enumeration.utf8().front();
  std::vector<std::string_view> pieces;
  SplitTopLevel(s, rules, &pieces);
  for (size_t k = 0; k < pieces.size(); ++k) {
    std::string p = Clean(pieces[k]);
    p.resize(rules.punct.full_stop.TrimEnd(p).size());
    if (p.empty()) continue;
    // 保护区、开发区、风景区管委会: each place's 管委会; 各市州、县市区人民政府:
    // each collective's 人民政府, with its 各.
    std::string_view start;
    p += SharedHead(s, pieces, k, rules, &start);
    p.insert(0, start);
    // A space between a CJK name and its bracket (各县区人民政府 (管委会)): none in the name.
    for (size_t q = rules.punct.opens.Find(p); q != std::string::npos; q = rules.punct.opens.Find(p, q + 1)) {
      size_t b = q;
      while (b > 0 && p[b - 1] == ' ') --b;
      if (b > 0 && b < q && static_cast<unsigned char>(p[b - 1]) >= 0x80) p.erase(b, q - b), q = b;  // after CJK only
    }
    // A recipient whose own name holds the list mark (中央、省、市驻某有关
    //单位: the bodies of three levels stationed here): its pieces before
    // the last are a level word or two (two characters at most) that name no
    // unit on their own, and the whole with them does.
    const size_t after = static_cast<size_t>(pieces[k].data() + pieces[k].size() - s.data());
    if (k + 1 < pieces.size() && Trim(s.substr(after)).starts_with(mark) && BareLevel(p, rules)) {
      bare += p + mark;
      continue;
    }
    if (!bare.empty()) {
      if (IsCompleteUnit(bare + p, rules)) {
        p.insert(0, bare);
      } else {
        // Not one name: the pieces as printed.
        for (size_t at = 0, next; (next = bare.find(mark, at)) != std::string::npos; at = next + mark.size())
          out.push_back(bare.substr(at, next - at));
      }
      bare.clear();
    }
    // 县政府各部门并有关单位: two (units.yaml conjunctions).
    if (size_t len = 0, at = ConjunctionAt(p, rules, &len); at != std::string::npos) {
      std::string right(Trim(std::string_view(p).substr(at + len)));
      p.resize(Trim(std::string_view(p).substr(0, at)).size());
      AddRecipient(std::move(p), rules, &out);
      p = std::move(right);
    }
    AddRecipient(std::move(p), rules, &out);
  }
  return out;
}

// An entry of a numbered list, "2．title": its number (-1 when the text does
// not start with a digit marker) and the title after the marker.
// `decimal`: the marker may be a decimal point instead (1.5万吨: an ASCII
// full stop between digits).
// `sub`: a sub-annex's second number (1-2．title: no 1, sub 2), 0 when none.
struct ListEntry {
  int no = -1;
  std::string_view title;
  bool decimal = false;
  int sub = 0;
  /// Whether e may come next in a list whose last entry this is: 2 after 1,
  /// 1-2 after 1-1, 2 or 2-1 after 1-2.
  bool FollowedBy(const ListEntry& e) const {
    return (e.no == no + 1 && e.sub <= 1) || (sub > 0 && e.no == no && e.sub == sub + 1);
  }
};

ListEntry ListEntryOf(std::string_view s, const Rules& rules) {
  s = Trim(s);
  // 1-2．title: the numbers, a hyphen (ASCII or full-width) between.
  size_t i = 0;
  auto number = [&] {
    const size_t from = i;
    while (i < s.size() && i - from < 2 && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from ? std::atoi(std::string(s.substr(from, i - from)).c_str()) : -1;
  };
  if (const int no = number(); no > 0) {
    size_t at = i;
    NextChar(s, at);
    if (at > i && Nfkc(s.substr(i, at - i)) == "-") {  // - or its full-width form
      i = at;
      if (const int sub = number(); sub > 0) {
        at = i;
        const char32_t dot = NextChar(s, at);
        if (rules.punct.marker_ends.Has(dot) && at < s.size()) return {no, Trim(s.substr(at)), false, sub};
      }
    }
  }
  const LineShape shape = ShapeOf(Tokenize(s, rules), rules);
  if (shape.marker != MarkerKind::kDigitDot || shape.marker_end >= s.size()) return {};
  size_t at = shape.marker_end;
  const bool decimal = s[shape.marker_end - 1] == '.' && IsDigit(NextChar(s, at));
  return {shape.marker_value, Trim(s.substr(shape.marker_end)), decimal};
}

// A title's last line: title_line, or plan_title_line (2025年某镇安全生产重点工作任务).
// A title names its subject and its kind: five characters at least (关于X的函).
// A shorter line ending so is a menu entry or a subheading (规划计划, 工作要点).
bool IsTitleLine(std::string_view s, const Rules& rules) {
  if (CharCountUpTo(s, 5) < 5) return false;
  return rules.title_line.Contains(s) || rules.plan_title_line.Contains(s);
}

// The rest of a title wrapped after the line that seemed to end it: the short
// text lines from `from` on (blank lines skipped, at most three) joined to
// `title` up to the first that makes it end with title_closing and leave no
// pair (《) open. The joined title and its last line, or nothing when no line
// ends it (the title stays as it was): a line that is a 文号, a sentence or
// longer than a title's line stops the search.
std::optional<std::pair<std::string, size_t>> WrappedTitleEnd(const std::vector<Line>& lines, size_t from,
                                                              size_t end, std::string title, const Rules& rules) {
  int taken = 0;
  for (size_t j = from; j < end && taken < 3; ++j) {
    if (lines[j].kind == LineKind::kBlank) continue;
    if (lines[j].kind != LineKind::kText) return std::nullopt;
    const std::string next = RemoveSpaces(StripMarkdown(lines[j].text, rules));
    if (next.empty() || CharCount(next) > 40 || EndsSentence(next, rules) || rules.doc_number.Contains(next) ||
        rules.title_opening.Contains(next))
      return std::nullopt;
    title += next;
    ++taken;
    if (CharCount(title) > 80) return std::nullopt;
    if (rules.title_closing.Contains(title) && !rules.punct.LeavesOpen(title))
      return std::make_pair(std::move(title), j);
  }
  return std::nullopt;
}

// The rest of a 关于 title whose line ended in a closing word that does not
// close it (关于分解落实2024年县政府工作报告 / 主要目标任务的通知: the report
// is what the notice is about; title_whole): the short lines after it, as
// WrappedTitleEnd joins them, when they end the title with its kind after
// 的. Nothing when the title is whole or no line ends it so.
std::optional<std::pair<std::string, size_t>> TitleGoesOn(const std::vector<Line>& lines, size_t from, size_t end,
                                                          const std::string& title, const Rules& rules) {
  if (!rules.title_opening.Contains(title) || rules.title_whole.Contains(title)) return std::nullopt;
  auto more = WrappedTitleEnd(lines, from, end, title, rules);
  if (!more || !rules.title_whole.Contains(more->first)) return std::nullopt;
  return more;
}

// Whether s starts with the list mark (、): a line wrapped right before it (a
// naive re-typing at a fixed width) goes on from the line above.
bool StartsWithListMark(std::string_view s, const Punctuation& p) { return p.enumeration.StartLength(Trim(s)) > 0; }

bool EndsWithListSeparator(std::string_view s, const Punctuation& p) {
  s = Trim(s);
  return p.comma.Ends(s) || p.enumeration.Ends(s) || p.semicolon.Ends(s);
}

// A unit list's line `line` whose end cut a name the text after it
// completes (县直有关 / 单位，县属各国有企业；驻 / 岚有关单位): a list of
// names up to its last piece, which names no unit, and with the first piece
// of `after` does. (A 文号 or title line over the 主送 is no such list.)
bool CutInsideName(std::string_view line, std::string_view after, const Rules& rules) {
  if (EndsSentence(line, rules) || rules.punct.colon.In(line)) return false;
  const auto pieces = SplitTopLevel(line, rules), next = SplitTopLevel(after, rules);
  if (pieces.size() < 2 || next.empty()) return false;
  for (size_t k = 0; k + 1 < pieces.size(); ++k)
    if (!IsCompleteUnit(pieces[k], rules) && !BareLevel(RemoveSpaces(pieces[k]), rules)) return false;
  const std::string last = RemoveSpaces(pieces.back());
  std::string first = RemoveSpaces(next.front());
  first.resize(rules.punct.colon.TrimEnd(first).size());
  return !last.empty() && !IsCompleteUnit(last, rules) && IsCompleteUnit(last + first, rules);
}

// Whether the next line of text after `at` (blank lines skipped, before
// `end`) holds a 文号.
bool NumberUnder(const std::vector<Line>& lines, size_t at, size_t end, const Rules& rules) {
  size_t j = at + 1;
  while (j < end && lines[j].kind == LineKind::kBlank) ++j;
  return j < end && lines[j].kind == LineKind::kText && rules.doc_number.Contains(RemoveSpaces(lines[j].text));
}

std::optional<std::string> IssuerAbove(const std::vector<Line>& lines, size_t date_at, const Rules& rules);

// Whether names printed apart are joint issuers, each a unit of its own:
// every one after the first names its own place (a level of units.yaml
// collective_heads inside it), and none is a bare place. 柳溪县人民政府 办公室
// and 柳溪县 人民政府 are one name spaced (the office is the government's).
template <typename Names>
bool EachNamesItsPlace(const Names& names, const Rules& rules) {
  const auto& levels = rules.unit_collective_levels;
  auto holds = [&](std::string_view n) {
    return std::any_of(levels.begin(), levels.end(), [&](const std::string& l) { return n.find(l) != std::string_view::npos; });
  };
  auto bare = [&](std::string_view n) {
    return std::any_of(levels.begin(), levels.end(), [&](const std::string& l) { return n.ends_with(l); });
  };
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string_view n = names[k];
    if (bare(n) || (k > 0 && !holds(n))) return false;
  }
  return true;
}

std::optional<std::string> SignatureIssuer(std::string_view text, const Rules& rules);

// Whether line `at` belongs to another notice printed after ours (转发:
// the forwarded notice's full text under our 署名): a 主送 line naming a unit
// stands above it and under a 成文日期 signed by an issuer (ours). Our own
// 附件说明 sits between our body and our 署名.
bool InAnotherNotice(const std::vector<Line>& lines, size_t at, const Rules& rules) {
  for (size_t j = at; j-- > 0;) {
    if (lines[j].kind != LineKind::kText) continue;
    const std::string_view t = Trim(lines[j].text);
    const auto m = rules.recipients_line.Find(t);
    if (!m.found) continue;
    const auto names = SplitList(m.Group("r"), rules);
    if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return IsCompleteUnit(n, rules); }))
      continue;
    for (size_t k = j; k-- > 0;) {
      if (lines[k].kind != LineKind::kText) continue;
      const std::string c = RemoveSpaces(lines[k].text);
      const auto d = rules.date.Find(c);
      if (d.found && d.begin == 0 && d.end == c.size() && IssuerAbove(lines, k, rules)) return true;
    }
    return false;
  }
  return false;
}

// A 主送 with no title above it (lines[first..last], its names `names`):
// the page starts there, so no line before it ends a sentence (only site
// metadata, chrome, the red head or the 文号 come first), a line of text
// follows it (the notice's first sentence), and it names a unit
// (各镇政府, 县政府各部门). A lead-in (具体要求如下：) names none.
bool UntitledRecipients(const std::vector<Line>& lines, size_t first, size_t last,
                        const std::vector<std::string>& names, const Rules& rules) {
  if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return IsCompleteUnit(n, rules); }))
    return false;
  for (size_t j = 0; j < first; ++j)
    if (lines[j].kind == LineKind::kText && EndsSentence(RemoveSpaces(lines[j].text), rules)) return false;
  size_t next = last + 1;
  while (next < lines.size() && lines[next].kind == LineKind::kBlank) ++next;
  return next < lines.size() && lines[next].kind == LineKind::kText;
}

// Whether a 主送 candidate's names hold an organ: one complete unit name
// (县政府各部门, 上饶高新区) or a collective (各有关单位). A page's chrome
// ending in a colon (【字体：, • 分享到：, 全文如下：) names none and is no 主送:
// the real one may follow it.
bool NamesAnOrgan(const std::vector<std::string>& names, const Rules& rules) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return IsCompleteUnit(n, rules) || std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                                                   [&](const std::string& c) { return n.starts_with(c); });
  });
}

// A 主送 line printed without its colon (各乡镇人民政府，县政府各部门) on
// line `at`, its text `t`: right under the title or the 文号 (the text line
// before it is one), over a line of text (the notice's first sentence, no
// rest of the list ending in the colon), and
// two unit names or more, each complete, one of them a collective (各…, 有关…).
// A bracket the line's end left open (区政府各部门(单位) is closed. A sentence
// (各乡镇人民政府、县政府各部门要高度重视…) ends in no name. Empty when the
// line is none.
std::vector<std::string> ColonlessRecipients(const std::vector<Line>& lines, size_t at, std::string_view t,
                                             const Rules& rules) {
  const Punctuation& p = rules.punct;
  if (EndsSentence(t, rules) || p.colon.In(t) || EndsWithListSeparator(t, p)) return {};
  size_t next = at + 1, prev = at;
  while (next < lines.size() && lines[next].kind == LineKind::kBlank) ++next;
  while (prev > 0 && lines[prev - 1].kind == LineKind::kBlank) --prev;
  if (next >= lines.size() || lines[next].kind != LineKind::kText || prev == 0 ||
      lines[prev - 1].kind != LineKind::kText)
    return {};
  // The list goes on onto a line with the colon (…县直有关单位，中央、省、市驻 /
  // 岚有关单位：): the 主送 is read there, whole.
  if (rules.recipients_line.Contains(Trim(lines[next].text))) return {};
  const std::string above = RemoveSpaces(StripMarkdown(lines[prev - 1].text, rules));
  const auto number = rules.doc_number.Find(above);
  if (!IsTitleLine(above, rules) && !(number.found && number.begin == 0 && number.end == above.size())) return {};
  std::string r(Trim(t));
  if (p.LeavesOpen(r)) {
    size_t last = std::string::npos, k = 0;
    for (size_t q = 0; q < p.opens.utf8().size(); ++q)
      if (const size_t o = r.rfind(p.opens.utf8()[q]); o != std::string::npos && (last == std::string::npos || o > last))
        last = o, k = q;
    if (last != std::string::npos) r += p.closes.utf8()[k];
  }
  std::vector<std::string> names = SplitList(r, rules);
  const auto collective = [&](const std::string& n) {
    return std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                       [&](const std::string& c) { return n.find(c) != std::string::npos; });
  };
  if (names.size() < 2 || std::none_of(names.begin(), names.end(), collective) ||
      !std::all_of(names.begin(), names.end(), [&](const std::string& n) { return IsCompleteUnit(n, rules); }))
    return {};
  return names;
}

}  // namespace

std::string FormatDocNumber(const Regex::Match& m, const Rules& rules) {
  std::string out;
  const std::string_view f = rules.number_format;
  for (size_t i = 0; i < f.size();) {
    const size_t close = f[i] == '{' ? f.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      out += m.Group(f.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      out += f[i++];
    }
  }
  return out;
}

namespace {

std::optional<std::string> NumberFrom(std::string_view value, const Rules& rules) {
  std::string compact = RemoveSpaces(value);
  auto m = rules.doc_number.Find(compact);
  if (!m.found) return std::nullopt;
  return FormatDocNumber(m, rules);
}

std::optional<std::string> DateFrom(std::string_view value, const Rules& rules) {
  std::string compact = RemoveSpaces(value);
  if (auto m = rules.date.Find(compact); m.found) return IsoDate(m, rules.numerals);
  // A time after the date (2023-9-27 9:32:53): read before the space goes,
  // else the day runs into the hour (2023-9-279:32:53).
  if (auto m = rules.numeric_date.Find(value); m.found)
    if (auto iso = IsoDate(m, rules.numerals)) return iso;
  if (auto m = rules.numeric_date.Find(compact); m.found) return IsoDate(m, rules.numerals);
  return std::nullopt;
}

bool IsKey(std::string_view cell, const std::vector<std::string>& keys, const Punctuation& p) {
  std::string c = RemoveSpaces(cell);
  c.resize(p.colon.TrimEnd(c).size());
  return std::find(keys.begin(), keys.end(), c) != keys.end();
}

std::vector<std::string_view> PipeCells(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '|') {
      cells.push_back(Trim(line.substr(start, i - start)));
      start = i + 1;
    }
  return cells;
}

// The end of `key` written at s[at...], its characters possibly spaced out
// (文    号); npos when it is not there.
size_t MatchSpacedKey(std::string_view s, size_t at, std::string_view key) {
  size_t i = at, k = 0;
  while (k < key.size()) {
    if (i >= s.size()) return std::string_view::npos;
    size_t ki = k, si = i;
    char32_t kc = NextChar(key, ki), sc = NextChar(s, si);
    if (kc == sc) {
      i = si, k = ki;
      continue;
    }
    if (k > 0 && IsSpace(sc)) {
      i = si;
      continue;
    }
    return std::string_view::npos;
  }
  return i;
}

struct MetaPair {
  std::string key;
  std::string_view value;
};

// "索 引 号 MB15/2023-05475 发文日期 2023-01-03", "• 成文日期:2023年3月3日",
// "- 文号：X": key/value pairs of a site metadata line that starts with a known
// key. Empty when the line is not one.
// The keys longest first, and the characters they start with: a place whose
// character starts no key is passed over without comparing each key (a key
// starts with its first character, never with a space).
// The shape a key's value must have to stand glued to its key, without a
// colon or a space (发文字号柳政办〔2024〕1号): a 文号, a date, a unit name;
// kNone for the other keys (their value is set apart, or follows a glued one).
enum class ValueShape { kNone, kNumber, kDate, kUnit };

struct MetaKeys {
  std::vector<std::string> keys;
  std::vector<ValueShape> shapes;  // keys[k]'s value's shape
  std::u32string firsts;
  bool any_empty = false;  // an empty key matches anywhere
  bool MayStart(std::string_view t, size_t i) const {
    if (any_empty) return true;
    return firsts.find(NextChar(t, i)) != std::u32string::npos;
  }
};

MetaKeys MetadataKeys(const Rules& rules) {
  MetaKeys m;
  // The title keys too: "标    题：关于…的通知" is a metadata line, not the
  // page's own title (ReadSiteMetadata takes its value when none is printed).
  std::vector<std::pair<std::string, ValueShape>> all;
  for (const auto& [list, shape] : {std::pair{&rules.metadata_number_keys, ValueShape::kNumber},
                                    {&rules.metadata_date_keys, ValueShape::kDate},
                                    {&rules.metadata_issuer_keys, ValueShape::kUnit},
                                    {&rules.metadata_title_keys, ValueShape::kNone},
                                    {&rules.metadata_publish_keys, ValueShape::kDate},
                                    {&rules.metadata_other_keys, ValueShape::kNone}})
    for (const std::string& key : *list) all.emplace_back(key, shape);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (auto& [key, shape] : all) m.keys.push_back(std::move(key)), m.shapes.push_back(shape);
  for (const auto& key : m.keys) {
    if (key.empty()) {
      m.any_empty = true;
      continue;
    }
    size_t i = 0;
    const char32_t c = NextChar(key, i);
    if (m.firsts.find(c) == std::u32string::npos) m.firsts.push_back(c);
  }
  return m;
}

// MetadataKeys of the rules this thread read last: a batch converts every
// document with the same rules, and the sorted copy costs more than reading
// most documents' head. The lists it was made from are kept and compared
// (not the Rules' address), so other rules (built or edited by hand) get
// their own keys.
const MetaKeys& CachedMetadataKeys(const Rules& rules) {
  struct Cache {
    bool made = false;
    std::array<std::vector<std::string>, 6> lists;
    MetaKeys keys;
  };
  thread_local Cache cache;
  const std::array<const std::vector<std::string>*, 6> lists = {
      &rules.metadata_number_keys, &rules.metadata_date_keys,  &rules.metadata_issuer_keys,
      &rules.metadata_title_keys,  &rules.metadata_publish_keys, &rules.metadata_other_keys};
  bool same = cache.made;
  for (size_t k = 0; same && k < lists.size(); ++k) same = cache.lists[k] == *lists[k];
  if (!same) {
    for (size_t k = 0; k < lists.size(); ++k) cache.lists[k] = *lists[k];
    cache.keys = MetadataKeys(rules);
    cache.made = true;
  }
  return cache.keys;
}

// Whether t opens with a metadata key and its colon (发布时间：…).
bool StartsMetadataPair(std::string_view t, const MetaKeys& meta, const Punctuation& p) {
  if (t.empty() || !meta.MayStart(t, 0)) return false;
  for (const std::string& key : meta.keys)
    if (!key.empty() && t.starts_with(key) && p.colon.StartLength(t.substr(key.size())) > 0) return true;
  return false;
}

// The end of a value glued to its key at t[v...] (发文字号柳政办〔2024〕1号,
// 成文日期2024年03月05日, 发文机构某市人民政府办公厅发文字号…): the value has
// the key's shape, a 文号 or a date from v on, or a unit name up to the next
// key or the line's end. npos when it has not: a sentence that starts with a
// key's word (发文单位要严格把关…) is no pair.
size_t GluedValueEnd(std::string_view t, size_t v, ValueShape shape, const MetaKeys& meta, const Rules& rules) {
  const std::string_view rest = t.substr(v);
  switch (shape) {
    case ValueShape::kNone:
      return std::string_view::npos;
    case ValueShape::kNumber:
      if (const auto m = rules.doc_number.Find(rest); m.found && m.begin == 0) return v + m.end;
      return std::string_view::npos;
    case ValueShape::kDate:
      if (const auto m = rules.date.Find(rest); m.found && m.begin == 0) return v + m.end;
      if (const auto m = rules.numeric_date.Find(rest); m.found && m.begin == 0) return v + m.end;
      return std::string_view::npos;
    case ValueShape::kUnit:
      for (size_t j = v; j < t.size();) {
        if (j > v && meta.MayStart(t, j))
          for (const std::string& key : meta.keys)
            if (!key.empty() && t.substr(j).starts_with(key)) {
              if (IsCompleteUnit(t.substr(v, j - v), rules)) return j;
              break;
            }
        NextChar(t, j);
      }
      return IsCompleteUnit(rest, rules) ? t.size() : std::string_view::npos;
  }
  return std::string_view::npos;
}

// Whether a glued value may end at t[at]: the line's end, a space or a
// cell's bar, or a key right after it.
bool EndsGluedValue(std::string_view t, size_t at, const MetaKeys& meta) {
  if (at >= t.size()) return true;
  size_t n = at;
  if (const char32_t c = NextChar(t, n); IsSpace(c) || c == '|') return true;
  if (!meta.MayStart(t, at)) return false;
  for (const std::string& key : meta.keys)
    if (!key.empty() && t.substr(at).starts_with(key)) return true;
  return false;
}

std::vector<MetaPair> MetadataPairs(std::string_view line, const MetaKeys& meta, const Rules& rules) {
  const Punctuation& p = rules.punct;
  const std::vector<std::string>& keys = meta.keys;
  std::string_view t = Trim(line);
  for (std::string_view bullet : {"•", "·", "-", "*", "●", "▪"})
    if (t.starts_with(bullet)) t = Trim(t.substr(bullet.size()));
  struct Hit {
    size_t begin, value;
    std::string key;
  };
  std::vector<Hit> hits;
  size_t i = 0;
  bool boundary = true;
  // Where a value glued to its key ended (its shape's end): a key may follow
  // right there, its own value glued too (发布日期2024年03月06日有效性有效).
  size_t glued_end = std::string_view::npos;
  // Past the spaces from `at` on.
  auto past_spaces = [&](size_t at) {
    for (size_t n = at; at < t.size() && IsSpace(NextChar(t, n)); n = at) at = n;
    return at;
  };
  while (i < t.size()) {
    // A key may stand in brackets ([ 成文日期 ] 2021-06-02, 【文号】X): the
    // closing bracket then sets the value apart as a colon does.
    const size_t open = boundary ? p.opens.StartLength(t.substr(i)) : 0;
    const size_t ks = open ? past_spaces(i + open) : i;
    bool glued = false;
    if (boundary && meta.MayStart(t, ks)) {
      for (size_t q = 0; q < keys.size(); ++q) {
        const std::string& k = keys[q];
        size_t end = MatchSpacedKey(t, ks, k);
        if (end == std::string_view::npos) continue;
        size_t v = end;
        bool sep = false;
        if (open) {
          v = past_spaces(v);
          const size_t close = p.closes.StartLength(t.substr(v));
          if (close == 0) continue;
          v += close;
          sep = true;
        }
        while (v < t.size()) {
          size_t n = v;
          char32_t c = NextChar(t, n);
          if (!(IsSpace(c) || p.colon.Has(c))) break;
          sep = true;
          v = n;
        }
        if (!sep && v < t.size()) {
          // A key glued to its value: a value of the key's shape, or any
          // value right after a glued one.
          size_t value_end = GluedValueEnd(t, v, meta.shapes[q], meta, rules);
          // The value ends the pair: the line's end, a space or a cell's bar,
          // or the next key. A sentence citing a number or a date right after
          // a key's word (文号柳政发〔2019〕8号的《…》自即日起废止) is none.
          if (value_end != std::string_view::npos && !EndsGluedValue(t, value_end, meta))
            value_end = std::string_view::npos;
          if (value_end == std::string_view::npos && i != glued_end) continue;
          hits.push_back({i, v, k});
          if (value_end != std::string_view::npos) i = glued_end = value_end, glued = true;
          else i = v;
          break;
        }
        hits.push_back({i, v, k});
        i = v;
        break;
      }
    }
    if (hits.empty()) return {};  // the line must start with a key
    if (i >= t.size()) break;
    if (glued) {
      boundary = true;  // the next key may start right after the value
      continue;
    }
    char32_t c = NextChar(t, i);
    boundary = IsSpace(c) || c == '|';
  }
  std::vector<MetaPair> out;
  for (size_t k = 0; k < hits.size(); ++k) {
    size_t end = k + 1 < hits.size() ? hits[k + 1].begin : t.size();
    out.push_back({hits[k].key, Trim(t.substr(hits[k].value, end - hits[k].value))});
  }
  return out;
}

// 文号 / 成文日期 from site metadata: key and value side by side in pipe or
// tab rows, a markdown header row over a value row, or "文号：…" lines.
void ReadSiteMetadata(const std::vector<Line>& lines, const Regions& regions, const Rules& rules, const MetaKeys& keys,
                      FrontMatter* fm) {
  std::string k;
  auto take = [&](std::string_view key, std::string_view value) {
    // A key is a short name, letter-spaced at most (文    号): a longer cell
    // (a row's content) is no key and is not copied.
    if (key.size() > 96) return;
    k = RemoveSpaces(key);
    k.resize(rules.punct.colon.TrimEnd(k).size());
    // A bracketed key ([ 成文日期 ], 【文号】) is the key.
    if (const size_t open = rules.punct.opens.StartLength(k); open && rules.punct.closes.EndLength(k)) {
      k.resize(k.size() - rules.punct.closes.EndLength(k));
      k.erase(0, open);
    }
    auto in = [&](const std::vector<std::string>& keys) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
    if (!fm->number && in(rules.metadata_number_keys)) fm->number = NumberFrom(value, rules);
    if (!fm->date && in(rules.metadata_date_keys)) fm->date = DateFrom(value, rules);
    if (!fm->published && in(rules.metadata_publish_keys)) fm->published = DateFrom(value, rules);
    if (!fm->issuer && in(rules.metadata_issuer_keys)) {
      // Joint issuers (发文机关：A B, A、B) are listed with the list mark.
      const std::vector<std::string> names = SplitList(value, rules);
      const bool listed = names.size() >= 2 && EachNamesItsPlace(names, rules) &&
                          std::all_of(names.begin(), names.end(), [&](const std::string& n) {
                            return IsCompleteUnit(n, rules);
                          });
      if (listed) fm->issuer = Join(names, rules.punct.enumeration.utf8().front());
      else if (auto by = SignatureIssuer(value, rules)) fm->issuer = std::move(by);
      else if (IsCompleteUnit(value, rules)) fm->issuer = RemoveSpaces(value);
    }
    if (!fm->title && in(rules.metadata_title_keys)) {
      std::string t = RemoveSpaces(value);
      if (IsTitleLine(t, rules) && CharCount(t) <= 80) fm->title = t;
    }
  };
  size_t end = std::min(lines.size(), regions.table_begin);
  for (size_t i = 0; i < end; ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    std::vector<std::string_view> cells = l.text.find('|') != std::string_view::npos ? PipeCells(l.text) : SplitTabs(l.raw);
    if (cells.size() >= 2) {
      for (size_t k = 0; k + 1 < cells.size(); ++k) take(cells[k], cells[k + 1]);
      // A header row of keys over a row of values.
      size_t j = i + 1;
      while (j < end && (lines[j].kind == LineKind::kBlank || lines[j].text.find("---") != std::string_view::npos)) ++j;
      if (j < end && l.text.find('|') != std::string_view::npos) {
        auto values = PipeCells(lines[j].text);
        if (values.size() == cells.size())
          for (size_t k = 0; k < cells.size(); ++k) take(cells[k], values[k]);
      }
      continue;
    }
    auto pairs = MetadataPairs(l.text, keys, rules);
    for (const auto& p : pairs) take(p.key, p.value);
    if (!pairs.empty()) continue;
    if (auto m = rules.metadata_key_value.Find(l.text); m.found) take(m.Group("k"), m.Group("v"));
  }
}

}  // namespace

namespace {

// The issuer a signature line names: several unit names set apart by spaces
// (联合发文: 某市农业农村局　　某市财政局) are listed with the list mark
// between them (某市农业农村局、某市财政局); else the line without its spaces
// (a name spaced out, 县 人 民 政 府), when it is a complete unit name.
// A publicity mark (（此件公开发布）, frontmatter.yaml publicity) is none,
// though its closing bracket ends it as a unit's name may end.
std::optional<std::string> SignatureIssuer(std::string_view text, const Rules& rules) {
  std::string whole = RemoveSpaces(text);
  if (CharCount(whole) > 60 || EndsSentence(whole, rules) || rules.punct.colon.In(whole)) return std::nullopt;  // 附件：…
  if (rules.publicity.Contains(whole)) return std::nullopt;
  const auto space_at = [&](size_t k) -> size_t {  // the length of a space at k, else 0
    if (text[k] == ' ' || text[k] == '\t') return 1;
    return text.substr(k, 3) == "\xE3\x80\x80" ? 3 : 0;
  };
  std::vector<std::string_view> names;
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    while (j < text.size() && space_at(j) == 0) ++j;
    if (j > i) names.push_back(text.substr(i, j - i));
    while (j < text.size() && space_at(j) > 0) j += space_at(j);
    i = j;
  }
  if (names.size() >= 2 && EachNamesItsPlace(names, rules) &&
      std::all_of(names.begin(), names.end(), [&](std::string_view n) { return IsCompleteUnit(n, rules); }))
    return Join(names, rules.punct.enumeration.utf8().front());
  if (CharCount(whole) > 30 || !IsCompleteUnit(whole, rules)) return std::nullopt;
  return whole;
}

// The issuer signing above the date on line `date_at` (past blank lines):
// the signature line, with the lines right over it that are signatures too
// (联合发文: one issuer on each line), listed in order with the list mark.
std::optional<std::string> IssuerAbove(const std::vector<Line>& lines, size_t date_at, const Rules& rules) {
  size_t j = date_at;
  while (j > 0 && lines[j - 1].kind == LineKind::kBlank) --j;
  if (j == 0 || lines[j - 1].kind != LineKind::kText) return std::nullopt;
  std::optional<std::string> issuer = SignatureIssuer(lines[j - 1].text, rules);
  // At most four issuers over one another, none over a blank line.
  for (size_t k = j - 1, n = 1; issuer && k > 0 && n < 4 && lines[k - 1].kind == LineKind::kText; --k, ++n) {
    std::optional<std::string> over = SignatureIssuer(lines[k - 1].text, rules);
    if (!over) break;
    issuer = *over + rules.punct.enumeration.utf8().front() + *issuer;
  }
  return issuer;
}

// The issuers of the red head (发文机关标志) on line `at`, whose text `t`
// reads as `issuer` and the 文件 mark without spaces (issuer_line). Joint
// issuance prints the names one over the other with 文件 beside them (a
// Word table: 某局<TAB>文件 / 某局), or side by side parted by spaces
// (某局 某局文件): every name, in order, with the list mark between; the
// lines right over and under it (no blank between) that are names only.
std::string RedHeadIssuers(const std::vector<Line>& lines, size_t at, std::string_view t, std::string_view issuer,
                           const Rules& rules) {
  // The issuer's part of t, its spaces kept: as many characters other than
  // spaces as `issuer` has.
  size_t end = 0;
  for (size_t n = CharCount(issuer); n > 0 && end < t.size();)
    if (!IsSpace(NextChar(t, end))) --n;
  std::string out = SignatureIssuer(t.substr(0, end), rules).value_or(std::string(issuer));
  const std::string& mark = rules.punct.enumeration.utf8().front();
  size_t names = 1;
  for (size_t j = at; j > 0 && names < 4 && lines[j - 1].kind == LineKind::kText; --j, ++names) {
    std::optional<std::string> over = SignatureIssuer(lines[j - 1].text, rules);
    if (!over) break;
    out = *over + mark + out;
  }
  for (size_t j = at + 1; j < lines.size() && names < 4 && lines[j].kind == LineKind::kText; ++j, ++names) {
    std::optional<std::string> under = SignatureIssuer(lines[j].text, rules);
    if (!under) break;
    out += mark + *under;
  }
  return out;
}

// MayMatch with the pattern's literal runs looked up once (a notice's lines
// are many, its rules few).
// The first two bytes of the leading runs and the last two of the trailing
// ones are kept as bit sets of 10-bit keys: a text that starts (ends) with a
// pair no run starts (ends) with is turned away without comparing a run.
// For a CJK character (3 bytes) the key of its first two bytes is its code
// point's top 10 bits and that of its last two its low 10, so a line's first
// character rarely shares a key with 附 or 抄. A run of one byte or none sets
// every key, as do texts shorter than two bytes (MayRuns decides those).
struct LiteralGate {
  const std::vector<std::string>& lead;
  const std::vector<std::string>& trail;
  uint64_t lead_keys[16] = {}, trail_keys[16] = {};
  static unsigned Key(unsigned char a, unsigned char b) { return (a & 0x0Fu) << 6 | (b & 0x3Fu); }
  static bool Has(const uint64_t* set, unsigned key) { return set[key >> 6] >> (key & 63) & 1; }
  explicit LiteralGate(const Regex& re) : lead(re.leading()), trail(re.trailing()) {
    auto mark = [](uint64_t* set, const std::string& run, bool first) {
      if (run.size() < 2) {
        for (int k = 0; k < 16; ++k) set[k] = ~uint64_t{0};
        return;
      }
      const size_t at = first ? 0 : run.size() - 2;
      const unsigned key = Key(static_cast<unsigned char>(run[at]), static_cast<unsigned char>(run[at + 1]));
      set[key >> 6] |= uint64_t{1} << (key & 63);
    };
    for (const std::string& run : lead) mark(lead_keys, run, true);
    for (const std::string& run : trail) mark(trail_keys, run, false);
  }
  [[gnu::always_inline]] bool May(std::string_view s) const {
    if (s.size() >= 2) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data());
      const size_t n = s.size();
      if (!lead.empty() && !Has(lead_keys, Key(p[0], p[1]))) return false;
      // \n \v \f \r, U+0085 (C2 85), U+2028/2029 (E2 80 A8/A9): $ matches before them.
      const unsigned last = p[n - 1];
      if (!trail.empty() && !Has(trail_keys, Key(p[n - 2], p[n - 1])) &&
          !(last - 0x0Au < 4u || last == 0x85 || last == 0xA8 || last == 0xA9))
        return false;
    }
    return MayRuns(s);
  }
  // May's answer by the runs themselves.
  [[gnu::noinline]] bool MayRuns(std::string_view s) const {
    if (!lead.empty()) {
      bool any = false;
      for (const std::string& run : lead)
        if (StartsWith(s, run)) {
          any = true;
          break;
        }
      if (!any) return false;
    }
    if (trail.empty() || s.empty()) return true;
    const auto last = static_cast<unsigned char>(s.back());
    // \n \v \f \r, U+0085 (C2 85), U+2028/2029 (E2 80 A8/A9): $ matches before them.
    if (last - 0x0Au < 4u || last == 0x85 || last == 0xA8 || last == 0xA9) return true;
    for (const std::string& run : trail)
      if (EndsWith(s, run)) return true;
    return false;
  }
};

}  // namespace

bool MayMatch(const Regex& re, std::string_view s) { return LiteralGate(re).May(s); }

namespace detail {

// `gated` false: every rule is searched on every line it applies to (the
// plain reading, which tests compare the gated one with).
FrontMatter ReadFrontMatterWith(bool gated, const std::vector<Line>& lines, const Regions& regions,
                                const Rules& rules) {
  FrontMatter fm;
  auto may = [gated](const LiteralGate& g, std::string_view s) { return !gated || g.May(s); };
  const MetaKeys& meta_keys = CachedMetadataKeys(rules);
  // The head: everything before the first body heading.
  // The head ends at the first heading, but not at the numbered lines of an
  // attachment list (附件：1．… / 2．…), which read like headings.
  size_t head_end = regions.body_begin;
  bool attachment_list = false;
  for (size_t i = 0; i < regions.body_end && i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (l.kind == LineKind::kText) attachment_list = rules.attachment.Contains(l.text);
    if (l.kind != LineKind::kHeading || i < regions.body_begin) continue;
    if (attachment_list) continue;  // 2．重点任务分工表 under 附件：1．…
    head_end = i;
    break;
  }
  if (head_end == regions.body_begin) head_end = std::min(lines.size(), regions.body_end);

  size_t title_at = head_end;
  // A 标题 / 信息名称 line of site metadata: the page names the notice there,
  // and may print no title of its own above the 主送 (the line's index).
  size_t meta_title_at = head_end;
  // A 成文日期 the site metadata gives (成文日期2020年01月17日): a date line in
  // the head after it with words before the date that name no issuer is the
  // page's (• 2020年01月23日, its publish stamp).
  bool meta_date = false;
  std::optional<std::string> series_mark;  // a series' mark read as no title (series_mark)
  // The title's first words as printed, its lines parted by a space (spaces
  // kept): joint issuers before 关于 are told apart there (A B关于…, A / B关于…).
  std::string title_printed;
  // A title read above a news page's 全文如下： and dropped there: the title
  // again when none follows the marker (the notice's own title above it).
  std::optional<std::string> title_before_marker;
  // A unit's name right over a title opening with another unit's name (A /
  // B关于…): joint issuers when the signature names A, else a page's banner.
  std::string title_banner;
  for (size_t i = 0; i < head_end; ++i) {
    const Line& l = lines[i];
    if (l.kind != LineKind::kText) continue;
    std::string_view t = StripMarkdown(l.text, rules);
    // Site metadata (文号 X 发文日期 Y) is read below, by key.
    if (const auto pairs = MetadataPairs(l.text, meta_keys, rules); !pairs.empty()) {
      if (meta_title_at == head_end)
        for (const auto& p : pairs)
          if (IsKey(p.key, rules.metadata_title_keys, rules.punct) && !p.value.empty()) meta_title_at = i;
      for (const auto& p : pairs)
        meta_date = meta_date || (IsKey(p.key, rules.metadata_date_keys, rules.punct) && DateFrom(p.value, rules));
      continue;
    }
    // t's spaceless form: t itself in a line without spaces (Line::spaced
    // false; t is a part of l.text), else RemoveSpaces(t), made on first use.
    std::string spaceless;
    bool made = false;
    auto compact_t = [&]() -> std::string_view {
      if (!l.spaced) return t;
      if (!made) spaceless = RemoveSpaces(t), made = true;
      return spaceless;
    };
    // 全文如下： on a news page: a title read above it was the page's (or
    // another notice's headline); the notice's own follows.
    if (fm.recipients.empty() && rules.full_text_marker.Contains(compact_t())) {
      if (title_at != head_end) {
        title_before_marker = std::move(fm.title);
        fm.title.reset(), title_at = head_end, title_printed.clear();
      }
      continue;
    }
    if (!fm.issuer) {
      if (auto m = rules.issuer_line.Find(compact_t()); m.found) {
        fm.issuer = RedHeadIssuers(lines, i, t, m.Group("issuer"), rules);
        continue;
      }
    }
    if (!fm.number && !fm.title) {
      // Title and 文号 on one line ("关于…的通知 常政发〔2023〕1号 |"): the number is
      // the last word, the rest reads as a title.
      std::string_view line = Trim(t);
      while (line.ends_with("|")) line = Trim(line.substr(0, line.size() - 1));
      // Or in brackets after the title: "关于…的通知（临政发〔2023〕5号）".
      // The gap may be ideographic spaces (U+3000, a PDF's or Word's column).
      size_t space = std::string_view::npos;
      for (size_t k = 0; k < line.size();) {
        const size_t at = k;
        if (IsSpace(NextChar(line, k))) space = at;
      }
      std::string_view last_word, title_part;
      if (space != std::string_view::npos) {
        last_word = Trim(line.substr(space)), title_part = line.substr(0, space);
      } else if (const size_t close = rules.punct.closes.EndLength(line); close > 0) {
        const std::string_view inner = line.substr(0, line.size() - close);
        if (auto m = rules.doc_number.Find(inner); m.found && m.end == inner.size() && m.begin > 0) {
          // The bracket opening the number, right before it (spaces aside).
          size_t open = m.begin;
          while (open > 0 && (inner[open - 1] == ' ' || inner[open - 1] == '\t')) --open;
          size_t at = open;
          while (at > 0 && (static_cast<unsigned char>(inner[at - 1]) & 0xC0) == 0x80) --at;
          if (at > 0) --at;
          size_t next = at;
          if (at < open && rules.punct.opens.Has(NextChar(inner, next)) && next == open)
            last_word = inner.substr(m.begin), title_part = inner.substr(0, at);
        }
      }
      if (!last_word.empty()) {
        std::string last(last_word), head = RemoveSpaces(title_part);
        auto m = rules.doc_number.Find(last);
        if (m.found && m.begin == 0 && m.end == last.size() && IsTitleLine(head, rules) &&
            CharCount(head) <= 80 && !EndsSentence(head, rules)) {
          fm.number = FormatDocNumber(m, rules);
          fm.title = head;
          title_at = i;
          continue;
        }
      }
    }
    if (!fm.number) {
      const std::string_view compact = compact_t();
      auto m = rules.doc_number.Find(compact);
      // A year OCR read with letters for digits (〔2O25〕): read in its digits
      // (the same length, so the offsets below hold), said so in convert.
      std::string folded;
      if (!m.found && compact.find_first_of(rules.punct.ocr_letters) != std::string_view::npos &&
          rules.punct.FoldOcrDigits(&folded.assign(compact)))
        m = rules.doc_number.Find(folded);
      // The notice's own number stands alone on its line, before the page's
      // metadata (沅北政办发〔2023〕5号　发布时间：…) or before its signer
      // (武医保报〔2025〕6号　签发人：陈志远); a cited one sits in a sentence.
      // A number inside a title line (柳溪县人民政府办公室关于转发市政办〔2024〕15号
      // 文件的通知, 市委〔2024〕1号文件方案): words before it, or words glued
      // after it, is another paper's, cited; the title path reads the line.
      // (A page heading sets its own number apart: 柳政办〔2024〕2号 某某方案.)
      const auto cited = [&] {
        if (m.end >= compact.size() || !IsTitleLine(compact, rules)) return false;
        if (m.begin > 0) return true;
        const std::string_view line = Trim(t);
        const auto own = rules.doc_number.Find(line);
        size_t after = own.end;
        return own.found && own.begin == 0 && after < line.size() && !IsSpace(NextChar(line, after));
      };
      if (m.found && cited()) m = Regex::Match{};
      if (m.found && ((m.end - m.begin) * 10 >= compact.size() * 6 ||
                      (m.begin == 0 && (StartsMetadataPair(compact.substr(m.end), meta_keys, rules.punct) ||
                                        rules.signer.Contains(compact.substr(m.end)))))) {
        fm.number = FormatDocNumber(m, rules);
        if (!folded.empty()) fm.number_printed = std::string(compact.substr(m.begin, m.end - m.begin));
        continue;
      }
    }
    // A title line after the 成文日期 where the metadata names the notice is
    // the plan's own heading (2024年某市政务公开工作要点), not the notice's title.
    if (title_at == head_end && !fm.title && !(fm.date && meta_title_at < i)) {
      std::string_view compact = compact_t();
      // A page heading: the notice's 文号, then its title (柳政办〔2024〕2号
      // 柳溪县人民政府办公室关于…的通知): the title is the words after it. A
      // title citing another paper's number (关于转发市政办〔2024〕15号文件的
      // 通知, 市委〔2024〕1号文件重点任务分工方案) is none: the number holds the
      // title's opening word, or the words after it do not.
      if (IsTitleLine(compact, rules))
        if (const auto n = rules.doc_number.Find(compact);
            n.found && n.begin == 0 && IsTitleLine(compact.substr(n.end), rules) &&
            !rules.title_opening.Contains(compact.substr(0, n.end)) &&
            rules.title_opening.Contains(compact.substr(n.end))) {
          if (!fm.number) fm.number = FormatDocNumber(n, rules);
          compact = compact.substr(n.end);
        }
      const bool title_line = IsTitleLine(compact, rules);
      const bool title_like = CharCount(compact) <= 80 && !EndsSentence(compact, rules);
      // A series' mark over its 文号 (纪要标志): the title only when no
      // other is printed (the meeting's own under it).
      if (title_line && title_like && !series_mark && rules.series_mark.Contains(compact) &&
          NumberUnder(lines, i, head_end, rules)) {
        series_mark = std::string(compact);
        continue;
      }
      // A title cut mid-word at the page width (…工作要点的通 / 知): a 关于
      // line that no title word ends, completed by the short lines after it.
      std::optional<std::pair<std::string, size_t>> cut;
      if (!title_line && title_like && rules.title_opening.Contains(compact))
        cut = WrappedTitleEnd(lines, i + 1, head_end, std::string(compact), rules);
      if (title_like && (cut || title_line)) {
        // Join a title wrapped over the previous lines: "…关于印发…" + "…的通知",
        // and the issuer's name on a line of its own before "关于…".
        std::string title(compact);
        std::string printed(Trim(t));
        bool issuers = false;  // an issuer's line is joined: only issuers' lines go on
        for (size_t j = i; j-- > 0;) {
          if (lines[j].kind == LineKind::kBlank) continue;
          std::string prev = RemoveSpaces(StripMarkdown(lines[j].text, rules));
          if (lines[j].kind != LineKind::kText || rules.doc_number.Contains(prev) ||
              rules.issuer_line.Contains(prev) || EndsSentence(prev, rules) || CharCount(prev) > 40)
            break;
          // A line of site metadata (标    题 关于…的通知) is no first part of a title.
          if (!MetadataPairs(lines[j].text, meta_keys, rules).empty()) break;
          // The issuers' names, one line each (joint issuers: 中共某县委办公室 /
          // 某县人民政府办公室), before the line opening with 关于.
          // The body an issuer belongs to (某县人民政府 over 某县人民政府办公室: a
          // site's or letterhead's name) is no second issuer.
          // So too over a title that opens with its last issuer's name
          // (A / B关于…: joint issuers, the last printed with the title): a
          // line without 关于 (a title's first part: …关于转发《某市人民政府办 /
          // 公室关于…) and brackets (【时效性】尚未施行: a site's key and value),
          // over a name of three characters or more.
          const auto o = rules.title_opening.Find(title);
          const auto opens_with_issuer = [&] {
            if (!o.found || o.begin == 0 || issuers || rules.title_opening.Contains(prev) ||
                rules.punct.opens.In(prev) || rules.punct.other_opens.In(prev))
              return false;
            const std::string_view by = std::string_view(title).substr(0, o.begin);
            return CharCountUpTo(by, 3) >= 3 && IsCompleteUnit(by, rules);
          };
          // A unit's name over a title opening with another's (A / B关于…) is
          // joint issuers only where the signature names A too (below): a
          // page's banner of another body prints so as well. Two unit lines
          // or more stacked over it are joint issuers (a banner is one line).
          if (o.found && o.begin > 0 && !issuers && opens_with_issuer()) {
            size_t up = j;
            while (up > 0 && lines[up - 1].kind == LineKind::kBlank) --up;
            const bool stacked = up > 0 && lines[up - 1].kind == LineKind::kText && [&] {
              const std::string over = RemoveSpaces(StripMarkdown(lines[up - 1].text, rules));
              return CharCount(over) <= 40 && !rules.title_opening.Contains(over) && !rules.punct.opens.In(over) &&
                     !rules.punct.other_opens.In(over) && IsCompleteUnit(over, rules);
            }();
            if (!stacked) {
              if (IsCompleteUnit(prev, rules) && !title.starts_with(prev)) title_banner = prev;
              break;
            }
          }
          if (o.found && (o.begin == 0 || issuers || opens_with_issuer())) {
            if (!IsCompleteUnit(prev, rules) || (o.begin > 0 && title.starts_with(prev))) break;
            title = prev + title;
            printed = std::string(Trim(StripMarkdown(lines[j].text, rules))) + ' ' + printed;
            issuers = true;
            continue;
          }
          if (!rules.title_opening.Contains(prev)) break;
          title = prev + title;
          printed = std::string(Trim(StripMarkdown(lines[j].text, rules))) + ' ' + printed;
        }
        title_printed = std::move(printed);
        title_at = i;
        if (cut) {
          title += cut->first.substr(compact.size());
          title_at = cut->second;
          i = title_at;
        } else if (rules.title_opening.Contains(title) &&
                   (!rules.title_closing.Contains(title) || rules.punct.LeavesOpen(title))) {
          // A title wrapped after its line: "…关于印发…重点任务" + "分工方案的通知",
          // or inside a 《 it has not closed ("…《…反馈意见" + "整改工作方案》的通知").
          if (auto more = WrappedTitleEnd(lines, i + 1, head_end, title, rules)) {
            title = std::move(more->first);
            title_at = more->second;
            i = title_at;
          }
        } else if (auto more = TitleGoesOn(lines, i + 1, head_end, title, rules)) {
          title = std::move(more->first);
          title_at = more->second;
          i = title_at;
        }
        fm.title = title;
        continue;
      }
    }
    // 主送 comes after the title: the printed one, else the metadata's. A
    // page without either (a web copy that starts at the 主送 line, under
    // site metadata or chrome) has it as its first words, before the
    // notice's prose: see OpensNotice.
    const size_t above = title_at != head_end ? title_at : meta_title_at;
    if (fm.recipients.empty() && fm.date == std::nullopt) {
      if (auto m = rules.recipients_line.Find(t); m.found) {
        // 主送 wrapped over lines: the lines above that end with a list
        // separator (各乡镇人民政府，某开发区管委会， / 县政府各部门：), or
        // inside a name (县直有关 / 单位，…：), up to the title.
        std::string r(m.Group("r"));
        size_t first = i;
        for (size_t j = i; j-- > (above != head_end ? above + 1 : 0);) {
          const Line& p = lines[j];
          if (p.kind != LineKind::kText) break;
          const std::string_view text = Trim(StripMarkdown(p.text, rules));
          if (!EndsWithListSeparator(text, rules.punct) && !CutInsideName(text, r, rules) &&
              !StartsWithListMark(r, rules.punct))
            break;
          r.insert(0, text);
          first = j;
        }
        std::vector<std::string> names = SplitList(r, rules);
        if ((above != head_end && NamesAnOrgan(names, rules)) || UntitledRecipients(lines, first, i, names, rules)) {
          fm.recipients = std::move(names);
          continue;
        }
      } else if (title_at != head_end || fm.number) {
        if (auto names = ColonlessRecipients(lines, i, t, rules); !names.empty()) {
          fm.recipients = std::move(names);
          continue;
        }
      }
    }
    if (!fm.date) {
      std::string_view compact = compact_t();
      // A date line in brackets under the title: （2023年6月20日）.
      const Punctuation& pu = rules.punct;
      for (size_t k = 0; k < pu.opens.utf8().size(); ++k) {
        const std::string &open = pu.opens.utf8()[k], &close = pu.closes.utf8()[k];
        if (compact.starts_with(open) && compact.ends_with(close) && compact.size() > open.size() + close.size())
          compact = compact.substr(open.size(), compact.size() - open.size() - close.size());
      }
      if (auto m = rules.date.Find(compact); m.found && m.end == compact.size() && CharCount(compact) <= 40 &&
                                             !(meta_date && m.begin > 0 &&
                                               !IsCompleteUnit(compact.substr(0, m.begin), rules))) {
        fm.date = IsoDate(m, rules.numerals);
        // The words before the date sign it, unless they are the publicity
        // mark (（此件公开发布）2024年3月5日).
        if (fm.date && m.begin > 0 && !fm.issuer) {
          if (const auto p = rules.publicity.Find(compact.substr(0, m.begin)); !p.found)
            fm.issuer = std::string(compact.substr(0, m.begin));
          else if (!fm.publicity)
            fm.publicity = Clean(p.Group("p"));
        }
        if (fm.date && m.begin == 0 && !fm.issuer && i > 0) {
          // 发文机关署名: the line right above the date.
          fm.issuer = IssuerAbove(lines, i, rules);
        }
        continue;
      }
    }
    if (!fm.publicity) {
      if (auto m = rules.publicity.Find(t); m.found) fm.publicity = Clean(m.Group("p"));
    }
  }
  if (!fm.title && title_before_marker) fm.title = std::move(title_before_marker);
  if (!fm.title && series_mark) fm.title = std::move(series_mark);

  // Attachments, cc and the imprint may sit anywhere after the body. Most
  // lines start and end with none of the literals these rules need (附, 抄,
  // 发): their gates turn them away before any search. Made at the first text
  // line (reading the literals costs an empty notice 40K instructions).
  std::optional<LiteralGate> gates[4];
  std::string spaceless;  // kept from line to line: no allocation per line
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind != LineKind::kText) continue;
    // A line of tab cells is no 附件 or 抄送 line, but the imprint is printed
    // with its issuer and date apart (某市人民政府办公室<tab>2024年4月18日印发).
    // Tabs before the words are an indent (⇥附件：…).
    const bool cells = l.tabs > 0 && l.text.find('\t') != std::string_view::npos;
    if (!gates[0])
      gates[0].emplace(rules.attachment), gates[1].emplace(rules.cc), gates[2].emplace(rules.printed),
          gates[3].emplace(rules.publicity);
    const LiteralGate &attachment_gate = *gates[0], &cc_gate = *gates[1], &printed_gate = *gates[2],
                      &publicity_gate = *gates[3];
    if (cells && !may(printed_gate, l.text)) continue;  // its ends name no imprint
    // （此件公开发布） under the signature, after a cover notice's own numbered
    // points (一、加强组织领导…), which end the head, or after a table the body
    // holds (the signature under it).
    if (!fm.publicity && !cells && may(publicity_gate, l.text))
      if (auto m = rules.publicity.Find(l.text); m.found) {
        fm.publicity = Clean(m.Group("p"));
        continue;
      }
    if (auto m = !cells && may(attachment_gate, l.text) ? rules.attachment.Find(l.text) : Regex::Match{};
        m.found && i < regions.table_begin && !InAnotherNotice(lines, i, rules)) {
      // "附件：1．xxx" over "2．yyy" lines (indented or not; the marks are
      // punctuation.yaml marker_ends): each a title without its number. The
      // lines go by their marker, not their kind: "2．2025年…" is no heading.
      std::string_view a = m.Group("a");
      // A download link under the text naming a file of an annex listed
      // above (附件：…安排表(1).xls): no second attachment.
      if (const std::string_view file = m.Group("file"); !file.empty()) {
        const std::string stem = Clean(a.substr(0, a.size() - file.size()));
        if (std::find(fm.attachments.begin(), fm.attachments.end(), stem) != fm.attachments.end()) continue;
      }
      std::vector<std::string> list;
      // A title wrapped onto the line right under it (…“好差评”工作 / 任务分工
      // 方案): a short line of words that opens no entry, is no date, no
      // issuer (a unit name) and no 附件 line, under a title that does not
      // end in a stop. Appended to `title`; the line after it returned.
      auto wrapped = [&](size_t j, std::string& title) {
        if (j + 1 >= lines.size() || title.empty()) return j;
        const Line& n = lines[j + 1];
        if (n.kind != LineKind::kText || n.text.find('\t') != std::string_view::npos ||
            EndsSentence(title, rules))
          return j;
        const std::string words = RemoveSpaces(n.text);
        if (words.empty() || CharCountUpTo(words, 31) > 30 || ListEntryOf(n.text, rules).no > 0 ||
            IsCompleteUnit(words, rules) || rules.attachment.Contains(n.text) ||
            rules.annex_start.Contains(words) || rules.punct.sentence_mark.In(words))
          return j;
        if (const auto d = rules.date.Find(words); d.found) return j;
        title += words;
        return j + 1;
      };
      const ListEntry first = ListEntryOf(a, rules);
      if (first.no == 1 && first.sub <= 1) {
        list.push_back(Clean(first.title));
        ListEntry last = first;
        for (size_t j = wrapped(i, list.back()) + 1; j < lines.size(); ++j) {
          const Line& n = lines[j];
          if (n.kind == LineKind::kBlank) continue;
          // Tabs between words are cells; before them, an indent (⇥2．…).
          if (n.text.find('\t') != std::string_view::npos ||
              (n.kind != LineKind::kText && n.kind != LineKind::kHeading))
            break;
          const ListEntry e = ListEntryOf(n.text, rules);
          if (!last.FollowedBy(e)) break;
          last = e;
          list.push_back(Clean(e.title));
          j = wrapped(j, list.back());
        }
      }
      // "附件：1.5万吨…" alone is a title that starts with a number, not a list.
      if (list.size() == 1 && first.decimal) list.clear();
      if (list.empty()) {
        list.push_back(Clean(a));
        wrapped(i, list.back());
      }
      fm.attachments.insert(fm.attachments.end(), list.begin(), list.end());
      continue;
    }
    if (auto m = !cells && may(cc_gate, l.text) ? rules.cc.Find(l.text) : Regex::Match{}; m.found && fm.cc.empty()) {
      std::string text(m.Group("cc"));
      // A name the line's end cut (…县政府办公室，县 / 政协办公室。) goes on
      // onto the next line, when the two halves make a name (not onto the
      // 印发 line: 县 / 县人民政府办公室 2025年3月1日印发).
      auto cut_name = [&](size_t j) {
        if (EndsSentence(text, rules) || lines[j].kind != LineKind::kText) return false;  // most cc lines end so
        const auto pieces = SplitTopLevel(text, rules), next = SplitTopLevel(lines[j].text, rules);
        if (pieces.empty() || next.empty()) return false;
        const std::string last = RemoveSpaces(pieces.back());
        const std::string first(rules.punct.full_stop.TrimEnd(RemoveSpaces(next.front())));
        return OpensNameOnly(last, first, rules) && IsCompleteUnit(last + first, rules) &&
               !rules.printed.Contains(RemoveSpaces(lines[j].text));
      };
      for (size_t j = i + 1;
           j < lines.size() && (EndsWithListSeparator(text, rules.punct) || Trim(text).empty() || cut_name(j)); ++j) {
        if (lines[j].kind == LineKind::kBlank) continue;
        if (lines[j].kind != LineKind::kText) break;
        text += std::string(lines[j].text);
      }
      fm.cc = SplitList(text, rules);
      // A cc list wrapped after its full stop: further unit-list lines up to
      // the imprint (印发机关 line, then the 印发 date).
      // The stops are tested cheapest first (each is a pure test: the order
      // changes only the cost).
      auto imprint = [&](std::string_view t) {
        if (gated && !MayMatchWithoutSpaces(rules.printed, t)) return false;
        std::string buf;
        return rules.printed.Contains(RemoveSpaces(t, &buf));
      };
      for (size_t j = i + 1; j < lines.size(); ++j) {
        if (lines[j].kind == LineKind::kBlank) continue;
        if (lines[j].kind != LineKind::kText) break;
        size_t k = j + 1;
        while (k < lines.size() && lines[k].kind == LineKind::kBlank) ++k;
        if (k < lines.size() && imprint(lines[k].text)) break;  // the line before the imprint
        if (imprint(lines[j].text)) break;
        auto more = SplitList(lines[j].text, rules);
        bool units = !more.empty() && std::all_of(more.begin(), more.end(),
                                                  [&](const std::string& u) { return IsCompleteUnit(u, rules); });
        if (!units) break;
        fm.cc.insert(fm.cc.end(), more.begin(), more.end());
      }
      continue;
    }
    // A line without spaces (Line::spaced false) is its own spaceless form.
    // A spaced line's copy is made only when it holds every character the
    // imprint needs (MayMatchWithoutSpaces).
    std::string_view compact = l.text;
    if (l.spaced || cells) {
      if (gated && !MayMatchWithoutSpaces(rules.printed, l.text)) continue;
      compact = RemoveSpaces(l.text, &spaceless);
    }
    if (auto m = may(printed_gate, compact) ? rules.printed.Find(compact) : Regex::Match{}; m.found) {
      if (auto d = rules.date.Find(m.Group("date")); d.found) fm.printed_date = IsoDate(d, rules.numerals);
      std::string by(m.Group("by"));
      if (by.empty()) {
        for (size_t j = i; j-- > 0;) {
          if (lines[j].kind == LineKind::kBlank) continue;
          std::string prev = RemoveSpaces(lines[j].text);
          if (lines[j].kind == LineKind::kText && CharCount(prev) <= 30 && IsCompleteUnit(prev, rules)) by = prev;
          break;
        }
      }
      if (!by.empty()) fm.printed_by = by;
    }
  }
  if (fm.attachments.size() > 1) {
    // A repeated annex title (the 附件 list and the 附件说明) is one attachment.
    std::vector<std::string> uniq;
    for (auto& a : fm.attachments)
      if (std::find(uniq.begin(), uniq.end(), a) == uniq.end()) uniq.push_back(a);
    fm.attachments = uniq;
  }

  // 成文日期 after the body (a cover notice's requirements come first, or the
  // page ends with the signature): a date alone on its line under the issuer.
  // Before the table first; after it where none is there (task blocks in
  // the body itself, the signature under them).
  const size_t table_begin = std::min(lines.size(), regions.table_begin);
  for (const auto& [from, to] : {std::pair{head_end, table_begin}, std::pair{table_begin, lines.size()}}) {
    if (fm.date) break;
    for (size_t i = from; i < to; ++i) {
      const Line& l = lines[i];
      if (l.kind != LineKind::kText || l.tabs > 0) continue;
      std::string spaceless;
      const std::string_view c = l.spaced ? RemoveSpaces(l.text, &spaceless) : l.text;
      auto m = rules.date.Find(c);
      if (!m.found || m.begin != 0 || m.end != c.size() || CharCount(c) > 20) continue;
      std::optional<std::string> signed_by = IssuerAbove(lines, i, rules);
      // Unsigned, the date closes the text (…附件：X / 二○○七年四月十三日).
      if (!signed_by && !ClosingDateLine(lines, i, rules)) continue;
      fm.date = IsoDate(m, rules.numerals);
      if (fm.date && !fm.issuer) fm.issuer = std::move(signed_by);
      break;
    }
  }
  const bool printed_issuer = fm.issuer.has_value();
  if (!fm.number || !fm.date || !fm.issuer || !fm.title) ReadSiteMetadata(lines, regions, rules, meta_keys, &fm);
  // A unit's name over the title's line (A / B关于…) names a joint issuer
  // where the signature or the site's 发文机关 names it too: the title holds
  // both (else it was a page's banner, no part of the title).
  if (!title_banner.empty() && fm.title && fm.issuer && fm.issuer->find(title_banner) != std::string::npos &&
      *fm.issuer != title_banner && !fm.title->starts_with(title_banner))
    fm.title = title_banner + *fm.title;
  // No signature: the title's own issuer (发文机关名称 + 关于 + 事由 + 文种),
  // when the words before 关于 are a unit. It wins over the site metadata's,
  // which may name the site's publisher (发布机构：某县人民政府(办公室)) or
  // the issuer in short (发文机关：政府办); unless the metadata's is the
  // title's in full: the title's characters in order in a longer name that
  // does not merely go on from it (县人民政府办公室 in the title, 发文单位：
  // 嘉鱼县人民政府办公室; 临川县发改委 and 发文机关：临川县发展和改革委员会;
  // 县政府办 and 发布机构：临川县人民政府办公室). One that goes on from it
  // (临川县人民政府 and 发布机构：临川县人民政府办公室) names the body's office
  // that published it.
  auto in_full = [](std::string_view full, std::string_view shortened) {
    if (full.size() <= shortened.size() || full.starts_with(shortened)) return false;
    size_t at = 0;
    for (size_t i = 0; i < shortened.size();) {
      const size_t from = i;
      NextChar(shortened, i);
      at = full.find(shortened.substr(from, i - from), at);
      if (at == std::string_view::npos) return false;
      at += i - from;
    }
    return true;
  };
  if (!printed_issuer && fm.title)
    if (const auto o = rules.title_opening.Find(*fm.title); o.found && o.begin > 0)
      if (const std::string by = RemoveSpaces(fm.title->substr(0, o.begin));
          !rules.punct.opens.In(by) && !rules.punct.other_opens.In(by) && IsCompleteUnit(by, rules) &&
          !(fm.issuer && in_full(*fm.issuer, by))) {
        fm.issuer = by;
        // Joint issuers parted by spaces or lines in the printed title: each
        // name, with the list mark between them (SignatureIssuer).
        if (const auto p = rules.title_opening.Find(title_printed); p.found && p.begin > 0)
          if (auto joint = SignatureIssuer(title_printed.substr(0, p.begin), rules)) {
            std::string flat = *joint;
            const std::string& mark = rules.punct.enumeration.utf8().front();
            for (size_t k = flat.find(mark); k != std::string::npos; k = flat.find(mark, k)) flat.erase(k, mark.size());
            if (flat == by) fm.issuer = std::move(joint);
          }
      }
  // A metadata issuer with a part in brackets (某县人民政府(办公室): the body or
  // its office) is the body's name before it.
  if (!printed_issuer && fm.issuer && rules.punct.closes.Ends(*fm.issuer))
    if (const size_t b = rules.punct.opens.Find(*fm.issuer); b != std::string::npos && b > 0) {
      std::string body = fm.issuer->substr(0, b);
      if (IsCompleteUnit(body, rules)) fm.issuer = std::move(body);
    }

  // The plan year: from the title, else the date.
  if (fm.title) {
    const std::string title = AsciiDigits(*fm.title);  // ２０２３年 is 2023年
    if (auto m = rules.title_year.Find(title); m.found) fm.year = std::stoi(std::string(m.Group("y")));
    // A span of years (2023—2025年, 2023年至2025年): its first, however the
    // first year is written (with 年 or without).
    if (fm.year)
      if (const auto m = rules.plan_span.Find(*fm.title); m.found)
        if (const int from = rules.numerals.Value(m.Group("from")); from > 0) fm.year = from;
  }
  if (!fm.year && fm.date) fm.year = std::stoi(fm.date->substr(0, 4));
  if (fm.date) fm.published.reset();  // read only to stand in for a missing date
  if (!fm.year && fm.published) fm.year = std::stoi(fm.published->substr(0, 4));
  return fm;
}

}  // namespace detail

FrontMatter ReadFrontMatter(const std::vector<Line>& lines, const Regions& regions, const Rules& rules) {
  return detail::ReadFrontMatterWith(true, lines, regions, rules);
}

}  // namespace noticetab
