-- verblijfsduur (maatboek): per pupil and setting, spells merged when the next starts at most 7
-- days after the previous ended (an open part makes the stay open); stays with start <= P are an
-- event at end - start + 1 days when they ended by P, else censored at P - start + 1 days;
-- Kaplan-Meier median per setting = smallest event time with S <= 0.5. P = the latest start or
-- end date. Days are unixepoch() / 86400, as stroom counts them.
-- Merge: a running max of the previous ends (a window in index order, no sort) marks where a new
-- stay starts; a running sum of those marks numbers the stays. KM: at-risk counts by a reverse
-- running sum; S as a recursive product in event-time order, the same multiplications in the
-- same order as stroom, so S is bit-identical (exp(sum(ln)) would only be close).
WITH RECURSIVE
peil(pd, pdd) AS (
  SELECT x, unixepoch(x) / 86400 FROM (
    SELECT max((SELECT max(startdatum) FROM inschrijvingen),
               coalesce((SELECT max(einddatum) FROM inschrijvingen), '')) AS x)),
marked AS (
  SELECT leerling_id AS p, onderwijssoort AS s, startdatum AS st, coalesce(einddatum, '9999-12-31') AS en,
         max(coalesce(einddatum, '9999-12-31')) OVER (
           PARTITION BY leerling_id, onderwijssoort ORDER BY startdatum
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM inschrijvingen INDEXED BY ins_pupil_setting_start),
numbered AS (
  SELECT p, s, st, en,
         sum(prev_end IS NULL OR (prev_end < '9999-12-31'
                                  AND unixepoch(st) / 86400 - unixepoch(prev_end) / 86400 - 1 > 7)) OVER (
           PARTITION BY p, s ORDER BY st ROWS UNBOUNDED PRECEDING) AS stay
  FROM marked),
stays AS (SELECT s, min(st) AS st, max(en) AS en FROM numbered GROUP BY p, s, stay),
durations AS (
  SELECT s, CASE WHEN en <= pd THEN unixepoch(en) / 86400 ELSE pdd END - unixepoch(st) / 86400 + 1 AS d,
         en <= pd AS ev
  FROM stays, peil WHERE st <= pd),
bytime AS MATERIALIZED (SELECT s, d, sum(ev) AS events, count(*) AS cnt FROM durations GROUP BY s, d),
risk AS MATERIALIZED (
  SELECT s, d, events, at_risk, row_number() OVER (PARTITION BY s ORDER BY d) AS k FROM (
    SELECT s, d, events, sum(cnt) OVER (PARTITION BY s ORDER BY d DESC ROWS UNBOUNDED PRECEDING) AS at_risk
    FROM bytime) WHERE events > 0),
km(s, k, d, surv) AS (
  SELECT s, k, d, 1.0 * (1.0 - CAST(events AS REAL) / at_risk) FROM risk WHERE k = 1
  UNION ALL
  SELECT r.s, r.k, r.d, km.surv * (1.0 - CAST(r.events AS REAL) / r.at_risk)
  FROM km JOIN risk r ON r.s = km.s AND r.k = km.k + 1 WHERE km.surv > 0.5 + 1e-12),
medians AS (SELECT s, min(d) AS m FROM km WHERE surv <= 0.5 + 1e-12 GROUP BY s),
totals AS (SELECT s, sum(cnt) AS n, sum(cnt) - sum(events) AS c FROM bytime GROUP BY s),
settings(s, k) AS (VALUES ('bao', 1), ('sbo', 2), ('so', 3), ('vo', 4), ('pro', 5), ('vso', 6), ('isk', 7))
SELECT t.s AS onderwijssoort, t.n AS n, t.c AS gecensureerd, m.m AS waarde
FROM totals t JOIN settings USING (s) LEFT JOIN medians m USING (s) WHERE t.n > 0 ORDER BY settings.k;
