// Option checks whose refusals are Dutch. CLI11's own validators (IsMember, Range) say
// "xml not in {csv,json,table}"; these say what the option must be and what was given, and
// parse_error_message puts the option's name in front ("--format moet een van csv, json, table
// zijn, niet 'xml'").
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stroom::cli {

// The value must be one of the choices, spelled exactly.
CLI::Validator one_of(std::vector<std::string> choices);

// The value must be a whole number from low to high inclusive.
CLI::Validator whole_number_from_to(long long low, long long high);

}  // namespace stroom::cli
