// Imports CSV files of the formats in formats.md into the store, one transaction per file.
//
// A file is read whole, decoded to UTF-8, its kind recognised from its name or header, and every
// row validated and normalised (field_rules.h). Good rows are written through the store's
// RegistrationWriter; bad rows are reported, never dropped silently or guessed. With `strict`,
// a file with any bad row imports nothing. A crash or kill mid-file leaves the database as it
// was before that file, because the file's rows commit together or not at all.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "ingest/import_result.h"
#include "store/database.h"
#include "store/pseudonym_key.h"

namespace stroom {

struct ImportOptions {
  bool strict = false;
  // Called now and then with the share of the file done (0..1), for a progress bar.
  std::function<void(const std::string& file, double done)> progress;
};

FileImportResult import_file(Database& db, const PseudonymKey& key,
                             const std::filesystem::path& file, const ImportOptions& options);

// The files an import of `path` covers: the file itself, or every *.csv in a folder in the
// import order of kAllFileKinds (files of unrecognised name last, alphabetically).
std::vector<std::filesystem::path> import_files_in(const std::filesystem::path& path);

}  // namespace stroom
