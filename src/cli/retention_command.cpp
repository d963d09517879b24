// `stroom bewaartermijn --db FILE [--jaren N] [--peildatum YYYY-MM-DD]`: sets the retention period
// (with --jaren) and applies the stored one: pupils whose last record ended more than N years
// before the peildatum (default today) are made anonymous. See store/retention.h.
#include <chrono>

#include <fmt/format.h>

#include "accounts/account_admin.h"
#include "cli/commands.h"
#include "store/migrations.h"
#include "store/retention.h"

namespace stroom::cli {
namespace {

struct RetentionArguments {
  std::string db = "stroom.db";
  int jaren = 0;
  std::string peildatum;
};

Date today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(int32_t(days.time_since_epoch().count()));
}

int run_retention(const RetentionArguments& args) {
  if (!require_existing_db(args.db)) return 2;
  std::optional<Date> peildatum = args.peildatum.empty() ? std::optional(today()) : parse_date(args.peildatum);
  if (!peildatum) {
    fmt::print(stderr, "stroom: --peildatum '{}' is geen datum (verwacht JJJJ-MM-DD)\n", log_safe(args.peildatum));
    return 1;
  }
  auto db = open_store(args.db);
  if (args.jaren != 0) set_retention_years(*db, args.jaren);
  const auto years = retention_years(*db);
  if (!years) {
    fmt::print(stderr, "stroom: er is nog geen bewaartermijn ingesteld; geef --jaren\n");
    return 1;
  }
  const RetentionResult result = apply_retention(*db, *years, *peildatum, command_actor());
  fmt::print("bewaartermijn {} jaar: {} leerlingen met een laatste einddatum voor {} geanonimiseerd, "
             "{} geschiedenisregels verwijderd, {} ouderaccounts geblokkeerd\n",
             *years, result.pupils, result.cutoff.iso(), result.history_rows, result.accounts);
  return 0;
}

}  // namespace

void register_retention_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RetentionArguments>();
  auto* cmd = app.add_subcommand("bewaartermijn", "Stel de bewaartermijn in en verwijder persoonsgegevens die erbuiten vallen");
  add_db_option(*cmd, args->db);
  cmd->add_option("--jaren", args->jaren, "Bewaartermijn in jaren (wordt opgeslagen)")->check(whole_number_from_to(1, 100));
  cmd->add_option("--peildatum", args->peildatum, "Datum waarop de termijn wordt berekend (standaard vandaag)");
  cmd->callback([args, exit_code] { *exit_code = run_retention(*args); });
}

}  // namespace stroom::cli
