-- Heartline schema, migration 1: the import ledger, responses, rejects, separately delivered NPS answers,
-- and the run lock. Table and column names are a public interface (docs/schema.md): add, never rename.

-- One row per file per import: the ledger. rows_read = inserted + updated + unchanged + rejected always,
-- also while a run is in progress (counters move in the same transaction as the rows they count).
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  invocation  TEXT    NOT NULL,            -- shared by the files of one heartline command
  kind        TEXT    NOT NULL CHECK (kind IN ('feedback', 'scores')),
  file        TEXT    NOT NULL,            -- the path as given, or <stdin>
  source      TEXT    NOT NULL,            -- --source: the system the dump comes from
  format      TEXT,                        -- csv, tsv, jsonl, json
  encoding    TEXT,
  checksum    TEXT,                        -- sha256 of the file's bytes as stored (before gunzip)
  started_at  TEXT    NOT NULL,
  finished_at TEXT,
  status      TEXT    NOT NULL CHECK (status IN ('running', 'ok', 'rejects', 'failed', 'interrupted')),
  rows_read   INTEGER NOT NULL DEFAULT 0,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  error       TEXT,                        -- why a failed run failed
  CHECK (rows_read = inserted + updated + unchanged + rejected)
);

-- One row per response, keyed by (source, external_id): the file's id, or '#' + content hash without one.
CREATE TABLE responses (
  id                INTEGER PRIMARY KEY,
  source            TEXT    NOT NULL,
  external_id       TEXT    NOT NULL,
  text              TEXT    NOT NULL,       -- the comment exactly as typed ('' when there is none)
  score             INTEGER CHECK (score BETWEEN 0 AND 10),  -- the NPS answer in effect, NULL if none
  score_origin      TEXT    CHECK (score_origin IN ('inline', 'scores-file')),
  responded_at      TEXT,                   -- ISO 8601 as given: date, local date-time, or with zone
  segments          TEXT    NOT NULL DEFAULT '{}',  -- JSON object of --segment-column values
  declared_language TEXT,                   -- what the survey tool recorded (e.g. UserLanguage), if any
  row_hash          TEXT    NOT NULL,       -- sha1 of the imported content: equal means unchanged
  file              TEXT    NOT NULL,       -- where it was last read from
  line              INTEGER NOT NULL,
  first_run_id      INTEGER NOT NULL REFERENCES import_runs (id),
  last_run_id       INTEGER NOT NULL REFERENCES import_runs (id),  -- the last run that read it
  imported_at       TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  UNIQUE (source, external_id)
);
CREATE INDEX responses_responded_at ON responses (responded_at);

-- Rows that were read but not imported, with the reason.
CREATE TABLE rejects (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES import_runs (id),
  file    TEXT    NOT NULL,
  line    INTEGER NOT NULL,                 -- for a JSON array, the line its element starts on
  code    TEXT    NOT NULL,                 -- R_SCORE, R_DATE, … (docs/importing.md, "Validation and reject codes")
  reason  TEXT    NOT NULL,
  raw     TEXT    NOT NULL                  -- the row as it stood in the file
);
CREATE INDEX rejects_run ON rejects (run_id);

-- NPS answers delivered apart from the feedback (heartline import-scores). An answer whose response has
-- not arrived yet waits here and links when it does.
CREATE TABLE nps_scores (
  source      TEXT    NOT NULL,
  external_id TEXT    NOT NULL,
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  run_id      INTEGER NOT NULL REFERENCES import_runs (id),
  received_at TEXT    NOT NULL,
  PRIMARY KEY (source, external_id)
);

-- At most one writer at a time; a row left by a killed process is taken over (its pid is gone).
CREATE TABLE run_lock (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  pid        INTEGER NOT NULL,
  host       TEXT    NOT NULL,
  command    TEXT    NOT NULL,
  started_at TEXT    NOT NULL
);

-- Convenience for analysts: each response with its NPS group.
CREATE VIEW response_nps AS
SELECT r.*,
       CASE WHEN score >= 9 THEN 'promoter'
            WHEN score >= 7 THEN 'passive'
            WHEN score IS NOT NULL THEN 'detractor' END AS nps_group
FROM responses AS r;
