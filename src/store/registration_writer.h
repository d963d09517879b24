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

enum class RowOutcome : uint8_t { inserted, replaced, unchanged };

class RegistrationWriter {
 public:
  RegistrationWriter(Database& db, TableShape shape, int64_t import_id);

  // values has one entry per column; an empty string is stored as NULL.
  RowOutcome write(const std::vector<std::string>& values);

  // The key and the content hash as the writer computes them, for callers that must compare rows.
  std::string key_of(const std::vector<std::string>& values) const;
  static int64_t content_hash(const std::vector<std::string>& values);

 private:
  struct Existing {
    int64_t rowid;
    int64_t hash;
  };
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
