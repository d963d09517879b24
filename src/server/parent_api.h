// The endpoints of the "Mijn kind" page (role ouder), which shows a parent their own child only
// and never an internal id (no pseudonym, no leerling_id, no besluit or melding number):
//   GET /api/mijn-kind         the child's record (as GET /api/leerlingen/{id}, ids left out);
//   GET /api/mijn-kind/inzage  who looked at the child's data and when (the AVG's right of
//                              access): from the audit log, per entry the time, what was done, and
//                              who by role and organisation ("school (De Regenboog)"), never a
//                              staff member's name unless the SWV chose so (`stroom instelling
//                              inzage --namen ja`); the parent's own visits are left out;
//   GET /api/contact           the SWV's contact details (any role; no personal data).
// Both child endpoints are audited like every read of personal data.
#pragma once

#include "server/api_response.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

ApiResponse child_record_response(Database& db, const Identity& who, const RequestOrigin& origin);
ApiResponse child_access_response(Database& db, const Identity& who, const RequestOrigin& origin);
ApiResponse contact_response(Database& db);

}  // namespace stroom
