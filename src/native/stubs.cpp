// Formats not read yet.
#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {

Rendered ReadOdt(Zip& zip) { throw Error(Error::Kind::kInput, "ODT is not read yet; convert it first, e.g. soffice --headless --convert-to docx", zip.name()); }
Rendered ReadOfd(Zip& zip) { throw Error(Error::Kind::kInput, "OFD is not read yet", zip.name()); }
Rendered ReadPdf(std::string_view, const std::string& name) { throw Error(Error::Kind::kInput, "a PDF file, not text; extract its text first (e.g. pdftotext -layout)", name); }
Rendered ReadHtml(std::string_view, const std::string& name) { throw Error(Error::Kind::kInput, "HTML is not read yet", name); }

}  // namespace noticetab::native
