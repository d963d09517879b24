// `stroom import PATH --db FILE [--strict] [--rejects FILE]`: options, progress and the summary.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "ingest/importer.h"
#include "ingest/rejects_report.h"
#include "store/migrations.h"

namespace stroom::cli {
namespace {

struct ImportArguments {
  std::string path;
  std::string db = "stroom.db";
  std::string rejects;
  bool strict = false;
};

constexpr size_t kRejectsShown = 10;

// The first kRejectsShown of a file's rejected (or warned) fields; the report has them all.
void print_fields(const char* what, const std::string& file, const std::vector<RejectedField>& fields) {
  for (size_t i = 0; i < fields.size() && i < kRejectsShown; ++i) {
    const auto& r = fields[i];
    fmt::print(stderr, "{}: {} regel {}{}: {}\n", what, log_safe(r.file), r.line,
               r.column.empty() ? "" : ", kolom " + log_safe(r.column), log_safe(r.reason));
  }
  if (fields.size() > kRejectsShown)
    fmt::print(stderr, "{}: {} en nog {} meldingen, zie het afwijzingenrapport\n", what, log_safe(file),
               fields.size() - kRejectsShown);
}

void print_result(const FileImportResult& result) {
  if (result.failed) {
    fmt::print(stderr, "fout: {}: {}\n", log_safe(result.file), log_safe(result.failure));
    return;
  }
  for (const auto& warning : result.warnings) fmt::print(stderr, "waarschuwing: {}: {}\n", log_safe(result.file), log_safe(warning));
  print_fields("afgewezen", result.file, result.rejects);
  print_fields("waarschuwing", result.file, result.field_warnings);
  fmt::print("{} ({}, {}): {} gelezen, {} nieuw, {} vervangen, {} ongewijzigd, {} afgewezen\n",
             log_safe(result.file), file_schema(*result.kind).name, result.encoding, result.read,
             result.inserted, result.replaced, result.unchanged, result.rejected);
}

std::filesystem::path default_rejects_path(const std::filesystem::path& db) {
  return db.parent_path() / (db.stem().string() + "-afgewezen.csv");
}

int run_import(const ImportArguments& args) {
  if (!std::filesystem::exists(args.path)) {
    fmt::print(stderr, "fout: {} bestaat niet\n", log_safe(args.path));
    return 2;
  }
  auto files = import_files_in(args.path);
  if (files.empty()) {
    fmt::print(stderr, "fout: geen .csv-bestanden in {}\n", log_safe(args.path));
    return 2;
  }
  auto db = open_store(args.db);
  const PseudonymKey key = load_or_create_pseudonym_key(*db);
  ProgressBar progress;
  ImportOptions options{args.strict, [&](const std::string& file, double done) { progress.update(file, done); }};
  std::vector<FileImportResult> results;
  for (const auto& file : files) {
    results.push_back(import_file(*db, key, file, options));
    progress.clear();
    print_result(results.back());
  }
  const auto rejects_path = args.rejects.empty() ? default_rejects_path(args.db) : std::filesystem::path(args.rejects);
  write_rejects_report(rejects_path, results);
  const int exit_code = import_exit_code(results);
  const bool warned = std::any_of(results.begin(), results.end(), [](const auto& r) { return !r.field_warnings.empty(); });
  if (exit_code != 0 || warned) fmt::print(stderr, "afwijzingenrapport: {}\n", log_safe(rejects_path.string()));
  if (args.strict && exit_code == 3)
    fmt::print(stderr, "--strict: uit bestanden met afgewezen regels is niets geïmporteerd\n");
  return exit_code;
}

}  // namespace

void register_import_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ImportArguments>();
  auto* cmd = app.add_subcommand("import", "Importeer een CSV-bestand of alle CSV-bestanden in een map");
  cmd->add_option("pad", args->path, "Bestand of map met CSV-bestanden")->required();
  add_db_option(*cmd, args->db);
  cmd->add_flag("--strict", args->strict, "Importeer niets uit een bestand met een afgewezen regel");
  cmd->add_option("--rejects", args->rejects,
                  "Afwijzingenrapport (standaard <db>-afgewezen.csv naast de database)");
  cmd->callback([args, exit_code] { *exit_code = run_import(*args); });
}

}  // namespace stroom::cli
