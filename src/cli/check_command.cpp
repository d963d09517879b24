// `stroom check --db FILE`: the data-quality findings of measure `kwaliteit`, in Dutch, for the
// beheerder: a summary, the counts per school (vestiging id and name where known) and a few
// example records per finding (pseudonymous leerling ids, dates, vestiging; never a BSN, which
// the store does not hold). Findings are what the check is for, so it exits 0 with them too.
//
// The counting is the measure's (kwaliteit_findings); this file only formats.
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "measures/kwaliteit.h"
#include "store/migrations.h"
#include "store/model_loader.h"

namespace stroom::cli {
namespace {

constexpr size_t kExamples = 3;  // example records per finding

// What each finding means, for the beheerder (the full definition: `stroom maatboek`, kwaliteit).
constexpr std::array<std::string_view, kFindingCount> kExplanations = {
    "inschrijvingen met een vestiging_id die niet in vestigingen staat",
    "leerlingen die op een teldatum bij twee of meer vestigingen van dezelfde sector ingeschreven staan",
    "leerlingen in sbo, of in so/vso met cluster 3, 4 of leeg, zonder toegekende TLV op de teldatum",
    "leerlingen in sbo, so, vso of pro, al ten minste 42 dagen voor de teldatum, zonder OPP op de teldatum",
    "relatief-verzuimmeldingen van een leerling die op de startdatum nergens ingeschreven staat",
};

struct Names {
  explicit Names(const RegionModel& region) : region_(region) {
    for (const Vestiging& v : region.vestigingen) naam_[v.id] = v.naam;
  }
  // "12AB00 De Regenboog", "99ZZ00 (niet in vestigingen)" or "(geen vestiging)".
  std::string school(uint32_t vestiging) const {
    if (vestiging == kNoIndex) return "(geen vestiging)";
    const std::string& id = region_.vestiging_ids[vestiging];
    const auto found = naam_.find(id);
    return log_safe(found == naam_.end() ? id + " (niet in vestigingen)" : id + " " + found->second);
  }

 private:
  const RegionModel& region_;
  std::map<std::string, std::string> naam_;
};

std::string date_text(int32_t days) { return Date::from_days(days).iso(); }

std::string example_text(Finding finding, const FindingExample& x, const RegionModel& region, const Names& names) {
  const std::string pupil = log_safe(region.enrolments.pupil_ids[x.pupil]);
  std::vector<std::string> schools;
  for (uint32_t v : x.vestigingen) schools.push_back(names.school(v));
  const std::string at = fmt::format("{}", fmt::join(schools, " en "));
  if (finding == Finding::verzuim_zonder_inschrijving)
    return fmt::format("leerling {}: melding relatief verzuim vanaf {}{}, {}", pupil, date_text(x.start),
                       x.end == kOpenEnd ? std::string(" (open)") : fmt::format(" tot {}", date_text(x.end)),
                       x.vestigingen.front() == kNoIndex ? std::string("zonder vestiging") : "vestiging " + at);
  const std::string spell =
      fmt::format("{} vanaf {} tot en met {}", setting_code(Setting(x.setting)), date_text(x.start),
                  x.end == kOpenEnd ? std::string("open") : date_text(x.end));
  if (finding == Finding::onbekende_vestiging) return fmt::format("leerling {}: inschrijving {} bij {}", pupil, spell, at);
  return fmt::format("leerling {} op teldatum {}: {} (inschrijving {})", pupil, date_text(x.date), at, spell);
}

void print_report(const std::string& db, const RegionModel& region) {
  const auto found = kwaliteit_findings(region, kExamples);
  const Names names(region);
  int64_t all = 0;
  for (const auto& f : found) all += f.totaal;
  fmt::print("Datakwaliteit van {}\n\n", log_safe(db));
  if (all == 0) {
    fmt::print("Geen bevindingen: de gegevens doorstaan alle {} controles.\n", kFindingCount);
    return;
  }
  fmt::print("Bevindingen (aantal en betekenis):\n");
  for (size_t f = 0; f < kFindingCount; ++f)
    fmt::print("  {:<28} {:>7}  {}\n", kFindingCodes[f], found[f].totaal, kExplanations[f]);

  // Per school: every vestiging with a finding, in vestiging_id order (reports without one first).
  fmt::print("\nPer school:\n");
  const size_t schools = region.vestiging_ids.size();
  for (size_t s = 0; s <= schools; ++s) {
    const uint32_t v = s == 0 ? kNoIndex : uint32_t(s - 1);
    std::vector<std::string> counts;
    for (size_t f = 0; f < kFindingCount; ++f) {
      const int64_t n = v == kNoIndex ? found[f].without_vestiging : found[f].per_vestiging[v];
      if (n > 0) counts.push_back(fmt::format("{} {}", kFindingCodes[f], n));
    }
    if (!counts.empty()) fmt::print("  {}: {}\n", names.school(v), fmt::join(counts, ", "));
  }

  fmt::print("\nVoorbeelden (ten hoogste {} per bevinding; leerling-id's zoals opgeslagen, gepseudonimiseerd):\n", kExamples);
  for (size_t f = 0; f < kFindingCount; ++f) {
    if (found[f].examples.empty()) continue;
    fmt::print("  {}:\n", kFindingCodes[f]);
    for (const FindingExample& x : found[f].examples)
      fmt::print("    {}\n", example_text(Finding(f), x, region, names));
  }
}

}  // namespace

void register_check_command(CLI::App& app, int* exit_code) {
  auto db = std::make_shared<std::string>("stroom.db");
  auto* cmd = app.add_subcommand("check", "Controleer de datakwaliteit (de bevindingen van maat kwaliteit)");
  add_db_option(*cmd, *db);
  cmd->callback([db, exit_code] {
    if (!require_existing_db(*db)) {
      *exit_code = 2;
      return;
    }
    auto store = open_store(*db);
    print_report(*db, load_region(*store));
    *exit_code = 0;
  });
}

}  // namespace stroom::cli
