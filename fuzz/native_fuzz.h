// Shared body of the native-reader fuzz targets: the bytes go through the
// reader (and the whole parse when they render); a refusal is Error, anything
// else (crash, sanitizer report, leak, timeout) is a bug.
#ifndef NOTICETAB_FUZZ_NATIVE_FUZZ_H_
#define NOTICETAB_FUZZ_NATIVE_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"

template <typename Render>
int FuzzNative(const uint8_t* data, size_t size, Render&& render) {
  using namespace noticetab;
  static const Rules& rules = BuiltinRules();
  try {
    Source s = render(std::string_view(reinterpret_cast<const char*>(data), size));
    Convert(s, rules);
  } catch (const Error&) {
  }
  return 0;
}

#endif  // NOTICETAB_FUZZ_NATIVE_FUZZ_H_
