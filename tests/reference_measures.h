// Plain, obviously-correct reference implementations of maatboek measures, sharing no code with
// src/: rows as strings, dates as ISO text, sets and maps, a textbook day count. Tests compare
// stroom's CSV output with these on hand-made and generated data.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace stroom::test {

struct ReferenceSpell {
  std::string pupil, setting, start, end;  // end "" = open
  std::string cluster = "", niveau = "";   // "" = onbekend
};
struct ReferenceCount {  // a tellingen row
  std::string teldatum, gebied, setting, aantal;
};
struct ReferenceAbsence {
  std::string pupil, thuiszitter, start, end;  // end "" = open (exclusive)
};

// Rows straight from an imported database (plain SQL through the sqlite3 C API).
std::vector<ReferenceSpell> read_reference_spells(const std::filesystem::path& db);
std::vector<ReferenceAbsence> read_reference_absences(const std::filesystem::path& db);
std::vector<ReferenceCount> read_reference_counts(const std::filesystem::path& db);

// leerlingen: (datum, onderwijssoort or "totaal") -> distinct pupils, for every teldatum of the
// maatboek definition, read from an inschrijvingen.csv text with ';' and no quoted fields.
std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::string& csv);
std::map<std::pair<std::string, std::string>, long> reference_leerlingen(const std::vector<ReferenceSpell>& spells);

// The CSV output (`--format csv`) each measure must print.
std::string reference_leerlingen_csv(const std::vector<ReferenceSpell>& spells);
std::string reference_stromen_csv(const std::vector<ReferenceSpell>& spells);
std::string reference_verblijfsduur_csv(const std::vector<ReferenceSpell>& spells, const std::string& peildatum);
// The Kaplan-Meier curve behind verblijfsduur: setting -> (t, S(t)) at every event time, ascending.
std::map<std::string, std::vector<std::pair<long, double>>> reference_kaplan_meier(
    const std::vector<ReferenceSpell>& spells, const std::string& peildatum);
std::string reference_thuiszitters_csv(const std::vector<ReferenceSpell>& spells,
                                       const std::vector<ReferenceAbsence>& absences, const std::string& date);

// The Inzicht measures (inzicht.md) as CSV: leerlingen_cluster and leerlingen_niveau on every
// teldatum, verwachting with its Poisson tails by the direct sum, vergelijking against a gebied.
std::string reference_leerlingen_cluster_csv(const std::vector<ReferenceSpell>& spells);
std::string reference_leerlingen_niveau_csv(const std::vector<ReferenceSpell>& spells);
std::string reference_verwachting_csv(const std::vector<ReferenceSpell>& spells, int ijkjaar);
std::string reference_vergelijking_csv(const std::vector<ReferenceSpell>& spells, const std::vector<ReferenceCount>& counts,
                                       const std::string& gebied);

}  // namespace stroom::test
