// The measure endpoints, straight from the registry: the list, one measure, and the data's dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/role.h"
#include "model/region_model.h"
#include "server/api_response.h"

namespace stroom {

ApiResponse list_measures_response();
// One measure's answer in full and as published (counts 1-4 suppressed, as `--publish`); which
// one a caller gets depends on its role (accounts/role.h). Errors are the same in both.
struct MeasureAnswer {
  ApiResponse full;
  ApiResponse published;
};
// What the measure route checks before it looks in the answer cache: the measure exists (404),
// the query holds only parameters it takes, each well formed (400), and for a role that gets
// published answers only the dates that rule allows (400, measure_parameters.h). On success,
// `key` is the canonical form of the request, equal for equivalent queries: the cache's key.
// A school user may narrow the region only to an SWV, a sector or their own vestigingen
// (own_vestigingen; 403 otherwise, docs/privacy.md). Dates outside the data and selection values no
// vestiging carries are refused by measure_response, which has the model.
struct MeasureRequest {
  std::optional<ApiResponse> error;
  std::string key;
};
MeasureRequest measure_request(const std::string& id, const QueryParameters& query, Role role,
                               const std::vector<std::string>& own_vestigingen = {});
MeasureAnswer measure_response(const RegionModel& region, const std::string& id, const QueryParameters& query);
// GET /api/selectie: the selection's choices (region_selection.h, selection_choices_json).
ApiResponse selection_response(const RegionModel& region);
// The teldata, school years, data date and the data's range (eerste_datum, laatste_datum) the
// web app's pickers offer.
ApiResponse info_response(const RegionModel& region);

}  // namespace stroom
