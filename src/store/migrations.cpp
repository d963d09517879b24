// The schema's history, one SQL script per version. Never edit a released script: add one.
#include "store/migrations.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace stroom {
namespace {

// Version 1: the seven registration tables of formats.md, the import log, the history of
// replaced rows and the installation's settings. Column names equal the CSV column names;
// rij_hash is a hash of a row's normalised values, so re-importing can tell "unchanged" from
// "replaced" without reading every stored row back.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE instellingen (naam TEXT PRIMARY KEY, waarde TEXT NOT NULL);
CREATE TABLE imports (
  import_id INTEGER PRIMARY KEY, bestand TEXT NOT NULL, soort TEXT NOT NULL, tijdstip TEXT NOT NULL,
  gelezen INTEGER NOT NULL, nieuw INTEGER NOT NULL, vervangen INTEGER NOT NULL,
  ongewijzigd INTEGER NOT NULL, afgewezen INTEGER NOT NULL);
CREATE TABLE geschiedenis (
  id INTEGER PRIMARY KEY, tabel TEXT NOT NULL, sleutel TEXT NOT NULL, oude_rij TEXT NOT NULL,
  oud_import_id INTEGER, vervangen_door_import INTEGER NOT NULL REFERENCES imports(import_id));
CREATE INDEX geschiedenis_sleutel ON geschiedenis (tabel, sleutel);

CREATE TABLE vestigingen (
  vestiging_id TEXT NOT NULL, naam TEXT NOT NULL, bestuur TEXT, gemeente TEXT, swv TEXT,
  sector TEXT, rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX vestigingen_sleutel ON vestigingen (vestiging_id);

CREATE TABLE voorzieningen (
  voorziening_id TEXT NOT NULL, naam TEXT NOT NULL, onderwijssoort TEXT, plaatsen INTEGER NOT NULL,
  tarief REAL NOT NULL, geldig_vanaf TEXT NOT NULL, geldig_tot TEXT,
  rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX voorzieningen_sleutel ON voorzieningen (voorziening_id, geldig_vanaf);

CREATE TABLE inschrijvingen (
  leerling_id TEXT NOT NULL, geboortedatum TEXT, vestiging_id TEXT NOT NULL,
  onderwijssoort TEXT NOT NULL, cluster TEXT, niveau TEXT, startdatum TEXT NOT NULL, einddatum TEXT,
  rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX inschrijvingen_sleutel
  ON inschrijvingen (leerling_id, vestiging_id, onderwijssoort, startdatum);

CREATE TABLE ondersteuning (
  besluit_id TEXT NOT NULL, leerling_id TEXT NOT NULL, soort TEXT NOT NULL, categorie TEXT,
  voorziening_id TEXT, aanvraagdatum TEXT, besluitdatum TEXT, startdatum TEXT, einddatum TEXT,
  uitkomst TEXT NOT NULL, rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX ondersteuning_sleutel ON ondersteuning (besluit_id);

CREATE TABLE verzuim (
  melding_id TEXT NOT NULL, leerling_id TEXT NOT NULL, vestiging_id TEXT, soort TEXT NOT NULL,
  thuiszitter TEXT NOT NULL, startdatum TEXT NOT NULL, einddatum TEXT, reden TEXT,
  rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX verzuim_sleutel ON verzuim (melding_id);

CREATE TABLE wachtlijst (
  leerling_id TEXT NOT NULL, voorziening_id TEXT NOT NULL, aanmelddatum TEXT NOT NULL,
  plaatsingsdatum TEXT, afgemeld TEXT, rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX wachtlijst_sleutel ON wachtlijst (leerling_id, voorziening_id, aanmelddatum);

CREATE TABLE tellingen (
  teldatum TEXT NOT NULL, gebied TEXT NOT NULL, onderwijssoort TEXT NOT NULL, cluster TEXT,
  aantal INTEGER NOT NULL, rij_hash INTEGER NOT NULL, import_id INTEGER NOT NULL REFERENCES imports(import_id));
CREATE UNIQUE INDEX tellingen_sleutel
  ON tellingen (teldatum, gebied, onderwijssoort, ifnull(cluster, ''));
)sql";

// Version 2: notes (narratief) that users attach to a chart for a date range.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE notities (
  id INTEGER PRIMARY KEY, grafiek TEXT NOT NULL, van TEXT, tot TEXT, tekst TEXT NOT NULL,
  auteur TEXT NOT NULL, aangemaakt TEXT NOT NULL);
CREATE INDEX notities_grafiek ON notities (grafiek);
)sql";

// Version 3: accounts and their vestigingen, the append-only audit log of personal data, the
// author's role on notes, and indexes for reading one pupil's records or one vestiging's pupils.
// The audit log refuses UPDATE and DELETE at the database level, so no code path (and no later
// bug) can rewrite history; only INSERT is possible.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE gebruikers (
  id INTEGER PRIMARY KEY, naam TEXT NOT NULL UNIQUE, rol TEXT NOT NULL, wachtwoord_hash TEXT NOT NULL,
  leerling_id TEXT, actief INTEGER NOT NULL DEFAULT 1, aangemaakt TEXT NOT NULL, gewijzigd TEXT NOT NULL);
CREATE TABLE gebruiker_vestigingen (
  gebruiker_id INTEGER NOT NULL REFERENCES gebruikers(id), vestiging_id TEXT NOT NULL,
  PRIMARY KEY (gebruiker_id, vestiging_id));
CREATE TABLE audit (
  id INTEGER PRIMARY KEY, tijdstip TEXT NOT NULL, gebruiker TEXT NOT NULL, rol TEXT NOT NULL,
  actie TEXT NOT NULL, leerling_id TEXT, bron TEXT NOT NULL, detail TEXT, adres TEXT);
CREATE INDEX audit_leerling ON audit (leerling_id);
CREATE TRIGGER audit_alleen_toevoegen_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'het auditlogboek kan alleen worden aangevuld'); END;
CREATE TRIGGER audit_alleen_toevoegen_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'het auditlogboek kan alleen worden aangevuld'); END;
ALTER TABLE notities ADD COLUMN rol TEXT;
CREATE INDEX ondersteuning_leerling ON ondersteuning (leerling_id);
CREATE INDEX verzuim_leerling ON verzuim (leerling_id);
CREATE INDEX inschrijvingen_vestiging ON inschrijvingen (vestiging_id, leerling_id);
)sql";

// Version 4: logged-in sessions, so that they survive a restart of the server
// (server/session_store.h). Only a hash of the cookie token is stored; times are Unix seconds.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE sessies (
  token_hash TEXT PRIMARY KEY, gebruiker_id INTEGER NOT NULL REFERENCES gebruikers(id),
  account_staat TEXT NOT NULL, aangemaakt INTEGER NOT NULL, laatst_gebruikt INTEGER NOT NULL);
)sql";

// Version 5: the pupils on a page of a pupil list that one audit entry records (one entry per page
// shown, not one per pupil), so "who saw pupil X" is answered exactly through the index on
// leerling_id; append-only like the audit table itself. Indexes for the Logboek's filters.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE audit_leerlingen (
  audit_id INTEGER NOT NULL REFERENCES audit(id), leerling_id TEXT NOT NULL,
  PRIMARY KEY (leerling_id, audit_id));
CREATE INDEX audit_leerlingen_regel ON audit_leerlingen (audit_id);
CREATE TRIGGER audit_leerlingen_alleen_toevoegen_update BEFORE UPDATE ON audit_leerlingen
  BEGIN SELECT RAISE(ABORT, 'het auditlogboek kan alleen worden aangevuld'); END;
CREATE TRIGGER audit_leerlingen_alleen_toevoegen_delete BEFORE DELETE ON audit_leerlingen
  BEGIN SELECT RAISE(ABORT, 'het auditlogboek kan alleen worden aangevuld'); END;
CREATE INDEX audit_gebruiker ON audit (gebruiker);
CREATE INDEX audit_tijdstip ON audit (tijdstip);
)sql";

// Version 6: notes their authors can edit and delete, never losing the old text. Each edit or
// deletion first copies the note as it was into notities_historie (append-only, like the audit
// log), with who changed it, when and how; a deleted note leaves notities but not the history.
// notities is rebuilt with AUTOINCREMENT, so the id of a deleted note is never given to a new one
// (its history would otherwise be read as the new note's).
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE notities_v6 (
  id INTEGER PRIMARY KEY AUTOINCREMENT, grafiek TEXT NOT NULL, van TEXT, tot TEXT, tekst TEXT NOT NULL,
  auteur TEXT NOT NULL, aangemaakt TEXT NOT NULL, rol TEXT, gewijzigd TEXT);
INSERT INTO notities_v6 (id, grafiek, van, tot, tekst, auteur, aangemaakt, rol)
  SELECT id, grafiek, van, tot, tekst, auteur, aangemaakt, rol FROM notities;
DROP TABLE notities;
ALTER TABLE notities_v6 RENAME TO notities;
CREATE INDEX notities_grafiek ON notities (grafiek);
CREATE TABLE notities_historie (
  id INTEGER PRIMARY KEY, notitie_id INTEGER NOT NULL, grafiek TEXT NOT NULL, van TEXT, tot TEXT,
  tekst TEXT NOT NULL, auteur TEXT NOT NULL, rol TEXT, aangemaakt TEXT NOT NULL, gewijzigd TEXT,
  actie TEXT NOT NULL, door TEXT NOT NULL, tijdstip TEXT NOT NULL);
CREATE INDEX notities_historie_notitie ON notities_historie (notitie_id);
CREATE TRIGGER notities_historie_alleen_toevoegen_update BEFORE UPDATE ON notities_historie
  BEGIN SELECT RAISE(ABORT, 'de geschiedenis van notities kan alleen worden aangevuld'); END;
CREATE TRIGGER notities_historie_alleen_toevoegen_delete BEFORE DELETE ON notities_historie
  BEGIN SELECT RAISE(ABORT, 'de geschiedenis van notities kan alleen worden aangevuld'); END;
)sql";

// Version 7: hypotheses as objects (docs/insight.md). The prediction's parameters and groups and
// the alternatives are JSON text (readable with any SQL tool, like the ISO dates); each evidence
// item is a row of its own with its kind, source and the kind's fields as JSON. A change or a
// deletion first copies the hypothesis as it was, evidence included, into hypothesen_historie
// (append-only, like notities_historie). AUTOINCREMENT so a deleted hypothesis's id is never reused.
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE hypothesen (
  id INTEGER PRIMARY KEY AUTOINCREMENT, tekst TEXT NOT NULL, maat TEXT NOT NULL, parameters TEXT NOT NULL,
  groepen TEXT NOT NULL, kolom TEXT NOT NULL,
  richting TEXT NOT NULL CHECK (richting IN ('stijgt', 'daalt', 'boven', 'onder')),
  alternatieven TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ondersteund', 'weersproken', 'open')),
  auteur TEXT NOT NULL, rol TEXT NOT NULL, aangemaakt TEXT NOT NULL, gewijzigd TEXT);
CREATE TABLE hypothese_bewijs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, hypothese_id INTEGER NOT NULL REFERENCES hypothesen(id),
  soort TEXT NOT NULL CHECK (soort IN ('maat', 'telling', 'notitie', 'document')),
  bron TEXT NOT NULL, omschrijving TEXT NOT NULL, verwijzing TEXT NOT NULL,
  auteur TEXT NOT NULL, rol TEXT NOT NULL, aangemaakt TEXT NOT NULL);
CREATE INDEX hypothese_bewijs_hypothese ON hypothese_bewijs (hypothese_id);
CREATE TABLE hypothesen_historie (
  id INTEGER PRIMARY KEY, hypothese_id INTEGER NOT NULL, inhoud TEXT NOT NULL,
  actie TEXT NOT NULL, door TEXT NOT NULL, tijdstip TEXT NOT NULL);
CREATE INDEX hypothesen_historie_hypothese ON hypothesen_historie (hypothese_id);
CREATE TRIGGER hypothesen_historie_alleen_toevoegen_update BEFORE UPDATE ON hypothesen_historie
  BEGIN SELECT RAISE(ABORT, 'de geschiedenis van hypothesen kan alleen worden aangevuld'); END;
CREATE TRIGGER hypothesen_historie_alleen_toevoegen_delete BEFORE DELETE ON hypothesen_historie
  BEGIN SELECT RAISE(ABORT, 'de geschiedenis van hypothesen kan alleen worden aangevuld'); END;
)sql";

// Version 8 (issue 11, events): a note may be an event (gebeurtenis) with its own date and kind, drawn on every chart
// whose period holds the date. Both columns are empty for an ordinary note; the history keeps them
// too, so an edit that unmarks an event loses nothing.
constexpr std::string_view kVersion8 = R"sql(
ALTER TABLE notities ADD COLUMN gebeurtenis_datum TEXT;
ALTER TABLE notities ADD COLUMN gebeurtenis_soort TEXT;
ALTER TABLE notities_historie ADD COLUMN gebeurtenis_datum TEXT;
ALTER TABLE notities_historie ADD COLUMN gebeurtenis_soort TEXT;
CREATE INDEX notities_gebeurtenis ON notities (gebeurtenis_datum) WHERE gebeurtenis_datum IS NOT NULL;
)sql";

constexpr std::array<std::string_view, kSchemaVersion> kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5, kVersion6,
                                                                       kVersion7, kVersion8};

}  // namespace

int schema_version(Database& db) { return int(db.query_int("PRAGMA user_version").value_or(0)); }

void migrate(Database& db) {
  const int current = schema_version(db);
  if (current > kSchemaVersion) {
    throw StoreError(fmt::format(
        "database {} heeft schemaversie {}, maar deze stroom kent versie {} en ouder; "
        "gebruik een nieuwere stroom",
        db.path().string(), current, kSchemaVersion));
  }
  for (int version = current + 1; version <= kSchemaVersion; ++version) {
    Transaction transaction(db);
    db.exec(kMigrations[size_t(version - 1)]);
    db.exec(fmt::format("PRAGMA user_version = {}", version));
    transaction.commit();
  }
}

std::unique_ptr<Database> open_store(const std::filesystem::path& path) {
  auto db = std::make_unique<Database>(path);
  migrate(*db);
  return db;
}

}  // namespace stroom
