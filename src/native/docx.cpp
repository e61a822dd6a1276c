// DOCX (WordprocessingML): the paragraphs and tables of the main document
// part (word/document.xml, or wherever _rels/.rels points) in order, with Word's automatic numbering rendered from numbering.xml (as
// pandoc's Docx reader does) so that 一、/（一）/1. typed and auto-numbered
// give the same outline. Headers, footers, footnotes and comments live in
// other parts and are not read; tracked changes read as accepted (w:ins kept,
// w:del dropped); text boxes follow the paragraph that anchors them.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

int ToInt(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  try {
    size_t used = 0;
    long v = std::stol(s, &used);
    if (used != s.size() || v < -1000000 || v > 1000000) return fallback;
    return static_cast<int>(v);
  } catch (...) {
    return fallback;
  }
}

std::string ValOf(const xmlNode* n, std::string_view child) {
  const xmlNode* c = n != nullptr ? Child(n, child) : nullptr;
  return c != nullptr ? Attr(c, "val") : std::string();
}

// --- imported parts ----------------------------------------------------------

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string QuotedPrintable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
    } else if (i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
      i += s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n' ? 2 : 1;  // a soft line break
    } else if (i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else {
      out += '=';
    }
  }
  return out;
}

std::string Base64(std::string_view s) {
  std::string out;
  uint32_t bits = 0;
  int n = 0;
  for (char c : s) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+' ? 62 : c == '/' ? 63 : -1;
    if (v < 0) continue;  // line breaks, padding
    bits = (bits << 6) | static_cast<uint32_t>(v);
    if ((n += 6) >= 8) out += static_cast<char>((bits >> (n -= 8)) & 0xFF);
  }
  return out;
}

// The HTML of a MIME (MHT) document, the form html-docx-js and Word's own
// "single file web page" give an imported part: the first text/html part,
// its transfer encoding undone. "" when there is none.
std::string MhtHtml(std::string_view mht) {
  auto headers_end = [](std::string_view part) {
    size_t a = part.find("\r\n\r\n"), b = part.find("\n\n");
    if (a != std::string_view::npos && (b == std::string_view::npos || a < b)) return a + 4;
    return b == std::string_view::npos ? std::string_view::npos : b + 2;
  };
  auto body_of = [&](std::string_view part) -> std::string {
    const size_t end = headers_end(part);
    if (end == std::string_view::npos) return {};
    const std::string headers = Lower(part.substr(0, end));
    if (headers.find("content-type: text/html") == std::string::npos &&
        headers.find("content-type:text/html") == std::string::npos)
      return {};
    std::string_view body = part.substr(end);
    if (headers.find("quoted-printable") != std::string::npos) return QuotedPrintable(body);
    if (headers.find("base64") != std::string::npos) return Base64(body);
    return std::string(body);
  };
  const size_t top = headers_end(mht);
  if (top == std::string_view::npos) return {};
  const std::string headers = Lower(mht.substr(0, top));
  size_t at = headers.find("boundary=");
  if (at == std::string::npos) return body_of(mht);
  at += 9;
  const bool quoted = at < headers.size() && headers[at] == '"';
  at += quoted;
  size_t stop = headers.find_first_of(quoted ? "\"" : "; \r\n", at);
  // The boundary as written (the headers were lowered for the search only).
  const std::string boundary = "--" + std::string(mht.substr(at, (stop == std::string::npos ? headers.size() : stop) - at));
  for (size_t pos = mht.find(boundary, top); pos != std::string_view::npos;) {
    const size_t next = mht.find(boundary, pos + boundary.size());
    std::string_view part = mht.substr(pos + boundary.size(), next == std::string_view::npos ? std::string_view::npos
                                                                                            : next - pos - boundary.size());
    while (!part.empty() && (part.front() == '\r' || part.front() == '\n')) part.remove_prefix(1);
    if (std::string html = body_of(part); !html.empty()) return html;
    pos = next;
  }
  return {};
}

// --- numbering -------------------------------------------------------------

// The number words come from rules/numbering.yaml (the built-in file: the
// readers run before a notice's rules are chosen).
std::string ChineseNumber(int n, bool traditional_digits) {
  const Rules& r = BuiltinNumbering();
  const std::vector<std::string>& digits = r.counting_digits;
  if (n <= 0) return std::to_string(n);
  if (n >= 10000) return std::to_string(n);
  if (traditional_digits) {  // ideographDigital: 一〇 for 10
    std::string s;
    for (char c : std::to_string(n)) s += digits[c - '0'];
    return s;
  }
  std::string s;
  int place[4] = {n % 10, n / 10 % 10, n / 100 % 10, n / 1000};
  bool zero = false;
  for (int u = 3; u >= 0; --u) {
    int d = place[u];
    bool higher = false;
    for (int k = u + 1; k < 4; ++k) higher |= place[k] != 0;
    if (d == 0) {
      zero = higher;
      continue;
    }
    if (zero) s += r.counting_zero;
    zero = false;
    if (!(u == 1 && d == 1 && !higher)) s += digits[d];  // 十一, not 一十一
    s += r.counting_units[u];
  }
  return s;
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kR[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                     {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                     {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string s;
  for (auto [v, r] : kR)
    while (n >= v) s += r, n -= v;
  if (upper)
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string FormatNumber(int n, const std::string& fmt) {
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "chineseLegalSimplified" ||
      fmt == "japaneseCounting" || fmt == "taiwaneseCounting" || fmt == "taiwaneseCountingThousand")
    return ChineseNumber(n, false);
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" || fmt == "japaneseDigitalTenThousand")
    return ChineseNumber(n, true);
  if (fmt == "ideographTraditional") {
    const std::vector<std::string>& k = BuiltinNumbering().stems;
    return n >= 1 && n <= static_cast<int>(k.size()) ? k[n - 1] : std::to_string(n);
  }
  if (fmt == "ideographZodiac") {
    const std::vector<std::string>& k = BuiltinNumbering().branches;
    return n >= 1 && n <= static_cast<int>(k.size()) ? k[n - 1] : std::to_string(n);
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string s;
      AppendUtf8(s, static_cast<char32_t>(0x2460 + n - 1));
      return s;
    }
    return std::to_string(n);
  }
  if (fmt == "decimalEnclosedParen" || fmt == "decimalEnclosedFullstop") return std::to_string(n);
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n)) AppendUtf8(s, static_cast<char32_t>(0xFF10 + (c - '0')));
    return s;
  }
  if (fmt == "decimalZero") return n < 10 && n >= 0 ? "0" + std::to_string(n) : std::to_string(n);
  if (fmt == "upperRoman") return Roman(n, true);
  if (fmt == "lowerRoman") return Roman(n, false);
  if (fmt == "upperLetter") return Letters(n, true);
  if (fmt == "lowerLetter") return Letters(n, false);
  return std::to_string(n);  // decimal and anything unknown
}

struct Level {
  std::string fmt = "decimal", text;
  std::string suffix = "tab";
  int start = 1;
  int restart = -1;  // w:lvlRestart: -1 absent (after any higher level), 0 never, n after levels < n
  bool legal = false;
  std::string style;  // w:pStyle: paragraphs of this style take this level
};

Level ReadLevel(const xmlNode* lvl, Level l) {
  if (const xmlNode* c = Child(lvl, "numFmt")) l.fmt = Attr(c, "val");
  if (const xmlNode* c = Child(lvl, "lvlText")) l.text = Attr(c, "val");
  if (const xmlNode* c = Child(lvl, "start")) l.start = ToInt(Attr(c, "val"), 1);
  if (const xmlNode* c = Child(lvl, "suff")) l.suffix = Attr(c, "val");
  if (const xmlNode* c = Child(lvl, "lvlRestart")) l.restart = ToInt(Attr(c, "val"), -1);
  if (const xmlNode* c = Child(lvl, "pStyle")) l.style = Attr(c, "val");
  if (const xmlNode* c = Child(lvl, "isLgl")) l.legal = Attr(c, "val") != "0" && Attr(c, "val") != "false";
  return l;
}

// numbering.xml: abstract definitions, numbering instances, and the counters
// of the lists as the document is read. A counter belongs to the abstract
// definition (numIds sharing one continue each other) unless the instance
// overrides a start, which makes it a list of its own.
class Numbering {
 public:
  void Load(const xmlNode* root) {
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (Name(n) == "abstractNum") {
        auto& levels = abstract_[ToInt(Attr(n, "abstractNumId"), -1)];
        for (const xmlNode* l = n->children; l != nullptr; l = l->next) {
          int i = Name(l) == "lvl" ? ToInt(Attr(l, "ilvl"), -1) : -1;
          if (i >= 0 && i < 9) levels[i] = ReadLevel(l, Level{});
        }
      } else if (Name(n) == "num") {
        Num num;
        num.abstract = ToInt(ValOf(n, "abstractNumId"), -1);
        for (const xmlNode* o = n->children; o != nullptr; o = o->next) {
          if (Name(o) != "lvlOverride") continue;
          int i = ToInt(Attr(o, "ilvl"), -1);
          if (i < 0 || i >= 9) continue;
          if (const xmlNode* s = Child(o, "startOverride")) num.start[i] = ToInt(Attr(s, "val"), 1);
          if (const xmlNode* l = Child(o, "lvl")) num.level[i] = ReadLevel(l, LevelOf(num.abstract, i));
        }
        nums_[ToInt(Attr(n, "numId"), -1)] = std::move(num);
      }
    }
  }

  // The level a paragraph style is tied to in the list of num_id, or -1.
  int LevelOfStyle(int num_id, const std::string& style) const {
    auto it = nums_.find(num_id);
    if (it == nums_.end()) return -1;
    auto a = abstract_.find(it->second.abstract);
    if (a == abstract_.end()) return -1;
    for (int i = 0; i < 9; ++i)
      if (!style.empty() && a->second[i].style == style) return i;
    return -1;
  }

  // The label of the next paragraph in list num_id at level ilvl ("一、",
  // "（二）", "3."), with its separator; "" for bullets and unknown lists.
  std::string Next(int num_id, int ilvl) {
    auto it = nums_.find(num_id);
    if (it == nums_.end() || ilvl < 0 || ilvl >= 9) return {};
    const Num& num = it->second;
    const bool own = !num.start.empty() || !num.level.empty();
    Counter& counter = counters_[own ? -1 - num_id : num.abstract];
    if (own && !counter.started) {
      for (auto [i, s] : num.start) counter.value[i] = s - 1, counter.seen[i] = true;
    }
    counter.started = true;
    const Level lvl = LevelOf(num, ilvl);
    counter.value[ilvl] = counter.seen[ilvl] ? counter.value[ilvl] + 1 : lvl.start;
    counter.seen[ilvl] = true;
    for (int k = ilvl + 1; k < 9; ++k) {
      const int restart = LevelOf(num, k).restart;
      if (restart < 0 || (restart > 0 && ilvl < restart)) counter.seen[k] = false;
    }
    if (lvl.fmt == "bullet" || lvl.fmt.empty()) return {};
    std::string label;
    const std::string& t = lvl.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int k = t[i + 1] - '1';
        const Level lk = LevelOf(num, k);
        int v = counter.seen[k] ? counter.value[k] : lk.start;
        if (lvl.fmt == "none" && k == ilvl) {
          // no number at all
        } else {
          label += FormatNumber(v, lvl.legal && k != ilvl ? std::string("decimal") : lk.fmt);
        }
        ++i;
      } else {
        label += t[i];
      }
    }
    if (label.empty()) return {};
    SeparateLabel(label, lvl.suffix != "nothing");
    return label;
  }

 private:
  struct Num {
    int abstract = -1;
    std::map<int, int> start;
    std::map<int, Level> level;
  };
  struct Counter {
    std::array<int, 9> value{};
    std::array<bool, 9> seen{};
    bool started = false;
  };
  Level LevelOf(int abstract, int i) const {
    auto a = abstract_.find(abstract);
    return a == abstract_.end() || i < 0 || i >= 9 ? Level{} : a->second[i];
  }
  Level LevelOf(const Num& num, int i) const {
    auto o = num.level.find(i);
    return o != num.level.end() ? o->second : LevelOf(num.abstract, i);
  }
  std::map<int, std::array<Level, 9>> abstract_;
  std::map<int, Num> nums_;
  std::map<int, Counter> counters_;
};

// styles.xml: the numbering a paragraph style carries (w:pPr/w:numPr),
// following w:basedOn.
class Styles {
 public:
  void Load(const xmlNode* root) {
    for (const xmlNode* s = root->children; s != nullptr; s = s->next) {
      if (Name(s) != "style" || Attr(s, "type") != "paragraph") continue;
      Style st;
      st.based_on = ValOf(s, "basedOn");
      if (const xmlNode* ppr = Child(s, "pPr"))
        if (const xmlNode* np = Child(ppr, "numPr")) {
          st.num_id = ToInt(ValOf(np, "numId"), -1);
          st.ilvl = ToInt(ValOf(np, "ilvl"), -1);
        }
      styles_[Attr(s, "styleId")] = st;
    }
  }
  struct NumRef {
    int num_id = -1, ilvl = -1;  ///< -1: not set anywhere in the chain
    bool own_ilvl = false;       ///< ilvl set by the style itself, not a base
  };
  // The numbering of a style. numId and ilvl are inherited through w:basedOn
  // one by one, as Word does: a "heading 2" based on "heading 1" often sets
  // only its ilvl and takes the list (numId) from its base.
  NumRef NumPr(std::string id) const {
    NumRef ref;
    std::set<std::string> seen;
    for (bool own = true; !id.empty() && seen.insert(id).second; own = false) {
      auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (ref.ilvl < 0 && it->second.ilvl >= 0) ref.ilvl = it->second.ilvl, ref.own_ilvl = own;
      if (ref.num_id < 0) ref.num_id = it->second.num_id;
      if (ref.num_id >= 0 && ref.ilvl >= 0) break;
      id = it->second.based_on;
    }
    return ref;
  }

 private:
  struct Style {
    std::string based_on;
    int num_id = -1, ilvl = -1;
  };
  std::map<std::string, Style> styles_;
};

// --- document ----------------------------------------------------------------

class DocxReader {
 public:
  DocxReader(Rendered* out, Zip& zip) : lines_(out), out_(out), zip_(zip) {}
  int objects = 0, first_object_line = 0;  ///< embedded OLE objects (w:object), not read
  int symbols_lost = 0, first_symbol_line = 0;  ///< w:sym of a font or byte numbering.yaml lacks

  // A w:sym: a symbol font's byte (F0B3, or B3) by numbering.yaml
  // symbol_fonts, an ordinary code point (2265) as it is; else left out and
  // counted (a lost ≥ changes a task).
  void Symbol(const xmlNode* n, std::string& text) {
    const std::string code = Attr(n, "char");
    const bool hex = !code.empty() && code.size() <= 6 &&
                     std::all_of(code.begin(), code.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
    if (hex) {
      const auto c = static_cast<char32_t>(std::stoul(code, nullptr, 16));
      const bool font_byte = c < 0x100 || (c >= 0xF000 && c <= 0xF0FF);
      const auto& fonts = BuiltinNumbering().symbol_fonts;
      if (font_byte) {  // a byte of the font's own: only the table says what it draws
        if (auto f = fonts.find(Attr(n, "font")); f != fonts.end())
          if (auto d = f->second.find(static_cast<int>(c & 0xFF)); d != f->second.end()) {
            text += d->second;
            return;
          }
      } else if (c <= 0x10FFFF && !(c >= 0xE000 && c <= 0xF8FF) && !(c >= 0xD800 && c <= 0xDFFF)) {
        AppendUtf8(text, c);
        return;
      }
    }
    if (symbols_lost++ == 0) first_symbol_line = static_cast<int>(out_->lines.size()) + 1;
  }
  std::map<std::string, std::string> chunks;  ///< relationship id -> part, of w:altChunk parts
  Numbering numbering;
  Styles styles;

  void Blocks(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name == "p") {
        std::vector<const xmlNode*> boxes;
        std::string text = ParagraphText(n, &boxes);
        lines_.Paragraph(text);
        for (const xmlNode* box : boxes) Blocks(box);
      } else if (name == "tbl") {
        Table(n);
      } else if (name == "sdt") {
        if (const xmlNode* c = Child(n, "sdtContent")) Blocks(c);
      } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
        Blocks(n);
      } else if (name == "altChunk") {
        AltChunk(n);
      }
    }
  }

 private:
  // The paragraph's text with its number label; text boxes anchored in it are
  // collected in `boxes` (nullptr: their text joins the paragraph).
  std::string ParagraphText(const xmlNode* p, std::vector<const xmlNode*>* boxes) {
    std::string text;
    const xmlNode* ppr = Child(p, "pPr");
    if (ppr != nullptr) {
      int num_id = -1, ilvl = -1;
      std::string style = ValOf(ppr, "pStyle");
      if (!style.empty()) {
        const Styles::NumRef ref = styles.NumPr(style);
        num_id = ref.num_id;
        ilvl = ref.ilvl;
        // A level that names this style (w:lvl/w:pStyle) is the style's own
        // level; an ilvl inherited from a base style is not.
        if (!ref.own_ilvl && num_id > 0) {
          if (const int linked = numbering.LevelOfStyle(num_id, style); linked >= 0) ilvl = linked;
        }
      }
      if (const xmlNode* np = Child(ppr, "numPr")) {
        if (Child(np, "numId") != nullptr) num_id = ToInt(ValOf(np, "numId"), -1);
        if (Child(np, "ilvl") != nullptr) ilvl = ToInt(ValOf(np, "ilvl"), -1);
      }
      if (num_id > 0) {
        if (ilvl < 0) ilvl = std::max(0, numbering.LevelOfStyle(num_id, style));
        text = numbering.Next(num_id, ilvl);
      }
    }
    Inline(p, text, boxes);
    return text;
  }

  void Inline(const xmlNode* parent, std::string& text, std::vector<const xmlNode*>* boxes) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name.empty()) continue;
      if (name == "t") {
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) text += NodeText(c);
      } else if (name == "tab" || name == "ptab") {
        text += '\t';
      } else if (name == "br" || name == "cr") {
        if (Attr(n, "type") != "page" && Attr(n, "type") != "column") text += '\n';
      } else if (name == "noBreakHyphen") {
        text += '-';
      } else if (name == "sym") {
        Symbol(n, text);
      } else if (name == "r") {
        const xmlNode* rpr = Child(n, "rPr");
        if (rpr != nullptr && Child(rpr, "vanish") != nullptr && ValOf(rpr, "vanish") != "0") continue;
        Inline(n, text, boxes);
      } else if (name == "txbxContent") {
        if (boxes != nullptr) boxes->push_back(n);
        else Cell(n, text);
      } else if (name == "object") {
        // An embedded OLE object (a spreadsheet, another document): only its
        // preview image is in the file.
        if (objects++ == 0) first_object_line = static_cast<int>(out_->lines.size()) + 1;
      } else if (name == "AlternateContent") {
        // The same content twice: the modern choice and a VML fallback.
        if (const xmlNode* c = Child(n, "Choice")) Inline(c, text, boxes);
      } else if (name == "del" || name == "moveFrom" || name == "rPr" || name == "pPr" || name == "instrText" ||
                 name == "delText" || name == "footnoteReference" || name == "endnoteReference" ||
                 name == "commentReference" || name == "sdtPr" || name == "fldData" || name == "rubyPr" ||
                 name == "rt") {
        continue;  // deleted (tracked), formatting, field codes, notes, ruby annotations
      } else {
        Inline(n, text, boxes);  // hyperlink, ins, smartTag, fldSimple, sdt, drawing, ...
      }
    }
  }

  // Everything inside a cell (or a text box within a cell) as one string.
  void Cell(const xmlNode* parent, std::string& text) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name == "p") {
        std::string p = ParagraphText(n, nullptr);
        if (!text.empty() && !p.empty()) text += '\n';
        text += p;
      } else if (name == "tbl") {
        // A table nested in a data cell: a line per row (AppendNestedRow).
        std::vector<const xmlNode*> rows;
        Rows(n, rows);
        for (const xmlNode* tr : rows) {
          std::vector<const xmlNode*> cells;
          Cells(tr, cells);
          std::vector<std::string> texts(cells.size());
          for (size_t k = 0; k < cells.size(); ++k) Cell(cells[k], texts[k]);
          AppendNestedRow(text, texts);
        }
      } else if (name == "sdt") {
        if (const xmlNode* c = Child(n, "sdtContent")) Cell(c, text);
      } else if (name == "customXml") {
        Cell(n, text);
      }
    }
  }

  static bool HasNestedTable(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Name(c) == "tbl" || HasNestedTable(c)) return true;
    }
    return false;
  }

  static void Rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Name(c) == "tr") rows.push_back(c);
      else if (Name(c) == "sdt" || Name(c) == "sdtContent" || Name(c) == "customXml" || Name(c) == "ins") Rows(c, rows);
    }
  }
  static void Cells(const xmlNode* n, std::vector<const xmlNode*>& cells) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Name(c) == "tc") cells.push_back(c);
      else if (Name(c) == "sdt" || Name(c) == "sdtContent" || Name(c) == "customXml") Cells(c, cells);
    }
  }

  void Table(const xmlNode* tbl) {
    std::vector<const xmlNode*> rows;
    Rows(tbl, rows);
    size_t columns = 0, plain_rows = 0;
    for (const xmlNode* tr : rows) {
      std::vector<const xmlNode*> cells;
      Cells(tr, cells);
      columns = std::max(columns, cells.size());
      plain_rows += !HasNestedTable(tr);
    }
    if (columns <= 1 || (plain_rows < rows.size() && LayoutTable(columns, plain_rows))) {
      // A layout table (tables inside its cells) or a frame (one column: a
      // box around the notice, the 版记 rules): its cells are page regions,
      // read as blocks in order. A frame read as a table row ran the whole
      // notice into one line.
      for (const xmlNode* tr : rows) {
        std::vector<const xmlNode*> cells;
        Cells(tr, cells);
        for (const xmlNode* tc : cells) Blocks(tc);
      }
      return;
    }
    lines_.BeginTable();
    for (const xmlNode* tr : rows) {
      std::vector<InCell> row;
      const xmlNode* trpr = Child(tr, "trPr");
      int before = ToInt(ValOf(trpr, "gridBefore"), 0);
      if (before > 0 && before < 64) row.push_back({"", before, 1, false});
      std::vector<const xmlNode*> cells;
      Cells(tr, cells);
      for (const xmlNode* tc : cells) {
        InCell cell;
        const xmlNode* tcpr = Child(tc, "tcPr");
        if (tcpr != nullptr) {
          cell.col_span = std::clamp(ToInt(ValOf(tcpr, "gridSpan"), 1), 1, 64);
          if (const xmlNode* vm = Child(tcpr, "vMerge")) cell.covered = Attr(vm, "val") != "restart";
          if (const xmlNode* hm = Child(tcpr, "hMerge"); hm != nullptr && Attr(hm, "val") != "restart") {
            cell.col_span = 0;  // legacy horizontal merge: folded into the cell before
          }
        }
        if (cell.col_span == 0) {
          if (!row.empty()) row.back().col_span += 1;
          continue;
        }
        if (!cell.covered) Cell(tc, cell.text);
        row.push_back(std::move(cell));
      }
      const bool header = trpr != nullptr && Child(trpr, "tblHeader") != nullptr && ValOf(trpr, "tblHeader") != "0" &&
                          ValOf(trpr, "tblHeader") != "false";
      lines_.AddRow(std::move(row), 0, header);
    }
    lines_.EndTable();
  }

  static bool StartsWithMime(std::string_view bytes) {
    return StartsWithNoCase(bytes, "mime-version:");
  }

  // w:altChunk: content Word imports from another part when it opens the
  // file (web editors and OA systems export a notice or its annex this way).
  // An HTML part, or the HTML of an MHT one, is read as a saved page would
  // be; any other kind (RTF, another docx) is reported as not read rather
  // than lost without a word.
  void AltChunk(const xmlNode* n) {
    auto it = chunks.find(Attr(n, "id"));
    std::string bytes;
    if (it != chunks.end() && zip_.Has(it->second)) bytes = zip_.Read(it->second);
    if (SniffFormat(bytes) != "html" && StartsWithMime(bytes)) bytes = MhtHtml(bytes);
    if (SniffFormat(bytes) == "html") {
      lines_.Append(ReadHtml(bytes, zip_.name()));
      return;
    }
    const int line = static_cast<int>(out_->lines.size()) + 1;
    NotRead(*out_, line,
            fmt::format("line {}: imported content (w:altChunk{}) not read", line,
                        it == chunks.end() ? "" : ", " + it->second));
  }

  LineBuilder lines_;
  Rendered* out_;
  Zip& zip_;
};

}  // namespace

std::vector<Relationship> Relationships(Zip& zip, const std::string& part) {
  // The rels of "word/document.xml" are "word/_rels/document.xml.rels";
  // targets are relative to the part's folder ("/..." to the package root).
  const size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string rels = dir + "_rels/" + part.substr(dir.size()) + ".rels";
  std::vector<Relationship> out;
  if (!zip.Has(rels)) return out;
  XmlDoc doc = ParseXml(zip.Read(rels), zip.name(), rels);
  for (const xmlNode* n = xmlDocGetRootElement(doc.get())->children; n != nullptr; n = n->next) {
    if (Name(n) != "Relationship" || Attr(n, "TargetMode") == "External") continue;
    std::string type = Attr(n, "Type"), target = Attr(n, "Target");
    if (target.empty()) continue;
    // "word/../customXml/x.xml"
    const std::string path = MemberPath(target.starts_with("/") ? target.substr(1) : dir + target);
    out.push_back({Attr(n, "Id"), type.substr(type.rfind('/') + 1), path});
  }
  return out;
}

std::string MainPart(Zip& zip, const std::string& fallback) {
  for (const Relationship& rel : Relationships(zip, ""))
    if (rel.type == "officeDocument" && zip.Has(rel.path)) return rel.path;
  return fallback;
}

std::string DocxMainPart(Zip& zip) { return MainPart(zip, "word/document.xml"); }

Rendered ReadDocx(Zip& zip) {
  Rendered r;
  DocxReader reader(&r, zip);
  // The parts as the relationships name them (_rels/.rels for the main part,
  // its own rels for numbering and styles); the usual names where a package
  // has no relationships.
  const std::string main = DocxMainPart(zip);
  std::string numbering_part = "word/numbering.xml", styles_part = "word/styles.xml";
  for (Relationship& rel : Relationships(zip, main)) {
    if (rel.type == "numbering") numbering_part = rel.path;
    if (rel.type == "styles") styles_part = rel.path;
    if (rel.type == "aFChunk") reader.chunks[rel.id] = std::move(rel.path);
  }
  XmlDoc numbering, styles;
  if (zip.Has(numbering_part)) {
    numbering = ParseXml(zip.Read(numbering_part), zip.name(), numbering_part);
    reader.numbering.Load(xmlDocGetRootElement(numbering.get()));
  }
  if (zip.Has(styles_part)) {
    styles = ParseXml(zip.Read(styles_part), zip.name(), styles_part);
    reader.styles.Load(xmlDocGetRootElement(styles.get()));
  }
  if (!zip.Has(main)) throw Error(Error::Kind::kInput, "a .docx without its document part (" + main + ")", zip.name());
  XmlDoc doc = ParseXml(zip.Read(main), zip.name(), main);
  const xmlNode* body = Child(xmlDocGetRootElement(doc.get()), "body");
  if (body == nullptr) throw Error(Error::Kind::kInput, main + " has no w:body", zip.name());
  reader.Blocks(body);
  if (reader.symbols_lost > 0)
    NotRead(r, reader.first_symbol_line,
            fmt::format("line {}: {} symbol character{} (w:sym: a font's code numbering.yaml symbol_fonts "
                        "does not list) left out",
                        reader.first_symbol_line, reader.symbols_lost, reader.symbols_lost == 1 ? "" : "s"));
  if (reader.objects > 0) {
    NotRead(r, reader.first_object_line,
            reader.objects == 1
                ? fmt::format("line {}: an embedded object (OLE, e.g. a spreadsheet) not read",
                              reader.first_object_line)
                : fmt::format("line {}: {} embedded objects (OLE, e.g. spreadsheets) not read",
                              reader.first_object_line, reader.objects));
  }
  return r;
}

std::string ListNumber(int n, const std::string& fmt) { return FormatNumber(n, fmt); }

void SeparateLabel(std::string& label, bool separate) {
  // Word and LibreOffice put a tab (or space) after the label; a label that
  // ends in its own punctuation (一、 （一） 1.) reads as typed without it.
  if (separate && !BuiltinPunctuation().punct.label_ends.Ends(label)) label += ' ';  // punctuation.yaml label_ends
}

}  // namespace noticetab::native
