// Plain calendar days, school years and teldata.
//
// Every date in stroom is a civil date without time or time zone: a count of days since
// 1970-01-01. Durations are differences of day counts, so "end - start + 1" is a length in days.
// Conversions use std::chrono's calendar so leap years are never hand-coded.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stroom {

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

class Date {
 public:
  constexpr Date() = default;
  static Date from_days(int32_t days) { Date d; d.days_ = days; return d; }
  // Returns nullopt when (year, month, day) is not a real calendar date.
  static std::optional<Date> from_ymd(int year, int month, int day);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  CivilDate civil() const;  // year, month and day in one conversion
  std::string iso() const;  // YYYY-MM-DD

  Date plus_days(int32_t n) const { return from_days(days_ + n); }
  friend int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend auto operator<=>(Date, Date) = default;

 private:
  int32_t days_ = 0;
};

// Parses the date forms of formats.md: YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY, each also with '/'.
// Surrounding spaces are ignored. Returns nullopt for anything else or for impossible dates.
std::optional<Date> parse_date(std::string_view text);

// A school year runs from 1 August to 31 July; it is named by the year it starts in.
struct SchoolYear {
  int start_year = 0;

  Date first_day() const;   // start_year-08-01
  Date last_day() const;    // (start_year+1)-07-31
  Date teldatum() const;    // start_year-10-01, the count date
  int32_t length_days() const { return last_day() - first_day() + 1; }
  std::string label() const;  // "2023-2024"
  friend auto operator<=>(SchoolYear, SchoolYear) = default;
};

SchoolYear school_year_of(Date date);
// Parses "2023-2024"; the second year must follow the first.
std::optional<SchoolYear> parse_school_year(std::string_view text);

}  // namespace stroom
