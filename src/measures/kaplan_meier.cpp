// Merged stays, censoring and the Kaplan-Meier curve; see kaplan_meier.h.
#include "measures/kaplan_meier.h"

#include <algorithm>

namespace stroom {
namespace {

constexpr int32_t kMaxMergeGapDays = 7;  // next.start - prev.end - 1 <= 7 continues the stay

// Spells of one pupil in one setting, merged, as (start, end) with end kOpenEnd when open.
struct Stay {
  int32_t start;
  int32_t end;
};

// Appends the merged stays of pupil p per setting. Spells are sorted by start within a pupil.
void merged_stays(const EnrolmentColumns& e, size_t p, std::array<std::vector<Stay>, kSettingCount>& out) {
  std::array<std::optional<Stay>, kSettingCount> open{};
  for (uint32_t i = e.pupil_first_spell[p]; i < e.pupil_first_spell[p + 1]; ++i) {
    auto& current = open[e.setting[i]];
    if (current && (current->end == kOpenEnd || int64_t(e.start[i]) - current->end - 1 <= kMaxMergeGapDays)) {
      current->end = std::max(current->end, e.end[i]);
      continue;
    }
    if (current) out[e.setting[i]].push_back(*current);
    current = Stay{e.start[i], e.end[i]};
  }
  for (size_t s = 0; s < kSettingCount; ++s)
    if (open[s]) out[s].push_back(*open[s]);
}

}  // namespace

std::optional<std::array<std::vector<StayDuration>, kSettingCount>> stay_durations(const EnrolmentColumns& e,
                                                                                   std::optional<Date> peildatum) {
  const std::optional<Date> latest = e.latest_date();
  if (!latest) return std::nullopt;
  const int32_t peil = peildatum.value_or(*latest).days();
  std::array<std::vector<StayDuration>, kSettingCount> durations;
  std::array<std::vector<Stay>, kSettingCount> stays;
  for (size_t p = 0; p < e.pupil_count(); ++p) {
    for (auto& s : stays) s.clear();
    merged_stays(e, p, stays);
    for (size_t s = 0; s < kSettingCount; ++s)
      for (const Stay& stay : stays[s]) {
        if (stay.start > peil) continue;
        if (stay.end <= peil)
          durations[s].push_back({stay.end - stay.start + 1, true});
        else
          durations[s].push_back({peil - stay.start + 1, false});
      }
  }
  return durations;
}

std::vector<SurvivalPoint> kaplan_meier(std::vector<StayDuration> durations) {
  std::sort(durations.begin(), durations.end(),
            [](const StayDuration& a, const StayDuration& b) { return a.days < b.days; });
  std::vector<SurvivalPoint> curve;
  double survival = 1.0;
  int64_t ended = 0;
  size_t i = 0;
  while (i < durations.size()) {
    const int32_t t = durations[i].days;
    const size_t at_risk = durations.size() - i;  // every duration >= t
    size_t events = 0;
    size_t j = i;
    for (; j < durations.size() && durations[j].days == t; ++j) events += durations[j].event;
    if (events > 0) {
      survival *= 1.0 - double(events) / double(at_risk);
      ended += int64_t(events);
      curve.push_back({t, survival, ended, int64_t(durations.size() - j)});
    }
    i = j;
  }
  return curve;
}

std::optional<SurvivalPoint> kaplan_meier_median(const std::vector<SurvivalPoint>& curve) {
  for (const SurvivalPoint& point : curve)
    if (point.survival <= 0.5 + 1e-12) return point;
  return std::nullopt;
}

}  // namespace stroom
