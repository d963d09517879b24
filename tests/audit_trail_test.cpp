// The audit trail end to end (issue 9): a page of a pupil list is one audit entry that still
// answers "who saw pupil X" exactly, in the API and the CLI; the Logboek's filters; account changes
// as entries written in the transaction of the change; a restore that keeps the reads made after
// the backup; durable writes (synchronous=FULL) and store files readable by their owner only.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <set>

#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/pseudonym_key.h"

namespace stroom {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

unsigned mode_of(const fs::path& file) {
  struct stat info {};
  return stat(file.c_str(), &info) == 0 ? unsigned(info.st_mode & 0777) : 0u;
}

std::vector<AuditEntry> audit_of(const std::string& db, AuditFilter filter = {"", "", 0}) {
  auto store = open_store(db);
  return read_audit(*store, filter);
}

std::set<std::string> pupils_on(const json& page) {
  std::set<std::string> ids;
  for (const auto& row : page["rijen"]) ids.insert(row["leerling_id"].get<std::string>());
  return ids;
}

// The ids of the entries in a CSV export (first column), header skipped.
std::set<int64_t> csv_ids(const std::string& csv) {
  std::set<int64_t> ids;
  size_t at = csv.find('\n') + 1;
  while (at < csv.size()) {
    ids.insert(std::stoll(csv.substr(at, csv.find(';', at) - at)));
    at = csv.find('\n', at) + 1;
    if (at == 0) break;
  }
  return ids;
}

std::set<int64_t> ids_of(const json& entries) {
  std::set<int64_t> ids;
  for (const auto& e : entries) ids.insert(e["id"].get<int64_t>());
  return ids;
}

class AuditTrailTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { region_ = new test::ServedRegion(1500, 7); }
  static void TearDownTestSuite() { delete region_; }
  static inline test::ServedRegion* region_ = nullptr;
};

TEST_F(AuditTrailTest, APageOfAPupilListIsOneEntryThatAnswersWhoSawAPupil) {
  const test::Login commissie = region_->login("commissie");
  const test::Login beheer = region_->login("beheer");
  auto first = region_->get("/api/leerlingen?aanvragen=1", commissie);
  ASSERT_EQ(first->status, 200) << first->body;
  const json page1 = json::parse(first->body);
  ASSERT_GE(page1["paginas"].get<int64_t>(), 2) << "the region needs more than 100 requests";
  EXPECT_EQ(page1["pagina"], 1);
  EXPECT_EQ(page1["rijen"].size(), 100u);
  EXPECT_EQ(page1["paginas"].get<int64_t>(), (page1["totaal"].get<int64_t>() + 99) / 100);

  const size_t before = audit_of(region_->db()).size();
  auto second = region_->get("/api/leerlingen?aanvragen=1&pagina=2", commissie);
  ASSERT_EQ(second->status, 200) << second->body;
  const json page2 = json::parse(second->body);
  EXPECT_EQ(page2["pagina"], 2);
  const auto entries = audit_of(region_->db());
  ASSERT_EQ(entries.size(), before + 1) << "one page shown, one entry";
  const AuditEntry& entry = entries.front();
  EXPECT_EQ(entry.gebruiker, "commissie");
  EXPECT_EQ(entry.actie, "lezen-lijst");
  EXPECT_EQ(entry.leerling_id, "");
  EXPECT_EQ(entry.detail, "lijst aanvragen, pagina 2 van " + std::to_string(page1["paginas"].get<int64_t>()));
  const std::set<std::string> on_page2 = pupils_on(page2);
  EXPECT_EQ(std::set<std::string>(entry.leerlingen.begin(), entry.leerlingen.end()), on_page2);

  // A pupil on page 2 only: "who saw X" finds the page-2 entry, not the page-1 one.
  const std::set<std::string> on_page1 = pupils_on(page1);
  std::string only_on_2;
  for (const std::string& id : on_page2)
    if (!on_page1.count(id)) only_on_2 = id;
  ASSERT_FALSE(only_on_2.empty());
  const json who_saw = json::parse(region_->get("/api/audit?leerling=" + only_on_2, beheer)->body);
  const std::set<int64_t> list_entries_naming_x = [&] {
    std::set<int64_t> ids;
    for (const auto& e : who_saw)
      if (e["actie"] == "lezen-lijst") ids.insert(e["id"].get<int64_t>());
    return ids;
  }();
  EXPECT_EQ(list_entries_naming_x, std::set<int64_t>{entry.id});
  for (const auto& e : who_saw)
    if (e["actie"] == "lezen-lijst") {
      EXPECT_NE(std::find(e["leerlingen"].begin(), e["leerlingen"].end(), only_on_2), e["leerlingen"].end());
    }
  auto cli = test::run_stroom({"audit", "--db", region_->db(), "--leerling", only_on_2, "--actie", "lezen-lijst"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(csv_ids(cli.out), std::set<int64_t>{entry.id}) << cli.out;
  EXPECT_NE(cli.out.find(only_on_2), std::string::npos);

  // Beyond the last page, or not a page at all: refused, naming the parameter; nothing shown, nothing logged.
  const size_t logged = audit_of(region_->db()).size();
  const std::string past = std::to_string(page1["paginas"].get<int64_t>() + 1);
  auto beyond = region_->get("/api/leerlingen?aanvragen=1&pagina=" + past, commissie);
  EXPECT_EQ(beyond->status, 400);
  EXPECT_NE(json::parse(beyond->body)["fout"].get<std::string>().find("pagina " + past), std::string::npos) << beyond->body;
  EXPECT_EQ(region_->get("/api/leerlingen?aanvragen=1&pagina=0", commissie)->status, 400);
  EXPECT_EQ(region_->get("/api/leerlingen?aanvragen=1&pagina=een", commissie)->status, 400);
  EXPECT_EQ(audit_of(region_->db()).size(), logged);

  // Every page together is the whole list, each page at most 100 rows.
  const test::Login school = region_->login("school-a");
  const json vestiging1 = json::parse(region_->get("/api/leerlingen?vestiging=" + region_->vestiging_a, school)->body);
  size_t rows = 0;
  for (int64_t p = 1; p <= vestiging1["paginas"].get<int64_t>(); ++p) {
    const json page = json::parse(region_->get("/api/leerlingen?vestiging=" + region_->vestiging_a + "&pagina=" + std::to_string(p), school)->body);
    EXPECT_LE(page["rijen"].size(), 100u);
    rows += page["rijen"].size();
  }
  EXPECT_EQ(int64_t(rows), vestiging1["totaal"].get<int64_t>());
}

TEST_F(AuditTrailTest, TheLogboekFiltersByUserActionPupilAndDate) {
  const test::Login beheer = region_->login("beheer");
  const test::Login school = region_->login("school-a");
  ASSERT_EQ(region_->get("/api/leerlingen/" + region_->pupil_a, school)->status, 200);
  ASSERT_EQ(region_->get("/api/leerlingen/" + region_->pupil_b, school)->status, 403);
  const auto all = audit_of(region_->db());
  const std::string today = all.front().tijdstip.substr(0, 10);
  const auto get = [&](const std::string& query) {
    auto res = region_->get("/api/audit?" + query, beheer);
    EXPECT_EQ(res->status, 200) << query << ": " << res->body;
    return json::parse(res->body);
  };
  // Each filter against the same selection made from the whole log.
  const auto expected = [&](auto keep) {
    std::set<int64_t> ids;
    for (const AuditEntry& e : all)
      if (keep(e)) ids.insert(e.id);
    return ids;
  };
  EXPECT_EQ(ids_of(get("gebruiker=school-a")), expected([](const AuditEntry& e) { return e.gebruiker == "school-a"; }));
  EXPECT_EQ(ids_of(get("actie=geweigerd&gebruiker=school-a")),
            expected([](const AuditEntry& e) { return e.gebruiker == "school-a" && e.actie == "geweigerd"; }));
  EXPECT_FALSE(ids_of(get("actie=geweigerd&gebruiker=school-a")).empty());
  const auto about_a = get("leerling=" + region_->pupil_a + "&actie=lezen");
  ASSERT_FALSE(about_a.empty());
  for (const auto& e : about_a) EXPECT_EQ(e["leerling_id"], region_->pupil_a);
  EXPECT_EQ(ids_of(get("van=" + today + "&tot=" + today + "&actie=lezen&leerling=" + region_->pupil_a)), ids_of(about_a));
  EXPECT_TRUE(get("van=2999-01-01").empty());
  EXPECT_TRUE(get("tot=2000-01-01").empty());
  auto bad = region_->get("/api/audit?van=gisteren", beheer);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["fout"].get<std::string>().find("van 'gisteren'"), std::string::npos) << bad->body;

  // The CLI takes the same filters.
  auto cli = test::run_stroom({"audit", "--db", region_->db(), "--gebruiker", "school-a", "--actie", "geweigerd", "--van",
                               today, "--tot", today});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(csv_ids(cli.out), expected([](const AuditEntry& e) { return e.gebruiker == "school-a" && e.actie == "geweigerd"; }));
  auto wrong = test::run_stroom({"audit", "--db", region_->db(), "--tot", "31-02-2024"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("--tot '31-02-2024' is geen datum"), std::string::npos) << wrong.err;
}

TEST_F(AuditTrailTest, ARestoreKeepsTheEntriesWrittenAfterTheBackup) {
  const test::Login ouder = region_->login("ouder");
  ASSERT_EQ(region_->get("/api/leerlingen/" + region_->pupil_a, ouder)->status, 200);
  const std::string backup = (region_->dir() / "backup.db").string();
  auto made = test::run_stroom({"backup", "--db", region_->db(), "--to", backup});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  // Reads after the backup: a timeline, a page of a list, a refusal.
  const test::Login commissie = region_->login("commissie");
  ASSERT_EQ(region_->get("/api/leerlingen/" + region_->pupil_with_request, commissie)->status, 200);
  ASSERT_EQ(region_->get("/api/leerlingen?aanvragen=1&pagina=2", commissie)->status, 200);
  ASSERT_EQ(region_->get("/api/leerlingen/" + region_->pupil_a, commissie)->status, 403);
  const auto before = audit_of(region_->db());
  ASSERT_EQ(before[1].actie, "lezen-lijst");
  ASSERT_FALSE(before[1].leerlingen.empty());
  const std::string x = before[1].leerlingen.back();
  const auto entry_ids = [](const std::vector<AuditEntry>& entries) {
    std::set<int64_t> ids;
    for (const AuditEntry& e : entries) ids.insert(e.id);
    return ids;
  };
  const AuditFilter who_saw_x{x, "", 0, "lezen-lijst"};
  const auto saw_x_before = entry_ids(audit_of(region_->db(), who_saw_x));
  ASSERT_TRUE(saw_x_before.count(before[1].id));
  region_->kill_server();  // a restore is done with the server stopped (docs/operations.md)

  auto restored = test::run_stroom({"restore", "--from", backup, "--db", region_->db(), "--overschrijven"});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  const auto after = audit_of(region_->db());
  ASSERT_EQ(after.size(), before.size() + 1);
  const AuditEntry& restore = after.front();
  EXPECT_EQ(restore.actie, "hersteld");
  EXPECT_EQ(restore.bron, "stroom restore");
  EXPECT_GT(restore.id, before.front().id);
  // Every earlier entry is there as it was: id, time, user, pupils of a page.
  for (size_t i = 0; i < before.size(); ++i) {
    const AuditEntry& was = before[i];
    const AuditEntry& is = after[i + 1];
    EXPECT_EQ(std::tie(was.id, was.tijdstip, was.gebruiker, was.actie, was.leerling_id, was.bron, was.detail, was.leerlingen),
              std::tie(is.id, is.tijdstip, is.gebruiker, is.actie, is.leerling_id, is.bron, is.detail, is.leerlingen));
  }
  const int64_t newest_in_backup = Database(backup, Database::Open::existing).query_int("SELECT max(id) FROM audit").value_or(0);
  const auto carried = std::count_if(before.begin(), before.end(), [&](const AuditEntry& e) { return e.id > newest_in_backup; });
  EXPECT_GE(carried, 4);  // three reads and a login (the backup's own entry is in the backup)
  EXPECT_EQ(restore.detail, "uit " + backup + "; " + std::to_string(carried) + " auditregels van na de back-up overgenomen");
  // The page read after the backup still answers "who saw X".
  EXPECT_EQ(entry_ids(audit_of(region_->db(), who_saw_x)), saw_x_before);

  // A database whose log cannot be read is not replaced: its entries would be lost.
  const std::string damaged = (region_->dir() / "kapot.db").string();
  test::write_file(damaged, std::string(8192, 'x'));
  auto refused = test::run_stroom({"restore", "--from", backup, "--db", damaged, "--overschrijven"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("het auditlogboek van " + damaged + " is niet te lezen"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("mv " + damaged + " " + damaged + ".beschadigd"), std::string::npos) << refused.err;
  EXPECT_EQ(test::read_file(damaged), std::string(8192, 'x'));
  region_->start_server();
}

TEST(AuditTrail, AccountChangesAreEntriesWrittenInTheSameTransaction) {
  test::TempDir dir;
  const std::string db = (dir / "accounts.db").string();
  open_store(db);
  const std::string password = std::string(test::kTestPassword) + "\n";
  const std::vector<std::pair<std::vector<std::string>, std::string>> changes = {
      {{"user", "add", "anna", "--role", "analist", "--password-stdin"}, "gebruiker-toegevoegd"},
      {{"user", "disable", "anna"}, "gebruiker-geblokkeerd"},
      {{"user", "enable", "anna"}, "gebruiker-geactiveerd"},
      {{"user", "reset", "anna", "--password-stdin"}, "wachtwoord-gewijzigd"},
  };
  for (const auto& [args, actie] : changes) {
    std::vector<std::string> with_db = args;
    with_db.insert(with_db.end(), {"--db", db});
    auto run = test::run_stroom(with_db, password);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const AuditEntry last = audit_of(db).front();
    EXPECT_EQ(last.actie, actie);
    EXPECT_EQ(last.detail, "gebruiker anna");
    EXPECT_EQ(last.bron, "stroom user");
    EXPECT_EQ(last.gebruiker.substr(0, 4), "cli:");
  }
  // When the entry cannot be written, the change is not made either.
  {
    auto store = open_store(db);
    store->exec("CREATE TRIGGER geen_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'test: geen audit'); END");
  }
  const auto count_accounts = [&] { return open_store(db)->query_int("SELECT count(*) FROM gebruikers WHERE naam = 'bert'"); };
  auto add = test::run_stroom({"user", "add", "bert", "--role", "analist", "--password-stdin", "--db", db}, password);
  EXPECT_NE(add.exit_code, 0);
  EXPECT_EQ(count_accounts(), 0);
  auto disable = test::run_stroom({"user", "disable", "anna", "--db", db});
  EXPECT_NE(disable.exit_code, 0);
  EXPECT_EQ(open_store(db)->query_int("SELECT actief FROM gebruikers WHERE naam = 'anna'"), 1);
}

TEST(AuditTrail, StoreFilesAreForTheOwnerOnlyAndCommitsAreDurable) {
  test::TempDir dir;
  const mode_t old_umask = umask(022);  // the usual umask: SQLite alone would make the files 0644
  const auto db = dir / "eigen.db";
  {
    auto store = open_store(db);
    load_or_create_pseudonym_key(*store);
    EXPECT_EQ(store->query_int("PRAGMA synchronous"), 2) << "FULL: a commit is on disk when it returns";
    append_audit(*store, {{0, {}, "test", "beheerder", "lezen", "p1", "test", {}, {}}});
    for (const char* file : {"", "-wal", "-shm"}) {
      ASSERT_TRUE(fs::exists(db.string() + file)) << file;
      EXPECT_EQ(mode_of(db.string() + file), 0600u) << file;
    }
  }
  const auto backup = dir / "kopie.db";
  auto made = test::run_stroom({"backup", "--db", db.string(), "--to", backup.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(mode_of(backup), 0600u);
  EXPECT_EQ(mode_of(pseudonym_key_path(backup)), 0600u);
  const auto restored = dir / "terug.db";
  auto back = test::run_stroom({"restore", "--from", backup.string(), "--db", restored.string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(mode_of(restored), 0600u);
  {
    auto store = open_store(restored);
    append_audit(*store, {{0, {}, "test", "beheerder", "lezen", "p2", "test", {}, {}}});
    EXPECT_EQ(mode_of(restored.string() + "-wal"), 0600u);
    EXPECT_EQ(mode_of(restored.string() + "-shm"), 0600u);
  }
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(mode_of(entry.path()) & 077, 0u) << entry.path();
  umask(old_umask);
}

}  // namespace
}  // namespace stroom
