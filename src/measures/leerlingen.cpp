// Measure `leerlingen`; see leerlingen.h. The counting itself is in pupil_counts.
#include "measures/leerlingen.h"

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const std::vector<Date> dates = parameters.at ? std::vector<Date>{*parameters.at} : teldata(region.enrolments);
  return pupil_count_table(dates, count_pupils(SettingMasks(region.enrolments, dates)));
}

}  // namespace

MeasureDefinition leerlingen_measure() {
  return {"leerlingen",
          "Leerlingaantallen",
          "Aantal verschillende leerlingen dat op de teldatum (1 oktober) in een onderwijssoort is "
          "ingeschreven: startdatum op of voor de datum en einddatum leeg of op of na de datum. Een "
          "leerling die op één datum in twee onderwijssoorten staat, telt in beide en één keer in "
          "totaal. Teldata zijn de 1 oktobers met ten minste één ingeschreven leerling, niet later "
          "dan de laatste start- of einddatum in de inschrijvingen.",
          "leerlingen",
          "inschrijvingen",
          {},
          {Parameter::at},
          compute};
}

}  // namespace stroom
