// The measure endpoints, straight from the registry: the list, one measure, and the data's dates.
#pragma once

#include "model/region_model.h"
#include "server/api_response.h"

namespace stroom {

ApiResponse list_measures_response();
ApiResponse measure_response(const RegionModel& region, const std::string& id, const QueryParameters& query);
ApiResponse info_response(const RegionModel& region);

}  // namespace stroom
