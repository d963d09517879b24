// Notes (narratief) that users attach to a chart for a date range, with author and time.
//
// Seed 004's lesson: a number without the story people tell about it is read as a trend; the
// dashboard therefore lets people put their reading next to a chart, and keeps it.
#pragma once

#include <cstdint>
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
};

std::vector<Note> notes_for_chart(Database& db, const std::string& grafiek);
// Stores the note (id and aangemaakt are assigned) and returns it as stored.
Note add_note(Database& db, Note note);

}  // namespace stroom
