// Dutch labels, groups and value types in the help text; see dutch_help.h.
#include "cli/dutch_help.h"

#include <string>
#include <utility>

namespace stroom::cli {
namespace {

constexpr const char* kHelpFlag = "-h,--help";
constexpr const char* kHelpText = "Toon deze hulp";
constexpr const char* kOptionGroup = "Opties";
constexpr const char* kCommandGroup = "Opdrachten";

// CLI11's names of value types, and ours. A type may carry a validator's description after a
// colon ("TEXT:{csv,json,table}"); only the part before it is a type name.
constexpr std::pair<const char*, const char*> kTypeNames[] = {
    {"TEXT", "TEKST"}, {"INT", "GETAL"}, {"UINT", "GETAL"}, {"FLOAT", "GETAL"}, {"BOOLEAN", "JA/NEE"},
};

void use_dutch_value_type(CLI::Option& option) {
  const std::string full = option.get_type_name();
  const std::string type = full.substr(0, full.find(':'));
  for (const auto& [english, dutch] : kTypeNames)
    if (type == english) option.type_name(dutch);  // the validators' descriptions are still appended
}

void use_dutch_groups(CLI::App& command) {
  command.set_help_flag(kHelpFlag, kHelpText);
  for (CLI::Option* option : command.get_options()) {
    if (option->get_group() == "Options") option->group(kOptionGroup);
    use_dutch_value_type(*option);
  }
  for (CLI::App* subcommand : command.get_subcommands({})) {
    subcommand->group(kCommandGroup);
    use_dutch_groups(*subcommand);
  }
}

}  // namespace

void use_dutch_help(CLI::App& app) {
  auto formatter = app.get_formatter();  // shared: subcommands inherit their parent's formatter
  formatter->label("Usage", "Gebruik");
  formatter->label("OPTIONS", "OPTIES");
  formatter->label("Options", kOptionGroup);
  formatter->label("Positionals", "Argumenten");
  formatter->label("Subcommands", kCommandGroup);
  formatter->label("SUBCOMMAND", "OPDRACHT");
  formatter->label("SUBCOMMANDS", "OPDRACHTEN");
  formatter->label("REQUIRED", "VERPLICHT");
  formatter->label("Needs", "Vraagt");
  formatter->label("Excludes", "Sluit uit");
  formatter->label("Env", "Omgeving");
  formatter->column_width(34);
  use_dutch_groups(app);
}

}  // namespace stroom::cli
