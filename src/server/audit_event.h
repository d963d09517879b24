// The audit entry of something a logged-in user did through the API: their name and role, the
// endpoint and address of the request, and what was done (store/audit_log.h holds the log).
#pragma once

#include <string>
#include <vector>

#include "server/request_origin.h"
#include "server/session_store.h"
#include "store/audit_log.h"

namespace stroom {

AuditEntry audit_event(const Identity& who, const RequestOrigin& origin, std::string actie, std::string leerling_id = {},
                       std::string detail = {}, std::vector<std::string> leerlingen = {});

}  // namespace stroom
