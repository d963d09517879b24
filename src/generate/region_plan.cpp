// Schools, municipalities and school choice; see region_plan.h.
#include "generate/region_plan.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "generate/place_names.h"

namespace stroom {
namespace {

// Expected pupils per setting on the first teldatum as a share of --pupils, and the typical
// size of one vestiging. The shares only size the school list; the pupil counts themselves come
// out of the career simulation.
struct Sizing {
  double share;
  double school_size;
  int minimum;
  double outside_choice;  // chance that a pupil picks a school of the neighbouring SWV
};
constexpr std::array<Sizing, kSettingCount> kSizing = {{
    {0.575, 225, 2, 0.012},   // bao
    {0.0145, 140, 1, 0.03},   // sbo
    {0.0078, 110, 1, 0.08},   // so
    {0.37, 900, 1, 0.03},     // vo
    {0.0115, 220, 1, 0.03},   // pro
    {0.0145, 160, 1, 0.08},   // vso
    {0.004, 150, 1, 0.0},     // isk
}};

constexpr double kLocalBaoChoice = 0.93;  // pupils who attend a bao school in their own municipality
constexpr double kPupilsPerGemeente = 9000;

uint8_t cluster_bit(int cluster) { return uint8_t(1u << cluster); }
uint8_t level_bit(VoLevel level) { return uint8_t(1u << unsigned(level)); }

// The clusters offered by the i-th so or vso school: mostly 3 and 4, now and then 2 or 1.
uint8_t cluster_pattern(size_t index) {
  constexpr std::array<uint8_t, 8> kPatterns = {0x18, 0x10, 0x08, 0x04, 0x10, 0x08, 0x18, 0x02};
  return kPatterns[index % kPatterns.size()];
}

struct VoProfile {
  uint8_t levels;
  bool mixed_brug;
};
// Scholengemeenschap, vmbo, havo/vwo, scholengemeenschap, vmbo, scholengemeenschap, havo/vwo, gymnasium.
VoProfile vo_profile(size_t index) {
  constexpr uint8_t kAll = 0x1F, kVmbo = 0x07, kHavoVwo = 0x18, kVwo = 0x10;
  constexpr std::array<VoProfile, 8> kProfiles = {{{kAll, true}, {kVmbo, false}, {kHavoVwo, true},
                                                   {kAll, true}, {kVmbo, false}, {kAll, true},
                                                   {kHavoVwo, true}, {kVwo, false}}};
  return kProfiles[index % kProfiles.size()];
}

// Tables per setting: one per cluster 1..4 (so, vso; index 0 unused) or per level (vo), and
// a last one holding every school of the setting.
size_t selector_count(Setting setting) {
  if (setting == Setting::so || setting == Setting::vso) return 5;
  if (setting == Setting::vo) return kVoLevelCount;
  return 0;
}
size_t selector(Setting setting, uint8_t cluster, VoLevel level) {
  if (setting == Setting::so || setting == Setting::vso) return cluster >= 1 && cluster <= 4 ? cluster : 5;
  if (setting == Setting::vo) return size_t(level);
  return 0;
}

}  // namespace

void ChoiceTable::add(uint32_t item, double weight) {
  items_.push_back(item);
  cumulative_.push_back((cumulative_.empty() ? 0.0 : cumulative_.back()) + weight);
}

uint32_t ChoiceTable::draw(RandomStream& random) const {
  const double target = random.uniform() * cumulative_.back();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  return items_[std::min(size_t(it - cumulative_.begin()), items_.size() - 1)];
}

RegionPlan::RegionPlan(const SwvCodes& codes, int64_t pupils, uint64_t seed) : codes_(codes) {
  RandomStream random(seed, RandomPart::places);
  plan_gemeenten(pupils, random);
  plan_schools(pupils, random);
  build_tables();
}

const std::string& RegionPlan::swv_of(const School& school) const {
  const bool po = setting_sector(school.setting) == Sector::po;
  if (school.outside) return po ? codes_.neighbour_po : codes_.neighbour_vo;
  return po ? codes_.po : codes_.vo;
}

void RegionPlan::plan_gemeenten(int64_t pupils, RandomStream& random) {
  const int64_t bao_schools = std::max<int64_t>(
      kSizing[0].minimum, std::llround(double(pupils) * kSizing[0].share / kSizing[0].school_size));
  const int64_t wanted = std::max<int64_t>(3, std::llround(double(pupils) / kPupilsPerGemeente));
  region_gemeenten_ = size_t(std::clamp<int64_t>(wanted, 1, bao_schools));
  for (size_t g = 0; g < region_gemeenten_; ++g) {
    gemeenten_.push_back(gemeente_name(g));
    // The first municipality is the region's town; the others are smaller and vary.
    homes_.add(uint32_t(g), g == 0 ? 3.0 : 0.5 + random.uniform());
  }
  // Two municipalities of the neighbouring region, for its schools.
  gemeenten_.push_back(gemeente_name(region_gemeenten_));
  gemeenten_.push_back(gemeente_name(region_gemeenten_ + 1));
}

void RegionPlan::add_school(Setting setting, uint32_t gemeente, bool outside, RandomStream& random) {
  School school;
  school.setting = setting;
  school.gemeente = gemeente;
  school.outside = outside;
  const size_t index = per_setting_[size_t(setting)]++;
  const std::string& place = gemeenten_[gemeente];
  // BRIN codes from an affine permutation of 90 x 26 x 26 codes, so neighbours differ.
  const uint32_t code = (brin_counter_++ * 7919u + 1234u) % 60840u;
  const uint32_t letters = code % 676u;
  school.id = fmt::format("{:02}{}{}00", 10 + code / 676u, char('A' + letters / 26u), char('A' + letters % 26u));
  const Denomination denomination = bao_denomination(index);
  school.naam = school_name(setting, index, place);
  school.bestuur = board_name(setting, denomination, place);
  if (setting == Setting::so || setting == Setting::vso)
    school.clusters = outside ? 0x1E : cluster_pattern(index);
  if (setting == Setting::vo) {
    const VoProfile profile = outside ? VoProfile{0x1F, true} : vo_profile(index);
    school.levels = profile.levels;
    school.mixed_brug = profile.mixed_brug;
  }
  const double spread = setting == Setting::bao ? 0.32 : 0.25;
  school.weight = random.lognormal(1.0, spread) * (outside ? 0.5 : 1.0);
  schools_.push_back(std::move(school));
}

void RegionPlan::plan_schools(int64_t pupils, RandomStream& random) {
  for (Setting setting : kAllSettings) {
    const Sizing& sizing = kSizing[size_t(setting)];
    const int64_t count = std::max<int64_t>(
        sizing.minimum, std::llround(double(pupils) * sizing.share / sizing.school_size));
    for (int64_t i = 0; i < count; ++i) {
      // bao schools go round the municipalities by weight; the first of each other kind sits
      // in the region's town.
      const uint32_t gemeente =
          (setting != Setting::bao && i == 0) ? 0u
          : (setting == Setting::bao && i < int64_t(region_gemeenten_)) ? uint32_t(i)
                                                                         : homes_.draw(random);
      add_school(setting, gemeente, false, random);
    }
    if (setting == Setting::isk) continue;
    const int64_t outside = std::max<int64_t>(1, std::llround(double(count) * 0.03));
    for (int64_t i = 0; i < outside; ++i)
      add_school(setting, uint32_t(region_gemeenten_ + size_t(i % 2)), true, random);
  }
}

void RegionPlan::build_tables() {
  region_.assign(kSettingCount, {});
  outside_.assign(kSettingCount, {});
  for (Setting setting : kAllSettings) {
    region_[size_t(setting)].resize(selector_count(setting) + 1);
    outside_[size_t(setting)].resize(selector_count(setting) + 1);
  }
  bao_local_.resize(region_gemeenten_);
  for (uint32_t i = 0; i < schools_.size(); ++i) {
    const School& school = schools_[i];
    auto& tables = (school.outside ? outside_ : region_)[size_t(school.setting)];
    tables.back().add(i, school.weight);
    if (school.setting == Setting::so || school.setting == Setting::vso) {
      for (int c = 1; c <= 4; ++c)
        if (school.clusters & cluster_bit(c)) tables[size_t(c)].add(i, school.weight);
    } else if (school.setting == Setting::vo) {
      for (size_t l = 0; l < kVoLevelCount; ++l)
        if (school.levels & level_bit(VoLevel(l))) tables[l].add(i, school.weight);
    }
    if (school.setting == Setting::bao && !school.outside) bao_local_[school.gemeente].add(i, school.weight);
  }
}

const ChoiceTable* RegionPlan::region_table(Setting setting, uint32_t home, uint8_t cluster,
                                            VoLevel level, bool local) const {
  if (setting == Setting::bao && local && home < bao_local_.size() && !bao_local_[home].empty())
    return &bao_local_[home];
  return &region_[size_t(setting)][selector(setting, cluster, level)];
}

const ChoiceTable* RegionPlan::outside_table(Setting setting, uint8_t cluster, VoLevel level) const {
  return &outside_[size_t(setting)][selector(setting, cluster, level)];
}

std::optional<uint32_t> RegionPlan::choose_school(Setting setting, uint32_t home, uint8_t cluster,
                                                  VoLevel level, RandomStream& random,
                                                  std::optional<uint32_t> avoid) const {
  const ChoiceTable* outside = outside_table(setting, cluster, level);
  const ChoiceTable* region = region_table(setting, home, cluster, level, random.chance(kLocalBaoChoice));
  const bool go_outside = !outside->empty() && (region->empty() || random.chance(kSizing[size_t(setting)].outside_choice));
  const ChoiceTable* table = go_outside ? outside : region;
  if (table->empty()) table = &region_[size_t(setting)].back();  // no school with that cluster or level
  if (table->empty()) return std::nullopt;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const uint32_t school = table->draw(random);
    if (school != avoid) return school;
  }
  return std::nullopt;
}

}  // namespace stroom
