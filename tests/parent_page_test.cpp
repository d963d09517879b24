// The "Mijn kind" endpoints for a parent, through a real server: the child's record without any
// internal id, who looked at the child's data (role and organisation, only this child's entries,
// itself audited), and the SWV's contact details as `stroom instelling` set them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "served_region.h"
#include "store/audit_log.h"
#include "store/migrations.h"

namespace stroom {
namespace {

using nlohmann::json;

class ParentPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    region_ = new test::ServedRegion(300, 12);
    for (const char* user : {"beheer", "school-a", "school-b", "ouder", "analist"}) logins_[user] = region_->login(user);
  }
  static void TearDownTestSuite() { delete region_; }

  static httplib::Result get(const std::string& user, const std::string& path) { return region_->get(path, logins_[user]); }

  static std::string vestiging_name(const std::string& id) {
    for (const json& v : json::parse(get("beheer", "/api/vestigingen")->body))
      if (v["vestiging_id"] == id) return v["naam"];
    return {};
  }

  static inline test::ServedRegion* region_ = nullptr;
  static inline std::map<std::string, test::Login> logins_;
};

TEST_F(ParentPageTest, TheRecordCarriesNoInternalId) {
  auto res = get("ouder", "/api/mijn-kind");
  ASSERT_EQ(res->status, 200) << res->body;
  const json record = json::parse(res->body);
  const json full = json::parse(get("beheer", "/api/leerlingen/" + region_->pupil_a)->body);
  EXPECT_FALSE(record.contains("leerling_id"));
  EXPECT_EQ(res->body.find(region_->pupil_a), std::string::npos);
  for (const char* source : {"inschrijvingen", "ondersteuning", "verzuim", "wachtlijst"})
    EXPECT_EQ(record[source].size(), full[source].size()) << source;
  ASSERT_FALSE(record["inschrijvingen"].empty());
  EXPECT_EQ(record["inschrijvingen"][0]["vestiging_id"], full["inschrijvingen"][0]["vestiging_id"]);
  for (const json& row : record["ondersteuning"]) EXPECT_FALSE(row.contains("besluit_id"));
  for (const json& row : record["verzuim"]) EXPECT_FALSE(row.contains("melding_id"));
  for (const char* user : {"beheer", "school-a", "analist"}) EXPECT_EQ(get(user, "/api/mijn-kind")->status, 403) << user;
}

TEST_F(ParentPageTest, TheAccessLogShowsRoleAndOrganisationOfThisChildOnly) {
  ASSERT_EQ(get("beheer", "/api/leerlingen/" + region_->pupil_a)->status, 200);
  ASSERT_EQ(get("school-a", "/api/leerlingen/" + region_->pupil_a)->status, 200);
  ASSERT_EQ(get("school-b", "/api/leerlingen/" + region_->pupil_a)->status, 403);
  ASSERT_EQ(get("beheer", "/api/leerlingen/" + region_->pupil_b)->status, 200);  // another child
  ASSERT_EQ(get("ouder", "/api/leerlingen/" + region_->pupil_a)->status, 200);   // the parent's own visit

  auto res = get("ouder", "/api/mijn-kind/inzage");
  ASSERT_EQ(res->status, 200) << res->body;
  const json rows = json::parse(res->body)["regels"];
  // Exactly the entries about this child by someone else, newest first, as the audit log holds them.
  auto db = open_store(region_->db());
  std::vector<AuditEntry> expected;
  for (const AuditEntry& e : read_audit(*db, {region_->pupil_a, "", 0}))
    if (e.gebruiker != "ouder") expected.push_back(e);
  ASSERT_EQ(rows.size(), expected.size()) << res->body;
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i]["tijdstip"], expected[i].tijdstip);

  const std::string school = "school (" + vestiging_name(region_->vestiging_a) + ")";
  const std::string other_school = "school (" + vestiging_name(region_->vestiging_b) + ")";
  std::multiset<std::pair<std::string, std::string>> seen;
  for (const json& row : rows) {
    seen.emplace(row["wie"], row["wat"]);
    EXPECT_FALSE(row.contains("naam"));
  }
  EXPECT_GE(seen.count({"samenwerkingsverband (beheerder)", "bekeek de gegevens van uw kind"}), 1u);
  EXPECT_GE(seen.count({school, "bekeek de gegevens van uw kind"}), 1u);
  EXPECT_GE(seen.count({other_school, "probeerde de gegevens van uw kind te bekijken; dat werd geweigerd"}), 1u);
  // No account name of staff, no pseudonym of this or another child.
  for (const std::string& text : {std::string("\"beheer\""), std::string("school-a"), std::string("school-b"),
                                  region_->pupil_a, region_->pupil_b})
    EXPECT_EQ(res->body.find(text), std::string::npos) << text;

  // The overview itself is audited, under the child.
  int audited = 0;
  for (const AuditEntry& e : read_audit(*db, {region_->pupil_a, "ouder", 0})) audited += e.actie == "inzage-logboek";
  EXPECT_EQ(audited, 1);
  EXPECT_EQ(get("beheer", "/api/mijn-kind/inzage")->status, 403);
}

TEST_F(ParentPageTest, TheSwvSetsItsContactDetailsAndWhetherNamesAreShown) {
  EXPECT_EQ(json::parse(get("ouder", "/api/contact")->body), json::object());
  auto set = test::run_stroom({"instelling", "contact", "--db", region_->db(), "--naam", "SWV Passend Onderwijs Regio",
                               "--telefoon", "010 123 45 67", "--email", "info@swv.example"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("telefoon: 010 123 45 67"), std::string::npos) << set.out;
  const json contact = json::parse(get("ouder", "/api/contact")->body);
  EXPECT_EQ(contact, (json{{"naam", "SWV Passend Onderwijs Regio"}, {"telefoon", "010 123 45 67"}, {"email", "info@swv.example"}}));
  ASSERT_EQ(test::run_stroom({"instelling", "contact", "--db", region_->db(), "--email", ""}).exit_code, 0);
  EXPECT_FALSE(json::parse(get("ouder", "/api/contact")->body).contains("email"));

  ASSERT_EQ(get("beheer", "/api/leerlingen/" + region_->pupil_a)->status, 200);
  ASSERT_EQ(test::run_stroom({"instelling", "inzage", "--db", region_->db(), "--namen", "ja"}).exit_code, 0);
  const json shown = json::parse(get("ouder", "/api/mijn-kind/inzage")->body);
  EXPECT_TRUE(shown["namen_getoond"]);
  ASSERT_FALSE(shown["regels"].empty());
  EXPECT_EQ(shown["regels"][0]["naam"], "beheer");
  ASSERT_EQ(test::run_stroom({"instelling", "inzage", "--db", region_->db(), "--namen", "nee"}).exit_code, 0);
  EXPECT_FALSE(json::parse(get("ouder", "/api/mijn-kind/inzage")->body)["regels"][0].contains("naam"));
  // Each change of a setting is in the audit log.
  auto db = open_store(region_->db());
  AuditFilter filter{"", "", 0};
  filter.actie = "instelling-gewijzigd";
  EXPECT_EQ(read_audit(*db, filter).size(), 4u);
}

}  // namespace
}  // namespace stroom
