// `stroom backup --db FILE --to FILE` and `stroom restore --from FILE --db FILE [--overschrijven]`:
// options, the Dutch summary of what was written, and exit status 2 when a file cannot be used.
// The work itself is in store/backup.h (docs/operations.md).
#include <filesystem>

#include <fmt/format.h>

#include "accounts/account_admin.h"
#include "cli/commands.h"
#include "store/backup.h"

namespace stroom::cli {
namespace {

constexpr int kFileError = 2;

struct BackupArguments {
  std::string db = "stroom.db";
  std::string to;
};

struct RestoreArguments {
  std::string from;
  std::string db = "stroom.db";
  bool overwrite = false;
};

// 12,3 MB: sizes the way a Dutch reader writes them.
std::string megabytes(uintmax_t bytes) {
  std::string text = fmt::format("{:.1f} MB", double(bytes) / 1e6);
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

void print_tables(const BackupReport& report) {
  for (const auto& [table, rows] : report.row_counts) fmt::print("  {:<24} {:>10} rijen\n", table, rows);
}

void print_key(const BackupReport& report, std::string_view beside) {
  if (!report.key_file.empty()) {
    fmt::print("  sleutelbestand: {} (bewaar het even geheim als de {})\n", report.key_file.string(), beside);
  } else if (report.key_missing) {
    fmt::print(stderr,
               "waarschuwing: geen sleutelbestand naast de {}, terwijl de database pseudoniemen heeft; "
               "zet het juiste .key-bestand ernaast, anders weigert 'stroom import'\n",
               beside);
  } else {
    fmt::print("  geen sleutelbestand: deze database heeft nog geen pseudoniemen\n");
  }
}

// Runs a backup or a restore and prints what it did: the headline (what, from and to), size,
// schema version, row counts and the key file. A Dutch message and exit status 2 on failure.
template <typename Action, typename Headline>
int run_and_report(Action action, Headline headline, const char* key_role) {
  try {
    const BackupReport report = action();
    fmt::print("{} ({}, schemaversie {})\n", headline(report.database.string()), megabytes(report.bytes),
               report.schema_version);
    print_tables(report);
    print_key(report, key_role);
    if (report.audit_carried > 0)
      fmt::print("  auditlogboek: {} regels van na de back-up overgenomen uit de vervangen database\n", report.audit_carried);
  } catch (const StoreError& e) {
    fmt::print(stderr, "fout: {}\n", log_safe(e.what()));
    return kFileError;
  }
  return 0;
}

int run_backup(const BackupArguments& args) {
  if (!require_existing_db(args.db)) return kFileError;
  return run_and_report([&] { return backup_database(args.db, args.to, command_actor()); },
                        [&](const std::string& written) { return fmt::format("Back-up van {} geschreven naar {}", args.db, written); },
                        "back-up");
}

int run_restore(const RestoreArguments& args) {
  return run_and_report([&] { return restore_database(args.from, args.db, args.overwrite, command_actor()); },
                        [&](const std::string& restored) { return fmt::format("Database {} hersteld uit {}", restored, args.from); },
                        "database");
}

}  // namespace

void register_backup_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<BackupArguments>();
  auto* cmd = app.add_subcommand(
      "backup", "Maak een back-up van de database en haar sleutelbestand (mag terwijl 'stroom serve' draait)");
  add_db_option(*cmd, args->db);
  cmd->add_option("--to", args->to, "Back-upbestand; het sleutelbestand komt ernaast als <bestand>.key")
      ->required()
      ->type_name("BESTAND");
  cmd->callback([args, exit_code] { *exit_code = run_backup(*args); });
}

void register_restore_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RestoreArguments>();
  auto* cmd = app.add_subcommand("restore", "Zet een back-up terug (stop eerst 'stroom serve' op deze database)");
  cmd->add_option("--from", args->from, "Back-upbestand (met <bestand>.key ernaast)")->required()->type_name("BESTAND");
  add_db_option(*cmd, args->db);
  cmd->add_flag("--overschrijven", args->overwrite, "Vervang een bestaande database door de back-up");
  cmd->callback([args, exit_code] { *exit_code = run_restore(*args); });
}

}  // namespace stroom::cli
