// Narrowing the region model to a selection; see region_selection.h and docs/measures.md "Selectie".
#include "measures/region_selection.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "model/code_tables.h"
#include "model/trim.h"

namespace stroom {
namespace {

constexpr size_t kListedChoices = 12;  // an error lists this many choices, then says how many more

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Codes and names are compared without regard to ASCII letter case ("po9901" is PO9901), but a
// vestiging_id exactly: it is a key, and a school user's own vestiging must not match another.
bool same_text(std::string_view a, std::string_view b, std::string_view field) {
  if (field == "vestiging") return a == b;
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// A vestiging's sector: its own `sector`, else the prefix of its SWV code (PO…, VO…), else unknown.
std::optional<Sector> sector_of(const Vestiging& v) {
  if (v.sector) return v.sector;
  if (v.swv.size() >= 2) return parse_code<Sector>(v.swv.substr(0, 2));
  return std::nullopt;
}

// The value a vestiging carries for one selection field ("" when it has none).
std::string value_of(const Vestiging& v, std::string_view field) {
  if (field == "swv") return v.swv;
  if (field == "sector") {
    const auto sector = sector_of(v);
    return sector ? std::string(code_of(*sector)) : std::string();
  }
  if (field == "bestuur") return v.bestuur;
  if (field == "gemeente") return v.gemeente;
  return v.id;
}

bool matches(const Vestiging& v, const RegionSelection& selection) {
  for (std::string_view field : kSelectionNames) {
    const auto& wanted = selection_field(selection, field);
    if (wanted && !same_text(value_of(v, field), *wanted, field)) return false;
  }
  return true;
}

std::string choice_list(const std::set<std::string>& choices) {
  std::vector<std::string> shown;
  for (const std::string& choice : choices) {
    if (shown.size() == kListedChoices) break;
    shown.push_back(choice);
  }
  if (shown.empty()) return "geen vestiging heeft er een";
  std::string list = fmt::format("kies uit {}", fmt::join(shown, ", "));
  if (choices.size() > shown.size()) list += fmt::format(" en nog {} (GET /api/selectie geeft ze alle)", choices.size() - shown.size());
  return list;
}

// Each field must name a value some vestiging carries; then together they must match one.
void check_selection(const RegionModel& region, const RegionSelection& selection, std::string_view prefix) {
  std::vector<std::string> given;
  for (std::string_view field : kSelectionNames) {
    const auto& wanted = selection_field(selection, field);
    if (!wanted) continue;
    given.push_back(fmt::format("{}{} '{}'", prefix, field, *wanted));
    std::set<std::string> choices;
    bool found = false;
    for (const Vestiging& v : region.vestigingen) {
      const std::string value = value_of(v, field);
      if (value.empty()) continue;
      choices.insert(value);
      found = found || same_text(value, *wanted, field);
    }
    if (!found)
      throw MeasureError(fmt::format("onbekende waarde '{}' voor {}{}: {}", *wanted, prefix, field, choice_list(choices)));
  }
  if (std::ranges::none_of(region.vestigingen, [&](const Vestiging& v) { return matches(v, selection); }))
    throw MeasureError(fmt::format("geen vestiging valt in de selectie {}; kies een ruimere selectie", fmt::join(given, " en ")));
}

// keep[i]: vestiging_ids[i] is in the selection.
std::vector<uint8_t> selected_vestigingen(const RegionModel& region, const RegionSelection& selection) {
  std::vector<uint8_t> keep(region.vestiging_ids.size());
  for (const Vestiging& v : region.vestigingen) {
    if (!matches(v, selection)) continue;
    const auto at = std::lower_bound(region.vestiging_ids.begin(), region.vestiging_ids.end(), v.id);
    if (at != region.vestiging_ids.end() && *at == v.id) keep[size_t(at - region.vestiging_ids.begin())] = 1;
  }
  return keep;
}

// One column narrowed to the given rows, in their order.
template <typename T>
void filter_column(const std::vector<T>& from, std::vector<T>& to, const std::vector<uint32_t>& rows) {
  to.reserve(rows.size());
  for (uint32_t i : rows) to.push_back(from[i]);
}

// The voorzieningen of the sectors of the selected vestigingen (a provision without onderwijssoort
// belongs to no single sector: kept only when the selection spans both, or one of its vestigingen
// has no known sector).
std::vector<Provision> selected_provisions(const RegionModel& region, const RegionSelection& selection) {
  bool po = false, vo = false, unknown = false;
  for (const Vestiging& v : region.vestigingen) {
    if (!matches(v, selection)) continue;
    const auto sector = sector_of(v);
    (sector ? (*sector == Sector::po ? po : vo) : unknown) = true;
  }
  std::vector<Provision> kept;
  for (const Provision& p : region.provisions) {
    const bool keep = unknown || (p.setting ? (setting_sector(*p.setting) == Sector::po ? po : vo) : po && vo);
    if (keep) kept.push_back(p);
  }
  return kept;
}

}  // namespace

bool is_selection_name(std::string_view name) { return std::ranges::count(kSelectionNames, name) > 0; }

std::optional<std::string>& selection_field(RegionSelection& s, std::string_view name) {
  if (name == "swv") return s.swv;
  if (name == "sector") return s.sector;
  if (name == "bestuur") return s.bestuur;
  if (name == "gemeente") return s.gemeente;
  return s.vestiging;
}

const std::optional<std::string>& selection_field(const RegionSelection& s, std::string_view name) {
  return selection_field(const_cast<RegionSelection&>(s), name);
}

void set_selection_field(RegionSelection& selection, std::string_view name, std::string_view text, std::string_view prefix) {
  std::string value(trim(text, " "));
  if (value.empty()) throw MeasureError(fmt::format("{}{} is leeg; geef een waarde of laat de parameter weg", prefix, name));
  if (name == "sector") {
    const auto sector = parse_code<Sector>(value);
    if (!sector) throw MeasureError(fmt::format("{}{} '{}' is geen sector: kies uit po, vo", prefix, name, value));
    value = code_of(*sector);
  }
  selection_field(selection, name) = std::move(value);
}

RegionModel select_region(const RegionModel& region, const RegionSelection& selection, std::string_view prefix) {
  check_selection(region, selection, prefix);
  const std::vector<uint8_t> keep_vestiging = selected_vestigingen(region, selection);
  const auto in_selection = [&](uint32_t v) { return v != kNoIndex && keep_vestiging[v]; };
  const EnrolmentColumns& e = region.enrolments;
  const size_t pupils = e.pupil_count();

  // Enrolments at the selected vestigingen, and the pupils who have one.
  std::vector<uint32_t> spells;
  std::vector<uint8_t> enrolled(pupils);
  for (size_t i = 0; i < e.size(); ++i)
    if (in_selection(e.vestiging[i])) {
      spells.push_back(uint32_t(i));
      enrolled[e.pupil[i]] = 1;
    }
  // Absence reports at a selected vestiging; without a vestiging, those of enrolled pupils.
  const AbsenceColumns& a = region.absences;
  std::vector<uint32_t> absences;
  std::vector<uint8_t> kept_pupil = enrolled;
  for (size_t i = 0; i < a.size(); ++i)
    if (a.vestiging[i] == kNoIndex ? enrolled[a.pupil[i]] : keep_vestiging[a.vestiging[i]]) {
      absences.push_back(uint32_t(i));
      kept_pupil[a.pupil[i]] = 1;
    }
  const DecisionColumns& d = region.decisions;
  std::vector<uint32_t> decisions;
  for (size_t i = 0; i < d.size(); ++i)
    if (enrolled[d.pupil[i]]) decisions.push_back(uint32_t(i));

  // The kept pupils, renumbered densely in their old order, so the spells stay sorted by pupil.
  RegionModel out;
  EnrolmentColumns& oe = out.enrolments;
  std::vector<uint32_t> renumber(pupils, kNoIndex);
  size_t chars = 0, count = 0;
  for (size_t p = 0; p < pupils; ++p)
    if (kept_pupil[p]) {
      renumber[p] = uint32_t(count++);
      chars += e.pupil_ids[p].size();
    }
  oe.pupil_ids.reserve(count, chars);
  for (size_t p = 0; p < pupils; ++p)
    if (kept_pupil[p]) oe.pupil_ids.push_back(e.pupil_ids[p]);

  oe.pupil.reserve(spells.size());
  for (uint32_t i : spells) oe.pupil.push_back(renumber[e.pupil[i]]);
  filter_column(e.setting, oe.setting, spells);
  filter_column(e.start, oe.start, spells);
  filter_column(e.end, oe.end, spells);
  filter_column(e.vestiging, oe.vestiging, spells);
  filter_column(e.cluster, oe.cluster, spells);
  oe.pupil_first_spell.assign(count + 1, 0);
  for (uint32_t p : oe.pupil) ++oe.pupil_first_spell[p + 1];
  for (size_t p = 0; p < count; ++p) oe.pupil_first_spell[p + 1] += oe.pupil_first_spell[p];
  // The data's period is the delivery's, not the selection's: a selection with no pupil on a
  // teldatum has 0 there, not "no data" (docs/measures.md "Selectie").
  oe.latest = e.latest;
  oe.teldata = e.teldata;

  AbsenceColumns& oa = out.absences;
  oa.pupil.reserve(absences.size());
  for (uint32_t i : absences) oa.pupil.push_back(renumber[a.pupil[i]]);
  filter_column(a.thuiszitter, oa.thuiszitter, absences);
  filter_column(a.kind, oa.kind, absences);
  filter_column(a.start, oa.start, absences);
  filter_column(a.end, oa.end, absences);
  filter_column(a.vestiging, oa.vestiging, absences);
  filter_column(a.reason, oa.reason, absences);

  DecisionColumns& od = out.decisions;
  od.pupil.reserve(decisions.size());
  for (uint32_t i : decisions) od.pupil.push_back(renumber[d.pupil[i]]);
  filter_column(d.kind, od.kind, decisions);
  filter_column(d.outcome, od.outcome, decisions);
  filter_column(d.category, od.category, decisions);
  filter_column(d.provision, od.provision, decisions);
  filter_column(d.requested, od.requested, decisions);
  filter_column(d.decided, od.decided, decisions);
  filter_column(d.start, od.start, decisions);
  filter_column(d.end, od.end, decisions);

  // Waiting-list entries hold the stored leerling_id: those of pupils enrolled in the selection.
  if (!region.waiting.empty()) {
    std::unordered_set<std::string_view> waiting_pupils, selected;
    for (const WaitingListEntry& w : region.waiting) waiting_pupils.insert(w.pupil_id);
    for (size_t p = 0; p < pupils; ++p)
      if (enrolled[p] && waiting_pupils.contains(e.pupil_ids[p])) selected.insert(e.pupil_ids[p]);
    for (const WaitingListEntry& w : region.waiting)
      if (selected.contains(w.pupil_id)) out.waiting.push_back(w);
  }

  out.provisions = selected_provisions(region, selection);
  std::set<std::string, std::less<>> areas = {"NL"};  // the tellingen of the areas the selection lies in
  for (const Vestiging& v : region.vestigingen)
    if (matches(v, selection)) {
      out.vestigingen.push_back(v);
      areas.insert(v.swv);
      areas.insert(v.gemeente);
    }
  for (const PublicCount& c : region.public_counts)
    if (areas.contains(c.area)) out.public_counts.push_back(c);
  // The code lists stay whole: the columns index into them.
  out.vestiging_ids = region.vestiging_ids;
  out.provision_ids = region.provision_ids;
  out.absence_reasons = region.absence_reasons;
  return out;
}

nlohmann::ordered_json selection_choices_json(const RegionModel& region) {
  std::map<std::string, std::set<std::string>> swv_sectors;
  std::set<std::string> besturen, gemeenten, sectors;
  std::vector<const Vestiging*> schools;
  for (const Vestiging& v : region.vestigingen) {
    const auto sector = sector_of(v);
    if (!v.swv.empty()) {
      auto& set = swv_sectors[v.swv];
      if (sector) set.insert(std::string(code_of(*sector)));
    }
    if (!v.bestuur.empty()) besturen.insert(v.bestuur);
    if (!v.gemeente.empty()) gemeenten.insert(v.gemeente);
    if (sector) sectors.insert(std::string(code_of(*sector)));
    schools.push_back(&v);
  }
  std::ranges::sort(schools, [](const Vestiging* a, const Vestiging* b) { return a->id < b->id; });
  const auto text_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
  };
  auto swv = nlohmann::ordered_json::array();
  for (const auto& [code, set] : swv_sectors)
    swv.push_back({{"code", code}, {"sector", set.size() == 1 ? nlohmann::ordered_json(*set.begin()) : nullptr}});
  auto sectoren = nlohmann::ordered_json::array();
  for (const auto& entry : CodeTable<Sector>::entries)
    if (sectors.contains(std::string(entry.code))) sectoren.push_back(entry.code);
  auto vestigingen = nlohmann::ordered_json::array();
  for (const Vestiging* v : schools) {
    const auto sector = sector_of(*v);
    vestigingen.push_back({{"vestiging_id", v->id}, {"naam", v->naam}, {"gemeente", text_or_null(v->gemeente)},
                           {"bestuur", text_or_null(v->bestuur)}, {"swv", text_or_null(v->swv)},
                           {"sector", sector ? nlohmann::ordered_json(code_of(*sector)) : nullptr}});
  }
  return {{"swv", swv}, {"besturen", besturen}, {"gemeenten", gemeenten}, {"sectoren", sectoren}, {"vestigingen", vestigingen}};
}

nlohmann::ordered_json code_names_json(const RegionModel& region, const nlohmann::ordered_json& rows) {
  std::map<std::string_view, std::string_view> vestiging_names, provision_names;
  for (const Vestiging& v : region.vestigingen) vestiging_names[v.id] = v.naam;
  for (const Provision& p : region.provisions) provision_names[p.id] = p.naam;  // sorted by geldig_vanaf: the latest name
  nlohmann::ordered_json names = {{"vestiging_id", nlohmann::ordered_json::object()},
                                  {"voorziening_id", nlohmann::ordered_json::object()}};
  std::map<std::string, std::string> found[2];
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (int k = 0; k < 2; ++k) {
      const char* column = k == 0 ? "vestiging_id" : "voorziening_id";
      const auto cell = row.find(column);
      if (cell == row.end() || !cell->is_string()) continue;
      const auto& table = k == 0 ? vestiging_names : provision_names;
      const std::string& code = cell->get_ref<const std::string&>();
      if (const auto name = table.find(code); name != table.end()) found[k][code] = std::string(name->second);
    }
  }
  for (int k = 0; k < 2; ++k)
    for (const auto& [code, name] : found[k]) names[k == 0 ? "vestiging_id" : "voorziening_id"][code] = name;
  return names;
}

}  // namespace stroom
