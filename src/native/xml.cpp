// libxml2, configured safe: no network, no DTD loading, no entity
// substitution, no error printing (the library never prints).
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <cstring>
#include <mutex>

#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {
namespace {

void NoPrint(void*, const char*, ...) {}

// libxml2 must be initialized once, on one thread, before threads parse.
void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
  });
  // Per-thread in libxml2: silence it on every thread that parses.
  xmlSetGenericErrorFunc(nullptr, NoPrint);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
}

}  // namespace

XmlDoc ParseXml(std::string_view bytes, const std::string& name, const std::string& what) {
  InitOnce();
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    throw Error(Error::Kind::kInput, what + ": too large", name);
  }
  XmlDoc doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string why = e != nullptr && e->message != nullptr ? e->message : "not well-formed";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw Error(Error::Kind::kInput, what + ": not well-formed XML (" + why + ")", name);
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    throw Error(Error::Kind::kInput, what + ": XML with a DOCTYPE (entities are not read)", name);
  }
  if (xmlDocGetRootElement(doc.get()) == nullptr) {
    throw Error(Error::Kind::kInput, what + ": empty XML document", name);
  }
  return doc;
}

XmlDoc ParseHtml(std::string_view bytes, const std::string& encoding, const std::string& name) {
  InitOnce();
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) throw Error(Error::Kind::kInput, "HTML too large", name);
  XmlDoc doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding.c_str(),
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  if (!doc) throw Error(Error::Kind::kInput, "cannot parse as HTML", name);
  return doc;
}

std::string_view Name(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
  return reinterpret_cast<const char*>(n->name);
}

std::string Attr(const xmlNode* n, std::string_view attr) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (attr != reinterpret_cast<const char*>(a->name)) continue;
    std::string v;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) v += NodeText(c);
    return v;
  }
  return {};
}

bool HasAttr(const xmlNode* n, std::string_view attr) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next)
    if (attr == reinterpret_cast<const char*>(a->name)) return true;
  return false;
}

xmlNode* Child(const xmlNode* n, std::string_view name) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next)
    if (Name(c) == name) return c;
  return nullptr;
}

std::string_view NodeText(const xmlNode* n) {
  if ((n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) || n->content == nullptr) return {};
  return reinterpret_cast<const char*>(n->content);
}

}  // namespace noticetab::native
