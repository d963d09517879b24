// Reading every registration table into RegionModel; see model_loader.h.
#include "store/model_loader.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include <fmt/format.h>

namespace stroom {
namespace {

int32_t stored_date(std::string_view iso) {
  auto date = parse_date(iso);
  if (!date) throw StoreError(fmt::format("ongeldige datum '{}' in de database", iso));
  return date->days();
}

int32_t optional_date(const Statement& row, int column, int32_t when_empty) {
  return row.column_is_null(column) ? when_empty : stored_date(row.column_text(column));
}

std::optional<Date> optional_day(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return Date::from_days(stored_date(row.column_text(column)));
}

template <typename Enum, size_t N>
Enum stored_code(std::string_view code, const std::array<std::string_view, N>& codes) {
  for (size_t i = 0; i < N; ++i)
    if (codes[i] == code) return Enum(i);
  throw StoreError(fmt::format("onbekende code '{}' in de database", code));
}

// Dense ids for strings, in order of first appearance.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) {}
  uint32_t operator()(std::string_view name) {
    auto [it, added] = index_.try_emplace(std::string(name), uint32_t(names_.size()));
    if (added) names_.push_back(it->first);
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, uint32_t> index_;
};

// Sorted-unique lookup for the small dimension tables (schools, provisions, reasons).
uint32_t index_in(const std::vector<std::string>& sorted, std::string_view name) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), name);
  return it != sorted.end() && *it == name ? uint32_t(it - sorted.begin()) : kNoIndex;
}

std::vector<std::string> distinct_values(Database& db, std::string_view sql) {
  std::vector<std::string> values;
  Statement query = db.prepare(sql);
  while (query.step()) values.emplace_back(query.column_text(0));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

constexpr std::array<std::string_view, 3> kDecisionKinds = {"tlv", "arrangement", "opp"};
constexpr std::array<std::string_view, 4> kOutcomes = {"toegekend", "afgewezen", "ingetrokken", "lopend"};
constexpr std::array<std::string_view, 4> kCategories = {"sbo", "laag", "midden", "hoog"};

void load_enrolment_rows(Database& db, RegionModel& region, Interner& pupil) {
  auto& e = region.enrolments;
  Statement query =
      db.prepare("SELECT leerling_id, onderwijssoort, startdatum, einddatum, vestiging_id FROM inschrijvingen");
  while (query.step()) {
    auto setting = parse_setting(query.column_text(1));
    if (!setting) throw StoreError(fmt::format("onbekende onderwijssoort '{}' in de database", query.column_text(1)));
    e.pupil.push_back(pupil(query.column_text(0)));
    e.setting.push_back(uint8_t(*setting));
    e.start.push_back(stored_date(query.column_text(2)));
    e.end.push_back(optional_date(query, 3, kOpenEnd));
    e.vestiging.push_back(index_in(region.vestiging_ids, query.column_text(4)));
  }
}

void load_absences(Database& db, RegionModel& region, Interner& pupil) {
  auto& a = region.absences;
  Statement query = db.prepare(
      "SELECT leerling_id, thuiszitter, startdatum, einddatum, vestiging_id, reden FROM verzuim");
  while (query.step()) {
    a.pupil.push_back(pupil(query.column_text(0)));
    a.thuiszitter.push_back(query.column_text(1) == "ja");
    a.start.push_back(stored_date(query.column_text(2)));
    a.end.push_back(optional_date(query, 3, kOpenEnd));
    a.vestiging.push_back(query.column_is_null(4) ? kNoIndex : index_in(region.vestiging_ids, query.column_text(4)));
    a.reason.push_back(query.column_is_null(5) ? kNoIndex : index_in(region.absence_reasons, query.column_text(5)));
  }
}

void load_decisions(Database& db, RegionModel& region, Interner& pupil) {
  auto& d = region.decisions;
  Statement query = db.prepare(
      "SELECT leerling_id, soort, uitkomst, categorie, voorziening_id, aanvraagdatum, besluitdatum, "
      "startdatum, einddatum FROM ondersteuning");
  while (query.step()) {
    d.pupil.push_back(pupil(query.column_text(0)));
    d.kind.push_back(uint8_t(stored_code<DecisionKind>(query.column_text(1), kDecisionKinds)));
    d.outcome.push_back(uint8_t(stored_code<DecisionOutcome>(query.column_text(2), kOutcomes)));
    d.category.push_back(query.column_is_null(3) ? kNoCategory
                                                 : uint8_t(stored_code<uint8_t>(query.column_text(3), kCategories)));
    d.provision.push_back(query.column_is_null(4) ? kNoIndex : index_in(region.provision_ids, query.column_text(4)));
    d.requested.push_back(optional_date(query, 5, kNoDate));
    d.decided.push_back(optional_date(query, 6, kNoDate));
    d.start.push_back(optional_date(query, 7, kNoDate));
    d.end.push_back(optional_date(query, 8, kOpenEnd));
  }
}

void load_small_tables(Database& db, RegionModel& region) {
  Statement provisions = db.prepare(
      "SELECT voorziening_id, naam, onderwijssoort, plaatsen, tarief, geldig_vanaf, geldig_tot FROM voorzieningen "
      "ORDER BY voorziening_id, geldig_vanaf");
  while (provisions.step()) {
    Provision p;
    p.id = provisions.column_text(0);
    p.naam = provisions.column_text(1);
    p.setting = parse_setting(provisions.column_text(2));
    p.places = provisions.column_int(3);
    const auto tariff = provisions.column_text(4);
    std::from_chars(tariff.data(), tariff.data() + tariff.size(), p.tariff);
    p.valid_from = Date::from_days(stored_date(provisions.column_text(5)));
    p.valid_to = optional_day(provisions, 6);
    region.provisions.push_back(std::move(p));
  }
  Statement waiting = db.prepare(
      "SELECT leerling_id, voorziening_id, aanmelddatum, plaatsingsdatum, afgemeld FROM wachtlijst");
  while (waiting.step()) {
    region.waiting.push_back({std::string(waiting.column_text(0)), std::string(waiting.column_text(1)),
                              Date::from_days(stored_date(waiting.column_text(2))), optional_day(waiting, 3),
                              optional_day(waiting, 4)});
  }
  Statement schools = db.prepare("SELECT vestiging_id, naam, bestuur, gemeente, swv, sector FROM vestigingen");
  while (schools.step()) {
    Vestiging v{std::string(schools.column_text(0)), std::string(schools.column_text(1)),
                std::string(schools.column_text(2)), std::string(schools.column_text(3)),
                std::string(schools.column_text(4)), std::nullopt};
    if (!schools.column_is_null(5)) v.sector = schools.column_text(5) == "po" ? Sector::po : Sector::vo;
    region.vestigingen.push_back(std::move(v));
  }
  Statement counts = db.prepare("SELECT teldatum, gebied, onderwijssoort, cluster, aantal FROM tellingen");
  while (counts.step()) {
    PublicCount c{Date::from_days(stored_date(counts.column_text(0))), std::string(counts.column_text(1)),
                  std::string(counts.column_text(2)), std::nullopt, counts.column_int(4)};
    if (!counts.column_is_null(3)) c.cluster = int(counts.column_int(3));
    region.public_counts.push_back(std::move(c));
  }
}

}  // namespace

RegionModel load_region(Database& db) {
  RegionModel region;
  region.vestiging_ids = distinct_values(
      db, "SELECT vestiging_id FROM vestigingen UNION SELECT vestiging_id FROM inschrijvingen "
          "UNION SELECT vestiging_id FROM verzuim WHERE vestiging_id IS NOT NULL");
  region.provision_ids = distinct_values(
      db, "SELECT voorziening_id FROM voorzieningen UNION SELECT voorziening_id FROM wachtlijst "
          "UNION SELECT voorziening_id FROM ondersteuning WHERE voorziening_id IS NOT NULL");
  region.absence_reasons = distinct_values(db, "SELECT DISTINCT reden FROM verzuim WHERE reden IS NOT NULL");
  Interner pupil(region.enrolments.pupil_ids);
  load_enrolment_rows(db, region, pupil);
  load_absences(db, region, pupil);
  load_decisions(db, region, pupil);
  load_small_tables(db, region);
  finish_enrolment_columns(region.enrolments);
  return region;
}

}  // namespace stroom
