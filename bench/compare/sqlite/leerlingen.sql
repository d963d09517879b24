-- leerlingen (maatboek): distinct pupils per setting and in total on every teldatum.
-- Candidates: the 1 Octobers from the year of the first startdatum up to the latest start or end
-- date; a candidate with nobody enrolled is not a teldatum. SQLite has no hash aggregation, so
-- every count is a correlated subquery over an index in leerling_id order: DISTINCT then streams
-- (no temporary b-tree), one index scan per date and setting.
WITH RECURSIVE
settings(s, k) AS (VALUES ('bao', 1), ('sbo', 2), ('so', 3), ('vo', 4), ('pro', 5), ('vso', 6), ('isk', 7)),
totals AS MATERIALIZED (
  SELECT t, (SELECT count(*) FROM (
               SELECT DISTINCT leerling_id FROM inschrijvingen INDEXED BY ins_pupil_setting_start
               WHERE startdatum <= t AND coalesce(einddatum, '9999-12-31') >= t)) AS n
  FROM teldatum_kandidaat)
SELECT t AS datum, s AS onderwijssoort, n AS waarde FROM (
  SELECT t, s, k, (SELECT count(*) FROM (
                     SELECT DISTINCT leerling_id FROM inschrijvingen INDEXED BY ins_setting_pupil
                     WHERE onderwijssoort = s AND startdatum <= t AND coalesce(einddatum, '9999-12-31') >= t)) AS n
  FROM totals CROSS JOIN settings WHERE totals.n > 0
  UNION ALL SELECT t, 'totaal', 8, n FROM totals WHERE n > 0)
ORDER BY t, k;
