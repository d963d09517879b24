// Reference measures; see reference_measures.h. Deliberately naive: clarity over speed.
#include "reference_measures.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <vector>

namespace stroom::test {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ';')) fields.push_back(field);
  if (!line.empty() && line.back() == ';') fields.push_back("");
  return fields;
}

struct Spell {
  std::string pupil, setting, start, end;  // ISO dates compare correctly as strings
};

}  // namespace

std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return header.size();
  };
  const size_t id = column("leerling_id"), soort = column("onderwijssoort"),
               start = column("startdatum"), end = column("einddatum");
  std::vector<Spell> spells;
  std::string latest;
  std::string earliest = "9999";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = split(line);
    f.resize(header.size());
    spells.push_back({f[id], f[soort], f[start], f[end]});
    latest = std::max({latest, f[start], f[end]});
    earliest = std::min(earliest, f[start]);
  }
  std::map<std::pair<std::string, std::string>, long> counts;
  for (int year = std::stoi(earliest.substr(0, 4)); year <= std::stoi(latest.substr(0, 4)); ++year) {
    const std::string t = std::to_string(year) + "-10-01";
    if (t > latest) break;
    std::map<std::string, std::set<std::string>> pupils;
    for (const auto& s : spells) {
      if (s.start <= t && (s.end.empty() || s.end >= t)) {
        pupils[s.setting].insert(s.pupil);
        pupils["totaal"].insert(s.pupil);
      }
    }
    if (pupils["totaal"].empty()) continue;
    for (const char* setting : {"bao", "sbo", "so", "vo", "pro", "vso", "isk", "totaal"})
      counts[{t, setting}] = long(pupils[setting].size());
  }
  return counts;
}

}  // namespace stroom::test
