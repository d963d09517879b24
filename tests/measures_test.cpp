// Every maatboek measure on small hand-made fixtures with answers computed by hand (the
// arithmetic is in the comments), through the real import and CLI.
#include <gtest/gtest.h>

#include "test_support.h"

namespace stroom {
namespace {

using test::import_and_measure;

const std::string kInschrijvingen = "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n";

// Teldata 2019-10-01 and 2020-10-01 (latest date 2021-07-31).
const std::string kFlowRegion = kInschrijvingen +
    "A;01;bao;2019-08-01;2020-07-31\nA;02;sbo;2020-08-01;2021-07-31\n"  // bao -> sbo: intensiever
    "B;01;bao;2019-08-01;2021-07-31\nB;02;sbo;2019-09-01;2019-12-31\n"  // sbo (dominant) -> bao
    "C;03;so;2020-08-01;\n"                                             // buiten -> so: direct
    "D;04;vo;2019-08-01;2020-07-31\n"                                   // vo -> buiten
    "E;05;pro;2019-08-01;2021-07-31\n"                                  // pro -> pro
    "F;06;isk;2019-08-01;2020-07-31\nF;04;vo;2020-08-01;2021-07-31\n"   // isk -> vo: same rank
    "G;01;bao;2020-08-01;2021-07-31\n";                                 // buiten -> bao

TEST(Stromen, DominantSettingsAndBuitenBothWays) {
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kFlowRegion}}, {"stromen"}),
            "schooljaar;van;naar;waarde\n"
            "2020-2021;bao;sbo;1\n2020-2021;sbo;bao;1\n2020-2021;vo;buiten;1\n2020-2021;pro;pro;1\n"
            "2020-2021;isk;vo;1\n2020-2021;buiten;bao;1\n2020-2021;buiten;so;1\n");
}

TEST(Richting, AllFourRowsAndTheRatio) {
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kFlowRegion}}, {"richting"}),
            "schooljaar;richting;waarde\n2020-2021;intensiever;1\n2020-2021;minder-intensief;1\n"
            "2020-2021;direct-gespecialiseerd;1\n2020-2021;terugstroom-ratio;1\n");
  // Without any move to a higher rank the ratio is undefined: empty.
  const std::string stay = kInschrijvingen + "A;01;bao;2019-08-01;2021-07-31\nB;02;sbo;2019-08-01;2020-07-31\nB;01;bao;2020-08-01;2021-07-31\n";
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stay}}, {"richting", "--publish"}),
            "schooljaar;richting;waarde\n2020-2021;intensiever;0\n2020-2021;minder-intensief;<5\n"
            "2020-2021;direct-gespecialiseerd;0\n2020-2021;terugstroom-ratio;\n");
}

TEST(Deelname, RatesAndEmptyDenominators) {
  // 2019: bao {A,B} sbo {B} vo {D} pro {E}; 2020: bao {B,G} sbo {A} so {C} vo {F} pro {E}.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kFlowRegion}}, {"deelname"}),
            "datum;onderwijssoort;waarde\n"
            "2019-10-01;sbo;50\n2019-10-01;so;0\n2019-10-01;pro;100\n2019-10-01;vso;0\n"
            "2020-10-01;sbo;50\n2020-10-01;so;50\n2020-10-01;pro;100\n2020-10-01;vso;0\n");
  const std::string po_only = kInschrijvingen + "A;01;bao;2019-08-01;2020-07-31\nB;01;bao;2019-08-01;2020-07-31\nC;01;bao;2019-08-01;2020-07-31\n";
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", po_only}}, {"deelname"}),
            "datum;onderwijssoort;waarde\n2019-10-01;sbo;0\n2019-10-01;so;0\n2019-10-01;pro;\n2019-10-01;vso;\n");
  // Published, every value here comes from a count of 1-4: all empty.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kFlowRegion}}, {"deelname", "--publish", "--at", "2019-10-01"}),
            "datum;onderwijssoort;waarde\n2019-10-01;sbo;\n2019-10-01;so;\n2019-10-01;pro;\n2019-10-01;vso;\n");
}

TEST(Ontwikkeling, IndexAgainstTheBaseYearAndZeroBase) {
  // totaal 5 -> 6 (+20%), isk 1 -> 0 (-100%), so and vso 0 in the base year: empty.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", kFlowRegion}}, {"ontwikkeling", "--ijkjaar", "2019"}),
            "datum;onderwijssoort;waarde\n"
            "2019-10-01;bao;0\n2019-10-01;sbo;0\n2019-10-01;so;\n2019-10-01;vo;0\n2019-10-01;pro;0\n"
            "2019-10-01;vso;\n2019-10-01;isk;0\n2019-10-01;totaal;0\n"
            "2020-10-01;bao;0\n2020-10-01;sbo;0\n2020-10-01;so;\n2020-10-01;vo;0\n2020-10-01;pro;0\n"
            "2020-10-01;vso;\n2020-10-01;isk;-100\n2020-10-01;totaal;20\n");
  const std::string growth = kInschrijvingen + "A;01;so;2018-08-01;\nB;01;so;2018-08-01;\nC;01;so;2018-08-01;\n"
                                               "D;01;so;2019-08-01;2020-07-31\n";
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", growth}}, {"ontwikkeling", "--ijkjaar", "2018"}),
            "datum;onderwijssoort;waarde\n"
            "2018-10-01;bao;\n2018-10-01;sbo;\n2018-10-01;so;0\n2018-10-01;vo;\n2018-10-01;pro;\n"
            "2018-10-01;vso;\n2018-10-01;isk;\n2018-10-01;totaal;0\n"
            "2019-10-01;bao;\n2019-10-01;sbo;\n2019-10-01;so;33.33\n2019-10-01;vo;\n2019-10-01;pro;\n"
            "2019-10-01;vso;\n2019-10-01;isk;\n2019-10-01;totaal;33.33\n");
}

TEST(Verblijfsduur, MergesGapsOfSevenDaysCensorsAndTakesTheKaplanMeierMedian) {
  const std::string stays = kInschrijvingen +
      // bao: P1 gap of exactly 7 days -> one stay 2019-08-01..2020-06-30 = 335 days (event);
      "P1;01;bao;2019-08-01;2019-12-31\nP1;02;bao;2020-01-08;2020-06-30\n"
      // P2 gap of 8 days -> two stays of 153 and 174 days (events);
      "P2;01;bao;2019-08-01;2019-12-31\nP2;02;bao;2020-01-09;2020-06-30\n"
      // P3 open -> censored at 2021-12-31 - 2020-08-01 + 1 = 518; P4 starts after the peildatum.
      "P3;01;bao;2020-08-01;\nP4;01;bao;2022-01-01;\n"
      // sbo, odd: 10, 20, 30 -> S = 2/3, 1/3: median 20.
      "P5;03;sbo;2020-01-01;2020-01-10\nP6;03;sbo;2020-01-01;2020-01-20\nP7;03;sbo;2020-01-01;2020-01-30\n"
      // so, even: 10, 20, 30, 40 -> S = 3/4, 1/2: median 20.
      "P5;04;so;2020-03-01;2020-03-10\nP6;04;so;2020-03-01;2020-03-20\nP7;04;so;2020-03-01;2020-03-30\n"
      "P8;04;so;2020-03-01;2020-04-09\n"
      // vso: one censored stay: S never reaches 0.5, median empty.
      "P9;05;vso;2021-01-01;\n";
  // bao KM: 153 (4 at risk, S = 3/4), 174 (3 at risk, S = 1/2): median 174.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur", "--peildatum", "2021-12-31"}),
            "onderwijssoort;n;gecensureerd;waarde\nbao;4;1;174\nsbo;3;0;20\nso;4;0;20\nvso;1;1;\n");
  // Default peildatum: the latest date, 2022-01-01: P4 now counts (censored, 1 day).
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur", "--publish"}),
            "onderwijssoort;n;gecensureerd;waarde\nbao;5;<5;174\nsbo;<5;0;\nso;<5;0;\nvso;<5;<5;\n");
}

const std::string kAbsenceEnrolments = kInschrijvingen +
    "E1;01;bao;2020-08-01;2021-07-31\nE2;01;bao;2020-08-01;2021-07-31\n"
    "E3;01;bao;2020-08-01;2021-07-31\nE4;01;bao;2020-08-01;2021-07-31\n";
const std::string kVerzuim =
    "melding_id;leerling_id;vestiging_id;soort;thuiszitter;startdatum;einddatum\n"
    "M1;L1;01;relatief;ja;2021-01-04;\n"            // 2021-03-01: 56 days, 8 weeks
    "M2;L2;01;relatief;ja;2021-02-01;2021-03-01\n"  // closed on 2021-03-01: not active that day
    "M3;L3;01;relatief;ja;2021-03-01;\n"            // starts that day: active, 0 weeks
    "M4;L3;01;relatief;ja;2020-12-01;2021-03-02\n"  // same pupil, 89 days, 12 weeks
    "M5;L4;01;relatief;nee;2020-12-01;\n"           // not a thuiszitter
    "M6;L5;;absoluut;ja;2021-03-02;\n"              // starts the day after
    "M7;L6;01;relatief;ja;2021-02-02;\n";           // 27 days, 3 weeks

TEST(Thuiszitters, ActiveReportsPer1000AndMedianWeeks) {
  const std::map<std::string, std::string> files = {{"inschrijvingen.csv", kAbsenceEnrolments}, {"verzuim.csv", kVerzuim}};
  // Active: M1, M3, M4, M7 (pupils L1, L3, L6); weeks 0, 3, 8, 12: even count, median 5.5.
  // per1000: 1000 x 3 / 4 pupils on teldatum 2020-10-01.
  EXPECT_EQ(import_and_measure(files, {"thuiszitters", "--at", "2021-03-01"}),
            "datum;maat;waarde\n2021-03-01;actief;3\n2021-03-01;per1000;750\n2021-03-01;mediaan_weken;5.5\n");
  // 2021-03-02: M1 (8), M3 (0), M6 (0), M7 (4); M4 closed. Pupils L1, L3, L5, L6.
  EXPECT_EQ(import_and_measure(files, {"thuiszitters", "--at", "2021-03-02"}),
            "datum;maat;waarde\n2021-03-02;actief;4\n2021-03-02;per1000;1000\n2021-03-02;mediaan_weken;2\n");
  // In the data but before any teldatum and before any report: nothing to divide by, nobody active.
  EXPECT_EQ(import_and_measure(files, {"thuiszitters", "--at", "2020-08-15"}),
            "datum;maat;waarde\n2020-08-15;actief;0\n2020-08-15;per1000;\n2020-08-15;mediaan_weken;\n");
  EXPECT_EQ(import_and_measure(files, {"thuiszitters", "--at", "2021-03-01", "--publish"}),
            "datum;maat;waarde\n2021-03-01;actief;<5\n2021-03-01;per1000;\n2021-03-01;mediaan_weken;\n");
}

const std::string kVoorzieningen =
    "voorziening_id;naam;plaatsen;tarief;geldig_vanaf;geldig_tot\n"
    "V1;Rebound;10;1000;2020-08-01;2020-12-31\n"
    "V1;Rebound;12;1100;2021-01-01;\n"
    "V2;Observatiegroep;0;0;2020-08-01;\n"
    "V4;Taalklas;5;365,5;2021-02-01;2021-07-31\n";

TEST(Wachtlijst, PlacesOccupationWaitingAndRate) {
  const std::string wachtlijst =
      "leerling_id;voorziening_id;aanmelddatum;plaatsingsdatum;afgemeld\n"
      "L1;V1;2021-02-01;;\n"            // waiting
      "L2;V1;2021-01-01;2021-03-01;\n"  // placed that day: no longer waiting
      "L3;V1;2021-01-01;;2021-03-02\n"  // withdrawn the day after: still waiting
      "L4;V3;2021-01-01;;\n";           // V3 exists only on the waiting list
  const std::string ondersteuning =
      "besluit_id;leerling_id;soort;voorziening_id;startdatum;einddatum;uitkomst\n"
      "B1;L5;arrangement;V1;2020-09-01;2021-06-30;toegekend\n"
      "B2;L5;arrangement;V1;2021-01-01;;toegekend\n"  // same pupil twice: counted once
      "B3;L6;arrangement;V1;2021-03-01;;toegekend\n"
      "B4;L7;arrangement;V1;2020-09-01;2021-02-28;toegekend\n"  // ended
      "B5;L8;arrangement;V1;2020-09-01;;afgewezen\n"
      "B6;L9;tlv;V1;2020-09-01;;toegekend\n";
  const std::map<std::string, std::string> files = {
      {"voorzieningen.csv", kVoorzieningen}, {"wachtlijst.csv", wachtlijst}, {"ondersteuning.csv", ondersteuning}};
  EXPECT_EQ(import_and_measure(files, {"wachtlijst", "--at", "2021-03-01"}),
            "datum;voorziening_id;maat;waarde\n"
            "2021-03-01;V1;plaatsen;12\n2021-03-01;V1;bezet;2\n2021-03-01;V1;wachtend;2\n2021-03-01;V1;bezettingsgraad;16.67\n"
            "2021-03-01;V2;plaatsen;0\n2021-03-01;V2;bezet;0\n2021-03-01;V2;wachtend;0\n2021-03-01;V2;bezettingsgraad;\n"
            "2021-03-01;V3;plaatsen;\n2021-03-01;V3;bezet;0\n2021-03-01;V3;wachtend;1\n2021-03-01;V3;bezettingsgraad;\n"
            "2021-03-01;V4;plaatsen;5\n2021-03-01;V4;bezet;0\n2021-03-01;V4;wachtend;0\n2021-03-01;V4;bezettingsgraad;0\n");
  const std::string published = import_and_measure(files, {"wachtlijst", "--at", "2021-03-01", "--publish"});
  EXPECT_NE(published.find("2021-03-01;V1;plaatsen;12\n2021-03-01;V1;bezet;<5\n2021-03-01;V1;wachtend;<5\n"
                           "2021-03-01;V1;bezettingsgraad;\n"), std::string::npos) << published;
}

TEST(Kosten, ProratedByDaysWithinTheSchoolYear) {
  // 2020-2021 has 365 days. V1: 10 x 1000 x 153/365 (Aug-Dec) + 12 x 1100 x 212/365 (Jan-Jul)
  // = 4,328,400/365 = 11858.63; V4: 5 x 365.5 x 181/365 (Feb-Jul) = 906.24; V2 costs 0.
  const std::string enrolments = kInschrijvingen + "A;01;bao;2020-08-01;2022-07-31\n";
  const std::map<std::string, std::string> files = {{"voorzieningen.csv", kVoorzieningen}, {"inschrijvingen.csv", enrolments}};
  EXPECT_EQ(import_and_measure(files, {"kosten", "--schooljaar", "2020-2021"}),
            "schooljaar;voorziening_id;waarde\n2020-2021;V1;11858.63\n2020-2021;V2;0\n2020-2021;V4;906.24\n"
            "2020-2021;totaal;12764.87\n");
  // Default: every school year a record overlaps; the open V1 runs to the data's last school year.
  EXPECT_EQ(import_and_measure(files, {"kosten"}),
            "schooljaar;voorziening_id;waarde\n2020-2021;V1;11858.63\n2020-2021;V2;0\n2020-2021;V4;906.24\n"
            "2020-2021;totaal;12764.87\n2021-2022;V1;13200\n2021-2022;V2;0\n2021-2022;totaal;13200\n");
}

TEST(MeasureCli, ListsMeasuresAndRefusesMissingParameters) {
  auto list = test::run_stroom({"measure", "--list"});
  EXPECT_EQ(list.exit_code, 0);
  for (const char* id : {"leerlingen", "deelname", "ontwikkeling", "stromen", "richting", "verblijfsduur",
                         "thuiszitters", "wachtlijst", "kosten"})
    EXPECT_NE(list.out.find(id), std::string::npos) << id;
  test::TempDir dir;
  test::write_file(dir / "inschrijvingen.csv", kFlowRegion);
  const std::string db = (dir / "c.db").string();
  ASSERT_EQ(test::run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db}).exit_code, 0);
  auto missing = test::run_stroom({"measure", "ontwikkeling", "--db", db});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "stroom: maat ontwikkeling vraagt --ijkjaar\n");
  auto bad_date = test::run_stroom({"measure", "thuiszitters", "--db", db, "--at", "1-13-2020"});
  EXPECT_EQ(bad_date.exit_code, 1);
  EXPECT_EQ(bad_date.err, "stroom: --at '1-13-2020' is geen datum (verwacht JJJJ-MM-DD)\n");
  auto not_taken = test::run_stroom({"measure", "leerlingen", "--db", db, "--peildatum", "2020-01-01"});
  EXPECT_EQ(not_taken.exit_code, 1);
  EXPECT_EQ(not_taken.err, "stroom: maat leerlingen kent geen parameter --peildatum (wel: --at)\n");
  // kFlowRegion runs from 2019-08-01 to 2021-07-31.
  auto outside = test::run_stroom({"measure", "thuiszitters", "--db", db, "--at", "2099-01-01"});
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_EQ(outside.err, "stroom: --at 2099-01-01 ligt buiten de gegevens; de gegevens lopen van 2019-08-01 tot en met 2021-07-31\n");
  EXPECT_EQ(test::run_stroom({"measure", "bestaat-niet", "--db", db}).exit_code, 1);
  auto json = test::run_stroom({"measure", "richting", "--db", db, "--format", "json"});
  EXPECT_NE(json.out.find("\"richting\": \"terugstroom-ratio\",\n    \"waarde\": 1.0"), std::string::npos) << json.out;
}

}  // namespace
}  // namespace stroom
