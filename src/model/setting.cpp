// Setting codes, sectors and ranks; see setting.h.
#include "model/setting.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace stroom {
namespace {
constexpr std::array<std::string_view, kSettingCount> kCodes = {"bao", "sbo", "so", "vo",
                                                                "pro", "vso", "isk"};
constexpr std::array<int, kSettingCount> kRanks = {0, 1, 2, 0, 1, 2, 0};
// Indexed by Setting: so=0, vso=1, sbo=2, pro=3, bao=4, vo=5, isk=6.
constexpr std::array<int, kSettingCount> kDominanceOrder = {4, 2, 0, 5, 3, 1, 6};
}  // namespace

std::string_view setting_code(Setting setting) { return kCodes[size_t(setting)]; }

std::optional<Setting> parse_setting(std::string_view code) {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  for (Setting s : kAllSettings)
    if (setting_code(s) == lower) return s;
  return std::nullopt;
}

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
