// Entry point of the stroom binary: builds the command tree and maps errors to exit codes.
// Exit codes: 0 success, 1 wrong usage, 2 a file or database could not be used,
// 3 an import rejected rows (formats.md).
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/commands.h"

namespace {

// CLI11 speaks English; users of stroom read Dutch. Labels of the help text are translated here,
// and the parse errors users meet most are reworded in dutch_parse_error.
void use_dutch_labels(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Gebruik");
  formatter->label("OPTIONS", "OPTIES");
  formatter->label("Options", "Opties");
  formatter->label("Positionals", "Argumenten");
  formatter->label("Subcommands", "Opdrachten");
  formatter->label("SUBCOMMAND", "OPDRACHT");
  formatter->label("REQUIRED", "VERPLICHT");
  formatter->label("TEXT", "TEKST");
  formatter->label("INT", "GETAL");
  formatter->column_width(34);
}

std::string dutch_parse_error(const CLI::ParseError& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) return "geef een opdracht, zie 'stroom --help'";
    return "verplicht argument ontbreekt: " + what.substr(0, what.find(' '));
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "onbekend argument: " + what.substr(what.rfind(' ') + 1);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "optie zonder waarde: " + what;
  if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e))
    return "ongeldige waarde: " + what;
  return what;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"stroom: informatiesysteem voor samenwerkingsverbanden passend onderwijs"};
  app.require_subcommand(1);
  app.option_defaults()->group("Opties");
  app.set_help_flag("-h,--help", "Toon deze hulptekst");
  use_dutch_labels(app);
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
  for (auto* subcommand : app.get_subcommands({})) {
    subcommand->group("Opdrachten");
    subcommand->set_help_flag("-h,--help", "Toon deze hulptekst");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "stroom: {}\n", stroom::log_safe(dutch_parse_error(e)));
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "stroom: {}\n", stroom::log_safe(e.what()));
    return 2;
  }
  return exit_code;
}
