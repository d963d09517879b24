// The measures beyond the binding maatboek (TLVs, grensverkeer, thuiszitter breakdowns, change
// over two years), on hand-made fixtures with hand-computed answers.
#include <gtest/gtest.h>

#include "test_support.h"

namespace stroom {
namespace {

using test::import_and_measure;

const std::string kBesluiten =
    "besluit_id;leerling_id;soort;categorie;aanvraagdatum;besluitdatum;startdatum;uitkomst\n"
    "B1;L1;tlv;sbo;2020-05-10;2020-06-15;2020-08-01;toegekend\n"  // decided in 2019-2020
    "B2;L2;tlv;hoog;2020-08-10;2020-09-01;2020-09-01;toegekend\n" // decided in 2020-2021
    "B3;L3;tlv;laag;2020-07-31;2020-08-20;;afgewezen\n"           // refused: not granted
    "B4;L4;tlv;;;;2020-08-01;toegekend\n"                         // no decision date: start date
    "B5;L5;arrangement;;2020-05-01;2020-06-01;2020-08-01;toegekend\n"
    "B6;L6;tlv;midden;;;;toegekend\n"                             // no date at all: not counted
    "B7;L7;tlv;laag;2020-04-30;2020-05-20;2020-08-01;ingetrokken\n";

TEST(TlvToegekend, PerCategoryAndSchoolYearOfTheDecision) {
  EXPECT_EQ(import_and_measure({{"ondersteuning.csv", kBesluiten}}, {"tlv_toegekend"}),
            "schooljaar;categorie;waarde\n"
            "2019-2020;sbo;1\n2019-2020;laag;0\n2019-2020;midden;0\n2019-2020;hoog;0\n2019-2020;totaal;1\n"
            "2020-2021;sbo;0\n2020-2021;laag;0\n2020-2021;midden;0\n2020-2021;hoog;1\n2020-2021;onbekend;1\n"
            "2020-2021;totaal;2\n");
}

TEST(TlvAanvragenMeiJuli, ShareOfRequestsReceivedInMayToJuly) {
  // 2019-2020: B1 (May), B3 (31 July), B7 (30 April): 2 of 3. 2020-2021: B2 (August): 0 of 1.
  EXPECT_EQ(import_and_measure({{"ondersteuning.csv", kBesluiten}}, {"tlv_aanvragen_mei_juli"}),
            "schooljaar;maat;waarde\n2019-2020;aanvragen;3\n2019-2020;mei_juli;2\n2019-2020;aandeel;66.67\n"
            "2020-2021;aanvragen;1\n2020-2021;mei_juli;0\n2020-2021;aandeel;0\n");
}

TEST(Grensverkeer, InAndOutOfTheOwnSwv) {
  const std::string vestigingen =
      "vestiging_id;naam;swv;sector\n01;Bao Noord;PO1;po\n02;Bao Buren;PO2;po\n03;SO Eigen;PO1;po\n"
      "04;SO Buren;PO2;po\n05;Bao Zuid;PO1;po\n";  // PO1 has most schools: the own SWV
  const std::string inschrijvingen =
      "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n"
      "A;02;bao;2019-08-01;2020-07-31\nA;03;so;2020-08-01;\n"  // referred by PO2, school in PO1: in
      "B;01;bao;2019-08-01;2020-07-31\nB;04;so;2020-08-01;\n"  // referred by PO1, school in PO2: out
      "C;01;bao;2019-08-01;2020-07-31\nC;03;so;2020-08-01;\n"  // both PO1
      "D;03;so;2020-08-01;\n";                                 // no regular school before
  EXPECT_EQ(import_and_measure({{"vestigingen.csv", vestigingen}, {"inschrijvingen.csv", inschrijvingen}},
                               {"grensverkeer", "--at", "2020-08-01"}),  // the latest date in the data
            "datum;richting;waarde\n2020-08-01;inkomend;1\n2020-08-01;uitgaand;1\n");
}

const std::string kVerzuimPerSchool =
    "melding_id;leerling_id;vestiging_id;soort;thuiszitter;startdatum;einddatum;reden\n"
    "M1;L1;01;relatief;ja;2021-01-04;;angst\n"
    "M2;L2;01;relatief;ja;2021-01-04;;ziekte\n"
    "M3;L2;02;relatief;ja;2021-02-01;;ziekte\n"  // same pupil at a second school
    "M4;L3;;absoluut;ja;2020-06-01;2020-09-01;\n"
    "M5;L4;02;relatief;nee;2021-01-04;;angst\n";

TEST(ThuiszittersPerSchoolEnReden, DistinctActivePupilsPerGroup) {
  // 2021-02-01, the latest date in these reports: M3 starts that day.
  EXPECT_EQ(import_and_measure({{"verzuim.csv", kVerzuimPerSchool}}, {"thuiszitters_per_school", "--at", "2021-02-01"}),
            "datum;vestiging_id;waarde\n2021-02-01;01;2\n2021-02-01;02;1\n");
  EXPECT_EQ(import_and_measure({{"verzuim.csv", kVerzuimPerSchool}}, {"thuiszitters_per_reden", "--at", "2021-02-01"}),
            "datum;reden;waarde\n2021-02-01;angst;1\n2021-02-01;ziekte;1\n");
  EXPECT_EQ(import_and_measure({{"verzuim.csv", kVerzuimPerSchool}}, {"thuiszitters_per_school", "--at", "2020-07-01"}),
            "datum;vestiging_id;waarde\n2020-07-01;geen;1\n");
}

TEST(ThuiszitterMeldingen, OpenedAndClosedPerSchoolYear) {
  // M4 opened in 2019-2020 and closed in 2020-2021; M1-M3 opened in 2020-2021; M5 is no thuiszitter.
  EXPECT_EQ(import_and_measure({{"verzuim.csv", kVerzuimPerSchool}}, {"thuiszitter_meldingen"}),
            "schooljaar;maat;waarde\n2019-2020;geopend;1\n2019-2020;gesloten;0\n"
            "2020-2021;geopend;3\n2020-2021;gesloten;1\n");
}

TEST(TwoYearChange, PupilsAndThuiszitters) {
  const std::string inschrijvingen =
      "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n"
      "P1;01;so;2018-08-01;2020-12-31\nP2;01;so;2018-08-01;2020-12-31\nP3;01;so;2018-08-01;2020-12-31\n"
      "P4;01;so;2018-08-01;2020-12-31\nP5;01;so;2020-08-01;2020-12-31\nP6;01;so;2020-08-01;2020-12-31\n";
  // so and totaal: 4 on 2018-10-01, 6 on 2020-10-01: +2, +50%; the rest stays 0 (percent empty).
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", inschrijvingen}}, {"leerlingen_2jaar"}),
            "datum;onderwijssoort;verschil;procent\n"
            "2020-10-01;bao;0;\n2020-10-01;sbo;0;\n2020-10-01;so;2;50\n2020-10-01;vo;0;\n2020-10-01;pro;0;\n"
            "2020-10-01;vso;0;\n2020-10-01;isk;0;\n2020-10-01;totaal;2;50\n");
  const std::string verzuim =
      "melding_id;leerling_id;soort;thuiszitter;startdatum;einddatum\n"
      "M1;X1;absoluut;ja;2018-09-01;2018-11-01\n"
      "M2;X2;absoluut;ja;2020-09-01;\nM3;X3;absoluut;ja;2020-09-15;\n";
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", inschrijvingen}, {"verzuim.csv", verzuim}}, {"thuiszitters_2jaar"}),
            "datum;verschil;procent\n2020-10-01;1;100\n");
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", inschrijvingen}, {"verzuim.csv", verzuim}},
                               {"thuiszitters_2jaar", "--publish"}),
            "datum;verschil;procent\n2020-10-01;;\n");
}

}  // namespace
}  // namespace stroom
