// Notes endpoints; see notes_api.h.
#include "server/notes_api.h"

#include <fmt/format.h>

#include "ingest/bsn.h"
#include "model/calendar.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

constexpr size_t kMaxNoteLength = 2000;
constexpr size_t kMaxFieldLength = 200;

nlohmann::ordered_json note_json(const Note& n) {
  return {{"id", n.id}, {"grafiek", n.grafiek}, {"van", n.van}, {"tot", n.tot},
          {"tekst", n.tekst}, {"auteur", n.auteur}, {"rol", n.rol}, {"aangemaakt", n.aangemaakt}};
}

// Reads a string field; a Dutch message when it is missing (if required) or not a string.
std::optional<std::string> read_field(const nlohmann::json& body, const char* name, bool required, std::string& out) {
  if (!body.contains(name) || body[name].is_null()) {
    if (required) return fmt::format("veld '{}' ontbreekt", name);
    return std::nullopt;
  }
  if (!body[name].is_string()) return fmt::format("veld '{}' moet tekst zijn", name);
  out = body[name].get<std::string>();
  return std::nullopt;
}

std::optional<std::string> validate(Note& note) {
  if (note.grafiek.empty() || note.grafiek.size() > kMaxFieldLength) return "veld 'grafiek' is leeg of te lang";
  if (note.tekst.empty()) return "veld 'tekst' is leeg";
  if (note.tekst.size() > kMaxNoteLength) return fmt::format("veld 'tekst' is langer dan {} tekens", kMaxNoteLength);
  for (std::string* date : {&note.van, &note.tot}) {
    if (date->empty()) continue;
    auto parsed = parse_date(*date);
    if (!parsed) return fmt::format("'{}' is geen datum (verwacht JJJJ-MM-DD)", *date);
    *date = parsed->iso();
  }
  if (!note.van.empty() && !note.tot.empty() && note.tot < note.van) return "'tot' ligt voor 'van'";
  return std::nullopt;
}

}  // namespace

ApiResponse list_notes_response(Database& db, const QueryParameters& query) {
  auto grafiek = query.find("grafiek");
  if (grafiek == query.end() || grafiek->second.empty()) return api_error(400, "parameter 'grafiek' ontbreekt");
  auto list = nlohmann::ordered_json::array();
  for (const Note& note : notes_for_chart(db, grafiek->second)) list.push_back(note_json(note));
  return {200, std::move(list)};
}

ApiResponse add_note_response(Database& db, const std::string& request_body, const Identity& author) {
  const nlohmann::json body = nlohmann::json::parse(request_body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return api_error(400, "verwacht een JSON-object met grafiek, van, tot en tekst");
  Note note;
  note.auteur = author.naam;  // never taken from the body: a note is signed by its session
  note.rol = role_name(author.rol);
  for (auto [name, field, required] : {std::tuple{"grafiek", &note.grafiek, true}, {"van", &note.van, false},
                                       {"tot", &note.tot, false}, {"tekst", &note.tekst, true}})
    if (auto problem = read_field(body, name, required, *field)) return api_error(400, *problem);
  if (auto problem = validate(note)) return api_error(400, *problem);
  // A BSN (or onderwijsnummer) typed into a note is never stored: masked, and the writer told.
  MaskedText masked = mask_personal_numbers(note.tekst);
  note.tekst = std::move(masked.text);
  nlohmann::ordered_json answer = note_json(add_note(db, std::move(note)));
  if (masked.masked > 0)
    answer["waarschuwing"] = "de tekst bevatte een BSN of onderwijsnummer; dat is vervangen door [BSN] of "
                             "[onderwijsnummer] en niet opgeslagen";
  return {201, std::move(answer)};
}

}  // namespace stroom
