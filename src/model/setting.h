// The settings (onderwijssoorten) a pupil can be enrolled in, with sector and intensity rank.
//
// The enum order is the maatboek's fixed "settings list" order, so iterating the enum gives the
// rows of every measure in contract order.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stroom {

enum class Setting : uint8_t { bao, sbo, so, vo, pro, vso, isk };
enum class Sector : uint8_t { po, vo };

inline constexpr std::array<Setting, 7> kAllSettings = {
    Setting::bao, Setting::sbo, Setting::so, Setting::vo, Setting::pro, Setting::vso, Setting::isk};
inline constexpr size_t kSettingCount = kAllSettings.size();

std::string_view setting_code(Setting setting);
// Accepts the lower-case code, case-insensitively and ignoring surrounding spaces.
std::optional<Setting> parse_setting(std::string_view code);
Sector setting_sector(Setting setting);
// 0 = regular (bao, vo, isk), 1 = sbo and pro, 2 = so and vso. Higher means more intensive.
int intensity_rank(Setting setting);
// Position in the tie-break order so, vso, sbo, pro, bao, vo, isk (lower wins).
int dominance_order(Setting setting);

// The dominant setting among a set given as a bit mask (bit i = Setting i): highest rank first,
// ties by dominance_order. The mask must not be empty.
Setting dominant_setting(uint8_t setting_mask);

}  // namespace stroom
