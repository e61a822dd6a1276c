// HTML (a saved web page): block elements become lines, <br> breaks a line,
// data tables become TAB rows with rowspan/colspan kept exact; scripts,
// styles, navigation and hidden elements are left out. Site chrome that
// remains (breadcrumbs, 打印本页, ...) is dropped later by rules/junk.yaml, as
// for any text. The charset is the page's <meta> one, else UTF-8 when the
// bytes are valid UTF-8, else GB18030. Text (markdown from MinerU and other
// PDF converters) whose tables are HTML blocks keeps its other lines as they
// are and has its tables read here (RenderEmbeddedTables).
#include <libxml/HTMLparser.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "internal.h"
#include "noticetab/classify.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

const char kBreak = '\x01';  // a <br> or block edge inside collected text

bool In(std::string_view name, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

bool Skipped(std::string_view name) {
  return In(name, {"script", "style", "noscript", "nav", "head", "template", "svg", "iframe", "select", "button",
                   "object", "embed", "canvas", "map", "input", "textarea", "title", "meta", "link"});
}

bool Block(std::string_view name) {
  return In(name, {"p",       "div",    "h1",     "h2",     "h3",      "h4",         "h5",     "h6",
                   "li",      "ul",     "ol",     "dl",     "dt",      "dd",         "tr",     "td",
                   "th",      "tbody",  "thead",  "tfoot",  "section", "article",    "header", "footer",
                   "main",    "aside",  "blockquote", "pre", "address", "center",    "form",   "fieldset",
                   "figure",  "figcaption", "hr", "caption", "body",   "html",       "table"});
}

bool Hidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  std::string style = Attr(n, "style");
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return c == ' '; }), style.end());
  for (char& c : style) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// NBSP too: pages indent and pad with &nbsp; runs, which say nothing in a ledger.
bool HtmlSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0; }

// Collapses HTML white space: a run becomes one space, or nothing when it
// holds a line break between two CJK characters (CSS segment-break rule);
// kBreak becomes '\n'. Lines are trimmed.
std::string Collapse(std::string_view raw) {
  std::vector<char32_t> cs;
  cs.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) cs.push_back(NextChar(raw, i));
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  auto at_line_start = [&] { return out.empty() || out.back() == '\n'; };
  while (i < cs.size()) {
    char32_t c = cs[i];
    if (c == static_cast<char32_t>(kBreak)) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && out.back() != '\n') out += '\n';
      ++i;
      continue;
    }
    if (HtmlSpace(c)) {
      size_t j = i;
      bool newline = false;
      while (j < cs.size() && HtmlSpace(cs[j])) newline |= cs[j] == '\n' || cs[j] == '\r', ++j;
      bool cjk = i > 0 && j < cs.size() && cs[i - 1] >= 0x2E80 && cs[j] >= 0x2E80;
      if (!at_line_start() && j < cs.size() && cs[j] != static_cast<char32_t>(kBreak) && !(newline && cjk)) out += ' ';
      i = j;
      continue;
    }
    AppendUtf8(out, c);
    ++i;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

// How an <ol> numbers its items, as a browser shows them: CSS list-style-type
// (the element's style, else a class rule of the page's <style>), else the
// type attribute; decimal when nothing says.
enum class ListKind { kDecimal, kCjk, kLowerLetter, kUpperLetter, kLowerRoman, kUpperRoman, kNone };

ListKind ListKindOfCss(std::string_view value) {
  for (std::string_view cjk : {"cjk-ideographic", "simp-chinese", "trad-chinese", "cjk-decimal", "cjk-earthly-branch"})
    if (value.find(cjk) != std::string_view::npos) return ListKind::kCjk;
  if (value.find("lower-alpha") != std::string_view::npos || value.find("lower-latin") != std::string_view::npos)
    return ListKind::kLowerLetter;
  if (value.find("upper-alpha") != std::string_view::npos || value.find("upper-latin") != std::string_view::npos)
    return ListKind::kUpperLetter;
  if (value.find("lower-roman") != std::string_view::npos) return ListKind::kLowerRoman;
  if (value.find("upper-roman") != std::string_view::npos) return ListKind::kUpperRoman;
  if (value.find("none") != std::string_view::npos) return ListKind::kNone;
  // Bullets (an <ol> a stylesheet shows as a bulleted list): no numbers.
  for (std::string_view bullet : {"disc", "circle", "square"})
    if (value.find(bullet) != std::string_view::npos) return ListKind::kNone;
  if (value.find("decimal") != std::string_view::npos) return ListKind::kDecimal;
  return ListKind::kDecimal;
}

// The label numbering.yaml list_labels gives (一、, （1）); the number alone
// when it gives none.
std::string Label(const char* style, const std::string& number) {
  const auto& labels = BuiltinNumbering().list_labels;
  const auto it = labels.find(style);
  if (it == labels.end()) return number + " ";
  std::string label = it->second;
  label.replace(label.find("{n}"), 3, number);
  return label;
}

// The label of item n of a list of `kind` inside `depth` lists of its kind:
// a notice's next levels (1. （1） ①, 一、 （一） 1.) where a browser would
// repeat the same numbers, which would read as one run.
std::string Marker(ListKind kind, int depth, int n) {
  switch (kind) {
    case ListKind::kCjk:
      return depth >= 2 ? Label("cjk_nested_2", std::to_string(n))
                        : Label(depth == 1 ? "cjk_nested" : "cjk", ListNumber(n, "chineseCounting"));
    case ListKind::kDecimal:
      // Circled numbers stop at ⑳: past it the level before's label (（21）),
      // as a notice would number on rather than glue 21 to its words.
      return depth >= 2 && n <= 20 ? Label("decimal_nested_2", ListNumber(n, "decimalEnclosedCircle"))
                                   : Label(depth >= 1 ? "decimal_nested" : "decimal", std::to_string(n));
    case ListKind::kLowerLetter: return ListNumber(n, "lowerLetter") + ". ";
    case ListKind::kUpperLetter: return ListNumber(n, "upperLetter") + ". ";
    case ListKind::kLowerRoman: return ListNumber(n, "lowerRoman") + ". ";
    case ListKind::kUpperRoman: return ListNumber(n, "upperRoman") + ". ";
    case ListKind::kNone: return {};
  }
  return {};
}

// The list-style-type (or list-style) value in a CSS declaration block, lower
// case; "" when none.
std::string ListStyleIn(std::string css) {
  for (char& c : css) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = css.find("list-style-type");
  if (at == std::string::npos) at = css.find("list-style");
  if (at == std::string::npos) return {};
  const size_t colon = css.find(':', at);
  if (colon == std::string::npos) return {};
  return css.substr(colon + 1, css.find(';', colon) == std::string::npos ? std::string::npos : css.find(';', colon) - colon - 1);
}

// Class name -> list style, from the rules of the page's <style> elements
// whose selector ends in a class (.cn, ol.cn).
std::vector<std::pair<std::string, ListKind>> ListClasses(const xmlNode* parent) {
  std::vector<std::pair<std::string, ListKind>> out;
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Name(n) != "style") {
      auto inner = ListClasses(n);
      out.insert(out.end(), inner.begin(), inner.end());
      continue;
    }
    std::string css;
    for (const xmlNode* t = n->children; t != nullptr; t = t->next)
      if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) css += NodeText(t);
    for (size_t open = css.find('{'); open != std::string::npos; open = css.find('{', open + 1)) {
      const size_t close = css.find('}', open);
      if (close == std::string::npos) break;
      const std::string value = ListStyleIn(css.substr(open + 1, close - open - 1));
      if (value.empty()) continue;
      const size_t from = css.rfind('}', open);
      std::string_view selectors(css.data() + (from == std::string::npos ? 0 : from + 1),
                                 open - (from == std::string::npos ? 0 : from + 1));
      for (size_t start = 0; start <= selectors.size();) {
        size_t comma = selectors.find(',', start);
        if (comma == std::string_view::npos) comma = selectors.size();
        std::string_view sel = Trim(selectors.substr(start, comma - start));
        // The last simple selector: a class (ol.cn, .cn), or the element
        // itself (ol, li: a page's reset, ol,ul{list-style:none}) kept as "<ol>".
        const size_t space = sel.find_last_of(" >");
        const std::string_view last = space == std::string_view::npos ? sel : sel.substr(space + 1);
        if (const size_t dot = last.rfind('.'); dot != std::string_view::npos)
          out.emplace_back(std::string(last.substr(dot + 1)), ListKindOfCss(value));
        else if (last == "ol" || last == "li")
          out.emplace_back("<ol>", ListKindOfCss(value));
        start = comma + 1;
      }
    }
  }
  return out;
}

// Whether every piece of text under `n` is inside a link (<a>): an item of a
// page's navigation (a breadcrumb <ol> of 首页 / 政务公开 links), not of a notice.
bool LinksOnly(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (!Trim(NodeText(c)).empty()) return false;
    } else if (c->type == XML_ELEMENT_NODE && Name(c) != "a" && !LinksOnly(c)) {
      return false;
    }
  }
  return true;
}

class HtmlReader {
 public:
  explicit HtmlReader(Rendered* out) : lines_(out), out_(out) {}
  int objects = 0, first_object_line = 0;  ///< <object>/<embed> elements, not read
  std::vector<std::pair<std::string, ListKind>> list_classes;  ///< ListClasses of the page

  void Walk(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) Node(n);
  }

  // One node of the page and what is under it.
  void Node(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      text_ += NodeText(n);
      return;
    }
    std::string_view name = Name(n);
    if (!name.empty() && (name == "object" || name == "embed") && !Hidden(n)) {
      // An embedded document or player: its content is not in the page.
      if (objects++ == 0) first_object_line = static_cast<int>(out_->lines.size()) + 1;
    }
    if (name.empty() || Skipped(name) || Hidden(n)) return;
    if (name == "br") {
      text_ += kBreak;
    } else if (name == "ol") {
      Flush();
      List(n);
      Flush();
    } else if (name == "table") {
      Flush();
      Table(n);
    } else if (Block(name)) {
      Flush();
      Walk(n);
      Flush();
    } else {
      Walk(n);
    }
  }

  void Flush() {
    std::string text = Collapse(text_);
    text_.clear();
    if (text.empty()) return;
    // A list item's number opens its first paragraph (<li><p>…</p></li>
    // too), unless the item types its own (<li>一、…</li> under a reset list style).
    if (!pending_label_.empty()) {
      if (!MatchHeading(text, BuiltinRules())) text.insert(0, pending_label_);
      pending_label_.clear();
    }
    lines_.Paragraph(text);
  }

 private:
  struct OpenList {
    ListKind kind;
  };
  std::vector<OpenList> lists_;
  std::string pending_label_;  // the number of the list item being read, until its first paragraph

  ListKind KindOf(const xmlNode* ol) const {
    if (std::string inline_style = ListStyleIn(Attr(ol, "style")); !inline_style.empty()) return ListKindOfCss(inline_style);
    const std::string classes = " " + Attr(ol, "class") + " ";
    for (auto it = list_classes.rbegin(); it != list_classes.rend(); ++it)  // the last rule wins
      if (it->first != "<ol>" && classes.find(" " + it->first + " ") != std::string::npos) return it->second;
    for (auto it = list_classes.rbegin(); it != list_classes.rend(); ++it)  // then a rule for every list
      if (it->first == "<ol>") return it->second;
    const std::string type = Attr(ol, "type");
    if (type == "a") return ListKind::kLowerLetter;
    if (type == "A") return ListKind::kUpperLetter;
    if (type == "i") return ListKind::kLowerRoman;
    if (type == "I") return ListKind::kUpperRoman;
    return ListKind::kDecimal;
  }

  // An <ol>: each <li> a paragraph opened by its number as the page shows it
  // (1. / 一、), so the outline reads the list's items as numbered headings.
  // A list inside one of its own kind is numbered as the next level of a
  // notice's scheme ((1) under 1., (一) under 一、): a browser repeats the
  // same numbers, which would read as one run.
  void List(const xmlNode* ol) {
    bool navigation = true;  // every item a link: no numbers (a breadcrumb styled by a stylesheet not in the page)
    for (const xmlNode* n = ol->children; n != nullptr && navigation; n = n->next)
      if (n->type == XML_ELEMENT_NODE && Name(n) == "li") navigation = LinksOnly(n);
    const ListKind kind = navigation ? ListKind::kNone : KindOf(ol);
    // Lists of the same kind around it: numbered as the next levels.
    const int depth =
        static_cast<int>(std::count_if(lists_.begin(), lists_.end(), [&](const OpenList& l) { return l.kind == kind; }));
    lists_.push_back({kind});
    int number = 1;
    if (const std::string start = Attr(ol, "start"); !start.empty() && std::isdigit(static_cast<unsigned char>(start[0])))
      number = std::atoi(start.c_str());
    for (const xmlNode* n = ol->children; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE || Name(n) != "li" || Hidden(n)) {
        if (n->type == XML_ELEMENT_NODE) Node(n);  // not an item (a stray <p>): as anywhere
        continue;
      }
      if (const std::string value = Attr(n, "value"); !value.empty() && std::isdigit(static_cast<unsigned char>(value[0])))
        number = std::atoi(value.c_str());
      Flush();
      pending_label_ = Marker(kind, depth, number++);
      Walk(n);
      Flush();
      pending_label_.clear();  // an item with no words
    }
    lists_.pop_back();
  }

  // The text of a cell: blocks and <br> inside it are line breaks, which
  // CellText joins.
  static void CellText(const xmlNode* parent, std::string& out) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        out += NodeText(n);
        continue;
      }
      std::string_view name = Name(n);
      if (name.empty() || Skipped(name) || Hidden(n)) continue;
      if (name == "br" || Block(name)) out += kBreak;
      CellText(n, out);
      if (Block(name)) out += kBreak;
    }
  }

  static bool HasTable(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next)
      if (Name(c) == "table" || HasTable(c)) return true;
    return false;
  }

  static void Rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      std::string_view name = Name(c);
      if (name == "tr") rows.push_back(c);
      else if (name == "thead" || name == "tbody" || name == "tfoot") Rows(c, rows);
    }
  }

  static int Span(const xmlNode* n, std::string_view attr) {
    std::string v = Attr(n, attr);
    int x = 0;
    for (char c : v) {
      if (c < '0' || c > '9') break;
      x = std::min(1000, x * 10 + (c - '0'));
    }
    return std::clamp(x, 1, 1000);
  }

  void Table(const xmlNode* table) {
    std::vector<const xmlNode*> rows;
    Rows(table, rows);
    size_t max_cells = 0;
    for (const xmlNode* tr : rows) {
      size_t cells = 0;
      for (const xmlNode* c = tr->children; c != nullptr; c = c->next) cells += Name(c) == "td" || Name(c) == "th";
      max_cells = std::max(max_cells, cells);
    }
    // Tables inside cells, or one column only: a layout table; its cells are
    // page regions.
    if (max_cells <= 1 || HasTable(table)) {
      Walk(table);
      Flush();
      return;
    }
    if (const xmlNode* caption = Child(table, "caption")) {
      Walk(caption);
      Flush();
    }
    lines_.BeginTable();
    for (const xmlNode* tr : rows) {
      if (Hidden(tr)) continue;
      std::vector<InCell> cells;
      bool all_th = true;
      for (const xmlNode* c = tr->children; c != nullptr; c = c->next) {
        if (Name(c) != "td" && Name(c) != "th") continue;
        all_th &= Name(c) == "th";
        InCell cell;
        if (!Hidden(c)) {
          std::string raw;
          CellText(c, raw);
          cell.text = Collapse(raw);
        }
        cell.col_span = std::min(Span(c, "colspan"), 64);
        cell.row_span = Span(c, "rowspan");
        cells.push_back(std::move(cell));
      }
      const bool header = (!cells.empty() && all_th) || Name(tr->parent) == "thead";
      lines_.AddRow(std::move(cells), 0, header);
    }
    lines_.EndTable();
  }

  LineBuilder lines_;
  Rendered* out_;
  std::string text_;
};

// Reads a parsed page into reader's lines. The root itself may be <table> or
// <p> when the page has no <html>.
void ReadDocument(const XmlDoc& doc, HtmlReader& reader) {
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return;
  xmlNode holder{};
  holder.children = const_cast<xmlNode*>(root);
  reader.list_classes = ListClasses(&holder);
  reader.Walk(&holder);
  reader.Flush();
}

std::string MetaCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 8192));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t at = head.find("charset"); at != std::string::npos; at = head.find("charset", at + 7)) {
    size_t i = at + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
    size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_')) ++j;
    if (j > i && head.find('=', at) < i) return head.substr(i, j - i);
  }
  return {};
}

bool ValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// True when `line`, after leading spaces, starts with `tag` in any case.
bool StartsWithTag(std::string_view line, std::string_view tag) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return StartsWithNoCase(line, tag);
}

bool HasTagNoCase(std::string_view line, std::string_view tag) {
  for (size_t at = line.find('<'); at != std::string_view::npos; at = line.find('<', at + 1))
    if (StartsWithTag(line.substr(at), tag)) return true;
  return false;
}

// Whether a text line opens a table: <table, after the wrappers a converter
// puts around each table it writes (PaddleOCR: <html><body><table>…).
bool OpensTable(std::string_view line) {
  for (;;) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!StartsWithNoCase(line, "<html") && !StartsWithNoCase(line, "<body") && !StartsWithNoCase(line, "<div") &&
        !StartsWithNoCase(line, "<center"))
      // <table>, <table border=1>; not <table:table> (flat OpenDocument XML).
      return StartsWithNoCase(line, "<table") &&
             (line.size() == 6 || line[6] == '>' || line[6] == ' ' || line[6] == '\t' || line[6] == '/');
    const size_t close = line.find('>');
    if (close == std::string_view::npos) return false;
    line.remove_prefix(close + 1);
  }
}

}  // namespace

std::optional<Rendered> ReadEmbeddedTables(std::string_view text, const std::string& name) {
  // One memchr for most texts: they hold no '<' at all.
  bool any = false;
  for (size_t at = text.find('<'); at != std::string_view::npos && !any; at = text.find('<', at + 1)) {
    size_t b = at;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    any = (b == 0 || text[b - 1] == '\n') && OpensTable(text.substr(at, text.find('\n', at) - at));
  }
  if (!any) return std::nullopt;
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  Rendered r;
  r.format = "html";
  r.encoding = "UTF-8";
  for (size_t i = 0; i < lines.size();) {
    if (!OpensTable(lines[i])) {
      r.lines.emplace_back(lines[i++]);  // as it is: the text readers read it
      continue;
    }
    // The block runs to the line that closes the table; text after </table>
    // on that line is a paragraph of the block.
    std::string block;
    for (; i < lines.size(); ++i) {
      block.append(lines[i]).push_back('\n');
      if (HasTagNoCase(lines[i], "</table")) {
        ++i;
        break;
      }
    }
    HtmlReader reader(&r);
    ReadDocument(ParseHtml(block, "UTF-8", name), reader);
  }
  return r;
}

namespace {

// Word's "downlevel-revealed" conditionals (<![if !supportLists]>（一）<![endif]>,
// <![if !vml]><img><![endif]>) show their content in every browser but old
// IE; an HTML parser keeps the markers as text. The markers go, their content
// stays: a list paragraph's number is in it. `bytes` itself when there are
// none, else a copy without them in *buf. ASCII markers: safe in GB18030 too,
// whose trailing bytes are never '<'.
std::string_view WithoutDownlevelMarkers(std::string_view bytes, std::string* buf) {
  constexpr std::string_view kOpen = "<![if", kEnd = "<![endif]>";
  size_t at = bytes.find("<![");
  if (at == std::string_view::npos) return bytes;
  size_t from = 0;
  for (; at != std::string_view::npos; at = bytes.find("<![", at + 1)) {
    size_t end = 0;
    if (bytes.compare(at, kEnd.size(), kEnd) == 0) {
      end = at + kEnd.size();
    } else if (bytes.compare(at, kOpen.size(), kOpen) == 0) {
      const size_t close = bytes.find("]>", at);
      if (close == std::string_view::npos || bytes.substr(at + 1, close - at - 1).find_first_of("<>") != std::string_view::npos)
        continue;
      end = close + 2;
    } else {
      continue;  // <![CDATA[ and the like: the parser's
    }
    if (buf->empty()) buf->reserve(bytes.size());
    buf->append(bytes.substr(from, at - from));
    from = end;
    at = end - 1;
  }
  if (from == 0) return bytes;
  buf->append(bytes.substr(from));
  return *buf;
}

}  // namespace

Rendered ReadHtml(std::string_view bytes, const std::string& name) {
  Rendered r;
  std::string unmarked;
  bytes = WithoutDownlevelMarkers(bytes, &unmarked);
  std::string charset = MetaCharset(bytes);
  std::string encoding;
  if (bytes.starts_with("\xEF\xBB\xBF") || charset == "utf-8" || charset == "utf8") {
    encoding = "UTF-8";
  } else if (charset == "gb2312" || charset == "gbk" || charset == "gb18030" || charset == "x-gbk" ||
             charset == "cp936") {
    encoding = "GB18030";  // a superset of GBK and GB2312; pages labelled GB2312 often hold GBK characters
  } else if (!charset.empty() && charset != "iso-8859-1" && charset != "us-ascii") {
    encoding = charset;
    for (char& c : encoding) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else {
    encoding = ValidUtf8(bytes) ? "UTF-8" : "GB18030";
  }
  HtmlReader reader(&r);
  ReadDocument(ParseHtml(bytes, encoding, name), reader);
  if (reader.objects > 0) {
    NotRead(r, reader.first_object_line,
            fmt::format("line {}: {} embedded object{} (<object>/<embed>) not read", reader.first_object_line,
                        reader.objects, reader.objects == 1 ? "" : "s"));
  }
  r.encoding = encoding;
  return r;
}

std::string HtmlListLabel(std::string_view list_style, int depth, int n) {
  return Marker(ListKindOfCss(list_style), depth, n);
}

}  // namespace noticetab::native
