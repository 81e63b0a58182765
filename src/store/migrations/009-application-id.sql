-- Heartline schema, migration 9: mark the file as a Heartline database ('HRLN' in the SQLite header's
-- application id), so Heartline can tell it from another application's SQLite file and refuse to touch that.
PRAGMA application_id = 1213353038;
