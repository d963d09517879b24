// The typed views of the generator's compact records (model/registrations.h) and the ids the
// writer uses; see generated_region.h.
#include <fmt/format.h>

#include "generate/generated_region.h"
#include "generate/pupil_ids.h"

namespace stroom {

std::string GeneratedRegion::pupil_id(uint32_t pupil) const {
  char text[16];
  const size_t length = format_pupil_id(pupils[pupil].has_bsn, pupils[pupil].number, text);
  return std::string(text, length);
}

std::string decision_id(size_t index) { return fmt::format("B{:08}", index + 1); }
std::string absence_id(size_t index) { return fmt::format("M{:08}", index + 1); }

namespace {
std::optional<Date> optional_day(int32_t day) {
  if (day == kNoDay) return std::nullopt;
  return Date::from_days(day);
}
}  // namespace

Vestiging to_vestiging(const GeneratedRegion& region, const School& school) {
  return {school.id, school.naam, school.bestuur, region.plan.gemeenten()[school.gemeente],
          region.plan.swv_of(school), setting_sector(school.setting)};
}

Enrolment to_enrolment(const GeneratedRegion& region, const GeneratedSpell& spell) {
  Enrolment e;
  e.pupil_id = region.pupil_id(spell.pupil);
  e.birth_date = Date::from_days(region.pupils[spell.pupil].birth);
  e.vestiging_id = region.plan.schools()[spell.school].id;
  e.setting = spell.setting;
  if (spell.cluster) e.cluster = spell.cluster;
  e.niveau = std::string(niveau_code(spell.niveau));
  e.start = Date::from_days(spell.start);
  e.end = optional_day(spell.end);
  return e;
}

SupportDecision to_decision(const GeneratedRegion& region, const GeneratedDecision& d, size_t index) {
  SupportDecision s;
  s.id = decision_id(index);
  s.pupil_id = region.pupil_id(d.pupil);
  s.kind = d.kind;
  s.category = std::string(tlv_category_code(d.category));
  if (d.provision >= 0) s.voorziening_id = region.provisions[size_t(d.provision)].id;
  s.requested = optional_day(d.requested);
  s.decided = optional_day(d.decided);
  s.start = optional_day(d.start);
  s.end = optional_day(d.end);
  s.outcome = d.outcome;
  return s;
}

AbsenceReport to_absence(const GeneratedRegion& region, const GeneratedAbsence& a, size_t index) {
  AbsenceReport r;
  r.id = absence_id(index);
  r.pupil_id = region.pupil_id(a.pupil);
  if (a.school >= 0) r.vestiging_id = region.plan.schools()[size_t(a.school)].id;
  r.kind = a.kind;
  r.thuiszitter = a.thuiszitter;
  r.start = Date::from_days(a.start);
  r.end = optional_day(a.end);
  r.reason = std::string(absence_reason_code(a.reason));
  return r;
}

std::vector<Provision> to_provisions(const GeneratedRegion& region) {
  std::vector<Provision> result;
  for (const ProvisionSchedule& schedule : region.provisions)
    for (const ProvisionPeriod& period : schedule.periods)
      result.push_back({schedule.id, schedule.naam, schedule.setting, period.places,
                        double(period.tariff_cents) / 100.0, Date::from_days(period.valid_from),
                        optional_day(period.valid_to)});
  return result;
}

WaitingListEntry to_waiting_entry(const GeneratedRegion& region, const GeneratedWaitingEntry& entry) {
  return {region.pupil_id(entry.pupil), region.provisions[entry.provision].id,
          Date::from_days(entry.registered), optional_day(entry.placed), optional_day(entry.withdrawn)};
}

}  // namespace stroom
