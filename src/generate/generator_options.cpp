// Validation of the generator options; see generator_options.h.
#include "generate/generator_options.h"

#include <fmt/format.h>

namespace stroom {
namespace {

constexpr int kEarliestYear = 1990;
constexpr int kLatestYear = 2090;
constexpr int kMaxYears = 30;

bool valid_swv(std::string_view swv) {
  if (swv.size() < 3 || swv.size() > 8) return false;
  if (!(swv.starts_with("PO") || swv.starts_with("VO"))) return false;
  for (char c : swv.substr(2))
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<std::string> validate_generator_options(const GeneratorOptions& options) {
  if (options.pupils <= 0)
    return fmt::format("--pupils moet een positief aantal leerlingen zijn (gegeven: {})", options.pupils);
  if (options.pupils > kMaxGeneratedPupils)
    return fmt::format("--pupils mag hoogstens {} zijn (gegeven: {})", kMaxGeneratedPupils, options.pupils);
  if (options.from_year < kEarliestYear || options.from_year > kLatestYear)
    return fmt::format("--from moet een jaar tussen {} en {} zijn (gegeven: {})", kEarliestYear,
                       kLatestYear, options.from_year);
  if (options.to_year < options.from_year)
    return fmt::format("--to ({}) mag niet voor --from ({}) liggen", options.to_year, options.from_year);
  if (options.to_year - options.from_year >= kMaxYears)
    return fmt::format("--to mag hoogstens {} jaar na --from liggen", kMaxYears - 1);
  if (!(options.vuil >= 0 && options.vuil <= 100))
    return fmt::format("--vuil moet een percentage tussen 0 en 100 zijn (gegeven: {})", options.vuil);
  if (!valid_swv(options.swv))
    return fmt::format("--swv moet een SWV-code zijn zoals PO2401 of VO2401 (gegeven: '{}')", options.swv);
  return std::nullopt;
}

SwvCodes swv_codes(std::string_view swv) {
  const std::string digits(swv.substr(2));
  // The neighbour's number is this one plus one, keeping the width (PO9999 -> PO0000).
  std::string neighbour = digits;
  for (size_t i = neighbour.size(); i-- > 0;) {
    if (neighbour[i] != '9') { ++neighbour[i]; break; }
    neighbour[i] = '0';
  }
  return {"PO" + digits, "VO" + digits, "PO" + neighbour, "VO" + neighbour};
}

}  // namespace stroom
