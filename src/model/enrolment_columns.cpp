// Ordering and indexing the enrolment columns; see enrolment_columns.h.
#include "model/enrolment_columns.h"

#include <algorithm>

namespace stroom {
namespace {

std::optional<Date> latest_of(const EnrolmentColumns& columns) {
  if (columns.size() == 0) return std::nullopt;
  int32_t latest = std::numeric_limits<int32_t>::min();
  for (size_t i = 0; i < columns.size(); ++i) {
    latest = std::max(latest, columns.start[i]);
    if (columns.end[i] != kOpenEnd) latest = std::max(latest, columns.end[i]);
  }
  return Date::from_days(latest);
}

// One pass over the spells: each spell covers a run of consecutive 1 Octobers (up to the latest
// date); a difference array over the candidate 1 Octobers marks which ones anyone covers. The
// candidates are few (one a year), so finding a spell's run is two searches in a short array.
std::vector<Date> teldata_of(const EnrolmentColumns& columns) {
  if (!columns.latest) return {};
  const Date latest = *columns.latest;
  const int32_t earliest = *std::min_element(columns.start.begin(), columns.start.end());
  std::vector<int32_t> candidates;  // the 1 Octobers from the earliest start's year to latest
  for (int year = Date::from_days(earliest).year(); SchoolYear{year}.teldatum() <= latest; ++year)
    candidates.push_back(SchoolYear{year}.teldatum().days());
  std::vector<int64_t> delta(candidates.size() + 1, 0);
  for (size_t i = 0; i < columns.size(); ++i) {
    const int32_t end = std::min(columns.end[i], latest.days());  // kOpenEnd is the largest value
    const auto from = std::lower_bound(candidates.begin(), candidates.end(), columns.start[i]);
    const auto to = std::upper_bound(from, candidates.end(), end);  // one past the last covered
    if (from == to) continue;
    ++delta[size_t(from - candidates.begin())];
    --delta[size_t(to - candidates.begin())];
  }
  std::vector<Date> dates;
  int64_t covering = 0;
  for (size_t c = 0; c < candidates.size(); ++c) {
    covering += delta[c];
    if (covering > 0) dates.push_back(Date::from_days(candidates[c]));
  }
  return dates;
}

template <typename T>
void permute(std::vector<T>& values, const std::vector<uint32_t>& order) {
  std::vector<T> sorted(values.size());
  for (size_t i = 0; i < order.size(); ++i) sorted[i] = values[order[i]];
  values = std::move(sorted);
}

}  // namespace

// A counting sort by pupil (the ids are dense, so this is two linear passes and needs no
// comparisons), then each pupil's few spells sorted by the rest of the key. A comparison sort of
// all spells was a sixth of the load's time at national size.
void finish_enrolment_columns(EnrolmentColumns& columns) {
  const size_t spells = columns.size();
  const size_t pupils = columns.pupil_count();
  auto& first = columns.pupil_first_spell;
  first.assign(pupils + 1, 0);
  for (uint32_t p : columns.pupil) ++first[p + 1];
  for (size_t p = 0; p < pupils; ++p) first[p + 1] += first[p];
  std::vector<uint32_t> order(spells);
  {
    std::vector<uint32_t> next(first.begin(), first.end() - 1);
    for (size_t i = 0; i < spells; ++i) order[next[columns.pupil[i]]++] = uint32_t(i);
  }
  const bool with_vestiging = !columns.vestiging.empty();
  const bool with_cluster = columns.cluster.size() == spells, with_niveau = columns.niveau.size() == spells;
  auto before = [&](uint32_t a, uint32_t b) {
    if (columns.start[a] != columns.start[b]) return columns.start[a] < columns.start[b];
    if (columns.end[a] != columns.end[b]) return columns.end[a] < columns.end[b];
    if (columns.setting[a] != columns.setting[b]) return columns.setting[a] < columns.setting[b];
    if (with_vestiging && columns.vestiging[a] != columns.vestiging[b]) return columns.vestiging[a] < columns.vestiging[b];
    // Then cluster and niveau, so that two spells equal in all else keep one order whatever the
    // order of the rows in the store.
    if (with_cluster && columns.cluster[a] != columns.cluster[b]) return columns.cluster[a] < columns.cluster[b];
    return with_niveau && columns.niveau[a] < columns.niveau[b];
  };
  for (size_t p = 0; p < pupils; ++p) {
    auto* begin = order.data() + first[p];
    auto* end = order.data() + first[p + 1];
    if (end - begin < 2) continue;
    if (end - begin > 16) {
      std::sort(begin, end, before);
      continue;
    }
    for (auto* i = begin + 1; i < end; ++i)  // insertion sort: most pupils have one to three spells
      for (auto* j = i; j > begin && before(*j, *(j - 1)); --j) std::swap(*j, *(j - 1));
  }
  if (columns.cluster.size() != spells) columns.cluster.assign(spells, kNoCluster);
  if (columns.niveau.size() != spells) columns.niveau.assign(spells, kNoNiveau);
  if (columns.pupil_birth.size() != pupils) columns.pupil_birth.resize(pupils, kNoDate);
  permute(columns.setting, order);
  permute(columns.cluster, order);
  permute(columns.niveau, order);
  permute(columns.start, order);
  permute(columns.end, order);
  if (with_vestiging) permute(columns.vestiging, order);
  for (size_t p = 0; p < pupils; ++p)
    std::fill(columns.pupil.begin() + first[p], columns.pupil.begin() + first[p + 1], uint32_t(p));
  columns.latest = latest_of(columns);
  columns.teldata = teldata_of(columns);
}

}  // namespace stroom
