// `stroom generate`: placeholder until the generator lands.
#include "cli/commands.h"
namespace stroom::cli {
void register_generate_command(CLI::App& app, int* exit_code) {
  app.add_subcommand("generate", "Genereer een demoregio")->callback([exit_code] { *exit_code = 2; });
}
}  // namespace stroom::cli
