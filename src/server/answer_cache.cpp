// The answer cache; see answer_cache.h.
#include "server/answer_cache.h"

namespace stroom {
namespace {

// Holds a compute slot for as long as it lives, also when the computation throws.
class SlotHeld {
 public:
  explicit SlotHeld(ComputeSlots& slots) : slots_(slots) { slots_.acquire(); }
  ~SlotHeld() { slots_.release(); }
  SlotHeld(const SlotHeld&) = delete;
  SlotHeld& operator=(const SlotHeld&) = delete;

 private:
  ComputeSlots& slots_;
};

}  // namespace

AnswerCache::AnswerCache(AnswerCacheLimits limits, ComputeSlots& slots) : limits_(limits), slots_(slots) {}

std::shared_ptr<const CachedAnswer> AnswerCache::get(const std::string& key, const Compute& compute) {
  std::promise<Answer> promise;
  {
    std::unique_lock lock(mutex_);
    if (auto found = kept_.find(key); found != kept_.end()) {
      recent_.splice(recent_.begin(), recent_, found->second);  // now the most recently used
      return found->second->answer;
    }
    if (auto running = in_flight_.find(key); running != in_flight_.end()) {
      std::shared_future<Answer> waiting = running->second;
      lock.unlock();
      return waiting.get();  // rethrows the computation's exception
    }
    in_flight_.emplace(key, promise.get_future().share());
  }
  Answer answer;
  try {
    SlotHeld slot(slots_);
    answer = std::make_shared<const CachedAnswer>(compute());
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      in_flight_.erase(key);
    }
    promise.set_exception(std::current_exception());
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    in_flight_.erase(key);
    if (answer->status == 200) keep(key, answer);
  }
  promise.set_value(answer);
  return answer;
}

void AnswerCache::keep(const std::string& key, Answer answer) {
  const size_t size = key.size() + answer->full.size() + answer->published.size();
  if (size > limits_.max_bytes || limits_.max_entries == 0) return;  // would push out everything else
  recent_.push_front({key, std::move(answer), size});
  kept_[key] = recent_.begin();
  bytes_ += size;
  while (recent_.size() > limits_.max_entries || bytes_ > limits_.max_bytes) {
    bytes_ -= recent_.back().bytes;
    kept_.erase(recent_.back().key);
    recent_.pop_back();
  }
}

size_t AnswerCache::entries() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

size_t AnswerCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace stroom
