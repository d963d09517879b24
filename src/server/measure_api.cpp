// Measure endpoints; see measure_api.h.
#include "server/measure_api.h"

#include <set>
#include <string>

#include <fmt/format.h>

#include "measures/measure_parameters.h"
#include "measures/measure_registry.h"
#include "measures/pupil_counts.h"
#include "measures/region_selection.h"

namespace stroom {
namespace {

std::vector<std::string> parameter_names(const std::vector<Parameter>& parameters) {
  std::vector<std::string> names;
  for (Parameter p : parameters) names.emplace_back(parameter_flag(p).substr(2));
  return names;
}

std::vector<GivenParameter> given_in(const QueryParameters& query) {
  std::vector<GivenParameter> given;
  for (const auto& [name, text] : query) given.push_back({name, text});
  return given;
}

nlohmann::ordered_json date_or_null(const std::optional<Date>& date) {
  return date ? nlohmann::ordered_json(date->iso()) : nlohmann::ordered_json(nullptr);
}

ApiResponse unknown_measure(const std::string& id) {
  return api_error(404, fmt::format("onbekende maat '{}'; GET /api/measures geeft de lijst", id));
}

nlohmann::ordered_json data_date(const RegionModel& region) { return date_or_null(region.enrolments.latest_date()); }

// A school user compares their own vestiging with the region: besides the whole region they may
// narrow to an SWV or a sector, and to their own vestigingen only (docs/privacy.md "Selections").
std::optional<ApiResponse> refused_selection(const RegionSelection& selection, Role role, const std::vector<std::string>& own) {
  if (role != Role::school) return std::nullopt;
  const std::string rule = "voor uw rol (school) kunt u alleen het SWV, de sector en uw eigen vestiging kiezen";
  if (selection.bestuur) return api_error(403, fmt::format("parameter bestuur: {}", rule));
  if (selection.gemeente) return api_error(403, fmt::format("parameter gemeente: {}", rule));
  if (selection.vestiging && std::ranges::none_of(own, [&](const std::string& id) { return id == *selection.vestiging; }))
    return api_error(403, fmt::format("vestiging '{}': {} ({})", *selection.vestiging, rule,
                                      own.empty() ? std::string("uw account heeft geen vestiging") : fmt::format("{}", fmt::join(own, ", "))));
  return std::nullopt;
}

nlohmann::ordered_json selection_json(const RegionSelection& selection) {
  auto json = nlohmann::ordered_json::object();
  for (std::string_view name : kSelectionNames)
    if (const auto& value = selection_field(selection, name)) json[std::string(name)] = *value;
  return json;
}

}  // namespace

ApiResponse list_measures_response() {
  auto list = nlohmann::ordered_json::array();
  for (const auto& m : measure_registry())
    list.push_back({{"id", m.id}, {"naam", m.naam}, {"definitie", m.definitie}, {"eenheid", m.eenheid},
                    {"bronnen", m.bronnen}, {"verplicht", parameter_names(m.required)},
                    {"optioneel", parameter_names(m.optional)}});
  return {200, std::move(list)};
}

MeasureRequest measure_request(const std::string& id, const QueryParameters& query, Role role,
                               const std::vector<std::string>& own_vestigingen) {
  const MeasureDefinition* measure = find_measure(id);
  if (!measure) return {unknown_measure(id), {}};
  try {
    const MeasureParameters parameters = parse_measure_parameters(*measure, given_in(query), "");
    if (!sees_small_counts(role)) check_published_dates(parameters, "", fmt::format("voor uw rol ({})", role_name(role)));
    if (auto refused = refused_selection(parameters.selectie, role, own_vestigingen)) return {std::move(refused), {}};
    return {std::nullopt, canonical_query(*measure, parameters)};
  } catch (const MeasureError& e) {
    return {api_error(400, e.what()), {}};
  }
}

MeasureAnswer measure_response(const RegionModel& region, const std::string& id, const QueryParameters& query) {
  auto failed = [](ApiResponse error) { return MeasureAnswer{error, error}; };
  const MeasureDefinition* measure = find_measure(id);
  if (!measure) return failed(unknown_measure(id));
  MeasureTable table;
  MeasureParameters parameters;
  try {
    parameters = parse_measure_parameters(*measure, given_in(query), "");
    check_within_data(parameters, data_range(region), "");
    table = compute_measure(*measure, region, parameters, "");
  } catch (const MeasureError& e) {
    return failed(api_error(400, e.what()));
  }
  nlohmann::ordered_json body = {{"id", measure->id},     {"naam", measure->naam},
                                 {"definitie", measure->definitie}, {"eenheid", measure->eenheid},
                                 {"bron", measure->bronnen}, {"datum_data", data_date(region)},
                                 {"selectie", selection_json(parameters.selectie)},
                                 {"kolommen", table.columns}, {"rijen", measure_rows_json(table, false)}};
  body["namen"] = code_names_json(region, body["rijen"]);
  nlohmann::ordered_json published = body;
  published["rijen"] = measure_rows_json(table, true);
  published["namen"] = code_names_json(region, published["rijen"]);  // the merged rows' codes only
  published["onderdrukt"] = true;  // tells the app that "<5" cells are suppressed small counts
  published["onderdrukte_cellen"] = suppressed_cells_json(table);  // and which other cells are hidden
  return {{200, std::move(body)}, {200, std::move(published)}};
}

ApiResponse selection_response(const RegionModel& region) { return {200, selection_choices_json(region)}; }

ApiResponse info_response(const RegionModel& region) {
  auto dates = nlohmann::ordered_json::array();
  auto years = nlohmann::ordered_json::array();
  for (Date t : teldata(region.enrolments)) {
    dates.push_back(t.iso());
    years.push_back(school_year_of(t).label());
  }
  const std::optional<DataRange> range = data_range(region);
  // The areas of tellingen (public counts), for the Inzicht page's choice of what to compare against.
  std::set<std::string> areas;
  for (const PublicCount& c : region.public_counts) areas.insert(c.area);
  return {200,
          {{"teldata", dates},
           {"datum_data", data_date(region)},
           {"schooljaren", years},
           {"eerste_datum", date_or_null(range ? std::optional(range->first) : std::nullopt)},
           {"laatste_datum", date_or_null(range ? std::optional(range->last) : std::nullopt)},
           {"gebieden", areas}}};
}

}  // namespace stroom
