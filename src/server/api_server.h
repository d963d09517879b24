// `stroom serve`: the JSON API over the measure registry, notes and personal data, and the built
// web app at /.
//
// Every /api/ endpoint but login goes through one guard (guarded() in api_server.cpp): a session
// (401 without), the role's right to the endpoint (403), and for state-changing requests the CSRF
// token (403). What each role sees is decided in role.h and pupil_api.h.
//
// The region model is loaded once at start and only read afterwards, so request threads share it
// without locks; the one database connection (notes, accounts, audit, pupil records) is guarded by
// a mutex.
#pragma once

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "ingest/bsn.h"
#include "model/region_model.h"
#include "server/api_response.h"
#include "server/authenticator.h"
#include "store/database.h"

namespace httplib {
class Server;
struct Request;
struct Response;
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
  // The model never changes while the server runs, so a measure's answer for one query string is
  // fixed: answers are kept (bounded) and repeated dashboard requests cost a lookup. Concurrent
  // requests for an answer being computed wait for that one computation instead of repeating it.
  struct SerializedAnswer {
    int status;
    std::string full;       // JSON, serialised once, for roles that see small counts
    std::string published;  // the same with counts 1-4 suppressed, for everyone else
  };
  using Handler = std::function<void(const httplib::Request&, httplib::Response&, const Session&)>;
  // Registers an endpoint behind the guard; allowed says which roles may use it. personal: the
  // endpoint reads personal data, so a refusal (403) is written to the audit log.
  void guarded(const char* method, const std::string& pattern, bool (*allowed)(Role), Handler handler, bool personal = false);
  void add_session_routes();
  void add_measure_routes();
  void add_personal_data_routes();
  void add_http_settings();
  SerializedAnswer cached_measure(const std::string& id, const std::string& query_key, const QueryParameters& query);
  // Computes every measure that needs no parameter once, so the dashboard's first views are ready.
  void warm_cache();

  ServerOptions options_;
  std::unique_ptr<Database> db_;
  std::mutex db_mutex_;
  std::unique_ptr<BsnPseudonymiser> pseudonymise_;
  std::unique_ptr<Authenticator> auth_;
  RegionModel region_;
  std::unique_ptr<httplib::Server> http_;
  int listen_socket_ = -1;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, std::shared_future<SerializedAnswer>> cache_;
};

}  // namespace stroom
