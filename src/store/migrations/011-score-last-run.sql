-- Heartline schema, migration 11: the last run that read each separately delivered answer, changed or not.
-- An import-scores file that gives one id two different answers rejects the second, also when the first was
-- unchanged — as responses do with last_run_id — so running the same file again changes nothing. (run_id stays
-- the run that wrote the answer: heartline forget relies on it.)
ALTER TABLE nps_scores ADD COLUMN last_run_id INTEGER REFERENCES import_runs (id);
