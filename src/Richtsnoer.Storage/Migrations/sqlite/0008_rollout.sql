-- Roll-out: personal links and sessions for staff, the messages sent per version, who opened
-- what, the acknowledgements (append-only evidence) and the batches anchoring them in the audit
-- trail. See docs/decisions/024-acknowledgements-anchored-in-batches.md and docs/evidence.md.

ALTER TABLE organisations ADD COLUMN record_staff_ip INTEGER NOT NULL DEFAULT 0;

-- A personal link: single use, expiring, stored as the SHA-256 of its token.
CREATE TABLE staff_links (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    staff_member_id TEXT NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('invitation', 'reminder', 'request')),
    version_id      TEXT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT NULL
);
CREATE INDEX ix_staff_links_member ON staff_links (staff_member_id, created_at);

-- A staff session, opened with one link; checked on every request.
CREATE TABLE staff_sessions (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    staff_member_id TEXT NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    link_id         TEXT NOT NULL REFERENCES staff_links (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    ended_at        TEXT NULL
);

-- A published version being rolled out, with the address its links point to.
CREATE TABLE rollouts (
    version_id      TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    base_url        TEXT NOT NULL,
    started_at      TEXT NOT NULL
);

-- Every message of a roll-out: number 0 is the invitation, 1 to 3 the reminders. The unique key
-- is what keeps two instances from sending the same message twice.
CREATE TABLE rollout_messages (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    version_id      TEXT NOT NULL,
    staff_member_id TEXT NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    link_id         TEXT NOT NULL,
    outbox_id       TEXT NOT NULL,
    queued_at       TEXT NOT NULL,
    UNIQUE (version_id, staff_member_id, number)
);
CREATE INDEX ix_rollout_messages_org ON rollout_messages (organisation_id, version_id);

-- When a person first opened a version.
CREATE TABLE rollout_opens (
    version_id      TEXT NOT NULL,
    staff_member_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    PRIMARY KEY (version_id, staff_member_id)
);

-- Acknowledgements: evidence, append-only, one per person per version. Names and addresses are
-- copied as they were, so the record stays true after the staff list changes.
CREATE TABLE acknowledgements (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL,
    version_id       TEXT NOT NULL,
    version_label    TEXT NOT NULL,
    version_sha256   TEXT NOT NULL,
    language         TEXT NOT NULL,
    staff_member_id  TEXT NOT NULL,
    staff_name       TEXT NOT NULL,
    staff_email      TEXT NOT NULL,
    scope            TEXT NOT NULL,
    since_label      TEXT NULL,
    statement        TEXT NOT NULL,
    statement_sha256 TEXT NOT NULL,
    method           TEXT NOT NULL,
    link_id          TEXT NULL,
    sent_at          TEXT NULL,
    opened_at        TEXT NULL,
    acknowledged_at  TEXT NOT NULL,
    user_agent       TEXT NULL,
    ip_address       TEXT NULL,
    recipe           TEXT NOT NULL,
    seal             TEXT NOT NULL,
    UNIQUE (version_id, staff_member_id)
);
CREATE INDEX ix_acknowledgements_org ON acknowledgements (organisation_id, version_id);
CREATE INDEX ix_acknowledgements_member ON acknowledgements (staff_member_id);

-- Which acknowledgements an anchor (an audit entry acknowledgements.anchored) fixes, in order.
CREATE TABLE acknowledgement_anchors (
    anchor_id          TEXT NOT NULL,
    position           INTEGER NOT NULL,
    organisation_id    TEXT NOT NULL,
    version_id         TEXT NOT NULL,
    acknowledgement_id TEXT NOT NULL UNIQUE,
    PRIMARY KEY (anchor_id, position)
);
CREATE INDEX ix_acknowledgement_anchors_version ON acknowledgement_anchors (version_id);

CREATE TRIGGER acknowledgements_no_update BEFORE UPDATE ON acknowledgements BEGIN SELECT RAISE(ABORT, 'acknowledgements is append-only'); END;
CREATE TRIGGER acknowledgements_no_delete BEFORE DELETE ON acknowledgements BEGIN SELECT RAISE(ABORT, 'acknowledgements is append-only'); END;
CREATE TRIGGER acknowledgement_anchors_no_update BEFORE UPDATE ON acknowledgement_anchors BEGIN SELECT RAISE(ABORT, 'acknowledgement_anchors is append-only'); END;
CREATE TRIGGER acknowledgement_anchors_no_delete BEFORE DELETE ON acknowledgement_anchors BEGIN SELECT RAISE(ABORT, 'acknowledgement_anchors is append-only'); END;
