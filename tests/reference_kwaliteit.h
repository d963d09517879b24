// A plain, obviously-correct reference implementation of measure `kwaliteit` (inzicht.md),
// sharing no code with src/: rows read with plain SQL as strings, dates as ISO text, sets and
// maps. The property test compares stroom's CSV output with it on generated regions.
#pragma once

#include <filesystem>
#include <string>

namespace stroom::test {

// The CSV (`stroom measure kwaliteit --format csv`) of the imported database at db.
std::string reference_kwaliteit_csv(const std::filesystem::path& db);

}  // namespace stroom::test
