// Distinct pupils per group of enrolments on each of a list of dates: the counting under
// leerlingen_cluster, leerlingen_niveau and verwachting (a group is a setting with a cluster or a
// niveau, or a sector), where SettingMasks only knows settings.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "model/enrolment_columns.h"

namespace stroom {

inline constexpr size_t kMaxGroups = 32;  // a pupil's groups on a date are one 32-bit mask
inline constexpr int kNoGroup = -1;

// counts[d][g] = distinct pupils with a spell of group g enrolled on dates[d] (start <= t <= end).
// group_of(spell) gives a spell's group (0 .. groups-1) or kNoGroup; groups <= kMaxGroups. A pupil
// counts once per group, and in every group one of their spells on the date belongs to.
std::vector<std::vector<int64_t>> count_pupils_per_group(const EnrolmentColumns& enrolments, std::span<const Date> dates,
                                                         size_t groups, const std::function<int(size_t)>& group_of);

}  // namespace stroom
