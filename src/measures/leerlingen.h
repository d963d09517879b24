// Measure `leerlingen` (maatboek.md): distinct pupils per setting and in total on each teldatum.
// The teldata and the counting, which other measures share, are in pupil_counts.h.
#pragma once

#include "measures/measure_definition.h"

namespace stroom {

MeasureDefinition leerlingen_measure();

}  // namespace stroom
