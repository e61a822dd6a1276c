// libFuzzer target: bytes as word/document.xml, as content.xml of an .odt, or
// as HTML (first byte picks), without the ZIP layer in the way, so the XML
// readers themselves get the mutations.
#include <zip.h>

#include <string>

#include "native_fuzz.h"

namespace {

// A stored (uncompressed) ZIP holding `files`, built with libzip in memory.
std::string Zip(std::initializer_list<std::pair<const char*, std::string_view>> files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  for (auto [name, data] : files) {
    zip_source_t* f = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t i = zip_file_add(z, name, f, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  zip_close(z);
  std::string out;
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t n = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  out.resize(static_cast<size_t>(n));
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t which = data[0] % 3;
  return FuzzNative(data + 1, size - 1, [which](std::string_view b) {
    if (which == 0) return noticetab::Decode(Zip({{"word/document.xml", b}}), "fuzz.docx");
    if (which == 1)
      return noticetab::Decode(Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", b}}),
                               "fuzz.odt");
    return noticetab::Decode(std::string("<html>") + std::string(b), "fuzz.html");
  });
}
