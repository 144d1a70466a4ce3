-- Approved work lives in the store and is claimed by runners on any replica; leases end with their owner.

-- Each replica says it is alive; a claim whose owner stopped saying so can be taken over.
CREATE TABLE replicas (
  id           TEXT PRIMARY KEY,
  started_at   TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  stopped_at   TEXT
);

-- Periodic work (expiry, recovery, CloudTrail confirmation) runs on one replica at a time.
CREATE TABLE job_leases (
  name       TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- The replica running a request; RUNNING becomes UNKNOWN only when this replica is gone.
ALTER TABLE requests ADD COLUMN runner TEXT;
-- Waiting for CloudTrail to deliver the AssumeRoot event of the session: WAITING, CONFIRMED or GAVE_UP.
ALTER TABLE requests ADD COLUMN trail_state TEXT;
ALTER TABLE requests ADD COLUMN trail_next_at TEXT;
CREATE INDEX requests_approved ON requests (state, decided_at);

-- Who holds an outbox message's lease (not_before is its end).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;

INSERT INTO rootbot_schema (version) VALUES (2);
