// load_region against the store it reads: the model, written back as text rows, is exactly what
// plain SQL over the same tables returns; it does not depend on the order of the rows in the
// file; it reads values in forms stroom does not write (hand-edited files) and refuses impossible
// ones; and it reads one snapshot, its own or the caller's open read transaction.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "store/migrations.h"
#include "model/code_tables.h"
#include "store/model_loader.h"
#include "test_support.h"

namespace stroom {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Every row of a query as text, NULL as "NULL".
Rows query_rows(Database& db, std::string_view sql) {
  Rows rows;
  Statement query = db.prepare(sql);
  while (query.step()) {
    rows.emplace_back();
    for (int c = 0; c < query.column_count(); ++c)
      rows.back().emplace_back(query.column_is_null(c) ? "NULL" : std::string(query.column_text(c)));
  }
  return rows;
}

std::vector<std::string> first_column(const Rows& rows) {
  std::vector<std::string> values;
  for (const auto& row : rows) values.push_back(row.at(0));
  return values;
}

std::string day_text(int32_t days, int32_t none) {
  return days == none ? "NULL" : Date::from_days(days).iso();
}

std::string index_text(const std::vector<std::string>& names, uint32_t index) {
  return index == kNoIndex ? "NULL" : names.at(index);
}

// The model's enrolments as stored rows, in the model's order.
Rows enrolment_rows(const RegionModel& region) {
  const auto& e = region.enrolments;
  Rows rows;
  for (size_t i = 0; i < e.size(); ++i)
    rows.push_back({std::string(e.pupil_ids[e.pupil[i]]), std::string(setting_code(Setting(e.setting[i]))),
                    Date::from_days(e.start[i]).iso(), day_text(e.end[i], kOpenEnd),
                    index_text(region.vestiging_ids, e.vestiging[i]),
                    e.cluster[i] == 0 ? "NULL" : std::to_string(e.cluster[i]),
                    e.niveau[i] == kNoNiveau ? "NULL" : std::string(code_of(Niveau(e.niveau[i])))});
  return rows;
}

Rows absence_rows(const RegionModel& region) {
  const auto& a = region.absences;
  Rows rows;
  for (size_t i = 0; i < a.size(); ++i)
    rows.push_back({std::string(region.enrolments.pupil_ids[a.pupil[i]]), a.thuiszitter[i] ? "ja" : "nee",
                    Date::from_days(a.start[i]).iso(), day_text(a.end[i], kOpenEnd),
                    index_text(region.vestiging_ids, a.vestiging[i]), index_text(region.absence_reasons, a.reason[i]),
                    std::string(code_of(AbsenceKind(a.kind[i])))});
  return rows;
}

Rows decision_rows(const RegionModel& region) {
  const auto& d = region.decisions;
  const std::vector<std::string> kinds = {"tlv", "arrangement", "opp"};
  const std::vector<std::string> outcomes = {"toegekend", "afgewezen", "ingetrokken", "lopend"};
  const std::vector<std::string> categories = {"sbo", "laag", "midden", "hoog"};
  Rows rows;
  for (size_t i = 0; i < d.size(); ++i)
    rows.push_back({std::string(region.enrolments.pupil_ids[d.pupil[i]]), kinds.at(d.kind[i]),
                    outcomes.at(d.outcome[i]),
                    d.category[i] == kNoCategory ? "NULL" : categories.at(d.category[i]),
                    index_text(region.provision_ids, d.provision[i]), day_text(d.requested[i], kNoDate),
                    day_text(d.decided[i], kNoDate), day_text(d.start[i], kNoDate), day_text(d.end[i], kOpenEnd)});
  return rows;
}

constexpr std::string_view kEnrolments =
    "SELECT leerling_id, onderwijssoort, startdatum, einddatum, vestiging_id, cluster, niveau FROM inschrijvingen";
constexpr std::string_view kAbsences =
    "SELECT leerling_id, thuiszitter, startdatum, einddatum, vestiging_id, reden, soort FROM verzuim ORDER BY rowid";
constexpr std::string_view kDecisions =
    "SELECT leerling_id, soort, uitkomst, categorie, voorziening_id, aanvraagdatum, besluitdatum, startdatum, "
    "einddatum FROM ondersteuning ORDER BY rowid";

// Every table read back through SQL and compared with the model, field by field.
void expect_model_equals_tables(Database& db, const RegionModel& region) {
  const auto& e = region.enrolments;
  // Enrolments: the same rows, grouped by pupil, each pupil's spells ordered by start (then end,
  // setting and vestiging), and pupil_first_spell pointing at each group.
  Rows stored = query_rows(db, kEnrolments);
  Rows loaded = enrolment_rows(region);
  ASSERT_EQ(loaded.size(), stored.size());
  ASSERT_EQ(e.pupil_first_spell.size(), e.pupil_count() + 1);
  for (size_t p = 0; p < e.pupil_count(); ++p)
    for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1]; ++i) {
      ASSERT_EQ(e.pupil[i], p);
      if (i == e.pupil_first_spell[p]) continue;
      ASSERT_LT(std::tie(e.start[i - 1], e.end[i - 1], e.setting[i - 1], e.vestiging[i - 1]),
                std::tie(e.start[i], e.end[i], e.setting[i], e.vestiging[i]));
    }
  EXPECT_EQ(e.pupil_first_spell.back(), e.size());
  std::sort(stored.begin(), stored.end());
  std::sort(loaded.begin(), loaded.end());
  EXPECT_EQ(loaded, stored);
  // Absence reports and decisions keep the stored order.
  EXPECT_EQ(absence_rows(region), query_rows(db, kAbsences));
  EXPECT_EQ(decision_rows(region), query_rows(db, kDecisions));
  // Birth dates per pupil: the earliest geboortedatum of the pupil's inschrijvingen, else unknown.
  std::map<std::string, std::string> births;
  for (const auto& row : query_rows(db, "SELECT leerling_id, min(geboortedatum) FROM inschrijvingen GROUP BY leerling_id"))
    births[row[0]] = row[1];
  ASSERT_EQ(e.pupil_birth.size(), e.pupil_count());
  for (size_t p = 0; p < e.pupil_count(); ++p) {
    const auto found = births.find(std::string(e.pupil_ids[p]));
    EXPECT_EQ(day_text(e.pupil_birth[p], kNoDate), found == births.end() ? "NULL" : found->second) << e.pupil_ids[p];
  }
  // Dense pupil ids: every pupil of the three tables once, in order of first appearance.
  std::vector<std::string> pupils;
  for (size_t p = 0; p < e.pupil_count(); ++p) pupils.emplace_back(e.pupil_ids[p]);
  std::vector<std::string> expected;
  for (const auto& id : first_column(query_rows(
           db, "SELECT leerling_id FROM (SELECT leerling_id, 0 AS t, rowid AS r FROM inschrijvingen UNION ALL "
               "SELECT leerling_id, 1, rowid FROM verzuim UNION ALL SELECT leerling_id, 2, rowid FROM ondersteuning) "
               "ORDER BY t, r")))
    if (std::find(expected.begin(), expected.end(), id) == expected.end()) expected.push_back(id);
  EXPECT_EQ(pupils, expected);
  // The dimension lists: sorted and unique over every table that names them.
  EXPECT_EQ(region.vestiging_ids,
            first_column(query_rows(db, "SELECT vestiging_id FROM vestigingen UNION SELECT vestiging_id FROM "
                                        "inschrijvingen UNION SELECT vestiging_id FROM verzuim WHERE vestiging_id "
                                        "IS NOT NULL ORDER BY 1")));
  EXPECT_EQ(region.provision_ids,
            first_column(query_rows(db, "SELECT voorziening_id FROM voorzieningen UNION SELECT voorziening_id FROM "
                                        "wachtlijst UNION SELECT voorziening_id FROM ondersteuning WHERE "
                                        "voorziening_id IS NOT NULL ORDER BY 1")));
  EXPECT_EQ(region.absence_reasons,
            first_column(query_rows(db, "SELECT DISTINCT reden FROM verzuim WHERE reden IS NOT NULL ORDER BY 1")));
  EXPECT_EQ(region.waiting.size(), size_t(db.query_int("SELECT count(*) FROM wachtlijst").value_or(-1)));
  EXPECT_EQ(region.vestigingen.size(), size_t(db.query_int("SELECT count(*) FROM vestigingen").value_or(-1)));
}

class ModelLoader : public ::testing::Test {
 protected:
  // One dirty generated region (double enrolments, same-day spells, open ends), imported once.
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    ASSERT_EQ(test::run_stroom({"generate", "--out", (*dir_ / "csv").string(), "--pupils", "1500", "--from",
                                "2018", "--to", "2022", "--seed", "11", "--vuil", "5"})
                  .exit_code,
              0);
    const int imported = test::run_stroom({"import", (*dir_ / "csv").string(), "--db", db_path().string()}).exit_code;
    ASSERT_TRUE(imported == 0 || imported == 3) << imported;  // 3: dirty rows were rejected, as meant
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::filesystem::path db_path() { return *dir_ / "s.db"; }
  // A copy of the imported store to change.
  std::filesystem::path copy(const std::string& name) {
    const auto path = *dir_ / name;
    std::filesystem::remove(path);
    auto db = open_store(db_path());
    db->exec("VACUUM INTO '" + path.string() + "'");
    return path;
  }

  static test::TempDir* dir_;
};
test::TempDir* ModelLoader::dir_ = nullptr;

TEST_F(ModelLoader, ModelEqualsWhatSqlReadsFromTheTables) {
  auto db = open_store(db_path());
  const RegionModel region = load_region(*db);
  ASSERT_GT(region.enrolments.size(), 1000u);
  ASSERT_GT(region.absences.size(), 10u);
  ASSERT_GT(region.decisions.size(), 10u);
  // The region has pupils with two spells starting the same day, so the tie order is exercised.
  ASSERT_GT(db->query_int("SELECT count(*) FROM (SELECT 1 FROM inschrijvingen GROUP BY leerling_id, startdatum "
                          "HAVING count(*) > 1)"),
            0);
  expect_model_equals_tables(*db, region);
  EXPECT_FALSE(db->in_transaction());  // its own read transaction is over
}

TEST_F(ModelLoader, TheOrderOfTheRowsInTheFileDoesNotChangeTheEnrolments) {
  const auto path = copy("reversed.db");
  {
    auto db = open_store(path);
    db->exec("CREATE TEMP TABLE r AS SELECT * FROM inschrijvingen ORDER BY rowid DESC; DELETE FROM inschrijvingen; "
             "INSERT INTO inschrijvingen SELECT * FROM r;");
  }
  auto original = open_store(db_path());
  auto reversed = open_store(path);
  const RegionModel a = load_region(*original);
  const RegionModel b = load_region(*reversed);
  expect_model_equals_tables(*reversed, b);
  // Dense ids follow first appearance, so they differ; the spells by pupil id do not.
  EXPECT_EQ(enrolment_rows(a).size(), enrolment_rows(b).size());
  Rows rows_a = enrolment_rows(a), rows_b = enrolment_rows(b);
  std::stable_sort(rows_a.begin(), rows_a.end(), [](const auto& x, const auto& y) { return x[0] < y[0]; });
  std::stable_sort(rows_b.begin(), rows_b.end(), [](const auto& x, const auto& y) { return x[0] < y[0]; });
  EXPECT_EQ(rows_a, rows_b);  // same order within each pupil too
}

TEST_F(ModelLoader, ReadsHandEditedFormsAndRefusesImpossibleValues) {
  const auto path = copy("edited.db");
  auto db = open_store(path);
  const auto first = db->query_int("SELECT min(rowid) FROM inschrijvingen").value();
  db->exec("UPDATE inschrijvingen SET startdatum = '01-10-2019', onderwijssoort = ' BAO ' WHERE rowid = " +
           std::to_string(first));
  const RegionModel region = load_region(*db);
  const std::string pupil = db->query_text("SELECT leerling_id FROM inschrijvingen WHERE rowid = " +
                                           std::to_string(first)).value();
  const auto& e = region.enrolments;
  uint32_t p = 0;
  while (p < e.pupil_count() && e.pupil_ids[p] != pupil) ++p;
  ASSERT_LT(p, e.pupil_count());
  bool found = false;
  for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1]; ++i)
    found = found || (Date::from_days(e.start[i]).iso() == "2019-10-01" && Setting(e.setting[i]) == Setting::bao);
  EXPECT_TRUE(found);
  for (const std::string bad : {"2019-02-30", "2019-13-01", "20x9-10-01", "later"}) {
    SCOPED_TRACE(bad);
    db->exec("UPDATE inschrijvingen SET startdatum = '" + bad + "' WHERE rowid = " + std::to_string(first));
    try {
      load_region(*db);
      ADD_FAILURE() << "loaded an impossible date";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    EXPECT_FALSE(db->in_transaction());  // the failed load ended its read transaction
  }
}

TEST_F(ModelLoader, ReadsTheSnapshotOfTheCallersReadTransaction) {
  const auto path = copy("snapshot.db");
  auto reader = open_store(path);
  auto writer = open_store(path);
  const size_t before = size_t(reader->query_int("SELECT count(*) FROM inschrijvingen").value());
  reader->exec("BEGIN");
  ASSERT_EQ(reader->query_int("SELECT count(*) FROM inschrijvingen"), int64_t(before));  // snapshot taken
  writer->exec("DELETE FROM inschrijvingen WHERE rowid IN (SELECT rowid FROM inschrijvingen LIMIT 100)");
  const RegionModel in_snapshot = load_region(*reader);
  EXPECT_EQ(in_snapshot.enrolments.size(), before);
  EXPECT_TRUE(reader->in_transaction());  // the caller's transaction is left open
  reader->exec("COMMIT");
  EXPECT_EQ(load_region(*reader).enrolments.size(), before - 100);
}

}  // namespace
}  // namespace stroom
