// --publish over every registered measure on a generated region: no count of 1-4 is printed,
// a complementary suppression is empty (not "<5"), and every number computed from a suppressed
// count is left empty. Whether the suppressions suffice is disclosure_test.cpp's question.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "measures/disclosure_control.h"
#include "measures/measure_registry.h"
#include "store/migrations.h"
#include "store/model_loader.h"
#include "test_support.h"

namespace stroom {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t at; (at = line.find(';', start)) != std::string::npos; start = at + 1) fields.push_back(line.substr(start, at - start));
  fields.push_back(line.substr(start));
  return fields;
}

TEST(Publish, NoSmallCountAndNothingDerivedFromOneInAnyMeasure) {
  test::TempDir dir;
  ASSERT_EQ(test::run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", "600", "--from", "2018",
                              "--to", "2021", "--seed", "9"}).exit_code, 0);
  ASSERT_EQ(test::run_stroom({"import", (dir / "csv").string(), "--db", (dir / "p.db").string()}).exit_code, 0);
  auto db = open_store(dir / "p.db");
  const RegionModel region = load_region(*db);
  MeasureParameters parameters;
  parameters.at = parse_date("2020-10-01");
  parameters.ijkjaar = 2018;
  size_t small_counts_seen = 0, complementary_seen = 0;
  for (const auto& measure : measure_registry()) {
    SCOPED_TRACE(std::string(measure.id));
    const MeasureTable full = compute_measure(measure, region, parameters);
    const MeasureTable table = merged_for_publication(full);  // the published rows (breakdowns merge small rows)
    int64_t full_sum = 0, merged_sum = 0;  // merging keeps every count, only in fewer rows
    for (const auto& row : full.rows) for (const auto& cell : row) full_sum += cell.kind == MeasureCell::Kind::count ? cell.count : 0;
    for (const auto& row : table.rows) for (const auto& cell : row) merged_sum += cell.kind == MeasureCell::Kind::count ? cell.count : 0;
    EXPECT_EQ(full_sum, merged_sum);
    std::istringstream published(render_measure(table, OutputFormat::csv, /*publish=*/true));
    std::set<std::pair<size_t, std::string>> hidden;  // complementary suppressions, as the API lists them
    for (const auto& cell : suppressed_cells_json(full))
      if (cell["reden"] == "aanvullend") hidden.insert({cell["rij"].get<size_t>(), cell["kolom"].get<std::string>()});
    std::string line;
    std::getline(published, line);  // header
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      ASSERT_TRUE(std::getline(published, line));
      const auto fields = split(line);
      ASSERT_EQ(fields.size(), row.size());
      for (size_t i = 0; i < row.size(); ++i) {
        const MeasureCell& cell = row[i];
        if (cell.kind == MeasureCell::Kind::count && is_small_count(cell.count)) {
          ++small_counts_seen;
          EXPECT_EQ(fields[i], "<5");
        } else if (cell.kind == MeasureCell::Kind::count && hidden.count({r, table.columns[i]})) {
          ++complementary_seen;
          EXPECT_EQ(fields[i], "");  // not a small count, so not "<5"
          EXPECT_GE(cell.count, 5);
        } else if (cell.kind == MeasureCell::Kind::count) {
          EXPECT_EQ(fields[i], std::to_string(cell.count));
        }
        if (cell.kind == MeasureCell::Kind::number && cell.from_suppressed_count) {
          EXPECT_EQ(fields[i], "");
        }
      }
    }
  }
  EXPECT_GT(small_counts_seen, 20u);  // the region is small enough for suppression to matter
  EXPECT_GT(complementary_seen, 0u);
}

}  // namespace
}  // namespace stroom
