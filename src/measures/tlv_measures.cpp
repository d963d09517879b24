// TLVs per category and the May-July share of requests; see tlv_measures.h.
#include "measures/tlv_measures.h"

#include <array>
#include <map>

#include "model/code_tables.h"

namespace stroom {
namespace {

bool is_tlv(const DecisionColumns& d, size_t i) { return d.kind[i] == uint8_t(DecisionKind::tlv); }

MeasureTable granted(const RegionModel& region, const MeasureParameters&) {
  const DecisionColumns& d = region.decisions;
  constexpr size_t kUnknown = kCodeCount<TlvCategory>;
  std::map<int, std::array<int64_t, kUnknown + 1>> per_year;  // categories, then unknown
  for (size_t i = 0; i < d.size(); ++i) {
    if (!is_tlv(d, i) || d.outcome[i] != uint8_t(DecisionOutcome::toegekend)) continue;
    const int32_t when = d.decided[i] != kNoDate ? d.decided[i] : d.start[i];
    if (when == kNoDate) continue;
    auto& counts = per_year.try_emplace(school_year_of(Date::from_days(when)).start_year).first->second;
    ++counts[d.category[i] == kNoCategory ? kUnknown : d.category[i]];
  }
  MeasureTable table{{"schooljaar", "categorie", "waarde"}, {}};
  for (const auto& [year, counts] : per_year) {
    const std::string label = SchoolYear{year}.label();
    int64_t total = 0;
    for (size_t c = 0; c <= kUnknown; ++c) {
      total += counts[c];
      if (c == kUnknown && counts[c] == 0) continue;
      table.rows.push_back({MeasureCell::text(label),
                            MeasureCell::text(c < kUnknown ? std::string(code_of(TlvCategory(c))) : "onbekend"),
                            MeasureCell::of_count(counts[c])});
    }
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("totaal"), MeasureCell::of_count(total)});
  }
  return table;
}

MeasureTable may_to_july(const RegionModel& region, const MeasureParameters&) {
  const DecisionColumns& d = region.decisions;
  std::map<int, std::pair<int64_t, int64_t>> per_year;  // all requests, May-July requests
  for (size_t i = 0; i < d.size(); ++i) {
    if (!is_tlv(d, i) || d.requested[i] == kNoDate) continue;
    const Date requested = Date::from_days(d.requested[i]);
    auto& counts = per_year[school_year_of(requested).start_year];
    ++counts.first;
    counts.second += requested.month() >= 5 && requested.month() <= 7;
  }
  MeasureTable table{{"schooljaar", "maat", "waarde"}, {}};
  for (const auto& [year, counts] : per_year) {
    const std::string label = SchoolYear{year}.label();
    const auto [all, late] = counts;
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("aanvragen"), MeasureCell::of_count(all)});
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("mei_juli"), MeasureCell::of_count(late)});
    table.rows.push_back({MeasureCell::text(label), MeasureCell::text("aandeel"),
                          MeasureCell::of_number(100.0 * double(late) / double(all),
                                                 is_small_count(all) || is_small_count(late))});
  }
  return table;
}

}  // namespace

MeasureDefinition tlv_toegekend_measure() {
  return {"tlv_toegekend",
          "Toegekende TLV's per categorie",
          "Per schooljaar van de besluitdatum (of, zonder besluitdatum, de startdatum): het aantal "
          "ondersteuningsbesluiten met soort tlv en uitkomst toegekend, per categorie (sbo, laag, "
          "midden, hoog; zonder categorie: onbekend, alleen als die voorkomt) en totaal.",
          "besluiten",
          "ondersteuning",
          {},
          {},
          granted};
}

MeasureDefinition tlv_aanvragen_mei_juli_measure() {
  return {"tlv_aanvragen_mei_juli",
          "TLV-aanvragen in mei tot en met juli",
          "Per schooljaar van de aanvraagdatum: aanvragen = ondersteuningsbesluiten met soort tlv en "
          "een aanvraagdatum (elke uitkomst); mei_juli = daarvan met een aanvraagdatum in mei, juni of "
          "juli; aandeel = 100 × mei_juli / aanvragen.",
          "aanvragen, procent",
          "ondersteuning",
          {},
          {},
          may_to_july};
}

}  // namespace stroom
