// Writing one CSV field for stroom's own CSV output (rejects report, audit export): ';' as
// delimiter like the input formats, quoted only when needed (RFC 4180).
#pragma once

#include <string>

namespace stroom {

inline std::string csv_field(const std::string& value) {
  if (value.find_first_of(";\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace stroom
