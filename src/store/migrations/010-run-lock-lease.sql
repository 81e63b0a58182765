-- Heartline schema, migration 10: the run lock holds a lease its holder renews while it works. A lock whose
-- lease ran out is stale whatever its host (a process on another machine, or a pid reused after a reboot,
-- no longer blocks every run for good).
ALTER TABLE run_lock ADD COLUMN token TEXT;        -- random per run: which process holds it
ALTER TABLE run_lock ADD COLUMN renewed_at TEXT;   -- when the holder last renewed the lease
ALTER TABLE run_lock ADD COLUMN lease_until TEXT;  -- when the lease runs out (NULL: a lock from before leases)
