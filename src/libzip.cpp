// libzip, opened on the first ZIP input (.docx, .xlsx, .odt, .ofd) instead of linked.
// Linked, it brought libbz2, libz and libcrypto into every run, and resolving
// their symbols cost each process about 10 % of an empty notice's start-up
// (LD_DEBUG=statistics, perf). The native readers call the zip_* functions of
// <zip.h> as usual; the definitions below forward to the library loaded with
// dlopen. A zip_* function that the readers start to use and that is missing
// here fails the link (undefined reference): add it to both lists.
#include <dlfcn.h>
#include <zip.h>

#include <string>

#include "noticetab/error.h"

namespace noticetab {
namespace {

#define NOTICETAB_ZIP_FUNCTIONS(X)                                                                  \
  X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_strerror) X(zip_fclose)           \
  X(zip_file_strerror) X(zip_fopen) X(zip_fread) X(zip_name_locate) X(zip_open_from_source)        \
  X(zip_source_buffer_create) X(zip_source_free) X(zip_strerror)

struct ZipApi {
#define NOTICETAB_ZIP_POINTER(name) decltype(&::name) name = nullptr;
  NOTICETAB_ZIP_FUNCTIONS(NOTICETAB_ZIP_POINTER)
#undef NOTICETAB_ZIP_POINTER
  std::string error;  // why it could not be loaded
};

ZipApi LoadZip() {
  ZipApi api;
  void* lib = dlopen(NOTICETAB_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* e = dlerror();
    api.error = e ? e : NOTICETAB_LIBZIP_SONAME ": cannot be loaded";
    return api;
  }
#define NOTICETAB_ZIP_LOAD(name)                                     \
  api.name = reinterpret_cast<decltype(&::name)>(dlsym(lib, #name)); \
  if (!api.name && api.error.empty()) api.error = NOTICETAB_LIBZIP_SONAME ": no symbol " #name;
  NOTICETAB_ZIP_FUNCTIONS(NOTICETAB_ZIP_LOAD)
#undef NOTICETAB_ZIP_LOAD
  return api;
}

// The loaded library; throws Error(kInput) saying what to install.
const ZipApi& Lib() {
  static const ZipApi api = LoadZip();
  if (!api.error.empty())
    throw Error(Error::Kind::kInput, "reading a ZIP-based file (.docx, .xlsx, .odt, .ofd) needs libzip (Debian: apt-get install libzip4): " +
                                         api.error);
  return api;
}

}  // namespace
}  // namespace noticetab

using noticetab::Lib;

extern "C" {
void zip_discard(zip_t* z) { Lib().zip_discard(z); }
void zip_error_fini(zip_error_t* e) { Lib().zip_error_fini(e); }
void zip_error_init(zip_error_t* e) { Lib().zip_error_init(e); }
const char* zip_error_strerror(zip_error_t* e) { return Lib().zip_error_strerror(e); }
int zip_fclose(zip_file_t* f) { return Lib().zip_fclose(f); }
const char* zip_file_strerror(zip_file_t* f) { return Lib().zip_file_strerror(f); }
zip_file_t* zip_fopen(zip_t* z, const char* name, zip_flags_t flags) { return Lib().zip_fopen(z, name, flags); }
zip_int64_t zip_fread(zip_file_t* f, void* buf, zip_uint64_t n) { return Lib().zip_fread(f, buf, n); }
zip_int64_t zip_name_locate(zip_t* z, const char* name, zip_flags_t flags) { return Lib().zip_name_locate(z, name, flags); }
zip_t* zip_open_from_source(zip_source_t* s, int flags, zip_error_t* e) { return Lib().zip_open_from_source(s, flags, e); }
zip_source_t* zip_source_buffer_create(const void* data, zip_uint64_t n, int freep, zip_error_t* e) {
  return Lib().zip_source_buffer_create(data, n, freep, e);
}
void zip_source_free(zip_source_t* s) { Lib().zip_source_free(s); }
const char* zip_strerror(zip_t* z) { return Lib().zip_strerror(z); }
}
