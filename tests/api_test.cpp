// The HTTP API of `stroom serve`, through a real server process on a free port: every measure,
// bad parameters (400, Dutch), unknown measures and paths (404), notes, security headers, and
// shutdown on SIGTERM.
#include <gtest/gtest.h>

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "measures/measure_registry.h"
#include "reference_measures.h"
#include "served_region.h"
#include "test_support.h"

namespace stroom {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  // One served region for the suite, read as the beheerder (who sees unsuppressed counts, so the
  // answers equal the CLI's); access per role is tests/access_matrix_test.cpp's subject.
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(1500, 4);
    db_ = region_->db();
    admin_ = region_->login("beheer");
    ASSERT_FALSE(admin_.cookie.empty());
  }

  static void TearDownTestSuite() { delete region_; }

  static httplib::Result get(const std::string& path) { return region_->get(path, admin_); }
  static httplib::Result post(const std::string& path, const std::string& body) { return region_->post(path, body, admin_); }

  static json measure_cli_json(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"measure"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--db", db_, "--format", "json"});
    return json::parse(test::run_stroom(all).out);
  }

  // The data date: the latest startdatum or einddatum of the imported inschrijvingen.
  static std::string latest_date() {
    std::string latest;
    for (const auto& spell : test::read_reference_spells(db_)) latest = std::max({latest, spell.start, spell.end});
    return latest;
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::string db_;
  static inline test::Login admin_;
};

TEST_F(ApiTest, ListsEveryMeasureOfTheRegistry) {
  auto res = get("/api/measures");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json list = json::parse(res->body);
  ASSERT_EQ(list.size(), measure_registry().size());
  for (size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i]["id"], measure_registry()[i].id);
    EXPECT_EQ(list[i]["definitie"], measure_registry()[i].definitie);
    EXPECT_FALSE(list[i]["naam"].get<std::string>().empty());
    EXPECT_FALSE(list[i]["eenheid"].get<std::string>().empty());
  }
}

TEST_F(ApiTest, EveryMeasureAnswersWithTheRowsTheCliPrints) {
  for (const auto& m : measure_registry()) {
    SCOPED_TRACE(std::string(m.id));
    const std::map<std::string, std::string> values = {{"at", "2021-03-01"}, {"ijkjaar", "2019"}};
    const std::string query = test::measure_query(m.id, values);
    std::vector<std::string> args = test::measure_arguments(m.id, values);
    args.insert(args.begin(), std::string(m.id));
    auto res = get("/api/measures/" + std::string(m.id) + query);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json body = json::parse(res->body);
    EXPECT_EQ(body["id"], m.id);
    EXPECT_EQ(body["naam"], m.naam);
    EXPECT_EQ(body["definitie"], m.definitie);
    EXPECT_EQ(body["bron"], m.bronnen);
    EXPECT_EQ(body["datum_data"], latest_date());
    EXPECT_EQ(body["rijen"], measure_cli_json(args));
    for (const auto& row : body["rijen"])
      if (row.contains("waarde")) {
        EXPECT_TRUE(row["waarde"].is_number() || row["waarde"].is_null()) << row;
      }
  }
}

TEST_F(ApiTest, BadParametersGive400WithADutchMessage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/measures/thuiszitters?at=2023-13-01", "at '2023-13-01' is geen datum (verwacht JJJJ-MM-DD)"},
      {"/api/measures/thuiszitters", "maat thuiszitters vraagt at"},
      {"/api/measures/ontwikkeling?ijkjaar=twintig", "ijkjaar 'twintig' is geen jaartal (verwacht JJJJ)"},
      {"/api/measures/kosten?schooljaar=2020-2022", "schooljaar '2020-2022' is geen schooljaar (verwacht JJJJ-JJJJ)"},
      {"/api/measures/leerlingen?datum=2020-10-01", "maat leerlingen kent geen parameter datum (wel: at)"},
      {"/api/measures/leerlingen?peildatum=2020-10-01", "maat leerlingen kent geen parameter peildatum (wel: at)"},
      {"/api/measures/stromen?at=2020-10-01", "maat stromen kent geen parameter at (deze maat neemt geen parameters)"},
      {"/api/measures/leerlingen?at=2020-10-01&at=2020-11-01", "parameter at is meer dan eens gegeven"},
  };
  for (const auto& [path, message] : cases) {
    auto res = get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_EQ(json::parse(res->body)["fout"], message) << path;
  }
}

TEST_F(ApiTest, UnknownMeasureAndPathGive404) {
  auto res = get("/api/measures/bestaat_niet");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["fout"], "onbekende maat 'bestaat_niet'; GET /api/measures geeft de lijst");
  auto other = get("/api/iets");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  EXPECT_EQ(json::parse(other->body)["fout"], "onbekend adres");
}

TEST_F(ApiTest, ChangingTheDateChangesTheNumbers) {
  const json early = json::parse(get("/api/measures/leerlingen?at=2018-10-01")->body)["rijen"];
  const json late = json::parse(get("/api/measures/leerlingen?at=2022-10-01")->body)["rijen"];
  ASSERT_EQ(early.size(), 8u);
  EXPECT_EQ(early[0]["datum"], "2018-10-01");
  EXPECT_NE(early[7]["waarde"], late[7]["waarde"]);
}

TEST_F(ApiTest, NotesAreStoredValidatedAndListedPerChart) {
  // The author comes from the session: an "auteur" in the body is ignored.
  auto created = post("/api/notities", R"({"grafiek":"overzicht-leerlingen","van":"1-10-2020","tot":"2022-10-01",)"
                                       R"("tekst":"Nieuwe voorziening geopend","auteur":"Iemand anders"})");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
  const json note = json::parse(created->body);
  EXPECT_EQ(note["van"], "2020-10-01");
  EXPECT_EQ(note["auteur"], "beheer");
  EXPECT_EQ(note["rol"], "beheerder");
  EXPECT_EQ(note["aangemaakt"].get<std::string>().size(), 20u);
  const json listed = json::parse(get("/api/notities?grafiek=overzicht-leerlingen")->body);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0], note);
  EXPECT_EQ(json::parse(get("/api/notities?grafiek=iets-anders")->body).size(), 0u);

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"geen json", "verwacht een JSON-object met grafiek, van, tot en tekst"},
      {R"({"grafiek":"overzicht-leerlingen"})", "veld 'tekst' ontbreekt"},
      {R"({"grafiek":5,"tekst":"t"})", "veld 'grafiek' moet tekst zijn"},
      {R"({"grafiek":"overzicht-leerlingen","tekst":"t","van":"2022-01-01","tot":"2021-01-01"})",
       "'tot' ligt voor 'van'; kies een einddatum op of na de begindatum"},
      {R"({"grafiek":"overzicht-leerlingen","tekst":""})", "veld 'tekst' is leeg; schrijf wat u bij deze periode weet"},
  };
  for (const auto& [body, message] : bad) {
    auto res = post("/api/notities", body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body;
    EXPECT_EQ(json::parse(res->body)["fout"], message) << body;
  }
  auto missing = get("/api/notities");
  EXPECT_EQ(missing->status, 400);
}

TEST_F(ApiTest, EveryAnswerCarriesTheSecurityHeaders) {
  httplib::Client anonymous("127.0.0.1", region_->port());
  std::vector<httplib::Result> answers;
  for (const char* path : {"/api/info", "/api/bestaat-niet", "/api/audit"}) answers.push_back(get(path));
  answers.push_back(anonymous.Get("/api/info"));
  for (const auto& res : answers) {
    ASSERT_TRUE(res);
    const std::string policy = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("unsafe"), std::string::npos) << policy;  // neither eval nor inline code
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  }
  EXPECT_EQ(get("/api/audit")->get_header_value("Cache-Control"), "no-store");
}

TEST_F(ApiTest, OversizedRequestsAreRefusedWithoutInternals) {
  auto big = post("/api/notities", std::string(100 * 1024, 'x'));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  httplib::Client client("127.0.0.1", region_->port());
  auto long_header = client.Get("/api/info", {{"Cookie", admin_.cookie}, {"X-Vulling", std::string(20 * 1024, 'y')}});
  ASSERT_TRUE(long_header);
  EXPECT_EQ(long_header->status, 400);
  for (auto* res : {&big, &long_header}) EXPECT_EQ((**res).body.find("httplib"), std::string::npos);
}

TEST(ServeProcess, StopsCleanlyOnSigterm) {
  test::TempDir dir;
  test::write_file(dir / "inschrijvingen.csv", "leerling_id;vestiging_id;onderwijssoort;startdatum\nA;01;bao;2020-08-01\n");
  const std::string db = (dir / "s.db").string();
  ASSERT_EQ(test::run_stroom({"import", (dir / "inschrijvingen.csv").string(), "--db", db}).exit_code, 0);
  pid_t pid = test::start_stroom({"serve", "--db", db, "--port", "0"}, dir / "out", dir / "err");
  for (int i = 0; i < 200 && test::read_file(dir / "out").find("draait op") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(test::read_file(dir / "out").find("stroom gestopt"), std::string::npos);
  auto missing = test::run_stroom({"serve", "--db", (dir / "bestaat-niet.db").string()});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace stroom
