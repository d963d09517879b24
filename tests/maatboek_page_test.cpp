// docs/maatboek.md is generated from the registry; this fails when the committed page is stale.
#include <gtest/gtest.h>

#include "measures/maatboek_page.h"
#include "measures/measure_registry.h"
#include "test_support.h"

namespace stroom {
namespace {

TEST(MaatboekPage, CommittedPageEqualsTheRegistry) {
  const std::string committed = test::read_file(std::filesystem::path(STROOM_SOURCE_DIR) / "docs" / "maatboek.md");
  EXPECT_EQ(committed, render_maatboek_markdown())
      << "docs/maatboek.md is verouderd: draai 'build/stroom maatboek --out docs/maatboek.md'";
}

TEST(MaatboekPage, EveryContractMeasureIsRegisteredWithItsDefinition) {
  for (const char* id : {"leerlingen", "deelname", "ontwikkeling", "stromen", "richting", "verblijfsduur",
                         "thuiszitters", "wachtlijst", "kosten"}) {
    const MeasureDefinition* m = find_measure(id);
    ASSERT_NE(m, nullptr) << id;
    EXPECT_FALSE(m->naam.empty());
    EXPECT_GT(m->definitie.size(), 80u) << id;
    EXPECT_FALSE(m->eenheid.empty());
    EXPECT_FALSE(m->bronnen.empty());
  }
}

}  // namespace
}  // namespace stroom
