// Measure `thuiszitters` (maatboek.md): active thuiszitters on a date, per 1000 pupils, duration.
#pragma once
#include "measures/measure_registry.h"
namespace stroom {
MeasureDefinition thuiszitters_measure();
}  // namespace stroom
