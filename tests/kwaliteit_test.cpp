// Measure `kwaliteit` (inzicht.md) and `stroom check`: a hand-made region with one pupil per
// boundary of each finding and hand-computed answers, its CSV byte-exact, --publish, a selection,
// and the check command's Dutch report and exit status.
#include <gtest/gtest.h>

#include <regex>

#include "test_support.h"

namespace stroom {
namespace {

using test::run_stroom;

// The one teldatum is 2020-10-01 (every spell starts after 2019-10-01; the latest date is L02's
// einddatum 2021-07-31). 42 days before it is 2020-08-20, 41 days is 2020-08-21.
const std::string kVestigingen =
    "vestiging_id;naam;sector\n"
    "10AA00;Bao De Es;po\n10AA01;Bao De Eik;po\n20BB00;SBO De Brug;po\n30CC00;SO De Horizon;po\n"
    "40DD00;VO Het Lyceum;vo\n50EE00;VSO De Kade;vo\n60FF00;PRO De Werf;vo\n";

const std::string kInschrijvingen =
    "leerling_id;vestiging_id;onderwijssoort;cluster;startdatum;einddatum\n"
    "L01;99ZZ99;bao;;2020-08-01;\n"              // unknown vestiging
    "L02;88YY88;vo;;2020-08-01;2021-07-31\n"     // unknown vestiging (sorted before 99ZZ99)
    "L03;10AA00;bao;;2020-08-01;\n"              // two po vestigingen on the teldatum: dubbel
    "L03;10AA01;bao;;2020-09-01;\n"
    "L04;10AA00;bao;;2020-08-01;\n"              // po and vo: different sectors, not dubbel
    "L04;40DD00;vo;;2020-08-01;\n"
    "L05;10AA00;bao;;2020-08-01;2020-12-31\n"    // two spells at one vestiging: not dubbel
    "L05;10AA00;bao;;2020-09-01;\n"
    "L06;20BB00;sbo;;2020-08-20;\n"              // 42 days before the teldatum, no OPP: finding
    "L07;20BB00;sbo;;2020-08-21;\n"              // 41 days: no OPP due yet
    "L08;30CC00;so;2;2020-09-01;\n"              // cluster 2 without TLV: admitted by the institution
    "L09;30CC00;so;3;2020-09-01;\n"              // cluster 3 without TLV: finding
    "L10;50EE00;vso;;2020-09-01;\n"              // cluster empty, TLV refused: finding
    "L11;50EE00;vso;4;2020-08-01;\n"             // TLV ended the day before; OPP decided on the teldatum
    "L12;60FF00;pro;;2020-08-01;\n"              // OPP starts the day after the teldatum: finding
    "L13;60FF00;pro;;2020-08-01;\n"              // OPP starts and ends on the teldatum: present
    "L14;20BB00;sbo;;2020-09-15;\n"              // granted TLV without startdatum: not valid
    "L15;10AA01;bao;;2020-08-01;2020-12-31\n"    // a relatief report the day after this ends
    "L19;20BB00;sbo;;2020-09-01;\n"              // sbo and so (cluster 3) at once: dubbel, and
    "L19;30CC00;so;3;2020-09-01;\n";             // without TLV at both vestigingen, once as a pair

const std::string kOndersteuning =
    "besluit_id;leerling_id;soort;besluitdatum;startdatum;einddatum;uitkomst\n"
    "T06;L06;tlv;2020-07-01;2020-08-01;;toegekend\n"
    "T07;L07;tlv;2020-07-01;2020-08-01;;toegekend\n"
    "T10;L10;tlv;2020-07-01;2020-08-01;;afgewezen\n"
    "T11;L11;tlv;2020-07-01;2020-08-01;2020-09-30;toegekend\n"
    "O11;L11;opp;2020-10-01;;;lopend\n"
    "O12;L12;opp;2020-09-01;2020-10-02;;toegekend\n"
    "O13;L13;opp;2020-09-01;2020-10-01;2020-10-01;toegekend\n"
    "T14;L14;tlv;2020-09-01;;;toegekend\n";

const std::string kVerzuim =
    "melding_id;leerling_id;vestiging_id;soort;thuiszitter;startdatum;einddatum\n"
    "M1;L15;10AA01;relatief;nee;2021-01-01;\n"     // the day after L15's last day: finding
    "M2;L15;10AA01;relatief;nee;2020-12-31;\n"     // L15's last day: enrolled
    "M3;L16;;absoluut;ja;2020-11-01;\n"            // absoluut: not this finding
    "M4;L17;;relatief;nee;2020-11-01;2020-12-01\n" // relatief, never enrolled, no vestiging: finding
    "M5;L18;10AA00;vrijstelling;nee;2020-11-01;\n";

// The answer computed by hand from the comments above.
const std::string kExpected =
    "bevinding;vestiging_id;aantal\n"
    "onbekende_vestiging;88YY88;1\n"
    "onbekende_vestiging;99ZZ99;1\n"
    "onbekende_vestiging;totaal;2\n"
    "dubbele_inschrijving;10AA00;1\n"  // L03
    "dubbele_inschrijving;10AA01;1\n"  // L03
    "dubbele_inschrijving;20BB00;1\n"  // L19
    "dubbele_inschrijving;30CC00;1\n"  // L19
    "dubbele_inschrijving;totaal;2\n"
    "speciaal_zonder_tlv;20BB00;2\n"   // L14, L19
    "speciaal_zonder_tlv;30CC00;2\n"   // L09, L19
    "speciaal_zonder_tlv;50EE00;2\n"   // L10, L11
    "speciaal_zonder_tlv;totaal;5\n"
    "opp_ontbreekt;20BB00;1\n"         // L06
    "opp_ontbreekt;60FF00;1\n"         // L12
    "opp_ontbreekt;totaal;2\n"
    "verzuim_zonder_inschrijving;;1\n"        // M4
    "verzuim_zonder_inschrijving;10AA01;1\n"  // M1
    "verzuim_zonder_inschrijving;totaal;2\n";

class KwaliteitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "csv");
    test::write_file(dir_ / "csv" / "vestigingen.csv", kVestigingen);
    test::write_file(dir_ / "csv" / "inschrijvingen.csv", kInschrijvingen);
    test::write_file(dir_ / "csv" / "ondersteuning.csv", kOndersteuning);
    test::write_file(dir_ / "csv" / "verzuim.csv", kVerzuim);
    const auto imported = run_stroom({"import", (dir_ / "csv").string(), "--db", db()});
    ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  }
  std::string db() const { return (dir_ / "k.db").string(); }
  std::string measure(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"measure", "kwaliteit", "--db", db(), "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto run = run_stroom(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  }
  test::TempDir dir_;
};

TEST_F(KwaliteitTest, EveryFindingWithItsBoundariesByteExact) { EXPECT_EQ(measure(), kExpected); }

TEST_F(KwaliteitTest, PublishWritesSmallCountsAsLessThanFive) {
  // Counts 1-4 become <5. speciaal_zonder_tlv's totaal (5) is emptied too: beside three parts of
  // <5 it would bound them (privacy.md, complementary suppression; a totaal row is taken as the
  // sum of its rows, the safe side for a total that counts a pair once).
  std::string expected = kExpected;
  for (const char* count : {";1\n", ";2\n"})
    for (size_t at = expected.find(count); at != std::string::npos; at = expected.find(count, at))
      expected.replace(at, 3, ";<5\n");
  const std::string five = "speciaal_zonder_tlv;totaal;5\n";
  expected.replace(expected.find(five), five.size(), "speciaal_zonder_tlv;totaal;\n");
  EXPECT_EQ(measure({"--publish"}), expected);
}

TEST_F(KwaliteitTest, ASelectionCountsWithinItsVestigingen) {
  // --vestiging 30CC00 keeps that school's spells (L08, L09, L19's so) and their pupils' support.
  // An unknown vestiging is in no selection; L19's sbo spell at 20BB00 is outside, so no dubbel.
  EXPECT_EQ(measure({"--vestiging", "30CC00"}),
            "bevinding;vestiging_id;aantal\n"
            "onbekende_vestiging;totaal;0\n"
            "dubbele_inschrijving;totaal;0\n"
            "speciaal_zonder_tlv;30CC00;2\n"
            "speciaal_zonder_tlv;totaal;2\n"
            "opp_ontbreekt;totaal;0\n"
            "verzuim_zonder_inschrijving;totaal;0\n");
}

TEST(Kwaliteit, ACleanRegionHasATotaalOfZeroForEveryFinding) {
  EXPECT_EQ(test::import_and_measure({{"vestigingen.csv", "vestiging_id;naam\n10AA00;Bao De Es\n"},
                                      {"inschrijvingen.csv",
                                       "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n"
                                       "A;10AA00;bao;2019-08-01;2021-07-31\n"},
                                      {"verzuim.csv",
                                       "melding_id;leerling_id;vestiging_id;soort;thuiszitter;startdatum\n"
                                       "M1;A;10AA00;relatief;nee;2021-07-31\n"}},
                                     {"kwaliteit"}),
            "bevinding;vestiging_id;aantal\n"
            "onbekende_vestiging;totaal;0\n"
            "dubbele_inschrijving;totaal;0\n"
            "speciaal_zonder_tlv;totaal;0\n"
            "opp_ontbreekt;totaal;0\n"
            "verzuim_zonder_inschrijving;totaal;0\n");
}

TEST_F(KwaliteitTest, CheckPrintsTheFindingsPerSchoolWithExamplesAndExitsZero) {
  const auto run = run_stroom({"check", "--db", db()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string& out = run.out;
  // The summary: each finding with its total, in the measure's order.
  for (const char* line : {"onbekende_vestiging +2  inschrijvingen", "dubbele_inschrijving +2  leerlingen",
                           "speciaal_zonder_tlv +5  leerlingen", "opp_ontbreekt +2  leerlingen",
                           "verzuim_zonder_inschrijving +2  relatief"})
    EXPECT_TRUE(std::regex_search(out, std::regex(std::string("\n  ") + line))) << line << "\n" << out;
  EXPECT_LT(out.find("onbekende_vestiging "), out.find("verzuim_zonder_inschrijving "));
  // Per school, with the name where vestigingen has one.
  for (const char* line : {"  (geen vestiging): verzuim_zonder_inschrijving 1\n",
                           "  20BB00 SBO De Brug: dubbele_inschrijving 1, speciaal_zonder_tlv 2, opp_ontbreekt 1\n",
                           "  88YY88 (niet in vestigingen): onbekende_vestiging 1\n",
                           "  10AA01 Bao De Eik: dubbele_inschrijving 1, verzuim_zonder_inschrijving 1\n"})
    EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
  // Example records: pupil ids, dates, vestigingen.
  for (const char* line :
       {"leerling L01: inschrijving bao vanaf 2020-08-01 tot en met open bij 99ZZ99 (niet in vestigingen)",
        "leerling L03 op teldatum 2020-10-01: 10AA00 Bao De Es en 10AA01 Bao De Eik",
        "leerling L06 op teldatum 2020-10-01: 20BB00 SBO De Brug (inschrijving sbo vanaf 2020-08-20 tot en met open)",
        "leerling L15: melding relatief verzuim vanaf 2021-01-01 (open), vestiging 10AA01 Bao De Eik"})
    EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
  // At most three examples per finding: speciaal_zonder_tlv has five pairs.
  const size_t from = out.find("  speciaal_zonder_tlv:\n"), to = out.find("  opp_ontbreekt:\n");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  size_t examples = 0;
  for (size_t at = out.find("leerling ", from); at != std::string::npos && at < to; at = out.find("leerling ", at + 1)) ++examples;
  EXPECT_EQ(examples, 3u);
}

TEST(KwaliteitCheck, ACleanRegionSaysSo) {
  test::TempDir dir;
  test::write_file(dir / "vestigingen.csv", "vestiging_id;naam\n10AA00;Bao De Es\n");
  test::write_file(dir / "inschrijvingen.csv",
                   "leerling_id;vestiging_id;onderwijssoort;startdatum\nA;10AA00;bao;2019-08-01\n");
  const std::string db = (dir / "c.db").string();
  ASSERT_EQ(run_stroom({"import", dir.path().string(), "--db", db}).exit_code, 0);
  const auto run = run_stroom({"check", "--db", db});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("Geen bevindingen"), std::string::npos) << run.out;
}

TEST(KwaliteitCheck, AMissingOrUnreadableDatabaseIsADutchError) {
  test::TempDir dir;
  const auto missing = run_stroom({"check", "--db", (dir / "nergens.db").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("bestaat niet"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "nergens.db"));
  test::write_file(dir / "kapot.db", "dit is geen database\n");
  const auto broken = run_stroom({"check", "--db", (dir / "kapot.db").string()});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("stroom: "), std::string::npos) << broken.err;
  EXPECT_TRUE(broken.out.empty()) << broken.out;
}

TEST(KwaliteitCheck, HelpIsDutch) {
  const auto run = run_stroom({"check", "--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("Controleer de datakwaliteit"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Databasebestand"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace stroom
