// TLVs, OPPs and other support decisions; see support_records.h.
#include "generate/support_records.h"

#include <algorithm>
#include <array>

namespace stroom {
namespace {

constexpr int32_t kSamePlacementGap = 60;  // a change of school within this many days keeps the TLV
// TLV validity in school years: 1, 2 or 3.
constexpr std::array<double, 3> kValidityYears = {0.3, 0.4, 0.3};
// (v)so TLV category laag, midden, hoog by cluster 1..4: cluster 3 has most of the severe cases.
constexpr std::array<std::array<double, 3>, 4> kCategoryByCluster = {{
    {0.85, 0.10, 0.05}, {0.85, 0.10, 0.05}, {0.55, 0.15, 0.30}, {0.90, 0.08, 0.02}}};
constexpr std::array<double, 3> kArrangementOutcome = {0.85, 0.10, 0.05};  // toegekend, afgewezen, ingetrokken

bool needs_tlv(Setting setting) {
  return setting == Setting::sbo || setting == Setting::so || setting == Setting::vso;
}
bool needs_opp(Setting setting) { return needs_tlv(setting) || setting == Setting::pro; }

struct Placement {
  Setting setting;
  uint8_t cluster;
  int32_t start;
  int32_t end;  // kNoDay = open
};

class SupportWriter {
 public:
  SupportWriter(const GenerationWindow& window, const GeneratorRates& rates, RandomStream& random,
                std::vector<GeneratedDecision>& out)
      : window_(window), rates_(rates), random_(random), out_(out) {}

  void pupil(uint32_t pupil, std::span<const GeneratedSpell> spells) {
    pupil_ = pupil;
    for (const Placement& placement : placements(spells)) tlv_chain(placement);
    for (const GeneratedSpell& spell : spells) {
      if (needs_opp(spell.setting)) opp(spell);
      if (spell.setting == Setting::bao || spell.setting == Setting::vo) regular_years(spell);
    }
    if (!spells.empty()) pending_request(spells.back());
  }

 private:
  // Consecutive spells in the same special setting form one placement under one TLV.
  static std::vector<Placement> placements(std::span<const GeneratedSpell> spells) {
    std::vector<Placement> result;
    for (const GeneratedSpell& spell : spells) {
      if (!needs_tlv(spell.setting)) continue;
      if (!result.empty() && result.back().setting == spell.setting &&
          (result.back().end == kNoDay || spell.start <= result.back().end + kSamePlacementGap)) {
        Placement& last = result.back();
        last.end = (last.end == kNoDay || spell.end == kNoDay) ? kNoDay : std::max(last.end, spell.end);
        continue;
      }
      result.push_back({spell.setting, spell.cluster, spell.start, spell.end});
    }
    return result;
  }

  void emit(GeneratedDecision decision) {
    decision.pupil = pupil_;
    const int32_t last = decision.end != kNoDay ? decision.end : kNoDay;
    if (last != kNoDay && last < window_.first_day) return;  // over before the window opens
    const int32_t first = decision.requested != kNoDay ? decision.requested : decision.start;
    if (first != kNoDay && first > window_.last_day) return;
    out_.push_back(decision);
  }

  TlvCategory category(const Placement& placement) {
    if (placement.setting == Setting::sbo) return TlvCategory::sbo;
    const auto& weights = kCategoryByCluster[size_t(std::clamp<int>(placement.cluster, 1, 4) - 1)];
    return TlvCategory(size_t(TlvCategory::laag) + random_.pick(weights));
  }

  int32_t validity_end(int32_t start) {
    const int years = 1 + int(random_.pick(kValidityYears));
    return school_year_end(school_year_containing(start) + years - 1);
  }

  // The request for a placement on 1 August comes in May-July; otherwise 4-12 weeks before.
  int32_t request_before(int32_t start) {
    const CivilDate c = civil_date(start);
    if (c.month == 8 && c.day == 1)
      return day_number(c.year, 5, 1) + int32_t(random_.below(uint64_t(day_number(c.year, 7, 10) - day_number(c.year, 5, 1))));
    return start - random_.between(28, 84);
  }

  void tlv_chain(const Placement& placement) {
    const TlvCategory tlv_category = category(placement);
    GeneratedDecision tlv{0, DecisionKind::tlv, DecisionOutcome::toegekend, tlv_category};
    tlv.requested = request_before(placement.start);
    tlv.decided = std::clamp(tlv.requested + random_.between(7, 42), tlv.requested, placement.start - 1);
    tlv.start = placement.start;
    tlv.end = validity_end(placement.start);
    emit(tlv);
    // Renewed while the placement lasts, requested some months before the old one ends.
    while ((placement.end == kNoDay || placement.end > tlv.end) && tlv.end < window_.last_day) {
      GeneratedDecision next{0, DecisionKind::tlv, DecisionOutcome::toegekend, tlv_category};
      next.requested = tlv.end - random_.between(40, 100);
      if (next.requested > window_.last_day) break;
      next.decided = std::min(next.requested + random_.between(7, 35), tlv.end);
      if (next.decided > window_.last_day) {
        next.outcome = DecisionOutcome::lopend;
        next.decided = kNoDay;
        emit(next);
        break;
      }
      next.start = tlv.end + 1;
      next.end = validity_end(next.start);
      emit(next);
      tlv = next;
    }
  }

  // The OPP is set within six weeks of the start at the school.
  void opp(const GeneratedSpell& spell) {
    GeneratedDecision plan{0, DecisionKind::opp, DecisionOutcome::toegekend};
    plan.start = spell.start + random_.between(5, 42);
    if (spell.end != kNoDay && plan.start > spell.end) return;
    if (plan.start > window_.last_day) return;
    plan.decided = plan.start;
    plan.end = spell.end;
    emit(plan);
  }

  // Per school year of a regular pupil: now and then a TLV request that is turned down or
  // withdrawn, or an arrangement the school arranges without a provision.
  void regular_years(const GeneratedSpell& spell) {
    const int32_t first = std::max(spell.start, window_.first_day);
    const int32_t last = spell_last_day(spell, window_.last_day);
    for_each_school_year_part(first, last, [&](int, int32_t from, int32_t to) {
      const double share = double(to - from + 1) / 365.0;
      auto day = [&] { return from + int32_t(random_.below(uint64_t(to - from + 1))); };
      if (random_.chance(rates_.tlv_rejected * share)) refused_request(spell.setting, day(), DecisionOutcome::afgewezen);
      if (random_.chance(rates_.tlv_withdrawn * share)) refused_request(spell.setting, day(), DecisionOutcome::ingetrokken);
      if (random_.chance(rates_.individual_arrangement * share)) arrangement(day(), to);
    });
  }

  void refused_request(Setting setting, int32_t requested, DecisionOutcome outcome) {
    GeneratedDecision request{0, DecisionKind::tlv, outcome};
    request.category = setting == Setting::bao && random_.chance(0.6) ? TlvCategory::sbo : TlvCategory::laag;
    request.requested = requested;
    if (outcome == DecisionOutcome::afgewezen) {
      request.decided = requested + random_.between(14, 49);
      if (request.decided > window_.last_day) {
        request.outcome = DecisionOutcome::lopend;
        request.decided = kNoDay;
      }
    }
    emit(request);
  }

  void arrangement(int32_t requested, int32_t spell_year_end) {
    GeneratedDecision decision{0, DecisionKind::arrangement};
    decision.outcome = DecisionOutcome(random_.pick(kArrangementOutcome));
    decision.requested = requested;
    decision.decided = requested + random_.between(14, 42);
    if (decision.decided > window_.last_day) {
      decision.outcome = DecisionOutcome::lopend;
      decision.decided = kNoDay;
    } else if (decision.outcome == DecisionOutcome::toegekend) {
      decision.start = decision.decided + random_.between(0, 14);
      decision.end = std::max(decision.start, std::min(spell_year_end, decision.start + 180));
    }
    if (decision.outcome == DecisionOutcome::ingetrokken) decision.decided = kNoDay;
    emit(decision);
  }

  // Some pupils enrolled on the export date have a request that is not yet decided.
  void pending_request(const GeneratedSpell& last) {
    if (last.end != kNoDay || intensity_rank(last.setting) > 1 || last.setting == Setting::pro) return;
    if (!random_.chance(rates_.tlv_pending)) return;
    GeneratedDecision request{0, DecisionKind::tlv, DecisionOutcome::lopend};
    request.category = last.setting == Setting::bao ? TlvCategory::sbo : TlvCategory::laag;
    request.requested = window_.last_day - random_.between(0, 56);
    if (request.requested < last.start) return;
    emit(request);
  }

  const GenerationWindow& window_;
  const GeneratorRates& rates_;
  RandomStream& random_;
  std::vector<GeneratedDecision>& out_;
  uint32_t pupil_ = 0;
};

}  // namespace

void add_support_decisions(const SpellsByPupil& spells, const GenerationWindow& window,
                           const GeneratorRates& rates, RandomStream& random,
                           std::vector<GeneratedDecision>& out) {
  SupportWriter writer(window, rates, random, out);
  for (size_t p = 0; p < spells.pupils(); ++p) writer.pupil(uint32_t(p), spells.of(p));
}

}  // namespace stroom
