// SQLite connection, statements and transactions; see database.h.
#include "store/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <utility>

#include <fmt/format.h>

namespace stroom {
namespace {

int open_flags(Database::Open mode) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  return mode == Database::Open::existing ? flags : flags | SQLITE_OPEN_CREATE;
}

// SQLite creates a database file with mode 0644 (less the umask) and its -wal, -shm and -journal
// files with the mode of the database file. Creating the empty file first with 0600 (an empty file
// is a valid, empty database) keeps personal data from other users of the machine, whatever the
// umask. An existing file keeps the mode its owner gave it.
void create_owner_only(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);  // EEXIST and other failures: sqlite3_open_v2 reports what matters
}

}  // namespace

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  if (sqlite3_prepare_v2(db.handle(), sql.data(), int(sql.size()), &stmt_, nullptr) != SQLITE_OK)
    db.fail(sql);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

void Statement::bind_text(int position, std::string_view value) {
  if (sqlite3_bind_text(stmt_, position, value.data(), int(value.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK)
    db_->fail("binden");
}

void Statement::bind_int(int position, int64_t value) {
  if (sqlite3_bind_int64(stmt_, position, value) != SQLITE_OK) db_->fail("binden");
}

void Statement::bind_null(int position) {
  if (sqlite3_bind_null(stmt_, position) != SQLITE_OK) db_->fail("binden");
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(sqlite3_sql(stmt_));
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }
std::string_view Statement::column_name(int column) const { return sqlite3_column_name(stmt_, column); }
bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::string_view Statement::column_text(int column) const {
  auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!text) return {};
  return {text, size_t(sqlite3_column_bytes(stmt_, column))};
}
int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

Database::Database(const std::filesystem::path& path, Open mode, std::string role)
    : path_(path), role_(std::move(role)) {
  if (mode != Open::existing) create_owner_only(path);
  if (sqlite3_open_v2(path.c_str(), &db_, open_flags(mode), nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "onbekende fout";
    sqlite3_close(db_);
    throw StoreError(fmt::format("kan {} {} niet openen: {}", role_, path.string(), message));
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  if (mode != Open::create_wal) return;
  // WAL lets readers (the dashboard) go on while an import writes. FULL sync makes every commit
  // durable on return: an audit entry or account change acknowledged is never lost to a power
  // cut. An import commits once per file, so FULL costs it one sync per file, not per row.
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
         "PRAGMA cache_size=-65536;");
  } catch (...) {  // a file that is no database: no destructor runs for a throwing constructor
    sqlite3_close(db_);
    throw;
  }
}

Database::~Database() { sqlite3_close(db_); }

void Database::fail(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    throw StoreError(fmt::format("{} {} is beschadigd of geen SQLite-database ({})", role_, path_.string(),
                                 sqlite3_errmsg(db_)));
  throw StoreError(fmt::format("{} {}: databasefout bij {}: {}", role_, path_.string(), what, sqlite3_errmsg(db_)));
}

void Database::exec(std::string_view sql) {
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

std::optional<int64_t> Database::query_int(std::string_view sql) {
  Statement statement = prepare(sql);
  if (!statement.step() || statement.column_is_null(0)) return std::nullopt;
  return statement.column_int(0);
}

std::optional<std::string> Database::query_text(std::string_view sql) {
  Statement statement = prepare(sql);
  if (!statement.step() || statement.column_is_null(0)) return std::nullopt;
  return std::string(statement.column_text(0));
}

int64_t Database::last_insert_rowid() { return sqlite3_last_insert_rowid(db_); }
int64_t Database::changes() { return sqlite3_changes64(db_); }
bool Database::in_transaction() { return sqlite3_get_autocommit(db_) == 0; }
void Database::set_busy_timeout(int ms) { sqlite3_busy_timeout(db_, ms); }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (const StoreError&) {
      // The connection is closing or the transaction already ended; nothing left to undo.
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace stroom
