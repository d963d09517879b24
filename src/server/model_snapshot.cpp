// Model snapshots and their replacement; see model_snapshot.h.
#include "server/model_snapshot.h"

#include <algorithm>

#include <fmt/format.h>

#include "server/measure_api.h"
#include "store/model_loader.h"

namespace stroom {
namespace {

constexpr std::chrono::seconds kMaxRetryPause{60};

}  // namespace

ModelSnapshot::ModelSnapshot(RegionModel model, AnswerCacheLimits limits, ComputeSlots& slots)
    : region(std::move(model)), info(info_response(region).body.dump()), answers(limits, slots) {}

std::shared_ptr<ModelSnapshot> load_snapshot(const std::filesystem::path& db, AnswerCacheLimits limits, ComputeSlots& slots) {
  Database reader(db, Database::Open::existing);
  // A deferred BEGIN: the read transaction starts at the first SELECT and every later SELECT sees
  // that same state, whatever other connections commit meanwhile (WAL keeps it for us).
  reader.exec("BEGIN");
  RegionModel region = load_region(reader);
  reader.exec("COMMIT");
  return std::make_shared<ModelSnapshot>(std::move(region), limits, slots);
}

LiveModel::LiveModel(const std::filesystem::path& path, Database& write_db, std::mutex& db_mutex, ComputeSlots& slots,
                     Warm warm, Log log)
    : path_(path), write_db_(write_db), db_mutex_(db_mutex), slots_(slots), warm_(std::move(warm)), log_(std::move(log)) {
  loaded_version_ = data_version();
  current_ = load_snapshot(path_, {}, slots_);
  if (warm_) warm_(*current_);
}

LiveModel::~LiveModel() { stop_watching(); }

std::shared_ptr<ModelSnapshot> LiveModel::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

int64_t LiveModel::data_version() {
  std::lock_guard lock(db_mutex_);
  return write_db_.query_int("PRAGMA data_version").value_or(0);
}

bool LiveModel::reload_if_changed() {
  const auto started = std::chrono::steady_clock::now();
  int64_t version = 0;
  try {
    version = data_version();
    if (version == loaded_version_ || started < retry_at_) return false;
    // Read before loading: a commit during the load changes it again, and the next look reloads.
    std::shared_ptr<ModelSnapshot> fresh = load_snapshot(path_, {}, slots_);
    const auto loaded = std::chrono::steady_clock::now();
    if (warm_) warm_(*fresh);
    {
      std::lock_guard lock(current_mutex_);
      current_.swap(fresh);
    }
    loaded_version_ = version;
    retry_pause_ = std::chrono::seconds(1);
    const auto ms = [](auto span) { return std::chrono::duration_cast<std::chrono::milliseconds>(span).count(); };
    if (log_)
      log_(fmt::format("gegevens gewijzigd: model opnieuw geladen in {} ms ({} leerlingen), antwoorden klaargezet in {} ms",
                       ms(loaded - started), current()->region.enrolments.pupil_ids.size(),
                       ms(std::chrono::steady_clock::now() - loaded)));
    return true;  // fresh now holds the old snapshot; requests still on it keep it alive
  } catch (const std::exception& e) {
    retry_at_ = std::chrono::steady_clock::now() + retry_pause_;
    if (log_)
      log_(fmt::format("herladen van {} mislukt; de vorige gegevens blijven in gebruik (nieuwe poging over {} s): {}",
                       path_.string(), retry_pause_.count(), e.what()));
    retry_pause_ = std::min(retry_pause_ * 2, kMaxRetryPause);
    return false;
  }
}

void LiveModel::start_watching() {
  if (watcher_.joinable()) return;
  watcher_ = std::jthread([this](std::stop_token stop) { watch(stop); });
}

void LiveModel::stop_watching() {
  if (!watcher_.joinable()) return;
  watcher_.request_stop();
  watcher_.join();
}

void LiveModel::watch(std::stop_token stop) {
  while (!stop.stop_requested()) {
    {
      std::unique_lock lock(stop_mutex_);
      stop_signal_.wait_for(lock, stop, kPollInterval, [] { return false; });  // wakes early on stop
    }
    if (stop.stop_requested()) break;
    reload_if_changed();
  }
}

}  // namespace stroom
