// Filling the pupils x dates mask matrix; see setting_masks.h.
#include "measures/setting_masks.h"

#include <algorithm>
#include <thread>

namespace stroom {
namespace {

// Fills the masks of pupils [first, last). Each spell marks the dates it covers: dates are
// sorted, so the covered ones are a contiguous range found by binary search.
void fill_masks(const EnrolmentColumns& e, const std::vector<int32_t>& days, size_t first, size_t last,
                uint8_t* masks) {
  const size_t date_count = days.size();
  for (size_t i = e.pupil_first_spell[first]; i < e.pupil_first_spell[last]; ++i) {
    auto from = std::lower_bound(days.begin(), days.end(), e.start[i]);
    auto to = std::upper_bound(from, days.end(), e.end[i]);
    uint8_t* row = masks + size_t(e.pupil[i]) * date_count;
    for (auto d = from; d != to; ++d) row[d - days.begin()] |= uint8_t(1u << e.setting[i]);
  }
}

}  // namespace

SettingMasks::SettingMasks(const EnrolmentColumns& enrolments, std::span<const Date> dates)
    : date_count_(dates.size()), pupil_count_(enrolments.pupil_count()), masks_(date_count_ * pupil_count_, 0) {
  std::vector<int32_t> days;
  for (Date d : dates) days.push_back(d.days());
  std::sort(days.begin(), days.end());
  if (!std::equal(days.begin(), days.end(), dates.begin(), dates.end(),
                  [](int32_t a, Date b) { return a == b.days(); }))
    throw std::invalid_argument("SettingMasks: dates must be sorted");
  // Two halves of the pupils on two threads: they write disjoint rows of the matrix.
  const size_t middle = pupil_count_ / 2;
  std::thread second([&] { fill_masks(enrolments, days, middle, pupil_count_, masks_.data()); });
  fill_masks(enrolments, days, 0, middle, masks_.data());
  second.join();
}

}  // namespace stroom
