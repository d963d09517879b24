// The endpoints that read personal data: one pupil's timeline, one vestiging's pupils, and finding
// a pupil by BSN. Each decides access from the caller's role and scope (accounts/role.h, domain.md):
//   beheerder  every pupil;
//   school     pupils with an enrolment at one of its vestigingen;
//   commissie  pupils with a support request (the requests submitted to it);
//   ouder      their own child only;
//   analist    none.
// Every read, and every refused attempt, is written to the audit log before data is returned; if
// the log cannot be written the data is not returned either. A list is paged; each page shown is
// one audit entry that keeps the ids of the pupils on it.
#pragma once

#include <string>

#include "ingest/bsn.h"
#include "server/api_response.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

// Rows on one page of a pupil list.
inline constexpr int64_t kPupilListPage = 100;

bool may_read_pupil(Database& db, const Identity& who, const std::string& leerling_id);

// GET /api/leerlingen/{id}
ApiResponse pupil_timeline_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                    const std::string& leerling_id);
// GET /api/leerlingen?vestiging=ID (beheerder, or school for its own vestigingen), or
// GET /api/leerlingen?aanvragen=1: the support requests (beheerder, commissie); &pagina=N (from 1)
// picks a page of kPupilListPage rows. Answer: {pagina, paginas, per_pagina, totaal, rijen}.
ApiResponse pupil_list_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                const QueryParameters& query);
// GET /api/vestigingen: names of schools, for pickers and readable records (no personal data).
ApiResponse vestigingen_response(Database& db);
// POST /api/leerlingen/zoek {"bsn", "reden"} (beheerder, or school within its own vestigingen).
// The BSN is pseudonymised with the installation key and looked up; it is never stored or logged.
ApiResponse bsn_search_response(Database& db, const Identity& who, const RequestOrigin& origin,
                                const BsnPseudonymiser& pseudonymise, const std::string& request_body);

}  // namespace stroom
