// The Inzicht measures (inzicht.md: leerlingen_cluster, leerlingen_niveau, verwachting,
// vergelijking) on small hand-made fixtures with answers computed by hand (the arithmetic is in
// the comments), through the real import and CLI, and the Poisson tails against a direct sum.
#include <gtest/gtest.h>

#include <cmath>
#include <fmt/format.h>

#include "measures/poisson_test.h"
#include "test_support.h"

namespace stroom {
namespace {

using test::import_and_measure;

const std::string kHeader = "leerling_id;vestiging_id;onderwijssoort;cluster;niveau;startdatum;einddatum\n";

// P(X >= k) and P(X <= k) for X ~ Poisson(mean) by the textbook sum, in long double.
long double direct_lower(int k, long double mean) {
  long double term = std::exp(-mean), sum = 0;
  for (int i = 0; i <= k; ++i) {
    sum += term;
    term *= mean / (i + 1);
  }
  return sum;
}
long double direct_upper(int k, long double mean) { return k <= 0 ? 1.0L : 1.0L - direct_lower(k - 1, mean); }

TEST(PoissonTails, EqualTheDirectSum) {
  for (double mean : {0.3, 1.0, 2.25, 6.75, 40.0, 150.0})
    for (int k : {0, 1, 2, 5, 7, 30, 60, 140, 170}) {
      SCOPED_TRACE(fmt::format("k {} mean {}", k, mean));
      EXPECT_NEAR(poisson_lower_tail(k, mean), double(direct_lower(k, mean)), 1e-12);
      EXPECT_NEAR(poisson_upper_tail(k, mean), double(direct_upper(k, mean)), 1e-12);
    }
}

TEST(PoissonTails, MeanZeroAndLargeMeans) {
  EXPECT_EQ(poisson_lower_tail(0, 0.0), 1.0);
  EXPECT_EQ(poisson_upper_tail(0, 0.0), 1.0);
  EXPECT_EQ(poisson_upper_tail(1, 0.0), 0.0);
  EXPECT_EQ(poisson_verdict(3, 0.0), "boven");
  // A national count: mean 400000, sd 632. 2 sd either side is inside the noise, 3 sd is not
  // (normal tails 0.0228 and 0.00135; the Poisson's are close to them at this size).
  EXPECT_EQ(poisson_verdict(400000 + 632, 400000.0), "ruis");
  EXPECT_EQ(poisson_verdict(400000 + 1897, 400000.0), "boven");
  EXPECT_EQ(poisson_verdict(400000 - 1897, 400000.0), "onder");
  EXPECT_NEAR(poisson_upper_tail(401897, 400000.0), 0.5 * std::erfc(1897.0 / std::sqrt(400000.0) / std::sqrt(2.0)), 2e-4);
  // Far tails stay finite and tiny instead of 0 - 0 or NaN.
  const double far = poisson_lower_tail(399000 - 5000, 400000.0);
  EXPECT_GT(far, 0.0);
  EXPECT_LT(far, 1e-12);
}

// Base 2019-10-01: bao A B C, so D (cluster 2). 2020-10-01: bao A B C E F G I, so D H (both
// cluster 2). po sector: 4 at the base, 9 on 2020-10-01; vo has no pupils (sector base 0).
const std::string kSmallRegion = kHeader +
    "A;01;bao;;;2019-08-01;2021-07-31\nB;01;bao;;;2019-08-01;2021-07-31\nC;01;bao;;;2019-08-01;2021-07-31\n"
    "D;02;so;2;;2019-08-01;2021-07-31\nE;01;bao;;;2020-08-01;2021-07-31\nF;01;bao;;;2020-08-01;2021-07-31\n"
    "G;01;bao;;;2020-08-01;2021-07-31\nI;01;bao;;;2020-08-01;2021-07-31\nH;02;so;2;;2020-08-01;2021-07-31\n";

TEST(Verwachting, SmallRegionByHand) {
  // bao: verwacht 3 x 9 / 4 = 6.75, waargenomen 7, 100 x (7 / 6.75 - 1) = 3.7037.
  // so and so-2: verwacht 1 x 9 / 4 = 2.25, waargenomen 2, 100 x (2 / 2.25 - 1) = -11.11.
  // P(X >= 7 | 6.75) = 0.48, P(X <= 2 | 2.25) = 0.61: both ruis. Base 0 or vo: empty.
  const std::string zero = ";;;\n";
  std::string expected = "datum;groep;waargenomen;verwacht;verschil_pct;oordeel\n";
  expected += "2020-10-01;bao;7;6.75;3.7;ruis\n2020-10-01;sbo;0" + zero + "2020-10-01;so;2;2.25;-11.11;ruis\n";
  for (const char* g : {"vo", "pro", "vso", "isk", "so-1"}) expected += fmt::format("2020-10-01;{};0{}", g, zero);
  expected += "2020-10-01;so-2;2;2.25;-11.11;ruis\n";
  for (const char* g : {"so-3", "so-4", "vso-1", "vso-2", "vso-3", "vso-4"}) expected += fmt::format("2020-10-01;{};0{}", g, zero);
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kSmallRegion}}, {"verwachting", "--ijkjaar", "2019"}), expected);

  // Published: a waargenomen of 1-4 is <5 and the rest of its row is empty.
  const std::string published =
      import_and_measure({{"inschrijvingen.csv", kSmallRegion}}, {"verwachting", "--ijkjaar", "2019", "--publish"});
  EXPECT_NE(published.find("\n2020-10-01;bao;7;6.75;3.7;ruis\n"), std::string::npos) << published;
  EXPECT_NE(published.find("\n2020-10-01;so;<5;;;\n"), std::string::npos) << published;
  EXPECT_NE(published.find("\n2020-10-01;so-2;<5;;;\n"), std::string::npos) << published;
  EXPECT_NE(published.find("\n2020-10-01;sbo;0;;;\n"), std::string::npos) << published;
}

// Base 2019: po sector 100 pupils (so 2, sbo 4, bao 94). Every later teldatum: so 5, sbo 0, and
// bao filling the sector up to n. So verwacht(so) = 2n/100, verwacht(sbo) = 4n/100.
std::string boundary_region(const std::vector<int>& sector_sizes) {
  std::string csv = kHeader;
  auto spell = [&](const std::string& id, const char* setting, int year) {
    csv += fmt::format("{};01;{};;;{}-08-01;{}-07-31\n", id, setting, year, year + 1);
  };
  for (int i = 0; i < 2; ++i) spell(fmt::format("S{}", i), "so", 2019);
  for (int i = 0; i < 4; ++i) spell(fmt::format("B{}", i), "sbo", 2019);
  for (int i = 0; i < 94; ++i) spell(fmt::format("A{}", i), "bao", 2019);
  for (size_t y = 0; y < sector_sizes.size(); ++y) {
    const int year = 2020 + int(y);
    for (int i = 0; i < 5; ++i) spell(fmt::format("S{}", i), "so", year);
    for (int i = 0; i < sector_sizes[y] - 5; ++i) spell(fmt::format("A{}", i), "bao", year);
  }
  return csv;
}

std::string row_of(const std::string& csv, const std::string& prefix) {
  const size_t at = csv.find("\n" + prefix + ";");
  if (at == std::string::npos) return "";
  return csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
}

TEST(Verwachting, PoissonVerdictJustEitherSideOf0025) {
  // n = 81, 82: so has verwacht 1.62 and 1.64 against waargenomen 5; n = 92, 93: sbo has verwacht
  // 3.68 and 3.72 against waargenomen 0. The tails, by the direct sum here:
  ASSERT_LT(direct_upper(5, 1.62L), 0.025L);  // 0.02480: boven
  ASSERT_GT(direct_upper(5, 1.64L), 0.025L);  // 0.02595: ruis
  ASSERT_GT(direct_lower(0, 3.68L), 0.025L);  // e^-3.68 = 0.02522: ruis
  ASSERT_LT(direct_lower(0, 3.72L), 0.025L);  // e^-3.72 = 0.02423: onder
  const std::string csv =
      import_and_measure({{"inschrijvingen.csv", boundary_region({81, 82, 92, 93})}}, {"verwachting", "--ijkjaar", "2019"});
  // verschil_pct: 100 x (5 / 1.62 - 1) = 208.64; 5 / 1.64: 204.88; 5 / 1.84: 171.74; 5 / 1.86: 168.82.
  EXPECT_EQ(row_of(csv, "2020-10-01;so"), "2020-10-01;so;5;1.62;208.64;boven");
  EXPECT_EQ(row_of(csv, "2021-10-01;so"), "2021-10-01;so;5;1.64;204.88;ruis");
  EXPECT_EQ(row_of(csv, "2022-10-01;so"), "2022-10-01;so;5;1.84;171.74;ruis");
  EXPECT_EQ(row_of(csv, "2023-10-01;so"), "2023-10-01;so;5;1.86;168.82;ruis");
  // sbo: 4n/100 = 3.24, 3.28 (ruis: e^-3.28 = 0.038), then 3.68 (ruis) and 3.72 (onder).
  EXPECT_EQ(row_of(csv, "2020-10-01;sbo"), "2020-10-01;sbo;0;3.24;-100;ruis");
  EXPECT_EQ(row_of(csv, "2022-10-01;sbo"), "2022-10-01;sbo;0;3.68;-100;ruis");
  EXPECT_EQ(row_of(csv, "2023-10-01;sbo"), "2023-10-01;sbo;0;3.72;-100;onder");
  // so had no cluster at the base: so-1 .. so-4 have base 0, so the rest of their rows is empty.
  EXPECT_EQ(row_of(csv, "2020-10-01;so-1"), "2020-10-01;so-1;0;;;");
}

TEST(Verwachting, NeedsTheIjkjaar) {
  test::TempDir dir;
  test::write_file(dir / "inschrijvingen.csv", kSmallRegion);
  const std::string db = (dir / "v.db").string();
  ASSERT_EQ(test::run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db}).exit_code, 0);
  const auto run = test::run_stroom({"measure", "verwachting", "--db", db});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("--ijkjaar"), std::string::npos) << run.err;
}

// On 2020-10-01: so P1 cluster 1, P2 cluster 3, P3 no cluster, P4 cluster 3 at 02 and cluster 4
// at 03 (counts in both), P5's so spell ended 2020-09-30 (not counted); vso V1 cluster 4.
const std::string kClusterRegion = kHeader +
    "P1;02;so;1;;2019-08-01;\nP2;02;so;3;;2019-08-01;\nP3;02;so;;;2020-08-01;\n"
    "P4;02;so;3;;2020-08-01;\nP4;03;so;4;;2020-09-01;\nP5;02;so;2;;2019-08-01;2020-09-30\n"
    "V1;04;vso;4;;2018-08-01;2021-07-31\n";

TEST(LeerlingenCluster, PerClusterWithOnbekendAndZeros) {
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kClusterRegion}}, {"leerlingen_cluster", "--at", "2020-10-01"}),
            "datum;onderwijssoort;cluster;waarde\n"
            "2020-10-01;so;1;1\n2020-10-01;so;2;0\n2020-10-01;so;3;2\n2020-10-01;so;4;1\n2020-10-01;so;onbekend;1\n"
            "2020-10-01;vso;1;0\n2020-10-01;vso;2;0\n2020-10-01;vso;3;0\n2020-10-01;vso;4;1\n2020-10-01;vso;onbekend;0\n");
  // Every teldatum (2018 .. 2020; the latest date is 2021-07-31): 2018 only V1, 2019 P1 P2 P5 V1.
  const std::string all = import_and_measure({{"inschrijvingen.csv", kClusterRegion}}, {"leerlingen_cluster"});
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 1 + 3 * 10);
  EXPECT_NE(all.find("\n2018-10-01;so;onbekend;0\n2018-10-01;vso;1;0\n"), std::string::npos) << all;
  EXPECT_NE(all.find("\n2019-10-01;so;1;1\n2019-10-01;so;2;1\n2019-10-01;so;3;1\n"), std::string::npos) << all;
}

TEST(LeerlingenCluster, PublishedAndNarrowedToAVestiging) {
  // Only vestiging 03: P4's cluster-4 spell.
  const std::string vestigingen = "vestiging_id;naam\n02;School Twee\n03;School Drie\n04;School Vier\n";
  EXPECT_EQ(import_and_measure({{"vestigingen.csv", vestigingen}, {"inschrijvingen.csv", kClusterRegion}},
                               {"leerlingen_cluster", "--at", "2020-10-01", "--vestiging", "03"}),
            "datum;onderwijssoort;cluster;waarde\n"
            "2020-10-01;so;1;0\n2020-10-01;so;2;0\n2020-10-01;so;3;0\n2020-10-01;so;4;1\n2020-10-01;so;onbekend;0\n"
            "2020-10-01;vso;1;0\n2020-10-01;vso;2;0\n2020-10-01;vso;3;0\n2020-10-01;vso;4;0\n2020-10-01;vso;onbekend;0\n");
  const std::string published =
      import_and_measure({{"inschrijvingen.csv", kClusterRegion}}, {"leerlingen_cluster", "--at", "2020-10-01", "--publish"});
  EXPECT_NE(published.find("\n2020-10-01;so;3;<5\n"), std::string::npos) << published;
  EXPECT_NE(published.find("\n2020-10-01;so;2;0\n"), std::string::npos) << published;
}

// On 2020-10-01: vo Q1 brug, Q2 havo at 05 and havo at 06 (once), Q3 no niveau, Q4 vwo, Q5
// dagbesteding on a vo spell (in no row); vso W1 arbeidsmarkt, W2 no niveau.
const std::string kNiveauRegion = kHeader +
    "Q1;05;vo;;brug;2020-08-01;\nQ2;05;vo;;havo;2019-08-01;\nQ2;06;vo;;havo;2020-08-01;\nQ3;05;vo;;;2020-08-01;\n"
    "Q4;06;vo;;vwo;2018-08-01;2021-07-31\nQ5;05;vo;;dagbesteding;2020-08-01;\n"
    "W1;07;vso;3;arbeidsmarkt;2020-08-01;\nW2;07;vso;;;2020-08-01;\n";

TEST(LeerlingenNiveau, PerNiveauWithOnbekendAndZeros) {
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kNiveauRegion}}, {"leerlingen_niveau", "--at", "2020-10-01"}),
            "datum;onderwijssoort;niveau;waarde\n"
            "2020-10-01;vo;brug;1\n2020-10-01;vo;vmbo-b;0\n2020-10-01;vo;vmbo-k;0\n2020-10-01;vo;vmbo-gt;0\n"
            "2020-10-01;vo;havo;1\n2020-10-01;vo;vwo;1\n2020-10-01;vo;onbekend;1\n"
            "2020-10-01;vso;vervolgonderwijs;0\n2020-10-01;vso;arbeidsmarkt;1\n2020-10-01;vso;dagbesteding;0\n"
            "2020-10-01;vso;onbekend;1\n");
}

// The region on 2019-10-01 and 2020-10-01: bao K1-K4, sbo K5, vo L1 L2, pro L3.
const std::string kCompareRegion = kHeader +
    "K1;01;bao;;;2019-08-01;2021-07-31\nK2;01;bao;;;2019-08-01;2021-07-31\nK3;01;bao;;;2019-08-01;2021-07-31\n"
    "K4;01;bao;;;2019-08-01;2021-07-31\nK5;02;sbo;;;2019-08-01;2021-07-31\nL1;05;vo;;;2019-08-01;2021-07-31\n"
    "L2;05;vo;;;2019-08-01;2021-07-31\nL3;08;pro;;;2019-08-01;2021-07-31\n";
// NL only on 2019-10-01 (so in two cluster rows, no vso row); PO9901 only on 2020-10-01, bao 0.
const std::string kTellingen =
    "teldatum;gebied;onderwijssoort;cluster;aantal\n"
    "2019-10-01;NL;bao;;1000\n2019-10-01;NL;sbo;;30\n2019-10-01;NL;so;3;20\n2019-10-01;NL;so;4;10\n"
    "2019-10-01;NL;vo;;800\n2019-10-01;NL;pro;;24\n"
    "2020-10-01;PO9901;bao;;0\n2020-10-01;PO9901;sbo;;0\n";

TEST(Vergelijking, AgainstNlAndAnotherGebied) {
  // regio 2019: sbo 100 x 1/4 = 25, so 0, pro 100 x 1/2 = 50, vso 0. NL: sbo 30/1000 = 3%, so
  // (20 + 10)/1000 = 3%, pro 24/800 = 3%, vso absent: 0/800 = 0. NL has no row on 2020-10-01.
  const std::map<std::string, std::string> files = {{"inschrijvingen.csv", kCompareRegion}, {"tellingen.csv", kTellingen}};
  EXPECT_EQ(import_and_measure(files, {"vergelijking"}),
            "datum;onderwijssoort;regio;gebied\n"
            "2019-10-01;sbo;25;3\n2019-10-01;so;0;3\n2019-10-01;pro;50;3\n2019-10-01;vso;0;0\n");
  // PO9901 only on 2020-10-01: bao 0 and vo absent, so every gebied value is empty.
  EXPECT_EQ(import_and_measure(files, {"vergelijking", "--gebied", "PO9901"}),
            "datum;onderwijssoort;regio;gebied\n"
            "2020-10-01;sbo;25;\n2020-10-01;so;0;\n2020-10-01;pro;50;\n2020-10-01;vso;0;\n");
  // Published: regio comes from counts of 1-4 (sbo 1 of bao 4, pro 1 of vo 2): empty; gebied is public.
  EXPECT_EQ(import_and_measure(files, {"vergelijking", "--publish"}),
            "datum;onderwijssoort;regio;gebied\n"
            "2019-10-01;sbo;;3\n2019-10-01;so;;3\n2019-10-01;pro;;3\n2019-10-01;vso;;0\n");
}

TEST(Vergelijking, RefusesAGebiedNotInTellingen) {
  test::TempDir dir;
  test::write_file(dir / "inschrijvingen.csv", kCompareRegion);
  test::write_file(dir / "tellingen.csv", kTellingen);
  const std::string db = (dir / "v.db").string();
  ASSERT_EQ(test::run_stroom({"import", dir.path().string(), "--db", db}).exit_code, 0);
  const auto run = test::run_stroom({"measure", "vergelijking", "--db", db, "--gebied", "Utrecht"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("gebied 'Utrecht' is geen gebied uit de tellingen: kies uit NL, PO9901"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace stroom
