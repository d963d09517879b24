// The web app's chart ids; see chart_catalogue.h.
#include "server/chart_catalogue.h"

#include <algorithm>
#include <array>

namespace stroom {
namespace {

// Grouped by page, in the order the pages show them.
constexpr std::array<std::string_view, 15> kCharts = {
    "overzicht-leerlingen",     "overzicht-leerlingen-tijd", "overzicht-deelname",       "overzicht-ontwikkeling",
    "stromen-heen-terug",       "stromen-direct",            "stromen-ratio",            "stromen-matrix",
    "voorzieningen-capaciteit", "voorzieningen-bezettingsgraad", "voorzieningen-kosten",
    "thuiszitters-datum",       "thuiszitters-trend",        "thuiszitters-per-reden",   "thuiszitters-per-school",
};

}  // namespace

std::span<const std::string_view> chart_ids() { return kCharts; }

bool is_known_chart(std::string_view id) { return std::find(kCharts.begin(), kCharts.end(), id) != kCharts.end(); }

}  // namespace stroom
