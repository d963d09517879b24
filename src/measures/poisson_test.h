// The exact Poisson tails behind verwachting's verdict (inzicht.md): with X ~ Poisson(mean),
// P(X <= k) and P(X >= k), summed term by term in a form that stays accurate for means of a
// national count (hundreds of thousands) and for tails far below double's smallest normal ratio.
// No statistics library is among stroom's dependencies, so it is written here.
#pragma once

#include <cstdint>
#include <string_view>

namespace stroom {

// P(X <= k); 1 for mean 0.
double poisson_lower_tail(int64_t k, double mean);
// P(X >= k); 1 for k <= 0, and 0 for mean 0 and k > 0.
double poisson_upper_tail(int64_t k, double mean);

// The verdict of verwachting: "boven" when P(X >= observed) < alpha, "onder" when
// P(X <= observed) < alpha, otherwise "ruis" (within the noise). alpha is 0.025 there.
inline constexpr double kPoissonAlpha = 0.025;
std::string_view poisson_verdict(int64_t observed, double expected, double alpha = kPoissonAlpha);

}  // namespace stroom
