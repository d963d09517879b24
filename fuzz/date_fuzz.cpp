// libFuzzer target: arbitrary text as a date field (parse_date) and a school year (parse_school_year).
//
// Every date column of every import file goes through parse_date, and --schooljaar and the API's
// schooljaar parameter through parse_school_year. Besides the sanitizers it checks the properties
// the rest of stroom relies on:
//   - surrounding spaces and tabs never change the answer;
//   - a parsed date is a real calendar date with a four-digit year, its iso() is its canonical
//     form (an ISO input with '/' or '-' comes back unchanged but for '/'), and iso(), DD-MM-YYYY
//     and D/M/YYYY all parse back to the same day;
//   - a parsed school year's label() parses back to it, it runs 1 August to 31 July (365 or 366
//     days), its teldatum lies inside it and school_year_of agrees on its first and last day.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "fuzz_check.h"
#include "model/calendar.h"
#include "model/trim.h"

namespace {

void check_date(std::string_view text, stroom::Date date) {
  const stroom::CivilDate c = date.civil();
  FUZZ_CHECK(c.year >= 0 && c.year <= 9999 && c.month >= 1 && c.month <= 12 && c.day >= 1 &&
             c.day <= 31);
  FUZZ_CHECK(date.year() == c.year && date.month() == c.month && date.day() == c.day);
  FUZZ_CHECK(stroom::Date::from_ymd(c.year, c.month, c.day) == date);

  const std::string iso = date.iso();
  FUZZ_CHECK(iso == fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day));
  FUZZ_CHECK(stroom::parse_date(iso) == date);
  const std::string_view core = stroom::trim(text);
  if (core.size() == 10 && (core[4] == '-' || core[4] == '/')) {
    std::string canonical(core);
    for (char& ch : canonical) ch = ch == '/' ? '-' : ch;
    FUZZ_CHECK(iso == canonical);
  }
  FUZZ_CHECK(stroom::parse_date(fmt::format("{:02}-{:02}-{:04}", c.day, c.month, c.year)) == date);
  FUZZ_CHECK(stroom::parse_date(fmt::format("{}/{}/{:04}", c.day, c.month, c.year)) == date);
}

void check_school_year(stroom::SchoolYear year) {
  FUZZ_CHECK(year.start_year >= 0 && year.start_year <= 9998);
  FUZZ_CHECK(stroom::parse_school_year(year.label()) == year);
  const stroom::Date first = year.first_day(), last = year.last_day(), tel = year.teldatum();
  FUZZ_CHECK(first.month() == 8 && first.day() == 1 && first.year() == year.start_year);
  FUZZ_CHECK(last.month() == 7 && last.day() == 31 && last.year() == year.start_year + 1);
  FUZZ_CHECK(year.length_days() == 365 || year.length_days() == 366);
  FUZZ_CHECK(first < tel && tel < last);
  FUZZ_CHECK(stroom::school_year_of(first) == year && stroom::school_year_of(last) == year);
  FUZZ_CHECK(stroom::school_year_of(first.plus_days(-1)).start_year == year.start_year - 1);
  FUZZ_CHECK(stroom::school_year_of(last.plus_days(1)).start_year == year.start_year + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string padded = " \t" + std::string(text) + "\t ";

  const auto date = stroom::parse_date(text);
  FUZZ_CHECK(stroom::parse_date(padded) == date);
  if (date) check_date(text, *date);

  const auto year = stroom::parse_school_year(text);
  FUZZ_CHECK(stroom::parse_school_year(padded) == year);
  if (year) check_school_year(*year);
  return 0;
}
