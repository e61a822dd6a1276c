#include <algorithm>
#include <bit>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "noticetab/text.h"
#include "noticetab/write.h"
#include "schema.h"
#include "writers.h"
#include "plain_scan.h"
#include "utf8_scan.h"

namespace noticetab {

namespace {

/// Writes the \uXXXX escape of c (a BMP code point) at d.
char* PutJsonEscape(char* d, char32_t c) {
  static constexpr char kHex[] = "0123456789abcdef";
  d[0] = '\\';
  d[1] = 'u';
  d[2] = kHex[(c >> 12) & 0xF];
  d[3] = kHex[(c >> 8) & 0xF];
  d[4] = kHex[(c >> 4) & 0xF];
  d[5] = kHex[c & 0xF];
  return d + 6;
}

/// True for a code point JSON output writes as \uXXXX: control characters
/// (C0 other than the named escapes, DEL, C1), the line/paragraph separators,
/// the BOM and the two noncharacters.
bool NeedsUnicodeEscape(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
         c == 0xFFFE || c == 0xFFFF;
}

// Lead bytes (by their low nibble, E0-EF) whose every 3-byte sequence of
// lead + two continuation bytes is a code point written as it is: E1, E3-EC
// and EE. E0 can be overlong, ED a surrogate, E2 and EF hold the escaped
// U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF.
constexpr unsigned kPlainLeads = 0x5FFA;

// WriteJsonChars stores 32 bytes at a time: its destination has kSlack bytes
// of room past the escaped text's worst case.
constexpr size_t kSlack = 32;


/// Writes the character of s at i escaped (or as it is) at d (6 bytes of
/// room) and advances i past it: a malformed sequence is one U+FFFD.
[[gnu::always_inline]] inline char* PutJsonChar(char* d, std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned b = p[i];
  if (b < 0x80) {
    if (b >= 0x20 && b != '"' && b != '\\' && b != 0x7F) {
      *d++ = static_cast<char>(b);
      ++i;
      return d;
    }
  } else if (b - 0xE0u < 0x10u) {
    if (i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      const unsigned c1 = p[i + 1], c2 = p[i + 2];
      const bool plain = (kPlainLeads >> (b & 0x0F) & 1) || (b == 0xE0u && c1 >= 0xA0u) ||
                         (b == 0xEDu && c1 <= 0x9Fu) ||
                         (b == 0xE2u && !(c1 == 0x80u && (c2 == 0xA8u || c2 == 0xA9u))) ||
                         (b == 0xEFu && !((c1 == 0xBBu && c2 == 0xBFu) || (c1 == 0xBFu && c2 >= 0xBEu)));
      if (plain) {
        d[0] = static_cast<char>(b);
        d[1] = static_cast<char>(c1);
        d[2] = static_cast<char>(c2);
        i += 3;
        return d + 3;
      }
    }
  }
  const size_t at = i;
  const char32_t c = NextChar(s, i);
  if (b >= 0x80 && !NeedsUnicodeEscape(c) && (c != 0xFFFD || s.substr(at, i - at) == "\xEF\xBF\xBD")) {
    std::memcpy(d, p + at, i - at);  // well formed: the same bytes
    return d + (i - at);
  }
  switch (c) {
    case '"':
      *d++ = '\\';
      *d++ = '"';
      break;
    case '\\':
      *d++ = '\\';
      *d++ = '\\';
      break;
    case '\n':
      *d++ = '\\';
      *d++ = 'n';
      break;
    case '\t':
      *d++ = '\\';
      *d++ = 't';
      break;
    case '\r':
      *d++ = '\\';
      *d++ = 'r';
      break;
    default:
      if (NeedsUnicodeEscape(c)) {
        d = PutJsonEscape(d, c);
      } else {  // U+FFFD for a malformed sequence
        std::memcpy(d, "\xEF\xBF\xBD", 3);
        d += 3;
      }
  }
  return d;
}

/// Writes s escaped at d (6 * s.size() + kSlack bytes of room: \u001f) and
/// returns the end: the portable scan. A string plain throughout is checked
/// and copied in one pass (plain::Run); else plain runs go 32 bytes at a time
/// (plain::Prefix); the character that stops one is decoded and written by
/// PutJsonChar.
[[gnu::always_inline]] inline char* WriteJsonChars(char* d, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
#ifdef __SSE2__
  // Most strings are plain throughout: checked and copied in one pass.
  i = plain::Run<'"', '\\', true>(p, n, d);
  if (i == n) return d + n;
  d += i;
#endif
  while (i < n) {
#ifdef __SSE2__
    if (const size_t k = plain::Prefix<'"', '\\', true>(p, i, n, d)) {
      i += k;
      d += k;
      continue;
    }
#else
    if constexpr (std::endian::native == std::endian::little) {
      if (p[i] - 0xE0u < 0x10u && i + 8 <= n) {
        const size_t from = i;
        do {
          uint64_t w;
          std::memcpy(&w, p + i, 8);
          if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL || !(kPlainLeads >> (p[i] & 0x0F) & 1) ||
              !(kPlainLeads >> (p[i + 3] & 0x0F) & 1)) {
            break;
          }
          std::memcpy(d, &w, 8);  // the two characters and two bytes of room
          i += 6;
          d += 6;
        } while (i + 8 <= n);
        if (i != from) continue;  // the byte there decides, from the top
      }
    }
#endif
    d = PutJsonChar(d, s, i);
  }
  return d;
}

#ifdef NOTICETAB_PLAIN_AVX2
/// The rest of WriteJsonCharsAvx2 from a stop f: from the character at or
/// before f - 3, the characters up to f go through PutJsonChar, then the scan
/// goes on.
__attribute__((target("avx2"), noinline)) char* WriteJsonCharsAvx2From(char* d, std::string_view s, size_t f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  for (;;) {
    const size_t k = plain::RestartAvx2(p + i, f);
    const size_t stop = i + f;
    i += k;
    d += k;
    while (i <= stop && i < n) d = PutJsonChar(d, s, i);
    if (i == n) return d;
    f = plain::StopAvx2<'"', '\\', false, true>(p + i, n - i, d);
    if (f == plain::kAllPlain) return d + (n - i);
  }
}

/// WriteJsonChars with the AVX2 scan: plain runs are checked and copied 32
/// bytes at a time.
__attribute__((target("avx2"))) char* WriteJsonCharsAvx2(char* d, std::string_view s) {
  const size_t f = plain::StopAvx2<'"', '\\', false, true>(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d);
  if (f == plain::kAllPlain) return d + s.size();
  return WriteJsonCharsAvx2From(d, s, f);
}
#endif

using plain::kHaveAvx2;

/// Writes s escaped at d (6 * s.size() + kSlack bytes of room) and returns
/// the end: with the AVX2 scan when `avx2` (the processor has it).
[[gnu::noinline]] char* WriteJsonCharsPortable(char* d, std::string_view s) { return WriteJsonChars(d, s); }

[[gnu::always_inline]] inline char* EscapeJson(char* d, std::string_view s, bool avx2) {
#ifdef NOTICETAB_PLAIN_AVX2
  if (avx2) return WriteJsonCharsAvx2(d, s);
#endif
  (void)avx2;
  return WriteJsonCharsPortable(d, s);
}

// Text is escaped into a buffer on the stack and appended to its string a
// few KB at a time: a std::string grown ahead for a string's worst case (six
// times its size) would have that room zeroed. Below 4 KB glibc's memcpy
// copies with vector moves.
constexpr size_t kStage = 4000;
// A piece of at most kPiece bytes escapes to at most 6 * kPiece.
constexpr size_t kPiece = 640;

/// Where the piece of s[i, n) from i ends: at most kPiece bytes, cut where a
/// decoder starts afresh (before a byte that is no continuation byte, or
/// after three of them: no sequence crosses the cut), so the pieces escape to
/// what the whole does.
size_t PieceEnd(const unsigned char* p, size_t i, size_t n) {
  if (n - i <= kPiece) return n;
  size_t e = i + kPiece;
  auto trail = [p](size_t k) { return (p[k] & 0xC0) == 0x80; };
  while (trail(e) && !(trail(e - 1) && trail(e - 2) && trail(e - 3))) --e;
  return e;
}

}  // namespace

namespace {

void AppendJsonStringWith(std::string& out, std::string_view s, bool avx2) {
  out.reserve(out.size() + s.size() + 2);
  char stage[kStage];
  char* d = stage;
  *d++ = '"';
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0, e; i < s.size(); i = e) {
    e = PieceEnd(p, i, s.size());
    if (static_cast<size_t>(stage + kStage - d) < 6 * (e - i) + 1 + kSlack) {
      out.append(stage, static_cast<size_t>(d - stage));
      d = stage;
    }
    d = EscapeJson(d, s.substr(i, e - i), avx2);
  }
  *d++ = '"';
  out.append(stage, static_cast<size_t>(d - stage));
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) { AppendJsonStringWith(out, s, kHaveAvx2); }

namespace detail {
bool AppendJsonStringWith(bool avx2, std::string& out, std::string_view s) {
  if (avx2 && !kHaveAvx2) return false;
  noticetab::AppendJsonStringWith(out, s, avx2);
  return true;
}
}  // namespace detail

namespace {

// Commas, line breaks and indentation for nested containers. Arrays of
// scalars stay on one line even when pretty-printing: a task's units read
// better as ["甲", "乙"] than as a column. The text is written through a
// cursor into a buffer on the stack (Room), appended to the string a few KB
// at a time, not piece by piece: the keys are constants, and each append to
// a std::string is a call. kPretty is a template argument: JSONL's compact
// form then compiles to a comma and the key.
template <bool kPretty>
class JsonOut : StagedText {
 public:
  explicit JsonOut(bool normalize) : normalize_(normalize) {}

  /// Room for about `bound` bytes of text; see ReserveOutput.
  void Reserve(size_t bound) { ReserveOutput(out_, bound); }
  /// Forgets the text so far, keeping the open containers.
  void Clear() {
    out_.clear();
    used_ = 0;
  }
  /// The text so far, taken.
  std::string Take() {
    Stage();
    return std::move(out_);
  }
  /// After each element of a sequence (a task), text of kDrainChunk bytes or
  /// more goes to `drain` (Pieces::part_to).
  void DrainTo(const Drain* drain) { drain_ = drain; }
  /// The text so far to the drain.
  void Flush() {
    Stage();
    (*drain_)(out_);
    out_.clear();
  }

  void Open(char bracket, bool one_line = false) {
    char* d = Room(1);
    *d++ = bracket;
    Done(d);
    assert(depth_ < kMaxDepth && "the output schema nests deeper than JsonOut's stack");
    stack_[depth_++] = {true, one_line || !kPretty};
  }
  void Close(char bracket) {
    const Frame f = stack_[--depth_];
    char* d = Room(SeparatorRoom());
    if (!f.empty && !f.one_line) d = Newline(d);
    *d++ = bracket;
    Done(d);
  }
  void Next() {
    char* d = Room(SeparatorRoom());
    Done(Separate(d));
  }
  // Inline: the keys are literals, so the copy is a few moves.
  [[gnu::always_inline]] void Key(std::string_view key) { Done(KeyAt(Room(KeyRoom(key)), key)); }

  [[gnu::always_inline]] void String(std::string_view s) {
    if (normalize_) {
      Escaped(NormalizePunct(s));
    } else {
      Escaped(s);
    }
  }
  void Number(int v) {
    char* d = Room(12);
    Done(std::to_chars(d, d + 12, v).ptr);
  }
  [[gnu::always_inline]] void Literal(std::string_view s) {
    char* d = Room(s.size());
    std::memcpy(d, s.data(), s.size());
    Done(d + s.size());
  }
  [[gnu::always_inline]] void Null() { Literal("null"); }

  // The schema visitor (schema.h).
  [[gnu::always_inline]] void Str(std::string_view key, const std::string& v) {
    if (normalize_ || v.size() > kPiece) {
      Key(key);
      return String(v);
    }
    // One Room for the key and the string.
    char* d = KeyAt(Room(KeyRoom(key) + 6 * v.size() + 2 + kSlack), key);
    *d++ = '"';
    d = EscapeJson(d, v, kHaveAvx2);
    *d++ = '"';
    Done(d);
  }
  [[gnu::always_inline]] void Int(std::string_view key, int v) {
    Key(key);
    Number(v);
  }
  [[gnu::always_inline]] void Str(std::string_view key, const std::optional<std::string>& v) {
    if (v) return Str(key, *v);
    Key(key);
    Null();
  }
  [[gnu::always_inline]] void Int(std::string_view key, const std::optional<int>& v) {
    if (v) return Int(key, *v);
    Key(key);
    Null();
  }
  [[gnu::always_inline]] void List(std::string_view key, const std::vector<std::string>& v) {
    Key(key);
    if (v.empty()) return Literal("[]");
    Open('[', true);
    for (const std::string& s : v) {
      Next();
      String(s);
    }
    Close(']');
  }
  [[gnu::always_inline]] void Flag(std::string_view key, bool v) {
    Key(key);
    Literal(v ? "true" : "false");
  }
  [[gnu::always_inline]] void StrIf(std::string_view key, bool present, const std::string& v) {
    if (present) return Str(key, v);
    Key(key);
    Null();
  }
  /// Emitted verbatim: a path must still name the file after --normalize-punct.
  [[gnu::always_inline]] void Raw(std::string_view key, const std::string& v) {
    Key(key);
    Escaped(v);
  }
  [[gnu::always_inline]] void Pair(std::string_view key, int a, int b) {
    Key(key);
    Open('[', true);
    Next();
    Number(a);
    Next();
    Number(b);
    Close(']');
  }
  template <typename F>
  void Map(std::string_view key, F body) {
    Key(key);
    Open('{');
    body();
    Close('}');
  }
  template <typename T, typename F>
  void Seq(std::string_view key, const std::vector<T>& v, F each) {
    Key(key);
    Open('[');
    for (const T& x : v) {
      Next();
      Open('{');
      each(x);
      Close('}');
      if (drain_ && out_.size() + used_ >= kDrainChunk) Flush();
    }
    Close(']');
  }

 private:
  struct Frame {
    bool empty;
    bool one_line;
  };
  // The schema nests five deep; the stack is not user data.
  static constexpr int kMaxDepth = 16;

  /// What Key writes at most for `key`.
  size_t KeyRoom(std::string_view key) const { return SeparatorRoom() + key.size() + 4; }
  /// What Separate writes at most: no line breaks in the compact form.
  size_t SeparatorRoom() const { return kPretty ? 2 * depth_ + 2 : 1; }
  /// Writes the separator before an element of the innermost container at d
  /// (2 * depth_ + 2 bytes of room) and returns the end.
  [[gnu::always_inline]] char* Separate(char* d) {
    Frame& f = stack_[depth_ - 1];
    if constexpr (kPretty) {
      if (!f.empty) *d++ = ',';
      if (!f.one_line) {
        d = Newline(d);
      } else if (!f.empty) {
        *d++ = ' ';
      }
    } else {
      *d = ',';
      d += !f.empty;
    }
    f.empty = false;
    return d;
  }
  /// Writes the separator and `key` at d (KeyRoom(key) bytes of room) and
  /// returns the end.
  [[gnu::always_inline]] char* KeyAt(char* d, std::string_view key) {
    d = Separate(d);
    *d++ = '"';
    std::memcpy(d, key.data(), key.size());
    d += key.size();
    *d++ = '"';
    *d++ = ':';
    if constexpr (kPretty) *d++ = ' ';
    return d;
  }
  char* Newline(char* d) const {
    *d++ = '\n';
    std::memset(d, ' ', 2 * depth_);
    return d + 2 * depth_;
  }
  // Inline but for long strings: most are short, and each call is a few
  // moves around the scan.
  [[gnu::always_inline]] void Escaped(std::string_view s) {
    if (s.size() > kPiece) return EscapedLong(s);
    char* d = Room(6 * s.size() + 2 + kSlack);
    *d++ = '"';
    d = EscapeJson(d, s, kHaveAvx2);
    *d++ = '"';
    Done(d);
  }
  /// Escaped for a string of more than kPiece bytes: room piece by piece.
  [[gnu::noinline]] void EscapedLong(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    char* d = Room(1);
    *d++ = '"';
    for (size_t i = 0, e; i < s.size(); i = e) {
      e = PieceEnd(p, i, s.size());
      Done(d);
      d = Room(6 * (e - i) + 1 + kSlack);
      d = EscapeJson(d, s.substr(i, e - i), kHaveAvx2);
    }
    *d++ = '"';
    Done(d);
  }

  bool normalize_;
  Frame stack_[kMaxDepth];
  int depth_ = 0;
  const Drain* drain_ = nullptr;
};

template <bool kPretty>
void Emit(JsonOut<kPretty>& j, const Document& doc) {
  j.Open('{');
  VisitDocument(doc, j);
  j.Close('}');
}

}  // namespace

namespace {

std::string JsonHead(bool several, const WriteOptions&) { return several ? "[" : ""; }

// An element of the array is indented one level: rendered inside an array
// of its own, whose "[\n  " is cut off.
std::string JsonPart(const Document& doc, bool several, const WriteOptions& opts) {
  JsonOut<true> j(opts.normalize_punct);
  j.Reserve(RenderedSizeBound(doc) + 4);
  if (several) {
    j.Open('[');
    j.Next();
    j.Clear();  // "[\n  ": the element's indentation is kept
  }
  Emit(j, doc);
  return j.Take();
}

void JsonPartTo(const Document& doc, bool several, const WriteOptions& opts, const Drain& drain) {
  JsonOut<true> j(opts.normalize_punct);
  j.Reserve(kDrainChunk + (kDrainChunk >> 2));
  if (several) {
    j.Open('[');
    j.Next();
    j.Clear();
  }
  j.DrainTo(&drain);
  Emit(j, doc);
  j.Flush();
}

std::string JsonSep(size_t index, bool several, const WriteOptions&) {
  return several ? (index ? ",\n  " : "\n  ") : "";
}

std::string JsonTail(size_t count, bool several, const WriteOptions&) {
  return several ? (count ? "\n]\n" : "]\n") : "\n";
}

std::string JsonlPart(const Document& doc, bool, const WriteOptions& opts) {
  JsonOut<false> j(opts.normalize_punct);
  j.Reserve(RenderedSizeBound(doc) + 1);
  Emit(j, doc);
  j.Literal("\n");
  return j.Take();
}

std::string Nothing(bool, const WriteOptions&) { return ""; }
std::string NoSep(size_t, bool, const WriteOptions&) { return ""; }
std::string NoTail(size_t, bool, const WriteOptions&) { return ""; }

}  // namespace

extern const Pieces kJsonPieces = {JsonHead, JsonPart, JsonSep, JsonTail, JsonPartTo};
extern const Pieces kJsonlPieces = {Nothing, JsonlPart, NoSep, NoTail, nullptr};

void WriteJson(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  const bool several = docs.size() != 1;
  out << JsonHead(several, opts);
  for (size_t i = 0; i < docs.size(); ++i) out << JsonSep(i, several, opts) << JsonPart(docs[i], several, opts);
  out << JsonTail(docs.size(), several, opts);
}

void WriteJsonl(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  // Flushed per line so a consumer of a long batch sees each document as it
  // is done.
  for (const Document& doc : docs) out << JsonlPart(doc, false, opts) << std::flush;
}

// --- view tables (Writer::write_rows) ---------------------------------------

void AppendTableValue(std::string& out, const RowTable& t, const std::vector<std::string>& row, size_t i) {
  if (row[i].empty()) {
    out += "null";
  } else if (t.numeric[i]) {
    out += row[i];
  } else {
    AppendJsonString(out, row[i]);
  }
}

namespace {

// One object on one line: {"a": 1, "b": "x"} (compact for jsonl).
std::string JsonObject(const RowTable& t, const std::vector<std::string>& row, bool pretty) {
  std::string out = "{";
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += pretty ? ", " : ",";
    AppendJsonString(out, t.header[i]);
    out += pretty ? ": " : ":";
    AppendTableValue(out, t, row, i);
  }
  return out + "}";
}

}  // namespace

void WriteJsonRows(std::ostream& out, const RowTable& t, const WriteOptions& /*opts*/) {
  std::string text = "[";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    text += i ? ",\n  " : "\n  ";
    text += JsonObject(t, t.rows[i], true);
  }
  out << text << (t.rows.empty() ? "]\n" : "\n]\n");
}

void WriteJsonlRows(std::ostream& out, const RowTable& t, const WriteOptions& /*opts*/) {
  for (const auto& row : t.rows) out << JsonObject(t, row, false) << '\n';
}

}  // namespace noticetab
