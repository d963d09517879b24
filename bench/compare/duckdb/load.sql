-- CSV -> tables, then into the shape stroom's own model has after loading (model_loader.cpp):
-- pupils as dense integers shared by both tables, the setting as a small code (an ENUM in the
-- maatboek's settings order, so enum_code() is the setting's position), spells ordered by pupil
-- and start, and only the columns the model keeps. The raw CSV tables are dropped afterwards.
-- Types are given, not sniffed: leerling_id stays text (a BSN has leading zeros) and an empty
-- date is NULL. The generator writes ';' and ISO dates; a file that deviates fails loudly here.
CREATE TYPE soort AS ENUM ('bao', 'sbo', 'so', 'vo', 'pro', 'vso', 'isk');
CREATE TABLE inschrijvingen_csv AS
SELECT * FROM read_csv($dir || '/inschrijvingen.csv', delim = ';', header = true, quote = '"',
  types = {'leerling_id': 'VARCHAR', 'vestiging_id': 'VARCHAR', 'onderwijssoort': 'VARCHAR',
           'cluster': 'VARCHAR', 'niveau': 'VARCHAR', 'geboortedatum': 'DATE',
           'startdatum': 'DATE', 'einddatum': 'DATE'});
CREATE TABLE verzuim_csv AS
SELECT * FROM read_csv($dir || '/verzuim.csv', delim = ';', header = true, quote = '"',
  types = {'melding_id': 'VARCHAR', 'leerling_id': 'VARCHAR', 'vestiging_id': 'VARCHAR',
           'soort': 'VARCHAR', 'thuiszitter': 'VARCHAR', 'startdatum': 'DATE', 'einddatum': 'DATE',
           'reden': 'VARCHAR'});
CREATE TABLE leerlingen AS
SELECT leerling_id, CAST(row_number() OVER () AS INTEGER) AS pupil
FROM (SELECT leerling_id FROM inschrijvingen_csv UNION SELECT leerling_id FROM verzuim_csv);
CREATE TABLE inschrijvingen AS
SELECT l.pupil, CAST(i.onderwijssoort AS soort) AS onderwijssoort, i.startdatum, i.einddatum
FROM inschrijvingen_csv i JOIN leerlingen l USING (leerling_id) ORDER BY l.pupil, i.startdatum;
CREATE TABLE verzuim AS
SELECT l.pupil, v.thuiszitter = 'ja' AS thuiszitter, v.startdatum, v.einddatum
FROM verzuim_csv v JOIN leerlingen l USING (leerling_id);
DROP TABLE inschrijvingen_csv;
DROP TABLE verzuim_csv;
-- The candidate teldata every question starts from: each 1 October from the year of the first
-- startdatum up to the latest startdatum or einddatum. Defined once here, not in every query.
CREATE VIEW teldatum_kandidaat AS
WITH bounds AS (
  SELECT min(startdatum) AS lo, greatest(max(startdatum), coalesce(max(einddatum), DATE '0001-01-01')) AS hi
  FROM inschrijvingen)
SELECT make_date(CAST(y AS INTEGER), 10, 1) AS t
FROM bounds, range(year(lo), year(hi) + 1) r(y) WHERE make_date(CAST(y AS INTEGER), 10, 1) <= hi;
