// What importing one file produced: counts, warnings, rejected fields, or why it failed whole.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ingest/file_schema.h"

namespace stroom {

struct RejectedField {
  std::string file;
  size_t line = 0;      // line the record starts on (the header is line 1)
  std::string column;   // column name, or empty when the row as a whole is wrong
  std::string reason;   // Dutch
};

struct FileImportResult {
  std::string file;
  std::optional<FileKind> kind;
  std::string encoding;
  size_t read = 0;       // data rows read
  size_t inserted = 0;   // new rows
  size_t replaced = 0;   // existing key, new content (old version kept in history)
  size_t unchanged = 0;  // identical to what was stored (or to an earlier line of the file)
  size_t rejected = 0;   // rows with at least one rejected field
  bool failed = false;   // nothing imported from this file
  std::string failure;   // why, in Dutch, when failed
  std::vector<std::string> warnings;
  std::vector<RejectedField> rejects;
};

// Exit status of an import over several files (formats.md): 2 when any file failed as a whole,
// else 3 when any row was rejected, else 0.
int import_exit_code(const std::vector<FileImportResult>& results);

}  // namespace stroom
