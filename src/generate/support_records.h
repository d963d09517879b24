// Support decisions (ondersteuning.csv) that follow from the careers: a TLV for every sbo, so
// and vso placement (renewed while the placement lasts), an OPP for every pupil in sbo, so, vso
// and pro, plus requests that were rejected, withdrawn or are still pending, and arrangements
// a school arranged without a provision. Arrangements at provisions come from provisions.h.
#pragma once

#include <vector>

#include "generate/generator_rates.h"
#include "generate/random_stream.h"
#include "generate/spell_index.h"

namespace stroom {

void add_support_decisions(const SpellsByPupil& spells, const GenerationWindow& window,
                           const GeneratorRates& rates, RandomStream& random,
                           std::vector<GeneratedDecision>& out);

}  // namespace stroom
