// A hypothesis as an object (issue 11, docs/insight.md): a narrative, what it predicts in the data
// (a measure, the groups of its rows and a direction), alternatives, evidence items each with
// their source, author, date and status. Seed 004's method: a reading of the numbers is tested
// against what it predicts and stands on at least three independent sources.
//
// This file holds the object and its rules (the closed lists of directions, statuses and evidence
// kinds, and triangulation); storing is hypothesis_repository, the live check of the prediction
// is prediction_check, and the API is server/hypotheses_api.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace stroom {

// What the prediction says about the selected rows of the measure (docs/insight.md "Richting"):
// stijgt/daalt compare the first and the last date, boven/onder read a verdict column such as
// verwachting's `oordeel` on the last date.
enum class Direction { stijgt, daalt, boven, onder };
enum class HypothesisStatus { ondersteund, weersproken, open };
enum class EvidenceKind { maat, telling, notitie, document };

inline constexpr std::string_view kDirectionNames = "stijgt, daalt, boven, onder";
inline constexpr std::string_view kStatusNames = "ondersteund, weersproken, open";
inline constexpr std::string_view kEvidenceKindNames = "maat, telling, notitie, document";

std::optional<Direction> parse_direction(std::string_view text);
std::string_view direction_name(Direction direction);
std::optional<HypothesisStatus> parse_status(std::string_view text);
std::string_view status_name(HypothesisStatus status);
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text);
std::string_view evidence_kind_name(EvidenceKind kind);
// The column a direction reads when the prediction names none: `waarde` or `oordeel`.
std::string_view default_column(Direction direction);

struct Prediction {
  std::string maat;                               // a measure id of the registry
  std::map<std::string, std::string> parameters;  // its parameters as the API takes them (at, ijkjaar, ...)
  std::map<std::string, std::string> groepen;     // column -> label: the rows the prediction is about
  std::string kolom;                              // the column read (default_column when not given)
  Direction richting = Direction::stijgt;
};

struct Evidence {
  int64_t id = 0;
  EvidenceKind soort = EvidenceKind::document;
  std::string bron;         // the source, e.g. "DUO", "CBS", "interview IB'ers"
  std::string omschrijving;
  // The kind's own fields: maat {maat, parameters}; telling {teldatum, gebied, onderwijssoort,
  // cluster?}; notitie {notitie}; document {url}.
  nlohmann::ordered_json verwijzing = nlohmann::ordered_json::object();
  std::string auteur;
  std::string rol;
  std::string aangemaakt;  // UTC, YYYY-MM-DDTHH:MM:SSZ
};

struct Hypothesis {
  int64_t id = 0;
  std::string tekst;
  Prediction voorspelling;
  std::vector<std::string> alternatieven;
  std::vector<Evidence> bewijs;
  HypothesisStatus status = HypothesisStatus::open;
  std::string auteur;
  std::string rol;
  std::string aangemaakt;
  std::string gewijzigd = {};  // empty when never changed
};

// Triangulation: the independent sources are the distinct `bron` values of the evidence after
// normalising (blanks at the ends dropped, runs of blanks as one space, ASCII letters in lower
// case), so "CBS" and " cbs" are one source; three or more is `getrianguleerd`.
inline constexpr size_t kIndependentSourcesNeeded = 3;
std::string normalised_source(std::string_view bron);
struct Triangulation {
  std::vector<std::string> bronnen;  // the normalised sources, in order of first appearance
  bool getrianguleerd = false;
};
Triangulation triangulate(const std::vector<Evidence>& bewijs);

}  // namespace stroom
