// Personal-data endpoints; see pupil_api.h.
#include "server/pupil_api.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "model/trim.h"
#include "server/audit_event.h"
#include "store/pupil_records.h"

namespace stroom {
namespace {

constexpr size_t kMaxReasonLength = 500;

nlohmann::ordered_json rows_json(const RecordRows& records) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& row : records.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t c = 0; c < row.size(); ++c)
      object[records.columns[c]] = row[c] ? nlohmann::ordered_json(*row[c]) : nlohmann::ordered_json(nullptr);
    list.push_back(std::move(object));
  }
  return list;
}

ApiResponse refused(Database& db, const Identity& who, const RequestOrigin& origin, const std::string& leerling_id) {
  append_audit(db, {audit_event(who, origin, "geweigerd", leerling_id)});
  return api_error(403, "u hebt geen toegang tot deze leerling");
}

// The page asked for with ?pagina=N (1 when absent); nullopt when it is not a positive number.
std::optional<int64_t> page_number(const QueryParameters& query) {
  auto found = query.find("pagina");
  if (found == query.end()) return 1;
  int64_t number = 0;
  const std::string& text = found->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 1) return std::nullopt;
  return number;
}

}  // namespace

bool may_read_pupil(Database& db, const Identity& who, const std::string& leerling_id) {
  switch (who.rol) {
    case Role::beheerder: return true;
    case Role::school: return pupil_enrolled_at_any(db, leerling_id, who.vestigingen);
    case Role::commissie: return pupil_has_support_request(db, leerling_id);
    case Role::ouder: return who.leerling_id && *who.leerling_id == leerling_id;
    case Role::analist: return false;
  }
  return false;
}

ApiResponse pupil_timeline_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                    const std::string& leerling_id) {
  if (!may_read_pupil(db, who, leerling_id)) return refused(db, who, origin, leerling_id);
  auto records = read_pupil_records(db, leerling_id);
  if (!records) return api_error(404, fmt::format("leerling '{}' niet gevonden", leerling_id));
  append_audit(db, {audit_event(who, origin, "lezen", leerling_id)});
  return {200,
          {{"leerling_id", leerling_id},
           {"inschrijvingen", rows_json(records->inschrijvingen)},
           {"ondersteuning", rows_json(records->ondersteuning)},
           {"verzuim", rows_json(records->verzuim)},
           {"wachtlijst", rows_json(records->wachtlijst)}}};
}

ApiResponse pupil_list_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                const QueryParameters& query) {
  auto vestiging = query.find("vestiging");
  const bool requests = query.count("aanvragen") > 0;
  if (requests == (vestiging != query.end()))
    return api_error(400, "geef precies één van de parameters 'vestiging' of 'aanvragen'");
  const auto pagina = page_number(query);
  if (!pagina) return api_error(400, fmt::format("pagina '{}' is geen positief geheel getal", query.find("pagina")->second));
  const RowRange range{(*pagina - 1) * kPupilListPage, kPupilListPage};
  RecordPage page;
  std::string detail;
  if (requests) {
    if (who.rol != Role::beheerder && who.rol != Role::commissie) {
      append_audit(db, {audit_event(who, origin, "geweigerd", "", "lijst aanvragen")});
      return api_error(403, "alleen de commissie en de beheerder zien de lijst van aanvragen");
    }
    page = support_requests(db, range);
    detail = "lijst aanvragen";
  } else {
    const std::string& id = vestiging->second;
    const bool own = std::find(who.vestigingen.begin(), who.vestigingen.end(), id) != who.vestigingen.end();
    if (who.rol != Role::beheerder && !own) {
      append_audit(db, {audit_event(who, origin, "geweigerd", "", "vestiging " + id)});
      return api_error(403, fmt::format("vestiging '{}' is niet een van uw vestigingen", id));
    }
    page = enrolments_at(db, id, range);
    detail = "lijst vestiging " + id;
  }
  const int64_t pages = std::max<int64_t>(1, (page.total + kPupilListPage - 1) / kPupilListPage);
  if (*pagina > pages)
    return api_error(400, fmt::format("pagina {} bestaat niet: deze lijst heeft {} pagina('s)", *pagina, pages));
  // One entry for the page shown, keeping every pupil on it, so "who saw my child" still has an
  // exact answer per child (audit_leerlingen) without one row per pupil listed.
  std::set<std::string> seen;
  for (const auto& row : page.rows.rows) seen.insert(*row[0]);
  append_audit(db, {audit_event(who, origin, "lezen-lijst", "", fmt::format("{}, pagina {} van {}", detail, *pagina, pages),
                                {seen.begin(), seen.end()})});
  return {200,
          {{"pagina", *pagina},
           {"paginas", pages},
           {"per_pagina", kPupilListPage},
           {"totaal", page.total},
           {"rijen", rows_json(page.rows)}}};
}

ApiResponse vestigingen_response(Database& db) { return {200, rows_json(vestiging_names(db))}; }

ApiResponse bsn_search_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                const BsnPseudonymiser& pseudonymise, const std::string& request_body) {
  const nlohmann::json body = nlohmann::json::parse(request_body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("bsn") || !body["bsn"].is_string())
    return api_error(400, "verwacht een JSON-object met 'bsn' en 'reden'");
  const std::string bsn = body["bsn"].get<std::string>();
  const std::string reden = body.contains("reden") && body["reden"].is_string() ? body["reden"].get<std::string>() : "";
  // The same numbers the import pseudonymises: a BSN, an onderwijsnummer, or a BSN that lost its
  // leading zero in a spreadsheet (field_rules.cpp), so every imported pupil can be found.
  const std::optional<PersonalNumber> number = personal_number(bsn);
  if (!number) return api_error(400, "dit is geen geldig BSN of onderwijsnummer (negen cijfers, elfproef)");
  if (trim(reden).empty()) return api_error(400, "geef een reden voor het zoeken op BSN");
  if (reden.size() > kMaxReasonLength) return api_error(400, fmt::format("de reden is langer dan {} tekens", kMaxReasonLength));
  const std::string leerling_id = pseudonymise(number->digits);
  const bool found = read_pupil_records(db, leerling_id).has_value() && may_read_pupil(db, who, leerling_id);
  // A school learns nothing about pupils outside its vestigingen: "not yours" and "unknown" read alike.
  append_audit(db, {audit_event(who, origin, found ? "zoeken-bsn" : "zoeken-bsn-niet-gevonden",
                                found ? leerling_id : "", "reden: " + reden)});
  if (!found) return api_error(404, "geen leerling gevonden met dit BSN binnen uw bevoegdheid");
  return {200, {{"leerling_id", leerling_id}}};
}

}  // namespace stroom
