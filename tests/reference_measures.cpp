// Reference measures; see reference_measures.h. Deliberately naive: clarity over speed.
#include "reference_measures.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
#include <stdexcept>

namespace stroom::test {
namespace {

const std::vector<std::string> kSettings = {"bao", "sbo", "so", "vo", "pro", "vso", "isk"};
// Highest intensity first, ties in the maatboek's order: the first one a pupil has dominates.
const std::vector<std::string> kDominance = {"so", "vso", "sbo", "pro", "bao", "vo", "isk"};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ';')) fields.push_back(field);
  if (!line.empty() && line.back() == ';') fields.push_back("");
  return fields;
}

// Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil).
long days(const std::string& iso) {
  long y = std::stol(iso.substr(0, 4));
  const long m = std::stol(iso.substr(5, 2));
  const long d = std::stol(iso.substr(8, 2));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", std::round(value * 100.0) / 100.0);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

bool enrolled(const ReferenceSpell& s, const std::string& t) { return s.start <= t && (s.end.empty() || s.end >= t); }

std::vector<std::string> teldata(const std::vector<ReferenceSpell>& spells) {
  std::string latest, earliest = "9999";
  for (const auto& s : spells) {
    latest = std::max({latest, s.start, s.end});
    earliest = std::min(earliest, s.start);
  }
  std::vector<std::string> dates;
  if (spells.empty()) return dates;
  for (int year = std::stoi(earliest.substr(0, 4)); year <= std::stoi(latest.substr(0, 4)); ++year) {
    const std::string t = std::to_string(year) + "-10-01";
    if (t > latest) break;
    if (std::any_of(spells.begin(), spells.end(), [&](const auto& s) { return enrolled(s, t); })) dates.push_back(t);
  }
  return dates;
}

std::map<std::string, std::string> dominant_on(const std::vector<ReferenceSpell>& spells, const std::string& t) {
  std::map<std::string, std::set<std::string>> settings;
  for (const auto& s : spells)
    if (enrolled(s, t)) settings[s.pupil].insert(s.setting);
  std::map<std::string, std::string> dominant;
  for (const auto& [pupil, set] : settings)
    for (const auto& candidate : kDominance)
      if (set.count(candidate)) {
        dominant[pupil] = candidate;
        break;
      }
  return dominant;
}

std::string query_text(sqlite3_stmt* statement, int column) {
  auto* text = sqlite3_column_text(statement, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

std::vector<std::vector<std::string>> read_text_rows(const std::filesystem::path& db_path, const char* sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + db_path.string());
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    rows.emplace_back();
    for (int c = 0; c < sqlite3_column_count(statement); ++c) rows.back().push_back(query_text(statement, c));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

template <typename Row>
std::vector<Row> read_rows(const std::filesystem::path& db_path, const char* sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + db_path.string());
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  std::vector<Row> rows;
  while (sqlite3_step(statement) == SQLITE_ROW)
    rows.push_back({query_text(statement, 0), query_text(statement, 1), query_text(statement, 2), query_text(statement, 3)});
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

}  // namespace

std::vector<ReferenceSpell> read_reference_spells(const std::filesystem::path& db) {
  std::vector<ReferenceSpell> spells;
  for (auto& r : read_text_rows(db, "SELECT leerling_id, onderwijssoort, startdatum, ifnull(einddatum, ''), "
                                    "ifnull(cluster, ''), ifnull(niveau, '') FROM inschrijvingen"))
    spells.push_back({r[0], r[1], r[2], r[3], r[4], r[5]});
  return spells;
}

std::vector<ReferenceCount> read_reference_counts(const std::filesystem::path& db) {
  std::vector<ReferenceCount> counts;
  for (auto& r : read_text_rows(db, "SELECT teldatum, gebied, onderwijssoort, aantal FROM tellingen"))
    counts.push_back({r[0], r[1], r[2], r[3]});
  return counts;
}

std::vector<ReferenceAbsence> read_reference_absences(const std::filesystem::path& db) {
  return read_rows<ReferenceAbsence>(db, "SELECT leerling_id, thuiszitter, startdatum, einddatum FROM verzuim");
}

std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  auto column = [&](const std::string& name) {
    return size_t(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t id = column("leerling_id"), soort = column("onderwijssoort"), start = column("startdatum"),
               end = column("einddatum");
  std::vector<ReferenceSpell> spells;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = split(line);
    f.resize(header.size());
    spells.push_back({f[id], f[soort], f[start], end < f.size() ? f[end] : ""});
  }
  return reference_leerlingen(spells);
}

std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::vector<ReferenceSpell>& spells) {
  std::map<std::pair<std::string, std::string>, long> counts;
  for (const auto& t : teldata(spells)) {
    std::map<std::string, std::set<std::string>> pupils;
    for (const auto& s : spells)
      if (enrolled(s, t)) {
        pupils[s.setting].insert(s.pupil);
        pupils["totaal"].insert(s.pupil);
      }
    for (const auto& setting : kSettings) counts[{t, setting}] = long(pupils[setting].size());
    counts[{t, "totaal"}] = long(pupils["totaal"].size());
  }
  return counts;
}

std::string reference_leerlingen_csv(const std::vector<ReferenceSpell>& spells) {
  const auto counts = reference_leerlingen(spells);
  std::string out = "datum;onderwijssoort;waarde\n";
  for (const auto& t : teldata(spells)) {
    for (const auto& setting : kSettings) out += t + ";" + setting + ";" + std::to_string(counts.at({t, setting})) + "\n";
    out += t + ";totaal;" + std::to_string(counts.at({t, "totaal"})) + "\n";
  }
  return out;
}

std::string reference_stromen_csv(const std::vector<ReferenceSpell>& spells) {
  const auto dates = teldata(spells);
  std::vector<std::string> ends = kSettings;
  ends.push_back("buiten");
  std::string out = "schooljaar;van;naar;waarde\n";
  for (size_t i = 1; i < dates.size(); ++i) {
    const int year = std::stoi(dates[i].substr(0, 4));
    if (dates[i - 1] != std::to_string(year - 1) + "-10-01") continue;
    auto before = dominant_on(spells, dates[i - 1]);
    auto after = dominant_on(spells, dates[i]);
    std::map<std::pair<std::string, std::string>, long> flows;
    std::set<std::string> pupils;
    for (const auto& [p, s] : before) pupils.insert(p);
    for (const auto& [p, s] : after) pupils.insert(p);
    for (const auto& p : pupils)
      ++flows[{before.count(p) ? before[p] : "buiten", after.count(p) ? after[p] : "buiten"}];
    const std::string label = std::to_string(year) + "-" + std::to_string(year + 1);
    for (const auto& van : ends)
      for (const auto& naar : ends)
        if (flows.count({van, naar})) out += label + ";" + van + ";" + naar + ";" + std::to_string(flows[{van, naar}]) + "\n";
  }
  return out;
}

namespace {

// verblijfsduur steps 1-2: setting -> (days, event) of the merged stays started by the peildatum.
std::map<std::string, std::vector<std::pair<long, bool>>> reference_durations(const std::vector<ReferenceSpell>& spells,
                                                                             const std::string& peildatum) {
  std::map<std::pair<std::string, std::string>, std::vector<ReferenceSpell>> groups;
  for (const auto& s : spells) groups[{s.setting, s.pupil}].push_back(s);
  const long peil = days(peildatum);
  std::map<std::string, std::vector<std::pair<long, bool>>> durations;  // setting -> (days, event)
  for (auto& [key, list] : groups) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<std::pair<long, long>> merged;  // start, end (-1 = open)
    for (const auto& s : list) {
      const long start = days(s.start);
      const long end = s.end.empty() ? -1 : days(s.end);
      if (!merged.empty() && (merged.back().second == -1 || start - merged.back().second - 1 <= 7)) {
        if (merged.back().second != -1) merged.back().second = end == -1 ? -1 : std::max(merged.back().second, end);
        continue;
      }
      merged.push_back({start, end});
    }
    for (const auto& [start, end] : merged) {
      if (start > peil) continue;
      if (end != -1 && end <= peil)
        durations[key.first].push_back({end - start + 1, true});
      else
        durations[key.first].push_back({peil - start + 1, false});
    }
  }
  return durations;
}

// Step 3, counted afresh at every event time.
std::vector<std::pair<long, double>> reference_curve(const std::vector<std::pair<long, bool>>& list) {
  std::set<long> event_times;
  for (const auto& d : list)
    if (d.second) event_times.insert(d.first);
  double survival = 1.0;
  std::vector<std::pair<long, double>> curve;
  for (long t : event_times) {
    long at_risk = 0, events = 0;
    for (const auto& d : list) {
      at_risk += d.first >= t;
      events += d.second && d.first == t;
    }
    survival *= 1.0 - double(events) / double(at_risk);
    curve.push_back({t, survival});
  }
  return curve;
}

}  // namespace

std::map<std::string, std::vector<std::pair<long, double>>> reference_kaplan_meier(
    const std::vector<ReferenceSpell>& spells, const std::string& peildatum) {
  std::map<std::string, std::vector<std::pair<long, double>>> out;
  for (const auto& [setting, list] : reference_durations(spells, peildatum)) out[setting] = reference_curve(list);
  return out;
}

std::string reference_verblijfsduur_csv(const std::vector<ReferenceSpell>& spells, const std::string& peildatum) {
  auto durations = reference_durations(spells, peildatum);
  std::string out = "onderwijssoort;n;gecensureerd;waarde\n";
  for (const auto& setting : kSettings) {
    auto& list = durations[setting];
    if (list.empty()) continue;
    long censored = 0;
    for (const auto& d : list) censored += !d.second;
    std::string median;
    for (const auto& [t, survival] : reference_curve(list))
      if (survival <= 0.5 + 1e-12) {
        median = std::to_string(t);
        break;
      }
    out += setting + ";" + std::to_string(list.size()) + ";" + std::to_string(censored) + ";" + median + "\n";
  }
  return out;
}

std::string reference_thuiszitters_csv(const std::vector<ReferenceSpell>& spells,
                                       const std::vector<ReferenceAbsence>& absences, const std::string& date) {
  std::set<std::string> pupils;
  std::vector<long> weeks;
  for (const auto& a : absences)
    if (a.thuiszitter == "ja" && a.start <= date && (a.end.empty() || a.end > date)) {
      pupils.insert(a.pupil);
      weeks.push_back((days(date) - days(a.start)) / 7);
    }
  std::string latest;
  for (const auto& t : teldata(spells))
    if (t <= date) latest = t;
  std::string per1000;
  if (!latest.empty()) {
    std::set<std::string> enrolled_pupils;
    for (const auto& s : spells)
      if (enrolled(s, latest)) enrolled_pupils.insert(s.pupil);
    per1000 = number(1000.0 * double(pupils.size()) / double(enrolled_pupils.size()));
  }
  std::string median;
  if (!weeks.empty()) {
    std::sort(weeks.begin(), weeks.end());
    const size_t m = weeks.size() / 2;
    median = weeks.size() % 2 ? std::to_string(weeks[m]) : number((weeks[m - 1] + weeks[m]) / 2.0);
  }
  return "datum;maat;waarde\n" + date + ";actief;" + std::to_string(pupils.size()) + "\n" + date + ";per1000;" +
         per1000 + "\n" + date + ";mediaan_weken;" + median + "\n";
}

}  // namespace stroom::test

namespace stroom::test {
namespace {

// Distinct pupils enrolled on t in `setting` with a spell whose `field` is `value`.
long pupils_with(const std::vector<ReferenceSpell>& spells, const std::string& t, const std::string& setting,
                 std::string ReferenceSpell::*field, const std::string& value) {
  std::set<std::string> pupils;
  for (const auto& s : spells)
    if (enrolled(s, t) && s.setting == setting && s.*field == value) pupils.insert(s.pupil);
  return long(pupils.size());
}

long pupils_in(const std::vector<ReferenceSpell>& spells, const std::string& t, const std::set<std::string>& settings) {
  std::set<std::string> pupils;
  for (const auto& s : spells)
    if (enrolled(s, t) && settings.count(s.setting)) pupils.insert(s.pupil);
  return long(pupils.size());
}

std::string breakdown_csv(const std::vector<ReferenceSpell>& spells, const std::string& column,
                          std::string ReferenceSpell::*field,
                          const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
  std::string out = "datum;onderwijssoort;" + column + ";waarde\n";
  for (const auto& t : teldata(spells))
    for (const auto& [setting, values] : rows)
      for (const auto& value : values)
        out += t + ";" + setting + ";" + (value.empty() ? "onbekend" : value) + ";" +
               std::to_string(pupils_with(spells, t, setting, field, value)) + "\n";
  return out;
}

// P(X <= k) for X ~ Poisson(mean), the textbook sum (long double reaches e^-11000).
long double poisson_at_most(long k, long double mean) {
  long double term = std::exp(-mean), sum = 0;
  for (long i = 0; i <= k; ++i) {
    sum += term;
    term *= mean / (i + 1);
  }
  return sum;
}

}  // namespace

std::string reference_leerlingen_cluster_csv(const std::vector<ReferenceSpell>& spells) {
  const std::vector<std::string> clusters = {"1", "2", "3", "4", ""};
  return breakdown_csv(spells, "cluster", &ReferenceSpell::cluster, {{"so", clusters}, {"vso", clusters}});
}

std::string reference_leerlingen_niveau_csv(const std::vector<ReferenceSpell>& spells) {
  return breakdown_csv(spells, "niveau", &ReferenceSpell::niveau,
                       {{"vo", {"brug", "vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo", ""}},
                        {"vso", {"vervolgonderwijs", "arbeidsmarkt", "dagbesteding", ""}}});
}

std::string reference_verwachting_csv(const std::vector<ReferenceSpell>& spells, int ijkjaar) {
  const std::string base = std::to_string(ijkjaar) + "-10-01";
  const std::set<std::string> po = {"bao", "sbo", "so"}, vo = {"vo", "pro", "vso", "isk"};
  struct Group {
    std::string label, setting, cluster;  // cluster "" = every cluster
  };
  std::vector<Group> groups;
  for (const auto& s : kSettings) groups.push_back({s, s, ""});
  for (const std::string s : {"so", "vso"})
    for (const std::string c : {"1", "2", "3", "4"}) groups.push_back({s + "-" + c, s, c});
  auto count = [&](const Group& g, const std::string& t) {
    if (g.cluster.empty()) return pupils_in(spells, t, {g.setting});
    return pupils_with(spells, t, g.setting, &ReferenceSpell::cluster, g.cluster);
  };
  std::string out = "datum;groep;waargenomen;verwacht;verschil_pct;oordeel\n";
  for (const auto& t : teldata(spells)) {
    if (t <= base) continue;
    for (const auto& g : groups) {
      const auto& sector = po.count(g.setting) ? po : vo;
      const long observed = count(g, t), then = count(g, base);
      const long sector_now = pupils_in(spells, t, sector), sector_then = pupils_in(spells, base, sector);
      out += t + ";" + g.label + ";" + std::to_string(observed) + ";";
      if (then == 0 || sector_then == 0) {
        out += ";;\n";
        continue;
      }
      const double expected = double(then) * double(sector_now) / double(sector_then);
      out += number(expected) + ";";
      if (expected > 0) out += number(100.0 * (double(observed) / expected - 1.0));
      const long double at_least = observed == 0 ? 1.0L : 1.0L - poisson_at_most(observed - 1, expected);
      const long double at_most = poisson_at_most(observed, expected);
      out += std::string(";") + (at_least < 0.025L ? "boven" : at_most < 0.025L ? "onder" : "ruis") + "\n";
    }
  }
  return out;
}

std::string reference_vergelijking_csv(const std::vector<ReferenceSpell>& spells, const std::vector<ReferenceCount>& counts,
                                       const std::string& gebied) {
  const std::vector<std::pair<std::string, std::string>> rates = {{"sbo", "bao"}, {"so", "bao"}, {"pro", "vo"}, {"vso", "vo"}};
  std::string out = "datum;onderwijssoort;regio;gebied\n";
  for (const auto& t : teldata(spells)) {
    std::map<std::string, long> sum;
    bool any = false;
    for (const auto& c : counts)
      if (c.teldatum == t && c.gebied == gebied) {
        any = true;
        sum[c.setting] += std::stol(c.aantal);
      }
    if (!any) continue;
    for (const auto& [setting, denominator] : rates) {
      const long part = pupils_in(spells, t, {setting}), whole = pupils_in(spells, t, {denominator});
      out += t + ";" + setting + ";" + (whole > 0 ? number(100.0 * double(part) / double(whole)) : "") + ";";
      if (sum.count(denominator) && sum[denominator] > 0)
        out += number(100.0 * double(sum[setting]) / double(sum[denominator]));
      out += "\n";
    }
  }
  return out;
}

}  // namespace stroom::test
