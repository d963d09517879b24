// Reference kwaliteit; see reference_kwaliteit.h. Deliberately naive: clarity over speed.
#include "reference_kwaliteit.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace stroom::test {
namespace {

using Row = std::vector<std::string>;  // NULL is ""

std::vector<Row> query(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path.string());
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) throw std::runtime_error(sql);
  std::vector<Row> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    Row row;
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      auto* text = sqlite3_column_text(statement, c);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

long day_number(const std::string& iso) {
  using namespace std::chrono;
  const year_month_day ymd{year(std::stoi(iso.substr(0, 4))), month(unsigned(std::stoi(iso.substr(5, 2)))),
                           day(unsigned(std::stoi(iso.substr(8, 2))))};
  return sys_days(ymd).time_since_epoch().count();
}

struct Spell {
  std::string pupil, vestiging, setting, cluster, start, end;
};
bool on(const Spell& s, const std::string& t) { return s.start <= t && (s.end.empty() || s.end >= t); }
std::string sector(const std::string& setting) {
  return setting == "bao" || setting == "sbo" || setting == "so" ? "po" : "vo";
}

}  // namespace

std::string reference_kwaliteit_csv(const std::filesystem::path& db) {
  std::set<std::string> known;
  for (const Row& r : query(db, "SELECT vestiging_id FROM vestigingen")) known.insert(r[0]);
  std::vector<Spell> spells;
  for (const Row& r : query(db, "SELECT leerling_id, vestiging_id, onderwijssoort, cluster, startdatum, einddatum FROM inschrijvingen"))
    spells.push_back({r[0], r[1], r[2], r[3], r[4], r[5]});
  std::map<std::string, std::vector<Row>> support;  // per pupil
  for (Row& r : query(db, "SELECT leerling_id, soort, uitkomst, besluitdatum, startdatum, einddatum FROM ondersteuning"))
    support[r[0]].push_back(std::move(r));
  const auto reports = query(db, "SELECT leerling_id, vestiging_id, soort, startdatum FROM verzuim");

  // The teldata of the maatboek: 1 Octobers with someone enrolled, not after the latest date.
  std::string latest, earliest = "9999";
  for (const Spell& s : spells) {
    latest = std::max({latest, s.start, s.end});
    earliest = std::min(earliest, s.start);
  }
  std::vector<std::string> teldata;
  for (int y = spells.empty() ? 1 : std::stoi(earliest.substr(0, 4)); !spells.empty() && y <= std::stoi(latest.substr(0, 4)); ++y) {
    const std::string t = std::to_string(y) + "-10-01";
    bool anyone = false;
    for (const Spell& s : spells) anyone = anyone || on(s, t);
    if (t <= latest && anyone) teldata.push_back(t);
  }

  std::map<std::string, std::vector<Spell>> by_pupil;
  for (const Spell& s : spells) by_pupil[s.pupil].push_back(s);
  auto has_tlv = [&](const std::string& pupil, const std::string& t) {
    for (const Row& d : support[pupil])
      if (d[1] == "tlv" && d[2] == "toegekend" && !d[4].empty() && d[4] <= t && (d[5].empty() || d[5] >= t))
        return true;
    return false;
  };
  auto has_opp = [&](const std::string& pupil, const std::string& t) {
    for (const Row& d : support[pupil]) {
      const std::string start = d[4].empty() ? d[3] : d[4];
      if (d[1] == "opp" && !start.empty() && start <= t && (d[5].empty() || d[5] >= t)) return true;
    }
    return false;
  };

  const std::vector<std::string> names = {"onbekende_vestiging", "dubbele_inschrijving", "speciaal_zonder_tlv",
                                          "opp_ontbreekt", "verzuim_zonder_inschrijving"};
  std::map<std::string, std::map<std::string, long>> per;  // finding -> vestiging -> count
  std::map<std::string, long> totaal;
  for (const Spell& s : spells)
    if (!known.count(s.vestiging)) {
      ++per[names[0]][s.vestiging];
      ++totaal[names[0]];
    }
  for (const auto& [pupil, own] : by_pupil)
    for (const std::string& t : teldata) {
      std::map<std::string, std::set<std::string>> per_sector;
      std::set<std::string> special, due;
      for (const Spell& s : own) {
        if (!on(s, t)) continue;
        per_sector[sector(s.setting)].insert(s.vestiging);
        if (s.setting == "sbo" || ((s.setting == "so" || s.setting == "vso") && s.cluster != "1" && s.cluster != "2"))
          special.insert(s.vestiging);
        if ((s.setting == "sbo" || s.setting == "so" || s.setting == "vso" || s.setting == "pro") &&
            day_number(t) - day_number(s.start) >= 42)
          due.insert(s.vestiging);
      }
      std::set<std::string> double_at;
      for (const auto& [unused, at] : per_sector)
        if (at.size() >= 2) double_at.insert(at.begin(), at.end());
      auto count = [&](const std::string& finding, const std::set<std::string>& at) {
        for (const std::string& v : at) ++per[finding][v];
        ++totaal[finding];
      };
      if (!double_at.empty()) count(names[1], double_at);
      if (!special.empty() && !has_tlv(pupil, t)) count(names[2], special);
      if (!due.empty() && !has_opp(pupil, t)) count(names[3], due);
    }
  for (const Row& r : reports) {
    if (r[2] != "relatief") continue;
    bool enrolled = false;
    for (const Spell& s : by_pupil[r[0]]) enrolled = enrolled || on(s, r[3]);
    if (!enrolled) {
      ++per[names[4]][r[1]];
      ++totaal[names[4]];
    }
  }
  std::string csv = "bevinding;vestiging_id;aantal\n";
  for (const std::string& finding : names) {
    for (const auto& [v, n] : per[finding]) csv += finding + ";" + v + ";" + std::to_string(n) + "\n";
    csv += finding + ";totaal;" + std::to_string(totaal[finding]) + "\n";
  }
  return csv;
}

}  // namespace stroom::test
