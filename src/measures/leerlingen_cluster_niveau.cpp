// Pupils per cluster and per niveau; see leerlingen_cluster_niveau.h.
#include "measures/leerlingen_cluster_niveau.h"

#include <array>

#include "measures/group_counts.h"
#include "measures/pupil_counts.h"
#include "model/code_tables.h"

namespace stroom {
namespace {

// One row label of a breakdown: the setting and the cluster or niveau shown.
struct GroupRow {
  Setting setting;
  std::string_view label;
};

constexpr std::array<GroupRow, kClusterGroups> kClusterRows = {{
    {Setting::so, "1"}, {Setting::so, "2"}, {Setting::so, "3"}, {Setting::so, "4"}, {Setting::so, "onbekend"},
    {Setting::vso, "1"}, {Setting::vso, "2"}, {Setting::vso, "3"}, {Setting::vso, "4"}, {Setting::vso, "onbekend"}}};

// vo: brug .. vwo then onbekend; vso: vervolgonderwijs .. dagbesteding then onbekend.
constexpr size_t kVoNiveaus = 6, kVsoNiveaus = 3;
constexpr std::array<GroupRow, kVoNiveaus + kVsoNiveaus + 2> kNiveauRows = {{
    {Setting::vo, "brug"}, {Setting::vo, "vmbo-b"}, {Setting::vo, "vmbo-k"}, {Setting::vo, "vmbo-gt"},
    {Setting::vo, "havo"}, {Setting::vo, "vwo"}, {Setting::vo, "onbekend"},
    {Setting::vso, "vervolgonderwijs"}, {Setting::vso, "arbeidsmarkt"}, {Setting::vso, "dagbesteding"},
    {Setting::vso, "onbekend"}}};

// A niveau of the other setting (a vso exit profile on a vo spell) is in none of the rows.
int niveau_group_of(const EnrolmentColumns& e, size_t i) {
  const auto niveau = Niveau(e.niveau[i]);
  if (Setting(e.setting[i]) == Setting::vo) {
    if (niveau == Niveau::none) return int(kVoNiveaus);
    if (niveau >= Niveau::brug && niveau <= Niveau::vwo) return int(niveau) - int(Niveau::brug);
    return kNoGroup;
  }
  if (Setting(e.setting[i]) == Setting::vso) {
    constexpr int first = int(kVoNiveaus) + 1;
    if (niveau == Niveau::none) return first + int(kVsoNiveaus);
    if (niveau >= Niveau::vervolgonderwijs) return first + int(niveau) - int(Niveau::vervolgonderwijs);
    return kNoGroup;
  }
  return kNoGroup;
}

template <size_t N>
MeasureTable breakdown(const RegionModel& region, const MeasureParameters& parameters, const char* column,
                       const std::array<GroupRow, N>& rows, int (*group_of)(const EnrolmentColumns&, size_t)) {
  const EnrolmentColumns& e = region.enrolments;
  const std::vector<Date> dates = parameters.at ? std::vector<Date>{*parameters.at} : teldata(e);
  const auto counts = count_pupils_per_group(e, dates, N, [&](size_t i) { return group_of(e, i); });
  const auto settings = count_pupils(SettingMasks(e, dates));
  MeasureTable table{{"datum", "onderwijssoort", column, "waarde"}, {}};
  for (size_t d = 0; d < dates.size(); ++d) {
    // The rows of one setting add up to at least leerlingen(setting) on the date, which that
    // measure publishes (a pupil with two spells of different clusters counts in both).
    AdditiveGroup group{3, {}, std::nullopt, std::nullopt};
    for (size_t g = 0; g < N; ++g) {
      if (g > 0 && rows[g].setting != rows[g - 1].setting) {
        table.groups.push_back(group);
        group = AdditiveGroup{3, {}, std::nullopt, std::nullopt};
      }
      group.parts.push_back(table.rows.size());
      group.total_elsewhere = settings[d][size_t(rows[g].setting)];
      table.rows.push_back({MeasureCell::text(dates[d].iso()), MeasureCell::text(std::string(setting_code(rows[g].setting))),
                            MeasureCell::text(std::string(rows[g].label)), MeasureCell::of_count(counts[d][g])});
    }
    table.groups.push_back(group);
  }
  return table;
}

MeasureTable per_cluster(const RegionModel& region, const MeasureParameters& parameters) {
  return breakdown(region, parameters, "cluster", kClusterRows, cluster_group_of);
}

MeasureTable per_niveau(const RegionModel& region, const MeasureParameters& parameters) {
  return breakdown(region, parameters, "niveau", kNiveauRows, niveau_group_of);
}

}  // namespace

int cluster_group_of(const EnrolmentColumns& e, size_t i) {
  const auto setting = Setting(e.setting[i]);
  if (setting != Setting::so && setting != Setting::vso) return kNoGroup;
  const int first = setting == Setting::so ? 0 : 5;
  const uint8_t cluster = e.cluster[i];
  return first + (cluster >= 1 && cluster <= 4 ? cluster - 1 : 4);
}

MeasureDefinition leerlingen_cluster_measure() {
  return {"leerlingen_cluster",
          "Leerlingen in so en vso per cluster",
          "Per teldatum (of alleen --at), voor so en vso en per cluster 1, 2, 3, 4 en onbekend (cluster "
          "leeg): het aantal verschillende leerlingen dat op de datum in die onderwijssoort staat met een "
          "inschrijving van dat cluster. Nullen staan erin. Een leerling met op één datum inschrijvingen "
          "van twee clusters telt in beide.",
          "leerlingen",
          "inschrijvingen",
          {},
          {Parameter::at},
          per_cluster};
}

MeasureDefinition leerlingen_niveau_measure() {
  return {"leerlingen_niveau",
          "Leerlingen in vo per niveau en in vso per uitstroomprofiel",
          "Per teldatum (of alleen --at): vo per niveau brug, vmbo-b, vmbo-k, vmbo-gt, havo, vwo en "
          "onbekend, daarna vso per uitstroomprofiel vervolgonderwijs, arbeidsmarkt, dagbesteding en "
          "onbekend (niveau leeg): het aantal verschillende leerlingen dat op de datum in die "
          "onderwijssoort staat met een inschrijving van dat niveau. Nullen staan erin. Een niveau dat "
          "niet bij de onderwijssoort hoort (een uitstroomprofiel bij vo) telt in geen rij.",
          "leerlingen",
          "inschrijvingen",
          {},
          {Parameter::at},
          per_niveau};
}

}  // namespace stroom
