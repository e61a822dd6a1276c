// The heap on transparent huge pages (huge_heap.cpp), for the allocator in
// front of malloc (thread_cache.cpp).
#pragma once

#include <cstddef>

namespace noticetab::alloc {

// Called after each malloc of the allocator (a block the thread cache did
// not have), before the caller touches it: marks as huge pages the block when glibc mapped it
// on its own (32 MB or more), else the heap glibc has grown since the last
// call (its first kPad was marked at start-up). Cheap when the heap has not
// moved: glibc's cached break read and compared.
void MarkHuge(void* block, size_t size) noexcept;

}  // namespace noticetab::alloc
