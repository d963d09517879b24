// Sessions in the store, with a clock the test moves: the idle timeout and the 8-hour cap, ended
// sessions deleted, only a hash of the token stored, and a session that survives a new store on the
// same database (a restart) unless its account changed meanwhile.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/password_hash.h"
#include "server/authenticator.h"
#include "store/migrations.h"
#include "test_support.h"

namespace stroom {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class SessionStoreTest : public ::testing::Test {
 protected:
  SessionStoreTest() : db_(open_store(dir_ / "s.db")) {
    Account account;
    account.naam = "analist";
    account.rol = "analist";
    account.wachtwoord_hash = hash_password(kPassword);
    account.id = insert_account(*db_, account);
    account_ = *find_account(*db_, "analist");
  }

  SessionStore store(SessionLimits limits = {}) {
    return SessionStore(*db_, mutex_, limits, [this] { return now_; });
  }
  int64_t stored_sessions() { return db_->query_int("SELECT count(*) FROM sessies").value_or(-1); }

  static constexpr const char* kPassword = "een-lang-testwachtwoord";
  test::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::mutex mutex_;
  Account account_;
  SessionClock::time_point now_ = SessionClock::time_point(seconds(1'700'000'000));
};

TEST_F(SessionStoreTest, EndsAfterTheIdleTimeoutAndIsDeleted) {
  SessionStore sessions = store();
  const Session session = sessions.create(*identity_of(account_), account_);
  now_ += minutes(29);
  ASSERT_TRUE(sessions.find(session.token));
  now_ += minutes(29);  // 58 minutes after login, but only 29 after the last request
  ASSERT_TRUE(sessions.find(session.token));
  EXPECT_EQ(stored_sessions(), 1);
  now_ += minutes(30);
  EXPECT_FALSE(sessions.find(session.token));
  EXPECT_EQ(stored_sessions(), 0);
  EXPECT_FALSE(sessions.find(session.token));
}

TEST_F(SessionStoreTest, IdleTimeoutIsConfigurable) {
  SessionStore sessions = store({minutes(5)});
  const Session session = sessions.create(*identity_of(account_), account_);
  now_ += minutes(4);
  ASSERT_TRUE(sessions.find(session.token));
  now_ += minutes(5);
  EXPECT_FALSE(sessions.find(session.token));
}

TEST_F(SessionStoreTest, EndsEightHoursAfterLoginHoweverBusy) {
  SessionStore sessions = store();
  const Session session = sessions.create(*identity_of(account_), account_);
  const auto login = now_;
  while (now_ + minutes(20) < login + kSessionLifetime) {
    now_ += minutes(20);
    ASSERT_TRUE(sessions.find(session.token)) << "after " << (now_ - login).count();
  }
  now_ = login + kSessionLifetime;
  EXPECT_FALSE(sessions.find(session.token));
  EXPECT_EQ(stored_sessions(), 0);
}

TEST_F(SessionStoreTest, SurvivesARestartAndStoresOnlyAHashOfTheToken) {
  Session session;
  {
    SessionStore before = store();
    session = before.create(*identity_of(account_), account_);
    now_ += minutes(10);
    ASSERT_TRUE(before.find(session.token));  // its last use is stored (more than a minute later)
  }
  Statement row = db_->prepare("SELECT * FROM sessies");
  ASSERT_TRUE(row.step());
  for (int column = 0; column < row.column_count(); ++column) {
    EXPECT_EQ(std::string(row.column_text(column)).find(session.token), std::string::npos) << row.column_name(column);
    EXPECT_EQ(std::string(row.column_text(column)).find(session.csrf), std::string::npos) << row.column_name(column);
  }
  now_ += minutes(25);  // 35 minutes after login, 25 after its last use
  SessionStore after = store();
  const auto found = after.find(session.token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf, session.csrf);
  EXPECT_EQ(found->identity.naam, "analist");
  EXPECT_EQ(found->identity.rol, Role::analist);
  EXPECT_FALSE(after.find(session.token + "0"));
  EXPECT_FALSE(after.find(std::string(64, '0')));
  after.remove(session.token);
  EXPECT_EQ(stored_sessions(), 0);
  EXPECT_FALSE(store().find(session.token));
}

TEST_F(SessionStoreTest, ExpiredSessionsAreDeletedWhenTheServerStarts) {
  store().create(*identity_of(account_), account_);
  now_ += minutes(10);
  store().create(*identity_of(account_), account_);
  EXPECT_EQ(stored_sessions(), 2);
  now_ += minutes(35);  // the first is idle for 45 minutes, the second for 35
  store();
  EXPECT_EQ(stored_sessions(), 0);
}

// Through the authenticator: a cookie from before a restart works after it, unless the account's
// password was reset in between.
TEST_F(SessionStoreTest, AuthenticatorKeepsSessionsOverARestartUnlessTheAccountChanged) {
  auto clock = [this] { return now_; };
  const std::string body = nlohmann::json{{"gebruiker", "analist"}, {"wachtwoord", kPassword}}.dump();
  std::string cookie;
  {
    Authenticator before(*db_, mutex_, {}, {}, clock);
    const LoginAnswer answer = before.login(body, {"127.0.0.1", "POST /api/login"});
    ASSERT_EQ(answer.response.status, 200);
    cookie = answer.set_cookie.substr(0, answer.set_cookie.find(';'));
  }
  now_ += minutes(1);
  {
    Authenticator after(*db_, mutex_, {}, {}, clock);
    const auto session = after.session_for(cookie);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->identity.naam, "analist");
  }
  ASSERT_TRUE(set_account_password_hash(*db_, "analist", hash_password("een-ander-wachtwoord")));
  now_ += minutes(1);
  Authenticator reset(*db_, mutex_, {}, {}, clock);
  EXPECT_FALSE(reset.session_for(cookie));
  EXPECT_FALSE(reset.session_for(cookie));
}

}  // namespace
}  // namespace stroom
