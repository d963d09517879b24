// Storing hypotheses and their evidence in the embedded database (migration 7: hypothesen,
// hypothese_bewijs, hypothesen_historie). Like the notes (store/notes_repository.h): additions are
// signed and dated; a change or a deletion keeps the old version in the append-only history, in
// one transaction with the caller's `extra` (the audit entry).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "insight/hypothesis.h"
#include "store/database.h"

namespace stroom {

std::vector<Hypothesis> all_hypotheses(Database& db);  // oldest first, each with its evidence
std::optional<Hypothesis> find_hypothesis(Database& db, int64_t id);
// Stores it (id, aangemaakt assigned; its evidence is ignored) and returns it as stored.
Hypothesis add_hypothesis(Database& db, const Hypothesis& hypothesis);
// Adds one evidence item (id, aangemaakt assigned) and returns the hypothesis as stored.
Hypothesis add_evidence(Database& db, int64_t hypothesis_id, const Evidence& evidence);
// Replaces text, status and alternatives, keeping the old version in the history.
Hypothesis change_hypothesis(Database& db, const Hypothesis& changed, const std::string& door,
                             const std::function<void()>& extra);
// Deletes it and its evidence, keeping the old version in the history.
void delete_hypothesis(Database& db, int64_t id, const std::string& door, const std::function<void()>& extra);
// The stored JSON copies of earlier versions ({"actie", "door", "tijdstip", "inhoud"}), oldest first.
std::vector<nlohmann::ordered_json> hypothesis_history(Database& db, int64_t id);

// The stored form of a hypothesis as JSON (the history's `inhoud`, and the API's fields that are
// not computed on reading): id, tekst, voorspelling, alternatieven, bewijs, status, auteur, rol,
// aangemaakt, gewijzigd (when changed).
nlohmann::ordered_json stored_json(const Hypothesis& hypothesis);
nlohmann::ordered_json evidence_json(const Evidence& evidence);
nlohmann::ordered_json prediction_json(const Prediction& prediction);

}  // namespace stroom
