// Measure `deelname` (maatboek.md): participation rates against the regular setting.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition deelname_measure();
}  // namespace stroom
