// The API's error answer; see api_response.h.
#include "server/api_response.h"

namespace stroom {

ApiResponse api_error(int status, const std::string& message) { return {status, {{"fout", message}}}; }

}  // namespace stroom
