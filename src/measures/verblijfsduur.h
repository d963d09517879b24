// Measure `verblijfsduur` (maatboek.md): median length of stay per setting, by Kaplan-Meier
// (the estimator is in kaplan_meier.h, shared with `verblijfsduur_curve`).
#pragma once

#include "measures/measure_definition.h"

namespace stroom {

MeasureDefinition verblijfsduur_measure();

}  // namespace stroom
