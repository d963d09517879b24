// The median per setting of the shared Kaplan-Meier curve; see verblijfsduur.h.
#include "measures/verblijfsduur.h"

#include <algorithm>

#include "measures/kaplan_meier.h"

namespace stroom {
namespace {

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  MeasureTable table{{"onderwijssoort", "n", "gecensureerd", "waarde"}, {}};
  auto durations = stay_durations(region.enrolments, parameters.peildatum);
  if (!durations) return table;
  for (size_t s = 0; s < kSettingCount; ++s) {
    const std::vector<StayDuration>& stays = (*durations)[s];
    const int64_t n = int64_t(stays.size());
    if (n == 0) continue;
    const int64_t censored = std::count_if(stays.begin(), stays.end(), [](const StayDuration& d) { return !d.event; });
    const auto median = kaplan_meier_median(kaplan_meier(std::move((*durations)[s])));
    table.rows.push_back({MeasureCell::text(std::string(setting_code(kAllSettings[s]))), MeasureCell::of_count(n),
                          MeasureCell::of_count(censored),
                          MeasureCell::of_number(median ? std::optional<double>(median->days) : std::nullopt,
                                                 is_small_count(n))});
  }
  return table;
}

}  // namespace

MeasureDefinition verblijfsduur_measure() {
  return {"verblijfsduur",
          "Verblijfsduur (mediaan, Kaplan-Meier)",
          "Per leerling en onderwijssoort worden inschrijvingen samengevoegd als de volgende hoogstens "
          "7 dagen na het einde van de vorige begint; het geheel is open als een deel open is. Van de "
          "samengevoegde periodes met start op of voor de peildatum is een periode met einde op of "
          "voor de peildatum een gebeurtenis na einde − start + 1 dagen, anders gecensureerd na "
          "peildatum − start + 1 dagen. De mediaan is de kleinste gebeurtenistijd waarop de "
          "Kaplan-Meier-overleving 0,5 of lager is; leeg als die 0,5 niet bereikt. Peildatum standaard: "
          "de laatste start- of einddatum in de inschrijvingen.",
          "dagen",
          "inschrijvingen",
          {},
          {Parameter::peildatum},
          compute};
}

}  // namespace stroom
