// The files `stroom generate` writes: present with the exact headers of formats.md, every field
// of every row valid (checked by rules written out again here from formats.md, not taken from
// src/ingest), keys unique, references resolvable, the region's tellingen equal to the
// maatboek's leerlingen of the inschrijvingen, occupation within places, a TLV behind every
// special placement, byte-identical output per seed, and --vuil's share of bad rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "generate/generated_region.h"
#include "generate/region_writer.h"
#include "reference_measures.h"
#include "test_support.h"

namespace stroom {
namespace {

// ---- A minimal reader for the generated files (';', no quoting needed) ----------------------

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  size_t column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("no column " + name);
    return size_t(it - header.begin());
  }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ';') fields.emplace_back();
    else fields.back() += c;
  }
  return fields;
}

Table read_table(const std::filesystem::path& path) {
  std::istringstream in(test::read_file(path));
  Table table;
  std::string line;
  std::getline(in, line);
  table.header = split(line);
  while (std::getline(in, line)) table.rows.push_back(split(line));
  return table;
}

// ---- formats.md, written out again ------------------------------------------------------------

enum class Type { text, pupil, date, integer, decimal, choice };
struct Column {
  std::string name;
  bool required;
  Type type;
  std::set<std::string> choices = {};
};
struct Format {
  std::string file;
  std::vector<Column> columns;
  std::vector<std::pair<std::string, std::string>> date_orders;  // earlier <= later
};

const std::set<std::string> kSettings = {"bao", "sbo", "so", "vo", "pro", "vso", "isk"};

const std::vector<Format>& formats() {
  static const std::vector<Format> all = {
      {"vestigingen",
       {{"vestiging_id", true, Type::text}, {"naam", true, Type::text}, {"bestuur", false, Type::text},
        {"gemeente", false, Type::text}, {"swv", false, Type::text}, {"sector", false, Type::choice, {"po", "vo"}}},
       {}},
      {"inschrijvingen",
       {{"leerling_id", true, Type::pupil}, {"geboortedatum", false, Type::date},
        {"vestiging_id", true, Type::text}, {"onderwijssoort", true, Type::choice, kSettings},
        {"cluster", false, Type::choice, {"1", "2", "3", "4"}},
        {"niveau", false, Type::choice,
         {"brug", "vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo", "vervolgonderwijs", "arbeidsmarkt", "dagbesteding"}},
        {"startdatum", true, Type::date}, {"einddatum", false, Type::date}},
       {{"startdatum", "einddatum"}}},
      {"ondersteuning",
       {{"besluit_id", true, Type::text}, {"leerling_id", true, Type::pupil},
        {"soort", true, Type::choice, {"tlv", "arrangement", "opp"}},
        {"categorie", false, Type::choice, {"sbo", "laag", "midden", "hoog"}}, {"voorziening_id", false, Type::text},
        {"aanvraagdatum", false, Type::date}, {"besluitdatum", false, Type::date}, {"startdatum", false, Type::date},
        {"einddatum", false, Type::date},
        {"uitkomst", true, Type::choice, {"toegekend", "afgewezen", "ingetrokken", "lopend"}}},
       {{"startdatum", "einddatum"}, {"aanvraagdatum", "besluitdatum"}}},
      {"verzuim",
       {{"melding_id", true, Type::text}, {"leerling_id", true, Type::pupil}, {"vestiging_id", false, Type::text},
        {"soort", true, Type::choice, {"relatief", "absoluut", "vrijstelling"}},
        {"thuiszitter", true, Type::choice, {"ja", "nee"}}, {"startdatum", true, Type::date},
        {"einddatum", false, Type::date}, {"reden", false, Type::text}},
       {{"startdatum", "einddatum"}}},
      {"voorzieningen",
       {{"voorziening_id", true, Type::text}, {"naam", true, Type::text},
        {"onderwijssoort", false, Type::choice, kSettings}, {"plaatsen", true, Type::integer},
        {"tarief", true, Type::decimal}, {"geldig_vanaf", true, Type::date}, {"geldig_tot", false, Type::date}},
       {{"geldig_vanaf", "geldig_tot"}}},
      {"wachtlijst",
       {{"leerling_id", true, Type::pupil}, {"voorziening_id", true, Type::text}, {"aanmelddatum", true, Type::date},
        {"plaatsingsdatum", false, Type::date}, {"afgemeld", false, Type::date}},
       {{"aanmelddatum", "plaatsingsdatum"}, {"aanmelddatum", "afgemeld"}}},
      {"tellingen",
       {{"teldatum", true, Type::date}, {"gebied", true, Type::text},
        {"onderwijssoort", true, Type::choice, {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"}},
        {"cluster", false, Type::choice, {"1", "2", "3", "4"}}, {"aantal", true, Type::integer}},
       {}},
  };
  return all;
}

bool digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// The date forms of formats.md, returned as a comparable YYYYMMDD number (0 = invalid).
// iso_only: the clean files must use YYYY-MM-DD.
int date_value(const std::string& text, bool iso_only) {
  int y = 0, m = 0, d = 0;
  const char sep = text.find('/') != std::string::npos ? '/' : '-';
  const auto parts = [&] {
    std::vector<std::string> p(1);
    for (char c : text) {
      if (c == sep) p.emplace_back();
      else p.back() += c;
    }
    return p;
  }();
  if (parts.size() != 3 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2])) return 0;
  if (parts[0].size() == 4 && parts[1].size() == 2 && parts[2].size() == 2 && sep == '-') {
    y = std::stoi(parts[0]), m = std::stoi(parts[1]), d = std::stoi(parts[2]);
  } else if (!iso_only && parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
    d = std::stoi(parts[0]), m = std::stoi(parts[1]), y = std::stoi(parts[2]);
  } else {
    return 0;
  }
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
  return y * 10000 + m * 100 + d;
}

bool elfproef(const std::string& id) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (id[size_t(i)] - '0');
  sum -= id[8] - '0';
  return sum % 11 == 0 && id != "000000000";
}

bool decimal_ok(const std::string& text) {
  const size_t sep = text.find_first_of(".,");
  if (sep == std::string::npos) return digits(text);
  return digits(text.substr(0, sep)) && digits(text.substr(sep + 1));
}

// Empty when the row is valid by formats.md; otherwise what is wrong.
std::string row_problem(const Format& format, const std::vector<std::string>& row, bool iso_only) {
  if (row.size() != format.columns.size()) return "wrong number of fields";
  for (size_t i = 0; i < row.size(); ++i) {
    const Column& column = format.columns[i];
    const std::string& value = row[i];
    if (value.empty()) {
      if (column.required) return column.name + " empty";
      continue;
    }
    bool ok = true;
    switch (column.type) {
      case Type::text: break;
      case Type::pupil: ok = value.size() <= 64 && (value.size() != 9 || !digits(value) || elfproef(value)); break;
      case Type::date: ok = date_value(value, iso_only) != 0; break;
      case Type::integer: ok = digits(value); break;
      case Type::decimal: ok = decimal_ok(value); break;
      case Type::choice: ok = column.choices.count(value) > 0; break;
    }
    if (!ok) return column.name + " invalid: '" + value + "'";
  }
  for (const auto& [earlier, later] : format.date_orders) {
    size_t a = 0, b = 0;
    for (size_t i = 0; i < format.columns.size(); ++i) {
      if (format.columns[i].name == earlier) a = i;
      if (format.columns[i].name == later) b = i;
    }
    if (!row[a].empty() && !row[b].empty() && date_value(row[b], iso_only) < date_value(row[a], iso_only))
      return later + " before " + earlier;
  }
  return "";
}

std::string joined(const std::vector<std::string>& fields) {
  std::string text;
  for (size_t i = 0; i < fields.size(); ++i) text += (i ? ";" : "") + fields[i];
  return text;
}

// ---- One small region shared by the tests of this file -----------------------------------------

GeneratorOptions small_options(uint64_t seed = 7) {
  GeneratorOptions options;
  options.pupils = 4000;
  options.from_year = 2018;
  options.to_year = 2022;
  options.seed = seed;
  return options;
}

class GenerateFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    region_ = new GeneratedRegion(generate_region(small_options()));
    written_ = new std::vector<WrittenFile>(write_region(*region_, dir_->path()));
    for (const Format& format : formats()) tables_[format.file] = read_table(dir_->path() / (format.file + ".csv"));
  }
  static void TearDownTestSuite() {
    delete written_;
    delete region_;
    delete dir_;
    tables_.clear();
  }
  static const Table& table(const std::string& file) { return tables_.at(file); }

  static test::TempDir* dir_;
  static GeneratedRegion* region_;
  static std::vector<WrittenFile>* written_;
  static std::map<std::string, Table> tables_;
};
test::TempDir* GenerateFiles::dir_ = nullptr;
GeneratedRegion* GenerateFiles::region_ = nullptr;
std::vector<WrittenFile>* GenerateFiles::written_ = nullptr;
std::map<std::string, Table> GenerateFiles::tables_;

TEST_F(GenerateFiles, EveryFileKindIsWrittenWithTheExactHeader) {
  ASSERT_EQ(written_->size(), 7u);
  for (const Format& format : formats()) {
    std::vector<std::string> expected;
    for (const Column& column : format.columns) expected.push_back(column.name);
    EXPECT_EQ(table(format.file).header, expected) << format.file;
    EXPECT_FALSE(table(format.file).rows.empty()) << format.file << " has no rows";
  }
  const std::string bytes = test::read_file(dir_->path() / "inschrijvingen.csv");
  EXPECT_EQ(bytes.find('\r'), std::string::npos);
  EXPECT_EQ(bytes.back(), '\n');
}

TEST_F(GenerateFiles, EveryRowOfEveryFileIsValid) {
  for (const Format& format : formats()) {
    size_t invalid = 0;
    for (const auto& row : table(format.file).rows) {
      const std::string problem = row_problem(format, row, true);
      if (!problem.empty() && ++invalid <= 5) ADD_FAILURE() << format.file << ": " << problem << " in " << joined(row);
    }
    EXPECT_EQ(invalid, 0u) << format.file;
  }
}

TEST_F(GenerateFiles, KeysAreUnique) {
  const std::map<std::string, std::vector<std::string>> keys = {
      {"vestigingen", {"vestiging_id"}},
      {"inschrijvingen", {"leerling_id", "vestiging_id", "onderwijssoort", "startdatum"}},
      {"ondersteuning", {"besluit_id"}},
      {"verzuim", {"melding_id"}},
      {"voorzieningen", {"voorziening_id", "geldig_vanaf"}},
      {"wachtlijst", {"leerling_id", "voorziening_id", "aanmelddatum"}},
      {"tellingen", {"teldatum", "gebied", "onderwijssoort", "cluster"}}};
  for (const auto& [file, columns] : keys) {
    const Table& t = table(file);
    std::set<std::string> seen;
    for (const auto& row : t.rows) {
      std::string key;
      for (const auto& column : columns) key += row[t.column(column)] + "|";
      EXPECT_TRUE(seen.insert(key).second) << file << " repeats key " << key;
    }
  }
}

TEST_F(GenerateFiles, ReferencesResolveAndColumnsFitTheirSetting) {
  std::set<std::string> schools, provisions;
  for (const auto& row : table("vestigingen").rows) schools.insert(row[0]);
  for (const auto& row : table("voorzieningen").rows) provisions.insert(row[0]);
  const Table& e = table("inschrijvingen");
  std::set<std::string> swv;
  for (const auto& row : table("vestigingen").rows) swv.insert(row[4]);
  EXPECT_EQ(swv, (std::set<std::string>{"PO9901", "VO9901", "PO9902", "VO9902"}));
  for (const auto& row : e.rows) {
    const std::string& setting = row[e.column("onderwijssoort")];
    const std::string& cluster = row[e.column("cluster")];
    const std::string& niveau = row[e.column("niveau")];
    EXPECT_TRUE(schools.count(row[e.column("vestiging_id")])) << joined(row);
    EXPECT_EQ(cluster.empty(), setting != "so" && setting != "vso") << joined(row);
    EXPECT_EQ(niveau.empty(), setting != "vo" && setting != "vso") << joined(row);
    if (setting == "vso") {
      EXPECT_TRUE(niveau == "vervolgonderwijs" || niveau == "arbeidsmarkt" || niveau == "dagbesteding");
    }
    EXPECT_GE(row[e.column("startdatum")], "2018-08-01");
    EXPECT_LE(row[e.column("startdatum")], "2023-07-31");
  }
  const Table& d = table("ondersteuning");
  for (const auto& row : d.rows) {
    const std::string& kind = row[d.column("soort")];
    EXPECT_EQ(row[d.column("categorie")].empty(), kind != "tlv") << joined(row);
    const std::string& provision = row[d.column("voorziening_id")];
    if (!provision.empty()) {
      EXPECT_TRUE(provisions.count(provision) && kind == "arrangement") << joined(row);
    }
  }
  const Table& a = table("verzuim");
  for (const auto& row : a.rows) {
    const bool relatief = row[a.column("soort")] == "relatief";
    EXPECT_EQ(row[a.column("vestiging_id")].empty(), !relatief) << joined(row);
    if (relatief) {
      EXPECT_TRUE(schools.count(row[a.column("vestiging_id")]));
    }
    if (!row[a.column("einddatum")].empty()) {
      EXPECT_GT(row[a.column("einddatum")], row[a.column("startdatum")]);
    }
  }
  for (const auto& row : table("wachtlijst").rows) EXPECT_TRUE(provisions.count(row[1])) << joined(row);
}

TEST_F(GenerateFiles, PupilsMostlyHaveValidBsnsAndKeepTheirIdEverywhere) {
  const Table& e = table("inschrijvingen");
  std::set<std::string> ids;
  std::map<std::string, std::string> birth;
  for (const auto& row : e.rows) {
    ids.insert(row[0]);
    auto [it, fresh] = birth.emplace(row[0], row[1]);
    EXPECT_EQ(it->second, row[1]) << "pupil " << row[0] << " has two birth dates";
  }
  const auto bsns = std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.size() == 9 && digits(id); });
  const auto others = std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.rfind("ONR", 0) == 0; });
  EXPECT_EQ(size_t(bsns + others), ids.size());
  EXPECT_GT(double(bsns) / double(ids.size()), 0.94);
  EXPECT_GT(others, 0);
  // Pupils in the support and waiting-list files are pupils of the enrolments.
  for (const auto& row : table("ondersteuning").rows) EXPECT_TRUE(ids.count(row[1])) << joined(row);
  for (const auto& row : table("wachtlijst").rows) EXPECT_TRUE(ids.count(row[0])) << joined(row);
}

TEST_F(GenerateFiles, RegionCountsAreTheLeerlingenOfTheEnrolments) {
  const auto reference = test::reference_leerlingen(test::read_file(dir_->path() / "inschrijvingen.csv"));
  const Table& t = table("tellingen");
  std::set<std::string> teldata;
  std::map<std::pair<std::string, std::string>, long> sums;  // (teldatum, setting) -> sum over its rows
  for (const auto& row : t.rows) {
    const std::string& area = row[1];
    const std::string& setting = row[2];
    if (area == "NL") continue;
    teldata.insert(row[0]);
    if (setting == "totaal") continue;  // a total per SWV code, not the reference's overall total
    const bool po = setting == "bao" || setting == "sbo" || setting == "so";
    EXPECT_EQ(area, po ? "PO9901" : "VO9901") << joined(row);
    // so and vso come per cluster only, the other settings without one.
    EXPECT_EQ(row[3].empty(), setting != "so" && setting != "vso") << joined(row);
    sums[{row[0], setting}] += std::stol(row[4]);
  }
  EXPECT_EQ(teldata, (std::set<std::string>{"2018-10-01", "2019-10-01", "2020-10-01", "2021-10-01", "2022-10-01"}));
  EXPECT_EQ(sums.size(), teldata.size() * 7);
  for (const auto& [key, sum] : sums) EXPECT_EQ(sum, reference.at(key)) << key.first << " " << key.second;
  // The first teldatum has about --pupils pupils.
  const long first = reference.at({"2018-10-01", "totaal"});
  EXPECT_NEAR(double(first), 4000.0, 4000.0 * 0.08);
  EXPECT_EQ(first, region_->pupils_on_first_teldatum);
}

TEST_F(GenerateFiles, NationalCountsFollowTheNationalTrends) {
  std::map<std::string, double> nl;  // year + setting + cluster -> count
  for (const auto& row : table("tellingen").rows)
    if (row[1] == "NL") nl[row[0].substr(0, 4) + row[2] + row[3]] = std::stod(row[4]);
  double parts = 0;
  for (const char* s : {"bao", "sbo", "vo", "pro", "isk", "so1", "so2", "so3", "so4", "vso1", "vso2", "vso3", "vso4"})
    parts += nl[std::string("2020") + s];
  EXPECT_EQ(parts, nl["2020totaal"]);
  EXPECT_EQ(nl.count("2020vso"), 0u) << "vso only per cluster";
  EXPECT_LT(nl["2022bao"], nl["2018bao"]);
  EXPECT_GT(nl["2022vso4"], nl["2018vso4"]);
  EXPECT_GT(nl["2022pro"], nl["2018pro"]);
}

// Occupation (pupils with a granted arrangement) never exceeds the places, on any day.
TEST_F(GenerateFiles, OccupationNeverExceedsPlaces) {
  const Table& d = table("ondersteuning");
  const Date far = *parse_date("2099-12-31");
  std::map<std::string, std::vector<std::pair<Date, Date>>> arrangements;  // voorziening -> (start, end)
  for (const auto& row : d.rows)
    if (row[d.column("soort")] == "arrangement" && row[d.column("uitkomst")] == "toegekend" &&
        !row[d.column("voorziening_id")].empty()) {
      const std::string& end = row[d.column("einddatum")];
      arrangements[row[d.column("voorziening_id")]].push_back(
          {*parse_date(row[d.column("startdatum")]), end.empty() ? far : *parse_date(end)});
    }
  ASSERT_FALSE(arrangements.empty());
  size_t days_checked = 0, full_days = 0;
  for (const auto& row : table("voorzieningen").rows) {
    const Date from = *parse_date(row[5]);
    const Date to = row[6].empty() ? *parse_date("2023-07-31") : *parse_date(row[6]);
    const long places = std::stol(row[3]);
    for (Date day = from; day <= to; day = day.plus_days(1)) {
      long occupied = 0;
      for (const auto& [start, end] : arrangements[row[0]]) occupied += start <= day && day <= end;
      EXPECT_LE(occupied, places) << row[0] << " on " << day.iso();
      full_days += occupied == places;
      ++days_checked;
    }
  }
  EXPECT_GT(days_checked, 1000u);
  EXPECT_GT(full_days, 100u) << "provisions are never full, so no waiting list can form";
}

TEST_F(GenerateFiles, ProvisionsChangeOverTimeAndWaitingListsForm) {
  const Table& v = table("voorzieningen");
  std::map<std::string, std::vector<std::vector<std::string>>> records;
  for (const auto& row : v.rows) records[row[0]].push_back(row);
  EXPECT_GE(records.size(), 5u);
  EXPECT_LE(records.size(), 8u);
  bool opened_later = false;
  for (auto& [id, rows] : records) {
    EXPECT_GE(rows.size(), 2u) << id << " never changes";
    for (size_t i = 1; i < rows.size(); ++i) {
      // The previous record ends the day before the next one starts.
      const Date next = *parse_date(rows[i][5]);
      EXPECT_EQ(rows[i - 1][6], next.plus_days(-1).iso()) << id;
    }
    EXPECT_TRUE(rows.back()[6].empty()) << id;
    opened_later |= rows.front()[5] > "2019-08-01";
  }
  EXPECT_TRUE(opened_later) << "no provision opened during the period";
  const Table& w = table("wachtlijst");
  size_t placed = 0, withdrawn = 0;
  for (const auto& row : w.rows) {
    placed += !row[3].empty();
    withdrawn += !row[4].empty();
    EXPECT_FALSE(!row[3].empty() && !row[4].empty()) << joined(row);
  }
  EXPECT_GT(placed, 0u);
  EXPECT_GT(withdrawn, 0u);
}

// Every sbo, so and vso placement has a granted TLV valid on each teldatum it covers, and every
// pupil in sbo, so, vso or pro an OPP set within six weeks of the start at the school.
TEST_F(GenerateFiles, SpecialPlacementsHaveATlvAndAnOpp) {
  const Table& d = table("ondersteuning");
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> tlvs;  // pupil -> (start, end)
  std::map<std::string, std::vector<std::string>> opps;                         // pupil -> starts
  for (const auto& row : d.rows) {
    if (row[d.column("uitkomst")] != "toegekend") continue;
    if (row[d.column("soort")] == "tlv") tlvs[row[1]].push_back({row[d.column("startdatum")], row[d.column("einddatum")]});
    if (row[d.column("soort")] == "opp") opps[row[1]].push_back(row[d.column("startdatum")]);
  }
  const Table& e = table("inschrijvingen");
  size_t checked = 0;
  for (const auto& row : e.rows) {
    const std::string& setting = row[3];
    if (setting != "sbo" && setting != "so" && setting != "vso" && setting != "pro") continue;
    const std::string& start = row[6];
    const std::string& end = row[7];
    for (int year = 2018; year <= 2022 && setting != "pro"; ++year) {
      const std::string t = std::to_string(year) + "-10-01";
      if (start > t || (!end.empty() && end < t)) continue;
      const auto& own = tlvs[row[0]];
      EXPECT_TRUE(std::any_of(own.begin(), own.end(), [&](const auto& v) { return v.first <= t && t <= v.second; }))
          << "no TLV on " << t << " for " << joined(row);
      ++checked;
    }
    // Only spells whose six weeks end before the export date (2023-07-31): a later OPP is not known yet.
    const bool six_weeks_known = *parse_date("2023-07-31") - *parse_date(start) >= 42;
    if (start > "2018-08-01" && six_weeks_known && (end.empty() || date_value(end, true) - date_value(start, true) > 100)) {
      const Date first = *parse_date(start);
      const auto& own = opps[row[0]];
      EXPECT_TRUE(std::any_of(own.begin(), own.end(), [&](const std::string& s) {
        const Date opp = *parse_date(s);
        return opp >= first && opp - first <= 42;
      })) << "no OPP within six weeks for " << joined(row);
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST_F(GenerateFiles, AbsenceReportsIncludeThuiszittersOpenReportsAndAllKinds) {
  const Table& a = table("verzuim");
  std::map<std::string, size_t> kinds;
  size_t thuiszitters = 0, open = 0;
  for (const auto& row : a.rows) {
    ++kinds[row[3]];
    thuiszitters += row[4] == "ja";
    open += row[6].empty();
  }
  EXPECT_GT(kinds["relatief"], 0u);
  EXPECT_GT(kinds["absoluut"], 0u);
  EXPECT_GT(kinds["vrijstelling"], 0u);
  EXPECT_GT(thuiszitters, 0u);
  EXPECT_GT(open, 0u);
}

TEST_F(GenerateFiles, EnrolmentsShowRealisticIrregularities) {
  const Table& e = table("inschrijvingen");
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> spells;
  for (const auto& row : e.rows) spells[row[0]].push_back({row[6], row[7]});
  size_t gap7 = 0, gap8 = 0, overlaps = 0, open = 0;
  for (auto& [pupil, own] : spells) {
    std::sort(own.begin(), own.end());
    for (size_t i = 1; i < own.size(); ++i) {
      if (own[i - 1].second.empty() || own[i - 1].second >= own[i].first) { ++overlaps; continue; }
      const int gap = *parse_date(own[i].first) - *parse_date(own[i - 1].second) - 1;
      gap7 += gap == 7;
      gap8 += gap == 8;
    }
    open += own.back().second.empty();
  }
  EXPECT_GT(gap7, 0u);
  EXPECT_GT(gap8, 0u);
  EXPECT_GT(overlaps, 0u);
  EXPECT_GT(open, spells.size() / 2);
}

// The typed views of the library API describe the same rows as the files.
// brug is the brugperiode only: at most two school years, after which the same school registers
// the pupil's level (gt, havo or vwo) from the next day on.
TEST_F(GenerateFiles, BrugLastsOneOrTwoSchoolYearsThenTheLevelFollowsAtTheSameSchool) {
  const Table& e = table("inschrijvingen");
  std::map<std::tuple<std::string, std::string, std::string>, std::string> starts;  // (pupil, school, start) -> niveau
  for (const auto& row : e.rows)
    if (row[e.column("onderwijssoort")] == "vo")
      starts[{row[0], row[e.column("vestiging_id")], row[e.column("startdatum")]}] = row[e.column("niveau")];
  size_t followed = 0, brug = 0;
  for (const auto& row : e.rows) {
    if (row[e.column("niveau")] != "brug") continue;
    ++brug;
    const std::string& start = row[e.column("startdatum")];
    const std::string& end = row[e.column("einddatum")];
    const Date last = *parse_date(end.empty() ? "2023-07-31" : end);
    EXPECT_LE(last - *parse_date(start), 2 * 366) << joined(row);
    if (end.empty() || end.substr(5) != "07-31") continue;  // left the school, or still in the brug
    const auto next = starts.find({row[0], row[e.column("vestiging_id")], parse_date(end)->plus_days(1).iso()});
    if (next == starts.end()) continue;  // finished the brug and left in the summer
    EXPECT_TRUE(next->second == "vmbo-gt" || next->second == "havo" || next->second == "vwo") << joined(row);
    ++followed;
  }
  EXPECT_GT(brug, 20u);
  EXPECT_GT(followed, brug / 3) << "the level follows the brug at the same school";
}

TEST_F(GenerateFiles, TypedRecordsMatchTheWrittenRows) {
  const Table& e = table("inschrijvingen");
  ASSERT_EQ(e.rows.size(), region_->spells.size());
  for (size_t i = 0; i < e.rows.size(); i += 97) {
    const Enrolment typed = to_enrolment(*region_, region_->spells[i]);
    EXPECT_EQ(typed.pupil_id, e.rows[i][0]);
    EXPECT_EQ(typed.birth_date->iso(), e.rows[i][1]);
    EXPECT_EQ(typed.vestiging_id, e.rows[i][2]);
    EXPECT_EQ(setting_code(typed.setting), e.rows[i][3]);
    EXPECT_EQ(typed.niveau, e.rows[i][5]);
    EXPECT_EQ(typed.end ? typed.end->iso() : "", e.rows[i][7]);
  }
  const Table& d = table("ondersteuning");
  ASSERT_EQ(d.rows.size(), region_->decisions.size());
  for (size_t i = 0; i < d.rows.size(); i += 31) {
    const SupportDecision typed = to_decision(*region_, region_->decisions[i], i);
    EXPECT_EQ(typed.id, d.rows[i][0]);
    EXPECT_EQ(typed.pupil_id, d.rows[i][1]);
    EXPECT_EQ(decision_outcome_code(typed.outcome), d.rows[i][9]);
  }
  const Table& a = table("verzuim");
  ASSERT_EQ(a.rows.size(), region_->absences.size());
  EXPECT_EQ(to_absence(*region_, region_->absences[0], 0).id, a.rows[0][0]);
  EXPECT_EQ(to_provisions(*region_).size(), table("voorzieningen").rows.size());
  EXPECT_EQ(to_waiting_entry(*region_, region_->waiting[0]).pupil_id, table("wachtlijst").rows[0][0]);
  EXPECT_EQ(to_vestiging(*region_, region_->plan.schools()[0]).id, table("vestigingen").rows[0][0]);
}

// ---- Determinism ---------------------------------------------------------------------------------

std::map<std::string, std::string> file_bytes(const std::filesystem::path& dir) {
  std::map<std::string, std::string> bytes;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    bytes[entry.path().filename().string()] = test::read_file(entry.path());
  return bytes;
}

TEST(GenerateDeterminism, SameOptionsGiveTheSameBytesAndAnotherSeedOtherBytes) {
  test::TempDir dir;
  GeneratorOptions options = small_options(11);
  options.pupils = 1500;
  options.vuil = 5;
  write_region(generate_region(options), dir / "a");
  write_region(generate_region(options), dir / "b");
  options.seed = 12;
  write_region(generate_region(options), dir / "c");
  const auto a = file_bytes(dir / "a");
  const auto b = file_bytes(dir / "b");
  const auto c = file_bytes(dir / "c");
  ASSERT_EQ(a.size(), 7u);
  EXPECT_TRUE(a == b);
  for (const char* file : {"inschrijvingen.csv", "ondersteuning.csv", "verzuim.csv", "wachtlijst.csv"})
    EXPECT_NE(a.at(file), c.at(file)) << file;
}

TEST(GenerateDeterminism, DirtyDataLeavesTheUnderlyingRegionAlone) {
  GeneratorOptions options = small_options(5);
  options.pupils = 800;
  const GeneratedRegion clean = generate_region(options);
  options.vuil = 30;
  const GeneratedRegion dirty = generate_region(options);
  ASSERT_EQ(clean.spells.size(), dirty.spells.size());
  EXPECT_TRUE(std::equal(clean.spells.begin(), clean.spells.end(), dirty.spells.begin(),
                         [](const GeneratedSpell& x, const GeneratedSpell& y) {
                           return x.pupil == y.pupil && x.start == y.start && x.end == y.end && x.school == y.school;
                         }));
}

// ---- --vuil ----------------------------------------------------------------------------------------

TEST(GenerateDirty, AboutPctPercentOfRowsCarryAnErrorMostOfThemRejected) {
  test::TempDir dir;
  GeneratorOptions options = small_options(21);
  options.pupils = test::quick_mode() ? 3000 : 8000;
  options.vuil = 10;
  const auto written = write_region(generate_region(options), dir.path());
  size_t all_rows = 0, all_invalid = 0;
  bool day_first_dates = false, decimal_comma = false, old_code = false;
  for (const Format& format : formats()) {
    const Table t = read_table(dir / (format.file + ".csv"));
    size_t invalid = 0;
    std::set<std::string> distinct;
    for (const auto& row : t.rows) {
      invalid += !row_problem(format, row, false).empty();
      distinct.insert(joined(row));
      for (const std::string& field : row) {
        if (date_value(field, false) && !date_value(field, true)) day_first_dates = true;
        old_code |= field == "SBAO" || field == "VSO-ZML" || field == "LWOO" || field == "REC4";
      }
      if (format.file == "voorzieningen") decimal_comma |= row[4].find(',') != std::string::npos;
    }
    all_rows += t.rows.size();
    all_invalid += invalid;
    const auto it = std::find_if(written.begin(), written.end(), [&](const WrittenFile& w) { return w.name == format.file + ".csv"; });
    ASSERT_NE(it, written.end());
    // A silent error (a swapped day and month) can still break a date order now and then.
    EXPECT_NEAR(double(it->invalid_rows), double(invalid), 2 + 0.01 * double(t.rows.size())) << format.file;
    if (t.rows.size() >= 1000) {
      const double share = double(invalid) / double(t.rows.size());
      EXPECT_GT(share, 0.055) << format.file;
      EXPECT_LT(share, 0.105) << format.file;
      EXPECT_LT(distinct.size(), t.rows.size()) << format.file << " has no duplicate rows";
    }
  }
  const double share = double(all_invalid) / double(all_rows);
  EXPECT_NEAR(share, 0.08, 0.015) << "about PCT% of rows get an error, four in five of them rejected";
  EXPECT_TRUE(day_first_dates);
  EXPECT_TRUE(decimal_comma);
  EXPECT_TRUE(old_code);
}

TEST(GenerateDirty, ZeroPercentMeansNoChange) {
  GeneratorOptions options = small_options(3);
  options.pupils = 600;
  test::TempDir dir;
  const auto written = write_region(generate_region(options), dir.path());
  for (const WrittenFile& file : written) {
    EXPECT_EQ(file.invalid_rows, 0) << file.name;
    EXPECT_EQ(file.silent_rows, 0) << file.name;
  }
}

}  // namespace
}  // namespace stroom
