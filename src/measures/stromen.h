// Measures `stromen` and `richting` (maatboek.md): flows between settings and their direction.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition stromen_measure();
MeasureDefinition richting_measure();
}  // namespace stroom
