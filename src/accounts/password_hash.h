// Password hashing with argon2id (libsodium's crypto_pwhash_argon2id_str): a memory-hard hash with
// a random salt, stored in the self-describing "$argon2id$v=19$m=…,t=…,p=…$salt$hash" form.
//
// Each hash takes about 64 MiB and a tenth of a second on purpose. A burst of logins must not
// exhaust memory, so at most kConcurrentHashes run at once; the others wait their turn.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stroom {

inline constexpr int kConcurrentHashes = 2;
inline constexpr size_t kMinimumPasswordLength = 10;

std::string hash_password(std::string_view password);
// False for a wrong password or a malformed hash; constant time in the password.
bool verify_password(const std::string& hash, std::string_view password);
// A Dutch reason why the password may not be used, or nullopt.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace stroom
