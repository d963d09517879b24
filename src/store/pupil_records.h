// Reading one pupil's records, or one vestiging's pupils, straight from the store. These are the
// only reads of personal data; they are few and small, so they go through SQL (with the indexes
// of schema version 3) rather than the columnar model, which holds no names of anything personal.
// Callers decide access and write the audit log (server/pupil_api.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace stroom {

// Rows of one registration table: column names, then values (nullopt for NULL).
struct RecordRows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

struct PupilRecords {
  std::string leerling_id;
  RecordRows inschrijvingen, ondersteuning, verzuim, wachtlijst;
};

// Empty when the pupil occurs in none of the four tables.
std::optional<PupilRecords> read_pupil_records(Database& db, const std::string& leerling_id);
// One page of a list: the rows from offset on, at most limit, and how many rows the whole list has.
struct RowRange {
  int64_t offset = 0;
  int64_t limit = -1;  // -1: all
};
struct RecordPage {
  RecordRows rows;
  int64_t total = 0;
};
// Enrolments at one vestiging, one row per enrolment (leerling_id, onderwijssoort, startdatum,
// einddatum), newest enrolment first (who is there now before who left years ago), so that pages
// follow the order the web app shows.
RecordPage enrolments_at(Database& db, const std::string& vestiging_id, RowRange range = {});
// Support requests, one row per request (leerling_id, besluit_id, soort, categorie, aanvraagdatum,
// besluitdatum, uitkomst), newest request first.
RecordPage support_requests(Database& db, RowRange range = {});
// Every vestiging: vestiging_id, naam, gemeente, sector (public school data, not personal).
RecordRows vestiging_names(Database& db);
bool pupil_enrolled_at_any(Database& db, const std::string& leerling_id, const std::vector<std::string>& vestigingen);
bool pupil_has_support_request(Database& db, const std::string& leerling_id);

}  // namespace stroom
