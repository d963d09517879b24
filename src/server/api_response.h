// What an API handler answers: an HTTP status and a JSON body. Handlers are plain functions of
// their inputs so they can be tested without a socket; api_server.cpp only routes to them.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace stroom {

struct ApiResponse {
  int status = 200;
  nlohmann::ordered_json body;
};

using QueryParameters = std::multimap<std::string, std::string>;

// {"fout": message} with the given status; messages are Dutch.
ApiResponse api_error(int status, const std::string& message);

}  // namespace stroom
