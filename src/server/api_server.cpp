// Routing HTTP requests to the API handlers; see api_server.h.
#include "server/api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "measures/measure_parameters.h"
#include "measures/measure_registry.h"
#include "server/audit_api.h"
#include "server/audit_event.h"
#include "server/hypotheses_api.h"
#include "server/log_line.h"
#include "server/measure_api.h"
#include "server/notes_api.h"
#include "server/parent_api.h"
#include "server/pupil_api.h"
#include "server/request_gate.h"
#include "server/static_files.h"
#include "store/migrations.h"
#include "store/pseudonym_key.h"

namespace stroom {
namespace {

constexpr size_t kMaxRequestBody = 64 * 1024;
// A measure computation is single-threaded and CPU-bound: running more at once than there are
// cores only makes each slower and holds more memory, so the rest wait for a slot.
const unsigned kComputeSlots = std::max(1u, std::thread::hardware_concurrency());
constexpr int kListenBacklog = 1024;
constexpr const char* kJson = "application/json; charset=utf-8";

// Headers on every answer, static files included. The policy allows only the app's own scripts
// (no eval, no inline script), no framing by other sites, and no guessing of content types.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
};

QueryParameters query_of(const httplib::Request& request) {
  return QueryParameters(request.params.begin(), request.params.end());
}

void send(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  response.set_header("Cache-Control", "no-store");  // personal data must not linger in caches
  response.set_content(answer.body.dump(), kJson);
}

RequestOrigin origin_of(const httplib::Request& request) {
  return {request.remote_addr, request.method + " " + request.path};
}

// A state-changing request from another site's page carries that site in Origin; browsers always
// send Origin on cross-origin POSTs, so a mismatch with Host is refused before anything else.
bool same_origin(const httplib::Request& request) {
  const std::string origin = request.get_header_value("Origin");
  if (origin.empty()) return true;  // not a browser, or a same-origin navigation
  const size_t scheme = origin.find("://");
  return scheme != std::string::npos && origin.substr(scheme + 3) == request.get_header_value("Host");
}

bool is_beheerder(Role role) { return role == Role::beheerder; }
bool is_ouder(Role role) { return role == Role::ouder; }
bool beheerder_or_school(Role role) { return role == Role::beheerder || role == Role::school; }
bool reads_pupils(Role role) { return role != Role::analist; }
bool lists_pupils(Role role) { return role == Role::beheerder || role == Role::school || role == Role::commissie; }
bool any_role(Role) { return true; }
constexpr bool kPersonal = true;  // the endpoint reads personal data: refusals are audited

}  // namespace

ApiServer::ApiServer(ServerOptions options)
    : options_(std::move(options)), db_(open_store(options_.db)),
      pseudonymise_(std::make_unique<BsnPseudonymiser>(load_or_create_pseudonym_key(*db_))),
      auth_(std::make_unique<Authenticator>(*db_, db_mutex_, options_.log, SessionLimits{options_.session_idle})),
      compute_slots_(kComputeSlots),
      model_(std::make_unique<LiveModel>(options_.db, *db_, db_mutex_, compute_slots_, warm_cache, options_.log)),
      http_(std::make_unique<GatedHttpServer>(GateLimits{})) {
  add_http_settings();
  add_session_routes();
  add_measure_routes();
  add_personal_data_routes();
  add_hypothesis_routes();
}

ApiServer::~ApiServer() = default;

void ApiServer::add_http_settings() {
  // Connections, keep-alive, timeouts and the workers are the request gate's (request_gate.h): a
  // worker only gets complete requests, so slow or idle clients cannot starve the others.
  http_->set_socket_options([this](int socket) {
    httplib::default_socket_options(socket);
    listen_socket_ = socket;
  });
  // Limits: bodies (64 KiB, also the gate's), the request line and each header (8 KiB, the
  // library's build default) and the whole head (the gate's 32 KiB).
  http_->set_payload_max_length(kMaxRequestBody);
  http_->set_default_headers(kSecurityHeaders);
  // Every API answer may hold personal data or a role's view, errors and refusals included: none
  // may be kept by a browser or proxy. Set here, after routing, so no handler can forget it; the
  // web app's files carry no data and keep the browser's normal caching (docs/privacy.md).
  http_->set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 && !res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  });
  // Anything else under /api/ is a JSON error: 401 without a session (so nobody learns which
  // addresses exist before logging in), else 404; other paths are the web app's files.
  http_->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 || !res.body.empty()) return;
    if (res.status == 404 && !auth_->session_for(req.get_header_value("Cookie"))) return send(res, api_error(401, "niet ingelogd"));
    send(res, api_error(res.status, res.status == 404 ? "onbekend adres" : "verzoek niet verwerkt"));
  });
  http_->set_exception_handler([log = options_.log](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      if (log) log(fmt::format("interne fout bij {} {}: {}", log_safe(req.method), log_safe(req.path), log_safe(e.what())));
    } catch (...) {
    }
    send(res, api_error(500, "interne fout; zie het serverlogboek"));  // no internals to clients
  });
  // The web app's files, precompressed at build time and cached by hashed name (static_files.h).
  if (!options_.web_dir.empty()) serve_static_files(*http_, options_.web_dir);
  http_->set_logger([log = options_.log](const httplib::Request& req, const httplib::Response& res) {
    if (log) log(fmt::format("{} {} {} {}", log_safe(req.remote_addr), log_safe(req.method), log_safe(req.path), res.status));
  });
}

void ApiServer::guarded(const char* method, const std::string& pattern, bool (*allowed)(Role), Handler handler, bool personal) {
  auto guard = [this, allowed, personal, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    const auto session = auth_->session_for(req.get_header_value("Cookie"));
    if (!session) return send(res, api_error(401, "niet ingelogd"));
    // A refused attempt at personal data is audited like a read; a pattern's capture is the pupil.
    const auto refuse = [&](const std::string& message) {
      if (personal) {
        std::lock_guard lock(db_mutex_);
        append_audit(*db_, {audit_event(session->identity, origin_of(req), "geweigerd", req.matches.size() > 1 ? req.matches.str(1) : "", message)});
      }
      send(res, api_error(403, message));
    };
    if (!allowed(session->identity.rol))
      return refuse(fmt::format("uw rol ({}) geeft geen toegang tot {}", role_name(session->identity.rol), req.path));
    if (req.method != "GET" && (!same_origin(req) || !tokens_equal(req.get_header_value("X-CSRF-Token"), session->csrf)))
      return refuse("CSRF-token ontbreekt of klopt niet; laad de pagina opnieuw");
    handler(req, res, *session);
  };
  if (std::string_view(method) == "GET") http_->Get(pattern, guard);
  else http_->Post(pattern, guard);
}

void ApiServer::add_session_routes() {
  // Login is the one open endpoint. It takes only JSON, which a form on another site cannot send
  // without a CORS preflight that this server never grants (no login CSRF).
  http_->Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0 || !same_origin(req))
      return send(res, api_error(415, "inloggen verwacht JSON (Content-Type: application/json)"));
    const LoginAnswer answer = auth_->login(req.body, origin_of(req));
    if (!answer.set_cookie.empty()) res.set_header("Set-Cookie", answer.set_cookie);
    if (answer.retry_after > 0) res.set_header("Retry-After", std::to_string(answer.retry_after));
    send(res, answer.response);
  });
  guarded("POST", "/api/logout", any_role, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    res.set_header("Set-Cookie", auth_->logout(session));
    {
      std::lock_guard lock(db_mutex_);
      append_audit(*db_, {audit_event(session.identity, origin_of(req), "uitloggen")});
    }
    send(res, {200, nlohmann::ordered_json::object()});
  });
  guarded("GET", "/api/sessie", any_role, [](const httplib::Request&, httplib::Response& res, const Session& session) {
    send(res, {200, Authenticator::session_json(session)});
  });
}

void ApiServer::add_measure_routes() {
  // The list never changes while the server runs: serialised once. The info follows the snapshot.
  guarded("GET", "/api/measures", sees_aggregates,
          [list = list_measures_response().body.dump()](const httplib::Request&, httplib::Response& res, const Session&) {
            res.set_content(list, kJson);
          });
  guarded("GET", R"(/api/measures/([A-Za-z0-9_\-]+))", sees_aggregates,
          [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
            // Checked before the cache, so a role never gets a date its rule refuses, even when
            // the beheerder's request for it is cached; the key is the canonical query.
            const MeasureRequest request = measure_request(req.matches[1], query_of(req), session.identity.rol, session.identity.vestigingen);
            if (request.error) return send(res, *request.error);
            const SerializedAnswer answer = cached_measure(req.matches[1], request.key, query_of(req));
            res.status = answer.status;
            res.set_content(sees_small_counts(session.identity.rol) ? answer.full : answer.published, kJson);
          });
  guarded("GET", "/api/info", sees_aggregates, [this](const httplib::Request&, httplib::Response& res, const Session&) {
    res.set_content(model_->current()->info, kJson);
  });
  guarded("GET", "/api/selectie", sees_aggregates, [this](const httplib::Request&, httplib::Response& res, const Session&) {
    send(res, selection_response(model_->current()->region));
  });
  guarded("GET", "/api/notities", sees_aggregates, [this](const httplib::Request& req, httplib::Response& res, const Session&) {
    std::lock_guard lock(db_mutex_);
    send(res, list_notes_response(*db_, query_of(req)));
  });
  guarded("POST", "/api/notities", writes_notes, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    const auto range = data_range(model_->current()->region);
    std::lock_guard lock(db_mutex_);
    send(res, add_note_response(*db_, req.body, session.identity, range));
  });
  guarded("GET", "/api/gebeurtenissen", sees_aggregates, [this](const httplib::Request&, httplib::Response& res, const Session&) {
    std::lock_guard lock(db_mutex_);
    send(res, event_list_response(*db_));
  });
  guarded("GET", "/api/grafieken", sees_aggregates, [](const httplib::Request&, httplib::Response& res, const Session&) {
    send(res, chart_list_response());
  });
  guarded("POST", R"(/api/notities/([0-9]{1,18})/wijzig)", writes_notes,
          [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
            const auto range = data_range(model_->current()->region);
            std::lock_guard lock(db_mutex_);
            send(res, edit_note_response(*db_, req.matches[1], req.body, session.identity, origin_of(req), range));
          });
  guarded("POST", R"(/api/notities/([0-9]{1,18})/verwijder)", writes_notes,
          [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
            std::lock_guard lock(db_mutex_);
            send(res, delete_note_response(*db_, req.matches[1], session.identity, origin_of(req)));
          });
}

void ApiServer::add_personal_data_routes() {
  guarded("GET", "/api/leerlingen", lists_pupils, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    std::lock_guard lock(db_mutex_);
    send(res, pupil_list_response(*db_, session.identity, origin_of(req), query_of(req)));
  }, kPersonal);
  guarded("GET", "/api/vestigingen", any_role, [this](const httplib::Request&, httplib::Response& res, const Session&) {
    std::lock_guard lock(db_mutex_);
    send(res, vestigingen_response(*db_));
  });
  guarded("POST", "/api/leerlingen/zoek", beheerder_or_school,
          [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
            std::lock_guard lock(db_mutex_);
            send(res, bsn_search_response(*db_, session.identity, origin_of(req), *pseudonymise_, req.body));
          }, kPersonal);
  // Any leerling_id the import accepts (formats.md: 1 to 64 bytes of anything), URL-decoded.
  guarded("GET", R"(/api/leerlingen/([\s\S]{1,64}))", reads_pupils,
          [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
            std::lock_guard lock(db_mutex_);
            send(res, pupil_timeline_response(*db_, session.identity, origin_of(req), req.matches[1]));
          }, kPersonal);
  guarded("GET", "/api/mijn-kind", is_ouder, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    std::lock_guard lock(db_mutex_);
    send(res, child_record_response(*db_, session.identity, origin_of(req)));
  }, kPersonal);
  guarded("GET", "/api/mijn-kind/inzage", is_ouder, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    std::lock_guard lock(db_mutex_);
    send(res, child_access_response(*db_, session.identity, origin_of(req)));
  }, kPersonal);
  guarded("GET", "/api/contact", any_role, [this](const httplib::Request&, httplib::Response& res, const Session&) {
    std::lock_guard lock(db_mutex_);
    send(res, contact_response(*db_));
  });
  guarded("GET", "/api/audit", is_beheerder, [this](const httplib::Request& req, httplib::Response& res, const Session& session) {
    std::lock_guard lock(db_mutex_);
    const AuditExport answer = audit_response(*db_, session.identity, origin_of(req), query_of(req));
    if (answer.csv.empty()) return send(res, answer.response);
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"stroom-auditlogboek.csv\"");
    res.set_content(answer.csv, "text/csv; charset=utf-8");
  }, kPersonal);
}

namespace {

CachedAnswer compute_answer(const RegionModel& region, const std::string& id, const QueryParameters& query) {
  const MeasureAnswer computed = measure_response(region, id, query);
  return {computed.full.status, computed.full.body.dump(), computed.published.body.dump()};
}

}  // namespace

void ApiServer::add_hypothesis_routes() {
  // Each request holds one snapshot; a prediction is evaluated on the measure answer the caller's
  // role gets from the measure route (same checks, same cache, published unless beheerder).
  using Route = ApiResponse (*)(const HypothesisContext&, const httplib::Request&, const Session&, const RequestOrigin&);
  const auto route = [this](Route answer) {
    return [this, answer](const httplib::Request& req, httplib::Response& res, const Session& session) {
      const std::shared_ptr<ModelSnapshot> snapshot = model_->current();
      const Identity& who = session.identity;
      const HypothesisContext context{*db_, db_mutex_, snapshot->region, [&](const std::string& id, const QueryParameters& query) {
        const MeasureRequest request = measure_request(id, query, who.rol, who.vestigingen);
        if (request.error) return *request.error;
        const SerializedAnswer cached = cached_measure(id, request.key, query);
        return ApiResponse{cached.status, nlohmann::ordered_json::parse(sees_small_counts(who.rol) ? cached.full : cached.published)};
      }};
      send(res, answer(context, req, session, origin_of(req)));
    };
  };
  guarded("GET", "/api/hypothesen", sees_aggregates, route([](const HypothesisContext& c, const httplib::Request&, const Session&, const RequestOrigin&) {
    return list_hypotheses_response(c);
  }));
  guarded("GET", R"(/api/hypothesen/([0-9]{1,18}))", sees_aggregates,
          route([](const HypothesisContext& c, const httplib::Request& req, const Session&, const RequestOrigin&) {
            return hypothesis_response(c, req.matches[1]);
          }));
  guarded("POST", "/api/hypothesen", writes_hypotheses,
          route([](const HypothesisContext& c, const httplib::Request& req, const Session& s, const RequestOrigin&) {
            return add_hypothesis_response(c, req.body, s.identity);
          }));
  guarded("POST", R"(/api/hypothesen/([0-9]{1,18})/bewijs)", writes_hypotheses,
          route([](const HypothesisContext& c, const httplib::Request& req, const Session& s, const RequestOrigin&) {
            return add_evidence_response(c, req.matches[1], req.body, s.identity);
          }));
  guarded("POST", R"(/api/hypothesen/([0-9]{1,18})/wijzig)", writes_hypotheses,
          route([](const HypothesisContext& c, const httplib::Request& req, const Session& s, const RequestOrigin& o) {
            return change_hypothesis_response(c, req.matches[1], req.body, s.identity, o);
          }));
  guarded("POST", R"(/api/hypothesen/([0-9]{1,18})/verwijder)", writes_hypotheses,
          route([](const HypothesisContext& c, const httplib::Request& req, const Session& s, const RequestOrigin& o) {
            return delete_hypothesis_response(c, req.matches[1], s.identity, o);
          }));
}

ApiServer::SerializedAnswer ApiServer::cached_measure(const std::string& id, const std::string& key,
                                                      const QueryParameters& query) {
  // Held until the answer is copied out: a swap meanwhile leaves this request on its snapshot.
  const std::shared_ptr<ModelSnapshot> snapshot = model_->current();
  return *snapshot->answers.get(key, [&] { return compute_answer(snapshot->region, id, query); });
}

void ApiServer::warm_cache(ModelSnapshot& snapshot) {
  for (const auto& measure : measure_registry()) {
    const std::string id(measure.id);
    if (measure.required.empty()) snapshot.answers.get(id + "?", [&] { return compute_answer(snapshot.region, id, {}); });
  }
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

void ApiServer::serve() {
  model_->start_watching();
  http_->listen_after_bind();
  model_->stop_watching();
}

void ApiServer::stop() { http_->stop(); }

}  // namespace stroom
