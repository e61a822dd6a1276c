// libFuzzer target: bytes as pdftotext -bbox-layout output (the word boxes
// the PDF reader lays out into lines, columns and rows). pdftotext itself is
// another program and not fuzzed here.
#include "../src/native/internal.h"
#include "native_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzNative(data, size, [](std::string_view b) {
    return noticetab::SourceFromRendered(noticetab::native::LayoutPdf(b, "fuzz.pdf"), "fuzz.pdf");
  });
}
