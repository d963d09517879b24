// The server's cache of measure answers: one per model snapshot (model_snapshot.h), so replacing
// the snapshot drops every answer computed on the old data at once.
//
// - Single flight: concurrent requests for an answer that is being computed wait for that one
//   computation instead of repeating it.
// - Only successful answers (status 200) are kept. An error answer or an exception goes to the
//   requests that waited for that computation and is then forgotten, so the next request computes
//   again; and requests with ever-new bad parameters cannot fill the cache.
// - Bounded by entries and by bytes; the least recently used answer goes first.
// - Computations of uncached answers take a slot of a ComputeSlots shared by every cache of the
//   server (old and new snapshot alike), so a burst of requests for many different answers runs
//   only as many computations at once as there are slots and the rest wait.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <unordered_map>

namespace stroom {

// One measure answer, serialised once.
struct CachedAnswer {
  int status = 200;
  std::string full;       // JSON, for roles that see small counts
  std::string published;  // the same with counts 1-4 suppressed, for everyone else
};

// How many uncached computations may run at once, server-wide.
using ComputeSlots = std::counting_semaphore<>;

struct AnswerCacheLimits {
  size_t max_entries = 16384;
  size_t max_bytes = size_t(128) << 20;  // of answer text (full + published)
};

class AnswerCache {
 public:
  using Compute = std::function<CachedAnswer()>;

  AnswerCache(AnswerCacheLimits limits, ComputeSlots& slots);
  AnswerCache(const AnswerCache&) = delete;
  AnswerCache& operator=(const AnswerCache&) = delete;

  // The answer for key: a kept one, the one being computed (waited for), or compute() run now in
  // a free slot. An exception from compute() reaches every request that waited for it.
  std::shared_ptr<const CachedAnswer> get(const std::string& key, const Compute& compute);

  size_t entries() const;
  size_t bytes() const;

 private:
  using Answer = std::shared_ptr<const CachedAnswer>;
  struct Kept {
    std::string key;
    Answer answer;
    size_t bytes;
  };
  void keep(const std::string& key, Answer answer);  // caller holds mutex_

  const AnswerCacheLimits limits_;
  ComputeSlots& slots_;
  mutable std::mutex mutex_;
  std::list<Kept> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Kept>::iterator> kept_;
  std::unordered_map<std::string, std::shared_future<Answer>> in_flight_;
  size_t bytes_ = 0;
};

}  // namespace stroom
