// `stroom generate --out DIR --pupils N --from YYYY --to YYYY --seed S [--swv CODE] [--vuil PCT]`:
// parses the options (with Dutch messages for wrong ones), shows progress on a terminal, and
// prints a summary of the files written. The generator itself is in src/generate/.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <variant>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "generate/csv_output.h"
#include "generate/generated_region.h"
#include "generate/region_writer.h"

namespace stroom::cli {
namespace {

constexpr int kUsageError = 1;
constexpr int kWriteError = 2;

// Options arrive as text so that a wrong value gets a Dutch message naming the option.
struct GenerateArguments {
  std::string out, pupils, from, to, seed;
  std::string swv = "PO9901";
  std::string vuil = "0";
};

template <typename Number>
std::optional<Number> parse_number(const std::string& text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_percentage(std::string text) {
  for (char& c : text)
    if (c == ',') c = '.';
  size_t used = 0;
  try {
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

int usage(const std::string& message) {
  fmt::print(stderr, "fout: {}\n", log_safe(message));
  return kUsageError;
}

// Turns the text options into GeneratorOptions, or returns the exit code of a usage error.
std::variant<GeneratorOptions, int> read_options(const GenerateArguments& args) {
  const std::pair<const char*, const std::string*> required[] = {
      {"--out", &args.out}, {"--pupils", &args.pupils}, {"--from", &args.from}, {"--to", &args.to}, {"--seed", &args.seed}};
  for (const auto& [name, value] : required)
    if (value->empty()) return usage(fmt::format("{} ontbreekt (zie stroom generate --help)", name));
  GeneratorOptions options;
  const auto pupils = parse_number<int64_t>(args.pupils);
  if (!pupils) return usage(fmt::format("--pupils moet een geheel aantal leerlingen zijn (gegeven: '{}')", args.pupils));
  const auto from = parse_number<int>(args.from);
  if (!from) return usage(fmt::format("--from moet een jaartal zijn (gegeven: '{}')", args.from));
  const auto to = parse_number<int>(args.to);
  if (!to) return usage(fmt::format("--to moet een jaartal zijn (gegeven: '{}')", args.to));
  const auto seed = parse_number<uint64_t>(args.seed);
  if (!seed) return usage(fmt::format("--seed moet een geheel getal van 0 of meer zijn (gegeven: '{}')", args.seed));
  const auto vuil = parse_percentage(args.vuil);
  if (!vuil) return usage(fmt::format("--vuil moet een percentage tussen 0 en 100 zijn (gegeven: '{}')", args.vuil));
  options.pupils = *pupils;
  options.from_year = *from;
  options.to_year = *to;
  options.seed = *seed;
  options.swv = args.swv;
  options.vuil = *vuil;
  if (auto problem = validate_generator_options(options)) return usage(*problem);
  return options;
}

// Fails early, before minutes of generating, when the folder cannot be written.
std::optional<std::string> check_writable(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir))
    return fmt::format("kan map {} niet aanmaken{}", dir.string(), error ? ": " + error.message() : "");
  const auto probe = dir / ".stroom-schrijftest";
  { std::ofstream test(probe); if (!test) return fmt::format("kan niet schrijven in map {}", dir.string()); }
  std::filesystem::remove(probe, error);
  return std::nullopt;
}

void print_summary(const GeneratedRegion& region, const std::filesystem::path& dir,
                   const std::vector<WrittenFile>& files) {
  const auto& codes = region.plan.codes();
  fmt::print("Demoregio geschreven naar {}\n", dir.string());
  fmt::print("  SWV {} en {}, schooljaren {}-{} tot en met {}-{}, seed {}\n", codes.po, codes.vo,
             region.window.from_year, region.window.from_year + 1, region.window.to_year,
             region.window.to_year + 1, region.options.seed);
  fmt::print("  leerlingen ingeschreven op {}-10-01: {}\n", region.window.from_year, region.pupils_on_first_teldatum);
  int64_t invalid = 0, silent = 0, rows = 0;
  for (const WrittenFile& file : files) {
    fmt::print("  {:<20} {:>10} regels\n", file.name, file.rows);
    invalid += file.invalid_rows;
    silent += file.silent_rows;
    rows += file.rows;
  }
  if (region.options.vuil > 0)
    fmt::print("  --vuil {}: {} regels met een fout die de import afwijst, {} met een stille fout (van {})\n",
               region.options.vuil, invalid, silent, rows);
}

int run_generate(const GenerateArguments& args) {
  auto read = read_options(args);
  if (std::holds_alternative<int>(read)) return std::get<int>(read);
  GeneratorOptions options = std::get<GeneratorOptions>(std::move(read));
  const std::filesystem::path dir = args.out;
  if (auto problem = check_writable(dir)) {
    fmt::print(stderr, "fout: --out: {}\n", log_safe(*problem));
    return kWriteError;
  }
  ProgressBar progress;
  auto show = [&progress](std::string_view stage, double done) { progress.update(std::string(stage), done); };
  options.progress = show;
  try {
    const GeneratedRegion region = generate_region(options);
    const auto files = write_region(region, dir, show);
    progress.clear();
    print_summary(region, dir, files);
  } catch (const GenerateWriteError& e) {
    progress.clear();
    fmt::print(stderr, "fout: {}\n", log_safe(e.what()));
    return kWriteError;
  }
  return 0;
}

}  // namespace

void register_generate_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<GenerateArguments>();
  auto* cmd = app.add_subcommand("generate", "Genereer een synthetische regio (alle zeven CSV-bestanden)");
  cmd->add_option("--out", args->out, "Map waarin de CSV-bestanden komen (wordt aangemaakt)")->type_name("MAP");
  cmd->add_option("--pupils", args->pupils, "Ongeveer zoveel leerlingen ingeschreven op de eerste teldatum")->type_name("AANTAL");
  cmd->add_option("--from", args->from, "Eerste schooljaar (JJJJ: schooljaar JJJJ-JJJJ+1)")->type_name("JAAR");
  cmd->add_option("--to", args->to, "Laatste schooljaar (JJJJ)")->type_name("JAAR");
  cmd->add_option("--seed", args->seed, "Startwaarde: dezelfde opties geven dezelfde bestanden")->type_name("GETAL");
  cmd->add_option("--swv", args->swv, "SWV-code van de regio (standaard PO9901; VO-code met dezelfde cijfers)");
  cmd->add_option("--vuil", args->vuil, "Percentage regels met fouten zoals echte exports die hebben (0-100)")->type_name("PCT");
  cmd->callback([args, exit_code] { *exit_code = run_generate(*args); });
}

}  // namespace stroom::cli
