// The notes endpoints: list a chart's notes, add one (validated, Dutch messages). A note carries
// its author's account name and role from the session, never from the request body.
#pragma once

#include "server/api_response.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

ApiResponse list_notes_response(Database& db, const QueryParameters& query);
ApiResponse add_note_response(Database& db, const std::string& request_body, const Identity& author);

}  // namespace stroom
