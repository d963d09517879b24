// The maatboek as code: every measure registered once with its id, Dutch name, definition, unit,
// sources, parameters and function. The CLI, the maatboek page (`stroom maatboek`) and later the
// API all read this one registry, so a measure cannot mean two things in two places.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "measures/measure_table.h"
#include "model/calendar.h"
#include "model/region_model.h"

namespace stroom {

struct MeasureParameters {
  std::optional<Date> at;                 // --at
  std::optional<int> ijkjaar;             // --ijkjaar
  std::optional<Date> peildatum;          // --peildatum
  std::optional<SchoolYear> schooljaar;   // --schooljaar
};

enum class Parameter { at, ijkjaar, peildatum, schooljaar };

// A measure that cannot be computed with the given parameters (Dutch message, exit status 1).
class MeasureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MeasureDefinition {
  std::string_view id;
  std::string_view naam;        // Dutch name
  std::string_view definitie;   // Dutch definition, as in the maatboek
  std::string_view eenheid;     // unit of `waarde`
  std::string_view bronnen;     // the registrations it reads
  std::vector<Parameter> required;
  std::vector<Parameter> optional;
  std::function<MeasureTable(const RegionModel&, const MeasureParameters&)> compute;
};

const std::vector<MeasureDefinition>& measure_registry();
const MeasureDefinition* find_measure(std::string_view id);
std::string_view parameter_flag(Parameter parameter);  // "--at", ...
bool parameter_given(const MeasureParameters& parameters, Parameter parameter);

// Checks required parameters, then computes. Throws MeasureError.
MeasureTable compute_measure(const MeasureDefinition& measure, const RegionModel& region,
                             const MeasureParameters& parameters);

}  // namespace stroom
