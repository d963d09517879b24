// The schools of the synthetic region: how many of each kind, where, how big, and how a pupil
// picks one.
//
// Sizes scale with the number of pupils: bao schools of about 225 pupils, a few sbo and so
// schools (so ones with their clusters), vo vestigingen with a mix of levels, pro, vso and one
// isk, spread over a handful of municipalities. A few schools of the neighbouring SWV (one more
// in the code's number) take some of the region's pupils, so grensverkeer exists.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generate/generated_records.h"
#include "generate/generator_options.h"
#include "generate/random_stream.h"
#include "model/setting.h"

namespace stroom {

struct School {
  std::string id;  // BRIN + vestigingsnummer, e.g. 12AB00
  std::string naam;
  std::string bestuur;
  uint32_t gemeente = 0;  // index into RegionPlan::gemeenten()
  Setting setting = Setting::bao;
  bool outside = false;     // a school of the neighbouring SWV
  uint8_t clusters = 0;     // so / vso: bit c set when cluster c (1..4) is offered
  uint8_t levels = 0;       // vo: bit VoLevel set when that level is offered
  bool mixed_brug = false;  // vo: has a mixed first year (niveau 'brug')
  double weight = 1;        // relative attractiveness; decides its size
};

// Draws an element with probability proportional to its weight (cumulative table).
class ChoiceTable {
 public:
  void add(uint32_t item, double weight);
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  uint32_t draw(RandomStream& random) const;

 private:
  std::vector<uint32_t> items_;
  std::vector<double> cumulative_;
};

class RegionPlan {
 public:
  RegionPlan(const SwvCodes& codes, int64_t pupils, uint64_t seed);

  const SwvCodes& codes() const { return codes_; }
  const std::vector<School>& schools() const { return schools_; }
  const std::vector<std::string>& gemeenten() const { return gemeenten_; }
  const std::string& swv_of(const School& school) const;

  // A home municipality for a new pupil, weighted by municipality size.
  uint32_t choose_gemeente(RandomStream& random) const { return homes_.draw(random); }
  // A school of this setting for a pupil living in `home`; cluster for so / vso (1..4), level
  // for vo. Mostly in the region, now and then one of the neighbour's schools. `avoid` is a
  // school to leave (a change of school); nullopt when no other school fits.
  std::optional<uint32_t> choose_school(Setting setting, uint32_t home, uint8_t cluster,
                                        VoLevel level, RandomStream& random,
                                        std::optional<uint32_t> avoid = std::nullopt) const;

 private:
  void plan_gemeenten(int64_t pupils, RandomStream& random);
  void add_school(Setting setting, uint32_t gemeente, bool outside, RandomStream& random);
  void plan_schools(int64_t pupils, RandomStream& random);
  void build_tables();
  const ChoiceTable* region_table(Setting setting, uint32_t home, uint8_t cluster, VoLevel level,
                                  bool local) const;
  const ChoiceTable* outside_table(Setting setting, uint8_t cluster, VoLevel level) const;

  SwvCodes codes_;
  std::vector<std::string> gemeenten_;
  size_t region_gemeenten_ = 0;
  ChoiceTable homes_;
  std::vector<School> schools_;
  uint32_t brin_counter_ = 0;
  std::array<size_t, kSettingCount> per_setting_{};
  // Choice tables: [setting][selector] where the selector is the cluster (so, vso), the level
  // (vo) or 0; bao also per home municipality.
  std::vector<std::vector<ChoiceTable>> region_;
  std::vector<std::vector<ChoiceTable>> outside_;
  std::vector<ChoiceTable> bao_local_;
};

}  // namespace stroom
