// Differences against the teldatum two years earlier; see two_year_change.h.
#include "measures/two_year_change.h"

#include <algorithm>

#include "measures/pupil_counts.h"
#include "measures/thuiszitters.h"

namespace stroom {
namespace {

// Teldata t for which t - 2 years is a teldatum too, each with its earlier date.
std::vector<std::pair<Date, Date>> two_year_pairs(const EnrolmentColumns& enrolments) {
  const std::vector<Date> dates = teldata(enrolments);
  std::vector<std::pair<Date, Date>> pairs;
  for (Date t : dates) {
    const Date earlier = SchoolYear{t.year() - 2}.teldatum();
    if (std::binary_search(dates.begin(), dates.end(), earlier)) pairs.emplace_back(earlier, t);
  }
  return pairs;
}

// suppressed: either count is suppressed where it is published (`leerlingen`, `thuiszitters`).
std::vector<MeasureCell> change_cells(int64_t before, int64_t now, bool suppressed) {
  std::optional<double> percent;
  if (before > 0) percent = 100.0 * (double(now) / double(before) - 1.0);
  return {MeasureCell::of_number(double(now - before), suppressed), MeasureCell::of_number(percent, suppressed)};
}

MeasureTable pupils(const RegionModel& region, const MeasureParameters&) {
  MeasureTable table{{"datum", "onderwijssoort", "verschil", "procent"}, {}};
  for (const auto& [earlier, t] : two_year_pairs(region.enrolments)) {
    const std::vector<Date> dates = {earlier, t};
    const auto counts = count_pupils(SettingMasks(region.enrolments, dates));
    const auto suppressed = suppressed_pupil_counts(dates, counts);
    for (size_t s = 0; s <= kSettingCount; ++s) {
      std::vector<MeasureCell> row = {MeasureCell::text(t.iso()), MeasureCell::text(setting_or_total_code(s))};
      for (auto& cell : change_cells(counts[0][s], counts[1][s], suppressed[0][s] || suppressed[1][s]))
        row.push_back(std::move(cell));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

MeasureTable thuiszitters(const RegionModel& region, const MeasureParameters&) {
  MeasureTable table{{"datum", "verschil", "procent"}, {}};
  auto active = [&](Date d) { return distinct_pupils(region.absences, active_thuiszitter_reports(region.absences, d)); };
  for (const auto& [earlier, t] : two_year_pairs(region.enrolments)) {
    std::vector<MeasureCell> row = {MeasureCell::text(t.iso())};
    const int64_t before = active(earlier), now = active(t);
    for (auto& cell : change_cells(before, now, is_small_count(before) || is_small_count(now))) row.push_back(std::move(cell));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

MeasureDefinition leerlingen_2jaar_measure() {
  return {"leerlingen_2jaar",
          "Leerlingaantallen: verandering in twee jaar",
          "Per teldatum t waarvoor t − 2 jaar ook een teldatum is, per onderwijssoort en totaal: "
          "verschil = leerlingen(t) − leerlingen(t − 2 jaar); procent = 100 × (leerlingen(t) / "
          "leerlingen(t − 2 jaar) − 1), leeg als het aantal twee jaar eerder 0 was.",
          "leerlingen, procent",
          "inschrijvingen",
          {},
          {},
          pupils};
}

MeasureDefinition thuiszitters_2jaar_measure() {
  return {"thuiszitters_2jaar",
          "Thuiszitters: verandering in twee jaar",
          "Per teldatum t waarvoor t − 2 jaar ook een teldatum is: verschil en procentuele verandering "
          "van het aantal actieve thuiszitters (zoals in de maat thuiszitters) op t ten opzichte van "
          "t − 2 jaar; procent leeg als het aantal twee jaar eerder 0 was.",
          "leerlingen, procent",
          "verzuim, inschrijvingen",
          {},
          {},
          thuiszitters};
}

}  // namespace stroom
