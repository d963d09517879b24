// Nothing committed is lost when the server dies: the server is killed with SIGKILL while clients
// write notes and read pupils; every note the server acknowledged (201) is in the database
// afterwards, every pupil read it answered (200) is in the audit log, and the database is intact
// and serves again.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

using nlohmann::json;

TEST(Durability, SigkillDuringWritesLosesNoAcknowledgedNoteOrAuditEntry) {
  test::ServedRegion region(800, 11);
  const test::Login writer = region.login("beheer");
  ASSERT_FALSE(writer.cookie.empty());
  std::mutex mutex;
  std::map<int64_t, std::string> acknowledged;  // note id -> text
  std::atomic<int> reads_answered = 0;
  std::atomic<bool> stop = false;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t)
    clients.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        const std::string text = "notitie " + std::to_string(t) + "-" + std::to_string(i);
        auto res = region.post("/api/notities", json{{"grafiek", "stromen-matrix"}, {"tekst", text}}.dump(), writer);
        if (res && res->status == 201) {
          std::lock_guard lock(mutex);
          acknowledged[json::parse(res->body)["id"].get<int64_t>()] = text;
        }
        auto read = region.get("/api/leerlingen/" + region.pupil_a, writer);
        if (read && read->status == 200) ++reads_answered;
      }
    });
  while (true) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 200) break;
  }
  region.kill_server();  // mid-write: the clients are still sending
  stop = true;
  for (auto& client : clients) client.join();

  auto db = open_store(region.db());
  EXPECT_EQ(db->query_int("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
  std::map<int64_t, std::string> stored;
  for (const Note& note : notes_for_chart(*db, "stromen-matrix")) stored[note.id] = note.tekst;
  for (const auto& [id, text] : acknowledged) {
    ASSERT_TRUE(stored.count(id)) << "acknowledged note " << id << " was lost";
    EXPECT_EQ(stored[id], text);
  }
  int audited_reads = 0;
  for (const AuditEntry& e : read_audit(*db, {region.pupil_a, "beheer", 0})) audited_reads += e.actie == "lezen";
  EXPECT_GE(audited_reads, reads_answered.load());
  EXPECT_GT(reads_answered.load(), 0);

  region.start_server();
  const test::Login again = region.login("beheer");
  auto listed = region.get("/api/notities?grafiek=stromen-matrix", again);
  ASSERT_EQ(listed->status, 200);
  EXPECT_EQ(json::parse(listed->body).size(), stored.size());
}

}  // namespace
}  // namespace stroom
