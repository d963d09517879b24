// Dutch-sounding names for municipalities, schools and school boards of the synthetic region.
//
// Names are made from fixed word lists so that they are deterministic, look like the real thing
// in a dashboard, and belong to no real school. They never contain ';' or quotes, so CSV fields
// need no quoting.
#pragma once

#include <cstdint>
#include <string>

#include "model/setting.h"

namespace stroom {

// The i-th municipality name; the first few are short familiar-looking names, later ones are
// compounds, all distinct for i below 1,000.
std::string gemeente_name(size_t index);

// A school name for a school of this setting; `index` picks the name, `gemeente` may be added.
std::string school_name(Setting setting, size_t index, const std::string& gemeente);

// The denomination of a regular primary school decides its prefix and its board.
enum class Denomination : uint8_t { openbaar, christelijk, katholiek, algemeen };
Denomination bao_denomination(size_t index);
std::string bao_school_name(Denomination denomination, size_t index);
std::string board_name(Setting setting, Denomination denomination, const std::string& gemeente);

}  // namespace stroom
