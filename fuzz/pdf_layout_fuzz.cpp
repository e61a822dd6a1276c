// libFuzzer target: bytes as pdftotext -bbox-layout output (the word boxes
// the PDF reader lays out into lines, columns and rows) and, after a NUL
// byte when there is one, pdftocairo -svg output (the paths whose strokes are
// the ruling lines). pdftotext and pdftocairo themselves are other programs
// and not fuzzed here.
#include "../src/native/internal.h"
#include "native_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzNative(data, size, [](std::string_view b) {
    const size_t nul = b.find('\0');
    const std::string_view xhtml = b.substr(0, nul);
    const std::string_view svg = nul == std::string_view::npos ? std::string_view{} : b.substr(nul + 1);
    return noticetab::SourceFromRendered(noticetab::native::LayoutPdf(xhtml, "fuzz.pdf", svg), "fuzz.pdf");
  });
}
