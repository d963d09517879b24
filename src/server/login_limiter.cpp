// Login limiting; see login_limiter.h.
#include "server/login_limiter.h"

#include <algorithm>

namespace stroom {
namespace {

std::string pair_key(const std::string& account, const std::string& address) { return account + "\n" + address; }

}  // namespace

int64_t LoginLimiter::wait_for(const std::string& key, int limit, Clock::time_point now) {
  auto found = failures_.find(key);
  if (found == failures_.end()) return 0;
  Failures& times = found->second;
  while (!times.empty() && times.front() + kFailureWindow <= now) times.pop_front();
  if (int(times.size()) < limit) return 0;
  // Allowed again when enough failures have left the window to drop below the limit.
  const auto until = times[times.size() - size_t(limit)] + kFailureWindow;
  return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(until - now).count());
}

int64_t LoginLimiter::retry_after(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  int64_t wait = std::max(wait_for("gebruiker-adres:" + pair_key(account, address), kFailuresPerAccountAndAddress, now),
                          wait_for("adres:" + address, kFailuresPerAddress, now));
  const auto known = known_addresses_.find(pair_key(account, address));
  if (known == known_addresses_.end() || known->second + kFailureWindow <= now)
    wait = std::max(wait, wait_for("gebruiker:" + account, kFailuresPerAccount, now));
  return wait;
}

// A scan each time the maps have doubled since the last one (and hold more than kMaxTrackedKeys):
// a spray of fresh names then costs amortised constant time per failure, not a scan per failure.
void LoginLimiter::prune(Clock::time_point now) {
  if (failures_.size() > prune_failures_at_) {
    std::erase_if(failures_, [now](const auto& entry) {
      return entry.second.empty() || entry.second.back() + kFailureWindow <= now;  // wait_for may have emptied it
    });
    prune_failures_at_ = std::max(kMaxTrackedKeys, 2 * failures_.size());
  }
  if (known_addresses_.size() > prune_known_at_) {
    std::erase_if(known_addresses_, [now](const auto& entry) { return entry.second + kFailureWindow <= now; });
    prune_known_at_ = std::max(kMaxTrackedKeys, 2 * known_addresses_.size());
  }
}

void LoginLimiter::record_failure(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  prune(now);
  failures_["gebruiker-adres:" + pair_key(account, address)].push_back(now);
  failures_["adres:" + address].push_back(now);
  failures_["gebruiker:" + account].push_back(now);
}

void LoginLimiter::record_success(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  prune(now);
  failures_.erase("gebruiker-adres:" + pair_key(account, address));
  known_addresses_[pair_key(account, address)] = now;
}

}  // namespace stroom
