// Routing HTTP requests to the API handlers; see api_server.h.
#include "server/api_server.h"

#include <httplib.h>

#include <fmt/format.h>

#include "server/measure_api.h"
#include "server/notes_api.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace stroom {
namespace {

constexpr size_t kMaxRequestBody = 64 * 1024;

QueryParameters query_of(const httplib::Request& request) {
  return QueryParameters(request.params.begin(), request.params.end());
}

void send(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  response.set_content(answer.body.dump(), "application/json; charset=utf-8");
}

}  // namespace

ApiServer::ApiServer(ServerOptions options)
    : options_(std::move(options)), db_(open_store(options_.db)), region_(load_region(*db_)),
      http_(std::make_unique<httplib::Server>()) {
  add_routes();
}

ApiServer::~ApiServer() = default;

void ApiServer::add_routes() {
  http_->set_payload_max_length(kMaxRequestBody);
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);
  http_->Get("/api/measures", [](const httplib::Request&, httplib::Response& res) { send(res, list_measures_response()); });
  http_->Get(R"(/api/measures/([A-Za-z0-9_\-]+))", [this](const httplib::Request& req, httplib::Response& res) {
    send(res, measure_response(region_, req.matches[1], query_of(req)));
  });
  http_->Get("/api/info", [this](const httplib::Request&, httplib::Response& res) { send(res, info_response(region_)); });
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

int ApiServer::bind() {
  const int port = options_.port == 0 ? http_->bind_to_any_port(options_.host)
                                      : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0)
    throw std::runtime_error(fmt::format("kan niet luisteren op {}:{} (bezet of geen rechten?)", options_.host, options_.port));
  return port;
}

void ApiServer::serve() { http_->listen_after_bind(); }
void ApiServer::stop() { http_->stop(); }

}  // namespace stroom
