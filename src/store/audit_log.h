// The audit log: who read or changed which pupil's personal data, when, through which endpoint or
// command, from which address. Append-only: the schema's triggers refuse UPDATE and DELETE, so the
// log can be trusted as evidence (docs/privacy.md). Failed and limited logins are written here too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace stroom {

struct AuditEntry {
  int64_t id = 0;
  std::string tijdstip;     // UTC, set on insert
  std::string gebruiker;    // account name, or "cli:<os user>" for a command
  std::string rol;
  std::string actie;        // e.g. "lezen", "zoeken-bsn", "inloggen-mislukt"
  std::string leerling_id;  // empty when no single pupil is concerned
  std::string bron;         // endpoint ("GET /api/leerlingen/…") or command
  std::string detail;       // e.g. the stated reason of a BSN search
  std::string adres;        // client address; empty for commands
};

// Appends all entries in one transaction (ids and tijdstip are assigned).
void append_audit(Database& db, const std::vector<AuditEntry>& entries);

struct AuditFilter {
  std::string leerling_id;  // empty: every pupil
  std::string gebruiker;    // empty: every user
  int64_t limit = 1000;     // newest first; 0: no limit
};
std::vector<AuditEntry> read_audit(Database& db, const AuditFilter& filter);
// The entries as CSV (';', header row), oldest first as they were written.
std::string audit_csv(const std::vector<AuditEntry>& entries);

}  // namespace stroom
