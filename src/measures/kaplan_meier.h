// The Kaplan-Meier estimator of length of stay (maatboek.md, verblijfsduur steps 1-3), shared by
// `verblijfsduur` (its median) and `verblijfsduur_curve` (its curve), so that the two measures
// cannot disagree: both take the stays and the curve from here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/calendar.h"
#include "model/region_model.h"

namespace stroom {

struct StayDuration {
  int32_t days;
  bool event;  // false: censored at the peildatum
};

// Steps 1-2: per setting, the durations of the merged stays that started on or before the
// peildatum (default: the latest date of the inschrijvingen). nullopt when there are none at all.
std::optional<std::array<std::vector<StayDuration>, kSettingCount>> stay_durations(
    const EnrolmentColumns& enrolments, std::optional<Date> peildatum);

// One step of the curve, at an event time t.
struct SurvivalPoint {
  int32_t days;          // t
  double survival;       // S(t), after the events at t
  int64_t ended;         // stays that ended (events) at or before t
  int64_t still_running; // stays longer than t (events or censored), the risk set after t
};

// Step 3: S at every distinct event time, ascending; S(t) <- S(t-) x (1 - events(t) / at_risk(t)),
// at_risk(t) counting every duration >= t.
std::vector<SurvivalPoint> kaplan_meier(std::vector<StayDuration> durations);

// The median: the first point with S(t) <= 0.5; nullopt if S never reaches 0.5.
std::optional<SurvivalPoint> kaplan_meier_median(const std::vector<SurvivalPoint>& curve);

}  // namespace stroom
