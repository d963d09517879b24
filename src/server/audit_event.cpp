// Audit entries of API requests; see audit_event.h.
#include "server/audit_event.h"

namespace stroom {

AuditEntry audit_event(const Identity& who, const RequestOrigin& origin, std::string actie, std::string leerling_id,
                       std::string detail, std::vector<std::string> leerlingen) {
  return {0,           {},           who.naam, std::string(role_name(who.rol)), std::move(actie), std::move(leerling_id),
          origin.bron, std::move(detail), origin.adres, std::move(leerlingen)};
}

}  // namespace stroom
