// Reading and writing notes; see notes_repository.h.
#include "store/notes_repository.h"

namespace stroom {
namespace {

Note note_from(const Statement& row) {
  return {row.column_int(0),
          std::string(row.column_text(1)),
          std::string(row.column_text(2)),
          std::string(row.column_text(3)),
          std::string(row.column_text(4)),
          std::string(row.column_text(5)),
          std::string(row.column_text(6)),
          std::string(row.column_text(7))};
}

constexpr std::string_view kColumns =
    "id, grafiek, ifnull(van, ''), ifnull(tot, ''), tekst, auteur, ifnull(rol, ''), aangemaakt";

}  // namespace

std::vector<Note> notes_for_chart(Database& db, const std::string& grafiek) {
  Statement query = db.prepare(std::string("SELECT ") + std::string(kColumns) +
                               " FROM notities WHERE grafiek = ? ORDER BY id");
  query.bind_text(1, grafiek);
  std::vector<Note> notes;
  while (query.step()) notes.push_back(note_from(query));
  return notes;
}

Note add_note(Database& db, Note note) {
  Statement insert = db.prepare(
      "INSERT INTO notities (grafiek, van, tot, tekst, auteur, rol, aangemaakt) "
      "VALUES (?, nullif(?, ''), nullif(?, ''), ?, ?, nullif(?, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind_text(1, note.grafiek);
  insert.bind_text(2, note.van);
  insert.bind_text(3, note.tot);
  insert.bind_text(4, note.tekst);
  insert.bind_text(5, note.auteur);
  insert.bind_text(6, note.rol);
  insert.step();
  Statement stored = db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM notities WHERE id = ?");
  stored.bind_int(1, db.last_insert_rowid());
  stored.step();
  return note_from(stored);
}

}  // namespace stroom
