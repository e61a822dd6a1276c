// ODT (OpenDocument text): office:text in content.xml. Paragraphs and
// headings as lines, lists as their items, tables with
// number-columns-spanned / number-rows-spanned (and the covered cells they
// leave) exact; notes, annotations and deleted tracked changes left out;
// headers and footers live in styles.xml and are not read.
#include <algorithm>

#include "internal.h"
#include "noticetab/error.h"

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

class OdtReader {
 public:
  explicit OdtReader(Rendered* out) : lines_(out) {}

  void Blocks(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name.empty() || Skipped(name)) continue;
      if (name == "p" || name == "h") {
        std::vector<const xmlNode*> boxes;
        std::string text;
        Inline(n, text, &boxes);
        lines_.Paragraph(text);
        for (const xmlNode* b : boxes) Blocks(b);
      } else if (name == "table") {
        Table(n);
      } else {
        Blocks(n);  // list, list-item, section, index bodies, ...
      }
    }
  }

 private:
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
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      std::string_view name = Name(n);
      if (name.empty() || Skipped(name)) continue;
      if (name == "p" || name == "h") {
        std::string p;
        Inline(n, p, nullptr);
        if (!text.empty() && !p.empty()) text += '\n';
        text += p;
      } else {
        Cell(n, text);  // lists, nested tables (their cells in order), sections
      }
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
    for (const xmlNode* tr : rows) {
      int cells = 0;
      for (const xmlNode* c = tr->children; c != nullptr && cells <= 1; c = c->next)
        if (Name(c) == "table-cell" || Name(c) == "covered-table-cell")
          cells += std::min(Count(Attr(c, "number-columns-repeated")), 64);
      columns = std::max(columns, cells);
    }
    // A layout table (tables in its cells) or a frame (one column: a box
    // around the notice): its cells are regions, read as blocks.
    if (columns <= 1 || HasTable(table)) {
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
};

}  // namespace

Rendered ReadOdt(Zip& zip) {
  Rendered r;
  XmlDoc doc = ParseXml(zip.Read("content.xml"), zip.name(), "content.xml");
  const xmlNode* body = Child(xmlDocGetRootElement(doc.get()), "body");
  const xmlNode* text = body != nullptr ? Child(body, "text") : nullptr;
  if (text == nullptr) throw Error(Error::Kind::kInput, "content.xml has no office:text", zip.name());
  OdtReader reader(&r);
  reader.Blocks(text);
  return r;
}

}  // namespace noticetab::native
