// The one CSV writer (ingest/csv_writer.h) and everything written through it: RFC 4180 quoting,
// the formula guard for spreadsheets, measure output, the audit export and the rejects report,
// each read back with the project's own RFC 4180 reader. Expected texts are written by hand.
// (The log line of the failed login is checked here too, since it is the same outside input.)
#include <gtest/gtest.h>

#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ingest/csv_reader.h"
#include "ingest/csv_writer.h"
#include "ingest/rejects_report.h"
#include "server/authenticator.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "test_support.h"

namespace stroom {
namespace {

using Cells = std::vector<std::vector<std::string>>;

// Every record of the text as owned strings, through the importer's reader.
Cells read_back(std::string_view text) {
  CsvReader reader(text);
  EXPECT_EQ(reader.delimiter(), ';');
  Cells cells;
  CsvRecord record;
  while (reader.next(record)) {
    EXPECT_FALSE(record.unterminated_quote) << "line " << record.line;
    cells.emplace_back(record.fields.begin(), record.fields.end());
  }
  return cells;
}

TEST(CsvWriter, QuotesOnlyWhatNeedsQuotingAndDoublesQuotes) {
  CsvWriter csv(CsvAudience::program);
  csv.text("gewoon").text("a;b").text("zeg \"ja\"").text("twee\nregels").text("cr\rhier").text("").end_row();
  csv.text("Súdwest-Fryslân").number(-12).number("3.5").end_row();
  EXPECT_EQ(csv.str(), "gewoon;\"a;b\";\"zeg \"\"ja\"\"\";\"twee\nregels\";\"cr\rhier\";\n"
                       "Súdwest-Fryslân;-12;3.5\n");
}

TEST(CsvWriter, GuardsTextCellsThatASpreadsheetWouldRunButNeverNumbers) {
  CsvWriter csv(CsvAudience::spreadsheet);
  csv.text("=1+1").text("+31").text("-x").text("@SUM(A1)").text("\tTAB").text("\rCR").end_row();
  csv.text("=HYPERLINK(\"x\")").text("a=b").text("'al").number("-3.5").number(-4).number("<5").end_row();
  EXPECT_EQ(csv.str(), "'=1+1;'+31;'-x;'@SUM(A1);'\tTAB;\"'\rCR\"\n"
                       "\"'=HYPERLINK(\"\"x\"\")\";a=b;'al;-3.5;-4;<5\n");
  EXPECT_EQ(read_back(csv.str()), (Cells{{"'=1+1", "'+31", "'-x", "'@SUM(A1)", "'\tTAB", "'\rCR"},
                                         {"'=HYPERLINK(\"x\")", "a=b", "'al", "-3.5", "-4", "<5"}}));
  // A file for stroom's own import keeps the value as it is.
  CsvWriter data(CsvAudience::program);
  data.text("-12").text("=x").end_row();
  EXPECT_EQ(data.str(), "-12;=x\n");
}

// One case shared with the web app's unit test (web/tests/unit/csv.test.ts): the files, the
// measure, the rows the API answers and the CSV both the CLI and the web download write.
nlohmann::json shared_case() {
  return nlohmann::json::parse(test::read_file(std::filesystem::path(STROOM_SOURCE_DIR) / "tests/data/csv_export_case.json"));
}

// Sorted by label as the measure sorts (bytes): '+' < '-' < '=' < '@' < letters.
const std::string kExpectedMeasureCsv =
    "datum;reden;waarde\n"
    "2021-03-01;'+31 bellen;1\n"
    "2021-03-01;'-2 weken;1\n"
    "2021-03-01;\"'=HYPERLINK(\"\"http://x.example/?a\"\",\"\"klik\"\")\";1\n"
    "2021-03-01;'@SUM(A1);1\n"
    "2021-03-01;angst;1\n"
    "2021-03-01;\"eerst ziek\ndaarna angst\";1\n"
    "2021-03-01;\"ziek; \"\"lang\"\"\";1\n";

TEST(MeasureCsv, FreeTextLabelsSurviveImportAndMeasureAsTheSameCells) {
  const nlohmann::json c = shared_case();
  ASSERT_EQ(c["csv"].get<std::string>(), kExpectedMeasureCsv);  // the web test expects the same

  test::TempDir dir;
  std::filesystem::create_directories(dir / "csv");
  for (const auto& [name, content] : c["files"].items()) test::write_file(dir / "csv" / name, content.get<std::string>());
  const std::string db = (dir / "m.db").string();
  const auto imported = test::run_stroom({"import", (dir / "csv").string(), "--db", db});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  auto measure = [&](const char* format) {
    std::vector<std::string> args = {"measure"};
    for (const auto& a : c["measure"]) args.push_back(a.get<std::string>());
    args.insert(args.end(), {"--db", db, "--format", format});
    const auto run = test::run_stroom(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  };
  const std::string csv = measure("csv");
  EXPECT_EQ(csv, kExpectedMeasureCsv);
  // The free text comes back as the same cell, a formula-like one behind its guard.
  EXPECT_EQ(read_back(csv), (Cells{{"datum", "reden", "waarde"},
                                   {"2021-03-01", "'+31 bellen", "1"},
                                   {"2021-03-01", "'-2 weken", "1"},
                                   {"2021-03-01", "'=HYPERLINK(\"http://x.example/?a\",\"klik\")", "1"},
                                   {"2021-03-01", "'@SUM(A1)", "1"},
                                   {"2021-03-01", "angst", "1"},
                                   {"2021-03-01", "eerst ziek\ndaarna angst", "1"},
                                   {"2021-03-01", "ziek; \"lang\"", "1"}}));
  // The rows the API (and so the web app) gets are the unguarded labels; the web download of
  // these rows must equal the CSV above (checked in web/tests/unit/csv.test.ts).
  EXPECT_EQ(nlohmann::json::parse(measure("json")), c["rows"]);
}

TEST(AuditCsv, AFormulaLoginNameIsTextInTheExportAndOneLineInTheLog) {
  test::TempDir dir;
  const auto db_path = dir / "a.db";
  std::vector<std::string> log;
  {
    auto db = open_store(db_path);
    std::mutex mutex;
    Authenticator auth(*db, mutex, [&](const std::string& line) { log.push_back(line); });
    const nlohmann::json formula = {{"gebruiker", "=HYPERLINK(\"x\")"}, {"wachtwoord", "fout"}};
    const nlohmann::json forged = {{"gebruiker", "eve\ninloggen gelukt: gebruiker 'beheerder' \x1b[2J"},
                                   {"wachtwoord", "fout"}};
    EXPECT_EQ(auth.login(formula.dump(), {"10.0.0.1", "POST /api/login"}).response.status, 401);
    EXPECT_EQ(auth.login(forged.dump(), {"10.0.0.2", "POST /api/login"}).response.status, 401);

    const std::string csv = audit_csv(read_audit(*db, {}));
    EXPECT_NE(csv.find(";\"'=HYPERLINK(\"\"x\"\")\";"), std::string::npos) << csv;
    const Cells cells = read_back(csv);
    ASSERT_EQ(cells.size(), 3u) << csv;
    EXPECT_EQ(cells[0], (std::vector<std::string>{"id", "tijdstip", "gebruiker", "rol", "actie", "leerling_id", "bron", "detail", "adres", "leerlingen"}));
    EXPECT_EQ(cells[1][2], "'=HYPERLINK(\"x\")");
    EXPECT_EQ(cells[1][4], "inloggen-mislukt");
    EXPECT_EQ(cells[2][2], "eve\ninloggen gelukt: gebruiker 'beheerder' \x1b[2J");  // quoted, one record
  }
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "inloggen mislukt: gebruiker '=HYPERLINK(\"x\")' vanaf 10.0.0.1");
  EXPECT_EQ(log[1], "inloggen mislukt: gebruiker 'eve\\ninloggen gelukt: gebruiker 'beheerder' \\e[2J' vanaf 10.0.0.2");

  // `stroom audit --out` writes the same export (and logs that it did).
  const auto out = dir / "audit.csv";
  const auto run = test::run_stroom({"audit", "--db", db_path.string(), "--out", out.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Cells exported = read_back(test::read_file(out));
  ASSERT_EQ(exported.size(), 4u);
  EXPECT_EQ(exported[1][2], "'=HYPERLINK(\"x\")");
  EXPECT_EQ(exported[3][4], "logboek-inzien");
}

TEST(RejectsReport, RoundTripsThroughTheReader) {
  FileImportResult failed;
  failed.file = "=kapot.csv";
  failed.failed = true;
  failed.failure = "geen kopregel";
  FileImportResult rejected;
  rejected.file = "verzuim.csv";
  rejected.rejects = {{"verzuim.csv", 3, "reden", "onleesbaar: \"a;b\""},
                      {"verzuim.csv", 7, "", "-1 kolom te weinig\nop deze regel"}};
  std::ostringstream out;
  write_rejects_report(out, {failed, rejected});
  EXPECT_EQ(out.str(),
            "bestand;regel;kolom;reden\n"
            "'=kapot.csv;;;geen kopregel\n"
            "verzuim.csv;3;reden;\"onleesbaar: \"\"a;b\"\"\"\n"
            "verzuim.csv;7;;\"'-1 kolom te weinig\nop deze regel\"\n");
  EXPECT_EQ(read_back(out.str()), (Cells{{"bestand", "regel", "kolom", "reden"},
                                         {"'=kapot.csv", "", "", "geen kopregel"},
                                         {"verzuim.csv", "3", "reden", "onleesbaar: \"a;b\""},
                                         {"verzuim.csv", "7", "", "'-1 kolom te weinig\nop deze regel"}}));
}

}  // namespace
}  // namespace stroom
