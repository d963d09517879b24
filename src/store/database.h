// A thin RAII layer over the SQLite C API: one connection, prepared statements, transactions.
//
// Errors become StoreError exceptions carrying SQLite's message, so callers never check return
// codes by hand. Nothing here knows stroom's tables; see migrations.h and registration_writer.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace stroom {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding uses 1-based parameter positions, as SQLite does. An empty optional binds NULL.
  void bind_text(int position, std::string_view value);
  void bind_int(int position, int64_t value);
  void bind_null(int position);
  // Steps once; true while a row is available.
  bool step();
  void reset();

  int column_count() const;
  bool column_is_null(int column) const;
  std::string_view column_text(int column) const;
  int64_t column_int(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens or creates the file, in WAL mode with foreign settings suited to bulk imports.
  explicit Database(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  // Runs a query that returns one integer (or nullopt when no row / NULL).
  std::optional<int64_t> query_int(std::string_view sql);
  int64_t last_insert_rowid();
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

// Commits on commit(), rolls back when destroyed without it (for example by an exception).
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace stroom
