// verblijfsduur_curve: the Kaplan-Meier curve behind verblijfsduur, thinned, and what publishing
// hides of it. On a generated region its points are the reference implementation's curve and its
// median is verblijfsduur's; on hand-made stays the thinning and the suppression are worked out by
// hand.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "measures/measure_registry.h"
#include "measures/verblijfsduur_curve.h"
#include "reference_measures.h"
#include "store/migrations.h"
#include "store/model_loader.h"
#include "test_support.h"

namespace stroom {
namespace {

using test::import_and_measure;

const std::string kInschrijvingen = "leerling_id;vestiging_id;onderwijssoort;startdatum;einddatum\n";

TEST(VerblijfsduurCurve, IsTheKaplanMeierCurveThinnedToItsFirstMedianAndLastPointPer30Days) {
  const std::string stays = kInschrijvingen +
      // bao as in the verblijfsduur test: events at 153, 174, 335 days; P3 censored at the default
      // peildatum, the latest date 2021-01-01, after 154 days.
      "P1;01;bao;2019-08-01;2019-12-31\nP1;02;bao;2020-01-08;2020-06-30\n"
      "P2;01;bao;2019-08-01;2019-12-31\nP2;02;bao;2020-01-09;2020-06-30\n"
      "P3;01;bao;2020-08-01;\n"
      // sbo: 10, 20, 30 -> S = 2/3, 1/3, 0, all in days 1-30: first, median, last of the period.
      "P5;03;sbo;2020-01-01;2020-01-10\nP6;03;sbo;2020-01-01;2020-01-20\nP7;03;sbo;2020-01-01;2020-01-30\n"
      // vso: one censored stay and no event: no rows.
      "P9;05;vso;2021-01-01;\n";
  // bao: S(153) = 3/4; at 174 two are at risk: S = 3/4 x 1/2 = 3/8 (the median, and the last of
  // days 151-180); S(335) = 0.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur_curve"}),
            "onderwijssoort;dagen;waarde\nbao;153;75\nbao;174;37.5\nbao;335;0\n"
            "sbo;10;66.67\nsbo;20;33.33\nsbo;30;0\n");
  // The median is verblijfsduur's.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur"}),
            "onderwijssoort;n;gecensureerd;waarde\nbao;4;1;174\nsbo;3;0;20\nvso;1;1;\n");
}

TEST(VerblijfsduurCurve, PublishingHidesEveryPointWithFewerThanFiveStaysEndedOrStillRunning) {
  // isk: twelve stays of 10, 20, ..., 120 days from 2020-01-01, all ended. Shown: 10 (the first),
  // 30, 60, 90, 120 (the last of days 1-30, 31-60, ...); 60 is also the median, S = 6/12.
  std::string stays = kInschrijvingen;
  const char* ends[] = {"2020-01-10", "2020-01-20", "2020-01-30", "2020-02-09", "2020-02-19", "2020-02-29",
                        "2020-03-10", "2020-03-20", "2020-03-30", "2020-04-09", "2020-04-19", "2020-04-29"};
  for (int k = 0; k < 12; ++k) stays += "Q" + std::to_string(k + 1) + ";01;isk;2020-01-01;" + ends[k] + "\n";
  // A setting of four stays: nothing of it is published.
  stays += "R1;03;sbo;2020-01-01;2020-01-10\nR2;03;sbo;2020-01-01;2020-01-20\nR3;03;sbo;2020-01-01;\n"
           "R4;03;sbo;2020-01-01;\n";
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur_curve"}),
            "onderwijssoort;dagen;waarde\nsbo;10;75\nsbo;20;50\n"
            "isk;10;91.67\nisk;30;75\nisk;60;50\nisk;90;25\nisk;120;0\n");
  // Ended by t / still running after t: 10: 1/11, 30: 3/9, 60: 6/6, 90: 9/3, 120: 12/0; sbo n = 4.
  EXPECT_EQ(import_and_measure({{"inschrijvingen.csv", stays}}, {"verblijfsduur_curve", "--publish"}),
            "onderwijssoort;dagen;waarde\nsbo;10;\nsbo;20;\n"
            "isk;10;\nisk;30;\nisk;60;50\nisk;90;\nisk;120;\n");
}

// On a generated region, at a peildatum inside the data and at the default: every point is the
// reference curve's S at that time, the curve never rises, and its median is verblijfsduur's.
TEST(VerblijfsduurCurve, PointsAreTheReferenceCurveAndTheMedianIsVerblijfsduurs) {
  test::TempDir dir;
  ASSERT_EQ(test::run_stroom({"generate", "--out", (dir / "csv").string(), "--pupils", "600", "--from", "2018", "--to",
                              "2021", "--seed", "11"}).exit_code, 0);
  ASSERT_EQ(test::run_stroom({"import", (dir / "csv").string(), "--db", (dir / "c.db").string()}).exit_code, 0);
  const auto spells = test::read_reference_spells(dir / "c.db");
  const RegionModel region = load_region(*open_store(dir / "c.db"));
  std::string latest;
  for (const auto& spell : spells) latest = std::max({latest, spell.start, spell.end});
  size_t points = 0, medians = 0;
  for (const std::string& peildatum : {std::string("2020-10-01"), latest}) {
    MeasureParameters parameters;
    parameters.peildatum = parse_date(peildatum);
    ASSERT_TRUE(parameters.peildatum) << peildatum;
    const MeasureTable curve = compute_measure(*find_measure("verblijfsduur_curve"), region, parameters);
    const MeasureTable median = compute_measure(*find_measure("verblijfsduur"), region, parameters);
    const auto reference = test::reference_kaplan_meier(spells, peildatum);
    std::map<std::string, std::vector<std::pair<int64_t, double>>> shown;
    for (const auto& row : curve.rows) shown[row[0].label].push_back({int64_t(row[1].number), row[2].number});
    for (const auto& [setting, rows] : shown) {
      std::map<long, double> truth(reference.at(setting).begin(), reference.at(setting).end());
      double previous = 100;
      for (const auto& [t, value] : rows) {
        ASSERT_TRUE(truth.count(t)) << setting << " " << t << " is no event time";
        EXPECT_NEAR(value, 100 * truth[t], 1e-9) << setting << " " << t;
        EXPECT_LE(value, previous) << setting << " " << t;
        previous = value;
        ++points;
      }
      EXPECT_EQ(rows.front().first, reference.at(setting).front().first) << setting;  // the first event time
    }
    for (const auto& row : median.rows) {
      const auto& rows = shown[row[0].label];
      const auto first_half = std::ranges::find_if(rows, [](const auto& p) { return p.second <= 50 + 1e-10; });
      if (row[3].kind == MeasureCell::Kind::empty) {
        EXPECT_EQ(first_half, rows.end()) << row[0].label;
      } else {
        ASSERT_NE(first_half, rows.end()) << row[0].label;
        EXPECT_EQ(first_half->first, int64_t(row[3].number)) << row[0].label << " " << peildatum;
        ++medians;
      }
    }
  }
  EXPECT_GT(points, 20u);
  EXPECT_GT(medians, 2u);
}

// The thinning on its own: one event a day for 100 days, S falling by 1/200 a day (never 0.5).
TEST(VerblijfsduurCurve, ThinningKeepsTheFirstTheMedianAndTheLastOfEvery30Days) {
  std::vector<SurvivalPoint> curve;
  for (int32_t t = 1; t <= 100; ++t) curve.push_back({t, 1.0 - t / 200.0, t, 200 - t});
  std::vector<int32_t> kept;
  for (const SurvivalPoint& p : thinned_curve(curve)) kept.push_back(p.days);
  EXPECT_EQ(kept, (std::vector<int32_t>{1, 30, 60, 90, 100}));
  // S reaches 0.5 on day 45 (and stays there): that day is kept too.
  for (auto& p : curve) p.survival = p.days >= 45 ? 0.5 : 0.9;
  kept.clear();
  for (const SurvivalPoint& p : thinned_curve(curve)) kept.push_back(p.days);
  EXPECT_EQ(kept, (std::vector<int32_t>{1, 30, 45, 60, 90, 100}));
  EXPECT_TRUE(thinned_curve({}).empty());
}

}  // namespace
}  // namespace stroom
