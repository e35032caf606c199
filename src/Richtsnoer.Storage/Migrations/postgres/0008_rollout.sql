-- Roll-out: personal links and sessions for staff, the messages sent per version, who opened
-- what, the acknowledgements (append-only evidence) and the batches anchoring them in the audit
-- trail. See docs/decisions/024-acknowledgements-anchored-in-batches.md and docs/evidence.md.

ALTER TABLE organisations ADD COLUMN record_staff_ip boolean NOT NULL DEFAULT false;

-- A personal link: single use, expiring, stored as the SHA-256 of its token.
CREATE TABLE staff_links (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    staff_member_id uuid NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    token_hash      text NOT NULL UNIQUE,
    purpose         text NOT NULL CHECK (purpose IN ('invitation', 'reminder', 'request')),
    version_id      uuid NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz NULL
);
CREATE INDEX ix_staff_links_member ON staff_links (staff_member_id, created_at);

-- A staff session, opened with one link; checked on every request.
CREATE TABLE staff_sessions (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    staff_member_id uuid NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    link_id         uuid NOT NULL REFERENCES staff_links (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    ended_at        timestamptz NULL
);

-- A published version being rolled out, with the address its links point to.
CREATE TABLE rollouts (
    version_id      uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    base_url        text NOT NULL,
    started_at      timestamptz NOT NULL
);

-- Every message of a roll-out: number 0 is the invitation, 1 to 3 the reminders. The unique key
-- is what keeps two instances from sending the same message twice.
CREATE TABLE rollout_messages (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    version_id      uuid NOT NULL,
    staff_member_id uuid NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
    number          integer NOT NULL,
    link_id         uuid NOT NULL,
    outbox_id       uuid NOT NULL,
    queued_at       timestamptz NOT NULL,
    UNIQUE (version_id, staff_member_id, number)
);
CREATE INDEX ix_rollout_messages_org ON rollout_messages (organisation_id, version_id);

-- When a person first opened a version.
CREATE TABLE rollout_opens (
    version_id      uuid NOT NULL,
    staff_member_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    opened_at       timestamptz NOT NULL,
    PRIMARY KEY (version_id, staff_member_id)
);

-- Acknowledgements: evidence, append-only, one per person per version. Names and addresses are
-- copied as they were, so the record stays true after the staff list changes.
CREATE TABLE acknowledgements (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL,
    version_id       uuid NOT NULL,
    version_label    text NOT NULL,
    version_sha256   text NOT NULL,
    language         text NOT NULL,
    staff_member_id  uuid NOT NULL,
    staff_name       text NOT NULL,
    staff_email      text NOT NULL,
    scope            text NOT NULL,
    since_label      text NULL,
    statement        text NOT NULL,
    statement_sha256 text NOT NULL,
    method           text NOT NULL,
    link_id          uuid NULL,
    sent_at          timestamptz NULL,
    opened_at        timestamptz NULL,
    acknowledged_at  timestamptz NOT NULL,
    user_agent       text NULL,
    ip_address       text NULL,
    recipe           text NOT NULL,
    seal             text NOT NULL,
    UNIQUE (version_id, staff_member_id)
);
CREATE INDEX ix_acknowledgements_org ON acknowledgements (organisation_id, version_id);
CREATE INDEX ix_acknowledgements_member ON acknowledgements (staff_member_id);

-- Which acknowledgements an anchor (an audit entry acknowledgements.anchored) fixes, in order.
CREATE TABLE acknowledgement_anchors (
    anchor_id          uuid NOT NULL,
    position           integer NOT NULL,
    organisation_id    uuid NOT NULL,
    version_id         uuid NOT NULL,
    acknowledgement_id uuid NOT NULL UNIQUE,
    PRIMARY KEY (anchor_id, position)
);
CREATE INDEX ix_acknowledgement_anchors_version ON acknowledgement_anchors (version_id);

CREATE TRIGGER acknowledgements_append_only BEFORE UPDATE OR DELETE ON acknowledgements FOR EACH ROW EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER acknowledgements_no_truncate BEFORE TRUNCATE ON acknowledgements FOR EACH STATEMENT EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER acknowledgement_anchors_append_only BEFORE UPDATE OR DELETE ON acknowledgement_anchors FOR EACH ROW EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER acknowledgement_anchors_no_truncate BEFORE TRUNCATE ON acknowledgement_anchors FOR EACH STATEMENT EXECUTE FUNCTION richtsnoer_append_only();
