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

// One pass over the spells: each spell covers a run of consecutive 1 Octobers (up to the latest
// date in the data); a difference array over the years marks which ones anyone covers. Every
// date-based measure asks for the teldata, so this must not cost a pupils x dates matrix.
std::vector<Date> teldata(const EnrolmentColumns& enrolments) {
  auto latest = enrolments.latest_date();
  if (!latest) return {};
  const int32_t earliest = *std::min_element(enrolments.start.begin(), enrolments.start.end());
  const int first_year = Date::from_days(earliest).year();
  std::vector<int64_t> delta(size_t(latest->year() - first_year + 2), 0);
  for (size_t i = 0; i < enrolments.size(); ++i) {
    const Date start = Date::from_days(enrolments.start[i]);
    const Date end = std::min(*latest, Date::from_days(enrolments.end[i] == kOpenEnd ? latest->days() : enrolments.end[i]));
    const int from = start <= SchoolYear{start.year()}.teldatum() ? start.year() : start.year() + 1;
    const int to = end >= SchoolYear{end.year()}.teldatum() ? end.year() : end.year() - 1;
    if (from > to) continue;
    ++delta[size_t(from - first_year)];
    --delta[size_t(to - first_year + 1)];
  }
  std::vector<Date> dates;
  int64_t covering = 0;
  for (int year = first_year; year <= latest->year(); ++year) {
    covering += delta[size_t(year - first_year)];
    if (covering > 0) dates.push_back(SchoolYear{year}.teldatum());
  }
  return dates;
}

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
