// The server's view of the data: an immutable snapshot of the region model with what is derived
// from it (the /api/info answer, the answer cache), and LiveModel, which replaces the snapshot when
// the store changes while the server runs (an import, a retention run, later casework).
//
// - Noticing a change: every kPollInterval a background thread reads `PRAGMA data_version` on the
//   server's own connection. SQLite changes that number when *another* connection committed, and
//   not for the connection's own commits, so the server's writes (audit entries, notes, sessions,
//   all on that one connection) never trigger a reload; any other process's commit does (an
//   account change by `stroom user` too, which costs a needless but harmless reload).
// - Loading: load_region on a connection of its own inside one read transaction, so the model is
//   one consistent state of the store even while an import commits file by file. The old snapshot
//   keeps serving meanwhile.
// - Swapping: the new snapshot's cache is warmed first (the parameterless measures), then it
//   replaces the old one under a mutex. Requests hold a shared_ptr to the snapshot they started on,
//   so requests in flight finish on the old model, which is freed when the last one ends; new
//   requests see only the new model and its new cache, so no stale answer survives a swap.
// - A reload that fails (database locked past the busy timeout, damaged, gone) keeps the old
//   snapshot, is logged, and is retried with a growing pause (up to a minute).
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "model/region_model.h"
#include "server/answer_cache.h"
#include "store/database.h"

namespace stroom {

struct ModelSnapshot {
  ModelSnapshot(RegionModel model, AnswerCacheLimits limits, ComputeSlots& slots);
  const RegionModel region;
  const std::string info;  // GET /api/info, serialised once
  AnswerCache answers;
};

// Loads a snapshot from the store in one read transaction on a connection of its own.
std::shared_ptr<ModelSnapshot> load_snapshot(const std::filesystem::path& db, AnswerCacheLimits limits, ComputeSlots& slots);

class LiveModel {
 public:
  static constexpr std::chrono::milliseconds kPollInterval{1000};
  using Log = std::function<void(const std::string&)>;
  using Warm = std::function<void(ModelSnapshot&)>;

  // Loads the first snapshot (throws StoreError when it cannot). write_db is the server's own
  // connection, guarded by db_mutex; only its data_version is read. warm fills a new snapshot's
  // cache before it is served.
  LiveModel(const std::filesystem::path& path, Database& write_db, std::mutex& db_mutex, ComputeSlots& slots,
            Warm warm, Log log);
  ~LiveModel();
  LiveModel(const LiveModel&) = delete;
  LiveModel& operator=(const LiveModel&) = delete;

  std::shared_ptr<ModelSnapshot> current() const;
  // Looks once: when another connection committed since the last load, loads and swaps in a new
  // snapshot. True when it did.
  bool reload_if_changed();
  // The background thread that calls reload_if_changed every kPollInterval.
  void start_watching();
  void stop_watching();

 private:
  int64_t data_version();
  void watch(std::stop_token stop);

  const std::filesystem::path path_;
  Database& write_db_;
  std::mutex& db_mutex_;
  ComputeSlots& slots_;
  Warm warm_;
  Log log_;
  mutable std::mutex current_mutex_;
  std::shared_ptr<ModelSnapshot> current_;
  int64_t loaded_version_ = 0;  // data_version read just before the current snapshot was loaded
  std::chrono::steady_clock::time_point retry_at_{};  // after a failed reload
  std::chrono::seconds retry_pause_{1};
  std::mutex stop_mutex_;
  std::condition_variable_any stop_signal_;
  std::jthread watcher_;
};

}  // namespace stroom
