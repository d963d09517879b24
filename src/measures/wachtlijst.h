// Measure `wachtlijst` (maatboek.md): places, occupation and waiting per provision on a date.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition wachtlijst_measure();
}  // namespace stroom
