// Exact Poisson tails; see poisson_test.h.
//
// A tail is summed from its end nearest the mean outward: the terms p(i) = e^-m m^i / i! fall
// monotonically away from the mode, so the sum starts at the largest term of the tail and stops
// once a term no longer changes it. Terms are kept relative to the first one (ratios m / i or
// i / m, never overflowing), and the first term is computed once in log space with std::lgamma,
// so neither e^-m (0 in double for m > 745) nor m^i / i! is ever formed on its own. The tail that
// contains the mode is 1 minus the other tail: that subtraction loses only absolute precision
// near 1, where the verdict's threshold (0.025) is far away.
#include "measures/poisson_test.h"

#include <cmath>

namespace stroom {
namespace {

double log_term(int64_t i, double mean) { return -mean + double(i) * std::log(mean) - std::lgamma(double(i) + 1.0); }

// sum_{i <= k} p(i) for k <= mean (the terms rise towards k).
double lower_sum(int64_t k, double mean) {
  double sum = 1.0, term = 1.0;  // relative to p(k)
  for (int64_t i = k; i > 0; --i) {
    term *= double(i) / mean;  // p(i-1) / p(i)
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return std::exp(log_term(k, mean) + std::log(sum));
}

// sum_{i >= k} p(i) for k >= mean (the terms fall away from k).
double upper_sum(int64_t k, double mean) {
  double sum = 1.0, term = 1.0;  // relative to p(k)
  for (int64_t i = k + 1;; ++i) {
    term *= mean / double(i);  // p(i) / p(i-1)
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return std::exp(log_term(k, mean) + std::log(sum));
}

}  // namespace

double poisson_lower_tail(int64_t k, double mean) {
  if (k < 0) return 0.0;
  if (mean <= 0.0) return 1.0;
  if (double(k) <= mean) return lower_sum(k, mean);
  const double rest = upper_sum(k + 1, mean);
  return rest >= 1.0 ? 0.0 : 1.0 - rest;
}

double poisson_upper_tail(int64_t k, double mean) {
  if (k <= 0) return 1.0;
  if (mean <= 0.0) return 0.0;
  if (double(k) >= mean) return upper_sum(k, mean);
  const double rest = lower_sum(k - 1, mean);
  return rest >= 1.0 ? 0.0 : 1.0 - rest;
}

std::string_view poisson_verdict(int64_t observed, double expected, double alpha) {
  if (poisson_upper_tail(observed, expected) < alpha) return "boven";
  if (poisson_lower_tail(observed, expected) < alpha) return "onder";
  return "ruis";
}

}  // namespace stroom
