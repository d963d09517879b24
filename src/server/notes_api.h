// The notes endpoints: list a chart's notes, add one, edit or delete one (validated, Dutch
// messages that say what to do). A note carries its author's account name and role from the
// session, never from the request body.
//
// Rules (docs/dashboard.md): the chart must be one the web app shows (server/chart_catalogue.h);
// van and tot are dates within the period the data covers (data_range) with van <= tot; the text
// is 1 to 2,000 characters. Only the author edits a note; the author or a beheerder deletes one
// (a beheerder removes, e.g., a note that names a pupil). Every edit and deletion keeps the old
// version (notities_historie) and writes an audit entry in the same transaction.
//
// A note may be an event: {"gebeurtenis": {"datum": "YYYY-MM-DD", "soort": KIND}} on create and
// edit (absent or null: an ordinary note; an edit without it unmarks the event), the date within
// data_range, the kind one of kEventKinds. GET /api/gebeurtenissen lists every event of the
// region, whatever chart it was written on, for the charts to draw them in their period.
#pragma once

#include <optional>

#include "measures/measure_parameters.h"
#include "server/api_response.h"
#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/database.h"

namespace stroom {

inline constexpr size_t kMaxNoteLength = 2000;

ApiResponse list_notes_response(Database& db, const QueryParameters& query);
// GET /api/gebeurtenissen: the notes that are events, by date (roles as for reading notes).
ApiResponse event_list_response(Database& db);
// GET /api/grafieken: the chart ids a note may be attached to.
ApiResponse chart_list_response();
ApiResponse add_note_response(Database& db, const std::string& request_body, const Identity& author,
                              const std::optional<DataRange>& range);
// POST /api/notities/{id}/wijzig {"van", "tot", "tekst"}: the author only.
ApiResponse edit_note_response(Database& db, const std::string& id, const std::string& request_body, const Identity& who,
                               const RequestOrigin& origin, const std::optional<DataRange>& range);
// POST /api/notities/{id}/verwijder: the author or a beheerder.
ApiResponse delete_note_response(Database& db, const std::string& id, const Identity& who, const RequestOrigin& origin);

}  // namespace stroom
