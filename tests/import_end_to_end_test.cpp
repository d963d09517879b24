// The import through the stroom binary: exit codes, encodings that import identically, no BSN
// or onderwijsnummer in the database bytes, the rejects report, the terminal or notes, and a
// SIGKILL mid-file that leaves the database as it was.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "ingest/bsn.h"
#include "served_region.h"
#include "store/database.h"
#include "test_support.h"

namespace stroom {
namespace {

using test::run_stroom;

// Every registration table's rows without the bookkeeping columns, in a stable order.
std::string table_contents(const std::filesystem::path& db_path) {
  Database db(db_path);
  std::string dump;
  for (const char* table : {"vestigingen", "voorzieningen", "inschrijvingen", "ondersteuning",
                            "verzuim", "wachtlijst", "tellingen", "geschiedenis"}) {
    Statement query = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY rowid");
    while (query.step()) {
      dump += table;
      for (int i = 0; i < query.column_count(); ++i) dump += "|" + std::string(query.column_text(i));
      dump += "\n";
    }
  }
  return dump;
}

// Valid BSNs: the first eight digits from n, the ninth chosen to pass the 11-proef.
std::string make_bsn(int n) {
  for (int attempt = 0;; ++attempt) {
    std::string digits = std::to_string(10000000 + (n * 7919 + attempt * 13) % 89999999);
    for (char last = '0'; last <= '9'; ++last)
      if (passes_elfproef(digits + last)) return digits + last;
  }
}

using test::with_check_digit;

// n-th number of a kind: BSNs with a leading zero (written without it, as Excel does) and
// onderwijsnummers.
std::string make_numbered(const std::string& prefix, int n, int rest) {
  for (int attempt = 0;; ++attempt) {
    const int width = int(8 - prefix.size());
    std::string digits = std::to_string((n * 7919 + attempt * 13) % 1000000 + 1000000);
    std::string eight = prefix + digits.substr(digits.size() - size_t(width));
    std::string number = with_check_digit(eight, rest);
    if (!number.empty()) return number;
  }
}

const std::string kVestigingen =
    "vestiging_id;naam;gemeente;swv;sector\n01AA00;Basisschool De Brug;Sneek;PO2401;po\n"
    "02BB00;SBO Het Kompas;Súdwest-Fryslân;PO2401;po\n03CC00;Café-school Één;Leeuwarden;PO2401;po\n";

TEST(ImportEndToEnd, ExitCodesFollowTheFormats) {
  test::TempDir dir;
  const std::string db = (dir / "e.db").string();
  test::write_file(dir / "vestigingen.csv", kVestigingen);
  EXPECT_EQ(run_stroom({"import", (dir / "vestigingen.csv").string(), "--db", db}).exit_code, 0);
  test::write_file(dir / "inschrijvingen.csv",
                   "leerling_id;vestiging_id;onderwijssoort;startdatum\nL1;01AA00;bao;2020-08-01\nL2;01AA00;xx;2020-08-01\n");
  auto rejected = run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db});
  EXPECT_EQ(rejected.exit_code, 3);
  EXPECT_NE(rejected.err.find("afgewezen: inschrijvingen.csv regel 3, kolom onderwijssoort"), std::string::npos)
      << rejected.err;
  EXPECT_EQ(test::read_file(dir / "e-afgewezen.csv"),
            "bestand;regel;kolom;reden\ninschrijvingen.csv;3;onderwijssoort;onbekende waarde 'xx' "
            "(toegestaan: bao, sbo, so, vo, pro, vso, isk)\n");
  test::write_file(dir / "tellingen.csv", "teldatum;gebied\n2020-10-01;NL\n");
  EXPECT_EQ(run_stroom({"import", (dir / "tellingen.csv").string(), "--db", db}).exit_code, 2);
  EXPECT_EQ(run_stroom({"import", (dir / "bestaat-niet.csv").string(), "--db", db}).exit_code, 2);
  auto strict = run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db, "--strict"});
  EXPECT_EQ(strict.exit_code, 3);
}

TEST(ImportEndToEnd, Windows1252BomAndCrlfImportLikePlainUtf8) {
  const std::string utf8 = kVestigingen;
  std::string crlf;
  for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  // The same text in Windows-1252: ú = FA, é = E9, É = C9.
  std::string cp1252 =
      "vestiging_id;naam;gemeente;swv;sector\n01AA00;Basisschool De Brug;Sneek;PO2401;po\n"
      "02BB00;SBO Het Kompas;S\xFA" "dwest-Frysl\xE2n;PO2401;po\n03CC00;Caf\xE9-school \xC9\xE9n;Leeuwarden;PO2401;po\n";
  std::string reference;
  for (const std::string& bytes : {utf8, "\xEF\xBB\xBF" + utf8, crlf, cp1252, "\xEF\xBB\xBF" + crlf}) {
    test::TempDir dir;
    test::write_file(dir / "vestigingen.csv", bytes);
    ASSERT_EQ(run_stroom({"import", (dir / "vestigingen.csv").string(), "--db", (dir / "e.db").string()}).exit_code, 0);
    std::string contents = table_contents(dir / "e.db");
    if (reference.empty()) reference = contents;
    EXPECT_EQ(contents, reference);
  }
  EXPECT_NE(reference.find("Súdwest-Fryslân"), std::string::npos);
}

TEST(ImportEndToEnd, NoBsnAppearsInTheDatabaseFile) {
  test::TempDir dir;
  std::string csv = "leerling_id;vestiging_id;onderwijssoort;startdatum\n";
  std::vector<std::string> bsns;
  for (int i = 0; i < 2000; ++i) {
    bsns.push_back(make_bsn(i));
    csv += bsns.back() + ";01AA00;bao;2020-08-01\n";
  }
  csv += "123456789;01AA00;bao;2020-08-01\n";  // fails the 11-proef: rejected, not stored either
  test::write_file(dir / "inschrijvingen.csv", csv);
  const auto db = dir / "p.db";
  EXPECT_EQ(run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db.string()}).exit_code, 3);
  // Every spell starts on 2020-08-01, the one date in the data.
  EXPECT_EQ(run_stroom({"measure", "leerlingen", "--db", db.string(), "--at", "2020-08-01", "--format", "csv"}).out,
            "datum;onderwijssoort;waarde\n2020-08-01;bao;2000\n2020-08-01;sbo;0\n2020-08-01;so;0\n"
            "2020-08-01;vo;0\n2020-08-01;pro;0\n2020-08-01;vso;0\n2020-08-01;isk;0\n2020-08-01;totaal;2000\n");
  std::string bytes;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().filename().string().starts_with("p.db") && entry.path().extension() != ".key")
      bytes += test::read_file(entry.path());
  bytes += test::read_file(dir / "p-afgewezen.csv");
  ASSERT_GT(bytes.size(), 10000u);
  for (const auto& bsn : bsns) ASSERT_EQ(bytes.find(bsn), std::string::npos) << bsn;
  EXPECT_EQ(bytes.find("123456789"), std::string::npos);
}

// Whether `number` occurs in `bytes` other than by chance inside a pseudonym (a run of at least
// 32 lower-case hex digits, which holds any given eight digits now and then).
bool occurs_outside_pseudonyms(const std::string& bytes, const std::string& number) {
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
  for (size_t at = bytes.find(number); at != std::string::npos; at = bytes.find(number, at + 1)) {
    size_t begin = at, end = at + number.size();
    while (begin > 0 && hex(bytes[begin - 1])) --begin;
    while (end < bytes.size() && hex(bytes[end])) ++end;
    if (end - begin < 32) return true;
  }
  return false;
}

// Every way a BSN or onderwijsnummer can come in: as leerling_id (9 digits, 8 digits from a
// spreadsheet, onderwijsnummer), in free text (reden, naam), in the wrong column (rejected), in a
// note through the API. None of them may be in the database, its WAL and shared memory, the
// rejects report, the terminal output of the import, the server's output or an API answer.
TEST(ImportEndToEnd, NoPersonalNumberAppearsInTheStoreTheReportTheTerminalOrTheApi) {
  test::ServedRegion region(150, 21);
  const auto in = region.dir() / "invoer";
  std::filesystem::create_directories(in);
  std::vector<std::string> secret;
  std::string ins = "leerling_id;vestiging_id;onderwijssoort;startdatum\n";
  for (int i = 0; i < 300; ++i) {
    secret.push_back(make_bsn(i + 5000));
    ins += secret.back() + ";01AA00;bao;2020-08-01\n";
  }
  for (int i = 0; i < 50; ++i) {
    secret.push_back(make_numbered("0", i, 0));
    ins += secret.back().substr(1) + ";01AA00;sbo;2020-08-01\n";
    secret.push_back(secret.back().substr(1));
  }
  for (int i = 0; i < 50; ++i) {
    secret.push_back(make_numbered("10", i, 5));
    ins += secret.back() + ";01AA00;so;2020-08-01\n";
  }
  const std::string wrong_column = make_bsn(9001), wrong_choice = make_bsn(9002), failing = "123456789";
  ins += "L1;01AA00;bao;" + wrong_column + "\nL2;01AA00;" + wrong_choice + ";2020-08-01\n" + failing + ";01AA00;bao;2020-08-01\n";
  secret.insert(secret.end(), {wrong_column, wrong_choice, failing});
  const std::string in_reden = make_bsn(9003), in_school = make_bsn(9004), in_provision = make_numbered("10", 99, 5);
  secret.insert(secret.end(), {in_reden, in_school, in_provision});
  test::write_file(in / "inschrijvingen.csv", ins);
  test::write_file(in / "verzuim.csv", "melding_id;leerling_id;soort;thuiszitter;startdatum;reden\n"
                                       "MB1;L1;relatief;ja;2021-01-04;ziek, bsn " + in_reden + "\n");
  test::write_file(in / "vestigingen.csv", "vestiging_id;naam\n99ZZ00;School " + in_school + "\n");
  test::write_file(in / "voorzieningen.csv", "voorziening_id;naam;plaatsen;tarief;geldig_vanaf\n"
                                             "VB1;Plusklas " + in_provision + ";4;1000;2020-08-01\n");
  const auto report = region.dir() / "afgewezen.csv";
  const auto imported = test::run_stroom({"import", in.string(), "--db", region.db(), "--rejects", report.string()});
  EXPECT_EQ(imported.exit_code, 3) << imported.err;
  // The warnings name file, line and column (the 8-digit ids are lines 302 to 351).
  EXPECT_NE(imported.err.find("waarschuwing: inschrijvingen.csv regel 302, kolom leerling_id"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("waarschuwing: verzuim.csv regel 2, kolom reden"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("waarschuwing: vestigingen.csv regel 2, kolom naam"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("afgewezen: inschrijvingen.csv regel 402, kolom startdatum"), std::string::npos) << imported.err;

  const test::Login admin = region.login("beheer");
  const std::string note_bsn = make_bsn(9005), note_onr = make_numbered("10", 98, 5);
  secret.insert(secret.end(), {note_bsn, note_onr});
  auto posted = region.post("/api/notities", nlohmann::json{{"grafiek", "overzicht-leerlingen"},
                                                           {"tekst", "Gesprek over " + note_bsn + " en " + note_onr}}.dump(), admin);
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 201);
  const auto note = nlohmann::json::parse(posted->body);
  EXPECT_EQ(note["tekst"], "Gesprek over [BSN] en [onderwijsnummer]");
  EXPECT_TRUE(note.contains("waarschuwing"));
  std::string answers = posted->body + region.get("/api/notities?grafiek=overzicht-leerlingen", admin)->body;
  region.kill_server();  // SIGKILL: whatever is in the WAL stays there to be scanned

  std::map<std::string, std::string> places = {{"uitvoer van stroom import", imported.out + imported.err},
                                               {"API-antwoorden", answers}};
  size_t store_bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(region.dir().path())) {
    if (!entry.is_regular_file() || entry.path().extension() == ".key") continue;
    places[entry.path().filename().string()] = test::read_file(entry.path());
    if (entry.path().filename().string().starts_with("region.db")) store_bytes += entry.file_size();
  }
  ASSERT_TRUE(places.count("region.db-wal") && places.count("afgewezen.csv"));
  ASSERT_GT(store_bytes, 100000u);
  for (const auto& [place, bytes] : places)
    for (const auto& number : secret) ASSERT_FALSE(occurs_outside_pseudonyms(bytes, number)) << number << " in " << place;
}

TEST(ImportEndToEnd, SigkillDuringALargeImportLeavesTheDatabaseAsBefore) {
  test::TempDir dir;
  const auto db = dir / "k.db";
  test::write_file(dir / "vestigingen.csv", kVestigingen);
  ASSERT_EQ(run_stroom({"import", (dir / "vestigingen.csv").string(), "--db", db.string()}).exit_code, 0);
  const int rows = test::quick_mode() ? 60000 : 200000;
  std::string csv = "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n";
  for (int i = 0; i < rows; ++i) csv += "L" + std::to_string(i) + ";01AA00;bao;2019-08-01;2024-07-31\n";
  test::write_file(dir / "inschrijvingen.csv", csv);
  const std::string before = table_contents(db);

  // Time a complete import of the same file elsewhere, then kill the real one half way.
  test::TempDir other;
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", (other / "o.db").string()}).exit_code, 0);
  auto full = std::chrono::steady_clock::now() - started;

  bool killed_mid_import = false;
  for (double share : {0.5, 0.3, 0.15}) {
    pid_t pid = test::start_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db.string()},
                                   dir / "out", dir / "err");
    std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::milliseconds>(full * share));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
      killed_mid_import = true;
      break;
    }
  }
  ASSERT_TRUE(killed_mid_import) << "the import finished before it could be killed";
  EXPECT_EQ(table_contents(db), before);
  // And the database still works: the same file now imports completely.
  EXPECT_EQ(run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db.string()}).exit_code, 0);
  EXPECT_EQ(Database(db).query_int("SELECT count(*) FROM inschrijvingen"), rows);
}

}  // namespace
}  // namespace stroom
