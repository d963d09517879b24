// Thuiszitters broken down the way SWV dashboards show them: per school and per reason on a
// date, and reports opened and closed per school year. Not part of the binding maatboek.
#pragma once
#include "measures/measure_definition.h"
namespace stroom {
MeasureDefinition thuiszitters_per_school_measure();
MeasureDefinition thuiszitters_per_reden_measure();
MeasureDefinition thuiszitter_meldingen_measure();
}  // namespace stroom
