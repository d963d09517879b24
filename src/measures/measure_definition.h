// What a measure is: its parameters, its error, and its definition (id, Dutch name, definition,
// unit, sources, parameters, function). Each measure's header includes this and nothing of the
// registry, so measures flow one way: measure files → measure_registry (which lists and looks them
// up) → CLI and API. A measure never depends on the list it is in.
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

}  // namespace stroom
