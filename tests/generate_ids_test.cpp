// The generator's building blocks: unique BSNs that pass the 11-proef, broken ones that do not,
// the random stream's independence from the standard library's distributions, and the calendar
// arithmetic on day numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "generate/day_numbers.h"
#include "generate/generator_options.h"
#include "generate/pupil_ids.h"
#include "generate/random_stream.h"
#include "model/calendar.h"

namespace stroom {
namespace {

TEST(GenerateIds, BsnsAreUniqueNineDigitsAndPassTheElfproef) {
  std::unordered_set<uint32_t> seen;
  const uint32_t count = 200'000;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t bsn = bsn_for_index(i, 0x5eed);
    ASSERT_TRUE(bsn_passes_elfproef(bsn)) << bsn;
    ASSERT_TRUE(seen.insert(bsn).second) << "repeated " << bsn;
    char text[16];
    ASSERT_EQ(format_pupil_id(true, bsn, text), 9u);
    EXPECT_FALSE(bsn_passes_elfproef(broken_bsn(bsn)));
  }
  EXPECT_EQ(bsn_for_index(7, 1), bsn_for_index(7, 1));
  EXPECT_NE(bsn_for_index(7, 1), bsn_for_index(7, 2));
}

TEST(GenerateIds, ElfproefMatchesTheWrittenRule) {
  // 111222333: 9+8+7 + 2*(6+5+4) + 3*(3+2) - 3 = 24+30+15-3 = 66, divisible by 11.
  EXPECT_TRUE(bsn_passes_elfproef(111222333));
  EXPECT_FALSE(bsn_passes_elfproef(111222334));
  EXPECT_FALSE(bsn_passes_elfproef(0));
  char text[16];
  EXPECT_EQ(std::string(text, format_pupil_id(true, 12345674, text)), "012345674");
  EXPECT_EQ(std::string(text, format_pupil_id(false, 10000042, text)), "ONR10000042");
}

TEST(GenerateRandom, StreamsAreReproducibleAndIndependent) {
  RandomStream a(42, RandomPart::careers), b(42, RandomPart::careers), c(42, RandomPart::absence);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(GenerateRandom, DistributionsHaveTheirMeans) {
  RandomStream r(7, RandomPart::pilot);
  const int n = 200'000;
  double uniform = 0, exponential = 0, normal = 0, poisson = 0, below = 0;
  int heads = 0, lo = 0, hi = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    ASSERT_TRUE(u >= 0 && u < 1);
    uniform += u;
    exponential += r.exponential(3.0);
    normal += r.normal(5.0, 2.0);
    poisson += double(r.poisson(4.0));
    below += double(r.below(10));
    heads += r.chance(0.25);
    const int b = r.between(3, 5);
    ASSERT_TRUE(b >= 3 && b <= 5);
    lo += b == 3;
    hi += b == 5;
  }
  EXPECT_NEAR(uniform / n, 0.5, 0.005);
  EXPECT_NEAR(exponential / n, 3.0, 0.05);
  EXPECT_NEAR(normal / n, 5.0, 0.03);
  EXPECT_NEAR(poisson / n, 4.0, 0.03);
  EXPECT_NEAR(below / n, 4.5, 0.03);
  EXPECT_NEAR(double(heads) / n, 0.25, 0.005);
  EXPECT_NEAR(double(lo) / n, 1.0 / 3, 0.005);
  EXPECT_NEAR(double(hi) / n, 1.0 / 3, 0.005);
  const std::vector<double> weights = {1, 0, 3};
  int picks[3] = {0, 0, 0};
  for (int i = 0; i < 40'000; ++i) ++picks[r.pick(weights)];
  EXPECT_EQ(picks[1], 0);
  EXPECT_NEAR(double(picks[2]) / double(picks[0]), 3.0, 0.15);
  EXPECT_NEAR(double(r.poisson(1000.0)), 1000.0, 150.0);
}

TEST(GenerateDays, DayNumbersAgreeWithTheCalendar) {
  for (int32_t day = day_number(1995, 1, 1); day < day_number(2035, 1, 1); day += 13) {
    const Date date = Date::from_days(day);
    const CivilDate c = civil_date(day);
    ASSERT_EQ(c.year, date.year());
    ASSERT_EQ(c.month, date.month());
    ASSERT_EQ(c.day, date.day());
    ASSERT_EQ(day_number(c.year, c.month, c.day), day);
  }
  EXPECT_EQ(school_year_containing(day_number(2020, 7, 31)), 2019);
  EXPECT_EQ(school_year_containing(day_number(2020, 8, 1)), 2020);
  EXPECT_EQ(age_on(day_number(2010, 10, 2), teldatum_of(2022)), 11);
  EXPECT_EQ(age_on(day_number(2010, 10, 1), teldatum_of(2022)), 12);
  EXPECT_EQ(add_years(day_number(2012, 2, 29), 4), day_number(2016, 2, 29));
  EXPECT_EQ(add_years(day_number(2012, 2, 29), 1), day_number(2013, 2, 28));
}

TEST(GenerateOptions, ValidationNamesTheOption) {
  GeneratorOptions options;
  EXPECT_FALSE(validate_generator_options(options));
  options.to_year = 2010;
  EXPECT_NE(validate_generator_options(options)->find("--to"), std::string::npos);
  options = {};
  options.vuil = 100.5;
  EXPECT_NE(validate_generator_options(options)->find("--vuil"), std::string::npos);
  options = {};
  options.pupils = 0;
  EXPECT_NE(validate_generator_options(options)->find("--pupils"), std::string::npos);
  const SwvCodes codes = swv_codes("VO2499");
  EXPECT_EQ(codes.po, "PO2499");
  EXPECT_EQ(codes.vo, "VO2499");
  EXPECT_EQ(codes.neighbour_po, "PO2500");
  EXPECT_EQ(swv_codes("PO9999").neighbour_vo, "VO0000");
}

}  // namespace
}  // namespace stroom
