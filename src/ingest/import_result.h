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
  std::string reason;   // Dutch; never a value that could be a BSN
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
  std::vector<std::string> warnings;        // about the file as a whole
  std::vector<RejectedField> rejects;
  // Fields imported with a change the user must hear of (a BSN masked in free text, an 8-digit
  // BSN): same shape as a reject, the reason being the warning. The row itself is not rejected.
  std::vector<RejectedField> field_warnings;
};

// Exit status of an import over several files (formats.md): 2 when any file failed as a whole,
// else 3 when any row was rejected, else 0.
int import_exit_code(const std::vector<FileImportResult>& results);

}  // namespace stroom
