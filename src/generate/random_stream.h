// A seeded random stream with its own distributions built on std::mt19937_64.
//
// The C++ standard fixes the output of mt19937_64 but not of std::uniform_int_distribution and
// friends, so the generator would give different files with another standard library. Every
// draw here is explicit arithmetic on the engine's 64-bit outputs instead. Each part of the
// generator draws from its own stream (a stream number mixed into the seed), so changing how,
// say, absence reports are drawn leaves the enrolments of the same seed untouched.
#pragma once

#include <cstdint>
#include <random>
#include <span>

namespace stroom {

// Stream numbers: one per independent part of the generator.
enum class RandomPart : uint64_t {
  pilot = 1, population, careers, support, provisions, absence, dirty, public_counts, places
};

class RandomStream {
 public:
  RandomStream(uint64_t seed, RandomPart part, uint64_t sub_stream = 0);

  uint64_t next() { return engine_(); }
  double uniform();                   // [0, 1)
  uint64_t below(uint64_t n);         // [0, n), n > 0
  int between(int lo, int hi);        // [lo, hi], inclusive
  bool chance(double p) { return uniform() < p; }
  double exponential(double mean);
  double normal(double mean, double sd);
  // A lognormal with the given median; sigma is the sd of its logarithm.
  double lognormal(double median, double sigma);
  // An index drawn with probability proportional to weights[i] (weights not all zero).
  size_t pick(std::span<const double> weights);
  // A Poisson count (inversion for small means, a rounded normal above 50).
  int64_t poisson(double mean);

 private:
  std::mt19937_64 engine_;
};

// SplitMix64 finaliser: spreads nearby integers over the whole 64-bit range.
uint64_t mix64(uint64_t value);

}  // namespace stroom
