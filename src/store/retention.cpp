// Applying the retention period; see retention.h.
#include "store/retention.h"

#include <charconv>

#include <fmt/format.h>

#include "store/audit_log.h"

namespace stroom {
namespace {

constexpr std::string_view kSetting = "bewaartermijn_jaren";

// Pupils made anonymous before ("anon-…") are not renamed again. Each record's end, NULL while it
// is still open: an enrolment or report without einddatum, a
// decision that started and has no end, a request without a decision, a wait without outcome.
constexpr std::string_view kPastPupils = R"sql(
CREATE TEMP TABLE vervanging AS
WITH einden(leerling_id, einde) AS (
  SELECT leerling_id, einddatum FROM inschrijvingen
  UNION ALL SELECT leerling_id, CASE WHEN einddatum IS NOT NULL THEN einddatum
                                     WHEN startdatum IS NULL THEN besluitdatum END FROM ondersteuning
  UNION ALL SELECT leerling_id, einddatum FROM verzuim
  UNION ALL SELECT leerling_id, coalesce(plaatsingsdatum, afgemeld) FROM wachtlijst)
SELECT leerling_id AS oud, 'anon-' || lower(hex(randomblob(12))) AS nieuw
FROM einden WHERE leerling_id NOT LIKE 'anon-%' GROUP BY leerling_id HAVING count(*) = count(einde) AND max(einde) < ?1;
CREATE UNIQUE INDEX temp.vervanging_oud ON vervanging (oud);
)sql";

Date years_before(Date today, int years) {
  const CivilDate d = today.civil();
  return *Date::from_ymd(d.year - years, d.month, d.month == 2 && d.day == 29 ? 28 : d.day);
}

int64_t run(Database& db, const std::string& sql) {
  db.exec(sql);
  return db.changes();
}

}  // namespace

std::optional<int> retention_years(Database& db) {
  Statement query = db.prepare("SELECT waarde FROM instellingen WHERE naam = ?");
  query.bind_text(1, kSetting);
  if (!query.step()) return std::nullopt;
  int years = 0;
  const std::string_view text = query.column_text(0);
  if (std::from_chars(text.data(), text.data() + text.size(), years).ec != std::errc()) return std::nullopt;
  return years;
}

void set_retention_years(Database& db, int years) {
  if (years < 1) throw StoreError("de bewaartermijn is minstens 1 jaar");
  Statement upsert = db.prepare("INSERT INTO instellingen (naam, waarde) VALUES (?, ?) "
                                "ON CONFLICT (naam) DO UPDATE SET waarde = excluded.waarde");
  upsert.bind_text(1, kSetting);
  upsert.bind_text(2, std::to_string(years));
  upsert.step();
}

RetentionResult apply_retention(Database& db, int years, Date today, const std::string& actor) {
  RetentionResult result{years_before(today, years)};
  Transaction transaction(db);
  db.exec("DROP TABLE IF EXISTS temp.vervanging");
  // exec() cannot bind parameters; the cutoff is an ISO date made here, so it is inlined safely.
  std::string past_pupils(kPastPupils);
  db.exec(past_pupils.replace(past_pupils.find("?1"), 2, "'" + result.cutoff.iso() + "'"));
  result.pupils = db.query_int("SELECT count(*) FROM vervanging").value_or(0);
  for (const char* table : {"inschrijvingen", "ondersteuning", "verzuim", "wachtlijst"})
    run(db, fmt::format("UPDATE {0} SET leerling_id = (SELECT nieuw FROM vervanging WHERE oud = {0}.leerling_id) "
                        "WHERE leerling_id IN (SELECT oud FROM vervanging)", table));
  run(db, "UPDATE inschrijvingen SET geboortedatum = NULL WHERE leerling_id IN (SELECT nieuw FROM vervanging)");
  result.history_rows = run(db,
      "DELETE FROM geschiedenis WHERE json_extract(oude_rij, '$.leerling_id') IN (SELECT oud FROM vervanging)");
  result.accounts = run(db,
      "UPDATE gebruikers SET actief = 0, leerling_id = NULL WHERE leerling_id IN (SELECT oud FROM vervanging)");
  db.exec("DROP TABLE temp.vervanging");
  append_audit(db, {{0, {}, actor, "beheerder", "bewaartermijn-toegepast", {}, "stroom bewaartermijn",
                     fmt::format("{} jaar, einde voor {}: {} leerlingen geanonimiseerd", years, result.cutoff.iso(), result.pupils), {}}});
  transaction.commit();
  return result;
}

}  // namespace stroom
