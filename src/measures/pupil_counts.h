// The teldata of the data and the distinct pupils per setting and in total on a date: what
// `leerlingen` publishes and what every date-based measure (deelname, ontwikkeling, thuiszitters,
// flows, ...) counts with. Kept apart from the `leerlingen` measure so that measures depend on
// this module and never on one another.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "measures/measure_table.h"
#include "measures/setting_masks.h"

namespace stroom {

// Counts per Setting (in enum order) followed by totaal.
using PupilCounts = std::array<int64_t, kSettingCount + 1>;
inline constexpr size_t kTotaal = kSettingCount;

// The teldata of the data: every 1 October on which at least one pupil is enrolled, not later
// than the latest startdatum or einddatum (an open spell says nothing about the future). Computed
// once per model by finish_enrolment_columns; this returns that list.
std::vector<Date> teldata(const EnrolmentColumns& enrolments);

// Pupil counts on each of the masks' dates.
std::vector<PupilCounts> count_pupils(const SettingMasks& masks);
PupilCounts count_pupils(const EnrolmentColumns& enrolments, Date date);

std::string setting_or_total_code(size_t index);  // "bao" ... "isk", "totaal"

// The counts as `leerlingen` publishes them: one row per date and setting (then totaal), with
// columns datum, onderwijssoort, waarde; disclosure control groups each date's settings under its
// totaal.
MeasureTable pupil_count_table(const std::vector<Date>& dates, const std::vector<PupilCounts>& counts);

// Which of these counts `leerlingen` suppresses when published (a count of 1-4, or one hidden so
// that none can be derived), per date and in PupilCounts order. A measure computed from pupil
// counts marks its numbers from_suppressed_count with it, so that it does not reveal them.
using PupilCountsSuppressed = std::array<bool, kSettingCount + 1>;
std::vector<PupilCountsSuppressed> suppressed_pupil_counts(const std::vector<Date>& dates,
                                                           const std::vector<PupilCounts>& counts);

}  // namespace stroom
