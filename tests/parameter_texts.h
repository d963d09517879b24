// A well-formed text for each measure parameter, shared by the tests of parameter refusals so that
// only the reason under test can refuse a request.
#pragma once

#include <string>

#include "measures/measure_definition.h"

namespace stroom::test {

// A first day of a month for the dates, so the published-date rule passes too.
inline std::string valid_parameter_text(Parameter p) {
  switch (p) {
    case Parameter::at: return "2020-10-01";
    case Parameter::ijkjaar: return "2019";
    case Parameter::peildatum: return "2020-10-01";
    case Parameter::schooljaar: return "2020-2021";
    case Parameter::gebied: return "NL";
  }
  return "";
}

}  // namespace stroom::test
