// Cost per voorziening and school year; see kosten.h.
#include "measures/kosten.h"

#include <algorithm>
#include <map>

namespace stroom {
namespace {

// An open record (no geldig_tot) counts as valid up to the last school year the data reaches:
// the school year of the latest date in the inschrijvingen or the voorzieningen.
Date open_end(const RegionModel& region) {
  Date latest = region.enrolments.latest_date().value_or(Date{});
  for (const Provision& p : region.provisions) {
    latest = std::max(latest, p.valid_from);
    if (p.valid_to) latest = std::max(latest, *p.valid_to);
  }
  return school_year_of(latest).last_day();
}

std::vector<SchoolYear> overlapped_years(const RegionModel& region, Date open_until) {
  std::vector<SchoolYear> years;
  for (const Provision& p : region.provisions) {
    const Date until = p.valid_to.value_or(std::max(open_until, p.valid_from));
    for (int y = school_year_of(p.valid_from).start_year; y <= school_year_of(until).start_year; ++y)
      years.push_back(SchoolYear{y});
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

MeasureTable compute(const RegionModel& region, const MeasureParameters& parameters) {
  const Date open_until = open_end(region);
  const std::vector<SchoolYear> years =
      parameters.schooljaar ? std::vector<SchoolYear>{*parameters.schooljaar} : overlapped_years(region, open_until);
  MeasureTable table{{"schooljaar", "voorziening_id", "waarde"}, {}};
  for (const SchoolYear year : years) {
    std::map<std::string, double> cost;  // sorted by voorziening_id
    for (const Provision& p : region.provisions) {
      // An open record is valid through the school year asked for, whatever open_until says.
      const Date until = p.valid_to.value_or(std::max(open_until, year.last_day()));
      const Date from = std::max(p.valid_from, year.first_day());
      const Date to = std::min(until, year.last_day());
      if (to < from) continue;
      cost[p.id] += double(p.places) * p.tariff * double(to - from + 1) / double(year.length_days());
    }
    double total = 0;
    for (const auto& [id, value] : cost) {
      table.rows.push_back({MeasureCell::text(year.label()), MeasureCell::text(id), MeasureCell::of_number(value)});
      total += value;
    }
    table.rows.push_back({MeasureCell::text(year.label()), MeasureCell::text("totaal"), MeasureCell::of_number(total)});
  }
  return table;
}

}  // namespace

MeasureDefinition kosten_measure() {
  return {"kosten",
          "Kosten van voorzieningen per schooljaar",
          "Voor schooljaar S (1 augustus t/m 31 juli, d(S) dagen): kosten(V, S) = som over de records "
          "van V van plaatsen × tarief × (dagen dat het record binnen S geldt) / d(S). Een rij per "
          "voorziening met een record dat S overlapt, en totaal. Zonder --schooljaar: elk schooljaar "
          "dat een record overlapt; een record zonder einddatum loopt tot en met het schooljaar van de "
          "laatste datum in de gegevens.",
          "euro",
          "voorzieningen",
          {},
          {Parameter::schooljaar},
          compute};
}

}  // namespace stroom
