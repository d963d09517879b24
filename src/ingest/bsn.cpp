// Personal-number recognition, masking and HMAC pseudonyms; see bsn.h.
#include "ingest/bsn.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace stroom {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 9*d1 + 8*d2 + ... + 2*d8 - d9 modulo 11, in 0..10; the caller checks for nine digits.
int elfproef_rest(std::string_view nine) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (nine[size_t(i)] - '0');
  sum -= nine[8] - '0';
  return ((sum % 11) + 11) % 11;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

}  // namespace

bool has_pseudonym_prefix(std::string_view id) {
  return starts_with_ignoring_case(id, kPseudonymPrefix) || starts_with_ignoring_case(id, kAnonymousPrefix);
}

bool looks_like_bsn(std::string_view id) {
  return id.size() == 9 && std::all_of(id.begin(), id.end(), is_digit);
}

bool passes_elfproef(std::string_view bsn) {
  return looks_like_bsn(bsn) && elfproef_rest(bsn) == 0 && bsn != "000000000";
}

bool is_onderwijsnummer(std::string_view id) {
  return looks_like_bsn(id) && id.starts_with("10") && elfproef_rest(id) == 5;
}

std::optional<PersonalNumber> personal_number(std::string_view id) {
  using Kind = PersonalNumber::Kind;
  if (passes_elfproef(id)) return PersonalNumber{Kind::bsn, std::string(id)};
  if (is_onderwijsnummer(id)) return PersonalNumber{Kind::onderwijsnummer, std::string(id)};
  if (id.size() == 8 && std::all_of(id.begin(), id.end(), is_digit)) {
    std::string padded = "0" + std::string(id);
    if (passes_elfproef(padded)) return PersonalNumber{Kind::bsn_without_leading_zero, std::move(padded)};
  }
  return std::nullopt;
}

MaskedText mask_personal_numbers(std::string_view text) {
  MaskedText out;
  out.text.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      out.text += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_digit(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    if (passes_elfproef(run)) {
      out.text += "[BSN]";
      ++out.masked;
    } else if (is_onderwijsnummer(run)) {
      out.text += "[onderwijsnummer]";
      ++out.masked;
    } else {
      out.text += run;
    }
    i = end;
  }
  return out;
}

std::string quoted_for_message(std::string_view value) {
  size_t group = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (is_digit(c)) {
      if (++group >= 8) return "[8 of meer cijfers weggelaten]";
    } else {
      const bool joiner = (c == '.' || c == ' ') && group > 0 && i + 1 < value.size() && is_digit(value[i + 1]);
      if (!joiner) group = 0;
    }
  }
  return "'" + std::string(value) + "'";
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
  return std::string(kPseudonymPrefix) + hex;
}

}  // namespace stroom
