// The import through the stroom binary: exit codes, encodings that import identically, no BSN
// in the database bytes, and a SIGKILL mid-file that leaves the database as it was.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "ingest/bsn.h"
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
