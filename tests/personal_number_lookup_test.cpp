// Every personal number that the import pseudonymises can be looked up again in the same way:
// the BSN search and an ouder account's child take a BSN, an onderwijsnummer and a BSN that lost
// its leading zero in a spreadsheet, and all three find the pupil the import stored.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/bsn.h"
#include "server/pupil_api.h"
#include "store/migrations.h"
#include "store/pseudonym_key.h"
#include "test_support.h"

namespace stroom {
namespace {

constexpr const char* kBsn = "111222333";              // 11-proef sum 66
constexpr const char* kOnderwijsnummer = "101222331";  // python-stdnum's example (docs/import.md)
constexpr const char* kBsnWithoutZero = "12345672";    // 012345672 passes the 11-proef

class PersonalNumberLookup : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_file(dir_ / "inschrijvingen.csv",
                     std::string("leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n") + kBsn +
                         ";01;bao;2020-08-01;\n" + kOnderwijsnummer + ";01;bao;2020-08-01;\n" + kBsnWithoutZero +
                         ";01;bao;2020-08-01;\n");
    const auto imported = test::run_stroom({"import", (dir_ / "inschrijvingen.csv").string(), "--db", db_});
    ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  }

  test::TempDir dir_;
  std::string db_ = (dir_ / "p.db").string();
};

TEST_F(PersonalNumberLookup, TheBsnSearchFindsEveryKindOfPersonalNumberTheImportTook) {
  auto db = open_store(db_);
  const BsnPseudonymiser pseudonymise(load_or_create_pseudonym_key(*db));
  const Identity beheerder{1, "beheer", Role::beheerder, {}, std::nullopt};
  auto search = [&](const std::string& number) {
    return bsn_search_response(*db, beheerder, {"127.0.0.1", "test"}, pseudonymise,
                               nlohmann::json{{"bsn", number}, {"reden", "controle"}}.dump());
  };
  for (const auto& [typed, digits] : {std::pair{kBsn, kBsn}, std::pair{kOnderwijsnummer, kOnderwijsnummer},
                                      std::pair{kBsnWithoutZero, "012345672"}}) {
    SCOPED_TRACE(typed);
    const ApiResponse found = search(typed);
    ASSERT_EQ(found.status, 200) << found.body.dump();
    EXPECT_EQ(found.body["leerling_id"], pseudonymise(digits));
    EXPECT_EQ(db->query_int("SELECT count(*) FROM inschrijvingen WHERE leerling_id = '" + pseudonymise(digits) + "'"), 1);
  }
  const ApiResponse neither = search("123456789");  // fails the 11-proef and is no onderwijsnummer
  EXPECT_EQ(neither.status, 400);
  EXPECT_EQ(neither.body["fout"], "dit is geen geldig BSN of onderwijsnummer (negen cijfers, elfproef)");
}

TEST_F(PersonalNumberLookup, AnOuderAccountTakesTheChildsOnderwijsnummer) {
  const auto added = test::run_stroom({"user", "add", "ouder-onr", "--role", "ouder", "--leerling", kOnderwijsnummer,
                                       "--db", db_, "--password-stdin"},
                                      "een-lang-wachtwoord\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto db = open_store(db_);
  const BsnPseudonymiser pseudonymise(load_or_create_pseudonym_key(*db));
  EXPECT_EQ(db->query_text("SELECT leerling_id FROM gebruikers WHERE naam = 'ouder-onr'"), pseudonymise(kOnderwijsnummer));
  EXPECT_EQ(added.out.find(kOnderwijsnummer), std::string::npos);
  EXPECT_EQ(added.err.find(kOnderwijsnummer), std::string::npos);

  const auto refused = test::run_stroom({"user", "add", "ouder-fout", "--role", "ouder", "--leerling", "123456789",
                                         "--db", db_, "--password-stdin"},
                                        "een-lang-wachtwoord\n");
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("voldoet niet aan de elfproef (en is ook geen onderwijsnummer)"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace stroom
