// Explicit distributions on mt19937_64; see random_stream.h.
#include "generate/random_stream.h"

#include <algorithm>
#include <cmath>

namespace stroom {

uint64_t mix64(uint64_t value) {
  value += 0x9E3779B97F4A7C15ull;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
  return value ^ (value >> 31);
}

RandomStream::RandomStream(uint64_t seed, RandomPart part, uint64_t sub_stream)
    : engine_(mix64(seed ^ mix64(uint64_t(part) * 0x1000003ull + sub_stream))) {}

double RandomStream::uniform() { return double(engine_() >> 11) * 0x1.0p-53; }

uint64_t RandomStream::below(uint64_t n) {
  // Rejection keeps the draw exactly uniform; the loop almost never repeats.
  const uint64_t limit = ~uint64_t(0) - (~uint64_t(0) % n);
  uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

int RandomStream::between(int lo, int hi) {
  return lo + int(below(uint64_t(int64_t(hi) - lo + 1)));
}

double RandomStream::exponential(double mean) { return -mean * std::log1p(-uniform()); }

double RandomStream::normal(double mean, double sd) {
  // Box-Muller, using one of the pair: simpler to reason about than caching the other.
  const double u1 = 1.0 - uniform();  // (0, 1]
  const double u2 = uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

double RandomStream::lognormal(double median, double sigma) {
  return median * std::exp(normal(0.0, sigma));
}

size_t RandomStream::pick(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double target = uniform() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding can leave target a hair above the last weight: take the last non-zero one.
  for (size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;
}

int64_t RandomStream::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 50) return std::max<int64_t>(0, std::llround(normal(mean, std::sqrt(mean))));
  const double limit = std::exp(-mean);
  int64_t count = 0;
  double product = uniform();
  while (product > limit) {
    ++count;
    product *= uniform();
  }
  return count;
}

}  // namespace stroom
