// A measure's parameters as a user gives them (CLI flags, API query), turned into
// MeasureParameters: the one parser for dates, years and school years, the check against what the
// measure takes (its `required` and `optional` in the registry), against the period the data
// covers, and the date rule for answers with small counts suppressed. The CLI and the API both
// call these, so a parameter means and is refused the same way in both.
//
// Messages are Dutch and name the parameter as the caller spells it: `prefix` is "--" for the
// CLI ("--at") and "" for the API ("at").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measures/measure_registry.h"

namespace stroom {

// One parameter as given: its name without "--" ("at") and its text ("2020-10-01").
struct GivenParameter {
  std::string name;
  std::string text;
};

std::string_view parameter_name(Parameter parameter);  // "at", "ijkjaar", ...

// Parses the given parameters for this measure. Throws MeasureError for a parameter the measure
// does not take (naming the ones it does), one given twice, a text that is not a date
// (JJJJ-MM-DD), year (JJJJ) or school year (JJJJ-JJJJ), or a required one missing.
MeasureParameters parse_measure_parameters(const MeasureDefinition& measure, const std::vector<GivenParameter>& given,
                                           std::string_view prefix);

// The period the data covers: the earliest and the latest date that any registration observed
// (docs/measures.md says which), and the end of the voorzieningen's validity, which may run
// further ahead. Empty when no registration holds a date.
struct DataRange {
  Date first;
  Date last;
  Date planned_until;  // last, or the latest geldig_tot of a voorziening when that is later
};
std::optional<DataRange> data_range(const RegionModel& region);

// Throws MeasureError when a date (at, peildatum) or the ijkdatum of an ijkjaar lies outside
// [first, last], or a school year has no day in [first, planned_until], with the range in the
// message: outside it, the data says nothing, and open registrations would be counted as if
// they ran forever.
void check_within_data(const MeasureParameters& parameters, const std::optional<DataRange>& range,
                       std::string_view prefix);

// For answers with small counts suppressed (every role but beheerder, and --publish): dates only
// on the first day of a month (the teldata, 1 October, are such days), so that answers on two
// nearby dates cannot be subtracted to reveal a few pupils. Throws MeasureError naming the rule;
// `who` says whom it binds ("met --publish", "voor uw rol (analist)").
bool is_published_date(Date date);
void check_published_dates(const MeasureParameters& parameters, std::string_view prefix, std::string_view who);

// The canonical form of a request: the measure's id and the parameters it takes, re-rendered in
// the fixed order of `Parameter` ("thuiszitters?at=2020-10-01"). Equivalent queries (another
// order, a trailing '&', a date written 1-10-2020) give the same text: the answer cache's key.
std::string canonical_query(const MeasureDefinition& measure, const MeasureParameters& parameters);

}  // namespace stroom
