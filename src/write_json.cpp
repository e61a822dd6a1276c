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

/// Appends the \uXXXX escape of c (a BMP code point).
void AppendJsonEscape(std::string& out, char32_t c) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char buf[6] = {'\\', 'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF], kHex[(c >> 4) & 0xF],
                       kHex[c & 0xF]};
  out.append(buf, 6);
}

/// True for a code point JSON output writes as \uXXXX: control characters
/// (C0 other than the named escapes, DEL, C1), the line/paragraph separators,
/// the BOM and the two noncharacters.
bool NeedsUnicodeEscape(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
         c == 0xFFFE || c == 0xFFFF;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  // Bytes that come out as they went in (printable ASCII other than " and \,
  // well-formed UTF-8 of a code point that needs no escape) are copied a run
  // at a time; everything else is decoded and written one character at a time.
  size_t run = 0;  // start of the pending run of verbatim bytes
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned b = p[i];
    // Most of a notice: U+3000-U+9FFF (leads E3-E9), well formed; two at a
    // time while they last (bytes 0 and 3 of a word such leads, bytes 1, 2,
    // 4, 5 continuation bytes).
    if (b - 0xE3u <= 6u) {
      const size_t from = i;
      i = utf8::SkipCjkPairs(p, i, n);
      if (i != from) continue;  // the byte there decides, from the top
      if (i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
        i += 3;
        continue;
      }
    }
    if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    // Any other well-formed 3-byte sequence (lead E1-EF other than ED, the
    // surrogates) that is none of U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF.
    if (b - 0xE1u < 0x0Fu && b != 0xEDu && i + 2 < n && ((p[i + 1] | p[i + 2] << 8) & 0xC0C0) == 0x8080) {
      const unsigned c1 = p[i + 1], c2 = p[i + 2];
      const bool escaped = (b == 0xE2u && c1 == 0x80u && (c2 == 0xA8u || c2 == 0xA9u)) ||
                           (b == 0xEFu && ((c1 == 0xBBu && c2 == 0xBFu) || (c1 == 0xBFu && c2 >= 0xBEu)));
      if (!escaped) {
        i += 3;
        continue;
      }
    }
    const size_t at = i;
    size_t next = i;  // NextChar takes it by reference; i stays in a register
    const char32_t c = NextChar(s, next);
    i = next;
    if (b >= 0x80 && !NeedsUnicodeEscape(c) &&
        (c != 0xFFFD || s.substr(at, i - at) == "\xEF\xBF\xBD")) {
      continue;  // well formed: decoding and re-encoding gives back the same bytes
    }
    out.append(s.data() + run, at - run);
    run = i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (NeedsUnicodeEscape(c)) {
          AppendJsonEscape(out, c);
        } else {
          AppendUtf8(out, c);  // U+FFFD for a malformed sequence
        }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {

// Commas, line breaks and indentation for nested containers. Arrays of
// scalars stay on one line even when pretty-printing: a task's units read
// better as ["甲", "乙"] than as a column.
class JsonOut {
 public:
  JsonOut(bool pretty, bool normalize) : pretty_(pretty), normalize_(normalize) {}

  std::string& text() { return out_; }
  /// After each element of a sequence (a task), text of kDrainChunk bytes or
  /// more goes to `drain` (Pieces::part_to).
  void DrainTo(const Drain* drain) { drain_ = drain; }

  void Open(char bracket, bool one_line = false) {
    out_ += bracket;
    stack_.push_back({true, one_line || !pretty_});
  }
  void Close(char bracket) {
    const Frame f = stack_.back();
    stack_.pop_back();
    if (!f.empty && !f.one_line) Newline();
    out_ += bracket;
  }
  void Next() {
    Frame& f = stack_.back();
    if (!f.empty) out_ += ',';
    if (!f.one_line) {
      Newline();
    } else if (!f.empty && pretty_) {
      out_ += ' ';
    }
    f.empty = false;
  }
  void Key(std::string_view key) {
    // What Next() and the quoted key append, gathered into one append (each
    // append is a call; a document has tens of keys per task).
    const Frame& f = stack_.back();
    const size_t indent = f.one_line ? 0 : 2 * stack_.size();
    char buf[96];
    if (indent + key.size() + 6 > sizeof buf) {
      Next();
      out_ += '"';
      out_ += key;
      out_ += pretty_ ? "\": " : "\":";
      return;
    }
    size_t n = 0;
    if (!f.empty) buf[n++] = ',';
    if (!f.one_line) {
      buf[n++] = '\n';
      std::memset(buf + n, ' ', indent);
      n += indent;
    } else if (!f.empty && pretty_) {
      buf[n++] = ' ';
    }
    stack_.back().empty = false;
    buf[n++] = '"';
    std::memcpy(buf + n, key.data(), key.size());
    n += key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    if (pretty_) buf[n++] = ' ';
    out_.append(buf, n);
  }

  void String(std::string_view s) {
    if (normalize_) {
      AppendJsonString(out_, NormalizePunct(s));
    } else {
      AppendJsonString(out_, s);
    }
  }
  void Number(int v) { out_ += std::to_string(v); }
  void Null() { out_ += "null"; }

  // The schema visitor (schema.h).
  void Str(std::string_view key, const std::string& v) {
    Key(key);
    String(v);
  }
  void Int(std::string_view key, int v) {
    Key(key);
    Number(v);
  }
  void Str(std::string_view key, const std::optional<std::string>& v) {
    if (v) return Str(key, *v);
    Key(key);
    Null();
  }
  void Int(std::string_view key, const std::optional<int>& v) {
    if (v) return Int(key, *v);
    Key(key);
    Null();
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    Key(key);
    Open('[', true);
    for (const std::string& s : v) {
      Next();
      String(s);
    }
    Close(']');
  }
  void Flag(std::string_view key, bool v) {
    Key(key);
    out_ += v ? "true" : "false";
  }
  void StrIf(std::string_view key, bool present, const std::string& v) {
    if (present) return Str(key, v);
    Key(key);
    Null();
  }
  /// Emitted verbatim: a path must still name the file after --normalize-punct.
  void Raw(std::string_view key, const std::string& v) {
    Key(key);
    AppendJsonString(out_, v);
  }
  void Pair(std::string_view key, int a, int b) {
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
      if (drain_ && out_.size() >= kDrainChunk) {
        (*drain_)(out_);
        out_.clear();
      }
    }
    Close(']');
  }

 private:
  struct Frame {
    bool empty;
    bool one_line;
  };
  void Newline() {
    out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
  }

  bool pretty_, normalize_;
  std::vector<Frame> stack_;
  std::string out_;
  const Drain* drain_ = nullptr;
};

void Emit(JsonOut& j, const Document& doc) {
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
  JsonOut j(/*pretty=*/true, opts.normalize_punct);
  ReserveOutput(j.text(), RenderedSizeBound(doc) + 4);
  if (several) {
    j.Open('[');
    j.Next();
    j.text().clear();  // "[\n  ": the element's indentation is kept
  }
  Emit(j, doc);
  return std::move(j.text());
}

void JsonPartTo(const Document& doc, bool several, const WriteOptions& opts, const Drain& drain) {
  JsonOut j(/*pretty=*/true, opts.normalize_punct);
  j.text().reserve(kDrainChunk + (kDrainChunk >> 2));
  if (several) {
    j.Open('[');
    j.Next();
    j.text().clear();
  }
  j.DrainTo(&drain);
  Emit(j, doc);
  drain(j.text());
}

std::string JsonSep(size_t index, bool several, const WriteOptions&) {
  return several ? (index ? ",\n  " : "\n  ") : "";
}

std::string JsonTail(size_t count, bool several, const WriteOptions&) {
  return several ? (count ? "\n]\n" : "]\n") : "\n";
}

std::string JsonlPart(const Document& doc, bool, const WriteOptions& opts) {
  JsonOut j(/*pretty=*/false, opts.normalize_punct);
  ReserveOutput(j.text(), RenderedSizeBound(doc) + 1);
  Emit(j, doc);
  j.text() += '\n';
  return std::move(j.text());
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
