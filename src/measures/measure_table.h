// The result of a measure as a table, and its three renderings: csv, json and an aligned table.
//
// Cells know whether they are counts, so that `--publish` can suppress counts 1-4 as "<5" and
// empty every value computed from such a count, in one place for every measure.
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
  bool from_small_count = false;  // a number derived from a count of 1-4

  static MeasureCell text(std::string value) { return {Kind::label, std::move(value), 0, 0, false}; }
  static MeasureCell of_count(int64_t value) { return {Kind::count, {}, value, 0, false}; }
  static MeasureCell of_number(std::optional<double> value, bool from_small = false) {
    return value ? MeasureCell{Kind::number, {}, 0, *value, from_small} : MeasureCell{};
  }
};

struct MeasureTable {
  std::vector<std::string> columns;
  std::vector<std::vector<MeasureCell>> rows;
};

enum class OutputFormat { csv, json, table };

// publish: apply statistical disclosure control (counts 1-4 -> "<5", derived values emptied).
std::string render_measure(const MeasureTable& table, OutputFormat format, bool publish);

// The rows as JSON objects keyed by column: labels as strings, counts and numbers as numbers
// (rounded to two decimals), empty values as null. The CLI's json format and the HTTP API share it.
nlohmann::ordered_json measure_rows_json(const MeasureTable& table, bool publish);

}  // namespace stroom
