// The thinned Kaplan-Meier curve per setting and what publishing hides of it; see
// verblijfsduur_curve.h.
#include "measures/verblijfsduur_curve.h"

namespace stroom {
namespace {

// A point would give away a small count when few stays lie on either side of it: with fewer than
// 5 ended by t, 1 - S(t) is a handful of pupils out of n (which verblijfsduur publishes); with
// fewer than 5 still running, the last steps are.
bool from_small_count(int64_t n, const SurvivalPoint& point) {
  return n < kSmallestPublishedCount || point.ended < kSmallestPublishedCount ||
         point.still_running < kSmallestPublishedCount;
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  MeasureTable table{{"onderwijssoort", "dagen", "waarde"}, {}};
  auto durations = stay_durations(region.enrolments, parameters.peildatum);
  if (!durations) return table;
  for (size_t s = 0; s < kSettingCount; ++s) {
    const int64_t n = int64_t((*durations)[s].size());
    for (const SurvivalPoint& point : thinned_curve(kaplan_meier(std::move((*durations)[s]))))
      table.rows.push_back({MeasureCell::text(std::string(setting_code(kAllSettings[s]))),
                            MeasureCell::of_number(double(point.days)),
                            MeasureCell::of_number(100 * point.survival, from_small_count(n, point))});
  }
  return table;
}

}  // namespace

std::vector<SurvivalPoint> thinned_curve(const std::vector<SurvivalPoint>& curve) {
  const auto median = kaplan_meier_median(curve);
  auto period = [](const SurvivalPoint& p) { return (p.days - 1) / kCurveStepDays; };
  std::vector<SurvivalPoint> kept;
  for (size_t i = 0; i < curve.size(); ++i) {
    const bool first = i == 0;
    const bool last_of_period = i + 1 == curve.size() || period(curve[i + 1]) != period(curve[i]);
    const bool is_median = median && median->days == curve[i].days;
    if (first || last_of_period || is_median) kept.push_back(curve[i]);
  }
  return kept;
}

MeasureDefinition verblijfsduur_curve_measure() {
  return {"verblijfsduur_curve",
          "Verblijfsduur: overlevingscurve (Kaplan-Meier)",
          "De Kaplan-Meier-curve achter verblijfsduur, met dezelfde samengevoegde verblijven, "
          "censurering en berekening (de mediaan van verblijfsduur is het eerste punt met S(t) 0,5 of "
          "lager). Per onderwijssoort een rij per getoonde gebeurtenistijd: dagen = t, waarde = 100 × S(t), "
          "het geschatte percentage van de verblijven dat na t dagen nog in die onderwijssoort is. Om het "
          "antwoord klein te houden is de curve uitgedund tot de laatste gebeurtenistijd van elke "
          "periode van 30 dagen (dag 1-30, 31-60, ...), plus de eerste gebeurtenistijd en de eerste "
          "waarop S(t) 0,5 of lager wordt (de mediaan); elk getoond punt is een exacte waarde van de curve, die "
          "tussen twee punten trapsgewijs verder daalt. Een onderwijssoort zonder beëindigd verblijf "
          "heeft geen rijen. Met --publish blijft een waarde leeg als de onderwijssoort minder dan 5 "
          "verblijven heeft, of als tot en met t minder dan 5 verblijven eindigden of na t minder dan 5 "
          "nog lopen, omdat de waarde anders een klein aantal verraadt. Peildatum standaard: de laatste "
          "start- of einddatum in de inschrijvingen.",
          "procent",
          "inschrijvingen",
          {},
          {Parameter::peildatum},
          compute};
}

}  // namespace stroom
