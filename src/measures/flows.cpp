// Flow matrices per school year; see flows.h.
#include "measures/flows.h"

#include "measures/pupil_counts.h"
#include "measures/setting_masks.h"

namespace stroom {
namespace {

// Dominant setting (or kBuiten for the empty mask) of every possible 7-bit mask.
std::array<uint8_t, 128> dominant_by_mask() {
  std::array<uint8_t, 128> table{};
  table[0] = uint8_t(kBuiten);
  for (unsigned mask = 1; mask < 128; ++mask) table[mask] = uint8_t(dominant_setting(uint8_t(mask)));
  return table;
}

}  // namespace

std::vector<YearFlows> flows_per_year(const EnrolmentColumns& enrolments) {
  static const std::array<uint8_t, 128> dominant = dominant_by_mask();
  const std::vector<Date> dates = teldata(enrolments);
  const SettingMasks masks(enrolments, dates);
  std::vector<YearFlows> flows;
  for (size_t d = 1; d < dates.size(); ++d) {
    if (dates[d - 1] != SchoolYear{dates[d].year() - 1}.teldatum()) continue;
    YearFlows year{SchoolYear{dates[d].year()}, {}};
    for (size_t p = 0; p < masks.pupil_count(); ++p) {
      const uint8_t before = masks.mask(p, d - 1);
      const uint8_t after = masks.mask(p, d);
      if (before | after) ++year.counts[dominant[before]][dominant[after]];
    }
    flows.push_back(year);
  }
  return flows;
}

std::string flow_end_code(size_t index) {
  return index < kSettingCount ? std::string(setting_code(kAllSettings[index])) : "buiten";
}

}  // namespace stroom
