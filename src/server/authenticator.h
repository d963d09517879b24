// Logging in and out, and finding the session behind a request (POST /api/login, POST
// /api/logout, GET /api/sessie, and every other endpoint through api_server.cpp's guard).
//
// The session token travels only in an HttpOnly, SameSite=Strict cookie, so page scripts cannot
// read it and other sites cannot make the browser send it. The CSRF token is returned in the JSON
// body instead; the app echoes it in X-CSRF-Token on every state-changing request.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "server/api_response.h"
#include "server/login_limiter.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

inline constexpr std::string_view kSessionCookie = "stroom_sessie";

struct LoginAnswer {
  ApiResponse response;
  std::string set_cookie;    // the Set-Cookie header value, on success
  int64_t retry_after = 0;   // seconds, on 429
};

class Authenticator {
 public:
  // db is shared with the server's other handlers; db_mutex guards it. limits and now go to the
  // session store (session_store.h); tests pass a clock they move.
  Authenticator(Database& db, std::mutex& db_mutex, std::function<void(const std::string&)> log,
                SessionLimits limits = {}, SessionStore::Now now = SessionClock::now);

  LoginAnswer login(const std::string& request_body, const RequestOrigin& origin);
  // The session named by a request's Cookie header; nullopt when none, expired, or its account
  // was disabled, reset or changed role since.
  std::optional<Session> session_for(const std::string& cookie_header);
  // Ends the session; returns the Set-Cookie value that clears the cookie.
  std::string logout(const Session& session);

  static nlohmann::ordered_json session_json(const Session& session);

 private:
  bool still_valid(const Session& session);

  Database& db_;
  std::mutex& db_mutex_;
  std::function<void(const std::string&)> log_;
  SessionStore sessions_;
  LoginLimiter limiter_;
  std::string decoy_hash_;  // verified for unknown names, so timing does not reveal which names exist
};

// The value of one cookie in a Cookie header, or empty.
std::string cookie_value(const std::string& cookie_header, std::string_view name);

}  // namespace stroom
