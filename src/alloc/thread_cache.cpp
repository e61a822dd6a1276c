// A per-thread cache of small freed blocks in front of malloc, for the
// executable only (CMake: NOTICETAB_THREAD_CACHE; off under the sanitizers,
// which bring their own allocator, and with NOTICETAB_MIMALLOC).
//
// Why: a notice allocates about 1,100 small blocks (strings, vectors, rows)
// and frees them all before the next one. glibc's own per-thread cache keeps
// 7 blocks per size, so most of those calls went through its bins:
// malloc + free were ~55M of the 2 MB batch's 331M instructions
// (bench/README.md; GLIBC_TUNABLES=glibc.malloc.tcache_count=200 alone gave
// -12M, but a tunable can only be set from outside the process).
//
// Blocks of up to kMaxSmall bytes are malloc'ed in 16-byte classes; a freed
// one goes on its class's list on the freeing thread, up to kClassBytes per
// class, and the next new of that class takes it back. Nothing is ever
// handed to another thread's list; a list is drained to free() when its
// thread ends. A block on a list stays a malloc block, so a thread that
// frees what another allocated (a document moved to the writing thread) is
// fine: the block is free()d or reused there.
#include <cstddef>
#include <cstdlib>
#include <new>

#include <malloc.h>

#ifdef NOTICETAB_HUGE_HEAP
#include "huge_heap.h"
#endif

namespace {

constexpr size_t kGranule = 16;
constexpr size_t kClasses = 32;                       // blocks up to 512 bytes
constexpr size_t kMaxSmall = kGranule * kClasses;
constexpr size_t kClassBytes = 32 * 1024;             // per class and thread: <= 1 MB in all

struct Block {
  Block* next;
};

// Trivially destructible, so a thread_local access is one fs-relative load
// with no guard; the lists are drained by Drain's destructor, registered the
// first time a block is cached.
struct Lists {
  Block* head[kClasses + 1];
  unsigned count[kClasses + 1];
  bool registered;
  bool dead;  // the thread's destructors have run: free directly
};
thread_local Lists lists;

struct Drain {
  ~Drain() {
    for (size_t c = 1; c <= kClasses; ++c) {
      for (Block* b = lists.head[c]; b;) {
        Block* next = b->next;
        std::free(b);
        b = next;
      }
      lists.head[c] = nullptr;
      lists.count[c] = 0;
    }
    lists.dead = true;
  }
};

inline size_t ClassOf(size_t n) { return (n + kGranule - 1) / kGranule; }

inline void* Allocate(size_t n) {
  if (n == 0) n = 1;
  if (n <= kMaxSmall) {
    const size_t c = ClassOf(n);
    if (Block* b = lists.head[c]) {
      lists.head[c] = b->next;
      --lists.count[c];
      return b;
    }
    n = c * kGranule;  // so the block can be reused for any size of its class
  }
  for (;;) {
    if (void* p = std::malloc(n)) {
#ifdef NOTICETAB_HUGE_HEAP
      noticetab::alloc::MarkHuge(p, n);
#endif
      return p;
    }
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}

[[gnu::noinline]] void Register() {
  static thread_local Drain drain;
  (void)drain;
  lists.registered = true;
}

inline void Release(void* p, size_t c) {
  if (c >= 1 && c <= kClasses && !lists.dead && lists.count[c] * c * kGranule < kClassBytes) {
    if (!lists.registered) Register();
    Block* b = static_cast<Block*>(p);
    b->next = lists.head[c];
    lists.head[c] = b;
    ++lists.count[c];
    return;
  }
  std::free(p);
}

// An unsized delete learns the class from the block: malloc(16c) gives a
// usable size of 16c + 8 on glibc, whose floor is the class again; a bigger
// block has a usable size past kMaxSmall and is freed.
inline void ReleaseUnsized(void* p) {
  if (!p) return;
  Release(p, malloc_usable_size(p) / kGranule);
}

}  // namespace

void* operator new(size_t n) { return Allocate(n); }
void* operator new[](size_t n) { return Allocate(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return Allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  try {
    return Allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { ReleaseUnsized(p); }
void operator delete[](void* p) noexcept { ReleaseUnsized(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { ReleaseUnsized(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { ReleaseUnsized(p); }
void operator delete(void* p, size_t n) noexcept {
  if (!p) return;
  if (n == 0) n = 1;
  if (n <= kMaxSmall) {
    Release(p, ClassOf(n));
  } else {
    std::free(p);
  }
}
void operator delete[](void* p, size_t n) noexcept { operator delete(p, n); }
