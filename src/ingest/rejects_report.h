// The rejects report: one CSV line per rejected field, `bestand;regel;kolom;reden`, followed by
// one per field imported with a warning (its reden begins with "waarschuwing: ").
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "ingest/import_result.h"

namespace stroom {

void write_rejects_report(std::ostream& out, const std::vector<FileImportResult>& results);
void write_rejects_report(const std::filesystem::path& path,
                          const std::vector<FileImportResult>& results);

}  // namespace stroom
