// Sessions; see session_store.h.
#include "server/session_store.h"

#include <sodium.h>

#include <string_view>

namespace stroom {
namespace {

constexpr std::string_view kCsrfContext = "stroom-csrf-token";

void start_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium kon niet starten");
}

std::string hex(const unsigned char* bytes, size_t size) {
  std::string text(2 * size + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), bytes, size);
  text.pop_back();
  return text;
}

// BLAKE2b-256 of text, keyed when key is not empty (at most 64 bytes), as hex.
std::string blake2b(std::string_view text, std::string_view key = {}) {
  start_sodium();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return hex(hash, sizeof hash);
}

// What the store keeps instead of the token. A token is 256 random bits, so a plain hash cannot
// be reversed by trying tokens; nothing slower is needed.
std::string token_hash(const std::string& token) { return blake2b(token); }

// The CSRF token belongs to the session token but does not reveal it.
std::string csrf_of(const std::string& token) { return blake2b(kCsrfContext, token.substr(0, crypto_generichash_KEYBYTES_MAX)); }

int64_t unix_seconds(SessionClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

SessionClock::time_point from_unix(int64_t seconds) { return SessionClock::time_point(std::chrono::seconds(seconds)); }

// Runs a write that may be skipped: it fails at once instead of waiting while another process
// (an import, for minutes) holds the write lock, so a request never waits for it. False: skipped.
bool try_write(Database& db, const std::function<void()>& write) {
  db.set_busy_timeout(0);
  bool written = true;
  try {
    write();
  } catch (const StoreError&) {
    written = false;
  }
  db.set_busy_timeout(Database::kBusyTimeoutMs);
  return written;
}

void delete_session(Database& db, const std::string& key) {
  Statement remove = db.prepare("DELETE FROM sessies WHERE token_hash = ?");
  remove.bind_text(1, key);
  remove.step();
}

}  // namespace

std::optional<Identity> identity_of(const Account& account) {
  auto role = parse_role(account.rol);
  if (!role) return std::nullopt;
  return Identity{account.id, account.naam, *role, account.vestigingen, account.leerling_id};
}

std::string account_state(const Account& account) {
  std::string state = account.wachtwoord_hash + '\n' + account.rol + '\n';
  for (const std::string& vestiging : account.vestigingen) state += vestiging + '\n';
  state += account.leerling_id ? "leerling:" + *account.leerling_id : "geen leerling";
  return blake2b(state);
}

std::string random_token() {
  start_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return hex(bytes, sizeof bytes);
}

bool tokens_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SessionStore::SessionStore(Database& db, std::mutex& db_mutex, SessionLimits limits, Now now)
    : db_(db), db_mutex_(db_mutex), limits_(limits), now_(std::move(now)) {
  std::lock_guard lock(db_mutex_);
  try_write(db_, [&] { delete_ended(now_()); });  // a busy store must not keep the server from starting
}

bool SessionStore::alive(const Session& session, SessionClock::time_point now) const {
  return now < session.created + limits_.lifetime && now < session.last_used + limits_.idle;
}

Session SessionStore::create(const Identity& identity, const Account& account) {
  const auto now = now_();
  const std::string token = random_token();
  const std::string key = token_hash(token);
  Session session{token, csrf_of(token), identity, account_state(account), now, now, now};
  std::lock_guard db_lock(db_mutex_);
  delete_ended(now);
  write_row(key, session);
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& entry) { return !alive(entry.second.session, now); });
  sessions_[key] = {session, now};
  return session;
}

std::optional<Session> SessionStore::find(const std::string& token) {
  const auto now = now_();
  const std::string key = token_hash(token);
  {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(key);
    if (found != sessions_.end() && alive(found->second.session, now)) {
      found->second.session.last_used = now;
      if (now - found->second.stored_use < kTouchInterval) return found->second.session;
    }
  }
  // Slow path: the last use is due to be stored, the session ended, or it is not in memory.
  std::lock_guard db_lock(db_mutex_);
  std::optional<Kept> kept;
  {
    std::lock_guard lock(mutex_);
    if (auto found = sessions_.find(key); found != sessions_.end()) kept = found->second;
  }
  if (!kept) kept = load(token, key);  // not seen since the server started
  if (!kept) return std::nullopt;      // unknown: nothing to delete
  if (!alive(kept->session, now)) {
    try_write(db_, [&] { delete_session(db_, key); });  // else delete_ended() does it later
    std::lock_guard lock(mutex_);
    sessions_.erase(key);
    return std::nullopt;
  }
  kept->session.last_used = now;
  if (store_use(key, kept->session)) kept->stored_use = now;
  std::lock_guard lock(mutex_);
  if (auto found = sessions_.find(key); found != sessions_.end()) kept->session.checked = found->second.session.checked;
  sessions_[key] = *kept;
  return kept->session;
}

std::optional<SessionStore::Kept> SessionStore::load(const std::string& token, const std::string& key) {
  Statement row = db_.prepare("SELECT gebruiker_id, account_staat, aangemaakt, laatst_gebruikt FROM sessies WHERE token_hash = ?");
  row.bind_text(1, key);
  if (!row.step()) return std::nullopt;
  const auto account = find_account_by_id(db_, row.column_int(0));
  const auto identity = account ? identity_of(*account) : std::nullopt;
  if (!identity) return std::nullopt;  // the account is gone or its role unknown: no session
  const auto last_used = from_unix(row.column_int(3));
  // checked: never, so the account is rechecked against account_staat before the session is used.
  Session session{token, csrf_of(token), *identity, std::string(row.column_text(1)), from_unix(row.column_int(2)), last_used, {}};
  return Kept{std::move(session), last_used};
}

void SessionStore::write_row(const std::string& key, const Session& session) {
  // The whole row, not just laatst_gebruikt: should delete_ended() have removed it while a long
  // import kept store_use() out, it comes back.
  Statement upsert = db_.prepare(
      "INSERT INTO sessies (token_hash, gebruiker_id, account_staat, aangemaakt, laatst_gebruikt) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (token_hash) DO UPDATE SET laatst_gebruikt = excluded.laatst_gebruikt");
  upsert.bind_text(1, key);
  upsert.bind_int(2, session.identity.account_id);
  upsert.bind_text(3, session.account_state);
  upsert.bind_int(4, unix_seconds(session.created));
  upsert.bind_int(5, unix_seconds(session.last_used));
  upsert.step();
}

bool SessionStore::store_use(const std::string& key, const Session& session) {
  return try_write(db_, [&] { write_row(key, session); });
}

void SessionStore::mark_checked(const std::string& token) {
  const auto now = now_();
  std::lock_guard lock(mutex_);
  if (auto found = sessions_.find(token_hash(token)); found != sessions_.end()) found->second.session.checked = now;
}

void SessionStore::remove(const std::string& token) {
  const std::string key = token_hash(token);
  std::lock_guard db_lock(db_mutex_);
  delete_session(db_, key);
  std::lock_guard lock(mutex_);
  sessions_.erase(key);
}

void SessionStore::delete_ended(SessionClock::time_point now) {
  // A session in use has its last use stored at most kTouchInterval late (unless an import kept
  // the write out; store_use() then puts the row back), so this never deletes one in use.
  Statement remove = db_.prepare("DELETE FROM sessies WHERE aangemaakt <= ? OR laatst_gebruikt <= ?");
  remove.bind_int(1, unix_seconds(now - limits_.lifetime));
  remove.bind_int(2, unix_seconds(now - limits_.idle - kTouchInterval));
  remove.step();
}

}  // namespace stroom
