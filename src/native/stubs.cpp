// Formats not read yet.
#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {

Rendered ReadOfd(Zip& zip) { throw Error(Error::Kind::kInput, "OFD is not read yet", zip.name()); }

}  // namespace noticetab::native
