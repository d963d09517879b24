// Versioned schema migrations of the embedded SQLite store.
//
// The schema version lives in SQLite's user_version. Each migration runs once, inside a
// transaction, in order; opening a database that is already current changes nothing, and a
// database written by a newer stroom is refused rather than misread.
#pragma once

#include <filesystem>
#include <memory>

#include "store/database.h"

namespace stroom {

inline constexpr int kSchemaVersion = 8;

// Brings the database up to kSchemaVersion. Throws StoreError for a newer schema.
void migrate(Database& db);
int schema_version(Database& db);

// Opens (creating if needed) and migrates the store at path.
std::unique_ptr<Database> open_store(const std::filesystem::path& path);

}  // namespace stroom
