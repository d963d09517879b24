// Measure `deelname` (maatboek.md): participation rate of sbo and so in bao, pro and vso in vo.
#include "measures/deelname.h"

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

struct Rate {
  Setting setting;
  Setting denominator;
};
constexpr Rate kRates[] = {{Setting::sbo, Setting::bao}, {Setting::so, Setting::bao},
                           {Setting::pro, Setting::vo}, {Setting::vso, Setting::vo}};

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  MeasureTable table{{"datum", "onderwijssoort", "waarde"}, {}};
  const std::vector<Date> dates = parameters.at ? std::vector<Date>{*parameters.at} : teldata(region.enrolments);
  const auto counts = count_pupils(SettingMasks(region.enrolments, dates));
  const auto suppressed = suppressed_pupil_counts(dates, counts);
  for (size_t d = 0; d < dates.size(); ++d) {
    for (const Rate& rate : kRates) {
      const int64_t part = counts[d][size_t(rate.setting)];
      const int64_t whole = counts[d][size_t(rate.denominator)];
      std::optional<double> value;
      if (whole > 0) value = 100.0 * double(part) / double(whole);
      table.rows.push_back({MeasureCell::text(dates[d].iso()), MeasureCell::text(std::string(setting_code(rate.setting))),
                            MeasureCell::of_number(value, suppressed[d][size_t(rate.setting)] ||
                                                              suppressed[d][size_t(rate.denominator)])});
    }
  }
  return table;
}

}  // namespace

MeasureDefinition deelname_measure() {
  return {"deelname",
          "Deelnamepercentage",
          "Per teldatum: 100 × leerlingen(sbo of so) / leerlingen(bao), en 100 × leerlingen(pro of "
          "vso) / leerlingen(vo), met leerlingen zoals in de maat leerlingen. Leeg als de noemer 0 is.",
          "procent",
          "inschrijvingen",
          {},
          {Parameter::at},
          compute};
}

}  // namespace stroom
