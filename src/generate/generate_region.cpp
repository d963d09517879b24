// The generator's pipeline: population and careers, then everything derived from them; see
// generated_region.h.
#include "generate/generated_region.h"

#include <algorithm>


#include "generate/absence_records.h"
#include "generate/arrangement_allocation.h"
#include "generate/population.h"
#include "generate/public_counts.h"
#include "generate/pupil_careers.h"
#include "generate/pupil_ids.h"
#include "generate/support_records.h"

namespace stroom {
namespace {

// Natives per birth cohort in the pilot run that measures how many pupils one cohort unit
// puts on the first teldatum; smaller for small regions, where the main run's own noise is
// larger than the pilot's anyway.
double pilot_cohort_size(int64_t pupils) { return std::clamp(double(pupils) / 12.0, 300.0, 1500.0); }

bool enrolled_on(const std::vector<GeneratedSpell>& spells, int32_t day) {
  return std::any_of(spells.begin(), spells.end(), [day](const GeneratedSpell& s) { return spell_covers(s, day); });
}

void report(const GeneratorOptions& options, std::string_view stage, double done) {
  if (options.progress) options.progress(stage, std::min(done, 1.0));
}

// Scales the cohorts so that about --pupils are enrolled on the first teldatum.
double cohort_size_for(const GeneratorOptions& options, const GeneratorRates& rates,
                       const RegionPlan& plan, const PopulationWindow& window) {
  const double pilot = pilot_cohort_size(options.pupils);
  RandomStream population(options.seed, RandomPart::pilot, 1);
  RandomStream careers(options.seed, RandomPart::pilot, 2);
  const CareerSimulator simulator(plan, rates, window, careers);
  CareerOutput out;
  int64_t enrolled = 0;
  const int32_t first_teldatum = teldatum_of(window.from_year);
  for_each_pupil_seed(rates, plan, window, pilot, population, [&](const PupilSeed& seed) {
    simulator.simulate(seed, out);
    enrolled += enrolled_on(out.spells, first_teldatum);
  });
  return pilot * double(options.pupils) / double(std::max<int64_t>(enrolled, 1));
}

// Runs every career and keeps the pupils that appear in the window.
void simulate_pupils(GeneratedRegion& region, const GeneratorOptions& options, const GeneratorRates& rates,
                     double cohort_size) {
  const PopulationWindow window{region.window.from_year, region.window.to_year};
  RandomStream population(options.seed, RandomPart::population);
  RandomStream careers(options.seed, RandomPart::careers);
  const CareerSimulator simulator(region.plan, rates, window, careers);
  CareerOutput out;
  const int32_t first_day = region.window.first_day;
  const int32_t first_teldatum = teldatum_of(window.from_year);
  const double expected = cohort_size * double(window.to_year - window.from_year + 24) * 0.8;
  int64_t seen = 0;
  region.first_spell.push_back(0);
  for_each_pupil_seed(rates, region.plan, window, cohort_size, population, [&](const PupilSeed& seed) {
    if (++seen % 65536 == 0) report(options, "leerlingen", double(seen) / expected);
    simulator.simulate(seed, out);
    const uint32_t pupil = uint32_t(region.pupils.size());
    const size_t spells_before = region.spells.size();
    for (GeneratedSpell spell : out.spells) {
      if (spell.end != kNoDay && spell.end < first_day) continue;
      spell.pupil = pupil;
      region.spells.push_back(spell);
    }
    const size_t gaps_before = region.gaps.size();
    for (UnenrolledPeriod gap : out.gaps) {
      if (gap.end != kNoDay && gap.end <= first_day) continue;
      gap.pupil = pupil;
      region.gaps.push_back(gap);
    }
    if (region.spells.size() == spells_before && region.gaps.size() == gaps_before) return;
    region.pupils.push_back({seed.birth, 0, true});
    region.first_spell.push_back(uint32_t(region.spells.size()));
    region.pupils_on_first_teldatum += enrolled_on(out.spells, first_teldatum);
  });
}

// Ids by position: 3% of pupils are registered under an 'ONR' id, the rest by BSN.
void assign_pupil_ids(GeneratedRegion& region) {
  const uint64_t salt = mix64(region.options.seed);
  for (uint32_t p = 0; p < region.pupils.size(); ++p) {
    GeneratedPupil& pupil = region.pupils[p];
    pupil.has_bsn = double(mix64(salt ^ p) % 10000) >= kNonBsnShare * 10000;
    pupil.number = pupil.has_bsn ? bsn_for_index(p, salt) : 10'000'000u + p;
  }
}

}  // namespace

GeneratedRegion generate_region(const GeneratorOptions& options) {
  if (auto error = validate_generator_options(options)) throw GeneratorOptionsError(*error);
  const GeneratorRates& rates = default_rates();
  GeneratedRegion region(options, RegionPlan(swv_codes(options.swv), options.pupils, options.seed));
  const PopulationWindow window{options.from_year, options.to_year};
  report(options, "leerlingen", 0);
  simulate_pupils(region, options, rates, cohort_size_for(options, rates, region.plan, window));
  const SpellsByPupil spells = region.spells_by_pupil();
  report(options, "ondersteuning", 0);
  RandomStream support(options.seed, RandomPart::support);
  add_support_decisions(spells, region.window, rates, support, region.decisions);
  report(options, "voorzieningen", 0);
  RandomStream provisions(options.seed, RandomPart::provisions);
  region.provisions = plan_provisions(options.pupils, region.window, provisions);
  allocate_arrangements(region.provisions, spells, region.pupils, region.window, provisions,
                        region.decisions, region.waiting);
  report(options, "verzuim", 0);
  RandomStream absence(options.seed, RandomPart::absence);
  add_absence_reports(spells, region.gaps, region.window, rates, absence, region.absences);
  add_unenrolled_children(region.pupils_on_first_teldatum, region.window, rates, absence,
                          region.pupils, region.absences);
  region.first_spell.resize(region.pupils.size() + 1, uint32_t(region.spells.size()));
  report(options, "tellingen", 0);
  region.public_counts = region_counts(region.spells_by_pupil(), region.window, region.plan.codes());
  auto national = national_counts(region.window, rates);
  region.public_counts.insert(region.public_counts.end(), national.begin(), national.end());
  assign_pupil_ids(region);
  return region;
}

GeneratedRegion::GeneratedRegion(const GeneratorOptions& given, RegionPlan region_plan)
    : options(given),
      window{given.from_year, given.to_year, school_year_start(given.from_year), school_year_end(given.to_year)},
      plan(std::move(region_plan)) {
  options.progress = nullptr;
}

}  // namespace stroom
