// Writing and reading the audit log; see audit_log.h.
#include "store/audit_log.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "ingest/csv_writer.h"
#include "model/calendar.h"

namespace stroom {
namespace {

constexpr const char* kColumns = "id, tijdstip, gebruiker, rol, actie, leerling_id, bron, detail, adres";

void insert_pupils(Statement& insert, int64_t audit_id, const std::vector<std::string>& leerlingen) {
  for (const std::string& leerling : leerlingen) {
    insert.reset();
    insert.bind_int(1, audit_id);
    insert.bind_text(2, leerling);
    insert.step();
  }
}

// The pupils of each page entry (has_pupils marks them), sorted.
void read_pupils(Database& db, std::vector<AuditEntry>& entries, const std::vector<bool>& has_pupils) {
  std::optional<Statement> query;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!has_pupils[i]) continue;
    if (!query) query.emplace(db.prepare("SELECT leerling_id FROM audit_leerlingen WHERE audit_id = ? ORDER BY leerling_id"));
    query->reset();
    query->bind_int(1, entries[i].id);
    while (query->step()) entries[i].leerlingen.emplace_back(query->column_text(0));
  }
}

}  // namespace

void append_audit(Database& db, const std::vector<AuditEntry>& entries) {
  // Inside a caller's transaction the entries commit (or roll back) with the change they record.
  TransactionUnlessInOne transaction(db);
  Statement insert = db.prepare(
      "INSERT INTO audit (tijdstip, gebruiker, rol, actie, leerling_id, bron, detail, adres) "
      "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, nullif(?, ''), ?, nullif(?, ''), nullif(?, ''))");
  std::optional<Statement> insert_pupil;
  for (const AuditEntry& e : entries) {
    insert.reset();
    insert.bind_text(1, e.gebruiker);
    insert.bind_text(2, e.rol);
    insert.bind_text(3, e.actie);
    insert.bind_text(4, e.leerling_id);
    insert.bind_text(5, e.bron);
    insert.bind_text(6, e.detail);
    insert.bind_text(7, e.adres);
    insert.step();
    if (e.leerlingen.empty()) continue;
    if (!insert_pupil) insert_pupil.emplace(db.prepare("INSERT OR IGNORE INTO audit_leerlingen (audit_id, leerling_id) VALUES (?, ?)"));
    insert_pupils(*insert_pupil, db.last_insert_rowid(), e.leerlingen);
  }
  transaction.commit();
}

int64_t carry_missing_audit(Database& db, const std::string& attached) {
  TransactionUnlessInOne transaction(db);
  db.exec("DROP TABLE IF EXISTS temp.audit_mee");
  db.exec(
      "CREATE TEMP TABLE audit_mee AS SELECT o.id AS oud_id, EXISTS (SELECT 1 FROM main.audit m WHERE m.id = o.id) AS bezet "
      "FROM \"" + attached + "\".audit o WHERE NOT EXISTS (SELECT 1 FROM main.audit m WHERE m.id = o.id AND "
      "m.tijdstip = o.tijdstip AND m.gebruiker = o.gebruiker AND m.actie = o.actie)");
  const int64_t carried = db.query_int("SELECT count(*) FROM temp.audit_mee").value_or(0);
  const bool has_pupils =
      db.query_int("SELECT count(*) FROM \"" + attached + "\".sqlite_master WHERE name = 'audit_leerlingen'").value_or(0) > 0;
  // Free ids first, in their order, with their pupils in one statement each.
  db.exec(std::string("INSERT INTO main.audit (") + kColumns + ") SELECT " + kColumns + " FROM \"" + attached +
          "\".audit WHERE id IN (SELECT oud_id FROM temp.audit_mee WHERE NOT bezet) ORDER BY id");
  if (has_pupils)
    db.exec("INSERT INTO main.audit_leerlingen (audit_id, leerling_id) SELECT audit_id, leerling_id FROM \"" + attached +
            "\".audit_leerlingen WHERE audit_id IN (SELECT oud_id FROM temp.audit_mee WHERE NOT bezet)");
  // Taken ids (a backup of another history) get new ones after everything else.
  Statement taken = db.prepare("SELECT oud_id FROM temp.audit_mee WHERE bezet ORDER BY oud_id");
  Statement copy = db.prepare("INSERT INTO main.audit (tijdstip, gebruiker, rol, actie, leerling_id, bron, detail, adres) "
                              "SELECT tijdstip, gebruiker, rol, actie, leerling_id, bron, detail, adres FROM \"" +
                              attached + "\".audit WHERE id = ?");
  std::optional<Statement> copy_pupils;
  if (has_pupils)
    copy_pupils.emplace(db.prepare("INSERT INTO main.audit_leerlingen (audit_id, leerling_id) SELECT ?1, leerling_id FROM \"" +
                                   attached + "\".audit_leerlingen WHERE audit_id = ?2"));
  while (taken.step()) {
    copy.reset();
    copy.bind_int(1, taken.column_int(0));
    copy.step();
    if (!copy_pupils) continue;
    copy_pupils->reset();
    copy_pupils->bind_int(1, db.last_insert_rowid());
    copy_pupils->bind_int(2, taken.column_int(0));
    copy_pupils->step();
  }
  db.exec("DROP TABLE temp.audit_mee");
  transaction.commit();
  return carried;
}

std::vector<AuditEntry> read_audit(Database& db, const AuditFilter& filter) {
  Statement query = db.prepare(std::string("SELECT ") +
      "id, tijdstip, gebruiker, rol, actie, ifnull(leerling_id, ''), bron, ifnull(detail, ''), ifnull(adres, ''), "
      "EXISTS (SELECT 1 FROM audit_leerlingen l WHERE l.audit_id = audit.id) "
      "FROM audit WHERE (?1 = '' OR leerling_id = ?1 OR id IN (SELECT audit_id FROM audit_leerlingen WHERE leerling_id = ?1)) "
      "AND (?2 = '' OR gebruiker = ?2) AND (?4 = '' OR actie = ?4) AND (?5 = '' OR tijdstip >= ?5) "
      "AND (?6 = '' OR tijdstip < date(?6, '+1 day')) AND id > ?7 "
      "ORDER BY id DESC LIMIT ?3");
  query.bind_text(1, filter.leerling_id);
  query.bind_text(2, filter.gebruiker);
  query.bind_int(3, filter.limit > 0 ? filter.limit : -1);
  query.bind_text(4, filter.actie);
  query.bind_text(5, filter.van);
  query.bind_text(6, filter.tot);
  query.bind_int(7, filter.after_id);
  std::vector<AuditEntry> entries;
  std::vector<bool> has_pupils;
  while (query.step()) {
    has_pupils.push_back(query.column_int(9) != 0);
    AuditEntry e;
    e.id = query.column_int(0);
    std::string* text[] = {&e.tijdstip, &e.gebruiker, &e.rol, &e.actie, &e.leerling_id, &e.bron, &e.detail, &e.adres};
    for (int i = 0; i < 8; ++i) *text[i] = query.column_text(i + 1);
    entries.push_back(std::move(e));
  }
  read_pupils(db, entries, has_pupils);
  return entries;
}

std::optional<std::string> set_audit_date(AuditFilter& filter, std::string AuditFilter::*field, const std::string& name,
                                          const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto date = parse_date(text);
  if (!date) return fmt::format("{} '{}' is geen datum (JJJJ-MM-DD)", name, text);
  filter.*field = date->iso();
  return std::nullopt;
}

std::string audit_csv(const std::vector<AuditEntry>& entries) {
  CsvWriter csv(CsvAudience::spreadsheet);  // a login name like =HYPERLINK(...) stays text
  csv.row({"id", "tijdstip", "gebruiker", "rol", "actie", "leerling_id", "bron", "detail", "adres", "leerlingen"});
  std::vector<const AuditEntry*> ordered;
  for (const AuditEntry& e : entries) ordered.push_back(&e);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const AuditEntry* e : ordered) {
    csv.number(e->id);
    for (const std::string* field : {&e->tijdstip, &e->gebruiker, &e->rol, &e->actie, &e->leerling_id, &e->bron, &e->detail, &e->adres})
      csv.text(*field);
    std::string leerlingen;  // the pupils of a page entry, separated by spaces
    for (const std::string& id : e->leerlingen) leerlingen += (leerlingen.empty() ? "" : " ") + id;
    csv.text(leerlingen);
    csv.end_row();
  }
  return csv.take();
}

}  // namespace stroom
