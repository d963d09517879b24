// The retention period (bewaartermijn): personal data of pupils whose last record ended more than N
// years ago is removed, while every count stays reproducible.
//
// Counts need the records (dates, settings, vestigingen), not who the pupil was. So a pupil past
// the period keeps their records under a fresh random id ("anon-" + 96 random bits) that nothing
// links back to the BSN pseudonym; the birth date is erased; history rows holding the old id are
// deleted; an ouder account for the child is disabled. The audit log is append-only and keeps its
// entries (with the old pseudonym) as evidence; see docs/privacy.md.
#pragma once

#include <cstdint>
#include <optional>

#include "model/calendar.h"
#include "store/database.h"

namespace stroom {

std::optional<int> retention_years(Database& db);  // the stored setting, if any
void set_retention_years(Database& db, int years);

struct RetentionResult {
  Date cutoff;                 // records ended before this date are past the period
  int64_t pupils = 0;          // pupils made anonymous
  int64_t history_rows = 0;    // history rows deleted
  int64_t accounts = 0;        // ouder accounts disabled
};

// A pupil is past the period when every record of theirs has ended and the latest end lies before
// today minus `years`. An open enrolment, pending request or place on a waiting list keeps them.
RetentionResult apply_retention(Database& db, int years, Date today, const std::string& actor);

}  // namespace stroom
