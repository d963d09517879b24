// Setting codes, sectors and ranks; see setting.h.
#include "model/setting.h"

#include "model/code_tables.h"

namespace stroom {
namespace {
constexpr std::array<int, kSettingCount> kRanks = {0, 1, 2, 0, 1, 2, 0};
// Indexed by Setting: so=0, vso=1, sbo=2, pro=3, bao=4, vo=5, isk=6.
constexpr std::array<int, kSettingCount> kDominanceOrder = {4, 2, 0, 5, 3, 1, 6};
}  // namespace

std::string_view setting_code(Setting setting) { return code_of(setting); }

std::optional<Setting> parse_setting(std::string_view code) { return parse_code<Setting>(code); }

Sector setting_sector(Setting setting) {
  switch (setting) {
    case Setting::bao: case Setting::sbo: case Setting::so: return Sector::po;
    default: return Sector::vo;
  }
}

int intensity_rank(Setting setting) { return kRanks[size_t(setting)]; }
int dominance_order(Setting setting) { return kDominanceOrder[size_t(setting)]; }

Setting dominant_setting(uint8_t setting_mask) {
  Setting best = Setting::isk;
  bool found = false;
  for (Setting s : kAllSettings) {
    if (!(setting_mask & (1u << unsigned(s)))) continue;
    if (!found || intensity_rank(s) > intensity_rank(best) ||
        (intensity_rank(s) == intensity_rank(best) && dominance_order(s) < dominance_order(best))) {
      best = s;
      found = true;
    }
  }
  return best;
}

}  // namespace stroom
