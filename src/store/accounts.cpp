// Reading and writing accounts; see accounts.h.
#include "store/accounts.h"

#include <fmt/format.h>

namespace stroom {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, naam, rol, wachtwoord_hash, leerling_id, actief FROM gebruikers ";

std::vector<std::string> vestigingen_of(Database& db, int64_t id) {
  Statement query = db.prepare("SELECT vestiging_id FROM gebruiker_vestigingen WHERE gebruiker_id = ? ORDER BY vestiging_id");
  query.bind_int(1, id);
  std::vector<std::string> ids;
  while (query.step()) ids.emplace_back(query.column_text(0));
  return ids;
}

std::vector<Account> read_accounts(Database& db, Statement& query) {
  std::vector<Account> accounts;
  while (query.step()) {
    Account a;
    a.id = query.column_int(0);
    a.naam = query.column_text(1);
    a.rol = query.column_text(2);
    a.wachtwoord_hash = query.column_text(3);
    if (!query.column_is_null(4)) a.leerling_id = std::string(query.column_text(4));
    a.actief = query.column_int(5) != 0;
    accounts.push_back(std::move(a));
  }
  for (Account& a : accounts) a.vestigingen = vestigingen_of(db, a.id);
  return accounts;
}

std::optional<Account> first(std::vector<Account> accounts) {
  if (accounts.empty()) return std::nullopt;
  return std::move(accounts.front());
}

bool changed_one_row(Database& db) { return db.changes() == 1; }

}  // namespace

int64_t insert_account(Database& db, const Account& account) {
  if (find_account(db, account.naam))
    throw StoreError(fmt::format("gebruiker '{}' bestaat al", account.naam));
  TransactionUnlessInOne transaction(db);  // inside the caller's, with the audit entry of the change
  Statement insert = db.prepare(
      "INSERT INTO gebruikers (naam, rol, wachtwoord_hash, leerling_id, actief, aangemaakt, gewijzigd) "
      "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind_text(1, account.naam);
  insert.bind_text(2, account.rol);
  insert.bind_text(3, account.wachtwoord_hash);
  if (account.leerling_id) insert.bind_text(4, *account.leerling_id); else insert.bind_null(4);
  insert.bind_int(5, account.actief ? 1 : 0);
  insert.step();
  const int64_t id = db.last_insert_rowid();
  Statement link = db.prepare("INSERT OR IGNORE INTO gebruiker_vestigingen (gebruiker_id, vestiging_id) VALUES (?, ?)");
  for (const std::string& vestiging : account.vestigingen) {
    link.reset();
    link.bind_int(1, id);
    link.bind_text(2, vestiging);
    link.step();
  }
  transaction.commit();
  return id;
}

std::optional<Account> find_account(Database& db, const std::string& naam) {
  Statement query = db.prepare(std::string(kSelect) + "WHERE naam = ?");
  query.bind_text(1, naam);
  return first(read_accounts(db, query));
}

std::optional<Account> find_account_by_id(Database& db, int64_t id) {
  Statement query = db.prepare(std::string(kSelect) + "WHERE id = ?");
  query.bind_int(1, id);
  return first(read_accounts(db, query));
}

std::vector<Account> list_accounts(Database& db) {
  Statement query = db.prepare(std::string(kSelect) + "ORDER BY naam");
  return read_accounts(db, query);
}

bool set_account_active(Database& db, const std::string& naam, bool actief) {
  Statement update = db.prepare(
      "UPDATE gebruikers SET actief = ?, gewijzigd = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE naam = ?");
  update.bind_int(1, actief ? 1 : 0);
  update.bind_text(2, naam);
  update.step();
  return changed_one_row(db);
}

bool set_account_password_hash(Database& db, const std::string& naam, const std::string& hash) {
  Statement update = db.prepare(
      "UPDATE gebruikers SET wachtwoord_hash = ?, gewijzigd = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE naam = ?");
  update.bind_text(1, hash);
  update.bind_text(2, naam);
  update.step();
  return changed_one_row(db);
}

}  // namespace stroom
