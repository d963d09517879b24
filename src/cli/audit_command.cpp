// `stroom audit --db FILE [--out FILE] [--leerling ID] [--gebruiker NAME]`: exports the audit log
// as CSV for the beheerder (to standard output by default). The export is itself logged.
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/account_admin.h"
#include "store/audit_log.h"
#include "store/migrations.h"

namespace stroom::cli {
namespace {

struct AuditArguments {
  std::string db = "stroom.db";
  std::string out;
  std::string leerling;
  std::string gebruiker;
};

int run_audit(const AuditArguments& args) {
  if (!require_existing_db(args.db)) return 2;
  auto db = open_store(args.db);
  append_audit(*db, {{0, {}, command_actor(), "beheerder", "logboek-inzien", args.leerling, "stroom audit", "export", {}}});
  const std::string csv = audit_csv(read_audit(*db, {args.leerling, args.gebruiker, 0}));
  if (args.out.empty()) {
    fmt::print("{}", csv);
    return 0;
  }
  std::ofstream file(args.out, std::ios::binary);
  file << csv;
  if (!file.flush()) {
    fmt::print(stderr, "stroom: kan {} niet schrijven\n", log_safe(args.out));
    return 2;
  }
  fmt::print("auditlogboek geschreven naar {}\n", args.out);
  return 0;
}

}  // namespace

void register_audit_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AuditArguments>();
  auto* cmd = app.add_subcommand("audit", "Exporteer het auditlogboek (CSV)");
  add_db_option(*cmd, args->db);
  cmd->add_option("--out", args->out, "Uitvoerbestand (standaard: standaarduitvoer)");
  cmd->add_option("--leerling", args->leerling, "Alleen regels over deze leerling");
  cmd->add_option("--gebruiker", args->gebruiker, "Alleen regels van deze gebruiker");
  cmd->callback([args, exit_code] { *exit_code = run_audit(*args); });
}

}  // namespace stroom::cli
