// Dashboard measure `verblijfsduur_curve`: the Kaplan-Meier survival curve of length of stay per
// setting, from the same computation as `verblijfsduur` (kaplan_meier.h), thinned to a few points.
#pragma once

#include <vector>

#include "measures/kaplan_meier.h"
#include "measures/measure_definition.h"

namespace stroom {

inline constexpr int32_t kCurveStepDays = 30;

// The points the measure shows: the last event time of every period of 30 days (days 1-30,
// 31-60, ...), the first event time and the median's (the first with S <= 0.5), ascending.
std::vector<SurvivalPoint> thinned_curve(const std::vector<SurvivalPoint>& curve);

MeasureDefinition verblijfsduur_curve_measure();

}  // namespace stroom
