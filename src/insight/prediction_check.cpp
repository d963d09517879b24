// The live check of a prediction; see prediction_check.h.
#include "insight/prediction_check.h"

#include <algorithm>

#include <fmt/format.h>

namespace stroom {
namespace {

using Json = nlohmann::ordered_json;

bool has_column(const Json& answer, const std::string& column) {
  const Json& columns = answer.contains("kolommen") ? answer["kolommen"] : Json::array();
  return std::ranges::any_of(columns, [&](const Json& c) { return c.is_string() && c.get<std::string>() == column; });
}

std::string date_of(const Json& row) {
  return row.contains("datum") && row["datum"].is_string() ? row["datum"].get<std::string>() : std::string();
}

// A row's cell, null when the row lacks the column (a const lookup must not insert).
const Json& cell_of(const Json& row, const std::string& column) {
  static const Json missing;
  const auto found = row.find(column);
  return found == row.end() ? missing : *found;
}

std::string cell_text(const Json& cell) {
  if (cell.is_null()) return "leeg";
  if (cell.is_string()) return cell.get<std::string>();
  return cell.dump();
}

// The rows in the groups, ordered by date; an error when the groups do not pick one row per date.
struct Selected {
  std::vector<Json> rows;
  std::string problem;
};

Selected select_rows(const Prediction& p, const Json& answer) {
  Selected selected;
  for (const auto& [column, _] : p.groepen)
    if (!has_column(answer, column)) {
      selected.problem = fmt::format("groep '{}' is geen kolom van maat {}", column, p.maat);
      return selected;
    }
  if (!has_column(answer, p.kolom)) {
    selected.problem = fmt::format("kolom '{}' is geen kolom van maat {}", p.kolom, p.maat);
    return selected;
  }
  if (!answer.contains("rijen") || !answer["rijen"].is_array()) return selected;
  for (const Json& row : answer["rijen"]) {
    const bool in_groups = std::ranges::all_of(p.groepen, [&](const std::pair<const std::string, std::string>& group) {
      const Json& cell = cell_of(row, group.first);
      return cell.is_string() && cell.get<std::string>() == group.second;
    });
    if (in_groups) selected.rows.push_back(row);
  }
  std::ranges::stable_sort(selected.rows, {}, date_of);
  for (size_t i = 1; i < selected.rows.size(); ++i)
    if (date_of(selected.rows[i]) == date_of(selected.rows[i - 1])) {
      const std::string date = date_of(selected.rows[i]);
      selected.problem = fmt::format("de groepen laten meer dan één rij{} over; kies groepen die één rij per datum "
                                     "overlaten (bijvoorbeeld ook de onderwijssoort)",
                                     date.empty() ? std::string() : " op " + date);
      selected.rows.clear();
      return selected;
    }
  return selected;
}

Observation undecided(std::string why, Json rows = Json::array()) { return {Verdict::onbepaald, std::move(why), std::move(rows)}; }

Observation check_trend(const Prediction& p, const std::vector<Json>& rows) {
  if (rows.size() < 2)
    return undecided(fmt::format("de maat geeft {} voor deze groepen; een {} vraagt minstens twee data",
                                 rows.empty() ? "geen rij" : "één datum", p.richting == Direction::stijgt ? "stijging" : "daling"),
                     Json(rows));
  const Json& first = rows.front();
  const Json& last = rows.back();
  Json used = Json::array({first, last});
  for (const Json* row : {&first, &last})
    if (!cell_of(*row, p.kolom).is_number())
      return undecided(fmt::format("'{}' op {} is {}: onderdrukt of niet te berekenen", p.kolom, date_of(*row),
                                   cell_text(cell_of(*row, p.kolom))),
                       used);
  const double from = cell_of(first, p.kolom).get<double>();
  const double to = cell_of(last, p.kolom).get<double>();
  const std::string figures = fmt::format("'{}' van {} op {} naar {} op {}", p.kolom, cell_of(first, p.kolom).dump(), date_of(first),
                                          cell_of(last, p.kolom).dump(), date_of(last));
  const bool rose = to > from;
  const bool fell = to < from;
  const bool holds = p.richting == Direction::stijgt ? rose : fell;
  const char* what = rose ? "gestegen" : fell ? "gedaald" : "gelijk gebleven";
  return {holds ? Verdict::klopt : Verdict::klopt_niet, fmt::format("{}: {}", what, figures), used};
}

Observation check_verdict(const Prediction& p, const std::vector<Json>& rows) {
  if (rows.empty()) return undecided("de maat geeft geen rij voor deze groepen");
  const Json& last = rows.back();
  Json used = Json::array({last});
  const Json& cell = cell_of(last, p.kolom);
  const std::string on = date_of(last).empty() ? std::string() : " op " + date_of(last);
  if (!cell.is_string() || cell == "<5")
    return undecided(fmt::format("'{}'{} is {}: onderdrukt of niet te berekenen", p.kolom, on, cell_text(cell)), used);
  const std::string oordeel = cell.get<std::string>();
  const std::string predicted(direction_name(p.richting));
  if (oordeel == predicted) return {Verdict::klopt, fmt::format("'{}'{} is {}", p.kolom, on, oordeel), used};
  if (oordeel == "boven" || oordeel == "onder") return {Verdict::klopt_niet, fmt::format("'{}'{} is {}", p.kolom, on, oordeel), used};
  if (oordeel == "ruis") return undecided(fmt::format("'{}'{} is ruis: binnen de toevalsmarge", p.kolom, on), used);
  return undecided(fmt::format("'{}'{} is '{}', geen oordeel boven, onder of ruis", p.kolom, on, oordeel), used);
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::klopt: return "klopt";
    case Verdict::klopt_niet: return "klopt_niet";
    case Verdict::onbepaald: break;
  }
  return "onbepaald";
}

std::string prediction_problem(const Prediction& prediction, const nlohmann::ordered_json& answer) {
  return select_rows(prediction, answer).problem;
}

Observation check_prediction(const Prediction& prediction, const nlohmann::ordered_json& answer) {
  Selected selected = select_rows(prediction, answer);
  if (!selected.problem.empty()) return undecided(selected.problem);
  if (prediction.richting == Direction::stijgt || prediction.richting == Direction::daalt)
    return check_trend(prediction, selected.rows);
  return check_verdict(prediction, selected.rows);
}

}  // namespace stroom
