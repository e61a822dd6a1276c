// Hand-written rather than YAML::Emitter: yaml-cpp 0.7 leaves "2023-08-09",
// "4" and "yes" plain (PyYAML then reads a date, an int, a bool) and writes
// U+2028 / U+0085 raw, which YAML 1.1 readers take for line breaks.
#include <bit>
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
#include "utf8_scan.h"

namespace noticetab {


namespace {

bool IsUnicodeSpace(char32_t c) {
  return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

}  // namespace

// Plain (unquoted) only when no YAML 1.1 or 1.2 reader can take the text for
// anything but a string: it must start with a letter or a non-ASCII character
// (numbers, dates, .inf, ~, indicators all start otherwise), not be a
// bool/null word, and hold nothing that ends or escapes a plain scalar.
// Anything else is double-quoted, which is always safe.
bool YamlNeedsQuotes(std::string_view s) {
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
  // Per character: controls (C0, DEL, C1), ':' and '#', U+2028/2029, the BOM
  // and U+FFFD-U+FFFF (U+FFFD may be an invalid byte the quoter must
  // replace). ASCII and well-formed 3-byte sequences are tested without
  // decoding.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t last = 0;  // start of the last character
  for (size_t i = 0; i < s.size();) {
    const unsigned b = p[i];
    last = i;
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7F || b == ':' || b == '#') return true;
      ++i;
      continue;
    }
    // U+3000-U+9FFF (leads E3-E9), most of a notice, need no test: two at a
    // time while they last (bytes 0 and 3 of a word such leads, bytes 1, 2,
    // 4, 5 continuation bytes).
    if (b - 0xE3u <= 6u) {
      const size_t from = i;
      i = utf8::SkipCjkPairs(p, i, s.size());
      if (i != from) {
        last = i - 3;
        continue;  // the byte there decides, from the top
      }
    }
    if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < s.size() && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      const unsigned c1 = p[i + 1], c2 = p[i + 2];
      if ((b == 0xE2u && c1 == 0x80u && (c2 == 0xA8u || c2 == 0xA9u)) ||
          (b == 0xEFu && ((c1 == 0xBBu && c2 == 0xBFu) || (c1 == 0xBFu && c2 >= 0xBDu)))) {
        return true;
      }
      i += 3;
      continue;
    }
    const char32_t c = NextChar(s, i);
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
        (c >= 0xFFFD && c <= 0xFFFF)) {
      return true;
    }
  }
  // Leading or trailing white space (any Unicode space) would be lost.
  size_t i = 0;
  if (IsUnicodeSpace(NextChar(s, i))) return true;
  i = last;
  return IsUnicodeSpace(NextChar(s, i));
}

namespace {

// Block-style emitter for the fixed shape of a Document: nested maps indent
// by two, sequences of maps put "- " before their first key.
class YamlOut {
 public:
  explicit YamlOut(bool normalize) : normalize_(normalize) {}

  std::string& text() { return out_; }
  /// After each element of a sequence (a task), text of kDrainChunk bytes or
  /// more goes to `drain` (Pieces::part_to).
  void DrainTo(const Drain* drain) { drain_ = drain; }

  void Key(std::string_view key) {
    if (dash_) {
      out_.append(indent_ - 2, ' ');
      out_ += "- ";
      dash_ = false;
    } else {
      out_.append(indent_, ' ');
    }
    // The key "no" too: YAML 1.1 readers such as PyYAML take it for false.
    String(key, false);
    out_ += ':';
  }
  void BeginMap(std::string_view key) {
    Key(key);
    out_ += '\n';
    indent_ += 2;
  }
  void EndMap() { indent_ -= 2; }
  /// Emits `key:` and calls each(x) for every entry of `v`, each a map.
  template <typename F>
  void Map(std::string_view key, F body) {
    BeginMap(key);
    body();
    EndMap();
  }
  template <typename T, typename F>
  void Seq(std::string_view key, const std::vector<T>& v, F each) {
    Key(key);
    if (v.empty()) {
      out_ += " []\n";
      return;
    }
    out_ += '\n';
    indent_ += 4;
    for (const T& x : v) {
      dash_ = true;
      each(x);
      if (drain_ && out_.size() >= kDrainChunk) {
        (*drain_)(out_);
        out_.clear();
      }
    }
    indent_ -= 4;
  }

  // The schema visitor (schema.h).
  void Str(std::string_view key, const std::string& v) {
    Key(key);
    out_ += ' ';
    String(v, normalize_);
    out_ += '\n';
  }
  void Int(std::string_view key, int v) {
    Key(key);
    out_ += ' ' + std::to_string(v) + '\n';
  }
  void Str(std::string_view key, const std::optional<std::string>& v) {
    if (v) return Str(key, *v);
    Key(key);
    out_ += " null\n";
  }
  void Int(std::string_view key, const std::optional<int>& v) {
    if (v) return Int(key, *v);
    Key(key);
    out_ += " null\n";
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    Key(key);
    if (v.empty()) {
      out_ += " []\n";
      return;
    }
    out_ += '\n';
    for (const std::string& s : v) {
      out_.append(indent_ + 2, ' ');
      out_ += "- ";
      String(s, normalize_);
      out_ += '\n';
    }
  }
  void Flag(std::string_view key, bool v) {
    Key(key);
    out_ += v ? " true\n" : " false\n";
  }
  void StrIf(std::string_view key, bool present, const std::string& v) {
    if (present) return Str(key, v);
    Key(key);
    out_ += " null\n";
  }
  void Pair(std::string_view key, int a, int b) {
    Key(key);
    out_ += " [" + std::to_string(a) + ", " + std::to_string(b) + "]\n";
  }
  /// Emitted verbatim: a path must still name the file after --normalize-punct.
  void Raw(std::string_view key, const std::string& v) {
    Key(key);
    out_ += ' ';
    String(v, false);
    out_ += '\n';
  }

 private:
  void String(std::string_view s, bool normalize) {
    if (normalize) return String(NormalizePunct(s), false);
    if (YamlNeedsQuotes(s)) {
      AppendJsonString(out_, s);
    } else {
      out_ += s;
    }
  }

  bool normalize_;
  bool dash_ = false;
  int indent_ = 0;
  std::string out_;
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
