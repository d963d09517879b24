// Backup and restore through SQLite's online backup API; see backup.h.
#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/pseudonym_key.h"

namespace stroom {
namespace {

namespace fs = std::filesystem;

// A lock that cannot be had (WAL recovery, or an import holding the destination's write lock) is
// waited for by SQLite's busy handler for Database::kBusyTimeoutMs per attempt: about a minute in all.
constexpr int kBusyRetries = 6;

// Removes a temporary database file (and SQLite's files beside it) unless it was kept.
class TemporaryFile {
 public:
  explicit TemporaryFile(fs::path path) : path_(std::move(path)) { remove_all(); }
  ~TemporaryFile() {
    if (!kept_) remove_all();
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const fs::path& path() const { return path_; }
  void keep() { kept_ = true; }

 private:
  void remove_all() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ignored);
  }
  fs::path path_;
  bool kept_ = false;
};

fs::path sibling(const fs::path& file, std::string_view suffix) { return fs::path(file.string() + std::string(suffix)); }

fs::path directory_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

void require_sqlite_header(const fs::path& file, std::string_view role) {
  if (!fs::exists(file)) throw StoreError(fmt::format("{} {} bestaat niet", role, file.string()));
  static constexpr char kMagic[16] = "SQLite format 3";  // with its terminating NUL: 16 bytes
  char header[16] = {};
  std::ifstream in(file, std::ios::binary);
  if (!in) throw StoreError(fmt::format("kan {} {} niet lezen", role, file.string()));
  in.read(header, sizeof header);
  if (in.gcount() != sizeof header || !std::equal(header, header + sizeof header, kMagic))
    throw StoreError(fmt::format("{} {} is geen SQLite-database", role, file.string()));
}

// Opens a file that must already be a SQLite database; role names it in errors.
Database open_existing(const fs::path& file, const std::string& role) {
  require_sqlite_header(file, role);
  return Database(file, Database::Open::existing, role);
}

void require_directory(const fs::path& file) {
  if (!fs::is_directory(directory_of(file)))
    throw StoreError(fmt::format("map {} van {} bestaat niet", directory_of(file).string(), file.string()));
}

void check_integrity(Database& db) {
  const auto first = db.query_text("PRAGMA integrity_check(5)");  // "ok" alone, or the first problems
  if (first == "ok") return;
  throw StoreError(fmt::format("{} {} is beschadigd (integrity_check: {})", db.role(), db.path().string(),
                               first.value_or("geen antwoord")));
}

int check_schema_version(Database& db) {
  const int version = int(db.query_int("PRAGMA user_version").value_or(0));
  if (version <= 0)
    throw StoreError(fmt::format("{} {} is geen stroom-database (schemaversie {})", db.role(), db.path().string(), version));
  if (version > kSchemaVersion)
    throw StoreError(fmt::format("{} {} heeft schemaversie {}, maar deze stroom kent versie {} en ouder; "
                                 "gebruik een nieuwere stroom",
                                 db.role(), db.path().string(), version, kSchemaVersion));
  return version;
}

std::vector<std::pair<std::string, int64_t>> row_counts(Database& db) {
  std::vector<std::pair<std::string, int64_t>> counts;
  Statement tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.step()) {
    const std::string table(tables.column_text(0));  // names come from the schema; none holds a quote
    counts.emplace_back(table, db.query_int("SELECT count(*) FROM \"" + table + "\"").value_or(0));
  }
  return counts;
}

// Checks a database and describes it; fingerprint receives the key fingerprint it expects.
BackupReport inspect(Database& db, std::string& fingerprint) {
  check_integrity(db);
  BackupReport report;
  report.database = db.path();
  report.schema_version = check_schema_version(db);
  report.row_counts = row_counts(db);
  fingerprint = stored_key_fingerprint(db);
  return report;
}

// Switches the journal mode ("delete", "wal"), which SQLite may refuse without an error.
void set_journal_mode(Database& db, std::string_view mode) {
  const std::string pragma = fmt::format("PRAGMA journal_mode={}", mode);
  if (db.query_text(pragma) != mode) db.fail(pragma);
}

std::string fingerprint_of_key_file(const fs::path& file) { return read_pseudonym_key(file).fingerprint(); }

// Throws unless the key file belongs to a database that stores `expected` (empty: no key yet).
void require_matching_key(const fs::path& key_file, const std::string& expected, const fs::path& db_file) {
  const std::string actual = fingerprint_of_key_file(key_file);
  if (!expected.empty() && actual != expected)
    throw StoreError(fmt::format("sleutelbestand {} hoort niet bij {} (vingerafdruk {} in plaats van {})",
                                 key_file.string(), db_file.string(), actual, expected));
}

void sync_path(const fs::path& path, int flags) {
  const int fd = open(path.c_str(), flags);
  if (fd < 0) throw StoreError(fmt::format("kan {} niet openen om weg te schrijven", path.string()));
  const bool synced = fsync(fd) == 0;
  close(fd);
  if (!synced) throw StoreError(fmt::format("kan {} niet wegschrijven naar schijf", path.string()));
}

void rename_into_place(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) throw StoreError(fmt::format("kan {} niet vervangen: {}", to.string(), error.message()));
  sync_path(directory_of(to), O_RDONLY | O_DIRECTORY);
}

// Copies the key file through a temporary file with mode 0600, renamed into place when complete.
void copy_key_file(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) throw StoreError(fmt::format("kan sleutelbestand {} niet lezen", from.string()));
  const fs::path temp = sibling(to, ".tmp");
  std::error_code ignored;
  fs::remove(temp, ignored);
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw StoreError(fmt::format("kan sleutelbestand {} niet aanmaken", temp.string()));
  const bool written = fchmod(fd, 0600) == 0 && write(fd, bytes.data(), bytes.size()) == ssize_t(bytes.size()) &&
                       fsync(fd) == 0;
  close(fd);
  if (!written) {
    fs::remove(temp, ignored);
    throw StoreError(fmt::format("kan sleutelbestand {} niet schrijven", temp.string()));
  }
  rename_into_place(temp, to);
}

// Copies every page of `from` into `to` in one sqlite3_backup_step(-1). That single step reads all
// pages inside one read transaction on the source: in WAL mode that is one snapshot, so the copy
// is consistent, while writers go on appending to the WAL (they are not blocked, only the
// checkpoint waits behind the snapshot until the step ends). Smaller steps would release the
// snapshot between steps and restart whenever another process writes, which under a steady
// stream of writes may never finish. BUSY (a lock could not be had, e.g. during WAL recovery)
// leaves nothing half done, so the step is retried.
void copy_pages(Database& from, Database& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (!backup) to.fail("het starten van de kopie");
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  sqlite3_backup_finish(backup);
  if (rc == SQLITE_DONE) return;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    throw StoreError(fmt::format("{} {} blijft vergrendeld; probeer het later opnieuw", from.role(), from.path().string()));
  if (sqlite3_errcode(from.handle()) != SQLITE_OK) from.fail("het kopiëren");
  to.fail("het kopiëren");
}

// Checks the copy and describes it. Its header still says WAL (it was copied from the source); a
// plain rollback-journal file is one self-contained file that tools can read even from read-only
// media. A connection of its own, because the one that wrote the copy never read that header.
BackupReport inspect_copy(const fs::path& file, std::string& fingerprint) {
  Database copy(file, Database::Open::existing, "back-up");
  set_journal_mode(copy, "delete");
  return inspect(copy, fingerprint);
}

void refuse_same_file(const fs::path& source, const fs::path& target) {
  std::error_code error;
  if (fs::exists(target) && fs::equivalent(source, target, error))
    throw StoreError(fmt::format("back-up {} is de database zelf; kies een ander bestand", target.string()));
}

bool has_table(Database& db, const std::string& schema, std::string_view table) {
  return db.query_int(fmt::format("SELECT count(*) FROM \"{}\".sqlite_master WHERE type = 'table' AND name = '{}'", schema, table))
             .value_or(0) > 0;
}

// An entry of a backup or restore command; the database holds no audit log before schema 3. A
// write lock held by someone else (an import commits a whole file at once) is waited for as long
// as the copy would wait for it.
void audit_command(Database& db, const std::string& actor, const char* actie, const char* command, std::string detail) {
  if (!has_table(db, "main", "audit")) return;
  for (int attempt = 1;; ++attempt) {
    try {
      append_audit(db, {{0, {}, actor, "beheerder", actie, {}, command, detail, {}}});
      return;
    } catch (const StoreError&) {
      if (sqlite3_errcode(db.handle()) != SQLITE_BUSY || attempt == kBusyRetries) throw;
    }
  }
}

// Writes the key file beside the backup, or removes an old one that belonged to the replaced backup.
void back_up_key(const fs::path& source_db, const fs::path& target, const std::string& fingerprint,
                 BackupReport& report) {
  const fs::path key = pseudonym_key_path(source_db);
  const fs::path target_key = pseudonym_key_path(target);
  if (fs::exists(key)) {
    copy_key_file(key, target_key);
    report.key_file = target_key;
    return;
  }
  std::error_code ignored;
  fs::remove(target_key, ignored);
  report.key_missing = !fingerprint.empty();
}

}  // namespace

BackupReport backup_database(const fs::path& source_db, const fs::path& target_file, const std::string& actor) {
  Database source = open_existing(source_db, "database");
  require_directory(target_file);
  refuse_same_file(source_db, target_file);
  // The entry comes first, as for every read of personal data: no copy without its entry. The
  // backup then holds its own entry, and the database's log shows it too.
  audit_command(source, actor, "back-up", "stroom backup", "naar " + target_file.string());
  TemporaryFile temp(sibling(target_file, fmt::format(".tmp-{}", getpid())));
  {
    Database copy(temp.path(), Database::Open::create, "back-up");
    copy_pages(source, copy);
  }
  std::string fingerprint;
  BackupReport report = inspect_copy(temp.path(), fingerprint);
  const fs::path key = pseudonym_key_path(source_db);
  if (fs::exists(key)) require_matching_key(key, fingerprint, source_db);
  sync_path(temp.path(), O_RDONLY);
  rename_into_place(temp.path(), target_file);
  temp.keep();
  report.database = target_file;
  report.bytes = fs::file_size(target_file);
  back_up_key(source_db, target_file, fingerprint, report);
  return report;
}

namespace {

// Checks the backup's key file against the fingerprint the backup stores, before anything changes.
// Returns the key file to restore, or an empty path when the backup has none.
fs::path checked_backup_key(const fs::path& backup_file, const std::string& fingerprint) {
  const fs::path key = pseudonym_key_path(backup_file);
  if (!fs::exists(key)) return {};
  require_matching_key(key, fingerprint, backup_file);
  return key;
}

void refuse_existing(const fs::path& db, bool overwrite) {
  if (overwrite || !fs::exists(db)) return;
  throw StoreError(fmt::format("database {} bestaat al; geef --overschrijven om haar te vervangen door de back-up "
                               "(stop eerst 'stroom serve' op deze database)",
                               db.string()));
}

// Writes the backup's pages into the database through a connection on it: an existing WAL is
// taken into account by SQLite (its frames are superseded, not replayed over the copy), readers
// never see a half-written file, and if the process dies half way the transaction rolls back.
// The copy brings the backup's journal mode; WAL, as Database::Open::create_wal sets, comes after.
// Checks the result and describes it; fingerprint receives the key fingerprint it expects.
BackupReport copy_into(Database& backup, const fs::path& db, std::string& fingerprint) {
  Database to(db, Database::Open::create);
  copy_pages(backup, to);
  set_journal_mode(to, "wal");
  return inspect(to, fingerprint);
}

bool key_beside_matches(const fs::path& db, const std::string& fingerprint) {
  const fs::path key = pseudonym_key_path(db);
  if (!fs::exists(key)) return false;
  try {
    return fingerprint_of_key_file(key) == fingerprint;
  } catch (const StoreError&) {
    return false;
  }
}

// Copies into `next` the audit entries of the database being replaced that the backup lacks.
// A log that cannot be read (the database is damaged, which is why one restores) stops the restore
// before anything changes: replacing the file would destroy those entries.
int64_t carry_audit(Database& next, const fs::path& db) {
  try {
    Statement attach = next.prepare("ATTACH DATABASE ? AS vervangen");
    attach.bind_text(1, db.string());
    attach.step();
    const int64_t carried = has_table(next, "vervangen", "audit") ? carry_missing_audit(next, "vervangen") : 0;
    next.exec("DETACH DATABASE vervangen");
    return carried;
  } catch (const StoreError& e) {
    throw StoreError(fmt::format(
        "het auditlogboek van {0} is niet te lezen ({1}), dus de auditregels van na de back-up kunnen niet mee; "
        "zet de database opzij (bijvoorbeeld: mv {0} {0}.beschadigd) en herstel dan opnieuw, dan blijft dat bestand "
        "als bewijs bewaard",
        db.string(), e.what()));
  }
}

}  // namespace

BackupReport restore_database(const fs::path& backup_file, const fs::path& db, bool overwrite, const std::string& actor) {
  Database backup = open_existing(backup_file, "back-up");
  std::string fingerprint;
  inspect(backup, fingerprint);
  const fs::path backup_key = checked_backup_key(backup_file, fingerprint);
  require_directory(db);
  refuse_existing(db, overwrite);
  // The restored state is prepared beside the database (its directory has room for it), so that
  // the database goes from its old state to the restored one, audit entries included, in one step.
  TemporaryFile prepared_file(sibling(db, fmt::format(".herstel-{}", getpid())));
  int64_t carried = 0;
  {
    Database next(prepared_file.path(), Database::Open::create, "back-up");
    copy_pages(backup, next);
  }
  {
    Database next(prepared_file.path(), Database::Open::existing, "back-up");
    set_journal_mode(next, "delete");
    migrate(next);
    if (fs::exists(db)) carried = carry_audit(next, db);
    audit_command(next, actor, "hersteld", "stroom restore",
                  fmt::format("uit {}; {} auditregels van na de back-up overgenomen", backup_file.string(), carried));
  }
  Database prepared = open_existing(prepared_file.path(), "back-up");
  std::optional<TemporaryFile> created;  // a database this restore creates goes again if it fails
  if (!fs::exists(db)) created.emplace(db);
  BackupReport report = copy_into(prepared, db, fingerprint);
  report.audit_carried = carried;
  report.bytes = fs::file_size(db);
  if (!backup_key.empty()) copy_key_file(backup_key, pseudonym_key_path(db));
  if (created) created->keep();
  if (!backup_key.empty() || key_beside_matches(db, fingerprint)) report.key_file = pseudonym_key_path(db);
  report.key_missing = report.key_file.empty() && !fingerprint.empty();
  return report;
}

}  // namespace stroom
