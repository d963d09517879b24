// The result of a measure as a table, and its three renderings: csv, json and an aligned table.
//
// Cells know whether they are counts, so that `--publish` can suppress counts 1-4 as "<5", suppress
// further cells wherever a suppressed count would follow from the others (disclosure_control.h),
// and empty every value computed from a suppressed count, in one place for every measure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stroom {

// Counts 1-4 are not published (statistical disclosure control); 0 is.
inline constexpr int64_t kSmallestPublishedCount = 5;
inline bool is_small_count(int64_t count) { return count >= 1 && count < kSmallestPublishedCount; }

struct MeasureCell {
  enum class Kind : uint8_t { label, count, number, empty };
  Kind kind = Kind::empty;
  std::string label;
  int64_t count = 0;
  double number = 0;
  // A number (or a label derived from one, such as a verdict) computed from a count that its own
  // published table suppresses (a count of 1-4, or one suppressed so that a count of 1-4 cannot be
  // derived from it): emptied when publishing.
  bool from_suppressed_count = false;

  static MeasureCell text(std::string value) { return {Kind::label, std::move(value), 0, 0, false}; }
  static MeasureCell of_count(int64_t value) { return {Kind::count, {}, value, 0, false}; }
  static MeasureCell of_number(std::optional<double> value, bool from_small = false) {
    return value ? MeasureCell{Kind::number, {}, 0, *value, from_small} : MeasureCell{};
  }
};

// Counts of one column that add up to a total, which an attacker can use to recover a suppressed
// count by subtraction. Publishing suppresses further cells of such a group (disclosure_control.h).
struct AdditiveGroup {
  size_t column = 0;                       // the column holding the counts
  std::vector<size_t> parts;               // rows of the parts
  std::optional<size_t> total_row;         // the total, a row of this table...
  std::optional<int64_t> total_elsewhere;  // ...or a count another answer publishes
};
// Where one pupil can count in several parts (leerlingen: a pupil in two settings), the total lies
// between the largest part and their sum. Disclosure control still treats it as the sum: that is
// the attacker's best guess, and a table safe against it is safe against the weaker truth.


// A breakdown whose rows are the labels that occur (thuiszitters per reden): which labels are
// listed, and how many, is itself information. Publishing merges its small rows into one row
// `merged_label` (disclosure_control.h, merged_for_publication); the beheerder sees every row.
struct MergeableRows {
  size_t label_column = 0;  // the label the rows differ in
  size_t count_column = 0;  // the counts that are summed when rows merge
  std::string merged_label = "overig";
};

struct MeasureTable {
  std::vector<std::string> columns;
  std::vector<std::vector<MeasureCell>> rows;
  // Besides these explicit groups, every row labelled `totaal` in a label column is taken as the
  // total of the rows that differ from it only in that column (disclosure_control.h).
  std::vector<AdditiveGroup> groups = {};
  std::optional<MergeableRows> mergeable = {};
};

enum class OutputFormat { csv, json, table };

// publish: apply statistical disclosure control (counts 1-4 -> "<5", complementary suppressions and
// derived values emptied; docs/privacy.md "Disclosure control").
std::string render_measure(const MeasureTable& table, OutputFormat format, bool publish);

// The rows as JSON objects keyed by column: labels as strings, counts and numbers as numbers
// (rounded to two decimals), empty values as null. The CLI's json format and the HTTP API share it.
nlohmann::ordered_json measure_rows_json(const MeasureTable& table, bool publish);

// The cells publishing suppresses, for the app: [{"rij": 0, "kolom": "waarde", "reden": "klein" |
// "aanvullend" | "afgeleid"}], rows counted from 0 as in measure_rows_json.
nlohmann::ordered_json suppressed_cells_json(const MeasureTable& table);

}  // namespace stroom
