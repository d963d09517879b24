// Absence reports (verzuim.csv) that follow from the careers.
//
// Enrolled pupils get relatief reports: a few become thuiszitters (at home for weeks to months,
// more often in vo and in special settings, rising a little every year), most are short
// ordinary reports. A pupil who left school without a new one (a gap in the enrolments) gets an
// absoluut report for that period. Some children who are enrolled nowhere appear only here: with
// an exemption (vrijstelling) or reported absoluut; they get pupil records of their own.
#pragma once

#include <vector>

#include "generate/generator_rates.h"
#include "generate/random_stream.h"
#include "generate/spell_index.h"

namespace stroom {

void add_absence_reports(const SpellsByPupil& spells, const std::vector<UnenrolledPeriod>& gaps,
                         const GenerationWindow& window, const GeneratorRates& rates,
                         RandomStream& random, std::vector<GeneratedAbsence>& out);

// Children enrolled nowhere who appear in the absence reports only. Appends them to pupils
// (with new indexes) and their reports to out. `pupils_enrolled` sizes the numbers.
void add_unenrolled_children(int64_t pupils_enrolled, const GenerationWindow& window,
                             const GeneratorRates& rates, RandomStream& random,
                             std::vector<GeneratedPupil>& pupils, std::vector<GeneratedAbsence>& out);

}  // namespace stroom
