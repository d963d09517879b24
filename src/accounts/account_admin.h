// Managing accounts (`stroom user add|list|disable|enable|reset`): the rules a valid account
// follows, password hashing, and an audit entry for every change. The CLI only parses arguments.
//
// Rules: a school account names at least one known vestiging; an ouder account names exactly one
// child (a pupil id, or a BSN that is pseudonymised here with the installation key and never
// stored); other roles name neither, because their reach does not depend on a school or a child.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/accounts.h"
#include "store/database.h"

namespace stroom {

class AccountError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NewAccount {
  std::string naam;
  std::string rol;
  std::vector<std::string> vestigingen;
  std::string leerling;  // pupil id or BSN; empty when none
  std::string wachtwoord;
};

// Adds the account; returns warnings (e.g. a child not (yet) in the data). Throws AccountError.
std::vector<std::string> add_user(Database& db, const NewAccount& account, const std::string& actor);
void set_user_active(Database& db, const std::string& naam, bool actief, const std::string& actor);
void reset_user_password(Database& db, const std::string& naam, const std::string& wachtwoord, const std::string& actor);

// The name commands write in the audit log: "cli:" and the operating-system user.
std::string command_actor();

}  // namespace stroom
