// Read access to the generated spells pupil by pupil, shared by the parts that derive other
// records (decisions, absence, provisions, counts) from the enrolments.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "generate/generated_records.h"

namespace stroom {

struct SpellsByPupil {
  const std::vector<GeneratedSpell>& spells;  // sorted by pupil, then start
  const std::vector<uint32_t>& first;          // first[p] .. first[p+1] are pupil p's spells

  size_t pupils() const { return first.empty() ? 0 : first.size() - 1; }
  std::span<const GeneratedSpell> of(size_t pupil) const {
    return {spells.data() + first[pupil], spells.data() + first[pupil + 1]};
  }
};

// The days a record may be about: the first and last day of the simulated school years.
struct GenerationWindow {
  int from_year = 0;
  int to_year = 0;
  int32_t first_day = 0;  // from-08-01
  int32_t last_day = 0;   // (to+1)-07-31: the export date
};

inline bool spell_covers(const GeneratedSpell& spell, int32_t day) {
  return spell.start <= day && (spell.end == kNoDay || spell.end >= day);
}
inline int32_t spell_last_day(const GeneratedSpell& spell, int32_t export_day) {
  return spell.end == kNoDay ? export_day : spell.end;
}

}  // namespace stroom
