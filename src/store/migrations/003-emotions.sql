-- Heartline schema, migration 3: emotion tags with their evidence, the plain-sentiment baseline, and the
-- lexicon version each response was analysed with (issue #4).
ALTER TABLE responses ADD COLUMN polarity REAL;           -- plain sentiment −1…1 (not derived from the tags)
ALTER TABLE responses ADD COLUMN lexicon_version TEXT;    -- lexicon hash of the analysis; NULL = not analysed

-- One row per (response, emotion) tagged. Responses in unsupported languages have none.
CREATE TABLE emotion_tags (
  response_id     INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  emotion         TEXT    NOT NULL,
  score           REAL    NOT NULL,   -- 0–1
  evidence        TEXT    NOT NULL,   -- JSON [{start, end, text, pattern, source, lang, weight, negator?, intensifier?, flippedFrom?, emphasis?}]
  lexicon_version TEXT    NOT NULL,
  PRIMARY KEY (response_id, emotion)
);
CREATE INDEX emotion_tags_emotion ON emotion_tags (emotion);

-- Every lexicon version that analysed responses: which folders, when first used.
CREATE TABLE lexicon_versions (
  version    TEXT PRIMARY KEY,
  dirs       TEXT NOT NULL,             -- JSON list of lexicon folders (built-in first)
  first_used TEXT NOT NULL
);

-- Convenience for analysts: one row per response and emotion, with the NPS group.
CREATE VIEW response_emotions AS
SELECT r.id AS response_id, r.source, r.external_id, r.language, r.score,
       CASE WHEN r.score >= 9 THEN 'promoter' WHEN r.score >= 7 THEN 'passive'
            WHEN r.score IS NOT NULL THEN 'detractor' END AS nps_group,
       t.emotion, t.score AS emotion_score
FROM responses AS r JOIN emotion_tags AS t ON t.response_id = r.id;
