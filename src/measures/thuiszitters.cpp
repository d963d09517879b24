// Active thuiszitter reports on a date; see thuiszitters.h.
#include "measures/thuiszitters.h"

#include <algorithm>

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

std::optional<double> median(std::vector<int32_t> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (double(values[middle - 1]) + double(values[middle])) / 2.0;
}

struct Enrolled {
  int64_t pupils;
  bool suppressed;  // as `leerlingen` publishes it
};

// Pupils enrolled (totaal) on the latest teldatum on or before `at`, or nullopt if none.
std::optional<Enrolled> pupils_on_latest_teldatum(const EnrolmentColumns& enrolments, Date at) {
  std::optional<Date> latest;
  for (Date t : teldata(enrolments))
    if (t <= at) latest = t;
  if (!latest) return std::nullopt;
  const std::vector<PupilCounts> counts = {count_pupils(enrolments, *latest)};
  return Enrolled{counts[0][kTotaal], suppressed_pupil_counts({*latest}, counts)[0][kTotaal]};
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const Date at = *parameters.at;
  const std::vector<size_t> active = active_thuiszitter_reports(region.absences, at);
  std::vector<int32_t> weeks;
  for (size_t i : active) weeks.push_back((at.days() - region.absences.start[i]) / 7);
  const int64_t actief = distinct_pupils(region.absences, active);
  const auto enrolled = pupils_on_latest_teldatum(region.enrolments, at);
  std::optional<double> per1000;
  if (enrolled && enrolled->pupils > 0) per1000 = 1000.0 * double(actief) / double(enrolled->pupils);
  MeasureTable table{{"datum", "maat", "waarde"}, {}};
  auto row = [&](const char* maat, MeasureCell cell) {
    table.rows.push_back({MeasureCell::text(at.iso()), MeasureCell::text(maat), std::move(cell)});
  };
  row("actief", MeasureCell::of_count(actief));
  row("per1000", MeasureCell::of_number(per1000, is_small_count(actief) || (enrolled && enrolled->suppressed)));
  row("mediaan_weken", MeasureCell::of_number(median(std::move(weeks)), is_small_count(actief)));
  return table;
}

}  // namespace

std::vector<size_t> active_thuiszitter_reports(const AbsenceColumns& a, Date at) {
  const int32_t d = at.days();
  std::vector<size_t> active;
  for (size_t i = 0; i < a.size(); ++i)
    if (a.thuiszitter[i] && a.start[i] <= d && a.end[i] > d) active.push_back(i);
  return active;
}

int64_t distinct_pupils(const AbsenceColumns& a, const std::vector<size_t>& reports) {
  std::vector<uint32_t> pupils;
  for (size_t i : reports) pupils.push_back(a.pupil[i]);
  std::sort(pupils.begin(), pupils.end());
  return std::unique(pupils.begin(), pupils.end()) - pupils.begin();
}

MeasureDefinition thuiszitters_measure() {
  return {"thuiszitters",
          "Thuiszitters op een datum",
          "Een verzuimmelding is actief op datum D als thuiszitter = ja, startdatum op of voor D en "
          "einddatum leeg of na D (de einddatum telt niet mee). actief: aantal verschillende "
          "leerlingen met een actieve melding; per1000: 1000 × actief / leerlingen (totaal) op de "
          "laatste teldatum op of voor D, leeg als die er niet is; mediaan_weken: mediaan over de "
          "actieve meldingen van het aantal hele weken sinds de startdatum (bij een even aantal het "
          "gemiddelde van de twee middelste), leeg als er geen actief is.",
          "leerlingen, per 1000 leerlingen, weken",
          "verzuim, inschrijvingen",
          {Parameter::at},
          {},
          compute};
}

}  // namespace stroom
