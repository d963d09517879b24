-- Session settings for every peer run: the whole file fits in the page cache (8 GB allowed), the
-- file is memory-mapped, sorts and temporary b-trees stay in memory, and the sorter may use both
-- cores. Output in stroom's csv form: ';' separated with a header line, NULL as an empty field.
.output /dev/null
PRAGMA cache_size = -8000000;
PRAGMA mmap_size = 17179869184;
PRAGMA temp_store = MEMORY;
PRAGMA threads = 2;
-- The candidate teldata every question starts from: each 1 October from the year of the first
-- startdatum up to the latest startdatum or einddatum. Defined once here, not in every query.
CREATE TEMP VIEW teldatum_kandidaat(t) AS
WITH RECURSIVE
bounds(lo, hi) AS (
  SELECT (SELECT min(startdatum) FROM inschrijvingen),
         max((SELECT max(startdatum) FROM inschrijvingen), coalesce((SELECT max(einddatum) FROM inschrijvingen), ''))),
cand(t) AS (
  SELECT substr(lo, 1, 4) || '-10-01' FROM bounds
  UNION ALL SELECT (substr(t, 1, 4) + 1) || '-10-01' FROM cand, bounds WHERE (substr(t, 1, 4) + 1) || '-10-01' <= hi)
SELECT t FROM cand, bounds WHERE t <= hi;
.output stdout
.mode list
.separator ;
.headers on
.nullvalue ''
