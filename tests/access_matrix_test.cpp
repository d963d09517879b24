// Who may use which endpoint: every role (and no session) against every API endpoint, with the
// status domain.md's roles imply; the audit trail of every personal-data read and every refused
// attempt at one; CSRF, login limiting and the end of sessions of disabled accounts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "measures/measure_registry.h"
#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"

namespace stroom {
namespace {

using nlohmann::json;

const std::vector<std::string> kUsers = {"", "beheer", "analist", "school-a", "school-b", "commissie", "ouder"};

struct Expectation {
  std::string method;
  std::string path;
  std::string body;
  std::vector<int> status;  // per kUsers entry
  bool personal = false;    // a 200 reads personal data and must be audited
};

class AccessMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(1500, 7);
    for (const std::string& user : kUsers) logins_[user] = user.empty() ? test::Login{} : region_->login(user);
  }
  static void TearDownTestSuite() { delete region_; }

  static httplib::Result call(const Expectation& e, const std::string& user) {
    return e.method == "GET" ? region_->get(e.path, logins_[user]) : region_->post(e.path, e.body, logins_[user]);
  }

  static std::vector<AuditEntry> audit() {
    auto db = open_store(region_->db());
    return read_audit(*db, {"", "", 0});
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
};

TEST_F(AccessMatrixTest, EveryRoleGetsExactlyWhatItMaySee) {
  const auto& r = *region_;
  const std::string search = json{{"bsn", r.pupil_bsn}, {"reden", "ouder belt over aanmelding"}}.dump();
  const std::string hypothesis =
      R"({"tekst":"vso groeit","voorspelling":{"maat":"leerlingen","groepen":{"onderwijssoort":"vso"},"richting":"stijgt"}})";
  const std::string evidence = R"({"soort":"document","bron":"DUO","url":"https://duo.nl/"})";
  //                              none beheer analist school-a school-b commissie ouder
  const std::vector<Expectation> matrix = {
      {"GET", "/api/info", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/measures", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/measures/leerlingen", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/measures/thuiszitters?at=2021-03-01", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/notities?grafiek=overzicht-leerlingen", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/grafieken", "", {401, 200, 200, 200, 200, 200, 403}},
      {"GET", "/api/gebeurtenissen", "", {401, 200, 200, 200, 200, 200, 403}},
      {"POST", "/api/notities", R"({"grafiek":"overzicht-leerlingen","tekst":"lezing"})", {401, 201, 201, 201, 201, 201, 403}},
      // Hypotheses: analist and beheerder write, every role that reads aggregates reads. The
      // beheerder's create comes first and is hypothesis 1.
      {"GET", "/api/hypothesen", "", {401, 200, 200, 200, 200, 200, 403}},
      {"POST", "/api/hypothesen", hypothesis, {401, 201, 201, 403, 403, 403, 403}},
      {"GET", "/api/hypothesen/1", "", {401, 200, 200, 200, 200, 200, 403}},
      {"POST", "/api/hypothesen/1/bewijs", evidence, {401, 201, 201, 403, 403, 403, 403}},
      {"POST", "/api/hypothesen/1/wijzig", R"({"status":"open"})", {401, 200, 200, 403, 403, 403, 403}},
      {"POST", "/api/hypothesen/999999/verwijder", "{}", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/sessie", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/leerlingen?vestiging=" + r.vestiging_a, "", {401, 200, 403, 200, 403, 403, 403}, true},
      {"GET", "/api/leerlingen?vestiging=" + r.vestiging_b, "", {401, 200, 403, 403, 200, 403, 403}, true},
      {"GET", "/api/leerlingen?aanvragen=1", "", {401, 200, 403, 403, 403, 200, 403}, true},
      {"GET", "/api/leerlingen", "", {401, 400, 403, 400, 400, 400, 403}, true},
      {"GET", "/api/vestigingen", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/contact", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/mijn-kind", "", {401, 403, 403, 403, 403, 403, 200}, true},
      {"GET", "/api/mijn-kind/inzage", "", {401, 403, 403, 403, 403, 403, 200}, true},
      {"GET", "/api/leerlingen/" + r.pupil_a, "", {401, 200, 403, 200, 403, 403, 200}, true},
      {"GET", "/api/leerlingen/" + r.pupil_b, "", {401, 200, 403, 403, 200, 403, 403}, true},
      {"GET", "/api/leerlingen/" + r.pupil_with_request, "", {401, 200, 403, 403, 403, 200, 403}, true},
      {"GET", "/api/leerlingen/bestaat-niet", "", {401, 404, 403, 403, 403, 403, 403}, true},
      {"POST", "/api/leerlingen/zoek", search, {401, 200, 403, 200, 404, 403, 403}, true},
      {"GET", "/api/audit", "", {401, 200, 403, 403, 403, 403, 403}, true},
      {"GET", "/api/audit?formaat=csv", "", {401, 200, 403, 403, 403, 403, 403}, true},
      {"GET", "/api/bestaat-niet", "", {401, 404, 404, 404, 404, 404, 404}},
      {"POST", "/api/info", "{}", {401, 404, 404, 404, 404, 404, 404}},
  };
  for (const auto& [user, login] : logins_) ASSERT_TRUE(user.empty() || !login.cookie.empty()) << user;
  std::multiset<std::pair<std::string, std::string>> personal_reads;  // (user, endpoint) answered 200
  std::multiset<std::pair<std::string, std::string>> refusals;        // (user, endpoint) answered 403
  for (const Expectation& e : matrix) {
    for (size_t u = 0; u < kUsers.size(); ++u) {
      auto res = call(e, kUsers[u]);
      ASSERT_TRUE(res) << e.path;
      const auto endpoint = std::pair(kUsers[u], e.method + " " + e.path.substr(0, e.path.find('?')));
      if (e.personal && res->status == 200) personal_reads.insert(endpoint);
      if (e.personal && res->status == 403) refusals.insert(endpoint);
      EXPECT_EQ(res->status, e.status[u]) << e.method << " " << e.path << " as '" << kUsers[u] << "': " << res->body;
      if (res->status >= 400) {
        EXPECT_TRUE(json::parse(res->body).contains("fout")) << res->body;
      }
    }
  }
  // Every personal-data answer above left at least one audit entry naming its user and endpoint,
  // and so did every refusal, whether the guard refused (the role) or the handler (the scope).
  std::multiset<std::pair<std::string, std::string>> audited, refused;
  for (const AuditEntry& e : audit()) {
    if (e.actie == "lezen" || e.actie == "lezen-lijst" || e.actie == "zoeken-bsn" || e.actie == "logboek-inzien" || e.actie == "inzage-logboek") audited.emplace(e.gebruiker, e.bron);
    if (e.actie == "geweigerd") refused.emplace(e.gebruiker, e.bron);
  }
  for (const auto& read : personal_reads)
    EXPECT_GE(audited.count(read), personal_reads.count(read)) << read.first << " " << read.second;
  ASSERT_GE(refusals.size(), 40u);  // the matrix above refuses analist, ouder and out-of-scope reads
  for (const auto& refusal : refusals)
    EXPECT_EQ(refused.count(refusal), refusals.count(refusal)) << refusal.first << " " << refusal.second;
  // The guard's refusal of a pupil's timeline names the pupil asked for.
  bool analist_named_pupil = false;
  for (const AuditEntry& e : audit())
    analist_named_pupil |= e.gebruiker == "analist" && e.actie == "geweigerd" && e.leerling_id == r.pupil_a;
  EXPECT_TRUE(analist_named_pupil);
}

TEST_F(AccessMatrixTest, EveryPersonalDataReadIsInTheAuditLog) {
  const auto& r = *region_;
  struct Read { std::string user, path, pupil; };
  const std::vector<Read> reads = {
      {"beheer", "/api/leerlingen/" + r.pupil_b, r.pupil_b},
      {"school-a", "/api/leerlingen/" + r.pupil_a, r.pupil_a},
      {"ouder", "/api/leerlingen/" + r.pupil_a, r.pupil_a},
      {"commissie", "/api/leerlingen/" + r.pupil_with_request, r.pupil_with_request},
  };
  for (const Read& read : reads) {
    const size_t before = audit().size();
    auto res = region_->get(read.path, logins_[read.user]);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << read.user << " " << read.path;
    EXPECT_EQ(json::parse(res->body)["leerling_id"], read.pupil);
    const auto entries = audit();
    ASSERT_EQ(entries.size(), before + 1) << read.user << " " << read.path;
    EXPECT_EQ(entries.front().gebruiker, read.user);
    EXPECT_EQ(entries.front().actie, "lezen");
    EXPECT_EQ(entries.front().leerling_id, read.pupil);
    EXPECT_EQ(entries.front().bron, "GET " + read.path);
    EXPECT_EQ(entries.front().adres, "127.0.0.1");
  }
  // A page of a vestiging's pupils is one entry that keeps every pupil on it.
  const size_t before = audit().size();
  auto list = region_->get("/api/leerlingen?vestiging=" + r.vestiging_a, logins_["school-a"]);
  ASSERT_EQ(list->status, 200);
  std::set<std::string> listed;
  const json page = json::parse(list->body);
  for (const auto& row : page["rijen"]) listed.insert(row["leerling_id"].get<std::string>());
  const auto entries = audit();
  ASSERT_EQ(entries.size(), before + 1);
  EXPECT_EQ(entries.front().gebruiker, "school-a");
  EXPECT_EQ(entries.front().actie, "lezen-lijst");
  EXPECT_EQ(entries.front().bron, "GET /api/leerlingen");
  EXPECT_EQ(std::set<std::string>(entries.front().leerlingen.begin(), entries.front().leerlingen.end()), listed);
  EXPECT_FALSE(listed.empty());
}

TEST_F(AccessMatrixTest, BsnSearchNeedsAReasonAndNeverStoresTheBsn) {
  const auto& r = *region_;
  auto found = region_->post("/api/leerlingen/zoek", json{{"bsn", r.pupil_bsn}, {"reden", "dossier opvragen"}}.dump(), logins_["beheer"]);
  ASSERT_EQ(found->status, 200) << found->body;
  EXPECT_EQ(json::parse(found->body)["leerling_id"], r.pupil_bsn_id);
  EXPECT_EQ(region_->post("/api/leerlingen/zoek", json{{"bsn", r.pupil_bsn}}.dump(), logins_["beheer"])->status, 400);
  EXPECT_EQ(region_->post("/api/leerlingen/zoek", json{{"bsn", "123456789"}, {"reden", "x"}}.dump(), logins_["beheer"])->status, 400);
  const auto entries = audit();
  EXPECT_EQ(entries.front().actie, "zoeken-bsn");  // the refused ones above are not searches
  EXPECT_EQ(entries.front().detail, "reden: dossier opvragen");
  EXPECT_EQ(entries.front().leerling_id, r.pupil_bsn_id);
  EXPECT_EQ(test::read_file(r.db()).find(r.pupil_bsn), std::string::npos);
  EXPECT_EQ(test::read_file(r.db() + "-wal").find(r.pupil_bsn), std::string::npos);
}

TEST_F(AccessMatrixTest, AnalistGetsOnlySuppressedCounts) {
  int suppressed = 0;
  for (const auto& m : measure_registry()) {
    const std::string path = "/api/measures/" + std::string(m.id) + test::measure_query(m.id, {{"at", "2021-03-01"}, {"ijkjaar", "2019"}});
    const json full = json::parse(region_->get(path, logins_["beheer"])->body);
    const json published = json::parse(region_->get(path, logins_["analist"])->body);
    EXPECT_TRUE(published["onderdrukt"].get<bool>());
    // A published row is the beheerder's row with the same labels, or, in a breakdown, the merged
    // `overig` row: then its count is the sum of the beheerder's rows the analist does not get.
    auto labels_of = [&](const json& row) {
      json labels = json::object();
      for (const auto& [column, value] : row.items())
        if (value.is_string() && value != "<5") labels[column] = value;
      return labels;
    };
    // A label derived from a suppressed count (verwachting's oordeel) is emptied when published:
    // the published row's labels are those of the beheerder's row, less such a label.
    auto same_labels = [&](const json& full_row, const json& published_row) {
      const json labels = labels_of(full_row), kept = labels_of(published_row);
      for (const auto& [column, value] : labels.items())
        if (kept.contains(column) ? kept[column] != value : !published_row[column].is_null()) return false;
      return kept.size() <= labels.size() && std::ranges::all_of(kept.items(), [&](const auto& item) { return labels.contains(item.key()); });
    };
    std::vector<bool> matched(full["rijen"].size(), false);
    std::vector<size_t> unmatched_published;
    std::map<size_t, size_t> full_row_of;  // published row -> the beheerder's row
    for (size_t p = 0; p < published["rijen"].size(); ++p) {
      for (size_t i = 0; i < full["rijen"].size() && !full_row_of.count(p); ++i)
        if (!matched[i] && same_labels(full["rijen"][i], published["rijen"][p])) matched[i] = true, full_row_of[p] = i;
      if (!full_row_of.count(p)) unmatched_published.push_back(p);
    }
    // A published row without its beheerder's row is a merged `overig` row (one small row merged
    // keeps the row count, so the count alone does not tell).
    for (size_t p : unmatched_published) {
      const auto& row = published["rijen"][p];
      EXPECT_TRUE(std::ranges::any_of(row.items(), [](const auto& item) { return item.value() == "overig"; })) << m.id << " " << row;
    }
    for (size_t p = 0; p < published["rijen"].size(); ++p)
      for (const auto& [column, value] : published["rijen"][p].items()) {
        if (value.is_number_integer()) {
          EXPECT_FALSE(value.get<int64_t>() >= 1 && value.get<int64_t>() <= 4) << m.id;
        }
        if (value != "<5") continue;
        ++suppressed;
        int64_t original = 0;
        if (full_row_of.count(p)) {
          const json& cell = full["rijen"][full_row_of[p]][column];
          original = cell.is_number_integer() ? cell.get<int64_t>() : 0;
        } else {
          EXPECT_EQ(unmatched_published.size(), 1u) << m.id;  // one merged row per breakdown and date
          for (size_t i = 0; i < full["rijen"].size(); ++i)
            if (!matched[i]) original += full["rijen"][i][column].get<int64_t>();
        }
        EXPECT_TRUE(original >= 1 && original <= 4) << m.id << " rij " << p << " " << column;
      }
  }
  EXPECT_GT(suppressed, 0) << "a 1500-pupil region has small cells; suppression was never exercised";
}

TEST_F(AccessMatrixTest, StateChangingRequestsNeedTheCsrfTokenAndTheSameOrigin) {
  const std::string note = R"({"grafiek":"overzicht-leerlingen","tekst":"t"})";
  EXPECT_EQ(region_->post("/api/notities", note, logins_["analist"], /*send_csrf=*/false)->status, 403);
  test::Login wrong = logins_["analist"];
  wrong.csrf = logins_["beheer"].csrf;
  EXPECT_EQ(region_->post("/api/notities", note, wrong)->status, 403);
  httplib::Client client("127.0.0.1", region_->port());
  const httplib::Headers other_site = {{"Cookie", logins_["analist"].cookie}, {"X-CSRF-Token", logins_["analist"].csrf},
                                       {"Origin", "https://elders.example"}};
  EXPECT_EQ(client.Post("/api/notities", other_site, note, "application/json")->status, 403);
  const std::string hypothesis =
      R"({"tekst":"t","voorspelling":{"maat":"leerlingen","groepen":{"onderwijssoort":"vso"},"richting":"stijgt"}})";
  EXPECT_EQ(region_->post("/api/hypothesen", hypothesis, logins_["analist"], /*send_csrf=*/false)->status, 403);
  EXPECT_EQ(client.Post("/api/hypothesen", other_site, hypothesis, "application/json")->status, 403);
  // Login takes JSON only, so a plain HTML form on another site cannot log a browser in.
  auto form = client.Post("/api/login", "gebruiker=beheer&wachtwoord=x", "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 415);
}

TEST_F(AccessMatrixTest, SessionCookieIsHttpOnlyStrictAndExpiring) {
  httplib::Client client("127.0.0.1", region_->port());
  auto res = client.Post("/api/login", json{{"gebruiker", "analist"}, {"wachtwoord", test::kTestPassword}}.dump(), "application/json");
  ASSERT_EQ(res->status, 200);
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Max-Age=28800"), std::string::npos) << cookie;
  EXPECT_EQ(json::parse(res->body)["rol"], "analist");
  EXPECT_EQ(json::parse(res->body).count("wachtwoord"), 0u);
}

TEST_F(AccessMatrixTest, StoredPasswordHashesAreArgon2id) {
  auto db = open_store(region_->db());
  Statement hashes = db->prepare("SELECT naam, wachtwoord_hash FROM gebruikers");
  int accounts = 0;
  while (hashes.step()) {
    ++accounts;
    EXPECT_EQ(hashes.column_text(1).substr(0, 10), "$argon2id$") << hashes.column_text(0);
    EXPECT_EQ(hashes.column_text(1).find(test::kTestPassword), std::string::npos);
  }
  EXPECT_EQ(accounts, 6);
}

TEST_F(AccessMatrixTest, LogoutEndsTheSession) {
  const test::Login session = region_->login("commissie");
  ASSERT_EQ(region_->get("/api/sessie", session)->status, 200);
  ASSERT_EQ(region_->post("/api/logout", "{}", session)->status, 200);
  const AuditEntry logout = audit().front();
  EXPECT_EQ(logout.actie, "uitloggen");
  EXPECT_EQ(logout.gebruiker, "commissie");
  EXPECT_EQ(logout.bron, "POST /api/logout");
  EXPECT_EQ(logout.adres, "127.0.0.1");
  EXPECT_EQ(region_->get("/api/sessie", session)->status, 401);
  EXPECT_EQ(region_->get("/api/info", session)->status, 401);
}

TEST_F(AccessMatrixTest, AuditLogIsAppendOnly) {
  auto db = open_store(region_->db());
  EXPECT_THROW(db->exec("DELETE FROM audit"), StoreError);
  EXPECT_THROW(db->exec("UPDATE audit SET gebruiker = 'niemand'"), StoreError);
  EXPECT_GT(audit().size(), 0u);
}

// ctest runs every case in its own process with its own region, so disabling an account and
// filling the login limiter here does not reach the other cases.
TEST_F(AccessMatrixTest, DisabledAccountsLoseTheirSessionAndGuessingIsLimited) {
  const test::Login school_b = region_->login("school-b");
  ASSERT_EQ(region_->get("/api/info", school_b)->status, 200);
  const auto disabled = test::run_stroom({"user", "disable", "school-b", "--db", region_->db()});
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  std::this_thread::sleep_for(std::chrono::seconds(6));  // sessions recheck their account every 5 s
  EXPECT_EQ(region_->get("/api/info", school_b)->status, 401);
  EXPECT_EQ(region_->login("school-b").cookie, "");

  httplib::Client client("127.0.0.1", region_->port());
  std::vector<int> statuses;
  for (int attempt = 0; attempt < 15; ++attempt) {
    auto res = client.Post("/api/login", json{{"gebruiker", "analist"}, {"wachtwoord", "geraden-" + std::to_string(attempt)}}.dump(),
                           "application/json");
    statuses.push_back(res->status);
    if (res->status == 429) {
      EXPECT_FALSE(res->get_header_value("Retry-After").empty());
    }
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.begin() + 5, 401), 5);
  EXPECT_EQ(std::count(statuses.begin() + 5, statuses.end(), 429), 10);
  // Limited means limited: now even the right password waits.
  auto right = client.Post("/api/login", json{{"gebruiker", "analist"}, {"wachtwoord", test::kTestPassword}}.dump(), "application/json");
  EXPECT_EQ(right->status, 429);
  int failures_logged = 0;
  for (const AuditEntry& e : audit()) failures_logged += e.gebruiker == "analist" && e.actie == "inloggen-mislukt";
  EXPECT_EQ(failures_logged, 5);
}

}  // namespace
}  // namespace stroom
