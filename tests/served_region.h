// A generated region imported into a fresh database, one account per role, and a `stroom serve`
// process on a free port: the setting of the API, access and durability tests.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace stroom::test {

// What a logged-in client sends back: the session cookie and the CSRF token.
struct Login {
  std::string cookie;  // "stroom_sessie=…"; empty when not logged in
  std::string csrf;
};

inline constexpr const char* kTestPassword = "een-lang-testwachtwoord";

class ServedRegion {
 public:
  // Accounts: "beheer" (beheerder), "analist", "school-a" and "school-b" (one vestiging each),
  // "commissie", "ouder" (child: pupil_a).
  ServedRegion(int pupils, int seed);
  ~ServedRegion();
  ServedRegion(const ServedRegion&) = delete;
  ServedRegion& operator=(const ServedRegion&) = delete;

  void start_server();
  void kill_server();  // SIGKILL, as a crash would

  Login login(const std::string& naam, const std::string& wachtwoord = kTestPassword) const;
  httplib::Result get(const std::string& path, const Login& who) const;
  // POST with JSON; sends the login's CSRF token unless send_csrf is false.
  httplib::Result post(const std::string& path, const std::string& body, const Login& who, bool send_csrf = true) const;

  const std::string& db() const { return db_; }
  const TempDir& dir() const { return dir_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  std::string vestiging_a, vestiging_b;
  std::string pupil_a;             // enrolled at vestiging_a, never at vestiging_b
  std::string pupil_b;             // enrolled at vestiging_b, never at vestiging_a
  std::string pupil_with_request;  // has a support request, never at vestiging_a
  std::string pupil_bsn;           // a BSN that was imported; pupil_bsn_id is its pseudonym
  std::string pupil_bsn_id;

 private:
  void pick_pupils();
  void add_accounts();

  TempDir dir_;
  std::string db_;
  pid_t pid_ = 0;
  int port_ = 0;
  int server_runs_ = 0;
};

}  // namespace stroom::test
