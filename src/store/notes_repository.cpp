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
          std::string(row.column_text(7)),
          std::string(row.column_text(8)),
          std::string(row.column_text(9)),
          std::string(row.column_text(10))};
}

constexpr std::string_view kColumns =
    "id, grafiek, ifnull(van, ''), ifnull(tot, ''), tekst, auteur, ifnull(rol, ''), aangemaakt, ifnull(gewijzigd, ''), "
    "ifnull(gebeurtenis_datum, ''), ifnull(gebeurtenis_soort, '')";

// Copies the stored note into the history before it changes; the caller holds the transaction.
void keep_version(Database& db, int64_t id, const std::string& actie, const std::string& door) {
  Statement copy = db.prepare(
      "INSERT INTO notities_historie (notitie_id, grafiek, van, tot, tekst, auteur, rol, aangemaakt, gewijzigd, "
      "gebeurtenis_datum, gebeurtenis_soort, actie, door, tijdstip) SELECT id, grafiek, van, tot, tekst, auteur, "
      "rol, aangemaakt, gewijzigd, gebeurtenis_datum, gebeurtenis_soort, ?, ?, "
      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM notities WHERE id = ?");
  copy.bind_text(1, actie);
  copy.bind_text(2, door);
  copy.bind_int(3, id);
  copy.step();
  if (db.changes() != 1) throw StoreError("notitie " + std::to_string(id) + " bestaat niet");
}

}  // namespace

std::vector<Note> notes_for_chart(Database& db, const std::string& grafiek) {
  Statement query = db.prepare(std::string("SELECT ") + std::string(kColumns) +
                               " FROM notities WHERE grafiek = ? ORDER BY id");
  query.bind_text(1, grafiek);
  std::vector<Note> notes;
  while (query.step()) notes.push_back(note_from(query));
  return notes;
}

std::vector<Note> events(Database& db) {
  Statement query = db.prepare(std::string("SELECT ") + std::string(kColumns) +
                               " FROM notities WHERE gebeurtenis_datum IS NOT NULL ORDER BY gebeurtenis_datum, id");
  std::vector<Note> notes;
  while (query.step()) notes.push_back(note_from(query));
  return notes;
}

Note add_note(Database& db, Note note) {
  Statement insert = db.prepare(
      "INSERT INTO notities (grafiek, van, tot, tekst, auteur, rol, aangemaakt, gebeurtenis_datum, gebeurtenis_soort) "
      "VALUES (?, nullif(?, ''), nullif(?, ''), ?, ?, nullif(?, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
      "nullif(?, ''), nullif(?, ''))");
  insert.bind_text(1, note.grafiek);
  insert.bind_text(2, note.van);
  insert.bind_text(3, note.tot);
  insert.bind_text(4, note.tekst);
  insert.bind_text(5, note.auteur);
  insert.bind_text(6, note.rol);
  insert.bind_text(7, note.gebeurtenis_datum);
  insert.bind_text(8, note.gebeurtenis_soort);
  insert.step();
  Statement stored = db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM notities WHERE id = ?");
  stored.bind_int(1, db.last_insert_rowid());
  stored.step();
  return note_from(stored);
}

std::optional<Note> find_note(Database& db, int64_t id) {
  Statement stored = db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM notities WHERE id = ?");
  stored.bind_int(1, id);
  if (!stored.step()) return std::nullopt;
  return note_from(stored);
}

Note edit_note(Database& db, const Note& changed, const std::string& door, const std::function<void()>& extra) {
  Transaction transaction(db);
  keep_version(db, changed.id, "gewijzigd", door);
  Statement update = db.prepare(
      "UPDATE notities SET van = nullif(?, ''), tot = nullif(?, ''), tekst = ?, "
      "gewijzigd = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), gebeurtenis_datum = nullif(?, ''), "
      "gebeurtenis_soort = nullif(?, '') WHERE id = ?");
  update.bind_text(1, changed.van);
  update.bind_text(2, changed.tot);
  update.bind_text(3, changed.tekst);
  update.bind_text(4, changed.gebeurtenis_datum);
  update.bind_text(5, changed.gebeurtenis_soort);
  update.bind_int(6, changed.id);
  update.step();
  if (extra) extra();
  transaction.commit();
  return *find_note(db, changed.id);
}

void delete_note(Database& db, int64_t id, const std::string& door, const std::function<void()>& extra) {
  Transaction transaction(db);
  keep_version(db, id, "verwijderd", door);
  Statement remove = db.prepare("DELETE FROM notities WHERE id = ?");
  remove.bind_int(1, id);
  remove.step();
  if (extra) extra();
  transaction.commit();
}

std::vector<NoteVersion> note_history(Database& db, int64_t id) {
  Statement query = db.prepare(
      "SELECT notitie_id, grafiek, ifnull(van, ''), ifnull(tot, ''), tekst, auteur, ifnull(rol, ''), aangemaakt, "
      "ifnull(gewijzigd, ''), ifnull(gebeurtenis_datum, ''), ifnull(gebeurtenis_soort, ''), actie, door, tijdstip "
      "FROM notities_historie WHERE notitie_id = ? ORDER BY id");
  query.bind_int(1, id);
  std::vector<NoteVersion> versions;
  while (query.step())
    versions.push_back({note_from(query), std::string(query.column_text(11)), std::string(query.column_text(12)),
                        std::string(query.column_text(13))});
  return versions;
}

}  // namespace stroom
