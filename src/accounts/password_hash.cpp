// Password hashing; see password_hash.h.
#include "accounts/password_hash.h"

#include <semaphore>
#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>

namespace stroom {
namespace {

std::counting_semaphore<kConcurrentHashes>& hash_slots() {
  static std::counting_semaphore<kConcurrentHashes> slots(kConcurrentHashes);
  return slots;
}

// Holds one of the hashing slots for its lifetime.
class HashSlot {
 public:
  HashSlot() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium kon niet starten");
    hash_slots().acquire();
  }
  ~HashSlot() { hash_slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

std::string hash_password(std::string_view password) {
  HashSlot slot;
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                 crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("te weinig geheugen om het wachtwoord te hashen");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  HashSlot slot;
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinimumPasswordLength)
    return fmt::format("het wachtwoord moet minstens {} tekens lang zijn", kMinimumPasswordLength);
  if (password.size() > 1024) return "het wachtwoord is langer dan 1024 tekens";
  return std::nullopt;
}

}  // namespace stroom
