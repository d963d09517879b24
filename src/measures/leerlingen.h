// Measure `leerlingen` (maatboek.md): distinct pupils per setting and in total on each teldatum.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "measures/measure_table.h"
#include "model/enrolment_columns.h"

namespace stroom {

// Counts per Setting (in enum order) followed by totaal.
using PupilCounts = std::array<int64_t, kSettingCount + 1>;

// The teldata of the data: every 1 October on which at least one pupil is enrolled, not later
// than the latest startdatum or einddatum (an open spell says nothing about the future).
std::vector<Date> teldata(const EnrolmentColumns& enrolments);

PupilCounts count_pupils(const EnrolmentColumns& enrolments, Date date);

// Rows datum;onderwijssoort;waarde for every teldatum, or only `at` when given.
MeasureTable measure_leerlingen(const EnrolmentColumns& enrolments, std::optional<Date> at);

}  // namespace stroom
