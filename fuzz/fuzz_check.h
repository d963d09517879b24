// FUZZ_CHECK: the assertion of the fuzz targets, on in every build (unlike assert).
//
// A property that fails prints which one and where, then aborts; libFuzzer counts the abort as a
// crash, writes the input to build-fuzz/artifacts/<target>/ and fuzz/run.sh fails the run.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                  \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (0)
