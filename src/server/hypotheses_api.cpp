// Hypotheses endpoints; see hypotheses_api.h.
#include "server/hypotheses_api.h"

#include <charconv>
#include <set>
#include <variant>

#include <fmt/format.h>

#include "ingest/bsn.h"
#include "insight/hypothesis_repository.h"
#include "insight/prediction_check.h"
#include "model/calendar.h"
#include "server/audit_event.h"
#include "store/audit_log.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

using Json = nlohmann::ordered_json;
constexpr size_t kMaxSourceLength = 200;
constexpr size_t kMaxDescriptionLength = 2000;
constexpr size_t kMaxAlternatives = 20;
constexpr size_t kMaxUrlLength = 2000;

// Length in characters (UTF-8 code points), as the notes count them.
size_t characters(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// A problem with the request body, said in Dutch and naming the field; thrown while reading it.
struct BodyError {
  std::string message;
};

// Free text as stored: a BSN or onderwijsnummer never is (masked, and the writer told).
struct TextReader {
  size_t masked = 0;
  std::string text(const Json& body, const std::string& name, size_t max, bool required) {
    if (!body.contains(name) || body[name].is_null()) {
      if (required) throw BodyError{fmt::format("veld '{}' ontbreekt", name)};
      return {};
    }
    if (!body[name].is_string()) throw BodyError{fmt::format("veld '{}' moet tekst zijn", name)};
    const std::string value = body[name].get<std::string>();
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
      throw BodyError{fmt::format("veld '{}' is leeg", name)};
    if (characters(value) > max) throw BodyError{fmt::format("veld '{}' is langer dan {} tekens; maak het korter", name, max)};
    MaskedText clean = mask_personal_numbers(value);
    masked += clean.masked;
    return std::move(clean.text);
  }
  std::vector<std::string> alternatives(const Json& body) {
    std::vector<std::string> out;
    if (!body.contains("alternatieven") || body["alternatieven"].is_null()) return out;
    const Json& list = body["alternatieven"];
    if (!list.is_array()) throw BodyError{"veld 'alternatieven' moet een lijst van teksten zijn"};
    if (list.size() > kMaxAlternatives)
      throw BodyError{fmt::format("veld 'alternatieven' heeft meer dan {} hypothesen", kMaxAlternatives)};
    for (size_t i = 0; i < list.size(); ++i) {
      const Json item = {{fmt::format("alternatieven[{}]", i), list[i]}};
      out.push_back(text(item, fmt::format("alternatieven[{}]", i), kMaxDescriptionLength, true));
    }
    return out;
  }
};

void refuse_unknown_fields(const Json& body, const std::set<std::string>& known, const std::string& prefix) {
  for (const auto& [name, _] : body.items())
    if (!known.contains(name))
      throw BodyError{fmt::format("veld '{}{}' is onbekend; geldig zijn: {}", prefix, name, fmt::join(known, ", "))};
}

std::map<std::string, std::string> string_object(const Json& body, const std::string& name, const std::string& shown) {
  std::map<std::string, std::string> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  if (!body[name].is_object()) throw BodyError{fmt::format("veld '{}' moet een object zijn, bijvoorbeeld {{\"ijkjaar\": \"2019\"}}", shown)};
  for (const auto& [key, value] : body[name].items()) {
    if (!value.is_string()) throw BodyError{fmt::format("veld '{}.{}' moet tekst zijn", shown, key)};
    if (key.empty() || key.size() > kMaxSourceLength || value.get<std::string>().size() > kMaxSourceLength)
      throw BodyError{fmt::format("veld '{}.{}' is leeg of te lang", shown, key)};
    out[key] = value.get<std::string>();
  }
  return out;
}

QueryParameters query_from(const std::map<std::string, std::string>& parameters) {
  return QueryParameters(parameters.begin(), parameters.end());
}

// The measure's answer, or the error naming the field of the measure (unknown: 404) or of its
// parameters (any other refusal of the measure route).
Json checked_measure(const HypothesisContext& context, const std::string& maat, const std::map<std::string, std::string>& parameters,
                     const std::string& maat_field, const std::string& parameters_field) {
  const ApiResponse answer = context.measure(maat, query_from(parameters));
  if (answer.status == 404) throw BodyError{fmt::format("veld '{}': {}", maat_field, answer.body.value("fout", ""))};
  if (answer.status != 200) throw BodyError{fmt::format("veld '{}': {}", parameters_field, answer.body.value("fout", ""))};
  return answer.body;
}

Json parse_object(const std::string& text) {
  Json body = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) throw BodyError{"verwacht een JSON-object"};
  return body;
}

std::variant<Hypothesis, ApiResponse> stored_hypothesis(const HypothesisContext& context, const std::string& text) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::optional<Hypothesis> found;
  if (error == std::errc() && end == text.data() + text.size()) {
    std::lock_guard lock(context.db_mutex);
    found = find_hypothesis(context.db, id);
  }
  if (!found) return api_error(404, fmt::format("hypothese {} bestaat niet (meer); laad de pagina opnieuw", text));
  return *found;
}

// The live figures beside an evidence item: a public count's aantal now, a note's chart and text.
Json evidence_view(const HypothesisContext& context, const Evidence& e) {
  Json json = evidence_json(e);
  if (e.soort == EvidenceKind::telling) {
    const auto teldatum = parse_date(e.verwijzing.value("teldatum", ""));
    const std::string gebied = e.verwijzing.value("gebied", "");
    const std::string soort = e.verwijzing.value("onderwijssoort", "");
    const std::string cluster = e.verwijzing.value("cluster", "");
    std::optional<int64_t> aantal;
    for (const PublicCount& count : context.region.public_counts)
      if (teldatum && count.teldatum == *teldatum && count.area == gebied && count.setting == soort &&
          (cluster.empty() || (count.cluster && std::to_string(*count.cluster) == cluster)))
        aantal = aantal.value_or(0) + count.count;
    json["aantal"] = aantal ? Json(*aantal) : Json(nullptr);
  }
  if (e.soort == EvidenceKind::notitie) {
    std::optional<Note> note;
    {
      std::lock_guard lock(context.db_mutex);
      note = find_note(context.db, e.verwijzing.value("notitie", int64_t(0)));
    }
    json["notitie_grafiek"] = note ? Json(note->grafiek) : Json(nullptr);
    json["notitie_tekst"] = note ? Json(note->tekst) : Json(nullptr);  // null: the note was deleted
  }
  return json;
}

Json observation_json(const HypothesisContext& context, const Prediction& prediction) {
  const ApiResponse answer = context.measure(prediction.maat, query_from(prediction.parameters));
  Observation observed;
  if (answer.status != 200) observed.uitleg = fmt::format("de maat is niet te berekenen: {}", answer.body.value("fout", ""));
  else observed = check_prediction(prediction, answer.body);
  Json json = {{"uitkomst", verdict_name(observed.uitkomst)}, {"uitleg", observed.uitleg}, {"rijen", observed.rijen}};
  json["datum_data"] = answer.status == 200 && answer.body.contains("datum_data") ? answer.body["datum_data"] : Json(nullptr);
  return json;
}

// A hypothesis as a reader gets it: as stored, with the live observation and the triangulation.
Json hypothesis_view(const HypothesisContext& context, const Hypothesis& h) {
  Json json = stored_json(h);
  Json evidence = Json::array();
  for (const Evidence& e : h.bewijs) evidence.push_back(evidence_view(context, e));
  json["bewijs"] = evidence;
  json["waargenomen"] = observation_json(context, h.voorspelling);
  const Triangulation t = triangulate(h.bewijs);
  json["triangulatie"] = {{"status", t.getrianguleerd ? "getrianguleerd" : "niet getrianguleerd"},
                          {"bronnen", t.bronnen},
                          {"aantal", t.bronnen.size()},
                          {"nodig", kIndependentSourcesNeeded}};
  return json;
}

std::string masked_warning() {
  return "de tekst bevatte een BSN of onderwijsnummer; dat is vervangen door [BSN] of [onderwijsnummer] en niet "
         "opgeslagen";
}

ApiResponse answer_with(int status, Json body, size_t masked) {
  if (masked > 0) body["waarschuwing"] = masked_warning();
  return {status, std::move(body)};
}

// The status when given (an empty one is refused), else `open`.
HypothesisStatus read_status(const Json& body, TextReader& reader) {
  if (!body.contains("status") || body["status"].is_null()) return HypothesisStatus::open;
  const std::string text = reader.text(body, "status", kMaxSourceLength, true);
  const auto status = parse_status(text);
  if (!status) throw BodyError{fmt::format("veld 'status': '{}' is onbekend; kies uit {}", text, kStatusNames)};
  return *status;
}

Prediction read_prediction(const HypothesisContext& context, const Json& body) {
  if (!body.contains("voorspelling")) throw BodyError{"veld 'voorspelling' ontbreekt; geef maat, groepen en richting"};
  const Json& p = body["voorspelling"];
  if (!p.is_object()) throw BodyError{"veld 'voorspelling' moet een object zijn met maat, parameters, groepen, kolom en richting"};
  refuse_unknown_fields(p, {"maat", "parameters", "groepen", "kolom", "richting"}, "voorspelling.");
  TextReader plain;
  Prediction prediction;
  prediction.maat = plain.text(p, "maat", kMaxSourceLength, true);
  const std::string richting = plain.text(p, "richting", kMaxSourceLength, true);
  const auto direction = parse_direction(richting);
  if (!direction) throw BodyError{fmt::format("veld 'voorspelling.richting': '{}' is onbekend; kies uit {}", richting, kDirectionNames)};
  prediction.richting = *direction;
  prediction.parameters = string_object(p, "parameters", "voorspelling.parameters");
  prediction.groepen = string_object(p, "groepen", "voorspelling.groepen");
  prediction.kolom = plain.text(p, "kolom", kMaxSourceLength, false);
  if (prediction.kolom.empty()) prediction.kolom = default_column(prediction.richting);
  const Json answer = checked_measure(context, prediction.maat, prediction.parameters, "voorspelling.maat",
                                      "voorspelling.parameters");
  if (const std::string problem = prediction_problem(prediction, answer); !problem.empty())
    throw BodyError{fmt::format("veld 'voorspelling': {}", problem)};
  return prediction;
}

Evidence read_evidence(const HypothesisContext& context, const Json& body, TextReader& reader) {
  Evidence e;
  TextReader plain;
  const std::string soort = plain.text(body, "soort", kMaxSourceLength, true);
  const auto kind = parse_evidence_kind(soort);
  if (!kind) throw BodyError{fmt::format("veld 'soort': '{}' is onbekend; kies uit {}", soort, kEvidenceKindNames)};
  e.soort = *kind;
  const std::set<std::string> common = {"soort", "bron", "omschrijving"};
  auto known = [&](std::initializer_list<const char*> own) {
    std::set<std::string> all = common;
    all.insert(own.begin(), own.end());
    refuse_unknown_fields(body, all, "");
  };
  e.bron = reader.text(body, "bron", kMaxSourceLength, true);
  e.omschrijving = reader.text(body, "omschrijving", kMaxDescriptionLength, false);
  switch (e.soort) {
    case EvidenceKind::maat: {
      known({"maat", "parameters"});
      const std::string maat = plain.text(body, "maat", kMaxSourceLength, true);
      const auto parameters = string_object(body, "parameters", "parameters");
      checked_measure(context, maat, parameters, "maat", "parameters");
      Json stored_parameters = Json::object();
      for (const auto& [key, value] : parameters) stored_parameters[key] = value;
      e.verwijzing = {{"maat", maat}, {"parameters", stored_parameters}};
      break;
    }
    case EvidenceKind::telling: {
      known({"teldatum", "gebied", "onderwijssoort", "cluster"});
      const std::string date = plain.text(body, "teldatum", kMaxSourceLength, true);
      const auto teldatum = parse_date(date);
      if (!teldatum) throw BodyError{fmt::format("veld 'teldatum': '{}' is geen datum; geef een datum als JJJJ-MM-DD", date)};
      e.verwijzing = {{"teldatum", teldatum->iso()},
                      {"gebied", plain.text(body, "gebied", kMaxSourceLength, true)},
                      {"onderwijssoort", plain.text(body, "onderwijssoort", kMaxSourceLength, true)}};
      const std::string cluster = plain.text(body, "cluster", kMaxSourceLength, false);
      if (!cluster.empty() && (cluster.size() != 1 || cluster[0] < '1' || cluster[0] > '4'))
        throw BodyError{fmt::format("veld 'cluster': '{}' is geen cluster; kies 1, 2, 3 of 4, of laat het weg", cluster)};
      if (!cluster.empty()) e.verwijzing["cluster"] = cluster;
      break;
    }
    case EvidenceKind::notitie: {
      known({"notitie"});
      if (!body.contains("notitie") || !body["notitie"].is_number_integer())
        throw BodyError{"veld 'notitie' ontbreekt of is geen nummer; geef het id van een notitie"};
      const int64_t id = body["notitie"].get<int64_t>();
      std::lock_guard lock(context.db_mutex);
      if (!find_note(context.db, id)) throw BodyError{fmt::format("veld 'notitie': notitie {} bestaat niet", id)};
      e.verwijzing = {{"notitie", id}};
      break;
    }
    case EvidenceKind::document: {
      known({"url"});
      const std::string url = plain.text(body, "url", kMaxUrlLength, true);
      const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
      const bool clean = std::ranges::none_of(url, [](unsigned char c) { return c <= ' ' || c == 0x7F; });
      if (!web || !clean || url.size() <= std::string_view("https://").size())
        throw BodyError{fmt::format("veld 'url': '{}' is geen webadres; geef een adres dat begint met https:// of http://", url)};
      e.verwijzing = {{"url", url}};
      break;
    }
  }
  return e;
}

}  // namespace

ApiResponse list_hypotheses_response(const HypothesisContext& context) {
  std::vector<Hypothesis> list;
  {
    std::lock_guard lock(context.db_mutex);
    list = all_hypotheses(context.db);
  }
  Json answer = Json::array();
  for (const Hypothesis& h : list) answer.push_back(hypothesis_view(context, h));
  return {200, std::move(answer)};
}

ApiResponse hypothesis_response(const HypothesisContext& context, const std::string& id) {
  auto found = stored_hypothesis(context, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  return {200, hypothesis_view(context, std::get<Hypothesis>(found))};
}

ApiResponse add_hypothesis_response(const HypothesisContext& context, const std::string& request_body, const Identity& author) {
  try {
    const Json body = parse_object(request_body);
    refuse_unknown_fields(body, {"tekst", "voorspelling", "alternatieven", "status"}, "");
    TextReader reader;
    Hypothesis h;
    h.tekst = reader.text(body, "tekst", kMaxHypothesisText, true);
    h.alternatieven = reader.alternatives(body);
    h.status = read_status(body, reader);
    h.voorspelling = read_prediction(context, body);
    h.auteur = author.naam;  // never from the body: a hypothesis is signed by its session
    h.rol = role_name(author.rol);
    Hypothesis stored;
    {
      std::lock_guard lock(context.db_mutex);
      stored = add_hypothesis(context.db, h);
    }
    return answer_with(201, hypothesis_view(context, stored), reader.masked);
  } catch (const BodyError& e) {
    return api_error(400, e.message);
  }
}

ApiResponse add_evidence_response(const HypothesisContext& context, const std::string& id, const std::string& request_body,
                                  const Identity& author) {
  auto found = stored_hypothesis(context, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  const Hypothesis& h = std::get<Hypothesis>(found);
  try {
    if (h.bewijs.size() >= kMaxEvidenceItems)
      throw BodyError{fmt::format("hypothese {} heeft al {} bewijsstukken; meer kan niet", h.id, kMaxEvidenceItems)};
    const Json body = parse_object(request_body);
    TextReader reader;
    Evidence e = read_evidence(context, body, reader);
    e.auteur = author.naam;
    e.rol = role_name(author.rol);
    Hypothesis stored;
    {
      std::lock_guard lock(context.db_mutex);
      if (!find_hypothesis(context.db, h.id)) return api_error(404, fmt::format("hypothese {} bestaat niet (meer)", h.id));
      stored = add_evidence(context.db, h.id, e);
    }
    return answer_with(201, hypothesis_view(context, stored), reader.masked);
  } catch (const BodyError& e) {
    return api_error(400, e.message);
  }
}

ApiResponse change_hypothesis_response(const HypothesisContext& context, const std::string& id, const std::string& request_body,
                                       const Identity& who, const RequestOrigin& origin) {
  auto found = stored_hypothesis(context, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  Hypothesis h = std::get<Hypothesis>(found);
  try {
    const Json body = parse_object(request_body);
    refuse_unknown_fields(body, {"tekst", "status", "alternatieven"}, "");
    if (!body.contains("tekst") && !body.contains("status") && !body.contains("alternatieven"))
      throw BodyError{"geef minstens één van de velden 'tekst', 'status' of 'alternatieven'"};
    TextReader reader;
    if (body.contains("tekst")) h.tekst = reader.text(body, "tekst", kMaxHypothesisText, true);
    if (body.contains("status")) h.status = read_status(body, reader);
    if (body.contains("alternatieven")) h.alternatieven = reader.alternatives(body);
    Hypothesis stored;
    {
      std::lock_guard lock(context.db_mutex);
      if (!find_hypothesis(context.db, h.id)) return api_error(404, fmt::format("hypothese {} bestaat niet (meer)", h.id));
      stored = change_hypothesis(context.db, h, who.naam, [&] {
        append_audit(context.db, {audit_event(who, origin, "hypothese-gewijzigd", "",
                                              fmt::format("hypothese {} (status {})", h.id, status_name(h.status)))});
      });
    }
    return answer_with(200, hypothesis_view(context, stored), reader.masked);
  } catch (const BodyError& e) {
    return api_error(400, e.message);
  }
}

ApiResponse delete_hypothesis_response(const HypothesisContext& context, const std::string& id, const Identity& who,
                                       const RequestOrigin& origin) {
  auto found = stored_hypothesis(context, id);
  if (auto* missing = std::get_if<ApiResponse>(&found)) return *missing;
  const Hypothesis& h = std::get<Hypothesis>(found);
  if (h.auteur != who.naam && who.rol != Role::beheerder)
    return api_error(403, fmt::format("alleen de schrijver ({}) of een beheerder kan deze hypothese verwijderen; zet "
                                      "haar zo nodig op 'weersproken'",
                                      h.auteur));
  std::lock_guard lock(context.db_mutex);
  if (!find_hypothesis(context.db, h.id)) return api_error(404, fmt::format("hypothese {} bestaat niet (meer)", h.id));
  delete_hypothesis(context.db, h.id, who.naam, [&] {
    append_audit(context.db, {audit_event(who, origin, "hypothese-verwijderd", "", fmt::format("hypothese {}", h.id))});
  });
  return {200, {{"verwijderd", h.id}}};
}

}  // namespace stroom
