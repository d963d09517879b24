// The recovery test of disclosure control (docs/privacy.md "Disclosure control").
//
// An attacker who knows the maatboek's definitions takes the published answer (what every role but
// beheerder gets) of every registered measure, on every allowed date of a small generated region,
// and tries to recover each suppressed cell: by subtraction with intervals within every sum the
// definitions imply (a `totaal` row, flows adding up to pupils and directions, thuiszitters per
// school adding up to the active thuiszitters), by solving the published derived numbers
// (percentages, ratios, differences) for the counts they were computed from, and by differencing
// answers on two dates where a measure links them (ontwikkeling, the two-year changes, stromen).
// The attacker is written from the definitions: it never asks the suppression code what is safe.
#include <gtest/gtest.h>

#include <algorithm>

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "measures/measure_registry.h"
#include "measures/pupil_counts.h"
#include "store/migrations.h"
#include "store/model_loader.h"
#include "test_support.h"

namespace stroom {
namespace {

using json = nlohmann::ordered_json;
constexpr int64_t kInfinite = int64_t(1) << 40;

// One answer as the attacker gets it, and the truth only the test uses to judge the attacker.
struct Answer {
  json published;                                  // rows
  std::set<std::pair<size_t, std::string>> hidden;  // cells the answer lists as "aanvullend"
  json full;                                        // the beheerder's rows
};
using Answers = std::map<std::string, Answer>;  // by key(), e.g. "leerlingen?at=2019-10-01"

std::string key(std::string_view id, const std::string& parameter = "", const std::string& value = "") {
  return parameter.empty() ? std::string(id) : fmt::format("{}?{}={}", id, parameter, value);
}

struct CellRef {
  std::string answer;
  size_t row;
  std::string column;
  auto operator<=>(const CellRef&) const = default;
};
std::string describe(const CellRef& c) { return fmt::format("{} rij {} {}", c.answer, c.row, c.column); }

struct Range {
  int64_t lo = 0, hi = kInfinite;
  bool single() const { return lo == hi; }
};

// A sum the definitions imply: total = sum of parts, or, where a pupil can count in two parts,
// largest part <= total <= sum of parts.
struct Sum {
  std::vector<CellRef> parts;
  CellRef total;
  bool overlapping = false;
  // The attacker guesses that nobody counts twice (leerlingen: double enrolments are rare; the
  // thuiszitter breakdowns: a pupil seldom has two reasons or two schools).
  bool guess_exact = false;
};

// A published number computed from two counts: value = f(x, y), rounded to two decimals.
struct Derived {
  CellRef value, x, y;
  std::function<double(double, double)> f;
};

class Attacker {
 public:
  explicit Attacker(const Answers& answers) : answers_(answers) {}
  std::vector<Sum> sums;
  std::vector<Derived> derived;

  const json* published(const CellRef& c) const {
    auto it = answers_.find(c.answer);
    if (it == answers_.end() || c.row >= it->second.published.size()) return nullptr;
    return &it->second.published[c.row][c.column];
  }
  bool suppressed(const CellRef& c) const {
    const json* v = published(c);
    return v && (*v == "<5" || answers_.at(c.answer).hidden.count({c.row, c.column}));
  }
  int64_t truth(const CellRef& c) const { return answers_.at(c.answer).full[c.row][c.column].get<int64_t>(); }

  // What the published answer says of a count: itself, "<5" in [1,4], a complementary cell at
  // least 5 and at most the smallest published part of 5 or more of any sum it is a part of.
  Range initial(const CellRef& c) const {
    const json* v = published(c);
    if (!v) return {};
    if (v->is_number_integer()) return {v->get<int64_t>(), v->get<int64_t>()};
    if (*v == "<5") return {1, 4};
    if (!answers_.at(c.answer).hidden.count({c.row, c.column})) return {};
    Range r{5, kInfinite};
    for (const Sum& s : sums)
      if (std::ranges::count(s.parts, c))
        for (const CellRef& p : s.parts)
          if (const json* pv = published(p); pv && pv->is_number_integer() && pv->get<int64_t>() >= 5)
            r.hi = std::min(r.hi, pv->get<int64_t>());
    return r;
  }

  // Bound propagation over all sums to a fixpoint. guess_exact: the attacker's guess that nobody
  // counts in two parts (false where someone does, but then it only misleads the attacker).
  std::map<CellRef, Range> ranges(bool guess_exact) const {
    std::map<CellRef, Range> r;
    for (const Sum& s : sums) {
      r.try_emplace(s.total, initial(s.total));
      for (const CellRef& p : s.parts) r.try_emplace(p, initial(p));
    }
    for (bool changed = true; changed;) {
      changed = false;
      auto cut = [&](Range& range, int64_t lo, int64_t hi) {
        const Range before = range;
        // Kept within +-kInfinite so that an inconsistent guess cannot drift into an overflow.
        range.lo = std::clamp(std::max(range.lo, lo), -kInfinite, kInfinite);
        range.hi = std::clamp(std::min(range.hi, hi), -kInfinite, kInfinite);
        changed |= before.lo != range.lo || before.hi != range.hi;
      };
      for (const Sum& s : sums) {
        const bool exact = !s.overlapping || (guess_exact && s.guess_exact);
        int64_t lo = 0, hi = 0, max_lo = 0;
        for (const CellRef& p : s.parts) lo += r[p].lo, hi += r[p].hi, max_lo = std::max(max_lo, r[p].lo);
        Range& total = r[s.total];
        cut(total, exact ? lo : max_lo, hi);
        for (const CellRef& p : s.parts) {
          const int64_t others_hi = hi - r[p].hi, others_lo = lo - r[p].lo;
          cut(r[p], total.lo - others_hi, exact ? total.hi - others_lo : total.hi);
        }
        if (r[s.total].lo > r[s.total].hi) break;  // an inconsistent guess: nothing more to learn
      }
    }
    return r;
  }

  // Every suppressed cell whose value the attacker pins down to the truth, with how.
  std::vector<std::string> recoveries(std::vector<std::string>& unsound, size_t& examined) const {
    std::set<std::string> found;
    for (bool guess : {false, true}) {
      const auto r = ranges(guess);
      for (const auto& [cell, range] : r) {
        if (!suppressed(cell)) continue;
        ++examined;
        const int64_t t = truth(cell);
        if (!guess && (t < range.lo || t > range.hi))
          unsound.push_back(fmt::format("{}: {} buiten [{}, {}]", describe(cell), t, range.lo, range.hi));
        if (range.single() && range.lo == t)
          found.insert(fmt::format("{} = {} (som{})", describe(cell), t, guess ? ", niemand dubbel" : ""));
      }
      for (const Derived& d : derived) solve(d, r, found);
    }
    return {found.begin(), found.end()};
  }

 private:
  Range known(const CellRef& c, const std::map<CellRef, Range>& r) const {
    auto it = r.find(c);
    return it != r.end() ? it->second : initial(c);
  }

  // Scans the candidates of the two counts for those that give the published value.
  void solve(const Derived& d, const std::map<CellRef, Range>& r, std::set<std::string>& found) const {
    const json* value = published(d.value);
    if (!value || !value->is_number() || (!suppressed(d.x) && !suppressed(d.y))) return;
    const Range rx = known(d.x, r), ry = known(d.y, r);
    constexpr int64_t kScan = 3000;
    if (rx.hi - rx.lo > kScan && ry.hi - ry.lo > kScan) return;
    std::set<int64_t> xs, ys;
    for (int64_t x = rx.lo; x <= std::min(rx.hi, rx.lo + kScan); ++x)
      for (int64_t y = ry.lo; y <= std::min(ry.hi, ry.lo + kScan); ++y) {
        const double v = d.f(double(x), double(y));
        if (std::isfinite(v) && std::abs(v - value->get<double>()) <= 0.005 + 1e-9) xs.insert(x), ys.insert(y);
      }
    auto check = [&](const CellRef& c, const std::set<int64_t>& values, const Range& range) {
      const bool scanned_all = range.hi - range.lo <= kScan;
      if (suppressed(c) && scanned_all && values.size() == 1 && *values.begin() == truth(c))
        found.insert(fmt::format("{} = {} (uit {})", describe(c), truth(c), describe(d.value)));
    };
    check(d.x, xs, rx);
    check(d.y, ys, ry);
  }

  const Answers& answers_;
};

// The rows of an answer whose columns `match` has, with those values.
std::vector<size_t> rows_where(const Answer& a, const std::map<std::string, std::string>& match) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < a.published.size(); ++i)
    if (std::ranges::all_of(match, [&](const auto& m) { return a.published[i][m.first] == m.second; })) rows.push_back(i);
  return rows;
}
std::optional<CellRef> cell_where(const Answers& answers, const std::string& answer,
                                  const std::map<std::string, std::string>& match, const std::string& column) {
  auto it = answers.find(answer);
  if (it == answers.end()) return std::nullopt;
  const auto rows = rows_where(it->second, match);
  if (rows.size() != 1) return std::nullopt;
  return CellRef{answer, rows[0], column};
}

// Columns holding values rather than labels, by the maatboek's tables.
const std::set<std::string> kValueColumns = {"waarde", "n", "gecensureerd", "verschil", "procent", "aantal"};

// A row labelled totaal is the sum of the rows with the same other labels (a pupil in two
// settings counts in both, once in totaal: overlapping in `leerlingen` and `kwaliteit`).
void totaal_sums(const std::string& answer_key, const Answer& a, const std::string& id, std::vector<Sum>& sums) {
  if (a.published.empty()) return;
  std::vector<std::string> labels, values;
  for (const auto& item : a.published[0].items()) (kValueColumns.count(item.key()) ? values : labels).push_back(item.key());
  for (const std::string& c : labels)
    for (size_t t = 0; t < a.published.size(); ++t) {
      if (a.published[t][c] != "totaal") continue;
      std::map<std::string, std::string> same;
      for (const std::string& other : labels)
        if (other != c) same[other] = a.published[t][other].get<std::string>();
      for (const std::string& v : values) {
        if (!a.full[t][v].is_number_integer()) continue;  // not a count (kosten's euros, differences)
        // kwaliteit: a (pupil, teldatum) pair counts at each vestiging involved, once in totaal.
        const bool overlapping = id == "leerlingen" || id == "kwaliteit";
        Sum s{{}, {answer_key, t, v}, overlapping, overlapping};
        for (size_t r : rows_where(a, same))
          if (r != t) s.parts.push_back({answer_key, r, v});
        sums.push_back(std::move(s));
      }
    }
}

int rank(const std::string& setting) {  // intensity, as the stromen definition gives it
  if (setting == "so" || setting == "vso") return 2;
  if (setting == "sbo" || setting == "pro") return 1;
  return 0;
}

// Sums and derived numbers across answers, from the definitions.
void cross_answer_knowledge(const Answers& answers, Attacker& attacker) {
  for (const auto& [k, a] : answers) {
    const std::string id = k.substr(0, k.find('?'));
    const std::string date = k.find("?at=") != std::string::npos ? k.substr(k.find('=') + 1) : "";
    totaal_sums(k, a, id, attacker.sums);
    auto leerlingen = [&](const std::string& datum, const std::string& soort) {
      return cell_where(answers, key("leerlingen", "at", datum), {{"onderwijssoort", soort}}, "waarde");
    };
    auto add_derived = [&](CellRef value, std::optional<CellRef> x, std::optional<CellRef> y, auto f) {
      if (x && y) attacker.derived.push_back({value, *x, *y, f});
    };
    for (size_t i = 0; i < a.published.size(); ++i) {
      const json& row = a.published[i];
      auto text = [&](const char* column) { return row[column].get<std::string>(); };
      if (id == "deelname") {
        const std::string soort = text("onderwijssoort"), noemer = soort == "sbo" || soort == "so" ? "bao" : "vo";
        add_derived({k, i, "waarde"}, leerlingen(text("datum"), soort), leerlingen(text("datum"), noemer),
                    [](double x, double y) { return y > 0 ? 100 * x / y : NAN; });
      } else if (id == "ontwikkeling") {
        const std::string base = k.substr(k.find('=') + 1) + "-10-01";
        add_derived({k, i, "waarde"}, leerlingen(text("datum"), text("onderwijssoort")), leerlingen(base, text("onderwijssoort")),
                    [](double x, double y) { return y > 0 ? 100 * (x / y - 1) : NAN; });
      } else if (id == "leerlingen_2jaar") {
        const std::string t = text("datum"), earlier = std::to_string(std::stoi(t.substr(0, 4)) - 2) + t.substr(4);
        add_derived({k, i, "verschil"}, leerlingen(t, text("onderwijssoort")), leerlingen(earlier, text("onderwijssoort")),
                    [](double x, double y) { return x - y; });
        add_derived({k, i, "procent"}, leerlingen(t, text("onderwijssoort")), leerlingen(earlier, text("onderwijssoort")),
                    [](double x, double y) { return y > 0 ? 100 * (x / y - 1) : NAN; });
      } else if (id == "thuiszitters_2jaar") {
        const std::string t = text("datum"), earlier = std::to_string(std::stoi(t.substr(0, 4)) - 2) + t.substr(4);
        auto actief = [&](const std::string& d) { return cell_where(answers, key("thuiszitters", "at", d), {{"maat", "actief"}}, "waarde"); };
        add_derived({k, i, "verschil"}, actief(t), actief(earlier), [](double x, double y) { return x - y; });
      } else if (id == "thuiszitters" && row["maat"] == "per1000") {
        std::string latest;  // the latest teldatum on or before the date
        for (const auto& [other, unused] : answers)
          if (other.starts_with("leerlingen?at=") && other.substr(other.size() - 5) == "10-01" && other.substr(14) <= date)
            latest = other.substr(14);
        add_derived({k, i, "waarde"}, cell_where(answers, k, {{"maat", "actief"}}, "waarde"),
                    leerlingen(latest, "totaal"), [](double x, double y) { return y > 0 ? 1000 * x / y : NAN; });
      } else if (id == "richting" && row["richting"] == "terugstroom-ratio") {
        const std::string jaar = text("schooljaar");
        add_derived({k, i, "waarde"}, cell_where(answers, k, {{"schooljaar", jaar}, {"richting", "minder-intensief"}}, "waarde"),
                    cell_where(answers, k, {{"schooljaar", jaar}, {"richting", "intensiever"}}, "waarde"),
                    [](double x, double y) { return y > 0 ? x / y : NAN; });
      } else if (id == "wachtlijst" && row["maat"] == "bezettingsgraad") {
        const std::string v = text("voorziening_id");
        auto plaatsen = cell_where(answers, k, {{"voorziening_id", v}, {"maat", "plaatsen"}}, "waarde");
        add_derived({k, i, "waarde"}, cell_where(answers, k, {{"voorziening_id", v}, {"maat", "bezet"}}, "waarde"), plaatsen,
                    [](double x, double y) { return y > 0 ? 100 * x / y : NAN; });
      } else if (id == "tlv_aanvragen_mei_juli" && row["maat"] == "aandeel") {
        const std::string jaar = text("schooljaar");
        add_derived({k, i, "waarde"}, cell_where(answers, k, {{"schooljaar", jaar}, {"maat", "mei_juli"}}, "waarde"),
                    cell_where(answers, k, {{"schooljaar", jaar}, {"maat", "aanvragen"}}, "waarde"),
                    [](double x, double y) { return y > 0 ? 100 * x / y : NAN; });
      }
    }
    // Thuiszitters per school or reason add up to the active thuiszitters of that date (a pupil
    // with reports at two schools or with two reasons counts under both).
    if ((id == "thuiszitters_per_school" || id == "thuiszitters_per_reden") && !a.published.empty())
      if (auto actief = cell_where(answers, key("thuiszitters", "at", date), {{"maat", "actief"}}, "waarde")) {
        Sum s{{}, *actief, true, true};
        for (size_t i = 0; i < a.published.size(); ++i) s.parts.push_back({k, i, "waarde"});
        attacker.sums.push_back(std::move(s));
      }
    // Flows: into a setting add up to the pupils on the teldatum, out of one to those a year
    // earlier, and the three directions of `richting` are sums of flows.
    if (id == "stromen") {
      std::map<std::string, std::vector<Sum>> per_year;
      for (size_t i = 0; i < a.published.size(); ++i) {
        const json& row = a.published[i];
        const std::string jaar = row["schooljaar"].get<std::string>(), van = row["van"].get<std::string>(),
                          naar = row["naar"].get<std::string>();
        auto& year = per_year[jaar];
        if (year.empty()) {
          const std::string t = jaar.substr(0, 4) + "-10-01", before = std::to_string(std::stoi(jaar.substr(0, 4)) - 1) + "-10-01";
          auto richting = [&](const char* r) { return cell_where(answers, "richting", {{"schooljaar", jaar}, {"richting", r}}, "waarde"); };
          for (auto total : {leerlingen(t, "totaal"), leerlingen(before, "totaal"), richting("intensiever"),
                             richting("minder-intensief"), richting("direct-gespecialiseerd")})
            year.push_back({{}, total.value_or(CellRef{"", 0, ""}), false, false});
        }
        const CellRef cell{k, i, "waarde"};
        if (naar != "buiten") year[0].parts.push_back(cell);
        if (van != "buiten") year[1].parts.push_back(cell);
        if (van != "buiten" && naar != "buiten" && rank(naar) > rank(van)) year[2].parts.push_back(cell);
        if (van != "buiten" && naar != "buiten" && rank(naar) < rank(van)) year[3].parts.push_back(cell);
        if (van == "buiten" && naar != "buiten" && rank(naar) >= 1) year[4].parts.push_back(cell);
      }
      for (auto& [jaar, year] : per_year)
        for (Sum& s : year)
          if (!s.total.answer.empty()) attacker.sums.push_back(std::move(s));
    }
  }
}

// How an answer is published; the old behaviour (counts 1-4 only) for the test that the attacker
// can win.
using Publisher = std::function<Answer(const MeasureTable&)>;

Answer as_published(const MeasureTable& table) {
  Answer a{measure_rows_json(table, true), {}, measure_rows_json(table, false)};
  for (const auto& cell : suppressed_cells_json(table))
    if (cell["reden"] == "aanvullend") a.hidden.insert({cell["rij"].get<size_t>(), cell["kolom"].get<std::string>()});
  return a;
}

Answer primary_only(const MeasureTable& table) {
  Answer a{measure_rows_json(table, false), {}, measure_rows_json(table, false)};
  for (auto& row : a.published)
    for (auto& value : row)
      if (value.is_number_integer() && value.get<int64_t>() >= 1 && value.get<int64_t>() <= 4) value = "<5";
  return a;
}

class DisclosureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    ASSERT_EQ(test::run_stroom({"generate", "--out", (*dir_ / "csv").string(), "--pupils", "600", "--from", "2018",
                                "--to", "2021", "--seed", "9"}).exit_code, 0);
    ASSERT_EQ(test::run_stroom({"import", (*dir_ / "csv").string(), "--db", (*dir_ / "d.db").string()}).exit_code, 0);
    auto db = open_store(*dir_ / "d.db");
    region_ = new RegionModel(load_region(*db));
  }
  static void TearDownTestSuite() {
    delete region_;
    delete dir_;
  }

  // The allowed dates: the first day of every month from the first teldatum's school year to the
  // data's last date (teldata, 1 October, are among them).
  static std::vector<Date> allowed_dates() {
    const std::vector<Date> t = teldata(region_->enrolments);
    std::vector<Date> dates;
    for (Date d = SchoolYear{t.front().year()}.first_day(); d <= *region_->enrolments.latest_date();) {
      dates.push_back(d);
      const auto c = d.civil();
      d = *Date::from_ymd(c.month == 12 ? c.year + 1 : c.year, c.month % 12 + 1, 1);
    }
    return dates;
  }

  // Every registered measure with each value of the parameters it takes (none where optional).
  static Answers answers(const Publisher& publish, const std::set<std::string>& only = {}) {
    Answers out;
    const std::vector<Date> dates = allowed_dates();
    for (const auto& m : measure_registry()) {
      if (!only.empty() && !only.count(std::string(m.id))) continue;
      auto takes = [&](Parameter p) { return std::ranges::count(m.required, p) + std::ranges::count(m.optional, p) > 0; };
      auto add = [&](const std::string& k, const MeasureParameters& p) { out[k] = publish(compute_measure(m, *region_, p)); };
      if (m.required.empty()) add(key(m.id), {});
      for (Parameter p : {Parameter::at, Parameter::peildatum})
        if (takes(p))
          for (Date d : dates) {
            MeasureParameters parameters;
            (p == Parameter::at ? parameters.at : parameters.peildatum) = d;
            add(key(m.id, std::string(parameter_flag(p).substr(2)), d.iso()), parameters);
          }
      if (takes(Parameter::ijkjaar))
        for (Date t : teldata(region_->enrolments)) {
          MeasureParameters parameters;
          parameters.ijkjaar = t.year();
          add(key(m.id, "ijkjaar", std::to_string(t.year())), parameters);
        }
    }
    return out;
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline RegionModel* region_ = nullptr;
};

TEST_F(DisclosureTest, NoSuppressedCellOfAnyMeasureCanBeRecovered) {
  const Answers all = answers(as_published);
  Attacker attacker(all);
  cross_answer_knowledge(all, attacker);
  std::vector<std::string> unsound;
  size_t examined = 0;
  const auto recovered = attacker.recoveries(unsound, examined);
  for (size_t i = 0; i < std::min<size_t>(recovered.size(), 20); ++i) ADD_FAILURE() << "teruggerekend: " << recovered[i];
  EXPECT_EQ(recovered.size(), 0u);
  // The attacker's knowledge is true: every truth lies in the ranges it derives.
  for (size_t i = 0; i < std::min<size_t>(unsound.size(), 10); ++i) ADD_FAILURE() << "onjuiste aanname: " << unsound[i];
  size_t complementary = 0, measures_with_sums = 0;
  for (const auto& [k, a] : all) complementary += a.hidden.size();
  std::set<std::string> summed;
  for (const Sum& s : attacker.sums) summed.insert(s.parts.empty() ? s.total.answer : s.parts[0].answer.substr(0, s.parts[0].answer.find('?')));
  measures_with_sums = summed.size();
  EXPECT_GT(examined, 200u) << "the region is small enough for suppression to matter";
  EXPECT_GT(complementary, 10u) << "complementary suppression was never exercised";
  EXPECT_GE(measures_with_sums, 5u);  // leerlingen, tlv_toegekend, stromen, and the two thuiszitter breakdowns
  EXPECT_GT(attacker.derived.size(), 200u);
}

TEST_F(DisclosureTest, TheAttackerRecoversCellsWhenOnlySmallCountsAreSuppressed) {
  const Answers old = answers(primary_only, {"leerlingen", "stromen", "richting", "tlv_toegekend", "thuiszitters",
                                             "thuiszitters_per_school", "thuiszitters_per_reden", "deelname"});
  Attacker attacker(old);
  cross_answer_knowledge(old, attacker);
  std::vector<std::string> unsound;
  size_t examined = 0;
  const auto recovered = attacker.recoveries(unsound, examined);
  EXPECT_GT(recovered.size(), 5u);
  EXPECT_EQ(unsound.size(), 0u);
}

// A hand-made day of `leerlingen`: isk is 3, nobody is in two settings, so with counts 1-4 alone
// suppressed isk = totaal - the rest.
TEST(Disclosure, SubtractionFromTheTotalIsBlockedByAComplementaryCell) {
  MeasureTable table{{"datum", "onderwijssoort", "waarde"}, {}};
  const std::vector<std::pair<std::string, int64_t>> counts = {{"bao", 400}, {"sbo", 12}, {"so", 8},  {"vo", 0},
                                                               {"pro", 0},   {"vso", 0},  {"isk", 3}, {"totaal", 423}};
  for (const auto& [soort, n] : counts)
    table.rows.push_back({MeasureCell::text("2019-10-01"), MeasureCell::text(soort), MeasureCell::of_count(n)});
  const auto attack = [&](const Answer& a) {
    Answers answers = {{"leerlingen?at=2019-10-01", a}};
    Attacker attacker(answers);
    cross_answer_knowledge(answers, attacker);
    std::vector<std::string> unsound;
    size_t examined = 0;
    return attacker.recoveries(unsound, examined);
  };
  EXPECT_EQ(attack(primary_only(table)), std::vector<std::string>{"leerlingen?at=2019-10-01 rij 6 waarde = 3 (som, niemand dubbel)"});
  const Answer published = as_published(table);
  EXPECT_EQ(attack(published), std::vector<std::string>{});
  EXPECT_EQ(published.published[6]["waarde"], "<5");
  EXPECT_EQ(published.published[2]["waarde"], nullptr);  // so, the smallest count of 5 or more
  EXPECT_EQ(published.published[7]["waarde"], 423);
  // Two small counts that reach their total's lower end: 4 + 4 of a published 8 would be known;
  // with nothing else to hide, the total goes.
  MeasureTable pair{{"schooljaar", "categorie", "waarde"}, {}};
  for (const auto& [c, n] : std::vector<std::pair<std::string, int64_t>>{{"laag", 4}, {"hoog", 4}, {"totaal", 8}})
    pair.rows.push_back({MeasureCell::text("2020-2021"), MeasureCell::text(c), MeasureCell::of_count(n)});
  EXPECT_EQ(measure_rows_json(pair, true)[2]["waarde"], nullptr);
  EXPECT_EQ(render_measure(pair, OutputFormat::csv, true), "schooljaar;categorie;waarde\n2020-2021;laag;<5\n2020-2021;hoog;<5\n2020-2021;totaal;\n");
}

// A hand-made thuiszitters_per_reden: four reasons of one pupil each, actief 4 published as "<5"
// elsewhere. Row by row, the four "<5" rows pin actief at 4 and each row at 1; merged, one
// `overig` row of "<5" says no more than actief.
TEST(Disclosure, SmallRowsOfABreakdownMergeIntoOverig) {
  auto breakdown = [](const std::vector<std::pair<std::string, int64_t>>& counts, int64_t actief) {
    MeasureTable table{{"datum", "reden", "waarde"}, {}};
    for (const auto& [reden, n] : counts)
      table.rows.push_back({MeasureCell::text("2020-09-01"), MeasureCell::text(reden), MeasureCell::of_count(n)});
    AdditiveGroup all{2, {}, std::nullopt, actief};
    for (size_t r = 0; r < table.rows.size(); ++r) all.parts.push_back(r);
    table.groups.push_back(all);
    table.mergeable = MergeableRows{1, 2};
    return table;
  };
  const MeasureTable four = breakdown({{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}}, 4);
  MeasureTable actief{{"datum", "maat", "waarde"}, {{MeasureCell::text("2020-09-01"), MeasureCell::text("actief"), MeasureCell::of_count(4)}}};
  const auto attack = [&](const Answer& a) {
    Answers answers = {{"thuiszitters_per_reden?at=2020-09-01", a}, {"thuiszitters?at=2020-09-01", as_published(actief)}};
    Attacker attacker(answers);
    cross_answer_knowledge(answers, attacker);
    std::vector<std::string> unsound;
    size_t examined = 0;
    return attacker.recoveries(unsound, examined);
  };
  EXPECT_EQ(attack(primary_only(four)).size(), 5u);  // actief and the four rows
  EXPECT_EQ(attack(as_published(four)), std::vector<std::string>{});
  EXPECT_EQ(render_measure(four, OutputFormat::csv, true), "datum;reden;waarde\n2020-09-01;overig;<5\n");
  EXPECT_EQ(render_measure(four, OutputFormat::csv, false),
            "datum;reden;waarde\n2020-09-01;a;1\n2020-09-01;b;1\n2020-09-01;c;1\n2020-09-01;d;1\n");
  // Small rows merge; a merged row still 1-4 takes the smallest other row in, so no "<5" is left
  // to subtract from a published actief.
  EXPECT_EQ(render_measure(breakdown({{"a", 7}, {"b", 6}, {"c", 1}, {"d", 2}}, 16), OutputFormat::csv, true),
            "datum;reden;waarde\n2020-09-01;a;7\n2020-09-01;overig;9\n");
  EXPECT_EQ(render_measure(breakdown({{"a", 7}, {"overig", 5}, {"c", 3}, {"d", 2}}, 17), OutputFormat::csv, true),
            "datum;reden;waarde\n2020-09-01;a;7\n2020-09-01;overig;10\n");
}

}  // namespace
}  // namespace stroom
