// The selection of the region (--swv, --sector, --bestuur, --gemeente, --vestiging; the API's swv,
// sector, ... query parameters): counts on a generated region equal counts computed here from the
// generated CSV files for that selection (a plain reference that shares no code with
// src/measures/region_selection.cpp), unknown values are Dutch errors naming the parameter, the
// cache key holds the selection, a school user may narrow only to their own vestiging or the SWV,
// published selected answers hold no count 1-4, and answers carry the names of their codes.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "measures/measure_parameters.h"
#include "measures/measure_registry.h"
#include "served_region.h"
#include "test_support.h"

namespace stroom {
namespace {

using nlohmann::json;

// One CSV file of the generator as rows of column -> text (';', no quoted fields in clean data).
std::vector<std::map<std::string, std::string>> read_csv(const std::filesystem::path& path) {
  std::istringstream in(test::read_file(path));
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream parts(line);
    while (std::getline(parts, field, ';')) fields.push_back(field);
    if (!line.empty() && line.back() == ';') fields.push_back("");
    return fields;
  };
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto fields = split(line);
    fields.resize(header.size());
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The generated files, and the reference counts for a set of vestigingen.
struct ReferenceRegion {
  std::vector<std::map<std::string, std::string>> vestigingen, spells, absences, decisions;

  explicit ReferenceRegion(const std::filesystem::path& csv)
      : vestigingen(read_csv(csv / "vestigingen.csv")), spells(read_csv(csv / "inschrijvingen.csv")),
        absences(read_csv(csv / "verzuim.csv")), decisions(read_csv(csv / "ondersteuning.csv")) {}

  std::set<std::string> where(const std::string& column, const std::string& value) const {
    std::set<std::string> ids;
    for (const auto& v : vestigingen)
      if (v.at(column) == value) ids.insert(v.at("vestiging_id"));
    return ids;
  }

  // Pupils with at least one enrolment at one of the vestigingen.
  std::set<std::string> pupils_at(const std::set<std::string>& schools) const {
    std::set<std::string> pupils;
    for (const auto& s : spells)
      if (schools.count(s.at("vestiging_id"))) pupils.insert(s.at("leerling_id"));
    return pupils;
  }

  static bool enrolled(const std::map<std::string, std::string>& s, const std::string& t) {
    return s.at("startdatum") <= t && (s.at("einddatum").empty() || s.at("einddatum") >= t);
  }

  // The teldata of the whole delivery: every 1 October up to the latest date on which anyone is enrolled.
  std::vector<std::string> teldata() const {
    std::string latest, earliest = "9999";
    for (const auto& s : spells) {
      latest = std::max({latest, s.at("startdatum"), s.at("einddatum")});
      earliest = std::min(earliest, s.at("startdatum"));
    }
    std::vector<std::string> dates;
    for (int year = std::stoi(earliest.substr(0, 4)); year <= std::stoi(latest.substr(0, 4)); ++year) {
      const std::string t = std::to_string(year) + "-10-01";
      if (t > latest) break;
      for (const auto& s : spells)
        if (enrolled(s, t)) {
          dates.push_back(t);
          break;
        }
    }
    return dates;
  }

  // leerlingen: (datum, onderwijssoort or totaal) -> distinct pupils enrolled at the vestigingen.
  std::map<std::pair<std::string, std::string>, long> leerlingen(const std::set<std::string>& schools) const {
    std::map<std::pair<std::string, std::string>, long> counts;
    for (const std::string& t : teldata()) {
      std::map<std::string, std::set<std::string>> pupils;
      for (const std::string setting : {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"}) pupils[setting];
      for (const auto& s : spells)
        if (schools.count(s.at("vestiging_id")) && enrolled(s, t)) {
          pupils[s.at("onderwijssoort")].insert(s.at("leerling_id"));
          pupils["totaal"].insert(s.at("leerling_id"));
        }
      for (const auto& [setting, set] : pupils) counts[{t, setting}] = long(set.size());
    }
    return counts;
  }

  // thuiszitters actief on t: distinct pupils with an open thuiszitter report at one of the
  // vestigingen, or without a vestiging for a pupil enrolled at one of them.
  long thuiszitters(const std::set<std::string>& schools, const std::string& t) const {
    const auto pupils = pupils_at(schools);
    std::set<std::string> active;
    for (const auto& a : absences) {
      const bool selected = a.at("vestiging_id").empty() ? pupils.count(a.at("leerling_id")) > 0
                                                         : schools.count(a.at("vestiging_id")) > 0;
      if (selected && a.at("thuiszitter") == "ja" && a.at("startdatum") <= t && (a.at("einddatum").empty() || a.at("einddatum") > t))
        active.insert(a.at("leerling_id"));
    }
    return long(active.size());
  }

  // tlv_toegekend: (schooljaar, categorie or totaal) -> granted TLVs of pupils enrolled at the
  // vestigingen, by the school year of besluitdatum (else startdatum).
  std::map<std::pair<std::string, std::string>, long> tlv_toegekend(const std::set<std::string>& schools) const {
    const auto pupils = pupils_at(schools);
    std::map<std::pair<std::string, std::string>, long> counts;
    for (const auto& d : decisions) {
      if (d.at("soort") != "tlv" || d.at("uitkomst") != "toegekend" || !pupils.count(d.at("leerling_id"))) continue;
      const std::string when = d.at("besluitdatum").empty() ? d.at("startdatum") : d.at("besluitdatum");
      if (when.empty()) continue;
      const int year = std::stoi(when.substr(0, 4)) - (std::stoi(when.substr(5, 2)) < 8 ? 1 : 0);
      const std::string label = std::to_string(year) + "-" + std::to_string(year + 1);
      if (!counts.count({label, "totaal"}))
        for (const std::string category : {"sbo", "laag", "midden", "hoog", "totaal"}) counts[{label, category}] = 0;
      ++counts[{label, d.at("categorie").empty() ? "onbekend" : d.at("categorie")}];
      ++counts[{label, "totaal"}];
    }
    return counts;
  }
};

// A measure's CSV output of three columns (label;label;count) as a map.
std::map<std::pair<std::string, std::string>, long> csv_counts(const std::string& csv) {
  std::map<std::pair<std::string, std::string>, long> counts;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const size_t a = line.find(';'), b = line.find(';', a + 1);
    // An empty value (e.g. thuiszitters' median when nobody is at home) is no count.
    if (b + 1 >= line.size()) continue;
    counts[{line.substr(0, a), line.substr(a + 1, b - a - 1)}] = std::stol(line.substr(b + 1));
  }
  return counts;
}

class RegionSelection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(1500, 4);
    reference_ = new ReferenceRegion(region_->dir() / "csv");
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete region_;
  }

  static test::RunResult measure(std::vector<std::string> args) {
    args.insert(args.begin(), "measure");
    args.insert(args.end(), {"--db", region_->db(), "--format", "csv"});
    return test::run_stroom(args);
  }
  static std::string measure_csv(const std::vector<std::string>& args) {
    const auto result = measure(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
  static json get_json(const std::string& path, const std::string& who, int status = 200) {
    const auto response = region_->get(path, region_->login(who));
    EXPECT_TRUE(response);
    if (!response) return json();
    EXPECT_EQ(response->status, status) << path << ": " << response->body;
    return json::parse(response->body);
  }
  // The largest vo vestiging of the region's own VO SWV: many pupils, so many counts above 4.
  static std::string large_vo_school() {
    std::map<std::string, long> pupils;
    for (const std::string& id : reference_->where("swv", "VO9901")) pupils[id] = long(reference_->pupils_at({id}).size());
    return std::max_element(pupils.begin(), pupils.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline ReferenceRegion* reference_ = nullptr;
};

TEST_F(RegionSelection, TheDemoRegionHasAPoAndAVoPartnership) {
  EXPECT_GT(reference_->where("swv", "PO9901").size(), 3u);
  EXPECT_GT(reference_->where("swv", "VO9901").size(), 1u);
  for (const auto& v : reference_->vestigingen)
    if (v.at("swv") == "PO9901") {
      EXPECT_EQ(v.at("sector"), "po") << v.at("vestiging_id");
    }
}

TEST_F(RegionSelection, LeerlingenEqualTheReferenceForSwvVestigingAndCombinations) {
  const std::string school = large_vo_school();
  const std::string gemeente = reference_->vestigingen.front().at("gemeente");
  std::set<std::string> po_in_gemeente;
  for (const auto& v : reference_->vestigingen)
    if (v.at("gemeente") == gemeente && v.at("sector") == "po") po_in_gemeente.insert(v.at("vestiging_id"));
  const std::vector<std::pair<std::vector<std::string>, std::set<std::string>>> cases = {
      {{"--swv", "PO9901"}, reference_->where("swv", "PO9901")},
      {{"--swv", "VO9901"}, reference_->where("swv", "VO9901")},
      {{"--vestiging", school}, {school}},
      {{"--gemeente", gemeente, "--sector", "po"}, po_in_gemeente},
  };
  for (const auto& [flags, schools] : cases) {
    SCOPED_TRACE(flags[0] + " " + flags[1]);
    std::vector<std::string> args = {"leerlingen"};
    args.insert(args.end(), flags.begin(), flags.end());
    const auto counts = csv_counts(measure_csv(args));
    EXPECT_EQ(counts, reference_->leerlingen(schools));
    EXPECT_GT(counts.at({reference_->teldata().back(), "totaal"}), 0);
  }
  // The PO and the VO partnership are not added together: each is less than the whole region.
  const auto whole = csv_counts(measure_csv({"leerlingen"}));
  const auto po = csv_counts(measure_csv({"leerlingen", "--swv", "PO9901"}));
  const std::pair<std::string, std::string> totaal = {reference_->teldata().back(), "totaal"};
  EXPECT_LT(po.at(totaal), whole.at(totaal));
  EXPECT_EQ(po.at({totaal.first, "vo"}), 0);
}

TEST_F(RegionSelection, ThuiszittersEqualTheReference) {
  const std::string school = large_vo_school();
  for (const std::string date : {"2019-03-01", "2021-10-01", "2022-06-01"})
    for (const auto& [flag, value, schools] :
         {std::tuple{"--swv", std::string("PO9901"), reference_->where("swv", "PO9901")},
          std::tuple{"--swv", std::string("VO9901"), reference_->where("swv", "VO9901")},
          std::tuple{"--vestiging", school, std::set<std::string>{school}}}) {
      SCOPED_TRACE(std::string(flag) + " " + value + " " + date);
      const auto counts = csv_counts(measure_csv({"thuiszitters", "--at", date, flag, value}));
      EXPECT_EQ(counts.at({date, "actief"}), reference_->thuiszitters(schools, date));
    }
  // Some thuiszitters at all, so the comparison says something.
  EXPECT_GT(reference_->thuiszitters(reference_->where("swv", "VO9901"), "2021-10-01"), 0);
}

TEST_F(RegionSelection, GrantedTlvsEqualTheReference) {
  for (const auto& [flag, value, schools] :
       {std::tuple{"--swv", std::string("PO9901"), reference_->where("swv", "PO9901")},
        std::tuple{"--vestiging", large_vo_school(), std::set<std::string>{large_vo_school()}}}) {
    SCOPED_TRACE(std::string(flag) + " " + value);
    const auto reference = reference_->tlv_toegekend(schools);
    EXPECT_FALSE(reference.empty());
    EXPECT_EQ(csv_counts(measure_csv({"tlv_toegekend", flag, value})), reference);
  }
}

TEST_F(RegionSelection, UnknownValuesAreDutchErrorsNamingTheParameter) {
  auto refused = measure({"leerlingen", "--swv", "XX01"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("'XX01' voor --swv"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("PO9901"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("VO9901"), std::string::npos) << refused.err;
  refused = measure({"leerlingen", "--sector", "mbo"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--sector 'mbo' is geen sector: kies uit po, vo"), std::string::npos) << refused.err;
  refused = measure({"leerlingen", "--vestiging", "00XX00"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--vestiging"), std::string::npos) << refused.err;
  // Each value exists, but no vestiging has both.
  refused = measure({"leerlingen", "--swv", "PO9901", "--sector", "vo"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("geen vestiging valt in de selectie --swv 'PO9901' en --sector 'vo'"), std::string::npos)
      << refused.err;

  const json error = get_json("/api/measures/leerlingen?swv=XX01", "beheer", 400);
  EXPECT_NE(error["fout"].get<std::string>().find("'XX01' voor swv:"), std::string::npos) << error;
  EXPECT_EQ(error["fout"].get<std::string>().find("--"), std::string::npos) << error;
  const json twice = get_json("/api/measures/leerlingen?swv=PO9901&swv=VO9901", "beheer", 400);
  EXPECT_EQ(twice["fout"], "parameter swv is meer dan eens gegeven");
}

TEST_F(RegionSelection, WithoutASelectionTheOutputIsUnchangedAndTheCacheKeyHoldsTheSelection) {
  const MeasureDefinition& m = *find_measure("thuiszitters");
  auto key = [&](const std::vector<GivenParameter>& given) { return canonical_query(m, parse_measure_parameters(m, given, "")); };
  EXPECT_EQ(key({{"at", "2021-10-01"}}), "thuiszitters?at=2021-10-01&");
  EXPECT_EQ(key({{"vestiging", "12AB00"}, {"at", "2021-10-01"}, {"swv", "PO9901"}}),
            key({{"swv", "PO9901"}, {"at", "2021-10-01"}, {"vestiging", "12AB00"}}));
  EXPECT_EQ(key({{"sector", "PO"}, {"at", "2021-10-01"}}), "thuiszitters?at=2021-10-01&sector=po&");
  EXPECT_NE(key({{"at", "2021-10-01"}, {"swv", "PO9901"}}), key({{"at", "2021-10-01"}, {"swv", "VO9901"}}));
  // A name holding '&' or '=' cannot pass for two fields.
  EXPECT_NE(key({{"at", "2021-10-01"}, {"bestuur", "A&gemeente=B"}}),
            key({{"at", "2021-10-01"}, {"bestuur", "A"}, {"gemeente", "B"}}));

  // The API's answer for a selection is the CLI's, and differs from the whole region's.
  const json whole = get_json("/api/measures/leerlingen", "beheer");
  const json po = get_json("/api/measures/leerlingen?swv=PO9901", "beheer");
  const json po_again = get_json("/api/measures/leerlingen?swv=po9901&", "beheer");
  EXPECT_EQ(po["selectie"], json({{"swv", "PO9901"}}));
  EXPECT_EQ(whole["selectie"], json::object());
  EXPECT_EQ(po["rijen"], po_again["rijen"]);
  EXPECT_NE(po["rijen"], whole["rijen"]);
  const auto cli = test::run_stroom({"measure", "leerlingen", "--swv", "PO9901", "--db", region_->db(), "--format", "json"});
  EXPECT_EQ(po["rijen"], json::parse(cli.out));
}

TEST_F(RegionSelection, PublishedSelectedAnswersHoldNoSmallCount) {
  const std::string school = large_vo_school();
  bool full_has_small = false;
  for (const std::string& query : std::vector<std::string>{
           "leerlingen?vestiging=" + school, "tlv_toegekend?vestiging=" + school, "thuiszitters_per_reden?at=2021-10-01&swv=VO9901",
           "thuiszitters_per_school?at=2021-10-01&swv=PO9901", "tlv_toegekend?swv=PO9901"}) {
    SCOPED_TRACE(query);
    const json full = get_json("/api/measures/" + query, "beheer");
    const json published = get_json("/api/measures/" + query, "analist");
    EXPECT_EQ(published["onderdrukt"], true);
    for (const auto& row : full["rijen"])
      full_has_small = full_has_small || (row["waarde"].is_number_integer() && row["waarde"] >= 1 && row["waarde"] <= 4);
    for (const auto& row : published["rijen"])
      EXPECT_FALSE(row["waarde"].is_number() && row["waarde"] >= 1 && row["waarde"] <= 4) << row;
  }
  EXPECT_TRUE(full_has_small);  // else the check above checked nothing
}

TEST_F(RegionSelection, ASchoolUserSelectsTheirOwnVestigingOrTheSwv) {
  const std::string own = region_->vestiging_a, other = region_->vestiging_b;
  EXPECT_EQ(get_json("/api/measures/leerlingen?vestiging=" + own, "school-a")["selectie"]["vestiging"], own);
  get_json("/api/measures/leerlingen?swv=PO9901", "school-a");
  const json refused = get_json("/api/measures/leerlingen?vestiging=" + other, "school-a", 403);
  EXPECT_NE(refused["fout"].get<std::string>().find(own), std::string::npos) << refused;
  get_json("/api/measures/leerlingen?gemeente=" + reference_->vestigingen.front().at("gemeente"), "school-a", 403);
  // Other roles that see aggregates may choose any vestiging.
  get_json("/api/measures/leerlingen?vestiging=" + other, "analist");
  get_json("/api/measures/leerlingen?vestiging=" + other, "commissie");
}

TEST_F(RegionSelection, TheChoicesListEverySwvAndVestiging) {
  const json choices = get_json("/api/selectie", "analist");
  std::set<std::string> codes;
  for (const auto& swv : choices["swv"]) codes.insert(swv["code"].get<std::string>());
  std::set<std::string> expected;
  for (const auto& v : reference_->vestigingen) expected.insert(v.at("swv"));
  EXPECT_EQ(codes, expected);
  for (const auto& swv : choices["swv"])
    EXPECT_EQ(swv["sector"], swv["code"].get<std::string>().substr(0, 2) == "PO" ? "po" : "vo") << swv;
  EXPECT_EQ(choices["sectoren"], json({"po", "vo"}));
  ASSERT_EQ(choices["vestigingen"].size(), reference_->vestigingen.size());
  std::map<std::string, std::string> names;
  for (const auto& v : reference_->vestigingen) names[v.at("vestiging_id")] = v.at("naam");
  for (const auto& v : choices["vestigingen"]) {
    EXPECT_EQ(v["naam"], names.at(v["vestiging_id"].get<std::string>()));
    for (const char* key : {"gemeente", "bestuur", "swv", "sector"}) EXPECT_TRUE(v.contains(key)) << v;
  }
  EXPECT_FALSE(choices["besturen"].empty());
  EXPECT_FALSE(choices["gemeenten"].empty());
  get_json("/api/selectie", "ouder", 403);
}

TEST_F(RegionSelection, AnswersCarryTheNamesOfTheirCodes) {
  std::map<std::string, std::string> schools, provisions;
  for (const auto& v : reference_->vestigingen) schools[v.at("vestiging_id")] = v.at("naam");
  for (const auto& p : read_csv(region_->dir() / "csv" / "voorzieningen.csv")) provisions[p.at("voorziening_id")] = p.at("naam");
  const struct {
    std::string query, column;
    const std::map<std::string, std::string>& names;
  } cases[] = {{"thuiszitters_per_school?at=2021-10-01", "vestiging_id", schools},
               {"wachtlijst?at=2021-10-01", "voorziening_id", provisions},
               {"kosten", "voorziening_id", provisions}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    for (const char* who : {"beheer", "analist"}) {
      const json answer = get_json("/api/measures/" + c.query, who);
      ASSERT_TRUE(answer["namen"].contains(c.column)) << answer["namen"];
      std::set<std::string> codes;  // the named codes in the rows (not totaal, overig, geen)
      for (const auto& row : answer["rijen"]) {
        const std::string code = row[c.column];
        if (!c.names.count(code)) continue;
        EXPECT_EQ(answer["namen"][c.column][code], c.names.at(code));
        codes.insert(code);
      }
      // The published per-school rows of a small region may all be merged into overig.
      if (std::string(who) == "beheer") {
        EXPECT_FALSE(codes.empty());
      }
      EXPECT_EQ(answer["namen"][c.column].size(), codes.size());  // only the codes that occur
    }
  }
  // A measure without codes carries empty name lists.
  EXPECT_EQ(get_json("/api/measures/leerlingen", "beheer")["namen"],
            json({{"vestiging_id", json::object()}, {"voorziening_id", json::object()}}));
}

}  // namespace
}  // namespace stroom
