// A measure's parameters, checked the same way in the CLI and the API: every measure refuses each
// parameter it does not take, dates outside the data are refused with the range, dates of
// published answers (every role but beheerder, `--publish`) are first days of a month, and
// equivalent queries share one canonical cache key. Table-driven from the registry, so a measure
// added later is covered without a new test.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "parameter_texts.h"
#include "measures/measure_parameters.h"
#include "served_region.h"
#include "store/migrations.h"

namespace stroom {
namespace {

using nlohmann::json;

constexpr Parameter kEveryParameter[] = {Parameter::at, Parameter::ijkjaar, Parameter::peildatum, Parameter::schooljaar,
                                     Parameter::gebied};

bool takes(const MeasureDefinition& m, Parameter p) {
  return std::ranges::count(m.required, p) + std::ranges::count(m.optional, p) > 0;
}
bool takes_a_date(const MeasureDefinition& m) { return takes(m, Parameter::at) || takes(m, Parameter::peildatum); }
std::string name_of(Parameter p) { return std::string(parameter_flag(p).substr(2)); }

std::vector<GivenParameter> required_of(const MeasureDefinition& m) {
  std::vector<GivenParameter> given;
  for (Parameter p : m.required) given.push_back({name_of(p), test::valid_parameter_text(p)});
  return given;
}

std::string message_of(const MeasureDefinition& m, const std::vector<GivenParameter>& given, std::string_view prefix) {
  try {
    parse_measure_parameters(m, given, prefix);
  } catch (const MeasureError& e) {
    return e.what();
  }
  return "";
}

TEST(MeasureParameters, EveryMeasureRefusesEachParameterItDoesNotTakeAndNamesTheOnesItTakes) {
  for (const MeasureDefinition& m : measure_registry()) {
    SCOPED_TRACE(std::string(m.id));
    EXPECT_EQ(message_of(m, required_of(m), "--"), "");
    for (Parameter p : kEveryParameter) {
      std::vector<GivenParameter> given = required_of(m);
      given.push_back({name_of(p), test::valid_parameter_text(p)});
      const std::string message = message_of(m, given, "--");
      if (takes(m, p)) {
        if (std::ranges::count(m.required, p) == 0) {
          EXPECT_EQ(message, "");
        }
        continue;
      }
      EXPECT_NE(message.find("maat " + std::string(m.id) + " kent geen parameter --" + name_of(p)), std::string::npos) << message;
      for (const auto* list : {&m.required, &m.optional})
        for (Parameter taken : *list) EXPECT_NE(message.find("--" + name_of(taken)), std::string::npos) << message;
      if (m.required.empty() && m.optional.empty()) {
        EXPECT_NE(message.find("geen parameters"), std::string::npos) << message;
      }
    }
    // A name no measure knows (only the API can send one) is refused the same way.
    EXPECT_NE(message_of(m, {{"datum", "2020-10-01"}}, "").find("kent geen parameter datum"), std::string::npos);
  }
}

TEST(MeasureParameters, OneParserForDatesYearsAndSchoolYears) {
  const MeasureDefinition& thuiszitters = *find_measure("thuiszitters");
  const MeasureDefinition& ontwikkeling = *find_measure("ontwikkeling");
  const MeasureDefinition& kosten = *find_measure("kosten");
  EXPECT_EQ(parse_measure_parameters(thuiszitters, {{"at", "1-10-2020"}}, "").at, Date::from_ymd(2020, 10, 1));
  EXPECT_EQ(parse_measure_parameters(ontwikkeling, {{"ijkjaar", "2019"}}, "").ijkjaar, 2019);
  EXPECT_EQ(parse_measure_parameters(kosten, {{"schooljaar", "2020-2021"}}, "").schooljaar, SchoolYear{2020});
  EXPECT_EQ(message_of(thuiszitters, {{"at", "2023-13-01"}}, ""), "at '2023-13-01' is geen datum (verwacht JJJJ-MM-DD)");
  EXPECT_EQ(message_of(thuiszitters, {{"at", "1-13-2020"}}, "--"), "--at '1-13-2020' is geen datum (verwacht JJJJ-MM-DD)");
  EXPECT_EQ(message_of(ontwikkeling, {{"ijkjaar", "twintig"}}, ""), "ijkjaar 'twintig' is geen jaartal (verwacht JJJJ)");
  EXPECT_EQ(message_of(ontwikkeling, {{"ijkjaar", "19"}}, ""), "ijkjaar '19' is geen jaartal (verwacht JJJJ)");
  EXPECT_EQ(message_of(kosten, {{"schooljaar", "2020-2022"}}, ""),
            "schooljaar '2020-2022' is geen schooljaar (verwacht JJJJ-JJJJ)");
  EXPECT_EQ(message_of(thuiszitters, {}, "--"), "maat thuiszitters vraagt --at");
  EXPECT_EQ(message_of(thuiszitters, {{"at", "2020-10-01"}, {"at", "2020-11-01"}}, ""), "parameter at is meer dan eens gegeven");
}

TEST(MeasureParameters, CanonicalKeyIsTheSameForEquivalentQueries) {
  const MeasureDefinition& leerlingen = *find_measure("leerlingen");
  auto key = [](const MeasureDefinition& m, const std::vector<GivenParameter>& given) {
    return canonical_query(m, parse_measure_parameters(m, given, ""));
  };
  const std::string iso = key(leerlingen, {{"at", "2020-10-01"}});
  EXPECT_EQ(key(leerlingen, {{"at", "1-10-2020"}}), iso);
  EXPECT_EQ(key(leerlingen, {{"at", " 01/10/2020 "}}), iso);
  EXPECT_NE(key(leerlingen, {{"at", "2020-11-01"}}), iso);
  EXPECT_NE(key(leerlingen, {}), iso);
  EXPECT_NE(key(*find_measure("deelname"), {{"at", "2020-10-01"}}), iso);
  // The order of the query does not matter: a measure taking two parameters (none does yet).
  MeasureDefinition two = leerlingen;
  two.optional = {Parameter::peildatum, Parameter::at};
  EXPECT_EQ(key(two, {{"peildatum", "2021-01-01"}, {"at", "2020-10-01"}}), key(two, {{"at", "2020-10-01"}, {"peildatum", "2021-01-01"}}));
  EXPECT_NE(key(two, {{"peildatum", "2020-10-01"}}), key(two, {{"at", "2020-10-01"}}));
}

TEST(MeasureParameters, PublishedDatesAreTheFirstDayOfAMonth) {
  const MeasureDefinition& thuiszitters = *find_measure("thuiszitters");
  auto published = [&](const std::string& date) {
    try {
      check_published_dates(parse_measure_parameters(thuiszitters, {{"at", date}}, ""), "", "voor uw rol (analist)");
    } catch (const MeasureError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(published("2020-10-01"), "");  // a teldatum
  EXPECT_EQ(published("2021-03-01"), "");
  for (const char* date : {"2020-10-02", "2021-02-28", "2020-09-30"})
    EXPECT_NE(published(date).find(std::string("at ") + date + ": voor uw rol (analist) zijn alleen datums op de eerste dag van een maand"),
              std::string::npos) << published(date);
}

// The CLI and the API on a generated region, with one account per role.
class MeasureParametersServedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(400, 11);
    for (const char* user : {"beheer", "analist", "school-a", "commissie"}) logins_[user] = region_->login(user);
    // The data's range, independently of stroom's code: every date of every registration table
    // but the planned ends (a besluit's einddatum, a voorziening's geldig_tot).
    auto db = open_store(region_->db());
    Statement range = db->prepare(
        "SELECT min(d), max(d) FROM ("
        " SELECT startdatum AS d FROM inschrijvingen UNION ALL SELECT einddatum FROM inschrijvingen"
        " UNION ALL SELECT startdatum FROM verzuim UNION ALL SELECT einddatum FROM verzuim"
        " UNION ALL SELECT aanvraagdatum FROM ondersteuning UNION ALL SELECT besluitdatum FROM ondersteuning"
        " UNION ALL SELECT startdatum FROM ondersteuning UNION ALL SELECT geldig_vanaf FROM voorzieningen"
        " UNION ALL SELECT aanmelddatum FROM wachtlijst UNION ALL SELECT plaatsingsdatum FROM wachtlijst"
        " UNION ALL SELECT afgemeld FROM wachtlijst) WHERE d IS NOT NULL AND d <> ''");
    ASSERT_TRUE(range.step());
    first_ = range.column_text(0);
    last_ = range.column_text(1);
    Statement validity = db->prepare("SELECT max(geldig_tot) FROM voorzieningen");
    ASSERT_TRUE(validity.step());
    planned_ = validity.column_is_null(0) ? last_ : std::max(last_, std::string(validity.column_text(0)));
  }
  static void TearDownTestSuite() { delete region_; }

  static test::RunResult cli(const std::string& id, std::vector<std::string> args) {
    args.insert(args.begin(), {"measure", id, "--db", region_->db(), "--format", "csv"});
    return test::run_stroom(args);
  }
  static std::pair<int, std::string> api(const std::string& path, const std::string& user = "beheer") {
    auto res = region_->get(path, logins_[user]);
    if (!res) return {0, ""};
    const json body = json::parse(res->body);
    return {res->status, res->status == 200 ? "" : body.value("fout", "")};
  }
  static Date date(const std::string& iso) { return *parse_date(iso); }
  static std::string range_message() { return "de gegevens lopen van " + first_ + " tot en met " + last_; }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
  static inline std::string first_, last_, planned_;
};

TEST_F(MeasureParametersServedTest, EveryMeasureRefusesEachParameterItDoesNotTakeInTheCliAndTheApi) {
  for (const MeasureDefinition& m : measure_registry()) {
    std::vector<std::string> args;
    std::string query;
    for (Parameter p : m.required) {
      args.insert(args.end(), {std::string(parameter_flag(p)), test::valid_parameter_text(p)});
      query += name_of(p) + "=" + test::valid_parameter_text(p) + "&";
    }
    for (Parameter p : kEveryParameter) {
      if (takes(m, p)) continue;
      SCOPED_TRACE(std::string(m.id) + " " + name_of(p));
      std::vector<std::string> with = args;
      with.insert(with.end(), {std::string(parameter_flag(p)), test::valid_parameter_text(p)});
      const auto run = cli(std::string(m.id), with);
      EXPECT_EQ(run.exit_code, 1);
      EXPECT_EQ(run.out, "");
      EXPECT_EQ(run.err.rfind("stroom: maat " + std::string(m.id) + " kent geen parameter --" + name_of(p) + " (", 0), 0u) << run.err;
      const auto [status, message] = api("/api/measures/" + std::string(m.id) + "?" + query + name_of(p) + "=" + test::valid_parameter_text(p));
      EXPECT_EQ(status, 400);
      EXPECT_EQ(message.rfind("maat " + std::string(m.id) + " kent geen parameter " + name_of(p) + " (", 0), 0u) << message;
    }
  }
}

TEST_F(MeasureParametersServedTest, DatesOutsideTheDataAreRefusedWithTheRange) {
  const std::string before = date(first_).plus_days(-1).iso();
  const std::string after = date(last_).plus_days(1).iso();
  int date_measures = 0;
  for (const MeasureDefinition& m : measure_registry()) {
    if (!takes_a_date(m)) continue;
    ++date_measures;
    const std::string name = takes(m, Parameter::at) ? "at" : "peildatum";
    const std::string id(m.id);
    SCOPED_TRACE(id);
    for (const std::string& outside : {before, after, std::string("2099-01-01")}) {
      const auto run = cli(id, {"--" + name, outside});
      EXPECT_EQ(run.exit_code, 1);
      EXPECT_EQ(run.out, "");
      EXPECT_EQ(run.err, "stroom: --" + name + " " + outside + " ligt buiten de gegevens; " + range_message() + "\n");
      EXPECT_EQ(api("/api/measures/" + id + "?" + name + "=" + outside),
                std::pair(400, name + " " + outside + " ligt buiten de gegevens; " + range_message()));
    }
    for (const std::string& inside : {first_, last_}) {  // the range's own ends keep working
      EXPECT_EQ(cli(id, {"--" + name, inside}).exit_code, 0) << inside;
      EXPECT_EQ(api("/api/measures/" + id + "?" + name + "=" + inside).first, 200) << inside;
    }
  }
  EXPECT_GE(date_measures, 8);
  // An ijkjaar whose ijkdatum (1 October) is outside, and a school year without a day inside.
  const int last_year = date(last_).year();
  const std::string late_year = std::to_string(date(last_) < SchoolYear{last_year}.teldatum() ? last_year : last_year + 1);
  EXPECT_EQ(cli("ontwikkeling", {"--ijkjaar", late_year}).err,
            "stroom: --ijkjaar " + late_year + " (ijkdatum " + late_year + "-10-01) ligt buiten de gegevens; " + range_message() + "\n");
  EXPECT_EQ(api("/api/measures/ontwikkeling?ijkjaar=" + late_year).first, 400);
  // School years reach to the end of the voorzieningen's validity, which may lie after the data.
  const std::string validity = planned_ > last_ ? ", voorzieningen tot en met " + planned_ : "";
  const SchoolYear after_data{school_year_of(date(planned_)).start_year + 1};
  EXPECT_EQ(cli("kosten", {"--schooljaar", after_data.label()}).err,
            "stroom: --schooljaar " + after_data.label() + " ligt buiten de gegevens; " + range_message() + validity + "\n");
  const SchoolYear before_data{school_year_of(date(first_)).start_year - 1};
  EXPECT_EQ(api("/api/measures/kosten?schooljaar=" + before_data.label()),
            std::pair(400, "schooljaar " + before_data.label() + " ligt buiten de gegevens; " + range_message() + validity));
  EXPECT_EQ(cli("kosten", {"--schooljaar", school_year_of(date(planned_)).label()}).exit_code, 0);
  EXPECT_EQ(cli("kosten", {"--schooljaar", school_year_of(date(first_)).label()}).exit_code, 0);
}

TEST_F(MeasureParametersServedTest, InfoGivesTheDataRangeForThePickers) {
  auto res = region_->get("/api/info", logins_["analist"]);
  ASSERT_TRUE(res);
  const json info = json::parse(res->body);
  EXPECT_EQ(info["eerste_datum"], first_);
  EXPECT_EQ(info["laatste_datum"], last_);
  // The areas of tellingen, for the Inzicht page's comparison: each once, sorted, from the store.
  auto db = open_store(region_->db());
  Statement areas = db->prepare("SELECT DISTINCT gebied FROM tellingen ORDER BY gebied");
  json expected = json::array();
  while (areas.step()) expected.push_back(areas.column_text(0));
  ASSERT_GE(expected.size(), 2u) << "the generated region should have NL and its own SWV in tellingen";
  EXPECT_EQ(info["gebieden"], expected);
}

TEST_F(MeasureParametersServedTest, OnlyTheBeheerderMayAskMidMonthDatesAndPublishTakesFirstDaysOnly) {
  // A mid-month date and a first day inside the data, and the teldatum after the first date.
  const Date start = date(first_);
  const std::string mid = Date::from_ymd(start.year() + 1, 3, 15)->iso();
  const std::string first_day = Date::from_ymd(start.year() + 1, 3, 1)->iso();
  const std::string teldatum = SchoolYear{start.year() + 1}.teldatum().iso();
  ASSERT_LT(teldatum, last_);
  for (const MeasureDefinition& m : measure_registry()) {
    if (!takes_a_date(m)) continue;
    const std::string name = takes(m, Parameter::at) ? "at" : "peildatum";
    const std::string path = "/api/measures/" + std::string(m.id) + "?" + name + "=";
    SCOPED_TRACE(std::string(m.id));
    // The beheerder first, so that the answer is cached when the others ask for it.
    EXPECT_EQ(api(path + mid, "beheer").first, 200);
    for (const char* user : {"analist", "school-a", "commissie"}) {
      const auto [status, message] = api(path + mid, user);
      EXPECT_EQ(status, 400) << user;
      EXPECT_NE(message.find(name + " " + mid + ": voor uw rol"), std::string::npos) << message;
      EXPECT_NE(message.find("eerste dag van een maand"), std::string::npos) << message;
      EXPECT_EQ(api(path + first_day, user).first, 200) << user;
      EXPECT_EQ(api(path + teldatum, user).first, 200) << user;
    }
    const auto published = cli(std::string(m.id), {"--" + name, mid, "--publish"});
    EXPECT_EQ(published.exit_code, 1);
    EXPECT_NE(published.err.find("--" + name + " " + mid + ": met --publish zijn alleen datums op de eerste dag van een maand"),
              std::string::npos) << published.err;
    EXPECT_EQ(cli(std::string(m.id), {"--" + name, first_day, "--publish"}).exit_code, 0);
    EXPECT_EQ(cli(std::string(m.id), {"--" + name, mid}).exit_code, 0);  // exact answers: any date in the data
  }
}

}  // namespace
}  // namespace stroom
