// The login limiter on its own, with a clock the test moves: limits per account and address, per
// address and per account everywhere, the window sliding open again, success clearing the pair,
// guessers at other addresses never locking out a known address, and pruning under a name spray.
#include <gtest/gtest.h>

#include "server/login_limiter.h"

namespace stroom {
namespace {

using Clock = LoginLimiter::Clock;
using std::chrono::seconds;

TEST(LoginLimiter, LimitsAnAccountAtOneAddressUntilItsOldestFailureLeavesTheWindow) {
  LoginLimiter limiter;
  const Clock::time_point start{};
  for (int i = 0; i < kFailuresPerAccountAndAddress; ++i) {
    EXPECT_EQ(limiter.retry_after("anna", "10.0.0.1", start + seconds(i)), 0);
    limiter.record_failure("anna", "10.0.0.1", start + seconds(i));
  }
  EXPECT_EQ(limiter.retry_after("anna", "10.0.0.1", start + seconds(10)), kFailureWindow.count() - 10);
  EXPECT_EQ(limiter.retry_after("anna", "10.0.0.2", start + seconds(10)), 0);  // the account elsewhere is not locked
  EXPECT_EQ(limiter.retry_after("bert", "10.0.0.1", start + seconds(10)), 0);  // nor other accounts at the address
  EXPECT_EQ(limiter.retry_after("anna", "10.0.0.1", start + kFailureWindow), 0);
}

TEST(LoginLimiter, SuccessClearsThePairButNotTheAddress) {
  LoginLimiter limiter;
  const Clock::time_point now{};
  for (int i = 0; i < kFailuresPerAddress; ++i) limiter.record_failure("naam" + std::to_string(i % 4), "10.0.0.9", now);
  limiter.record_success("naam1", "10.0.0.9", now);
  EXPECT_GT(limiter.retry_after("naam1", "10.0.0.9", now), 0);  // the address guessed 20 times
  EXPECT_EQ(limiter.retry_after("naam1", "10.0.0.8", now), 0);
  EXPECT_EQ(limiter.retry_after("naam2", "10.0.0.8", now), 0);  // naam2's 5 failures were at 10.0.0.9
  limiter.record_failure("naam2", "10.0.0.8", now);
  for (int i = 1; i < kFailuresPerAccountAndAddress; ++i) limiter.record_failure("naam2", "10.0.0.8", now);
  EXPECT_GT(limiter.retry_after("naam2", "10.0.0.8", now), 0);
  limiter.record_success("naam2", "10.0.0.8", now);
  EXPECT_EQ(limiter.retry_after("naam2", "10.0.0.8", now), 0);
}

TEST(LoginLimiter, AttackersAtOneAddressCannotLockTheBeheerderOut) {
  LoginLimiter limiter;
  const Clock::time_point now{};
  for (int i = 0; i < 50; ++i) {  // an attacker keeps trying, mostly refused
    if (limiter.retry_after("beheer", "203.0.113.5", now + seconds(i)) == 0) limiter.record_failure("beheer", "203.0.113.5", now + seconds(i));
  }
  EXPECT_GT(limiter.retry_after("beheer", "203.0.113.5", now + seconds(60)), 0);
  EXPECT_EQ(limiter.retry_after("beheer", "192.168.1.10", now + seconds(60)), 0);
}

TEST(LoginLimiter, ManyAddressesAreSlowedPerAccountButAKnownAddressStillLogsIn) {
  LoginLimiter limiter;
  const Clock::time_point start{};
  limiter.record_success("beheer", "192.168.1.10", start);  // the beheerder's usual address
  const auto attack = start + seconds(60);
  int refused = 0;
  for (int i = 0; i < 3 * kFailuresPerAccount; ++i) {  // one guess from each of many addresses
    const std::string address = "198.51." + std::to_string(i / 250) + "." + std::to_string(i % 250);
    if (limiter.retry_after("beheer", address, attack) > 0) {
      ++refused;
    } else {
      limiter.record_failure("beheer", address, attack);
    }
  }
  EXPECT_EQ(refused, 2 * kFailuresPerAccount);  // after kFailuresPerAccount guesses everywhere
  EXPECT_GT(limiter.retry_after("beheer", "198.51.200.1", attack), 0);  // a new address waits too
  EXPECT_EQ(limiter.retry_after("beheer", "192.168.1.10", attack), 0);  // the known address does not
  EXPECT_EQ(limiter.retry_after("anna", "198.51.200.1", attack), 0);    // other accounts are untouched
  // A success long ago does not count as known.
  EXPECT_GT(limiter.retry_after("beheer", "192.168.1.10", start + kFailureWindow + seconds(1)), 0);
  EXPECT_EQ(limiter.retry_after("beheer", "198.51.200.1", attack + kFailureWindow), 0);
}

TEST(LoginLimiter, ForgetsOldKeysWhenSprayedWithNames) {
  LoginLimiter limiter;
  const Clock::time_point start{};
  for (int i = 0; i <= 100001; ++i) limiter.record_failure("n" + std::to_string(i), "10.0.0.1", start);
  EXPECT_GT(limiter.retry_after("n1", "10.0.0.1", start), 0);  // also empties the address's list
  const auto later = start + kFailureWindow + seconds(1);
  EXPECT_EQ(limiter.retry_after("n1", "10.0.0.1", later), 0);
  limiter.record_failure("nieuw", "10.0.0.2", later);
  EXPECT_EQ(limiter.retry_after("n2", "10.0.0.1", later), 0);
  EXPECT_EQ(limiter.retry_after("nieuw", "10.0.0.2", later), 0);
}

}  // namespace
}  // namespace stroom
