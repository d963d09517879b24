// The notes endpoints: list a chart's notes, add one (validated, Dutch messages).
#pragma once

#include <mutex>

#include "server/api_response.h"
#include "store/database.h"

namespace stroom {

ApiResponse list_notes_response(Database& db, const QueryParameters& query);
ApiResponse add_note_response(Database& db, const std::string& request_body);

}  // namespace stroom
