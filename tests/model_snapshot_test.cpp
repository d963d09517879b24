// LiveModel on its own: no reload for the server's own writes, a reload for another connection's
// commit, and a failed reload that keeps the old snapshot, is logged, and succeeds once the store
// is fixed.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server/model_snapshot.h"
#include "store/migrations.h"
#include "test_support.h"

namespace stroom {
namespace {

TEST(LiveModel, ReloadsForOtherWritersOnlyAndKeepsTheOldSnapshotWhenLoadingFails) {
  test::TempDir dir;
  const auto path = dir / "m.db";
  auto server_db = open_store(path);
  std::mutex mutex;
  ComputeSlots slots(2);
  std::vector<std::string> log;
  int warmed = 0;
  LiveModel live(path, *server_db, mutex, slots, [&](ModelSnapshot&) { ++warmed; }, [&](const std::string& line) { log.push_back(line); });
  const std::shared_ptr<ModelSnapshot> first = live.current();
  EXPECT_EQ(warmed, 1);
  EXPECT_FALSE(live.reload_if_changed());
  server_db->exec("INSERT INTO notities (grafiek, tekst, auteur, aangemaakt) VALUES ('g', 't', 'a', '2024-01-01')");
  EXPECT_FALSE(live.reload_if_changed());  // the server's own write

  auto other = open_store(path);  // as `stroom import` would, from another process
  other->exec("INSERT INTO imports VALUES (1, 'x.csv', 'inschrijvingen', '2024-01-01', 1, 1, 0, 0, 0)");
  other->exec("INSERT INTO inschrijvingen (leerling_id, vestiging_id, onderwijssoort, startdatum, rij_hash, import_id) "
              "VALUES ('p1', 'v1', 'bao', 'kapot', 0, 1)");
  EXPECT_FALSE(live.reload_if_changed());
  EXPECT_EQ(live.current(), first);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].find("herladen van " + path.string() + " mislukt"), std::string::npos) << log[0];

  other->exec("UPDATE inschrijvingen SET startdatum = '2023-08-01'");
  bool reloaded = false;
  for (int i = 0; i < 50 && !reloaded; ++i) {  // retried after a pause of a second
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    reloaded = live.reload_if_changed();
  }
  ASSERT_TRUE(reloaded);
  EXPECT_NE(live.current(), first);
  EXPECT_EQ(live.current()->region.enrolments.pupil_ids.size(), 1u);
  EXPECT_EQ(first->region.enrolments.pupil_ids.size(), 0u);  // a request still holding it reads the old model
  EXPECT_EQ(warmed, 2);
  EXPECT_NE(log.back().find("model opnieuw geladen"), std::string::npos) << log.back();
  EXPECT_FALSE(live.reload_if_changed());
}

}  // namespace
}  // namespace stroom
