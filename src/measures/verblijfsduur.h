// Measure `verblijfsduur` (maatboek.md): median length of stay per setting, by Kaplan-Meier.
#pragma once

#include <optional>
#include <vector>

#include "measures/measure_definition.h"

namespace stroom {

struct StayDuration {
  int32_t days;
  bool event;  // false: censored at the peildatum
};

// Kaplan-Meier median: the smallest event time t with S(t) <= 0.5, or nullopt.
std::optional<int32_t> kaplan_meier_median(std::vector<StayDuration> durations);

MeasureDefinition verblijfsduur_measure();

}  // namespace stroom
