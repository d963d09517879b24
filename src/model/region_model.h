// The whole region in memory, loaded once from the store: what every measure reads.
//
// Pupils have one dense id across all tables (enrolments, absence reports, decisions, waiting
// list), so a measure can join them by index. Enrolments and absence reports, the large tables,
// are flat columns; provisions and waiting-list entries are small and stay as records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/enrolment_columns.h"
#include "model/registrations.h"

namespace stroom {

// Absence reports as columns. end is exclusive (closed on that day), kOpenEnd when open.
struct AbsenceColumns {
  std::vector<uint32_t> pupil;
  std::vector<uint8_t> thuiszitter;  // 1 = ja
  std::vector<uint8_t> kind;         // AbsenceKind (soort)
  std::vector<int32_t> start;
  std::vector<int32_t> end;
  std::vector<uint32_t> vestiging;  // index into RegionModel::vestiging_ids, kNoIndex when empty
  std::vector<uint32_t> reason;     // index into RegionModel::absence_reasons, kNoIndex when empty
  size_t size() const { return pupil.size(); }
};

// Support decisions as columns. Dates are kNoDate when unknown; end is inclusive, kOpenEnd when open.
struct DecisionColumns {
  std::vector<uint32_t> pupil;
  std::vector<uint8_t> kind;       // DecisionKind
  std::vector<uint8_t> outcome;    // DecisionOutcome
  std::vector<uint8_t> category;   // TlvCategory, kNoCategory when empty
  std::vector<uint32_t> provision; // index into RegionModel::provision_ids, kNoIndex when empty
  std::vector<int32_t> requested;
  std::vector<int32_t> decided;
  std::vector<int32_t> start;
  std::vector<int32_t> end;
  size_t size() const { return pupil.size(); }
};

inline constexpr uint32_t kNoIndex = UINT32_MAX;
inline constexpr int32_t kNoDate = INT32_MIN;
inline constexpr uint8_t kNoCategory = UINT8_MAX;

struct RegionModel {
  EnrolmentColumns enrolments;  // its pupil_ids are the dense ids of every table below
  AbsenceColumns absences;
  DecisionColumns decisions;
  std::vector<Provision> provisions;         // every voorzieningen record
  std::vector<WaitingListEntry> waiting;     // pupil_id holds the stored leerling_id
  std::vector<Vestiging> vestigingen;
  std::vector<std::string> vestiging_ids;    // referenced by absences (sorted, unique)
  std::vector<std::string> provision_ids;    // every voorziening_id seen anywhere (sorted, unique)
  std::vector<std::string> absence_reasons;  // distinct reden values (sorted)
  std::vector<PublicCount> public_counts;
};

}  // namespace stroom
