// Measure leerlingen on hand-made fixtures with hand-computed answers, and against the
// reference implementation, through the real import and CLI.
#include <gtest/gtest.h>

#include <set>

#include "reference_measures.h"
#include "test_support.h"

namespace stroom {
namespace {

std::string leerlingen_csv(const std::string& inschrijvingen, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"leerlingen"};
  args.insert(args.end(), extra.begin(), extra.end());
  return test::import_and_measure({{"inschrijvingen.csv", inschrijvingen}}, args);
}

std::string rows_for(const std::string& date, std::vector<int> counts) {
  const char* settings[] = {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"};
  std::string out;
  for (size_t i = 0; i < 8; ++i) out += date + ";" + settings[i] + ";" + std::to_string(counts[i]) + "\n";
  return out;
}

const std::string kHeader = "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n";

TEST(Leerlingen, CountsOnTheTeldatumByTheDefinition) {
  const std::string csv = kHeader +
      "A;01;bao;2019-08-01;2020-10-01\n"   // ends on the teldatum: counted in 2020
      "B;01;bao;2020-10-01;\n"             // starts on the teldatum: counted, open
      "C;01;bao;2019-08-01;2020-09-30\n"   // ended the day before: not counted in 2020
      "D;01;bao;2020-08-01;2021-07-31\n"   // in two settings on one date:
      "D;02;sbo;2020-09-01;2021-07-31\n"   //   once in each setting, once in totaal
      "E;03;vso;2019-08-01;2021-12-31\n"   // latest date: no teldatum after 2021-12-31
      "F;04;isk;2019-08-01;2019-08-20\n";  // never on a teldatum
  EXPECT_EQ(leerlingen_csv(csv),
            "datum;onderwijssoort;waarde\n" + rows_for("2019-10-01", {2, 0, 0, 0, 0, 1, 0, 3}) +
                rows_for("2020-10-01", {3, 1, 0, 0, 0, 1, 0, 4}) +
                rows_for("2021-10-01", {1, 0, 0, 0, 0, 1, 0, 2}));
}

TEST(Leerlingen, SkipsYearsWithoutPupilsAndStopsAtTheLatestDate) {
  const std::string csv = kHeader +
      "A;01;so;2016-08-01;2017-07-31\n"
      "B;01;so;2019-08-01;\n";  // open, latest date 2019-08-01: no 2019-10-01 teldatum
  EXPECT_EQ(leerlingen_csv(csv), "datum;onderwijssoort;waarde\n" + rows_for("2016-10-01", {0, 0, 1, 0, 0, 0, 0, 1}));
}

TEST(Leerlingen, AtAndPublish) {
  const std::string csv = kHeader + "A;01;bao;2019-08-01;\nB;01;bao;2019-08-01;\nC;01;so;2019-08-01;2020-07-31\n";
  EXPECT_EQ(leerlingen_csv(csv, {"--at", "2019-12-01", "--publish"}),
            "datum;onderwijssoort;waarde\n2019-12-01;bao;<5\n2019-12-01;sbo;0\n2019-12-01;so;<5\n"
            "2019-12-01;vo;0\n2019-12-01;pro;0\n2019-12-01;vso;0\n2019-12-01;isk;0\n2019-12-01;totaal;<5\n");
}

TEST(Leerlingen, AgreesWithTheReferenceOnAHandMadeRegion) {
  std::string csv = kHeader;
  const char* settings[] = {"bao", "sbo", "so", "vo", "pro", "vso", "isk"};
  for (int i = 0; i < 400; ++i) {
    const int start_year = 2015 + i % 7;
    const int end_year = start_year + 1 + i % 4;
    csv += "P" + std::to_string(i % 300) + ";0" + std::to_string(i % 5) + ";" + settings[i % 7] + ";" +
           std::to_string(start_year) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + ";" +
           (i % 6 == 0 ? "" : std::to_string(end_year) + "-10-0" + std::to_string(1 + i % 3)) + "\n";
  }
  auto reference = test::reference_leerlingen(csv);
  std::string expected = "datum;onderwijssoort;waarde\n";
  std::set<std::string> dates;
  for (const auto& [key, count] : reference) dates.insert(key.first);
  ASSERT_GE(dates.size(), 8u);
  for (const auto& date : dates) {
    for (const char* s : {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"})
      expected += std::string(date) + ";" + s + ";" + std::to_string(reference.at({date, s})) + "\n";
  }
  EXPECT_EQ(leerlingen_csv(csv), expected);
}

}  // namespace
}  // namespace stroom
