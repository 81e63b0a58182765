-- Heartline schema, migration 6: whether each import ran with --redact, so commands that show stored text
-- (heartline suggest's examples) know the database holds masked comments and keep what they print masked.
-- 1 with --redact, 0 without; NULL for runs recorded before this column existed (not known).
ALTER TABLE import_runs ADD COLUMN redacted INTEGER CHECK (redacted IN (0, 1));
