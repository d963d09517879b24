// A thin RAII layer over the SQLite C API: one connection, prepared statements, transactions.
//
// Errors become StoreError exceptions carrying SQLite's message and naming the file, so callers
// never check return codes by hand. Nothing here knows stroom's tables; see migrations.h and
// registration_writer.h.
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

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
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
  std::string_view column_name(int column) const;
  bool column_is_null(int column) const;
  std::string_view column_text(int column) const;
  int64_t column_int(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Open {
    // Opens or creates the file, in WAL mode, with synchronous=FULL: every commit (an audit entry,
    // an account change) is on disk before the call returns.
    create_wal,
    create,      // opens or creates the file as it is: its journal mode, no settings changed
    // Opens a file that exists, as it is. Read-write even for files only read: a read-only
    // connection cannot remove the -wal and -shm files of a WAL database when it closes. SQLite
    // still opens a write-protected file read-only.
    existing,
  };
  // A lock that cannot be had is waited for this long before SQLITE_BUSY.
  static constexpr int kBusyTimeoutMs = 10000;

  // role names the file in error messages ("database", "back-up"). A file this creates is readable
  // and writable by its owner only (0600); SQLite gives its -wal, -shm and -journal the same mode.
  explicit Database(const std::filesystem::path& path, Open mode = Open::create_wal, std::string role = "database");
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(*this, sql); }
  // Runs a query that returns one integer (or nullopt when no row / NULL).
  std::optional<int64_t> query_int(std::string_view sql);
  // Runs a query that returns one text value (or nullopt when no row / NULL).
  std::optional<std::string> query_text(std::string_view sql);
  int64_t last_insert_rowid();
  // True inside BEGIN ... COMMIT.
  bool in_transaction();
  // How long a lock that cannot be had is waited for (kBusyTimeoutMs unless changed).
  void set_busy_timeout(int ms);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t changes();
  const std::filesystem::path& path() const { return path_; }
  const std::string& role() const { return role_; }
  sqlite3* handle() { return db_; }
  // Throws the connection's last error, naming the file; `what` is the step that failed.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  std::string role_;
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

// A transaction of its own, or none inside a caller's transaction: then the caller's commit (or
// rollback) decides, so a change and the audit entry recording it stand or fall together.
class TransactionUnlessInOne {
 public:
  explicit TransactionUnlessInOne(Database& db) {
    if (!db.in_transaction()) own_.emplace(db);
  }
  void commit() {
    if (own_) own_->commit();
  }

 private:
  std::optional<Transaction> own_;
};

}  // namespace stroom
