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
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  decided_by    TEXT,
  decided_at    TIMESTAMPTZ,
  card_ts       TEXT,
  started_at    TIMESTAMPTZ,
  access_key_id TEXT,
  backup        TEXT,
  outcome       TEXT,
  finished_at   TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, expires_at);

CREATE TABLE IF NOT EXISTS audit_log (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         TIMESTAMPTZ NOT NULL,
  request_id TEXT,
  actor      TEXT NOT NULL,
  event      TEXT NOT NULL,
  detail     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_request ON audit_log (request_id, seq);

CREATE TABLE IF NOT EXISTS outbox (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  kind        TEXT NOT NULL,
  body        TEXT NOT NULL,
  enqueued_at TIMESTAMPTZ NOT NULL,
  not_before  TIMESTAMPTZ NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  done_at     TIMESTAMPTZ,
  gave_up     TEXT
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (request_id, id) WHERE done_at IS NULL;

CREATE TABLE IF NOT EXISTS seen_events (event_id TEXT PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL);
CREATE INDEX IF NOT EXISTS seen_events_by_age ON seen_events (seen_at);

-- The audit log is append-only in the database itself.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

INSERT INTO rootbot_schema (version) VALUES (1);
