// ODT (OpenDocument text): office:text in content.xml. Paragraphs and
// headings as lines, lists as their items with the numbers their list styles
// generate (and headings with the chapter numbering's), tables with
// number-columns-spanned / number-rows-spanned (and the covered cells they
// leave) exact; notes, annotations and deleted tracked changes left out;
// headers and footers live in styles.xml and are not read.
#include <algorithm>
#include <array>
#include <map>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"

namespace noticetab::native {
namespace {

int Count(const std::string& s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 1;
    v = std::min(1000, v * 10 + (c - '0'));
  }
  return std::max(1, v);
}

bool Skipped(std::string_view name) {
  return name == "annotation" || name == "annotation-end" || name == "note" || name == "tracked-changes" ||
         name == "sequence-decls" || name == "forms" || name == "desc" || name == "title" ||
         name == "bookmark-start" || name == "ruby-text" || name == "table-of-content-source";
}

// One level of a list style (text:list-level-style-number, or of the
// chapter numbering, text:outline-level-style).
struct ListLevel {
  std::string fmt;  // a w:numFmt name for ListNumber; "" prints no number (bullets, num-format="")
  std::string prefix, suffix;
  int display = 1;  // text:display-levels: the upper levels' numbers shown too (1.2.)
  int start = 1;
  bool separate = true;  // a space after the label unless label-followed-by="nothing"
};
using ListStyle = std::array<ListLevel, 10>;

// style:num-format names its digits by writing the first ones ("1", "a",
// "i", LibreOffice's "一, 二, 三, ..." and "①, ②, ③, ..."); the Word format
// whose first label is the same character prints them.
std::string WordFormat(std::string_view odf) {
  if (odf.empty()) return {};
  static const char* const kFormats[] = {"decimal",          "lowerLetter",           "upperLetter",
                                         "lowerRoman",       "upperRoman",            "decimalEnclosedCircle",
                                         "chineseCounting",  "ideographTraditional",  "ideographZodiac",
                                         "decimalFullWidth"};
  for (const char* f : kFormats) {
    const std::string one = ListNumber(1, f);
    if (odf.substr(0, one.size()) == one) return f;
  }
  return "decimal";
}

ListLevel ReadLevel(const xmlNode* n) {
  ListLevel l;
  if (Name(n) == "list-level-style-number" || Name(n) == "outline-level-style") {
    l.fmt = WordFormat(Attr(n, "num-format"));
    l.prefix = Attr(n, "num-prefix");
    l.suffix = Attr(n, "num-suffix");
    l.display = std::clamp(Count(Attr(n, "display-levels")), 1, 10);
    l.start = HasAttr(n, "start-value") ? Count(Attr(n, "start-value")) : 1;
  }
  if (const xmlNode* props = Child(n, "list-level-properties"))
    if (const xmlNode* align = Child(props, "list-level-label-alignment"))
      l.separate = Attr(align, "label-followed-by") != "nothing";
  return l;
}

// A list style's levels (text:list-style) or the chapter numbering
// (text:outline-style), by text:level.
ListStyle ReadListStyle(const xmlNode* style) {
  ListStyle levels;
  for (const xmlNode* l = style->children; l != nullptr; l = l->next) {
    std::string_view name = Name(l);
    if (name != "list-level-style-number" && name != "list-level-style-bullet" &&
        name != "list-level-style-image" && name != "outline-level-style")
      continue;
    const int level = Count(Attr(l, "level"));
    if (level >= 1 && level <= 10) levels[static_cast<size_t>(level - 1)] = ReadLevel(l);
  }
  return levels;
}

// The numbers of one list as it goes: a level's count, and whether it has
// begun (a level restarts whenever a level above it moves on).
struct ListCounter {
  std::array<int, 10> value{};
  std::array<bool, 10> seen{};

  // The label of the next item at `level` (0-based), with its separator.
  std::string Next(const ListStyle& style, int level, int start_value) {
    const ListLevel& l = style[static_cast<size_t>(level)];
    value[level] = start_value > 0 ? start_value : seen[level] ? value[level] + 1 : l.start;
    seen[level] = true;
    for (size_t k = static_cast<size_t>(level) + 1; k < seen.size(); ++k) seen[k] = false;
    if (l.fmt.empty()) return {};
    std::string label = l.prefix;
    for (int k = std::max(0, level - l.display + 1); k <= level; ++k) {
      const ListLevel& lk = style[static_cast<size_t>(k)];
      label += ListNumber(seen[k] ? value[k] : lk.start, lk.fmt.empty() ? "decimal" : lk.fmt);
      if (k < level) label += '.';
    }
    label += l.suffix;
    SeparateLabel(label, l.separate);
    return label;
  }
};

class OdtReader {
 public:
  explicit OdtReader(Rendered* out) : lines_(out) {}

  // The list styles and chapter numbering of one styles part (styles.xml, or
  // content.xml's automatic styles), and the list style each paragraph style
  // names (a list without its own style takes its first paragraph's).
  void Styles(const xmlNode* root) {
    for (const xmlNode* part = root->children; part != nullptr; part = part->next) {
      if (Name(part) != "styles" && Name(part) != "automatic-styles") continue;
      for (const xmlNode* st = part->children; st != nullptr; st = st->next) {
        std::string_view name = Name(st);
        if (name == "list-style") {
          list_styles_[Attr(st, "name")] = ReadListStyle(st);
        } else if (name == "outline-style") {
          outline_ = ReadListStyle(st);
        } else if (name == "style" && HasAttr(st, "list-style-name")) {
          paragraph_lists_[Attr(st, "name")] = Attr(st, "list-style-name");
        }
      }
    }
  }

  void Blocks(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) Block(n);
  }

 private:
  void Block(const xmlNode* n) {
    std::string_view name = Name(n);
    if (name.empty() || Skipped(name)) return;
    if (name == "p" || name == "h") {
      // A heading outside a list takes the chapter numbering of its level.
      std::string label;
      if (name == "h" && depth_ == 0 && Attr(n, "is-list-header") != "true") {
        const int level = Count(Attr(n, "outline-level"));
        if (level >= 1 && level <= 10 && !outline_[static_cast<size_t>(level - 1)].fmt.empty())
          label = outline_count_.Next(outline_, level - 1, 0);
      }
      Paragraph(n, std::move(label));
    } else if (name == "table") {
      Table(n);
    } else if (name == "list") {
      List(n);
    } else {
      Blocks(n);  // section, index bodies, ...
    }
  }

  void Paragraph(const xmlNode* n, std::string label) {
    std::vector<const xmlNode*> boxes;
    std::string text = std::move(label);
    Inline(n, text, &boxes);
    lines_.Paragraph(text);
    for (const xmlNode* b : boxes) Blocks(b);
  }

  // A text:list: its level is its depth; a nested list without a style keeps
  // the enclosing one's. A list at the top starts its numbers again unless it
  // continues one (text:continue-numbering, text:continue-list), as
  // LibreOffice writes a list broken by plain paragraphs.
  // In a table cell (cell set) the items are the cell's paragraphs: a 序号
  // column numbered by a list going on from cell to cell.
  void List(const xmlNode* list, std::string* cell = nullptr) {
    const std::string saved = style_;
    std::string own = Attr(list, "style-name");
    if (!own.empty()) style_ = own;
    if (depth_ == 0) {
      if (style_.empty()) style_ = FirstParagraphList(list);
      if (Attr(list, "continue-numbering") != "true" && !HasAttr(list, "continue-list")) counters_[style_] = {};
    }
    ++depth_;
    for (const xmlNode* item = list->children; item != nullptr; item = item->next) {
      std::string_view name = Name(item);
      if (name != "list-item" && name != "list-header") continue;
      bool first = true;
      for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
        std::string_view cn = Name(c);
        if (cn.empty()) continue;
        // The item's number goes on its first paragraph; an item that only
        // holds a deeper list (a skipped level) is not counted.
        if (first && name == "list-item" && (cn == "p" || cn == "h")) {
          std::string label = Label(HasAttr(item, "start-value") ? Count(Attr(item, "start-value")) : 0);
          if (cell != nullptr) CellBlock(c, *cell, std::move(label));
          else Paragraph(c, std::move(label));
        } else if (cell != nullptr) {
          CellBlock(c, *cell);
        } else {
          Block(c);
        }
        first = false;
      }
    }
    --depth_;
    style_ = saved;
  }

  std::string Label(int start_value) {
    auto it = list_styles_.find(style_);
    if (it == list_styles_.end() || depth_ < 1 || depth_ > 10) return {};
    return counters_[style_].Next(it->second, depth_ - 1, start_value);
  }

  // The list style a list without one is numbered by: its first paragraph's
  // paragraph style's (style:list-style-name).
  std::string FirstParagraphList(const xmlNode* n) const {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      std::string_view name = Name(c);
      if (name == "p" || name == "h") {
        auto it = paragraph_lists_.find(Attr(c, "style-name"));
        return it != paragraph_lists_.end() ? it->second : std::string();
      }
      if (name == "list" || name == "list-item") {
        std::string s = FirstParagraphList(c);
        if (!s.empty()) return s;
      }
    }
    return {};
  }

  void Inline(const xmlNode* parent, std::string& text, std::vector<const xmlNode*>* boxes) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE) {
        text += NodeText(n);
        continue;
      }
      std::string_view name = Name(n);
      if (name.empty() || Skipped(name)) continue;
      if (name == "s") {
        text.append(static_cast<size_t>(std::min(Count(Attr(n, "c")), 100)), ' ');
      } else if (name == "tab") {
        text += '\t';
      } else if (name == "line-break") {
        text += '\n';
      } else if (name == "text-box") {
        if (boxes != nullptr) boxes->push_back(n);
        else Cell(n, text);
      } else {
        Inline(n, text, boxes);  // span, a, number, frame, ...
      }
    }
  }

  void Cell(const xmlNode* parent, std::string& text) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) CellBlock(n, text);
  }

  // One block of a cell into its text; a paragraph after its list label.
  void CellBlock(const xmlNode* n, std::string& text, std::string label = {}) {
    std::string_view name = Name(n);
    if (name.empty() || Skipped(name)) return;
    if (name == "p" || name == "h") {
      std::string p = std::move(label);
      Inline(n, p, nullptr);
      if (!text.empty() && !p.empty()) text += '\n';
      text += p;
    } else if (name == "table") {
      // A table nested in a data cell: a line per row (AppendNestedRow).
      std::vector<const xmlNode*> rows;
      Rows(n, rows);
      for (const xmlNode* tr : rows) {
        std::vector<std::string> texts;
        for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next)
          if (Name(tc) == "table-cell") Cell(tc, texts.emplace_back());
        AppendNestedRow(text, texts);
      }
    } else if (name == "list") {
      List(n, &text);
    } else {
      Cell(n, text);  // sections
    }
  }

  static void Rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      std::string_view name = Name(c);
      if (name == "table-row") rows.push_back(c);
      else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") Rows(c, rows);
    }
  }

  static bool HasTable(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next)
      if (Name(c) == "table" || HasTable(c)) return true;
    return false;
  }

  void Table(const xmlNode* table) {
    std::vector<const xmlNode*> rows;
    Rows(table, rows);
    int columns = 0;
    size_t plain_rows = 0;
    for (const xmlNode* tr : rows) {
      int cells = 0;
      for (const xmlNode* c = tr->children; c != nullptr && cells <= 64; c = c->next)
        if (Name(c) == "table-cell" || Name(c) == "covered-table-cell")
          cells += std::min(Count(Attr(c, "number-columns-repeated")), 64);
      columns = std::max(columns, cells);
      plain_rows += !HasTable(tr);
    }
    // A layout table (tables in its cells) or a frame (one column: a box
    // around the notice): its cells are regions, read as blocks.
    if (columns <= 1 || (plain_rows < rows.size() && LayoutTable(static_cast<size_t>(columns), plain_rows))) {
      for (const xmlNode* tr : rows)
        for (const xmlNode* c = tr->children; c != nullptr; c = c->next)
          if (Name(c) == "table-cell") Blocks(c);
      return;
    }
    lines_.BeginTable();
    for (const xmlNode* tr : rows) {
      const int repeat = std::min(Count(Attr(tr, "number-rows-repeated")), 64);
      for (int k = 0; k < repeat; ++k) {
        std::vector<InCell> cells;
        int skip = 0;  // covered cells that continue a column span in this row
        for (const xmlNode* c = tr->children; c != nullptr; c = c->next) {
          std::string_view name = Name(c);
          const int times = std::min(Count(Attr(c, "number-columns-repeated")), 64);
          for (int t = 0; t < times; ++t) {
            if (name == "covered-table-cell") {
              if (skip > 0) {
                --skip;
                continue;
              }
              InCell cell;
              cell.covered = true;
              cells.push_back(cell);
            } else if (name == "table-cell") {
              InCell cell;
              cell.col_span = std::min(Count(Attr(c, "number-columns-spanned")), 64);
              skip = cell.col_span - 1;
              Cell(c, cell.text);
              cells.push_back(std::move(cell));
            }
          }
        }
        lines_.AddRow(std::move(cells), 0, Name(tr->parent) == "table-header-rows");
      }
    }
    lines_.EndTable();
  }

  LineBuilder lines_;
  std::map<std::string, ListStyle, std::less<>> list_styles_;
  std::map<std::string, std::string, std::less<>> paragraph_lists_;
  std::map<std::string, ListCounter, std::less<>> counters_;
  ListStyle outline_;
  ListCounter outline_count_;
  std::string style_;  // the list style of the list being read
  int depth_ = 0;      // lists around the block being read
};

}  // namespace

namespace {

// The office:text of a document's root read into lines, its list styles
// from `styles` (styles.xml's root, or nullptr) and the root's own.
// `what` names the part in the error (content.xml).
Rendered RenderOdfText(const xmlNode* root, const xmlNode* styles, const std::string& name, const std::string& what) {
  Rendered r;
  const xmlNode* body = Child(root, "body");
  const xmlNode* text = body != nullptr ? Child(body, "text") : nullptr;
  if (text == nullptr) throw Error(Error::Kind::kInput, what + " has no office:text", name);
  OdtReader reader(&r);
  if (styles != nullptr) reader.Styles(styles);
  reader.Styles(root);  // content.xml's automatic styles; a flat file's every style
  reader.Blocks(text);
  return r;
}

}  // namespace

Rendered ReadFlatOdt(std::string_view bytes, const std::string& name) {
  XmlDoc doc = ParseXml(bytes, name, "the document");
  return RenderOdfText(xmlDocGetRootElement(doc.get()), nullptr, name, "the flat OpenDocument file");
}

Rendered ReadOdt(Zip& zip) {
  XmlDoc doc = ParseXml(zip.Read("content.xml"), zip.name(), "content.xml");
  XmlDoc styles;
  if (zip.Has("styles.xml")) styles = ParseXml(zip.Read("styles.xml"), zip.name(), "styles.xml");
  return RenderOdfText(xmlDocGetRootElement(doc.get()), styles ? xmlDocGetRootElement(styles.get()) : nullptr,
                       zip.name(), "content.xml");
}

}  // namespace noticetab::native
