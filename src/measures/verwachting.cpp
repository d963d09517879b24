// Expected versus observed; see verwachting.h.
#include "measures/verwachting.h"

#include <fmt/format.h>

#include "measures/group_counts.h"
#include "measures/leerlingen_cluster_niveau.h"
#include "measures/poisson_test.h"
#include "measures/pupil_counts.h"

namespace stroom {
namespace {

// One group of the table: a setting, or a setting with a cluster (its leerlingen_cluster group).
struct Group {
  std::string label;
  Setting setting;
  int cluster_group;  // kNoGroup for a setting group
};

std::vector<Group> groups() {
  std::vector<Group> list;
  for (Setting s : kAllSettings) list.push_back({std::string(setting_code(s)), s, kNoGroup});
  for (Setting s : {Setting::so, Setting::vso})
    for (int cluster = 1; cluster <= 4; ++cluster)
      list.push_back({fmt::format("{}-{}", setting_code(s), cluster), s, (s == Setting::so ? 0 : 5) + cluster - 1});
  return list;
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const EnrolmentColumns& e = region.enrolments;
  const Date base = SchoolYear{*parameters.ijkjaar}.teldatum();
  std::vector<Date> dates = {base};  // the base date first, then every later teldatum
  for (Date t : teldata(e))
    if (t > base) dates.push_back(t);
  const auto settings = count_pupils(SettingMasks(e, dates));
  const auto clusters = count_pupils_per_group(e, dates, kClusterGroups, [&](size_t i) { return cluster_group_of(e, i); });
  // The sector totals: distinct pupils in any setting of the sector (po, vo).
  const auto sectors = count_pupils_per_group(e, dates, 2, [&](size_t i) { return int(setting_sector(Setting(e.setting[i]))); });
  MeasureTable table{{"datum", "groep", "waargenomen", "verwacht", "verschil_pct", "oordeel"}, {}};
  const std::vector<Group> list = groups();
  for (size_t d = 1; d < dates.size(); ++d) {
    for (const Group& g : list) {
      const auto count = [&](size_t at) {
        return g.cluster_group == kNoGroup ? settings[at][size_t(g.setting)] : clusters[at][size_t(g.cluster_group)];
      };
      const size_t sector = size_t(setting_sector(g.setting));
      const int64_t observed = count(d), then = count(0);
      const int64_t sector_now = sectors[d][sector], sector_then = sectors[0][sector];
      // --publish: a waargenomen of 1-4 is <5 and the rest of its row is empty (inzicht.md).
      const bool small = is_small_count(observed);
      std::vector<MeasureCell> row = {MeasureCell::text(dates[d].iso()), MeasureCell::text(g.label), MeasureCell::of_count(observed),
                                      MeasureCell{}, MeasureCell{}, MeasureCell{}};
      if (then > 0 && sector_then > 0) {
        const double expected = double(then) * double(sector_now) / double(sector_then);
        row[3] = MeasureCell::of_number(expected, small);
        if (expected > 0) row[4] = MeasureCell::of_number(100.0 * (double(observed) / expected - 1.0), small);
        row[5] = MeasureCell::text(std::string(poisson_verdict(observed, expected)));
        row[5].from_suppressed_count = small;
      }
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace

MeasureDefinition verwachting_measure() {
  return {"verwachting",
          "Verwacht tegenover waargenomen",
          "Met ijkjaar Y is de ijkdatum Y-10-01. Groepen: de zeven onderwijssoorten, dan so-1 … so-4 en "
          "vso-1 … vso-4 (so of vso met dat cluster). Per teldatum na de ijkdatum en per groep g met "
          "sector s (po: bao, sbo, so; vo: vo, pro, vso, isk): waargenomen = leerlingen(g) op de "
          "teldatum; verwacht = leerlingen(g, ijkdatum) × sector(s, teldatum) / sector(s, ijkdatum), "
          "met sector(s) het aantal verschillende leerlingen in een onderwijssoort van die sector: wat de "
          "groep zou zijn als hij de demografie van zijn sector had gevolgd; verschil_pct = 100 × "
          "(waargenomen / verwacht − 1); oordeel, met X Poisson-verdeeld met gemiddelde verwacht: boven "
          "als P(X ≥ waargenomen) < 0,025, onder als P(X ≤ waargenomen) < 0,025, anders ruis (binnen de "
          "ruis). Verwacht, verschil_pct en oordeel zijn leeg als leerlingen(g) of sector(s) op de "
          "ijkdatum 0 is; verschil_pct ook als verwacht 0 is.",
          "leerlingen",
          "inschrijvingen",
          {Parameter::ijkjaar},
          {},
          compute};
}

}  // namespace stroom
