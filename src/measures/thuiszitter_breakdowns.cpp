// Thuiszitter breakdowns; see thuiszitter_breakdowns.h.
#include "measures/thuiszitter_breakdowns.h"

#include <algorithm>
#include <map>

#include "measures/thuiszitters.h"

namespace stroom {
namespace {

// Distinct active pupils per group (school or reason); `group_of` maps a report to its label.
template <typename GroupOf>
MeasureTable active_per_group(const RegionModel& region, Date at, const char* column, GroupOf group_of) {
  std::map<std::string, std::vector<size_t>> groups;
  const std::vector<size_t> active = active_thuiszitter_reports(region.absences, at);
  for (size_t i : active) groups[group_of(i)].push_back(i);
  MeasureTable table{{"datum", column, "waarde"}, {}};
  for (const auto& [label, reports] : groups)
    table.rows.push_back({MeasureCell::text(at.iso()), MeasureCell::text(label),
                          MeasureCell::of_count(distinct_pupils(region.absences, reports))});
  // `thuiszitters` publishes the distinct active pupils of the same date: the total of these rows,
  // where a pupil with reports under two labels counts under both.
  AdditiveGroup all{2, {}, std::nullopt, distinct_pupils(region.absences, active)};
  for (size_t r = 0; r < table.rows.size(); ++r) all.parts.push_back(r);
  table.groups.push_back(std::move(all));
  // Which labels occur is information too: publishing merges the small rows (disclosure_control.h).
  table.mergeable = MergeableRows{1, 2};
  return table;
}

MeasureTable per_school(const RegionModel& region, const MeasureParameters& parameters) {
  return active_per_group(region, *parameters.at, "vestiging_id", [&](size_t i) {
    const uint32_t v = region.absences.vestiging[i];
    return v == kNoIndex ? std::string("geen") : region.vestiging_ids[v];
  });
}

MeasureTable per_reden(const RegionModel& region, const MeasureParameters& parameters) {
  return active_per_group(region, *parameters.at, "reden", [&](size_t i) {
    const uint32_t r = region.absences.reason[i];
    return r == kNoIndex ? std::string("onbekend") : region.absence_reasons[r];
  });
}

MeasureTable opened_and_closed(const RegionModel& region, const MeasureParameters&) {
  const AbsenceColumns& a = region.absences;
  std::map<int, std::pair<int64_t, int64_t>> per_year;  // start year -> (opened, closed)
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a.thuiszitter[i]) continue;
    ++per_year[school_year_of(Date::from_days(a.start[i])).start_year].first;
    if (a.end[i] != kOpenEnd) ++per_year[school_year_of(Date::from_days(a.end[i])).start_year].second;
  }
  MeasureTable table{{"schooljaar", "maat", "waarde"}, {}};
  for (const auto& [year, counts] : per_year) {
    const std::string label = SchoolYear{year}.label();
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("geopend"), MeasureCell::of_count(counts.first)});
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("gesloten"), MeasureCell::of_count(counts.second)});
  }
  return table;
}

}  // namespace

MeasureDefinition thuiszitters_per_school_measure() {
  return {"thuiszitters_per_school",
          "Thuiszitters per school",
          "Op datum D per vestiging_id van de verzuimmelding: het aantal verschillende leerlingen met "
          "een actieve thuiszittersmelding (zoals in de maat thuiszitters). Meldingen zonder vestiging "
          "(absoluut verzuim) staan onder 'geen'. Alleen vestigingen met ten minste één thuiszitter.",
          "leerlingen",
          "verzuim",
          {Parameter::at},
          {},
          per_school};
}

MeasureDefinition thuiszitters_per_reden_measure() {
  return {"thuiszitters_per_reden",
          "Thuiszitters per reden",
          "Op datum D per reden van de verzuimmelding: het aantal verschillende leerlingen met een "
          "actieve thuiszittersmelding met die reden (zoals in de maat thuiszitters); zonder reden: "
          "'onbekend'. Een leerling met twee actieve meldingen met verschillende redenen telt bij beide.",
          "leerlingen",
          "verzuim",
          {Parameter::at},
          {},
          per_reden};
}

MeasureDefinition thuiszitter_meldingen_measure() {
  return {"thuiszitter_meldingen",
          "Thuiszittersmeldingen geopend en gesloten",
          "Per schooljaar: geopend = verzuimmeldingen met thuiszitter = ja en een startdatum in het "
          "schooljaar; gesloten = zulke meldingen met een einddatum in het schooljaar.",
          "meldingen",
          "verzuim",
          {},
          {},
          opened_and_closed};
}

}  // namespace stroom
