// Birth cohorts, migrants and newcomers; see population.h.
#include "generate/population.h"

#include <algorithm>
#include <cmath>

namespace stroom {
namespace {

constexpr int kOldestAgeAtWindow = 21;  // older pupils have left vo before the window opens
constexpr double kMigrantFirstAge = 4.5;
constexpr double kMigrantLastAge = 17.0;
constexpr double kDaysPerYear = 365.2425;

// Rounds a non-integer count up or down at random so that small regions keep the right mean.
int64_t stochastic_round(double value, RandomStream& random) {
  const double whole = std::floor(value);
  return int64_t(whole) + (random.chance(value - whole) ? 1 : 0);
}

int32_t random_day_in_year(int year, RandomStream& random) {
  const int32_t first = day_number(year, 1, 1);
  const int32_t days = day_number(year + 1, 1, 1) - first;
  return first + int32_t(random.below(uint64_t(days)));
}

double isk_index(const GeneratorRates& rates, int k) {
  if (k < 0) return rates.isk_index.front();
  return rates.isk_index[size_t(std::min<int>(k, int(rates.isk_index.size()) - 1))];
}

}  // namespace

int32_t after_summer_break(int32_t date) {
  const CivilDate c = civil_date(date);
  if ((c.month == 7 && c.day >= 15) || c.month == 8) return day_number(c.year, 9, 1);
  return date;
}

double relative_cohort_size(const GeneratorRates& rates, int from_year, int birth_year) {
  const int decline_from = from_year - 18;
  const int decline_to = from_year - 5;
  if (birth_year <= decline_from) return 1.0;
  const int steep = std::min(birth_year, decline_to) - decline_from;
  const int late = std::max(0, birth_year - decline_to);
  return std::pow(1.0 - rates.birth_decline, steep) * std::pow(1.0 - rates.birth_decline_late, late);
}

void for_each_pupil_seed(const GeneratorRates& rates, const RegionPlan& plan,
                         const PopulationWindow& window, double cohort_size, RandomStream& random,
                         const std::function<void(const PupilSeed&)>& visit) {
  const int first_cohort = window.from_year - kOldestAgeAtWindow;
  const int last_cohort = window.to_year - 3;  // turns four before the end of the last school year
  const int32_t last_day = school_year_end(window.to_year);
  for (int year = first_cohort; year <= last_cohort; ++year) {
    const double size = cohort_size * relative_cohort_size(rates, window.from_year, year);
    const int64_t natives = stochastic_round(size, random);
    for (int64_t i = 0; i < natives; ++i) {
      PupilSeed seed;
      seed.birth = random_day_in_year(year, random);
      seed.arrival = after_summer_break(add_years(seed.birth, 4) + 1);
      seed.home = plan.choose_gemeente(random);
      if (seed.arrival <= last_day) visit(seed);
    }
    const double span = kMigrantLastAge - kMigrantFirstAge;
    const int64_t migrants = stochastic_round(size * rates.in_migration * span, random);
    for (int64_t i = 0; i < migrants; ++i) {
      PupilSeed seed;
      seed.kind = ArrivalKind::migrant;
      seed.birth = random_day_in_year(year, random);
      const double age = kMigrantFirstAge + random.uniform() * span;
      seed.arrival = after_summer_break(seed.birth + int32_t(age * kDaysPerYear));
      seed.home = plan.choose_gemeente(random);
      if (seed.arrival <= last_day) visit(seed);
    }
  }
  // Newcomers arrive all year round; their number follows the isk index (a peak in year 4).
  for (int s = window.from_year - 3; s <= window.to_year; ++s) {
    const double expected = cohort_size * rates.isk_intake * isk_index(rates, s - window.from_year);
    const int64_t newcomers = stochastic_round(expected, random);
    const int32_t first = school_year_start(s) + 20;
    const int32_t span = school_year_end(s) - 25 - first;
    for (int64_t i = 0; i < newcomers; ++i) {
      PupilSeed seed;
      seed.kind = ArrivalKind::newcomer;
      seed.arrival = first + int32_t(random.below(uint64_t(span)));
      const double age = 12.0 + random.uniform() * 5.9;
      seed.birth = seed.arrival - int32_t(age * kDaysPerYear);
      seed.home = plan.choose_gemeente(random);
      visit(seed);
    }
  }
}

}  // namespace stroom
