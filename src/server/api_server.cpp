// Routing HTTP requests to the API handlers; see api_server.h.
#include "server/api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include "measures/measure_registry.h"
#include "server/measure_api.h"
#include "server/notes_api.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace stroom {
namespace {

constexpr size_t kMaxRequestBody = 64 * 1024;
constexpr size_t kMaxCachedAnswers = 16384;
constexpr int kListenBacklog = 1024;
constexpr const char* kJson = "application/json; charset=utf-8";
// cpp-httplib keeps one worker per open keep-alive connection; with the default pool of about
// eight workers, the ninth browser tab waits for a whole keep-alive timeout. Idle workers cost
// only a stack, so the pool is sized for many open connections.
constexpr size_t kWorkerThreads = 128;

QueryParameters query_of(const httplib::Request& request) {
  return QueryParameters(request.params.begin(), request.params.end());
}

void send(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  response.set_content(answer.body.dump(), kJson);
}

}  // namespace

ApiServer::ApiServer(ServerOptions options)
    : options_(std::move(options)), db_(open_store(options_.db)), region_(load_region(*db_)),
      http_(std::make_unique<httplib::Server>()) {
  add_routes();
  warm_cache();
}

ApiServer::~ApiServer() = default;

void ApiServer::add_routes() {
  http_->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  http_->set_tcp_nodelay(true);
  // Browsers and load tests keep connections open; closing one every 5 requests (the library's
  // default) makes clients reconnect through a tiny listen backlog and wait a SYN retry (1 s).
  http_->set_keep_alive_max_count(100000);
  // An idle keep-alive connection holds its worker until this timeout, also at shutdown: short.
  http_->set_keep_alive_timeout(2);
  http_->set_socket_options([this](int socket) {
    httplib::default_socket_options(socket);
    listen_socket_ = socket;
  });  // small JSON answers must not wait for Nagle's delayed ACK (~40 ms)
  http_->set_payload_max_length(kMaxRequestBody);
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);
  // The list and the info never change while the server runs: serialised once.
  http_->Get("/api/measures", [list = list_measures_response().body.dump()](const httplib::Request&, httplib::Response& res) {
    res.set_content(list, kJson);
  });
  http_->Get(R"(/api/measures/([A-Za-z0-9_\-]+))", [this](const httplib::Request& req, httplib::Response& res) {
    std::string key = std::string(req.matches[1]) + "?";
    for (const auto& [name, value] : req.params) key += name + "=" + value + "&";  // params are sorted
    const SerializedAnswer answer = cached_measure(req.matches[1], key, query_of(req));
    res.status = answer.status;
    res.set_content(answer.body, kJson);
  });
  http_->Get("/api/info", [info = info_response(region_).body.dump()](const httplib::Request&, httplib::Response& res) {
    res.set_content(info, kJson);
  });
  http_->Get("/api/notities", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(db_mutex_);
    send(res, list_notes_response(*db_, query_of(req)));
  });
  http_->Post("/api/notities", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(db_mutex_);
    send(res, add_note_response(*db_, req.body));
  });
  // Anything else under /api/ is a JSON 404; other paths are the web app's files.
  http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 && res.body.empty())
      send(res, api_error(res.status, res.status == 404 ? "onbekend adres" : "verzoek niet verwerkt"));
  });
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send(res, api_error(500, "interne fout; zie het serverlogboek"));  // no internals to clients
  });
  if (!options_.web_dir.empty()) http_->set_mount_point("/", options_.web_dir.string());
  http_->set_logger([log = options_.log](const httplib::Request& req, const httplib::Response& res) {
    if (log) log(fmt::format("{} {} {} {}", req.remote_addr, req.method, req.path, res.status));
  });
}

ApiServer::SerializedAnswer ApiServer::cached_measure(const std::string& id, const std::string& key,
                                                      const QueryParameters& query) {
  std::promise<SerializedAnswer> promise;
  std::shared_future<SerializedAnswer> answer;
  bool compute = false;
  {
    std::lock_guard lock(cache_mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) {
      answer = found->second;
    } else {
      if (cache_.size() >= kMaxCachedAnswers) cache_.clear();  // crude bound; waiters keep their future
      answer = promise.get_future().share();
      cache_.emplace(key, answer);
      compute = true;
    }
  }
  if (compute) {
    const ApiResponse computed = measure_response(region_, id, query);
    promise.set_value({computed.status, computed.body.dump()});
  }
  return answer.get();
}

void ApiServer::warm_cache() {
  for (const auto& measure : measure_registry())
    if (measure.required.empty()) cached_measure(std::string(measure.id), std::string(measure.id) + "?", {});
}

int ApiServer::bind() {
  const int port = options_.port == 0 ? http_->bind_to_any_port(options_.host)
                                      : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0)
    throw std::runtime_error(fmt::format("kan niet luisteren op {}:{} (bezet of geen rechten?)", options_.host, options_.port));
  // The library listens with a backlog of 5; on Linux a second listen() only enlarges it, so
  // 100 clients connecting at once are queued instead of dropped.
  if (listen_socket_ >= 0) ::listen(listen_socket_, kListenBacklog);
  return port;
}

void ApiServer::serve() { http_->listen_after_bind(); }
void ApiServer::stop() { http_->stop(); }

}  // namespace stroom
