// The contents of formats.md as a table; see file_schema.h.
#include "ingest/file_schema.h"

#include <algorithm>

#include "model/code_tables.h"

namespace stroom {
namespace {

// Choice lists of enumerated columns come from the code tables; the rest have no enum.
constexpr auto kSectors = code_list<Sector>();
constexpr auto kSettings = code_list<Setting>();
// tellingen: a setting or the total over all settings.
constexpr auto kSettingsAndTotal = [] {
  std::array<std::string_view, kSettings.size() + 1> codes{};
  std::copy(kSettings.begin(), kSettings.end(), codes.begin());
  codes.back() = "totaal";
  return codes;
}();
constexpr std::string_view kClusters[] = {"1", "2", "3", "4"};
constexpr std::string_view kNiveaus[] = {"brug",  "vmbo-b",          "vmbo-k",       "vmbo-gt",
                                         "havo",  "vwo",             "vervolgonderwijs",
                                         "arbeidsmarkt", "dagbesteding"};
constexpr auto kDecisionKinds = code_list<DecisionKind>();
constexpr auto kTlvCategories = code_list<TlvCategory>();
constexpr auto kOutcomes = code_list<DecisionOutcome>();
constexpr auto kAbsenceKinds = code_list<AbsenceKind>();
constexpr std::string_view kYesNo[] = {"ja", "nee"};

using F = FieldType;

std::array<FileSchema, 7> make_schemas() {
  return {{
      {FileKind::vestigingen, "vestigingen",
       {{"vestiging_id", true, F::text},
        {"naam", true, F::free_text},
        {"bestuur", false, F::free_text},
        {"gemeente", false, F::free_text},
        {"swv", false, F::text},
        {"sector", false, F::choice, kSectors}},
       {"vestiging_id"},
       {}},
      {FileKind::voorzieningen, "voorzieningen",
       {{"voorziening_id", true, F::text},
        {"naam", true, F::free_text},
        {"onderwijssoort", false, F::choice, kSettings},
        {"plaatsen", true, F::integer},
        {"tarief", true, F::decimal},
        {"geldig_vanaf", true, F::date},
        {"geldig_tot", false, F::date}},
       {"voorziening_id", "geldig_vanaf"},
       {{"geldig_vanaf", "geldig_tot"}}},
      {FileKind::inschrijvingen, "inschrijvingen",
       {{"leerling_id", true, F::pupil_id},
        {"geboortedatum", false, F::date},
        {"vestiging_id", true, F::text},
        {"onderwijssoort", true, F::choice, kSettings},
        {"cluster", false, F::choice, kClusters},
        {"niveau", false, F::choice, kNiveaus},
        {"startdatum", true, F::date},
        {"einddatum", false, F::date}},
       {"leerling_id", "vestiging_id", "onderwijssoort", "startdatum"},
       {{"startdatum", "einddatum"}, {"geboortedatum", "startdatum"}}},
      {FileKind::ondersteuning, "ondersteuning",
       {{"besluit_id", true, F::text},
        {"leerling_id", true, F::pupil_id},
        {"soort", true, F::choice, kDecisionKinds},
        {"categorie", false, F::choice, kTlvCategories},
        {"voorziening_id", false, F::text},
        {"aanvraagdatum", false, F::date},
        {"besluitdatum", false, F::date},
        {"startdatum", false, F::date},
        {"einddatum", false, F::date},
        {"uitkomst", true, F::choice, kOutcomes}},
       {"besluit_id"},
       {{"startdatum", "einddatum"}, {"aanvraagdatum", "besluitdatum"}}},
      {FileKind::verzuim, "verzuim",
       {{"melding_id", true, F::text},
        {"leerling_id", true, F::pupil_id},
        {"vestiging_id", false, F::text},
        {"soort", true, F::choice, kAbsenceKinds},
        {"thuiszitter", true, F::choice, kYesNo},
        {"startdatum", true, F::date},
        {"einddatum", false, F::date},
        {"reden", false, F::free_text}},
       {"melding_id"},
       {{"startdatum", "einddatum"}}},
      {FileKind::wachtlijst, "wachtlijst",
       {{"leerling_id", true, F::pupil_id},
        {"voorziening_id", true, F::text},
        {"aanmelddatum", true, F::date},
        {"plaatsingsdatum", false, F::date},
        {"afgemeld", false, F::date}},
       {"leerling_id", "voorziening_id", "aanmelddatum"},
       {{"aanmelddatum", "plaatsingsdatum"}, {"aanmelddatum", "afgemeld"}}},
      {FileKind::tellingen, "tellingen",
       {{"teldatum", true, F::date},
        {"gebied", true, F::text},
        {"onderwijssoort", true, F::choice, kSettingsAndTotal},
        {"cluster", false, F::choice, kClusters},
        {"aantal", true, F::integer}},
       {"teldatum", "gebied", "onderwijssoort", "cluster"},
       {}},
  }};
}

}  // namespace

std::optional<size_t> FileSchema::column_index(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return i;
  return std::nullopt;
}

const FileSchema& file_schema(FileKind kind) {
  static const std::array<FileSchema, 7> schemas = make_schemas();
  for (const auto& schema : schemas)
    if (schema.kind == kind) return schema;
  return schemas[0];
}

std::optional<FileKind> file_kind_from_name(std::string_view kind_name) {
  for (FileKind kind : kAllFileKinds)
    if (file_schema(kind).name == kind_name) return kind;
  return std::nullopt;
}

}  // namespace stroom
