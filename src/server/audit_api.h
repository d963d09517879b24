// GET /api/audit: the audit log for the beheerder, as JSON (newest first) or, with formaat=csv, as
// a CSV download. Reading the log is itself logged, since the log names pupils. Filters: leerling
// (also the page entries of lists that showed the pupil), gebruiker, actie, van and tot (dates,
// both days included, UTC), limiet.
#pragma once

#include <string>

#include "server/api_response.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

struct AuditExport {
  ApiResponse response;  // JSON answer, or an error
  std::string csv;       // non-empty when formaat=csv was asked and allowed
};

AuditExport audit_response(Database& db, const Identity& who, const RequestOrigin& origin, const QueryParameters& query);

}  // namespace stroom
