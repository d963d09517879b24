// Measure `kosten` (maatboek.md): cost of provisions per school year, prorated by days.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition kosten_measure();
}  // namespace stroom
