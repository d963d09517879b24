// The personal-number rules of formats.md: recognising BSNs and onderwijsnummers, checking them,
// pseudonymising them, and keeping them out of free text and messages.
//
// A pupil id of exactly nine digits is a BSN when it passes the 11-proef, or an onderwijsnummer
// (DUO's number for a pupil without a BSN: it begins with "10" and its 11-proef sum leaves 5).
// Eight digits whose form with a leading 0 passes the 11-proef are a BSN a spreadsheet stripped.
// Each is replaced by a keyed HMAC-SHA256 pseudonym before anything is stored; the number itself
// is never written, and never repeated in a message (docs/privacy.md, docs/import.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <sodium.h>

#include "store/pseudonym_key.h"

namespace stroom {

// The prefixes of the ids stroom makes itself: "ps-" for pseudonyms (below) and "anon-" for
// pupils made anonymous by retention (store/retention.cpp). An imported id may not begin with
// either, or it could pass for (or collide with) one of them.
inline constexpr std::string_view kPseudonymPrefix = "ps-";
inline constexpr std::string_view kAnonymousPrefix = "anon-";
bool has_pseudonym_prefix(std::string_view id);  // either prefix, in any letter case

bool looks_like_bsn(std::string_view id);    // exactly nine ASCII digits
bool passes_elfproef(std::string_view bsn);  // 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11; not 000000000
// Nine digits beginning with "10" whose 11-proef sum is 5 modulo 11 (never a BSN, whose sum is 0).
bool is_onderwijsnummer(std::string_view id);

// A personal number recognised in a pupil id: what kind, and the nine digits it stands for
// (the pseudonym is made of those, so an 8-digit id is the same pupil as its 9-digit BSN).
struct PersonalNumber {
  enum class Kind { bsn, onderwijsnummer, bsn_without_leading_zero };
  Kind kind;
  std::string digits;
};
std::optional<PersonalNumber> personal_number(std::string_view id);

// Free text with every nine-digit number that is a BSN or an onderwijsnummer (a run of exactly
// nine digits, not part of a longer run) replaced by "[BSN]" or "[onderwijsnummer]".
struct MaskedText {
  std::string text;
  size_t masked = 0;  // how many numbers were replaced
};
MaskedText mask_personal_numbers(std::string_view text);

// A value as a message may show it: quoted, or "[8 of meer cijfers weggelaten]" when it holds a
// group of eight or more digits (digits joined by single '.' or ' ' count as one group), which
// could be a BSN in whatever form it was typed.
std::string quoted_for_message(std::string_view value);

// Turns personal numbers into "ps-" followed by 32 hex digits (128 bits of the HMAC): short
// enough for a 64-character id. The keyed HMAC state is prepared once, so each number costs one
// hash, not three. BSNs and onderwijsnummers are disjoint sets of strings, so their pseudonyms
// differ as any two HMACs of different inputs do.
class BsnPseudonymiser {
 public:
  explicit BsnPseudonymiser(const PseudonymKey& key);
  std::string operator()(std::string_view bsn) const;

 private:
  crypto_auth_hmacsha256_state keyed_;
};

}  // namespace stroom
