// Measure `grensverkeer`: pupils in special settings whose school and whose referring regular
// school belong to different SWVs, in and out of the region. Not part of the binding maatboek.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition grensverkeer_measure();
}  // namespace stroom
