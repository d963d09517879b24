// Reading the inschrijvingen table into EnrolmentColumns; see model_loader.h.
#include "store/model_loader.h"

#include <unordered_map>

#include <fmt/format.h>

namespace stroom {
namespace {

int32_t stored_date(std::string_view iso) {
  auto date = parse_date(iso);
  if (!date) throw StoreError(fmt::format("ongeldige datum '{}' in de database", iso));
  return date->days();
}

}  // namespace

EnrolmentColumns load_enrolments(Database& db) {
  EnrolmentColumns columns;
  std::unordered_map<std::string, uint32_t> dense_id;
  Statement query = db.prepare(
      "SELECT leerling_id, onderwijssoort, startdatum, einddatum FROM inschrijvingen");
  while (query.step()) {
    auto [it, added] = dense_id.try_emplace(std::string(query.column_text(0)),
                                            uint32_t(columns.pupil_ids.size()));
    if (added) columns.pupil_ids.push_back(it->first);
    auto setting = parse_setting(query.column_text(1));
    if (!setting)
      throw StoreError(fmt::format("onbekende onderwijssoort '{}' in de database", query.column_text(1)));
    columns.pupil.push_back(it->second);
    columns.setting.push_back(uint8_t(*setting));
    columns.start.push_back(stored_date(query.column_text(2)));
    columns.end.push_back(query.column_is_null(3) ? kOpenEnd : stored_date(query.column_text(3)));
  }
  finish_enrolment_columns(columns);
  return columns;
}

}  // namespace stroom
