-- thuiszitters (maatboek) on $at: active reports (thuiszitter = ja, startdatum <= D, einddatum
-- empty or > D); actief = distinct pupils; per1000 against leerlingen totaal on the latest
-- teldatum <= D; mediaan_weken = median of floor((D - startdatum) / 7) over active reports.
-- Numbers are rendered as stroom renders them: rounded to 2 decimals, whole numbers bare.
WITH params AS (SELECT CAST($at AS DATE) AS d),
cand AS (SELECT t FROM teldatum_kandidaat, params WHERE t <= d),
-- the latest candidate with anybody enrolled: count the candidates from the latest down
peil AS (
  SELECT max(c.t) AS t FROM cand c
  WHERE EXISTS (SELECT 1 FROM inschrijvingen i
                WHERE i.startdatum <= c.t AND coalesce(i.einddatum, DATE '9999-12-31') >= c.t)),
enrolled AS (
  SELECT count(DISTINCT i.pupil) AS n FROM inschrijvingen i, peil
  WHERE i.startdatum <= peil.t AND coalesce(i.einddatum, DATE '9999-12-31') >= peil.t),
active AS (
  SELECT v.pupil, CAST((params.d - v.startdatum) // 7 AS DOUBLE) AS weeks FROM verzuim v, params
  WHERE v.thuiszitter AND v.startdatum <= params.d AND (v.einddatum IS NULL OR v.einddatum > params.d)),
stats AS (
  SELECT (SELECT count(DISTINCT pupil) FROM active) AS actief,
         (SELECT median(weeks) FROM active) AS mediaan,
         (SELECT CASE WHEN peil.t IS NOT NULL AND enrolled.n > 0 THEN enrolled.n END FROM peil, enrolled) AS noemer),
shown AS (
  SELECT 1 AS k, 'actief' AS maat, CAST(actief AS DOUBLE) AS x FROM stats
  UNION ALL SELECT 2, 'per1000', 1000.0 * actief / noemer FROM stats
  UNION ALL SELECT 3, 'mediaan_weken', mediaan FROM stats)
SELECT CAST(params.d AS VARCHAR) AS datum, maat,
       CASE WHEN x IS NULL THEN NULL
            WHEN round(x * 100) / 100 = floor(round(x * 100) / 100) THEN CAST(CAST(round(x * 100) / 100 AS BIGINT) AS VARCHAR)
            ELSE rtrim(printf('%.2f', round(x * 100) / 100), '0') END AS waarde
FROM shown, params ORDER BY k;
