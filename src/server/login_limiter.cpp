// Login limiting; see login_limiter.h.
#include "server/login_limiter.h"

#include <algorithm>

namespace stroom {
namespace {

constexpr size_t kMaxTrackedKeys = 100000;  // bounds memory under a spray of names or addresses

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
  return std::max(wait_for("gebruiker:" + account, kFailuresPerAccount, now),
                  wait_for("adres:" + address, kFailuresPerAddress, now));
}

void LoginLimiter::record_failure(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() > kMaxTrackedKeys)
    std::erase_if(failures_, [now](const auto& entry) {
      return entry.second.empty() || entry.second.back() + kFailureWindow <= now;  // wait_for may have emptied it
    });
  failures_["gebruiker:" + account].push_back(now);
  failures_["adres:" + address].push_back(now);
}

void LoginLimiter::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  failures_.erase("gebruiker:" + account);
}

}  // namespace stroom
