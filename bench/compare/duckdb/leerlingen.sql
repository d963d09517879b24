-- leerlingen (maatboek): distinct pupils per setting and in total on every teldatum.
-- Candidates are the 1 Octobers from the year of the first startdatum up to the latest start or
-- end date; a candidate with nobody enrolled is not a teldatum. Each (date, pupil) gets the set
-- of its settings as a bit mask in one hash aggregate (faster here than count(DISTINCT) per
-- setting plus one for the total, which DuckDB evaluates as separate distinct aggregates).
WITH cand AS (SELECT t FROM teldatum_kandidaat),
masks AS (
  SELECT c.t, i.pupil, bit_or(1 << enum_code(i.onderwijssoort)) AS m
  FROM cand c JOIN inschrijvingen i ON i.startdatum <= c.t AND coalesce(i.einddatum, DATE '9999-12-31') >= c.t
  GROUP BY c.t, i.pupil),
settings(s, k) AS (VALUES ('bao', 0), ('sbo', 1), ('so', 2), ('vo', 3), ('pro', 4), ('vso', 5), ('isk', 6), ('totaal', 7)),
counts AS (
  SELECT t, count(*) AS totaal, sum(m & 1) AS b0, sum((m >> 1) & 1) AS b1, sum((m >> 2) & 1) AS b2,
         sum((m >> 3) & 1) AS b3, sum((m >> 4) & 1) AS b4, sum((m >> 5) & 1) AS b5, sum((m >> 6) & 1) AS b6
  FROM masks GROUP BY t)
SELECT CAST(c.t AS VARCHAR) AS datum, st.s AS onderwijssoort,
       [b0, b1, b2, b3, b4, b5, b6, totaal][st.k + 1] AS waarde
FROM counts c CROSS JOIN settings st
ORDER BY c.t, st.k;
