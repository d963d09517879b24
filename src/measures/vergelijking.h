// Measure `vergelijking` (inzicht.md, seed 004 theme 3): the region's participation rates beside
// those of another area (NL, an SWV, a gemeente) from the public counts in tellingen.
#pragma once

#include "measures/measure_definition.h"

namespace stroom {

MeasureDefinition vergelijking_measure();

}  // namespace stroom
