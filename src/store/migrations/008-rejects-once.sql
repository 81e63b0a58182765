-- Heartline schema, migration 8: one reject per (source, file checksum, line) — running a file with bad rows
-- again replaces their rejects instead of adding copies — and the later run that imported a rejected line.
ALTER TABLE rejects ADD COLUMN imported_by INTEGER REFERENCES import_runs (id);  -- NULL: not imported since
CREATE INDEX rejects_run_line ON rejects (run_id, line);
DROP INDEX IF EXISTS rejects_run;
