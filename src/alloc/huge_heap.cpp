// The process heap on transparent huge pages, for the executable only
// (CMake: NOTICETAB_HUGE_HEAP; off under the sanitizers and with mimalloc).
//
// Why: a notice touches about 200 fresh 4 KB heap pages (800 KB: the file,
// its lines, cells, rows, the output). Each first touch is a page fault, and
// on the virtual machines this project is measured on a fault costs about
// 15 us of CPU (README, Performance: a program touching 500 fresh pages
// takes 8 ms, the same program on one madvise'd huge page 0.3 ms). So a 30 KB
// notice spent about 3 ms of its time in heap faults, and a 5 MB one 135 ms
// of its 150 (9,100 faults: its big blocks were each mmapped afresh).
//
// How: before the first allocation of any other constructor, glibc is told
// to grow its heap (brk) by at least kPad at a time; one allocation makes it
// grow now, and the aligned part of that region is marked MADV_HUGEPAGE.
// glibc maps a block past its mmap threshold on its own (4 KB pages, one
// fault each, unmapped on free) unless its heap's top has room; with the
// threshold at 32 MB (glibc's largest) and kPad of top, blocks of up to
// 32 MB come from the huge pages. glibc keeps kPad when it trims (main.cpp's
// threshold is lower), so the marked region stays. kPad is address space,
// not memory: a page counts once touched. With the system's THP setting at
// "madvise" (Debian's default) or "always", the first touch of each aligned
// 2 MB maps one huge page. With THP "never", or no huge page free, the
// kernel maps 4 KB pages as before: nothing else changes. When a big
// document grows the heap past kPad, the allocator (thread_cache.cpp) marks
// the new part after the malloc that grew it (MarkHuge), before the block is
// written: all of it but the 2 MB that holds glibc's new top. Blocks of 32 MB
// or more, which glibc always maps on their own, are marked the same way.
//
// Worker threads keep their own arenas (glibc's, mmapped, small pages):
// sharing this one (M_ARENA_MAX 1) saved ~250 page faults per batch but cost
// 10-30% more CPU at -j 2 on the 50 MB corpus (one lock, and blocks of two
// threads side by side in cache lines).
#include "huge_heap.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr uintptr_t kHuge = uintptr_t{2} << 20;
constexpr size_t kPad = size_t{64} << 20;
constexpr int kMmapThreshold = 32 << 20;  // glibc's largest

// The start of the marked heap (a huge-page boundary; 0 while there is
// none) and the program break when it was last marked.
std::atomic<uintptr_t> heap_begin{0};
std::atomic<uintptr_t> marked_brk{0};

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
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  void* volatile first = std::malloc(64);  // glibc takes start .. start + page + kPad now
  std::free(first);                        // (volatile: else the pair is optimized away)
  const auto end = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t lo = start + page;
  const uintptr_t hi = end & ~(kHuge - 1);
  if (end == static_cast<uintptr_t>(-1) || hi <= lo) return;
  if (madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE) != 0) return;
  marked_brk.store(end, std::memory_order_relaxed);
  heap_begin.store(lo, std::memory_order_relaxed);
}

}  // namespace

void noticetab::alloc::MarkHuge(void* block, size_t size) noexcept {
  const uintptr_t begin = heap_begin.load(std::memory_order_relaxed);
  if (begin == 0) return;
  if (size >= static_cast<size_t>(kMmapThreshold)) {
    // A mapping of its own: only its first page (glibc's header) is written.
    const auto b = reinterpret_cast<uintptr_t>(block);
    const uintptr_t lo = (b + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t hi = (b + size) & ~(kHuge - 1);
    if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
    return;
  }
  // sbrk(0) reads glibc's cached break: no system call.
  const auto brk = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t seen = marked_brk.load(std::memory_order_relaxed);
  if (brk == seen || !marked_brk.compare_exchange_strong(seen, brk, std::memory_order_relaxed)) return;
  // The break moved: grown, or trimmed (malloc_trim, ReserveOutput) and
  // grown again, which unmaps the marked top and maps it afresh unmarked.
  // So the whole heap is marked again; for the part already marked the
  // kernel changes nothing.
  const uintptr_t hi = brk & ~(kHuge - 1);
  if (hi > begin) madvise(reinterpret_cast<void*>(begin), hi - begin, MADV_HUGEPAGE);
}
