// The data-quality findings; see kwaliteit.h and inzicht.md "kwaliteit".
//
// One pass over the pupils: each pupil's spells are one contiguous range (enrolment_columns.h),
// and their TLVs and OPPs are gathered per pupil first, so every (pupil, teldatum) pair is judged
// from that pupil's few records alone.
#include "measures/kwaliteit.h"

#include <algorithm>

#include "measures/pupil_counts.h"

namespace stroom {
namespace {

constexpr int32_t kOppAfterDays = 42;  // an OPP is due six weeks after the start of the placement

// The support records each pupil's findings look at: granted TLVs and OPPs, per pupil.
class PupilSupport {
 public:
  explicit PupilSupport(const RegionModel& region) : d_(region.decisions) {
    const size_t pupils = region.enrolments.pupil_count();
    first_.assign(pupils + 1, 0);
    for (size_t i = 0; i < d_.size(); ++i)
      if (relevant(i)) ++first_[d_.pupil[i] + 1];
    for (size_t p = 0; p < pupils; ++p) first_[p + 1] += first_[p];
    index_.resize(first_[pupils]);
    std::vector<uint32_t> next(first_.begin(), first_.end() - 1);
    for (size_t i = 0; i < d_.size(); ++i)
      if (relevant(i)) index_[next[d_.pupil[i]]++] = uint32_t(i);
  }

  // A TLV (soort tlv, uitkomst toegekend) valid on t: startdatum <= t, einddatum empty or >= t.
  bool has_tlv(uint32_t pupil, int32_t t) const {
    return any(pupil, [&](uint32_t i) {
      return d_.kind[i] == uint8_t(DecisionKind::tlv) && d_.outcome[i] == uint8_t(DecisionOutcome::toegekend) &&
             d_.start[i] != kNoDate && d_.start[i] <= t && t <= d_.end[i];
    });
  }
  // An OPP present on t: its start (startdatum, else besluitdatum) <= t, einddatum empty or >= t.
  // The definition asks no uitkomst of an OPP.
  bool has_opp(uint32_t pupil, int32_t t) const {
    return any(pupil, [&](uint32_t i) {
      const int32_t start = d_.start[i] != kNoDate ? d_.start[i] : d_.decided[i];
      return d_.kind[i] == uint8_t(DecisionKind::opp) && start != kNoDate && start <= t && t <= d_.end[i];
    });
  }

 private:
  bool relevant(size_t i) const {
    return d_.kind[i] == uint8_t(DecisionKind::opp) ||
           (d_.kind[i] == uint8_t(DecisionKind::tlv) && d_.outcome[i] == uint8_t(DecisionOutcome::toegekend));
  }
  template <typename Test>
  bool any(uint32_t pupil, Test test) const {
    if (pupil + 1 >= first_.size()) return false;
    for (uint32_t k = first_[pupil]; k < first_[pupil + 1]; ++k)
      if (test(index_[k])) return true;
    return false;
  }

  const DecisionColumns& d_;
  std::vector<uint32_t> first_;  // pupil p's records are index_[first_[p], first_[p+1])
  std::vector<uint32_t> index_;
};

class Findings {
 public:
  Findings(const RegionModel& region, size_t examples) : examples_(examples) {
    for (auto& f : found_) f.per_vestiging.assign(region.vestiging_ids.size(), 0);
  }

  // One record (a row, a pair or a report) with the vestigingen it is counted at, each once.
  void add(Finding finding, std::vector<uint32_t> vestigingen, uint32_t pupil, int32_t date, uint8_t setting,
           int32_t start, int32_t end) {
    FindingCounts& f = found_[size_t(finding)];
    std::sort(vestigingen.begin(), vestigingen.end());
    vestigingen.erase(std::unique(vestigingen.begin(), vestigingen.end()), vestigingen.end());
    for (uint32_t v : vestigingen) ++(v == kNoIndex ? f.without_vestiging : f.per_vestiging[v]);
    ++f.totaal;
    if (f.examples.size() < examples_)
      f.examples.push_back({pupil, date, std::move(vestigingen), setting, start, end});
  }

  std::array<FindingCounts, kFindingCount> take() { return std::move(found_); }

 private:
  size_t examples_;
  std::array<FindingCounts, kFindingCount> found_;
};

bool special_without_institution_admission(Setting setting, uint8_t cluster) {
  if (setting == Setting::sbo) return true;
  // Clusters 1 and 2 are admitted by the institution, not by the SWV: no TLV is expected.
  return (setting == Setting::so || setting == Setting::vso) && cluster != 1 && cluster != 2;
}

bool needs_opp(Setting setting) {
  return setting == Setting::sbo || setting == Setting::so || setting == Setting::vso || setting == Setting::pro;
}

}  // namespace

std::array<FindingCounts, kFindingCount> kwaliteit_findings(const RegionModel& region, size_t examples) {
  Findings findings(region, examples);
  const EnrolmentColumns& e = region.enrolments;
  std::vector<uint8_t> known(region.vestiging_ids.size(), 0);  // in vestigingen.csv
  for (const Vestiging& v : region.vestigingen) {
    const auto at = std::lower_bound(region.vestiging_ids.begin(), region.vestiging_ids.end(), v.id);
    if (at != region.vestiging_ids.end() && *at == v.id) known[size_t(at - region.vestiging_ids.begin())] = 1;
  }
  const PupilSupport support(region);
  const std::vector<Date>& dates = teldata(e);
  const bool with_cluster = e.cluster.size() == e.size();
  std::vector<uint32_t> on_t, involved, po, vo;  // reused per pair
  for (uint32_t p = 0; p + 1 < e.pupil_first_spell.size(); ++p) {
    const uint32_t first = e.pupil_first_spell[p], last = e.pupil_first_spell[p + 1];
    for (uint32_t i = first; i < last; ++i)
      if (e.vestiging[i] == kNoIndex || !known[e.vestiging[i]])
        findings.add(Finding::onbekende_vestiging, {e.vestiging[i]}, p, e.start[i], e.setting[i], e.start[i], e.end[i]);
    for (Date date : dates) {
      const int32_t t = date.days();
      on_t.clear();
      for (uint32_t i = first; i < last; ++i)
        if (e.start[i] <= t && t <= e.end[i]) on_t.push_back(i);
      if (on_t.empty()) continue;
      // dubbele_inschrijving: two or more different vestigingen of one sector on t.
      po.clear();
      vo.clear();
      for (uint32_t i : on_t) (setting_sector(Setting(e.setting[i])) == Sector::po ? po : vo).push_back(e.vestiging[i]);
      involved.clear();
      for (auto* sector : {&po, &vo}) {
        std::sort(sector->begin(), sector->end());
        sector->erase(std::unique(sector->begin(), sector->end()), sector->end());
        if (sector->size() >= 2) involved.insert(involved.end(), sector->begin(), sector->end());
      }
      if (!involved.empty()) {
        const uint32_t i = on_t.front();
        findings.add(Finding::dubbele_inschrijving, involved, p, t, e.setting[i], e.start[i], e.end[i]);
      }
      // speciaal_zonder_tlv and opp_ontbreekt: the qualifying enrolments on t, when the pupil
      // lacks the support record they call for.
      involved.clear();
      for (uint32_t i : on_t)
        if (special_without_institution_admission(Setting(e.setting[i]), with_cluster ? e.cluster[i] : 0))
          involved.push_back(i);
      if (!involved.empty() && !support.has_tlv(p, t)) {
        const uint32_t i = involved.front();
        std::vector<uint32_t> at;
        for (uint32_t k : involved) at.push_back(e.vestiging[k]);
        findings.add(Finding::speciaal_zonder_tlv, std::move(at), p, t, e.setting[i], e.start[i], e.end[i]);
      }
      involved.clear();
      for (uint32_t i : on_t)
        if (needs_opp(Setting(e.setting[i])) && t - e.start[i] >= kOppAfterDays) involved.push_back(i);
      if (!involved.empty() && !support.has_opp(p, t)) {
        const uint32_t i = involved.front();
        std::vector<uint32_t> at;
        for (uint32_t k : involved) at.push_back(e.vestiging[k]);
        findings.add(Finding::opp_ontbreekt, std::move(at), p, t, e.setting[i], e.start[i], e.end[i]);
      }
    }
  }
  // verzuim_zonder_inschrijving: a relatief report whose pupil has no enrolment on its startdatum.
  const AbsenceColumns& a = region.absences;
  for (size_t r = 0; r < a.size(); ++r) {
    if (a.kind[r] != uint8_t(AbsenceKind::relatief)) continue;
    const uint32_t p = a.pupil[r];
    bool enrolled = false;
    if (p + 1 < e.pupil_first_spell.size())
      for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1] && !enrolled; ++i)
        enrolled = e.start[i] <= a.start[r] && a.start[r] <= e.end[i];
    if (!enrolled)
      findings.add(Finding::verzuim_zonder_inschrijving, {a.vestiging[r]}, p, a.start[r], FindingExample::kNoSetting,
                   a.start[r], a.end[r]);
  }
  return findings.take();
}

namespace {

MeasureTable compute(const RegionModel& region, const MeasureParameters&) {
  const auto found = kwaliteit_findings(region, 0);
  MeasureTable table{{"bevinding", "vestiging_id", "aantal"}, {}};
  for (size_t f = 0; f < kFindingCount; ++f) {
    const std::string code(kFindingCodes[f]);
    auto row = [&](std::string vestiging, int64_t count) {
      table.rows.push_back({MeasureCell::text(code), MeasureCell::text(std::move(vestiging)), MeasureCell::of_count(count)});
    };
    // Sorted by vestiging_id: the empty one (a report without vestiging) first, then the model's
    // sorted ids.
    if (found[f].without_vestiging > 0) row("", found[f].without_vestiging);
    for (size_t v = 0; v < found[f].per_vestiging.size(); ++v)
      if (found[f].per_vestiging[v] > 0) row(region.vestiging_ids[v], found[f].per_vestiging[v]);
    row("totaal", found[f].totaal);
  }
  return table;
}

}  // namespace

MeasureDefinition kwaliteit_measure() {
  return {"kwaliteit",
          "Datakwaliteit: bevindingen",
          "Vijf bevindingen, elk per vestiging_id (alleen aantallen > 0, gesorteerd; leeg als de "
          "bevinding aan geen school hangt) en daarna een regel 'totaal' (ook als die 0 is). "
          "onbekende_vestiging: inschrijvingen waarvan de vestiging_id niet in vestigingen staat, per "
          "die vestiging_id. dubbele_inschrijving: paren (leerling, teldatum) waarop de leerling bij twee "
          "of meer verschillende vestigingen van dezelfde sector (po: bao, sbo, so; vo: vo, pro, vso, isk) "
          "ingeschreven is; per betrokken vestiging één keer, totaal één keer per paar. "
          "speciaal_zonder_tlv: paren (leerling, teldatum) met een inschrijving op de teldatum in sbo, of "
          "in so/vso met cluster 3, 4 of leeg (cluster 1 en 2 laat de instelling toe, niet het SWV), "
          "zonder ondersteuning van die leerling met soort tlv, uitkomst toegekend, startdatum op of voor "
          "de teldatum en einddatum leeg of op of na de teldatum; per vestiging van zo'n inschrijving, "
          "totaal één keer per paar. opp_ontbreekt: paren (leerling, teldatum) met een inschrijving op de "
          "teldatum in sbo, so, vso of pro die ten minste 42 dagen voor de teldatum begon, zonder "
          "ondersteuning van die leerling met soort opp waarvan het begin (startdatum, anders "
          "besluitdatum) op of voor de teldatum ligt en de einddatum leeg is of op of na de teldatum; per "
          "vestiging van zo'n inschrijving, totaal één keer per paar. verzuim_zonder_inschrijving: "
          "verzuimmeldingen met soort relatief waarvan de leerling op de startdatum van de melding nergens "
          "ingeschreven is; per vestiging_id van de melding (leeg als die er geen heeft).",
          "inschrijvingen, paren (leerling, teldatum) of meldingen",
          "inschrijvingen, vestigingen, ondersteuning, verzuim",
          {},
          {},
          compute};
}

}  // namespace stroom
