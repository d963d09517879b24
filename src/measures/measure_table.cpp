// Rendering measure tables; see measure_table.h. Publishing renders published_table()
// (disclosure_control.h), whose small counts the cell renderers write as "<5".
#include "measures/measure_table.h"

#include "measures/disclosure_control.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ingest/csv_writer.h"

namespace stroom {
namespace {

bool suppressed(const MeasureCell& cell, bool publish) {
  if (!publish) return false;
  if (cell.kind == MeasureCell::Kind::count) return is_small_count(cell.count);
  return cell.kind == MeasureCell::Kind::number && cell.from_suppressed_count;
}

// Numbers are rounded to two decimals and written with '.'; whole numbers without decimals.
std::string number_text(double value) {
  const double rounded = std::round(value * 100.0) / 100.0;
  if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15) return fmt::format("{}", int64_t(rounded));
  std::string text = fmt::format("{:.2f}", rounded);
  if (text.back() == '0') text.pop_back();
  return text;
}

std::string cell_text(const MeasureCell& cell, bool publish) {
  if (cell.kind == MeasureCell::Kind::count && suppressed(cell, publish)) return "<5";
  if (suppressed(cell, publish)) return "";
  switch (cell.kind) {
    case MeasureCell::Kind::label: return cell.label;
    case MeasureCell::Kind::count: return fmt::format("{}", cell.count);
    case MeasureCell::Kind::number: return number_text(cell.number);
    case MeasureCell::Kind::empty: return "";
  }
  return "";
}

nlohmann::ordered_json cell_json(const MeasureCell& cell, bool publish) {
  if (cell.kind == MeasureCell::Kind::count && suppressed(cell, publish)) return "<5";
  if (suppressed(cell, publish) || cell.kind == MeasureCell::Kind::empty) return nullptr;
  if (cell.kind == MeasureCell::Kind::label) return cell.label;
  if (cell.kind == MeasureCell::Kind::count) return cell.count;
  return std::round(cell.number * 100.0) / 100.0;
}

// For spreadsheets (docs/exports.md): label cells are guarded against formula injection, counts
// and numbers (and "<5") are written exactly as the maatboek fixes them.
std::string render_csv(const MeasureTable& table, bool publish) {
  CsvWriter csv(CsvAudience::spreadsheet);
  for (const auto& column : table.columns) csv.text(column);
  csv.end_row();
  for (const auto& row : table.rows) {
    for (const auto& cell : row) {
      if (cell.kind == MeasureCell::Kind::label) csv.text(cell_text(cell, publish));
      else csv.number(cell_text(cell, publish));
    }
    csv.end_row();
  }
  return csv.take();
}

// table: already published when publish is set.
nlohmann::ordered_json rows_json(const MeasureTable& table, bool publish) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object;
    for (size_t i = 0; i < row.size(); ++i) object[table.columns[i]] = cell_json(row[i], publish);
    rows.push_back(std::move(object));
  }
  return rows;
}

std::string render_json(const MeasureTable& table, bool publish) { return rows_json(table, publish).dump(2) + "\n"; }

std::string render_aligned(const MeasureTable& table, bool publish) {
  std::vector<size_t> width(table.columns.size());
  for (size_t i = 0; i < width.size(); ++i) width[i] = table.columns[i].size();
  for (const auto& row : table.rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], cell_text(row[i], publish).size());
  auto line = [&](auto&& text_of, auto&& right_aligned) {
    std::string out;
    for (size_t i = 0; i < width.size(); ++i)
      out += (right_aligned(i) ? fmt::format("{:>{}}", text_of(i), width[i])
                               : fmt::format("{:<{}}", text_of(i), width[i])) +
             (i + 1 < width.size() ? "  " : "");
    return out + "\n";
  };
  std::string out = line([&](size_t i) { return table.columns[i]; }, [](size_t) { return false; });
  for (const auto& row : table.rows)
    out += line([&](size_t i) { return cell_text(row[i], publish); },
                [&](size_t i) { return row[i].kind != MeasureCell::Kind::label; });
  return out;
}

}  // namespace

nlohmann::ordered_json measure_rows_json(const MeasureTable& table, bool publish) {
  return rows_json(publish ? published_table(table) : table, publish);
}

nlohmann::ordered_json suppressed_cells_json(const MeasureTable& table) {
  auto cells = nlohmann::ordered_json::array();
  const MeasureTable merged = merged_for_publication(table);  // the rows of the published answer
  const auto state = disclosure_control(merged);
  for (size_t r = 0; r < state.size(); ++r)
    for (size_t c = 0; c < state[r].size(); ++c) {
      if (state[r][c] == Suppression::none) continue;
      const char* reason = state[r][c] == Suppression::small           ? "klein"
                           : state[r][c] == Suppression::complementary ? "aanvullend"
                                                                       : "afgeleid";
      cells.push_back({{"rij", r}, {"kolom", merged.columns[c]}, {"reden", reason}});
    }
  return cells;
}

std::string render_measure(const MeasureTable& full, OutputFormat format, bool publish) {
  const MeasureTable table = publish ? published_table(full) : full;
  switch (format) {
    case OutputFormat::csv: return render_csv(table, publish);
    case OutputFormat::json: return render_json(table, publish);
    case OutputFormat::table: return render_aligned(table, publish);
  }
  return {};
}

}  // namespace stroom
