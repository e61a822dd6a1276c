// libFuzzer target for the OFD reader. The first byte picks what the rest is:
// even, a whole .ofd (ZIP, OFD.xml, Document.xml, pages); odd, one page's
// Content.xml (text and path objects) laid out on its own, so the mutations
// reach the XML without going through the ZIP framing. Seeds: fuzz/corpus/ofd.
#include "../src/native/internal.h"
#include "native_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool page = (data[0] & 1) != 0;
  return FuzzNative(data + 1, size - 1, [page](std::string_view b) {
    if (!page) return noticetab::Decode(b, "fuzz.ofd");
    std::vector<noticetab::native::PlacedPage> pages;
    pages.push_back(noticetab::native::OfdPage(b, "fuzz.ofd", 210, 297));
    return noticetab::SourceFromRendered(noticetab::native::LayoutPages(std::move(pages)), "fuzz.ofd");
  });
}
