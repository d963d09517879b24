// The "Mijn kind" endpoints; see parent_api.h.
#include "server/parent_api.h"

#include <map>

#include <fmt/format.h>

#include "server/audit_event.h"
#include "server/pupil_api.h"
#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/pupil_records.h"
#include "store/swv_contact.h"

namespace stroom {
namespace {

// The most recent entries shown; older ones stay in the log (the SWV answers a request for all).
constexpr int64_t kAccessLogLimit = 500;

ApiResponse no_child() {
  return api_error(404, "aan dit account is geen kind gekoppeld; neem contact op met het samenwerkingsverband");
}

// What was done, as a parent reads it.
std::string action_text(const std::string& actie) {
  static const std::map<std::string, std::string, std::less<>> texts = {
      {"lezen", "bekeek de gegevens van uw kind"},
      {"lezen-lijst", "zag uw kind in een lijst van leerlingen"},
      {"zoeken-bsn", "zocht uw kind op met het burgerservicenummer"},
      {"geweigerd", "probeerde de gegevens van uw kind te bekijken; dat werd geweigerd"},
      {"logboek-inzien", "bekeek het logboek over uw kind"},
      {"inzage-logboek", "bekeek dit overzicht"},
      {"gebruiker-toegevoegd", "maakte uw ouderaccount aan"},
      {"gebruiker-geblokkeerd", "blokkeerde uw ouderaccount"},
      {"gebruiker-geactiveerd", "activeerde uw ouderaccount"},
      {"wachtwoord-gewijzigd", "stelde een nieuw wachtwoord in voor uw ouderaccount"},
  };
  auto found = texts.find(actie);
  return found != texts.end() ? found->second : "deed iets met de gegevens van uw kind (" + actie + ")";
}

// "school (De Regenboog)", "samenwerkingsverband (beheerder)": who, without a person's name.
class Organisations {
 public:
  explicit Organisations(Database& db) : db_(db) {
    const RecordRows names = vestiging_names(db);
    for (const auto& row : names.rows)
      if (row[0] && row[1]) vestigingen_[*row[0]] = *row[1];
  }

  std::string of(const AuditEntry& entry) {
    if (entry.gebruiker.rfind("cli:", 0) == 0) return "samenwerkingsverband (beheerder, op de server)";
    if (entry.rol == "beheerder") return "samenwerkingsverband (beheerder)";
    if (entry.rol == "commissie") return "samenwerkingsverband (commissie van toewijzing)";
    if (entry.rol == "analist") return "samenwerkingsverband (analist)";
    if (entry.rol == "ouder") return "ouder";
    if (entry.rol == "school") return "school (" + schools_of(entry.gebruiker) + ")";
    return entry.rol;
  }

 private:
  std::string schools_of(const std::string& account) {
    auto cached = schools_.find(account);
    if (cached != schools_.end()) return cached->second;
    std::string text;
    if (auto found = find_account(db_, account))
      for (const std::string& id : found->vestigingen) {
        if (!text.empty()) text += ", ";
        auto name = vestigingen_.find(id);
        text += name != vestigingen_.end() ? name->second : "vestiging " + id;
      }
    if (text.empty()) text = "vestiging onbekend";
    return schools_[account] = text;
  }

  Database& db_;
  std::map<std::string, std::string> vestigingen_;
  std::map<std::string, std::string> schools_;
};

void erase_column(nlohmann::ordered_json& rows, const char* column) {
  for (auto& row : rows) row.erase(column);
}

}  // namespace

ApiResponse child_record_response(Database& db, const Identity& who, const RequestOrigin& origin) {
  if (who.rol != Role::ouder || !who.leerling_id) return no_child();
  ApiResponse answer = pupil_timeline_response(db, who, origin, *who.leerling_id);
  if (answer.status != 200) return answer;
  // The same record, read and audited the same way, without the ids a parent has no use for.
  answer.body.erase("leerling_id");
  erase_column(answer.body["ondersteuning"], "besluit_id");
  erase_column(answer.body["verzuim"], "melding_id");
  return answer;
}

ApiResponse child_access_response(Database& db, const Identity& who, const RequestOrigin& origin) {
  if (who.rol != Role::ouder || !who.leerling_id) return no_child();
  const bool names = staff_names_shown_to_parents(db);
  Organisations organisations(db);
  auto list = nlohmann::ordered_json::array();
  AuditFilter filter{*who.leerling_id, "", kAccessLogLimit};
  for (const AuditEntry& entry : read_audit(db, filter)) {
    if (entry.gebruiker == who.naam) continue;  // the parent's own visits
    nlohmann::ordered_json item = {{"tijdstip", entry.tijdstip}, {"wie", organisations.of(entry)},
                                   {"wat", action_text(entry.actie)}};
    if (names && entry.gebruiker.rfind("cli:", 0) != 0) item["naam"] = entry.gebruiker;
    list.push_back(std::move(item));
  }
  append_audit(db, {audit_event(who, origin, "inzage-logboek", *who.leerling_id)});
  return {200, {{"regels", std::move(list)}, {"maximaal", kAccessLogLimit}, {"namen_getoond", names}}};
}

ApiResponse contact_response(Database& db) {
  const SwvContact contact = read_swv_contact(db);
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  for (const ContactField& field : contact_fields())
    if (!(contact.*field.member).empty()) body[field.name] = contact.*field.member;
  return {200, std::move(body)};
}

}  // namespace stroom
