// Flow rows and direction rows from the flow matrices; see stromen.h and flows.h.
#include "measures/stromen.h"

#include "measures/flows.h"

namespace stroom {
namespace {

bool is_intensiever(size_t van, size_t naar);
bool is_minder_intensief(size_t van, size_t naar);
bool is_direct_gespecialiseerd(size_t van, size_t naar);

// Sums of flows that other answers publish, per school year: every pupil enrolled on the teldatum
// (`leerlingen` totaal), every pupil enrolled a year earlier, and the three directions of
// `richting`. Each is an additive group whose total lives elsewhere.
using FlowFilter = bool (*)(size_t van, size_t naar);
constexpr FlowFilter kPublishedSums[] = {[](size_t, size_t naar) { return naar != kBuiten; },
                                         [](size_t van, size_t) { return van != kBuiten; }, is_intensiever,
                                         is_minder_intensief, is_direct_gespecialiseerd};

MeasureTable compute_stromen(const RegionModel& region, const MeasureParameters&) {
  MeasureTable table{{"schooljaar", "van", "naar", "waarde"}, {}};
  for (const YearFlows& year : flows_per_year(region.enrolments)) {
    std::vector<AdditiveGroup> sums(std::size(kPublishedSums), AdditiveGroup{3, {}, std::nullopt, 0});
    for (size_t van = 0; van <= kBuiten; ++van)
      for (size_t naar = 0; naar <= kBuiten; ++naar) {
        const int64_t count = year.counts[van][naar];
        if (count == 0) continue;
        for (size_t i = 0; i < sums.size(); ++i)
          if (kPublishedSums[i](van, naar)) {
            sums[i].parts.push_back(table.rows.size());
            *sums[i].total_elsewhere += count;
          }
        table.rows.push_back({MeasureCell::text(year.year.label()), MeasureCell::text(flow_end_code(van)),
                              MeasureCell::text(flow_end_code(naar)), MeasureCell::of_count(count)});
      }
    for (auto& sum : sums) table.groups.push_back(std::move(sum));
  }
  return table;
}

struct Directions {
  int64_t intensiever = 0;
  int64_t minder_intensief = 0;
  int64_t direct_gespecialiseerd = 0;
};

bool is_intensiever(size_t van, size_t naar) {
  return van != kBuiten && naar != kBuiten && intensity_rank(kAllSettings[naar]) > intensity_rank(kAllSettings[van]);
}
bool is_minder_intensief(size_t van, size_t naar) {
  return van != kBuiten && naar != kBuiten && intensity_rank(kAllSettings[naar]) < intensity_rank(kAllSettings[van]);
}
bool is_direct_gespecialiseerd(size_t van, size_t naar) {
  return van == kBuiten && naar != kBuiten && intensity_rank(kAllSettings[naar]) >= 1;
}

Directions directions(const FlowMatrix& counts) {
  Directions result;
  for (size_t van = 0; van <= kBuiten; ++van)
    for (size_t naar = 0; naar <= kBuiten; ++naar) {
      result.intensiever += is_intensiever(van, naar) ? counts[van][naar] : 0;
      result.minder_intensief += is_minder_intensief(van, naar) ? counts[van][naar] : 0;
      result.direct_gespecialiseerd += is_direct_gespecialiseerd(van, naar) ? counts[van][naar] : 0;
    }
  return result;
}

MeasureTable compute_richting(const RegionModel& region, const MeasureParameters&) {
  MeasureTable table{{"schooljaar", "richting", "waarde"}, {}};
  for (const YearFlows& year : flows_per_year(region.enrolments)) {
    const Directions d = directions(year.counts);
    const std::string label = year.year.label();
    auto row = [&](const char* richting, MeasureCell cell) {
      table.rows.push_back({MeasureCell::text(label), MeasureCell::text(richting), std::move(cell)});
    };
    row("intensiever", MeasureCell::of_count(d.intensiever));
    row("minder-intensief", MeasureCell::of_count(d.minder_intensief));
    row("direct-gespecialiseerd", MeasureCell::of_count(d.direct_gespecialiseerd));
    std::optional<double> ratio;
    if (d.intensiever > 0) ratio = double(d.minder_intensief) / double(d.intensiever);
    row("terugstroom-ratio",
        MeasureCell::of_number(ratio, is_small_count(d.intensiever) || is_small_count(d.minder_intensief)));
  }
  return table;
}

}  // namespace

MeasureDefinition stromen_measure() {
  return {"stromen",
          "Leerlingstromen tussen onderwijssoorten",
          "Voor elk paar opeenvolgende teldata (t − 1 jaar, t) en elke leerling die op een van beide "
          "is ingeschreven: van = dominante onderwijssoort op t − 1 jaar (of buiten), naar = dominante "
          "onderwijssoort op t (of buiten). De dominante onderwijssoort is die met de hoogste "
          "intensiteit (so, vso = 2; sbo, pro = 1; bao, vo, isk = 0), bij gelijke intensiteit in de "
          "volgorde so, vso, sbo, pro, bao, vo, isk. Eén rij per (van, naar) met ten minste één leerling.",
          "leerlingen",
          "inschrijvingen",
          {},
          {},
          compute_stromen};
}

MeasureDefinition richting_measure() {
  return {"richting",
          "Richting van de stromen",
          "Uit de stromen per schooljaar: intensiever (naar een hogere intensiteit), minder-intensief "
          "(naar een lagere: terugstroom), direct-gespecialiseerd (van buiten naar intensiteit 1 of 2) "
          "en terugstroom-ratio = minder-intensief / intensiever (leeg als intensiever 0 is).",
          "leerlingen (ratio: verhouding)",
          "inschrijvingen",
          {},
          {},
          compute_richting};
}

}  // namespace stroom
