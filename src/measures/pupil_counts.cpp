// Teldata and pupil counts; see pupil_counts.h.
#include "measures/pupil_counts.h"

#include <algorithm>

#include "measures/disclosure_control.h"

namespace stroom {

std::vector<PupilCounts> count_pupils(const SettingMasks& masks) {
  std::vector<PupilCounts> counts(masks.date_count(), PupilCounts{});
  for (size_t p = 0; p < masks.pupil_count(); ++p) {
    for (size_t d = 0; d < masks.date_count(); ++d) {
      const uint8_t mask = masks.mask(p, d);
      if (!mask) continue;
      for (size_t s = 0; s < kSettingCount; ++s) counts[d][s] += (mask >> s) & 1u;
      ++counts[d][kTotaal];
    }
  }
  return counts;
}

PupilCounts count_pupils(const EnrolmentColumns& enrolments, Date date) {
  const Date dates[] = {date};
  return count_pupils(SettingMasks(enrolments, dates))[0];
}

// Computed once per model, when its enrolments are finished (model/enrolment_columns.cpp).
std::vector<Date> teldata(const EnrolmentColumns& enrolments) { return enrolments.teldata; }

std::string setting_or_total_code(size_t index) {
  return index < kSettingCount ? std::string(setting_code(kAllSettings[index])) : "totaal";
}

MeasureTable pupil_count_table(const std::vector<Date>& dates, const std::vector<PupilCounts>& counts) {
  MeasureTable table{{"datum", "onderwijssoort", "waarde"}, {}};
  for (size_t d = 0; d < dates.size(); ++d)
    for (size_t s = 0; s <= kSettingCount; ++s)
      table.rows.push_back({MeasureCell::text(dates[d].iso()), MeasureCell::text(setting_or_total_code(s)),
                            MeasureCell::of_count(counts[d][s])});
  return table;
}

// Each date is its own group, so what is suppressed on a date does not depend on the other dates
// asked for: this equals what `leerlingen` publishes for that date.
std::vector<PupilCountsSuppressed> suppressed_pupil_counts(const std::vector<Date>& dates,
                                                           const std::vector<PupilCounts>& counts) {
  const auto state = disclosure_control(pupil_count_table(dates, counts));
  std::vector<PupilCountsSuppressed> suppressed(dates.size(), PupilCountsSuppressed{});
  for (size_t d = 0; d < dates.size(); ++d)
    for (size_t s = 0; s <= kSettingCount; ++s)
      suppressed[d][s] = state[d * (kSettingCount + 1) + s][2] != Suppression::none;
  return suppressed;
}

}  // namespace stroom
