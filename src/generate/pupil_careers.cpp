// The career simulation of one pupil; see pupil_careers.h.
#include "generate/pupil_careers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace stroom {
namespace {

// Relative chance by age (on the teldatum) of a referral bao -> sbo and bao -> so; each has
// mean 1 over the ages it covers. Referral to sbo peaks at 7-9; so takes the youngest most.
constexpr std::array<double, 12> kSboAgeProfile = {0, 0, 0, 0, 0, 0.5, 1.0, 1.3, 1.35, 1.15, 0.95, 0.75};
constexpr std::array<double, 12> kSoAgeProfile = {0, 0, 0, 0, 1.0, 1.3, 1.25, 1.05, 0.95, 0.85, 0.8, 0.8};
constexpr double kLateAgeProfile = 0.5;  // pupils still in primary education at 12 or older
constexpr int kYoungReferralAge = 7;  // so growth is in the young: onderinstroom and early referral

// Clusters 1..4 of pupils entering so, and of vso side entrants (mostly behaviour, cluster 4,
// and learning, cluster 3; side entry rises, so both clusters grow). docs/generator.md states them.
constexpr std::array<double, 4> kSoClusters = {0.03, 0.14, 0.40, 0.43};
constexpr std::array<double, 4> kVsoSideClusters = {0.01, 0.05, 0.36, 0.58};
// vso niveau (vervolgonderwijs, arbeidsmarkt, dagbesteding) by cluster 1..4.
constexpr std::array<std::array<double, 3>, 4> kVsoNiveaus = {{
    {0.6, 0.3, 0.1}, {0.6, 0.3, 0.1}, {0.05, 0.40, 0.55}, {0.5, 0.45, 0.05}}};
// Age on the teldatum of the last year in vso, by niveau (two equally likely values each).
constexpr std::array<int, 3> kVsoExitAge = {16, 17, 18};
constexpr std::array<int, 2> kProExitAge = {17, 18};
constexpr double kProExitAgeLater = 0.45;
constexpr int kMinDaysBeforeEvent = 14;
constexpr double kSameSchoolAfterGap = 0.4;

// Migrants are placed like the pupils of their age already in the region.
constexpr std::array<double, 3> kMigrantPo = {0.955, 0.027, 0.018};   // bao, sbo, so
constexpr std::array<double, 3> kMigrantVo = {0.965, 0.015, 0.02};    // vo, pro, vso

enum class Event : uint8_t { none, to_bao, to_sbo, to_so, to_vo, to_pro, to_vso, change_school, move_away, drop_out };

struct Hazard {
  Event event = Event::none;
  double chance = 0;
};

double age_profile(const std::array<double, 12>& profile, int age) {
  if (age < 0) return 0;
  if (size_t(age) >= profile.size()) return kLateAgeProfile;
  return profile[size_t(age)];
}

bool is_po(Setting setting) { return setting_sector(setting) == Sector::po; }
bool is_special(Setting setting) { return intensity_rank(setting) > 0; }

int vo_duration(VoLevel level) {
  switch (level) {
    case VoLevel::havo: return 5;
    case VoLevel::vwo: return 6;
    default: return 4;
  }
}

struct Placement {
  Setting setting = Setting::bao;
  uint8_t cluster = 0;
  Niveau niveau = Niveau::none;
};

class Career {
 public:
  Career(const RegionPlan& plan, const GeneratorRates& rates, PopulationWindow window,
         RandomStream& random, const PupilSeed& seed, CareerOutput& out)
      : plan_(plan), rates_(rates), window_(window), random_(random), seed_(seed), out_(out),
        last_day_(school_year_end(window.to_year)) {}

  void run() {
    if (!place_first()) return;
    for (int s = school_year_containing(cur_.start); s <= window_.to_year && active_; ++s) year(s);
    if (enrolled_) close(kNoDay);
  }

 private:
  // Trends are flat outside kTrendFirstYear..kTrendLastYear (generator_rates.h).
  int k(int s) const { return std::clamp(s - window_.from_year, kTrendFirstYear, kTrendLastYear); }
  double growth(double rate, int s) const { return std::pow(1.0 + rate, k(s)); }
  double linear(double trend, int s) const { return std::max(0.2, 1.0 + trend * k(s)); }
  int age_at(int s) const { return age_on(seed_.birth, teldatum_of(s)); }

  // The school year in which a pupil born on this day normally starts vo (born before
  // 1 October: the year of the twelfth birthday).
  int expected_vo_year() const {
    const CivilDate b = civil_date(seed_.birth);
    return b.year + (b.month < 10 ? 12 : 13);
  }
  // The school year in which the pupil is `age` on the teldatum.
  int year_at_age(int age) const {
    const CivilDate b = civil_date(seed_.birth);
    return b.year + age + ((b.month > 10 || (b.month == 10 && b.day > 1)) ? 1 : 0);
  }

  uint8_t draw_cluster(const std::array<double, 4>& weights) { return uint8_t(1 + random_.pick(weights)); }
  // The exit profile of a pupil entering vso in school year s: vervolgonderwijs gains weight
  // over the years (vso_vervolg_trend), so vso's growth is mainly there (theme 8).
  Niveau draw_vso_niveau(uint8_t cluster, int s) {
    std::array<double, 3> weights = kVsoNiveaus[size_t(std::clamp<int>(cluster, 1, 4) - 1)];
    weights[0] *= linear(rates_.vso_vervolg_trend, s);
    const size_t n = random_.pick(weights);
    vso_niveau_index_ = n;
    return Niveau(size_t(Niveau::vervolgonderwijs) + n);
  }

  std::optional<uint32_t> school_for(Setting setting, uint8_t cluster,
                                     std::optional<uint32_t> avoid = std::nullopt) {
    return plan_.choose_school(setting, seed_.home, cluster, level_, random_, avoid);
  }

  // The final level of a pupil entering vo in school year s; the vmbo levels' weight follows
  // vmbo_intake_index.
  VoLevel draw_level(const std::array<double, kVoLevelCount>& shares, int s) {
    const auto& index = rates_.vmbo_intake_index;
    const double vmbo = index[size_t(std::clamp(s - window_.from_year, 0, int(index.size()) - 1))];
    std::array<double, kVoLevelCount> weights = shares;
    for (size_t i = 0; i <= size_t(VoLevel::vmbo_gt); ++i) weights[i] *= vmbo;
    return VoLevel(random_.pick(weights));
  }

  // In a mixed first year, a share of the gt/havo/vwo pupils is registered as 'brug' for the
  // brugperiode (one or two school years from s); year() then registers the final level.
  Niveau vo_niveau(uint32_t school, bool first_year, int s) {
    if (first_year && plan_.schools()[school].mixed_brug && level_ >= VoLevel::vmbo_gt &&
        random_.chance(rates_.brug_share * linear(rates_.brug_trend, s))) {
      brug_until_ = s + (random_.chance(rates_.brug_second_year) ? 1 : 0);
      return Niveau::brug;
    }
    return niveau_of(level_);
  }

  void set_vo_exit(int s, int vo_start_year, int min_years) {
    int extra = 0;
    if (random_.chance(rates_.vo_extra_two_years)) extra = 2;
    else if (random_.chance(rates_.vo_extra_year)) extra = 1;
    exit_year_ = std::max(s + min_years - 1, vo_start_year + vo_duration(level_) + extra - 1);
  }
  void set_age_exit(int s, int age) { exit_year_ = std::max(s, year_at_age(age)); }
  void set_pro_exit(int s) { set_age_exit(s, kProExitAge[random_.chance(kProExitAgeLater) ? 1 : 0]); }
  void set_vso_exit(int s) { set_age_exit(s, kVsoExitAge[vso_niveau_index_] + (random_.chance(0.5) ? 1 : 0)); }

  void open(const Placement& placement, uint32_t school, int32_t start) {
    cur_ = GeneratedSpell{0, school, start, kNoDay, placement.setting, placement.cluster, placement.niveau};
    enrolled_ = true;
  }
  void close(int32_t end) {
    cur_.end = end;
    out_.spells.push_back(cur_);
    enrolled_ = false;
  }

  // Ends the current spell and starts the next on `date`, now and then with a few days' gap
  // or a short overlap, as real registrations have them.
  void switch_to(const Placement& placement, uint32_t school, int32_t date) {
    int32_t start = date;
    int32_t end = date - 1;
    const double u = random_.uniform();
    double edge = rates_.small_gap;
    if (u < edge) start += random_.between(2, 6);
    else if (u < (edge += rates_.gap_of_7)) start += 7;
    else if (u < (edge += rates_.gap_of_8)) start += 8;
    else if (u < (edge += rates_.overlap)) end += random_.between(1, 10);
    close(std::max(end, cur_.start));
    open(placement, school, std::min(start, last_day_));
  }

  void note_special_entry(Setting setting) {
    if (!is_special(setting) || !is_po(setting) || special_extra_drawn_) return;
    special_extra_drawn_ = true;
    if (random_.chance(rates_.special_extra_year)) ++vo_year_;
  }

  bool place_first() {
    vo_year_ = expected_vo_year();
    int32_t start = seed_.arrival;
    Placement placement;
    if (seed_.kind == ArrivalKind::newcomer) {
      placement.setting = Setting::isk;
      level_ = draw_level(rates_.levels_from_isk, school_year_containing(start));
      isk_exit_ = after_isk_stay(start);
    } else if (seed_.kind == ArrivalKind::native) {
      if (random_.chance(rates_.bao_extra_year)) ++vo_year_;
      else if (random_.chance(rates_.bao_early_year)) --vo_year_;
      const int s = school_year_containing(start);
      const double so = rates_.so_direct * growth(rates_.so_growth, s);
      const double sbo = rates_.sbo_direct * growth(rates_.direct_growth, s);
      const double u = random_.uniform();
      if (u < so) placement = {Setting::so, draw_cluster(kSoClusters), Niveau::none};
      else if (u < so + sbo) placement.setting = Setting::sbo;
      if (is_special(placement.setting) && random_.chance(rates_.direct_late))
        start = after_summer_break(start + random_.between(240, 1000));
      note_special_entry(placement.setting);
    } else {
      placement = migrant_placement(school_year_containing(start));
    }
    if (start > last_day_) return false;
    const auto school = school_for(placement.setting, placement.cluster);
    if (!school) return false;
    if (placement.setting == Setting::vo) {
      const int s = school_year_containing(start);
      placement.niveau = vo_niveau(*school, s == vo_year_, s);
    }
    open(placement, *school, start);
    return true;
  }

  Placement migrant_placement(int s) {
    Placement placement;
    if (s < vo_year_) {
      const size_t i = random_.pick(kMigrantPo);
      placement.setting = i == 0 ? Setting::bao : i == 1 ? Setting::sbo : Setting::so;
      if (placement.setting == Setting::so) placement.cluster = draw_cluster(kSoClusters);
      note_special_entry(placement.setting);
      return placement;
    }
    const size_t i = random_.pick(kMigrantVo);
    if (i == 0) {
      placement.setting = Setting::vo;
      level_ = draw_level(rates_.levels_from_bao, s);
      set_vo_exit(s, vo_year_, 1);
    } else if (i == 1) {
      placement.setting = Setting::pro;
      set_pro_exit(s);
    } else {
      placement.setting = Setting::vso;
      placement.cluster = draw_cluster(kVsoSideClusters);
      placement.niveau = draw_vso_niveau(placement.cluster, s);
      set_vso_exit(s);
    }
    return placement;
  }

  int32_t after_isk_stay(int32_t arrival) {
    const int32_t exit = arrival + random_.between(270, 720);
    const CivilDate c = civil_date(exit);
    // Nobody moves on in the summer break: those pupils start their next school on 1 August.
    if ((c.month == 7 && c.day >= 11) || c.month == 8) return school_year_start(school_year_containing(exit) + (c.month == 8 ? 0 : 1));
    return exit;
  }

  void year(int s) {
    const int32_t first = school_year_start(s);
    const int32_t last = school_year_end(s);
    bool fresh = false;  // a spell started on 1 August: no other start-of-year move
    if (!enrolled_) {
      if (resume_at_ == kNoDay || resume_at_ > last) return;
      resume(s);
      fresh = true;
      if (!enrolled_) return;
    }
    if (cur_.start < first) {
      if (is_po(cur_.setting) && s >= vo_year_) {
        enter_vo(s, first);
        fresh = true;
      } else if (!is_po(cur_.setting) && cur_.setting != Setting::isk && s > exit_year_) {
        close(first - 1);  // finished vo, pro or vso at the end of last school year
        active_ = false;
        return;
      } else if (cur_.niveau == Niveau::brug && s > brug_until_) {
        // After the brugperiode the school registers the pupil's level: a new enrolment at the
        // same school from 1 August, without gap or overlap.
        const Placement level{Setting::vo, 0, niveau_of(level_)};
        close(first - 1);
        open(level, cur_.school, first);
      }
    }
    if (cur_.setting == Setting::isk) {
      if (isk_exit_ <= last) leave_isk(isk_exit_);
      return;
    }
    random_event(s, fresh);
  }

  Placement vo_destination(int s) {
    double to_pro = 0, to_vso = 0;
    const std::array<double, kVoLevelCount>* levels = &rates_.levels_from_bao;
    switch (cur_.setting) {
      case Setting::sbo:
        to_pro = rates_.sbo_to_pro_share * linear(rates_.sbo_to_pro_trend, s);
        to_vso = rates_.sbo_to_vso_share;
        levels = &rates_.levels_from_sbo;
        break;
      case Setting::so:
        to_pro = rates_.so_to_pro_share;
        to_vso = rates_.so_to_vso_share;
        levels = &rates_.levels_from_so;
        break;
      default:
        to_pro = rates_.bao_to_pro * linear(rates_.bao_to_pro_trend, s);
        to_vso = rates_.bao_to_vso;
        break;
    }
    Placement placement;
    const double u = random_.uniform();
    if (u < to_vso) {
      placement.setting = Setting::vso;
      placement.cluster = cur_.setting == Setting::so ? cur_.cluster : draw_cluster(kVsoSideClusters);
      placement.niveau = draw_vso_niveau(placement.cluster, s);
      set_vso_exit(s);
    } else if (u < to_vso + to_pro) {
      placement.setting = Setting::pro;
      set_pro_exit(s);
    } else {
      placement.setting = Setting::vo;
      level_ = draw_level(*levels, s);
      set_vo_exit(s, s, 1);
    }
    return placement;
  }

  void enter_vo(int s, int32_t date) {
    Placement placement = vo_destination(s);
    const auto school = school_for(placement.setting, placement.cluster);
    if (!school) return;
    if (placement.setting == Setting::vo) placement.niveau = vo_niveau(*school, true, s);
    switch_to(placement, *school, date);
  }

  void leave_isk(int32_t date) {
    const int s = school_year_containing(date);
    const double leave = std::max(0.0, 1.0 - rates_.isk_to_vo - rates_.isk_to_pro - rates_.isk_to_vso) *
                         (age_on(seed_.birth, date) >= 16 ? 4.0 : 1.0);
    const std::array<double, 4> weights = {rates_.isk_to_vo, rates_.isk_to_pro, rates_.isk_to_vso, leave};
    Placement placement;
    switch (random_.pick(weights)) {
      case 0:
        placement.setting = Setting::vo;
        set_vo_exit(s, vo_year_, 2);
        break;
      case 1:
        placement.setting = Setting::pro;
        set_pro_exit(s);
        break;
      case 2:
        placement = {Setting::vso, draw_cluster(kVsoSideClusters), Niveau::none};
        placement.niveau = draw_vso_niveau(placement.cluster, s);
        set_vso_exit(s);
        break;
      default:
        close(date - 1);
        active_ = false;
        return;
    }
    const auto school = school_for(placement.setting, placement.cluster);
    if (!school) {
      close(date - 1);
      active_ = false;
      return;
    }
    if (placement.setting == Setting::vo) placement.niveau = niveau_of(level_);
    switch_to(placement, *school, date);
  }

  std::array<Hazard, 6> hazards(int s) const {
    const int age = age_at(s);
    const double out = rates_.out_migration;
    const double special_drop = rates_.special_dropout_factor;
    const bool young = age <= 10;  // return to a regular primary school happens before group 8
    switch (cur_.setting) {
      case Setting::bao:
        return {{{Event::to_sbo, rates_.bao_to_sbo * age_profile(kSboAgeProfile, age) * growth(rates_.bao_to_sbo_trend, s)},
                 {Event::to_so, rates_.bao_to_so * age_profile(kSoAgeProfile, age) *
                                    growth(age <= kYoungReferralAge ? rates_.so_growth : rates_.so_growth_older, s)},
                 {Event::change_school, rates_.po_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.po_dropout},
                 {}}};
      case Setting::sbo:
        return {{{Event::to_so, rates_.sbo_to_so},
                 {Event::to_bao, young ? rates_.sbo_to_bao : 0.0},
                 {Event::change_school, rates_.special_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.po_dropout * special_drop},
                 {}}};
      case Setting::so:
        return {{{Event::to_sbo, young ? rates_.so_to_sbo : 0.0},
                 {Event::to_bao, young ? rates_.so_to_bao : 0.0},
                 {Event::change_school, rates_.special_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.po_dropout * special_drop},
                 {}}};
      case Setting::vo:
        return {{{Event::to_pro, s - vo_year_ <= 1 ? rates_.vo_to_pro : 0.0},
                 {Event::to_vso, rates_.vo_to_vso * linear(rates_.vo_to_vso_trend, s)},
                 {Event::change_school, rates_.vo_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.vo_dropout},
                 {}}};
      case Setting::pro:
        return {{{Event::to_vso, rates_.pro_to_vso},
                 {Event::to_vo, rates_.pro_to_vo},
                 {Event::change_school, rates_.special_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.vo_dropout * special_drop},
                 {}}};
      case Setting::vso:
        return {{{Event::to_vo, rates_.vso_to_vo},
                 {Event::to_pro, rates_.vso_to_pro},
                 {Event::change_school, rates_.special_school_change},
                 {Event::move_away, out},
                 {Event::drop_out, rates_.vo_dropout * special_drop},
                 {}}};
      case Setting::isk: break;
    }
    return {};
  }

  void random_event(int s, bool fresh) {
    const auto options = hazards(s);
    double u = random_.uniform();
    Event event = Event::none;
    for (const Hazard& hazard : options) {
      if (u < hazard.chance) { event = hazard.event; break; }
      u -= hazard.chance;
    }
    if (event == Event::none) return;
    const int32_t first = school_year_start(s);
    const int32_t last = school_year_end(s);
    const double start_share = event == Event::change_school ? 0.3
                               : event == Event::drop_out    ? 0.0
                               : event == Event::move_away   ? 0.5
                                                             : rates_.move_at_year_start;
    int32_t date = 0;
    if (!fresh && cur_.start < first && random_.chance(start_share)) {
      date = first;
    } else {
      // During the year, between the end of the summer break and early July.
      date = first + 19 + int32_t(random_.below(uint64_t(last - 21 - (first + 19))));
      if (date < cur_.start + kMinDaysBeforeEvent) return;
    }
    apply(event, s, date);
  }

  void apply(Event event, int s, int32_t date) {
    switch (event) {
      case Event::move_away:
        close(date - 1);
        active_ = false;
        return;
      case Event::drop_out: drop_out(date); return;
      case Event::change_school: change_school(date); return;
      case Event::to_bao: move_within(Setting::bao, s, date); return;
      case Event::to_sbo: move_within(Setting::sbo, s, date); return;
      case Event::to_so: move_within(Setting::so, s, date); return;
      case Event::to_vo: move_within(Setting::vo, s, date); return;
      case Event::to_pro: move_within(Setting::pro, s, date); return;
      case Event::to_vso: move_within(Setting::vso, s, date); return;
      case Event::none: return;
    }
  }

  // A move to another setting within the same sector.
  void move_within(Setting setting, int s, int32_t date) {
    Placement placement{setting, 0, Niveau::none};
    if (setting == Setting::so) placement.cluster = draw_cluster(kSoClusters);
    if (setting == Setting::vso) {
      placement.cluster = draw_cluster(kVsoSideClusters);
      placement.niveau = draw_vso_niveau(placement.cluster, s);
    }
    const auto school = school_for(setting, placement.cluster);
    if (!school) return;
    if (setting == Setting::vo) {
      level_ = draw_level(rates_.levels_from_so, s);
      placement.niveau = niveau_of(level_);
      set_vo_exit(s, vo_year_, 2);
    }
    if (setting == Setting::pro) set_pro_exit(s);
    if (setting == Setting::vso) set_vso_exit(s);
    note_special_entry(setting);
    switch_to(placement, *school, date);
  }

  void change_school(int32_t date) {
    const auto school = school_for(cur_.setting, cur_.cluster, cur_.school);
    if (!school) return;
    Placement placement{cur_.setting, cur_.cluster, cur_.niveau};
    if (cur_.setting == Setting::vo) placement.niveau = niveau_of(level_);
    switch_to(placement, *school, date);
  }

  // The pupil leaves school without a new one for weeks to months (absoluut verzuim), then
  // comes back, usually at another school.
  void drop_out(int32_t date) {
    close(date - 1);
    const int32_t days = int32_t(std::clamp(random_.lognormal(60, 0.7), 21.0, 400.0));
    resume_at_ = date + days;
    out_.gaps.push_back({0, date, resume_at_ <= last_day_ ? resume_at_ : kNoDay});
    if (resume_at_ > last_day_) active_ = false;
  }

  void resume(int s) {
    const int32_t date = resume_at_;
    resume_at_ = kNoDay;
    if (!is_po(cur_.setting) && cur_.setting != Setting::isk && s > exit_year_) {
      active_ = false;  // would have finished by now: continues outside the region's schools
      return;
    }
    Placement placement{cur_.setting, cur_.cluster, cur_.niveau};
    if (is_po(cur_.setting) && s >= vo_year_) placement = vo_destination(s);
    std::optional<uint32_t> school;
    if (placement.setting == cur_.setting && random_.chance(kSameSchoolAfterGap)) school = cur_.school;
    else school = school_for(placement.setting, placement.cluster);
    if (!school) {
      active_ = false;
      return;
    }
    if (placement.setting == Setting::vo && cur_.setting != Setting::vo) placement.niveau = niveau_of(level_);
    if (placement.niveau == Niveau::brug && s > brug_until_) placement.niveau = niveau_of(level_);  // brugperiode over
    open(placement, *school, date);
  }

  const RegionPlan& plan_;
  const GeneratorRates& rates_;
  PopulationWindow window_;
  RandomStream& random_;
  const PupilSeed& seed_;
  CareerOutput& out_;
  const int32_t last_day_;

  GeneratedSpell cur_;
  bool enrolled_ = false;
  bool active_ = true;
  bool special_extra_drawn_ = false;
  int vo_year_ = 0;
  int exit_year_ = 0;
  VoLevel level_ = VoLevel::vmbo_gt;
  size_t vso_niveau_index_ = 0;
  int brug_until_ = 0;  // last school year registered as 'brug'
  int32_t resume_at_ = kNoDay;
  int32_t isk_exit_ = kNoDay;
};

}  // namespace

void CareerSimulator::simulate(const PupilSeed& seed, CareerOutput& out) const {
  out.clear();
  Career(plan_, rates_, window_, random_, seed, out).run();
}

}  // namespace stroom
