// leaspec: validates requirement specifications and writes joint procurement documents.
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "cli/app.hpp"

// The sanitizer's allocator does not use the program break (gcc and clang say so differently).
#if defined(__SANITIZE_ADDRESS__)
#define LEASPEC_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEASPEC_OWN_ALLOCATOR 1
#endif
#endif

namespace {

/// Sets up the heap for a short run that builds trees and frees them again.
///
/// A run keeps what it frees for its next file (the top pad and trim threshold) instead of
/// giving it back and faulting it in again, which saves about a sixth of the CPU time of a run
/// over many files. And a run's first 16 MiB of heap are backed by 2 MiB pages where the
/// system allows it (transparent huge pages on madvise): checking one file touches about a
/// megabyte of heap, which is otherwise some 300 page faults, the largest part of the cost of
/// starting on one file in a virtual machine. The heap is first carried to a 2 MiB boundary
/// by a block that is never touched (address space only).
void set_up_heap() {
  constexpr std::size_t k_pad = std::size_t{16} << 20;
  mallopt(M_TOP_PAD, static_cast<int>(k_pad));
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#if !defined(LEASPEC_OWN_ALLOCATOR)
  // Blocks below this size come from the heap (the carrying block is up to 2 MiB); it is the
  // ceiling the default threshold rises to as large blocks are freed.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  constexpr std::uintptr_t k_huge_page = std::uintptr_t{2} << 20;
  auto align_up = [](std::uintptr_t address) {
    return (address + k_huge_page - 1) & ~(k_huge_page - 1);
  };
  auto heap_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // The next block is carved from the top of the heap, the last `keepcost` bytes.
  std::uintptr_t top = heap_end - mallinfo2().keepcost;
  std::uintptr_t boundary = align_up(top + 4096);
  static void* carrier = nullptr;  // kept for the whole run
  carrier = std::malloc(boundary - top - 4 * sizeof(void*));
  auto grown = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::uintptr_t last = grown & ~(k_huge_page - 1);
  if (carrier != nullptr && grown > heap_end && last > boundary) {
    // Advice only: where huge pages are off or none is free, small pages serve as before.
    (void)madvise(reinterpret_cast<void*>(boundary), last - boundary, MADV_HUGEPAGE);
  }
#endif
}

}  // namespace

int main(int argc, char** argv) {
  set_up_heap();
  return leaspec::cli::run(argc, argv);
}
