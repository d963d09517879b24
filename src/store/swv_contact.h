// What the SWV tells parents on the "Mijn kind" page, set by the beheerder with
// `stroom instelling contact` and `stroom instelling inzage` (docs/operations.md): the SWV's
// contact details, and whether the access log a parent sees names the staff who looked (off by
// default: a parent sees role and organisation only). Kept in the `instellingen` table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace stroom {

struct SwvContact {
  std::string naam;      // e.g. "Samenwerkingsverband Passend Onderwijs Regio"
  std::string telefoon;
  std::string email;
  std::string adres;
  std::string website;
};

// The fields in the order they are shown, with their setting names ("contact.naam", ...).
struct ContactField {
  const char* name;  // "naam", "telefoon", ...
  std::string SwvContact::*member;
};
const std::vector<ContactField>& contact_fields();

SwvContact read_swv_contact(Database& db);  // empty fields when not set
// Stores the given fields; an empty optional leaves a field as it is, an empty text clears it.
void set_swv_contact(Database& db, const std::vector<std::pair<std::string, std::optional<std::string>>>& fields);

bool staff_names_shown_to_parents(Database& db);
void set_staff_names_shown_to_parents(Database& db, bool shown);

}  // namespace stroom
