-- Heartline schema, migration 4: the report picks its verbatims per emotion by tag score; this index lets
-- it stop after the first few instead of sorting every tag of the emotion.
CREATE INDEX emotion_tags_emotion_score ON emotion_tags (emotion, score DESC);
