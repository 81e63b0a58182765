-- Heartline schema, migration 12: no index on responses.responded_at. Nothing Heartline runs reads through it
-- (the report scans every response NOT INDEXED and filters dates on the way), while every insert paid for it:
-- a dump not sorted by date inserts all over the index, and each batch's commit rewrote most of its pages —
-- half the time of inserting 200,000 rows with dates spread over a year (1.6 s → 0.8 s in one process).
-- A date-filtered query of your own now scans the table (about 0.03 s per 200,000 responses).
DROP INDEX IF EXISTS responses_responded_at;
