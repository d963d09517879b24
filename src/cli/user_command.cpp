// `stroom user add|list|disable|enable|reset`: accounts of the dashboard. Passwords are read from
// standard input (--password-stdin), never from the command line, where other users of the machine
// could read them in the process list. At a terminal the password is typed without echo.
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <iostream>

#include <fmt/format.h>

#include "accounts/account_admin.h"
#include "cli/commands.h"
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

// The terminal's settings while echo is off, for the signal handler that puts them back.
termios saved_terminal{};

void restore_terminal_and_die(int signal) {
  tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);  // async-signal-safe
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

constexpr std::array kTerminalSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// Turns echo off while it lives, when standard input is a terminal; puts the terminal back when it
// ends, also on an error (exception) or Ctrl-C, so a shell is never left without echo.
class EchoOff {
 public:
  EchoOff() {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_terminal) != 0) return;
    termios quiet = saved_terminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= ECHONL;  // the Enter still moves to the next line
    struct sigaction restore {};
    restore.sa_handler = restore_terminal_and_die;
    for (size_t i = 0; i < kTerminalSignals.size(); ++i) sigaction(kTerminalSignals[i], &restore, &previous_[i]);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    if (!active_) restore_signals();
  }
  ~EchoOff() {
    if (!active_) return;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
    restore_signals();
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;
  bool active() const { return active_; }

 private:
  void restore_signals() {
    for (size_t i = 0; i < kTerminalSignals.size(); ++i) sigaction(kTerminalSignals[i], &previous_[i], nullptr);
  }
  bool active_ = false;
  std::array<struct sigaction, kTerminalSignals.size()> previous_{};
};

std::optional<std::string> read_password(bool from_stdin, const std::string& naam) {
  if (!from_stdin) {
    fmt::print(stderr, "stroom: geef het wachtwoord op standaardinvoer met --password-stdin\n");
    return std::nullopt;
  }
  std::string line;
  {
    EchoOff echo_off;
    if (echo_off.active()) fmt::print(stderr, "Wachtwoord voor {} (wordt niet getoond): ", naam);
    std::fflush(stderr);
    std::getline(std::cin, line);
  }
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
  auto password = read_password(args.password_stdin, args.naam);
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
  auto password = read_password(args.password_stdin, args.naam);
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
