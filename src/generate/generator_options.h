// The options of `stroom generate` as a plain struct, and their validation.
//
// The CLI only parses text into this struct; everything that decides whether the options make
// sense lives here so that tests and other callers get the same Dutch messages.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace stroom {

struct GeneratorOptions {
  int64_t pupils = 40000;  // approximate pupils enrolled on the first teldatum (from-10-01)
  int from_year = 2018;    // first simulated school year: from-08-01 ... (from+1)-07-31
  int to_year = 2024;      // last simulated school year (its teldatum to-10-01 exists)
  uint64_t seed = 1;
  std::string swv = "PO9901";  // the region's SWV code; PO or VO prefix, the other is derived
  double vuil = 0;             // percentage of rows that get an error mixed in, 0..100
  // Called now and then with a stage name and the share done (0..1); may be empty.
  std::function<void(std::string_view stage, double done)> progress;
};

// Largest --pupils accepted: the BSN generator hands out unique numbers from a space of 10^7
// prefixes, and a region of N pupils on the first teldatum needs about 1.8 N ids over 8 years.
inline constexpr int64_t kMaxGeneratedPupils = 5'000'000;

// A Dutch message naming the offending option, or nullopt when the options are usable.
std::optional<std::string> validate_generator_options(const GeneratorOptions& options);

// The region's two SWV codes: PO and VO followed by the same digits (e.g. PO9901 and VO9901).
struct SwvCodes {
  std::string po;
  std::string vo;
  std::string neighbour_po;  // the adjacent region whose schools some pupils attend
  std::string neighbour_vo;
};
// Requires a valid code (see validate_generator_options).
SwvCodes swv_codes(std::string_view swv);

}  // namespace stroom
