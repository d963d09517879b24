// BSN recognition, 11-proef and HMAC pseudonyms; see bsn.h.
#include "ingest/bsn.h"

#include <sodium.h>

#include <algorithm>

namespace stroom {

bool looks_like_bsn(std::string_view id) {
  return id.size() == 9 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool passes_elfproef(std::string_view bsn) {
  if (!looks_like_bsn(bsn)) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (bsn[size_t(i)] - '0');
  sum -= bsn[8] - '0';
  return sum % 11 == 0 && bsn != "000000000";
}

BsnPseudonymiser::BsnPseudonymiser(const PseudonymKey& key) {
  crypto_auth_hmacsha256_init(&keyed_, key.bytes.data(), key.bytes.size());
}

std::string BsnPseudonymiser::operator()(std::string_view bsn) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state = keyed_;
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(bsn.data()),
                                bsn.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, mac, 16);
  return std::string("ps-") + hex;
}

}  // namespace stroom
