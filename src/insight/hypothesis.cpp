// The rules of a hypothesis; see hypothesis.h.
#include "insight/hypothesis.h"

#include <algorithm>
#include <array>
#include <utility>

namespace stroom {
namespace {

constexpr std::array kDirections = {std::pair{Direction::stijgt, std::string_view("stijgt")},
                                    std::pair{Direction::daalt, std::string_view("daalt")},
                                    std::pair{Direction::boven, std::string_view("boven")},
                                    std::pair{Direction::onder, std::string_view("onder")}};
constexpr std::array kStatuses = {std::pair{HypothesisStatus::ondersteund, std::string_view("ondersteund")},
                                  std::pair{HypothesisStatus::weersproken, std::string_view("weersproken")},
                                  std::pair{HypothesisStatus::open, std::string_view("open")}};
constexpr std::array kKinds = {std::pair{EvidenceKind::maat, std::string_view("maat")},
                               std::pair{EvidenceKind::telling, std::string_view("telling")},
                               std::pair{EvidenceKind::notitie, std::string_view("notitie")},
                               std::pair{EvidenceKind::document, std::string_view("document")}};

template <typename Table, typename Value>
std::string_view name_in(const Table& table, Value value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return {};
}

template <typename Table>
auto parse_in(const Table& table, std::string_view text) -> std::optional<decltype(table[0].first)> {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

}  // namespace

std::optional<Direction> parse_direction(std::string_view text) { return parse_in(kDirections, text); }
std::string_view direction_name(Direction direction) { return name_in(kDirections, direction); }
std::optional<HypothesisStatus> parse_status(std::string_view text) { return parse_in(kStatuses, text); }
std::string_view status_name(HypothesisStatus status) { return name_in(kStatuses, status); }
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text) { return parse_in(kKinds, text); }
std::string_view evidence_kind_name(EvidenceKind kind) { return name_in(kKinds, kind); }

std::string_view default_column(Direction direction) {
  return direction == Direction::stijgt || direction == Direction::daalt ? "waarde" : "oordeel";
}

std::string normalised_source(std::string_view bron) {
  std::string out;
  bool blank = false;
  for (char c : bron) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  return out;
}

Triangulation triangulate(const std::vector<Evidence>& bewijs) {
  Triangulation result;
  for (const Evidence& item : bewijs) {
    std::string source = normalised_source(item.bron);
    if (source.empty() || std::ranges::find(result.bronnen, source) != result.bronnen.end()) continue;
    result.bronnen.push_back(std::move(source));
  }
  result.getrianguleerd = result.bronnen.size() >= kIndependentSourcesNeeded;
  return result;
}

}  // namespace stroom
