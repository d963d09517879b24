// Every rejection rule of formats.md, table-driven: the exact line, column and reason, with the
// good rows of the same file imported. Also --strict, missing columns, unknown columns, file
// kinds recognised from the header, and idempotent re-import with history.
#include <gtest/gtest.h>

#include "ingest/bsn.h"
#include "ingest/importer.h"
#include "store/migrations.h"
#include "test_support.h"

namespace stroom {
namespace {

class ImportFixture : public ::testing::Test {
 protected:
  ImportFixture() : db_(open_store(dir_ / "t.db")), key_(load_or_create_pseudonym_key(*db_)) {}

  FileImportResult import(const std::string& name, const std::string& content, bool strict = false) {
    test::write_file(dir_ / name, content);
    return import_file(*db_, key_, dir_ / name, ImportOptions{strict, {}});
  }
  int64_t rows(const std::string& table) { return *db_->query_int("SELECT count(*) FROM " + table); }

  test::TempDir dir_;
  std::unique_ptr<Database> db_;
  PseudonymKey key_;
};

struct RejectionCase {
  std::string file;
  std::string header;
  std::string good;  // a valid row, written before and after the bad one
  std::string bad;
  std::string column;
  std::string reason;
  size_t read = 3;      // less when a quote swallows the good row after the bad one
  size_t inserted = 2;
};

const std::string kInschrijvingenHeader = "leerling_id;vestiging_id;onderwijssoort;cluster;startdatum;einddatum";
const std::string kOndersteuningHeader = "besluit_id;leerling_id;soort;categorie;aanvraagdatum;besluitdatum;startdatum;einddatum;uitkomst";
const std::string kVerzuimHeader = "melding_id;leerling_id;vestiging_id;soort;thuiszitter;startdatum;einddatum;reden";
const std::string kVoorzieningenHeader = "voorziening_id;naam;plaatsen;tarief;geldig_vanaf;geldig_tot";
const std::string kWachtlijstHeader = "leerling_id;voorziening_id;aanmelddatum;plaatsingsdatum;afgemeld";
const std::string kTellingenHeader = "teldatum;gebied;onderwijssoort;cluster;aantal";
const std::string kVestigingenHeader = "vestiging_id;naam;sector";
const std::string kBirthHeader = "leerling_id;geboortedatum;vestiging_id;onderwijssoort;startdatum";
const std::string kSwallowed = "aanhalingsteken op regel 3 wordt niet afgesloten op die regel: regels 3 tot en met 4 "
                               "zijn daardoor als één rij gelezen en afgewezen";
const std::string kNoDigits = "[8 of meer cijfers weggelaten]";
const std::string kReservedPrefix = "leerling_id begint met 'ps-' of 'anon-': die voorvoegsels gebruikt stroom zelf "
                                    "voor pseudoniemen en geanonimiseerde leerlingen";

std::vector<RejectionCase> rejection_cases() {
  const std::string ins = "inschrijvingen.csv";
  const std::string ond = "ondersteuning.csv";
  const std::string vz = "verzuim.csv";
  const std::string voo = "voorzieningen.csv";
  const std::string wl = "wachtlijst.csv";
  const std::string tel = "tellingen.csv";
  const std::string ves = "vestigingen.csv";
  const std::string date_reason = " (verwacht JJJJ-MM-DD of DD-MM-JJJJ)";
  return {
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;sbao;;2020-08-01;",
       "onderwijssoort", "onbekende waarde 'sbao' (toegestaan: bao, sbo, so, vo, pro, vso, isk)"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;2020-08-01;2020-07-31",
       "einddatum", "einddatum ligt voor startdatum"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;2020-31-08;",
       "startdatum", "ongeldige datum '2020-31-08'" + date_reason},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;31-31-2020;",
       "startdatum", "ongeldige datum '31-31-2020'" + date_reason},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;;",
       "startdatum", "verplicht veld is leeg"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", ";01AA00;bao;;2020-08-01;",
       "leerling_id", "verplicht veld is leeg"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X; ;bao;;2020-08-01;",
       "vestiging_id", "verplicht veld is leeg"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "123456789;01AA00;bao;;2020-08-01;",
       "leerling_id", "BSN voldoet niet aan de elfproef (en is ook geen onderwijsnummer)"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "ps-4f2a;01AA00;bao;;2020-08-01;",
       "leerling_id", kReservedPrefix},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "anon-0b1c2d;01AA00;bao;;2020-08-01;",
       "leerling_id", kReservedPrefix},
      {ins, kBirthHeader, "L{};2014-03-01;01AA00;bao;2020-08-01", "X;2021-03-01;01AA00;bao;2020-08-01",
       "startdatum", "startdatum ligt voor geboortedatum"},
      // A BSN typed into the wrong column is rejected without being repeated.
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;111222333;",
       "startdatum", "ongeldige datum " + kNoDigits + date_reason},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;1112.22.333;;2020-08-01;",
       "onderwijssoort", "onbekende waarde " + kNoDigits + " (toegestaan: bao, sbo, so, vo, pro, vso, isk)"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", std::string(65, 'x') + ";01AA00;bao;;2020-08-01;",
       "leerling_id", "leerling_id is langer dan 64 tekens"},
      {ins, kInschrijvingenHeader, "L{};01AA00;so;3;2020-08-01;", "X;01AA00;so;5;2020-08-01;",
       "cluster", "onbekende waarde '5' (toegestaan: 1, 2, 3, 4)"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "X;01AA00;bao;;2020-08-01",
       "", "regel heeft 5 velden, de kopregel 6"},
      {ins, kInschrijvingenHeader, "L{};01AA00;bao;;2020-08-01;", "L{};01AA00;bao;;2020-08-01;2021-07-31",
       "leerling_id+vestiging_id+onderwijssoort+startdatum", "dezelfde sleutel staat al op regel 2 met andere inhoud"},
      {ond, kOndersteuningHeader, "B{};L1;tlv;laag;2020-05-01;2020-06-01;2020-08-01;2021-07-31;toegekend",
       "B9;L1;tlv;laag;;;;;besloten", "uitkomst",
       "onbekende waarde 'besloten' (toegestaan: toegekend, afgewezen, ingetrokken, lopend)"},
      {ond, kOndersteuningHeader, "B{};L1;tlv;laag;;;;;toegekend", "B9;L1;pgb;;;;;;toegekend",
       "soort", "onbekende waarde 'pgb' (toegestaan: tlv, arrangement, opp)"},
      {ond, kOndersteuningHeader, "B{};L1;tlv;laag;;;;;toegekend", "B9;L1;tlv;zwaar;;;;;toegekend",
       "categorie", "onbekende waarde 'zwaar' (toegestaan: sbo, laag, midden, hoog)"},
      {ond, kOndersteuningHeader, "B{};L1;tlv;laag;;;;;toegekend", "B9;L1;tlv;laag;2020-06-01;2020-05-01;;;toegekend",
       "besluitdatum", "besluitdatum ligt voor aanvraagdatum"},
      {ond, kOndersteuningHeader, "B{};L1;tlv;laag;;;;;toegekend", ";L1;tlv;laag;;;;;toegekend",
       "besluit_id", "verplicht veld is leeg"},
      {vz, kVerzuimHeader, "M{};L1;01AA00;relatief;ja;2021-01-04;;ziek", "M9;L1;01AA00;relatief;soms;2021-01-04;;",
       "thuiszitter", "onbekende waarde 'soms' (toegestaan: ja, nee)"},
      {vz, kVerzuimHeader, "M{};L1;01AA00;relatief;ja;2021-01-04;;ziek", "M9;L1;;luxe;nee;2021-01-04;;",
       "soort", "onbekende waarde 'luxe' (toegestaan: relatief, absoluut, vrijstelling)"},
      {vz, kVerzuimHeader, "M{};L1;01AA00;relatief;ja;2021-01-04;;ziek", "M9;L1;;absoluut;ja;2021-01-04;2021-01-03;",
       "einddatum", "einddatum ligt voor startdatum"},
      {voo, kVoorzieningenHeader, "V{};Plusklas;12;1500,50;2020-08-01;", "V9;Plusklas;-3;1500;2020-08-01;",
       "plaatsen", "'-3' is geen geheel getal van 0 of meer"},
      {voo, kVoorzieningenHeader, "V{};Plusklas;12;1500,50;2020-08-01;", "V9;Plusklas;3;1.500,00;2020-08-01;",
       "tarief", "'1.500,00' is geen getal van 0 of meer (gebruik 1234.5 of 1234,5)"},
      {voo, kVoorzieningenHeader, "V{};Plusklas;12;1500,50;2020-08-01;", "V9;Plusklas;3;10;2020-08-01;2020-01-01",
       "geldig_tot", "geldig_tot ligt voor geldig_vanaf"},
      {wl, kWachtlijstHeader, "L{};V1;2021-02-01;;", "L9;V1;;;", "aanmelddatum", "verplicht veld is leeg"},
      {wl, kWachtlijstHeader, "L{};V1;2021-02-01;;", "L9;V1;2021-02-01;2021-01-01;",
       "plaatsingsdatum", "plaatsingsdatum ligt voor aanmelddatum"},
      {tel, kTellingenHeader, "2020-10-01;PO240{};so;;12", "2020-10-01;PO2409;so;;veel",
       "aantal", "'veel' is geen geheel getal van 0 of meer"},
      {tel, kTellingenHeader, "2020-10-01;PO240{};so;;12", "2020-10-01;PO2409;mbo;;1",
       "onderwijssoort", "onbekende waarde 'mbo' (toegestaan: bao, sbo, so, vo, pro, vso, isk, totaal)"},
      {ves, kVestigingenHeader, "0{}AA00;De Linde;po", "09AA00;;po", "naam", "verplicht veld is leeg"},
      // A quote that never closes swallows the good row after it to the end of the file ...
      {vz, kVerzuimHeader, "M{};L1;01AA00;relatief;ja;2021-01-04;;ziek", "M9;L1;01AA00;relatief;ja;2021-01-04;;\"ziek",
       "", kSwallowed, 2, 1},
      // ... or up to the next quote, where the fields happen to add up to a whole row again.
      {voo, kVoorzieningenHeader, "V{};\"Plusklas\";12;1500,50;2020-08-01;", "V9;\"Plusklas;3;10;2020-08-01;",
       "", kSwallowed, 2, 1},
      {ves, kVestigingenHeader, "0{}AA00;De Linde;po", "09AA00;Het Anker;mbo",
       "sector", "onbekende waarde 'mbo' (toegestaan: po, vo)"},
  };
}

std::string good_row(const std::string& pattern, int n) {
  std::string row = pattern;
  row.replace(row.find("{}"), 2, std::to_string(n));
  return row;
}

TEST_F(ImportFixture, EveryRejectionRuleNamesLineColumnAndReasonAndKeepsGoodRows) {
  int case_number = 0;
  for (const auto& c : rejection_cases()) {
    SCOPED_TRACE(c.file + ": " + c.bad);
    const std::string name = "case" + std::to_string(++case_number) + "_" + c.file;
    const int first = case_number * 10 + 1;
    const std::string bad = c.bad.find("{}") == std::string::npos ? c.bad : good_row(c.bad, first);
    const std::string content =
        c.header + "\n" + good_row(c.good, first) + "\n" + bad + "\n" + good_row(c.good, first + 1) + "\n";
    // The file kind comes from the name after the prefix; give each case its own file.
    FileImportResult result = import(c.file.substr(0, c.file.size() - 4) + "_" + name, content);
    ASSERT_FALSE(result.failed) << result.failure;
    ASSERT_EQ(result.rejects.size(), 1u) << (result.rejects.empty() ? "" : result.rejects[0].reason);
    EXPECT_EQ(result.rejects[0].line, 3u);
    EXPECT_EQ(result.rejects[0].column, c.column);
    EXPECT_EQ(result.rejects[0].reason, c.reason);
    EXPECT_EQ(result.rejected, 1u);
    EXPECT_EQ(result.read, c.read);
    EXPECT_EQ(result.inserted, c.inserted);
    EXPECT_TRUE(result.field_warnings.empty());
  }
}

TEST_F(ImportFixture, ALineBreakInQuotesIsKeptInFreeTextAndNamesEveryLineElsewhere) {
  auto result = import("verzuim.csv", kVerzuimHeader +
                                          "\nM1;L1;01AA00;relatief;ja;2021-01-04;;\"ziek,\nlang\"\n"
                                          "\"M2\nM3\";L1;01AA00;relatief;ja;2021-01-04;;\n"
                                          "M4;L1;01AA00;relatief;ja;2021-01-04;;x\"\n");
  ASSERT_EQ(result.rejects.size(), 1u);
  EXPECT_EQ(result.rejects[0].line, 4u);
  EXPECT_EQ(result.rejects[0].reason, "aanhalingsteken op regel 4 wordt niet afgesloten op die regel: regels 4 tot en "
                                      "met 5 zijn daardoor als één rij gelezen en afgewezen");
  EXPECT_EQ(result.read, 3u);
  EXPECT_EQ(result.inserted, 2u);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM verzuim WHERE reden = 'ziek,' || char(10) || 'lang'"), 1);
  // The last line's quote is plain text inside an unquoted field (kept, as most readers do), and
  // its line number counts the physical lines before it.
  auto last = import("verzuim.csv", kVerzuimHeader + "\nM1;L1;01AA00;relatief;ja;2021-01-04;;\"ziek,\nlang\"\n"
                                                    "M2;L1;01AA00;relatief;ja;2021-01-04;2020-01-01;\n");
  ASSERT_EQ(last.rejects.size(), 1u);
  EXPECT_EQ(last.rejects[0].line, 4u);
}

TEST_F(ImportFixture, AnUnclosedQuoteOnTheLastLineNamesItsLine) {
  auto result = import("verzuim.csv", kVerzuimHeader + "\nM1;L1;01AA00;relatief;ja;2021-01-04;;\"ziek\n");
  ASSERT_EQ(result.rejects.size(), 1u);
  EXPECT_EQ(result.rejects[0].reason, "aanhalingsteken op regel 2 wordt niet afgesloten");
}

using test::with_check_digit;

TEST_F(ImportFixture, EightDigitBsnsAndOnderwijsnummersArePseudonymisedWithWarningsWithoutTheNumber) {
  const std::string bsn = with_check_digit("03456789", 0);
  const std::string onr = with_check_digit("10345678", 5);
  ASSERT_EQ(bsn.size(), 9u);
  ASSERT_EQ(onr.size(), 9u);
  auto result = import("inschrijvingen.csv", kInschrijvingenHeader + "\n" + bsn.substr(1) + ";01AA00;bao;;2020-08-01;\n" +
                                                 bsn + ";01AA00;bao;;2021-08-01;\n" + onr + ";01AA00;bao;;2020-08-01;\n");
  EXPECT_EQ(result.inserted, 3u);
  EXPECT_EQ(result.rejected, 0u);
  const BsnPseudonymiser pseudonymise(key_);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM inschrijvingen WHERE leerling_id = '" + pseudonymise(bsn) + "'"), 2);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM inschrijvingen WHERE leerling_id = '" + pseudonymise(onr) + "'"), 1);
  ASSERT_EQ(result.field_warnings.size(), 1u);  // only the 8-digit one: an onderwijsnummer is normal
  EXPECT_EQ(result.field_warnings[0].line, 2u);
  EXPECT_EQ(result.field_warnings[0].column, "leerling_id");
  EXPECT_EQ(result.field_warnings[0].reason.find(bsn.substr(1)), std::string::npos);

  auto reden = import("verzuim.csv", kVerzuimHeader + "\nM1;L1;01AA00;relatief;ja;2021-01-04;;bsn " + bsn + " ziek\n");
  EXPECT_EQ(reden.inserted, 1u);
  ASSERT_EQ(reden.field_warnings.size(), 1u);
  EXPECT_EQ(reden.field_warnings[0].line, 2u);
  EXPECT_EQ(reden.field_warnings[0].column, "reden");
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM verzuim WHERE reden = 'bsn [BSN] ziek'"), 1);
}

TEST_F(ImportFixture, ReportsEveryBadFieldOfARow) {
  auto result = import("inschrijvingen.csv", kInschrijvingenHeader + "\n123456789;;xx;;2020-02-30;\n");
  ASSERT_EQ(result.rejects.size(), 4u);
  EXPECT_EQ(result.rejected, 1u);
  EXPECT_EQ(result.rejects[0].column, "leerling_id");
  EXPECT_EQ(result.rejects[1].column, "vestiging_id");
  EXPECT_EQ(result.rejects[2].column, "onderwijssoort");
  EXPECT_EQ(result.rejects[3].column, "startdatum");
}

TEST_F(ImportFixture, StrictImportsNothingFromAFileWithABadRow) {
  auto result = import("inschrijvingen.csv",
                       kInschrijvingenHeader + "\nL1;01AA00;bao;;2020-08-01;\nX;01AA00;bao;;2020-02-30;\n",
                       /*strict=*/true);
  EXPECT_EQ(result.rejected, 1u);
  EXPECT_EQ(result.inserted, 0u);
  EXPECT_EQ(rows("inschrijvingen"), 0);
  EXPECT_EQ(rows("imports"), 0);
}

TEST_F(ImportFixture, MissingRequiredColumnImportsNothing) {
  auto result = import("inschrijvingen.csv", "leerling_id;vestiging_id;startdatum\nL1;01AA00;2020-08-01\n");
  EXPECT_TRUE(result.failed);
  EXPECT_EQ(result.failure, "verplichte kolom ontbreekt: onderwijssoort; er is niets uit dit bestand geïmporteerd");
  EXPECT_EQ(rows("inschrijvingen"), 0);
}

TEST_F(ImportFixture, HeadersAreCaseInsensitiveUnknownColumnsWarnedOnce) {
  auto result = import("inschrijvingen.csv",
                       " Leerling_ID ;VESTIGING_ID;Opmerking;onderwijssoort;startdatum;Extra\n"
                       "L1;01AA00;x;bao;2020-08-01;y\nL2;01AA00;x;bao;2020-08-01;y\n");
  EXPECT_EQ(result.inserted, 2u);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "onbekende kolommen genegeerd: opmerking, extra");
}

TEST_F(ImportFixture, AHeaderNameThatCouldBeABsnIsNotRepeated) {
  auto result = import("inschrijvingen.csv", "leerling_id;vestiging_id;onderwijssoort;startdatum;111222333\n"
                                             "L1;01AA00;bao;2020-08-01;x\n");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "onbekende kolommen genegeerd: [8 of meer cijfers weggelaten]");
}

TEST_F(ImportFixture, RecognisesTheKindFromTheHeaderWhenTheNameSaysNothing) {
  auto result = import("export_2024.csv", kVerzuimHeader + "\nM1;L1;01AA00;relatief;ja;2021-01-04;;\n");
  ASSERT_TRUE(result.kind.has_value());
  EXPECT_EQ(*result.kind, FileKind::verzuim);
  EXPECT_EQ(rows("verzuim"), 1);
  auto unknown = import("export_2025.csv", "a;b\n1;2\n");
  EXPECT_TRUE(unknown.failed);
}

TEST_F(ImportFixture, ReimportChangesNothingAndReplacementKeepsHistory) {
  const std::string first = kInschrijvingenHeader + "\nL1;01AA00;bao;;2020-08-01;\nL2;01AA00;sbo;;1-8-2020;\n";
  EXPECT_EQ(import("inschrijvingen.csv", first).inserted, 2u);
  auto again = import("inschrijvingen.csv", first);
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(rows("geschiedenis"), 0);
  // Same key (L2, 01AA00, sbo, 2020-08-01), now with an end date: replaced, old version kept.
  auto changed = import("inschrijvingen.csv", kInschrijvingenHeader + "\nL2;01AA00;sbo;;2020-08-01;2021-07-31\n");
  EXPECT_EQ(changed.replaced, 1u);
  EXPECT_EQ(rows("inschrijvingen"), 2);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM inschrijvingen WHERE einddatum = '2021-07-31'"), 1);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM geschiedenis WHERE oude_rij LIKE '%\"einddatum\":null%'"), 1);
}

}  // namespace
}  // namespace stroom
