// Formats not read yet.
#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {

Rendered ReadOfd(Zip& zip) { throw Error(Error::Kind::kInput, "OFD is not read yet", zip.name()); }
Rendered ReadPdf(std::string_view, const std::string& name) { throw Error(Error::Kind::kInput, "a PDF file, not text; extract its text first (e.g. pdftotext -layout)", name); }

}  // namespace noticetab::native
