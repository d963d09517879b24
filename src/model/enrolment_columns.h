// The enrolment spells as flat columns (struct of arrays), the form every measure reads.
//
// Pupils are dense integer ids 0..pupil_count-1; spells are sorted by (pupil, start), so one
// pupil's spells are one contiguous range (ties on start by end, setting, vestiging, cluster, then niveau, so the
// order does not depend on the order of the rows in the store). Open ends are kOpenEnd, so "enrolled on t" is
// start <= t && t <= end without a branch for the open case.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.h"
#include "model/registrations.h"
#include "model/setting.h"
#include "model/string_column.h"

namespace stroom {

inline constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max();
inline constexpr int32_t kNoDate = INT32_MIN;  // an unknown date in a column

struct EnrolmentColumns {
  std::vector<uint32_t> pupil;    // dense pupil id
  std::vector<uint8_t> setting;   // Setting
  std::vector<int32_t> start;     // days since epoch
  std::vector<int32_t> end;       // inclusive, kOpenEnd when open
  std::vector<uint32_t> vestiging;  // index into RegionModel::vestiging_ids
  std::vector<uint8_t> cluster;   // 1-4, kNoCluster (0) when empty (onbekend)
  std::vector<uint8_t> niveau;    // Niveau, kNoNiveau (0) when empty (onbekend)
  std::vector<int32_t> pupil_birth;  // by dense pupil id: geboortedatum in days, kNoDate when unknown
  std::vector<uint32_t> pupil_first_spell;  // pupil p's spells are [first[p], first[p+1])
  StringColumn pupil_ids;                   // dense id -> stored leerling_id

  // Filled by finish_enrolment_columns, once per model, so that no measure or request needs a
  // pass over millions of spells for them:
  std::optional<Date> latest;  // the latest startdatum or einddatum of any spell; nullopt when none
  std::vector<Date> teldata;   // every 1 October, not later than latest, on which a pupil is enrolled

  size_t size() const { return pupil.size(); }
  size_t pupil_count() const { return pupil_ids.size(); }
  // The latest startdatum or einddatum of any spell (an open spell says nothing about the
  // future); nullopt when there are no spells.
  std::optional<Date> latest_date() const { return latest; }
};

// Sorts spells by (pupil, start, end, setting, vestiging), carrying cluster and niveau along,
// and fills pupil_first_spell, latest and teldata. Used by every loader; pupil and pupil_ids must
// be complete (every pupil id < pupil_ids.size()). A loader that has no cluster, niveau or birth
// dates may leave those columns empty: they are filled with onbekend here, so every measure can
// index them.
void finish_enrolment_columns(EnrolmentColumns& columns);

}  // namespace stroom
