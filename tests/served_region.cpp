// The served test region; see served_region.h.
#include "served_region.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "ingest/bsn.h"
#include "store/migrations.h"
#include "store/pseudonym_key.h"

namespace stroom::test {
namespace {

std::string text_query(Database& db, const std::string& sql, const std::vector<std::string>& parameters) {
  Statement query = db.prepare(sql);
  for (size_t i = 0; i < parameters.size(); ++i) query.bind_text(int(i + 1), parameters[i]);
  return query.step() ? std::string(query.column_text(0)) : std::string();
}

}  // namespace

ServedRegion::ServedRegion(int pupils, int seed) : db_((dir_ / "region.db").string()) {
  const std::string csv = (dir_ / "csv").string();
  EXPECT_EQ(run_stroom({"generate", "--out", csv, "--pupils", std::to_string(pupils), "--from", "2018", "--to", "2022",
                        "--seed", std::to_string(seed)}).exit_code, 0);
  const int imported = run_stroom({"import", csv, "--db", db_}).exit_code;
  EXPECT_TRUE(imported == 0 || imported == 3) << imported;  // 3: rows rejected, as dirty data may be
  pick_pupils();
  add_accounts();
  start_server();
}

ServedRegion::~ServedRegion() { kill_server(); }

// The pupils are chosen so that every role's answer is clear-cut: pupil_a (a valid BSN, so the
// BSN search finds them) and pupil_b have no support request and never shared a vestiging;
// pupil_with_request was never at either vestiging.
void ServedRegion::pick_pupils() {
  auto db = open_store(db_);
  BsnPseudonymiser pseudonymise(load_or_create_pseudonym_key(*db));
  const std::string no_request = " AND leerling_id NOT IN (SELECT leerling_id FROM ondersteuning)";
  std::istringstream rows(read_file(dir_ / "csv" / "inschrijvingen.csv"));
  std::string line;
  std::getline(rows, line);
  while (pupil_a.empty() && std::getline(rows, line)) {
    const std::string id = line.substr(0, line.find(';'));
    if (!looks_like_bsn(id) || !passes_elfproef(id)) continue;
    vestiging_a = text_query(*db, "SELECT vestiging_id FROM inschrijvingen WHERE leerling_id = ?" + no_request, {pseudonymise(id)});
    if (!vestiging_a.empty()) pupil_a = pupil_bsn_id = pseudonymise(id), pupil_bsn = id;
  }
  const std::string never_at = "leerling_id NOT IN (SELECT leerling_id FROM inschrijvingen WHERE vestiging_id IN (?1, ?2))";
  vestiging_b = text_query(*db,
      "SELECT vestiging_id FROM inschrijvingen WHERE vestiging_id NOT IN "
      "(SELECT vestiging_id FROM inschrijvingen WHERE leerling_id = ?1) GROUP BY vestiging_id ORDER BY count(*) DESC", {pupil_a});
  pupil_b = text_query(*db,
      "SELECT leerling_id FROM inschrijvingen WHERE vestiging_id = ?2 AND leerling_id NOT IN "
      "(SELECT leerling_id FROM inschrijvingen WHERE vestiging_id = ?1)" + no_request, {vestiging_a, vestiging_b});
  pupil_with_request = text_query(*db, "SELECT leerling_id FROM ondersteuning WHERE " + never_at, {vestiging_a, vestiging_b});
  ASSERT_FALSE(pupil_a.empty() || vestiging_b.empty() || pupil_b.empty() || pupil_with_request.empty());
}

void ServedRegion::add_accounts() {
  const std::vector<std::vector<std::string>> accounts = {
      {"beheer", "--role", "beheerder"},
      {"analist", "--role", "analist"},
      {"school-a", "--role", "school", "--vestiging", vestiging_a},
      {"school-b", "--role", "school", "--vestiging", vestiging_b},
      {"commissie", "--role", "commissie"},
      {"ouder", "--role", "ouder", "--leerling", pupil_bsn},  // a BSN is pseudonymised on the way in
  };
  for (const auto& account : accounts) {
    std::vector<std::string> args = {"user", "add"};
    args.insert(args.end(), account.begin(), account.end());
    args.insert(args.end(), {"--db", db_, "--password-stdin"});
    const RunResult added = run_stroom(args, std::string(kTestPassword) + "\n");
    EXPECT_EQ(added.exit_code, 0) << added.err;
  }
}

void ServedRegion::start_server() {
  const auto out = dir_ / ("serve-" + std::to_string(++server_runs_) + ".out");
  pid_ = start_stroom({"serve", "--db", db_, "--port", "0"}, out, dir_ / "serve.err");
  port_ = 0;
  for (int i = 0; i < 600 && port_ == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::string text = read_file(out);
    const auto at = text.find("127.0.0.1:");
    if (at != std::string::npos) port_ = std::stoi(text.substr(at + 10));
  }
  ASSERT_GT(port_, 0) << read_file(dir_ / "serve.err");
}

void ServedRegion::kill_server() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

Login ServedRegion::login(const std::string& naam, const std::string& wachtwoord) const {
  httplib::Client client("127.0.0.1", port_);
  const nlohmann::json body = {{"gebruiker", naam}, {"wachtwoord", wachtwoord}};
  auto res = client.Post("/api/login", body.dump(), "application/json");
  if (!res || res->status != 200) return {};
  const std::string cookie = res->get_header_value("Set-Cookie");
  return {cookie.substr(0, cookie.find(';')), nlohmann::json::parse(res->body)["csrf"]};
}

httplib::Result ServedRegion::get(const std::string& path, const Login& who) const {
  httplib::Client client("127.0.0.1", port_);
  httplib::Headers headers;
  if (!who.cookie.empty()) headers.emplace("Cookie", who.cookie);
  return client.Get(path, headers);
}

httplib::Result ServedRegion::post(const std::string& path, const std::string& body, const Login& who, bool send_csrf) const {
  httplib::Client client("127.0.0.1", port_);
  httplib::Headers headers;
  if (!who.cookie.empty()) headers.emplace("Cookie", who.cookie);
  if (send_csrf && !who.csrf.empty()) headers.emplace("X-CSRF-Token", who.csrf);
  return client.Post(path, headers, body, "application/json");
}

}  // namespace stroom::test
