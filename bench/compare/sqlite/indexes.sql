-- Extra indexes for the peer queries, created by bench/compare.sh in a copy of stroom's file
-- (stroom's own file is never changed). Each one exists for a reason:
--   ins_pupil_setting_start: every question reads spells per pupil. In this order a scan yields
--     one pupil's spells together, per setting, by start, so DISTINCT leerling_id (leerlingen
--     totaal, thuiszitters' denominator), the per-pupil dominant setting (stromen) and the
--     window that merges spells (verblijfsduur) stream without a sort. Covering: the table
--     itself is never read.
--   ins_setting_pupil: leerlingen per setting: one range per setting, pupils in order, so
--     DISTINCT streams here too.
--   ins_start, ins_end: min/max start and end dates (the candidate teldata and the default
--     peildatum) in O(log n), and the quick "is anybody enrolled on t" probe.
--   verzuim_thuiszitter: the active thuiszitter reports on a date are one index range.
-- ANALYZE gives the planner the statistics to choose them.
CREATE INDEX ins_pupil_setting_start ON inschrijvingen (leerling_id, onderwijssoort, startdatum, einddatum);
CREATE INDEX ins_setting_pupil ON inschrijvingen (onderwijssoort, leerling_id, startdatum, einddatum);
CREATE INDEX ins_start ON inschrijvingen (startdatum);
CREATE INDEX ins_end ON inschrijvingen (einddatum);
CREATE INDEX verzuim_thuiszitter ON verzuim (thuiszitter, startdatum, einddatum, leerling_id);
ANALYZE;
