// Login, logout and sessions; see authenticator.h.
#include "server/authenticator.h"

#include <fmt/format.h>

#include "accounts/password_hash.h"
#include "server/log_line.h"
#include "store/audit_log.h"

namespace stroom {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr const char* kWrongLogin = "onbekende gebruiker of onjuist wachtwoord";

std::string session_cookie(const std::string& token, int64_t max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", kSessionCookie, token, max_age);
}

AuditEntry login_event(const std::string& naam, const std::string& rol, const char* actie, const RequestOrigin& origin) {
  return {0, {}, naam, rol, actie, {}, origin.bron, {}, origin.adres};
}

}  // namespace

std::string cookie_value(const std::string& header, std::string_view name) {
  size_t at = 0;
  while (at < header.size()) {
    const size_t end = std::min(header.find(';', at), header.size());
    std::string_view part(header.data() + at, end - at);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    at = end + 1;
  }
  return {};
}

Authenticator::Authenticator(Database& db, std::mutex& db_mutex, std::function<void(const std::string&)> log,
                             SessionLimits limits, SessionStore::Now now)
    : db_(db), db_mutex_(db_mutex), log_(std::move(log)), sessions_(db, db_mutex, limits, std::move(now)),
      decoy_hash_(hash_password(random_token())) {}

LoginAnswer Authenticator::login(const std::string& request_body, const RequestOrigin& origin) {
  const nlohmann::json body = nlohmann::json::parse(request_body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("gebruiker") || !body["gebruiker"].is_string() ||
      !body.contains("wachtwoord") || !body["wachtwoord"].is_string())
    return {api_error(400, "verwacht een JSON-object met 'gebruiker' en 'wachtwoord'"), {}, 0};
  const std::string naam = body["gebruiker"].get<std::string>();
  const std::string wachtwoord = body["wachtwoord"].get<std::string>();
  if (naam.empty() || naam.size() > kMaxNameLength) return {api_error(401, kWrongLogin), {}, 0};
  if (int64_t wait = limiter_.retry_after(naam, origin.adres); wait > 0) {
    if (log_) log_(fmt::format("inloggen geblokkeerd: gebruiker '{}' vanaf {} (nog {} s)", log_safe(naam), log_safe(origin.adres), wait));
    return {api_error(429, fmt::format("te veel mislukte pogingen; probeer het over {} minuten opnieuw", (wait + 59) / 60)), {}, wait};
  }
  std::optional<Account> account;
  {
    std::lock_guard lock(db_mutex_);
    account = find_account(db_, naam);
  }
  // The hash is checked outside the database lock: it takes a tenth of a second on purpose.
  const bool password_ok = verify_password(account ? account->wachtwoord_hash : decoy_hash_, wachtwoord);
  const auto identity = account && account->actief && password_ok ? identity_of(*account) : std::nullopt;
  {
    std::lock_guard lock(db_mutex_);
    if (!identity) {
      limiter_.record_failure(naam, origin.adres);
      append_audit(db_, {login_event(naam, account ? account->rol : "", "inloggen-mislukt", origin)});
      if (log_) log_(fmt::format("inloggen mislukt: gebruiker '{}' vanaf {}", log_safe(naam), log_safe(origin.adres)));
      return {api_error(401, kWrongLogin), {}, 0};
    }
    limiter_.record_success(naam, origin.adres);
    append_audit(db_, {login_event(naam, account->rol, "inloggen", origin)});
  }
  const Session session = sessions_.create(*identity, *account);  // takes the database lock itself
  return {{200, session_json(session)}, session_cookie(session.token, kSessionLifetime.count()), 0};
}

std::optional<Session> Authenticator::session_for(const std::string& cookie_header) {
  const std::string token = cookie_value(cookie_header, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto session = sessions_.find(token);
  if (!session) return std::nullopt;
  if (sessions_.now() - session->checked < kRecheckInterval) return session;
  if (!still_valid(*session)) {
    sessions_.remove(token);
    return std::nullopt;
  }
  sessions_.mark_checked(token);
  return session;
}

bool Authenticator::still_valid(const Session& session) {
  std::lock_guard lock(db_mutex_);
  auto account = find_account_by_id(db_, session.identity.account_id);
  return account && account->actief && identity_of(*account) && account_state(*account) == session.account_state;
}

std::string Authenticator::logout(const Session& session) {
  sessions_.remove(session.token);
  return session_cookie("", 0);
}

nlohmann::ordered_json Authenticator::session_json(const Session& session) {
  const Identity& who = session.identity;
  return {{"gebruiker", who.naam},
          {"rol", role_name(who.rol)},
          {"vestigingen", who.vestigingen},
          {"leerling", who.leerling_id ? nlohmann::ordered_json(*who.leerling_id) : nlohmann::ordered_json(nullptr)},
          {"csrf", session.csrf}};
}

}  // namespace stroom
