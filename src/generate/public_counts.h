// The public aggregate counts (tellingen.csv): the region's own counts per teldatum and the
// national ('NL') counts beside them.
//
// The region's counts are the maatboek's leerlingen computed from the generated enrolments
// (distinct pupils enrolled on the teldatum): primary settings under the PO code, secondary
// ones under the VO code, each with its own totaal and so / vso split by cluster. The national
// counts are not simulated: they follow the published national trends of calibration.md from
// assumed 2018 magnitudes, with k = 0 at --from.
#pragma once

#include <vector>

#include "generate/generator_options.h"
#include "generate/generator_rates.h"
#include "generate/spell_index.h"
#include "model/registrations.h"

namespace stroom {

std::vector<PublicCount> region_counts(const SpellsByPupil& spells, const GenerationWindow& window,
                                       const SwvCodes& codes);

std::vector<PublicCount> national_counts(const GenerationWindow& window, const GeneratorRates& rates);

}  // namespace stroom
