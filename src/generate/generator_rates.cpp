// The default rates; see generator_rates.h (the values are the member initialisers there).
#include "generate/generator_rates.h"

namespace stroom {

const GeneratorRates& default_rates() {
  static const GeneratorRates rates;
  return rates;
}

}  // namespace stroom
