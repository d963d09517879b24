// Writing a generated region as the seven CSV files of formats.md (vestigingen.csv,
// inschrijvingen.csv, ...): ';'-separated, UTF-8, a header line with exactly the columns of
// ingest/file_schema.h in that order, dates as YYYY-MM-DD. With --vuil the rows pass through
// the DirtyMixer first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "generate/generated_region.h"

namespace stroom {

struct WrittenFile {
  std::string name;          // e.g. "inschrijvingen.csv"
  int64_t rows = 0;          // data rows, without the header
  int64_t invalid_rows = 0;  // --vuil: rows given an error the import rejects
  int64_t silent_rows = 0;   // --vuil: rows given an error that imports (duplicates included)
};

// Creates `dir` when needed and writes the files, replacing files of the same name. Throws
// GenerateWriteError when the folder or a file cannot be written.
std::vector<WrittenFile> write_region(const GeneratedRegion& region, const std::filesystem::path& dir,
                                      const std::function<void(std::string_view, double)>& progress = {});

}  // namespace stroom
