// The year-by-year school career of one pupil: enrolment spells from entry at four (or arrival)
// to leaving vo, through bao, sbo, so, vo, pro, vso and isk.
//
// Each school year a pupil may move to another setting, change school, leave the region or
// leave education for a while; at the end of primary education comes the transition to
// secondary, and at the end of vo the pupil leaves. A change of school closes one spell and
// opens the next, with the irregularities real registrations show (a few days' gap, a short
// overlap). The rates are in generator_rates.h; the reasoning in docs/generator.md.
#pragma once

#include <vector>

#include "generate/generated_records.h"
#include "generate/generator_rates.h"
#include "generate/population.h"
#include "generate/random_stream.h"
#include "generate/region_plan.h"

namespace stroom {

struct CareerOutput {
  std::vector<GeneratedSpell> spells;  // in order of start; pupil is not set
  std::vector<UnenrolledPeriod> gaps;  // pupil is not set
  void clear() { spells.clear(); gaps.clear(); }
};

class CareerSimulator {
 public:
  CareerSimulator(const RegionPlan& plan, const GeneratorRates& rates, PopulationWindow window,
                  RandomStream& random)
      : plan_(plan), rates_(rates), window_(window), random_(random) {}

  // Replaces out's contents with the career of this pupil up to the last day of the window.
  void simulate(const PupilSeed& seed, CareerOutput& out) const;

 private:
  const RegionPlan& plan_;
  const GeneratorRates& rates_;
  PopulationWindow window_;
  RandomStream& random_;
};

}  // namespace stroom
