// Plain, obviously-correct reference implementations of maatboek measures, computed straight
// from CSV text with strings and sets, sharing no code with src/. Tests compare stroom against
// these on hand-made and generated data.
#pragma once

#include <map>
#include <string>
#include <utility>

namespace stroom::test {

// leerlingen: (datum, onderwijssoort or "totaal") -> distinct pupils, for every teldatum of the
// maatboek definition, read from an inschrijvingen.csv text with ';' and no quoted fields.
std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::string& csv);

}  // namespace stroom::test
