// OFD (GB/T 33190): OFD.xml names the document (DocBody/DocRoot), whose
// Document.xml lists the pages (Pages/Page BaseLoc), each a Content.xml of
// layers holding TextObjects (Boundary "x y w h" in mm, TextCode X/Y the
// baseline of its first character, DeltaX the advances) and PathObjects
// (AbbreviatedData "M x y L x y ... C", relative to the Boundary). The
// characters become positioned words and the axis-parallel strokes ruling
// lines, laid out by LayoutPages like a PDF's. Template pages (running
// headers, footers, page numbers) and images are not read.
#include <cmath>
#include <cstdlib>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr size_t kMaxPages = 5000;
constexpr size_t kMaxObjects = size_t{1} << 20;  // per page

// DeltaX / DeltaY: numbers, "g N D" repeating D N times.
std::vector<double> Deltas(std::string_view s, size_t want) {
  std::vector<double> out;
  std::string buf(s);
  const char* p = buf.c_str();
  while (*p != '\0' && out.size() < want) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
    if (*p == 'g') {
      ++p;
      char* end;
      const double n = std::strtod(p, &end);
      p = end;
      const double d = std::strtod(p, &end);
      if (end == p) break;
      p = end;
      for (double k = 0; k < n && out.size() < want; ++k) out.push_back(d);
      continue;
    }
    char* end;
    const double v = std::strtod(p, &end);
    if (end == p) {
      if (*p != '\0') ++p;
      continue;
    }
    out.push_back(std::isfinite(v) ? v : 0);
    p = end;
  }
  return out;
}

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

Box ParseBox(std::string_view s) {
  std::vector<double> v = Numbers(s);
  return v.size() >= 4 ? Box{v[0], v[1], v[2], v[3]} : Box{};
}

// Object coordinates: CTM (a b c d e f) on the point, then the Boundary's
// origin.
struct Placement {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  double ox = 0, oy = 0;
  std::pair<double, double> Apply(double x, double y) const {
    return {(a * x + c * y + e + ox) * kPointsPerMm, (b * x + d * y + f + oy) * kPointsPerMm};
  }
};

Placement PlacementOf(const xmlNode* n) {
  Placement p;
  const Box b = ParseBox(Attr(n, "Boundary"));
  p.ox = b.x, p.oy = b.y;
  std::vector<double> m = Numbers(Attr(n, "CTM"));
  if (m.size() == 6) p.a = m[0], p.b = m[1], p.c = m[2], p.d = m[3], p.e = m[4], p.f = m[5];
  return p;
}

// The characters of a TextObject as words: a run of characters closer than
// a third of the font size is one word (no spaces inside a CJK run).
void TextObject(const xmlNode* n, PlacedPage& page) {
  const Placement at = PlacementOf(n);
  double size = std::strtod(Attr(n, "Size").c_str(), nullptr);
  if (!(size > 0) || !std::isfinite(size)) size = 3.5;
  const double scale = std::hypot(at.a, at.b);
  const double em = size * (scale > 0 ? scale : 1) * kPointsPerMm;
  double x = 0, y = 0;
  for (const xmlNode* code = n->children; code != nullptr; code = code->next) {
    if (Name(code) != "TextCode") continue;
    std::string text;
    for (const xmlNode* t = code->children; t != nullptr; t = t->next) text += NodeText(t);
    std::vector<char32_t> chars;
    for (size_t i = 0; i < text.size();) chars.push_back(NextChar(text, i));
    if (HasAttr(code, "X")) x = std::strtod(Attr(code, "X").c_str(), nullptr);
    if (HasAttr(code, "Y")) y = std::strtod(Attr(code, "Y").c_str(), nullptr);
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    std::vector<double> dx = Deltas(Attr(code, "DeltaX"), chars.size());
    std::vector<double> dy = Deltas(Attr(code, "DeltaY"), chars.size());
    PlacedWord word{0, 0, 0, 0, {}};
    auto flush = [&] {
      if (!Trim(word.text).empty()) page.words.push_back(word);
      word.text.clear();
    };
    for (size_t i = 0; i < chars.size(); ++i) {
      if (i > 0) {
        x += i - 1 < dx.size() ? dx[i - 1] : size;
        y += i - 1 < dy.size() ? dy[i - 1] : 0;
      }
      const double advance = i < dx.size() ? dx[i] : size;
      auto [px, py] = at.Apply(x, y);  // the baseline
      const double x1 = at.Apply(x + std::max(0.0, std::min(advance, size)), y).first;
      if (chars[i] == ' ' || chars[i] == 0x3000) {
        flush();
        continue;
      }
      if (!word.text.empty() && (px - word.x1 > em / 3 || std::abs(py - (word.y1 - 0.15 * em)) > em / 3)) flush();
      if (word.text.empty()) word = {px, py - 0.85 * em, x1, py + 0.15 * em, {}};
      word.x1 = std::max(word.x1, x1);
      AppendUtf8(word.text, chars[i]);
    }
    flush();
    if (!chars.empty()) x += chars.size() - 1 < dx.size() ? dx[chars.size() - 1] : size;
  }
}

// AbbreviatedData: S/M x y (start), L x y, Q x1 y1 x y, B x1 y1 x2 y2 x y,
// A rx ry angle large sweep x y, C (close).
void PathObject(const xmlNode* n, PlacedPage& page) {
  const Placement at = PlacementOf(n);
  const xmlNode* data = Child(n, "AbbreviatedData");
  if (data == nullptr) return;
  std::string d;
  for (const xmlNode* t = data->children; t != nullptr; t = t->next) d += NodeText(t);
  std::vector<std::pair<double, double>> poly;
  double sx = 0, sy = 0;
  auto finish = [&] {
    AddRules(poly, page.rules);
    poly.clear();
  };
  std::vector<std::string> tok;
  for (size_t i = 0; i < d.size();) {
    while (i < d.size() && (d[i] == ' ' || d[i] == '\n' || d[i] == '\t' || d[i] == '\r' || d[i] == ',')) ++i;
    size_t j = i;
    while (j < d.size() && !(d[j] == ' ' || d[j] == '\n' || d[j] == '\t' || d[j] == '\r' || d[j] == ',')) ++j;
    if (j > i) tok.emplace_back(d.substr(i, j - i));
    i = j;
  }
  auto num = [&](size_t k) { return k < tok.size() ? std::strtod(tok[k].c_str(), nullptr) : 0.0; };
  for (size_t k = 0; k < tok.size();) {
    const std::string& op = tok[k];
    size_t args = op == "M" || op == "S" || op == "L" ? 2 : op == "Q" ? 4 : op == "B" ? 6 : op == "A" ? 7 : 0;
    if (op == "C") {
      if (!poly.empty()) poly.push_back(at.Apply(sx, sy));
      finish();
      ++k;
      continue;
    }
    if (args == 0 || k + args >= tok.size()) {
      ++k;
      continue;
    }
    const double x = num(k + args - 1), y = num(k + args);
    if (op == "M" || op == "S") {
      finish();
      sx = x, sy = y;
      poly.push_back(at.Apply(x, y));
    } else if (op == "L") {
      poly.push_back(at.Apply(x, y));
    } else {  // a curve: its end point starts a new polyline
      finish();
      poly.push_back(at.Apply(x, y));
    }
    k += args + 1;
  }
  finish();
}

void Objects(const xmlNode* parent, PlacedPage& page, size_t& budget) {
  for (const xmlNode* n = parent->children; n != nullptr && budget > 0; n = n->next) {
    std::string_view name = Name(n);
    if (name.empty()) continue;
    --budget;
    if (name == "TextObject") {
      TextObject(n, page);
    } else if (name == "PathObject") {
      PathObject(n, page);
    } else if (name == "Layer" || name == "PageBlock" || name == "Content") {
      Objects(n, page, budget);
    }
  }
}

// "Doc_0/Pages/Page_0/Content.xml" from the directory of the file that names
// it; a leading '/' is from the package root.
std::string Resolve(const std::string& dir, std::string loc) {
  while (!loc.empty() && (loc.front() == ' ' || loc.front() == '\n')) loc.erase(0, 1);
  while (!loc.empty() && (loc.back() == ' ' || loc.back() == '\n')) loc.pop_back();
  if (loc.starts_with("/")) return loc.substr(1);
  return MemberPath(dir.empty() ? loc : dir + "/" + loc);  // "a/./b" and "a/../b"
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string Text(const xmlNode* n) {
  std::string s;
  if (n != nullptr)
    for (const xmlNode* t = n->children; t != nullptr; t = t->next) s += NodeText(t);
  return s;
}

}  // namespace

PlacedPage OfdPage(std::string_view content_xml, const std::string& name, double width_mm, double height_mm) {
  XmlDoc doc = ParseXml(content_xml, name, "an OFD page");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  PlacedPage page;
  if (const xmlNode* area = Child(root, "Area")) {
    const Box b = ParseBox(Text(Child(area, "PhysicalBox")));
    if (b.w > 0 && b.h > 0) width_mm = b.w, height_mm = b.h;
  }
  page.width = width_mm * kPointsPerMm;
  page.height = height_mm * kPointsPerMm;
  size_t budget = kMaxObjects;
  if (const xmlNode* content = Child(root, "Content")) Objects(content, page, budget);
  return page;
}

Rendered ReadOfd(Zip& zip) {
  XmlDoc ofd = ParseXml(zip.Read("OFD.xml"), zip.name(), "OFD.xml");
  const xmlNode* body = Child(xmlDocGetRootElement(ofd.get()), "DocBody");
  const std::string doc_path = Resolve("", Text(body != nullptr ? Child(body, "DocRoot") : nullptr));
  if (doc_path.empty() || !zip.Has(doc_path)) {
    throw Error(Error::Kind::kInput, "an OFD without its document (OFD.xml names no DocRoot in the package)",
                zip.name());
  }
  XmlDoc document = ParseXml(zip.Read(doc_path), zip.name(), doc_path);
  const xmlNode* root = xmlDocGetRootElement(document.get());
  double width = 210, height = 297;  // A4 unless the document says
  if (const xmlNode* common = Child(root, "CommonData"))
    if (const xmlNode* area = Child(common, "PageArea")) {
      const Box b = ParseBox(Text(Child(area, "PhysicalBox")));
      if (b.w > 0 && b.h > 0) width = b.w, height = b.h;
    }
  std::vector<PlacedPage> pages;
  if (const xmlNode* list = Child(root, "Pages"))
    for (const xmlNode* p = list->children; p != nullptr; p = p->next) {
      if (Name(p) != "Page") continue;
      if (pages.size() >= kMaxPages) break;
      const std::string path = Resolve(DirOf(doc_path), Attr(p, "BaseLoc"));
      if (path.empty() || !zip.Has(path)) {
        throw Error(Error::Kind::kInput, "an OFD page that is not in the package: " + path.substr(0, 200), zip.name());
      }
      pages.push_back(OfdPage(zip.Read(path), zip.name() + ": " + path, width, height));
    }
  size_t words = 0;
  for (const PlacedPage& p : pages) words += p.words.size();
  if (words == 0) {
    throw Error(Error::Kind::kInput,
                pages.empty() ? "an OFD with no pages"
                              : "an OFD with no text (scanned images?); run OCR first and convert the result",
                zip.name());
  }
  Rendered r = LayoutPages(std::move(pages));
  return r;
}

}  // namespace noticetab::native
