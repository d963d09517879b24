// The audit log: who read or changed which pupil's personal data, when, through which endpoint or
// command, from which address. Append-only: the schema's triggers refuse UPDATE and DELETE, so the
// log can be trusted as evidence (docs/privacy.md). Failed and limited logins are written here too.
#pragma once

#include <cstdint>
#include <optional>
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
  // The pupils on a page of a pupil list (one entry per page shown; leerling_id is then empty).
  // Stored in audit_leerlingen, so that a filter on a pupil finds the page entries naming it.
  std::vector<std::string> leerlingen = {};
};

// Appends all entries in one transaction (ids and tijdstip are assigned), or inside the caller's
// transaction, so that a change and its entry commit together.
void append_audit(Database& db, const std::vector<AuditEntry>& entries);
// Copies into db every entry of the attached database `attached` that db does not hold (same id,
// tijdstip, gebruiker and actie), with its pupils, as it was written: tijdstip kept, the id kept
// when it is free in db (so ids keep their order), else the next one. For a restore, which carries
// entries written after the backup into the restored database. Returns how many were copied.
int64_t carry_missing_audit(Database& db, const std::string& attached);

struct AuditFilter {
  std::string leerling_id;  // empty: every pupil; else entries about it, page entries listing it too
  std::string gebruiker;    // empty: every user
  int64_t limit = 1000;     // newest first; 0: no limit
  std::string actie = {};   // empty: every action
  std::string van = {};     // YYYY-MM-DD, first day included; empty: from the start
  std::string tot = {};     // YYYY-MM-DD, last day included; empty: up to now
  int64_t after_id = 0;     // only entries with a larger id
};
std::vector<AuditEntry> read_audit(Database& db, const AuditFilter& filter);
// Sets filter.van or filter.tot (`field`) from a date as formats.md writes it; a Dutch message
// naming the parameter (`name`, e.g. "van" or "--van") when it is no date. Shared by CLI and API.
std::optional<std::string> set_audit_date(AuditFilter& filter, std::string AuditFilter::*field, const std::string& name,
                                          const std::string& text);
// The entries as CSV (';', header row), oldest first as they were written.
std::string audit_csv(const std::vector<AuditEntry>& entries);

}  // namespace stroom
