// The audit log endpoint; see audit_api.h.
#include "server/audit_api.h"

#include <charconv>

#include <fmt/format.h>

#include "store/audit_log.h"

namespace stroom {
namespace {

std::string parameter(const QueryParameters& query, const std::string& name) {
  auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

nlohmann::ordered_json entry_json(const AuditEntry& e) {
  return {{"id", e.id},           {"tijdstip", e.tijdstip}, {"gebruiker", e.gebruiker}, {"rol", e.rol},
          {"actie", e.actie},     {"leerling_id", e.leerling_id}, {"bron", e.bron},     {"detail", e.detail},
          {"adres", e.adres},     {"leerlingen", e.leerlingen}};
}

}  // namespace

AuditExport audit_response(Database& db, const Identity& who, const RequestOrigin& origin, const QueryParameters& query) {
  for (const auto& [name, value] : query)
    if (name != "leerling" && name != "gebruiker" && name != "actie" && name != "van" && name != "tot" && name != "limiet" &&
        name != "formaat")
      return {api_error(400, fmt::format("onbekende parameter '{}' (bekend: leerling, gebruiker, actie, van, tot, limiet, formaat)", name)), {}};
  const std::string formaat = parameter(query, "formaat");
  if (!formaat.empty() && formaat != "json" && formaat != "csv")
    return {api_error(400, "formaat is json of csv"), {}};
  AuditFilter filter{parameter(query, "leerling"), parameter(query, "gebruiker"), formaat == "csv" ? 0 : 1000};
  filter.actie = parameter(query, "actie");
  for (auto [name, field] : {std::pair{"van", &AuditFilter::van}, std::pair{"tot", &AuditFilter::tot}})
    if (auto problem = set_audit_date(filter, field, name, parameter(query, name))) return {api_error(400, *problem), {}};
  if (const std::string limit = parameter(query, "limiet"); !limit.empty()) {
    auto [end, error] = std::from_chars(limit.data(), limit.data() + limit.size(), filter.limit);
    if (error != std::errc() || end != limit.data() + limit.size() || filter.limit < 1)
      return {api_error(400, fmt::format("limiet '{}' is geen positief getal", limit)), {}};
  }
  append_audit(db, {{0, {}, who.naam, std::string(role_name(who.rol)), "logboek-inzien", filter.leerling_id,
                     origin.bron, formaat == "csv" ? "export" : "", origin.adres}});
  const auto entries = read_audit(db, filter);
  if (formaat == "csv") return {{200, nullptr}, audit_csv(entries)};
  auto list = nlohmann::ordered_json::array();
  for (const AuditEntry& e : entries) list.push_back(entry_json(e));
  return {{200, std::move(list)}, {}};
}

}  // namespace stroom
