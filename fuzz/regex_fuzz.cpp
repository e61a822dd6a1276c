// libFuzzer target: the literal prefilter of noticetab::Regex, and the
// regex_lite engine, against plain ICU (see regex_check.h). A disagreement
// aborts with the reason.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "regex_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string problem = noticetab::fuzz::CheckPrefilter(input);
  if (problem.empty()) problem = noticetab::fuzz::CheckLite(input);
  if (!problem.empty()) {
    std::fprintf(stderr, "regex_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
