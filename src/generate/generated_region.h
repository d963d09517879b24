// The library entry point of the generator: stroom::generate_region builds a synthetic region
// in memory, write_region (region_writer.h) writes its seven CSV files.
//
// The region holds compact records (generated_records.h); the to_* functions below turn them
// into the typed records of model/registrations.h for callers that want those (tests, the
// simulator). Generation is deterministic: the same options give the same region, bit for bit.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "generate/generated_records.h"
#include "generate/generator_options.h"
#include "generate/provisions.h"
#include "generate/region_plan.h"
#include "generate/spell_index.h"
#include "model/registrations.h"

namespace stroom {

struct GeneratedRegion {
  GeneratedRegion(const GeneratorOptions& given, RegionPlan region_plan);

  GeneratorOptions options;  // as given, without the progress callback
  GenerationWindow window;
  RegionPlan plan;
  std::vector<GeneratedPupil> pupils;
  std::vector<GeneratedSpell> spells;   // sorted by pupil, then start
  std::vector<uint32_t> first_spell;    // pupil p's spells: first_spell[p] .. first_spell[p+1]
  std::vector<UnenrolledPeriod> gaps;   // sorted by pupil
  std::vector<GeneratedDecision> decisions;
  std::vector<GeneratedAbsence> absences;
  std::vector<ProvisionSchedule> provisions;
  std::vector<GeneratedWaitingEntry> waiting;
  std::vector<PublicCount> public_counts;
  int64_t pupils_on_first_teldatum = 0;

  SpellsByPupil spells_by_pupil() const { return {spells, first_spell}; }
  std::string pupil_id(uint32_t pupil) const;
};

// Thrown by generate_region for options validate_generator_options refuses (message in Dutch).
class GeneratorOptionsError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

GeneratedRegion generate_region(const GeneratorOptions& options);

// Typed views of the compact records. Enrolment starts are not clipped to the window here.
Vestiging to_vestiging(const GeneratedRegion& region, const School& school);
Enrolment to_enrolment(const GeneratedRegion& region, const GeneratedSpell& spell);
SupportDecision to_decision(const GeneratedRegion& region, const GeneratedDecision& decision, size_t index);
AbsenceReport to_absence(const GeneratedRegion& region, const GeneratedAbsence& absence, size_t index);
std::vector<Provision> to_provisions(const GeneratedRegion& region);
WaitingListEntry to_waiting_entry(const GeneratedRegion& region, const GeneratedWaitingEntry& entry);

// The key columns the writer uses: besluit_id and melding_id from the record's position.
std::string decision_id(size_t index);
std::string absence_id(size_t index);

}  // namespace stroom
