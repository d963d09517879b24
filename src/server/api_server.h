// `stroom serve`: the JSON API over the measure registry and notes, and the built web app at /.
//
// The region model is loaded once at start and only read afterwards, so request threads share it
// without locks; the one database connection (for notes) is guarded by a mutex.
#pragma once

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/region_model.h"
#include "server/api_response.h"
#include "store/database.h"

namespace httplib {
class Server;
}

namespace stroom {

struct ServerOptions {
  std::filesystem::path db;
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port
  std::filesystem::path web_dir;   // the built web app; empty: API only
  std::function<void(const std::string&)> log;  // one access-log line per request; may be empty
};

class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the socket; returns the port (useful with port 0) or throws std::runtime_error.
  int bind();
  // Serves until stop() is called (from another thread).
  void serve();
  void stop();

 private:
  void add_routes();
  // The model never changes while the server runs, so a measure's answer for one query string is
  // fixed: answers are kept (bounded) and repeated dashboard requests cost a lookup. Concurrent
  // requests for an answer being computed wait for that one computation instead of repeating it.
  struct SerializedAnswer {
    int status;
    std::string body;  // JSON, serialised once
  };
  SerializedAnswer cached_measure(const std::string& id, const std::string& query_key, const QueryParameters& query);
  // Computes every measure that needs no parameter once, so the dashboard's first views are ready.
  void warm_cache();

  ServerOptions options_;
  std::unique_ptr<Database> db_;
  std::mutex db_mutex_;
  RegionModel region_;
  std::unique_ptr<httplib::Server> http_;
  int listen_socket_ = -1;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, std::shared_future<SerializedAnswer>> cache_;
};

}  // namespace stroom
