// Hand-written rather than YAML::Emitter: yaml-cpp 0.7 leaves "2023-08-09",
// "4" and "yes" plain (PyYAML then reads a date, an int, a bool) and writes
// U+2028 / U+0085 raw, which YAML 1.1 readers take for line breaks.
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

namespace noticetab {


namespace {

char32_t FirstChar(std::string_view s) {
  size_t i = 0;
  return NextChar(s, i);
}

bool IsUnicodeSpace(char32_t c) {
  return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

/// Whether the character of s at i makes s need quotes; else i moves past
/// it: controls (C0, DEL, C1), ':' and '#', U+2028/2029, the BOM and
/// U+FFFD-U+FFFF (U+FFFD may be an invalid byte the quoter must replace).
/// Well-formed 3-byte sequences are tested without decoding.
[[gnu::always_inline]] inline bool QuotesAt(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned b = p[i];
  if (b < 0x80) {
    if (b < 0x20 || b == 0x7F || b == ':' || b == '#') return true;
    ++i;
    return false;
  }
  if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
    const unsigned c1 = p[i + 1], c2 = p[i + 2];
    if ((b == 0xE2u && c1 == 0x80u && (c2 == 0xA8u || c2 == 0xA9u)) ||
        (b == 0xEFu && ((c1 == 0xBBu && c2 == 0xBFu) || (c1 == 0xBFu && c2 >= 0xBDu)))) {
      return true;
    }
    i += 3;
    return false;
  }
  const char32_t c = NextChar(s, i);
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
         (c >= 0xFFFD && c <= 0xFFFF);
}

#ifdef NOTICETAB_PLAIN_AVX2
/// Whether some character of s makes it need quotes (QuotesAt), with the
/// AVX2 scan: plain runs 32 bytes at a time, QuotesAt from a little before
/// each stop up to it.
__attribute__((target("avx2"))) bool AnyQuotesAvx2(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0;;) {
    const size_t f = plain::StopAvx2<':', '#', true, false>(p + i, n - i, nullptr);
    if (f == plain::kAllPlain) return false;
    const size_t stop = i + f;
    i += plain::RestartAvx2(p + i, f);
    while (i <= stop && i < n) {
      if (QuotesAt(s, i)) return true;
    }
    if (i == n) return false;
  }
}
#endif

/// AnyQuotesAvx2 with the portable scan: plain runs of ASCII and
/// U+3000-U+CFFF go 32 bytes at a time (plain_scan.h).
bool AnyQuotesPortable(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
#ifdef __SSE2__
  i = plain::Run<':', '#', false>(p, n, nullptr);  // most strings: plain throughout
#endif
  while (i < n) {
#ifdef __SSE2__
    if (const size_t k = plain::Prefix<':', '#', false>(p, i, n, nullptr)) {
      i += k;
      continue;
    }
#endif
    if (QuotesAt(s, i)) return true;
  }
  return false;
}

// Plain (unquoted) only when no YAML 1.1 or 1.2 reader can take the text for
// anything but a string: it must start with a letter or a non-ASCII character
// (numbers, dates, .inf, ~, indicators all start otherwise), not be a
// bool/null word, and hold nothing that ends or escapes a plain scalar.
// Anything else is double-quoted, which is always safe.
bool NeedsQuotes(std::string_view s, bool avx2) {
  if (s.empty()) return true;
  const unsigned char first = s[0];
  if (first < 0x80 && !(('a' <= first && first <= 'z') || ('A' <= first && first <= 'Z'))) {
    return true;
  }
  if (s.size() <= 5) {  // the longest word, "false"
    static constexpr std::string_view kWords[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
    for (std::string_view word : kWords) {
      if (s.size() != word.size()) continue;
      size_t k = 0;
      while (k < s.size() && static_cast<char>(s[k] | 0x20) == word[k]) ++k;
      if (k == s.size()) return true;  // any case
    }
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#ifdef NOTICETAB_PLAIN_AVX2
  if (avx2 ? AnyQuotesAvx2(s) : AnyQuotesPortable(s)) return true;
#else
  (void)avx2;
  if (AnyQuotesPortable(s)) return true;
#endif
  // Leading or trailing white space (any Unicode space) would be lost. Here
  // s is well-formed (a malformed byte decodes to U+FFFD, quoted above), so
  // its last character starts at the last byte that is no continuation byte.
  if (first == ' ' || (first >= 0x80 && IsUnicodeSpace(FirstChar(s)))) return true;
  size_t last = n - 1;
  while (last > 0 && (p[last] & 0xC0) == 0x80) --last;
  if (p[last] < 0x80) return p[last] == ' ';
  return IsUnicodeSpace(NextChar(s, last));
}

}  // namespace

bool YamlNeedsQuotes(std::string_view s) { return NeedsQuotes(s, plain::kHaveAvx2); }

namespace detail {
std::optional<bool> YamlNeedsQuotesWith(bool avx2, std::string_view s) {
  if (avx2 && !plain::kHaveAvx2) return std::nullopt;
  return NeedsQuotes(s, avx2);
}
}  // namespace detail

namespace {

// The schema's keys are ASCII identifiers: of YamlNeedsQuotes's tests only
// the bool/null words can apply ("no" is one). Folded away for a literal key.
constexpr bool IsYamlWordKey(std::string_view key) {
  if (key.size() > 5) return false;
  for (std::string_view word : {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}) {
    if (key == word) return true;
  }
  return false;
}

// Block-style emitter for the fixed shape of a Document: nested maps indent
// by two, sequences of maps put "- " before their first key. The text is
// written through a cursor into a buffer on the stack (Room), appended to
// the string a few KB at a time, not piece by piece.
class YamlOut : StagedText {
 public:
  explicit YamlOut(bool normalize) : normalize_(normalize) {}

  /// The text so far, staged to the string.
  std::string& text() {
    Stage();
    return out_;
  }
  /// After each element of a sequence (a task), text of kDrainChunk bytes or
  /// more goes to `drain` (Pieces::part_to).
  void DrainTo(const Drain* drain) { drain_ = drain; }

  [[gnu::always_inline]] void Key(std::string_view key) {
    assert(IsYamlWordKey(key) == YamlNeedsQuotes(key));
    // The key "no" too: YAML 1.1 readers such as PyYAML take it for false.
    const bool quote = IsYamlWordKey(key);
    char* d = Room(indent_ + key.size() + 4);
    std::memset(d, ' ', indent_);
    d += indent_;
    if (dash_) {
      d[-2] = '-';
      dash_ = false;
    }
    if (quote) *d++ = '"';
    std::memcpy(d, key.data(), key.size());
    d += key.size();
    if (quote) *d++ = '"';
    *d++ = ':';
    Done(d);
  }
  /// Emits `key:` and calls each(x) for every entry of `v`, each a map.
  template <typename F>
  void Map(std::string_view key, F body) {
    Key(key);
    Literal("\n");
    indent_ += 2;
    body();
    indent_ -= 2;
  }
  template <typename T, typename F>
  void Seq(std::string_view key, const std::vector<T>& v, F each) {
    Key(key);
    if (v.empty()) return Literal(" []\n");
    Literal("\n");
    indent_ += 4;
    for (const T& x : v) {
      dash_ = true;
      each(x);
      if (drain_ && out_.size() + used_ >= kDrainChunk) {
        Stage();
        (*drain_)(out_);
        out_.clear();
      }
    }
    indent_ -= 4;
  }

  // The schema visitor (schema.h).
  [[gnu::always_inline]] void Str(std::string_view key, const std::string& v) {
    Key(key);
    Literal(" ");
    String(v, normalize_);
    Literal("\n");
  }
  [[gnu::always_inline]] void Int(std::string_view key, int v) {
    Key(key);
    char* d = Room(13);
    *d++ = ' ';
    d = std::to_chars(d, d + 11, v).ptr;
    *d++ = '\n';
    Done(d);
  }
  [[gnu::always_inline]] void Str(std::string_view key, const std::optional<std::string>& v) {
    if (v) return Str(key, *v);
    Key(key);
    Literal(" null\n");
  }
  [[gnu::always_inline]] void Int(std::string_view key, const std::optional<int>& v) {
    if (v) return Int(key, *v);
    Key(key);
    Literal(" null\n");
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    Key(key);
    if (v.empty()) return Literal(" []\n");
    Literal("\n");
    for (const std::string& s : v) {
      char* d = Room(indent_ + 4);
      std::memset(d, ' ', indent_ + 2);
      d += indent_ + 2;
      *d++ = '-';
      *d++ = ' ';
      Done(d);
      String(s, normalize_);
      Literal("\n");
    }
  }
  [[gnu::always_inline]] void Flag(std::string_view key, bool v) {
    Key(key);
    if (v) {
      Literal(" true\n");
    } else {
      Literal(" false\n");
    }
  }
  [[gnu::always_inline]] void StrIf(std::string_view key, bool present, const std::string& v) {
    if (present) return Str(key, v);
    Key(key);
    Literal(" null\n");
  }
  void Pair(std::string_view key, int a, int b) {
    Key(key);
    char* d = Room(28);
    *d++ = ' ';
    *d++ = '[';
    d = std::to_chars(d, d + 11, a).ptr;
    *d++ = ',';
    *d++ = ' ';
    d = std::to_chars(d, d + 11, b).ptr;
    *d++ = ']';
    *d++ = '\n';
    Done(d);
  }
  /// Emitted verbatim: a path must still name the file after --normalize-punct.
  void Raw(std::string_view key, const std::string& v) {
    Key(key);
    Literal(" ");
    String(v, false);
    Literal("\n");
  }

 private:
  [[gnu::always_inline]] void Literal(std::string_view s) {
    char* d = Room(s.size());
    std::memcpy(d, s.data(), s.size());
    Done(d + s.size());
  }
  void Bytes(std::string_view s) {
    if (s.size() > kStage / 4) {
      Stage();
      out_.append(s);
      return;
    }
    char* d = Room(s.size());
    std::memcpy(d, s.data(), s.size());
    Done(d + s.size());
  }
  void String(std::string_view s, bool normalize) {
    if (normalize) return String(NormalizePunct(s), false);
    if (YamlNeedsQuotes(s)) {
      Stage();
      AppendJsonString(out_, s);
    } else {
      Bytes(s);
    }
  }

  bool normalize_;
  bool dash_ = false;
  size_t indent_ = 0;
  const Drain* drain_ = nullptr;
};

void Emit(YamlOut& y, const Document& doc) { VisitDocument(doc, y); }

}  // namespace

namespace {

std::string YamlPart(const Document& doc, bool, const WriteOptions& opts) {
  YamlOut y(opts.normalize_punct);
  ReserveOutput(y.text(), RenderedSizeBound(doc));
  Emit(y, doc);
  return std::move(y.text());
}

void YamlPartTo(const Document& doc, bool, const WriteOptions& opts, const Drain& drain) {
  YamlOut y(opts.normalize_punct);
  y.text().reserve(kDrainChunk + (kDrainChunk >> 2));
  y.DrainTo(&drain);
  Emit(y, doc);
  drain(y.text());
}

std::string YamlHead(bool, const WriteOptions&) { return ""; }
std::string YamlSep(size_t index, bool, const WriteOptions&) { return index ? "---\n" : ""; }
std::string YamlTail(size_t, bool, const WriteOptions&) { return ""; }

}  // namespace

extern const Pieces kYamlPieces = {YamlHead, YamlPart, YamlSep, YamlTail, YamlPartTo};

void WriteYaml(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  for (size_t i = 0; i < docs.size(); ++i) out << YamlSep(i, true, opts) << YamlPart(docs[i], true, opts);
}

// --- view tables (Writer::write_rows) ---------------------------------------

// Strings always double-quoted: JSON string syntax is a YAML double-quoted
// scalar, so no value can be read back as a date, number or bool.
void WriteYamlRows(std::ostream& out, const RowTable& t, const WriteOptions& /*opts*/) {
  if (t.rows.empty()) {
    out << "[]\n";
    return;
  }
  std::string text;
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      text += i ? "  " : "- ";
      text += t.header[i];
      text += ": ";
      AppendTableValue(text, t, row, i);
      text += '\n';
    }
  }
  out << text;
}

}  // namespace noticetab
