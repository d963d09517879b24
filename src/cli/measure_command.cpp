// `stroom measure`: placeholder until the measures land.
#include "cli/commands.h"
namespace stroom::cli {
void register_measure_command(CLI::App& app, int* exit_code) {
  app.add_subcommand("measure", "Bereken een maat")->callback([exit_code] { *exit_code = 2; });
}
}  // namespace stroom::cli
