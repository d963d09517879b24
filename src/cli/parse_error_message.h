// Dutch messages for the command lines CLI11 refuses. CLI11 only speaks English ("--format: xml
// not in {csv,json,table}", "A subcommand is required"); this rewords each kind of ParseError,
// naming the command, the option or argument concerned and what to do, and suggests the nearest
// known name for a typing error ("onbekende opdracht 'improt' (bedoelt u 'import'?)").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace stroom::cli {

// The message for an error thrown by app.parse (not CallForHelp: that is help, not an error).
// Reads the app's state after the failed parse: which subcommands were reached and which
// arguments were left over.
std::string dutch_parse_error(const CLI::App& app, const CLI::ParseError& error);

// " (bedoelt u 'import'?)" when one known name is within two edits (and half its length) of the
// given one, else "": for a mistyped command, option or measure id.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& known);

}  // namespace stroom::cli
