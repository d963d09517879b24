// `stroom version`: the program version and the database schema version it writes.
#include <fmt/format.h>

#include "cli/commands.h"
#include "store/migrations.h"

namespace stroom::cli {

void register_version_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("version", "Toon de versie van stroom");
  cmd->callback([exit_code] {
    fmt::print("stroom {} (databaseschema {})\n", STROOM_VERSION, kSchemaVersion);
    *exit_code = 0;
  });
}

}  // namespace stroom::cli
