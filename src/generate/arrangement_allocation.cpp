// Requests, places and waiting lists of the provisions; see arrangement_allocation.h.
#include "generate/arrangement_allocation.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>

namespace stroom {
namespace {

constexpr int kWarmUpYears = 1;        // requests start a year before the window, so it opens with occupied places
constexpr double kPatienceMeanDays = 150;
constexpr int32_t kMinPatienceDays = 14;

struct Request {
  uint32_t pupil;
  int32_t requested;
  int32_t decided;
  int32_t eligible_until;  // last day at the school the request came from; kNoDay = still there
};

bool eligible(const ProvisionSchedule& provision, const GeneratedSpell& spell, int age) {
  return spell.setting == provision.setting && age >= provision.min_age && age <= provision.max_age;
}

// Calls visit(spell, pupil, from, to) for each part of a school year in which a spell makes its
// pupil eligible for the provision, from a year before the window up to the export date.
template <typename Visit>
void for_each_eligible_year(const ProvisionSchedule& provision, const SpellsByPupil& spells,
                            const std::vector<GeneratedPupil>& pupils, const GenerationWindow& window,
                            Visit&& visit) {
  const int32_t earliest = std::max(provision.opens - 30, school_year_start(window.from_year - kWarmUpYears));
  for (size_t p = 0; p < spells.pupils(); ++p) {
    for (const GeneratedSpell& spell : spells.of(p)) {
      if (spell.setting != provision.setting) continue;
      const int32_t first = std::max(spell.start, earliest);
      const int32_t last = spell_last_day(spell, window.last_day);
      for (int s = school_year_containing(std::min(first, last)); first <= last && s <= school_year_containing(last); ++s) {
        if (!eligible(provision, spell, age_on(pupils[p].birth, teldatum_of(s)))) continue;
        const int32_t from = std::max(first, school_year_start(s));
        const int32_t to = std::min(last, school_year_end(s));
        if (from <= to) visit(spell, uint32_t(p), from, to);
      }
    }
  }
}

std::vector<Request> draw_requests(const ProvisionSchedule& provision, const SpellsByPupil& spells,
                                   const std::vector<GeneratedPupil>& pupils,
                                   const GenerationWindow& window, RandomStream& random) {
  double exposure_days = 0;
  for_each_eligible_year(provision, spells, pupils, window,
                         [&](const GeneratedSpell&, uint32_t, int32_t from, int32_t to) { exposure_days += to - from + 1; });
  if (exposure_days <= 0) return {};
  // Requests a day so that, at the first places, load x (places / mean length) start a day.
  const double mean_days = provision.until_year_end ? 200.0 : 0.5 * (provision.min_days + provision.max_days);
  const double per_day = provision.load * double(provision.periods.front().places) / mean_days;
  const int32_t first_day = std::max(provision.opens - 30, school_year_start(window.from_year - kWarmUpYears));
  const double span_days = double(window.last_day - first_day + 1);
  const double rate = per_day * span_days / exposure_days;  // per eligible pupil-day
  std::vector<Request> requests;
  for_each_eligible_year(provision, spells, pupils, window,
                         [&](const GeneratedSpell& spell, uint32_t pupil, int32_t from, int32_t to) {
    const int64_t count = random.poisson(rate * double(to - from + 1));
    for (int64_t i = 0; i < count; ++i) {
      Request request;
      request.pupil = pupil;
      request.requested = from + int32_t(random.below(uint64_t(to - from + 1)));
      request.decided = request.requested + random.between(10, 35);
      request.eligible_until = spell.end;
      requests.push_back(request);
    }
  });
  std::sort(requests.begin(), requests.end(), [](const Request& a, const Request& b) {
    return a.decided != b.decided ? a.decided < b.decided : a.pupil < b.pupil;
  });
  return requests;
}

class ProvisionQueue {
 public:
  ProvisionQueue(const ProvisionSchedule& provision, int16_t index, const GenerationWindow& window,
                 RandomStream& random, std::vector<GeneratedDecision>& decisions,
                 std::vector<GeneratedWaitingEntry>& waiting)
      : provision_(provision), index_(index), window_(window), random_(random),
        decisions_(decisions), waiting_(waiting) {
    for (const auto& period : provision.periods) changes_.push_back(period.valid_from);
  }

  void handle(const Request& request) {
    // A pupil who has a place or is waiting does not ask again.
    const auto busy = busy_until_.find(request.pupil);
    if (busy != busy_until_.end() && busy->second >= request.requested) return;
    if (request.decided > window_.last_day) {
      decision(request, DecisionOutcome::lopend, kNoDay, kNoDay, kNoDay, kNoDay);
      busy_until_[request.pupil] = kNoWhen;
      return;
    }
    if (request.eligible_until != kNoDay && request.eligible_until < request.decided) {
      // Left the school before the decision: the request is withdrawn.
      decision(request, DecisionOutcome::ingetrokken, kNoDay, kNoDay, kNoDay, request.eligible_until);
      return;
    }
    advance_to(request.decided);
    if (queue_.empty() && occupied() < provision_.places_on(request.decided)) {
      place(request, request.decided);
      return;
    }
    const int32_t patience = kMinPatienceDays + int32_t(random_.exponential(kPatienceMeanDays));
    queue_.push_back({request, request.decided, request.decided + patience});
    busy_until_[request.pupil] = kNoWhen;
  }

  // Frees and fills places up to the export date; who is still waiting then stays on the list.
  void finish() {
    advance_to(window_.last_day);
    for (const Waiter& waiter : queue_) {
      const int32_t gone = give_up_day(waiter);
      if (gone <= window_.last_day) withdraw(waiter, gone);
      else {
        decision(waiter.request, DecisionOutcome::lopend, kNoDay, kNoDay, kNoDay, kNoDay);
        entry(waiter, kNoDay, kNoDay);
      }
    }
    queue_.clear();
  }

 private:
  struct Waiter {
    Request request;
    int32_t registered;
    int32_t deadline;  // gives up on this day
  };

  int64_t occupied() const { return int64_t(ends_.size()); }

  // The day a waiter leaves the list without a place: patience runs out or the pupil leaves.
  static int32_t give_up_day(const Waiter& waiter) {
    const int32_t left = waiter.request.eligible_until == kNoDay ? kNoDay : waiter.request.eligible_until + 1;
    return left == kNoDay ? waiter.deadline : std::min(waiter.deadline, left);
  }

  // Processes, in date order, every place freed and every capacity change up to `day`, each
  // followed by placing from the waiting list.
  void advance_to(int32_t day) {
    while (true) {
      const int32_t release = ends_.empty() ? kNoDay : ends_.top() + 1;
      const int32_t change = next_change_ < changes_.size() ? changes_[next_change_] : kNoDay;
      int32_t next = kNoDay;
      if (release != kNoDay) next = release;
      if (change != kNoDay && (next == kNoDay || change < next)) next = change;
      if (next == kNoDay || next > day) return;
      if (next == release) ends_.pop();
      else ++next_change_;
      fill(next);
    }
  }

  void fill(int32_t day) {
    while (!queue_.empty() && occupied() < provision_.places_on(day)) {
      const Waiter waiter = queue_.front();
      queue_.pop_front();
      const int32_t gone = give_up_day(waiter);
      if (gone <= day) {
        withdraw(waiter, gone);
        continue;
      }
      entry(waiter, day, kNoDay);
      place(waiter.request, day);
    }
  }

  void place(const Request& request, int32_t start) {
    int32_t end = 0;
    if (provision_.until_year_end) {
      const int s = school_year_containing(start);
      // A start in the last two months runs through the next school year.
      end = school_year_end(school_year_end(s) - start < 60 ? s + 1 : s);
    } else {
      end = start + random_.between(provision_.min_days, provision_.max_days) - 1;
    }
    if (request.eligible_until != kNoDay) end = std::min(end, request.eligible_until);
    end = std::max(end, start);
    ends_.push(end);
    busy_until_[request.pupil] = end;
    decision(request, DecisionOutcome::toegekend, request.decided, start, end, end);
  }

  void withdraw(const Waiter& waiter, int32_t day) {
    decision(waiter.request, DecisionOutcome::ingetrokken, kNoDay, kNoDay, kNoDay, day);
    entry(waiter, kNoDay, day);
    busy_until_[waiter.request.pupil] = day;
  }

  // `last` is the last day the record is about (kNoDay: still running); records that were over
  // before the window opens are not part of the export.
  void decision(const Request& request, DecisionOutcome outcome, int32_t decided, int32_t start,
                int32_t end, int32_t last) {
    if (last != kNoDay && last < window_.first_day) return;
    if (request.requested > window_.last_day) return;
    GeneratedDecision record{request.pupil, DecisionKind::arrangement, outcome, std::nullopt, index_};
    record.requested = request.requested;
    record.decided = decided;
    record.start = start;
    record.end = end;
    decisions_.push_back(record);
  }

  void entry(const Waiter& waiter, int32_t placed, int32_t withdrawn) {
    const int32_t left = placed != kNoDay ? placed : withdrawn;
    if (left != kNoDay && left <= window_.first_day) return;
    waiting_.push_back({waiter.request.pupil, uint16_t(index_), waiter.registered, placed, withdrawn});
  }

  const ProvisionSchedule& provision_;
  int16_t index_;
  const GenerationWindow& window_;
  RandomStream& random_;
  std::vector<GeneratedDecision>& decisions_;
  std::vector<GeneratedWaitingEntry>& waiting_;
  std::priority_queue<int32_t, std::vector<int32_t>, std::greater<int32_t>> ends_;  // last days of running arrangements
  std::deque<Waiter> queue_;
  std::vector<int32_t> changes_;
  size_t next_change_ = 0;
  static constexpr int32_t kNoWhen = std::numeric_limits<int32_t>::max();  // busy until further notice
  std::unordered_map<uint32_t, int32_t> busy_until_;
};

}  // namespace

void allocate_arrangements(const std::vector<ProvisionSchedule>& provisions,
                           const SpellsByPupil& spells, const std::vector<GeneratedPupil>& pupils,
                           const GenerationWindow& window, RandomStream& random,
                           std::vector<GeneratedDecision>& decisions,
                           std::vector<GeneratedWaitingEntry>& waiting) {
  for (size_t i = 0; i < provisions.size(); ++i) {
    const auto requests = draw_requests(provisions[i], spells, pupils, window, random);
    ProvisionQueue queue(provisions[i], int16_t(i), window, random, decisions, waiting);
    for (const Request& request : requests) queue.handle(request);
    queue.finish();
  }
}

}  // namespace stroom
