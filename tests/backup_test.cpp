// `stroom backup` and `stroom restore` through the binary: a round trip keeps every row and the key
// file (backup, key and restored database 0600; each command an audit entry), backups taken while another connection writes are consistent snapshots, and restore
// refuses a foreign, corrupt or newer file, or an existing database without --overschrijven,
// leaving the database as it was. Digests come from test::database_digest.
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "store/database.h"
#include "store/migrations.h"
#include "store/notes_repository.h"
#include "store/pseudonym_key.h"
#include "test_support.h"

namespace stroom {
namespace {

namespace fs = std::filesystem;
using test::run_stroom;

// A small generated region, imported through the binary: a few hundred pupils with BSNs.
fs::path imported_region(const test::TempDir& dir) {
  const auto csv = dir / "csv";
  const auto db = dir / "bron.db";
  auto generated = run_stroom({"generate", "--out", csv.string(), "--pupils", "300", "--from", "2022", "--to", "2024",
                               "--seed", "7"});
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  auto imported = run_stroom({"import", csv.string(), "--db", db.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  return db;
}

// Rows of a query, columns joined by '|', read through a connection that never creates the file.
std::vector<std::string> rows(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> result;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::string row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
          row += (i ? "|" : "") + std::string(text ? text : "NULL");
        }
        result.push_back(row);
      }
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return result;
}

std::string integrity(const fs::path& db) {
  const auto result = rows(db, "PRAGMA integrity_check");
  return result.empty() ? "no answer" : result.front();
}

// The digest of every table but the audit log's: a backup and a restore are entries of their own,
// so the log differs from the copy by those (their own tests check it).
std::map<std::string, test::TableDigest> digest_but_audit(const fs::path& db) {
  auto digest = test::database_digest(db);
  digest.erase("audit");
  digest.erase("audit_leerlingen");
  return digest;
}

unsigned mode_of(const fs::path& file) {
  struct stat info {};
  return stat(file.c_str(), &info) == 0 ? unsigned(info.st_mode & 0777) : 0u;
}

void add_notes(Database& db, int count, const std::string& grafiek, size_t text_size = 20) {
  Transaction transaction(db);
  for (int i = 0; i < count; ++i) {
    Note note;
    note.grafiek = grafiek;
    note.tekst = std::to_string(i) + " " + std::string(text_size, 'x');
    note.auteur = "test";
    add_note(db, note);
  }
  transaction.commit();
}

TEST(Backup, RoundTripThroughTheCliKeepsEveryRowAndTheKey) {
  test::TempDir dir;
  const auto source = imported_region(dir);
  {
    Database db(source);
    add_notes(db, 3, "overzicht-leerlingen");
  }
  const auto backup = dir / "backup.db";
  auto made = run_stroom({"backup", "--db", source.string(), "--to", backup.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("Back-up van " + source.string() + " geschreven naar " + backup.string()), std::string::npos)
      << made.out;
  EXPECT_NE(made.out.find("inschrijvingen"), std::string::npos) << made.out;
  EXPECT_NE(made.out.find("rijen"), std::string::npos) << made.out;
  EXPECT_NE(made.out.find("sleutelbestand: " + pseudonym_key_path(backup).string()), std::string::npos) << made.out;
  EXPECT_EQ(mode_of(pseudonym_key_path(backup)), 0600u);
  EXPECT_EQ(rows(backup, "PRAGMA journal_mode"), std::vector<std::string>{"delete"}) << "one self-contained file";
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << "left behind: " << entry.path();

  fs::create_directories(dir / "elders");
  const auto restored = dir / "elders" / "hersteld.db";
  auto back = run_stroom({"restore", "--from", backup.string(), "--db", restored.string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("Database " + restored.string() + " hersteld uit " + backup.string()), std::string::npos)
      << back.out;

  const auto digest = digest_but_audit(source);
  ASSERT_GT(digest.at("inschrijvingen").rows, 100);
  EXPECT_EQ(digest.at("notities").rows, 3);
  EXPECT_EQ(digest_but_audit(backup), digest);
  EXPECT_EQ(digest_but_audit(restored), digest);
  // The backup is an entry of the database backed up (written first, so the backup holds it too);
  // the restore one of the restored database.
  const std::vector<std::string> backup_entry{"back-up|stroom backup|naar " + backup.string()};
  EXPECT_EQ(rows(source, "SELECT actie, bron, detail FROM audit ORDER BY id DESC LIMIT 1"), backup_entry);
  EXPECT_EQ(rows(backup, "SELECT actie, bron, detail FROM audit ORDER BY id DESC LIMIT 1"), backup_entry);
  const auto restore_entry = rows(restored, "SELECT actie, bron, gebruiker FROM audit ORDER BY id DESC LIMIT 1");
  ASSERT_EQ(restore_entry.size(), 1u);
  EXPECT_EQ(restore_entry[0].substr(0, restore_entry[0].find("|cli:")), "hersteld|stroom restore");
  EXPECT_EQ(mode_of(backup), 0600u);
  EXPECT_EQ(mode_of(restored), 0600u);
  EXPECT_EQ(test::read_file(pseudonym_key_path(restored)), test::read_file(pseudonym_key_path(source)));
  EXPECT_EQ(mode_of(pseudonym_key_path(restored)), 0600u);

  // The restored key gives the same pseudonyms: importing the same files again changes no row.
  auto again = run_stroom({"import", (dir / "csv").string(), "--db", restored.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  std::istringstream lines(again.out);
  int files = 0;
  for (std::string line; std::getline(lines, line); ++files)
    EXPECT_NE(line.find(", 0 nieuw, 0 vervangen,"), std::string::npos) << line;
  EXPECT_EQ(files, 7) << again.out;
  const auto after_import = digest_but_audit(restored);
  for (const char* table : {"inschrijvingen", "ondersteuning", "verzuim", "wachtlijst", "geschiedenis"})
    EXPECT_EQ(after_import.at(table), digest.at(table)) << table;
}

// Inserts notes, each in its own transaction, through its own connection until stopped.
class NoteWriter {
 public:
  explicit NoteWriter(const fs::path& db) : thread_([this, db] { run(db); }) {}
  ~NoteWriter() { stop(); }
  int64_t written() const { return written_; }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  const std::string& error() const { return error_; }

 private:
  void run(const fs::path& path) {
    try {
      Database db(path);
      for (int64_t i = 0; !stop_; ++i) {
        Transaction transaction(db);
        Note note;
        note.grafiek = "belasting";
        note.tekst = "notitie " + std::to_string(i);
        note.auteur = "schrijver";
        add_note(db, note);
        transaction.commit();
        ++written_;
        // A breath between transactions, as between a server's requests: a writer that takes the
        // lock again the microsecond it let go starves every other writer, such as the backup's
        // audit entry, for as long as it runs.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> written_{0};
  std::string error_;
  std::thread thread_;
};

const std::string kNotes = "SELECT * FROM notities ORDER BY id";

TEST(Backup, UnderContinuousWritesEachBackupIsAConsistentSnapshot) {
  test::TempDir dir;
  const auto source = imported_region(dir);
  {
    Database db(source);  // some bulk, so that a copy takes long enough for writes to land during it
    add_notes(db, 4000, "vulling", 400);
  }
  const int64_t initial_notes = 4000;
  const int rounds = test::quick_mode() ? 4 : 8;
  std::vector<fs::path> backups;
  std::vector<std::pair<int64_t, int64_t>> written_around;  // writer's count before and after each backup
  NoteWriter writer(source);
  while (writer.written() == 0 && writer.error().empty()) std::this_thread::yield();
  for (int i = 0; i < rounds; ++i) {
    backups.push_back(dir / ("backup-" + std::to_string(i) + ".db"));
    const int64_t before = writer.written();
    auto made = run_stroom({"backup", "--db", source.string(), "--to", backups.back().string()});
    written_around.emplace_back(before, writer.written());
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_EQ(integrity(backups.back()), "ok");
  }
  writer.stop();
  ASSERT_EQ(writer.error(), "");

  auto source_digest = digest_but_audit(source);
  const auto source_notes = rows(source, kNotes);
  ASSERT_EQ(int64_t(source_notes.size()), initial_notes + writer.written());
  size_t previous = 0;
  for (size_t i = 0; i < backups.size(); ++i) {
    SCOPED_TRACE(backups[i].string());
    auto digest = digest_but_audit(backups[i]);
    ASSERT_EQ(digest.size(), source_digest.size());
    for (const auto& [table, expected] : source_digest) {
      if (table == "notities" || table == "sqlite_sequence") continue;  // the table being written, and its id counter
      EXPECT_EQ(digest.at(table), expected) << table;
    }
    const auto notes = rows(backups[i], kNotes);
    ASSERT_LE(notes.size(), source_notes.size());
    EXPECT_TRUE(std::equal(notes.begin(), notes.end(), source_notes.begin())) << "not a prefix of the source's notes";
    // The snapshot was taken while the command ran, and the writer went on writing meanwhile.
    const auto [before, after] = written_around[i];
    EXPECT_GE(int64_t(notes.size()), initial_notes + before);
    EXPECT_LE(int64_t(notes.size()), initial_notes + after + 1);
    EXPECT_GT(after, before) << "the writer did not write during the backup";
    EXPECT_GT(notes.size(), previous);
    previous = notes.size();
  }

  const auto last = dir / "laatste.db";
  ASSERT_EQ(run_stroom({"backup", "--db", source.string(), "--to", last.string()}).exit_code, 0);
  const auto restored = dir / "hersteld.db";
  auto back = run_stroom({"restore", "--from", last.string(), "--db", restored.string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(digest_but_audit(restored), source_digest);
}

// A valid backup, copied and then damaged by `damage`.
fs::path damaged_copy(const fs::path& backup, const fs::path& to, const std::function<void(const fs::path&)>& damage) {
  fs::copy_file(backup, to);
  damage(to);
  return to;
}

void overwrite_middle_pages(const fs::path& file) {
  const auto size = fs::file_size(file);
  const size_t page = 4096, pages = size / page;
  std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
  out.seekp(std::streamoff(pages / 3 * page));
  out << std::string((pages / 3 + 1) * page, '\xA5');
}

void set_user_version(const fs::path& file, int version) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

TEST(Restore, RefusesAForeignCorruptOrNewerFileAndLeavesTheDatabaseAlone) {
  test::TempDir dir;
  const auto db = imported_region(dir);
  const auto backup = dir / "backup.db";
  ASSERT_EQ(run_stroom({"backup", "--db", db.string(), "--to", backup.string()}).exit_code, 0);
  ASSERT_GT(fs::file_size(backup), 30u * 4096u);
  struct Bad {
    fs::path file;
    std::string message;
  };
  const auto copy = [&](const std::string& name, const std::function<void(const fs::path&)>& damage) {
    return damaged_copy(backup, dir / name, damage);
  };
  const auto foreign_key = copy("andere-sleutel.db", [](const fs::path& f) {
    test::write_file(pseudonym_key_path(f), std::string(64, 'a') + "\n");
  });
  const std::vector<Bad> cases = {
      {copy("tekst.db", [](const fs::path& f) { test::write_file(f, "dit is geen database\n"); }),
       "fout: back-up " + (dir / "tekst.db").string() + " is geen SQLite-database"},
      {copy("leeg.db", [](const fs::path& f) { test::write_file(f, ""); }),
       "fout: back-up " + (dir / "leeg.db").string() + " is geen SQLite-database"},
      {copy("kapot.db", overwrite_middle_pages), "fout: back-up " + (dir / "kapot.db").string() + " is beschadigd"},
      {copy("nieuwer.db", [](const fs::path& f) { set_user_version(f, kSchemaVersion + 1); }),
       "fout: back-up " + (dir / "nieuwer.db").string() + " heeft schemaversie " + std::to_string(kSchemaVersion + 1) +
           ", maar deze stroom kent versie " + std::to_string(kSchemaVersion) + " en ouder; gebruik een nieuwere stroom"},
      {foreign_key, "fout: sleutelbestand " + pseudonym_key_path(foreign_key).string() + " hoort niet bij " +
                        foreign_key.string()},
  };
  const std::string db_bytes = test::read_file(db);
  const std::string key_bytes = test::read_file(pseudonym_key_path(db));
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.file.string());
    auto refused = run_stroom({"restore", "--from", bad.file.string(), "--db", db.string(), "--overschrijven"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find(bad.message), std::string::npos) << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(test::read_file(db), db_bytes);
    EXPECT_EQ(test::read_file(pseudonym_key_path(db)), key_bytes);
  }
}

TEST(Restore, ReplacesAnExistingDatabaseOnlyWithOverschrijvenAndSupersedesItsWal) {
  test::TempDir dir;
  const auto source = imported_region(dir);
  const auto backup = dir / "backup.db";
  ASSERT_EQ(run_stroom({"backup", "--db", source.string(), "--to", backup.string()}).exit_code, 0);
  const auto backup_digest = digest_but_audit(backup);

  // The destination: a copy of the region that got notes since, still in its WAL (no checkpoint),
  // with a connection open on it as a forgotten reader would have.
  const auto db = dir / "live.db";
  ASSERT_EQ(run_stroom({"restore", "--from", backup.string(), "--db", db.string()}).exit_code, 0);
  Database live(db);
  live.exec("PRAGMA wal_autocheckpoint = 0");
  add_notes(live, 200, "na-de-back-up", 200);
  ASSERT_GT(fs::file_size(db.string() + "-wal"), 40u * 1024u);  // the notes are in the WAL only
  const auto live_digest = test::database_digest(db);
  ASSERT_EQ(live_digest.at("notities").rows, 200);
  const auto live_audit = rows(db, "SELECT * FROM audit ORDER BY id");

  auto refused = run_stroom({"restore", "--from", backup.string(), "--db", db.string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("fout: database " + db.string() + " bestaat al; geef --overschrijven"), std::string::npos)
      << refused.err;
  EXPECT_EQ(test::database_digest(db), live_digest);

  auto replaced = run_stroom({"restore", "--from", backup.string(), "--db", db.string(), "--overschrijven"});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(digest_but_audit(db), backup_digest) << "read while the old connection is still open";
  EXPECT_EQ(live.query_int("SELECT count(*) FROM notities"), 0);
  // The audit log lost nothing: the first restore's entry (in the WAL only) was carried over.
  const auto audit_now = rows(db, "SELECT * FROM audit ORDER BY id");
  ASSERT_EQ(audit_now.size(), live_audit.size() + 1);
  EXPECT_TRUE(std::equal(live_audit.begin(), live_audit.end(), audit_now.begin()));
  EXPECT_NE(replaced.out.find("auditlogboek: 1 regels van na de back-up overgenomen"), std::string::npos) << replaced.out;
  EXPECT_EQ(integrity(db), "ok");
}

TEST(Backup, AFailedBackupLeavesTheEarlierBackupAndNoTemporaryFiles) {
  test::TempDir dir;
  const auto source = imported_region(dir);
  const auto backup = dir / "backup.db";
  ASSERT_EQ(run_stroom({"backup", "--db", source.string(), "--to", backup.string()}).exit_code, 0);
  const std::string earlier = test::read_file(backup);

  test::write_file(dir / "geen.db", "geen database");
  auto foreign = run_stroom({"backup", "--db", (dir / "geen.db").string(), "--to", backup.string()});
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("fout: database " + (dir / "geen.db").string() + " is geen SQLite-database"),
            std::string::npos) << foreign.err;
  auto missing = run_stroom({"backup", "--db", (dir / "bestaat-niet.db").string(), "--to", backup.string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("bestaat niet"), std::string::npos) << missing.err;
  auto itself = run_stroom({"backup", "--db", source.string(), "--to", source.string()});
  EXPECT_EQ(itself.exit_code, 2);
  EXPECT_NE(itself.err.find("is de database zelf"), std::string::npos) << itself.err;
  auto no_folder = run_stroom({"backup", "--db", source.string(), "--to", (dir / "map" / "b.db").string()});
  EXPECT_EQ(no_folder.exit_code, 2);
  EXPECT_NE(no_folder.err.find("fout: map " + (dir / "map").string() + " van "), std::string::npos) << no_folder.err;

  EXPECT_EQ(test::read_file(backup), earlier);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << "left behind: " << entry.path();
  auto usage = run_stroom({"backup", "--db", source.string()});
  EXPECT_EQ(usage.exit_code, 1);
  EXPECT_NE(usage.err.find("--to"), std::string::npos) << usage.err;
}

}  // namespace
}  // namespace stroom
