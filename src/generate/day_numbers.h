// Calendar days as plain int32 day numbers (days since 1970-01-01, as stroom::Date holds them).
//
// The generator handles tens of millions of dates; it keeps them as integers in its compact
// records. The conversions delegate to model/calendar.h, the one place stroom does calendar
// arithmetic. kNoDay marks "empty" (an open end or an unknown date).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

#include "model/calendar.h"

namespace stroom {

inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

// Requires a real calendar date.
inline int32_t day_number(int year, int month, int day) { return Date::from_ymd(year, month, day)->days(); }
inline CivilDate civil_date(int32_t days) { return Date::from_days(days).civil(); }

// School year s runs from s-08-01 to (s+1)-07-31; its teldatum is s-10-01.
inline int32_t school_year_start(int year) { return SchoolYear{year}.first_day().days(); }
inline int32_t school_year_end(int year) { return SchoolYear{year}.last_day().days(); }
inline int32_t teldatum_of(int year) { return SchoolYear{year}.teldatum().days(); }
inline int school_year_containing(int32_t days) { return school_year_of(Date::from_days(days)).start_year; }

// Calls part(school_year, from, to) for each school year's share of the days [first, last].
template <typename Part>
void for_each_school_year_part(int32_t first, int32_t last, Part part) {
  if (first > last) return;
  for (int s = school_year_containing(first); s <= school_year_containing(last); ++s) {
    const int32_t from = std::max(first, school_year_start(s));
    const int32_t to = std::min(last, school_year_end(s));
    if (from <= to) part(s, from, to);
  }
}

// Whole years between a birth date and a date (the age on that date).
inline int age_on(int32_t birth, int32_t date) {
  const CivilDate b = civil_date(birth);
  const CivilDate d = civil_date(date);
  int age = d.year - b.year;
  if (d.month < b.month || (d.month == b.month && d.day < b.day)) --age;
  return age;
}

// The same day and month in another year; 29 February becomes 28 February in common years.
inline int32_t add_years(int32_t date, int years) {
  const CivilDate c = civil_date(date);
  const auto same = Date::from_ymd(c.year + years, c.month, c.day);
  return same ? same->days() : day_number(c.year + years, c.month, 28);
}

}  // namespace stroom
