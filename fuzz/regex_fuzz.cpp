// libFuzzer target: the literal prefilter of noticetab::Regex against plain
// ICU (see regex_check.h). A disagreement aborts with the reason.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "regex_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem =
      noticetab::fuzz::CheckPrefilter(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "regex_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
