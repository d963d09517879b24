// Merged stays, censoring and the Kaplan-Meier median; see verblijfsduur.h.
#include "measures/verblijfsduur.h"

#include <algorithm>
#include <array>

namespace stroom {
namespace {

constexpr int32_t kMaxMergeGapDays = 7;  // next.start - prev.end - 1 <= 7 continues the stay

// Spells of one pupil in one setting, merged, as (start, end) with end kOpenEnd when open.
struct Stay {
  int32_t start;
  int32_t end;
};

// Appends the merged stays of pupil p per setting. Spells are sorted by start within a pupil.
void merged_stays(const EnrolmentColumns& e, size_t p, std::array<std::vector<Stay>, kSettingCount>& out) {
  std::array<std::optional<Stay>, kSettingCount> open{};
  for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1]; ++i) {
    auto& current = open[e.setting[i]];
    if (current && (current->end == kOpenEnd || int64_t(e.start[i]) - current->end - 1 <= kMaxMergeGapDays)) {
      current->end = std::max(current->end, e.end[i]);
      continue;
    }
    if (current) out[e.setting[i]].push_back(*current);
    current = Stay{e.start[i], e.end[i]};
  }
  for (size_t s = 0; s < kSettingCount; ++s)
    if (open[s]) out[s].push_back(*open[s]);
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const EnrolmentColumns& e = region.enrolments;
  MeasureTable table{{"onderwijssoort", "n", "gecensureerd", "waarde"}, {}};
  const std::optional<Date> latest = e.latest_date();
  if (!latest) return table;
  const int32_t peil = parameters.peildatum.value_or(*latest).days();
  std::array<std::vector<StayDuration>, kSettingCount> durations;
  std::array<std::vector<Stay>, kSettingCount> stays;
  for (size_t p = 0; p < e.pupil_count(); ++p) {
    for (auto& s : stays) s.clear();
    merged_stays(e, p, stays);
    for (size_t s = 0; s < kSettingCount; ++s)
      for (const Stay& stay : stays[s]) {
        if (stay.start > peil) continue;
        if (stay.end <= peil)
          durations[s].push_back({stay.end - stay.start + 1, true});
        else
          durations[s].push_back({peil - stay.start + 1, false});
      }
  }
  for (size_t s = 0; s < kSettingCount; ++s) {
    const int64_t n = int64_t(durations[s].size());
    if (n == 0) continue;
    const int64_t censored = std::count_if(durations[s].begin(), durations[s].end(),
                                           [](const StayDuration& d) { return !d.event; });
    const auto median = kaplan_meier_median(std::move(durations[s]));
    table.rows.push_back({MeasureCell::text(std::string(setting_code(kAllSettings[s]))), MeasureCell::of_count(n),
                          MeasureCell::of_count(censored),
                          MeasureCell::of_number(median ? std::optional<double>(*median) : std::nullopt,
                                                 is_small_count(n))});
  }
  return table;
}

}  // namespace

std::optional<int32_t> kaplan_meier_median(std::vector<StayDuration> durations) {
  std::sort(durations.begin(), durations.end(),
            [](const StayDuration& a, const StayDuration& b) { return a.days < b.days; });
  double survival = 1.0;
  size_t i = 0;
  while (i < durations.size()) {
    const int32_t t = durations[i].days;
    const size_t at_risk = durations.size() - i;  // every duration >= t
    size_t events = 0;
    size_t j = i;
    for (; j < durations.size() && durations[j].days == t; ++j) events += durations[j].event;
    if (events > 0) {
      survival *= 1.0 - double(events) / double(at_risk);
      if (survival <= 0.5 + 1e-12) return t;
    }
    i = j;
  }
  return std::nullopt;
}

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
