CREATE SCHEMA @SCHEMA@;
CREATE FUNCTION @SCHEMA@.audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TABLE @SCHEMA@.audit_log (
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    request_id text,
    actor text NOT NULL,
    event text NOT NULL,
    detail text NOT NULL
);
ALTER TABLE @SCHEMA@.audit_log ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME @SCHEMA@.audit_log_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE @SCHEMA@.outbox (
    id bigint NOT NULL,
    request_id text NOT NULL,
    kind text NOT NULL,
    body text NOT NULL,
    enqueued_at timestamp with time zone NOT NULL,
    not_before timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    done_at timestamp with time zone,
    gave_up text
);
ALTER TABLE @SCHEMA@.outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME @SCHEMA@.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE @SCHEMA@.requests (
    id text NOT NULL,
    task_kind text NOT NULL,
    task text NOT NULL,
    account_id text NOT NULL,
    account_name text NOT NULL,
    requester text NOT NULL,
    channel text NOT NULL,
    thread_ts text,
    reason text,
    state text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    decided_by text,
    decided_at timestamp with time zone,
    card_ts text,
    started_at timestamp with time zone,
    access_key_id text,
    backup text,
    outcome text,
    finished_at timestamp with time zone,
    CONSTRAINT requests_state_check CHECK ((state = ANY (ARRAY['REQUESTED'::text, 'APPROVED'::text, 'RUNNING'::text, 'SUCCEEDED'::text, 'FAILED'::text, 'DENIED'::text, 'CANCELLED'::text, 'EXPIRED'::text, 'UNKNOWN'::text])))
);
CREATE TABLE @SCHEMA@.rootbot_schema (
    version integer NOT NULL
);
CREATE TABLE @SCHEMA@.seen_events (
    event_id text NOT NULL,
    seen_at timestamp with time zone NOT NULL
);
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (1, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'U0ALICE00', 'request', 'unlock bucket payments-audit-logs in prod-payments (222222222222) with S3UnlockBucketPolicy, because INC-42 locked us out');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (2, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'U0BOB0000', 'approve', 'REQUESTED → APPROVED');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (3, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'rootbot', 'start', 'APPROVED → RUNNING');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (4, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'rootbot', 'session', 'root session started with access key ID ASIAV1SESSIONKEY0001');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (5, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'rootbot', 'backup', 'kept the bucket policy of payments-audit-logs (124 bytes) before changing it');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (6, '2026-11-20 12:00:00+00', 'r-o5lbbtwqjq', 'rootbot', 'succeed', 'RUNNING → SUCCEEDED: Removed the bucket policy.');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (7, '2026-11-20 12:00:00+00', 'r-m2626ddwxq', 'U0ALICE00', 'request', 'delete root credentials in prod-data (333333333333) with IAMDeleteRootUserCredentials, because SEC-12 leaked key');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (8, '2026-11-20 12:00:00+00', 'r-v6lvchihqe', 'U0ALICE00', 'request', 'unlock queue payments-events in prod-payments (222222222222) with SQSUnlockQueuePolicy, because INC-43');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (9, '2026-11-20 12:00:00+00', 'r-v6lvchihqe', 'U0BOB0000', 'approve', 'REQUESTED → APPROVED');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (10, '2026-11-20 12:00:00+00', 'r-v6lvchihqe', 'rootbot', 'start', 'APPROVED → RUNNING');
INSERT INTO @SCHEMA@.audit_log OVERRIDING SYSTEM VALUE VALUES (11, '2026-11-20 12:00:00+00', 'r-m2626ddwxq', 'U0ALICE00', 'refused approve', 'you asked; someone else must approve');
INSERT INTO @SCHEMA@.outbox OVERRIDING SYSTEM VALUE VALUES (1, 'r-o5lbbtwqjq', 'POST_CARD', '', '2026-11-20 12:00:00+00', '2026-11-20 12:00:00+00', 0, NULL, NULL, NULL);
INSERT INTO @SCHEMA@.outbox OVERRIDING SYSTEM VALUE VALUES (2, 'r-m2626ddwxq', 'POST_CARD', '', '2026-11-20 12:00:00+00', '2026-11-20 12:00:00+00', 0, NULL, NULL, NULL);
INSERT INTO @SCHEMA@.requests VALUES ('r-o5lbbtwqjq', 'unlock_bucket', '{"kind":"unlock_bucket","target":"222222222222","bucket":"payments-audit-logs","region":"us-east-1"}', '222222222222', 'prod-payments', 'U0ALICE00', 'C0INCIDENT', NULL, 'INC-42 locked us out', 'SUCCEEDED', '2026-11-20 12:00:00+00', '2026-11-20 12:30:00+00', 'U0BOB0000', '2026-11-20 12:00:00+00', '1700000000.000100', '2026-11-20 12:00:00+00', 'ASIAV1SESSIONKEY0001', '{"kind":"BUCKET_POLICY","account":"222222222222","resource":"payments-audit-logs","region":"us-east-1","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyEveryone\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}', '{"text":"Removed the bucket policy.","steps":[{"action":"s3:DeleteBucketPolicy","detail":"deleted the bucket policy"}]}', '2026-11-20 12:00:00+00');
INSERT INTO @SCHEMA@.requests VALUES ('r-m2626ddwxq', 'delete_root_credentials', '{"kind":"delete_root_credentials","target":"333333333333"}', '333333333333', 'prod-data', 'U0ALICE00', 'C0INCIDENT', '1700000000.000200', 'SEC-12 leaked key', 'REQUESTED', '2026-11-20 12:00:00+00', '2026-11-20 12:30:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO @SCHEMA@.requests VALUES ('r-v6lvchihqe', 'unlock_queue', '{"kind":"unlock_queue","target":"222222222222","queue":{"name":"payments-events"},"region":"us-east-1"}', '222222222222', 'prod-payments', 'U0ALICE00', 'C0INCIDENT', NULL, 'INC-43', 'RUNNING', '2026-11-20 12:00:00+00', '2026-11-20 12:30:00+00', 'U0BOB0000', '2026-11-20 12:00:00+00', NULL, '2026-11-20 12:00:00+00', NULL, NULL, NULL, NULL);
INSERT INTO @SCHEMA@.rootbot_schema VALUES (1);
SELECT pg_catalog.setval('@SCHEMA@.audit_log_seq_seq', 11, true);
SELECT pg_catalog.setval('@SCHEMA@.outbox_id_seq', 2, true);
ALTER TABLE ONLY @SCHEMA@.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (seq);
ALTER TABLE ONLY @SCHEMA@.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);
ALTER TABLE ONLY @SCHEMA@.requests
    ADD CONSTRAINT requests_pkey PRIMARY KEY (id);
ALTER TABLE ONLY @SCHEMA@.seen_events
    ADD CONSTRAINT seen_events_pkey PRIMARY KEY (event_id);
CREATE INDEX audit_log_by_request ON @SCHEMA@.audit_log USING btree (request_id, seq);
CREATE INDEX outbox_pending ON @SCHEMA@.outbox USING btree (request_id, id) WHERE (done_at IS NULL);
CREATE INDEX requests_by_state ON @SCHEMA@.requests USING btree (state, expires_at);
CREATE INDEX seen_events_by_age ON @SCHEMA@.seen_events USING btree (seen_at);
CREATE TRIGGER audit_log_no_change BEFORE DELETE OR UPDATE ON @SCHEMA@.audit_log FOR EACH ROW EXECUTE FUNCTION @SCHEMA@.audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON @SCHEMA@.audit_log FOR EACH STATEMENT EXECUTE FUNCTION @SCHEMA@.audit_log_append_only();
ALTER TABLE ONLY @SCHEMA@.outbox
    ADD CONSTRAINT outbox_request_id_fkey FOREIGN KEY (request_id) REFERENCES @SCHEMA@.requests(id);
