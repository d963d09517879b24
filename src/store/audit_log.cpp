// Writing and reading the audit log; see audit_log.h.
#include "store/audit_log.h"

#include <algorithm>
#include <optional>

#include "ingest/csv_writer.h"

namespace stroom {

void append_audit(Database& db, const std::vector<AuditEntry>& entries) {
  // Inside a caller's transaction the entries commit (or roll back) with the change they record.
  std::optional<Transaction> transaction;
  if (!db.in_transaction()) transaction.emplace(db);
  Statement insert = db.prepare(
      "INSERT INTO audit (tijdstip, gebruiker, rol, actie, leerling_id, bron, detail, adres) "
      "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, nullif(?, ''), ?, nullif(?, ''), nullif(?, ''))");
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
  }
  if (transaction) transaction->commit();
}

std::vector<AuditEntry> read_audit(Database& db, const AuditFilter& filter) {
  Statement query = db.prepare(
      "SELECT id, tijdstip, gebruiker, rol, actie, ifnull(leerling_id, ''), bron, ifnull(detail, ''), ifnull(adres, '') "
      "FROM audit WHERE (?1 = '' OR leerling_id = ?1) AND (?2 = '' OR gebruiker = ?2) "
      "ORDER BY id DESC LIMIT ?3");
  query.bind_text(1, filter.leerling_id);
  query.bind_text(2, filter.gebruiker);
  query.bind_int(3, filter.limit > 0 ? filter.limit : -1);
  std::vector<AuditEntry> entries;
  while (query.step()) {
    AuditEntry e;
    e.id = query.column_int(0);
    std::string* text[] = {&e.tijdstip, &e.gebruiker, &e.rol, &e.actie, &e.leerling_id, &e.bron, &e.detail, &e.adres};
    for (int i = 0; i < 8; ++i) *text[i] = query.column_text(i + 1);
    entries.push_back(std::move(e));
  }
  return entries;
}

std::string audit_csv(const std::vector<AuditEntry>& entries) {
  CsvWriter csv(CsvAudience::spreadsheet);  // a login name like =HYPERLINK(...) stays text
  csv.row({"id", "tijdstip", "gebruiker", "rol", "actie", "leerling_id", "bron", "detail", "adres"});
  std::vector<const AuditEntry*> ordered;
  for (const AuditEntry& e : entries) ordered.push_back(&e);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const AuditEntry* e : ordered) {
    csv.number(e->id);
    for (const std::string* field : {&e->tijdstip, &e->gebruiker, &e->rol, &e->actie, &e->leerling_id, &e->bron, &e->detail, &e->adres})
      csv.text(*field);
    csv.end_row();
  }
  return csv.take();
}

}  // namespace stroom
