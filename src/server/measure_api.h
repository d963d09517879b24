// The measure endpoints, straight from the registry: the list, one measure, and the data's dates.
#pragma once

#include "model/region_model.h"
#include "server/api_response.h"

namespace stroom {

ApiResponse list_measures_response();
// One measure's answer in full and as published (counts 1-4 suppressed, as `--publish`); which
// one a caller gets depends on its role (role.h). Errors are the same in both.
struct MeasureAnswer {
  ApiResponse full;
  ApiResponse published;
};
MeasureAnswer measure_response(const RegionModel& region, const std::string& id, const QueryParameters& query);
ApiResponse info_response(const RegionModel& region);

}  // namespace stroom
