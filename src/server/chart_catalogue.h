// The charts of the web app, by the id each panel carries (`grafiek`, e.g. "overzicht-leerlingen"):
// the one list the server checks a note's chart against, so no note hangs on a chart that does not
// exist. The ids are those of web/src/charts/catalog.ts, the web app's one list of charts, read from
// it when CMake configures the build; web/tests/e2e/parents-notes.test.ts compares every panel
// shown with GET /api/grafieken.
#pragma once

#include <span>
#include <string_view>

namespace stroom {

std::span<const std::string_view> chart_ids();
bool is_known_chart(std::string_view id);

}  // namespace stroom
