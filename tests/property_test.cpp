// Property test: on generated regions, clean and dirty, stroom's leerlingen, stromen,
// verblijfsduur, thuiszitters, kwaliteit and the other Inzicht measures equal the naive reference implementations, computed from the
// same imported rows (read with plain SQL).
#include <gtest/gtest.h>

#include <set>

#include "reference_kwaliteit.h"
#include "reference_measures.h"
#include "test_support.h"

namespace stroom {
namespace {

using test::run_stroom;

std::string measure(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), "measure");
  args.insert(args.end(), {"--db", db, "--format", "csv"});
  auto result = run_stroom(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

class GeneratedRegionProperty : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(GeneratedRegionProperty, MeasuresEqualTheReferenceImplementations) {
  const auto [seed, vuil] = GetParam();
  test::TempDir dir;
  const std::string pupils = test::quick_mode() ? "800" : "3000";
  auto generated = run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", pupils, "--from", "2018",
                               "--to", "2022", "--seed", seed, "--vuil", vuil});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string db = (dir / "p.db").string();
  const int imported = run_stroom({"import", (dir / "csv").string(), "--db", db}).exit_code;
  ASSERT_TRUE(imported == 0 || imported == 3);
  const auto spells = test::read_reference_spells(db);
  const auto absences = test::read_reference_absences(db);
  ASSERT_GT(spells.size(), 500u);

  EXPECT_EQ(measure(db, {"leerlingen"}), test::reference_leerlingen_csv(spells));
  EXPECT_EQ(measure(db, {"stromen"}), test::reference_stromen_csv(spells));
  // A peildatum inside the data and the latest date of the inschrijvingen (the default).
  std::string latest;
  for (const auto& spell : spells) latest = std::max({latest, spell.start, spell.end});
  for (const std::string& peildatum : {std::string("2020-10-01"), latest})
    EXPECT_EQ(measure(db, {"verblijfsduur", "--peildatum", peildatum}),
              test::reference_verblijfsduur_csv(spells, peildatum)) << peildatum;
  for (const char* date : {"2019-03-15", "2021-10-01", "2022-06-30"})
    EXPECT_EQ(measure(db, {"thuiszitters", "--at", date}), test::reference_thuiszitters_csv(spells, absences, date))
        << date;

  // The Inzicht measures (inzicht.md).
  EXPECT_EQ(measure(db, {"leerlingen_cluster"}), test::reference_leerlingen_cluster_csv(spells));
  EXPECT_EQ(measure(db, {"leerlingen_niveau"}), test::reference_leerlingen_niveau_csv(spells));
  for (int ijkjaar : {2018, 2020})
    EXPECT_EQ(measure(db, {"verwachting", "--ijkjaar", std::to_string(ijkjaar)}), test::reference_verwachting_csv(spells, ijkjaar))
        << ijkjaar;
  const auto counts = test::read_reference_counts(db);
  ASSERT_FALSE(counts.empty());
  std::set<std::string> gebieden;
  for (const auto& c : counts) gebieden.insert(c.gebied);
  for (const std::string& gebied : gebieden)
    EXPECT_EQ(measure(db, {"vergelijking", "--gebied", gebied}), test::reference_vergelijking_csv(spells, counts, gebied)) << gebied;
  EXPECT_EQ(measure(db, {"kwaliteit"}), test::reference_kwaliteit_csv(db));
}

INSTANTIATE_TEST_SUITE_P(CleanAndDirty, GeneratedRegionProperty,
                         ::testing::Values(std::pair{"5", "0"}, std::pair{"6", "0"}, std::pair{"7", "8"}));

}  // namespace
}  // namespace stroom
