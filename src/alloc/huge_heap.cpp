// The process heap on transparent huge pages, for the executable only
// (CMake: NOTICETAB_HUGE_HEAP; off under the sanitizers and with mimalloc).
//
// Why: a notice touches about 200 fresh 4 KB heap pages (800 KB: the file,
// its lines, cells, rows, the output). Each first touch is a page fault, and
// on the virtual machines this project is measured on a fault costs about
// 15 us of CPU (bench/README.md: a program touching 500 fresh pages takes
// 8 ms, the same program on one madvise'd huge page 0.3 ms). So a 30 KB
// notice spent about 3 ms of its time in heap faults.
//
// How: before the first allocation of any other constructor, glibc is told
// to grow its heap (brk) by at least kPad at a time (and main.cpp has it give
// memory back only past 32 MB); one allocation makes it grow now, and the
// aligned part of that region is marked MADV_HUGEPAGE. With the system's THP setting at
// "madvise" (Debian's default) or "always", the first touch of each aligned
// 2 MB then maps one huge page. With THP "never", or no huge page free, the
// kernel maps 4 KB pages as before: nothing else changes. Heap the process
// grows later (a long batch) is ordinary memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr uintptr_t kHuge = uintptr_t{2} << 20;
constexpr size_t kPad = size_t{4} << 20;  // two huge pages

// Priority 101: before the default-priority constructors (libstdc++'s
// locale and exception pool, the rules' statics) allocate.
[[gnu::constructor(101)]] void HugeHeap() {
  // glibc's heap begins at the program break, a random offset past the
  // binary. Move the break to one page short of a huge-page boundary, so
  // that glibc's first writes (its own bookkeeping and the top chunk's
  // header) fall in that page and the huge pages past it are still
  // untouched when they are marked: a 2 MB range with any 4 KB page mapped
  // stays on small pages. Only while glibc has no heap yet; the gap below
  // the break is never touched.
  if (mallinfo2().arena != 0) return;
  const auto brk = reinterpret_cast<uintptr_t>(sbrk(0));
  if (brk == static_cast<uintptr_t>(-1)) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t start = ((brk + page + kHuge - 1) & ~(kHuge - 1)) - page;
  if (start != brk && sbrk(static_cast<intptr_t>(start - brk)) == reinterpret_cast<void*>(-1)) return;
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  void* volatile first = std::malloc(64);  // glibc takes start .. start + page + kPad now
  std::free(first);                        // (volatile: else the pair is optimized away)
  const auto end = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t lo = start + page;
  const uintptr_t hi = end & ~(kHuge - 1);
  if (end != static_cast<uintptr_t>(-1) && hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
}

}  // namespace
