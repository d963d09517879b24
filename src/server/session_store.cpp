// Sessions; see session_store.h.
#include "server/session_store.h"

#include <sodium.h>

namespace stroom {

std::optional<Identity> identity_of(const Account& account) {
  auto role = parse_role(account.rol);
  if (!role) return std::nullopt;
  return Identity{account.id, account.naam, *role, account.vestigingen, account.leerling_id};
}

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium kon niet starten");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool tokens_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Session SessionStore::create(const Identity& identity, const std::string& password_hash) {
  const auto now = std::chrono::steady_clock::now();
  Session session{random_token(), random_token(), identity, password_hash, now + kSessionLifetime, now};
  std::lock_guard lock(mutex_);
  drop_expired();
  sessions_[session.token] = session;
  return session;
}

std::optional<Session> SessionStore::find(const std::string& token) {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(token);
  if (found == sessions_.end()) return std::nullopt;
  if (found->second.expires <= std::chrono::steady_clock::now()) {
    sessions_.erase(found);
    return std::nullopt;
  }
  return found->second;
}

void SessionStore::mark_checked(const std::string& token) {
  std::lock_guard lock(mutex_);
  if (auto found = sessions_.find(token); found != sessions_.end()) found->second.checked = std::chrono::steady_clock::now();
}

void SessionStore::remove(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

void SessionStore::drop_expired() {
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires <= now; });
}

}  // namespace stroom
