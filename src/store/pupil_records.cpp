// Reading a pupil's records; see pupil_records.h.
#include "store/pupil_records.h"

namespace stroom {
namespace {

// The rows of a bound query.
RecordRows read_rows(Statement& query) {
  RecordRows result;
  while (query.step()) {
    if (result.columns.empty())
      for (int c = 0; c < query.column_count(); ++c) result.columns.emplace_back(query.column_name(c));
    auto& row = result.rows.emplace_back();
    for (int c = 0; c < query.column_count(); ++c)
      row.push_back(query.column_is_null(c) ? std::nullopt : std::optional<std::string>(query.column_text(c)));
  }
  return result;
}

RecordRows read_rows(Database& db, const std::string& sql, const std::string& parameter = {}) {
  Statement query = db.prepare(sql);
  if (!parameter.empty()) query.bind_text(1, parameter);
  return read_rows(query);
}

// A page of a query whose last two parameters are LIMIT ? OFFSET ?, after `bound` others.
RecordRows read_range(Statement& query, int bound, RowRange range) {
  query.bind_int(bound + 1, range.limit);
  query.bind_int(bound + 2, range.offset);
  return read_rows(query);
}

}  // namespace

std::optional<PupilRecords> read_pupil_records(Database& db, const std::string& leerling_id) {
  PupilRecords records{leerling_id, {}, {}, {}, {}};
  records.inschrijvingen = read_rows(db,
      "SELECT vestiging_id, onderwijssoort, cluster, niveau, startdatum, einddatum FROM inschrijvingen "
      "WHERE leerling_id = ? ORDER BY startdatum", leerling_id);
  records.ondersteuning = read_rows(db,
      "SELECT besluit_id, soort, categorie, voorziening_id, aanvraagdatum, besluitdatum, startdatum, einddatum, "
      "uitkomst FROM ondersteuning WHERE leerling_id = ? ORDER BY ifnull(aanvraagdatum, startdatum)", leerling_id);
  records.verzuim = read_rows(db,
      "SELECT melding_id, vestiging_id, soort, thuiszitter, startdatum, einddatum, reden FROM verzuim "
      "WHERE leerling_id = ? ORDER BY startdatum", leerling_id);
  records.wachtlijst = read_rows(db,
      "SELECT voorziening_id, aanmelddatum, plaatsingsdatum, afgemeld FROM wachtlijst "
      "WHERE leerling_id = ? ORDER BY aanmelddatum", leerling_id);
  if (records.inschrijvingen.rows.empty() && records.ondersteuning.rows.empty() && records.verzuim.rows.empty() &&
      records.wachtlijst.rows.empty())
    return std::nullopt;
  return records;
}

RecordPage enrolments_at(Database& db, const std::string& vestiging_id, RowRange range) {
  Statement count = db.prepare("SELECT count(*) FROM inschrijvingen WHERE vestiging_id = ?");
  count.bind_text(1, vestiging_id);
  count.step();
  const int64_t total = count.column_int(0);
  Statement query = db.prepare(
      "SELECT leerling_id, onderwijssoort, startdatum, einddatum FROM inschrijvingen "
      "WHERE vestiging_id = ? ORDER BY startdatum DESC, leerling_id, onderwijssoort LIMIT ? OFFSET ?");
  query.bind_text(1, vestiging_id);
  return {read_range(query, 1, range), total};
}

RecordPage support_requests(Database& db, RowRange range) {
  Statement query = db.prepare(
      "SELECT leerling_id, besluit_id, soort, categorie, aanvraagdatum, besluitdatum, uitkomst FROM ondersteuning "
      "ORDER BY ifnull(aanvraagdatum, besluitdatum) DESC, besluit_id LIMIT ? OFFSET ?");
  return {read_range(query, 0, range), db.query_int("SELECT count(*) FROM ondersteuning").value_or(0)};
}

RecordRows vestiging_names(Database& db) {
  return read_rows(db, "SELECT vestiging_id, naam, gemeente, sector FROM vestigingen ORDER BY naam, vestiging_id");
}

bool pupil_enrolled_at_any(Database& db, const std::string& leerling_id, const std::vector<std::string>& vestigingen) {
  Statement query = db.prepare("SELECT 1 FROM inschrijvingen WHERE vestiging_id = ? AND leerling_id = ? LIMIT 1");
  for (const std::string& vestiging : vestigingen) {
    query.reset();
    query.bind_text(1, vestiging);
    query.bind_text(2, leerling_id);
    if (query.step()) return true;
  }
  return false;
}

bool pupil_has_support_request(Database& db, const std::string& leerling_id) {
  Statement query = db.prepare("SELECT 1 FROM ondersteuning WHERE leerling_id = ? LIMIT 1");
  query.bind_text(1, leerling_id);
  return query.step();
}

}  // namespace stroom
