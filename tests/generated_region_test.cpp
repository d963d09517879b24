// The path from CSV to number, end to end: generate a region, import it through the binary, and
// compare `measure leerlingen` with counts computed independently from the generated CSV.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "reference_measures.h"
#include "test_support.h"

namespace stroom {
namespace {

using test::run_stroom;

std::string expected_csv(const std::map<std::pair<std::string, std::string>, long>& reference) {
  std::set<std::string> dates;
  for (const auto& [key, count] : reference) dates.insert(key.first);
  std::string out = "datum;onderwijssoort;waarde\n";
  for (const auto& date : dates)
    for (const char* s : {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"})
      out += date + ";" + s + ";" + std::to_string(reference.at({date, s})) + "\n";
  return out;
}

TEST(GeneratedRegion, LeerlingenEqualsCountsComputedFromTheCsvFiles) {
  test::TempDir dir;
  const std::string pupils = test::quick_mode() ? "1500" : "6000";
  auto generated = run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", pupils,
                               "--from", "2018", "--to", "2023", "--seed", "11"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string db = (dir / "r.db").string();
  auto imported = run_stroom({"import", (dir / "csv").string(), "--db", db});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  for (const char* kind : {"vestigingen", "voorzieningen", "inschrijvingen", "ondersteuning", "verzuim",
                           "wachtlijst", "tellingen"})
    EXPECT_NE(imported.out.find(std::string(kind) + ".csv (" + kind), std::string::npos) << kind;

  const auto reference = test::reference_leerlingen(test::read_file(dir / "csv" / "inschrijvingen.csv"));
  ASSERT_GE(reference.size(), 6u * 8u);  // 2018-10-01 .. 2023-10-01 at least
  auto measured = run_stroom({"measure", "leerlingen", "--db", db, "--format", "csv"});
  ASSERT_EQ(measured.exit_code, 0) << measured.err;
  EXPECT_EQ(measured.out, expected_csv(reference));
}

TEST(GeneratedRegion, DirtyExportsGiveRejectsAndKeepTheGoodRows) {
  test::TempDir dir;
  ASSERT_EQ(run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", "1500", "--from", "2018",
                        "--to", "2021", "--seed", "3", "--vuil", "5"}).exit_code, 0);
  const std::string db = (dir / "d.db").string();
  auto imported = run_stroom({"import", (dir / "csv").string(), "--db", db, "--rejects", (dir / "r.csv").string()});
  EXPECT_EQ(imported.exit_code, 3) << imported.err;
  const std::string report = test::read_file(dir / "r.csv");
  EXPECT_TRUE(report.starts_with("bestand;regel;kolom;reden\n"));
  EXPECT_NE(report.find("inschrijvingen.csv;"), std::string::npos);
  EXPECT_NE(report.find("BSN voldoet niet aan de elfproef"), std::string::npos);
  EXPECT_NE(report.find("ligt voor"), std::string::npos);
  // Re-importing the same dirty files changes nothing and rejects the same rows again.
  auto again = run_stroom({"import", (dir / "csv").string(), "--db", db, "--rejects", (dir / "r2.csv").string()});
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_EQ(test::read_file(dir / "r2.csv"), report);
  std::istringstream lines(again.out);
  int files = 0;
  for (std::string line; std::getline(lines, line); ++files)
    EXPECT_NE(line.find(" gelezen, 0 nieuw, 0 vervangen, "), std::string::npos) << line;
  EXPECT_EQ(files, 7);
}

}  // namespace
}  // namespace stroom
