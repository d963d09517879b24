// Hypotheses as objects (docs/insight.md): the rules on their own (triangulation, the live check
// of a prediction on hand-made measure answers), then the lifecycle through a real server (create,
// evidence, triangulation flipping exactly at the third independent source, a status change kept
// in the history and audited, deletion), the Dutch refusals naming the field, and the live
// observation following an import of different data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "insight/hypothesis.h"
#include "insight/hypothesis_repository.h"
#include "insight/prediction_check.h"
#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"

namespace stroom {
namespace {

using nlohmann::json;
using Json = nlohmann::ordered_json;

Evidence from(const std::string& bron) {
  Evidence e;
  e.bron = bron;
  return e;
}

TEST(HypothesisRules, IndependentSourcesAreTheDistinctNormalisedBronValues) {
  EXPECT_EQ(normalised_source("  Interview \t IB'ers "), "interview ib'ers");
  std::vector<Evidence> evidence = {from("DUO"), from(" duo"), from("CBS")};
  Triangulation t = triangulate(evidence);
  EXPECT_EQ(t.bronnen, (std::vector<std::string>{"duo", "cbs"}));
  EXPECT_FALSE(t.getrianguleerd);
  evidence.push_back(from("Cbs  "));  // the same source again does not count
  EXPECT_FALSE(triangulate(evidence).getrianguleerd);
  evidence.push_back(from("Interview  IB'ers"));
  t = triangulate(evidence);
  EXPECT_TRUE(t.getrianguleerd);
  EXPECT_EQ(t.bronnen.size(), 3u);
}

Json trend_answer() {
  return Json::parse(R"({"kolommen": ["datum", "onderwijssoort", "waarde"], "rijen": [
    {"datum": "2020-10-01", "onderwijssoort": "so", "waarde": 7},
    {"datum": "2020-10-01", "onderwijssoort": "vso", "waarde": 10},
    {"datum": "2019-10-01", "onderwijssoort": "vso", "waarde": 8},
    {"datum": "2021-10-01", "onderwijssoort": "vso", "waarde": 12},
    {"datum": "2019-10-01", "onderwijssoort": "so", "waarde": 7},
    {"datum": "2021-10-01", "onderwijssoort": "so", "waarde": 7},
    {"datum": "2019-10-01", "onderwijssoort": "pro", "waarde": "<5"},
    {"datum": "2021-10-01", "onderwijssoort": "pro", "waarde": 9}]})");
}

Prediction predict(const std::string& soort, Direction richting, const std::string& kolom = "waarde") {
  return {"leerlingen", {}, {{"onderwijssoort", soort}}, kolom, richting};
}

TEST(PredictionCheck, ATrendComparesTheFirstAndTheLastDateOfTheGroup) {
  const Json answer = trend_answer();
  const Observation rises = check_prediction(predict("vso", Direction::stijgt), answer);
  EXPECT_EQ(rises.uitkomst, Verdict::klopt);
  EXPECT_EQ(rises.uitleg, "gestegen: 'waarde' van 8 op 2019-10-01 naar 12 op 2021-10-01");
  ASSERT_EQ(rises.rijen.size(), 2u);
  EXPECT_EQ(rises.rijen[0]["datum"], "2019-10-01");
  EXPECT_EQ(rises.rijen[1]["waarde"], 12);
  EXPECT_EQ(check_prediction(predict("vso", Direction::daalt), answer).uitkomst, Verdict::klopt_niet);
  const Observation flat = check_prediction(predict("so", Direction::stijgt), answer);
  EXPECT_EQ(flat.uitkomst, Verdict::klopt_niet);
  EXPECT_EQ(flat.uitleg.substr(0, 16), "gelijk gebleven:");
  EXPECT_EQ(check_prediction(predict("so", Direction::daalt), answer).uitkomst, Verdict::klopt_niet);
  // A suppressed count decides nothing, nor does a group with one date or none.
  const Observation hidden = check_prediction(predict("pro", Direction::stijgt), answer);
  EXPECT_EQ(hidden.uitkomst, Verdict::onbepaald);
  EXPECT_EQ(hidden.uitleg, "'waarde' op 2019-10-01 is <5: onderdrukt of niet te berekenen");
  EXPECT_EQ(check_prediction(predict("isk", Direction::stijgt), answer).uitkomst, Verdict::onbepaald);
  Json one_date = answer;
  one_date["rijen"] = Json::array({answer["rijen"][1]});
  EXPECT_EQ(check_prediction(predict("vso", Direction::stijgt), one_date).uitkomst, Verdict::onbepaald);
}

TEST(PredictionCheck, GroupsMustNameColumnsAndLeaveOneRowPerDate) {
  const Json answer = trend_answer();
  Prediction loose = predict("vso", Direction::stijgt);
  loose.groepen.clear();
  EXPECT_EQ(prediction_problem(loose, answer),
            "de groepen laten meer dan één rij op 2019-10-01 over; kies groepen die één rij per datum overlaten "
            "(bijvoorbeeld ook de onderwijssoort)");
  EXPECT_EQ(check_prediction(loose, answer).uitkomst, Verdict::onbepaald);
  Prediction wrong_group = predict("vso", Direction::stijgt);
  wrong_group.groepen = {{"cluster", "3"}};
  EXPECT_EQ(prediction_problem(wrong_group, answer), "groep 'cluster' is geen kolom van maat leerlingen");
  EXPECT_EQ(prediction_problem(predict("vso", Direction::stijgt, "aandeel"), answer),
            "kolom 'aandeel' is geen kolom van maat leerlingen");
  EXPECT_EQ(prediction_problem(predict("vso", Direction::stijgt), answer), "");
}

TEST(PredictionCheck, BovenAndOnderReadTheVerdictOnTheLastDate) {
  const Json answer = Json::parse(R"({"kolommen": ["datum", "groep", "waargenomen", "verwacht", "verschil_pct", "oordeel"],
    "rijen": [
      {"datum": "2020-10-01", "groep": "vso-3", "waargenomen": 40, "verwacht": 30.5, "verschil_pct": 31.1, "oordeel": "ruis"},
      {"datum": "2021-10-01", "groep": "vso-3", "waargenomen": 52, "verwacht": 30.2, "verschil_pct": 72.2, "oordeel": "boven"},
      {"datum": "2021-10-01", "groep": "pro", "waargenomen": 30, "verwacht": 31.0, "verschil_pct": -3.2, "oordeel": "ruis"},
      {"datum": "2021-10-01", "groep": "so", "waargenomen": "<5", "verwacht": null, "verschil_pct": null, "oordeel": null}]})");
  auto check = [&](const std::string& groep, Direction richting) {
    return check_prediction(Prediction{"verwachting", {{"ijkjaar", "2019"}}, {{"groep", groep}}, "oordeel", richting}, answer);
  };
  const Observation above = check("vso-3", Direction::boven);
  EXPECT_EQ(above.uitkomst, Verdict::klopt);
  EXPECT_EQ(above.uitleg, "'oordeel' op 2021-10-01 is boven");
  ASSERT_EQ(above.rijen.size(), 1u);
  EXPECT_EQ(above.rijen[0]["waargenomen"], 52);
  EXPECT_EQ(check("vso-3", Direction::onder).uitkomst, Verdict::klopt_niet);
  EXPECT_EQ(check("pro", Direction::onder).uitkomst, Verdict::onbepaald);  // within the noise
  EXPECT_EQ(check("so", Direction::boven).uitkomst, Verdict::onbepaald);   // suppressed
}

class HypothesesApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Large enough that vso has at least 5 pupils on every teldatum: the analist gets counts below 5 suppressed.
    region_ = new test::ServedRegion(1500, 11);
    for (const char* user : {"beheer", "analist", "school-a", "commissie", "ouder"}) logins_[user] = region_->login(user);
  }
  static void TearDownTestSuite() { delete region_; }

  static httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return region_->post(path, body.dump(), logins_[user]);
  }
  static json body_of(const httplib::Result& res) { return json::parse(res->body); }
  static std::string error_of(const httplib::Result& res) { return body_of(res).value("fout", ""); }
  static std::string path(const json& h, const std::string& action = "") {
    return "/api/hypothesen/" + std::to_string(h["id"].get<int64_t>()) + (action.empty() ? "" : "/" + action);
  }
  static json vso_rises() {
    return {{"tekst", "Het vso groeit sneller dan de demografie: de lokale keuze voor ..."},
            {"voorspelling", {{"maat", "leerlingen"}, {"groepen", {{"onderwijssoort", "vso"}}}, {"richting", "stijgt"}}},
            {"alternatieven", {"instroom uit een buurregio"}}};
  }
  // The first and the last vso row of leerlingen as `user` gets it from the measure route.
  static std::pair<json, json> vso_ends(const std::string& user) {
    const json measure = body_of(region_->get("/api/measures/leerlingen", logins_[user]));
    std::vector<json> rows;
    for (const json& row : measure["rijen"])
      if (row["onderwijssoort"] == "vso") rows.push_back(row);
    std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a["datum"] < b["datum"]; });
    return {rows.front(), rows.back()};
  }
  static std::vector<AuditEntry> audit(const std::string& actie) {
    auto db = open_store(region_->db());
    AuditFilter filter{"", "", 0};
    filter.actie = actie;
    return read_audit(*db, filter);
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
};

TEST_F(HypothesesApiTest, LifecycleWithEvidenceTriangulationStatusAndDeletion) {
  auto created = post("analist", "/api/hypothesen", vso_rises());
  ASSERT_EQ(created->status, 201) << created->body;
  const json h = body_of(created);
  EXPECT_EQ(h["auteur"], "analist");
  EXPECT_EQ(h["rol"], "analist");
  EXPECT_EQ(h["status"], "open");
  EXPECT_EQ(h["voorspelling"]["kolom"], "waarde");
  EXPECT_EQ(h["alternatieven"], json::array({"instroom uit een buurregio"}));
  EXPECT_EQ(h["aangemaakt"].get<std::string>().size(), 20u);
  // The observation is the measure's own first and last vso rows, as this role gets them.
  const auto [first, last] = vso_ends("analist");
  ASSERT_NE(first["datum"], last["datum"]);
  const json& observed = h["waargenomen"];
  ASSERT_EQ(observed["rijen"].size(), 2u) << observed.dump();
  EXPECT_EQ(observed["rijen"][0], first);
  EXPECT_EQ(observed["rijen"][1], last);
  ASSERT_TRUE(first["waarde"].is_number() && last["waarde"].is_number()) << first << last;
  EXPECT_EQ(observed["uitkomst"], last["waarde"].get<double>() > first["waarde"].get<double>() ? "klopt" : "klopt_niet");
  EXPECT_EQ(h["triangulatie"], json::parse(R"({"status": "niet getrianguleerd", "bronnen": [], "aantal": 0, "nodig": 3})"));

  // A note to cite, then evidence: two items from one source (DUO), a second source, a third.
  const json note = body_of(post("analist", "/api/notities", {{"grafiek", "overzicht-deelname"}, {"tekst", "nieuwe vso-locatie"}}));
  const json info = body_of(region_->get("/api/info", logins_["analist"]));
  const std::vector<std::pair<json, std::string>> evidence = {
      {{{"soort", "maat"}, {"bron", "DUO"}, {"maat", "deelname"}, {"parameters", {{"at", info["teldata"].back()}}}}, "niet getrianguleerd"},
      {{{"soort", "document"}, {"bron", " duo "}, {"url", "https://duo.nl/open_onderwijsdata/"}, {"omschrijving", "telling vso"}},
       "niet getrianguleerd"},
      {{{"soort", "telling"}, {"bron", "CBS"}, {"teldatum", info["teldata"].back()}, {"gebied", "NL"}, {"onderwijssoort", "vso"}},
       "niet getrianguleerd"},
      {{{"soort", "notitie"}, {"bron", "Interview IB'ers"}, {"notitie", note["id"]}}, "getrianguleerd"},
  };
  json latest;
  for (size_t i = 0; i < evidence.size(); ++i) {
    auto added = post(i % 2 ? "beheer" : "analist", path(h, "bewijs"), evidence[i].first);
    ASSERT_EQ(added->status, 201) << added->body;
    latest = body_of(added);
    EXPECT_EQ(latest["bewijs"].size(), i + 1);
    EXPECT_EQ(latest["triangulatie"]["status"], evidence[i].second) << i;
  }
  EXPECT_EQ(latest["triangulatie"]["bronnen"], json::array({"duo", "cbs", "interview ib'ers"}));
  EXPECT_EQ(latest["bewijs"][1]["auteur"], "beheer");
  EXPECT_EQ(latest["bewijs"][1]["url"], "https://duo.nl/open_onderwijsdata/");
  EXPECT_TRUE(latest["bewijs"][2].contains("aantal"));  // the public count now (null when absent)
  EXPECT_EQ(latest["bewijs"][3]["notitie_tekst"], "nieuwe vso-locatie");

  // Every role that reads aggregates gets it; the ouder does not.
  for (const char* reader : {"beheer", "school-a", "commissie"}) {
    auto one = region_->get(path(h), logins_[reader]);
    ASSERT_EQ(one->status, 200) << reader;
    EXPECT_EQ(body_of(one)["triangulatie"]["status"], "getrianguleerd");
  }
  EXPECT_EQ(region_->get(path(h), logins_["ouder"])->status, 403);
  bool listed = false;
  for (const json& item : body_of(region_->get("/api/hypothesen", logins_["commissie"]))) listed |= item["id"] == h["id"];
  EXPECT_TRUE(listed);

  // A status change by another writer: kept in the history, audited.
  auto changed = post("beheer", path(h, "wijzig"), {{"status", "ondersteund"}, {"alternatieven", json::array()}});
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(body_of(changed)["status"], "ondersteund");
  EXPECT_EQ(body_of(changed)["tekst"], h["tekst"]);
  EXPECT_EQ(body_of(changed)["alternatieven"], json::array());
  EXPECT_EQ(body_of(changed)["gewijzigd"].get<std::string>().size(), 20u);
  EXPECT_EQ(post("school-a", path(h, "wijzig"), {{"status", "open"}})->status, 403);
  EXPECT_EQ(post("commissie", path(h, "bewijs"), evidence[0].first)->status, 403);

  auto deleted = post("beheer", path(h, "verwijder"), json::object());
  ASSERT_EQ(deleted->status, 200) << deleted->body;
  EXPECT_EQ(region_->get(path(h), logins_["analist"])->status, 404);
  EXPECT_EQ(post("beheer", path(h, "verwijder"), json::object())->status, 404);

  auto db = open_store(region_->db());
  const auto history = hypothesis_history(*db, h["id"].get<int64_t>());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["actie"], "gewijzigd");
  EXPECT_EQ(history[0]["inhoud"]["status"], "open");
  EXPECT_EQ(history[1]["actie"], "verwijderd");
  EXPECT_EQ(history[1]["door"], "beheer");
  EXPECT_EQ(history[1]["inhoud"]["bewijs"].size(), 4u);
  EXPECT_THROW(db->exec("DELETE FROM hypothesen_historie"), StoreError);  // append-only
  EXPECT_EQ(db->query_int("SELECT count(*) FROM hypothese_bewijs WHERE hypothese_id = " + std::to_string(h["id"].get<int64_t>())), 0);
  const std::string id = std::to_string(h["id"].get<int64_t>());
  int audited = 0;
  for (const AuditEntry& e : audit("hypothese-gewijzigd")) audited += e.gebruiker == "beheer" && e.detail == "hypothese " + id + " (status ondersteund)";
  for (const AuditEntry& e : audit("hypothese-verwijderd")) audited += e.gebruiker == "beheer" && e.detail == "hypothese " + id;
  EXPECT_EQ(audited, 2);
}

TEST_F(HypothesesApiTest, OnlyTheAuthorOrABeheerderDeletes) {
  const json h = body_of(post("beheer", "/api/hypothesen", vso_rises()));
  auto refused = post("analist", path(h, "verwijder"), json::object());
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(error_of(refused), "alleen de schrijver (beheer) of een beheerder kan deze hypothese verwijderen; zet haar zo "
                               "nodig op 'weersproken'");
  EXPECT_EQ(region_->get(path(h), logins_["analist"])->status, 200);
  // Any writer may change it, though.
  EXPECT_EQ(post("analist", path(h, "wijzig"), {{"status", "weersproken"}})->status, 200);
}

TEST_F(HypothesesApiTest, RefusalsNameTheField) {
  json base = vso_rises();
  auto with = [&](const std::function<void(json&)>& change) {
    json body = base;
    change(body);
    return body;
  };
  const std::vector<std::pair<json, std::string>> bad = {
      {with([](json& b) { b.erase("tekst"); }), "veld 'tekst' ontbreekt"},
      {with([](json& b) { b["tekst"] = "  "; }), "veld 'tekst' is leeg"},
      {with([](json& b) { b["tekst"] = std::string(4001, 'x'); }), "veld 'tekst' is langer dan 4000 tekens; maak het korter"},
      {with([](json& b) { b["titel"] = "x"; }), "veld 'titel' is onbekend; geldig zijn: alternatieven, status, tekst, voorspelling"},
      {with([](json& b) { b["status"] = "bewezen"; }), "veld 'status': 'bewezen' is onbekend; kies uit ondersteund, weersproken, open"},
      {with([](json& b) { b["alternatieven"] = "geen lijst"; }), "veld 'alternatieven' moet een lijst van teksten zijn"},
      {with([](json& b) { b["alternatieven"] = {"goed", 3}; }), "veld 'alternatieven[1]' moet tekst zijn"},
      {with([](json& b) { b.erase("voorspelling"); }), "veld 'voorspelling' ontbreekt; geef maat, groepen en richting"},
      {with([](json& b) { b["voorspelling"]["richting"] = "groeit"; }),
       "veld 'voorspelling.richting': 'groeit' is onbekend; kies uit stijgt, daalt, boven, onder"},
      {with([](json& b) { b["voorspelling"]["maat"] = "geluk"; }),
       "veld 'voorspelling.maat': onbekende maat 'geluk'; GET /api/measures geeft de lijst"},
      {with([](json& b) { b["voorspelling"]["groepen"] = {{"cluster", "3"}}; }),
       "veld 'voorspelling': groep 'cluster' is geen kolom van maat leerlingen"},
      {with([](json& b) { b["voorspelling"]["groepen"] = json::object(); }),
       "veld 'voorspelling': de groepen laten meer dan één rij op "},
      {with([](json& b) { b["voorspelling"]["groepen"] = {{"onderwijssoort", 3}}; }), "veld 'voorspelling.groepen.onderwijssoort' moet tekst zijn"},
      {with([](json& b) { b["voorspelling"]["parameters"] = {{"at", "gisteren"}}; }), "veld 'voorspelling.parameters': "},
  };
  for (const auto& [body, message] : bad) {
    auto res = post("analist", "/api/hypothesen", body);
    EXPECT_EQ(res->status, 400) << body.dump();
    EXPECT_EQ(error_of(res).substr(0, message.size()), message) << body.dump();
  }
  EXPECT_EQ(error_of(region_->post("/api/hypothesen", "geen json", logins_["analist"])), "verwacht een JSON-object");

  const json h = body_of(post("analist", "/api/hypothesen", base));
  const std::vector<std::pair<json, std::string>> bad_evidence = {
      {{{"bron", "DUO"}, {"url", "https://duo.nl"}}, "veld 'soort' ontbreekt"},
      {{{"soort", "gerucht"}, {"bron", "DUO"}}, "veld 'soort': 'gerucht' is onbekend; kies uit maat, telling, notitie, document"},
      {{{"soort", "document"}, {"url", "https://duo.nl/x"}}, "veld 'bron' ontbreekt"},
      {{{"soort", "document"}, {"bron", "DUO"}, {"url", "javascript:alert(1)"}},
       "veld 'url': 'javascript:alert(1)' is geen webadres; geef een adres dat begint met https:// of http://"},
      {{{"soort", "document"}, {"bron", "DUO"}, {"url", "https://duo.nl/x"}, {"maat", "leerlingen"}},
       "veld 'maat' is onbekend; geldig zijn: bron, omschrijving, soort, url"},
      {{{"soort", "notitie"}, {"bron", "team"}, {"notitie", 999999}}, "veld 'notitie': notitie 999999 bestaat niet"},
      {{{"soort", "notitie"}, {"bron", "team"}, {"notitie", "1"}}, "veld 'notitie' ontbreekt of is geen nummer"},
      {{{"soort", "telling"}, {"bron", "CBS"}, {"teldatum", "2021-13-01"}, {"gebied", "NL"}, {"onderwijssoort", "so"}},
       "veld 'teldatum': '2021-13-01' is geen datum; geef een datum als JJJJ-MM-DD"},
      {{{"soort", "telling"}, {"bron", "CBS"}, {"teldatum", "2021-10-01"}, {"onderwijssoort", "so"}}, "veld 'gebied' ontbreekt"},
      {{{"soort", "telling"}, {"bron", "CBS"}, {"teldatum", "2021-10-01"}, {"gebied", "NL"}, {"onderwijssoort", "so"}, {"cluster", "5"}},
       "veld 'cluster': '5' is geen cluster; kies 1, 2, 3 of 4, of laat het weg"},
      {{{"soort", "maat"}, {"bron", "DUO"}, {"maat", "geluk"}}, "veld 'maat': onbekende maat 'geluk'"},
      {{{"soort", "maat"}, {"bron", "DUO"}, {"maat", "thuiszitters"}, {"parameters", {{"at", "nooit"}}}}, "veld 'parameters': "},
  };
  for (const auto& [body, message] : bad_evidence) {
    auto res = post("analist", path(h, "bewijs"), body);
    EXPECT_EQ(res->status, 400) << body.dump();
    EXPECT_EQ(error_of(res).substr(0, message.size()), message) << body.dump() << " -> " << error_of(res);
  }
  EXPECT_EQ(body_of(region_->get(path(h), logins_["analist"]))["bewijs"].size(), 0u);  // nothing stored
  EXPECT_EQ(error_of(post("analist", path(h, "wijzig"), json::object())),
            "geef minstens één van de velden 'tekst', 'status' of 'alternatieven'");
  EXPECT_EQ(error_of(post("analist", path(h, "wijzig"), {{"status", 1}})), "veld 'status' moet tekst zijn");
  EXPECT_EQ(error_of(post("analist", path(h, "wijzig"), {{"status", ""}})), "veld 'status' is leeg");
  EXPECT_EQ(error_of(post("analist", path(h, "wijzig"), {{"voorspelling", {}}})),
            "veld 'voorspelling' is onbekend; geldig zijn: alternatieven, status, tekst");
  EXPECT_EQ(error_of(post("analist", "/api/hypothesen/999999/bewijs", bad_evidence[2].first)),
            "hypothese 999999 bestaat niet (meer); laad de pagina opnieuw");
  // A BSN typed into the text is never stored.
  json with_bsn = base;
  with_bsn["tekst"] = "leerling " + region_->pupil_bsn + " viel op";
  auto masked = post("analist", "/api/hypothesen", with_bsn);
  ASSERT_EQ(masked->status, 201);
  EXPECT_EQ(body_of(masked)["tekst"].get<std::string>().find(region_->pupil_bsn), std::string::npos);
  EXPECT_TRUE(body_of(masked).contains("waarschuwing"));
}

// The observation is computed on every read: after an import of a region a year further on, the
// same hypothesis reads the new rows.
TEST(HypothesesFollowTheStore, TheObservationFollowsANewImport) {
  if (test::quick_mode()) GTEST_SKIP() << "STROOM_QUICK: the reload after an import is checked in the normal build";
  test::ServedRegion region(300, 11);  // school years 2018 to 2022
  const test::Login analist = region.login("analist");
  const json body = {{"tekst", "so daalt"}, {"voorspelling", {{"maat", "leerlingen"}, {"groepen", {{"onderwijssoort", "so"}}}, {"richting", "daalt"}}}};
  auto created = region.post("/api/hypothesen", body.dump(), analist);
  ASSERT_EQ(created->status, 201) << created->body;
  const json before = json::parse(created->body)["waargenomen"];
  const std::string path = "/api/hypothesen/" + std::to_string(json::parse(created->body)["id"].get<int64_t>());
  const std::string info_before = json::parse(region.get("/api/info", analist)->body)["datum_data"].dump();

  const std::string later = (region.dir() / "later").string();
  ASSERT_EQ(test::run_stroom({"generate", "--out", later, "--pupils", "400", "--from", "2018", "--to", "2023", "--seed", "12"}).exit_code, 0);
  const test::RunResult imported = test::run_stroom({"import", later, "--db", region.db()});
  ASSERT_TRUE(imported.exit_code == 0 || imported.exit_code == 3) << imported.err;
  json after;
  for (int i = 0; i < 300; ++i) {
    after = json::parse(region.get(path, analist)->body)["waargenomen"];
    if (after["datum_data"].dump() != info_before) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_NE(after["datum_data"].dump(), info_before) << after.dump();
  EXPECT_NE(after["rijen"], before["rijen"]);
  // And it is the new data's own first and last so row.
  const json measure = json::parse(region.get("/api/measures/leerlingen", analist)->body);
  std::vector<json> so;
  for (const json& row : measure["rijen"])
    if (row["onderwijssoort"] == "so") so.push_back(row);
  std::sort(so.begin(), so.end(), [](const json& a, const json& b) { return a["datum"] < b["datum"]; });
  ASSERT_EQ(after["rijen"].size(), 2u) << after.dump();
  EXPECT_EQ(after["rijen"][0], so.front());
  EXPECT_EQ(after["rijen"][1], so.back());
  EXPECT_EQ(after["datum_data"], measure["datum_data"]);
}

}  // namespace
}  // namespace stroom
