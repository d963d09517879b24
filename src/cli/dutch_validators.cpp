// Option checks with Dutch refusals; see dutch_validators.h.
#include "cli/dutch_validators.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace stroom::cli {

CLI::Validator one_of(std::vector<std::string> choices) {
  const std::string description = fmt::format("{{{}}}", fmt::join(choices, ","));
  return CLI::Validator(
      [choices](std::string& value) -> std::string {
        if (std::ranges::find(choices, value) != choices.end()) return {};
        return fmt::format("moet een van {} zijn, niet '{}'", fmt::join(choices, ", "), value);
      },
      description);
}

CLI::Validator whole_number_from_to(long long low, long long high) {
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        long long number = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error == std::errc() && end == value.data() + value.size() && low <= number && number <= high) return {};
        return fmt::format("moet een geheel getal van {} tot en met {} zijn, niet '{}'", low, high, value);
      },
      fmt::format("{}..{}", low, high));
}

}  // namespace stroom::cli
