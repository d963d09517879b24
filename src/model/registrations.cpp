// Codes of the enumerations in registrations.h, as they appear in the import formats.
#include "model/registrations.h"

namespace stroom {

std::string_view decision_kind_code(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::tlv: return "tlv";
    case DecisionKind::arrangement: return "arrangement";
    case DecisionKind::opp: return "opp";
  }
  return "";
}

std::string_view decision_outcome_code(DecisionOutcome outcome) {
  switch (outcome) {
    case DecisionOutcome::toegekend: return "toegekend";
    case DecisionOutcome::afgewezen: return "afgewezen";
    case DecisionOutcome::ingetrokken: return "ingetrokken";
    case DecisionOutcome::lopend: return "lopend";
  }
  return "";
}

std::string_view absence_kind_code(AbsenceKind kind) {
  switch (kind) {
    case AbsenceKind::relatief: return "relatief";
    case AbsenceKind::absoluut: return "absoluut";
    case AbsenceKind::vrijstelling: return "vrijstelling";
  }
  return "";
}

}  // namespace stroom
