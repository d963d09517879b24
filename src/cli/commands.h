// The subcommands of the stroom CLI. Each command file registers its options and a callback that
// calls into the library; the CLI itself holds no domain logic (architecture.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/dutch_validators.h"  // option checks with Dutch refusals
#include "server/log_line.h"  // log_safe() for every message that echoes outside input

namespace stroom::cli {

// --db for a command that works on a store (default stroom.db).
void add_db_option(CLI::App& command, std::string& db);
// True when the database file exists; otherwise prints a Dutch message (exit status 2 follows).
bool require_existing_db(const std::string& db);

// Each register function adds one subcommand. The callback stores its exit status in *exit_code.
void register_version_command(CLI::App& app, int* exit_code);
void register_generate_command(CLI::App& app, int* exit_code);
void register_import_command(CLI::App& app, int* exit_code);
void register_measure_command(CLI::App& app, int* exit_code);
void register_maatboek_command(CLI::App& app, int* exit_code);
void register_serve_command(CLI::App& app, int* exit_code);
void register_backup_command(CLI::App& app, int* exit_code);
void register_restore_command(CLI::App& app, int* exit_code);
void register_user_command(CLI::App& app, int* exit_code);
void register_audit_command(CLI::App& app, int* exit_code);
void register_retention_command(CLI::App& app, int* exit_code);
void register_setting_command(CLI::App& app, int* exit_code);
void register_check_command(CLI::App& app, int* exit_code);

}  // namespace stroom::cli
