// Dutch help text (`stroom --help`, `stroom measure --help`): CLI11 writes its labels (Usage,
// OPTIONS, REQUIRED...) and the value types (TEXT, INT) in English; this replaces the ones it lets
// a program set.
#pragma once

#include <CLI/CLI.hpp>

namespace stroom::cli {

// Call after every command is registered: sets the labels on the shared formatter, the -h/--help
// flag and the group names of the app and all its subcommands, and Dutch value types.
void use_dutch_help(CLI::App& app);

}  // namespace stroom::cli
