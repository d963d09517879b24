// Notes (narratief) that users attach to a chart for a date range, with author and time.
//
// Seed 004's lesson: a number without the story people tell about it is read as a trend; the
// dashboard therefore lets people put their reading next to a chart, and keeps it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "store/database.h"

namespace stroom {

struct Note {
  int64_t id = 0;
  std::string grafiek;     // the chart's id, e.g. "overzicht-leerlingen"
  std::string van;         // YYYY-MM-DD or empty
  std::string tot;         // YYYY-MM-DD or empty
  std::string tekst;
  std::string auteur;       // the account name of the writer
  std::string rol;          // the writer's role at the time (notes from before accounts: empty)
  std::string aangemaakt;  // UTC, YYYY-MM-DDTHH:MM:SSZ, set on insert
  std::string gewijzigd = {};  // UTC, set on the last edit; empty when never edited
  // An event (gebeurtenis) beside the numbers: its date and kind (one of kEventKinds); both empty
  // for an ordinary note. Events are drawn on every chart whose period holds the date.
  std::string gebeurtenis_datum = {};
  std::string gebeurtenis_soort = {};
};

// The kinds of event a note may be marked as (docs/dashboard.md, "Events").
inline constexpr std::string_view kEventKinds[] = {"nieuwe_voorziening", "procedure_gewijzigd", "definitie_gewijzigd",
                                                   "anders"};

// A note as it was before an edit or a deletion (table notities_historie, append-only).
struct NoteVersion {
  Note note;           // the text, period and times as they were
  std::string actie;   // "gewijzigd" or "verwijderd"
  std::string door;    // the account that changed it
  std::string tijdstip;
};

std::vector<Note> notes_for_chart(Database& db, const std::string& grafiek);
// Every note of the region that is an event, whatever chart it was written on, by date.
std::vector<Note> events(Database& db);
// Stores the note (id and aangemaakt are assigned) and returns it as stored.
Note add_note(Database& db, Note note);
std::optional<Note> find_note(Database& db, int64_t id);
// Replaces period and text of an existing note, in one transaction with a copy of the old version
// in the history; `extra` (e.g. the audit entry) runs inside that transaction. Returns it as stored.
Note edit_note(Database& db, const Note& changed, const std::string& door, const std::function<void()>& extra);
// Deletes the note after copying it into the history, in one transaction with `extra`.
void delete_note(Database& db, int64_t id, const std::string& door, const std::function<void()>& extra);
// The earlier versions of a note, oldest first (its deletion included).
std::vector<NoteVersion> note_history(Database& db, int64_t id);

}  // namespace stroom
