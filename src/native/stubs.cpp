// Formats recognized but not read yet: OFD (GB/T 33190). Its TextObjects
// carry positions like PDF words; LayoutPdf's line and column building is the
// place to reuse.
#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {

Rendered ReadOfd(Zip& zip) {
  throw Error(Error::Kind::kInput, "an OFD document: not read yet; export it as PDF or DOCX from an OFD reader first", zip.name());
}

}  // namespace noticetab::native
