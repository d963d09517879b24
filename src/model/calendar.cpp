// Calendar arithmetic on plain days; see calendar.h.
#include "model/calendar.h"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "model/trim.h"

namespace stroom {
namespace {

std::chrono::year_month_day year_month_day_of(int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

// Reads an unsigned number of 1..max_digits digits from the front of text.
std::optional<int> take_number(std::string_view& text, size_t min_digits, size_t max_digits) {
  size_t n = 0;
  while (n < text.size() && n < max_digits && text[n] >= '0' && text[n] <= '9') ++n;
  if (n < min_digits) return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + n, value);
  text.remove_prefix(n);
  return value;
}

bool take_separator(std::string_view& text, char separator) {
  if (text.empty() || text.front() != separator) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                  std::chrono::day{unsigned(day)}};
  if (month < 1 || month > 12 || day < 1 || !ymd.ok()) return std::nullopt;
  return from_days(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

int Date::year() const { return int(year_month_day_of(days_).year()); }
int Date::month() const { return int(unsigned(year_month_day_of(days_).month())); }
int Date::day() const { return int(unsigned(year_month_day_of(days_).day())); }

CivilDate Date::civil() const {
  const auto ymd = stroom::year_month_day_of(days_);
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

// Written digit by digit: the importer formats millions of dates and fmt's parsing of the
// format string was a visible share of an import's time.
std::string Date::iso() const {
  auto ymd = year_month_day_of(days_);
  const int year = int(ymd.year());
  if (year < 0 || year > 9999)
    return fmt::format("{:04}-{:02}-{:02}", year, unsigned(ymd.month()), unsigned(ymd.day()));
  std::string text = "0000-00-00";
  auto put = [&text](size_t at, unsigned value, size_t digits) {
    for (size_t i = digits; i-- > 0; value /= 10) text[at + i] = char('0' + value % 10);
  };
  put(0, unsigned(year), 4);
  put(5, unsigned(ymd.month()), 2);
  put(8, unsigned(ymd.day()), 2);
  return text;
}

std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  if (text.size() < 8 || text.size() > 10) return std::nullopt;
  const char separator = text.find('/') != std::string_view::npos ? '/' : '-';
  std::string_view rest = text;
  if (text.size() == 10 && text[4] == separator) {  // YYYY-MM-DD
    auto y = take_number(rest, 4, 4);
    if (!y || !take_separator(rest, separator)) return std::nullopt;
    auto m = take_number(rest, 2, 2);
    if (!m || !take_separator(rest, separator)) return std::nullopt;
    auto d = take_number(rest, 2, 2);
    if (!d || !rest.empty()) return std::nullopt;
    return Date::from_ymd(*y, *m, *d);
  }
  auto d = take_number(rest, 1, 2);  // D-M-YYYY or DD-MM-YYYY
  if (!d || !take_separator(rest, separator)) return std::nullopt;
  auto m = take_number(rest, 1, 2);
  if (!m || !take_separator(rest, separator)) return std::nullopt;
  auto y = take_number(rest, 4, 4);
  if (!y || !rest.empty()) return std::nullopt;
  return Date::from_ymd(*y, *m, *d);
}

Date SchoolYear::first_day() const { return *Date::from_ymd(start_year, 8, 1); }
Date SchoolYear::last_day() const { return *Date::from_ymd(start_year + 1, 7, 31); }
Date SchoolYear::teldatum() const { return *Date::from_ymd(start_year, 10, 1); }
// Four digits each, like the years of iso(), so that parse_school_year reads every label back.
std::string SchoolYear::label() const { return fmt::format("{:04}-{:04}", start_year, start_year + 1); }

SchoolYear school_year_of(Date date) {
  return SchoolYear{date.month() >= 8 ? date.year() : date.year() - 1};
}

std::optional<SchoolYear> parse_school_year(std::string_view text) {
  text = trim(text);
  auto first = take_number(text, 4, 4);
  if (!first || !take_separator(text, '-')) return std::nullopt;
  auto second = take_number(text, 4, 4);
  if (!second || !text.empty() || *second != *first + 1) return std::nullopt;
  return SchoolYear{*first};
}

}  // namespace stroom
