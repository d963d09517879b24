// The SWV's settings for parents; see swv_contact.h.
#include "store/swv_contact.h"

namespace stroom {
namespace {

constexpr const char* kStaffNames = "inzage.namen";

std::optional<std::string> setting(Database& db, const std::string& name) {
  Statement query = db.prepare("SELECT waarde FROM instellingen WHERE naam = ?");
  query.bind_text(1, name);
  if (!query.step()) return std::nullopt;
  return std::string(query.column_text(0));
}

void store_setting(Database& db, const std::string& name, const std::string& value) {
  Statement upsert = db.prepare("INSERT INTO instellingen (naam, waarde) VALUES (?, ?) "
                                "ON CONFLICT (naam) DO UPDATE SET waarde = excluded.waarde");
  upsert.bind_text(1, name);
  upsert.bind_text(2, value);
  upsert.step();
}

}  // namespace

const std::vector<ContactField>& contact_fields() {
  static const std::vector<ContactField> fields = {{"naam", &SwvContact::naam},
                                                   {"telefoon", &SwvContact::telefoon},
                                                   {"email", &SwvContact::email},
                                                   {"adres", &SwvContact::adres},
                                                   {"website", &SwvContact::website}};
  return fields;
}

SwvContact read_swv_contact(Database& db) {
  SwvContact contact;
  for (const ContactField& field : contact_fields())
    contact.*field.member = setting(db, std::string("contact.") + field.name).value_or("");
  return contact;
}

void set_swv_contact(Database& db, const std::vector<std::pair<std::string, std::optional<std::string>>>& fields) {
  TransactionUnlessInOne transaction(db);
  for (const auto& [name, value] : fields)
    if (value) store_setting(db, "contact." + name, *value);
  transaction.commit();
}

bool staff_names_shown_to_parents(Database& db) { return setting(db, kStaffNames).value_or("nee") == "ja"; }

void set_staff_names_shown_to_parents(Database& db, bool shown) { store_setting(db, kStaffNames, shown ? "ja" : "nee"); }

}  // namespace stroom
