// The store: migrations (idempotent, newer refused), the key file, and history of replaced rows.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "store/migrations.h"
#include "store/pseudonym_key.h"
#include "store/registration_writer.h"
#include "test_support.h"

namespace stroom {
namespace {

TEST(Migrations, ReapplyingIsANoOpAndNewerSchemasAreRefused) {
  test::TempDir dir;
  const auto path = dir / "s.db";
  {
    auto db = open_store(path);
    EXPECT_EQ(schema_version(*db), kSchemaVersion);
    db->exec("INSERT INTO instellingen VALUES ('x', 'y')");
  }
  {
    auto db = open_store(path);  // second open: nothing re-created, the row is still there
    EXPECT_EQ(db->query_int("SELECT count(*) FROM instellingen WHERE naam = 'x'"), 1);
    db->exec("PRAGMA user_version = 99");
  }
  try {
    open_store(path);
    FAIL() << "a newer schema must be refused";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("schemaversie 99"), std::string::npos) << e.what();
  }
}

TEST(PseudonymKey, CreatedOnceKeptOutOfTheDatabaseAndChecked) {
  test::TempDir dir;
  const auto path = dir / "k.db";
  std::string fingerprint;
  {
    auto db = open_store(path);
    PseudonymKey key = load_or_create_pseudonym_key(*db);
    fingerprint = key.fingerprint();
    struct stat info {};
    ASSERT_EQ(stat(pseudonym_key_path(path).c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(load_or_create_pseudonym_key(*db).bytes, key.bytes);
  }
  std::filesystem::rename(pseudonym_key_path(path), dir / "elders.key");
  {
    auto db = open_store(path);
    EXPECT_THROW(load_or_create_pseudonym_key(*db), StoreError);  // lost key: refuse, never re-key
  }
  test::write_file(pseudonym_key_path(path), std::string(64, 'a') + "\n");
  {
    auto db = open_store(path);
    EXPECT_THROW(load_or_create_pseudonym_key(*db), StoreError);  // someone else's key
  }
}

TEST(RegistrationWriter, InsertsKeepsUnchangedAndReplacesWithHistory) {
  test::TempDir dir;
  auto db = open_store(dir / "w.db");
  db->exec("INSERT INTO imports VALUES (1, 'a', 'vestigingen', 't', 0, 0, 0, 0, 0),"
           "(2, 'b', 'vestigingen', 't', 0, 0, 0, 0, 0)");
  TableShape shape{"vestigingen", {"vestiging_id", "naam", "bestuur", "gemeente", "swv", "sector"}, {0}};
  {
    RegistrationWriter writer(*db, shape, 1);
    EXPECT_EQ(writer.write({"01AA00", "De Linde", "", "", "PO2401", "po"}, 1).outcome, RowOutcome::inserted);
    EXPECT_EQ(writer.write({"02BB00", "Het Anker", "", "", "", ""}, 2).outcome, RowOutcome::inserted);
  }
  RegistrationWriter writer(*db, shape, 2);  // a later import sees what the first one stored
  EXPECT_EQ(writer.write({"02BB00", "Het Anker", "", "", "", ""}, 1).outcome, RowOutcome::unchanged);
  EXPECT_EQ(writer.write({"01AA00", "De Lindeboom", "", "", "PO2401", "po"}, 2).outcome, RowOutcome::replaced);
  auto conflict = writer.write({"01AA00", "De Linde", "", "", "PO2401", "po"}, 3);
  EXPECT_EQ(conflict.outcome, RowOutcome::conflicts_in_file);  // line 2 of this import wrote it
  EXPECT_EQ(conflict.earlier_line, 2u);
  EXPECT_EQ(db->query_int("SELECT count(*) FROM vestigingen"), 2);
  Statement history = db->prepare("SELECT sleutel, oude_rij, oud_import_id, vervangen_door_import FROM geschiedenis");
  ASSERT_TRUE(history.step());
  EXPECT_EQ(history.column_text(0), "01AA00");
  EXPECT_EQ(history.column_text(1),
            R"({"vestiging_id":"01AA00","naam":"De Linde","bestuur":null,"gemeente":null,"swv":"PO2401","sector":"po"})");
  EXPECT_EQ(history.column_int(2), 1);
  EXPECT_EQ(history.column_int(3), 2);
  EXPECT_FALSE(history.step());
}

}  // namespace
}  // namespace stroom
