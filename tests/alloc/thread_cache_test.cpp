// src/alloc/thread_cache.cpp: the small-block cache in front of malloc. It is
// linked into these unit tests (when NOTICETAB_THREAD_CACHE is on), so every
// other test runs on it too; these check what it promises of its own.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <new>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

// Empties this thread's list for n's class (other tests may have filled it to
// its cap, where a free goes to malloc's free instead): the blocks are held
// until the test ends.
struct Emptied {
  explicit Emptied(size_t n) : n(n) {
    for (int i = 0; i < 4096; ++i) held.push_back(::operator new(n));
  }
  ~Emptied() {
    for (void* p : held) ::operator delete(p, n);
  }
  size_t n;
  std::vector<void*> held;
};

}  // namespace

TEST_CASE("a freed small block is reused for any size of its 16-byte class", "[alloc]") {
  Emptied e3(40), e4(49);
  void* a = ::operator new(40);
  ::operator delete(a, 40);
  void* b = ::operator new(33);  // 33..48 share a class
  CHECK(b == a);
  ::operator delete(b);  // unsized: the class comes from the block
  void* c = ::operator new(48);
  CHECK(c == a);
  ::operator delete(c, 48);
  void* d = ::operator new(49);  // the next class: not that block
  CHECK(d != a);
  ::operator delete(d, 49);
}

TEST_CASE("the last freed block of a class comes back first, and big blocks bypass the cache", "[alloc]") {
  Emptied e(100);
  std::vector<void*> blocks;
  for (int i = 0; i < 8; ++i) blocks.push_back(::operator new(100));
  for (void* p : blocks) ::operator delete(p, 100);
  for (int i = 7; i >= 0; --i) {
    void* p = ::operator new(100);
    CHECK(p == blocks[static_cast<size_t>(i)]);
  }
  for (void* p : blocks) ::operator delete(p, 100);
  void* big = ::operator new(100000);
  std::memset(big, 1, 100000);
  ::operator delete(big, 100000);
}

TEST_CASE("blocks allocated on one thread and freed on others keep their contents", "[alloc]") {
  // Each thread makes strings of many sizes, hands half to the next thread
  // to check and free, and checks its own after the others have churned.
  constexpr int kThreads = 4, kRounds = 2000;
  std::vector<std::vector<std::string>> handed(kThreads);
  std::vector<int> bad(kThreads, 0);
  auto fill = [](int seed, size_t n) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((seed * 31 + static_cast<int>(i)) & 0x7f);
    return s;
  };
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < kThreads; ++t) {
      pool.emplace_back([&, t] {
        std::mt19937 rng(static_cast<uint32_t>(t));
        std::vector<std::pair<int, std::string>> mine;
        for (int r = 0; r < kRounds; ++r) {
          const size_t n = 16 + rng() % 700;  // across the small classes and past them
          mine.emplace_back(r, fill(r + t * kRounds, n));
          if (mine.size() > 64) mine.erase(mine.begin() + static_cast<long>(rng() % mine.size()));
        }
        for (auto& [r, s] : mine)
          if (s != fill(r + t * kRounds, s.size())) ++bad[static_cast<size_t>(t)];
        for (int i = 0; i < 200; ++i) handed[static_cast<size_t>(t)].push_back(fill(i, 20 + static_cast<size_t>(i)));
      });
    }
    for (auto& th : pool) th.join();
  }
  std::vector<std::thread> checkers;
  for (int t = 0; t < kThreads; ++t) {
    checkers.emplace_back([&, t] {
      auto& v = handed[static_cast<size_t>((t + 1) % kThreads)];
      for (size_t i = 0; i < v.size(); ++i)
        if (v[i] != fill(static_cast<int>(i), 20 + i)) ++bad[static_cast<size_t>(t)];
      v.clear();
      v.shrink_to_fit();  // freed here, allocated on another (now ended) thread
    });
  }
  for (auto& th : checkers) th.join();
  for (int t = 0; t < kThreads; ++t) CHECK(bad[static_cast<size_t>(t)] == 0);
}
