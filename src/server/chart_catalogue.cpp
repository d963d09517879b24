// The web app's chart ids; see chart_catalogue.h. The list itself is generated at configure time
// from web/src/charts/catalog.ts (CMakeLists.txt), so a chart added there is known here too.
#include "server/chart_catalogue.h"

#include <algorithm>

#include "chart_ids.h"

namespace stroom {

std::span<const std::string_view> chart_ids() { return kChartIds; }

bool is_known_chart(std::string_view id) { return std::find(std::begin(kChartIds), std::end(kChartIds), id) != std::end(kChartIds); }

}  // namespace stroom
