#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "noticetab/text.h"
#include "noticetab/write.h"

namespace noticetab {

// Shared with write_yaml.cpp: a YAML double-quoted scalar accepts this syntax.
// Non-ASCII stays raw UTF-8, except characters a reader would take for a line
// break or a byte-order mark, or refuse as unprintable. Invalid UTF-8 becomes
// U+FFFD so the output is always valid text.
void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
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
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
            c == 0xFFFE || c == 0xFFFF) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
        } else {
          AppendUtf8(out, c);
        }
    }
  }
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
    Next();
    out_ += '"';
    out_ += key;
    out_ += pretty_ ? "\": " : "\":";
  }

  void String(std::string_view s) {
    if (normalize_) {
      AppendJsonString(out_, NormalizePunct(s));
    } else {
      AppendJsonString(out_, s);
    }
  }
  void Int(int v) { out_ += std::to_string(v); }
  void Null() { out_ += "null"; }

  void Field(std::string_view key, const std::string& v) {
    Key(key);
    String(v);
  }
  void Field(std::string_view key, int v) {
    Key(key);
    Int(v);
  }
  void Field(std::string_view key, const std::optional<std::string>& v) {
    if (v) return Field(key, *v);
    Key(key);
    Null();
  }
  void Field(std::string_view key, const std::optional<int>& v) {
    if (v) return Field(key, *v);
    Key(key);
    Null();
  }
  void Field(std::string_view key, const std::vector<std::string>& v) {
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
  /// A string that means something only when `present`, else null.
  void FieldIf(std::string_view key, bool present, const std::string& v) {
    if (present) return Field(key, v);
    Key(key);
    Null();
  }
  /// Emitted verbatim: a path must still name the file after --normalize-punct.
  void RawField(std::string_view key, const std::string& v) {
    Key(key);
    AppendJsonString(out_, v);
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
};

void Emit(JsonOut& j, const Document& doc) {
  j.Open('{');
  j.RawField("source", doc.source);
  j.Field("encoding", doc.encoding);
  j.Field("layout", doc.layout);

  const FrontMatter& fm = doc.document;
  j.Key("document");
  j.Open('{');
  j.Field("issuer", fm.issuer);
  j.Field("number", fm.number);
  j.Field("title", fm.title);
  j.Field("recipients", fm.recipients);
  j.Field("date", fm.date);
  j.Field("year", fm.year);
  j.Field("publicity", fm.publicity);
  j.Field("attachments", fm.attachments);
  j.Field("cc", fm.cc);
  j.Field("printed_by", fm.printed_by);
  j.Field("printed_date", fm.printed_date);
  j.Close('}');

  j.Key("sections");
  j.Open('[');
  for (const Section& s : doc.sections) {
    j.Next();
    j.Open('{');
    j.Field("index", s.index);
    j.Field("no", s.no);
    j.Field("title", s.title);
    j.Field("line", s.line);
    j.Key("items");
    j.Open('[');
    for (const Item& it : s.items) {
      j.Next();
      j.Open('{');
      j.Field("index", it.index);
      j.Field("no", it.no);
      j.Field("title", it.title);
      j.Field("text", it.text);
      j.Field("line", it.line);
      j.Close('}');
    }
    j.Close(']');
    j.Close('}');
  }
  j.Close(']');

  j.Key("tasks");
  j.Open('[');
  for (const Task& t : doc.tasks) {
    j.Next();
    j.Open('{');
    j.Field("id", t.id);
    j.Field("seq", t.seq);
    j.Field("section", t.section);
    j.FieldIf("section_no", t.section.has_value(), t.section_no);
    j.FieldIf("section_title", t.section.has_value(), t.section_title);
    j.Field("item", t.item);
    j.FieldIf("item_no", t.item.has_value(), t.item_no);
    j.FieldIf("item_title", t.item.has_value(), t.item_title);
    j.Field("content", t.content);
    j.Field("units", t.units);
    j.Field("lead_units", t.lead_units);
    j.Field("support_units", t.support_units);
    j.Flag("units_open", t.units_open);
    const Deadline& d = t.deadline;
    j.Key("deadline");
    j.Open('{');
    j.Field("text", d.text);
    j.Field("date", d.date);
    j.Field("kind", d.kind);
    j.Field("granularity", d.granularity);
    j.Field("year_source", d.year_source);
    j.Close('}');
    j.Key("lines");
    j.Open('[', true);
    j.Next();
    j.Int(t.first_line);
    j.Next();
    j.Int(t.last_line);
    j.Close(']');
    j.Field("warnings", t.warnings);
    j.Close('}');
  }
  j.Close(']');

  j.Field("warnings", doc.warnings);
  j.Close('}');
}

}  // namespace

namespace {

std::string JsonHead(bool several, const WriteOptions&) { return several ? "[" : ""; }

// An element of the array is indented one level: rendered inside an array
// of its own, whose "[\n  " is cut off.
std::string JsonPart(const Document& doc, bool several, const WriteOptions& opts) {
  JsonOut j(/*pretty=*/true, opts.normalize_punct);
  if (!several) {
    Emit(j, doc);
    return std::move(j.text());
  }
  j.Open('[');
  j.Next();
  Emit(j, doc);
  return j.text().substr(4);
}

std::string JsonSep(size_t index, bool several, const WriteOptions&) {
  return several ? (index ? ",\n  " : "\n  ") : "";
}

std::string JsonTail(size_t count, bool several, const WriteOptions&) {
  return several ? (count ? "\n]\n" : "]\n") : "\n";
}

std::string JsonlPart(const Document& doc, bool, const WriteOptions& opts) {
  JsonOut j(/*pretty=*/false, opts.normalize_punct);
  Emit(j, doc);
  return std::move(j.text()) + '\n';
}

std::string Nothing(bool, const WriteOptions&) { return ""; }
std::string NoSep(size_t, bool, const WriteOptions&) { return ""; }
std::string NoTail(size_t, bool, const WriteOptions&) { return ""; }

}  // namespace

extern const Pieces kJsonPieces = {JsonHead, JsonPart, JsonSep, JsonTail};
extern const Pieces kJsonlPieces = {Nothing, JsonlPart, NoSep, NoTail};

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

}  // namespace noticetab
