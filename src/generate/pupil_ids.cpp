// BSN and ONR ids; see pupil_ids.h.
#include "generate/pupil_ids.h"

namespace stroom {
namespace {

constexpr uint32_t kMultiplier = 7'654'321;  // odd and not a multiple of 5: a bijection mod 10^7

int weighted_sum(uint32_t bsn) {
  int sum = 0;
  uint32_t rest = bsn;
  // Digits from the right: d9 has weight -1, d8 weight 2, ..., d1 weight 9.
  for (int position = 9; position >= 1; --position) {
    const int digit = int(rest % 10);
    rest /= 10;
    sum += position == 9 ? -digit : (10 - position) * digit;
  }
  return sum;
}

}  // namespace

bool bsn_passes_elfproef(uint32_t bsn) {
  if (bsn == 0 || bsn > 999'999'999u) return false;
  return weighted_sum(bsn) % 11 == 0;
}

uint32_t bsn_for_index(uint32_t index, uint64_t salt) {
  const uint64_t prefix = (uint64_t(index) * kMultiplier + salt % kBsnPrefixSpace) % kBsnPrefixSpace;
  // Weighted sum of the first seven digits (weights 9..3).
  int partial = 0;
  uint64_t rest = prefix;
  for (int weight = 3; weight <= 9; ++weight) {
    partial += weight * int(rest % 10);
    rest /= 10;
  }
  // The eighth digit (weight 2) is chosen, starting from one the prefix suggests, so that the
  // check digit (partial + 2 * d8) mod 11 is 0..9; at most one of ten candidates fails.
  const int first_choice = int((prefix * 31 + salt) % 10);
  for (int step = 0; step < 10; ++step) {
    const int d8 = (first_choice + step) % 10;
    const int check = (partial + 2 * d8) % 11;
    if (check == 10) continue;
    if (prefix == 0 && d8 == 0 && check == 0) continue;  // 000000000 is not a BSN
    return uint32_t(prefix * 100 + uint64_t(d8) * 10 + uint64_t(check));
  }
  return 0;  // unreachable: ten d8 values give ten different remainders
}

size_t format_pupil_id(bool has_bsn, uint32_t number, char* out) {
  size_t at = 0;
  int digits = 9;
  if (!has_bsn) {
    out[0] = 'O', out[1] = 'N', out[2] = 'R';
    at = 3;
    digits = 8;
  }
  for (int i = digits - 1; i >= 0; --i) {
    out[at + size_t(i)] = char('0' + number % 10);
    number /= 10;
  }
  return at + size_t(digits);
}

uint32_t broken_bsn(uint32_t bsn) {
  // Changing the last digit by one changes the sum by one: never divisible by 11 again.
  const uint32_t last = bsn % 10;
  return bsn - last + (last == 9 ? 8 : last + 1);
}

}  // namespace stroom
