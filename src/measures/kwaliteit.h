// Measure `kwaliteit` (inzicht.md): the five data-quality findings ("prutdata"), counted per
// vestiging, with a few example records for `stroom check`.
//
// The findings are computed here once; the measure and the check command only format them, so
// the numbers a beheerder sees in the terminal are those of the measure.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "measures/measure_definition.h"

namespace stroom {

enum class Finding : uint8_t {
  onbekende_vestiging,
  dubbele_inschrijving,
  speciaal_zonder_tlv,
  opp_ontbreekt,
  verzuim_zonder_inschrijving,
};
inline constexpr size_t kFindingCount = 5;
inline constexpr std::array<std::string_view, kFindingCount> kFindingCodes = {
    "onbekende_vestiging", "dubbele_inschrijving", "speciaal_zonder_tlv", "opp_ontbreekt",
    "verzuim_zonder_inschrijving"};

// One record behind a finding: the pupil (dense id), the date the finding is about (the
// enrolment's startdatum, the teldatum, or the report's startdatum), the vestigingen involved
// (indexes into RegionModel::vestiging_ids, kNoIndex for a report without one) and the enrolment
// or report itself (setting, start and end; setting kNoSetting for a report).
struct FindingExample {
  uint32_t pupil = 0;
  int32_t date = 0;
  std::vector<uint32_t> vestigingen;
  uint8_t setting = kNoSetting;
  int32_t start = 0;
  int32_t end = kOpenEnd;  // as in the model's columns (inclusive for enrolments, exclusive for reports)
  static constexpr uint8_t kNoSetting = UINT8_MAX;
};

struct FindingCounts {
  std::vector<int64_t> per_vestiging;  // by index into RegionModel::vestiging_ids
  int64_t without_vestiging = 0;       // records tied to no vestiging (a report without one)
  int64_t totaal = 0;
  std::vector<FindingExample> examples;  // the first `examples` found, in pupil and date order
};

// The five findings, in the order of Finding. `examples` is how many example records to keep per
// finding (0 for the measure).
std::array<FindingCounts, kFindingCount> kwaliteit_findings(const RegionModel& region, size_t examples);

MeasureDefinition kwaliteit_measure();

}  // namespace stroom
