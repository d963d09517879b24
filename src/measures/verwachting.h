// Measure `verwachting` (inzicht.md, seed 004 theme 7): each setting's and cluster's pupils
// against what its sector's demography since the ijkjaar predicts, with an exact Poisson verdict.
#pragma once

#include "measures/measure_definition.h"

namespace stroom {

MeasureDefinition verwachting_measure();

}  // namespace stroom
