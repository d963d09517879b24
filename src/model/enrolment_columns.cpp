// Ordering and indexing the enrolment columns; see enrolment_columns.h.
#include "model/enrolment_columns.h"

#include <algorithm>
#include <numeric>

namespace stroom {
namespace {

template <typename T>
void permute(std::vector<T>& values, const std::vector<uint32_t>& order) {
  std::vector<T> sorted(values.size());
  for (size_t i = 0; i < order.size(); ++i) sorted[i] = values[order[i]];
  values = std::move(sorted);
}

}  // namespace

std::optional<Date> EnrolmentColumns::latest_date() const {
  if (pupil.empty()) return std::nullopt;
  int32_t latest = std::numeric_limits<int32_t>::min();
  for (size_t i = 0; i < size(); ++i) {
    latest = std::max(latest, start[i]);
    if (end[i] != kOpenEnd) latest = std::max(latest, end[i]);
  }
  return Date::from_days(latest);
}

void finish_enrolment_columns(EnrolmentColumns& columns) {
  std::vector<uint32_t> order(columns.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return columns.pupil[a] != columns.pupil[b] ? columns.pupil[a] < columns.pupil[b]
                                                : columns.start[a] < columns.start[b];
  });
  permute(columns.pupil, order);
  permute(columns.setting, order);
  permute(columns.start, order);
  permute(columns.end, order);
  if (!columns.vestiging.empty()) permute(columns.vestiging, order);
  columns.pupil_first_spell.assign(columns.pupil_count() + 1, uint32_t(columns.size()));
  for (size_t i = columns.size(); i-- > 0;) columns.pupil_first_spell[columns.pupil[i]] = uint32_t(i);
  for (size_t p = columns.pupil_count(); p-- > 0;)
    columns.pupil_first_spell[p] = std::min(columns.pupil_first_spell[p], columns.pupil_first_spell[p + 1]);
}

}  // namespace stroom
