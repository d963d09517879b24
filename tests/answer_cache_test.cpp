// The answer cache on its own: least recently used out (by entries and by bytes), failed
// computations not kept, one computation for concurrent requests, and the bound on computations
// running at once, shared by caches.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "server/answer_cache.h"

namespace stroom {
namespace {

CachedAnswer ok(const std::string& text) { return {200, text, text}; }

// A cache whose computations are counted per call.
struct Counted {
  explicit Counted(AnswerCacheLimits limits = {}) : cache(limits, slots) {}
  std::string get(const std::string& key) {
    return cache.get(key, [&] { ++calls; return ok("antwoord " + key); })->full;
  }
  ComputeSlots slots{2};
  AnswerCache cache;
  int calls = 0;
};

TEST(AnswerCache, KeepsAnswersAndDropsTheLeastRecentlyUsedEntry) {
  Counted c({2, size_t(1) << 20});
  EXPECT_EQ(c.get("a"), "antwoord a");
  c.get("b");
  c.get("a");  // a is now more recent than b
  EXPECT_EQ(c.calls, 2);
  c.get("c");  // pushes out b
  EXPECT_EQ(c.cache.entries(), 2u);
  c.get("a");
  c.get("c");
  EXPECT_EQ(c.calls, 3);
  c.get("b");
  EXPECT_EQ(c.calls, 4);
}

TEST(AnswerCache, IsBoundedByBytes) {
  // Each answer: key (1) + full (10) + published (10) = 21 bytes; 50 bytes hold two of them.
  Counted c({100, 50});
  for (const char* key : {"a", "b", "c"}) c.get(key);
  EXPECT_EQ(c.cache.entries(), 2u);
  EXPECT_LE(c.cache.bytes(), 50u);
  c.get("a");  // the oldest went
  EXPECT_EQ(c.calls, 4);
  Counted tiny({100, 10});  // an answer larger than the whole cache is not kept at all
  tiny.get("a");
  tiny.get("a");
  EXPECT_EQ(tiny.calls, 2);
  EXPECT_EQ(tiny.cache.entries(), 0u);
}

TEST(AnswerCache, NeverKeepsAFailedComputation) {
  ComputeSlots slots(2);
  AnswerCache cache({}, slots);
  int calls = 0;
  auto failing = [&] { ++calls; return CachedAnswer{400, "{\"fout\":\"x\"}", "{\"fout\":\"x\"}"}; };
  EXPECT_EQ(cache.get("bad", failing)->status, 400);
  EXPECT_EQ(cache.get("bad", failing)->status, 400);
  EXPECT_EQ(calls, 2);
  auto throwing = [&]() -> CachedAnswer { ++calls; throw std::runtime_error("kapot"); };
  EXPECT_THROW(cache.get("throws", throwing), std::runtime_error);
  EXPECT_THROW(cache.get("throws", throwing), std::runtime_error);
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(cache.entries(), 0u);
  // Once it works, it is kept.
  EXPECT_EQ(cache.get("throws", [&] { ++calls; return ok("goed"); })->full, "goed");
  EXPECT_EQ(cache.get("throws", [&] { ++calls; return ok("anders"); })->full, "goed");
  EXPECT_EQ(calls, 5);
  // The slots were given back after the exceptions: both can be taken.
  EXPECT_TRUE(slots.try_acquire());
  EXPECT_TRUE(slots.try_acquire());
}

TEST(AnswerCache, ConcurrentRequestsWaitForOneComputation) {
  ComputeSlots slots(2);
  AnswerCache cache({}, slots);
  constexpr int kThreads = 8;
  std::atomic<int> calls = 0, arrived = 0;
  std::atomic<bool> open = false;
  std::vector<std::shared_ptr<const CachedAnswer>> answers(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      ++arrived;
      answers[t] = cache.get("k", [&] {
        ++calls;
        while (!open) std::this_thread::sleep_for(std::chrono::milliseconds(1));  // held until all have asked
        return ok("een keer");
      });
    });
  while (arrived < kThreads) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let them reach get()
  open = true;
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(calls, 1);
  for (const auto& answer : answers) EXPECT_EQ(answer, answers[0]);  // the very same answer
}

TEST(AnswerCache, BoundsComputationsRunningAtOnceAcrossCaches) {
  ComputeSlots slots(2);
  AnswerCache old_snapshot({}, slots), new_snapshot({}, slots);  // as during a swap
  std::atomic<int> running = 0, most = 0, done = 0;
  auto compute = [&] {
    const int now = ++running;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    --running;
    ++done;
    return ok("x");
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 20; ++t)
    threads.emplace_back([&, t] { (t % 2 ? old_snapshot : new_snapshot).get("datum-" + std::to_string(t), compute); });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(done, 20);
  EXPECT_LE(most, 2);
  EXPECT_GE(most, 1);
}

}  // namespace
}  // namespace stroom
