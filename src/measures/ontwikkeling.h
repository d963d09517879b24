// Measure `ontwikkeling` (maatboek.md): growth of each setting against a base year.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition ontwikkeling_measure();
}  // namespace stroom
