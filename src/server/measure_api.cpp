// Measure endpoints; see measure_api.h.
#include "server/measure_api.h"

#include <charconv>

#include <fmt/format.h>

#include "measures/leerlingen.h"
#include "measures/measure_registry.h"

namespace stroom {
namespace {

std::vector<std::string> parameter_names(const std::vector<Parameter>& parameters) {
  std::vector<std::string> names;
  for (Parameter p : parameters) names.emplace_back(parameter_flag(p).substr(2));
  return names;
}

std::optional<std::string> single(const QueryParameters& query, const std::string& name) {
  auto [first, last] = query.equal_range(name);
  if (first == last) return std::nullopt;
  return first->second;
}

// Parses the query into parameters; returns a Dutch message for the first bad one.
std::optional<std::string> parse_parameters(const QueryParameters& query, MeasureParameters& p) {
  for (const auto& [name, value] : query)
    if (name != "at" && name != "ijkjaar" && name != "peildatum" && name != "schooljaar")
      return fmt::format("onbekende parameter '{}' (bekend: at, ijkjaar, peildatum, schooljaar)", name);
  for (const char* name : {"at", "peildatum"}) {
    auto text = single(query, name);
    if (!text) continue;
    auto date = parse_date(*text);
    if (!date) return fmt::format("{} '{}' is geen datum (verwacht JJJJ-MM-DD)", name, *text);
    (std::string_view(name) == "at" ? p.at : p.peildatum) = date;
  }
  if (auto text = single(query, "ijkjaar")) {
    int year = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), year);
    if (error != std::errc() || end != text->data() + text->size() || year < 1900 || year > 2200)
      return fmt::format("ijkjaar '{}' is geen jaartal (verwacht JJJJ)", *text);
    p.ijkjaar = year;
  }
  if (auto text = single(query, "schooljaar")) {
    p.schooljaar = parse_school_year(*text);
    if (!p.schooljaar) return fmt::format("schooljaar '{}' is geen schooljaar (verwacht JJJJ-JJJJ)", *text);
  }
  return std::nullopt;
}

nlohmann::ordered_json data_date(const RegionModel& region) {
  auto latest = region.enrolments.latest_date();
  return latest ? nlohmann::ordered_json(latest->iso()) : nlohmann::ordered_json(nullptr);
}

}  // namespace

ApiResponse api_error(int status, const std::string& message) { return {status, {{"fout", message}}}; }

ApiResponse list_measures_response() {
  auto list = nlohmann::ordered_json::array();
  for (const auto& m : measure_registry())
    list.push_back({{"id", m.id}, {"naam", m.naam}, {"definitie", m.definitie}, {"eenheid", m.eenheid},
                    {"bronnen", m.bronnen}, {"verplicht", parameter_names(m.required)},
                    {"optioneel", parameter_names(m.optional)}});
  return {200, std::move(list)};
}

MeasureAnswer measure_response(const RegionModel& region, const std::string& id, const QueryParameters& query) {
  auto failed = [](ApiResponse error) { return MeasureAnswer{error, error}; };
  const MeasureDefinition* measure = find_measure(id);
  if (!measure) return failed(api_error(404, fmt::format("onbekende maat '{}'; GET /api/measures geeft de lijst", id)));
  MeasureParameters parameters;
  if (auto problem = parse_parameters(query, parameters)) return failed(api_error(400, *problem));
  MeasureTable table;
  try {
    table = compute_measure(*measure, region, parameters);
  } catch (const MeasureError& e) {
    return failed(api_error(400, e.what()));
  }
  nlohmann::ordered_json body = {{"id", measure->id},     {"naam", measure->naam},
                                 {"definitie", measure->definitie}, {"eenheid", measure->eenheid},
                                 {"bron", measure->bronnen}, {"datum_data", data_date(region)},
                                 {"kolommen", table.columns}, {"rijen", measure_rows_json(table, false)}};
  nlohmann::ordered_json published = body;
  published["rijen"] = measure_rows_json(table, true);
  published["onderdrukt"] = true;  // tells the app that "<5" cells are suppressed small counts
  published["onderdrukte_cellen"] = suppressed_cells_json(table);  // and which other cells are hidden
  return {{200, std::move(body)}, {200, std::move(published)}};
}

ApiResponse info_response(const RegionModel& region) {
  auto dates = nlohmann::ordered_json::array();
  auto years = nlohmann::ordered_json::array();
  for (Date t : teldata(region.enrolments)) {
    dates.push_back(t.iso());
    years.push_back(school_year_of(t).label());
  }
  return {200, {{"teldata", dates}, {"datum_data", data_date(region)}, {"schooljaren", years}}};
}

}  // namespace stroom
