// The login limiter on its own, with a clock the test moves: limits per account and per address,
// the window sliding open again, success clearing the account, and pruning under a name spray.
#include <gtest/gtest.h>

#include "server/login_limiter.h"

namespace stroom {
namespace {

using Clock = LoginLimiter::Clock;
using std::chrono::seconds;

TEST(LoginLimiter, LimitsAnAccountUntilItsOldestFailureLeavesTheWindow) {
  LoginLimiter limiter;
  const Clock::time_point start{};
  for (int i = 0; i < kFailuresPerAccount; ++i) {
    EXPECT_EQ(limiter.retry_after("anna", "10.0.0.1", start + seconds(i)), 0);
    limiter.record_failure("anna", "10.0.0.1", start + seconds(i));
  }
  EXPECT_EQ(limiter.retry_after("anna", "10.0.0.2", start + seconds(10)), kFailureWindow.count() - 10);
  EXPECT_EQ(limiter.retry_after("bert", "10.0.0.1", start + seconds(10)), 0);  // others are not locked out
  EXPECT_EQ(limiter.retry_after("anna", "10.0.0.1", start + kFailureWindow), 0);
}

TEST(LoginLimiter, SuccessClearsTheAccountButNotTheAddress) {
  LoginLimiter limiter;
  const Clock::time_point now{};
  for (int i = 0; i < kFailuresPerAddress; ++i) limiter.record_failure("naam" + std::to_string(i % 4), "10.0.0.9", now);
  limiter.record_success("naam1");
  EXPECT_GT(limiter.retry_after("naam1", "10.0.0.9", now), 0);  // the address guessed 20 times
  EXPECT_EQ(limiter.retry_after("naam1", "10.0.0.8", now), 0);
  EXPECT_GT(limiter.retry_after("naam2", "10.0.0.8", now), 0);
}

TEST(LoginLimiter, ForgetsOldKeysWhenSprayedWithNames) {
  LoginLimiter limiter;
  const Clock::time_point start{};
  for (int i = 0; i <= 100001; ++i) limiter.record_failure("n" + std::to_string(i), "10.0.0.1", start);
  EXPECT_GT(limiter.retry_after("n1", "10.0.0.1", start), 0);  // also empties the address's list
  const auto later = start + kFailureWindow + seconds(1);
  EXPECT_EQ(limiter.retry_after("n1", "10.0.0.1", later), 0);
  limiter.record_failure("nieuw", "10.0.0.2", later);  // prunes, including lists emptied above
  EXPECT_EQ(limiter.retry_after("n2", "10.0.0.1", later), 0);
  EXPECT_EQ(limiter.retry_after("nieuw", "10.0.0.2", later), 0);
}

}  // namespace
}  // namespace stroom
