// Writes validated rows of one registration table: insert, leave unchanged, or replace with history.
//
// Identity is the row's key (formats.md); content is compared through a hash of the normalised
// values. A replaced row is first copied, as JSON, into `geschiedenis` with the import that
// replaced it, so nothing is ever lost. The caller owns the transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.h"

namespace stroom {

// The shape of one registration table: its name, its columns in order, which of them form the key.
struct TableShape {
  std::string_view table;
  std::vector<std::string_view> columns;
  std::vector<size_t> key_columns;
};

enum class RowOutcome : uint8_t {
  inserted,
  replaced,
  unchanged,
  // An earlier line of the same import wrote this key with other content. Both cannot be right;
  // the first stays, so that importing the same file again is still a no-op.
  conflicts_in_file,
};

struct WriteResult {
  RowOutcome outcome;
  size_t earlier_line = 0;  // for conflicts_in_file: the line that wrote the key first
};

class RegistrationWriter {
 public:
  RegistrationWriter(Database& db, TableShape shape, int64_t import_id);

  // values has one entry per column; an empty string is stored as NULL. source_line (> 0)
  // identifies the row within this import, for reporting conflicts inside one file.
  WriteResult write(const std::vector<std::string>& values, size_t source_line);

 private:
  struct Existing {
    int64_t rowid;
    int64_t hash;
    size_t line_in_this_import;  // 0 when last written by an earlier import
  };
  std::string key_of(const std::vector<std::string>& values) const;
  static int64_t content_hash(const std::vector<std::string>& values);
  void load_existing();
  void bind_values(Statement& statement, const std::vector<std::string>& values, int64_t hash);
  void save_history(int64_t rowid, const std::string& key);

  Database& db_;
  TableShape shape_;
  int64_t import_id_;
  std::unordered_map<std::string, Existing> existing_;
  Statement insert_;
  Statement update_;
  Statement read_old_;
  Statement insert_history_;
};

}  // namespace stroom
