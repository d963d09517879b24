// Notes people can manage, through a real server: the author edits and deletes their own note,
// every earlier version is kept (notities_historie) and audited, others are refused, and a note
// must hang on a chart that exists and a period within the data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/calendar.h"
#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/notes_repository.h"

namespace stroom {
namespace {

using nlohmann::json;

class NotesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(300, 11);
    for (const char* user : {"beheer", "analist", "school-a", "commissie"}) logins_[user] = region_->login(user);
    const json info = json::parse(region_->get("/api/info", logins_["analist"])->body);
    first_ = info["eerste_datum"];
    last_ = info["laatste_datum"];
  }
  static void TearDownTestSuite() { delete region_; }

  static httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return region_->post(path, body.dump(), logins_[user]);
  }
  // A note by `user` on a chart the web app shows, for the whole period of the data.
  static json add(const std::string& user, const std::string& tekst) {
    auto res = post(user, "/api/notities", {{"grafiek", "overzicht-deelname"}, {"van", first_}, {"tot", last_}, {"tekst", tekst}});
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body);
  }
  static std::string path(const json& note, const char* action) {
    return "/api/notities/" + std::to_string(note["id"].get<int64_t>()) + "/" + action;
  }
  static std::string error_of(const httplib::Result& res) { return json::parse(res->body).value("fout", ""); }
  static json listed() {
    return json::parse(region_->get("/api/notities?grafiek=overzicht-deelname", logins_["analist"])->body);
  }
  static std::vector<AuditEntry> audit(const std::string& actie) {
    auto db = open_store(region_->db());
    AuditFilter filter{"", "", 0};
    filter.actie = actie;
    return read_audit(*db, filter);
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
  static inline std::string first_, last_;
};

TEST_F(NotesTest, TheAuthorEditsAndDeletesAndEveryVersionIsKeptAndAudited) {
  const json note = add("analist", "eerste lezing");
  auto edited = post("analist", path(note, "wijzig"), {{"van", first_}, {"tot", first_}, {"tekst", "tweede lezing"}});
  ASSERT_EQ(edited->status, 200) << edited->body;
  const json changed = json::parse(edited->body);
  EXPECT_EQ(changed["tekst"], "tweede lezing");
  EXPECT_EQ(changed["tot"], first_);
  EXPECT_EQ(changed["auteur"], "analist");
  EXPECT_EQ(changed["aangemaakt"], note["aangemaakt"]);
  EXPECT_EQ(changed["gewijzigd"].get<std::string>().size(), 20u);
  bool found = false;
  for (const json& n : listed()) found |= n["id"] == note["id"] && n["tekst"] == "tweede lezing";
  EXPECT_TRUE(found);

  auto deleted = post("analist", path(note, "verwijder"), json::object());
  ASSERT_EQ(deleted->status, 200) << deleted->body;
  for (const json& n : listed()) EXPECT_NE(n["id"], note["id"]);
  EXPECT_EQ(post("analist", path(note, "verwijder"), json::object())->status, 404);

  // Nothing lost: the first text (replaced by the edit) and the second (deleted) are both kept.
  auto db = open_store(region_->db());
  const auto history = note_history(*db, note["id"].get<int64_t>());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].actie, "gewijzigd");
  EXPECT_EQ(history[0].note.tekst, "eerste lezing");
  EXPECT_EQ(history[0].note.tot, last_);
  EXPECT_EQ(history[1].actie, "verwijderd");
  EXPECT_EQ(history[1].note.tekst, "tweede lezing");
  EXPECT_EQ(history[1].door, "analist");
  EXPECT_THROW(db->exec("DELETE FROM notities_historie"), StoreError);  // append-only

  const std::string detail = "notitie " + std::to_string(note["id"].get<int64_t>()) + " (overzicht-deelname)";
  for (const char* actie : {"notitie-gewijzigd", "notitie-verwijderd"}) {
    int matching = 0;
    for (const AuditEntry& e : audit(actie)) matching += e.gebruiker == "analist" && e.detail == detail;
    EXPECT_EQ(matching, 1) << actie;
  }
}

TEST_F(NotesTest, OthersCannotEditAndOnlyTheBeheerderMayDeleteAnotherOnesNote) {
  const json note = add("school-a", "lezing van de school");
  for (const char* user : {"analist", "beheer", "commissie"}) {
    auto res = post(user, path(note, "wijzig"), {{"tekst", "overschreven"}});
    EXPECT_EQ(res->status, 403) << user;
    EXPECT_EQ(error_of(res), "alleen de schrijver (school-a) kan deze notitie wijzigen; schrijf zo nodig een eigen notitie");
  }
  auto refused = post("commissie", path(note, "verwijder"), json::object());
  EXPECT_EQ(refused->status, 403);
  EXPECT_NE(error_of(refused).find("of een beheerder"), std::string::npos);
  // Without the CSRF token the guard refuses before the handler looks at the note.
  EXPECT_EQ(region_->post(path(note, "verwijder"), "{}", logins_["school-a"], /*send_csrf=*/false)->status, 403);
  bool kept = false;
  for (const json& n : listed()) kept |= n["id"] == note["id"] && n["tekst"] == "lezing van de school";
  EXPECT_TRUE(kept);
  EXPECT_EQ(post("beheer", path(note, "verwijder"), json::object())->status, 200);
  auto db = open_store(region_->db());
  const auto history = note_history(*db, note["id"].get<int64_t>());
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].door, "beheer");
  EXPECT_EQ(history[0].note.auteur, "school-a");
}

TEST_F(NotesTest, TheChartMustExistAndThePeriodLieWithinTheData) {
  auto unknown = post("analist", "/api/notities", {{"grafiek", "bestaat-niet"}, {"tekst", "t"}});
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(error_of(unknown), "grafiek 'bestaat-niet' bestaat niet; kies een grafiek uit GET /api/grafieken");
  const json charts = json::parse(region_->get("/api/grafieken", logins_["analist"])->body);
  EXPECT_NE(std::find(charts.begin(), charts.end(), "overzicht-deelname"), charts.end());
  EXPECT_EQ(std::find(charts.begin(), charts.end(), "bestaat-niet"), charts.end());

  const std::string before = Date::from_days(parse_date(first_)->days() - 1).iso();
  const std::string after = Date::from_days(parse_date(last_)->days() + 1).iso();
  const std::string range = "kies een datum van " + first_ + " tot en met " + last_;
  const std::vector<std::pair<json, std::string>> bad = {
      {{{"van", before}, {"tot", last_}}, "veld 'van': " + before + " ligt buiten de periode van de gegevens; " + range},
      {{{"van", first_}, {"tot", after}}, "veld 'tot': " + after + " ligt buiten de periode van de gegevens; " + range},
      {{{"van", last_}, {"tot", first_}}, "'tot' ligt voor 'van'; kies een einddatum op of na de begindatum"},
      {{{"van", "31-02-2021"}}, "veld 'van': '31-02-2021' is geen datum; geef een datum als JJJJ-MM-DD"},
  };
  const json note = add("analist", "grenzen");
  for (auto [body, message] : bad) {
    body["tekst"] = "t";
    body["grafiek"] = "overzicht-deelname";
    auto added = post("analist", "/api/notities", body);
    EXPECT_EQ(added->status, 400) << body.dump();
    EXPECT_EQ(error_of(added), message);
    auto edited = post("analist", path(note, "wijzig"), body);
    EXPECT_EQ(edited->status, 400) << body.dump();
    EXPECT_EQ(error_of(edited), message);
  }
  // The limits themselves are accepted; the text may be 2,000 characters (counted, not bytes).
  std::string longest;
  for (int i = 0; i < 2000; ++i) longest += "é";
  EXPECT_EQ(post("analist", path(note, "wijzig"), {{"van", first_}, {"tot", last_}, {"tekst", longest}})->status, 200);
  auto too_long = post("analist", path(note, "wijzig"), {{"tekst", longest + "e"}});
  EXPECT_EQ(too_long->status, 400);
  EXPECT_EQ(error_of(too_long), "veld 'tekst' is langer dan 2000 tekens; maak de notitie korter");
  auto missing = post("analist", "/api/notities/999999/wijzig", {{"tekst", "t"}});
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(error_of(missing), "notitie 999999 bestaat niet (meer); laad de pagina opnieuw");
}

}  // namespace
}  // namespace stroom
