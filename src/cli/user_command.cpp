// `stroom user add|list|disable|enable|reset`: accounts of the dashboard. Passwords are read from
// standard input (--password-stdin), never from the command line, where other users of the machine
// could read them in the process list.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/account_admin.h"
#include "store/migrations.h"

namespace stroom::cli {
namespace {

struct UserArguments {
  std::string db = "stroom.db";
  std::string naam;
  std::string rol;
  std::vector<std::string> vestigingen;
  std::string leerling;
  bool password_stdin = false;
};

std::optional<std::string> read_password(bool from_stdin) {
  if (!from_stdin) {
    fmt::print(stderr, "stroom: geef het wachtwoord op standaardinvoer met --password-stdin\n");
    return std::nullopt;
  }
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Runs one account action on the store; Dutch message and exit status 1 on a broken rule.
template <typename Action>
int with_store(const UserArguments& args, Action action) {
  if (!require_existing_db(args.db)) return 2;
  try {
    auto db = open_store(args.db);
    action(*db);
    return 0;
  } catch (const AccountError& e) {
    fmt::print(stderr, "stroom: {}\n", log_safe(e.what()));
    return 1;
  }
}

int run_add(const UserArguments& args) {
  auto password = read_password(args.password_stdin);
  if (!password) return 1;
  return with_store(args, [&](Database& db) {
    for (const auto& warning : add_user(db, {args.naam, args.rol, args.vestigingen, args.leerling, *password}, command_actor()))
      fmt::print(stderr, "waarschuwing: {}\n", log_safe(warning));
    fmt::print("gebruiker {} toegevoegd (rol {})\n", args.naam, args.rol);
  });
}

int run_list(const UserArguments& args) {
  return with_store(args, [](Database& db) {
    fmt::print("{:<24} {:<10} {:<8} {}\n", "gebruiker", "rol", "actief", "bereik");
    for (const Account& a : list_accounts(db)) {
      std::string scope = a.leerling_id ? "leerling " + *a.leerling_id : fmt::format("{}", fmt::join(a.vestigingen, ", "));
      fmt::print("{:<24} {:<10} {:<8} {}\n", a.naam, a.rol, a.actief ? "ja" : "nee", scope);
    }
  });
}

int run_set_active(const UserArguments& args, bool actief) {
  return with_store(args, [&](Database& db) {
    set_user_active(db, args.naam, actief, command_actor());
    fmt::print("gebruiker {} {}\n", args.naam, actief ? "geactiveerd" : "geblokkeerd; lopende sessies eindigen binnen enkele seconden");
  });
}

int run_reset(const UserArguments& args) {
  auto password = read_password(args.password_stdin);
  if (!password) return 1;
  return with_store(args, [&](Database& db) {
    reset_user_password(db, args.naam, *password, command_actor());
    fmt::print("wachtwoord van {} gewijzigd; lopende sessies eindigen\n", args.naam);
  });
}

CLI::App* subcommand(CLI::App& user, const char* name, const char* help, UserArguments& args) {
  auto* cmd = user.add_subcommand(name, help);
  cmd->set_help_flag("-h,--help", "Toon deze hulptekst");
  add_db_option(*cmd, args.db);
  return cmd;
}

}  // namespace

void register_user_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<UserArguments>();
  auto* user = app.add_subcommand("user", "Beheer de gebruikers van het dashboard");
  user->require_subcommand(1);
  auto* add = subcommand(*user, "add", "Voeg een gebruiker toe", *args);
  add->add_option("naam", args->naam, "Gebruikersnaam")->required();
  add->add_option("--role", args->rol, "Rol: beheerder, analist, school, commissie of ouder")->required();
  add->add_option("--vestiging", args->vestigingen, "Vestiging van een schoolgebruiker (herhaalbaar)");
  add->add_option("--leerling", args->leerling, "Kind van een ouder (leerling-id of BSN)");
  add->add_flag("--password-stdin", args->password_stdin, "Lees het wachtwoord van standaardinvoer");
  add->callback([args, exit_code] { *exit_code = run_add(*args); });
  subcommand(*user, "list", "Toon alle gebruikers", *args)->callback([args, exit_code] { *exit_code = run_list(*args); });
  for (bool actief : {false, true}) {
    auto* cmd = subcommand(*user, actief ? "enable" : "disable", actief ? "Activeer een gebruiker weer" : "Blokkeer een gebruiker", *args);
    cmd->add_option("naam", args->naam, "Gebruikersnaam")->required();
    cmd->callback([args, exit_code, actief] { *exit_code = run_set_active(*args, actief); });
  }
  auto* reset = subcommand(*user, "reset", "Stel een nieuw wachtwoord in", *args);
  reset->add_option("naam", args->naam, "Gebruikersnaam")->required();
  reset->add_flag("--password-stdin", args->password_stdin, "Lees het wachtwoord van standaardinvoer");
  reset->callback([args, exit_code] { *exit_code = run_reset(*args); });
}

}  // namespace stroom::cli
