// Limits password guessing without letting a guesser lock others out.
//
// Failures are counted per (account, address): after kFailuresPerAccountAndAddress failed logins
// for one account from one address within kFailureWindow, that address gets 429 for that account
// (even with the right password) until the oldest failure leaves the window; the same account
// from any other address is not affected, so an attacker at one address cannot lock the
// beheerder out of their own login. An address is also limited over all accounts
// (kFailuresPerAddress), so one address cannot spray names.
//
// A guesser with many addresses is slowed by a limit per account over all addresses
// (kFailuresPerAccount, far above the per-address one: reaching it takes
// kFailuresPerAccount / kFailuresPerAddress addresses at the least). When it is reached, only
// addresses from which the account logged in successfully within the window keep logging in:
// the legitimate user's usual address, never the guessers'. A success clears the failures of
// that (account, address), not the address's total: one right password must not unlock guessing
// at other accounts from the same address. See docs/privacy.md.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace stroom {

inline constexpr int kFailuresPerAccountAndAddress = 5;
inline constexpr int kFailuresPerAddress = 20;
inline constexpr int kFailuresPerAccount = 100;
inline constexpr std::chrono::seconds kFailureWindow{15 * 60};

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Seconds until an attempt is allowed again, or 0 when it is allowed now.
  int64_t retry_after(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_failure(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_success(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());

 private:
  using Failures = std::deque<Clock::time_point>;
  int64_t wait_for(const std::string& key, int limit, Clock::time_point now);  // caller holds mutex_
  void prune(Clock::time_point now);                                            // caller holds mutex_

  std::mutex mutex_;
  // Keys "gebruiker-adres:<name>\n<ip>", "adres:<ip>" and "gebruiker:<name>".
  std::unordered_map<std::string, Failures> failures_;
  // "<name>\n<ip>" -> the last successful login of that account from that address.
  std::unordered_map<std::string, Clock::time_point> known_addresses_;
  static constexpr size_t kMaxTrackedKeys = 100000;  // kept before expired keys are dropped
  size_t prune_failures_at_ = kMaxTrackedKeys;
  size_t prune_known_at_ = kMaxTrackedKeys;
};

}  // namespace stroom
