-- Heartline schema, migration 7 (issue #15): rows imported with a warning (a date that cannot be read), and
-- what `heartline forget` needs to take an import back: the run whose content each response holds, the
-- versions an import replaced, and a record of every forget.

-- One row per `heartline forget`: what was asked and what it changed.
CREATE TABLE forgets (
  id                  INTEGER PRIMARY KEY,
  at                  TEXT    NOT NULL,
  run_id              INTEGER REFERENCES import_runs (id),   -- forget --run N
  source              TEXT,                                  -- forget --source S (or the run's source)
  runs                INTEGER NOT NULL,                      -- import runs marked forgotten
  responses_deleted   INTEGER NOT NULL,
  responses_restored  INTEGER NOT NULL,                      -- put back to the version the run replaced
  responses_kept      INTEGER NOT NULL,                      -- the run's rows that later runs read again
  scores_deleted      INTEGER NOT NULL,                      -- separately delivered NPS answers
  scores_restored     INTEGER NOT NULL,
  rejects_deleted     INTEGER NOT NULL,
  warnings_deleted    INTEGER NOT NULL
);

ALTER TABLE import_runs ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;  -- rows imported with a warning
ALTER TABLE import_runs ADD COLUMN forgotten_by INTEGER REFERENCES forgets (id);  -- set by heartline forget

-- Rows imported with something left out, e.g. a date that cannot be read (stored without one).
CREATE TABLE import_warnings (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES import_runs (id),
  file    TEXT    NOT NULL,
  line    INTEGER NOT NULL,
  code    TEXT    NOT NULL,                 -- W_DATE (docs/importing.md, "Validation and reject codes")
  reason  TEXT    NOT NULL,
  value   TEXT    NOT NULL                  -- the value as it stood in the file
);
CREATE INDEX import_warnings_run ON import_warnings (run_id);

-- The run whose content a response holds: the one that inserted it or last changed it (NULL for rows
-- written before this migration: first_run_id, unless an update came since).
ALTER TABLE responses ADD COLUMN content_run_id INTEGER REFERENCES import_runs (id);

-- A response as it was before an import changed it, so `forget --run` can put it back: its content, its
-- analysis and its tags (JSON [{emotion, score, evidence, lexicon_version}]). `absent` marks a version that
-- did not exist: the response was inserted by a run forgotten since, so forgetting this one removes it.
CREATE TABLE response_versions (
  response_id         INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  replaced_by         INTEGER NOT NULL REFERENCES import_runs (id),
  content_run_id      INTEGER REFERENCES import_runs (id),
  absent              INTEGER NOT NULL DEFAULT 0,
  text                TEXT,
  score               INTEGER,
  score_origin        TEXT,
  responded_at        TEXT,
  segments            TEXT,
  declared_language   TEXT,
  row_hash            TEXT,
  file                TEXT,
  line                INTEGER,
  last_run_id         INTEGER,
  updated_at          TEXT,
  language            TEXT,
  language_confidence REAL,
  language_supported  INTEGER,
  language_segments   TEXT,
  polarity            REAL,
  lexicon_version     TEXT,
  tags                TEXT,
  PRIMARY KEY (response_id, replaced_by)
);

-- A separately delivered NPS answer as it was before an import-scores run replaced it.
CREATE TABLE nps_score_versions (
  source        TEXT    NOT NULL,
  external_id   TEXT    NOT NULL,
  replaced_by   INTEGER NOT NULL REFERENCES import_runs (id),
  absent        INTEGER NOT NULL DEFAULT 0,
  score         INTEGER,
  run_id        INTEGER,
  received_at   TEXT,
  PRIMARY KEY (source, external_id, replaced_by)
);
