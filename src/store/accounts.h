// User accounts: name, role, password hash, and what a role is tied to (a school user's
// vestigingen, an ouder's child). Only the argon2id hash of a password is stored; hashing itself
// lives in accounts/password_hash.h. Roles are stored as their Dutch names (accounts/role.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace stroom {

struct Account {
  int64_t id = 0;
  std::string naam;
  std::string rol;
  std::string wachtwoord_hash;
  std::vector<std::string> vestigingen;   // school: the vestigingen whose pupils it may read
  std::optional<std::string> leerling_id;  // ouder: the one child it may read
  bool actief = true;
};

// Inserts the account (id is assigned); throws StoreError when the name is taken.
int64_t insert_account(Database& db, const Account& account);
std::optional<Account> find_account(Database& db, const std::string& naam);
std::optional<Account> find_account_by_id(Database& db, int64_t id);
std::vector<Account> list_accounts(Database& db);
// Both return false when no account has that name.
bool set_account_active(Database& db, const std::string& naam, bool actief);
bool set_account_password_hash(Database& db, const std::string& naam, const std::string& hash);

}  // namespace stroom
