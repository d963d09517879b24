// Notes endpoints; see notes_api.h.
#include "server/notes_api.h"

#include <algorithm>
#include <charconv>
#include <variant>

#include <fmt/format.h>

#include "ingest/bsn.h"
#include "model/calendar.h"
#include "server/audit_event.h"
#include "server/chart_catalogue.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

constexpr size_t kMaxFieldLength = 200;

nlohmann::ordered_json note_json(const Note& n) {
  nlohmann::ordered_json json = {{"id", n.id},         {"grafiek", n.grafiek}, {"van", n.van},
                                 {"tot", n.tot},       {"tekst", n.tekst},     {"auteur", n.auteur},
                                 {"rol", n.rol},       {"aangemaakt", n.aangemaakt}};
  if (!n.gewijzigd.empty()) json["gewijzigd"] = n.gewijzigd;
  if (!n.gebeurtenis_datum.empty())
    json["gebeurtenis"] = {{"datum", n.gebeurtenis_datum}, {"soort", n.gebeurtenis_soort}};
  return json;
}

// Reads "gebeurtenis": {"datum", "soort"} into the note; absent or null: not an event. The date
// lies within the data's period, as a note's van and tot do, since a chart can only show it there.
std::optional<std::string> read_event(const nlohmann::json& body, Note& note, const std::optional<DataRange>& range) {
  note.gebeurtenis_datum.clear();
  note.gebeurtenis_soort.clear();
  if (!body.contains("gebeurtenis") || body["gebeurtenis"].is_null()) return std::nullopt;
  const nlohmann::json& event = body["gebeurtenis"];
  if (!event.is_object())
    return "veld 'gebeurtenis' moet een object zijn met datum en soort (of null voor een gewone notitie)";
  std::string datum, soort;
  for (auto [name, field] : {std::pair{"datum", &datum}, {"soort", &soort}}) {
    if (!event.contains(name) || !event[name].is_string())
      return fmt::format("veld 'gebeurtenis.{}' ontbreekt of is geen tekst; een gebeurtenis heeft een datum "
                         "(JJJJ-MM-DD) en een soort",
                         name);
    *field = event[name].get<std::string>();
  }
  auto parsed = parse_date(datum);
  if (!parsed)
    return fmt::format("veld 'gebeurtenis.datum': '{}' is geen datum; geef een datum als JJJJ-MM-DD", datum);
  if (range && (*parsed < range->first || range->last < *parsed))
    return fmt::format(
        "veld 'gebeurtenis.datum': {} ligt buiten de periode van de gegevens; kies een datum van {} tot en met {}",
        parsed->iso(), range->first.iso(), range->last.iso());
  if (std::find(std::begin(kEventKinds), std::end(kEventKinds), soort) == std::end(kEventKinds))
    return fmt::format("veld 'gebeurtenis.soort': '{}' is geen soort gebeurtenis; kies nieuwe_voorziening, "
                       "procedure_gewijzigd, definitie_gewijzigd of anders",
                       soort.substr(0, kMaxFieldLength));
  note.gebeurtenis_datum = parsed->iso();
  note.gebeurtenis_soort = soort;
  return std::nullopt;
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

// Length in characters (UTF-8 code points), as the notes box counts them.
size_t characters(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::optional<std::string> validate_text_and_period(Note& note, const std::optional<DataRange>& range) {
  if (note.tekst.empty()) return "veld 'tekst' is leeg; schrijf wat u bij deze periode weet";
  if (characters(note.tekst) > kMaxNoteLength)
    return fmt::format("veld 'tekst' is langer dan {} tekens; maak de notitie korter", kMaxNoteLength);
  for (auto [name, date] : {std::pair{"van", &note.van}, {"tot", &note.tot}}) {
    if (date->empty()) continue;
    auto parsed = parse_date(*date);
    if (!parsed) return fmt::format("veld '{}': '{}' is geen datum; geef een datum als JJJJ-MM-DD", name, *date);
    if (range && (*parsed < range->first || range->last < *parsed))
      return fmt::format("veld '{}': {} ligt buiten de periode van de gegevens; kies een datum van {} tot en met {}",
                         name, parsed->iso(), range->first.iso(), range->last.iso());
    *date = parsed->iso();
  }
  if (!note.van.empty() && !note.tot.empty() && note.tot < note.van)
    return "'tot' ligt voor 'van'; kies een einddatum op of na de begindatum";
  return std::nullopt;
}

std::optional<std::string> validate_chart(const Note& note) {
  if (note.grafiek.empty() || note.grafiek.size() > kMaxFieldLength) return "veld 'grafiek' is leeg of te lang";
  if (!is_known_chart(note.grafiek))
    return fmt::format("grafiek '{}' bestaat niet; kies een grafiek uit GET /api/grafieken", note.grafiek);
  return std::nullopt;
}

nlohmann::json parse_object(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// The stored note with id `text`, or the 404 to answer.
std::variant<Note, ApiResponse> stored_note(Database& db, const std::string& text) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::optional<Note> note;
  if (error == std::errc() && end == text.data() + text.size()) note = find_note(db, id);
  if (!note) return api_error(404, fmt::format("notitie {} bestaat niet (meer); laad de pagina opnieuw", text));
  return *note;
}

std::string masked_warning() {
  return "de tekst bevatte een BSN of onderwijsnummer; dat is vervangen door [BSN] of [onderwijsnummer] en niet "
         "opgeslagen";
}

}  // namespace

ApiResponse list_notes_response(Database& db, const QueryParameters& query) {
  auto grafiek = query.find("grafiek");
  if (grafiek == query.end() || grafiek->second.empty())
    return api_error(400, "parameter 'grafiek' ontbreekt; geef de grafiek, bijvoorbeeld ?grafiek=overzicht-leerlingen");
  auto list = nlohmann::ordered_json::array();
  for (const Note& note : notes_for_chart(db, grafiek->second)) list.push_back(note_json(note));
  return {200, std::move(list)};
}

ApiResponse event_list_response(Database& db) {
  auto list = nlohmann::ordered_json::array();
  for (const Note& note : events(db)) list.push_back(note_json(note));
  return {200, std::move(list)};
}

ApiResponse chart_list_response() {
  auto list = nlohmann::ordered_json::array();
  for (std::string_view id : chart_ids()) list.push_back(std::string(id));
  return {200, std::move(list)};
}

ApiResponse add_note_response(Database& db, const std::string& request_body, const Identity& author,
                              const std::optional<DataRange>& range) {
  const nlohmann::json body = parse_object(request_body);
  if (!body.is_object()) return api_error(400, "verwacht een JSON-object met grafiek, van, tot en tekst");
  Note note;
  note.auteur = author.naam;  // never taken from the body: a note is signed by its session
  note.rol = role_name(author.rol);
  for (auto [name, field, required] : {std::tuple{"grafiek", &note.grafiek, true}, {"van", &note.van, false},
                                       {"tot", &note.tot, false}, {"tekst", &note.tekst, true}})
    if (auto problem = read_field(body, name, required, *field)) return api_error(400, *problem);
  if (auto problem = validate_chart(note)) return api_error(400, *problem);
  if (auto problem = validate_text_and_period(note, range)) return api_error(400, *problem);
  if (auto problem = read_event(body, note, range)) return api_error(400, *problem);
  // A BSN (or onderwijsnummer) typed into a note is never stored: masked, and the writer told.
  MaskedText masked = mask_personal_numbers(note.tekst);
  note.tekst = std::move(masked.text);
  nlohmann::ordered_json answer = note_json(add_note(db, std::move(note)));
  if (masked.masked > 0) answer["waarschuwing"] = masked_warning();
  return {201, std::move(answer)};
}

ApiResponse edit_note_response(Database& db, const std::string& id, const std::string& request_body, const Identity& who,
                               const RequestOrigin& origin, const std::optional<DataRange>& range) {
  auto found = stored_note(db, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  Note note = std::get<Note>(found);
  if (note.auteur != who.naam)
    return api_error(403, fmt::format("alleen de schrijver ({}) kan deze notitie wijzigen; schrijf zo nodig een "
                                      "eigen notitie",
                                      note.auteur));
  const nlohmann::json body = parse_object(request_body);
  if (!body.is_object()) return api_error(400, "verwacht een JSON-object met van, tot en tekst");
  // The chart stays: a note moved to another chart would be a new note.
  note.van.clear();
  note.tot.clear();
  note.tekst.clear();
  for (auto [name, field, required] : {std::tuple{"van", &note.van, false}, {"tot", &note.tot, false},
                                       {"tekst", &note.tekst, true}})
    if (auto problem = read_field(body, name, required, *field)) return api_error(400, *problem);
  if (auto problem = validate_text_and_period(note, range)) return api_error(400, *problem);
  if (auto problem = read_event(body, note, range)) return api_error(400, *problem);
  MaskedText masked = mask_personal_numbers(note.tekst);
  note.tekst = std::move(masked.text);
  const Note stored = edit_note(db, note, who.naam, [&] {
    append_audit(db, {audit_event(who, origin, "notitie-gewijzigd", "", fmt::format("notitie {} ({})", note.id, note.grafiek))});
  });
  nlohmann::ordered_json answer = note_json(stored);
  if (masked.masked > 0) answer["waarschuwing"] = masked_warning();
  return {200, std::move(answer)};
}

ApiResponse delete_note_response(Database& db, const std::string& id, const Identity& who, const RequestOrigin& origin) {
  auto found = stored_note(db, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  const Note note = std::get<Note>(found);
  if (note.auteur != who.naam && who.rol != Role::beheerder)
    return api_error(403, fmt::format("alleen de schrijver ({}) of een beheerder kan deze notitie verwijderen; vraag "
                                      "dat zo nodig aan de beheerder",
                                      note.auteur));
  delete_note(db, note.id, who.naam, [&] {
    append_audit(db, {audit_event(who, origin, "notitie-verwijderd", "", fmt::format("notitie {} ({})", note.id, note.grafiek))});
  });
  return {200, {{"verwijderd", note.id}}};
}

}  // namespace stroom
