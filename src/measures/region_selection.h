// A selection of the region (SWV, sector, bestuur, gemeente, vestiging) as a filtered RegionModel:
// the one place where "this part of the region" is decided, so every measure, the CLI and the API
// narrow the same way (docs/measures.md "Selectie" gives the rules).
//
// select_region is columnar and linear in the model's size: it runs for every uncached request
// with a selection, so it must stay well under the time of a measure on the whole region.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "measures/measure_definition.h"
#include "model/region_model.h"

namespace stroom {

// The selection's fields in their fixed order (the CLI's flags, the API's query names, the cache
// key): "swv", "sector", "bestuur", "gemeente", "vestiging".
inline constexpr std::string_view kSelectionNames[] = {"swv", "sector", "bestuur", "gemeente", "vestiging"};
bool is_selection_name(std::string_view name);
// The field of that name (one of kSelectionNames).
std::optional<std::string>& selection_field(RegionSelection& selection, std::string_view name);
const std::optional<std::string>& selection_field(const RegionSelection& selection, std::string_view name);

// Sets one field from its text (trimmed; the sector lower-cased). Throws MeasureError for an
// empty text or a sector other than po and vo, naming the parameter as `prefix` + name.
void set_selection_field(RegionSelection& selection, std::string_view name, std::string_view text, std::string_view prefix);

// The region narrowed to the selection. Throws MeasureError (Dutch, naming the parameter and the
// value) when a value occurs in no vestiging ("kies uit ..."), or the fields together match none.
RegionModel select_region(const RegionModel& region, const RegionSelection& selection, std::string_view prefix);

// GET /api/selectie: the choices, from the vestigingen ({"swv": [{"code", "sector"}], "besturen",
// "gemeenten", "sectoren", "vestigingen": [{"vestiging_id", "naam", "gemeente", "bestuur", "swv",
// "sector"}]}).
nlohmann::ordered_json selection_choices_json(const RegionModel& region);

// The names of the codes in a measure answer's rows: {"vestiging_id": {code: naam},
// "voorziening_id": {code: naam}}, only codes that occur in `rows` (measure_rows_json) and have a
// name in the vestigingen or voorzieningen.
nlohmann::ordered_json code_names_json(const RegionModel& region, const nlohmann::ordered_json& rows);

}  // namespace stroom
