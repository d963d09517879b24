-- stromen (maatboek): per pair of consecutive teldata (t - 1 year, t), pupils per
-- (dominant setting on t - 1 year or 'buiten', dominant setting on t or 'buiten').
-- prio orders the settings by intensity rank, ties in the order so vso sbo pro bao vo isk, so the
-- dominant setting is the one with the highest prio; 0 is 'buiten'. A full join of the
-- pupil-years with themselves one year on gives stayers, leavers (no t row) and entrants.
WITH cand AS (SELECT t FROM teldatum_kandidaat),
codes(prio, code, pos) AS (
  VALUES (7, 'so', 3), (6, 'vso', 6), (5, 'sbo', 2), (4, 'pro', 5), (3, 'bao', 1), (2, 'vo', 4), (1, 'isk', 7),
         (0, 'buiten', 8)),
-- prio by enum_code (bao sbo so vo pro vso isk)
prio_of(k, prio) AS (VALUES (0, 3), (1, 5), (2, 7), (3, 2), (4, 4), (5, 6), (6, 1)),
dominant AS (
  SELECT year(c.t) AS y, i.pupil AS p, max(prio_of.prio) AS d
  FROM cand c JOIN inschrijvingen i ON i.startdatum <= c.t AND coalesce(i.einddatum, DATE '9999-12-31') >= c.t
  JOIN prio_of ON prio_of.k = enum_code(i.onderwijssoort)
  GROUP BY ALL),
teldata AS (SELECT DISTINCT y FROM dominant),
flows AS (
  SELECT coalesce(b.y, a.y + 1) AS y, coalesce(a.d, 0) AS van, coalesce(b.d, 0) AS naar, count(*) AS n
  FROM dominant a FULL JOIN dominant b ON b.p = a.p AND b.y = a.y + 1
  GROUP BY ALL)
SELECT f.y || '-' || (f.y + 1) AS schooljaar, v.code AS van, n.code AS naar, f.n AS waarde
FROM flows f JOIN codes v ON v.prio = f.van JOIN codes n ON n.prio = f.naar
WHERE f.y IN (SELECT y FROM teldata) AND f.y - 1 IN (SELECT y FROM teldata)
ORDER BY f.y, v.pos, n.pos;
