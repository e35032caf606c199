-- The staff list: the people who must receive and acknowledge the protocol, without accounts.
-- A leaver is deactivated (deactivated_at), never deleted, so evidence about them keeps its subject.
CREATE TABLE staff_members (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    name             TEXT NOT NULL,
    department       TEXT NULL,
    language         TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    role             TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deactivated_at   TEXT NULL,
    UNIQUE (organisation_id, email_normalized)
);
CREATE INDEX ix_staff_members_department ON staff_members (organisation_id, department);

-- An import between its preview and its confirmation: the validated rows as JSON, for the
-- account that uploaded them, for an hour. Confirming takes the row out (it works once).
CREATE TABLE staff_imports (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_by      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    refused         INTEGER NOT NULL,
    rows            TEXT NOT NULL
);
CREATE INDEX ix_staff_imports_expires ON staff_imports (expires_at);
