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

// A part of the region to compute on (docs/measures.md "Selectie"): each field given narrows it
// to the vestigingen that carry that value; all empty = the whole region. Every measure takes it,
// and compute_measure (measure_registry.h) applies it once, before the measure sees the model.
struct RegionSelection {
  std::optional<std::string> swv;        // --swv, a vestigingen.swv code
  std::optional<std::string> sector;     // --sector, po or vo
  std::optional<std::string> bestuur;    // --bestuur
  std::optional<std::string> gemeente;   // --gemeente
  std::optional<std::string> vestiging;  // --vestiging, a vestiging_id
  bool empty() const { return !swv && !sector && !bestuur && !gemeente && !vestiging; }
};

struct MeasureParameters {
  std::optional<Date> at;                 // --at
  std::optional<int> ijkjaar;             // --ijkjaar
  std::optional<Date> peildatum;          // --peildatum
  std::optional<SchoolYear> schooljaar;   // --schooljaar
  std::optional<std::string> gebied;      // --gebied, a gebied of tellingen (vergelijking)
  RegionSelection selectie;               // --swv, --sector, --bestuur, --gemeente, --vestiging
};

enum class Parameter { at, ijkjaar, peildatum, schooljaar, gebied };

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
