// `stroom audit --db FILE [--out FILE] [--leerling ID] [--gebruiker NAME] [--actie ACTIE]
// [--van DATUM] [--tot DATUM]`: exports the audit log as CSV for the beheerder (to standard output
// by default), with the filters of GET /api/audit. The export is itself logged.
#include <fstream>
#include <tuple>

#include <fmt/format.h>

#include "accounts/account_admin.h"
#include "cli/commands.h"
#include "store/audit_log.h"
#include "store/migrations.h"

namespace stroom::cli {
namespace {

struct AuditArguments {
  std::string db = "stroom.db";
  std::string out;
  std::string leerling;
  std::string gebruiker;
  std::string actie;
  std::string van;
  std::string tot;
};

int run_audit(const AuditArguments& args) {
  AuditFilter filter{args.leerling, args.gebruiker, 0};
  filter.actie = args.actie;
  for (auto [name, field, text] : {std::tuple{"--van", &AuditFilter::van, &args.van}, std::tuple{"--tot", &AuditFilter::tot, &args.tot}})
    if (auto problem = set_audit_date(filter, field, name, *text)) {
      fmt::print(stderr, "stroom: {}\n", *problem);
      return 1;
    }
  if (!require_existing_db(args.db)) return 2;
  auto db = open_store(args.db);
  append_audit(*db, {{0, {}, command_actor(), "beheerder", "logboek-inzien", args.leerling, "stroom audit", "export", {}}});
  const std::string csv = audit_csv(read_audit(*db, filter));
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
  cmd->add_option("--leerling", args->leerling, "Alleen regels over deze leerling, ook lijstpagina's waarop de leerling stond");
  cmd->add_option("--gebruiker", args->gebruiker, "Alleen regels van deze gebruiker");
  cmd->add_option("--actie", args->actie, "Alleen regels met deze actie (bv. lezen, lezen-lijst, geweigerd)");
  cmd->add_option("--van", args->van, "Alleen regels vanaf deze dag (JJJJ-MM-DD, UTC)")->type_name("DATUM");
  cmd->add_option("--tot", args->tot, "Alleen regels tot en met deze dag (JJJJ-MM-DD, UTC)")->type_name("DATUM");
  cmd->callback([args, exit_code] { *exit_code = run_audit(*args); });
}

}  // namespace stroom::cli
