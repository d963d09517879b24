// Entry point of the stroom binary: builds the command tree and maps errors to exit codes.
// Exit codes: 0 success, 1 wrong usage, 2 a file or database could not be used,
// 3 an import rejected rows (formats.md).
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/dutch_help.h"
#include "cli/parse_error_message.h"

int main(int argc, char** argv) {
  CLI::App app{"stroom: informatiesysteem voor samenwerkingsverbanden passend onderwijs", "stroom"};
  app.require_subcommand(1);
  int exit_code = 0;
  stroom::cli::register_version_command(app, &exit_code);
  stroom::cli::register_generate_command(app, &exit_code);
  stroom::cli::register_import_command(app, &exit_code);
  stroom::cli::register_measure_command(app, &exit_code);
  stroom::cli::register_maatboek_command(app, &exit_code);
  stroom::cli::register_serve_command(app, &exit_code);
  stroom::cli::register_backup_command(app, &exit_code);
  stroom::cli::register_restore_command(app, &exit_code);
  stroom::cli::register_user_command(app, &exit_code);
  stroom::cli::register_audit_command(app, &exit_code);
  stroom::cli::register_retention_command(app, &exit_code);
  stroom::cli::register_setting_command(app, &exit_code);
  stroom::cli::register_check_command(app, &exit_code);
  stroom::cli::use_dutch_help(app);  // CLI11 speaks English; users of stroom read Dutch
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "stroom: {}\n", stroom::log_safe(stroom::cli::dutch_parse_error(app, e)));
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "stroom: {}\n", stroom::log_safe(e.what()));
    return 2;
  }
  return exit_code;
}
