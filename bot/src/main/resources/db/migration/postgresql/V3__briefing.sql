-- What the approver is shown and the run is bound to, and which unlock a restore puts back.

-- The preview read in a root session before the card (the snapshot as JSON, with its fingerprint).
ALTER TABLE requests ADD COLUMN preview TEXT;
-- The access key ID of the preview's root session.
ALTER TABLE requests ADD COLUMN preview_key TEXT;
-- The preflight's warnings for the approver, as a JSON array of texts.
ALTER TABLE requests ADD COLUMN warnings TEXT;
-- For a restore: the unlock request whose backup it puts back. A second restore of one unlock is refused.
ALTER TABLE requests ADD COLUMN restore_of TEXT;
CREATE INDEX requests_by_restore ON requests (restore_of);

INSERT INTO rootbot_schema (version) VALUES (3);
