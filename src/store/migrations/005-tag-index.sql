-- Heartline schema, migration 5: emotion_tags_emotion_score (emotion, score DESC) serves every look-up by
-- emotion that emotion_tags_emotion did; one index fewer to update makes each tag insert cheaper.
DROP INDEX IF EXISTS emotion_tags_emotion;
