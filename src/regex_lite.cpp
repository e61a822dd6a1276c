#include "regex_lite.h"
#include "utf8_scan.h"
#include "varint.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <deque>
#include <utility>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "noticetab/text.h"

namespace noticetab::regex_lite {

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// ICU 72's \p{Han} (Unicode 15.0, script Han): the same table as text.cpp's
// kHanSet; tests/regex_lite_test.cpp compares it with ICU over every code point.
const Ranges kHan = {
    {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3005, 0x3005},   {0x3007, 0x3007},
    {0x3021, 0x3029},   {0x3038, 0x303B},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xF900, 0xFA6D},
    {0xFA70, 0xFAD9},   {0x16FE2, 0x16FE3}, {0x16FF0, 0x16FF1}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B739},
    {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
    {0x31350, 0x323AF}};
// Unicode White_Space, ICU's \s.
const Ranges kSpace = {{0x09, 0x0D}, {0x20, 0x20},     {0x85, 0x85},     {0xA0, 0xA0},     {0x1680, 0x1680},
                       {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}};
// \d as text.cpp hands it to ICU: ASCII and full-width digits.
const Ranges kDigit = {{'0', '9'}, {0xFF10, 0xFF19}};
// What . does not match (ICU's isLineTerminator).
const Ranges kLineEnd = {{0x0A, 0x0D}, {0x85, 0x85}, {0x2028, 0x2029}};

bool IsLineEnd(char32_t c) { return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029; }

// Whether a line terminator starts at s[q]. As NextChar reads any text: an
// ASCII byte is always a character of its own, and C2 or E2 always starts
// one (neither is a continuation byte), so U+0085 (C2 85) and U+2028/9
// (E2 80 A8/A9) are found by their bytes alone.
bool LineEndAt(const unsigned char* p, size_t q, size_t n) {
  const unsigned b = p[q];
  if (b - 0x0Au < 4u) return true;
  if (b == 0xC2) return q + 1 < n && p[q + 1] == 0x85;
  if (b == 0xE2) return q + 2 < n && p[q + 1] == 0x80 && (p[q + 2] == 0xA8 || p[q + 2] == 0xA9);
  return false;
}

// For a greedy unbounded repeat of . from pos (a character boundary): where
// the run of non-terminators ends (the first line terminator, or n), and in
// *chars the characters it holds, counted as the bytes that are not UTF-8
// continuation bytes (NextChar's count for well-formed text; the count only
// feeds the step budget). 16 bytes at a time: only C2, E2 and 0A-0D can
// start a terminator.
size_t DotRunEnd(std::string_view s, size_t pos, size_t* chars) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t count = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  const __m128i k0a = _mm_set1_epi8(0x0A), k3 = _mm_set1_epi8(3);
  const __m128i kc2 = _mm_set1_epi8(static_cast<char>(0xC2)), ke2 = _mm_set1_epi8(static_cast<char>(0xE2));
  const __m128i kcont = _mm_set1_epi8(-64);  // continuation bytes 80-BF are < -64 as signed
  const __m128i kone = _mm_set1_epi8(1), kzero = _mm_setzero_si128();
  __m128i sums = kzero;  // character starts of the blocks passed, in two 64-bit lanes
  while (pos + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    const __m128i t = _mm_sub_epi8(v, k0a);
    const __m128i cand = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, k3), t),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, kc2), _mm_cmpeq_epi8(v, ke2)));
    const __m128i cont = _mm_cmplt_epi8(v, kcont);
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(cand));
    while (mask != 0) {
      const unsigned k = static_cast<unsigned>(std::countr_zero(mask));
      if (LineEndAt(p, pos + k, n)) {
        for (size_t j = pos; j < pos + k; ++j) count += (p[j] & 0xC0) != 0x80;
        *chars = count + static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
                 static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
        return pos + k;
      }
      mask &= mask - 1;
    }
    sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_andnot_si128(cont, kone), kzero));
    pos += 16;
  }
  count += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
           static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  // The last 0-15 bytes: the block of the text's last 16 bytes, less the
  // places already passed, instead of a byte at a time.
  if (pos < n && n >= 16) {
    const size_t base = n - 16;
    const unsigned from = ~0u << (pos - base) & 0xFFFFu;  // the places from pos on
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + base));
    const __m128i t = _mm_sub_epi8(v, k0a);
    const __m128i cand = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, k3), t),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, kc2), _mm_cmpeq_epi8(v, ke2)));
    const unsigned starts = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, kcont))) & from;
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(cand)) & from;
    while (mask != 0) {
      const unsigned k = static_cast<unsigned>(std::countr_zero(mask));
      if (LineEndAt(p, base + k, n)) {
        *chars = count + static_cast<size_t>(std::popcount(starts & ((1u << k) - 1)));
        return base + k;
      }
      mask &= mask - 1;
    }
    *chars = count + static_cast<size_t>(std::popcount(starts));
    return n;
  }
#endif
  for (; pos < n; ++pos) {
    if (LineEndAt(p, pos, n)) break;
    if ((p[pos] & 0xC0) != 0x80) ++count;
  }
  *chars = count;
  return pos;
}

}  // namespace

struct Program::Set {
  Ranges ranges;  // sorted, merged
  bool negated = false;
  uint64_t ascii[2] = {0, 0};  // membership of 0-127, negation applied
  bool dot = false;  // every character but the line terminators (.)
  void Finish() {
    if (!std::is_sorted(ranges.begin(), ranges.end())) std::sort(ranges.begin(), ranges.end());
    size_t out = 0;  // merged in place
    for (size_t k = 0; k < ranges.size(); ++k) {
      if (out > 0 && ranges[k].first <= ranges[out - 1].second + 1) {
        ranges[out - 1].second = std::max(ranges[out - 1].second, ranges[k].second);
      } else {
        ranges[out++] = ranges[k];
      }
    }
    ranges.resize(out);
    for (const auto& [lo, hi] : ranges)
      for (char32_t c = lo; c <= hi && c < 128; ++c) ascii[c >> 6] |= uint64_t{1} << (c & 63);
    if (negated) {
      ascii[0] = ~ascii[0];
      ascii[1] = ~ascii[1];
    }
    dot = negated && ranges == kLineEnd;
    Filter();
  }
  // Two 64-bit filters of the members past ASCII, by bits 0-5 and 6-11 of
  // the character (as MarkSet's): a character whose two bits are not both
  // set is in no range, so Has answers without a search of the ranges. Kept
  // off where the ranges are few (a short scan) or the filters let all pass.
  uint64_t low = ~uint64_t{0}, mid = ~uint64_t{0};
  bool filtered = false;
  void Filter() {
    filtered = false;
    if (ranges.size() <= 4) return;  // read on each program's load: only where used
    low = mid = 0;
    for (auto [lo, hi] : ranges) {
      if (hi < 128) continue;
      lo = std::max<char32_t>(lo, 128);
      // The bits of lo .. hi (mod 64): a run of ones turned to lo's bit.
      const auto span = [](char32_t a, char32_t b) {
        return b - a >= 63 ? ~uint64_t{0} : std::rotl((uint64_t{2} << (b - a)) - 1, static_cast<int>(a & 63));
      };
      low |= span(lo, hi);
      mid |= span(lo >> 6, hi >> 6);
    }
    filtered = low != ~uint64_t{0} || mid != ~uint64_t{0};
  }
  bool InRanges(char32_t c) const {
    if (ranges.size() <= 4) {
      for (const auto& [lo, hi] : ranges)
        if (c >= lo && c <= hi) return true;
      return false;
    }
    auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                               [](char32_t v, const std::pair<char32_t, char32_t>& r) { return v < r.first; });
    return it != ranges.begin() && c <= std::prev(it)->second;
  }
  bool Has(char32_t c) const {
    if (c < 128) return (ascii[c >> 6] >> (c & 63)) & 1;
    if (ranges.empty() || c > ranges.back().second) return negated;
    if (filtered && !((low >> (c & 63)) & (mid >> ((c >> 6) & 63)) & 1)) return negated;
    return InRanges(c) != negated;
  }
};

// kRepeatSet: a greedy repeat of one set, as ICU's own loop over a set: takes
// as many characters as it can (x: set, y: min, z: max or kUnbounded), then
// gives them back one at a time on backtracking.
enum class Op : uint8_t { kStr, kSet, kRepeatSet, kSplit, kJmp, kSave, kBol, kEol, kLook, kBehind, kMatch };
constexpr uint32_t kUnbounded = 0xFFFFFFFF;

struct Program::Inst {
  Op op;
  bool neg = false;
  // kSplit: preferred, other; kJmp: target; kSave: slot; kLook: body, after;
  // kSet/kBehind: set; kStr: offset and length in lits_. neg: kLook/kBehind
  // negated; kRepeatSet: possessive (no give-back frame).
  uint32_t x = 0, y = 0, z = 0;
};

Program::Program() = default;
Program::~Program() = default;

namespace {

struct Node {
  enum Kind { kEmpty, kLit, kSet, kCat, kAlt, kGroup, kRepeat, kBol, kEol, kLook } kind = kEmpty;
  char32_t c = 0;    // kLit: its first character
  std::string str;   // kLit: its characters, UTF-8 ("" for a U+FFFD, matched as a set)
  int set = -1;
  int group = -1;  // kGroup: capture number, -1 none
  int min = 0, max = 0;  // kRepeat: max -1 unbounded
  bool greedy = true;
  bool ahead = true, negate = false;  // kLook
  std::vector<Node*> kids;
};
// Nodes live in the parser's arena (a deque: stable addresses, few allocations).
using NodeP = Node*;

bool Nullable(const Node& n) {
  switch (n.kind) {
    case Node::kLit:
    case Node::kSet:
      return false;
    case Node::kCat:
      for (const auto& k : n.kids)
        if (!Nullable(*k)) return false;
      return true;
    case Node::kAlt:
      for (const auto& k : n.kids)
        if (Nullable(*k)) return true;
      return false;
    case Node::kGroup:
      return Nullable(*n.kids[0]);
    case Node::kRepeat:
      return n.min == 0 || Nullable(*n.kids[0]);
    default:
      return true;
  }
}

bool HasGroup(const Node& n) {
  if (n.kind == Node::kGroup && n.group >= 0) return true;
  for (const auto& k : n.kids)
    if (HasGroup(*k)) return true;
  return false;
}

class Parser {
 public:
  Parser(std::string_view p, std::vector<Program::Set>& sets) : p_(p), sets_(sets) {}
  NodeP Parse() {
    NodeP n = Alt();
    if (bad_ || i_ != p_.size()) return nullptr;
    return n;
  }
  std::vector<std::string> names{""};

 private:
  static bool IsQuantifier(char q) { return q == '*' || q == '+' || q == '?' || q == '{'; }
  NodeP Make(Node::Kind k) {
    Node& n = arena_.emplace_back();
    n.kind = k;
    return &n;
  }
  NodeP Literal(char32_t c) {
    NodeP n = Make(Node::kLit);
    n->c = c;
    if (c != 0xFFFD) AppendUtf8(n->str, c);
    return n;
  }
  char Peek(size_t k = 0) const { return i_ + k < p_.size() ? p_[i_ + k] : '\0'; }
  bool More() const { return i_ < p_.size(); }
  NodeP Fail() {
    bad_ = true;
    return nullptr;
  }

  NodeP Alt() {
    NodeP first = Cat();
    if (bad_ || Peek() != '|') return first;
    NodeP alt = Make(Node::kAlt);
    alt->kids.push_back(std::move(first));
    while (!bad_ && More() && Peek() == '|') {
      ++i_;
      alt->kids.push_back(Cat());
    }
    return bad_ ? nullptr : std::move(alt);
  }

  NodeP Cat() {
    NodeP cat = Make(Node::kCat);
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      // A plain character that no quantifier follows joins the literal run before it.
      if (static_cast<unsigned char>(Peek()) >= 0x80 || !std::strchr("\\()[]{}|.^$*+?", Peek())) {
        const size_t start = i_;
        char32_t c = 0;
        if (Char(c) && c != 0xFFFD && !IsQuantifier(Peek())) {
          if (cat->kids.empty() || cat->kids.back()->kind != Node::kLit || cat->kids.back()->str.empty()) {
            NodeP lit = Make(Node::kLit);
            lit->c = c;
            cat->kids.push_back(std::move(lit));
          }
          cat->kids.back()->str.append(p_.substr(start, i_ - start));
          continue;
        }
        i_ = start;
      }
      NodeP atom = Atom();
      if (bad_) return nullptr;
      atom = Quantified(std::move(atom));
      if (bad_) return nullptr;
      cat->kids.push_back(std::move(atom));
    }
    return cat;
  }

  bool Number(int& v) {
    if (!std::isdigit(static_cast<unsigned char>(Peek()))) return false;
    v = 0;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) {
      v = v * 10 + (Peek() - '0');
      if (v > 1000) return false;
      ++i_;
    }
    return true;
  }

  NodeP Quantified(NodeP atom) {
    const char q = Peek();
    if (q != '?' && q != '*' && q != '+' && q != '{') return atom;
    if (atom->kind == Node::kBol || atom->kind == Node::kEol || atom->kind == Node::kLook ||
        atom->kind == Node::kEmpty)
      return Fail();
    int min = 0, max = -1;
    ++i_;
    if (q == '?') max = 1;
    else if (q == '+') min = 1;
    else if (q == '{') {
      if (!Number(min)) return Fail();
      if (Peek() == '}') {
        max = min;
      } else if (Peek() == ',') {
        ++i_;
        if (Peek() != '}' && !Number(max)) return Fail();
        if (max >= 0 && max < min) return Fail();
      } else {
        return Fail();
      }
      if (Peek() != '}') return Fail();
      ++i_;
    }
    bool greedy = true;
    if (Peek() == '?') {
      greedy = false;
      ++i_;
    }
    const char next = Peek();
    if (next == '?' || next == '*' || next == '+' || next == '{') return Fail();  // possessive, stacked
    if ((max < 0 || max > 1) && Nullable(*atom)) return Fail();  // ICU's empty-iteration rules: not followed
    NodeP r = Make(Node::kRepeat);
    r->min = min;
    r->max = max;
    r->greedy = greedy;
    r->kids.push_back(std::move(atom));
    return r;
  }

  int AddSet(Program::Set s) {
    s.Finish();
    sets_.push_back(std::move(s));
    return static_cast<int>(sets_.size() - 1);
  }
  NodeP SetNode(const Ranges& r, bool negated) {
    Program::Set s;
    s.ranges = r;
    s.negated = negated;
    NodeP n = Make(Node::kSet);
    n->set = AddSet(std::move(s));
    return n;
  }

  // A literal character at i_ (valid UTF-8), or false.
  bool Char(char32_t& c) {
    if (!More()) return false;
    const size_t start = i_;
    const auto b = static_cast<unsigned char>(p_[i_]);
    c = NextChar(p_, i_);
    if (b >= 0x80 && c == 0xFFFD) {
      // Only a real U+FFFD (EF BF BD); ICU reads bad UTF-8 its own way.
      if (p_.substr(start, i_ - start) != "\xEF\xBF\xBD") return false;
    }
    return true;
  }

  // After a backslash: a class (ranges, negated) or a literal character.
  enum class Esc { kBad, kLit, kClass };
  Esc Escape(char32_t& c, const Ranges*& cls, bool& negated) {
    negated = false;
    if (!More()) return Esc::kBad;
    const char e = Peek();
    if (static_cast<unsigned char>(e) >= 0x80) return Esc::kBad;
    ++i_;
    switch (e) {
      case 'd':
        cls = &kDigit;
        return Esc::kClass;
      case 's':
        cls = &kSpace;
        return Esc::kClass;
      case 'S':
        cls = &kSpace;
        negated = true;
        return Esc::kClass;
      case 'p':
        if (p_.substr(i_, 5) != "{Han}") return Esc::kBad;
        i_ += 5;
        cls = &kHan;
        return Esc::kClass;
      case 'n':
        c = '\n';
        return Esc::kLit;
      case 't':
        c = '\t';
        return Esc::kLit;
      case 'r':
        c = '\r';
        return Esc::kLit;
      case 'f':
        c = '\f';
        return Esc::kLit;
      default:
        if (std::ispunct(static_cast<unsigned char>(e))) {
          c = static_cast<char32_t>(e);
          return Esc::kLit;
        }
        return Esc::kBad;
    }
  }

  NodeP Atom() {
    const char ch = Peek();
    switch (ch) {
      case '(':
        return Group();
      case '[':
        return SetAtom();
      case '.':
        ++i_;
        return SetNode(kLineEnd, true);
      case '^':
        ++i_;
        return Make(Node::kBol);
      case '$':
        ++i_;
        return Make(Node::kEol);
      case '\\': {
        ++i_;
        char32_t c = 0;
        const Ranges* cls = nullptr;
        bool negated = false;
        switch (Escape(c, cls, negated)) {
          case Esc::kBad:
            return Fail();
          case Esc::kClass:
            return SetNode(*cls, negated);
          case Esc::kLit:
            return Literal(c);
        }
        return Fail();
      }
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        return Fail();
      default: {
        char32_t c = 0;
        if (!Char(c)) return Fail();
        return Literal(c);
      }
    }
  }

  // A member character of a set that ICU surely reads as itself.
  static bool PlainSetChar(char c) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) return true;
    return std::strchr(" !\"#%'()*+,./:;<=>?@_`|~", c) != nullptr && c != '\0';
  }

  NodeP SetAtom() {
    ++i_;  // [
    Program::Set s;
    if (Peek() == '^') {
      s.negated = true;
      ++i_;
    }
    if (Peek() == ']') return Fail();
    if (Peek() == ':' && p_.find(":]") != std::string_view::npos) return Fail();  // [:name:]
    bool first = true, after_range = false;
    for (;;) {
      if (!More()) return Fail();
      const char ch = Peek();
      if (ch == ']') {
        ++i_;
        break;
      }
      if (ch == '-') {
        // A '-' first or last is a member; "--" is ICU's set difference,
        // and a '-' after a range or a class is left to ICU too.
        if (Peek(1) != '-' && (first || (Peek(1) == ']' && !after_range))) {
          s.ranges.push_back({'-', '-'});
          ++i_;
          first = false;
          continue;
        }
        return Fail();
      }
      first = false;
      after_range = false;
      char32_t lo = 0;
      if (!Member(s, lo)) return Fail();
      if (lo == kClassMember) {
        if (Peek() == '-' || Peek() == '&') return Fail();
        continue;
      }
      if (Peek() == '-' && Peek(1) != ']') {
        after_range = true;
        ++i_;
        char32_t hi = 0;
        Program::Set dummy;
        if (!Member(dummy, hi) || hi == kClassMember || hi < lo) return Fail();
        s.ranges.push_back({lo, hi});
      } else {
        s.ranges.push_back({lo, lo});
      }
    }
    NodeP n = Make(Node::kSet);
    n->set = AddSet(std::move(s));
    return n;
  }

  static constexpr char32_t kClassMember = 0xFFFFFFFF;
  // One member at i_: a character (c) or a class added to s (c = kClassMember).
  bool Member(Program::Set& s, char32_t& c) {
    const char ch = Peek();
    if (ch == '\\') {
      if (i_ > 0 && (p_[i_ - 1] == '-' || p_[i_ - 1] == '&')) {
        // an operand of a range or && (text.cpp leaves \d, \p{Han} there as written)
        const char e = Peek(1);
        if (e == 'd' || e == 'p' || e == 's' || e == 'S') return false;
      }
      ++i_;
      const Ranges* cls = nullptr;
      bool negated = false;
      switch (Escape(c, cls, negated)) {
        case Esc::kBad:
          return false;
        case Esc::kLit:
          return true;
        case Esc::kClass:
          if (negated) return false;
          s.ranges.insert(s.ranges.end(), cls->begin(), cls->end());
          c = kClassMember;
          return true;
      }
      return false;
    }
    if (!PlainSetChar(ch)) return false;
    return Char(c);
  }

  NodeP Group() {
    ++i_;  // (
    int group = -1;
    bool look = false, ahead = true, negate = false;
    if (Peek() == '?') {
      const char k = Peek(1), k2 = Peek(2);
      if (k == ':') {
        i_ += 2;
      } else if (k == '=' || k == '!') {
        look = true;
        negate = k == '!';
        i_ += 2;
      } else if (k == '<' && (k2 == '=' || k2 == '!')) {
        look = true;
        ahead = false;
        negate = k2 == '!';
        i_ += 3;
      } else if (k == '<' && std::isalpha(static_cast<unsigned char>(k2))) {
        i_ += 2;
        const size_t start = i_;
        while (std::isalnum(static_cast<unsigned char>(Peek()))) ++i_;
        if (Peek() != '>') return Fail();
        std::string name(p_.substr(start, i_ - start));
        ++i_;
        if (std::find(names.begin(), names.end(), name) != names.end()) return Fail();
        group = static_cast<int>(names.size());
        names.push_back(std::move(name));
      } else {
        return Fail();  // flags, comments, atomic groups, ...
      }
    } else {
      group = static_cast<int>(names.size());
      names.emplace_back();
    }
    NodeP body = Alt();
    if (bad_ || Peek() != ')') return Fail();
    ++i_;
    if (look) {
      if (HasGroup(*body)) return Fail();
      NodeP n = Make(Node::kLook);
      n->ahead = ahead;
      n->negate = negate;
      if (!ahead) {
        // One character only: the body must be one set or literal.
        const Node* b = body;
        while ((b->kind == Node::kCat || b->kind == Node::kAlt) && b->kids.size() == 1) b = b->kids[0];
        std::string one;
        if (b->kind == Node::kLit && b->c != 0xFFFD) AppendUtf8(one, b->c);
        if (b->kind == Node::kLit && b->str == one) {
          Program::Set s;
          s.ranges.push_back({b->c, b->c});
          n->set = AddSet(std::move(s));
        } else if (b->kind == Node::kSet) {
          n->set = b->set;
        } else {
          return Fail();
        }
        return n;
      }
      n->kids.push_back(std::move(body));
      return n;
    }
    NodeP n = Make(Node::kGroup);
    n->group = group;
    n->kids.push_back(std::move(body));
    return n;
  }

  std::string_view p_;
  size_t i_ = 0;
  bool bad_ = false;
  std::deque<Node> arena_;
  std::vector<Program::Set>& sets_;
};

constexpr size_t kMaxCode = 20000;

class Emitter {
 public:
  Emitter(std::vector<Program::Inst>& code, std::string& lits) : code_(code), lits_(lits) {}
  bool ok() const { return code_.size() <= kMaxCode; }

  uint32_t Emit(Op op, uint32_t x = 0, uint32_t y = 0) {
    Program::Inst in;
    in.op = op;
    in.x = x;
    in.y = y;
    code_.push_back(in);
    return static_cast<uint32_t>(code_.size() - 1);
  }
  uint32_t Here() const { return static_cast<uint32_t>(code_.size()); }

  void Node(const struct Node& n) {
    if (!ok()) return;
    switch (n.kind) {
      case Node::kEmpty:
        return;
      case Node::kLit:
        if (n.str.empty()) {
          Emit(Op::kSet, static_cast<uint32_t>(fffd_set));  // also what bad UTF-8 in the text reads as
        } else {
          Str(n.str);
        }
        return;
      case Node::kSet:
        Emit(Op::kSet, static_cast<uint32_t>(n.set));
        return;
      case Node::kCat:
        // Runs of literals become one byte comparison.
        for (size_t k = 0; k < n.kids.size();) {
          std::string run;
          while (k < n.kids.size() && n.kids[k]->kind == Node::kLit && !n.kids[k]->str.empty())
            run += n.kids[k++]->str;
          if (!run.empty()) {
            Str(run);
            continue;
          }
          Node(*n.kids[k++]);
        }
        return;
      case Node::kAlt: {
        std::vector<uint32_t> jumps;
        for (size_t k = 0; k < n.kids.size(); ++k) {
          if (k + 1 < n.kids.size()) {
            const uint32_t split = Emit(Op::kSplit);
            code_[split].x = Here();
            Node(*n.kids[k]);
            jumps.push_back(Emit(Op::kJmp));
            code_[split].y = Here();
          } else {
            Node(*n.kids[k]);
          }
        }
        for (uint32_t j : jumps) code_[j].x = Here();
        return;
      }
      case Node::kGroup:
        if (n.group >= 0) Emit(Op::kSave, static_cast<uint32_t>(2 * n.group));
        Node(*n.kids[0]);
        if (n.group >= 0) Emit(Op::kSave, static_cast<uint32_t>(2 * n.group + 1));
        return;
      case Node::kRepeat:
        Repeat(n);
        return;
      case Node::kBol:
        Emit(Op::kBol);
        return;
      case Node::kEol:
        Emit(Op::kEol);
        return;
      case Node::kLook: {
        if (!n.ahead) {
          const uint32_t b = Emit(Op::kBehind, static_cast<uint32_t>(n.set));
          code_[b].neg = n.negate;
          return;
        }
        const uint32_t look = Emit(Op::kLook);
        code_[look].neg = n.negate;
        code_[look].x = Here();
        Node(*n.kids[0]);
        Emit(Op::kMatch);
        code_[look].y = Here();
        return;
      }
    }
  }

 private:
  void Str(const std::string& bytes) {
    Emit(Op::kStr, static_cast<uint32_t>(lits_.size()), static_cast<uint32_t>(bytes.size()));
    lits_ += bytes;
  }

  // A split whose preferred branch is `body` when greedy.
  uint32_t Split(bool greedy) {
    const uint32_t s = Emit(Op::kSplit);
    code_[s].neg = greedy;  // remembered until patched
    return s;
  }
  void Patch(uint32_t split, uint32_t body, uint32_t out) {
    const bool greedy = code_[split].neg;
    code_[split].neg = false;
    code_[split].x = greedy ? body : out;
    code_[split].y = greedy ? out : body;
  }

  void Repeat(const struct Node& n) {
    const struct Node& body = *n.kids[0];
    if (body.kind == Node::kSet && n.greedy) {
      const uint32_t at = Emit(Op::kRepeatSet, static_cast<uint32_t>(body.set), static_cast<uint32_t>(n.min));
      code_[at].z = n.max < 0 ? kUnbounded : static_cast<uint32_t>(n.max);
      return;
    }
    for (int k = 0; k < n.min; ++k) {
      Node(body);
      if (!ok()) return;
    }
    if (n.max < 0) {  // star: split(L1, out); L1: body; split(L1, out); out:
      const uint32_t split = Split(n.greedy);
      const uint32_t start = Here();
      Node(body);
      const uint32_t again = Split(n.greedy);
      Patch(split, start, Here());
      Patch(again, start, Here());
      return;
    }
    std::vector<uint32_t> splits;
    for (int k = n.min; k < n.max; ++k) {
      splits.push_back(Split(n.greedy));
      Node(body);
      if (!ok()) return;
    }
    const uint32_t out = Here();
    for (uint32_t s : splits) Patch(s, s + 1, out);
  }

 public:
  int fffd_set = -1;

 private:
  std::vector<Program::Inst>& code_;
  std::string& lits_;
};

// Whether every match starts at 0 (each branch begins with ^).
bool Anchored(const Node& n) {
  switch (n.kind) {
    case Node::kBol:
      return true;
    case Node::kCat:
      return !n.kids.empty() && Anchored(*n.kids[0]);
    case Node::kAlt:
      for (const auto& k : n.kids)
        if (!Anchored(*k)) return false;
      return true;
    case Node::kGroup:
      return Anchored(*n.kids[0]);
    default:
      return false;
  }
}

// Adds the characters a match of n can start with to r; true when n can
// match the empty string (then what follows can start a match too).
bool First(const Node& n, const std::vector<Program::Set>& sets, Ranges& r) {
  switch (n.kind) {
    case Node::kLit:
      r.push_back({n.c, n.c});
      return false;
    case Node::kSet: {
      const Program::Set& s = sets[static_cast<size_t>(n.set)];
      if (!s.negated) {
        r.insert(r.end(), s.ranges.begin(), s.ranges.end());
      } else {
        char32_t next = 0;
        for (const auto& [lo, hi] : s.ranges) {
          if (lo > next) r.push_back({next, lo - 1});
          next = hi + 1;
        }
        if (next <= 0x10FFFF) r.push_back({next, 0x10FFFF});
      }
      return false;
    }
    case Node::kCat:
      for (const auto& k : n.kids)
        if (!First(*k, sets, r)) return false;
      return true;
    case Node::kAlt: {
      bool nullable = false;
      for (const auto& k : n.kids) nullable = First(*k, sets, r) || nullable;
      return nullable;
    }
    case Node::kGroup:
      return First(*n.kids[0], sets, r);
    case Node::kRepeat:
      return First(*n.kids[0], sets, r) || n.min == 0;
    default:
      return true;
  }
}

// The characters of a set, as sorted inclusive ranges (a negated set's complement).
Ranges Members(const Program::Set& s) {
  if (!s.negated) return s.ranges;
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : s.ranges) {
    if (lo > next) out.push_back({next, lo - 1});
    next = hi + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

// Whether no character is in both sets.
bool Disjoint(const Program::Set& a, const Program::Set& b) {
  const Ranges x = Members(a), y = Members(b);
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i].second < y[j].first) ++i;
    else if (y[j].second < x[i].first) ++j;
    else return false;
  }
  return true;
}

struct Frame {
  uint32_t pc;  // kRestore: a capture slot to restore; kGiveBack: of a kRepeatSet
  uint32_t slot;  // kRestore: the slot; kGiveBack: the kRepeatSet instruction
  size_t value;  // position, or the slot's old value
  size_t least;  // kGiveBack: the position after the repeat's minimum
};
constexpr uint32_t kRestore = 0xFFFFFFFF;
constexpr uint32_t kGiveBack = 0xFFFFFFFE;

// The start of the character that ends at `end` (> least), as NextChar reads
// the text from `least` (a character boundary). A byte that is not a
// continuation byte always starts a character; if the one found before end
// does not decode to end, the character is a stray continuation byte, which
// NextChar takes alone.
size_t PreviousChar(std::string_view s, size_t least, size_t end) {
  size_t q = end - 1;
  while (q > least && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80 && end - q < 4) --q;
  size_t i = q;
  NextChar(s, i);
  return i == end ? q : end - 1;
}

std::vector<Frame>& Stack() {
  thread_local std::vector<Frame> stack;
  return stack;
}

}  // namespace

namespace {

std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(out, c);
  return out;
}

// The first place of run in s at or after from (utf8_scan.h: by its last
// byte). Out of line, as when it was written here: inlined, it grew Search
// past the size where the compiler inlines NextChar into it (+1.1M
// instructions on the 2 MB batch).
[[gnu::noinline]] size_t FindRun(std::string_view s, size_t from, std::string_view run) { return utf8::FindRun(s, from, run); }

}  // namespace

// Serialize's format: varint.h's numbers and strings, in the order of
// Program's members.
namespace {
struct Out {
  std::string s;
  void Num(uint64_t v) { varint::PutNumber(s, v); }
  void Str(std::string_view v) { varint::PutString(s, v); }
};
}  // namespace

std::string Serialize(const Program& p) {
  Out o;
  o.Num(p.code_.size());
  for (const auto& in : p.code_) {
    o.Num(static_cast<uint8_t>(in.op));
    o.Num(in.neg);
    o.Num(in.x);
    o.Num(in.y);
    o.Num(in.z);
  }
  o.Str(p.lits_);
  o.Num(p.sets_.size());
  for (const auto& set : p.sets_) {
    o.Num(set.ranges.size());
    for (const auto& [lo, hi] : set.ranges) {
      o.Num(lo);
      o.Num(hi);
    }
    o.Num(set.negated);
    o.Num(set.ascii[0]);
    o.Num(set.ascii[1]);
    o.Num(set.dot);
  }
  o.Num(p.names_.size());
  for (const auto& name : p.names_) o.Str(name);
  o.Num(p.start_);
  o.Num(p.anchored_);
  o.Str(p.prefix_);
  o.Num(p.first_runs_.size());
  for (const auto& run : p.first_runs_) o.Str(run);
  o.Num(static_cast<uint64_t>(static_cast<int64_t>(p.first_set_) + 1));
  for (uint64_t bits : p.first_bytes_) o.Num(bits);
  return o.s;
}

std::unique_ptr<Program> Deserialize(std::string_view bytes) {
  varint::Reader in{bytes};
  auto p = std::make_unique<Program>();
  p->code_.resize(in.Count());
  for (auto& inst : p->code_) {
    const uint64_t op = in.Number();
    if (op > static_cast<uint8_t>(Op::kMatch)) return nullptr;
    inst.op = static_cast<Op>(op);
    inst.neg = in.Number() != 0;
    inst.x = static_cast<uint32_t>(in.Number());
    inst.y = static_cast<uint32_t>(in.Number());
    inst.z = static_cast<uint32_t>(in.Number());
  }
  p->lits_ = std::string(in.String());
  p->sets_.resize(in.Count());
  for (auto& set : p->sets_) {
    set.ranges.resize(in.Count());
    for (auto& [lo, hi] : set.ranges) {
      lo = static_cast<char32_t>(in.Number());
      hi = static_cast<char32_t>(in.Number());
    }
    set.negated = in.Number() != 0;
    set.ascii[0] = in.Number();
    set.ascii[1] = in.Number();
    set.dot = in.Number() != 0;
    set.Filter();
  }
  p->names_.resize(in.Count());
  for (auto& name : p->names_) name = std::string(in.String());
  p->start_ = static_cast<uint32_t>(in.Number());
  p->anchored_ = in.Number() != 0;
  p->prefix_ = std::string(in.String());
  p->first_runs_.resize(in.Count());
  for (auto& run : p->first_runs_) run = std::string(in.String());
  p->first_set_ = static_cast<int>(static_cast<int64_t>(in.Number()) - 1);
  for (uint64_t& bits : p->first_bytes_) bits = in.Number();
  if (!in.ok || in.at != bytes.size() || p->names_.empty()) return nullptr;
  // Every reference stays inside the program (the bytes come from the
  // build, but a wrong one must not read out of bounds).
  const size_t n = p->code_.size();
  if (p->start_ >= n || (p->first_set_ >= 0 && static_cast<size_t>(p->first_set_) >= p->sets_.size())) return nullptr;
  for (const auto& inst : p->code_) {
    switch (inst.op) {
      case Op::kSplit:
      case Op::kLook:
        if (inst.x >= n || inst.y >= n) return nullptr;
        break;
      case Op::kJmp:
        if (inst.x >= n) return nullptr;
        break;
      case Op::kSet:
      case Op::kBehind:
      case Op::kRepeatSet:
        if (inst.x >= p->sets_.size()) return nullptr;
        break;
      case Op::kSave:
        if (inst.x >= 2 * p->names_.size()) return nullptr;
        break;
      case Op::kStr:
        if (inst.x > p->lits_.size() || inst.y > p->lits_.size() - inst.x) return nullptr;
        break;
      default:
        break;
    }
  }
  p->IndexBranches();
  return p;
}

namespace {
// Marks in bits the bytes a character of set can start with: its ASCII
// members, the lead bytes of the others, and every byte >= 0x80 when U+FFFD
// is a member (what bad UTF-8 reads as) or the set is negated.
void MarkLeadBytes(const Program::Set& set, uint64_t bits[4]) {
  bits[0] |= set.ascii[0], bits[1] |= set.ascii[1];
  auto mark = [&](unsigned b) { bits[b >> 6] |= uint64_t{1} << (b & 63); };
  if (set.negated) {
    bits[2] = bits[3] = ~uint64_t{0};
    return;
  }
  auto lead = [](char32_t c) -> unsigned {
    return c < 0x800 ? 0xC0 | (c >> 6) : c < 0x10000 ? 0xE0 | (c >> 12) : 0xF0 | (c >> 18);
  };
  for (const auto& [lo, hi] : set.ranges) {
    if (hi >= 0x80)
      for (unsigned b = lead(std::max<char32_t>(lo, 0x80)); b <= lead(std::min<char32_t>(hi, 0x10FFFF)); ++b) mark(b);
    if (lo <= 0xFFFD && hi >= 0xFFFD) bits[2] = bits[3] = ~uint64_t{0};
  }
}
}  // namespace

std::unique_ptr<Program> Compile(std::string_view pattern) {
  auto prog = std::make_unique<Program>();
  Parser parser(pattern, prog->sets_);
  NodeP root = parser.Parse();
  if (!root) return nullptr;
  prog->names_ = std::move(parser.names);
  Emitter emit(prog->code_, prog->lits_);
  {
    Program::Set fffd;
    fffd.ranges.push_back({0xFFFD, 0xFFFD});
    fffd.Finish();
    prog->sets_.push_back(std::move(fffd));
    emit.fffd_set = static_cast<int>(prog->sets_.size() - 1);
  }
  // Slots 0 and 1 (the whole match) are no instructions: Search sets slot 0
  // to where Run starts, and the main program's kMatch sets slot 1 (two
  // dispatches fewer per try, and no restore frames for them).
  prog->start_ = emit.Here();
  emit.Node(*root);
  emit.Emit(Op::kMatch);
  if (!emit.ok()) return nullptr;

  // A greedy repeat of a set that what follows cannot start inside (its
  // first character is in a set disjoint from the repeat's) keeps no give-back
  // frame: every give-back would start what follows on a character of the
  // repeat's set, and fail there. With no frame, the saves after it push no
  // restore frames either. (Auto-possessification, as PCRE does it.)
  if (detail::possessive_repeats.load(std::memory_order_relaxed)) {
    auto& code = prog->code_;
    const auto& sets = prog->sets_;
    Program::Set line_ends;
    line_ends.ranges = kLineEnd;
    line_ends.Finish();
    for (auto& in : code) {
      if (in.op != Op::kRepeatSet) continue;
      // Optional set repeats (x*) on the way are passed too: on a character
      // of the repeat's set, one disjoint from it takes nothing.
      size_t q = static_cast<size_t>(&in - code.data()) + 1;
      bool disjoint = true;
      for (int hops = 0; hops < 64 && q < code.size() && disjoint; ++hops) {
        const Program::Inst& next = code[q];
        if (next.op == Op::kSave) {
          ++q;
        } else if (next.op == Op::kJmp) {
          q = next.x;
        } else if (next.op == Op::kRepeatSet && next.y == 0) {
          disjoint = Disjoint(sets[in.x], sets[next.x]);
          ++q;
        } else {
          break;
        }
      }
      if (!disjoint || q >= code.size()) continue;
      const Program::Inst& next = code[q];
      if (next.op == Op::kStr) {
        size_t i = 0;
        const char32_t c = NextChar(std::string_view(prog->lits_).substr(next.x, next.y), i);
        in.neg = !sets[in.x].Has(c);
      } else if (next.op == Op::kSet || (next.op == Op::kRepeatSet && next.y >= 1)) {
        in.neg = Disjoint(sets[in.x], sets[next.x]);
      } else if (next.op == Op::kEol) {
        // $ holds only at the end or on a line terminator: never on a
        // character of a set without them (.*$).
        in.neg = Disjoint(sets[in.x], line_ends);
      } else if (next.op == Op::kMatch) {
        in.neg = true;  // the match is found at the first try: no give-back is ever taken
      }
    }
  }

  prog->anchored_ = Anchored(*root);
  if (!prog->anchored_) {
    // Leading literal characters of the top level.
    const Node* top = root;
    if (top->kind == Node::kCat) {
      for (const auto& k : top->kids) {
        if (k->kind != Node::kLit || k->str.empty()) break;
        prog->prefix_ += k->str;
      }
    }
  }
  Ranges first;
  if (prog->prefix_.empty() && !First(*root, prog->sets_, first)) {
    Program::Set s;
    s.ranges = std::move(first);
    s.Finish();
    // The bytes a first character can start with (MarkLeadBytes).
    MarkLeadBytes(s, prog->first_bytes_);
    // A few non-ASCII first characters (not U+FFFD): found by their bytes.
    size_t count = 0;
    bool plain = !s.negated;
    for (const auto& [lo, hi] : s.ranges) {
      count += hi - lo + 1;
      if (lo < 0x80 || (lo <= 0xFFFD && hi >= 0xFFFD)) plain = false;
    }
    if (!prog->anchored_ && plain && count <= 4) {
      for (const auto& [lo, hi] : s.ranges)
        for (char32_t c = lo; c <= hi; ++c) prog->first_runs_.push_back(Utf8(c));
    }
    prog->sets_.push_back(std::move(s));
    prog->first_set_ = static_cast<int>(prog->sets_.size() - 1);
  }
  prog->IndexBranches();
  return prog;
}

void Program::IndexBranches() {
  const size_t n = code_.size();
  // Without a choice, nothing to index (Run reads an empty index as any).
  if (std::none_of(code_.begin(), code_.end(), [](const Inst& in) { return in.op == Op::kSplit; })) return;
  firsts_.assign(n, Firsts{{0, 0, 0, 0}, true});
  // state: 0 not yet, 1 in progress (a cycle through what takes no byte,
  // which a repeat's body cannot be: read as any), 2 done. Each instruction
  // once: through what takes no byte (saves, jumps, both sides of a split,
  // an optional repeat, look-arounds, which only narrow) to what takes one.
  std::vector<uint8_t> state(n, 0);
  // A set's lead bytes, made once per set (\p{Han} has dozens of ranges).
  std::vector<Firsts> set_leads(sets_.size(), Firsts{{0, 0, 0, 0}, true});
  auto leads = [&](uint32_t k, uint64_t bits[4]) {
    Firsts& l = set_leads[k];
    if (l.any) MarkLeadBytes(sets_[k], l.bytes), l.any = false;
    for (int b = 0; b < 4; ++b) bits[b] |= l.bytes[b];
  };
  auto merge = [](Firsts& into, const Firsts& from) {
    for (int k = 0; k < 4; ++k) into.bytes[k] |= from.bytes[k];
    into.any = into.any || from.any;
  };
  auto visit = [&](auto& self, uint32_t pc, int depth) -> const Firsts& {
    static const Firsts kAny{{0, 0, 0, 0}, true};
    if (pc >= n || depth > 512 || state[pc] == 1) return kAny;
    if (state[pc] == 2) return firsts_[pc];
    state[pc] = 1;
    Firsts f{{0, 0, 0, 0}, false};
    const Inst& in = code_[pc];
    switch (in.op) {
      case Op::kStr:
        if (in.y == 0) f.any = true;
        else f.bytes[static_cast<unsigned char>(lits_[in.x]) >> 6] |= uint64_t{1} << (static_cast<unsigned char>(lits_[in.x]) & 63);
        break;
      case Op::kSet:
        leads(in.x, f.bytes);
        break;
      case Op::kRepeatSet:
        leads(in.x, f.bytes);
        if (in.y == 0) merge(f, self(self, pc + 1, depth + 1));
        break;
      case Op::kSplit:
        merge(f, self(self, in.x, depth + 1));
        merge(f, self(self, in.y, depth + 1));
        break;
      case Op::kJmp:
        merge(f, self(self, in.x, depth + 1));
        break;
      case Op::kSave:
      case Op::kBol:
      case Op::kBehind:
        merge(f, self(self, pc + 1, depth + 1));
        break;
      case Op::kLook:
        merge(f, self(self, in.y, depth + 1));
        break;
      default:  // kEol, kMatch: a match that takes no byte
        f.any = true;
        break;
    }
    state[pc] = 2;
    firsts_[pc] = f;
    return firsts_[pc];
  };
  for (const Inst& in : code_)
    if (in.op == Op::kSplit) {
      visit(visit, in.x, 0);
      visit(visit, in.y, 0);
    }
}

bool Program::Look(std::string_view s, const Inst& in, size_t pos, size_t& steps, size_t budget,
                   Result& failure) const {
  if (in.op == Op::kBehind) {
    if (pos == 0) return false;
    // The character that ends at pos, as NextChar reads the text from its
    // start: a lead byte is never part of the character before it.
    char32_t c = 0xFFFD;
    const auto b = static_cast<unsigned char>(s[pos - 1]);
    if (b < 0x80) {
      c = b;
    } else {
      for (size_t back = 1; back <= 4 && back <= pos; ++back) {
        const auto lead = static_cast<unsigned char>(s[pos - back]);
        if ((lead & 0xC0) == 0x80) continue;  // a continuation byte
        size_t i = pos - back;
        const char32_t d = NextChar(s, i);
        if (i == pos) c = d;
        break;
      }
    }
    return sets_[in.x].Has(c);
  }
  return Run(s, in.x, pos, nullptr, steps, budget, failure);
}

namespace {
constexpr Program::Firsts kAnyFirst{{0, 0, 0, 0}, true};
}  // namespace

bool Program::Run(std::string_view s, uint32_t pc, size_t pos, size_t* caps, size_t& total_steps, size_t budget,
                  Result& failure) const {
  // Steps counted in a local whose address is never taken (so it stays in a
  // register), written to the search's total at every return.
  size_t steps = total_steps;
  std::vector<Frame>& stack = Stack();
  const size_t base = stack.size();
  const size_t max_frames = base + (size_t{8} << 20) / sizeof(Frame) + 4 * s.size();
  const size_t n = s.size();
  for (;;) {
    if (++steps > budget) {
      failure = Result::kTooLong;
      stack.resize(base);
      total_steps = steps;
      return false;
    }
    const Inst& in = code_[pc];
    switch (in.op) {
      case Op::kStr:
        if (n - pos >= in.y && s[pos] == lits_[in.x] && std::memcmp(s.data() + pos, lits_.data() + in.x, in.y) == 0) {
          pos += in.y;
          ++pc;
          continue;
        }
        break;
      case Op::kSet:
        if (pos < n) {
          size_t next = pos;
          if (sets_[in.x].Has(NextChar(s, next))) {
            pos = next;
            ++pc;
            continue;
          }
        }
        break;
      case Op::kRepeatSet: {
        const Set& set = sets_[in.x];
        size_t least = pos;
        uint32_t count = 0;
        while (count < in.z && pos < n) {
          if (set.dot && in.z == kUnbounded && count >= in.y) {
            size_t more = 0;
            pos = DotRunEnd(s, pos, &more);
            count += static_cast<uint32_t>(std::min<size_t>(more, kUnbounded - 1 - count));
            break;
          }
          size_t next = pos;
          if (!set.Has(NextChar(s, next))) break;
          pos = next;
          if (++count == in.y) least = pos;
        }
        steps += count;
        if (count < in.y) break;
        if (pos > least && !in.neg) {  // neg: possessive (see Compile)
          if (stack.size() >= max_frames) {
            failure = Result::kTooDeep;
            stack.resize(base);
            total_steps = steps;
            return false;
          }
          stack.push_back({kGiveBack, pc, pos, least});
        }
        ++pc;
        continue;
      }
      case Op::kSplit: {
        // A branch that starts with a literal whose first byte is not the
        // text's fails at once: no choice point for it (alternations of words).
        const auto dead = [&](uint32_t to) {
          if (const Firsts& f = firsts_.empty() ? kAnyFirst : firsts_[to]; !f.any) {
            if (pos >= n) return true;
            const auto b = static_cast<unsigned char>(s[pos]);
            if (!((f.bytes[b >> 6] >> (b & 63)) & 1)) return true;
          }
          const Inst& t = code_[to];
          if (t.op != Op::kStr) return false;
          const size_t k = std::min<size_t>(t.y, 3);  // a CJK character's bytes
          if (n - pos < k) return true;
          for (size_t j = 0; j < k; ++j)
            if (s[pos + j] != lits_[t.x + j]) return true;
          return false;
        };
        if (dead(in.x)) {
          pc = in.y;
          continue;
        }
        if (!dead(in.y)) {
          if (stack.size() >= max_frames) {
            failure = Result::kTooDeep;
            stack.resize(base);
            total_steps = steps;
            return false;
          }
          stack.push_back({in.y, 0, pos, 0});
        }
        pc = in.x;
        continue;
      }
      case Op::kJmp:
        pc = in.x;
        continue;
      case Op::kSave:
        // Without a choice point left to return to, nothing restores it: the
        // search resets the slots before each start.
        if (stack.size() > base) stack.push_back({kRestore, in.x, caps[in.x], 0});
        caps[in.x] = pos;
        ++pc;
        continue;
      case Op::kBol:
        if (pos == 0) {
          ++pc;
          continue;
        }
        break;
      case Op::kEol: {
        // End of text, or before a line terminator (or CR LF) that ends it.
        bool at_end = pos == n;
        if (!at_end) {
          size_t next = pos;
          const char32_t c = NextChar(s, next);
          if (next == n && IsLineEnd(c) && !(c == '\n' && pos > 0 && s[pos - 1] == '\r')) at_end = true;
          else if (pos + 2 == n && s[pos] == '\r' && s[pos + 1] == '\n') at_end = true;
        }
        if (at_end) {
          ++pc;
          continue;
        }
        break;
      }
      case Op::kLook: {
        size_t look_steps = steps;  // (a copy: steps keeps no address)
        const bool matched = Look(s, in, pos, look_steps, budget, failure);
        steps = look_steps;
        if (failure != Result::kNoMatch) {
          stack.resize(base);
          total_steps = steps;
          return false;
        }
        if (matched != in.neg) {
          pc = in.y;
          continue;
        }
        break;
      }
      case Op::kBehind: {
        size_t look_steps = steps;
        const bool matched = Look(s, in, pos, look_steps, budget, failure);
        steps = look_steps;
        if (matched != in.neg) {
          ++pc;
          continue;
        }
        break;
      }
      case Op::kMatch:
        if (caps != nullptr) {  // the main program's end (a look-around body has no caps)
          // The step slot 1's instruction took, so the budget runs out where it did.
          if (++steps > budget) {
            failure = Result::kTooLong;
            stack.resize(base);
            total_steps = steps;
            return false;
          }
          caps[1] = pos;
        }
        stack.resize(base);
        total_steps = steps;
        return true;
      default:  // every Op is a case above: no range check before the jump table
        __builtin_unreachable();
    }
    // Backtrack.
    for (;;) {
      if (stack.size() == base) { total_steps = steps; return false; }
      const Frame f = stack.back();
      stack.pop_back();
      if (f.pc == kRestore) {
        caps[f.slot] = f.value;
        continue;
      }
      if (f.pc == kGiveBack) {  // one character fewer for a kRepeatSet
        pos = PreviousChar(s, f.least, f.value);
        if (pos > f.least) stack.push_back({kGiveBack, f.slot, pos, f.least});
        pc = f.slot + 1;
        break;
      }
      pc = f.pc;
      pos = f.value;
      break;
    }
  }
}

bool Program::StartRanges(std::vector<std::pair<char32_t, char32_t>>& out) const {
  if (!anchored_ || first_set_ < 0) return false;
  const Set& set = sets_[static_cast<size_t>(first_set_)];
  if (set.negated) return false;
  out = set.ranges;
  return true;
}

bool Program::FirstChar(std::string_view s) const {
  size_t next = 0;
  return sets_[static_cast<size_t>(first_set_)].Has(NextChar(s, next));
}

Program::Result Program::Search(std::string_view s, size_t from, std::vector<size_t>& caps) const {
  caps.assign(2 * names_.size(), std::string_view::npos);
  // About ICU's limit: 10000 steps a tick, 1000 ticks plus one per 64 bytes.
  const size_t budget = size_t{10'000'000} + 160 * s.size();
  size_t steps = 0;
  Result failure = Result::kNoMatch;
  const Set* first = first_set_ >= 0 ? &sets_[static_cast<size_t>(first_set_)] : nullptr;
  if (anchored_) {
    if (from != 0) return Result::kNoMatch;
    if (CannotStart(s)) return Result::kNoMatch;  // before any set-up
    caps[0] = 0;
    if (++steps > budget) return Result::kTooLong;  // slot 0's step, as when it was an instruction
    return Run(s, start_, 0, caps.data(), steps, budget, failure) ? Result::kMatch : failure;
  }
  // first_runs_: the next place of each run at or after pos (npos: none left).
  size_t next_run[4] = {0, 0, 0, 0};
  for (size_t k = 0; k < first_runs_.size(); ++k) next_run[k] = FindRun(s, from, first_runs_[k]);
  for (size_t pos = from;;) {
    if (!prefix_.empty()) {
      pos = FindRun(s, pos, prefix_);
      if (pos == std::string_view::npos) return Result::kNoMatch;
    } else if (!first_runs_.empty()) {
      size_t least = std::string_view::npos;
      for (size_t k = 0; k < first_runs_.size(); ++k) {
        if (next_run[k] < pos) next_run[k] = FindRun(s, pos, first_runs_[k]);
        least = std::min(least, next_run[k]);
      }
      if (least == std::string_view::npos) return Result::kNoMatch;
      pos = least;
    } else if (first) {
      // Skip to a character that can start a match. Bytes the table turns
      // away are skipped one by one: a byte it lets through is never a
      // continuation byte unless every byte >= 0x80 is let through, so the
      // scan stops on character boundaries only.
      while (pos < s.size()) {
        if (!FirstByte(s[pos])) {
          ++pos;
          continue;
        }
        size_t next = pos;
        if (first->Has(NextChar(s, next))) break;
        pos = next;
      }
      if (pos >= s.size()) return Result::kNoMatch;
    }
    std::fill(caps.begin(), caps.end(), std::string_view::npos);
    caps[0] = pos;
    if (++steps > budget) return Result::kTooLong;
    if (Run(s, start_, pos, caps.data(), steps, budget, failure)) return Result::kMatch;
    if (failure != Result::kNoMatch) return failure;
    if (pos >= s.size()) return Result::kNoMatch;
    NextChar(s, pos);
  }
}

}  // namespace noticetab::regex_lite
