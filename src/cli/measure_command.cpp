// `stroom measure ID --db FILE [...]`: computes one maatboek measure and prints it.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "measures/leerlingen.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace stroom::cli {
namespace {

struct MeasureArguments {
  std::string id;
  std::string db = "stroom.db";
  std::string at;
  std::string format = "table";
  bool publish = false;
};

int run_measure(const MeasureArguments& args) {
  if (args.id != "leerlingen") {
    fmt::print(stderr, "fout: onbekende maat '{}' (beschikbaar: leerlingen)\n", args.id);
    return 1;
  }
  std::optional<Date> at;
  if (!args.at.empty()) {
    at = parse_date(args.at);
    if (!at) {
      fmt::print(stderr, "fout: --at '{}' is geen datum (JJJJ-MM-DD)\n", args.at);
      return 1;
    }
  }
  if (!std::filesystem::exists(args.db)) {
    fmt::print(stderr, "fout: database {} bestaat niet; importeer eerst met 'stroom import'\n", args.db);
    return 2;
  }
  auto db = open_store(args.db);
  const EnrolmentColumns enrolments = load_enrolments(*db);
  const OutputFormat format = args.format == "csv"    ? OutputFormat::csv
                              : args.format == "json" ? OutputFormat::json
                                                      : OutputFormat::table;
  fmt::print("{}", render_measure(measure_leerlingen(enrolments, at), format, args.publish));
  return 0;
}

}  // namespace

void register_measure_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MeasureArguments>();
  auto* cmd = app.add_subcommand("measure", "Bereken een maat uit het maatboek");
  cmd->add_option("maat", args->id, "Id van de maat, bijvoorbeeld leerlingen")->required();
  cmd->add_option("--db", args->db, "Databasebestand (standaard stroom.db)");
  cmd->add_option("--at", args->at, "Alleen deze datum (JJJJ-MM-DD)");
  cmd->add_option("--format", args->format, "Uitvoer: csv, json of table")
      ->check(CLI::IsMember({"csv", "json", "table"}));
  cmd->add_flag("--publish", args->publish, "Onderdruk aantallen van 1 t/m 4 voor publicatie");
  cmd->callback([args, exit_code] { *exit_code = run_measure(*args); });
}

}  // namespace stroom::cli
