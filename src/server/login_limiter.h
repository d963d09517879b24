// Limits password guessing: after kFailuresPerAccount failed logins for one account, or
// kFailuresPerAddress from one address, within kFailureWindow, further attempts are refused (429)
// without checking the password, until the oldest failure leaves the window. A successful login
// clears the account's failures (not the address's: one right password must not unlock guessing
// at other accounts from the same address).
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace stroom {

inline constexpr int kFailuresPerAccount = 5;
inline constexpr int kFailuresPerAddress = 20;
inline constexpr std::chrono::seconds kFailureWindow{15 * 60};

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Seconds until an attempt is allowed again, or 0 when it is allowed now.
  int64_t retry_after(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_failure(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_success(const std::string& account);

 private:
  using Failures = std::deque<Clock::time_point>;
  int64_t wait_for(const std::string& key, int limit, Clock::time_point now);  // caller holds mutex_

  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;  // keys "gebruiker:<name>" and "adres:<ip>"
};

}  // namespace stroom
