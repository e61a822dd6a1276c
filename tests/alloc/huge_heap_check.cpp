// src/alloc/huge_heap.cpp with the thread cache, as the executable links them:
// every heap block the program gets lies in memory marked for huge pages
// (MADV_HUGEPAGE, the "hg" flag of /proc/self/smaps), past the start-up
// region too: when the heap grows, when it is trimmed and grows again, and
// for blocks glibc maps on their own. The flag is what the code sets; whether
// the kernel then finds a free huge page is the system's affair, so that is
// not checked. A ctest of its own (a separate program): the constructor must
// run before anything else allocates, which a Catch2 binary cannot promise.
// Exit 0 when all hold, 1 when one fails, 77 (skipped) without THP support.
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <new>
#include <string>
#include <vector>

namespace {

// The VmFlags of the mapping holding `p`, or "" when none does.
std::string FlagsAt(const void* p) {
  const auto a = reinterpret_cast<uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find('-') < 17) {
      inside = lo <= a && a < hi;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

int failures = 0;

// A block whose 2 MB-aligned middle is marked (the first and last 2 MB of a
// block may share a huge-page range with glibc's headers, which the code
// leaves unmarked by design; so may a small block, which glibc can hand out
// from the page below the marked region, where its own first writes went).
void CheckMarked(const char* what, const char* block, size_t size) {
  const uintptr_t huge = uintptr_t{2} << 20;
  const auto b = reinterpret_cast<uintptr_t>(block);
  const uintptr_t mid = ((b + huge - 1) & ~(huge - 1)) + huge / 2;
  const void* at = mid + huge <= b + size ? reinterpret_cast<const void*>(mid) : block;
  const std::string flags = FlagsAt(at);
  const bool ok = flags.find(" hg") != std::string::npos;
  std::printf("%s: %s (%s)\n", ok ? "ok" : "FAIL", what, flags.c_str());
  failures += !ok;
}

}  // namespace

int main() {
  if (access("/sys/kernel/mm/transparent_hugepage/enabled", R_OK) != 0) {
    std::puts("skipped: no transparent huge pages in this kernel");
    return 77;
  }
  // Within the region marked at start-up.
  std::vector<char*> held;
  held.push_back(new char[1 << 20]);
  CheckMarked("a 1 MB block at start", held.back(), 1 << 20);

  // Past it: the heap grows (by 64 MB at a time) while blocks are held.
  for (int i = 0; i < 100; ++i) held.push_back(new char[1 << 20]);
  CheckMarked("a 1 MB block after 100 MB of growth", held.back(), 1 << 20);

  // A block glibc maps on its own (32 MB or more).
  auto* big = new char[40 << 20];
  CheckMarked("a 40 MB block", big, 40 << 20);
  delete[] big;

  // Trimmed (the top unmapped, as ReserveOutput does for a big document),
  // then grown again: the regrown part is a fresh, unmarked mapping.
  for (char* p : held) delete[] p;
  held.clear();
  malloc_trim(0);
  for (int i = 0; i < 100; ++i) held.push_back(new char[1 << 20]);
  CheckMarked("a 1 MB block after a trim and 100 MB of growth", held.back(), 1 << 20);
  for (char* p : held) delete[] p;
  return failures == 0 ? 0 : 1;
}
