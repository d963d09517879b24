// `stroom serve`: the JSON API over the measure registry, notes and personal data, and the built
// web app at /.
//
// Every /api/ endpoint but login goes through one guard (guarded() in api_server.cpp): a session
// (401 without), the role's right to the endpoint (403), and for state-changing requests the CSRF
// token (403). What each role sees is decided in accounts/role.h and pupil_api.h.
//
// The region model is an immutable snapshot that request threads share without locks; it is
// replaced when another process changes the store (model_snapshot.h), and each snapshot has its
// own answer cache (answer_cache.h). The one database connection that writes (notes, accounts,
// audit, sessions, pupil records) is guarded by a mutex.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "ingest/bsn.h"
#include "server/answer_cache.h"
#include "server/api_response.h"
#include "server/authenticator.h"
#include "server/model_snapshot.h"
#include "store/database.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace stroom {

class GatedHttpServer;

struct ServerOptions {
  std::filesystem::path db;
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port
  std::filesystem::path web_dir;   // the built web app; empty: API only
  std::function<void(const std::string&)> log;  // one access-log line per request; may be empty
  std::chrono::minutes session_idle = kDefaultSessionIdle;  // a session unused this long ends
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
  // A snapshot never changes, so a measure's answer for one query string is fixed while it is
  // served: answers are kept in the snapshot's cache and repeated dashboard requests cost a lookup.
  using SerializedAnswer = CachedAnswer;
  using Handler = std::function<void(const httplib::Request&, httplib::Response&, const Session&)>;
  // Registers an endpoint behind the guard; allowed says which roles may use it. personal: the
  // endpoint reads personal data, so a refusal (403) is written to the audit log.
  void guarded(const char* method, const std::string& pattern, bool (*allowed)(Role), Handler handler, bool personal = false);
  void add_session_routes();
  void add_measure_routes();
  void add_personal_data_routes();
  void add_hypothesis_routes();  // hypotheses_api.h
  void add_http_settings();
  SerializedAnswer cached_measure(const std::string& id, const std::string& query_key, const QueryParameters& query);
  // Computes every measure that needs no parameter once, so the dashboard's first views are ready.
  static void warm_cache(ModelSnapshot& snapshot);

  ServerOptions options_;
  std::unique_ptr<Database> db_;
  std::mutex db_mutex_;
  std::unique_ptr<BsnPseudonymiser> pseudonymise_;
  std::unique_ptr<Authenticator> auth_;
  ComputeSlots compute_slots_;  // uncached measure computations at once, over every snapshot
  std::unique_ptr<LiveModel> model_;
  std::unique_ptr<GatedHttpServer> http_;  // see request_gate.h
  int listen_socket_ = -1;
};

}  // namespace stroom
