// Codes of the enumerations in registrations.h: lookups in the tables of code_tables.h.
#include "model/registrations.h"

#include "model/code_tables.h"

namespace stroom {

std::string_view decision_kind_code(DecisionKind kind) { return code_of(kind); }
std::string_view decision_outcome_code(DecisionOutcome outcome) { return code_of(outcome); }
std::string_view absence_kind_code(AbsenceKind kind) { return code_of(kind); }

}  // namespace stroom
