// `stroom import`: placeholder until the importer lands.
#include "cli/commands.h"
namespace stroom::cli {
void register_import_command(CLI::App& app, int* exit_code) {
  app.add_subcommand("import", "Importeer CSV-bestanden")->callback([exit_code] { *exit_code = 2; });
}
}  // namespace stroom::cli
