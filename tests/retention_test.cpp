// The retention period: pupils whose every record ended more than N years ago lose their
// identifying data (id replaced by an unlinkable one, birth date erased, history deleted, an ouder
// account disabled), pupils with anything still open keep it, and every measure gives the same
// answer before and after.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "measures/measure_registry.h"
#include "store/migrations.h"
#include "test_support.h"

namespace stroom {
namespace {

std::string all_measures(const std::string& db) {
  std::string out;
  for (const auto& m : measure_registry()) {
    std::vector<std::string> args = {"measure", std::string(m.id), "--db", db, "--format", "csv"};
    const auto parameters = test::measure_arguments(m.id, {{"at", "2021-03-01"}, {"ijkjaar", "2019"}});
    args.insert(args.end(), parameters.begin(), parameters.end());
    const auto run = test::run_stroom(args);
    EXPECT_EQ(run.exit_code, 0) << m.id << run.err;
    out += std::string(m.id) + "\n" + run.out;
  }
  return out;
}

// The pupils past the period, computed from the rows without SQL's help: a pupil qualifies when
// each record has an end and the latest end lies before the cutoff.
std::set<std::string> pupils_past(Database& db, const std::string& cutoff) {
  std::map<std::string, std::string> latest;
  std::set<std::string> open;  // pupils with a record that has not ended
  auto visit = [&](const std::string& sql) {
    Statement rows = db.prepare(sql);
    while (rows.step()) {
      const std::string id(rows.column_text(0));
      if (rows.column_is_null(1)) open.insert(id);
      else latest[id] = std::max(latest[id], std::string(rows.column_text(1)));
    }
  };
  visit("SELECT leerling_id, einddatum FROM inschrijvingen");
  visit("SELECT leerling_id, CASE WHEN einddatum IS NOT NULL THEN einddatum WHEN startdatum IS NULL THEN besluitdatum END FROM ondersteuning");
  visit("SELECT leerling_id, einddatum FROM verzuim");
  visit("SELECT leerling_id, coalesce(plaatsingsdatum, afgemeld) FROM wachtlijst");
  std::set<std::string> past;
  for (const auto& [id, end] : latest)
    if (!open.count(id) && end < cutoff) past.insert(id);
  return past;
}

int64_t rows_with(Database& db, const std::string& table, const std::string& column, const std::string& value) {
  Statement query = db.prepare("SELECT count(*) FROM " + table + " WHERE instr(" + column + ", ?) > 0");
  query.bind_text(1, value);
  query.step();
  return query.column_int(0);
}

TEST(Retention, RemovesPersonalDataOfPupilsPastThePeriodAndKeepsEveryCount) {
  test::TempDir dir;
  const std::string db_path = (dir / "r.db").string();
  ASSERT_EQ(test::run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", "1500", "--from", "2018",
                              "--to", "2022", "--seed", "5"}).exit_code, 0);
  test::run_stroom({"import", (dir / "csv").string(), "--db", db_path});
  // Importing the enrolments again without birth dates replaces every row: the history then holds
  // the old rows, which name the pupils too.
  std::istringstream lines(test::read_file(dir / "csv" / "inschrijvingen.csv"));
  std::string changed, line;
  while (std::getline(lines, line)) {
    const size_t first = line.find(';'), second = line.find(';', first + 1);
    changed += line.substr(0, first + 1) + (changed.empty() ? "geboortedatum" : "") + line.substr(second) + "\n";
  }
  test::write_file(dir / "inschrijvingen.csv", changed);
  test::run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db_path});
  std::set<std::string> past;
  std::string kept_pupil;
  {
    auto db = open_store(db_path);
    past = pupils_past(*db, "2024-01-01");
    Statement any = db->prepare("SELECT leerling_id FROM inschrijvingen WHERE einddatum IS NULL LIMIT 1");
    ASSERT_TRUE(any.step());
    kept_pupil = any.column_text(0);
  }
  ASSERT_GT(past.size(), 50u);
  const std::string parent_child = *past.begin();
  ASSERT_EQ(test::run_stroom({"user", "add", "ouder", "--role", "ouder", "--leerling", parent_child, "--db", db_path,
                              "--password-stdin"}, "een-lang-wachtwoord\n").exit_code, 0);
  const std::string before = all_measures(db_path);

  const auto unset = test::run_stroom({"bewaartermijn", "--db", db_path});
  EXPECT_EQ(unset.exit_code, 1);
  EXPECT_NE(unset.err.find("nog geen bewaartermijn ingesteld"), std::string::npos) << unset.err;
  const auto applied = test::run_stroom({"bewaartermijn", "--jaren", "2", "--peildatum", "2026-01-01", "--db", db_path});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.out.find(std::to_string(past.size()) + " leerlingen met een laatste einddatum voor 2024-01-01"),
            std::string::npos) << applied.out;

  EXPECT_EQ(applied.out.find(" 0 geschiedenisregels"), std::string::npos) << applied.out;
  EXPECT_EQ(all_measures(db_path), before);
  auto db = open_store(db_path);
  for (const std::string& id : past) {
    for (const char* table : {"inschrijvingen", "ondersteuning", "verzuim", "wachtlijst", "gebruikers"})
      ASSERT_EQ(rows_with(*db, table, "leerling_id", id), 0) << id << " still in " << table;
    ASSERT_EQ(rows_with(*db, "geschiedenis", "oude_rij", id), 0) << id;
  }
  EXPECT_EQ(db->query_int("SELECT count(DISTINCT leerling_id) FROM (SELECT leerling_id FROM inschrijvingen UNION ALL "
                          "SELECT leerling_id FROM ondersteuning UNION ALL SELECT leerling_id FROM verzuim UNION ALL "
                          "SELECT leerling_id FROM wachtlijst) WHERE leerling_id LIKE 'anon-%'"),
            int64_t(past.size()));
  EXPECT_EQ(db->query_int("SELECT count(*) FROM inschrijvingen WHERE leerling_id LIKE 'anon-%' AND geboortedatum IS NOT NULL"), 0);
  EXPECT_GT(rows_with(*db, "inschrijvingen", "leerling_id", kept_pupil), 0);
  EXPECT_EQ(db->query_int("SELECT actief FROM gebruikers WHERE naam = 'ouder'"), 0);
  EXPECT_EQ(db->query_int("SELECT count(*) FROM audit WHERE actie = 'bewaartermijn-toegepast'"), 1);

  // The setting is kept; a second run finds nobody new.
  const auto again = test::run_stroom({"bewaartermijn", "--peildatum", "2026-01-01", "--db", db_path});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("bewaartermijn 2 jaar: 0 leerlingen"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace stroom
