-- Versions of the protocol: immutable snapshots. The snapshot is the canonical JSON text of the
-- answers, the clause library version and every assembled document; sha256 is its SHA-256.
-- No foreign key to organisations: evidence outlives the organisation's deletion in the app.
CREATE TABLE protocol_versions (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL,
    number           INTEGER NOT NULL,
    label            TEXT NOT NULL,
    substantive      INTEGER NOT NULL,
    snapshot         TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    created_by       TEXT NULL,
    created_by_email TEXT NOT NULL,
    UNIQUE (organisation_id, number),
    UNIQUE (organisation_id, label)
);

-- The audit trail: per organisation a numbered hash chain (see docs/evidence.md). A version's
-- state is the result of its state events here.
CREATE TABLE audit_events (
    organisation_id TEXT NOT NULL,
    sequence        INTEGER NOT NULL,
    at              TEXT NOT NULL,
    actor_id        TEXT NULL,
    actor           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    version_id      TEXT NULL,
    data            TEXT NOT NULL,
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL,
    PRIMARY KEY (organisation_id, sequence)
);
CREATE INDEX ix_audit_events_version ON audit_events (version_id, sequence);

-- Files that belong to the evidence: the works council's letter with its decision.
CREATE TABLE evidence_files (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    version_id      TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    content         BLOB NOT NULL,
    sha256          TEXT NOT NULL,
    uploaded_at     TEXT NOT NULL
);
CREATE INDEX ix_evidence_files_version ON evidence_files (version_id);

-- Works council members: read-only access to submitted versions, and comments.
CREATE TABLE works_council_members (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_works_council_members_user ON works_council_members (user_id);

-- Evidence is append-only: the database itself refuses changes and deletions.
CREATE TRIGGER protocol_versions_no_update BEFORE UPDATE ON protocol_versions BEGIN SELECT RAISE(ABORT, 'protocol_versions is append-only'); END;
CREATE TRIGGER protocol_versions_no_delete BEFORE DELETE ON protocol_versions BEGIN SELECT RAISE(ABORT, 'protocol_versions is append-only'); END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER evidence_files_no_update BEFORE UPDATE ON evidence_files BEGIN SELECT RAISE(ABORT, 'evidence_files is append-only'); END;
CREATE TRIGGER evidence_files_no_delete BEFORE DELETE ON evidence_files BEGIN SELECT RAISE(ABORT, 'evidence_files is append-only'); END;
