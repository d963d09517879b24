// Pupil counts on a date; see leerlingen.h.
#include "measures/leerlingen.h"

#include <algorithm>

namespace stroom {

PupilCounts count_pupils(const EnrolmentColumns& enrolments, Date date) {
  PupilCounts counts{};
  const int32_t t = date.days();
  for (size_t p = 0; p < enrolments.pupil_count(); ++p) {
    unsigned mask = 0;  // settings this pupil is enrolled in on t
    for (uint32_t i = enrolments.pupil_first_spell[p]; i < enrolments.pupil_first_spell[p + 1]; ++i) {
      if (enrolments.start[i] > t) break;  // sorted by start: later spells start later still
      if (enrolments.end[i] >= t) mask |= 1u << enrolments.setting[i];
    }
    for (size_t s = 0; s < kSettingCount; ++s) counts[s] += (mask >> s) & 1u;
    counts[kSettingCount] += mask != 0;
  }
  return counts;
}

std::vector<Date> teldata(const EnrolmentColumns& enrolments) {
  std::vector<Date> dates;
  auto latest = enrolments.latest_date();
  if (!latest) return dates;
  const int32_t earliest = *std::min_element(enrolments.start.begin(), enrolments.start.end());
  for (int year = Date::from_days(earliest).year(); year <= latest->year(); ++year) {
    Date teldatum = SchoolYear{year}.teldatum();
    if (teldatum > *latest) break;
    if (count_pupils(enrolments, teldatum)[kSettingCount] > 0) dates.push_back(teldatum);
  }
  return dates;
}

MeasureTable measure_leerlingen(const EnrolmentColumns& enrolments, std::optional<Date> at) {
  MeasureTable table{{"datum", "onderwijssoort", "waarde"}, {}};
  const std::vector<Date> dates = at ? std::vector<Date>{*at} : teldata(enrolments);
  for (Date date : dates) {
    const PupilCounts counts = count_pupils(enrolments, date);
    for (size_t s = 0; s <= kSettingCount; ++s) {
      const std::string setting = s < kSettingCount ? std::string(setting_code(kAllSettings[s])) : "totaal";
      table.rows.push_back({MeasureCell::text(date.iso()), MeasureCell::text(setting),
                            MeasureCell::of_count(counts[s])});
    }
  }
  return table;
}

}  // namespace stroom
