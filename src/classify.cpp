#include "noticetab/classify.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory_resource>
#include <mutex>
#include <unordered_map>

#include "noticetab/text.h"
#include "noticetab/tokenize.h"
#include "stages.h"
#include "utf8_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace noticetab {
namespace {


// A heading can only start with a numeral, an opening bracket or a markdown
// marker (headings.yaml first_chars): this test keeps regexes off most lines.
bool MayStartHeading(std::string_view s, const Rules& rules) {
  if (s.empty()) return false;
  if (rules.heading_first_chars.empty()) return true;
  size_t i = 0;
  char32_t c = NextChar(s, i);
  return (c >= '0' && c <= '9') || rules.heading_first_chars.find(c) != std::u32string::npos;
}

}  // namespace

namespace {

// The characters a pattern's matches can start with (Regex::StartChars), for
// a test on a line's first character without a search. A 4096-bit filter of
// their low 12 bits answers most characters (CJK text, which starts few
// rules) in one load; the ranges decide the rest.
struct StartSet {
  bool known = false;  // false: any text may match
  std::vector<std::pair<char32_t, char32_t>> ranges;
  std::array<uint64_t, 64> filter{};
  [[gnu::noinline]] void Add(const std::vector<std::pair<char32_t, char32_t>>& more) {
    for (const auto& r : more) {
      ranges.push_back(r);
      if (r.second - r.first >= 4095) {
        filter.fill(~uint64_t{0});
        continue;
      }
      for (char32_t c = r.first;; ++c) {
        filter[(c >> 6) & 63] |= uint64_t{1} << (c & 63);
        if (c == r.second) break;
      }
    }
  }
  // False only when no match can start with c.
  bool May(char32_t c) const {
    if (!known) return true;
    if (!((filter[(c >> 6) & 63] >> (c & 63)) & 1)) return false;
    for (const auto& r : ranges)
      if (r.first <= c && c <= r.second) return true;
    return false;
  }
};

// What ClassifyLines reads from the rules once instead of on every line: the
// start characters of the junk patterns (together), of the markdown prefix
// and of each heading style, and where each style's match keeps its no and
// title groups. Made from the patterns' texts: equal texts make equal gates.
struct LineGates {
  std::vector<std::string> from;
  // The characters a heading may start with (MayStartHeading: ASCII digits
  // and rules.heading_first_chars, as read in first_chars): a line's first
  // character is tested by one load in most cases, not a scan of the list.
  std::u32string first_chars;
  StartSet firsts;
  StartSet junk, markdown;
  // The last bytes a running head (rules.running_head) may end with, from each
  // pattern's trailing literals; every byte when one has none.
  std::array<bool, 256> head_ends{};
  std::vector<StartSet> styles;
  // Per style: the group index of no and title in its matches (-1: none;
  // -2: not looked up yet).
  std::vector<std::pair<int, int>> groups;
  // StyleMask of the last characters asked, one slot per (c & 63): the few
  // characters headings start with are asked on every candidate line, and
  // the styles' range lists took more than the search gates saved.
  std::array<std::pair<char32_t, uint64_t>, 64> style_masks;

  // Bit k clear when style k (k < 64) cannot start with c; styles past the
  // 64th are always tried.
  uint64_t StyleMask(char32_t c) {
    auto& [key, mask] = style_masks[c & 63];
    if (key != c) key = c, mask = ComputeMask(c);
    return mask;
  }
  // For gates shared by threads (CellReader's): the cache as Fill left it.
  uint64_t StyleMask(char32_t c) const {
    const auto& [key, mask] = style_masks[c & 63];
    return key == c ? mask : ComputeMask(c);
  }
  [[gnu::noinline]] uint64_t ComputeMask(char32_t c) const {
    uint64_t may = ~uint64_t{0};
    for (size_t k = 0; k < styles.size() && k < 64; ++k)
      if (!styles[k].May(c)) may &= ~(uint64_t{1} << k);
    return may;
  }
  // Caches the masks of the characters a heading starts with (one per slot).
  [[gnu::noinline, gnu::cold]] void Fill(const Rules& rules) {
    std::u32string firsts = rules.heading_first_chars;
    for (char32_t c = '0'; c <= '9'; ++c) firsts.push_back(c);
    for (char32_t c : firsts)
      if (style_masks[c & 63].first == ~char32_t{0}) StyleMask(c);
  }

  [[gnu::noinline]] static std::vector<std::string> Source(const Rules& rules) {
    std::vector<std::string> out{rules.markdown_prefix.pattern()};
    for (const auto& h : rules.headings) out.push_back(h.re.pattern());
    out.emplace_back();  // between the styles and the junk patterns
    for (const auto& j : rules.junk) out.push_back(j.pattern());
    out.emplace_back();  // between the junk and the running heads
    for (const auto& j : rules.running_head) out.push_back(j.pattern());
    return out;
  }
  [[gnu::noinline]] bool From(const Rules& rules) const {
    size_t k = 0;
    if (first_chars != rules.heading_first_chars) return false;
    if (from.size() != rules.headings.size() + rules.junk.size() + rules.running_head.size() + 3 ||
        from[k++] != rules.markdown_prefix.pattern())
      return false;
    for (const auto& h : rules.headings)
      if (from[k++] != h.re.pattern()) return false;
    if (!from[k++].empty()) return false;
    for (const auto& j : rules.junk)
      if (from[k++] != j.pattern()) return false;
    if (!from[k++].empty()) return false;
    for (const auto& j : rules.running_head)
      if (from[k++] != j.pattern()) return false;
    return true;
  }
  // Reading the sets compiles the patterns (as a first search would): done
  // for a notice's first non-blank line, so an empty notice never pays it.
  [[gnu::noinline, gnu::cold]] void Make(const Rules& rules) {
    from = Source(rules);
    first_chars = rules.heading_first_chars;
    firsts = StartSet();
    firsts.known = !first_chars.empty();  // none listed: every text may
    std::vector<std::pair<char32_t, char32_t>> r = {{'0', '9'}};
    for (char32_t c : first_chars) r.emplace_back(c, c);
    firsts.Add(r);
    const auto read = [&](const Regex& re, StartSet* set) {
      r.clear();
      if (!re.StartChars(&r)) return false;
      set->Add(r);
      return true;
    };
    junk = StartSet();
    junk.known = true;
    for (const auto& j : rules.junk) junk.known = junk.known && read(j, &junk);
    head_ends.fill(false);
    for (const auto& h : rules.running_head) {
      if (h.trailing().empty()) {
        head_ends.fill(true);
        break;
      }
      for (const auto& run : h.trailing()) head_ends[run.empty() ? 0 : static_cast<unsigned char>(run.back())] = true;
    }
    markdown = StartSet();
    markdown.known = read(rules.markdown_prefix, &markdown);
    styles.assign(rules.headings.size(), StartSet());
    for (size_t i = 0; i < rules.headings.size(); ++i) styles[i].known = read(rules.headings[i].re, &styles[i]);
    groups.assign(rules.headings.size(), {-2, -2});
    // No character is U+FFFFFFFF: every slot starts empty.
    style_masks.fill({~char32_t{0}, 0});
  }
};

// The gates of these rules, kept per thread while the rules read the same
// (a batch converts every notice with one Rules; the texts are compared once
// per notice, not the address).
LineGates& LineGatesFor(const Rules& rules) {
  thread_local LineGates gates;
  if (!gates.From(rules)) gates.Make(rules);
  return gates;
}

[[gnu::noinline]] int GroupAt(const Regex::Match& m, std::string_view name) {
  for (size_t i = 0; i < m.names.size(); ++i)
    if (m.names[i] == name) return static_cast<int>(i);
  return -1;
}

std::string_view GroupText(const Regex::Match& m, int at) {
  return at >= 0 && static_cast<size_t>(at) < m.groups.size() ? m.groups[static_cast<size_t>(at)] : std::string_view();
}

// s without the emphasis it opens with (headings.yaml emphasis) and the
// mark closing it, trimmed: a heading's marker or title in bold with words
// after it (**（一）启动…。** 完成…, （一）**启动…。**完成…). Empty when s opens
// with no mark, or with one it does not close.
std::string WithoutOpeningEmphasis(std::string_view s, const Rules& rules) {
  if (s.empty() || (s.front() != '*' && s.front() != '_' && s.front() != '<')) return {};
  for (const auto& [open, close] : rules.emphasis) {
    if (!s.starts_with(open)) continue;
    const size_t end = s.find(close, open.size());
    if (end == std::string_view::npos || end == open.size()) continue;
    std::string out(Trim(s.substr(open.size(), end - open.size())));
    out += s.substr(end + close.size());
    return std::string(Trim(out));
  }
  return {};
}

std::optional<HeadingMatch> MatchHeadingWith(std::string_view s, const Rules& rules, LineGates* gates);

// The match of s once the emphasis it opens with is taken off (none: s
// opens with none, or is no heading then).
std::optional<HeadingMatch> MatchEmphasized(std::string_view s, const Rules& rules, LineGates* gates) {
  const std::string plain = WithoutOpeningEmphasis(s, rules);
  return plain.empty() ? std::nullopt : MatchHeadingWith(plain, rules, gates);
}

// A match's title without the emphasis it opens with (（一）**启动…。**完成…).
HeadingMatch PlainTitle(HeadingMatch h, const Rules& rules) {
  if (std::string plain = WithoutOpeningEmphasis(h.title, rules); !plain.empty()) h.title = std::move(plain);
  return h;
}

// MatchHeading; with gates, the start-character tests and group places come
// from them instead of from a search (null: the plain path).
// REQUIRES with gates: s trimmed (ClassifyLines passes Line::text).
[[gnu::noinline]] std::optional<HeadingMatch> MatchHeadingWith(std::string_view s, const Rules& rules, LineGates* gates) {
  if (auto h = MatchEmphasized(Trim(s), rules, gates)) return h;
  if (gates) {
    // MayStartHeading and the markdown gate read one decoded character.
    if (s.empty()) return std::nullopt;
    size_t i0 = 0;
    const char32_t c = NextChar(s, i0);
    if (!gates->firsts.May(c)) return std::nullopt;
    if (gates->markdown.May(c))
      if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
  } else {
    s = Trim(s);
    if (!MayStartHeading(s, rules)) return std::nullopt;
    if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
  }
  if (auto h = MatchEmphasized(s, rules, gates)) return h;  // - **（一）…**
  uint64_t may = ~uint64_t{0};
  if (gates) {
    if (s.empty()) return std::nullopt;  // no style matches an empty text
    size_t i = 0;
    may = gates->StyleMask(NextChar(s, i));
  } else if (rules.heading_starts.size() == rules.headings.size()) {
    // The styles whose first characters hold the line's (all past the 64th).
    may = rules.heading_starts.Candidates(s);
  }
  for (size_t i = 0; i < rules.headings.size(); ++i) {
    if (i < 64 && !((may >> i) & 1)) continue;
    auto m = rules.headings[i].re.Find(s);
    if (!m.found) continue;
    if (!gates)
      return PlainTitle({static_cast<int>(i), std::string(m.Group("no")), std::string(Trim(m.Group("title")))}, rules);
    auto& [no, title] = gates->groups[i];
    if (no == -2) no = GroupAt(m, "no"), title = GroupAt(m, "title");
    return PlainTitle({static_cast<int>(i), std::string(GroupText(m, no)), std::string(Trim(GroupText(m, title)))}, rules);
  }
  return std::nullopt;
}

// Out of line: inlined in HeadingStyleOf, NextChar was no longer inlined in
// ReadFacts' and SplitTopLevelOnce's loops (GCC's unit growth limit).
[[gnu::noinline]] char32_t FirstChar(std::string_view s) {
  size_t i = 0;
  return NextChar(s, i);
}

// MatchHeading's style alone (-1: none), for callers that read nothing else
// (ClassifyTrimmed, once per cell): the plain path with Contains for Find,
// so a found heading makes no group list and no no/title strings.
// With `starts` (CellReader's, REQUIRES s trimmed), the markdown prefix and
// the styles are tried only where their start characters hold s's first
// one, as ClassifyLines does (the prefix search and the styles' set cost a
// cell more than the tests); its junk set and groups are not read.

[[gnu::noinline]] int HeadingStyleOf(std::string_view s, const Rules& rules, const LineGates* starts = nullptr) {
  if (starts) {
    if (s.empty()) return -1;
    const char32_t c = FirstChar(s);
    if (!starts->firsts.May(c)) return -1;
    if (starts->markdown.May(c))
      if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
  } else {
    s = Trim(s);
    if (!MayStartHeading(s, rules)) return -1;
    if (auto m = rules.markdown_prefix.Find(s); m.found && m.begin == 0) s = Trim(s.substr(m.end));
  }
  uint64_t may = ~uint64_t{0};
  if (starts) {
    if (s.empty()) return -1;  // no style matches an empty text
    may = starts->StyleMask(FirstChar(s));
  } else if (rules.heading_starts.size() == rules.headings.size()) {
    may = rules.heading_starts.Candidates(s);
  }
  for (size_t i = 0; i < rules.headings.size(); ++i) {
    if (i < 64 && !((may >> i) & 1)) continue;
    if (rules.headings[i].re.Contains(s)) return static_cast<int>(i);
  }
  return -1;
}

// REQUIRES with gates: s trimmed (ClassifyLines passes Line::text).
bool IsJunkWith(std::string_view s, const Rules& rules, const LineGates* gates) {
  if (!gates) s = Trim(s);
  if (s.empty()) return false;
  size_t i = 0;
  if ((!gates || gates->junk.May(NextChar(s, i))) && rules.junk.ContainsAny(s)) return true;
  if (gates && !gates->head_ends[static_cast<unsigned char>(s.back())]) return false;
  for (const auto& head : rules.running_head)
    if (head.Contains(s)) return true;
  return false;
}

}  // namespace

std::optional<HeadingMatch> MatchHeading(std::string_view s, const Rules& rules) {
  return MatchHeadingWith(s, rules, nullptr);
}

int HeadingStyle(std::string_view s, const Rules& rules) { return HeadingStyleOf(s, rules); }

bool IsJunk(std::string_view s, const Rules& rules) { return IsJunkWith(s, rules, nullptr); }

// A lower bound of CharCount(NameKey(s)) and of CharCount(Nfkc(RemoveSpaces(s))):
// the U+4E00-U+9FFF ideographs of s, which NFKC leaves as they are (none
// composes) and NameKey keeps.
// Counted up to limit.
// Two matches cannot overlap (a match's second and third bytes are
// continuation bytes, no lead), so the count is that of the positions that
// start one: 16 of them at a time while 18 bytes are left.
size_t KeptIdeographs(std::string_view s, size_t limit) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = 0;
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 18 <= s.size() && n < limit; i += 16) {
    const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    auto at_most = [](__m128i v, int hi) { return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(static_cast<char>(hi))), v); };
    // Leads E5-E9, or E4 before B8-BF.
    const __m128i e5 = at_most(_mm_sub_epi8(b0, _mm_set1_epi8(static_cast<char>(0xE5))), 4);
    const __m128i e4 = _mm_and_si128(_mm_cmpeq_epi8(b0, _mm_set1_epi8(static_cast<char>(0xE4))),
                                     at_most(_mm_sub_epi8(b1, _mm_set1_epi8(static_cast<char>(0xB8))), 7));
    const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), c80 = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i cont = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(b1, c0), c80), _mm_cmpeq_epi8(_mm_and_si128(b2, c0), c80));
    n += static_cast<size_t>(std::popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_or_si128(e5, e4), cont)))));
  }
  if (n >= limit) return limit;
#endif
  for (; i + 2 < s.size() && n < limit;) {
    const unsigned b = p[i];
    if ((b - 0xE5u <= 0xE9u - 0xE5u || (b == 0xE4 && p[i + 1] >= 0xB8)) && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80)
      ++n, i += 3;
    else
      ++i;
  }
  return n;
}

struct TextMemo::State {
  explicit State(const Rules& r) : rules(&r) {}
  const Rules* rules;
  // Keys are copies of the texts in the pool. A split text's pieces are
  // pieces[first, first + count) as (offset, length) in it.
  std::pmr::monotonic_buffer_resource pool;
  struct Range {
    uint32_t first, count;
  };
  std::pmr::unordered_map<std::string_view, Range, TextHash> splits{&pool};
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  std::pmr::unordered_map<std::string_view, Role, TextHash> header_roles{&pool};
  // BracketBits(*rules), once it is asked for.
  uint64_t brackets = 0;
  bool brackets_known = false;
  // Bounded: past this many texts a map only answers for the texts it holds.
  static constexpr size_t kMaxTexts = 1 << 15;
  std::string_view Keep(std::string_view s) {
    char* key = static_cast<char*>(pool.allocate(s.empty() ? 1 : s.size(), 1));
    if (!s.empty()) std::memcpy(key, s.data(), s.size());
    return {key, s.size()};
  }
};

namespace {
thread_local TextMemo::State* active_text_memo = nullptr;

// The memo for these rules, or null.
TextMemo::State* MemoFor(const Rules& rules) {
  TextMemo::State* m = active_text_memo;
  return m && m->rules == &rules ? m : nullptr;
}

Role HeaderRoleOnce(std::string_view cell, const Rules& rules);

// Whether cell may be header names joined (headers.yaml joins: 及, /):
// at most 16 characters' bytes (two names of 8) holding a join word.
// One pass: a byte that ends a join (rules.header_join_ends) is where one
// may end, looked at there only.
bool MayBeCompound(std::string_view cell, const Rules& rules) {
  if (rules.header_joins.empty() || cell.size() > 4 * 16) return false;
  const auto& ends = rules.header_join_ends;
  for (size_t i = 0; i < cell.size(); ++i) {
    const auto b = static_cast<unsigned char>(cell[i]);
    if (!((ends[b >> 6] >> (b & 63)) & 1)) continue;
    for (const auto& j : rules.header_joins)
      if (!j.empty() && j.size() <= i + 1 && cell.substr(i + 1 - j.size(), j.size()) == j) return true;
  }
  return false;
}
}  // namespace

Role HeaderRole(std::string_view cell, const Rules& rules) {
  // A line of text (the stream reader asks of every line): its key is longer
  // than 8 characters and than every synonym, so it is no header name. When
  // the line starts with an ideograph, so does its key: only the synonyms
  // starting with it are looked at.
  if (cell.size() > 3 * 8) {
    // Counted only as far as decides: past 8 and past the longest synonym's
    // characters is no header name (a shorter count is the same below).
    const size_t longest = rules.header_synonym_longest;
    const size_t limit = longest >= 3 * 24 ? 24 : std::max<size_t>(9, longest / 3 + 1);
    const size_t least = KeptIdeographs(cell, limit);
    // Its key holds 3 bytes for each of them: longer than every synonym.
    const bool compound = least > 8 && MayBeCompound(cell, rules);
    if (least > 8 && 3 * least > rules.header_synonym_longest && !compound) return Role::kNone;
    if (least > 8 && !compound) {
      const auto& syn = rules.header_synonyms;
      auto from = syn.begin(), to = syn.end();
      if (KeptIdeographs(cell.substr(0, 3), 1) == 1) {
        const std::string_view first = cell.substr(0, 3);
        from = syn.lower_bound(first);
        for (to = from; to != syn.end() && to->first.starts_with(first);) ++to;
      }
      if (std::none_of(from, to, [&](const auto& kv) { return kv.first.size() >= 3 * least; })) return Role::kNone;
    }
  }
  // The rest is read once per text in a document (a cell-per-line table asks
  // of every line; unit names and dates repeat).
  TextMemo::State* m = MemoFor(rules);
  if (!m) return HeaderRoleOnce(cell, rules);
  if (auto it = m->header_roles.find(cell); it != m->header_roles.end()) return it->second;
  const Role r = HeaderRoleOnce(cell, rules);
  if (m->header_roles.size() < TextMemo::State::kMaxTexts) m->header_roles.emplace(m->Keep(cell), r);
  return r;
}

namespace {

// The role of a header name: listed, else (with `joined`) of the names it
// joins, else by its shape. HeaderRoleOnce is it with `joined`; a joined
// name's parts are asked without.
Role SimpleHeaderRole(std::string_view cell, const Rules& rules, bool joined = false);
// The role of a header name no synonym lists, by its shape; key: NameKey(cell).
Role ShapeHeaderRole(std::string_view cell, std::string_view key, const Rules& rules);

// A header name of names joined (责任领导及责任单位, 牵头单位/配合单位), each
// of 2 characters or more with a role of its own: the role they give
// together; kNone when the name is not such (参与单位 is no 参 + 单位).
// *listed: whether each part is a listed name. Together: units when the
// parts are several unit roles (牵头单位及配合单位: a cell holds both), the
// one unit role when there is one (a 责任领导's names in the cell are people,
// taken out of its units); content over a label; else the one role.
Role CompoundRole(std::string_view cell, const Rules& rules, bool* listed) {
  if (rules.header_joins.empty()) return Role::kNone;
  const std::string n = Nfkc(cell);
  const std::string_view t = Trim(n);
  if (t.find(':') != std::string_view::npos || rules.punct.sentence_mark.In(t)) return Role::kNone;
  std::vector<std::string_view> parts;
  size_t from = 0;
  for (size_t i = 0; i < t.size();) {
    size_t len = 0;
    for (const auto& j : rules.header_joins)
      if (!len && !j.empty() && t.substr(i).starts_with(j)) len = j.size();
    if (!len) {
      NextChar(t, i);
      continue;
    }
    parts.push_back(Trim(t.substr(from, i - from)));
    from = i += len;
  }
  if (parts.empty()) return Role::kNone;
  parts.push_back(Trim(t.substr(from)));
  bool all_listed = true;
  std::vector<Role> roles;
  for (std::string_view p : parts) {
    if (CharCountUpTo(RemoveSpaces(p), 2) < 2) return Role::kNone;
    const Role r = SimpleHeaderRole(p, rules);
    if (r == Role::kNone) return Role::kNone;
    all_listed = all_listed && HeaderNameListed(p, rules);
    roles.push_back(r);
  }
  // Names of one kind only: who (units, people), what (content, label) or
  // when; 责任单位和完成时限 is a sentence's words, no column.
  auto kind = [](Role r) {
    return IsUnitRole(r) || r == Role::kLeader ? 1 : r == Role::kContent || r == Role::kLabel ? 2 : r == Role::kDeadline ? 3 : 4;
  };
  for (Role r : roles)
    if (kind(r) != kind(roles.front()) || (kind(r) == 4 && r != roles.front())) return Role::kNone;
  if (listed) *listed = all_listed;
  Role unit = Role::kNone;
  for (Role r : roles)
    if (IsUnitRole(r)) unit = unit == Role::kNone || unit == r ? r : Role::kUnits;
  if (unit != Role::kNone) return unit;
  return std::find(roles.begin(), roles.end(), Role::kContent) != roles.end() ? Role::kContent : roles.front();
}

Role HeaderRoleOnce(std::string_view cell, const Rules& rules) { return SimpleHeaderRole(cell, rules, true); }

Role SimpleHeaderRole(std::string_view cell, const Rules& rules, bool joined) {
  std::string key_buf;
  const std::string_view key = NameKey(cell, &key_buf);
  if (key.empty()) return Role::kNone;
  auto it = rules.header_synonyms.find(key);
  if (it != rules.header_synonyms.end()) return it->second;
  if (joined && MayBeCompound(cell, rules))
    if (const Role r = CompoundRole(cell, rules, nullptr); r != Role::kNone) return r;
  return ShapeHeaderRole(cell, key, rules);
}

Role ShapeHeaderRole(std::string_view cell, std::string_view key, const Rules& rules) {
  // A header is a short bare name; longer cells, and `name: value` lines
  // (key-value notices), are never read by shape. A year opening it
  // (2025年度投资计划) counts as one character: the name is the words after it.
  const bool year_first = key.size() > 4 && std::all_of(key.begin(), key.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  if (CharCountUpTo(year_first ? key.substr(3) : key, 9) > 8) return Role::kNone;
  const std::string n = Nfkc(cell);
  std::string_view t = Trim(n);
  while (!t.empty() && (t.back() == ':' || t.back() == '|')) t = Trim(t.substr(0, t.size() - 1));
  if (t.find(':') != std::string_view::npos || rules.punct.sentence_mark.In(t)) return Role::kNone;
  for (const auto& s : rules.header_shapes) {
    if (!s.re.Contains(key)) continue;
    // No shape names a numbered heading (一、加强组织领导 ends as 责任领导
    // does) or a collective (各部门： is a 主送 line, not 责任部门).
    if (MayStartHeading(t, rules) && MatchHeading(t, rules)) return Role::kNone;
    for (const auto& start : rules.collective_starts)
      if (!start.empty() && t.starts_with(start)) return Role::kNone;
    return s.role;
  }
  return Role::kNone;
}

}  // namespace

std::string MilestonePeriod(std::string_view cell, const Rules& rules) {
  std::string key_buf;
  const std::string_view key = NameKey(cell, &key_buf);
  if (key.empty() || rules.header_synonyms.count(key) > 0) return {};
  for (const auto& s : rules.header_shapes) {
    if (!s.period) {
      if (s.re.Contains(key)) return {};
      continue;
    }
    const Regex::Match m = s.re.Find(key);
    if (m.found) return std::string(m.Group("period"));
  }
  return {};
}

Role RoleAlone(std::string_view cell, const Rules& rules) {
  std::string key_buf;
  const std::string_view key = NameKey(cell, &key_buf);
  // A listed name is asked too: 进度安排 is listed a deadline, and is one
  // only where no other column is.
  if (key.empty()) return Role::kNone;
  for (const auto& s : rules.header_shapes)
    if (s.re.Contains(key)) return s.alone;
  return Role::kNone;
}

bool HeaderNameListed(std::string_view cell, const Rules& rules) {
  std::string buf;
  if (rules.header_synonyms.count(NameKey(cell, &buf)) > 0) return true;
  // Listed names joined (责任领导及责任单位).
  bool listed = false;
  return MayBeCompound(cell, rules) && CompoundRole(cell, rules, &listed) != Role::kNone && listed;
}

// Flattened: GCC stopped inlining Trim here as the unit grew (0.26M a batch).
[[gnu::flatten]] std::vector<Line> ClassifyLines(const Source& src, const Rules& rules) {
  std::vector<Line> out;
  out.reserve(src.line_count());
  LineGates* gates = nullptr;  // read at the first line that is not blank
  bool under_junk = false;     // the last line that is not blank is junk
  for (int n = 1; n <= src.line_count(); ++n) {
    // Filled where it stays: a Line moved in would move its heading's strings.
    Line& l = out.emplace_back();
    l.no = n;
    l.raw = src.Line(n);
    // pdftotext ends each page with a form feed, so the next page's first
    // line starts with one: a page break, no character of the line (left in,
    // it is a cell of its own before a space-aligned header).
    while (!l.raw.empty() && l.raw.front() == '\f') l.raw.remove_prefix(1);
    l.text = Trim(l.raw);
    // A line wrapped whole in emphasis marks (**标题**): its words.
    if (!l.text.empty() && (l.text.front() == '*' || l.text.front() == '_' || l.text.front() == '<'))
      l.text = WithoutEmphasis(l.text, rules);
    // One scan of the text for a space; tabs are spaces, so only a spaced
    // text is searched for them (the trimmed ends are short).
    l.spaced = HasSpace(l.text);
    const auto count_tabs = [](std::string_view s) {
      int n = 0;
      for (const char* p = s.data(), *end = s.data() + s.size();
           (p = static_cast<const char*>(std::memchr(p, '\t', static_cast<size_t>(end - p)))) != nullptr; ++p)
        ++n;
      return n;
    };
    const size_t head = static_cast<size_t>(l.text.data() - l.raw.data());
    l.tabs = count_tabs(l.raw.substr(0, head)) + count_tabs(l.raw.substr(head + l.text.size())) +
             (l.spaced ? count_tabs(l.text) : 0);
    if (l.text.empty()) {
      l.kind = LineKind::kBlank;
    } else if (IsJunkWith(l.text, rules, gates ? gates : (gates = &LineGatesFor(rules)))) {
      l.kind = LineKind::kJunk;
    } else if (under_junk && rules.junk_after.Contains(l.text)) {
      l.kind = LineKind::kJunk;  // 微信 under 分享到：
    } else if (l.tabs == 0 && (l.heading = MatchHeadingWith(l.text, rules, gates))) {
      l.kind = LineKind::kHeading;
    }
    if (l.kind != LineKind::kBlank) under_junk = l.kind == LineKind::kJunk;
  }
  return out;
}

namespace {

// The bits (c & 63) of the brackets (punct.opens and closes).
uint64_t BracketBits(const Rules& rules) {
  uint64_t bits = 0;
  for (const MarkSet* m : {&rules.punct.opens, &rules.punct.closes})
    for (char32_t c : m->marks()) bits |= uint64_t{1} << (c & 63);
  return bits;
}

// Whether name ends in a word naming bodies collectively (units.yaml
// collective_ends: 驻市单位, 中央、省、市驻县单位) after a place (region_words:
// 驻市) or words that name no unit of their own: 县发改局等单位 (an open
// tail) and 县属国有企业 are none.
bool CollectiveEnd(std::string_view name, const Rules& rules) {
  for (const std::string& w : rules.unit_collective_ends)
    if (name.size() > w.size() && EndsWith(name, w)) {
      if (std::any_of(rules.open_tails.begin(), rules.open_tails.end(),
                      [&](const std::string& t) { return t.size() > w.size() && EndsWith(name, t); }))
        return false;
      const std::string_view before = name.substr(0, name.size() - w.size());
      return std::any_of(rules.region_words.begin(), rules.region_words.end(),
                         [&](const std::string& r) { return EndsWith(before, r); }) ||
             !IsCompleteUnit(before, rules);
    }
  return false;
}

// A level's own bodies named by the level alone (市直, 县直: a level and one
// character, no unit's ending) before a conjunction, and a name of that level
// after it naming bodies collectively (市直及驻市各单位, 县直及驻县各单位,
// 市直及驻市单位, 县直及中央、省、市驻县单位): one name, the two sharing its
// collective word, never 市直 + 驻市各单位; 县直及县属国有企业 and 县直及县工信局
// stay two. The pieces are s's, so the joined one is s's too.
void JoinBareLevels(std::string_view s, const Rules& rules, std::vector<std::string_view>* out) {
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    const std::string_view left = (*out)[k], right = (*out)[k + 1];
    if (left.size() > 8 || CharCountUpTo(left, 3) != 2) continue;  // most pieces stop here
    const size_t left_end = static_cast<size_t>(left.data() + left.size() - s.data());
    const std::string_view gap = Trim(s.substr(left_end, static_cast<size_t>(right.data() - s.data()) - left_end));
    if (std::find(rules.unit_conjunctions.begin(), rules.unit_conjunctions.end(), gap) == rules.unit_conjunctions.end())
      continue;
    const std::string_view level = LevelPrefix(left, rules);
    if (level.empty() || level.size() >= left.size() || IsCompleteUnit(left, rules) || !IsCompleteUnit(right, rules) ||
        right.find(level) == std::string_view::npos ||
        std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                    [&](const std::string& c) { return right.starts_with(c); }) ||
        // The right names bodies collectively too (驻县各单位, 驻市有关单位,
        // 驻市单位): one body (县工信局) or another group of its own
        // (县属国有企业) is a name apart.
        (std::none_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                      [&](const std::string& c) { return right.find(c) != std::string_view::npos; }) &&
         !CollectiveEnd(right, rules)))
      continue;
    (*out)[k] = s.substr(static_cast<size_t>(left.data() - s.data()),
                         static_cast<size_t>(right.data() + right.size() - left.data()));
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
}

// Level words (units.yaml listed_levels: 中央, 省, 市) parted by the list
// mark before a name opening with one more (中央、省、市驻县单位: the bodies
// of three levels stationed here): one name, never 中央 + 省 + 市驻县单位.
// The pieces are s's, so the joined one is s's too.
void JoinListedLevels(std::string_view s, const Rules& rules, std::vector<std::string_view>* out) {
  if (rules.unit_listed_levels.empty()) return;
  const std::string& mark = rules.punct.enumeration.utf8().front();
  auto listed = [&](std::string_view p) {
    return p.size() <= 6 && std::find(rules.unit_listed_levels.begin(), rules.unit_listed_levels.end(), p) !=
                                rules.unit_listed_levels.end();
  };
  auto marked_gap = [&](size_t a) {
    const size_t end = static_cast<size_t>((*out)[a].data() + (*out)[a].size() - s.data());
    const size_t next = static_cast<size_t>((*out)[a + 1].data() - s.data());
    return next >= end && Trim(s.substr(end, next - end)) == mark;
  };
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    if (!listed((*out)[k])) continue;  // most pieces stop here
    size_t j = k;
    while (j + 1 < out->size() && listed((*out)[j]) && marked_gap(j)) ++j;
    const std::string_view last = (*out)[j];
    if (j == k || listed(last) || !IsCompleteUnit(last, rules) ||
        std::none_of(rules.unit_listed_levels.begin(), rules.unit_listed_levels.end(),
                     [&](const std::string& w) { return last.size() > w.size() && last.starts_with(w); }))
      continue;
    (*out)[k] = s.substr(static_cast<size_t>((*out)[k].data() - s.data()),
                         static_cast<size_t>(last.data() + last.size() - (*out)[k].data()));
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1, out->begin() + static_cast<std::ptrdiff_t>(j) + 1);
  }
}

// After a collective start (各), levels of one rank parted by the list mark
// and then one of another rank (各乡、镇、县水利局, 各镇、街、区市场监管所;
// collective.yaml levels gives the ranks: 乡 and 镇 are both towns'): the
// towns and the townships are one name, and the county's bureau after them
// a name of its own. The run's byte length, 0 when t opens no such run. A
// run the collective name reads whole (各乡、镇, 各县、市、区政府) is
// collective_name's; the levels are one character each (各乡镇、街道、县财政局
// is three names).
size_t SameRankRun(std::string_view t, const Rules& rules) {
  if (rules.level_names.empty()) return 0;
  const std::string& mark = rules.punct.enumeration.utf8().front();
  std::string_view rank;
  size_t end = 0;
  for (int words = 0;; ++words) {
    if (end >= t.size()) return 0;
    size_t next = end;
    NextChar(t, next);
    const auto it = rules.level_names.find(t.substr(end, next - end));
    if (it == rules.level_names.end()) return 0;
    if (words > 0 && it->second != rank) return words >= 2 ? end - mark.size() : 0;
    rank = it->second, end = next;
    if (!t.substr(end).starts_with(mark)) return 0;
    end += mark.size();
  }
}

// `brackets`: BracketBits(rules).
void SplitTopLevelOnce(std::string_view s, const Rules& rules, uint64_t brackets, std::vector<std::string_view>* out) {
  out->clear();
  size_t piece = 0;  // the current piece is s[piece, i): collective names and characters
  int depth = 0;
  size_t i = 0;
  auto flush = [&] {
    std::string_view t = Trim(s.substr(piece, i - piece));
    if (!t.empty()) out->push_back(t);
  };
  // The first characters of the collective starts and separators: at other
  // positions nothing is compared. Made when the rules load; here only for
  // a Rules built by hand.
  std::array<char32_t, 64> own_firsts;
  const char32_t* firsts = rules.unit_split_firsts.data();
  const char32_t* firsts_end = firsts + rules.unit_split_firsts.size();
  bool any_empty = rules.unit_split_every;
  uint64_t first_bits = rules.unit_split_first_bits;  // (c & 63) of the first characters: most characters stop at this test
  if (!rules.unit_split_ready) {
    size_t first_count = 0;
    any_empty = false, first_bits = 0;
    for (const auto* list : {&rules.collective_starts, &rules.unit_separators})
      for (const auto& p : *list) {
        size_t k = 0;
        const char32_t f = p.empty() ? 0xFFFD : NextChar(p, k);
        // No first character to filter by, or too many to list: compare everywhere.
        if (f == 0xFFFD || first_count == own_firsts.size()) any_empty = true;
        else own_firsts[first_count++] = f, first_bits |= uint64_t{1} << (f & 63);
      }
    firsts = own_firsts.data(), firsts_end = firsts + first_count;
  }
  // (c & 63) of every character the loop acts on (a first character, a
  // bracket): a character outside it is stepped over without decoding.
  const uint64_t stop_bits = (any_empty ? ~uint64_t{0} : first_bits) | brackets;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (i < n) {
    // A well-formed 3-byte sequence (leads E1-EC, EE-EF, as NextChar's fast
    // path) or ASCII whose (c & 63) is not in stop_bits: nothing to do.
    const unsigned b = bytes[i];
    if (b < 0x80) {
      if (!((stop_bits >> (b & 63)) & 1)) {
        ++i;
        continue;
      }
    } else if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < n &&
               ((bytes[i + 1] | bytes[i + 2] << 8) & 0xC0C0) == 0x8080) {
      if (!((stop_bits >> (bytes[i + 2] & 63)) & 1)) {
        i += 3;
        continue;
      }
    }
    size_t next = i;
    const char32_t c = NextChar(s, next);
    if (depth == 0 && (any_empty || (((first_bits >> (c & 63)) & 1) &&
                                     std::find(firsts, firsts_end, c) != firsts_end))) {
      // A collective name with separators inside (各县、市、区政府) is one piece.
      bool collective = false;
      for (const auto& cs : rules.collective_starts)
        if (StartsWith(s.substr(i), cs)) {
          if (auto m = rules.collective_name.Find(s.substr(i)); m.found && m.begin == 0 && m.end > 0) {
            i += m.end;
            collective = true;
          } else if (const size_t run = SameRankRun(s.substr(i + cs.size()), rules)) {
            i += cs.size() + run;
            collective = true;
          }
          break;
        }
      if (collective) continue;
      bool split = false;
      for (const auto& sep : rules.unit_separators) {
        if (StartsWith(s.substr(i), sep)) {
          flush();
          i += sep.size();
          piece = i;
          split = true;
          break;
        }
      }
      if (split) continue;
    }
    if (rules.punct.opens.Has(c)) ++depth;
    if (rules.punct.closes.Has(c) && depth > 0) --depth;
    i = next;
  }
  flush();
  if (out->size() > 1) JoinListedLevels(s, rules, out);
  if (out->size() > 1) JoinBareLevels(s, rules, out);
}

}  // namespace


TextMemo::TextMemo(const Rules& rules) : state_(new State(rules)), outer_(active_text_memo) {
  active_text_memo = state_;
}

TextMemo::~TextMemo() {
  active_text_memo = outer_;
  delete state_;
}

void SplitTopLevel(std::string_view s, const Rules& rules, std::vector<std::string_view>* out) {
  TextMemo::State* m = MemoFor(rules);
  if (m == nullptr || s.size() >= (size_t{1} << 31)) return SplitTopLevelOnce(s, rules, BracketBits(rules), out);
  if (auto it = m->splits.find(s); it != m->splits.end()) {
    out->clear();
    for (uint32_t k = it->second.first, end = k + it->second.count; k < end; ++k)
      out->push_back(s.substr(m->pieces[k].first, m->pieces[k].second));
    return;
  }
  if (!m->brackets_known) m->brackets = BracketBits(rules), m->brackets_known = true;
  SplitTopLevelOnce(s, rules, m->brackets, out);
  if (m->splits.size() >= TextMemo::State::kMaxTexts || m->pieces.size() + out->size() >= (size_t{1} << 31)) return;
  const TextMemo::State::Range r{static_cast<uint32_t>(m->pieces.size()), static_cast<uint32_t>(out->size())};
  for (std::string_view p : *out)
    m->pieces.emplace_back(static_cast<uint32_t>(p.data() - s.data()), static_cast<uint32_t>(p.size()));
  m->splits.emplace(m->Keep(s), r);
}

std::vector<std::string> SplitTopLevel(std::string_view s, const Rules& rules) {
  std::vector<std::string_view> views;
  SplitTopLevel(s, rules, &views);
  return std::vector<std::string>(views.begin(), views.end());
}

std::ptrdiff_t LeadMarkOf(std::string_view name, const Rules& rules) {
  auto bit = [&](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (rules.lead_mark_edges[b >> 6] >> (b & 63)) & 1;
  };
  if (name.empty() || (!bit(name.back()) && !bit(name.front()))) return 0;  // most names
  for (const auto& m : rules.lead_marks) {
    if (m.empty() || name.size() <= m.size()) continue;
    if (name.ends_with(m)) return static_cast<std::ptrdiff_t>(m.size());
    if (name.starts_with(m)) return -static_cast<std::ptrdiff_t>(m.size());
  }
  return 0;
}

std::string_view WithoutLeadMarks(std::string_view name, const Rules& rules) {
  for (std::ptrdiff_t n; (n = LeadMarkOf(name, rules)) != 0;)
    name = Trim(n > 0 ? name.substr(0, name.size() - static_cast<size_t>(n)) : name.substr(static_cast<size_t>(-n)));
  return name;
}

size_t ConjunctionAt(std::string_view name, const Rules& rules, size_t* len) {
  // Two names of three characters and a conjunction: 21 bytes at least.
  if (name.size() < 21) return std::string_view::npos;
  for (const std::string& conj : rules.unit_conjunctions) {
    const size_t at = utf8::FindRun(name, 0, conj);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view left = Trim(name.substr(0, at)), right = Trim(name.substr(at + conj.size()));
    // A bare suffix (有关部门和单位: 单位) names nobody of its own.
    if (CharCountUpTo(left, 3) < 3 || CharCountUpTo(right, 3) < 3 || !IsCompleteUnit(left, rules) ||
        !IsCompleteUnit(right, rules))
      continue;
    // A collective name whose last level follows the conjunction (各省、自治区、
    // 直辖市和新疆生产建设兵团发展改革委: units.yaml collective_name) is one.
    if (const auto m = rules.collective_name.Find(name); m.found && m.begin == 0 && m.end == name.size()) break;
    *len = conj.size();
    return at;
  }
  return std::string_view::npos;
}

std::string_view BareBodyPlace(std::string_view before, std::string_view body, const Rules& rules) {
  for (const auto& [bare, partners] : rules.bare_bodies) {
    if (body != bare) continue;
    for (const std::string& partner : partners)
      if (before.size() > partner.size() && EndsWith(before, partner))
        return before.substr(0, before.size() - partner.size());
    return {};
  }
  return {};
}

namespace {

// Whether pieces j - 1 and j of s stand parted by the list mark alone (、):
// a comma parts addressees, not the places of one list.
bool ListedApart(std::string_view s, const std::vector<std::string_view>& pieces, size_t j, const Rules& rules) {
  const std::string_view before = pieces[j - 1], p = pieces[j];
  return before.data() >= s.data() && p.data() + p.size() <= s.data() + s.size() &&
         p.data() >= before.data() + before.size() &&
         Trim(std::string_view(before.data() + before.size(),
                               static_cast<size_t>(p.data() - (before.data() + before.size())))) ==
             rules.punct.enumeration.utf8().front();
}

// p without an open tail closing it (风景区管委会等: 风景区管委会).
std::string_view WithoutOpenTail(std::string_view p, const Rules& rules) {
  for (const std::string& tail : rules.open_tails)
    if (p.size() > tail.size() && EndsWith(p, tail)) return p.substr(0, p.size() - tail.size());
  return p;
}

// The collective start p opens with (各), empty when none.
std::string_view CollectiveStartOf(std::string_view p, const Rules& rules) {
  for (const std::string& c : rules.collective_starts)
    if (p.size() > c.size() && p.starts_with(c)) return p.substr(0, c.size());
  return {};
}

// Whether p is made of collective_heads levels only (市州, 县市区), at least one.
bool LevelsOnly(std::string_view p, const Rules& rules) {
  if (p.empty() || p.size() > 24) return false;
  while (!p.empty()) {
    const auto it = std::find_if(rules.unit_collective_levels.begin(), rules.unit_collective_levels.end(),
                                 [&](const std::string& l) { return !l.empty() && p.starts_with(l); });
    if (it == rules.unit_collective_levels.end()) return false;
    p.remove_prefix(it->size());
  }
  return true;
}

// The collective_heads body p ends in after levels (县市区人民政府: 人民政府,
// an open tail after it taken off: 县市区人民政府等), a collective start
// before them or not; empty when none.
std::string_view CollectiveHeadOf(std::string_view p, const Rules& rules) {
  p = WithoutOpenTail(p, rules);
  for (const std::string& head : rules.unit_collective_heads)
    if (p.size() > head.size() && EndsWith(p, head)) {
      std::string_view levels = p.substr(0, p.size() - head.size());
      levels.remove_prefix(CollectiveStartOf(levels, rules).size());
      return LevelsOnly(levels, rules) ? p.substr(levels.data() + levels.size() - p.data()) : std::string_view();
    }
  return {};
}

// SharedHead among collectives of levels (各市州、县市区人民政府).
std::string_view SharedCollectiveHead(std::string_view s, const std::vector<std::string_view>& pieces, size_t k,
                                      const Rules& rules, std::string_view* start) {
  auto marked = [&](size_t j) { return ListedApart(s, pieces, j, rules); };
  // A piece of levels, its collective start or not (各县市区, 县市区).
  auto levels = [&](std::string_view p) { return LevelsOnly(p.substr(CollectiveStartOf(p, rules).size()), rules); };
  // The first: the nearest piece at or before k that opens with a collective
  // start, the ones between levels only.
  size_t first = k;
  if (!CollectiveHeadOf(pieces[k], rules).empty() || levels(pieces[k])) {
    while (first > 0 && CollectiveStartOf(pieces[first], rules).empty() && marked(first) && levels(pieces[first - 1]))
      --first;
  }
  const std::string_view opening = CollectiveStartOf(pieces[first], rules);
  if (opening.empty() || !levels(pieces[first])) return {};
  // The last: the first piece at or after k written with the body.
  size_t last = k;
  std::string_view head = CollectiveHeadOf(pieces[k], rules);
  if (head.empty()) {
    if (!levels(pieces[k])) return {};
    for (last = k + 1; last < pieces.size() && marked(last); ++last) {
      if (head = CollectiveHeadOf(pieces[last], rules); !head.empty()) break;
      if (!levels(pieces[last])) return {};
    }
    if (head.empty()) return {};
  }
  if (last == first) return {};
  if (start) *start = CollectiveStartOf(pieces[k], rules).empty() ? opening : std::string_view();
  return last == k ? std::string_view() : head;
}

}  // namespace

std::string_view SharedHead(std::string_view s, const std::vector<std::string_view>& pieces, size_t k,
                            const Rules& rules, std::string_view* start) {
  if (start) *start = {};
  // One piece shares nothing; among collectives, the list names a body of
  // collective_heads and a piece at or before k opens with a collective
  // start (各市州、县市区人民政府: 人民政府, 各).
  if (k >= pieces.size() || pieces.size() < 2) return {};
  if (std::any_of(rules.unit_collective_heads.begin(), rules.unit_collective_heads.end(),
                  [&](const std::string& h) { return utf8::FindRun(s, 0, h) != std::string_view::npos; }) &&
      std::any_of(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                  [&](std::string_view p) { return !CollectiveStartOf(p, rules).empty(); }))
    if (std::string_view sv, head = SharedCollectiveHead(s, pieces, k, rules, &sv); !head.empty() || !sv.empty()) {
      if (start) *start = sv;
      return head;
    }
  if (rules.unit_shared_heads.empty() || k + 1 >= pieces.size()) return {};
  // The kind of place p names (region_words: 开发区 a 区), empty when p is
  // none, a bare level (区) or a collective (各乡镇).
  auto place_word = [&](std::string_view p) {
    std::string_view word;
    for (const std::string& w : rules.region_words)
      if (p.size() > w.size() && w.size() > word.size() && EndsWith(p, w)) word = w;
    if (!word.empty() && std::any_of(rules.collective_starts.begin(), rules.collective_starts.end(),
                                     [&](const std::string& c) { return p.starts_with(c); }))
      return std::string_view();
    return word;
  };
  const std::string_view word = place_word(pieces[k]);
  if (word.empty()) return {};
  for (size_t j = k + 1; j < pieces.size(); ++j) {
    if (!ListedApart(s, pieces, j, rules)) return {};  // a comma parts addressees
    const std::string_view p = pieces[j], body = WithoutOpenTail(p, rules);  // 风景区管委会等
    for (const std::string& head : rules.unit_shared_heads)
      if (body.size() > head.size() && EndsWith(body, head)) {
        const std::string_view place = body.substr(0, body.size() - head.size());
        // A partner body after it (高新区、经开区党工委、管委会; frontmatter.yaml
        // bare_bodies): the places have two bodies each, and share neither.
        if (j + 1 < pieces.size() && !BareBodyPlace(p, pieces[j + 1], rules).empty()) return {};
        return place_word(place) == word ? body.substr(place.size()) : std::string_view();
      }
    if (place_word(p) != word) return {};
  }
  return {};
}

bool IsCompleteUnit(std::string_view name, const Rules& rules) {
  std::string spaced;  // RemoveSpaces(name), only when it differs from name
  return IsCompleteSpaceless(RemoveSpaces(name, &spaced), rules);
}

size_t SymbolAtEdge(std::string_view name, bool at_end, const Rules& rules) {
  if (name.empty()) return 0;
  size_t i = 0;
  if (at_end) {
    i = name.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) --i;
  }
  // The symbols of U+2000-2FFF only (✓ U+2713, √ U+221A, ● U+25CF, ★):
  // a name's usual last character is turned away by its lead byte, and so
  // are U+FFFD (a damaged cell, said elsewhere) and the full-width forms.
  if (static_cast<unsigned char>(name[i]) != 0xE2) return 0;
  const size_t start = i;
  const auto type = u_charType(static_cast<UChar32>(NextChar(name, i)));
  if (type != U_OTHER_SYMBOL && type != U_MATH_SYMBOL) return 0;
  const std::string_view mark = name.substr(start, i - start);
  for (const std::string& p : rules.placeholder_marks)
    if (p == mark) return 0;  // ××镇人民政府: the model text's name
  return i - start;
}

bool IsCompleteSpaceless(std::string_view n, const Rules& rules) {
  n = WithoutLeadMarks(n, rules);  // **县住建局**: the name inside its bold
  // A tick or a bullet at its end (县商务局√) is no part of it either.
  for (size_t k; (k = SymbolAtEdge(n, true, rules)) != 0 && k < n.size();) n = Trim(n.substr(0, n.size() - k));
  // The lists are looked at only when n's last byte ends one of their words.
  auto may_end = [&](uint64_t ends) { return !n.empty() && ((ends >> (static_cast<unsigned char>(n.back()) & 63)) & 1); };
  if (may_end(rules.open_tail_ends))
    for (const auto& tail : rules.open_tails)  // "市国资委等": judge the name, not the 等
      if (n.size() > tail.size() && EndsWith(n, tail)) {
        n.remove_suffix(tail.size());
        break;
      }
  // More than 4 bytes are 2 characters at least, however decoded.
  if (n.size() <= 4 && CharCountUpTo(n, 2) < 2) return false;
  for (const auto& c : rules.collective_starts)
    if (StartsWith(n, c) && n.size() > c.size()) return true;
  if (may_end(rules.org_suffix_ends))
    for (const auto& suf : rules.org_suffixes)
      if (EndsWith(n, suf))
        return !may_end(rules.suffix_exception_ends) ||
               std::none_of(rules.suffix_exceptions.begin(), rules.suffix_exceptions.end(),
                            [&](const std::string& e) { return EndsWith(n, e); });
  return false;
}

bool StartsLikeUnit(std::string_view s, const Rules& rules) {
  s = WithoutLeadMarks(Trim(s), rules);
  for (const auto& p : rules.level_prefixes)
    if (StartsWith(s, p)) return true;
  for (const auto& p : rules.collective_starts)
    if (StartsWith(s, p)) return true;
  return false;
}

std::string_view LevelPrefix(std::string_view name, const Rules& rules) {
  std::string_view best;
  for (const auto& w : rules.level_exceptions)
    if (StartsWith(name, w)) return best;
  for (const auto& p : rules.level_prefixes)
    if (StartsWith(name, p) && p.size() > best.size()) best = p;
  return best;
}

// A unit list's last piece that only opens the name `next` completes: a
// level or a collective start alone (县 / 市场监管局, 各 / 乡镇（街道）), a
// level and one character that ends no name (县税 / 务局; 县局, 县委 are
// names), or a collective start and the first half of a region word
// (各乡 / 镇（街道）: 乡镇). Such a piece names nobody, whatever its last
// character says.
bool OpensNameOnly(std::string_view piece, std::string_view next, const Rules& rules) {
  const size_t chars = CharCountUpTo(piece, 3);
  if (chars > 2 || rules.short_names.contains(piece)) return false;  // 县府, 县直: names
  // A next piece with a level of its own (县 / 县政务服务中心) is a name of its own.
  const bool next_has_level = !LevelPrefix(next, rules).empty();
  for (const auto& p : rules.collective_starts)
    if (piece == p) return true;
  if (chars == 1)  // a level alone (街道 alone is a name)
    return !next_has_level && std::find(rules.level_prefixes.begin(), rules.level_prefixes.end(), piece) !=
                                  rules.level_prefixes.end();
  for (const auto& p : rules.collective_starts)
    if (StartsWith(piece, p) && p.size() < piece.size()) {
      const std::string_view half = piece.substr(p.size());
      for (const auto& w : rules.region_words)
        if (w.size() > half.size() && StartsWith(w, half) && StartsWith(next, w.substr(half.size()))) return true;
      return false;
    }
  if (next_has_level) return false;
  for (const auto& p : rules.level_prefixes)
    if (StartsWith(piece, p) && p.size() < piece.size()) {
      const std::string_view second = piece.substr(p.size());  // 县局, 县委: a name
      return second != rules.committee_mark &&
             std::find(rules.org_suffixes.begin(), rules.org_suffixes.end(), second) == rules.org_suffixes.end();
    }
  return false;
}

bool HasDamageMarkers(std::string_view s) {
  // U+FFFD by its last byte (utf8::FindRun): its lead EF leads every full-width mark.
  return utf8::FindRun(s, 0, "\xEF\xBF\xBD") != std::string_view::npos || s.find("(cid:") != std::string_view::npos;
}

bool IsYearOnly(std::string_view s, const Rules& rules) {
  std::string buf;
  const std::string c = Nfkc(RemoveSpaces(s, &buf));
  return rules.year_only.Contains(c);
}

bool EndsSentence(std::string_view s, const Rules& rules) { return rules.punct.EndsSentence(s); }

namespace {

// The marks ReadCellFacts looks for.
struct FactMarks {
  uint64_t bits = 0;       // (c & 63) of the marks: most characters stop at this test
  bool han = false;        // a mark in U+4000-U+9FFF: ideographs are tested too
  explicit FactMarks(const Punctuation& pu) {
    for (const MarkSet* m : {&pu.sentence_mark, &pu.semicolon, &pu.comma})
      for (char32_t c : m->marks()) bits |= uint64_t{1} << (c & 63), han |= c >= 0x4000 && c <= 0x9FFF;
  }
};

// Flattened: GCC stops inlining NextChar here as the unit grows (0.3M a batch).
[[gnu::flatten]] CellFacts ReadFacts(std::string_view s, const Rules& rules, const FactMarks& fm) {
  const Punctuation& pu = rules.punct;
  const uint64_t mark_bits = fm.bits;
  const bool han_marks = fm.han;
  CellFacts f;
  bool compact = true;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // The compact form itself while it is short (a deadline is read from it).
  auto keep = [&](const unsigned char* bytes, size_t len) {
    if (f.short_size + len <= f.short_compact.size()) {
      std::memcpy(f.short_compact.data() + f.short_size, bytes, len);
      f.short_size += len;
    } else {
      f.short_size = f.short_compact.size() + 1;  // past it: not kept
    }
  };
  auto marks = [&](char32_t c, char32_t image) {
    if ((mark_bits >> (c & 63)) & 1) {
      f.raw_sentence |= pu.sentence_mark.Has(c);
      f.raw_semicolon |= pu.semicolon.Has(c);
      f.raw_comma |= pu.comma.Has(c);
    }
    if ((mark_bits >> (image & 63)) & 1) f.sentence |= pu.sentence_mark.Has(image);
  };
  for (size_t i = 0; i < n;) {
    if (!han_marks) {
      // A run of U+4000-U+9FFF (ideographs, as NFKC leaves them, no mark
      // among them): counted, nothing else to look at.
      size_t run = i;
#if defined(__SSE2__)
      // Ten at a time, 15 bytes of each of two 16-byte loads: leads E4-E9 at
      // bytes 0, 3, 6, 9, 12 and continuation bytes between them; where the
      // pattern first breaks, the run ends at the last whole character.
      auto off_pattern = [&](size_t at) -> uint32_t {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
        const __m128i off = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)));
        const auto lead =
            static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(off, _mm_set1_epi8(5)), off)));
        const auto cont = static_cast<uint32_t>(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
        return ((lead ^ 0x1249u) | (cont ^ 0x6DB6u)) & 0x7FFFu;
      };
      while (run + 31 <= n) {
        const uint32_t bad = off_pattern(run) | off_pattern(run + 15) << 15;
        if (bad == 0) {
          run += 30;
          continue;
        }
        run += std::countr_zero(bad) / 3 * 3;
        goto counted;
      }
      if (run + 16 <= n) {
        const uint32_t bad = off_pattern(run);
        if (bad != 0) {
          run += std::countr_zero(bad) / 3 * 3;
          goto counted;
        }
        run += 15;
      }
#endif
      if constexpr (std::endian::native == std::endian::little) {
        while (run + 8 <= n) {  // two at a time: bytes 0 and 3 leads E4-E9, 1, 2, 4, 5 continuations
          uint64_t w;
          std::memcpy(&w, p + run, 8);
          if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL || p[run] - 0xE4u > 5u || p[run + 3] - 0xE4u > 5u) break;
          run += 6;
        }
      }
      while (run + 2 < n && p[run] - 0xE4u <= 0xE9u - 0xE4u && ((p[run + 1] | p[run + 2] << 8) & 0xC0C0) == 0x8080)
        run += 3;
#if defined(__SSE2__)
    counted:
#endif
      const size_t han = (run - i) / 3;
      f.chars += han, f.all_chars += han;
      if (han) keep(p + i, run - i);
      i = run;
      if (i >= n) break;
    }
    const unsigned b = p[i];
    if (b - 0xE4u <= 0xE9u - 0xE4u && i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      // U+4000-U+9FFF, with marks among them (han_marks).
      ++f.chars, ++f.all_chars;
      marks(utf8::ThreeByteValue(p, i), utf8::ThreeByteValue(p, i));
      keep(p + i, 3);
      i += 3;
      continue;
    }
    ++f.all_chars;
    if (b < 0x80) {
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) continue;
      f.ascii_paren |= b == '(';
      ++f.chars;
      marks(b, b);
      keep(p + i - 1, 1);
      continue;
    }
    const size_t start = i;
    const char32_t c = NextChar(s, i);
    if (c == 0xFFFD) return CellFacts{};  // malformed, or a damage marker: the string tests decide
    if (IsSpace(c)) continue;
    ++f.chars;
    // NFKC's image of c, as NfkcWithoutIcu (text.h) knows it: full-width
    // forms are their ASCII letter; 、。“”‘’ stay.
    char32_t image = c;
    if (c >= 0xFF01 && c <= 0xFF5E) image = c - 0xFEE0;
    else if (!(c == 0x3001 || c == 0x3002 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D)) compact = false;
    marks(c, image);
    if (image < 0x80) {
      const auto ascii = static_cast<unsigned char>(image);
      keep(&ascii, 1);
    } else {
      keep(p + start, i - start);
    }
  }
  f.raw_known = true;
  f.compact_known = compact;
  return f;
}

}  // namespace

CellFacts ReadCellFacts(std::string_view s, const Rules& rules) { return ReadFacts(s, rules, FactMarks(rules.punct)); }

namespace {
// Characters as two sets of bits: c & 63 and (c >> 6) & 63. A character
// whose two bits are not both in a text's is not in it (one set alone let
// most short texts through: 年 月 日 share their bits with many others).
struct CharMasks {
  uint64_t low = 0, mid = 0;
  void Add(char32_t c) { low |= uint64_t{1} << (c & 63), mid |= uint64_t{1} << ((c >> 6) & 63); }
  bool In(const CharMasks& text) const { return (low & ~text.low) == 0 && (mid & ~text.mid) == 0; }
  static CharMasks All() { return {~uint64_t{0}, ~uint64_t{0}}; }
};
}  // namespace

// What CellReader reads from the rules once.
struct CellReader::Gates {
  // The characters every match of a regex needs, as CharMasks: one per
  // literal run of each of its required() entries. A text whose characters'
  // masks (CharBits) hold no run's masks of an entry lacks every run of it,
  // so the regex cannot match it.
  struct Needs {
    std::vector<CharMasks> masks;
    std::vector<size_t> ends;  // entry k is masks[ends[k-1], ends[k])
    explicit Needs(const Regex& re) {
      for (const auto& entry : re.required()) {
        for (const auto& run : entry) {
          CharMasks mask;
          for (size_t i = 0; i < run.size();) {
            const char32_t c = NextChar(run, i);
            // The masks hold no space (and no U+FFFD: nothing to ask for).
            if (c != 0xFFFD && !IsSpace(c)) mask.Add(c);
          }
          masks.push_back(mask);
        }
        ends.push_back(masks.size());
      }
    }
    /// False when a text with these character masks cannot match.
    bool Met(const CharMasks& bits) const {
      for (size_t k = 0, from = 0; k < ends.size(); from = ends[k++]) {
        bool any = false;
        for (size_t j = from; j < ends[k] && !any; ++j) any = masks[j].In(bits);
        if (!any) return false;
      }
      return true;
    }
  };
  explicit Gates(const Rules& rules)
      : marks(rules.punct), hint(rules.deadline_hint), from(Source(rules)), sentence(rules.punct.sentence_mark.marks()),
        semicolon(rules.punct.semicolon.marks()), comma(rules.punct.comma.marks()),
        org_suffixes(rules.org_suffixes), collective_starts(rules.collective_starts),
        heading_first_chars(rules.heading_first_chars) {
    headings.Make(rules);
    headings.Fill(rules);
    for (const auto& d : rules.deadlines) deadlines.emplace_back(d.re);
    // A complete name (IsCompleteSpaceless) starts with a collective start or
    // ends with an org suffix: its first or last character is one of these.
    auto add = [&](std::string_view w, bool last) {
      size_t i = 0;
      char32_t c = 0xFFFD;
      while (i < w.size()) {
        c = NextChar(w, i);
        if (!last) break;
      }
      if (w.empty() || c == 0xFFFD) unit_gate = false;  // "" ends every name: no gate
      else if (c < 0x10000) unit_bmp[c >> 6] |= uint64_t{1} << (c & 63);
      else unit_chars.push_back(c);
    };
    for (const auto& w : rules.collective_starts) add(w, false);
    for (const auto& w : rules.org_suffixes) add(w, true);
  }
  // What they are read from: equal texts make equal gates.
  static std::vector<std::string> Source(const Rules& rules) {
    std::vector<std::string> out{rules.deadline_hint.pattern()};
    for (const auto& d : rules.deadlines) out.push_back(d.re.pattern());
    out.push_back(rules.markdown_prefix.pattern());
    for (const auto& h : rules.headings) out.push_back(h.re.pattern());
    return out;
  }
  bool From(const Rules& rules) const {
    if (sentence != rules.punct.sentence_mark.marks() || semicolon != rules.punct.semicolon.marks() ||
        comma != rules.punct.comma.marks() || from.size() != 2 + rules.deadlines.size() + rules.headings.size() ||
        from[0] != rules.deadline_hint.pattern() || org_suffixes != rules.org_suffixes ||
        collective_starts != rules.collective_starts || heading_first_chars != rules.heading_first_chars)
      return false;
    for (size_t k = 0; k < rules.deadlines.size(); ++k)
      if (from[k + 1] != rules.deadlines[k].re.pattern()) return false;
    size_t k = 1 + rules.deadlines.size();
    if (from[k++] != rules.markdown_prefix.pattern()) return false;
    for (const auto& h : rules.headings)
      if (k >= from.size() || from[k++] != h.re.pattern()) return false;
    return k == from.size();
  }
  FactMarks marks;
  Needs hint;
  std::vector<Needs> deadlines;  // rules.deadlines[k]'s
  std::vector<std::string> from;
  std::u32string sentence, semicolon, comma;  // the marks FactMarks read
  std::vector<std::string> org_suffixes, collective_starts;  // what unit_chars is read from
  LineGates headings;  // its start sets and masks only
  std::u32string heading_first_chars;  // what headings.masks is read from
  // The first characters of collective_starts and the last ones of
  // org_suffixes: a bit per BMP character, a list past it; unit_gate false
  // when a word is empty or malformed (no character to ask for).
  std::vector<uint64_t> unit_bmp = std::vector<uint64_t>(0x10000 / 64);
  std::u32string unit_chars;
  bool unit_gate = true;
  bool UnitChar(char32_t c) const {
    return c < 0x10000 ? (unit_bmp[c >> 6] >> (c & 63)) & 1 : c == 0xFFFD || unit_chars.find(c) != std::u32string::npos;
  }
  /// False when no piece of s can be a complete unit name: s is well-formed
  /// and holds none of unit_chars (a piece, its spaces removed and an open
  /// tail cut, is made of s's characters).
  bool MayHoldUnit(std::string_view s) const {
    if (!unit_gate) return true;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
      const unsigned b = p[i];
      if (b < 0x80) {
        if ((unit_bmp[b >> 6] >> (b & 63)) & 1) return true;
        ++i;
      } else if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
        // A well-formed 3-byte sequence (as NextChar's fast path).
        if (UnitChar(utf8::ThreeByteValue(p, i))) return true;
        i += 3;
      } else {
        const char32_t c = NextChar(s, i);  // malformed is U+FFFD: may
        if (c == 0xFFFD || UnitChar(c)) return true;
      }
    }
    return false;
  }
};

namespace {

// The gates of these rules: made once while the rules read the same (a
// table per document asks, a batch runs a thread per document; the texts are
// compared, not the address).
std::shared_ptr<const CellReader::Gates> GatesFor(const Rules& rules) {
  static std::mutex mutex;
  static std::shared_ptr<const CellReader::Gates> last;
  std::shared_ptr<const CellReader::Gates> gates;
  {
    std::lock_guard<std::mutex> lock(mutex);
    gates = last;
  }
  if (gates && gates->From(rules)) return gates;
  gates = std::make_shared<const CellReader::Gates>(rules);
  std::lock_guard<std::mutex> lock(mutex);
  last = gates;
  return gates;
}

}  // namespace

CellReader::CellReader(const Rules& rules) : rules_(rules), gates_(GatesFor(rules)) {}
CellReader::~CellReader() = default;

CellFacts CellReader::Facts(std::string_view cell) const { return ReadFacts(cell, rules_, gates_->marks); }
bool CellReader::MayHoldUnit(std::string_view cell) const { return gates_->MayHoldUnit(cell); }

namespace {

// CharMasks of the characters of a well-formed s, read from the last byte of
// each (c & 63) and the byte before it ((c >> 6) & 63; an ASCII
// character's is c >> 6). REQUIRES s well-formed: it is a compact_known
// short_compact, which ReadFacts fills a whole character at a time (a check
// per character here made the batch slower).
CharMasks WellFormedCharBits(std::string_view s) {
  CharMasks m;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned b = p[i];
    // The character's length from its lead (C0-DF 2, E0-EF 3, F0- 4 bytes).
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    i += len;
    m.low |= uint64_t{1} << (p[i - 1] & 63);
    m.mid |= uint64_t{1} << (len == 1 ? b >> 6 : p[i - 2] & 63);
  }
  return m;
}

// CharMasks of the characters of s (what CellReader::Gates::Needs reads);
// every bit when s holds an invalid sequence or U+FFFD.
CharMasks CharBits(std::string_view s) {
  CharMasks m;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
    if (c == 0xFFFD) return CharMasks::All();
    m.Add(c);
  }
  return m;
}

// ClassifyCell of a trimmed cell; `known`: its facts when the caller has them;
// `gates`: the regexes' needs, to skip the searches that cannot match (null:
// every search is made).
CellShape ClassifyTrimmed(std::string_view cell, const Rules& rules, const CellFacts* known,
                          const CellReader::Gates* gates) {
  if (cell.empty()) return CellShape::kEmpty;
  if (const int style = HeadingStyleOf(cell, rules, gates ? &gates->headings : nullptr); style >= 0) {
    // A first-level marker (一、) labels a section; any other an item.
    return rules.FirstLevel(style) ? CellShape::kSectionLabel : CellShape::kItemLabel;
  }
  // A group named by its ordinal (第二阶段：…, headers.yaml group_title): 第 first.
  if (cell.starts_with("\xE7\xAC\xAC") && rules.group_title.Contains(cell)) return CellShape::kSectionLabel;
  // A cell of more than 200 ideographs is past every test below that reads
  // its compact form (chars <= 200 and less): text, unless damaged.
  if (cell.size() > 3 * 200 && KeptIdeographs(cell, 201) > 200)
    return HasDamageMarkers(cell) ? CellShape::kGarbage : CellShape::kText;
  const CellFacts f = known ? *known : ReadCellFacts(cell, rules);
  // The compact form (Nfkc(RemoveSpaces(cell))) is only made when a test
  // reads it as a string: a short cell, or text the facts do not cover.
  std::string made, spaces_buf;
  std::string_view compact;
  size_t chars;
  bool sentence;
  if (f.compact_known) {
    chars = f.chars, sentence = f.sentence;
  } else {
    compact = made = Nfkc(RemoveSpaces(cell, &spaces_buf));
    chars = CharCount(compact);
    sentence = rules.punct.sentence_mark.In(compact);
  }
  bool dated = false;  // a short cell the deadline hint finds a date or period in
  if (chars <= 24) {
    if (f.compact_known)
      compact = f.short_size <= f.short_compact.size() ? std::string_view(f.short_compact.data(), f.short_size)
                                                       : std::string_view(made = Nfkc(RemoveSpaces(cell, &spaces_buf)));
    // The half of a duplicated phrase holds no character the whole lacks:
    // the whole's bits gate its searches too.
    // short_compact (compact_known) is well-formed without U+FFFD.
    const CharMasks bits = !gates ? CharMasks::All()
                          : f.compact_known && compact.data() == f.short_compact.data() ? WellFormedCharBits(compact)
                                                                                        : CharBits(compact);
    auto may = [&](size_t k) { return !gates || gates->deadlines[k].Met(bits); };
    if ((!gates || gates->hint.Met(bits)) && rules.deadline_hint.Contains(compact)) {
      dated = true;
      for (size_t k = 0; k < rules.deadlines.size(); ++k)
        if (may(k) && rules.deadlines[k].re.Contains(compact)) return CellShape::kDeadline;
      // A duplicated phrase ("2023年12月底前 2023年12月底前") is still a deadline.
      if (compact.size() % 2 == 0 && compact.substr(0, compact.size() / 2) == compact.substr(compact.size() / 2))
        for (size_t k = 0; k < rules.deadlines.size(); ++k)
          if (may(k) && rules.deadlines[k].re.Contains(compact.substr(0, compact.size() / 2))) return CellShape::kDeadline;
      // A deadline glossed in brackets that hold no digit (2025年8月29日(星期五),
      // 2025年6月底前(暂定)), or with its weekday before 前: the deadline the
      // resolver reads (the bracket's ) had made the cell a unit name's).
      std::string_view bare = compact;
      if (const size_t open = compact.rfind('('); compact.back() == ')' && open != std::string_view::npos && open > 0 &&
                                                  std::none_of(compact.begin() + static_cast<std::ptrdiff_t>(open), compact.end(),
                                                               [](char c) { return c >= '0' && c <= '9'; }))
        bare = compact.substr(0, open);
      std::string unweekday;
      if (rules.deadline_weekday.Contains(bare)) bare = unweekday = rules.deadline_weekday.ReplaceAll(bare, "");
      if (bare.size() < compact.size())
        for (size_t k = 0; k < rules.deadlines.size(); ++k)
          if (may(k) && rules.deadlines[k].re.Contains(bare)) return CellShape::kDeadline;
    }
  }
  // Without U+FFFD (raw_known) only "(cid:" can mark damage.
  if (f.raw_known ? f.ascii_paren && cell.find("(cid:") != std::string_view::npos : HasDamageMarkers(cell))
    return CellShape::kGarbage;
  // Scratch for the split (nothing below calls back here): no allocation per cell.
  static thread_local std::vector<std::string_view> names;
  names.clear();
  // A cell without spaces (its facts count none) has names without them:
  // RemoveSpaces would find nothing to remove.
  const bool spaceless = f.raw_known && f.chars == f.all_chars;
  auto complete_unit = [&](std::string_view n) {
    return spaceless ? IsCompleteSpaceless(n, rules) : IsCompleteUnit(n, rules);
  };
  // Both tests below find units only where a piece is a complete name: not
  // in a cell without a character such a name starts or ends with. Asked of
  // the cells the split test reads (no sentence): a sentence is only tried
  // with lead_clause, whose literal prefilter costs less than the scan.
  const bool may_units = chars <= 200 && (sentence || !gates || gates->MayHoldUnit(cell));
  // Either test below makes the cell units, and neither reads what the
  // other did: a list of names (the split test) is not searched for a lead
  // clause too.
  if (!sentence && may_units) {
    SplitTopLevel(cell, rules, &names);
    size_t complete = 0;
    for (const auto& n : names) complete += complete_unit(n);
    // A name's 12 characters, and the role keys' where the cell writes its
    // roles so (牵头单位：县财政局 配合单位：各项目业主单位).
    if (!names.empty() && complete * 2 >= names.size() + (names.size() > 2 ? 1 : 0) &&
        complete >= 1 &&
        (chars <= 12 * names.size() + 8 ||
         (complete == names.size() && chars <= 12 * names.size() + 8 + UnitKeyChars(cell, rules))) &&
        (complete == names.size() || !WordsBesideName(names, complete_unit, rules)))
      return CellShape::kUnits;
  }
  if (may_units) {
    // "X牵头，Y配合" names units with roles.
    if (auto m = rules.lead_clause.Find(cell); m.found && !m.Group("lead").empty()) {
      SplitTopLevel(m.Group("lead"), rules, &names);
      if (!names.empty() && std::all_of(names.begin(), names.end(), complete_unit))
        return CellShape::kUnits;
    }
  }
  // OCR debris: short, mostly digits/symbols/isolated single characters;
  // not a date no deadline pattern reads (2025年6月—12月), nor a numeric
  // date (2025.06.30, which the hint leaves to position: in the hint, a
  // pattern without a literal would cost every cell a search), which are kept.
  if (chars > 16 || dated) return CellShape::kText;
  // Table rules OCR read as characters (‖, 丨) are no part of a word: the
  // test reads the cell without them, and a cell that held one and keeps no
  // word of two characters is debris, even one character (丨口).
  std::string unruled;
  const MarkSet& rule_marks = rules.punct.rule_marks;
  const bool ruled = !rule_marks.marks().empty() && rule_marks.In(cell);
  if (ruled) {
    for (size_t i = 0; i < cell.size();) {
      const size_t at = i;
      const char32_t c = NextChar(cell, i);
      if (rule_marks.Has(c)) unruled.push_back(' ');
      else unruled.append(cell.substr(at, i - at));
    }
    cell = Trim(unruled);
    if (cell.empty()) return CellShape::kGarbage;
  }
  // Two ideographs in a row that are no numerals are one Han token of two
  // characters at least (the tokenizer's runs): no debris. Numerals are
  // ruled out as the tokenizer does, by a filter on (c & 63) first.
  if (gates) {
    uint64_t numeral_bits = 0;
    for (const auto* t : {&rules.numerals.digits, &rules.numerals.units})
      for (const auto& [c, v] : *t) numeral_bits |= uint64_t{1} << (c & 63);
    bool han_before = false;
    for (size_t i = 0; i < cell.size();) {
      const char32_t c = NextChar(cell, i);
      const bool han = c >= 0x4E00 && c <= 0x9FFF && !((numeral_bits >> (c & 63)) & 1);
      if (han && han_before) return CellShape::kText;
      han_before = han;
    }
  }
  if (rules.year_in_text.Contains(cell)) return CellShape::kText;
  auto tokens = Tokenize(cell, rules);
  size_t han = 0, noise = 0, longest_han = 0;
  for (const auto& t : tokens) {
    if (t.kind == TokenKind::kHan || t.kind == TokenKind::kCjkNumeral) {
      ++han;
      longest_han = std::max(longest_han, CharCount(t.text));
    } else if (t.kind != TokenKind::kSpace) {
      ++noise;
    }
  }
  // A ditto (同上, headers.yaml) spaced out (同 上) is single characters too,
  // but words: the table's repair copies the cell above for it.
  if (longest_han <= 1 && (han + noise) >= (ruled ? 1u : 2u))
    return std::find(rules.ditto.begin(), rules.ditto.end(), compact) == rules.ditto.end() ? CellShape::kGarbage
                                                                                           : CellShape::kText;
  return CellShape::kText;
}

}  // namespace

std::string_view WithoutEmphasis(std::string_view s, const Rules& rules) {
  s = Trim(s);
  for (const auto& [open, close] : rules.emphasis)
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close))
      return Trim(s.substr(open.size(), s.size() - open.size() - close.size()));
  return s;
}

size_t UnitKeyChars(std::string_view cell, const Rules& rules) {
  const Punctuation& pu = rules.punct;
  size_t total = 0;
  for (size_t at = pu.colon.Find(cell); at != std::string_view::npos;) {
    size_t b = at, k = 0;  // the key: back from the colon to a space, a separator, a bracket or the start
    while (b > 0) {
      const char32_t c = PrevChar(cell, b, &k);
      if (IsSpace(c) || pu.comma.Has(c) || pu.semicolon.Has(c) || pu.enumeration.Has(c) || pu.opens.Has(c)) break;
      b = k;
    }
    const std::string_view key = cell.substr(b, at - b);
    const ClauseRole role = KeyRole(key, rules);
    if (role != ClauseRole::kLead && role != ClauseRole::kSupport && role != ClauseRole::kUnits) return 0;
    total += CharCount(key) + 1;
    at = pu.colon.Find(cell, at + pu.colon.StartLength(cell.substr(at)));
  }
  return total;
}

CellShape ClassifyCell(std::string_view cell, const Rules& rules) {
  return ClassifyTrimmed(Trim(cell), rules, nullptr, nullptr);
}

bool WordsBesideName(const std::vector<std::string_view>& names,
                     const std::function<bool(std::string_view)>& complete, const Rules& rules) {
  bool starts = false, long_words = false;
  for (std::string_view n : names) {
    // After a key (牵头单位：县财政局).
    for (size_t c; (c = rules.punct.colon.Find(n)) != std::string_view::npos;)
      n.remove_prefix(c + rules.punct.colon.StartLength(n.substr(c)));
    starts = starts || StartsLikeUnit(n, rules);
    long_words = long_words || (!complete(n) && CharCountUpTo(n, kLongestCutName + 1) > kLongestCutName);
  }
  return long_words && !starts;
}

CellShape ClassifyCell(std::string_view cell, const Rules& rules, const CellFacts& facts) {
  return ClassifyTrimmed(Trim(cell), rules, &facts, nullptr);
}

CellShape CellReader::Classify(std::string_view cell, const CellFacts& facts) const {
  return ClassifyTrimmed(Trim(cell), rules_, &facts, gates_.get());
}

namespace {

// The last sections of a body whose items name no units and no deadline, after
// three or more items that every one names its units: the notice's closing requirements
// (四、保障措施 （一）加强组织领导。…), not tasks. Whole sections only; said in
// a document warning.
void DropClosingSections(Document* doc, const Rules& rules) {
  std::vector<Task>& tasks = doc->tasks;
  // A task with a deadline (its clause's, or one its content writes, which
  // DeadlinesFromContent reads later) is work to do, not a requirement.
  auto bare = [&](const Task& t) {
    return t.units.empty() && !t.deadline.text && !NamesDeadline(t.content, rules);
  };
  size_t k = tasks.size();
  while (k > 0 && bare(tasks[k - 1]) && tasks[k - 1].section) --k;
  if (k < 3 || k == tasks.size() || tasks[k].section == tasks[k - 1].section) return;
  for (size_t i = 0; i < k; ++i)
    if (tasks[i].units.empty()) return;
  const Task& first = tasks[k];
  int line = first.first_line;  // the section's heading, when the outline has it
  for (const Section& s : doc->sections)
    if (s.index == *first.section && s.line > 0) line = s.line;
  doc->Warn("tasks.closing_section",
            "the items of section " + first.section_no + " (line " + std::to_string(line) +
                ") and after name no units where every item above names theirs: the notice's closing requirements, "
                "not tasks (" + std::to_string(tasks.size() - k) + " dropped)",
            line);
  tasks.resize(k);
}

}  // namespace

void ClassifyDocument(Document* doc, bool has_table, const std::vector<Line>& lines, const Rules& rules) {
  if (has_table) {
    doc->kind = "notice_with_annex";
    return;
  }
  const std::string title = doc->document.title.value_or("");
  auto drop_tasks = [&](const char* code, const std::string& why) {
    // The body items are not listed as tasks after all.
    for (size_t k = doc->diagnostics.size(); k-- > 0;)
      if (doc->diagnostics[k].code == "tasks.from_body") {
        std::erase(doc->warnings, doc->diagnostics[k].message);
        doc->diagnostics.erase(doc->diagnostics.begin() + static_cast<std::ptrdiff_t>(k));
      }
    doc->Warn(code, why);  // said even when no paragraph was a task: it is why there are none
    doc->tasks.clear();
  };
  // The first 12 lines that are not blank, each ending in a line break; sized
  // first (a notice on one 20 MB line made a 40 MB string growing it).
  size_t head_end = 0, head_size = 0;
  for (size_t n = 0; head_end < lines.size() && n < 12; ++head_end)
    if (lines[head_end].kind != LineKind::kBlank) head_size += lines[head_end].text.size() + 1, ++n;
  std::string head;
  head.reserve(head_size);
  for (size_t i = 0; i < head_end; ++i)
    if (lines[i].kind != LineKind::kBlank) head.append(lines[i].text).push_back('\n');
  bool cover = rules.cover_title.Contains(title);
  if (!cover && (rules.news_title.Contains(title) || rules.news_text.Contains(head))) {
    doc->kind = "news";
    drop_tasks("kind.news_report", "a news report or an explainer about a plan: its paragraphs are not tasks");
    return;
  }
  // A cover notice ends with its issuer and date; numbered paragraphs above
  // that line are its requirements to the recipients, the plan (if printed) follows.
  if (cover && doc->document.date) {
    int signature = 0;
    int first_task = doc->tasks.empty() ? 0 : doc->tasks.front().first_line;
    for (const auto& l : lines) {
      if (l.kind != LineKind::kText || l.no <= first_task) continue;
      std::string c = RemoveSpaces(l.text);
      if (CharCount(c) > 20) continue;
      if (auto m = rules.date.Find(c); m.found && m.begin == 0 && m.end == c.size()) {
        signature = l.no;
        break;
      }
    }
    size_t before = 0;
    bool before_assigns = false;  // a paragraph above the date names units: the plan is printed in the notice itself
    for (const auto& t : doc->tasks)
      if (signature > 0 && t.first_line < signature) ++before, before_assigns |= !t.units.empty();
    if (before > 0 && !before_assigns) {
      std::vector<Task> kept;
      for (auto& t : doc->tasks)
        if (t.first_line > signature) kept.push_back(std::move(t));
      for (size_t k = 0; k < kept.size(); ++k) kept[k].id = static_cast<int>(k) + 1;
      doc->tasks = std::move(kept);
      doc->Warn("kind.cover_requirements",
                std::to_string(before) + " numbered paragraphs before the cover notice's date (line " +
                    std::to_string(signature) + ") are requirements to its recipients, not tasks",
                signature);
    }
  }
  bool assigns = std::any_of(doc->tasks.begin(), doc->tasks.end(), [](const Task& t) {
    return !t.units.empty() || t.deadline.text.has_value();
  });
  if (doc->tasks.empty()) {
    doc->kind = cover ? "notice_without_annex" : "other";
    if (cover) doc->Warn("kind.cover_without_annex", "a cover notice whose annex is not in the text: no tasks");
    return;
  }
  if (assigns) DropClosingSections(doc, rules);
  if (assigns || title.empty() || rules.plan_title.Contains(title)) {
    doc->kind = "body_assignments";
    if (!assigns) doc->Warn("kind.body_assigns_nothing", "the body items name no units or deadlines");
    // The message says what the other items name: units, or deadlines only.
    const bool others_name_units =
        std::any_of(doc->tasks.begin(), doc->tasks.end(), [](const Task& t) { return !t.units.empty(); });
    for (auto& t : doc->tasks)
      if (assigns && t.units.empty())
        t.Warn("units.missing", others_name_units ? "no units written for this item (other items name theirs)"
                                                  : "no units written for this item (the items name deadlines only)");
    return;
  }
  doc->kind = "other";
  drop_tasks("kind.not_tasks", "no task table and the body assigns nothing (no units, no deadlines, not a plan): its paragraphs are not tasks");
}

}  // namespace noticetab
