// The --db option and the "database must exist" check, shared by the commands that read a store.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"

namespace stroom::cli {

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, "Databasebestand (standaard stroom.db)");
}

bool require_existing_db(const std::string& db) {
  if (std::filesystem::exists(db)) return true;
  fmt::print(stderr, "stroom: database {} bestaat niet; importeer eerst met 'stroom import'\n", log_safe(db));
  return false;
}

}  // namespace stroom::cli
