// Change against two years earlier, for pupil counts and active thuiszitters: the comparison SWV
// boards ask for ("what did the last two years do"). Not part of the binding maatboek.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition leerlingen_2jaar_measure();
MeasureDefinition thuiszitters_2jaar_measure();
}  // namespace stroom
