// The seven kinds of registration stroom imports, as typed domain records.
//
// These are the in-memory form of one row of each file kind in formats.md, after validation and
// pseudonymisation. Optional dates are "unknown or open". End dates keep the meaning the format
// gives them: inclusive for enrolments, decisions and provisions, exclusive for absence reports
// and waiting-list exits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/calendar.h"
#include "model/setting.h"

namespace stroom {

struct Vestiging {
  std::string id;  // BRIN + vestigingsnummer
  std::string naam;
  std::string bestuur;
  std::string gemeente;
  std::string swv;  // SWV code such as PO2401; empty when unknown
  std::optional<Sector> sector;
};

struct Enrolment {
  std::string pupil_id;
  std::optional<Date> birth_date;
  std::string vestiging_id;
  Setting setting = Setting::bao;
  std::optional<int> cluster;  // 1-4 for so / vso
  std::string niveau;
  Date start;
  std::optional<Date> end;  // last day enrolled, inclusive; empty = still enrolled
};

enum class DecisionKind : uint8_t { tlv, arrangement, opp };
enum class DecisionOutcome : uint8_t { toegekend, afgewezen, ingetrokken, lopend };
// The categorie of a TLV (formats.md); other decisions have none.
enum class TlvCategory : uint8_t { sbo, laag, midden, hoog };

struct SupportDecision {
  std::string id;
  std::string pupil_id;
  DecisionKind kind = DecisionKind::tlv;
  std::string category;  // for a TLV: sbo, laag, midden, hoog
  std::string voorziening_id;
  std::optional<Date> requested;
  std::optional<Date> decided;
  std::optional<Date> start;
  std::optional<Date> end;  // inclusive
  DecisionOutcome outcome = DecisionOutcome::lopend;
};

enum class AbsenceKind : uint8_t { relatief, absoluut, vrijstelling };

// The niveau column of inschrijvingen (formats.md): levels for vo, exit profiles for vso; none
// (0) for an empty niveau (onbekend), so the model's column needs no separate "known" flag. The
// generator writes the same enumeration.
enum class Niveau : uint8_t {
  none, brug, vmbo_b, vmbo_k, vmbo_gt, havo, vwo, vervolgonderwijs, arbeidsmarkt, dagbesteding
};
inline constexpr uint8_t kNoNiveau = uint8_t(Niveau::none);
inline constexpr uint8_t kNoCluster = 0;

struct AbsenceReport {
  std::string id;
  std::string pupil_id;
  std::string vestiging_id;  // empty for absoluut verzuim
  AbsenceKind kind = AbsenceKind::relatief;
  bool thuiszitter = false;
  Date start;
  std::optional<Date> end;  // closed on this day, exclusive
  std::string reason;
};

struct Provision {
  std::string id;
  std::string naam;
  std::optional<Setting> setting;
  int64_t places = 0;
  double tariff = 0;  // euro per place per year
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive
};

struct WaitingListEntry {
  std::string pupil_id;
  std::string voorziening_id;
  Date registered;
  std::optional<Date> placed;     // exclusive
  std::optional<Date> withdrawn;  // exclusive
};

struct PublicCount {
  Date teldatum;
  std::string area;     // SWV code, gemeente or NL
  std::string setting;  // a setting code or "totaal"
  std::optional<int> cluster;
  int64_t count = 0;
};

// The codes of model/code_tables.h, under their historical names.
std::string_view decision_kind_code(DecisionKind kind);
std::string_view decision_outcome_code(DecisionOutcome outcome);
std::string_view absence_kind_code(AbsenceKind kind);

}  // namespace stroom
