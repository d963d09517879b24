// Events beside the numbers (issue 11, point 5), through a real server: a note marked as an event
// keeps its date and kind through create and edit, the date must lie within the data and the kind
// be one of four (Dutch messages naming the field), and GET /api/gebeurtenissen gives the
// region's events whatever chart they were written on, to every role that reads notes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/calendar.h"
#include "served_region.h"
#include "store/migrations.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

using nlohmann::json;

class EventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(300, 12);
    for (const char* user : {"beheer", "analist", "school-a", "school-b", "commissie", "ouder"})
      logins_[user] = region_->login(user);
    const json info = json::parse(region_->get("/api/info", logins_["analist"])->body);
    first_ = info["eerste_datum"];
    last_ = info["laatste_datum"];
  }
  static void TearDownTestSuite() { delete region_; }

  static httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return region_->post(path, body.dump(), logins_[user]);
  }
  static std::string error_of(const httplib::Result& res) { return json::parse(res->body).value("fout", ""); }
  static json events_as(const std::string& user) {
    auto res = region_->get("/api/gebeurtenissen", logins_[user]);
    EXPECT_EQ(res->status, 200) << user << ": " << res->body;
    return json::parse(res->body);
  }
  static const json* find(const json& list, const json& id) {
    for (const json& e : list)
      if (e["id"] == id) return &e;
    return nullptr;
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
  static inline std::string first_, last_;
};

TEST_F(EventsTest, AnEventKeepsItsDateAndKindThroughCreateAndEditAndIsListedForTheRegion) {
  // Written on the Voorzieningen page, drawn everywhere: the list does not depend on the chart.
  auto created = post("analist", "/api/notities",
                      {{"grafiek", "voorzieningen-capaciteit"},
                       {"tekst", "Nieuwe observatieklas geopend"},
                       {"gebeurtenis", {{"datum", first_}, {"soort", "nieuwe_voorziening"}}}});
  ASSERT_EQ(created->status, 201) << created->body;
  const json note = json::parse(created->body);
  EXPECT_EQ(note["gebeurtenis"], (json{{"datum", first_}, {"soort", "nieuwe_voorziening"}}));
  auto ordinary = post("analist", "/api/notities", {{"grafiek", "overzicht-deelname"}, {"tekst", "gewone lezing"}});
  ASSERT_EQ(ordinary->status, 201);
  const json plain = json::parse(ordinary->body);
  EXPECT_FALSE(plain.contains("gebeurtenis"));

  for (const char* user : {"beheer", "analist", "school-a", "school-b", "commissie"}) {
    const json listed = events_as(user);
    const json* event = find(listed, note["id"]);
    ASSERT_NE(event, nullptr) << user;
    EXPECT_EQ((*event)["grafiek"], "voorzieningen-capaciteit");
    EXPECT_EQ((*event)["tekst"], "Nieuwe observatieklas geopend");
    EXPECT_EQ((*event)["gebeurtenis"]["soort"], "nieuwe_voorziening");
    EXPECT_EQ(find(listed, plain["id"]), nullptr) << "an ordinary note is no event";
  }
  EXPECT_EQ(region_->get("/api/gebeurtenissen", logins_["ouder"])->status, 403);

  // The edit changes date and kind; a later event comes after it in the list (by date).
  const std::string path = "/api/notities/" + std::to_string(note["id"].get<int64_t>()) + "/wijzig";
  auto edited = post("analist", path,
                     {{"tekst", "Procedure aangepast"}, {"gebeurtenis", {{"datum", last_}, {"soort", "procedure_gewijzigd"}}}});
  ASSERT_EQ(edited->status, 200) << edited->body;
  EXPECT_EQ(json::parse(edited->body)["gebeurtenis"], (json{{"datum", last_}, {"soort", "procedure_gewijzigd"}}));
  auto earlier = post("beheer", "/api/notities",
                      {{"grafiek", "overzicht-leerlingen"},
                       {"tekst", "Telling anders"},
                       {"gebeurtenis", {{"datum", first_}, {"soort", "definitie_gewijzigd"}}}});
  ASSERT_EQ(earlier->status, 201);
  const json listed = events_as("commissie");
  ASSERT_GE(listed.size(), 2u);
  for (size_t i = 1; i < listed.size(); ++i)
    EXPECT_LE(listed[i - 1]["gebeurtenis"]["datum"], listed[i]["gebeurtenis"]["datum"]);
  EXPECT_EQ((*find(listed, note["id"]))["gebeurtenis"]["datum"], last_);

  // The history keeps the event as it was; an edit without "gebeurtenis" makes it a plain note.
  auto unmarked = post("analist", path, {{"tekst", "toch geen gebeurtenis"}});
  ASSERT_EQ(unmarked->status, 200);
  EXPECT_FALSE(json::parse(unmarked->body).contains("gebeurtenis"));
  EXPECT_EQ(find(events_as("analist"), note["id"]), nullptr);
  auto db = open_store(region_->db());
  const auto history = note_history(*db, note["id"].get<int64_t>());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].note.gebeurtenis_datum, first_);
  EXPECT_EQ(history[0].note.gebeurtenis_soort, "nieuwe_voorziening");
  EXPECT_EQ(history[1].note.gebeurtenis_soort, "procedure_gewijzigd");
}

TEST_F(EventsTest, DateAndKindAreCheckedWithMessagesNamingTheField) {
  const std::string before = Date::from_days(parse_date(first_)->days() - 1).iso();
  const std::string after = Date::from_days(parse_date(last_)->days() + 1).iso();
  const std::string range = "kies een datum van " + first_ + " tot en met " + last_;
  const std::string kinds = "kies nieuwe_voorziening, procedure_gewijzigd, definitie_gewijzigd of anders";
  const std::vector<std::pair<json, std::string>> bad = {
      {{{"datum", before}, {"soort", "anders"}},
       "veld 'gebeurtenis.datum': " + before + " ligt buiten de periode van de gegevens; " + range},
      {{{"datum", after}, {"soort", "anders"}},
       "veld 'gebeurtenis.datum': " + after + " ligt buiten de periode van de gegevens; " + range},
      {{{"datum", "31-02-2022"}, {"soort", "anders"}},
       "veld 'gebeurtenis.datum': '31-02-2022' is geen datum; geef een datum als JJJJ-MM-DD"},
      {{{"datum", first_}, {"soort", "verhuizing"}},
       "veld 'gebeurtenis.soort': 'verhuizing' is geen soort gebeurtenis; " + kinds},
      {{{"soort", "anders"}},
       "veld 'gebeurtenis.datum' ontbreekt of is geen tekst; een gebeurtenis heeft een datum (JJJJ-MM-DD) en een soort"},
      {{{"datum", first_}, {"soort", 3}},
       "veld 'gebeurtenis.soort' ontbreekt of is geen tekst; een gebeurtenis heeft een datum (JJJJ-MM-DD) en een soort"},
      {"2022-10-01", "veld 'gebeurtenis' moet een object zijn met datum en soort (of null voor een gewone notitie)"},
  };
  auto plain = post("school-a", "/api/notities", {{"grafiek", "overzicht-deelname"}, {"tekst", "lezing"}});
  ASSERT_EQ(plain->status, 201);
  const std::string edit = "/api/notities/" + std::to_string(json::parse(plain->body)["id"].get<int64_t>()) + "/wijzig";
  for (const auto& [event, message] : bad) {
    auto added = post("school-a", "/api/notities", {{"grafiek", "overzicht-deelname"}, {"tekst", "t"}, {"gebeurtenis", event}});
    EXPECT_EQ(added->status, 400) << event.dump();
    EXPECT_EQ(error_of(added), message);
    auto edited = post("school-a", edit, {{"tekst", "t"}, {"gebeurtenis", event}});
    EXPECT_EQ(edited->status, 400) << event.dump();
    EXPECT_EQ(error_of(edited), message);
  }
  // The bounds themselves and every kind are accepted; null is an ordinary note.
  for (const char* soort : {"nieuwe_voorziening", "procedure_gewijzigd", "definitie_gewijzigd", "anders"})
    for (const std::string& datum : {first_, last_})
      EXPECT_EQ(post("school-a", edit, {{"tekst", "t"}, {"gebeurtenis", {{"datum", datum}, {"soort", soort}}}})->status, 200)
          << soort << " " << datum;
  auto null_event = post("school-a", edit, {{"tekst", "t"}, {"gebeurtenis", nullptr}});
  ASSERT_EQ(null_event->status, 200);
  EXPECT_FALSE(json::parse(null_event->body).contains("gebeurtenis"));
  // A parent writes no notes, events included.
  EXPECT_EQ(post("ouder", "/api/notities",
                 {{"grafiek", "overzicht-deelname"}, {"tekst", "t"}, {"gebeurtenis", {{"datum", first_}, {"soort", "anders"}}}})
                ->status,
            403);
}

}  // namespace
}  // namespace stroom
