// The BSN (burgerservicenummer) rules of formats.md: recognising, checking, pseudonymising.
//
// A pupil id of exactly nine digits is a BSN. It must pass the 11-proef, and is replaced by a
// keyed HMAC-SHA256 pseudonym before anything is stored; the BSN itself is never written.
#pragma once

#include <string>
#include <string_view>

#include <sodium.h>

#include "store/pseudonym_key.h"

namespace stroom {

bool looks_like_bsn(std::string_view id);    // exactly nine ASCII digits
bool passes_elfproef(std::string_view bsn);  // 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11; not 000000000

// Turns BSNs into "ps-" followed by 32 hex digits (128 bits of the HMAC): short enough for a
// 64-character id. The keyed HMAC state is prepared once, so each BSN costs one hash, not three.
class BsnPseudonymiser {
 public:
  explicit BsnPseudonymiser(const PseudonymKey& key);
  std::string operator()(std::string_view bsn) const;

 private:
  crypto_auth_hmacsha256_state keyed_;
};

}  // namespace stroom
