// Backup and restore of a store: `stroom backup` and `stroom restore` (docs/operations.md).
//
// A backup is a consistent snapshot of the database file, taken with SQLite's online backup API
// from a connection of its own, so it can run while `stroom serve` or an import (other processes,
// WAL mode) read and write the database. It is written beside the target under a temporary name,
// checked (integrity_check, schema version) and only then renamed into place: the target's name
// never holds half a backup. The pseudonym key file (<db>.key, pseudonym_key.h) is copied beside
// it as <target>.key with mode 0600, because without it future imports would give returning pupils
// new pseudonyms.
//
// A restore checks the backup and its key before it touches the database, refuses to replace an
// existing database unless asked to, and writes through the backup API into a connection on the
// destination, so that a WAL file left beside it is superseded rather than replayed over the copy.
//
// Both are audit entries (actor: who ran the command). A restore never loses audit entries: the
// restored state is prepared beside the database first (the backup, migrated to this schema, plus
// every entry of the replaced database that the backup does not hold, with its id and time, plus
// the restore's own entry) and then written into the database in one step. When the replaced
// database's log cannot be read, the restore refuses before changing anything.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace stroom {

// What a backup or restore wrote, for the CLI to report.
struct BackupReport {
  std::filesystem::path database;  // the file written: the backup, or the restored database
  uintmax_t bytes = 0;             // its size
  int schema_version = 0;
  std::vector<std::pair<std::string, int64_t>> row_counts;  // every table, by name
  // The key file beside it: copied there, or (restore) already there and belonging to it.
  std::filesystem::path key_file;
  // The database uses a pseudonym key (it has pupils with pseudonyms) but no key file was copied:
  // imports into the result refuse until the key file is put back beside it.
  bool key_missing = false;
  // Restore: audit entries of the replaced database carried into the restored one.
  int64_t audit_carried = 0;
};

// Writes a checked snapshot of source_db to target_file (replacing an earlier backup there) and
// copies the key file. Throws StoreError, naming the file, when anything cannot be used.
BackupReport backup_database(const std::filesystem::path& source_db, const std::filesystem::path& target_file,
                             const std::string& actor);

// Replaces or creates db from backup_file and restores the key file beside it. An existing db is
// only replaced when overwrite is true. Throws StoreError before changing anything when the backup
// or its key file cannot be used.
BackupReport restore_database(const std::filesystem::path& backup_file, const std::filesystem::path& db,
                              bool overwrite, const std::string& actor);

}  // namespace stroom
