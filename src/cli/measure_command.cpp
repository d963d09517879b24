// `stroom measure ID --db FILE [...]` and `stroom measure --list`: one maatboek measure, printed.
// `stroom maatboek [--out FILE]`: the maatboek page from the registry.
#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/parse_error_message.h"
#include "measures/maatboek_page.h"
#include "measures/measure_parameters.h"
#include "measures/measure_registry.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace stroom::cli {
namespace {

struct MeasureArguments {
  std::string id;
  std::string db = "stroom.db";
  std::vector<GivenParameter> parameters;  // the parameter options given (checked against the registry)
  std::string format = "table";
  bool publish = false;
  bool list = false;
  bool verbose = false;
};

// Every parameter a measure may take, as an option; which ones a measure takes is the registry's.
struct ParameterOption {
  Parameter parameter;
  const char* help;
};
constexpr ParameterOption kParameterOptions[] = {
    {Parameter::at, "Datum (JJJJ-MM-DD)"},
    {Parameter::ijkjaar, "IJkjaar (JJJJ), voor ontwikkeling"},
    {Parameter::peildatum, "Peildatum (JJJJ-MM-DD), voor verblijfsduur"},
    {Parameter::schooljaar, "Schooljaar (JJJJ-JJJJ), voor kosten"},
    {Parameter::gebied, "Gebied uit de tellingen (NL, SWV-code of gemeente), voor vergelijking"},
};

// The selection of the region every measure takes (measures/region_selection.h).
constexpr std::pair<const char*, const char*> kSelectionOptions[] = {
    {"swv", "Alleen de vestigingen van dit SWV (code uit vestigingen.swv)"},
    {"sector", "Alleen de vestigingen van deze sector: po of vo"},
    {"bestuur", "Alleen de vestigingen van dit bestuur"},
    {"gemeente", "Alleen de vestigingen in deze gemeente"},
    {"vestiging", "Alleen deze vestiging (vestiging_id)"},
};

// Characters as a terminal shows them: UTF-8 continuation bytes take no column.
size_t columns_of(std::string_view text) {
  return size_t(std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "--ijkjaar" for a required parameter, "[--at]" for an optional one.
std::string parameters_of(const MeasureDefinition& m) {
  std::vector<std::string> shown;
  for (Parameter p : m.required) shown.emplace_back(parameter_flag(p));
  for (Parameter p : m.optional) shown.push_back(fmt::format("[{}]", parameter_flag(p)));
  return fmt::format("{}", fmt::join(shown, " "));
}

// One row per measure in aligned columns, so the list reads like a table in a terminal.
void print_list() {
  std::vector<std::array<std::string, 4>> rows = {{"id", "naam", "eenheid", "parameters"}};
  for (const auto& m : measure_registry())
    rows.push_back({std::string(m.id), std::string(m.naam), std::string(m.eenheid), parameters_of(m)});
  std::array<size_t, 4> width{};
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], columns_of(row[c]));
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c)
      line += c + 1 < row.size() ? row[c] + std::string(width[c] - columns_of(row[c]) + 2, ' ') : row[c];
    fmt::print("{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
  }
}

int run_measure(const MeasureArguments& args) {
  if (args.list) {
    print_list();
    return 0;
  }
  const MeasureDefinition* measure = find_measure(args.id);
  if (!measure) {
    std::vector<std::string> ids;
    for (const auto& m : measure_registry()) ids.emplace_back(m.id);
    fmt::print(stderr, "stroom: onbekende maat '{}'{}; 'stroom measure --list' toont ze alle\n", log_safe(args.id),
               log_safe(did_you_mean(args.id, ids)));
    return 1;
  }
  MeasureParameters parameters;
  try {
    parameters = parse_measure_parameters(*measure, args.parameters, "--");
    if (args.publish) check_published_dates(parameters, "--", "met --publish");
  } catch (const MeasureError& e) {
    fmt::print(stderr, "stroom: {}\n", log_safe(e.what()));
    return 1;
  }
  if (!require_existing_db(args.db)) return 2;
  auto started = std::chrono::steady_clock::now();
  auto db = open_store(args.db);
  const RegionModel region = load_region(*db);
  auto loaded = std::chrono::steady_clock::now();
  MeasureTable table;
  try {
    check_within_data(parameters, data_range(region), "--");
    table = compute_measure(*measure, region, parameters);
  } catch (const MeasureError& e) {
    fmt::print(stderr, "stroom: {}\n", log_safe(e.what()));
    return 1;
  }
  auto computed = std::chrono::steady_clock::now();
  const OutputFormat format = args.format == "csv" ? OutputFormat::csv
                              : args.format == "json" ? OutputFormat::json
                                                      : OutputFormat::table;
  fmt::print("{}", render_measure(table, format, args.publish));
  if (args.verbose) {
    using ms = std::chrono::duration<double, std::milli>;
    fmt::print(stderr, "geladen: {} inschrijvingen, {} leerlingen in {:.1f} ms; berekend in {:.1f} ms\n",
               region.enrolments.size(), region.enrolments.pupil_count(), ms(loaded - started).count(),
               ms(computed - loaded).count());
  }
  return 0;
}

}  // namespace

void register_measure_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MeasureArguments>();
  auto* cmd = app.add_subcommand("measure", "Bereken een maat uit het maatboek");
  cmd->add_option("maat", args->id, "Id van de maat, bijvoorbeeld leerlingen (zie --list)");
  cmd->add_flag("--list", args->list, "Toon alle maten");
  add_db_option(*cmd, args->db);
  for (const ParameterOption& option : kParameterOptions) {
    const std::string name(parameter_name(option.parameter));
    cmd->add_option_function<std::string>(
        std::string(parameter_flag(option.parameter)),
        [args, name](const std::string& text) { args->parameters.push_back({name, text}); }, option.help);
  }
  for (const auto& [name, help] : kSelectionOptions)
    cmd->add_option_function<std::string>(
        fmt::format("--{}", name), [args, name = std::string(name)](const std::string& text) { args->parameters.push_back({name, text}); },
        help);
  cmd->add_option("--format", args->format, "Uitvoer: csv, json of table")
      ->check(one_of({"csv", "json", "table"}));
  cmd->add_flag("--publish", args->publish, "Onderdruk aantallen van 1 t/m 4 voor publicatie");
  cmd->add_flag("--verbose", args->verbose, "Toon laad- en rekentijd");
  cmd->callback([args, exit_code] {
    if (args->id.empty() && !args->list) {
      fmt::print(stderr, "stroom: geef een maat, bijvoorbeeld 'stroom measure leerlingen'; zie --list\n");
      *exit_code = 1;
      return;
    }
    *exit_code = run_measure(*args);
  });
}

void register_maatboek_command(CLI::App& app, int* exit_code) {
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("maatboek", "Schrijf het maatboek (Markdown) uit het maatregister");
  cmd->add_option("--out", *out, "Bestand (standaard: standaarduitvoer)");
  cmd->callback([out, exit_code] {
    const std::string page = render_maatboek_markdown();
    if (out->empty()) {
      fmt::print("{}", page);
    } else {
      std::ofstream file(*out, std::ios::binary);
      file << page;
      if (!file) {
        fmt::print(stderr, "stroom: kan {} niet schrijven\n", log_safe(*out));
        *exit_code = 2;
        return;
      }
    }
    *exit_code = 0;
  });
}

}  // namespace stroom::cli
