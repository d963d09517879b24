// Account administration; see account_admin.h. Each change and its audit entry are written in one
// transaction: no change without its entry, no entry for a change that did not happen.
#include "accounts/account_admin.h"

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "accounts/password_hash.h"
#include "accounts/role.h"
#include "ingest/bsn.h"
#include "store/audit_log.h"
#include "store/pseudonym_key.h"
#include "store/pupil_records.h"

namespace stroom {
namespace {

constexpr size_t kMaxNameLength = 200;

void check_name(const std::string& naam) {
  if (naam.empty() || naam.size() > kMaxNameLength || naam.find_first_of(" \t\r\n;") != std::string::npos)
    throw AccountError(fmt::format("gebruikersnaam '{}' is leeg, te lang of bevat spaties of ';'", naam));
}

void check_password(const std::string& wachtwoord) {
  if (auto problem = password_problem(wachtwoord)) throw AccountError(*problem);
}

bool vestiging_known(Database& db, const std::string& id) {
  Statement query = db.prepare("SELECT 1 FROM vestigingen WHERE vestiging_id = ?");
  query.bind_text(1, id);
  return query.step();
}

// The child's stored id: a personal number becomes its pseudonym as the import makes it (a BSN,
// an onderwijsnummer, a BSN without its leading zero); anything else is taken as a pupil id.
std::string child_id(Database& db, const std::string& leerling) {
  if (auto number = personal_number(leerling)) return BsnPseudonymiser(load_or_create_pseudonym_key(db))(number->digits);
  if (looks_like_bsn(leerling))
    throw AccountError("--leerling: dit BSN voldoet niet aan de elfproef (en is ook geen onderwijsnummer)");
  return leerling;
}

void check_scope(Database& db, Role role, const NewAccount& account) {
  if (role == Role::school && account.vestigingen.empty())
    throw AccountError("een schoolaccount heeft minstens één --vestiging nodig");
  if (role != Role::school && !account.vestigingen.empty())
    throw AccountError(fmt::format("--vestiging hoort alleen bij de rol school, niet bij {}", role_name(role)));
  if (role == Role::ouder && account.leerling.empty()) throw AccountError("een ouderaccount heeft --leerling nodig");
  if (role != Role::ouder && !account.leerling.empty())
    throw AccountError(fmt::format("--leerling hoort alleen bij de rol ouder, niet bij {}", role_name(role)));
  for (const std::string& id : account.vestigingen)
    if (!vestiging_known(db, id)) throw AccountError(fmt::format("vestiging '{}' komt niet voor in de gegevens", id));
}

void audit_change(Database& db, const std::string& actor, const char* actie, const std::string& naam,
                  const std::string& leerling_id = {}) {
  append_audit(db, {{0, {}, actor, "beheerder", actie, leerling_id, "stroom user", "gebruiker " + naam, {}}});
}

}  // namespace

std::vector<std::string> add_user(Database& db, const NewAccount& account, const std::string& actor) {
  check_name(account.naam);
  const auto role = parse_role(account.rol);
  if (!role) throw AccountError(fmt::format("onbekende rol '{}' (kies uit {})", account.rol, kRoleNames));
  check_scope(db, *role, account);
  check_password(account.wachtwoord);
  if (find_account(db, account.naam)) throw AccountError(fmt::format("gebruiker '{}' bestaat al", account.naam));
  std::vector<std::string> warnings;
  Account stored{0, account.naam, account.rol, hash_password(account.wachtwoord), account.vestigingen, std::nullopt, true};
  if (!account.leerling.empty()) {
    stored.leerling_id = child_id(db, account.leerling);
    if (!read_pupil_records(db, *stored.leerling_id))
      warnings.push_back(fmt::format("leerling {} komt (nog) niet voor in de gegevens", *stored.leerling_id));
  }
  Transaction transaction(db);  // the account and its audit entry commit together, or neither
  insert_account(db, stored);
  audit_change(db, actor, "gebruiker-toegevoegd", account.naam, stored.leerling_id.value_or(""));
  transaction.commit();
  return warnings;
}

void set_user_active(Database& db, const std::string& naam, bool actief, const std::string& actor) {
  Transaction transaction(db);
  if (!set_account_active(db, naam, actief)) throw AccountError(fmt::format("gebruiker '{}' bestaat niet", naam));
  audit_change(db, actor, actief ? "gebruiker-geactiveerd" : "gebruiker-geblokkeerd", naam);
  transaction.commit();
}

void reset_user_password(Database& db, const std::string& naam, const std::string& wachtwoord, const std::string& actor) {
  check_password(wachtwoord);
  const std::string hash = hash_password(wachtwoord);  // slow on purpose: before the write lock
  Transaction transaction(db);
  if (!set_account_password_hash(db, naam, hash)) throw AccountError(fmt::format("gebruiker '{}' bestaat niet", naam));
  audit_change(db, actor, "wachtwoord-gewijzigd", naam);
  transaction.commit();
}

std::string command_actor() {
  const passwd* user = getpwuid(geteuid());
  return std::string("cli:") + (user && user->pw_name ? user->pw_name : std::to_string(geteuid()));
}

}  // namespace stroom
