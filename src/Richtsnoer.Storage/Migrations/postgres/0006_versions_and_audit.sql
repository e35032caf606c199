-- Versions of the protocol: immutable snapshots. The snapshot is the canonical JSON text of the
-- answers, the clause library version and every assembled document; sha256 is its SHA-256.
-- No foreign key to organisations: evidence outlives the organisation's deletion in the app.
-- The snapshot and data columns are text, not jsonb, so the stored bytes are exactly the hashed ones.
CREATE TABLE protocol_versions (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL,
    number           integer NOT NULL,
    label            text NOT NULL,
    substantive      boolean NOT NULL,
    snapshot         text NOT NULL,
    sha256           text NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       uuid NULL,
    created_by_email text NOT NULL,
    UNIQUE (organisation_id, number),
    UNIQUE (organisation_id, label)
);

-- The audit trail: per organisation a numbered hash chain (see docs/evidence.md). A version's
-- state is the result of its state events here.
CREATE TABLE audit_events (
    organisation_id uuid NOT NULL,
    sequence        bigint NOT NULL,
    at              timestamptz NOT NULL,
    actor_id        uuid NULL,
    actor           text NOT NULL,
    kind            text NOT NULL,
    version_id      uuid NULL,
    data            text NOT NULL,
    previous_hash   text NOT NULL,
    hash            text NOT NULL,
    PRIMARY KEY (organisation_id, sequence)
);
CREATE INDEX ix_audit_events_version ON audit_events (version_id, sequence);

-- Files that belong to the evidence: the works council's letter with its decision.
CREATE TABLE evidence_files (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    version_id      uuid NOT NULL,
    file_name       text NOT NULL,
    content_type    text NOT NULL,
    content         bytea NOT NULL,
    sha256          text NOT NULL,
    uploaded_at     timestamptz NOT NULL
);
CREATE INDEX ix_evidence_files_version ON evidence_files (version_id);

-- Works council members: read-only access to submitted versions, and comments.
CREATE TABLE works_council_members (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_works_council_members_user ON works_council_members (user_id);

-- Evidence is append-only: the database itself refuses changes, deletions and truncation.
CREATE FUNCTION richtsnoer_append_only() RETURNS trigger LANGUAGE plpgsql AS
'BEGIN RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME; END';
CREATE TRIGGER protocol_versions_append_only BEFORE UPDATE OR DELETE ON protocol_versions FOR EACH ROW EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER protocol_versions_no_truncate BEFORE TRUNCATE ON protocol_versions FOR EACH STATEMENT EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER evidence_files_append_only BEFORE UPDATE OR DELETE ON evidence_files FOR EACH ROW EXECUTE FUNCTION richtsnoer_append_only();
CREATE TRIGGER evidence_files_no_truncate BEFORE TRUNCATE ON evidence_files FOR EACH STATEMENT EXECUTE FUNCTION richtsnoer_append_only();
