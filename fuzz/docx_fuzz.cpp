// libFuzzer target: bytes as a .docx (ZIP, then WordprocessingML). Seeds: the
// docx fixtures in tests/data/native; -dict is not needed for ZIP framing.
#include "native_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzNative(data, size, [](std::string_view b) { return noticetab::Decode(b, "fuzz.docx"); });
}
