// Pupil ids for the generated files: mostly valid BSNs, some onderwijs-own ids ('ONR' + digits).
//
// A BSN must be unique and pass the 11-proef. The first seven digits come from a bijection of
// the pupil's index (so no two pupils share them), the eighth is chosen so that a check digit
// 0-9 exists, the ninth is that check digit. Ten million prefixes limit a region to that many
// pupils over the whole window (see kMaxGeneratedPupils).
#pragma once

#include <cstdint>
#include <string_view>

#include "generate/random_stream.h"

namespace stroom {

inline constexpr uint32_t kBsnPrefixSpace = 10'000'000;
inline constexpr double kNonBsnShare = 0.03;  // pupils registered under another id

// The BSN (as a 9-digit number) of the pupil with this index; `salt` varies the numbers per seed.
uint32_t bsn_for_index(uint32_t index, uint64_t salt);

bool bsn_passes_elfproef(uint32_t bsn);

// Writes the id text into out (at least 12 chars) and returns its length: 9 digits for a BSN,
// "ONR" + 8 digits otherwise.
size_t format_pupil_id(bool has_bsn, uint32_t number, char* out);

// A 9-digit number that fails the 11-proef, derived from a valid one (for --vuil).
uint32_t broken_bsn(uint32_t bsn);

}  // namespace stroom
