// Creating, reading and checking the pseudonym key file; see pseudonym_key.h.
#include "store/pseudonym_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

namespace stroom {
namespace {

constexpr std::string_view kFingerprintSetting = "sleutel_vingerafdruk";

std::string to_hex(const uint8_t* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

void store_fingerprint(Database& db, const std::string& fingerprint) {
  Statement insert = db.prepare("INSERT OR REPLACE INTO instellingen (naam, waarde) VALUES (?, ?)");
  insert.bind_text(1, kFingerprintSetting);
  insert.bind_text(2, fingerprint);
  insert.step();
}

PseudonymKey create_key_file(const std::filesystem::path& path) {
  PseudonymKey key;
  randombytes_buf(key.bytes.data(), key.bytes.size());
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw StoreError(fmt::format("kan sleutelbestand {} niet aanmaken", path.string()));
  std::string hex = to_hex(key.bytes.data(), key.bytes.size()) + "\n";
  bool written = write(fd, hex.data(), hex.size()) == ssize_t(hex.size()) && fsync(fd) == 0;
  close(fd);
  if (!written) throw StoreError(fmt::format("kan sleutelbestand {} niet schrijven", path.string()));
  return key;
}

}  // namespace

PseudonymKey read_pseudonym_key(const std::filesystem::path& path) {
  if (sodium_init() < 0) throw StoreError("libsodium kon niet starten");
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  PseudonymKey key;
  size_t length = 0;
  if (hex.size() != key.bytes.size() * 2 ||
      sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != key.bytes.size()) {
    throw StoreError(fmt::format("sleutelbestand {} is beschadigd", path.string()));
  }
  return key;
}

std::string stored_key_fingerprint(Database& db) {
  Statement query = db.prepare("SELECT waarde FROM instellingen WHERE naam = ?");
  query.bind_text(1, kFingerprintSetting);
  return query.step() ? std::string(query.column_text(0)) : std::string();
}

std::string PseudonymKey::fingerprint() const {
  static constexpr unsigned char kContext[] = "stroom pseudonym key fingerprint";
  uint8_t hash[8];
  crypto_generichash(hash, sizeof hash, bytes.data(), bytes.size(), kContext, sizeof kContext - 1);
  return to_hex(hash, sizeof hash);
}

std::filesystem::path pseudonym_key_path(const std::filesystem::path& db_path) {
  return std::filesystem::path(db_path.string() + ".key");
}

PseudonymKey load_or_create_pseudonym_key(Database& db) {
  if (sodium_init() < 0) throw StoreError("libsodium kon niet starten");
  const auto path = pseudonym_key_path(db.path());
  const std::string expected = stored_key_fingerprint(db);
  if (!std::filesystem::exists(path)) {
    if (!expected.empty()) {
      throw StoreError(fmt::format(
          "sleutelbestand {} ontbreekt, maar deze database gebruikt een sleutel (vingerafdruk {}); "
          "zet het bestand terug uit de back-up, anders krijgen dezelfde BSN's andere pseudoniemen",
          path.string(), expected));
    }
    PseudonymKey key = create_key_file(path);
    store_fingerprint(db, key.fingerprint());
    return key;
  }
  PseudonymKey key = read_pseudonym_key(path);
  if (expected.empty()) {
    store_fingerprint(db, key.fingerprint());
  } else if (expected != key.fingerprint()) {
    throw StoreError(fmt::format("sleutelbestand {} hoort niet bij database {} (vingerafdruk {} "
                                 "in plaats van {})",
                                 path.string(), db.path().string(), key.fingerprint(), expected));
  }
  return key;
}

}  // namespace stroom
