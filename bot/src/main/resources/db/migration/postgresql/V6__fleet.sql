-- Tasks over the organization: each account's result, stored as it completes (so a resumed audit skips what was
-- done, and a resumed deletion knows which accounts it had started), and the one progress message in the thread.

ALTER TABLE requests ADD COLUMN progress_ts TEXT;

CREATE TABLE fleet_results (
  request_id   TEXT NOT NULL REFERENCES requests (id),
  account_id   TEXT NOT NULL,
  -- STARTED: a deletion began in the account (UNKNOWN after a crash, never run again); DONE: result holds the outcome.
  state        TEXT NOT NULL CHECK (state IN ('STARTED', 'DONE')),
  result       TEXT,
  completed_at TIMESTAMPTZ,
  PRIMARY KEY (request_id, account_id)
);

INSERT INTO rootbot_schema (version) VALUES (6);
