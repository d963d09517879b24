// Capacity, occupation and waiting list per voorziening on a date; see wachtlijst.h.
#include "measures/wachtlijst.h"

#include <algorithm>
#include <set>

namespace stroom {
namespace {

bool valid_on(const Provision& p, Date d) { return p.valid_from <= d && (!p.valid_to || *p.valid_to >= d); }

// Places from the record valid on d; when records overlap, the one that started last.
std::optional<int64_t> places_on(const std::vector<Provision>& provisions, const std::string& id, Date d) {
  const Provision* found = nullptr;
  for (const Provision& p : provisions)
    if (p.id == id && valid_on(p, d) && (!found || p.valid_from >= found->valid_from)) found = &p;
  if (!found) return std::nullopt;
  return found->places;
}

int64_t occupied_on(const RegionModel& region, uint32_t provision, int32_t d) {
  const DecisionColumns& c = region.decisions;
  std::vector<uint32_t> pupils;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.provision[i] == provision && c.kind[i] == uint8_t(DecisionKind::arrangement) &&
        c.outcome[i] == uint8_t(DecisionOutcome::toegekend) && c.start[i] != kNoDate && c.start[i] <= d &&
        c.end[i] >= d)
      pupils.push_back(c.pupil[i]);
  std::sort(pupils.begin(), pupils.end());
  return std::unique(pupils.begin(), pupils.end()) - pupils.begin();
}

int64_t waiting_on(const std::vector<WaitingListEntry>& entries, const std::string& id, Date d) {
  return std::count_if(entries.begin(), entries.end(), [&](const WaitingListEntry& w) {
    return w.voorziening_id == id && w.registered <= d && (!w.placed || *w.placed > d) &&
           (!w.withdrawn || *w.withdrawn > d);
  });
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const Date at = *parameters.at;
  std::set<std::string> ids;
  for (const Provision& p : region.provisions) ids.insert(p.id);
  for (const WaitingListEntry& w : region.waiting) ids.insert(w.voorziening_id);
  MeasureTable table{{"datum", "voorziening_id", "maat", "waarde"}, {}};
  for (const std::string& id : ids) {
    const auto index = std::lower_bound(region.provision_ids.begin(), region.provision_ids.end(), id);
    const int64_t bezet = occupied_on(region, uint32_t(index - region.provision_ids.begin()), at.days());
    const auto plaatsen = places_on(region.provisions, id, at);
    std::optional<double> graad;
    if (plaatsen && *plaatsen > 0) graad = 100.0 * double(bezet) / double(*plaatsen);
    auto row = [&](const char* maat, MeasureCell cell) {
      table.rows.push_back({MeasureCell::text(at.iso()), MeasureCell::text(id), MeasureCell::text(maat), std::move(cell)});
    };
    // Places are a capacity, not a count of children: never suppressed.
    row("plaatsen", plaatsen ? MeasureCell::of_number(double(*plaatsen)) : MeasureCell{});
    row("bezet", MeasureCell::of_count(bezet));
    row("wachtend", MeasureCell::of_count(waiting_on(region.waiting, id, at)));
    row("bezettingsgraad", MeasureCell::of_number(graad, is_small_count(bezet)));
  }
  return table;
}

}  // namespace

MeasureDefinition wachtlijst_measure() {
  return {"wachtlijst",
          "Capaciteit, bezetting en wachtlijst",
          "Per voorziening (uit voorzieningen of wachtlijst) op datum D: plaatsen uit het "
          "voorzieningenrecord dat op D geldt (leeg als geen); bezet: verschillende leerlingen met een "
          "toegekend arrangement bij die voorziening dat op D loopt; wachtend: wachtlijstregels met "
          "aanmelddatum op of voor D die op D nog niet geplaatst of afgemeld zijn; bezettingsgraad: "
          "100 × bezet / plaatsen, leeg als plaatsen leeg of 0 is.",
          "plaatsen, leerlingen, procent",
          "voorzieningen, ondersteuning, wachtlijst",
          {Parameter::at},
          {},
          compute};
}

}  // namespace stroom
