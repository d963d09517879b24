// Entry point of the stroom binary: builds the command tree and maps errors to exit codes.
// Exit codes: 0 success, 1 wrong usage, 2 a file or database could not be used,
// 3 an import rejected rows (formats.md).
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"stroom: informatiesysteem voor samenwerkingsverbanden passend onderwijs"};
  app.require_subcommand(1);
  app.set_help_flag("-h,--help", "Toon deze hulptekst");
  int exit_code = 0;
  stroom::cli::register_version_command(app, &exit_code);
  stroom::cli::register_generate_command(app, &exit_code);
  stroom::cli::register_import_command(app, &exit_code);
  stroom::cli::register_measure_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "stroom: {}\n", e.what());
    return 2;
  }
  return exit_code;
}
