// Growth against the base year's teldatum; see ontwikkeling.h.
#include "measures/ontwikkeling.h"

#include <algorithm>

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  MeasureTable table{{"datum", "onderwijssoort", "waarde"}, {}};
  const Date base = SchoolYear{*parameters.ijkjaar}.teldatum();
  const std::vector<Date> all_teldata = teldata(region.enrolments);
  std::vector<Date> dates = {base};  // the base date first, then every later teldatum
  for (Date t : all_teldata)
    if (t > base) dates.push_back(t);
  const auto counts = count_pupils(SettingMasks(region.enrolments, dates));
  const auto suppressed = suppressed_pupil_counts(dates, counts);
  const bool base_is_teldatum = std::ranges::count(all_teldata, base) > 0;
  for (size_t d = base_is_teldatum ? 0 : 1; d < dates.size(); ++d) {
    for (size_t s = 0; s <= kSettingCount; ++s) {
      const int64_t now = counts[d][s];
      const int64_t then = counts[0][s];
      std::optional<double> value;
      if (then > 0) value = 100.0 * (double(now) / double(then) - 1.0);
      table.rows.push_back({MeasureCell::text(dates[d].iso()), MeasureCell::text(setting_or_total_code(s)),
                            MeasureCell::of_number(value, suppressed[d][s] || suppressed[0][s])});
    }
  }
  return table;
}

}  // namespace

MeasureDefinition ontwikkeling_measure() {
  return {"ontwikkeling",
          "Ontwikkeling ten opzichte van het ijkjaar",
          "Met ijkjaar Y is de ijkdatum Y-10-01. Per teldatum vanaf de ijkdatum, per onderwijssoort "
          "en totaal: 100 × (leerlingen op de teldatum / leerlingen op de ijkdatum − 1). 46 betekent "
          "146% van het aantal in het ijkjaar. Leeg als er op de ijkdatum 0 leerlingen waren.",
          "procent",
          "inschrijvingen",
          {Parameter::ijkjaar},
          {},
          compute};
}

}  // namespace stroom
