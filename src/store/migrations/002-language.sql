-- Heartline schema, migration 2: the language of each response (issue #3).
ALTER TABLE responses ADD COLUMN language TEXT;                -- ISO 639-3: one of ours (src/lang/registry.ts), another code, or und
ALTER TABLE responses ADD COLUMN language_confidence REAL;     -- 0–1
ALTER TABLE responses ADD COLUMN language_supported INTEGER;   -- 1 when Heartline tags emotions in it
ALTER TABLE responses ADD COLUMN language_segments TEXT;       -- JSON [{"lang","start","end","confidence","supported"}]
CREATE INDEX responses_language ON responses (language);
