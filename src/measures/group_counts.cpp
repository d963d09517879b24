// Distinct pupils per group; see group_counts.h.
#include "measures/group_counts.h"

#include <bit>
#include <cassert>

namespace stroom {

std::vector<std::vector<int64_t>> count_pupils_per_group(const EnrolmentColumns& e, std::span<const Date> dates,
                                                         size_t groups, const std::function<int(size_t)>& group_of) {
  assert(groups <= kMaxGroups);
  std::vector<std::vector<int64_t>> counts(dates.size(), std::vector<int64_t>(groups, 0));
  std::vector<uint32_t> masks(dates.size());
  for (size_t p = 0; p < e.pupil_count(); ++p) {
    bool any = false;
    for (size_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1]; ++i) {
      const int g = group_of(i);
      if (g == kNoGroup) continue;
      for (size_t d = 0; d < dates.size(); ++d) {
        const int32_t t = dates[d].days();
        if (e.start[i] <= t && t <= e.end[i]) {
          masks[d] |= uint32_t(1) << g;
          any = true;
        }
      }
    }
    if (!any) continue;
    for (size_t d = 0; d < dates.size(); ++d) {
      for (uint32_t m = masks[d]; m != 0; m &= m - 1) ++counts[d][size_t(std::countr_zero(m))];
      masks[d] = 0;
    }
  }
  return counts;
}

}  // namespace stroom
