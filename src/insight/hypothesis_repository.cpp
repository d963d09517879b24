// Storing hypotheses; see hypothesis_repository.h.
#include "insight/hypothesis_repository.h"

namespace stroom {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kColumns =
    "id, tekst, maat, parameters, groepen, kolom, richting, alternatieven, status, auteur, rol, aangemaakt, "
    "ifnull(gewijzigd, '')";

std::map<std::string, std::string> string_map(std::string_view text) {
  std::map<std::string, std::string> out;
  const Json parsed = Json::parse(text);  // kept: items() only refers to it
  for (const auto& [key, value] : parsed.items()) out[key] = value.get<std::string>();
  return out;
}

Json map_json(const std::map<std::string, std::string>& map) {
  Json json = Json::object();
  for (const auto& [key, value] : map) json[key] = value;
  return json;
}

std::vector<Evidence> evidence_of(Database& db, int64_t id) {
  Statement query = db.prepare(
      "SELECT id, soort, bron, omschrijving, verwijzing, auteur, rol, aangemaakt FROM hypothese_bewijs "
      "WHERE hypothese_id = ? ORDER BY id");
  query.bind_int(1, id);
  std::vector<Evidence> items;
  while (query.step())
    items.push_back({query.column_int(0), parse_evidence_kind(query.column_text(1)).value_or(EvidenceKind::document),
                     std::string(query.column_text(2)), std::string(query.column_text(3)),
                     Json::parse(query.column_text(4)), std::string(query.column_text(5)),
                     std::string(query.column_text(6)), std::string(query.column_text(7))});
  return items;
}

Hypothesis hypothesis_from(Database& db, const Statement& row) {
  Hypothesis h;
  h.id = row.column_int(0);
  h.tekst = row.column_text(1);
  h.voorspelling.maat = row.column_text(2);
  h.voorspelling.parameters = string_map(row.column_text(3));
  h.voorspelling.groepen = string_map(row.column_text(4));
  h.voorspelling.kolom = row.column_text(5);
  h.voorspelling.richting = parse_direction(row.column_text(6)).value_or(Direction::stijgt);
  for (const auto& item : Json::parse(row.column_text(7))) h.alternatieven.push_back(item.get<std::string>());
  h.status = parse_status(row.column_text(8)).value_or(HypothesisStatus::open);
  h.auteur = row.column_text(9);
  h.rol = row.column_text(10);
  h.aangemaakt = row.column_text(11);
  h.gewijzigd = row.column_text(12);
  h.bewijs = evidence_of(db, h.id);
  return h;
}

std::string alternatives_text(const std::vector<std::string>& alternatives) { return Json(alternatives).dump(); }

// Copies the stored hypothesis into the history before it changes; the caller holds the transaction.
void keep_version(Database& db, int64_t id, const std::string& actie, const std::string& door) {
  const std::optional<Hypothesis> old = find_hypothesis(db, id);
  if (!old) throw StoreError("hypothese " + std::to_string(id) + " bestaat niet");
  Statement copy = db.prepare(
      "INSERT INTO hypothesen_historie (hypothese_id, inhoud, actie, door, tijdstip) "
      "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  copy.bind_int(1, id);
  copy.bind_text(2, stored_json(*old).dump());
  copy.bind_text(3, actie);
  copy.bind_text(4, door);
  copy.step();
}

}  // namespace

Json prediction_json(const Prediction& p) {
  return {{"maat", p.maat}, {"parameters", map_json(p.parameters)}, {"groepen", map_json(p.groepen)},
          {"kolom", p.kolom}, {"richting", direction_name(p.richting)}};
}

Json evidence_json(const Evidence& e) {
  Json json = {{"id", e.id}, {"soort", evidence_kind_name(e.soort)}, {"bron", e.bron}, {"omschrijving", e.omschrijving}};
  for (const auto& [key, value] : e.verwijzing.items()) json[key] = value;
  json["auteur"] = e.auteur;
  json["rol"] = e.rol;
  json["aangemaakt"] = e.aangemaakt;
  return json;
}

Json stored_json(const Hypothesis& h) {
  Json evidence = Json::array();
  for (const Evidence& e : h.bewijs) evidence.push_back(evidence_json(e));
  Json json = {{"id", h.id},
               {"tekst", h.tekst},
               {"voorspelling", prediction_json(h.voorspelling)},
               {"alternatieven", h.alternatieven},
               {"bewijs", evidence},
               {"status", status_name(h.status)},
               {"auteur", h.auteur},
               {"rol", h.rol},
               {"aangemaakt", h.aangemaakt}};
  if (!h.gewijzigd.empty()) json["gewijzigd"] = h.gewijzigd;
  return json;
}

std::vector<Hypothesis> all_hypotheses(Database& db) {
  Statement query = db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM hypothesen ORDER BY id");
  std::vector<Hypothesis> list;
  while (query.step()) list.push_back(hypothesis_from(db, query));
  return list;
}

std::optional<Hypothesis> find_hypothesis(Database& db, int64_t id) {
  Statement query = db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM hypothesen WHERE id = ?");
  query.bind_int(1, id);
  if (!query.step()) return std::nullopt;
  return hypothesis_from(db, query);
}

Hypothesis add_hypothesis(Database& db, const Hypothesis& h) {
  Statement insert = db.prepare(
      "INSERT INTO hypothesen (tekst, maat, parameters, groepen, kolom, richting, alternatieven, status, auteur, rol, "
      "aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind_text(1, h.tekst);
  insert.bind_text(2, h.voorspelling.maat);
  insert.bind_text(3, map_json(h.voorspelling.parameters).dump());
  insert.bind_text(4, map_json(h.voorspelling.groepen).dump());
  insert.bind_text(5, h.voorspelling.kolom);
  insert.bind_text(6, direction_name(h.voorspelling.richting));
  insert.bind_text(7, alternatives_text(h.alternatieven));
  insert.bind_text(8, status_name(h.status));
  insert.bind_text(9, h.auteur);
  insert.bind_text(10, h.rol);
  insert.step();
  return *find_hypothesis(db, db.last_insert_rowid());
}

Hypothesis add_evidence(Database& db, int64_t hypothesis_id, const Evidence& e) {
  Statement insert = db.prepare(
      "INSERT INTO hypothese_bewijs (hypothese_id, soort, bron, omschrijving, verwijzing, auteur, rol, aangemaakt) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind_int(1, hypothesis_id);
  insert.bind_text(2, evidence_kind_name(e.soort));
  insert.bind_text(3, e.bron);
  insert.bind_text(4, e.omschrijving);
  insert.bind_text(5, e.verwijzing.dump());
  insert.bind_text(6, e.auteur);
  insert.bind_text(7, e.rol);
  insert.step();
  return *find_hypothesis(db, hypothesis_id);
}

Hypothesis change_hypothesis(Database& db, const Hypothesis& changed, const std::string& door,
                             const std::function<void()>& extra) {
  Transaction transaction(db);
  keep_version(db, changed.id, "gewijzigd", door);
  Statement update = db.prepare(
      "UPDATE hypothesen SET tekst = ?, status = ?, alternatieven = ?, gewijzigd = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
      "WHERE id = ?");
  update.bind_text(1, changed.tekst);
  update.bind_text(2, status_name(changed.status));
  update.bind_text(3, alternatives_text(changed.alternatieven));
  update.bind_int(4, changed.id);
  update.step();
  if (extra) extra();
  transaction.commit();
  return *find_hypothesis(db, changed.id);
}

void delete_hypothesis(Database& db, int64_t id, const std::string& door, const std::function<void()>& extra) {
  Transaction transaction(db);
  keep_version(db, id, "verwijderd", door);
  for (const char* sql : {"DELETE FROM hypothese_bewijs WHERE hypothese_id = ?", "DELETE FROM hypothesen WHERE id = ?"}) {
    Statement remove = db.prepare(sql);
    remove.bind_int(1, id);
    remove.step();
  }
  if (extra) extra();
  transaction.commit();
}

std::vector<Json> hypothesis_history(Database& db, int64_t id) {
  Statement query = db.prepare(
      "SELECT actie, door, tijdstip, inhoud FROM hypothesen_historie WHERE hypothese_id = ? ORDER BY id");
  query.bind_int(1, id);
  std::vector<Json> versions;
  while (query.step())
    versions.push_back({{"actie", query.column_text(0)}, {"door", query.column_text(1)}, {"tijdstip", query.column_text(2)},
                        {"inhoud", Json::parse(query.column_text(3))}});
  return versions;
}

}  // namespace stroom
