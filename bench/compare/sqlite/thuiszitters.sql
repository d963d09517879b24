-- thuiszitters (maatboek) on $at: active reports (thuiszitter = ja, startdatum <= D, einddatum
-- empty or > D); actief = distinct pupils; per1000 against leerlingen totaal on the latest
-- teldatum <= D; mediaan_weken = median of floor((D - startdatum) / 7) over active reports.
-- Numbers are rendered as stroom renders them: rounded to 2 decimals, whole numbers bare.
WITH RECURSIVE
peil(t) AS (
  SELECT max(t) FROM teldatum_kandidaat WHERE t <= $at
    AND EXISTS (SELECT 1 FROM inschrijvingen WHERE startdatum <= t AND coalesce(einddatum, '9999-12-31') >= t)),
enrolled(n) AS (
  SELECT (SELECT count(*) FROM (
            SELECT DISTINCT leerling_id FROM inschrijvingen INDEXED BY ins_pupil_setting_start
            WHERE startdatum <= peil.t AND coalesce(einddatum, '9999-12-31') >= peil.t))
  FROM peil WHERE peil.t IS NOT NULL),
active AS MATERIALIZED (
  SELECT leerling_id, (unixepoch($at) - unixepoch(startdatum)) / 604800 AS weeks
  FROM verzuim WHERE thuiszitter = 'ja' AND startdatum <= $at AND (einddatum IS NULL OR einddatum > $at)),
ranked AS (SELECT weeks, row_number() OVER (ORDER BY weeks) AS r, count(*) OVER () AS c FROM active),
stats(actief, mediaan) AS (
  SELECT (SELECT count(DISTINCT leerling_id) FROM active),
         (SELECT avg(weeks) FROM ranked WHERE r IN ((c + 1) / 2, (c + 2) / 2))),
shown(k, maat, x) AS (
  SELECT 1, 'actief', actief FROM stats
  UNION ALL SELECT 2, 'per1000', (SELECT CASE WHEN n > 0 THEN 1000.0 * actief / n END FROM enrolled) FROM stats
  UNION ALL SELECT 3, 'mediaan_weken', mediaan FROM stats),
rounded(k, maat, r) AS (SELECT k, maat, round(x * 100) / 100.0 FROM shown)
SELECT $at AS datum, maat,
       CASE WHEN r IS NULL THEN NULL
            WHEN r = CAST(r AS INTEGER) THEN CAST(r AS INTEGER)
            ELSE rtrim(printf('%.2f', r), '0') END AS waarde
FROM rounded ORDER BY k;
