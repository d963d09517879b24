// A running `stroom serve` follows the store: an import by another process shows in the API's
// answers within 10 s while a client keeps asking (every answer 200 during the swap), and sessions
// survive a restart of the server.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "served_region.h"

namespace stroom {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

TEST(ServeFollowsStore, AnImportShowsWithinTenSecondsWithoutAFailedRequest) {
  // Under the sanitizers a reload of even this small region takes longer than the client's 5 s
  // read timeout allows; the behaviour is checked in the normal build.
  if (test::quick_mode()) GTEST_SKIP() << "STROOM_QUICK: timing-bound reload test runs in the normal build";
  test::ServedRegion region(800, 11);  // school years 2018 to 2022
  const test::Login analist = region.login("analist");
  ASSERT_FALSE(analist.cookie.empty());
  const json info_before = json::parse(region.get("/api/info", analist)->body);
  const json measure_before = json::parse(region.get("/api/measures/leerlingen", analist)->body);
  // The same region a year further on, generated beside it and imported while the server runs.
  const std::string later = (region.dir() / "later").string();
  ASSERT_EQ(test::run_stroom({"generate", "--out", later, "--pupils", "800", "--from", "2018", "--to", "2023", "--seed", "11"})
                .exit_code, 0);

  std::atomic<bool> stop = false;
  std::atomic<int> answered = 0;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::thread hammer([&] {
    const std::vector<std::string> paths = {"/api/info", "/api/measures/leerlingen", "/api/measures/thuiszitters?at=2021-03-01"};
    for (size_t i = 0; !stop && i < 30000; ++i) {
      const auto res = region.get(paths[i % paths.size()], analist);
      ++answered;
      if (!res || res->status != 200) {
        std::lock_guard lock(mutex);
        failures.push_back(paths[i % paths.size()] + ": " + (res ? std::to_string(res->status) + " " + res->body : "geen antwoord"));
      }
    }
  });
  const test::RunResult imported = test::run_stroom({"import", later, "--db", region.db()});
  EXPECT_TRUE(imported.exit_code == 0 || imported.exit_code == 3) << imported.err;
  const auto done = Clock::now();
  json info_after;
  while (Clock::now() - done < std::chrono::seconds(15)) {
    info_after = json::parse(region.get("/api/info", analist)->body);
    if (info_after["datum_data"] != info_before["datum_data"]) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto seen = Clock::now() - done;
  stop = true;
  hammer.join();

  ASSERT_NE(info_after["datum_data"], info_before["datum_data"]) << info_after.dump();
  EXPECT_LT(seen, std::chrono::seconds(10));
  EXPECT_GT(info_after["teldata"].size(), info_before["teldata"].size());
  // Cached answers went with the old snapshot: the warmed measure answers from the new data.
  const json measure_after = json::parse(region.get("/api/measures/leerlingen", analist)->body);
  EXPECT_EQ(measure_after["datum_data"], info_after["datum_data"]);
  EXPECT_NE(measure_after["rijen"], measure_before["rijen"]);
  EXPECT_GT(answered.load(), 0);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  EXPECT_NE(test::read_file(region.dir() / "serve.err").find("model opnieuw geladen"), std::string::npos);
}

TEST(ServeFollowsStore, SessionsSurviveARestart) {
  test::ServedRegion region(800, 11);
  const test::Login beheer = region.login("beheer");
  ASSERT_EQ(region.get("/api/sessie", beheer)->status, 200);
  region.kill_server();
  region.start_server();
  EXPECT_EQ(region.get("/api/sessie", beheer)->status, 200);
  // The CSRF token from before the restart still goes with the cookie.
  EXPECT_EQ(region.post("/api/notities", json{{"grafiek", "thuiszitters-trend"}, {"tekst", "na de herstart"}}.dump(), beheer)->status, 201);
  ASSERT_EQ(region.post("/api/logout", "{}", beheer)->status, 200);
  region.kill_server();
  region.start_server();
  EXPECT_EQ(region.get("/api/sessie", beheer)->status, 401);
}

}  // namespace
}  // namespace stroom
