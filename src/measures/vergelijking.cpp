// The region against another area; see vergelijking.h.
#include "measures/vergelijking.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

struct Rate {
  Setting setting;
  Setting denominator;
};
constexpr Rate kRates[] = {{Setting::sbo, Setting::bao}, {Setting::so, Setting::bao},
                           {Setting::pro, Setting::vo}, {Setting::vso, Setting::vo}};

constexpr size_t kListedAreas = 12;

// "NL, PO2401, Utrecht en nog 3": the areas tellingen holds, for a message.
std::string area_list(const std::set<std::string>& areas) {
  if (areas.empty()) return "de tellingen zijn leeg; importeer eerst tellingen.csv";
  std::vector<std::string> shown;
  for (const std::string& area : areas) {
    if (shown.size() == kListedAreas) break;
    shown.push_back(area);
  }
  std::string text = fmt::format("kies uit {}", fmt::join(shown, ", "));
  if (areas.size() > shown.size()) text += fmt::format(" en nog {}", areas.size() - shown.size());
  return text;
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const std::string area = parameters.gebied.value_or("NL");
  // A(G, S, t): the sum of aantal over the area's rows per teldatum and onderwijssoort (all clusters).
  std::map<int32_t, std::map<std::string, int64_t, std::less<>>> sums;
  std::set<std::string> areas;
  for (const PublicCount& c : region.public_counts) {
    areas.insert(c.area);
    if (c.area == area) sums[c.teldatum.days()][c.setting] += c.count;
  }
  if (!areas.contains(area))
    throw MeasureError(fmt::format("gebied '{}' is geen gebied uit de tellingen: {}", area, area_list(areas)));
  std::vector<Date> dates;  // the region's teldata on which tellingen has a row for the area
  for (Date t : teldata(region.enrolments))
    if (sums.contains(t.days())) dates.push_back(t);
  const auto counts = count_pupils(SettingMasks(region.enrolments, dates));
  const auto suppressed = suppressed_pupil_counts(dates, counts);
  MeasureTable table{{"datum", "onderwijssoort", "regio", "gebied"}, {}};
  for (size_t d = 0; d < dates.size(); ++d) {
    const auto& sum = sums.at(dates[d].days());
    const auto aantal = [&](Setting s) {
      const auto it = sum.find(setting_code(s));
      return it == sum.end() ? std::optional<int64_t>() : std::optional<int64_t>(it->second);
    };
    for (const Rate& rate : kRates) {
      // regio as in deelname, suppressed with it when publishing.
      const int64_t part = counts[d][size_t(rate.setting)], whole = counts[d][size_t(rate.denominator)];
      std::optional<double> regio, gebied;
      if (whole > 0) regio = 100.0 * double(part) / double(whole);
      const auto denominator = aantal(rate.denominator);
      if (denominator && *denominator > 0) gebied = 100.0 * double(aantal(rate.setting).value_or(0)) / double(*denominator);
      table.rows.push_back({MeasureCell::text(dates[d].iso()), MeasureCell::text(std::string(setting_code(rate.setting))),
                            MeasureCell::of_number(regio, suppressed[d][size_t(rate.setting)] ||
                                                              suppressed[d][size_t(rate.denominator)]),
                            MeasureCell::of_number(gebied)});
    }
  }
  return table;
}

}  // namespace

MeasureDefinition vergelijking_measure() {
  return {"vergelijking",
          "Deelname van de regio tegenover een ander gebied",
          "Met gebied G (--gebied, standaard NL): een gebied uit de tellingen (NL, een SWV-code of een "
          "gemeente). Per teldatum van de regio waarop de tellingen ten minste één rij voor G hebben, voor "
          "sbo en so (noemer bao) en pro en vso (noemer vo): regio = de deelname van de regio zoals in de "
          "maat deelname; gebied = 100 × A(G, onderwijssoort) / A(G, noemer), met A de som van aantal over "
          "de rijen van de tellingen met die teldatum, dat gebied en die onderwijssoort (alle clusters). "
          "Gebied is leeg als A van de noemer 0 is of ontbreekt. Een gebied dat in geen rij van de "
          "tellingen staat, wordt geweigerd.",
          "procent",
          "inschrijvingen, tellingen",
          {},
          {Parameter::gebied},
          compute};
}

}  // namespace stroom
