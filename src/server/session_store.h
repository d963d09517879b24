// Logged-in sessions, kept in the store (table `sessies`) so that a restart of the server does not
// log anyone out. A session is found by a random 256-bit token in an HttpOnly cookie; the store
// keeps only a BLAKE2b hash of that token, so whoever reads the database (or a backup) cannot act
// as a logged-in user. The CSRF token is derived from the cookie token (a keyed BLAKE2b), so it
// needs no storage and survives a restart with the session.
//
// A session ends after SessionLimits::idle without a request (30 minutes by default) and in any
// case SessionLimits::lifetime after login (8 hours); ended sessions are deleted.
//
// While the server runs, the sessions it has seen are also kept in memory, so a request costs no
// database read; the store is read when a token is not in memory (after a restart). The time of
// last use is written back at most every kTouchInterval, so after a restart a session may end up
// to that much earlier than it would have; never later.
//
// A session caches who the user is. Because `stroom user disable|reset` runs in another process,
// the server re-reads the account at most kRecheckInterval after the last check and ends the
// session when the account was disabled, its role or scope changed or its password was reset
// (account_state compares all of these).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "accounts/role.h"
#include "store/accounts.h"
#include "store/database.h"

namespace stroom {

// Who is asking: the account behind a session.
struct Identity {
  int64_t account_id = 0;
  std::string naam;
  Role rol = Role::ouder;
  std::vector<std::string> vestigingen;
  std::optional<std::string> leerling_id;
};

using SessionClock = std::chrono::system_clock;  // wall time: it must mean the same after a restart

struct Session {
  std::string token;
  std::string csrf;
  Identity identity;
  std::string account_state;  // account_state() at login; any change ends the session
  SessionClock::time_point created;
  SessionClock::time_point last_used;
  SessionClock::time_point checked;  // last recheck of the account
};

inline constexpr std::chrono::minutes kDefaultSessionIdle{30};
inline constexpr std::chrono::seconds kSessionLifetime{8 * 3600};
inline constexpr std::chrono::seconds kRecheckInterval{5};
inline constexpr std::chrono::seconds kTouchInterval{60};

struct SessionLimits {
  std::chrono::seconds idle = kDefaultSessionIdle;
  std::chrono::seconds lifetime = kSessionLifetime;
};

// Identity of an account, or nullopt when its stored role is unknown.
std::optional<Identity> identity_of(const Account& account);
// A fingerprint of what a session depends on: password hash, role, vestigingen, child.
std::string account_state(const Account& account);

class SessionStore {
 public:
  using Now = std::function<SessionClock::time_point()>;

  // db is the server's connection, guarded by db_mutex (taken here whenever db is used; callers
  // must not hold it). now is the clock; tests pass one they move.
  SessionStore(Database& db, std::mutex& db_mutex, SessionLimits limits = {}, Now now = SessionClock::now);

  Session create(const Identity& identity, const Account& account);
  // The live session for a token, its last use set to now; ended sessions are deleted.
  std::optional<Session> find(const std::string& token);
  void mark_checked(const std::string& token);
  void remove(const std::string& token);
  SessionClock::time_point now() const { return now_(); }

 private:
  struct Kept {
    Session session;
    SessionClock::time_point stored_use;  // laatst_gebruikt as last written to the store
  };
  bool alive(const Session& session, SessionClock::time_point now) const;
  // These need db_mutex_ held by the caller. store_use() is write_row() without waiting for a
  // lock held by another process: false when it was skipped (the next request tries again).
  std::optional<Kept> load(const std::string& token, const std::string& key);
  void write_row(const std::string& key, const Session& session);
  bool store_use(const std::string& key, const Session& session);
  void delete_ended(SessionClock::time_point now);

  Database& db_;
  std::mutex& db_mutex_;
  const SessionLimits limits_;
  const Now now_;
  std::mutex mutex_;  // guards sessions_; taken after db_mutex_ when both are needed, never before
  std::unordered_map<std::string, Kept> sessions_;  // by token hash
};

// A fresh random token of 64 hex digits.
std::string random_token();
// Compares two tokens in constant time.
bool tokens_equal(const std::string& a, const std::string& b);

}  // namespace stroom
