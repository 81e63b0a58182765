-- Heartline schema, migration 5: one covering index on emotion_tags serves the report. Per emotion it yields
-- the tagged response ids without touching the table, and the verbatims in their order (score, then response
-- id) without a sort. It supersedes the indexes of migrations 3 (emotion) and 4 (emotion, score), so imports
-- still maintain a single index besides the primary key.
CREATE INDEX emotion_tags_emotion_score_response ON emotion_tags (emotion, score DESC, response_id);
DROP INDEX IF EXISTS emotion_tags_emotion_score;
DROP INDEX IF EXISTS emotion_tags_emotion;
