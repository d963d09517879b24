// Provision plans, places and tariffs; see provisions.h.
#include "generate/provisions.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stroom {
namespace {

struct ProvisionKind {
  const char* naam;
  Setting setting;
  int min_age, max_age;
  int min_days, max_days;
  bool until_year_end;
  double places_per_40000;
  double tariff;
  double load;
  bool opens_halfway;
};

// Places are for a region of 40,000 pupils; a load above 1 means more requests than the places
// can take, so a waiting list forms.
constexpr std::array<ProvisionKind, 7> kKinds = {{
    {"Plusklas Hoogbegaafdheid", Setting::bao, 7, 11, 0, 0, true, 28, 2950, 1.15, false},
    {"Observatiegroep Jonge Kind", Setting::bao, 4, 6, 120, 300, false, 12, 16800, 1.25, false},
    {"Taalklas Nieuwkomers", Setting::bao, 5, 11, 180, 365, false, 16, 7400, 0.85, false},
    {"Rebound Time-out", Setting::vo, 12, 16, 60, 120, false, 14, 12500, 1.2, false},
    {"Autiklas Regulier VO", Setting::vo, 12, 16, 365, 1000, false, 20, 9800, 1.1, false},
    {"Tussenvoorziening De Overstap", Setting::vo, 12, 14, 180, 365, false, 10, 11200, 1.0, false},
    {"Onderwijszorgarrangement De Brug", Setting::bao, 5, 11, 300, 700, false, 16, 18900, 2.6, true},
}};

constexpr double kIndexChance = 0.75;  // the tariff is indexed in most years
constexpr double kExpansionChance = 0.22;

void add_period(ProvisionSchedule& schedule, int64_t places, int64_t tariff_cents, int32_t from) {
  if (!schedule.periods.empty()) schedule.periods.back().valid_to = from - 1;
  schedule.periods.push_back({places, tariff_cents, from, kNoDay});
}

}  // namespace

int64_t ProvisionSchedule::places_on(int32_t day) const {
  int64_t places = periods.front().places;
  for (const auto& period : periods)
    if (period.valid_from <= day) places = period.places;
  return places;
}

std::vector<ProvisionSchedule> plan_provisions(int64_t pupils, const GenerationWindow& window,
                                               RandomStream& random) {
  std::vector<ProvisionSchedule> result;
  const double scale = double(pupils) / 40000.0;
  const int halfway = window.from_year + (window.to_year - window.from_year + 1) / 2;
  for (size_t i = 0; i < kKinds.size(); ++i) {
    const ProvisionKind& kind = kKinds[i];
    if (kind.opens_halfway && halfway <= window.from_year) continue;  // a one-year window has no new provision
    ProvisionSchedule schedule;
    schedule.id = "VZ" + std::to_string(i + 1 + 100).substr(1);
    schedule.naam = kind.naam;
    schedule.setting = kind.setting;
    schedule.min_age = kind.min_age;
    schedule.max_age = kind.max_age;
    schedule.min_days = kind.min_days;
    schedule.max_days = kind.max_days;
    schedule.until_year_end = kind.until_year_end;
    schedule.load = kind.load;
    schedule.opens = kind.opens_halfway ? day_number(halfway, 1, 1) : window.first_day;
    int64_t places = std::max<int64_t>(4, std::llround(kind.places_per_40000 * scale));
    int64_t tariff = std::llround(kind.tariff * 100);
    add_period(schedule, places, tariff, schedule.opens);
    for (int s = school_year_containing(schedule.opens) + 1; s <= window.to_year; ++s) {
      const bool index = random.chance(kIndexChance);
      const bool expand = random.chance(kind.opens_halfway ? 0.5 : kExpansionChance);
      if (!index && !expand) continue;
      if (index) tariff = std::llround(double(tariff) * (1.02 + 0.025 * random.uniform()));
      if (expand) places += std::max<int64_t>(1, std::llround(double(places) * (0.1 + 0.15 * random.uniform())));
      add_period(schedule, places, tariff, school_year_start(s));
    }
    result.push_back(std::move(schedule));
  }
  return result;
}

}  // namespace stroom
