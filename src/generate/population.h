// Who lives in the synthetic region: birth cohorts that enter school at four, pupils who move in
// at a later age, and newcomers from abroad who start in an isk.
//
// The population is drawn cohort by cohort, from pupils old enough to be leaving vo when the
// window opens to those who turn four in its last school year. Sizes are in units of
// `cohort_size` (natives in a birth cohort 18 years before --from); generate_region picks that
// so that about --pupils are enrolled on the first teldatum.
#pragma once

#include <cstdint>
#include <functional>

#include "generate/generator_rates.h"
#include "generate/random_stream.h"
#include "generate/region_plan.h"

namespace stroom {

enum class ArrivalKind : uint8_t {
  native,    // starts school in the region at four
  migrant,   // moves into the region at 4-17 from elsewhere in the Netherlands
  newcomer,  // arrives from abroad at 12-17 and starts in an isk
};

struct PupilSeed {
  int32_t birth = 0;
  int32_t arrival = 0;  // natives: the day after the fourth birthday (after the summer break)
  ArrivalKind kind = ArrivalKind::native;
  uint32_t home = 0;    // municipality
};

struct PopulationWindow {
  int from_year = 0;
  int to_year = 0;
};

// Relative size of the birth cohort of `birth_year` (1.0 for cohorts born 18 or more years
// before --from), following the assumed demographic decline.
double relative_cohort_size(const GeneratorRates& rates, int from_year, int birth_year);

// Calls visit for every pupil of the population, in a fixed order.
void for_each_pupil_seed(const GeneratorRates& rates, const RegionPlan& plan,
                         const PopulationWindow& window, double cohort_size, RandomStream& random,
                         const std::function<void(const PupilSeed&)>& visit);

// The first school day after a date that falls in the summer break (15 July - 31 August).
int32_t after_summer_break(int32_t date);

}  // namespace stroom
