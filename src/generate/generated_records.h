// The compact records the generator produces: one struct per row kind, with dates as day
// numbers and references as indexes, so that a national-size region (millions of pupils) fits
// in memory and is written without building strings per row. generated_region.h converts them
// to the typed records of model/registrations.h when a caller wants those.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "generate/day_numbers.h"
#include "model/registrations.h"
#include "model/setting.h"

namespace stroom {

// The final level of a pupil in regular vo; it decides how many years the pupil stays.
enum class VoLevel : uint8_t { vmbo_b, vmbo_k, vmbo_gt, havo, vwo };
inline constexpr size_t kVoLevelCount = 5;

// The niveau column of inschrijvingen (Niveau, model/registrations.h); none for settings without one.
std::string_view niveau_code(Niveau niveau);
Niveau niveau_of(VoLevel level);

// The categorie column of ondersteuning: a TLV's code (model/code_tables.h), empty for other decisions.
std::string_view tlv_category_code(std::optional<TlvCategory> category);

// The absence reasons the generator uses: a short list of Dutch codes as schools register them.
enum class AbsenceReason : uint8_t {
  none, ongeoorloofd, spijbelen, luxeverzuim, ziekte_zonder_verklaring, psychische_klachten,
  schoolweigering, geen_passend_aanbod, wachten_op_zorg, gedragsproblemen, thuissituatie,
  niet_ingeschreven, uitgeschreven_zonder_school, vrijstelling_5a, vrijstelling_5b
};
std::string_view absence_reason_code(AbsenceReason reason);

struct GeneratedPupil {
  int32_t birth = 0;    // day number
  uint32_t number = 0;  // the BSN when has_bsn, else the serial behind an 'ONR' id
  bool has_bsn = true;
};

struct GeneratedSpell {
  uint32_t pupil = 0;
  uint32_t school = 0;
  int32_t start = 0;       // the real first day; written no earlier than the window start
  int32_t end = kNoDay;    // last day, inclusive; kNoDay = still enrolled
  Setting setting = Setting::bao;
  uint8_t cluster = 0;     // 1..4 for so / vso, else 0
  Niveau niveau = Niveau::none;
};

// A period in which a pupil of compulsory school age was enrolled nowhere (absoluut verzuim).
struct UnenrolledPeriod {
  uint32_t pupil = 0;
  int32_t start = 0;
  int32_t end = kNoDay;  // the day of re-enrolment (exclusive); kNoDay = still not enrolled
};

struct GeneratedDecision {
  uint32_t pupil = 0;
  DecisionKind kind = DecisionKind::tlv;
  DecisionOutcome outcome = DecisionOutcome::toegekend;
  std::optional<TlvCategory> category = std::nullopt;  // none for other decisions than TLVs
  int16_t provision = -1;  // index into GeneratedRegion::provision_ids, -1 = none
  int32_t requested = kNoDay;
  int32_t decided = kNoDay;
  int32_t start = kNoDay;
  int32_t end = kNoDay;  // inclusive
};

struct GeneratedAbsence {
  uint32_t pupil = 0;
  int32_t school = -1;  // -1 = no vestiging (absoluut verzuim, vrijstelling)
  AbsenceKind kind = AbsenceKind::relatief;
  bool thuiszitter = false;
  AbsenceReason reason = AbsenceReason::none;
  int32_t start = 0;
  int32_t end = kNoDay;  // closed on this day (exclusive); kNoDay = open
};

struct GeneratedWaitingEntry {
  uint32_t pupil = 0;
  uint16_t provision = 0;
  int32_t registered = 0;
  int32_t placed = kNoDay;     // exclusive
  int32_t withdrawn = kNoDay;  // exclusive
};

}  // namespace stroom
