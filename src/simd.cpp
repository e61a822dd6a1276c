// See simd.h.
#include "simd.h"

#include <cstdlib>
#include <cstring>

namespace noticetab::simd {
namespace {

enum class Paths { kAvx2, kOff, kNoAvx2 };

Paths Decide() {
  const char* env = std::getenv("NOTICETAB_SIMD");
  if (env && std::strcmp(env, "off") == 0) return Paths::kOff;
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) return Paths::kAvx2;
#endif
  return Paths::kNoAvx2;
}

Paths Get() {
  static const Paths paths = Decide();
  return paths;
}

}  // namespace

bool UseAvx2() { return Get() == Paths::kAvx2; }

const char* Describe() {
  switch (Get()) {
    case Paths::kAvx2: return "avx2";
    case Paths::kOff: return "portable (NOTICETAB_SIMD=off)";
    case Paths::kNoAvx2: break;
  }
  return "portable (no AVX2)";
}

}  // namespace noticetab::simd
