-- The schema of Rootbot 0.1 (its own "schema version 1"). A store written by 0.1 already has these tables:
-- it is baselined at this version instead of running this file.
CREATE TABLE IF NOT EXISTS rootbot_schema (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS requests (
  id            TEXT PRIMARY KEY,
  task_kind     TEXT NOT NULL,
  task          TEXT NOT NULL,
  account_id    TEXT NOT NULL,
  account_name  TEXT NOT NULL,
  requester     TEXT NOT NULL,
  channel       TEXT NOT NULL,
  thread_ts     TEXT,
  reason        TEXT,
  state         TEXT NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'RUNNING', 'SUCCEEDED', 'FAILED',
                                               'DENIED', 'CANCELLED', 'EXPIRED', 'UNKNOWN')),
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  decided_by    TEXT,
  decided_at    TEXT,
  card_ts       TEXT,
  started_at    TEXT,
  access_key_id TEXT,
  backup        TEXT,
  outcome       TEXT,
  finished_at   TEXT
);
CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, expires_at);

CREATE TABLE IF NOT EXISTS audit_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  request_id TEXT,
  actor      TEXT NOT NULL,
  event      TEXT NOT NULL,
  detail     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_request ON audit_log (request_id, seq);

CREATE TABLE IF NOT EXISTS outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  kind        TEXT NOT NULL,
  body        TEXT NOT NULL,
  enqueued_at TEXT NOT NULL,
  not_before  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  done_at     TEXT,
  gave_up     TEXT
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (request_id, id) WHERE done_at IS NULL;

CREATE TABLE IF NOT EXISTS seen_events (event_id TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS seen_events_by_age ON seen_events (seen_at);

-- The audit log is append-only in the database itself.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

INSERT INTO rootbot_schema (version) VALUES (1);
