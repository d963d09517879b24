-- verblijfsduur (maatboek): per pupil and setting, spells merged when the next starts at most 7
-- days after the previous ended (an open part makes the stay open); stays with start <= P are an
-- event at end - start + 1 days when they ended by P, else censored at P - start + 1 days;
-- Kaplan-Meier median per setting (smallest event time with S <= 0.5). P = the latest start or
-- end date. S is exp(sum(ln(1 - d/n))); a factor 0 (everyone at risk leaves) makes S 0 from then on.
WITH peil AS (
  SELECT greatest(max(startdatum), coalesce(max(einddatum), DATE '0001-01-01')) AS pd FROM inschrijvingen),
marked AS (
  SELECT pupil AS p, onderwijssoort AS s, startdatum AS st, coalesce(einddatum, DATE '9999-12-31') AS en,
         max(coalesce(einddatum, DATE '9999-12-31')) OVER (
           PARTITION BY pupil, onderwijssoort ORDER BY startdatum
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM inschrijvingen),
numbered AS (
  SELECT p, s, st, en,
         sum(CASE WHEN prev_end IS NULL OR (prev_end < DATE '9999-12-31' AND st - prev_end - 1 > 7) THEN 1 ELSE 0 END)
           OVER (PARTITION BY p, s ORDER BY st ROWS UNBOUNDED PRECEDING) AS stay
  FROM marked),
stays AS (SELECT s, min(st) AS st, max(en) AS en FROM numbered GROUP BY p, s, stay),
durations AS (
  SELECT s, CASE WHEN en <= pd THEN en - st + 1 ELSE pd - st + 1 END AS d, CASE WHEN en <= pd THEN 1 ELSE 0 END AS ev
  FROM stays, peil WHERE st <= pd),
bytime AS (SELECT s, d, sum(ev) AS events, count(*) AS cnt FROM durations GROUP BY s, d),
risk AS (
  SELECT s, d, events, sum(cnt) OVER (PARTITION BY s ORDER BY d DESC ROWS UNBOUNDED PRECEDING) AS at_risk FROM bytime),
km AS (
  SELECT s, d,
         CASE WHEN bool_or(events = at_risk) OVER w THEN 0.0
              ELSE exp(sum(CASE WHEN events < at_risk THEN ln(1.0 - CAST(events AS DOUBLE) / at_risk) ELSE 0 END) OVER w)
         END AS surv
  FROM risk WHERE events > 0
  WINDOW w AS (PARTITION BY s ORDER BY d ROWS UNBOUNDED PRECEDING)),
medians AS (SELECT s, min(d) AS m FROM km WHERE surv <= 0.5 + 1e-12 GROUP BY s),
totals AS (SELECT s, sum(cnt) AS n, sum(cnt) - sum(events) AS c FROM bytime GROUP BY s),
settings(s, k) AS (VALUES ('bao', 1), ('sbo', 2), ('so', 3), ('vo', 4), ('pro', 5), ('vso', 6), ('isk', 7))
SELECT CAST(t.s AS VARCHAR) AS onderwijssoort, t.n AS n, t.c AS gecensureerd, m.m AS waarde
FROM totals t JOIN settings ON settings.s = CAST(t.s AS VARCHAR) LEFT JOIN medians m ON m.s = t.s WHERE t.n > 0 ORDER BY settings.k;
