// Region and national counts; see public_counts.h.
#include "generate/public_counts.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stroom {
namespace {

struct TeldatumCounts {
  std::array<int64_t, kSettingCount> settings{};
  std::array<std::array<int64_t, 5>, kSettingCount> clusters{};  // [setting][cluster 1..4]
  int64_t po_total = 0;
  int64_t vo_total = 0;
};

void add_row(std::vector<PublicCount>& rows, int year, const std::string& area, std::string_view setting,
             std::optional<int> cluster, int64_t count) {
  rows.push_back({Date::from_days(teldatum_of(year)), area, std::string(setting), cluster, count});
}

void add_sector_rows(std::vector<PublicCount>& rows, int year, const std::string& area, Sector sector,
                     const TeldatumCounts& counts) {
  for (Setting setting : kAllSettings) {
    if (setting_sector(setting) != sector) continue;
    // so and vso only per cluster, without a row for the whole setting beside them: a sum over
    // a setting's rows (as vergelijking in inzicht.md takes it) is then the setting's count.
    if (setting == Setting::so || setting == Setting::vso)
      for (int c = 1; c <= 4; ++c)
        add_row(rows, year, area, setting_code(setting), c, counts.clusters[size_t(setting)][size_t(c)]);
    else
      add_row(rows, year, area, setting_code(setting), std::nullopt, counts.settings[size_t(setting)]);
  }
  add_row(rows, year, area, "totaal", std::nullopt, sector == Sector::po ? counts.po_total : counts.vo_total);
}

// National magnitudes on the teldatum of --from (as 2018) and their trends: bao shrinks slowly,
// so grows, vo follows the VO total of -3.6% over six years after pro, vso and isk.
struct National {
  std::array<int64_t, kSettingCount> settings{};
  std::array<std::array<int64_t, 5>, kSettingCount> clusters{};
};

constexpr double kVoTotalBase = 1'004'650;
constexpr double kVoTotalChangeSixYears = -0.036;

National national_for(int k, const GeneratorRates& rates) {
  National n;
  auto grow = [k](double base, double yearly) { return base * std::pow(1.0 + yearly, k); };
  auto grow6 = [k](double base, double six_years) { return base * std::pow(1.0 + six_years, k / 6.0); };
  const double isk_index = rates.isk_index[size_t(std::clamp<int>(k, 0, int(rates.isk_index.size()) - 1))];
  const std::array<double, 5> so = {0, grow(900, 0.0), grow(5100, 0.02), grow(12300, 0.06), grow(12200, 0.065)};
  const std::array<double, 5> vso = {0, grow(1150, 0.0), grow(3900, 0.005), grow6(13600, 0.068), grow6(18400, 0.073)};
  const double pro = grow6(28600, 0.012);
  const double isk = 14000 * isk_index;
  double so_total = 0, vso_total = 0;
  for (int c = 1; c <= 4; ++c) {
    n.clusters[size_t(Setting::so)][size_t(c)] = std::llround(so[size_t(c)]);
    n.clusters[size_t(Setting::vso)][size_t(c)] = std::llround(vso[size_t(c)]);
    so_total += double(n.clusters[size_t(Setting::so)][size_t(c)]);
    vso_total += double(n.clusters[size_t(Setting::vso)][size_t(c)]);
  }
  n.settings[size_t(Setting::bao)] = std::llround(grow(1'425'000, -0.004));
  n.settings[size_t(Setting::sbo)] = std::llround(grow(34'000, 0.002));
  n.settings[size_t(Setting::so)] = std::llround(so_total);
  n.settings[size_t(Setting::vso)] = std::llround(vso_total);
  n.settings[size_t(Setting::pro)] = std::llround(pro);
  n.settings[size_t(Setting::isk)] = std::llround(isk);
  const double vo_total = grow6(kVoTotalBase, kVoTotalChangeSixYears);
  n.settings[size_t(Setting::vo)] = std::llround(vo_total - pro - vso_total - isk);
  return n;
}

}  // namespace

std::vector<PublicCount> region_counts(const SpellsByPupil& spells, const GenerationWindow& window,
                                       const SwvCodes& codes) {
  const int years = window.to_year - window.from_year + 1;
  std::vector<TeldatumCounts> counts(static_cast<size_t>(years));
  std::vector<int32_t> teldata;
  for (int y = window.from_year; y <= window.to_year; ++y) teldata.push_back(teldatum_of(y));
  for (size_t p = 0; p < spells.pupils(); ++p) {
    const auto own = spells.of(p);
    if (own.empty()) continue;
    for (size_t t = 0; t < teldata.size(); ++t) {
      uint8_t settings = 0;
      std::array<uint8_t, kSettingCount> clusters{};
      for (const GeneratedSpell& spell : own) {
        if (!spell_covers(spell, teldata[t])) continue;
        settings |= uint8_t(1u << unsigned(spell.setting));
        if (spell.cluster) clusters[size_t(spell.setting)] |= uint8_t(1u << spell.cluster);
      }
      if (!settings) continue;
      TeldatumCounts& c = counts[t];
      bool po = false, vo = false;
      for (Setting setting : kAllSettings) {
        if (!(settings & (1u << unsigned(setting)))) continue;
        ++c.settings[size_t(setting)];
        (setting_sector(setting) == Sector::po ? po : vo) = true;
        for (int cl = 1; cl <= 4; ++cl)
          if (clusters[size_t(setting)] & (1u << cl)) ++c.clusters[size_t(setting)][size_t(cl)];
      }
      c.po_total += po;
      c.vo_total += vo;
    }
  }
  std::vector<PublicCount> rows;
  for (int y = window.from_year; y <= window.to_year; ++y) {
    const TeldatumCounts& c = counts[size_t(y - window.from_year)];
    add_sector_rows(rows, y, codes.po, Sector::po, c);
    add_sector_rows(rows, y, codes.vo, Sector::vo, c);
  }
  return rows;
}

std::vector<PublicCount> national_counts(const GenerationWindow& window, const GeneratorRates& rates) {
  std::vector<PublicCount> rows;
  const std::string nl = "NL";
  for (int y = window.from_year; y <= window.to_year; ++y) {
    const National n = national_for(y - window.from_year, rates);
    int64_t total = 0;
    for (Setting setting : kAllSettings) {
      total += n.settings[size_t(setting)];
      if (setting == Setting::so || setting == Setting::vso)  // per cluster only, as for the region
        for (int c = 1; c <= 4; ++c) add_row(rows, y, nl, setting_code(setting), c, n.clusters[size_t(setting)][size_t(c)]);
      else
        add_row(rows, y, nl, setting_code(setting), std::nullopt, n.settings[size_t(setting)]);
    }
    add_row(rows, y, nl, "totaal", std::nullopt, total);
  }
  return rows;
}

}  // namespace stroom
