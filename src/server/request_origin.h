// Where a request came from, as the audit log records it: the client's address and the endpoint
// ("GET /api/leerlingen/ps-…"), or a command's name for CLI use.
#pragma once

#include <string>

namespace stroom {

struct RequestOrigin {
  std::string adres;
  std::string bron;
};

}  // namespace stroom
