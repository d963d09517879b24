// Logged-in sessions, kept in the server's memory: a restart logs everyone out, which is the safe
// default. A session is found by a random 256-bit token in an HttpOnly cookie, carries a second
// random token for CSRF protection, and expires a fixed time after login.
//
// A session caches who the user is. Because `stroom user disable|reset` runs in another process,
// the server re-reads the account at most kRecheckInterval after the last check and ends the
// session when the account was disabled, its role changed or its password was reset.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/role.h"
#include "store/accounts.h"

namespace stroom {

// Who is asking: the account behind a session.
struct Identity {
  int64_t account_id = 0;
  std::string naam;
  Role rol = Role::ouder;
  std::vector<std::string> vestigingen;
  std::optional<std::string> leerling_id;
};

struct Session {
  std::string token;
  std::string csrf;
  Identity identity;
  std::string password_hash;  // as at login; a reset ends the session
  std::chrono::steady_clock::time_point expires;
  std::chrono::steady_clock::time_point checked;
};

inline constexpr std::chrono::seconds kSessionLifetime{8 * 3600};
inline constexpr std::chrono::seconds kRecheckInterval{5};

// Identity of an account, or nullopt when its stored role is unknown.
std::optional<Identity> identity_of(const Account& account);

class SessionStore {
 public:
  Session create(const Identity& identity, const std::string& password_hash);
  // The live session for a token; expired sessions are dropped.
  std::optional<Session> find(const std::string& token);
  void mark_checked(const std::string& token);
  void remove(const std::string& token);

 private:
  void drop_expired();  // caller holds mutex_

  std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

// A fresh random token of 64 hex digits.
std::string random_token();
// Compares two tokens in constant time.
bool tokens_equal(const std::string& a, const std::string& b);

}  // namespace stroom
