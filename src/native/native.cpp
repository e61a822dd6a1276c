// The native formats: which one the bytes are (by content, never by the file
// name), and the reader for each. One row per format in kFormats.
#include <algorithm>
#include <cctype>

#include "internal.h"
#include "noticetab/error.h"

namespace noticetab {
namespace native {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace native

namespace {

using native::StartsWithNoCase;
using native::Zip;

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (StartsWithNoCase(s.substr(i), needle)) return true;
  return false;
}

bool IsZip(std::string_view b) { return b.starts_with("PK\x03\x04") || b.starts_with("PK\x05\x06"); }

// HTML by its start: after a BOM, white space, an XML declaration and
// comments comes <html, <!DOCTYPE html or <table; or <html shows up early.
bool IsHtml(std::string_view b) {
  std::string_view s = b.substr(0, 4096);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  for (;;) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    size_t end = std::string_view::npos;
    if (s.starts_with("<!--")) end = s.find("-->");
    else if (s.starts_with("<?")) end = s.find("?>");
    else break;
    if (end == std::string_view::npos) return false;
    s.remove_prefix(end + (s.starts_with("<!--") ? 3 : 2));
  }
  if (StartsWithNoCase(s, "<!doctype html") || StartsWithNoCase(s, "<html") || StartsWithNoCase(s, "<table") ||
      StartsWithNoCase(s, "<head") || StartsWithNoCase(s, "<meta"))
    return true;
  return s.starts_with("<") && ContainsNoCase(b.substr(0, 1024), "<html");
}

const char kConvert[] = "soffice --headless --convert-to docx";

// A flat OpenDocument file (.fodt, .fods: one XML whose root is
// office:document): its office:mimetype, from the first 4 KB; empty when the
// bytes are no such file.
std::string FlatOdfType(std::string_view b) {
  const std::string_view s = b.substr(0, 4096);
  const size_t root = s.find("<office:document");
  if (root == std::string_view::npos || root > 512 || s.find("<office:document-", root) == root) return "";
  constexpr std::string_view kKey = "office:mimetype=\"";
  const size_t at = s.find(kKey, root);
  if (at == std::string_view::npos) return "?";
  const size_t end = s.find('"', at + kKey.size());
  return end == std::string_view::npos ? "?" : std::string(s.substr(at + kKey.size(), end - at - kKey.size()));
}

std::string ZipFormat(Zip& zip) {
  if (zip.Has("word/document.xml")) return "docx";
  if (zip.Has("xl/workbook.xml")) return "xlsx";
  // A main part under another name: the content types say WordprocessingML
  // or SpreadsheetML.
  if (zip.Has("[Content_Types].xml")) {
    const std::string types = zip.Read("[Content_Types].xml");
    if (types.find("wordprocessingml.document.main+xml") != std::string::npos ||
        types.find("ms-word.document.macroEnabled.main+xml") != std::string::npos)
      return "docx";
    if (types.find("spreadsheetml.sheet.main+xml") != std::string::npos ||
        types.find("ms-excel.sheet.macroEnabled.main+xml") != std::string::npos)
      return "xlsx";
  }
  if (zip.Has("OFD.xml")) return "ofd";
  if (zip.Has("content.xml") && zip.Has("mimetype")) {
    std::string mime = zip.Read("mimetype");
    if (mime.starts_with("application/vnd.oasis.opendocument.text")) return "odt";
    throw Error(Error::Kind::kInput,
                "an OpenDocument file of type " + mime.substr(0, 80) +
                    ", not a text document; noticetab reads .odt, .docx, .xlsx, .html, PDF, OFD and text",
                zip.name());
  }
  if (zip.Has("ppt/presentation.xml")) {
    throw Error(Error::Kind::kInput, std::string("a presentation (PPTX); convert it first, e.g. ") + kConvert,
                zip.name());
  }
  throw Error(Error::Kind::kInput,
              "a ZIP archive that is not a .docx, .xlsx, .odt or OFD document; unpack it and convert the notice inside",
              zip.name());
}

Rendered ReadZip(std::string_view bytes, const std::string& name) {
  Zip zip(bytes, name);
  const std::string format = ZipFormat(zip);
  Rendered r = format == "docx"   ? native::ReadDocx(zip)
               : format == "xlsx" ? native::ReadXlsx(zip)
               : format == "odt"  ? native::ReadOdt(zip)
                                  : native::ReadOfd(zip);
  r.format = format;
  r.encoding = "UTF-8";
  return r;
}

}  // namespace

std::string SniffFormat(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "pdf";
  if (const std::string flat = FlatOdfType(bytes); !flat.empty()) return "odt";
  if (IsHtml(bytes)) return "html";
  if (IsZip(bytes)) {
    try {
      Zip zip(bytes, "");
      return ZipFormat(zip);
    } catch (const Error&) {
      return "zip";
    }
  }
  return "text";
}

std::optional<Rendered> RenderNative(std::string_view bytes, const std::string& name) {
  if (bytes.starts_with("%PDF-")) {
    Rendered r = native::ReadPdf(bytes, name);
    r.format = "pdf";
    return r;
  }
  if (IsZip(bytes)) return ReadZip(bytes, name);
  if (bytes.starts_with("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
    // A .docx or .xlsx with a password is an OLE compound file too: the
    // encrypted package is a stream of it, its name in UTF-16LE.
    static constexpr std::string_view kEncrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(kEncrypted) != std::string_view::npos) {
      throw Error(Error::Kind::kInput,
                  "an encrypted (password-protected) Office document, not read; save it without a password first",
                  name);
    }
    throw Error(Error::Kind::kInput,
                std::string("a legacy Office document (DOC/XLS/WPS), not read; convert it first, e.g. ") + kConvert,
                name);
  }
  if (bytes.starts_with("{\\rtf")) {
    throw Error(Error::Kind::kInput, std::string("an RTF document, not read; convert it first, e.g. ") + kConvert,
                name);
  }
  if (const std::string flat = FlatOdfType(bytes); !flat.empty()) {
    if (!flat.starts_with("application/vnd.oasis.opendocument.text"))
      throw Error(Error::Kind::kInput,
                  "a flat OpenDocument file of type " + flat.substr(0, 80) +
                      ", not a text document; noticetab reads .odt, .docx, .xlsx, .html, PDF, OFD and text",
                  name);
    Rendered r = native::ReadFlatOdt(bytes, name);
    r.format = "odt";
    return r;
  }
  if (IsHtml(bytes)) {
    Rendered r = native::ReadHtml(bytes, name);
    r.format = "html";
    return r;
  }
  return std::nullopt;
}

void NotRead(Rendered& r, int line, std::string message) {
  AddDiagnostic(r.warnings, r.diagnostics, "input.partial", std::move(message), line);
}

std::optional<Rendered> RenderEmbeddedTables(std::string_view text, const std::string& name) {
  return native::ReadEmbeddedTables(text, name);
}

Source SourceFromRendered(Rendered r, std::string name) {
  for (Grid& g : r.grids) g.layout = r.format;
  std::string text;
  size_t size = 0;
  for (const auto& l : r.lines) size += l.size() + 1;
  text.reserve(size);
  for (const auto& l : r.lines) {
    text += l;
    text += '\n';
  }
  Source s(std::move(name), r.encoding.empty() ? "UTF-8" : r.encoding, std::move(text));
  s.format = r.format;
  s.warnings = std::move(r.warnings);
  s.diagnostics = std::move(r.diagnostics);
  s.grids = std::move(r.grids);
  if (!r.pages.empty()) {
    r.pages.resize(r.lines.size(), 0);
    s.pages = std::move(r.pages);
  }
  return s;
}

}  // namespace noticetab
