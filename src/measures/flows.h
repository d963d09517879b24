// Flows between settings from one teldatum to the next, shared by `stromen` and `richting`.
//
// Each pupil enrolled on either date is counted once, from their dominant setting a year
// earlier (or `buiten`, not enrolled) to their dominant setting on the teldatum (or `buiten`).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/enrolment_columns.h"

namespace stroom {

inline constexpr size_t kBuiten = kSettingCount;  // index of "not enrolled" in a flow matrix
using FlowMatrix = std::array<std::array<int64_t, kSettingCount + 1>, kSettingCount + 1>;  // [van][naar]

struct YearFlows {
  SchoolYear year;  // the school year of the later teldatum
  FlowMatrix counts{};
};

// One entry per pair of consecutive teldata that lie exactly one year apart.
std::vector<YearFlows> flows_per_year(const EnrolmentColumns& enrolments);

std::string flow_end_code(size_t index);  // setting code, or "buiten"

}  // namespace stroom
