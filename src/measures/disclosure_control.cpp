// Primary and complementary suppression; see disclosure_control.h and docs/privacy.md.
//
// The protection check plays the attacker: every cell of a group gets the interval an attacker
// knows it lies in (a published count exactly, "<5" in [1,4], a complementary cell in [5, smallest
// count of 5 or more left published among the parts of its groups]), and the groups' equations
// narrow those intervals until nothing changes. A total is taken as exactly the sum of its parts,
// also where a pupil can count in two parts (measure_table.h). A group is safe when every small count keeps all of
// [1,4] and every complementary cell at least kMinimumRange possible values; while it is not, the
// smallest published part of 5 or more is suppressed, or, when there is none, the total.
#include "measures/disclosure_control.h"

#include <algorithm>
#include <map>

namespace stroom {
namespace {

constexpr int64_t kUnbounded = int64_t(1) << 40;  // no upper bound known (far above any count)
constexpr int64_t kMinimumRange = 4;              // values a complementary cell must keep open

struct Range {
  int64_t lo = 0;
  int64_t hi = kUnbounded;
};

bool is_label_column(const MeasureTable& table, size_t column) {
  if (table.rows.empty()) return false;
  for (const auto& row : table.rows)
    if (column >= row.size() || row[column].kind != MeasureCell::Kind::label) return false;
  return true;
}

bool is_count(const MeasureTable& table, size_t row, size_t column) {
  return column < table.rows[row].size() && table.rows[row][column].kind == MeasureCell::Kind::count;
}

// The `totaal` rule: a row labelled totaal in label column c is the total of the rows that carry
// the same labels in every other label column and another label in c; one group per column of
// counts.
void totaal_groups(const MeasureTable& table, std::vector<AdditiveGroup>& groups) {
  std::vector<size_t> labels, values;
  for (size_t c = 0; c < table.columns.size(); ++c) (is_label_column(table, c) ? labels : values).push_back(c);
  for (size_t c : labels) {
    for (size_t total = 0; total < table.rows.size(); ++total) {
      if (table.rows[total][c].label != "totaal") continue;
      std::vector<size_t> parts;
      for (size_t r = 0; r < table.rows.size(); ++r) {
        if (r == total || table.rows[r][c].label == "totaal") continue;
        const bool same_elsewhere = std::ranges::all_of(
            labels, [&](size_t other) { return other == c || table.rows[r][other].label == table.rows[total][other].label; });
        if (same_elsewhere) parts.push_back(r);
      }
      for (size_t v : values) {
        const bool counts = is_count(table, total, v) ||
                            std::ranges::any_of(parts, [&](size_t r) { return is_count(table, r, v); });
        if (counts) groups.push_back({v, parts, total, std::nullopt});
      }
    }
  }
}

// The attacker's view of the cells in groups, and the suppression being decided.
class Protection {
 public:
  Protection(const MeasureTable& table, std::vector<std::vector<Suppression>>& state)
      : table_(table), state_(state), groups_(additive_groups(table)) {
    for (const AdditiveGroup& g : groups_) {
      for (size_t r : g.parts) variable(r, g.column);
      if (g.total_row) variable(*g.total_row, g.column);
    }
  }

  // Adds complementary suppressions until every suppressed cell in a group is protected, or
  // nothing more can be done for it.
  void run() {
    std::vector<bool> hopeless(cells_.size(), false);
    for (;;) {
      const std::vector<Range> ranges = propagate();
      bool changed = false;
      for (size_t v = 0; v < cells_.size() && !changed; ++v) {
        if (hopeless[v] || protected_cell(v, ranges)) continue;
        if (suppress_for(v)) changed = true;
        else hopeless[v] = true;  // e.g. a total published in another answer with all its parts small
      }
      if (!changed) return;
    }
  }

 private:
  struct Cell {
    size_t row, column;
  };

  size_t variable(size_t row, size_t column) {
    auto [it, added] = index_.try_emplace({row, column}, cells_.size());
    if (added) cells_.push_back({row, column});
    return it->second;
  }
  Suppression& state(size_t v) { return state_[cells_[v].row][cells_[v].column]; }
  const MeasureCell& cell(size_t v) const { return table_.rows[cells_[v].row][cells_[v].column]; }
  bool published_count(size_t v) { return cell(v).kind == MeasureCell::Kind::count && state(v) == Suppression::none; }

  // The smallest count of 5 or more still published among a group's parts (complementary cells
  // are chosen smallest first, so an attacker knows they are no larger).
  int64_t smallest_published_part(const AdditiveGroup& g) {
    int64_t smallest = kUnbounded;
    for (size_t r : g.parts) {
      const size_t v = index_.at({r, g.column});
      if (published_count(v) && cell(v).count >= kSmallestPublishedCount) smallest = std::min(smallest, cell(v).count);
    }
    return smallest;
  }

  Range initial(size_t v) {
    if (cell(v).kind != MeasureCell::Kind::count) return {0, kUnbounded};  // a number: not a count
    switch (state(v)) {
      case Suppression::none: return {cell(v).count, cell(v).count};
      case Suppression::small: return {1, kSmallestPublishedCount - 1};
      default: return {kSmallestPublishedCount, kUnbounded};
    }
  }

  // Interval propagation over every group's equation to a fixpoint.
  std::vector<Range> propagate() {
    std::vector<Range> ranges(cells_.size());
    for (size_t v = 0; v < cells_.size(); ++v) ranges[v] = initial(v);
    for (const AdditiveGroup& g : groups_) {
      const int64_t bound = smallest_published_part(g);
      for (size_t r : g.parts) {
        const size_t v = index_.at({r, g.column});
        if (state(v) == Suppression::complementary) ranges[v].hi = std::min(ranges[v].hi, bound);
      }
    }
    // Bounds stay within +-kUnbounded: where the exact-sum guess contradicts the data (leerlingen's
    // totaal is below the sum of its settings when pupils count twice) a range becomes empty
    // (lo > hi) and would otherwise drift further every pass, until it overflowed.
    auto narrow = [](Range& range, int64_t lo, int64_t hi, bool& changed) {
      lo = std::clamp(std::max(range.lo, lo), -kUnbounded, kUnbounded);
      hi = std::clamp(std::min(range.hi, hi), -kUnbounded, kUnbounded);
      if (lo != range.lo || hi != range.hi) changed = true;
      range = {lo, hi};
    };
    for (int pass = 0; pass < 1000; ++pass) {
      bool changed = false;
      for (const AdditiveGroup& g : groups_) {
        if (!g.total_row && !g.total_elsewhere) continue;
        // A total published in another answer is known, or "<5" there; it is not narrowed here.
        Range elsewhere{g.total_elsewhere.value_or(0), g.total_elsewhere.value_or(0)};
        if (g.total_elsewhere && is_small_count(*g.total_elsewhere)) elsewhere = {1, kSmallestPublishedCount - 1};
        bool ignored = false;
        Range& total = g.total_row ? ranges[index_.at({*g.total_row, g.column})] : elsewhere;
        int64_t sum_lo = 0, sum_hi = 0;
        for (size_t r : g.parts) {
          const Range& p = ranges[index_.at({r, g.column})];
          sum_lo += p.lo;
          sum_hi += p.hi;
        }
        narrow(total, sum_lo, sum_hi, g.total_row ? changed : ignored);
        for (size_t r : g.parts) {
          Range& p = ranges[index_.at({r, g.column})];
          const int64_t others_hi = sum_hi - p.hi, others_lo = sum_lo - p.lo;
          narrow(p, total.lo - others_hi, total.hi - others_lo, changed);
        }
      }
      if (!changed) break;
    }
    return ranges;
  }

  bool protected_cell(size_t v, const std::vector<Range>& ranges) {
    const Range& r = ranges[v];
    if (state(v) == Suppression::small) return r.lo <= 1 && r.hi >= kSmallestPublishedCount - 1;
    if (state(v) == Suppression::complementary) return r.hi - r.lo + 1 >= kMinimumRange;
    return true;
  }

  // Suppresses one more cell in a group of v: the smallest published part of 5 or more over those
  // groups, else a published total. False when there is none.
  bool suppress_for(size_t v) {
    std::optional<size_t> best;
    for (const AdditiveGroup& g : groups_) {
      if (!contains(g, v)) continue;
      for (size_t r : g.parts) {
        const size_t p = index_.at({r, g.column});
        if (published_count(p) && cell(p).count >= kSmallestPublishedCount && (!best || cell(p).count < cell(*best).count))
          best = p;
      }
    }
    if (!best)
      for (const AdditiveGroup& g : groups_)
        if (contains(g, v) && g.total_row && published_count(index_.at({*g.total_row, g.column})) &&
            cell(index_.at({*g.total_row, g.column})).count >= kSmallestPublishedCount) {
          best = index_.at({*g.total_row, g.column});
          break;
        }
    if (!best) return false;
    state(*best) = Suppression::complementary;
    return true;
  }

  bool contains(const AdditiveGroup& g, size_t v) const {
    if (cells_[v].column != g.column) return false;
    return g.total_row == cells_[v].row || std::ranges::count(g.parts, cells_[v].row) > 0;
  }

  const MeasureTable& table_;
  std::vector<std::vector<Suppression>>& state_;
  std::vector<AdditiveGroup> groups_;
  std::map<std::pair<size_t, size_t>, size_t> index_;  // (row, column) -> variable
  std::vector<Cell> cells_;
};

}  // namespace

std::vector<AdditiveGroup> additive_groups(const MeasureTable& table) {
  std::vector<AdditiveGroup> groups = table.groups;
  totaal_groups(table, groups);
  return groups;
}

std::vector<std::vector<Suppression>> disclosure_control(const MeasureTable& table) {
  std::vector<std::vector<Suppression>> state;
  for (const auto& row : table.rows) {
    std::vector<Suppression> states(row.size(), Suppression::none);
    for (size_t c = 0; c < row.size(); ++c)
      if (row[c].kind == MeasureCell::Kind::count && is_small_count(row[c].count)) states[c] = Suppression::small;
    state.push_back(std::move(states));
  }
  Protection(table, state).run();
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].size(); ++c)
      if (table.rows[r][c].kind != MeasureCell::Kind::count && table.rows[r][c].from_suppressed_count)
        state[r][c] = Suppression::derived;  // a number, or a label drawn from one (verwachting's oordeel)
  return state;
}

MeasureTable merged_for_publication(const MeasureTable& full) {
  if (!full.mergeable) return full;
  const MergeableRows& m = *full.mergeable;
  auto count_of = [&](const std::vector<MeasureCell>& row) {
    return m.count_column < row.size() && row[m.count_column].kind == MeasureCell::Kind::count ? row[m.count_column].count : 0;
  };
  // Rows are merged only with rows that carry the same other labels (one datum, one schooljaar).
  auto others = [&](const std::vector<MeasureCell>& row) {
    std::vector<std::string> key;
    for (size_t c = 0; c < row.size(); ++c)
      if (c != m.label_column && is_label_column(full, c)) key.push_back(row[c].label);
    return key;
  };
  std::map<std::vector<std::string>, std::vector<size_t>> kept, merged;
  for (size_t r = 0; r < full.rows.size(); ++r) {
    const bool merge = full.rows[r][m.label_column].label == m.merged_label || is_small_count(count_of(full.rows[r]));
    (merge ? merged : kept)[others(full.rows[r])].push_back(r);
  }
  // A merged row of 1-4 beside a total published elsewhere would follow by subtraction: it takes
  // the smallest other row in, until it is 5 or more or nothing is left.
  for (auto& [key, rows] : merged) {
    auto& rest = kept[key];
    auto sum = [&] {
      int64_t total = 0;
      for (size_t r : rows) total += count_of(full.rows[r]);
      return total;
    };
    while (is_small_count(sum()) && !rest.empty()) {
      auto smallest = std::ranges::min_element(rest, {}, [&](size_t r) { return count_of(full.rows[r]); });
      rows.push_back(*smallest);
      rest.erase(smallest);
    }
  }
  MeasureTable out{full.columns, {}, {}, std::nullopt};
  std::vector<size_t> new_row(full.rows.size());
  std::vector<bool> is_merged(full.rows.size(), false);
  for (const auto& [key, rows] : merged)
    for (size_t r : rows) is_merged[r] = true;
  for (size_t r = 0; r < full.rows.size(); ++r)
    if (!is_merged[r]) {
      new_row[r] = out.rows.size();
      out.rows.push_back(full.rows[r]);
    }
  for (const auto& [key, rows] : merged) {
    if (rows.empty()) continue;
    std::vector<MeasureCell> row = full.rows[rows.front()];
    row[m.label_column] = MeasureCell::text(m.merged_label);
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].kind == MeasureCell::Kind::number) row[c] = MeasureCell{};  // not summable
      if (row[c].kind != MeasureCell::Kind::count) continue;
      row[c].count = 0;
      for (size_t r : rows) row[c].count += full.rows[r][c].kind == MeasureCell::Kind::count ? full.rows[r][c].count : 0;
    }
    for (size_t r : rows) new_row[r] = out.rows.size();
    out.rows.push_back(std::move(row));
  }
  for (const AdditiveGroup& g : full.groups) {
    AdditiveGroup mapped = g;
    mapped.parts.clear();
    for (size_t r : g.parts)
      if (std::ranges::count(mapped.parts, new_row[r]) == 0) mapped.parts.push_back(new_row[r]);
    if (g.total_row) mapped.total_row = new_row[*g.total_row];
    out.groups.push_back(std::move(mapped));
  }
  return out;
}

MeasureTable published_table(const MeasureTable& full) {
  const MeasureTable table = merged_for_publication(full);
  MeasureTable published = table;
  const auto state = disclosure_control(table);
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].size(); ++c)
      if (state[r][c] == Suppression::complementary || state[r][c] == Suppression::derived)
        published.rows[r][c] = MeasureCell{};
  return published;
}

}  // namespace stroom
