// The installation's secret key for BSN pseudonyms.
//
// A BSN has only about 10^8 valid values, so a plain hash would be reversed by trying them all.
// The keyed HMAC is only as safe as the key is separate from the data: the key therefore lives
// in its own file beside the database (<db>.key, mode 0600), never inside the database or an
// export. The database keeps only a fingerprint of it, so that a wrong or lost key is noticed
// before it splits one pupil into two pseudonyms. See docs/privacy.md.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

#include "store/database.h"

namespace stroom {

struct PseudonymKey {
  std::array<uint8_t, 32> bytes{};
  // A short public hash of the key; identifies the key without revealing it.
  std::string fingerprint() const;
};

std::filesystem::path pseudonym_key_path(const std::filesystem::path& db_path);

// Reads the key beside the database, or creates it when the database has never had one.
// Throws StoreError when the key file is missing or does not belong to this database.
PseudonymKey load_or_create_pseudonym_key(Database& db);

// Reads a key file (hex); throws StoreError when it is damaged. For checking copies (backup).
PseudonymKey read_pseudonym_key(const std::filesystem::path& path);
// The fingerprint of the key a database belongs to; empty when it never had one.
std::string stored_key_fingerprint(Database& db);

}  // namespace stroom
