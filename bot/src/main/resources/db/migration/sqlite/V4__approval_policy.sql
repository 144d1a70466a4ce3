-- The approval policy: the rule a request was filed under, its approvals towards the rule's quorum, and the
-- review a break-glass run owes.

ALTER TABLE requests ADD COLUMN rule TEXT;
-- Set for a break-glass run: when its review is due, and the review once done.
ALTER TABLE requests ADD COLUMN review_due_at TEXT;
ALTER TABLE requests ADD COLUMN reviewed_by TEXT;
ALTER TABLE requests ADD COLUMN review_verdict TEXT CHECK (review_verdict IN ('JUSTIFIED', 'NOT_JUSTIFIED'));
ALTER TABLE requests ADD COLUMN review_comment TEXT;
ALTER TABLE requests ADD COLUMN reminded_at TEXT;
CREATE INDEX requests_by_review ON requests (review_due_at);

-- One row per distinct approver of a request: the primary key makes "nobody counts twice" the database's rule.
CREATE TABLE approvals (
  request_id  TEXT NOT NULL REFERENCES requests (id),
  approver    TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  PRIMARY KEY (request_id, approver)
);

INSERT INTO rootbot_schema (version) VALUES (4);
