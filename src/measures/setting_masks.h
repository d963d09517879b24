// For every pupil and each of a list of dates: the set of settings the pupil is enrolled in.
//
// This is the primitive under leerlingen, deelname, ontwikkeling and stromen: one pass over the
// spells (sorted by pupil) fills a pupils x dates matrix of 7-bit masks, from which counts and
// dominant settings are read without touching the spells again.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/enrolment_columns.h"

namespace stroom {

class SettingMasks {
 public:
  SettingMasks(const EnrolmentColumns& enrolments, std::span<const Date> dates);

  size_t date_count() const { return date_count_; }
  size_t pupil_count() const { return pupil_count_; }
  // Bit s set = enrolled in Setting s on dates[date_index].
  uint8_t mask(size_t pupil, size_t date_index) const { return masks_[pupil * date_count_ + date_index]; }

 private:
  size_t date_count_;
  size_t pupil_count_;
  std::vector<uint8_t> masks_;
};

}  // namespace stroom
