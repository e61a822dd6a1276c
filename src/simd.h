// Whether the AVX2 scans run: the one answer every dispatch site asks
// (load.cpp's UTF-8 validation, text.cpp's space and character-set scans,
// link.cpp's bigrams, the JSON and YAML writers' plain-text scans).
//
// True when the processor has AVX2 and POPCNT, unless the environment says
// NOTICETAB_SIMD=off: then every scan takes its portable path, as on a
// processor without AVX2. The output is the same either way; ctest
// `no_simd` converts every sample both ways and compares, so the portable
// paths are tested on a machine that has AVX2. `noticetab --version` says
// which paths run.
#ifndef NOTICETAB_SRC_SIMD_H_
#define NOTICETAB_SRC_SIMD_H_

namespace noticetab::simd {

/// Decided once (the first call; thread-safe), then constant.
bool UseAvx2();

/// "avx2", "portable (NOTICETAB_SIMD=off)" or "portable (no AVX2)".
const char* Describe();

}  // namespace noticetab::simd

#endif  // NOTICETAB_SRC_SIMD_H_
