// The live check of a hypothesis's prediction against a measure's answer (docs/insight.md
// "Waargenomen"). It reads the answer as the API gives it (kolommen, rijen: what the reader's role
// sees, so a suppressed cell is never used), so it follows every new import through the measure
// registry's compute path and the snapshot's answer cache.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "insight/hypothesis.h"

namespace stroom {

enum class Verdict { klopt, klopt_niet, onbepaald };
std::string_view verdict_name(Verdict verdict);

struct Observation {
  Verdict uitkomst = Verdict::onbepaald;
  std::string uitleg;                                          // Dutch: the figures, or why none
  nlohmann::ordered_json rijen = nlohmann::ordered_json::array();  // the answer's rows it used
};

// answer: a measure answer body ({"kolommen": [...], "rijen": [{...}]}).
Observation check_prediction(const Prediction& prediction, const nlohmann::ordered_json& answer);
// The one problem that makes a prediction unusable on this answer (a group or the column missing
// from the measure's columns, or groups that leave more than one row on a date), else empty; the
// API refuses such a prediction when it is written.
std::string prediction_problem(const Prediction& prediction, const nlohmann::ordered_json& answer);

}  // namespace stroom
