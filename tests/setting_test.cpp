// Settings: codes, ranks and the dominant-setting rule of the maatboek.
#include <gtest/gtest.h>

#include "model/setting.h"

namespace stroom {
namespace {

uint8_t mask(std::initializer_list<Setting> settings) {
  uint8_t m = 0;
  for (Setting s : settings) m |= uint8_t(1u << unsigned(s));
  return m;
}

TEST(Setting, CodesRoundTripAndRanks) {
  for (Setting s : kAllSettings) EXPECT_EQ(parse_setting(setting_code(s)), s);
  EXPECT_EQ(parse_setting(" SO "), Setting::so);
  EXPECT_FALSE(parse_setting("vmbo"));
  EXPECT_EQ(intensity_rank(Setting::vso), 2);
  EXPECT_EQ(intensity_rank(Setting::pro), 1);
  EXPECT_EQ(intensity_rank(Setting::isk), 0);
  EXPECT_EQ(setting_sector(Setting::sbo), Sector::po);
  EXPECT_EQ(setting_sector(Setting::isk), Sector::vo);
}

TEST(Setting, DominantSettingFollowsRankThenTieBreak) {
  EXPECT_EQ(dominant_setting(mask({Setting::bao, Setting::sbo})), Setting::sbo);
  EXPECT_EQ(dominant_setting(mask({Setting::vso, Setting::so})), Setting::so);
  EXPECT_EQ(dominant_setting(mask({Setting::pro, Setting::sbo})), Setting::sbo);
  EXPECT_EQ(dominant_setting(mask({Setting::vo, Setting::bao})), Setting::bao);
  EXPECT_EQ(dominant_setting(mask({Setting::isk, Setting::vo})), Setting::vo);
  EXPECT_EQ(dominant_setting(mask({Setting::isk})), Setting::isk);
  EXPECT_EQ(dominant_setting(mask({Setting::pro, Setting::vso})), Setting::vso);
}

}  // namespace
}  // namespace stroom
