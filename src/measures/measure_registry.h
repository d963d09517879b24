// The maatboek as code: every measure registered once with its id, Dutch name, definition, unit,
// sources, parameters and function (a MeasureDefinition, measure_definition.h); this file only
// lists and looks them up. The CLI, the maatboek page (`stroom maatboek`) and later the
// API all read this one registry, so a measure cannot mean two things in two places.
#pragma once

#include <string_view>
#include <vector>

#include "measures/measure_definition.h"

namespace stroom {

const std::vector<MeasureDefinition>& measure_registry();
const MeasureDefinition* find_measure(std::string_view id);
std::string_view parameter_flag(Parameter parameter);  // "--at", ...
bool parameter_given(const MeasureParameters& parameters, Parameter parameter);

// Checks required parameters, narrows the region to parameters.selectie (region_selection.h; the
// one place every measure is narrowed), then computes. Throws MeasureError; messages name
// parameters as `prefix` + name ("--swv" for the CLI, "swv" for the API).
MeasureTable compute_measure(const MeasureDefinition& measure, const RegionModel& region,
                             const MeasureParameters& parameters, std::string_view prefix = "--");

}  // namespace stroom
