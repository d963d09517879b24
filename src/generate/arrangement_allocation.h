// Arrangements at provisions and their waiting lists: who asks for a place, who gets one when,
// and who waits.
//
// Regular pupils of the right age ask for an arrangement now and then (the rate follows from
// each provision's places and load). Requests are handled in date order per provision: with a
// free place the arrangement starts on the decision date; otherwise the pupil goes on the
// waiting list and is placed first-come-first-served when a place frees, unless they give up
// (afgemeld) or leave the school first. Occupation therefore never exceeds the places.
#pragma once

#include <vector>

#include "generate/generator_rates.h"
#include "generate/provisions.h"
#include "generate/random_stream.h"
#include "generate/spell_index.h"

namespace stroom {

void allocate_arrangements(const std::vector<ProvisionSchedule>& provisions,
                           const SpellsByPupil& spells, const std::vector<GeneratedPupil>& pupils,
                           const GenerationWindow& window, RandomStream& random,
                           std::vector<GeneratedDecision>& decisions,
                           std::vector<GeneratedWaitingEntry>& waiting);

}  // namespace stroom
