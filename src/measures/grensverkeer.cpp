// Cross-border placements from the swv codes of vestigingen; see grensverkeer.h.
//
// The registrations do not say which SWV pays for a pupil's support. The SWV that issues a TLV is
// the one of the pupil's regular school (or residence), so the swv of the last regular school a
// pupil attended before the special placement stands in for "who pays". That proxy, and the
// region's own SWVs being the most common swv code per sector, are written in the definition.
#include "measures/grensverkeer.h"

#include <map>
#include <set>

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

// For each sector the swv code most vestigingen of that sector carry (ties: the smaller code).
std::set<std::string> own_swv_codes(const RegionModel& region) {
  std::map<std::pair<Sector, std::string>, int> counts;
  for (const Vestiging& v : region.vestigingen)
    if (v.sector && !v.swv.empty()) ++counts[{*v.sector, v.swv}];
  std::map<Sector, std::pair<int, std::string>> best;
  for (const auto& [key, count] : counts) {
    auto& current = best[key.first];
    if (count > current.first) current = {count, key.second};
  }
  std::set<std::string> own;
  for (const auto& [sector, choice] : best) own.insert(choice.second);
  return own;
}

std::vector<std::string> swv_by_vestiging_index(const RegionModel& region) {
  std::map<std::string, std::string> swv;
  for (const Vestiging& v : region.vestigingen) swv[v.id] = v.swv;
  std::vector<std::string> by_index;
  for (const std::string& id : region.vestiging_ids) by_index.push_back(swv.count(id) ? swv[id] : "");
  return by_index;
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const EnrolmentColumns& e = region.enrolments;
  const std::set<std::string> own = own_swv_codes(region);
  const std::vector<std::string> swv = swv_by_vestiging_index(region);
  auto swv_of = [&](uint32_t spell) -> const std::string& {
    static const std::string none;
    return e.vestiging[spell] == kNoIndex ? none : swv[e.vestiging[spell]];
  };
  const std::vector<Date> dates = parameters.at ? std::vector<Date>{*parameters.at} : teldata(e);
  MeasureTable table{{"datum", "richting", "waarde"}, {}};
  for (Date date : dates) {
    int64_t incoming = 0, outgoing = 0;
    const int32_t t = date.days();
    for (size_t p = 0; p < e.pupil_count(); ++p) {
      std::optional<uint32_t> special, referring;
      for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1] && e.start[i] <= t; ++i)
        if (intensity_rank(Setting(e.setting[i])) >= 1 && e.end[i] >= t) special = i;
      if (!special) continue;
      for (uint32_t i = e.pupil_first_spell[p]; i < *special; ++i)
        if (intensity_rank(Setting(e.setting[i])) == 0 && e.start[i] < e.start[*special]) referring = i;
      if (!referring) continue;
      const std::string& school = swv_of(*special);
      const std::string& payer = swv_of(*referring);
      if (school.empty() || payer.empty() || school == payer) continue;
      incoming += own.count(school) && !own.count(payer);
      outgoing += own.count(payer) && !own.count(school);
    }
    table.rows.push_back({MeasureCell::text(date.iso()), MeasureCell::text("inkomend"), MeasureCell::of_count(incoming)});
    table.rows.push_back({MeasureCell::text(date.iso()), MeasureCell::text("uitgaand"), MeasureCell::of_count(outgoing)});
  }
  return table;
}

}  // namespace

MeasureDefinition grensverkeer_measure() {
  return {"grensverkeer",
          "Grensverkeer tussen samenwerkingsverbanden",
          "Per teldatum (of --at), voor leerlingen die dan in sbo, so, pro of vso staan: de school is de "
          "vestiging van die inschrijving, de verwijzer de laatste reguliere vestiging (bao, vo, isk) "
          "waar de leerling eerder begon. Het eigen SWV is per sector de swv-code die de meeste "
          "vestigingen dragen. inkomend: school van het eigen SWV, verwijzer van een ander; uitgaand: "
          "verwijzer van het eigen SWV, school van een ander. Benadering: wie de ondersteuning betaalt "
          "staat niet in de registraties; het SWV van de verwijzende school staat daarvoor.",
          "leerlingen",
          "inschrijvingen, vestigingen",
          {},
          {Parameter::at},
          compute};
}

}  // namespace stroom
