// Absence reports; see absence_records.h.
#include "generate/absence_records.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stroom {
namespace {

// How much more often than average a pupil of each setting becomes a thuiszitter
// (bao sbo so vo pro vso isk): rare in bao, most common in vso.
constexpr std::array<double, kSettingCount> kThuiszitterFactor = {0.45, 1.8, 2.2, 1.3, 2.0, 3.0, 1.0};
constexpr std::array<double, kSettingCount> kAbsenceFactor = {0.4, 1.0, 0.8, 1.6, 2.0, 1.5, 1.0};

constexpr std::array<AbsenceReason, 7> kThuiszitterReasons = {
    AbsenceReason::psychische_klachten, AbsenceReason::schoolweigering, AbsenceReason::geen_passend_aanbod,
    AbsenceReason::wachten_op_zorg, AbsenceReason::gedragsproblemen, AbsenceReason::thuissituatie,
    AbsenceReason::ziekte_zonder_verklaring};
constexpr std::array<double, 7> kThuiszitterReasonWeights = {0.28, 0.20, 0.16, 0.12, 0.10, 0.08, 0.06};
constexpr std::array<AbsenceReason, 3> kOrdinaryReasons = {
    AbsenceReason::ongeoorloofd, AbsenceReason::spijbelen, AbsenceReason::luxeverzuim};
constexpr std::array<double, 3> kOrdinaryReasonWeights = {0.5, 0.3, 0.2};

constexpr int kWarmUpDays = 730;  // reports from the two years before the window that still run in it
constexpr int32_t kThuiszitterGapDays = 28;  // a period without school this long is thuiszitten

bool in_summer_break(int32_t day) {
  const CivilDate c = civil_date(day);
  return (c.month == 7 && c.day >= 15) || c.month == 8;
}

class AbsenceWriter {
 public:
  AbsenceWriter(const GenerationWindow& window, const GeneratorRates& rates, RandomStream& random,
                std::vector<GeneratedAbsence>& out)
      : window_(window), rates_(rates), random_(random), out_(out) {}

  void spell(uint32_t pupil, const GeneratedSpell& spell) {
    const int32_t first = std::max(spell.start, window_.first_day - kWarmUpDays);
    const int32_t last = spell_last_day(spell, window_.last_day);
    for_each_school_year_part(first, last, [&](int s, int32_t from, int32_t to) {
      const double share = double(to - from + 1) / 365.0;
      const int k = std::clamp(s - window_.from_year, kTrendFirstYear, kTrendLastYear);
      const double trend = std::pow(1.0 + rates_.thuiszitter_trend, k);
      const size_t setting = size_t(spell.setting);
      if (random_.chance(rates_.thuiszitter_incidence * kThuiszitterFactor[setting] * trend * share))
        report(pupil, spell, from, to, true);
      if (random_.chance(rates_.absence_incidence * kAbsenceFactor[setting] * share))
        report(pupil, spell, from, to, false);
    });
  }

  void gap(const UnenrolledPeriod& period) {
    GeneratedAbsence absence{period.pupil, -1, AbsenceKind::absoluut};
    absence.start = period.start + random_.between(0, 10);
    if (period.end != kNoDay && absence.start >= period.end) absence.start = period.start;
    absence.end = period.end;
    absence.thuiszitter = period.end == kNoDay || period.end - period.start >= kThuiszitterGapDays;
    absence.reason = AbsenceReason::uitgeschreven_zonder_school;
    emit(absence);
  }

 private:
  void report(uint32_t pupil, const GeneratedSpell& spell, int32_t from, int32_t to, bool thuiszitter) {
    GeneratedAbsence absence{pupil, int32_t(spell.school), AbsenceKind::relatief, thuiszitter};
    // No report starts in the summer break: draw again (moving them all to 1 September would
    // pile up starts there and distort the weeks-at-home measure on 1 October).
    int attempts = 0;
    do absence.start = from + int32_t(random_.below(uint64_t(to - from + 1)));
    while (in_summer_break(absence.start) && ++attempts < 8);
    if (in_summer_break(absence.start)) return;
    const double days = thuiszitter
        ? std::clamp(random_.lognormal(rates_.thuiszitter_median_days, rates_.thuiszitter_sigma), 14.0, 720.0)
        : double(random_.between(3, 40));
    int32_t end = absence.start + int32_t(days);
    // The report is closed at the latest when the pupil leaves the school.
    if (spell.end != kNoDay) end = std::min(end, spell.end + 1);
    absence.end = end > window_.last_day ? kNoDay : std::max(end, absence.start + 1);
    absence.reason = thuiszitter ? kThuiszitterReasons[random_.pick(kThuiszitterReasonWeights)]
                                 : kOrdinaryReasons[random_.pick(kOrdinaryReasonWeights)];
    emit(absence);
  }

  void emit(const GeneratedAbsence& absence) {
    if (absence.end != kNoDay && absence.end <= window_.first_day) return;  // over before the window
    if (absence.start > window_.last_day) return;
    out_.push_back(absence);
  }

  const GenerationWindow& window_;
  const GeneratorRates& rates_;
  RandomStream& random_;
  std::vector<GeneratedAbsence>& out_;
};

}  // namespace

void add_absence_reports(const SpellsByPupil& spells, const std::vector<UnenrolledPeriod>& gaps,
                         const GenerationWindow& window, const GeneratorRates& rates,
                         RandomStream& random, std::vector<GeneratedAbsence>& out) {
  AbsenceWriter writer(window, rates, random, out);
  size_t next_gap = 0;  // gaps are sorted by pupil
  for (size_t p = 0; p < spells.pupils(); ++p) {
    for (const GeneratedSpell& spell : spells.of(p)) writer.spell(uint32_t(p), spell);
    for (; next_gap < gaps.size() && gaps[next_gap].pupil == p; ++next_gap) writer.gap(gaps[next_gap]);
  }
}

void add_unenrolled_children(int64_t pupils_enrolled, const GenerationWindow& window,
                             const GeneratorRates& rates, RandomStream& random,
                             std::vector<GeneratedPupil>& pupils, std::vector<GeneratedAbsence>& out) {
  for (int s = window.from_year; s <= window.to_year; ++s) {
    const int32_t first = school_year_start(s) + 20;
    const int32_t span = school_year_end(s) - 30 - first;
    auto add_child = [&](int min_age, int max_age) {
      const int32_t start = first + int32_t(random.below(uint64_t(span)));
      const double age = min_age + random.uniform() * (max_age - min_age);
      pupils.push_back({start - int32_t(age * 365.2425), 0, true});
      return start;
    };
    const int64_t exempt = random.poisson(double(pupils_enrolled) * rates.vrijstelling_incidence);
    for (int64_t i = 0; i < exempt; ++i) {
      GeneratedAbsence absence{0, -1, AbsenceKind::vrijstelling, false};
      absence.start = add_child(5, 17);
      absence.pupil = uint32_t(pupils.size() - 1);
      absence.reason = random.chance(0.8) ? AbsenceReason::vrijstelling_5a : AbsenceReason::vrijstelling_5b;
      const int32_t end = random.chance(0.25) ? absence.start + random.between(365, 1100) : kNoDay;
      absence.end = end != kNoDay && end <= window.last_day ? end : kNoDay;
      out.push_back(absence);
    }
    const int64_t missing = random.poisson(double(pupils_enrolled) * rates.absoluut_incidence);
    for (int64_t i = 0; i < missing; ++i) {
      GeneratedAbsence absence{0, -1, AbsenceKind::absoluut, random.chance(0.6)};
      absence.start = add_child(5, 16);
      absence.pupil = uint32_t(pupils.size() - 1);
      absence.reason = AbsenceReason::niet_ingeschreven;
      const int32_t end = absence.start + random.between(20, 200);
      absence.end = end <= window.last_day ? end : kNoDay;
      out.push_back(absence);
    }
  }
}

}  // namespace stroom
