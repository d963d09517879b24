// `stroom instelling contact --db FILE [--naam T] [--telefoon T] [--email T] [--adres T] [--website T]`
// sets the SWV's contact details that parents see on the "Mijn kind" page (an empty text clears a
// field; without options the current details are printed), and
// `stroom instelling inzage --db FILE --namen ja|nee` whether the access log parents see names the
// staff who looked (default nee). See store/swv_contact.h; every change is written to the audit log.
#include <fmt/format.h>

#include "accounts/account_admin.h"
#include "cli/commands.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/swv_contact.h"

namespace stroom::cli {
namespace {

struct ContactArguments {
  std::string db = "stroom.db";
  std::vector<std::pair<std::string, std::optional<std::string>>> fields;
};

struct InzageArguments {
  std::string db = "stroom.db";
  std::string namen;
};

void audit_setting(Database& db, const std::string& detail) {
  append_audit(db, {{0, {}, command_actor(), "beheerder", "instelling-gewijzigd", {}, "stroom instelling", detail, {}}});
}

int run_contact(const ContactArguments& args) {
  if (!require_existing_db(args.db)) return 2;
  auto db = open_store(args.db);
  std::string changed;
  for (const auto& [name, value] : args.fields)
    if (value) changed += (changed.empty() ? "" : ", ") + name;
  if (!changed.empty()) {
    Transaction transaction(*db);
    set_swv_contact(*db, args.fields);
    audit_setting(*db, "contact: " + changed);
    transaction.commit();
  }
  const SwvContact contact = read_swv_contact(*db);
  for (const ContactField& field : contact_fields())
    fmt::print("{:<9} {}\n", std::string(field.name) + ":", log_safe(contact.*field.member));
  return 0;
}

int run_inzage(const InzageArguments& args) {
  if (!require_existing_db(args.db)) return 2;
  auto db = open_store(args.db);
  if (!args.namen.empty()) {
    Transaction transaction(*db);
    set_staff_names_shown_to_parents(*db, args.namen == "ja");
    audit_setting(*db, "inzage: namen " + args.namen);
    transaction.commit();
  }
  fmt::print("namen van medewerkers in het inzageoverzicht voor ouders: {}\n",
             staff_names_shown_to_parents(*db) ? "ja" : "nee");
  return 0;
}

}  // namespace

void register_setting_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("instelling", "Stel in wat ouders op de pagina Mijn kind zien");
  cmd->require_subcommand(1);

  auto contact = std::make_shared<ContactArguments>();
  auto* contact_cmd = cmd->add_subcommand("contact", "Contactgegevens van het samenwerkingsverband voor ouders");
  add_db_option(*contact_cmd, contact->db);
  contact->fields.reserve(contact_fields().size());
  for (const ContactField& field : contact_fields()) {
    contact->fields.emplace_back(field.name, std::nullopt);
    auto& value = contact->fields.back().second;
    contact_cmd->add_option_function<std::string>(
        std::string("--") + field.name, [&value](const std::string& text) { value = text; },
        fmt::format("{} (lege tekst: weghalen)", field.name));
  }
  contact_cmd->callback([contact, exit_code] { *exit_code = run_contact(*contact); });

  auto inzage = std::make_shared<InzageArguments>();
  auto* inzage_cmd = cmd->add_subcommand("inzage", "Of ouders in het inzageoverzicht de namen van medewerkers zien");
  add_db_option(*inzage_cmd, inzage->db);
  inzage_cmd->add_option("--namen", inzage->namen, "ja: namen tonen; nee: alleen rol en organisatie (standaard)")
      ->check(CLI::IsMember({"ja", "nee"}));
  inzage_cmd->callback([inzage, exit_code] { *exit_code = run_inzage(*inzage); });
}

}  // namespace stroom::cli
